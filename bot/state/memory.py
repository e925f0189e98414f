"""An in-process store: for tests and for runs that need nothing kept."""

from __future__ import annotations

import copy
import time
from typing import Any


class MemoryStore:
    def __init__(self, clock=time.time) -> None:
        self._clock = clock
        self._data: dict[tuple[str, str], tuple[Any, float | None]] = {}

    def _live(self, namespace: str, key: str) -> tuple[Any, float | None] | None:
        item = self._data.get((namespace, key))
        if item is None:
            return None
        if item[1] is not None and item[1] <= self._clock():
            del self._data[(namespace, key)]
            return None
        return item

    def get(self, namespace: str, key: str) -> Any | None:
        item = self._live(namespace, key)
        return copy.deepcopy(item[0]) if item else None

    def put(self, namespace: str, key: str, value: Any, ttl: float | None = None) -> None:
        expires = self._clock() + ttl if ttl else None
        self._data[(namespace, key)] = (copy.deepcopy(value), expires)

    def delete(self, namespace: str, key: str) -> None:
        self._data.pop((namespace, key), None)

    def items(self, namespace: str) -> dict[str, Any]:
        keys = [k for (ns, k) in list(self._data) if ns == namespace]
        return {k: v for k in keys if (v := self.get(namespace, k)) is not None}

    def incr(self, namespace: str, key: str, window: float) -> int:
        item = self._live(namespace, key)
        count = (item[0] if item else 0) + 1
        expires = item[1] if item else self._clock() + window
        self._data[(namespace, key)] = (count, expires)
        return count

    def put_raw(self, namespace: str, key: str, value: Any, expires: float | None) -> None:
        """Store with an absolute expiry time (as read back from a file)."""
        self._data[(namespace, key)] = (value, expires)

    def raw(self, namespace: str, key: str) -> tuple[Any, float | None]:
        """The stored value itself (not a copy: never mutate it) and its expiry time."""
        return self._data[(namespace, key)]

    def snapshot(self) -> list[tuple[tuple[str, str], tuple[Any, float | None]]]:
        """Every live entry, as ((namespace, key), (value, expires))."""
        now = self._clock()
        return [(k, v) for k, v in list(self._data.items()) if v[1] is None or v[1] > now]

    def prune(self) -> int:
        """Forget every expired entry now (they are otherwise only dropped when read); how many."""
        now = self._clock()
        expired = [k for k, (_, expires) in list(self._data.items()) if expires is not None and expires <= now]
        for key in expired:
            self._data.pop(key, None)
        return len(expired)

    def close(self) -> None:
        self._data.clear()
