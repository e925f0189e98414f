"""Per-user and per-group question limits, in-process against the emulator: one polite notice, then silence."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from telegram_harness import BOT_USERNAME, QUESTION, Harness, make_settings, sends

from benchmarks.botapi_emulator import DEFAULT_GROUP_ID, DEFAULT_USER, BotAPIEmulator
from bot.engine import Engine
from bot.limits import NOTICE, Limiter, RateLimits, Verdict
from bot.settings import rate_limits
from bot.state import LocalStore
from bot.telegram.app import build_application

ALICE = DEFAULT_USER["id"]
ADMIN = 999001
GROUP = DEFAULT_GROUP_ID


def member(n: int) -> dict:
    return {"id": 300000 + n, "is_bot": False, "first_name": f"Member{n}"}


@pytest.fixture
async def tg(emu: BotAPIEmulator, engine: Engine, tmp_path: Path) -> AsyncIterator[Harness]:
    settings = make_settings(emu, tmp_path / "s.db", limits=RateLimits(user=3, group=5), admin_ids=frozenset({ADMIN}))
    app = build_application(settings, engine)
    async with app:
        await app.start()
        yield Harness(emu, app)
        await app.stop()


def said(calls: list) -> list[str]:
    return [c.result["text"] for c in sends(calls) if c.ok]


async def test_a_user_over_the_limit_gets_one_notice_then_silence(tg: Harness) -> None:
    for _ in range(3):
        assert said(await tg.send(tg.emu.private_message(QUESTION))) == ["In 2013/14, 71 SCRs were published."]
    assert said(await tg.send(tg.emu.private_message(QUESTION))) == [NOTICE]
    for _ in range(5):
        assert await tg.send(tg.emu.private_message(QUESTION)) == []  # silent for the rest of the window
    # /ask and answering commands count too
    assert await tg.send(tg.emu.private_message("/ask " + QUESTION)) == []
    assert await tg.send(tg.emu.private_message("/figures")) == []
    # someone else is not affected
    other = member(1)
    assert said(await tg.send(tg.emu.private_message(QUESTION, user=other))) == ["In 2013/14, 71 SCRs were published."]


async def test_admins_are_not_limited(tg: Harness) -> None:
    admin = {"id": ADMIN, "is_bot": False, "first_name": "Op"}
    for _ in range(8):
        assert len(said(await tg.send(tg.emu.private_message(QUESTION, user=admin)))) == 1
    assert NOTICE not in tg.emu.sent_texts()


async def test_a_group_has_its_own_limit_and_one_member_cannot_flood_it(tg: Harness) -> None:
    ask = f"@{BOT_USERNAME} {QUESTION}"
    flooder = member(1)
    replies = [said(await tg.send(tg.emu.group_message(ask, user=flooder))) for _ in range(6)]
    assert replies[:3] == [["In 2013/14, 71 SCRs were published."]] * 3
    assert replies[3] == [NOTICE] and replies[4:] == [[], []]
    # the flooder's excess did not use up the group's budget: two more members get answers
    for n in (2, 3):
        assert said(await tg.send(tg.emu.group_message(ask, user=member(n)))) == ["In 2013/14, 71 SCRs were published."]
    # the group's 6th question gets the notice, later ones silence, whoever asks
    assert said(await tg.send(tg.emu.group_message(ask, user=member(4)))) == [NOTICE]
    assert await tg.send(tg.emu.group_message(ask, user=member(5))) == []
    # messages not addressed to the bot are never counted nor answered
    assert await tg.send(tg.emu.group_message("chatting among ourselves", user=member(6))) == []


async def test_buttons_are_acknowledged_but_not_answered_over_the_limit(tg: Harness) -> None:
    for _ in range(3):
        await tg.send(tg.emu.private_message(QUESTION))
    message = tg.emu.sent_messages(ALICE)[-1]
    calls = await tg.send(tg.emu.callback_query("q:And the previous year?", message=message))
    assert [c.method for c in calls] == ["answerCallbackQuery", "sendMessage"]
    assert said(calls) == [NOTICE]
    calls = await tg.send(tg.emu.callback_query("q:And the previous year?", message=message))
    assert [c.method for c in calls] == ["answerCallbackQuery"] and calls[0].ok


async def test_inline_queries_over_the_limit_get_no_results_and_are_not_cached(tg: Harness) -> None:
    for _ in range(3):  # the user's budget, spent in the chat
        await tg.send(tg.emu.private_message(QUESTION))
    (notice,) = await tg.send(tg.emu.inline_query(QUESTION))
    assert notice.ok, notice.error
    assert notice.params["results"] == [] and notice.params["cache_time"] == 0
    assert notice.params["button"]["text"] == NOTICE


async def test_typing_one_inline_question_costs_one_question_not_one_per_keystroke(tg: Harness) -> None:
    typed = QUESTION[:11]
    for n in range(1, len(typed) + 1):  # Telegram sends a query per keystroke
        (calls,) = await tg.send(tg.emu.inline_query(typed[:n]))
        assert calls.ok
    assert said(await tg.send(tg.emu.private_message(QUESTION))) == ["In 2013/14, 71 SCRs were published."]
    assert said(await tg.send(tg.emu.private_message(QUESTION))) == ["In 2013/14, 71 SCRs were published."]
    assert said(await tg.send(tg.emu.private_message(QUESTION))) == [NOTICE]  # 1 inline + 2 = the limit of 3


async def test_help_start_about_bare_ask_and_stickers_are_counted(tg: Harness) -> None:
    replies = []
    for update in [
        tg.emu.private_message("/help"),
        tg.emu.private_message("/start"),
        tg.emu.private_message("/about"),
        tg.emu.private_message("/ask"),
        tg.emu.sticker_message(),
    ]:
        replies += said(await tg.send(update))
    assert len(replies) == 4 and replies[-1] == NOTICE  # 3 answers, the notice, then silence


async def test_anonymous_admins_of_different_groups_do_not_share_a_bucket(tg: Harness) -> None:
    anonymous = {"id": 1087968824, "is_bot": True, "first_name": "Group", "username": "GroupAnonymousBot"}
    for chat_id in (GROUP, -100777):
        got = []
        for _ in range(3):
            update = tg.emu.group_message(f"@{BOT_USERNAME} {QUESTION}", chat_id=chat_id, user=anonymous)
            update["message"]["sender_chat"] = update["message"]["chat"]
            got += said(await tg.send(update))
        assert got == ["In 2013/14, 71 SCRs were published."] * 3, chat_id


async def test_the_window_resets() -> None:
    now = [1000.0]
    limiter = Limiter(LocalStore(clock=lambda: now[0]), RateLimits(user=2, group=0))
    verdicts = [await limiter.check(1) for _ in range(4)]
    assert verdicts == [Verdict.ANSWER, Verdict.ANSWER, Verdict.NOTICE, Verdict.SILENCE]
    now[0] += 61
    assert await limiter.check(1) is Verdict.ANSWER


def test_limits_from_env() -> None:
    assert rate_limits({}) == RateLimits(user=10, group=20)  # 20: Telegram's own limit for a group
    assert rate_limits({"SCRBOT_USER_RATE": "0", "SCRBOT_GROUP_RATE": "100"}) == RateLimits(0, 100)
    for name, bad in [("SCRBOT_USER_RATE", "lots"), ("SCRBOT_GROUP_RATE", "-1"), ("SCRBOT_USER_RATE", "inf")]:
        with pytest.raises(ValueError, match=name):
            rate_limits({name: bad})
