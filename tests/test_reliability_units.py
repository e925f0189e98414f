"""Focused checks for issue 11 where a process cannot show the fault as exactly: the state store
behind the bot (bounded, private, never waiting on the disk) and three small crashes (item 19)."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from telegram_harness import BOT_USERNAME, QUESTION, Harness, make_settings, sends, texts

from benchmarks.botapi_emulator import DEFAULT_GROUP_ID, DEFAULT_USER, BotAPIEmulator
from bot.conversation import Context
from bot.engine import Engine
from bot.limits import Limiter, RateLimits
from bot.state import LocalStore
from bot.state.behind import WriteBehindStore
from bot.telegram import admin
from bot.telegram.app import build_application, sweep

ALICE = DEFAULT_USER["id"]


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def kv_rows(db: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT namespace, key FROM kv ORDER BY namespace, key").fetchall()


# -- 14, 15: bounded and private ------------------------------------------------------------------


async def test_fifty_thousand_users_leave_nothing_once_their_context_expired(tmp_path: Path) -> None:
    clock = Clock()
    store = LocalStore(tmp_path / "s.db", clock=clock)
    limiter = Limiter(store, RateLimits(user=10, group=20))
    for user in range(50_000):
        await limiter.check(user, -100 - user % 50, group=True)  # counters in memory only
        await store.put("ctx", f"{user}:{user}", {"intent": "figures.count", "version": 1}, ttl=1800)
    assert store.flush(timeout=60)
    assert len(kv_rows(tmp_path / "s.db")) == 50_000  # contexts only: rate counters never reach the file
    clock.now += 1801
    await store.prune()
    assert store.flush(timeout=60)
    assert kv_rows(tmp_path / "s.db") == []
    memory = store.sync.memory
    assert memory.snapshot() == [] and len(memory._data) == 0
    await store.aclose()


async def test_a_chats_expired_context_is_deleted_from_memory_and_the_file(
    emu: BotAPIEmulator, engine: Engine, tmp_path: Path
) -> None:
    short = Engine(engine.facts, engine.intents, context_ttl=0.3)
    settings = make_settings(emu, tmp_path / "s.db", context_ttl=0.3)
    async with build_application(settings, short) as app:
        tg = Harness(emu, app)
        for n in range(20):
            user = {"id": 500_000 + n, "is_bot": False, "first_name": f"U{n}"}
            await tg.send(emu.private_message(QUESTION, user=user))
        store = app.bot_data["core"].store
        assert store.flush()
        assert len([ns for ns, _ in kv_rows(tmp_path / "s.db") if ns == "ctx"]) == 20  # one row per member
        await asyncio.sleep(0.5)
        assert await sweep(app) >= 20
        assert store.sync.items("ctx") == {}
        assert store.flush()
        assert [ns for ns, _ in kv_rows(tmp_path / "s.db") if ns == "ctx"] == []


async def test_about_says_exactly_what_is_kept_and_for_how_long(emu: BotAPIEmulator, engine: Engine, tmp_path) -> None:
    settings = make_settings(emu, tmp_path / "s.db", retention_days=14.0)
    async with build_application(settings, engine) as app:
        (about,) = texts(await Harness(emu, app).send(emu.private_message("/about")))
    assert "for 30 minutes after your last question, then delete it" in about
    assert "kept for 14 days, without your name or id" in about


# -- 11: the database never stops the answers ------------------------------------------------------


def test_a_write_lock_held_elsewhere_never_blocks_the_caller(tmp_path: Path, caplog) -> None:
    db = tmp_path / "s.db"
    store = WriteBehindStore(db)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    with caplog.at_level(logging.WARNING, logger="scrbot.state"):
        started = time.perf_counter()
        for n in range(200):
            store.put("tg.chat_data", str(n), {"n": n}, ttl=600)
        took = time.perf_counter() - started
        assert store.get("tg.chat_data", "199") == {"n": 199}  # read from memory meanwhile
        time.sleep(2.5)  # the writer's busy timeout passes: one warning
        holder.execute("ROLLBACK")
        holder.close()
        assert store.flush(timeout=10)
    assert took < 0.5, f"200 writes took {took:.2f}s on the caller's side"
    assert len(kv_rows(db)) == 200
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "answering goes on from memory" in warnings[0].getMessage()
    store.close()


# -- 19: small crashes -----------------------------------------------------------------------------


@pytest.fixture
async def tg(emu: BotAPIEmulator, engine: Engine, tmp_path: Path) -> AsyncIterator[Harness]:
    settings = make_settings(emu, tmp_path / "s.db", admin_ids=frozenset({ALICE}))
    app = build_application(settings, engine)
    async with app:
        await app.start()
        yield Harness(emu, app)
        await app.stop()
    admin.close(app)


@pytest.mark.parametrize("days", ["inf", "nan", "1e300", "-inf"])
async def test_stats_with_a_number_of_days_that_is_not_one(tg: Harness, days: str, caplog) -> None:
    with caplog.at_level(logging.ERROR):
        said = texts(await tg.send(tg.emu.private_message(f"/stats {days}")))
    assert said == ["Usage: /stats [DAYS], for example /stats 30"]
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_a_mention_whose_offset_splits_an_emoji_is_not_an_error(tg: Harness, caplog) -> None:
    text = f"🙂 @{BOT_USERNAME} hello"
    entities = [{"type": "mention", "offset": 1, "length": len(BOT_USERNAME) + 1}]  # inside the emoji's pair
    with caplog.at_level(logging.ERROR):
        calls = await tg.send(tg.emu.group_message(text, entities=entities))
    assert not any("Sorry" in t for t in texts(calls))
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert sends(calls) == [] or all(c.params["chat_id"] == DEFAULT_GROUP_ID for c in sends(calls))


async def test_a_button_on_an_inline_message_is_acknowledged_without_a_traceback(tg: Harness, caplog) -> None:
    with caplog.at_level(logging.ERROR):
        calls = await tg.send(tg.emu.callback_query("q:how many were published?", inline_message_id="AAB123"))
    assert [c.method for c in calls] == ["answerCallbackQuery"] and calls[0].ok
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


# -- 12: the question log, idempotent --------------------------------------------------------------


@pytest.mark.parametrize("kind", ["sqlite", "memory"])
def test_an_update_recorded_twice_is_counted_once(tmp_path: Path, engine: Engine, kind: str) -> None:
    from bot.recording import LogOptions, Recorder
    from bot.state.questions import MemoryQuestionLog, SQLiteQuestionLog

    log = SQLiteQuestionLog(tmp_path / "q.db") if kind == "sqlite" else MemoryQuestionLog()
    recorder = Recorder.of(log, LogOptions(db=str(tmp_path / "q.db")), background=False)
    for update_id in (41, 42, 42, 41, 43):  # 41 and 42 delivered again after a crash
        reply, _ = engine.reply("what colour is the sky over the river", Context())
        recorder.observe(engine, "what colour is the sky over the river", None, reply, "private", update_id=update_id)
    assert sum(c.count for c in log.counts(0)) == 3
    assert len(log.misses(0)) == 3
    recorder.close()


# -- 13: grouping misses is near-linear ------------------------------------------------------------


def test_grouping_misses_compares_each_question_with_a_bounded_number_of_groups(monkeypatch) -> None:
    import random

    from bot import misses as m
    from bot.state.questions import Asked

    rng = random.Random(7)
    vocab = "scrs serious case reviews published commissioned rise why ofsted council neglect abuse report".split()  # noqa: SIM905
    extra = [f"x{n}" for n in range(2000)]

    def log(n: int) -> list[Asked]:
        texts = {" ".join(rng.sample(vocab, 3) + rng.sample(extra, 2)) for _ in range(n * 2)}
        chosen = sorted(texts)[:n]
        return [Asked(time=float(i), chat_type="private", kind="decline", text=t) for i, t in enumerate(chosen)]

    compared: list[int] = []
    real = m.process.extract

    def counting(query, choices, **kwargs):
        compared.append(len(choices))
        return real(query, choices, **kwargs)

    monkeypatch.setattr(m.process, "extract", counting)
    for n in (1000, 4000):
        compared.clear()
        m.group_misses(log(n))
        per_question = sum(compared) / n
        assert per_question <= 5 * m.CROWDED, f"{n} misses: {per_question:.0f} groups compared per question"
    assert sum(compared) < 4000 * 4000 / 4  # all pairs would be 8 million
    print(f"\n4,000 distinct misses: {sum(compared) / 4000:.0f} comparisons per question")


# -- 9: the chart is drawn once, off the event loop ------------------------------------------------


async def test_the_chart_is_drawn_once_until_the_data_changes(tg: Harness, monkeypatch) -> None:
    import threading

    from bot import chart

    drawn: list[str] = []
    real = chart.figures_chart

    def counting(facts):
        drawn.append(threading.current_thread().name)
        return real(facts)

    monkeypatch.setattr(chart, "figures_chart", counting)
    for _ in range(3):
        calls = await tg.send(tg.emu.private_message("/chart"))
        assert [c.method for c in sends(calls)] == ["sendPhoto"]
    assert len(drawn) == 1 and drawn[0] != threading.main_thread().name  # once, and not on the event loop
    from bot.reload import reload

    tg.app.bot_data["engine"] = reload(tg.app.bot_data["engine"]).engine  # new facts: drawn again
    await tg.send(tg.emu.private_message("/chart"))
    assert len(drawn) == 2


def test_a_full_disk_costs_no_answer_and_is_made_up_when_space_returns(tmp_path: Path, monkeypatch, caplog) -> None:
    from bot.state.sqlite import SQLiteStore

    full = [True]

    def failing(method):
        def write(self, rows):
            if full[0]:
                raise sqlite3.OperationalError("database or disk is full")
            return method(self, rows)

        return write

    monkeypatch.setattr(SQLiteStore, "apply", failing(SQLiteStore.apply))
    monkeypatch.setattr(SQLiteStore, "put_many", failing(SQLiteStore.put_many))
    monkeypatch.setattr("bot.state.behind.RETRY_AFTER", 0.05)
    store = WriteBehindStore(tmp_path / "s.db")
    with caplog.at_level(logging.WARNING, logger="scrbot.state"):
        for n in range(40):
            store.put("tg.chat_data", str(n), {"n": n}, ttl=600)
            assert store.get("tg.chat_data", str(n)) == {"n": n}  # every answer had its context
        time.sleep(0.3)
        assert kv_rows(tmp_path / "s.db") == []
        full[0] = False
        assert store.flush(timeout=10)
    assert len(kv_rows(tmp_path / "s.db")) == 40
    # (only this store's: the failing writes are patched on the class, so a store another test left open may
    # log its own warning meanwhile)
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING and str(tmp_path) in
                r.getMessage()]
    assert len(warnings) == 1 and "disk is full" in warnings[0]
    store.close()


# -- the README's Reliability section names tests that exist ---------------------------------------


def test_every_test_the_reliability_section_names_exists() -> None:
    import re

    root = Path(__file__).resolve().parent.parent
    readme = (root / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Reliability") : readme.index("\n## ", readme.index("## Reliability") + 5)]
    sources = {p.name: p.read_text(encoding="utf-8") for p in (root / "tests").glob("test_*.py")}
    files = set(re.findall(r"`(?:tests/)?(test_\w+\.py)(?:::\w+)?`", section))
    names = set(re.findall(r"`(?:test_\w+\.py::)?(test_\w+)`", section)) - {f.removesuffix(".py") for f in files}
    assert files and names
    assert files <= set(sources), files - set(sources)
    missing = [n for n in names if not any(re.search(rf"def {n}\(", s) for s in sources.values())]
    assert missing == []
