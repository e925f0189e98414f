"""Is this file a database the bot can write? Asked once at start, so the answer is one line, not a traceback."""

from __future__ import annotations

import sqlite3
from pathlib import Path


class UnusableDatabase(ValueError):
    """The file cannot serve as the bot's database; the message says why, in a few words."""

    def __init__(self, reason: str, corrupt: bool) -> None:
        super().__init__(reason)
        self.corrupt = corrupt  # not a database at all (as opposed to one that cannot be written)


def check_writable(path: Path) -> None:
    """Open the database and take a write lock once (then roll back); raise UnusableDatabase if it cannot."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(path, timeout=5.0)
    except (OSError, sqlite3.Error) as exc:
        raise UnusableDatabase(f"cannot be opened: {exc}", corrupt=False) from None
    try:
        db.execute("PRAGMA schema_version").fetchone()  # reads the header: "file is not a database"
        from .sqlite import SCHEMA_VERSION

        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise UnusableDatabase(
                f"written by a newer scrbot (schema {version}; this one knows {SCHEMA_VERSION}): upgrade scrbot",
                corrupt=False,
            )
        db.execute("BEGIN IMMEDIATE")  # the lock a write needs: a read-only file or folder fails here
        db.execute("CREATE TABLE IF NOT EXISTS scrbot_check (x)")
        db.execute("ROLLBACK")
    except sqlite3.DatabaseError as exc:
        reason = str(exc)
        raise UnusableDatabase(reason, corrupt="not a database" in reason or "malformed" in reason) from None
    finally:
        db.close()
