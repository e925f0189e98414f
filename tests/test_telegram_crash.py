"""The real `scrbot run` process against the emulator, when getUpdates fails and when the process is killed.

* getUpdates answering 502 for a while: python-telegram-bot's network retry loop keeps polling
  (with growing pauses) and the question queued meanwhile is answered.
* SIGKILL while a reply is being sent: the update was not confirmed to Telegram (see
  `bot.telegram.polling`), so the restarted bot gets it again and answers it, with the follow-up
  context and the question log written before the kill intact.
"""

from __future__ import annotations

import signal
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from telegram_harness import QUESTION, BotProcess, assert_clean_exit

from benchmarks.botapi_emulator import BotAPIEmulator, Call

TOKEN = "7654321:AAH-crash_SECRET-token_value"
PREVIOUS = "In 2012/13, 31 SCRs were published."
MISS = "what colour is the sky over the river"


@pytest.fixture
def emu() -> Iterator[BotAPIEmulator]:
    with BotAPIEmulator(token=TOKEN) as emulator:
        yield emulator
        assert emulator.internal_errors == []


@pytest.fixture
def launch(emu: BotAPIEmulator, tmp_path: Path) -> Iterator[Callable[..., BotProcess]]:
    started: list[BotProcess] = []

    def _launch(**env: str) -> BotProcess:
        bot = BotProcess.for_emulator(emu, tmp_path, **env)
        started.append(bot)
        return bot.start(emu)

    yield _launch
    for bot in started:
        bot.kill()


def answers(emu: BotAPIEmulator) -> list[Call]:
    return [c for c in emu.calls_to("sendMessage") if c.ok]


def ask(emu: BotAPIEmulator, text: str, timeout: float = 10.0) -> Call:
    before = len(answers(emu))
    emu.push_update(emu.private_message(text))
    emu.wait_for(lambda: len(answers(emu)) > before, timeout)
    return answers(emu)[before]


def test_polling_resumes_by_itself_after_getupdates_fails(emu: BotAPIEmulator, launch) -> None:
    bot = launch()
    emu.wait_for(emu.polling_clients)  # in a long poll, so the next getUpdates calls take the faults
    emu.inject_fault("getUpdates", 502, count=3)
    first = ask(emu, QUESTION)  # ends the current long poll; the next three getUpdates fail
    emu.wait_for(lambda: sum(c.injected for c in emu.calls_to("getUpdates")) >= 1)
    asked = time.time()
    emu.push_update(emu.private_message("and the previous year?"))
    emu.wait_for(lambda: len(answers(emu)) == 2, timeout=30)
    failed = [c for c in emu.calls_to("getUpdates") if c.injected]
    assert [c.status for c in failed] == [502, 502, 502]
    assert first.result["text"] == "In 2013/14, 71 SCRs were published."
    assert answers(emu)[1].result["text"] == PREVIOUS
    print(f"\npolling resumed: answered {answers(emu)[1].time - asked:.1f}s after the question, 3 x 502")
    result = bot.stop()
    assert_clean_exit(result, TOKEN)
    assert len(answers(emu)) == 2  # nothing answered twice


def misses_in(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return [row[0] for row in conn.execute("SELECT text FROM missed_questions")]


def test_sigkill_mid_reply_loses_no_update_nor_context_nor_question_log(
    emu: BotAPIEmulator, launch, tmp_path: Path
) -> None:
    db = tmp_path / "kept.db"
    first = launch(SCRBOT_DB=str(db))
    assert ask(emu, QUESTION).result["text"] == "In 2013/14, 71 SCRs were published."
    ask(emu, MISS)
    started = time.monotonic()
    while not misses_in(db):  # the question log is written by a background thread
        assert time.monotonic() - started < 5, "the miss was never written"
        time.sleep(0.005)
    print(f"\nmiss written {1000 * (time.monotonic() - started):.0f} ms after its reply was sent")
    ask(emu, QUESTION)  # the context again: the follow-up below needs it

    # the next reply hangs in Telegram (a 502 that takes 30 s); the bot is killed while it waits
    emu.inject_fault("sendMessage", 502, delay=30)
    update_id = emu.push_update(emu.private_message("and the previous year?"))
    emu.wait_for(
        lambda: any(c.ok and any(u["update_id"] == update_id for u in c.result) for c in emu.calls_to("getUpdates"))
    )
    time.sleep(0.5)  # inside the send, and the bot had every chance to confirm the update early
    assert first.proc is not None
    first.proc.send_signal(signal.SIGKILL)
    first.proc.wait(5)
    assert emu.pending_updates() == 1, "the update being handled was confirmed before it was handled"

    emu.clear_faults()
    emu.reset_calls()
    second = launch(SCRBOT_DB=str(db))
    emu.wait_for(lambda: answers(emu), timeout=10)
    assert [c.result["text"] for c in answers(emu)] == [PREVIOUS]  # re-delivered, and context kept
    assert MISS in misses_in(db)
    assert_clean_exit(second.stop(), TOKEN)
    assert emu.pending_updates() == 0
