"""What a conversation remembers between turns, so follow-ups like "and the previous year?" work.

Plain data that round-trips through a dict, because adapters keep it in a store (SQLite today,
a shared store tomorrow).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Context:
    intent: str | None = None
    periods: list[str] = field(default_factory=list)
    history: list[str] = field(default_factory=list)  # periods of recent turns, oldest first (for "did it double?")
    measure: str | None = None
    people: list[str] = field(default_factory=list)  # people the last answers named, most recent first
    topics: list[str] = field(default_factory=list)
    sources: list[int] = field(default_factory=list)  # article lines behind the last answer
    updated: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Context:
        """A context from stored data; anything unreadable gives a fresh context rather than an error."""
        if not isinstance(data, dict):
            return cls()
        try:
            return cls(
                intent=data.get("intent") if isinstance(data.get("intent"), str) else None,
                periods=[p for p in data.get("periods") or [] if isinstance(p, str)],
                history=[p for p in data.get("history") or [] if isinstance(p, str)],
                measure=data.get("measure") if isinstance(data.get("measure"), str) else None,
                people=[p for p in data.get("people") or [] if isinstance(p, str)],
                topics=[t for t in data.get("topics") or [] if isinstance(t, str)],
                sources=[s for s in data.get("sources") or [] if isinstance(s, int)],
                updated=float(data.get("updated") or 0.0),
            )
        except (TypeError, ValueError):
            return cls()
