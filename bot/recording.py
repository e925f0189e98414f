"""The running bot records what it could not answer well, for the maintainers, and never at the cost of an answer.

`Recorder.observe` is called after each answer by `scrbot run` (Telegram) and `scrbot chat`; `ask`,
`eval` and `bench` never record. Every question adds one to a counter (day, chat type, kind,
intent); a decline, a "did you mean" or an answer below `SCRBOT_LOG_BELOW` is also kept as a miss
with its normalised text and the intent candidates. Writes go through a queue to one writer thread,
so a slow or locked database never holds up a reply; if the database cannot be used, the bot keeps
answering and logs that once (and once more when recording works again).
"""

from __future__ import annotations

import contextlib
import logging
import os
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from .conversation import Context
from .reply import Reply
from .state.behind import flush_queue
from .state.questions import Asked, QuestionLog, SQLiteQuestionLog
from .understanding.normalise import normalise

if TYPE_CHECKING:
    from .engine import Engine

log = logging.getLogger("scrbot.questions")

DEFAULT_DB = "var/scrbot.db"
DEFAULT_BELOW = 0.8
DEFAULT_RETENTION_DAYS = 90.0
MAX_RETENTION_DAYS = 3650.0  # ten years: beyond, a typo (inf, 1e300) that would stop every write
PRUNE_EVERY = 3600.0  # seconds between retention sweeps while running (and one at start)
RETRY_OPEN_AFTER = 60.0  # seconds before trying again to open a database that could not be opened
BATCH = 200  # questions written in one transaction at most
QUEUE_SIZE = 1000  # questions waiting to be written; beyond this they are dropped (and that is logged once)
MAX_TEXT = 300  # characters of a question kept
DAY = 86400.0
DEFAULT_PREFIX = "scrbot"  # SCRBOT_STORE_PREFIX: Redis keys start "scrbot:", so deployments can share a server

T = TypeVar("T")


@dataclass(frozen=True)
class LogOptions:
    """What to record and for how long (SCRBOT_DB, SCRBOT_LOG_BELOW, SCRBOT_LOG_IDS, SCRBOT_RETENTION_DAYS)."""

    db: str = DEFAULT_DB  # the SQLite file; "" when the store is Redis
    below: float = DEFAULT_BELOW  # answers below this confidence are kept as misses
    ids: bool = False  # keep Telegram user and chat ids with misses
    retention_days: float = DEFAULT_RETENTION_DAYS
    # Last, so the positional order above (db, below, ids, retention_days) keeps its meaning for callers.
    store: str = ""  # SCRBOT_STORE when it names Redis: the question log is kept there, for every replica
    prefix: str = DEFAULT_PREFIX  # SCRBOT_STORE_PREFIX: what every Redis key starts with


def is_miss(reply: Reply, below: float) -> bool:
    """A decline, a "did you mean", or an answer the bot was not sure of."""
    return reply.kind != "answer" or reply.confidence < below


def describe(reply: Reply) -> str:
    """What the bot did, in a few words."""
    if reply.kind == "answer":
        return f"answered {reply.intent} ({reply.confidence:.2f})"
    if reply.kind == "clarify":
        offered = [s.intent for s in reply.suggestions if s.intent]
        return "asked: did you mean " + ", ".join(offered) if offered else "asked for more detail"
    missing = reply.entities.get("missing_periods") or []
    return f"declined: no figures for {', '.join(missing)}" if missing else "declined"


def make_asked(
    engine: Engine,
    question: str,
    context: Context | None,
    reply: Reply,
    chat_type: str,
    options: LogOptions,
    when: float,
    user_id: int | None = None,
    chat_id: int | None = None,
    update_id: int | None = None,
) -> Asked:
    """The log's view of one turn: always a counter; text, candidates and (if allowed) ids only for a miss."""
    base = Asked(
        time=when, chat_type=chat_type, kind=reply.kind, intent=reply.intent, confidence=reply.confidence,
        update_id=update_id,
    )  # fmt: skip
    text = normalise(question)[:MAX_TEXT].strip()
    if not text or not is_miss(reply, options.below):
        return base
    offered = tuple((s.intent, round(float(s.confidence or 0.0), 3)) for s in reply.suggestions if s.intent)
    found = offered if reply.kind == "clarify" and offered else reply.candidates  # what the engine considered
    return Asked(
        time=when,
        chat_type=chat_type,
        kind=reply.kind,
        intent=reply.intent,
        confidence=round(reply.confidence, 3),
        text=text,
        candidates=found,
        action=describe(reply),
        user_id=user_id if options.ids else None,
        chat_id=chat_id if options.ids else None,
        update_id=update_id,
    )


