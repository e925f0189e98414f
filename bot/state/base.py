"""The state interface. Small on purpose, so a shared store (Redis) can implement it for several replicas."""

from __future__ import annotations

from typing import Any, Protocol


class StateStore(Protocol):
    """Namespaced JSON documents plus counters. Every method is safe to call from one event loop."""

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
