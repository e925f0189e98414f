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
    def __init__(self, path: str | Path, clock=time.time) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._clock = clock
        self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=5.0)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(_SCHEMA)

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
