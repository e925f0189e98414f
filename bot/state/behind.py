"""The running bot's store: memory first, SQLite behind, so the database never holds up an answer.

Reads (`get`, `items`, `incr`) are served from memory. Writes (`put`, `delete`) change memory at
once and are queued to one writer thread that commits them to SQLite within milliseconds. So:

* a database locked by another process, a frozen or full disk, a deleted file: the answers go on
  from memory; the writer logs one warning, keeps retrying, and when it can write again it writes
  everything memory holds (so nothing is lost while the process lives);
* a database file deleted (or replaced) while the bot runs is noticed on the next write, recreated,
  and refilled from memory;
* the queue is bounded (`QUEUE_SIZE`): past it writes are dropped with one warning and made up by
  the refill once the writer catches up.

Rate-limit counters (namespace `rate`) live in memory only: they last a minute. Expired rows are
pruned from memory and from the file every `PRUNE_EVERY` seconds (`prune`), so what is kept stays
the size of what is live. Handled update ids (`remember_update`) are kept for a day in the file,
and the most recent `RECENT_UPDATES` of them in memory, so a re-delivered update is not answered twice.
"""

from __future__ import annotations

import contextlib
import logging
import os
import queue
import sqlite3
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .memory import MemoryStore
from .sqlite import SQLiteStore

log = logging.getLogger("scrbot.state")

MEMORY_ONLY = frozenset({"rate"})
UPDATES = "updates"  # handled update ids
DAY = 86400.0
RECENT_UPDATES = 100_000
QUEUE_SIZE = 10_000
BATCH = 500  # writes committed in one transaction at most
BUSY_TIMEOUT = 2.0  # seconds the writer waits for another process's lock before giving up this try
RETRY_AFTER = 1.0  # seconds between attempts while the database fails


def flush_queue(jobs: queue.Queue[tuple[Any, ...]], timeout: float) -> bool:
    """Queue a ("flush", event) job behind what is queued and wait for the writer thread to set it; False on
    timeout. The state's writer and the question log's writer both answer it."""
    done = threading.Event()
    try:
        jobs.put(("flush", done), timeout=timeout)
    except queue.Full:
        return False
    return done.wait(timeout)


