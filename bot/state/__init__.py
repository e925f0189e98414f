"""Where the running bot keeps state: conversation context, counters, logs. One small interface, SQLite by default."""

from .base import StateStore
from .behind import WriteBehindStore
from .memory import MemoryStore
from .sqlite import SQLiteStore

__all__ = ["MemoryStore", "SQLiteStore", "StateStore", "WriteBehindStore", "open_store"]


def open_store(path: str | None) -> StateStore:
    """SQLite at `path`, or an in-memory store when no path is given (tests, one-off runs)."""
    return SQLiteStore(path) if path else MemoryStore()
