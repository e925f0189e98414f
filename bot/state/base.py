"""The store interfaces: what the running bot keeps, whichever store keeps it.

`Store` is what a conversation turn uses (context, limits, handled updates, locks). It is
asynchronous, so a network store (Redis, several replicas) never blocks the event loop; the
embedded SQLite store answers from memory and writes behind. `StateStore` is the older synchronous
key-value shape the SQLite and memory stores share underneath.
"""

from __future__ import annotations

from enum import Enum
from typing import Any, Protocol

CONTEXT = "ctx"  # follow-up context: key "<chat>:<member>", a dict with an integer "version"
RATE = "rate"  # limit counters: they last a window (a minute)
DAY = 86400.0  # how long a handled update id is remembered (Telegram keeps an update 24 h at most)


class StoreError(Exception):
    """The store could not be read or written: the turn is not committed, and Telegram should retry it."""


class Claim(Enum):
    """What `Store.claim` found for an update id."""

    MINE = "mine"  # nobody had it: handle it, then `finish` (or `release` on failure)
    BUSY = "busy"  # another handler (this replica or another) holds its lease: answer 503, Telegram retries
    DONE = "done"  # handled before: acknowledge, do nothing


class Store(Protocol):
    """Everything a turn keeps. Every method may raise `StoreError`; none blocks the event loop."""

    async def get(self, namespace: str, key: str) -> Any | None:
        """The stored JSON value, or None when absent or expired."""

    async def put(self, namespace: str, key: str, value: Any, ttl: float | None = None) -> None:
        """Store a JSON value, expiring `ttl` seconds from now (never when None)."""

    async def put_versioned(self, namespace: str, key: str, value: dict[str, Any], ttl: float | None = None) -> bool:
        """Store `value` unless the stored one has a `version` at least as high; True when written.

        Two replicas writing one member's context never replace a newer one with an older one."""

    async def delete(self, namespace: str, key: str) -> None:
        """Forget a value (no error if absent)."""

    async def incr(self, namespace: str, key: str, window: float) -> int:
        """Add one to a counter that resets `window` seconds after its first hit; the new count (atomic)."""

    async def claim(self, update_id: int, lease: float) -> Claim:
        """Take an update for `lease` seconds, unless it is being handled or was handled (within a day)."""

    async def finish(self, update_id: int) -> None:
        """Mark a claimed update handled (kept a day) and drop its lease."""

    async def release(self, update_id: int) -> None:
        """Give a claimed update back unhandled, so a retry (here or on another replica) takes it."""

    async def lock(self, name: str, ttl: float) -> bool:
        """Hold a named lock for `ttl` seconds unless someone holds it (one replica runs the sweep)."""

    async def ping(self) -> None:
        """Return when the store answers; raise `StoreError` otherwise (readiness)."""

    async def prune(self) -> int:
        """Drop what has expired, where the store does not do it itself; how many."""

    async def aclose(self) -> None:
        """Write what is pending and release connections."""


class StateStore(Protocol):
    """Namespaced JSON documents plus counters, synchronous. Implemented by the SQLite and memory stores."""

    def get(self, namespace: str, key: str) -> Any | None:
        """The stored value, or None when absent or expired."""

    def put(self, namespace: str, key: str, value: Any, ttl: float | None = None) -> None:
        """Store a JSON-serialisable value, optionally expiring after `ttl` seconds."""

    def delete(self, namespace: str, key: str) -> None:
        """Forget a value (no error if absent)."""

    def items(self, namespace: str) -> dict[str, Any]:
        """Every live value of a namespace."""

    def incr(self, namespace: str, key: str, window: float) -> int:
        """Add one to a counter that resets `window` seconds after its first hit; return the new count."""

    def close(self) -> None:
        """Release resources."""
