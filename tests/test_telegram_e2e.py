"""End to end over real HTTP: the unmodified bot process (`python -m bot run`, by long polling or by
webhook) against the Bot API emulator, driven by scripted conversations, stopped with SIGTERM.

Silence is checked the only sound way across processes: a message that must get no reply is
followed by one that must, and once that reply arrives (updates are handled in order) the silent
one is known to have produced nothing. After the process has exited, the total number of messages
sent is checked too, so nothing can trickle in later.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from telegram_harness import (
    BOT_USERNAME,
    QUESTION,
    BotProcess,
    assert_clean_exit,
    buttons,
    clean_env,
    free_port,
    post_json,
    quoted_id,
    wait_for_port,
)

from benchmarks.botapi_emulator import DEFAULT_GROUP_ID, DEFAULT_USER, BotAPIEmulator, Call

TOKEN = "7654321:AAH-e2e_SECRET-token_value"  # distinctive, so a leak is unmistakable
SECRET = "s3cret"
ALICE = DEFAULT_USER["id"]
GROUP = DEFAULT_GROUP_ID


@pytest.fixture
def emu() -> Iterator[BotAPIEmulator]:
    # webhook retries cover the moment between setWebhook and the bot's server accepting connections
    with BotAPIEmulator(token=TOKEN, webhook_max_attempts=20, webhook_retry_delay=0.02) as emulator:
        yield emulator
        assert emulator.internal_errors == []


@pytest.fixture
def launch(emu: BotAPIEmulator, tmp_path: Path) -> Iterator[Callable[..., BotProcess]]:
    """Start bot processes; whatever a failing test leaves running is killed."""
    started: list[BotProcess] = []

    def _launch(webhook: bool = False, ready: str = "setMyCommands", **env: str) -> BotProcess:
        bot = BotProcess.for_emulator(emu, tmp_path, webhook=webhook, **env)
        started.append(bot)
        return bot.start(emu, ready=ready)

    yield _launch
    for bot in started:
        bot.kill()


def sent(emu: BotAPIEmulator) -> list[Call]:
    return [c for c in emu.calls if c.method in ("sendMessage", "sendPhoto")]


def exchange(emu: BotAPIEmulator, update: dict, replies: int = 1, method: str = "sendMessage") -> list[Call]:
    """Push one update and wait for the bot's `replies` new calls to `method`."""
    before = len(emu.calls_to(method))
    emu.push_update(update)
    calls = emu.wait_for_calls(method, before + replies, timeout=10)[before:]
    assert all(c.ok for c in calls), [c.error for c in calls]
    return calls


def text_of(call: Call) -> str:
    return call.result["text"]


# -- long polling --------------------------------------------------------------------------------