class WriteBehindStore:
    """A `StateStore` whose reads never touch the disk and whose writes never wait for it."""

    def __init__(self, path: str | Path, clock: Callable[[], float] = time.time, queue_size: int = QUEUE_SIZE) -> None:
        self.path = Path(path)
        self._clock = clock
        self.memory = MemoryStore(clock)
        self._recent: OrderedDict[int, None] = OrderedDict()
        self._queue: queue.Queue[tuple[Any, ...]] = queue.Queue(queue_size)
        self._db: SQLiteStore | None = None
        self._identity: tuple[int, int] | None = None
        self._failing = False
        self._dropped = False
        self._dirty = False  # something was not written: refill from memory once the database works again
        self._closed = False
        self._load()
        self._thread = threading.Thread(target=self._work, name="scrbot-state-writer", daemon=True)
        self._thread.start()

    # -- start-up --------------------------------------------------------------------------------
    def _load(self) -> None:
        """Read what the last run kept into memory; an unusable file means memory only, said once."""
        try:
            db = self._connect()
            for namespace, key, value, expires in db.live_rows(skip=UPDATES):
                if namespace not in MEMORY_ONLY:
                    self.memory.put_raw(namespace, key, value, expires)
            for key in reversed(db.newest_keys(UPDATES, RECENT_UPDATES)):
                with contextlib.suppress(ValueError):
                    self._recent[int(key)] = None
        except (sqlite3.Error, OSError, ValueError) as exc:
            self._fail(exc)
            self._dirty = True

    def _connect(self) -> SQLiteStore:
        if self._db is None:
            self._db = SQLiteStore(self.path, self._clock, timeout=BUSY_TIMEOUT)
            self._identity = self._file_identity()
        return self._db

    def _file_identity(self) -> tuple[int, int] | None:
        try:
            st = os.stat(self.path)
        except OSError:
            return None
        return (st.st_dev, st.st_ino)

    # -- the StateStore interface (event loop side: memory only, never blocks) --------------------
    def get(self, namespace: str, key: str) -> Any | None:
        return self.memory.get(namespace, key)

    def holds(self, namespace: str, key: str, value: Any) -> bool:
        """The live value is equal to `value` (compared in place, without a copy)."""
        item = self.memory._live(namespace, key)
        return item is not None and item[0] == value

    def items(self, namespace: str) -> dict[str, Any]:
        return self.memory.items(namespace)

    def incr(self, namespace: str, key: str, window: float) -> int:
        count = self.memory.incr(namespace, key, window)
        if namespace not in MEMORY_ONLY:
            value, expires = self.memory.raw(namespace, key)
            self._submit(("put", namespace, key, value, expires))
        return count

    def put(self, namespace: str, key: str, value: Any, ttl: float | None = None) -> None:
        self.memory.put(namespace, key, value, ttl)
        if namespace not in MEMORY_ONLY:
            stored, expires = self.memory.raw(namespace, key)
            self._submit(("put", namespace, key, stored, expires))

    def delete(self, namespace: str, key: str) -> None:
        self.memory.delete(namespace, key)
        if namespace not in MEMORY_ONLY:
            self._submit(("delete", namespace, key))

    # -- handled updates -------------------------------------------------------------------------
    def handled(self, update_id: int) -> bool:
        return update_id in self._recent

    def remember_update(self, update_id: int) -> None:
        """Mark an update handled: in memory now, in the file for a day."""
        self._recent[update_id] = None
        while len(self._recent) > RECENT_UPDATES:
            self._recent.popitem(last=False)
        self._submit(("put", UPDATES, str(update_id), 1, self._clock() + DAY))

    # -- upkeep ----------------------------------------------------------------------------------
    def prune(self) -> int:
        """Forget expired values in memory now, and in the file on the writer thread."""
        removed = self.memory.prune()
        self._submit(("prune",))
        return removed

    def flush(self, timeout: float = 5.0) -> bool:
        """Wait until everything queued so far was written (or given up); False on timeout."""
        return flush_queue(self._queue, timeout)

    def close(self) -> None:
        if self._closed:
            return
        self.flush()
        self._closed = True
        with contextlib.suppress(queue.Full):
            self._queue.put(("stop",), timeout=1.0)
        self._thread.join(timeout=5.0)

    # -- the writer thread -----------------------------------------------------------------------
    def _submit(self, op: tuple[Any, ...]) -> None:
        if self._closed:
            return
        try:
            self._queue.put_nowait(op)
        except queue.Full:
            self._dirty = True
            if not self._dropped:
                self._dropped = True
                log.warning("the database is not keeping up; state is kept in memory and written when it catches up")

    def _work(self) -> None:
        while True:
            ops = [self._queue.get()]
            while len(ops) < BATCH and ops[-1][0] not in ("flush", "stop"):
                try:
                    ops.append(self._queue.get_nowait())
                except queue.Empty:
                    break
            control = ops.pop() if ops[-1][0] in ("flush", "stop") else None
            while not self._apply(ops) and not self._closed:
                time.sleep(RETRY_AFTER)  # the same writes again, in order, until the database takes them
            if control is None:
                continue
            if control[0] == "flush":
                control[1].set()
                continue
            with contextlib.suppress(Exception):
                if self._db is not None:
                    self._db.close()
            return

    def _apply(self, ops: list[tuple[Any, ...]]) -> bool:
        """Write `ops` in one transaction (after a refill, if something was missed); False on failure."""
        if not ops and not self._dirty:
            return True
        try:
            db = self._connect()
            if self._identity != self._file_identity():  # deleted or replaced under us
                log.warning("the database file %s vanished; recreating it from what is in memory", self.path)
                with contextlib.suppress(Exception):
                    db.close()
                self._db = None
                db = self._connect()
                self._dirty = True
            if self._dirty:
                self._dirty = False
                self._refill(db)
            db.apply(ops)
        except Exception as exc:  # sqlite3.Error, OSError, or a bug: the writer thread must never die of it
            self._fail(exc)
            self._dirty = True
            if self._db is not None and isinstance(exc, sqlite3.DatabaseError) and "malformed" in str(exc):
                with contextlib.suppress(Exception):
                    self._db.close()
                self._db = None
            return False
        if self._failing:
            self._failing = False
            log.info("writing state to %s again", self.path)
        self._dropped = False
        return True

    def _refill(self, db: SQLiteStore) -> None:
        """Write everything memory holds (after a failure, a dropped write, or a recreated file)."""
        live = self.memory.snapshot()
        rows = [(ns, key, value, expires) for (ns, key), (value, expires) in live if ns not in MEMORY_ONLY]
        until = self._clock() + DAY
        rows += [(UPDATES, str(u), 1, until) for u in list(self._recent)]
        db.put_many(rows)

    def _fail(self, exc: BaseException) -> None:
        if not self._failing:
            self._failing = True
            log.warning(
                "cannot write state to %s (%s: %s); answering goes on from memory, and it is written when the "
                "database works again",
                self.path,
                type(exc).__name__,
                exc,
            )
