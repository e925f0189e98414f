"""The embedded store behind the async `Store` interface: memory first, a SQLite file behind (or memory only).

One process owns it, so its claims and locks are this process's; every call is answered from
memory and never waits for the disk (`WriteBehindStore` writes within milliseconds on its own thread).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .base import DAY, Claim
from .behind import WriteBehindStore
from .memory import MemoryStore


class LocalStore:
    """`Store` over a `WriteBehindStore` (a path) or a `MemoryStore` (no path)."""

    def __init__(self, path: str | Path | None = None, clock: Callable[[], float] = time.time) -> None:
        self.path = Path(path) if path else None
        self._clock = clock
        self.sync: WriteBehindStore | MemoryStore = WriteBehindStore(path, clock) if path else MemoryStore(clock)
        self._claims: dict[int, float] = {}  # update id -> lease end
        self._handled: dict[int, None] = {}  # for a memory-only store (WriteBehindStore remembers its own)
        self._locks: dict[str, float] = {}

    async def get(self, namespace: str, key: str) -> Any | None:
        return self.sync.get(namespace, key)

    async def put(self, namespace: str, key: str, value: Any, ttl: float | None = None) -> None:
        self.sync.put(namespace, key, value, ttl)

    async def put_versioned(self, namespace: str, key: str, value: dict[str, Any], ttl: float | None = None) -> bool:
        stored = self.sync.get(namespace, key)
        if isinstance(stored, dict) and _version(stored) >= _version(value):
            return False
        self.sync.put(namespace, key, value, ttl)
        return True

    async def delete(self, namespace: str, key: str) -> None:
        self.sync.delete(namespace, key)

    async def incr(self, namespace: str, key: str, window: float) -> int:
        return self.sync.incr(namespace, key, window)

    def handled(self, update_id: int) -> bool:
        """Handled within the last day (synchronous: the poller's tracker asks this)."""
        if isinstance(self.sync, WriteBehindStore):
            return self.sync.handled(update_id)
        return update_id in self._handled

    def remember_update(self, update_id: int) -> None:
        if isinstance(self.sync, WriteBehindStore):
            self.sync.remember_update(update_id)
            return
        self._handled[update_id] = None
        if len(self._handled) > 100_000:
            del self._handled[next(iter(self._handled))]

    async def claim(self, update_id: int, lease: float) -> Claim:
        if self.handled(update_id):
            return Claim.DONE
        if self._claims.get(update_id, 0.0) > self._clock():
            return Claim.BUSY
        self._claims[update_id] = self._clock() + lease
        return Claim.MINE

    async def finish(self, update_id: int) -> None:
        self._claims.pop(update_id, None)
        self.remember_update(update_id)

    async def release(self, update_id: int) -> None:
        self._claims.pop(update_id, None)

    async def lock(self, name: str, ttl: float) -> bool:
        now = self._clock()
        if self._locks.get(name, 0.0) > now:
            return False
        self._locks[name] = now + ttl
        return True

    async def ping(self) -> None:
        return None

    async def prune(self) -> int:
        now = self._clock()
        for update_id in [u for u, until in self._claims.items() if until <= now]:
            del self._claims[update_id]
        return self.sync.prune()

    async def aclose(self) -> None:
        self.sync.close()

    def flush(self, timeout: float = 5.0) -> bool:
        """Wait until what was written is on disk (tests, shutdown)."""
        return self.sync.flush(timeout) if isinstance(self.sync, WriteBehindStore) else True


def _version(value: dict[str, Any]) -> int:
    version = value.get("version")
    return version if isinstance(version, int) and not isinstance(version, bool) else 0


__all__ = ["DAY", "LocalStore"]
