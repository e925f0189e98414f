"""The question log: what the running bot could not answer well, and how many questions it got.

Two kinds of rows, both small:

* a **counter** for every question: (day, chat type, kind, intent) and how many times. No text, no
  ids, nothing that says who asked or what exactly.
* a **miss** for a question the bot declined, asked "did you mean" about, or answered with low
  confidence: its normalised text, when, the chat type, the intent candidates with their scores and
  what the bot did. User and chat ids only when the operator turns them on.

The interface is four methods, so a shared store (Redis: a hash per day for the counters, a sorted
set by time for the misses) can implement it for several replicas. SQLite is the default.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol


def day_of(when: float) -> str:
    """The UTC day (YYYY-MM-DD) of a Unix time: the counters' granularity."""
    return datetime.fromtimestamp(when, UTC).strftime("%Y-%m-%d")


@dataclass(frozen=True)
class Asked:
    """One question as the log sees it. `text` is set only for a miss: a counter never keeps text."""

    time: float
    chat_type: str  # "private", "group", "supergroup", "console"
    kind: str  # "answer", "clarify" or "decline"
    intent: str | None = None  # the intent answered; "clarify" for a did-you-mean; None for a decline
    confidence: float = 0.0
    text: str | None = None  # normalised question text, for a miss only
    candidates: tuple[tuple[str, float], ...] = ()  # (intent id, score), best first
    action: str = ""  # what the bot did, in words ("declined", "offered figures.count, reasons.why")
    user_id: int | None = None  # only with SCRBOT_LOG_IDS=1
    chat_id: int | None = None  # only with SCRBOT_LOG_IDS=1
    update_id: int | None = None  # Telegram's id of the update: a re-delivered update is not counted twice

    @property
    def is_miss(self) -> bool:
        return self.text is not None


@dataclass(frozen=True)
class DayCount:
    day: str
    chat_type: str
    kind: str
    intent: str | None
    count: int


class QuestionLog(Protocol):
    """Where questions are recorded. Implementations may be called from a writer thread and a reader."""

    def add(self, *asked: Asked) -> None:
        """Count each question; keep it as a miss too when it has text. One atomic write for them all."""

    def misses(self, since: float) -> list[Asked]:
        """Every kept miss at or after `since` (Unix time), oldest first."""

    def counts(self, since: float) -> list[DayCount]:
        """The counters from the UTC day of `since` on."""

    def prune(self, before: float) -> int:
        """Delete misses older than `before` and counters of days before its day; return rows deleted."""

    def close(self) -> None:
        """Release resources."""


_SCHEMA = """
CREATE TABLE IF NOT EXISTS missed_questions (
    id         INTEGER PRIMARY KEY,
    time       REAL NOT NULL,
    chat_type  TEXT NOT NULL,
    kind       TEXT NOT NULL,
    intent     TEXT,
    confidence REAL NOT NULL,
    text       TEXT NOT NULL,
    candidates TEXT NOT NULL,
    action     TEXT NOT NULL,
    user_id    INTEGER,
    chat_id    INTEGER
);
CREATE INDEX IF NOT EXISTS missed_questions_time ON missed_questions(time);
CREATE TABLE IF NOT EXISTS question_updates (
    update_id INTEGER PRIMARY KEY,
    time      REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS question_counts (
    day       TEXT NOT NULL,
    chat_type TEXT NOT NULL,
    kind      TEXT NOT NULL,
    intent    TEXT NOT NULL,
    n         INTEGER NOT NULL,
    PRIMARY KEY (day, chat_type, kind, intent)
);
"""