def test_polling_conversation_in_a_private_chat_and_a_group(emu: BotAPIEmulator, launch) -> None:
    bot = launch(SCRBOT_USER_RATE="30")  # one user's dozen commands in seconds: over the default 10 a minute
    assert {c["command"] for c in emu.commands()} >= {"ask", "figures", "why", "chart", "source", "about"}

    # private chat
    (start,) = exchange(emu, emu.private_message("/start"))
    assert start.params["chat_id"] == ALICE and buttons(start)
    question = emu.private_message(QUESTION)
    (answer,) = exchange(emu, question)
    assert answer.params["parse_mode"] == "HTML" and text_of(answer) == "In 2013/14, 71 SCRs were published."
    assert ("And the previous year?", "q:And the previous year?") in buttons(answer)
    (followup,) = exchange(emu, emu.private_message("and the previous year?"))
    assert text_of(followup) == "In 2012/13, 31 SCRs were published."
    (pressed,) = exchange(emu, emu.callback_query("q:What drove the rise?"))
    assert emu.calls_to("answerCallbackQuery") and "Woolmore" in text_of(pressed)
    (hint,) = exchange(emu, emu.sticker_message())
    assert text_of(hint).startswith("I can only read text questions.")

    emu.push_update(emu.edited_message("how many SCRs were commissioned in 2011/12?", question["message"]))  # silent
    (figures,) = exchange(emu, emu.private_message("/figures"))
    assert "2011/12: 55 commissioned" in text_of(figures)
    (inline,) = exchange(emu, emu.inline_query(QUESTION), method="answerInlineQuery")
    assert "71" in inline.params["results"][0]["input_message_content"]["message_text"]

    # group
    emu.push_update(emu.group_message("lunch anyone?"))  # silent
    asked = emu.group_message(f"@{BOT_USERNAME} how many SCRs were commissioned in 2013/14?")
    (mention,) = exchange(emu, asked)
    assert mention.params["chat_id"] == GROUP and "114" in text_of(mention)
    assert quoted_id(mention) == asked["message"]["message_id"]

    emu.push_update(emu.group_message("/ask@otherbot how many SCRs were published in 2011/12?"))  # silent
    asked = emu.group_message(f"/ask@{BOT_USERNAME} how many SCRs were published in 2011/12?")
    (ask,) = exchange(emu, asked)
    assert text_of(ask).startswith("In 2011/12, 12 SCRs were published.\n(The article says")
    assert quoted_id(ask) == asked["message"]["message_id"]

    asked = emu.group_message("what about 2012/13?", reply_to=ask.result["message_id"])
    (reply,) = exchange(emu, asked)
    assert (
        text_of(reply) == "In 2012/13, 31 SCRs were published." and quoted_id(reply) == asked["message"]["message_id"]
    )

    (usage,) = exchange(emu, emu.group_message(f"/ask@{BOT_USERNAME}"))
    assert text_of(usage).startswith("Ask me like this: /ask")
    emu.push_update(emu.channel_post(f"@{BOT_USERNAME} {QUESTION}"))  # silent
    emu.push_update(emu.sticker_message(chat={"id": GROUP, "type": "supergroup", "title": "SCR Test Group"}))  # silent
    (intro,) = exchange(emu, emu.new_chat_members())
    assert "Mention me" in text_of(intro)

    result = bot.stop()
    assert_clean_exit(result, TOKEN)
    assert len(sent(emu)) == 11  # one per answered message above, nothing for the silent ones
    assert not any("55 SCRs" in text_of(c) for c in sent(emu))  # the edited question was not answered
    assert all(c.ok for c in emu.calls if c.method != "getUpdates")
    assert "answered chat_type=private" in result.output  # one line per answer ...
    assert QUESTION not in result.output and "lunch anyone" not in result.output  # ... without the message text


def test_chart_over_http(emu: BotAPIEmulator, launch) -> None:
    bot = launch()
    (photo,) = exchange(emu, emu.private_message("/chart"), method="sendPhoto")
    assert photo.params["photo"].data.startswith(b"\x89PNG")
    assert "2011/12 to 2013/14" in photo.result["caption"]
    assert_clean_exit(bot.stop(), TOKEN)


def test_context_survives_a_process_restart(emu: BotAPIEmulator, launch, tmp_path: Path) -> None:
    state = str(tmp_path / "kept.db")
    first = launch(SCRBOT_STATE=state)
    exchange(emu, emu.private_message(QUESTION))
    assert_clean_exit(first.stop(), TOKEN)

    emu.reset_calls()
    second = launch(SCRBOT_STATE=state)
    (followup,) = exchange(emu, emu.private_message("and the previous year?"))
    assert text_of(followup) == "In 2012/13, 31 SCRs were published."
    assert_clean_exit(second.stop(), TOKEN)


def test_dotenv_in_the_working_directory_configures_the_bot(emu: BotAPIEmulator, tmp_path: Path) -> None:
    (tmp_path / ".env").write_text(
        f"TELEGRAM_BOT_TOKEN={emu.token}\n"
        f"export TELEGRAM_BASE_URL={emu.base_url}\n"
        f'TELEGRAM_BASE_FILE_URL="{emu.base_file_url}"\n'
        f"SCRBOT_STATE={tmp_path / 'dotenv.db'}\n",
        encoding="utf-8",
    )
    bot = BotProcess(clean_env(), tmp_path)
    try:
        bot.start(emu)
        (answer,) = exchange(emu, emu.private_message(QUESTION))
        assert "71" in text_of(answer)
        assert_clean_exit(bot.stop(), TOKEN)
    finally:
        bot.kill()
    assert (tmp_path / "dotenv.db").exists()


