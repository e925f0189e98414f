"""The Telegram handlers in-process: the real Application from `build_application`, real HTTP to the
Bot API emulator, real update JSON. Every assertion is on the Bot API calls the bot made (method,
chat, text, parse mode, buttons, quoting), or on their absence where silence is right.

`Harness.send` returns once the update is fully handled, so an empty list of calls is an exact
"the bot said nothing", not a timed guess.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from telegram_harness import (
    BOT_USERNAME,
    QUESTION,
    SOURCE_SENTENCE,
    Harness,
    buttons,
    make_settings,
    quoted_id,
    sends,
    texts,
)

from benchmarks.botapi_emulator import DEFAULT_GROUP_ID, DEFAULT_USER, BotAPIEmulator, UploadedFile
from bot import __version__
from bot.answers.meta import examples
from bot.engine import Engine
from bot.reply import Reply, Suggestion
from bot.telegram.app import COMMANDS, _post_init, build_application

ALICE = DEFAULT_USER["id"]
BOB = {"id": 222222, "is_bot": False, "first_name": "Bob", "username": "bob_reviewer"}
GROUP = DEFAULT_GROUP_ID


@pytest.fixture
async def tg(emu: BotAPIEmulator, engine: Engine, tmp_path: Path) -> AsyncIterator[Harness]:
    app = build_application(make_settings(emu, tmp_path / "s.db"), engine)
    async with app:
        await app.start()
        yield Harness(emu, app)
        await app.stop()


def only_send(calls: list, method: str = "sendMessage"):
    """The single call a handler made, checked to have succeeded (the emulator validates like Telegram)."""
    assert [c.method for c in calls] == [method], [(c.method, c.error) for c in calls]
    assert calls[0].ok, calls[0].error
    return calls[0]


def shown(call) -> str:
    """The message text as the user sees it (HTML already parsed by the emulator)."""
    return call.result.get("text", call.result.get("caption", ""))


# -- private chats -------------------------------------------------------------------------------


async def test_private_question_is_answered_in_html_with_follow_up_buttons(tg: Harness) -> None:
    call = only_send(await tg.send(tg.emu.private_message(QUESTION)))
    assert call.params["chat_id"] == ALICE
    assert call.params["parse_mode"] == "HTML"
    assert "71" in call.params["text"] and shown(call) == "In 2013/14, 71 SCRs were published."
    assert quoted_id(call) is None  # no need to quote in a one-to-one chat
    labels = buttons(call)
    assert ("And the previous year?", "q:And the previous year?") in labels
    assert len(labels) >= 2
    assert all(data.startswith("q:") and len(data.encode()) <= 64 for _, data in labels)


async def test_follow_up_uses_the_previous_question(tg: Harness) -> None:
    await tg.send(tg.emu.private_message(QUESTION))
    call = only_send(await tg.send(tg.emu.private_message("and the previous year?")))
    assert shown(call) == "In 2012/13, 31 SCRs were published."
    call = only_send(await tg.send(tg.emu.private_message("what about commissioned ones?")))
    assert "81" in shown(call) and "commissioned" in shown(call)


async def test_a_conversation_from_the_issue_goes_the_same_way_in_telegram(tg: Harness) -> None:
    """Questions read for their meaning, over real Bot API calls: a fresh question after an extreme, a gap
    follow-up, a verdict and a quote rendered as a blockquote."""
    focus = "What does the article say the Ofsted evaluations did to LSCBs' focus?"
    call = only_send(await tg.send(tg.emu.private_message(focus)))
    assert "<blockquote>" in call.params["text"] and "fully focus on the review itself" in shown(call)
    call = only_send(await tg.send(tg.emu.private_message("which year had the most SCRs published?")))
    assert "71" in shown(call)
    call = only_send(await tg.send(tg.emu.private_message("how many SCRs were published in 2012/13?")))
    assert shown(call) == "In 2012/13, 31 SCRs were published."
    call = only_send(await tg.send(tg.emu.private_message("and the other measure?")))
    assert "81" in shown(call)
    call = only_send(await tg.send(tg.emu.private_message("what's the gap between them?")))
    assert "50 more commissioned than published" in shown(call)
    call = only_send(await tg.send(tg.emu.private_message("so 90 were commissioned in 2012/13?")))
    assert shown(call).startswith("No.") and "81" in shown(call)


async def test_context_is_forgotten_after_the_ttl(emu: BotAPIEmulator, engine: Engine, tmp_path: Path) -> None:
    forgetful = Engine(engine.facts, engine.intents, context_ttl=0)
    async with build_application(make_settings(emu, tmp_path / "s.db"), forgetful) as app:
        tg = Harness(emu, app)
        await tg.send(emu.private_message(QUESTION))
        call = only_send(await tg.send(emu.private_message("and the previous year?")))
    assert "31" not in shown(call)


@pytest.mark.parametrize(
    "question",
    [
        "<b>how many SCRs were published in 2013/14?</b>",
        "how many SCRs were published in 2013/14? & < > \" '",
        "how many SCRs were published in 2013/14 &amp; &lt;i&gt; <i>",
        "<a href='javascript:x'>how many SCRs</a> were published in <2013/14>?",
    ],
)
async def test_html_in_a_question_never_breaks_the_answer(tg: Harness, question: str) -> None:
    call = only_send(await tg.send(tg.emu.private_message(question)))
    assert call.params["parse_mode"] == "HTML"
    assert "71" in shown(call)


@pytest.mark.parametrize("question", ["<script>alert(1)</script> & <<>>", "SCRs published in 2013/19 <b>&", "&"])
async def test_html_in_an_unanswerable_question_never_breaks_the_reply(tg: Harness, question: str) -> None:
    call = only_send(await tg.send(tg.emu.private_message(question)))
    assert call.params["parse_mode"] == "HTML" and shown(call)


async def test_markup_characters_in_an_answer_are_shown_literally(
    tg: Harness, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = 'Figures < 5 & > 2, <b>not bold</b> &amp; "quoted"'
    monkeypatch.setattr(engine, "reply", lambda q, ctx: (Reply(text, "figures.count", 1.0, "answer"), ctx))
    call = only_send(await tg.send(tg.emu.private_message("anything")))
    assert shown(call) == text
    assert not call.result.get("entities")


async def test_a_very_long_answer_is_split_into_messages_under_the_limit(
    tg: Harness, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = [f"{i:03d}. Serious case reviews & <local> boards: " + "figures " * 12 for i in range(150)]
    text = "\n".join(line.strip() for line in lines)
    long_reply = Reply(text, "figures.count", 1.0, "answer", suggestions=(Suggestion("What drove the rise?"),))
    monkeypatch.setattr(engine, "reply", lambda q, ctx: (long_reply, ctx))

    asked = tg.emu.group_message(f"@{BOT_USERNAME} tell me everything")
    calls = await tg.send(asked)
    assert len(calls) >= 3 and all(c.method == "sendMessage" and c.ok for c in calls)
    assert all(len(shown(c)) <= 4096 and c.params["parse_mode"] == "HTML" for c in calls)
    assert "\n".join(shown(c) for c in calls) == text  # in order, nothing lost, nothing cut mid-line
    assert [quoted_id(c) for c in calls] == [asked["message"]["message_id"]] + [None] * (len(calls) - 1)
    assert [bool(buttons(c)) for c in calls] == [False] * (len(calls) - 1) + [True]


# -- groups --------------------------------------------------------------------------------------


@pytest.mark.parametrize("chat_type", ["supergroup", "group"])
async def test_group_mention_is_answered_quoting_the_asker(tg: Harness, chat_type: str) -> None:
    chat_id = GROUP if chat_type == "supergroup" else -4001
    asked = tg.emu.group_message(f"@{BOT_USERNAME} {QUESTION}", chat_id=chat_id, chat_type=chat_type)
    call = only_send(await tg.send(asked))
    assert call.params["chat_id"] == chat_id
    assert call.params["parse_mode"] == "HTML" and "71" in shown(call)
    assert quoted_id(call) == asked["message"]["message_id"]
    assert call.result["reply_to_message"]["message_id"] == asked["message"]["message_id"]


async def test_mention_anywhere_and_in_any_case_is_answered(tg: Harness) -> None:
    call = only_send(await tg.send(tg.emu.group_message(f"{QUESTION} @SCR_Test_Bot")))
    assert "71" in shown(call)


async def test_group_reply_to_the_bot_is_answered(tg: Harness) -> None:
    first = only_send(await tg.send(tg.emu.group_message(f"@{BOT_USERNAME} {QUESTION}")))
    asked = tg.emu.group_message("and the previous year?", reply_to=first.result["message_id"])
    call = only_send(await tg.send(asked))
    assert shown(call) == "In 2012/13, 31 SCRs were published."
    assert quoted_id(call) == asked["message"]["message_id"]


async def test_group_reply_to_someone_else_is_ignored(tg: Harness) -> None:
    human = tg.emu.group_message("anyone know the SCR figures?", user=BOB)
    assert await tg.send(human) == []
    assert await tg.send(tg.emu.group_message(QUESTION, reply_to=human["message"]["message_id"])) == []


@pytest.mark.parametrize(
    "text",
    [
        "lunch anyone?",
        QUESTION,  # on topic, but not addressed to the bot
        f"@otherbot {QUESTION}",
        f"email me at someone@{BOT_USERNAME}.example",
    ],
)
async def test_ordinary_group_messages_get_no_reply(tg: Harness, text: str) -> None:
    assert await tg.send(tg.emu.group_message(text)) == []


async def test_ask_with_the_bot_username_is_answered_in_a_group(tg: Harness) -> None:
    asked = tg.emu.group_message(f"/ask@{BOT_USERNAME} {QUESTION}")
    call = only_send(await tg.send(asked))
    assert call.params["parse_mode"] == "HTML" and "71" in shown(call)
    assert quoted_id(call) == asked["message"]["message_id"]


@pytest.mark.parametrize("text", [f"/ask {QUESTION}", f"/ask@{BOT_USERNAME} {QUESTION}"])
async def test_ask_works_in_a_private_chat(tg: Harness, text: str) -> None:
    assert "71" in shown(only_send(await tg.send(tg.emu.private_message(text))))


@pytest.mark.parametrize("where", ["group", "private"])
async def test_ask_without_a_question_gets_a_usage_hint(tg: Harness, where: str) -> None:
    update = tg.emu.group_message(f"/ask@{BOT_USERNAME}") if where == "group" else tg.emu.private_message("/ask  ")
    call = only_send(await tg.send(update))
    assert shown(call) == "Ask me like this: /ask How many SCRs were published in 2013/14?"
    assert quoted_id(call) == update["message"]["message_id"]


@pytest.mark.parametrize("text", [f"/ask@otherbot {QUESTION}", "/start@otherbot", "/figures@otherbot", "/unknown"])
async def test_commands_for_another_bot_get_no_reply(tg: Harness, text: str) -> None:
    assert await tg.send(tg.emu.group_message(text)) == []


async def test_group_members_keep_separate_contexts(tg: Harness) -> None:
    async def ask(text: str, user: dict) -> str:
        return shown(only_send(await tg.send(tg.emu.group_message(text, user=user))))

    assert "71" in await ask(f"@{BOT_USERNAME} how many SCRs were published in 2013/14?", DEFAULT_USER)
    assert "114" in await ask(f"@{BOT_USERNAME} how many SCRs were commissioned in 2013/14?", BOB)
    assert await ask(f"@{BOT_USERNAME} and the previous year?", DEFAULT_USER) == "In 2012/13, 31 SCRs were published."
    assert await ask(f"/ask@{BOT_USERNAME} and the previous year?", BOB) == "In 2012/13, 81 SCRs were commissioned."


async def test_added_to_a_group_introduces_itself(tg: Harness) -> None:
    call = only_send(await tg.send(tg.emu.new_chat_members()))
    assert call.params["chat_id"] == GROUP
    assert "/ask" in shown(call) and "serious case reviews" in shown(call)


async def test_someone_else_joining_is_ignored(tg: Harness) -> None:
    assert await tg.send(tg.emu.new_chat_members([BOB])) == []


# -- things that get no answer, or only a hint ----------------------------------------------------


async def test_edited_message_is_ignored(tg: Harness) -> None:
    original = tg.emu.private_message("hello")
    await tg.send(original)
    assert await tg.send(tg.emu.edited_message(QUESTION, original["message"])) == []
    edited_in_group = tg.emu.edited_message(f"@{BOT_USERNAME} {QUESTION}", chat={"id": GROUP, "type": "supergroup"})
    assert await tg.send(edited_in_group) == []
    assert await tg.send(tg.emu.edited_message(f"/ask {QUESTION}")) == []


@pytest.mark.parametrize("text", [QUESTION, f"@{BOT_USERNAME} {QUESTION}", f"/ask {QUESTION}", "/start"])
async def test_channel_posts_are_ignored(tg: Harness, text: str) -> None:
    assert await tg.send(tg.emu.channel_post(text)) == []


@pytest.mark.parametrize("kind", ["sticker", "photo"])
async def test_non_text_in_private_gets_a_short_hint(tg: Harness, kind: str) -> None:
    update = tg.emu.sticker_message() if kind == "sticker" else tg.emu.photo_message(caption="look")
    call = only_send(await tg.send(update))
    assert call.params["chat_id"] == ALICE
    assert shown(call).startswith("I can only read text questions.")
    assert len(shown(call)) < 200


async def test_non_text_in_a_group_is_ignored(tg: Harness) -> None:
    group = {"id": GROUP, "type": "supergroup", "title": "SCR Test Group"}
    assert await tg.send(tg.emu.sticker_message(chat=group)) == []
    assert await tg.send(tg.emu.photo_message(caption=f"@{BOT_USERNAME}", chat=group)) == []


# -- did you mean, buttons -------------------------------------------------------------------------


async def test_ambiguous_question_offers_candidates_and_none_of_these(tg: Harness) -> None:
    call = only_send(await tg.send(tg.emu.private_message("ofsted?")))
    assert call.params["parse_mode"] == "HTML"
    assert shown(call).startswith("I'm not sure what you mean. Did you mean:")
    assert call.result["entities"][0]["type"] == "bold"  # the question to the user stands out
    labels = buttons(call)
    assert len(labels) >= 3
    assert labels[-1] == ("None of these", "x")
    for text, data in labels[:-1]:
        assert data.startswith("i:") and len(data.encode()) <= 64  # the candidate intent
        assert text in shown(call)


async def test_follow_up_button_acknowledges_then_answers(tg: Harness) -> None:
    await tg.send(tg.emu.private_message(QUESTION))
    press = tg.emu.callback_query("q:And the previous year?")
    calls = await tg.send(press)
    assert [c.method for c in calls] == ["answerCallbackQuery", "sendMessage"]
    assert calls[0].ok and calls[0].params["callback_query_id"] == press["callback_query"]["id"]
    assert calls[1].params["chat_id"] == ALICE and calls[1].params["parse_mode"] == "HTML"
    assert shown(calls[1]) == "In 2012/13, 31 SCRs were published."


async def test_did_you_mean_button_answers_that_question(tg: Harness) -> None:
    await tg.send(tg.emu.private_message("ofsted?"))
    calls = await tg.send(tg.emu.callback_query("q:What drove the rise in SCRs?"))
    assert [c.method for c in calls] == ["answerCallbackQuery", "sendMessage"]
    assert "Woolmore" in shown(calls[1])


async def test_button_in_a_group_answers_in_the_group(tg: Harness) -> None:
    answer = only_send(await tg.send(tg.emu.group_message(f"@{BOT_USERNAME} {QUESTION}")))
    calls = await tg.send(tg.emu.callback_query("q:What drove the rise?", message=answer.result))
    assert [c.method for c in calls] == ["answerCallbackQuery", "sendMessage"]
    assert calls[1].params["chat_id"] == GROUP and "Woolmore" in shown(calls[1])


async def test_none_of_these_gives_a_hint(tg: Harness) -> None:
    await tg.send(tg.emu.private_message("ofsted?"))
    calls = await tg.send(tg.emu.callback_query("x"))
    assert [c.method for c in calls] == ["answerCallbackQuery", "sendMessage"]
    assert shown(calls[1]) == "OK. Try rephrasing, or ask for example: How many SCRs were published in 2013/14?"


async def test_every_did_you_mean_button_leads_to_an_answer(tg: Harness) -> None:
    offered = only_send(await tg.send(tg.emu.private_message("rise?")))
    for _, data in buttons(offered)[:-1]:
        calls = await tg.send(tg.emu.callback_query(data, message=offered.result))
        assert "I don't have figures" not in shown(calls[-1]), data


# -- inline mode ---------------------------------------------------------------------------------


async def test_inline_query_answers_with_an_html_article(tg: Harness) -> None:
    query = tg.emu.inline_query(QUESTION)
    call = only_send(await tg.send(query), "answerInlineQuery")
    assert call.params["inline_query_id"] == query["inline_query"]["id"]
    assert call.params["cache_time"] == 300
    results = call.params["results"]
    assert len(results) >= 1
    content = results[0]["input_message_content"]
    assert content["parse_mode"] == "HTML" and "71" in content["message_text"]
    assert results[0]["title"] and results[0]["type"] == "article"


async def test_empty_inline_query_offers_examples(tg: Harness, engine: Engine) -> None:
    call = only_send(await tg.send(tg.emu.inline_query("")), "answerInlineQuery")
    results = call.params["results"]
    assert [r["title"] for r in results] == examples(engine.facts)
    assert len({r["id"] for r in results}) == len(results)
    assert all(r["input_message_content"]["parse_mode"] == "HTML" for r in results)
    assert "71" in results[0]["input_message_content"]["message_text"]


async def test_ambiguous_inline_query_offers_each_candidate(tg: Harness) -> None:
    call = only_send(await tg.send(tg.emu.inline_query("ofsted?")), "answerInlineQuery")
    results = call.params["results"]
    assert len(results) >= 2
    assert "When did Ofsted stop evaluating SCRs?" in [r["title"] for r in results]
    assert all("not sure" not in r["input_message_content"]["message_text"] for r in results)


# -- commands ------------------------------------------------------------------------------------


async def test_start_lists_examples_as_buttons(tg: Harness, engine: Engine) -> None:
    call = only_send(await tg.send(tg.emu.private_message("/start")))
    assert call.params["parse_mode"] == "HTML"
    assert "serious case reviews" in shown(call)
    assert buttons(call) == [(e, f"q:{e}") for e in examples(engine.facts)[:4]]
    pressed = await tg.send(tg.emu.callback_query(f"q:{examples(engine.facts)[0]}"))
    assert "71" in texts(pressed)[0]


async def test_help_explains_private_group_and_inline(tg: Harness) -> None:
    call = only_send(await tg.send(tg.emu.private_message("/help")))
    assert call.params["parse_mode"] == "HTML"
    text = shown(call)
    assert f"@{BOT_USERNAME}" in text and "/ask" in text and "/source" in text and "group" in text


async def test_figures_lists_all_three_years(tg: Harness) -> None:
    text = shown(only_send(await tg.send(tg.emu.private_message("/figures"))))
    for label, commissioned, published in [("2011/12", 55, 12), ("2012/13", 81, 31), ("2013/14", 114, 71)]:
        assert f"{label}: {commissioned} commissioned, {published} published" in text


async def test_why_gives_woolmores_reasons(tg: Harness) -> None:
    call = only_send(await tg.send(tg.emu.group_message(f"/why@{BOT_USERNAME}")))
    assert "Woolmore" in shown(call) and "Ofsted" in shown(call)
    assert call.params["chat_id"] == GROUP


async def test_source_after_an_answer_shows_the_article_sentence(tg: Harness) -> None:
    await tg.send(tg.emu.private_message(QUESTION))
    text = shown(only_send(await tg.send(tg.emu.private_message("/source"))))
    assert SOURCE_SENTENCE in text


async def test_about_shows_the_version_and_never_the_token(tg: Harness) -> None:
    call = only_send(await tg.send(tg.emu.private_message("/about")))
    text = call.params["text"]
    assert f"scrbot {__version__}" in shown(call)
    assert tg.emu.token not in text and tg.emu.token.split(":")[1] not in text


async def test_chart_uploads_a_png_with_a_caption(tg: Harness) -> None:
    calls = await tg.send(tg.emu.private_message("/chart"))
    assert [c.method for c in calls] == ["sendChatAction", "sendPhoto"]
    assert calls[0].params["action"] == "upload_photo"
    photo = calls[1]
    assert photo.ok, photo.error
    assert photo.params["chat_id"] == ALICE
    upload = photo.params["photo"]
    assert isinstance(upload, UploadedFile) and upload.data.startswith(b"\x89PNG\r\n\x1a\n")
    assert max(size["width"] for size in photo.result["photo"]) >= 300
    assert photo.result["caption"] == (  # the figures' own source, whatever the chat's last answer was
        "Serious case reviews commissioned and published in England, financial years 2011/12 to 2013/14. "
        "Source: article.txt (its title, publisher, date and address are not recorded)"
    )


async def test_command_menu_is_accepted_by_telegram(tg: Harness) -> None:
    await _post_init(tg.app)
    call = only_send(tg.emu.calls_to("setMyCommands"), "setMyCommands")
    assert [c["command"] for c in call.params["commands"]] == [c.command for c in COMMANDS]
    handled = {"start", "help", "ask", "figures", "why", "chart", "source", "about"}
    assert {c.command for c in COMMANDS} == handled
    for command in sorted(handled - {"ask", "chart"}):  # every advertised command answers
        assert sends(await tg.send(tg.emu.private_message(f"/{command}"))), command


# -- failures ------------------------------------------------------------------------------------


async def test_a_send_telegram_refused_with_500_is_retried_and_delivered(tg: Harness) -> None:
    tg.emu.inject_fault("sendMessage", 500)  # more faults: tests/test_telegram_faults.py
    calls = await tg.send(tg.emu.private_message(QUESTION))
    assert [(c.method, c.status) for c in calls] == [("sendMessage", 500), ("sendMessage", 200)]
    assert "71" in shown(calls[1])
    assert "71" in shown(only_send(await tg.send(tg.emu.private_message(QUESTION))))  # and it carries on


async def test_a_rejected_send_gets_one_apology(tg: Harness) -> None:
    tg.emu.inject_fault("sendMessage", 400, description="Bad Request: can't parse entities")
    calls = await tg.send(tg.emu.private_message(QUESTION))
    assert [(c.method, c.status) for c in calls] == [("sendMessage", 400), ("sendMessage", 200)]
    assert shown(calls[1]) == "Sorry, something went wrong on my side. Please try again."
    assert "71" in shown(only_send(await tg.send(tg.emu.private_message(QUESTION))))  # and it carries on


async def test_flood_control_is_waited_out_and_the_answer_delivered(tg: Harness) -> None:
    tg.emu.inject_fault("sendMessage", 429, retry_after=1)
    calls = await tg.send(tg.emu.private_message(QUESTION))
    assert [(c.method, c.status) for c in calls] == [("sendMessage", 429), ("sendMessage", 200)]
    assert calls[1].time - calls[0].time >= 1.0
    assert "71" in shown(calls[1])
