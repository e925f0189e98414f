"""Bad input through the Telegram handlers: the real Application in-process against the Bot API emulator.

Random text (from `fuzz_inputs`) as private messages, group mentions, /ask, inline queries and button
presses; one bot per test, so each conversation's context carries from one example to the next. After
every update: each Bot API call succeeded (the emulator parses HTML and checks limits as Telegram
does), no message is over 4096 UTF-16 code units or empty, nothing reached the error handler (no
"Sorry, something went wrong", no error logged), and the user's words never became a link, a mention
or formatting. Hypothesis is derandomized and the counts are small, to keep `make test` fast.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from fuzz_inputs import text_strategy
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from telegram_harness import BOT_USERNAME, Harness, make_settings

from benchmarks.botapi_emulator import BotAPIEmulator, Call, TelegramHTML, find_auto_entities, utf16_len
from bot.engine import Engine
from bot.telegram.app import COMMANDS, build_application

SORRY = "Sorry, something went wrong"
TELEGRAM_SPACE = " \t\r\n\x0b\x0c"
PARSER = TelegramHTML()
BOT_COMMANDS = {f"/{c.command}" for c in COMMANDS}
PAYLOADS = [
    "<a href='https://evil.example/x'>click</a>",
    '<a href="tg://user?id=1">me</a>',
    "<b>bold</b> <i>it</i> <code>c</code>",
    "@someone",
    "tg://user?id=1",
    "&lt;b&gt;x&lt;/b&gt;",
    "https://evil.example/x evil.example",
    "*bold* _it_ [link](https://evil.example)",
]
ECHOES = [
    "how many SCRs were published in 2013/1400000 {p}",
    "how many SCRs were published in Scotland {p}",
    "{p} how many SCRs were published in 2019/20 {p}",
    "how many SCRs were published in the previous year {p}",
    "{p} how many SCRs were published in 2013/14?",
    "{p} numbers",
    "{p}",
]
SETTINGS = settings(
    max_examples=50,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

Run = Callable[[Coroutine[Any, Any, Any]], Any]


@contextmanager
def running_bot(engine: Engine, tmp_path: Path) -> Iterator[tuple[Harness, Run]]:
    """One emulator and one started Application on an event loop of our own, so hypothesis (which is
    synchronous) can drive it example after example."""
    loop = asyncio.new_event_loop()
    try:
        with BotAPIEmulator() as emu:
            app = build_application(make_settings(emu, tmp_path / "state.db"), engine)
            loop.run_until_complete(app.initialize())
            loop.run_until_complete(app.start())
            try:
                yield Harness(emu, app), loop.run_until_complete
            finally:
                loop.run_until_complete(app.stop())
                loop.run_until_complete(app.shutdown())
            assert emu.internal_errors == []
    finally:
        loop.close()


def check_calls(calls: list[Call], caplog: pytest.LogCaptureFixture) -> list[Call]:
    """Every call succeeded and every message is sound; returns the sendMessage calls."""
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors == [], [r.getMessage() for r in errors]
    for call in calls:
        assert call.ok, (call.method, call.error, call.params)
    sent = [c for c in calls if c.method == "sendMessage"]
    for call in sent:
        html = call.params["text"]
        assert SORRY not in html
        assert 0 < utf16_len(html) <= 4096
        shown = call.result["text"]
        assert shown.strip(TELEGRAM_SPACE) and utf16_len(shown) <= 4096
        if call.params.get("parse_mode") == "HTML":
            assert PARSER.parse(html)[0] == shown
        assert_inert(shown, call.result.get("entities", []))
        for row in (call.params.get("reply_markup") or {}).get("inline_keyboard", []):
            for button in row:
                assert len(button["callback_data"].encode()) <= 64
    return sent


def assert_inert(shown: str, entities: list[dict[str, Any]]) -> None:
    """No link or mention in a message, and formatting only where the bot puts it (a bold heading)."""
    assert all(e["type"] == "bold" for e in entities), entities
    for entity in find_auto_entities(shown):  # what Telegram would turn into a link or a mention
        word = shown[entity["offset"] : entity["offset"] + entity["length"]]
        assert entity["type"] == "bot_command" and word in BOT_COMMANDS, (entity, word, shown)


def delivered(text: str) -> str:
    """The text as Telegram delivers it (trimmed), or '' when it would deliver no text message at all."""
    return text.strip(TELEGRAM_SPACE)


# -- private chats, groups, /ask --------------------------------------------------------------------


def test_random_private_messages(engine: Engine, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with running_bot(engine, tmp_path) as (tg, run):

        @settings(SETTINGS, max_examples=100)
        @given(text=text_strategy(max_chars=4096))
        @example(text="\x00")
        @example(text="😀" * 4096)
        @example(text="&" * 4096)
        @example(text="<b>" * 1365)
        @example(text="\u202e\u200f how many SCRs\u0301 were published in 2013/14 \u200b?")
        def check(text: str) -> None:
            text = delivered(text)
            assume(text)
            sent = check_calls(run(tg.send(tg.emu.private_message(text))), caplog)
            if not text.startswith("/"):  # commands are for their handlers; anything else is answered
                assert sent

        check()
        assert len(tg.emu.calls_to("sendMessage")) >= 80  # the examples really reached the bot


def test_random_group_mentions(engine: Engine, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    groups = iter(range(-1001000000001, -1002000000000, -1))  # a group each: Telegram's 20 a minute per group
    with running_bot(engine, tmp_path) as (tg, run):

        @settings(SETTINGS, max_examples=60)
        @given(text=text_strategy(max_chars=4000), first=st.booleans())
        @example(text="", first=True)
        @example(text="@someone <a href='tg://user?id=1'>x</a>", first=False)
        def check(text: str, first: bool) -> None:
            text = f"@{BOT_USERNAME} {text}" if first else f"{delivered(text)} @{BOT_USERNAME}"
            asked = tg.emu.group_message(text, chat_id=next(groups))
            sent = check_calls(run(tg.send(asked)), caplog)
            assert sent  # addressed to the bot: always an answer, quoting the asker
            assert sent[0].result["reply_to_message"]["message_id"] == asked["message"]["message_id"]

        check()


def test_random_ask_commands(engine: Engine, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    groups = iter(range(-1001000000001, -1002000000000, -1))
    with running_bot(engine, tmp_path) as (tg, run):

        @settings(SETTINGS, max_examples=25)
        @given(text=text_strategy(max_chars=4000), group=st.booleans())
        def check(text: str, group: bool) -> None:
            message = f"/ask@{BOT_USERNAME} {text}" if group else f"/ask {text}"
            update = tg.emu.group_message(message, chat_id=next(groups)) if group else tg.emu.private_message(message)
            assert check_calls(run(tg.send(update)), caplog)

        check()


# -- inline mode and buttons ----------------------------------------------------------------------


def test_random_inline_queries(engine: Engine, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with running_bot(engine, tmp_path) as (tg, run):

        @SETTINGS
        @given(text=text_strategy(max_chars=256))  # Telegram sends at most 256 characters
        @example(text="<a href='tg://user?id=1'>@someone</a> &lt;b&gt; SCRs 2013/1400000")
        def check(text: str) -> None:
            calls = run(tg.send(tg.emu.inline_query(text)))
            check_calls(calls, caplog)
            assert [c.method for c in calls] == ["answerInlineQuery"]
            for result in calls[0].params["results"]:
                assert_inline_result_inert(result)

        check()


def assert_inline_result_inert(result: dict[str, Any]) -> None:
    content = result["input_message_content"]
    html = content["message_text"]
    assert content["parse_mode"] == "HTML" and 0 < utf16_len(html) <= 4096
    shown, entities = PARSER.parse(html)
    assert shown.strip(TELEGRAM_SPACE) and utf16_len(shown) <= 4096
    assert_inert(shown, entities)
    for field in ("title", "description"):  # plain text in the results list
        value = result.get(field, "")
        for marker in ("<", ">", "&", "tg:", "@", "evil", "someone", "href"):
            assert marker not in value, (field, value)


def test_random_button_presses(engine: Engine, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """Callback data comes from the client; a modified client can send any 64 bytes."""
    with running_bot(engine, tmp_path) as (tg, run):
        check_calls(run(tg.send(tg.emu.private_message("how many SCRs were published in 2013/14?"))), caplog)

        @settings(SETTINGS, max_examples=30)
        @given(prefix=st.sampled_from(["q:", "i:", "", "x"]), text=text_strategy(max_chars=62))
        @example(prefix="i:", text="no.such.intent")
        @example(prefix="i:", text="")
        def check(prefix: str, text: str) -> None:
            data = prefix + text
            while len(data.encode()) > 64:
                data = data[:-1]
            check_calls(run(tg.send(tg.emu.callback_query(data))), caplog)

        check()


# -- user text is never echoed as markup ------------------------------------------------------------


@pytest.mark.parametrize("template", ECHOES)
def test_echoed_user_text_is_inert_in_every_chat_kind(
    engine: Engine, tmp_path: Path, caplog: pytest.LogCaptureFixture, template: str
) -> None:
    with running_bot(engine, tmp_path) as (tg, run):
        for payload in PAYLOADS:
            question = template.format(p=payload)
            for update in (
                tg.emu.private_message(question),
                tg.emu.group_message(f"@{BOT_USERNAME} {question}"),
                tg.emu.private_message(f"/ask {question}"),
            ):
                sent = check_calls(run(tg.send(update)), caplog)
                assert sent
                for call in sent:
                    for marker in ("evil", "someone", "tg:", "href", "<", ">", "&lt"):
                        assert marker not in call.result["text"], (marker, call.result["text"])
            calls = run(tg.send(tg.emu.inline_query(question[:256])))
            check_calls(calls, caplog)
            for result in calls[0].params["results"]:
                assert_inline_result_inert(result)
