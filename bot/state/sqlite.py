"""The default store: one SQLite file in WAL mode, no server to run.

Writes are small and committed at once, so a process killed mid-conversation keeps everything
written before the kill.
"""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path
from typing import Any

SCHEMA_VERSION = 2  # PRAGMA user_version of the file; `migrate` brings an older file up to it
CHAT_DATA = "tg.chat_data"  # schema 1: each chat's contexts in one row, written by python-telegram-bot's persistence
CONTEXT = "ctx"  # schema 2: one row per member ("<chat>:<member>"), read and written by the conversation core

_SCHEMA = """
CREATE TABLE IF NOT EXISTS kv (
    namespace TEXT NOT NULL,
    key       TEXT NOT NULL,
    value     TEXT NOT NULL,
    expires   REAL,
    PRIMARY KEY (namespace, key)
);
"""


class SQLiteStore:
    def __init__(self, path: str | Path, clock=time.time, timeout: float = 5.0) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._clock = clock
        self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=timeout)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(_SCHEMA)
        migrate(self._db)

    def get(self, namespace: str, key: str) -> Any | None:
        row = self._db.execute(
            "SELECT value FROM kv WHERE namespace=? AND key=? AND (expires IS NULL OR expires>?)",
            (namespace, key, self._clock()),
        ).fetchone()
        return json.loads(row[0]) if row else None

    def put(self, namespace: str, key: str, value: Any, ttl: float | None = None) -> None:
        expires = self._clock() + ttl if ttl else None
        self._db.execute(
            "INSERT INTO kv(namespace, key, value, expires) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(namespace, key) DO UPDATE SET value=excluded.value, expires=excluded.expires",
            (namespace, key, json.dumps(value, ensure_ascii=False), expires),
        )

    def put_raw(self, namespace: str, key: str, value: Any, expires: float | None) -> None:
        """Store with an absolute expiry time."""
        self.put_many([(namespace, key, value, expires)])

    def put_many(self, rows: list[tuple[str, str, Any, float | None]]) -> None:
        """Store (namespace, key, value, expires) rows in one transaction."""
        with self._db:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.executemany(
                "INSERT INTO kv(namespace, key, value, expires) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(namespace, key) DO UPDATE SET value=excluded.value, expires=excluded.expires",
                [(ns, key, json.dumps(value, ensure_ascii=False), expires) for ns, key, value, expires in rows],
            )

    def live_rows(self, skip: str = "") -> list[tuple[str, str, Any, float | None]]:
        """Every live (namespace, key, value, expires), except those of namespace `skip`."""
        rows = self._db.execute(
            "SELECT namespace, key, value, expires FROM kv WHERE namespace != ? AND (expires IS NULL OR expires > ?)",
            (skip, self._clock()),
        ).fetchall()
        return [(ns, key, json.loads(value), expires) for ns, key, value, expires in rows]

    def newest_keys(self, namespace: str, limit: int) -> list[str]:
        """The live keys of a namespace of integer keys, highest first, at most `limit`."""
        rows = self._db.execute(
            "SELECT key FROM kv WHERE namespace = ? AND (expires IS NULL OR expires > ?) "
            "ORDER BY CAST(key AS INTEGER) DESC LIMIT ?",
            (namespace, self._clock(), limit),
        ).fetchall()
        return [key for (key,) in rows]

    def apply(self, ops: list[tuple[Any, ...]]) -> None:
        """("put", ns, key, value, expires), ("delete", ns, key) and ("prune",) in order, in one transaction."""
        if not ops:
            return
        upsert = (
            "INSERT INTO kv(namespace, key, value, expires) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(namespace, key) DO UPDATE SET value=excluded.value, expires=excluded.expires"
        )
        with self._db:
            self._db.execute("BEGIN IMMEDIATE")
            for op in ops:
                if op[0] == "put":
                    _, ns, key, value, expires = op
                    self._db.execute(upsert, (ns, key, json.dumps(value, ensure_ascii=False), expires))
                elif op[0] == "delete":
                    self._db.execute("DELETE FROM kv WHERE namespace=? AND key=?", (op[1], op[2]))
                elif op[0] == "prune":
                    self._db.execute("DELETE FROM kv WHERE expires IS NOT NULL AND expires <= ?", (self._clock(),))

    def prune(self) -> int:
        """Delete every expired row; how many."""
        return self._db.execute("DELETE FROM kv WHERE expires IS NOT NULL AND expires <= ?", (self._clock(),)).rowcount

    def delete(self, namespace: str, key: str) -> None:
        self._db.execute("DELETE FROM kv WHERE namespace=? AND key=?", (namespace, key))

    def items(self, namespace: str) -> dict[str, Any]:
        rows = self._db.execute(
            "SELECT key, value FROM kv WHERE namespace=? AND (expires IS NULL OR expires>?)",
            (namespace, self._clock()),
        ).fetchall()
        return {k: json.loads(v) for k, v in rows}

    def incr(self, namespace: str, key: str, window: float) -> int:
        now = self._clock()
        with self._db:
            self._db.execute("BEGIN IMMEDIATE")
            row = self._db.execute(
                "SELECT value, expires FROM kv WHERE namespace=? AND key=? AND (expires IS NULL OR expires>?)",
                (namespace, key, now),
            ).fetchone()
            count = (json.loads(row[0]) if row else 0) + 1
            expires = row[1] if row else now + window
            self._db.execute(
                "INSERT INTO kv(namespace, key, value, expires) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(namespace, key) DO UPDATE SET value=excluded.value, expires=excluded.expires",
                (namespace, key, json.dumps(count), expires),
            )
        return count

    def close(self) -> None:
        self._db.close()


class NewerSchema(sqlite3.DatabaseError):
    """The file was written by a newer scrbot: this one would misread it."""


def migrate(db: sqlite3.Connection) -> int:
    """Bring the file to `SCHEMA_VERSION` in one transaction; the version it had.

    1 -> 2: the contexts python-telegram-bot kept per chat become one row per member, with a version,
    so a member's context is read and written on its own (and, in Redis, compared before it is replaced).
    """
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise NewerSchema(
            f"it was written by a newer scrbot (schema {version}; this one knows {SCHEMA_VERSION}): upgrade scrbot"
        )
    if version == SCHEMA_VERSION:
        return version
    with db:
        db.execute("BEGIN IMMEDIATE")
        rows = db.execute("SELECT key, value, expires FROM kv WHERE namespace = ?", (CHAT_DATA,)).fetchall()
        for chat, value, expires in rows:
            try:
                contexts = json.loads(value).get("contexts") or {}
            except (ValueError, AttributeError):
                continue  # unreadable: that chat starts afresh, as an unreadable context always did
            for member, context in contexts.items() if isinstance(contexts, dict) else ():
                if isinstance(context, dict):
                    db.execute(
                        "INSERT OR REPLACE INTO kv(namespace, key, value, expires) VALUES (?, ?, ?, ?)",
                        (CONTEXT, f"{chat}:{member}", json.dumps({**context, "version": 1}, ensure_ascii=False),
                         expires),
                    )  # fmt: skip
        db.execute("DELETE FROM kv WHERE namespace = ?", (CHAT_DATA,))
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    return version