class SQLiteQuestionLog:
    """The log in an SQLite file (WAL mode); it can share the file with `SQLiteStore` (other tables).

    Each `add` is one short transaction, committed at once: a process killed mid-write loses at most
    those questions (one, or the few that queued up together under load), never the file.
    """

    def __init__(self, path: str | Path, timeout: float = 2.0) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=timeout)
        try:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.executescript(_SCHEMA)
        except sqlite3.Error:
            self._db.close()
            raise

    def add(self, *asked: Asked) -> None:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                fresh = [a for a in asked if self._first_time(a)]
                self._write(fresh)
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    def _first_time(self, a: Asked) -> bool:
        """False when this update was recorded before (a re-delivery after a crash)."""
        if a.update_id is None:
            return True
        inserted = self._db.execute(
            "INSERT OR IGNORE INTO question_updates(update_id, time) VALUES (?, ?)", (a.update_id, a.time)
        ).rowcount
        return inserted == 1

    def _write(self, asked: list[Asked]) -> None:
        counts: dict[tuple[str, str, str, str], int] = {}
        for a in asked:
            key = (day_of(a.time), a.chat_type, a.kind, a.intent or "")
            counts[key] = counts.get(key, 0) + 1
        misses = [
            (
                a.time,
                a.chat_type,
                a.kind,
                a.intent,
                a.confidence,
                a.text,
                json.dumps([[i, s] for i, s in a.candidates]),
                a.action,
                a.user_id,
                a.chat_id,
            )
            for a in asked
            if a.is_miss
        ]
        self._db.executemany(
            "INSERT INTO question_counts(day, chat_type, kind, intent, n) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT(day, chat_type, kind, intent) DO UPDATE SET n = n + excluded.n",
            [(*key, n) for key, n in counts.items()],
        )
        self._db.executemany(
            "INSERT INTO missed_questions(time, chat_type, kind, intent, confidence, text, candidates, "
            "action, user_id, chat_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            misses,
        )

    def misses(self, since: float) -> list[Asked]:
        with self._lock:
            rows = self._db.execute(
                "SELECT time, chat_type, kind, intent, confidence, text, candidates, action, user_id, chat_id "
                "FROM missed_questions WHERE time >= ? ORDER BY time, id",
                (since,),
            ).fetchall()
        return [
            Asked(
                time=t,
                chat_type=chat_type,
                kind=kind,
                intent=intent,
                confidence=confidence,
                text=text,
                candidates=tuple((str(i), float(s)) for i, s in json.loads(candidates)),
                action=action,
                user_id=user_id,
                chat_id=chat_id,
            )
            for t, chat_type, kind, intent, confidence, text, candidates, action, user_id, chat_id in rows
        ]

    def counts(self, since: float) -> list[DayCount]:
        with self._lock:
            rows = self._db.execute(
                "SELECT day, chat_type, kind, intent, n FROM question_counts WHERE day >= ? "
                "ORDER BY day, chat_type, kind, intent",
                (day_of(since),),
            ).fetchall()
        return [DayCount(day, chat_type, kind, intent or None, n) for day, chat_type, kind, intent, n in rows]

    def prune(self, before: float) -> int:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                misses = self._db.execute("DELETE FROM missed_questions WHERE time < ?", (before,)).rowcount
                counts = self._db.execute("DELETE FROM question_counts WHERE day < ?", (day_of(before),)).rowcount
                # update ids only need to outlive Telegram's re-deliveries: a day after the newest
                self._db.execute(
                    "DELETE FROM question_updates "
                    "WHERE time < MAX(?, (SELECT MAX(time) FROM question_updates) - 86400)",
                    (before,),
                )
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
        return misses + counts

    def close(self) -> None:
        with self._lock:
            self._db.close()


class MemoryQuestionLog:
    """The same contract in memory: for tests and for runs that keep nothing."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._misses: list[Asked] = []
        self._counts: dict[tuple[str, str, str, str], int] = {}
        self._updates: set[int] = set()

    def add(self, *asked: Asked) -> None:
        with self._lock:
            for a in asked:
                if a.update_id is not None:
                    if a.update_id in self._updates:
                        continue
                    self._updates.add(a.update_id)
                key = (day_of(a.time), a.chat_type, a.kind, a.intent or "")
                self._counts[key] = self._counts.get(key, 0) + 1
                if a.is_miss:
                    self._misses.append(a)

    def misses(self, since: float) -> list[Asked]:
        with self._lock:
            return sorted((a for a in self._misses if a.time >= since), key=lambda a: a.time)

    def counts(self, since: float) -> list[DayCount]:
        first = day_of(since)
        with self._lock:
            return [
                DayCount(day, chat_type, kind, intent or None, n)
                for (day, chat_type, kind, intent), n in sorted(self._counts.items())
                if day >= first
            ]

    def prune(self, before: float) -> int:
        first = day_of(before)
        with self._lock:
            kept = [a for a in self._misses if a.time >= before]
            old_counts = [k for k in self._counts if k[0] < first]
            for key in old_counts:
                del self._counts[key]
            deleted = len(self._misses) - len(kept) + len(old_counts)
            self._misses = kept
        return deleted

    def close(self) -> None:
        return None



class UnusableLog(Exception):
    """A file that cannot serve as the question log, with why, in words for one line of output."""


def open_existing(path: Path) -> SQLiteQuestionLog | None:
    """The question log at `path` for reading (misses, stats), None if nothing was recorded yet, or
    `UnusableLog` saying why the file cannot be one: a folder, not a database, someone else's database."""
    import time

    if not path.exists():
        return None
    if path.is_dir():
        raise UnusableLog("is a folder, not a database file")
    try:
        with path.open("rb") as head:
            magic = head.read(16)
    except OSError as exc:
        raise UnusableLog(f"cannot be read ({exc.strerror or exc})") from None
    if magic and magic != b"SQLite format 3\x00":
        raise UnusableLog("is not an SQLite database")
    try:
        db = SQLiteQuestionLog(path)
        db.misses(time.time())  # reads both tables' schema: a foreign database fails here, not later
        return db
    except (sqlite3.Error, OSError) as exc:
        raise UnusableLog(f"cannot be used as the question log ({exc})") from None
