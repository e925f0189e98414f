"""Reloading facts/ and intents/ without a restart: validated in full first, swapped only when valid.

In-process for the reload itself and the console's /reload line; as a real `scrbot run` process against
the Bot API emulator for SIGHUP.
"""

from __future__ import annotations

import io
import shutil
import signal
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from telegram_harness import QUESTION, BotProcess, assert_clean_exit

from benchmarks.botapi_emulator import BotAPIEmulator, Call
from bot.console import chat
from bot.conversation import Context
from bot.engine import Engine
from bot.reload import data_dirs, reload, summary

ROOT = Path(__file__).resolve().parent.parent
ZORBLES = "how many SCRs did the zorbles publish in 2013/14?"  # "did you mean": a made-up word no data will have
NEW_TEMPLATE = "      - how many scrs did the zorbles publish\n"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "facts", tmp_path / "data" / "facts")
    shutil.copytree(ROOT / "intents", tmp_path / "data" / "intents")
    return tmp_path / "data"


def break_figures(data: Path) -> int:
    """Make facts/figures.yaml invalid; return the line of the problem."""
    figures = data / "facts" / "figures.yaml"
    text = figures.read_text(encoding="utf-8")
    figures.write_text(text.replace("published: 71", "published: seventy", 1), encoding="utf-8")
    return next(n for n, line in enumerate(text.splitlines(), 1) if "published: 71" in line)


def add_template(data: Path) -> None:
    intents = data / "intents" / "figures.yaml"
    text = intents.read_text(encoding="utf-8")
    intents.write_text(text.replace("      - how many did lscbs publish\n",
                                    "      - how many did lscbs publish\n" + NEW_TEMPLATE, 1), encoding="utf-8")


def test_reload_reads_the_folders_the_engine_came_from(data: Path) -> None:
    engine = Engine.load(data / "facts", data / "intents")
    assert data_dirs(engine) == (data / "facts", data / "intents")
    add_template(data)
    outcome = reload(engine)
    assert outcome.ok and outcome.engine is not engine
    assert outcome.message.startswith("Reloaded in ") and summary(outcome.engine) in outcome.message
    assert outcome.engine.reply(ZORBLES, Context())[0].text == "In 2013/14, 71 SCRs were published."
    assert engine.reply(ZORBLES, Context())[0].kind == "clarify"  # the old engine is untouched


def test_invalid_data_is_reported_and_nothing_changes(data: Path) -> None:
    engine = Engine.load(data / "facts", data / "intents")
    engine.context_ttl = 42
    line = break_figures(data)
    outcome = reload(engine)
    assert not outcome.ok and outcome.engine is None
    assert f"figures.yaml:{line}" in outcome.message and "fix:" in outcome.message
    assert outcome.error is not None
    assert "71" in engine.reply(QUESTION, Context())[0].text
    (data / "facts" / "figures.yaml").write_text(
        (data / "facts" / "figures.yaml").read_text(encoding="utf-8").replace("seventy", "71"), encoding="utf-8"
    )
    assert reload(engine).engine.context_ttl == 42


def test_a_loader_crash_is_a_failed_reload_not_a_dead_bot(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    engine = Engine.load(data / "facts", data / "intents")

    def crash(*args):
        raise RecursionError("deep YAML")

    monkeypatch.setattr(Engine, "load", crash)
    outcome = reload(engine)
    assert not outcome.ok and "RecursionError: deep YAML" in outcome.message


def test_the_console_reloads_on_a_reload_line(data: Path) -> None:
    engine = Engine.load(data / "facts", data / "intents")
    out = io.StringIO()
    break_figures(data)
    chat(engine, io.StringIO(f"{ZORBLES}\n/reload\n{QUESTION}\n"), out)
    text = out.getvalue()
    assert "Reload failed, still using the previous data:" in text and "figures.yaml:" in text
    assert "In 2013/14, 71 SCRs were published." in text

    shutil.copy(ROOT / "facts" / "figures.yaml", data / "facts" / "figures.yaml")
    add_template(data)
    out = io.StringIO()
    chat(engine, io.StringIO(f"{ZORBLES}\n/reload\n{ZORBLES}\n"), out)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("I'm not sure what you mean.")
    assert any(line.startswith("Reloaded in ") for line in lines)
    assert lines[-2] == "In 2013/14, 71 SCRs were published."


# -- SIGHUP against a running `scrbot run` ---------------------------------------------------------------


@pytest.fixture
def bot(emu: BotAPIEmulator, data: Path, tmp_path: Path) -> Iterator[BotProcess]:
    process = BotProcess.for_emulator(
        emu,
        tmp_path,
        SCRBOT_FACTS_DIR=str(data / "facts"),
        SCRBOT_INTENTS_DIR=str(data / "intents"),
        SCRBOT_DB=str(tmp_path / "scrbot.db"),
    )
    yield process
    process.kill()


def exchange(emu: BotAPIEmulator, text: str) -> str:
    before = len(emu.calls_to("sendMessage"))
    emu.push_update(emu.private_message(text))
    call: Call = emu.wait_for_calls("sendMessage", before + 1, timeout=10)[before]
    assert call.ok, call.error
    return call.result["text"]


def wait_for_output(bot: BotProcess, text: str, times: int = 1, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while bot.output.count(text) < times:
        assert time.monotonic() < deadline, f"no {text!r} in:\n{bot.output}"
        time.sleep(0.02)


def test_sighup_reloads_a_running_bot_and_keeps_old_data_when_the_new_is_broken(
    emu: BotAPIEmulator, bot: BotProcess, data: Path, tmp_path: Path
) -> None:
    bot.start(emu)
    assert bot.proc is not None
    bot.proc.send_signal(signal.SIGHUP)  # at once: the bot may still be starting
    wait_for_output(bot, "Reloaded in ")
    assert exchange(emu, ZORBLES).startswith("I'm not sure what you mean.")

    line = break_figures(data)
    bot.proc.send_signal(signal.SIGHUP)
    wait_for_output(bot, "reload failed, still serving the previous data")
    assert f"figures.yaml:{line}" in bot.output
    assert bot.proc.poll() is None  # SIGHUP no longer ends the process
    assert exchange(emu, QUESTION) == "In 2013/14, 71 SCRs were published."

    shutil.copy(ROOT / "facts" / "figures.yaml", data / "facts" / "figures.yaml")
    add_template(data)
    bot.proc.send_signal(signal.SIGHUP)
    wait_for_output(bot, "Reloaded in ", times=2)
    assert exchange(emu, ZORBLES) == "In 2013/14, 71 SCRs were published."
    result = bot.stop()
    assert_clean_exit(result, emu.token)
    assert "Warning" not in result.output
    with sqlite3.connect(tmp_path / "scrbot.db") as db:  # what the running bot recorded, written by shutdown
        assert db.execute("SELECT chat_type, kind, text FROM missed_questions").fetchall() == [
            ("private", "clarify", "how many scrs did the zorbles publish in 2013/14")
        ]
        assert db.execute("SELECT sum(n) FROM question_counts").fetchone() == (3,)
