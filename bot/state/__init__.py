"""Where the running bot keeps state: conversation context, counters, logs. One small interface, SQLite by default."""

from .base import StateStore
from .behind import WriteBehindStore
from .memory import MemoryStore
from .sqlite import SQLiteStore

__all__ = ["MemoryStore", "SQLiteStore", "StateStore", "StoreURLError", "WriteBehindStore", "open_store", "store_path"]


class StoreURLError(ValueError):
    """SCRBOT_STORE names a store this bot cannot open; the message says what it accepts."""


def store_path(url: str) -> str:
    """The SQLite file a store URL names: `sqlite:///var/scrbot.db` (absolute) or `sqlite:var/scrbot.db`.

    One URL chooses the store, here and nowhere else; other schemes are refused with one line."""
    url = url.strip()
    scheme, sep, rest = url.partition(":")
    if not sep or scheme.lower() != "sqlite" or not rest.strip("/"):
        raise StoreURLError(
            "SCRBOT_STORE must be sqlite:///ABSOLUTE/PATH or sqlite:RELATIVE/PATH (the only store this version has)."
        )
    return "/" + rest.lstrip("/") if rest.startswith("///") else rest.removeprefix("//")


def open_store(path: str | None) -> StateStore:
    """SQLite at `path`, or an in-memory store when no path is given (tests, one-off runs)."""
    return SQLiteStore(path) if path else MemoryStore()