class Recorder:
    """Turns answered turns into log rows and writes them on a thread of its own."""

    def __init__(
        self,
        opener: Callable[[], QuestionLog],
        options: LogOptions | None = None,
        clock: Callable[[], float] = time.time,
        background: bool = True,
        where: str = "",
    ) -> None:
        self.options = options or LogOptions()
        self._opener = opener
        self._clock = clock
        self._background = background
        self._where = where or "the question log"
        self._log: QuestionLog | None = None
        self._opened_at: float | None = None  # last attempt to open
        self._pruned_at: float | None = None
        self._failing = False
        self._observe_failed = False
        self._dropped = False
        self._queue: queue.Queue[tuple[str, Any]] = queue.Queue(QUEUE_SIZE)
        self._thread: threading.Thread | None = None
        self._thread_lock = threading.Lock()
        self._closed = False
        self._shared = False  # reads use the writer's log instead of a connection of their own
        self._file: str | None = None  # the SQLite file, watched so a deleted one is recreated
        self._identity: tuple[int, int] | None = None

    @classmethod
    def sqlite(cls, options: LogOptions, clock: Callable[[], float] = time.time, background: bool = True) -> Recorder:
        recorder = cls(lambda: SQLiteQuestionLog(options.db), options, clock, background, where=options.db)
        recorder._file = options.db
        return recorder

    @classmethod
    def open(cls, options: LogOptions, clock: Callable[[], float] = time.time, background: bool = True) -> Recorder:
        """The recorder for the settings: the Redis log every replica shares when SCRBOT_STORE names Redis,
        else the SQLite file (`sqlite`)."""
        if not options.store:
            return cls.sqlite(options, clock, background)
        from .state.redis import RedisQuestionLog, describe_url  # redis-py only when Redis is chosen

        return cls(
            lambda: RedisQuestionLog(options.store, options.prefix), options, clock, background,
            where=f"Redis at {describe_url(options.store)} (prefix {options.prefix})",
        )  # fmt: skip

    @classmethod
    def of(
        cls,
        question_log: QuestionLog,
        options: LogOptions | None = None,
        clock: Callable[[], float] = time.time,
        background: bool = True,
    ) -> Recorder:
        """A recorder over a log that is already open (the memory log, tests); reads share it."""
        recorder = cls(lambda: question_log, options, clock, background)
        recorder._shared = True
        return recorder

    # -- the answering side: cheap, never raises ---------------------------------------------
    def observe(
        self,
        engine: Engine,
        question: str,
        context: Context | None,
        reply: Reply,
        chat_type: str,
        user_id: int | None = None,
        chat_id: int | None = None,
        update_id: int | None = None,
    ) -> None:
        """Record one turn (`context` is the one the question was asked in). Never raises, never waits.

        `update_id` makes it idempotent: a Telegram update delivered again is not counted again.
        """
        if self._closed:
            return
        try:
            asked = make_asked(
                engine, question, context, reply, chat_type, self.options, self._clock(), user_id, chat_id, update_id
            )
        except Exception as exc:  # a bug here must not cost an answer
            if not self._observe_failed:
                self._observe_failed = True
                log.warning("could not prepare a question for the log (%s: %s)", type(exc).__name__, exc)
            return
        self._submit("add", asked)

    def start(self) -> None:
        """Open the log and apply the retention period now, rather than at the first question."""
        self._submit("prune", None)

    def _submit(self, job: str, payload: Any) -> None:
        if self._closed:
            return
        if not self._background:
            self._run(job, [payload] if job == "add" else payload)
            return
        self._ensure_thread()
        try:
            self._queue.put_nowait((job, payload))
        except queue.Full:
            if not self._dropped:
                self._dropped = True
                log.warning("the question log is not keeping up; some questions are not being recorded")

    def _ensure_thread(self) -> None:
        with self._thread_lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._work, name="scrbot-question-log", daemon=True)
                self._thread.start()

    # -- the writer side ------------------------------------------------------------------------
    def _work(self) -> None:
        while True:
            jobs = [self._queue.get()]
            # Written at once, with whatever else is already queued: under load the queue fills while
            # a transaction commits, so one commit serves many questions without waiting for more.
            while jobs[-1][0] == "add" and len(jobs) < BATCH:
                try:
                    jobs.append(self._queue.get_nowait())
                except queue.Empty:
                    break
            try:
                added = [payload for job, payload in jobs if job == "add"]
                if added:
                    self._run("add", added)
                job, payload = jobs[-1]  # any job but "add" ends a batch
                if job == "stop":
                    return
                if job != "add":
                    self._run(job, payload)
            finally:
                for _ in jobs:
                    self._queue.task_done()

    def _run(self, job: str, payload: Any) -> None:
        if job == "flush":
            payload.set()
            return
        db = self._open()
        if db is None:
            return
        try:
            now = self._clock()
            if job == "prune" or self._pruned_at is None or now - self._pruned_at >= PRUNE_EVERY:
                sweeper = getattr(db, "may_sweep", None)  # a shared log: one replica sweeps per interval
                if sweeper is None or sweeper(PRUNE_EVERY):
                    db.prune(now - self.options.retention_days * DAY)
                self._pruned_at = now
            if job == "add":
                db.add(*payload)
        except Exception as exc:
            self._fail(exc)
        else:
            self._recovered()

    def _file_identity(self) -> tuple[int, int] | None:
        try:
            st = os.stat(self._file) if self._file else None
        except OSError:
            return None
        return (st.st_dev, st.st_ino) if st else None

    def _open(self) -> QuestionLog | None:
        if self._log is not None and self._file and self._file_identity() != self._identity:
            log.warning("the question log's file %s vanished; recreating it", self._where)
            with contextlib.suppress(Exception):
                self._log.close()
            self._log, self._opened_at = None, None
        if self._log is not None:
            return self._log
        now = self._clock()
        if self._opened_at is not None and now - self._opened_at < RETRY_OPEN_AFTER:
            return None
        self._opened_at = now
        try:
            self._log = self._opener()
        except Exception as exc:
            self._fail(exc)
            return None
        self._identity = self._file_identity()
        return self._log

    def _fail(self, exc: BaseException) -> None:
        if not self._failing:
            self._failing = True
            log.warning(
                "cannot record questions in %s (%s: %s); the bot keeps answering, but misses and stats are "
                "not recorded until it can",
                self._where,
                type(exc).__name__,
                exc,
            )

    def _recovered(self) -> None:
        if self._failing:
            self._failing = False
            log.info("recording questions in %s again", self._where)

    # -- reading, flushing, closing ---------------------------------------------------------------
    def flush(self, timeout: float = 5.0) -> bool:
        """Wait until every question submitted so far is written (or given up); False on timeout."""
        if not self._background or self._thread is None:
            return True
        return flush_queue(self._queue, timeout)

    def read(self, fn: Callable[[QuestionLog], T]) -> T | None:
        """Run a query on the log after a flush (for /stats and /misses), on a connection of its own.

        None when the log cannot be opened (the reason is logged once, as for writes).
        """
        self.flush()
        try:
            db = self._opener()
        except Exception as exc:
            self._fail(exc)
            return None
        try:
            return fn(db)
        finally:
            if not self._shared:
                with contextlib.suppress(Exception):
                    db.close()

    def close(self) -> None:
        """Write what is queued, stop the writer and close the log."""
        if self._closed:
            return
        self._closed = True
        if self._background and self._thread is not None and self._thread.is_alive():
            self.flush()
            with contextlib.suppress(queue.Full):
                self._queue.put(("stop", None), timeout=1.0)
            self._thread.join(timeout=5.0)
        if self._log is not None:
            with contextlib.suppress(Exception):
                self._log.close()
            self._log = None
