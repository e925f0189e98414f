"""What a conversation remembers between turns, so follow-ups like "and the previous year?" work.

Plain data that round-trips through a dict, because adapters keep it in a store (SQLite today,
a shared store tomorrow).
"""

from __future__ import annotations

from typing import Any

_FIELDS = ("intent", "periods", "history", "measure", "people", "topics", "sources", "updated", "op", "cited",
           "measures", "earlier_topics")


class Context:
    """A plain class rather than a dataclass: `scrbot ask` start-up pays for every dataclass defined."""

    __slots__ = _FIELDS

    def __init__(
        self,
        intent: str | None = None,
        periods: list[str] | None = None,
        history: list[str] | None = None,  # periods of recent turns, oldest first (for "did it double?")
        measure: str | None = None,
        people: list[str] | None = None,  # people the last answers named, most recent first
        topics: list[str] | None = None,
        sources: list[int] | None = None,  # lines of the first source (the article) behind the last answer
        updated: float = 0.0,
        op: str | None = None,  # the figures operation last computed ("share", "gap" ...), for "and in 2011/12?"
        cited: list[str] | None = None,  # "document:line" of every sentence behind the last answer, any source
        measures: list[str] | None = None,  # the measures of the last two answers, oldest first ("difference?")
        earlier_topics: list[str] | None = None,  # the topics of the answer before the last ("which came first?")
    ) -> None:
        self.intent = intent
        self.periods = periods if periods is not None else []
        self.history = history if history is not None else []
        self.measure = measure
        self.people = people if people is not None else []
        self.topics = topics if topics is not None else []
        self.sources = sources if sources is not None else []
        self.updated = updated
        self.op = op
        self.cited = cited if cited is not None else []
        self.measures = measures if measures is not None else []
        self.earlier_topics = earlier_topics if earlier_topics is not None else []

    def to_dict(self) -> dict[str, Any]:
        return {name: _copy(getattr(self, name)) for name in _FIELDS}

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Context) and self.to_dict() == other.to_dict()

    def __repr__(self) -> str:
        return "Context(" + ", ".join(f"{name}={getattr(self, name)!r}" for name in _FIELDS) + ")"

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
                sources=[s for s in data.get("sources") or [] if isinstance(s, int) and not isinstance(s, bool)],
                cited=[s for s in data.get("cited") or [] if isinstance(s, str)],
                measures=[m for m in data.get("measures") or [] if isinstance(m, str)],
                earlier_topics=[t for t in data.get("earlier_topics") or [] if isinstance(t, str)],
                updated=float(data.get("updated") or 0.0),
                op=data.get("op") if isinstance(data.get("op"), str) else None,
            )
        except (TypeError, ValueError):
            return cls()


def _copy(value: Any) -> Any:
    return list(value) if isinstance(value, list) else value
