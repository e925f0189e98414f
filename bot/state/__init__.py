"""Where the running bot keeps state: conversation context, limits, handled updates, the question log.

One URL chooses the store, here and nowhere else (`SCRBOT_STORE`): `sqlite:///path` (the default,
embedded, one process) or `redis://host:port/db` (several replicas sharing one Redis).
"""

from __future__ import annotations

from typing import NamedTuple

from .base import CONTEXT, RATE, Claim, StateStore, Store, StoreError
from .behind import WriteBehindStore
from .local import LocalStore
from .memory import MemoryStore
from .sqlite import SQLiteStore

__all__ = [
    "CONTEXT",
    "RATE",
    "Claim",
    "LocalStore",
    "MemoryStore",
    "SQLiteStore",
    "StateStore",
    "Store",
    "StoreError",
    "StoreURL",
    "StoreURLError",
    "WriteBehindStore",
    "open_store",
    "parse_store_url",
    "store_path",
]

ACCEPTED = "SCRBOT_STORE must be sqlite:///ABSOLUTE/PATH, sqlite:RELATIVE/PATH or redis://HOST:PORT/DB."


class StoreURLError(ValueError):
    """SCRBOT_STORE names a store this bot cannot open; the message says what it accepts."""


class StoreURL(NamedTuple):
    """A parsed SCRBOT_STORE: `kind` is "sqlite" (with `path`) or "redis" (with `url`)."""

    kind: str
    path: str = ""
    url: str = ""


def parse_store_url(url: str) -> StoreURL:
    """Read SCRBOT_STORE; anything else than SQLite or Redis is refused with one line saying what is accepted."""
    url = url.strip()
    scheme, sep, rest = url.partition(":")
    scheme = scheme.lower()
    if sep and scheme == "sqlite" and rest.strip("/"):
        return StoreURL("sqlite", path="/" + rest.lstrip("/") if rest.startswith("///") else rest.removeprefix("//"))
    if sep and scheme in ("redis", "rediss", "unix") and rest.strip("/"):
        from urllib.parse import urlsplit

        try:
            parts = urlsplit(url)
            if scheme != "unix":
                parts.port  # noqa: B018 - raises ValueError on a port that is not a number
        except ValueError:
            raise StoreURLError(f"{ACCEPTED} The port in it is not a number.") from None
        if scheme != "unix" and not parts.hostname:
            raise StoreURLError(f"{ACCEPTED} It names no host.")
        database = parts.path.strip("/")
        if database and not database.isdigit():
            raise StoreURLError(f"{ACCEPTED} The database after the last / must be a number (0 to 15).")
        return StoreURL("redis", url=url)
    raise StoreURLError(ACCEPTED)


def store_path(url: str) -> str:
    """The SQLite file a store URL names (`sqlite:///var/scrbot.db` or `sqlite:var/scrbot.db`); "" for Redis."""
    parsed = parse_store_url(url)
    return parsed.path


def open_store(target: str | None, prefix: str = "scrbot") -> Store:
    """The async store for a SCRBOT_STORE URL or a SQLite path; in memory when `target` is empty.

    Redis keys all start with `prefix` (SCRBOT_STORE_PREFIX), so deployments can share a server.
    """
    if not target:
        return LocalStore(None)
    if "://" in target or target.startswith(("sqlite:", "redis:", "rediss:", "unix:")):
        parsed = parse_store_url(target)
        if parsed.kind == "redis":
            from .redis import RedisStore  # redis-py is imported only when Redis is chosen

            return RedisStore(parsed.url, prefix=prefix)
        target = parsed.path
    return LocalStore(target)
