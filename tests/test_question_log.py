"""The question log: what is recorded (misses, counters), what is not (confident answers' text, ids),
retention, and that recording never costs an answer: an unusable or locked database, and a process
killed in the middle of writing."""

from __future__ import annotations

import json
import logging
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.conversation import Context
from bot.engine import Engine
from bot.recording import DAY, PRUNE_EVERY, LogOptions, Recorder, is_miss, make_asked
from bot.reply import Reply
from bot.settings import db_path, log_options
from bot.state.questions import Asked, MemoryQuestionLog, SQLiteQuestionLog, day_of

ROOT = Path(__file__).resolve().parent.parent
T0 = 1_700_000_000.0  # 2023-11-14 22:13:20 UTC


class Clock:
    def __init__(self, now: float = T0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture(params=["memory", "sqlite"])
def question_log(request, tmp_path):
    db = MemoryQuestionLog() if request.param == "memory" else SQLiteQuestionLog(tmp_path / "q.db")
    yield db
    db.close()


def rows(path: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(path) as db:
        return db.execute(sql).fetchall()


def recorder_for(tmp_path: Path, clock: Clock | None = None, **options) -> tuple[Recorder, Path]:
    path = tmp_path / "scrbot.db"
    recorder = Recorder.sqlite(LogOptions(db=str(path), **options), clock=clock or Clock(), background=False)
    return recorder, path


def ask(recorder: Recorder, engine: Engine, question: str, chat_type: str = "private", **ids) -> Reply:
    reply, _ = engine.reply(question, Context())
    recorder.observe(engine, question, Context(), reply, chat_type, **ids)
    return reply


# -- the log's contract (memory and SQLite alike) ----------------------------------------------------


def test_every_question_is_counted_and_only_misses_keep_text(question_log) -> None:
    question_log.add(Asked(T0, "private", "answer", "figures.count", 1.0))
    question_log.add(Asked(T0 + 1, "private", "answer", "figures.count", 0.95))
    miss = Asked(T0 + 2, "group", "decline", None, 0.4, "how many trains", (("figures.count", 0.4),), "declined")
    question_log.add(miss)
    assert question_log.misses(T0 - 1) == [miss]
    counts = {(c.day, c.chat_type, c.kind, c.intent): c.count for c in question_log.counts(T0 - 1)}
    assert counts == {
        (day_of(T0), "private", "answer", "figures.count"): 2,
        (day_of(T0), "group", "decline", None): 1,
    }


def test_several_questions_written_together_count_as_one_by_one(question_log) -> None:
    miss = Asked(T0 + 2, "group", "decline", None, 0.4, "how many trains", (("figures.count", 0.4),), "declined")
    sure, unsure = (Asked(T0 + i, "private", "answer", "figures.count", c) for i, c in ((0, 1.0), (1, 0.9)))
    question_log.add(sure, unsure, miss)
    question_log.add(Asked(T0 + 3, "private", "answer", "figures.count", 1.0))
    assert question_log.misses(T0 - 1) == [miss]
    counts = {(c.day, c.chat_type, c.kind, c.intent): c.count for c in question_log.counts(T0 - 1)}
    assert counts == {(day_of(T0), "private", "answer", "figures.count"): 3, (day_of(T0), "group", "decline", None): 1}


def test_a_burst_of_questions_is_recorded_in_full(tmp_path, engine: Engine) -> None:
    """Questions that queue up while the writer is busy are written in batches, none lost or counted twice."""
    path = tmp_path / "scrbot.db"
    recorder = Recorder.sqlite(LogOptions(db=str(path)), clock=Clock(), background=True)
    recorder.start()
    declined = Reply("no", None, 0.0, "decline")
    for i in range(600):
        recorder.observe(engine, f"how many trains left in {i}", Context(), declined, "private")
    recorder.close()
    assert rows(path, "SELECT sum(n) FROM question_counts") == [(600,)]
    assert rows(path, "SELECT count(*) FROM missed_questions") == [(600,)]


def test_misses_and_counts_start_at_since(question_log) -> None:
    for days in (0, 1, 2):
        question_log.add(Asked(T0 + days * DAY, "private", "decline", None, 0.0, f"q{days}"))
    assert [m.text for m in question_log.misses(T0 + DAY)] == ["q1", "q2"]
    assert [c.day for c in question_log.counts(T0 + DAY)] == [day_of(T0 + DAY), day_of(T0 + 2 * DAY)]


def test_prune_deletes_older_misses_and_counter_days(question_log) -> None:
    question_log.add(Asked(T0, "private", "decline", None, 0.0, "old"))
    question_log.add(Asked(T0 + 10 * DAY, "private", "decline", None, 0.0, "new"))
    assert question_log.prune(T0 + 5 * DAY) == 2  # one miss and one counter row
    assert [m.text for m in question_log.misses(0)] == ["new"]
    assert [c.day for c in question_log.counts(0)] == [day_of(T0 + 10 * DAY)]


def test_the_question_log_shares_the_file_with_the_state_store(tmp_path) -> None:
    from bot.state import SQLiteStore

    store = SQLiteStore(tmp_path / "scrbot.db")
    store.put("ctx", "1", {"a": 1})
    db = SQLiteQuestionLog(tmp_path / "scrbot.db")
    db.add(Asked(T0, "private", "decline", None, 0.0, "q"))
    assert store.get("ctx", "1") == {"a": 1}
    assert rows(tmp_path / "scrbot.db", "PRAGMA journal_mode") == [("wal",)]
    tables = {r[0] for r in rows(tmp_path / "scrbot.db", "SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"kv", "missed_questions", "question_counts"} <= tables


# -- what the recorder keeps ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("what is the weather like in Leeds?", "decline"),  # outside the subject
        ("how many trains were there?", "decline"),  # an unknown subject
        ("scrs in 2015/16", "clarify"),  # a period without figures, ambiguous
    ],
)
def test_declines_and_did_you_mean_are_kept(tmp_path, engine: Engine, question: str, kind: str) -> None:
    recorder, path = recorder_for(tmp_path)
    reply = ask(recorder, engine, question)
    assert reply.kind == kind and is_miss(reply, 0.8)
    [(kept_kind, text, action)] = rows(path, "SELECT kind, text, action FROM missed_questions")
    assert kept_kind == kind and text == question.lower().rstrip("?")
    assert action.startswith("declined" if kind == "decline" else "asked: did you mean")
    assert rows(path, "SELECT kind, n FROM question_counts") == [(kind, 1)]


def test_a_did_you_mean_keeps_the_intents_offered_with_their_scores(tmp_path, engine: Engine) -> None:
    recorder, path = recorder_for(tmp_path)
    reply = ask(recorder, engine, "scrs in 2015/16")
    assert reply.kind == "clarify"
    [(candidates,)] = rows(path, "SELECT candidates FROM missed_questions")
    offered = [(s.intent, round(s.confidence, 3)) for s in reply.suggestions]
    assert [tuple(c) for c in json.loads(candidates)] == offered


def test_a_decline_keeps_the_nearest_intents(tmp_path, engine: Engine) -> None:
    recorder, _ = recorder_for(tmp_path)
    ask(recorder, engine, "how many SCRs were approved in 2012/13?")
    [miss] = recorder.read(lambda db: db.misses(0))
    assert miss.kind == "decline" and miss.intent is None
    assert miss.candidates[0][0] == "figures.count" and 0 < miss.candidates[0][1] < 0.7


def test_confident_answers_are_counted_but_their_text_is_not_kept(tmp_path, engine: Engine) -> None:
    recorder, path = recorder_for(tmp_path)
    reply = ask(recorder, engine, "how many SCRs were published in 2013/14?")
    assert reply.kind == "answer" and reply.confidence >= 0.8
    assert rows(path, "SELECT * FROM missed_questions") == []
    assert rows(path, "SELECT chat_type, kind, intent, n FROM question_counts") == [
        ("private", "answer", "figures.count", 1)
    ]


def test_answers_below_the_threshold_are_kept(tmp_path, engine: Engine) -> None:
    unsure = Reply("LSCB stands for ...", "terms.define", 0.75, "answer")
    sure = Reply("LSCB stands for ...", "terms.define", 0.85, "answer")
    recorder, path = recorder_for(tmp_path, below=0.8)
    recorder.observe(engine, "who funds LSCBs", Context(), unsure, "private")
    recorder.observe(engine, "who funds LSCBs", Context(), sure, "private")
    assert rows(path, "SELECT kind, intent, confidence, action FROM missed_questions") == [
        ("answer", "terms.define", 0.75, "answered terms.define (0.75)")
    ]
    higher, higher_path = recorder_for(tmp_path / "b", below=0.9)
    higher.observe(engine, "who funds LSCBs", Context(), sure, "private")
    assert len(rows(higher_path, "SELECT * FROM missed_questions")) == 1


def test_nothing_identifying_is_stored_by_default(tmp_path, engine: Engine) -> None:
    recorder, path = recorder_for(tmp_path)
    ask(recorder, engine, "@alice_smith how many TRAINS were there?", user_id=111111, chat_id=-100123)
    [(text, user_id, chat_id)] = rows(path, "SELECT text, user_id, chat_id FROM missed_questions")
    assert (text, user_id, chat_id) == ("how many trains were there", None, None)  # normalised, no mention
    dump = "\n".join(sqlite3.connect(path).iterdump())
    assert "111111" not in dump and "100123" not in dump and "alice" not in dump


def test_ids_are_stored_only_when_the_operator_turns_them_on(tmp_path, engine: Engine) -> None:
    recorder, path = recorder_for(tmp_path, ids=True)
    ask(recorder, engine, "how many trains were there?", user_id=111111, chat_id=-100123)
    ask(recorder, engine, "how many SCRs were published in 2013/14?", user_id=111111, chat_id=-100123)
    assert rows(path, "SELECT user_id, chat_id FROM missed_questions") == [(111111, -100123)]
    columns = [r[1] for r in rows(path, "PRAGMA table_info(question_counts)")]
    assert columns == ["day", "chat_type", "kind", "intent", "n"]  # counters never hold ids or text


def test_empty_questions_are_counted_without_text(tmp_path, engine: Engine) -> None:
    recorder, path = recorder_for(tmp_path)
    ask(recorder, engine, "👍 !!")
    assert rows(path, "SELECT * FROM missed_questions") == []
    assert rows(path, "SELECT kind, n FROM question_counts") == [("decline", 1)]


# -- retention -------------------------------------------------------------------------------------


def test_retention_deletes_old_rows_at_start_and_while_running(tmp_path, engine: Engine) -> None:
    clock = Clock()
    recorder, path = recorder_for(tmp_path, clock, retention_days=90)
    ask(recorder, engine, "how many trains were there?")
    ask(recorder, engine, "how many SCRs were published in 2013/14?")
    clock.now += 60 * DAY
    ask(recorder, engine, "what is the weather?")
    clock.now += 31 * DAY  # the first day is now 91 days old; the weather question 31
    restarted, _ = recorder_for(tmp_path, clock, retention_days=90)
    restarted.start()
    assert rows(path, "SELECT text FROM missed_questions") == [("what is the weather",)]
    assert {r[0] for r in rows(path, "SELECT day FROM question_counts")} == {day_of(T0 + 60 * DAY)}

    clock.now += 60 * DAY + PRUNE_EVERY  # running: the next write sweeps again; the weather is 121 days old
    ask(restarted, engine, "how many SCRs were published in 2013/14?")
    assert rows(path, "SELECT text FROM missed_questions") == []
    assert {r[0] for r in rows(path, "SELECT day FROM question_counts")} == {day_of(clock.now)}


def test_retention_sweeps_at_most_once_per_interval(tmp_path) -> None:
    clock = Clock()
    calls = []

    class Counting(MemoryQuestionLog):
        def prune(self, before: float) -> int:
            calls.append(before)
            return super().prune(before)

    db = Counting()
    recorder = Recorder.of(db, LogOptions(retention_days=1), clock=clock, background=False)
    for _ in range(5):
        recorder._submit("add", Asked(clock.now, "private", "answer", "figures.count", 1.0))
        clock.now += 60
    assert len(calls) == 1
    clock.now += PRUNE_EVERY
    recorder._submit("add", Asked(clock.now, "private", "answer", "figures.count", 1.0))
    assert calls == [T0 - DAY, clock.now - DAY]


# -- settings -----------------------------------------------------------------------------------------


def test_options_from_the_environment() -> None:
    assert log_options({}) == LogOptions(str(ROOT / "var" / "scrbot.db"), 0.8, False, 90.0)
    env = {"SCRBOT_DB": "/tmp/a.db", "SCRBOT_LOG_BELOW": "0.6", "SCRBOT_LOG_IDS": "1", "SCRBOT_RETENTION_DAYS": "7"}
    assert log_options(env) == LogOptions("/tmp/a.db", 0.6, True, 7.0)


def test_scrbot_db_is_the_name_and_scrbot_state_an_alias() -> None:
    assert db_path({"SCRBOT_STATE": "/tmp/old.db"}) == "/tmp/old.db"
    assert db_path({"SCRBOT_STATE": "/tmp/old.db", "SCRBOT_DB": "/tmp/new.db"}) == "/tmp/new.db"
    assert db_path({}) == str(ROOT / "var" / "scrbot.db")  # beside the data in use, wherever the bot runs


@pytest.mark.parametrize(
    "env",
    [
        {"SCRBOT_LOG_BELOW": "high"},
        {"SCRBOT_LOG_BELOW": "1.5"},
        {"SCRBOT_RETENTION_DAYS": "0"},
        {"SCRBOT_RETENTION_DAYS": "forever"},
        {"SCRBOT_LOG_IDS": "maybe"},
    ],
)
def test_malformed_options_are_refused_with_a_message(env: dict[str, str]) -> None:
    with pytest.raises(ValueError, match=next(iter(env))):
        log_options(env)


# -- recording never costs an answer ------------------------------------------------------------------


def test_an_unusable_database_is_reported_once_and_answering_goes_on(
    tmp_path, engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "file").write_text("not a folder")
    clock = Clock()
    recorder = Recorder.sqlite(LogOptions(db=str(tmp_path / "file" / "scrbot.db")), clock=clock, background=False)
    with caplog.at_level(logging.INFO, logger="scrbot.questions"):
        for _ in range(3):
            ask(recorder, engine, "how many trains were there?")
            clock.now += 120  # past the retry interval: it tries to open again each time
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "the bot keeps answering" in warnings[0].getMessage()
    assert recorder.read(lambda db: db.misses(0)) is None


def test_recording_is_reported_again_when_the_database_comes_back(
    tmp_path, engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    class Flaky(MemoryQuestionLog):
        broken = True

        def add(self, asked: Asked) -> None:
            if self.broken:
                raise sqlite3.OperationalError("disk I/O error")
            super().add(asked)

    db = Flaky()
    recorder = Recorder.of(db, background=False)
    with caplog.at_level(logging.INFO, logger="scrbot.questions"):
        ask(recorder, engine, "how many trains were there?")
        ask(recorder, engine, "how many trains were there?")
        db.broken = False
        ask(recorder, engine, "how many trains were there?")
    messages = [r.getMessage() for r in caplog.records]
    assert len(messages) == 2
    assert "disk I/O error" in messages[0] and "again" in messages[1]
    assert len(db.misses(0)) == 1


def test_a_locked_database_does_not_hold_up_answering(tmp_path, engine: Engine) -> None:
    path = tmp_path / "scrbot.db"
    SQLiteQuestionLog(path).close()
    recorder = Recorder(lambda: SQLiteQuestionLog(path, timeout=0.5), LogOptions(db=str(path)))
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")  # another process holds the write lock
    try:
        started = time.perf_counter()
        for _ in range(20):
            ask(recorder, engine, "how many trains were there?")
        assert time.perf_counter() - started < 0.5  # each observe only queues; the writer waits, not us
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    recorder.flush()
    ask(recorder, engine, "what is the weather?")
    recorder.close()
    texts = [r[0] for r in rows(path, "SELECT text FROM missed_questions")]
    assert texts[-1] == "what is the weather"


def test_a_bug_while_preparing_a_row_does_not_raise(tmp_path, engine: Engine, monkeypatch) -> None:
    recorder, _ = recorder_for(tmp_path)
    monkeypatch.setattr("bot.recording.describe", lambda *a, **k: 1 / 0)
    ask(recorder, engine, "how many trains were there?")  # no exception


def test_background_writes_are_all_there_after_close(tmp_path, engine: Engine) -> None:
    path = tmp_path / "scrbot.db"
    recorder = Recorder.sqlite(LogOptions(db=str(path)))
    recorder.start()
    for i in range(50):
        recorder.observe(engine, f"how many trains were there in {i}", Context(), Reply("no", None, 0, "decline"), "x")
    recorder.close()
    assert rows(path, "SELECT count(*) FROM missed_questions") == [(50,)]
    assert rows(path, "SELECT sum(n) FROM question_counts") == [(50,)]
    recorder.observe(engine, "after close", Context(), Reply("no", None, 0, "decline"), "x")  # ignored, no error
    recorder.start()
    assert recorder._thread is not None and not recorder._thread.is_alive()  # no writer started again


WRITER = """
import sys
from bot.state.questions import Asked, SQLiteQuestionLog
db = SQLiteQuestionLog(sys.argv[1])
i = 0
while True:
    i += 1
    db.add(Asked(1_700_000_000.0 + i, "private", "decline", None, 0.4, f"question number {i} " + "x" * 200,
                 (("figures.count", 0.4),), "declined"))
    print(i, flush=True)
"""


def test_the_database_survives_the_process_being_killed_mid_write(tmp_path) -> None:
    path = tmp_path / "scrbot.db"
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert proc.stdout is not None
    written = 0
    try:
        while written < 300:
            line = proc.stdout.readline()
            assert line, "the writer stopped"
            written = int(line)
    finally:
        proc.send_signal(signal.SIGKILL)  # no clean-up, no atexit: in the middle of the next write
        proc.wait(10)
    assert proc.returncode == -signal.SIGKILL
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        texts = [r[0] for r in db.execute("SELECT text FROM missed_questions ORDER BY id")]
    assert len(texts) >= written  # every row reported as committed is there
    assert all(t.startswith(f"question number {i} ") for i, t in enumerate(texts[:written], 1))
    after = SQLiteQuestionLog(path)  # and the bot can go on writing to it
    after.add(Asked(T0 + DAY, "private", "decline", None, 0.0, "after the kill"))
    assert after.misses(T0 + DAY)[-1].text == "after the kill"
    after.close()


def test_a_miss_keeps_the_candidates_the_engine_ranked_without_asking_it_again(tmp_path, engine: Engine) -> None:
    """The reply carries what the matcher considered; the recorder copies it, it does not understand the text again."""
    reply, _ = engine.reply("what about ofsted?", Context())
    assert reply.candidates and all(isinstance(s, float) for _, s in reply.candidates)

    class NoEngine:  # asking it anything would raise
        def __getattr__(self, name: str) -> None:
            raise AssertionError(f"the recorder asked the engine for {name}")

    made = Reply("no", None, 0.0, "decline", candidates=(("figures.count", 0.41), ("reasons.why", 0.2)))
    asked = make_asked(NoEngine(), "how many trains were there", Context(), made, "private", LogOptions(), 1.0)
    assert asked.candidates == (("figures.count", 0.41), ("reasons.why", 0.2))