# -- webhook -------------------------------------------------------------------------------------


def webhook_env(port: int, url: str | None = None) -> dict[str, str]:
    return {
        "SCRBOT_WEBHOOK_URL": url or f"http://127.0.0.1:{port}/hook",
        "SCRBOT_WEBHOOK_PORT": str(port),
        "SCRBOT_WEBHOOK_LISTEN": "127.0.0.1",
        "SCRBOT_WEBHOOK_SECRET": SECRET,
    }


def test_webhook_conversation(emu: BotAPIEmulator, launch) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/hook"
    bot = launch(webhook=True, ready="setWebhook", **webhook_env(port))
    (set_webhook,) = emu.calls_to("setWebhook")
    assert set_webhook.ok
    assert set_webhook.params["url"] == url and set_webhook.params["secret_token"] == SECRET
    assert emu.webhook_url == url
    wait_for_port(port)

    (answer,) = exchange(emu, emu.private_message(QUESTION))
    assert answer.params["parse_mode"] == "HTML" and text_of(answer) == "In 2013/14, 71 SCRs were published."
    # the webhook answers Telegram once the update was handled, so the delivery ends after the reply
    emu.wait_for(lambda: emu.webhook_deliveries and emu.webhook_deliveries[-1].status is not None)
    assert emu.webhook_deliveries[-1].ok and emu.webhook_deliveries[-1].url == url

    # Someone who is not Telegram posts to the webhook: refused, and never answered.
    forged = {**emu.private_message("how many SCRs were commissioned in 2011/12?"), "update_id": 900_000}
    assert post_json(url, forged) == 403
    assert post_json(url, {**forged, "update_id": 900_001}, {"X-Telegram-Bot-Api-Secret-Token": "guess"}) == 403

    asked = emu.group_message(f"@{BOT_USERNAME} how many SCRs were published in 2012/13?")
    (mention,) = exchange(emu, asked)
    assert (
        text_of(mention) == "In 2012/13, 31 SCRs were published."
        and quoted_id(mention) == asked["message"]["message_id"]
    )
    emu.push_update(emu.group_message("lunch anyone?"))  # silent
    asked = emu.group_message(f"/ask@{BOT_USERNAME} and the previous year?")
    (ask,) = exchange(emu, asked)
    assert text_of(ask).startswith("In 2011/12, 12 SCRs were published.\n(The article says")
    assert quoted_id(ask) == asked["message"]["message_id"]
    (inline,) = exchange(emu, emu.inline_query("why did they rise?"), method="answerInlineQuery")
    assert "Woolmore" in inline.params["results"][0]["input_message_content"]["message_text"]

    result = bot.stop()
    assert_clean_exit(result, TOKEN)
    assert len(sent(emu)) == 3
    assert all("55" not in text_of(c) for c in sent(emu))  # the forged question was never answered
    assert emu.calls_to("getUpdates") == []
    assert SECRET not in result.output


def test_webhook_url_without_a_path_still_receives_updates(emu: BotAPIEmulator, launch) -> None:
    port = free_port()
    bot = launch(webhook=True, ready="setWebhook", **webhook_env(port, url=f"http://127.0.0.1:{port}"))
    wait_for_port(port)
    update_id = emu.push_update(emu.private_message(QUESTION))
    delivered = emu.wait_for(
        lambda: [d for d in emu.webhook_deliveries if d.update_id == update_id and d.status is not None]
    )
    assert delivered[0].status == 200, f"the webhook answered {delivered[0].status}"
    emu.wait_for_calls("sendMessage", timeout=5)
    assert_clean_exit(bot.stop(), TOKEN)
