"""/stats, /misses and /reload in Telegram, in-process against the Bot API emulator: admins get short
answers, everyone else gets nothing at all; a broken reload keeps the old data and says what is wrong;
questions are recorded from Telegram without ids unless the operator asks for them."""

from __future__ import annotations

import logging
import shutil
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from telegram_harness import BOT_USERNAME, QUESTION, Harness, make_settings, texts

from benchmarks.botapi_emulator import DEFAULT_USER, BotAPIEmulator
from bot.engine import Engine
from bot.recording import LogOptions, Recorder
from bot.reload import Outcome
from bot.telegram import admin
from bot.telegram.app import COMMANDS, _post_init, build_application

ROOT = Path(__file__).resolve().parent.parent
ALICE = DEFAULT_USER["id"]  # the admin
BOB = {"id": 222222, "is_bot": False, "first_name": "Bob", "username": "bob_reviewer"}
ZORBLES = "how many SCRs did the zorbles publish in 2013/14?"  # "did you mean": a made-up word no data will have
ADMIN_ONLY = ["/stats", "/misses", "/reload", "/stats 30", "/misses 7", f"/reload@{BOT_USERNAME}"]


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A copy of facts/ and intents/ that a test may break and mend."""
    shutil.copytree(ROOT / "facts", tmp_path / "data" / "facts")
    shutil.copytree(ROOT / "intents", tmp_path / "data" / "intents")
    return tmp_path / "data"


@pytest.fixture
async def tg(emu: BotAPIEmulator, data: Path, tmp_path: Path) -> AsyncIterator[Harness]:
    engine = Engine.load(data / "facts", data / "intents")
    settings = make_settings(emu, tmp_path / "s.db", admin_ids=frozenset({ALICE}))
    app = build_application(settings, engine)
    async with app:
        await app.start()
        yield Harness(emu, app)
        await app.stop()
    admin.close(app)


def db_rows(tg: Harness, sql: str) -> list[tuple]:
    tg.app.bot_data["core"].recorder.flush()
    with sqlite3.connect(tg.app.bot_data["core"].recorder.options.db) as db:
        return db.execute(sql).fetchall()


async def say(tg: Harness, text: str, **kwargs) -> list[str]:
    calls = await tg.send(tg.emu.private_message(text, **kwargs))
    assert all(c.ok for c in calls), [c.error for c in calls]
    return texts(calls)


# -- who may -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ADMIN_ONLY)
async def test_non_admins_get_no_reply_at_all(tg: Harness, command: str) -> None:
    assert await tg.send(tg.emu.private_message(command, user=BOB)) == []
    assert await tg.send(tg.emu.group_message(command, user=BOB)) == []


@pytest.mark.parametrize("command", ["/stats", "/misses", f"/reload@{BOT_USERNAME}"])
async def test_admin_commands_are_silent_in_groups_even_for_admins(tg: Harness, command: str) -> None:
    assert await tg.send(tg.emu.group_message(command)) == []


async def test_without_admins_nobody_reaches_the_commands(emu: BotAPIEmulator, engine: Engine, tmp_path: Path) -> None:
    async with build_application(make_settings(emu, tmp_path / "s.db"), engine) as app:
        tg = Harness(emu, app)
        for command in ADMIN_ONLY:
            assert await tg.send(emu.private_message(command)) == []


async def test_the_admin_commands_are_in_the_menu_of_admins_only(tg: Harness) -> None:
    await _post_init(tg.app)
    everyone = [c["command"] for c in tg.emu.commands()]
    assert everyone == [c.command for c in COMMANDS]
    assert not {"stats", "misses", "reload"} & set(everyone)
    alice = [c["command"] for c in tg.emu.commands({"type": "chat", "chat_id": ALICE})]
    assert alice == [*everyone, "stats", "misses", "reload"]
    assert tg.emu.commands({"type": "chat", "chat_id": BOB["id"]}) == []


async def test_an_admin_menu_telegram_refuses_is_logged_not_fatal(
    tg: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    tg.emu.inject_fault("setMyCommands", 400)
    tg.emu.inject_fault("setMyCommands", 400)
    with caplog.at_level(logging.WARNING, logger="scrbot.admin"), pytest.raises(Exception):  # noqa: B017
        await _post_init(tg.app)  # the default menu failing is PTB's to report ...
    await admin.post_init(tg.app, COMMANDS)  # ... the admins' menu failing is only a warning
    assert any("could not show the admin commands" in r.getMessage() for r in caplog.records)


# -- /stats and /misses ----------------------------------------------------------------------------------


async def test_stats_summarises_the_questions(tg: Harness) -> None:
    await say(tg, QUESTION)
    await say(tg, "and the previous year?")
    await say(tg, "how many trains were there?")
    await say(tg, ZORBLES, user=BOB)
    [reply] = await say(tg, "/stats")
    assert reply.startswith("Last 7 days: 4 questions\n")
    assert "answered 2 (50%) · did you mean 1 (25%) · declined 1 (25%)" in reply
    assert "top intents: figures.count 2" in reply
    assert 'x "how many trains were there"' in reply
    [usage] = await say(tg, "/stats soon")
    assert usage.startswith("Usage: /stats")


async def test_misses_groups_questions_and_names_the_file_to_edit(tg: Harness) -> None:
    await say(tg, ZORBLES)
    await say(tg, "how many SCRs did the zorbles publish in 2012/13", user=BOB)
    await say(tg, "how many trains were there?")
    await say(tg, QUESTION)
    [reply] = await say(tg, "/misses")
    assert reply.startswith("Last 30 days: 3 missed questions, 2 open groups\n")
    assert '1. 2x "how many scrs did the zorbles publish in 2013/14" (clarify)' in reply
    assert "needs a lexicon entry" in reply and "scrbot misses" in reply  # zorbles: no unproven template edit
    assert "add to figures.count templates" not in reply


async def test_misses_with_nothing_recorded(tg: Harness) -> None:
    assert await say(tg, "/misses") == ["No missed questions in the last 30 days."]


async def test_an_unusable_question_log_is_reported_to_the_admin(tg: Harness) -> None:
    def broken() -> None:
        raise sqlite3.OperationalError("unable to open database file")

    tg.app.bot_data["core"].recorder = Recorder(broken, LogOptions())
    assert "71" in (await say(tg, QUESTION))[0]  # answering goes on
    assert await say(tg, "/stats") == ["The question log is not available; see the bot's log."]


# -- recording from Telegram ----------------------------------------------------------------------------


async def test_telegram_questions_are_recorded_without_ids(tg: Harness) -> None:
    await say(tg, QUESTION)
    await say(tg, "how many trains were there?")
    await tg.send(tg.emu.group_message(f"@{BOT_USERNAME} ofsted?", user=BOB))
    await tg.send(tg.emu.callback_query("q:What drove the rise?"))
    await tg.send(tg.emu.inline_query("how many trains"))  # inline queries (one per keystroke) are not recorded
    counts = dict(((t, k), n) for t, k, n in db_rows(tg, "SELECT chat_type, kind, sum(n) FROM question_counts "
                                                        "GROUP BY chat_type, kind"))
    assert counts == {("private", "answer"): 2, ("private", "decline"): 1, ("supergroup", "clarify"): 1}
    kept = db_rows(tg, "SELECT chat_type, kind, text, user_id, chat_id FROM missed_questions ORDER BY id")
    assert kept == [
        ("private", "decline", "how many trains were there", None, None),
        ("supergroup", "clarify", "ofsted", None, None),
    ]


async def test_ids_are_recorded_when_the_operator_turns_them_on(
    emu: BotAPIEmulator, engine: Engine, tmp_path: Path
) -> None:
    settings = make_settings(emu, tmp_path / "s.db", log_ids=True)
    app = build_application(settings, engine)
    async with app:
        await Harness(emu, app).send(emu.group_message(f"@{BOT_USERNAME} how many trains were there?", user=BOB))
    app.bot_data["core"].recorder.close()
    with sqlite3.connect(tmp_path / "s.db") as db:
        assert db.execute("SELECT user_id, chat_id FROM missed_questions").fetchall() == [(BOB["id"], -1001234567890)]


async def test_a_failing_question_log_never_costs_an_answer(tg: Harness, caplog: pytest.LogCaptureFixture) -> None:
    def broken() -> None:
        raise sqlite3.OperationalError("database is locked")

    tg.app.bot_data["core"].recorder = Recorder(broken, LogOptions(), background=False)
    with caplog.at_level(logging.WARNING, logger="scrbot.questions"):
        for _ in range(3):
            assert "71" in (await say(tg, QUESTION))[0]
            assert "outside what I know" in (await say(tg, "how many trains were there?"))[0]
    warnings = [r.getMessage() for r in caplog.records if r.name == "scrbot.questions"]
    assert len(warnings) == 1 and "database is locked" in warnings[0]


# -- /reload -------------------------------------------------------------------------------------------


async def test_a_broken_reload_keeps_the_old_data_and_a_good_one_serves_the_new(tg: Harness, data: Path) -> None:
    figures = data / "facts" / "figures.yaml"
    good = figures.read_text(encoding="utf-8")
    line = next(n for n, text in enumerate(good.splitlines(), 1) if "published: 71" in text)
    figures.write_text(good.replace("published: 71", "published: seventy", 1), encoding="utf-8")

    [failed] = await say(tg, "/reload")
    assert failed.startswith("Reload failed: still serving the previous data.")
    assert f"figures.yaml:{line}" in failed  # the file and the line, as `scrbot check` names them
    assert "seventy" in failed
    assert "71" in (await say(tg, QUESTION))[0]  # still the old data

    figures.write_text(good, encoding="utf-8")
    intents = data / "intents" / "figures.yaml"
    intents.write_text(
        intents.read_text(encoding="utf-8").replace(
            "      - how many did lscbs publish\n",
            "      - how many did lscbs publish\n      - how many scrs did the zorbles publish\n",
            1,
        ),
        encoding="utf-8",
    )
    assert (await say(tg, ZORBLES))[0].startswith("I'm not sure what you mean.")
    old = tg.app.bot_data["engine"]
    [done] = await say(tg, "/reload")
    assert done.startswith("Reloaded in ") and f"{len(old.intents.intents)} intents with" in done and "Before:" in done
    assert tg.app.bot_data["engine"] is not old
    assert tg.app.bot_data["engine"].context_ttl == old.context_ttl
    assert await say(tg, ZORBLES) == ["In 2013/14, 71 SCRs were published."]  # the new data


async def test_a_long_reload_report_is_escaped_and_split(tg: Harness, monkeypatch: pytest.MonkeyPatch) -> None:
    report = "\n".join(f"facts/x.yaml:{n}: <b>bad</b> & 'worse' 🙂 value" + " 🙂" * 60 for n in range(120))
    monkeypatch.setattr(admin, "reload", lambda engine: Outcome(None, report, 0.01))
    calls = await tg.send(tg.emu.private_message("/reload"))
    assert len(calls) >= 3 and all(c.method == "sendMessage" and c.ok for c in calls)
    assert all(len(c.params["text"]) <= 4096 for c in calls)
    shown = texts(calls)
    assert shown[0].startswith("Reload failed: still serving the previous data.")
    body = "\n".join(s.split("\n", 1)[1] if i == 0 else s for i, s in enumerate(shown))
    assert body == report  # every line, in order, shown literally


# -- what /about tells users -------------------------------------------------------------------------------


async def test_about_says_what_is_kept(tg: Harness) -> None:
    [about] = await say(tg, "/about")
    assert "Questions I could not answer well are kept for 90 days, without your name or id" in about


async def test_about_says_ids_are_kept_when_they_are(emu: BotAPIEmulator, engine: Engine, tmp_path: Path) -> None:
    settings = make_settings(emu, tmp_path / "s.db", log_ids=True, retention_days=30)
    async with build_application(settings, engine) as app:
        [about] = texts(await Harness(emu, app).send(emu.private_message("/about")))
    assert "kept for 30 days, with your Telegram user and chat id (never your name)" in about
