"""The engine's output: one object every adapter (console, JSON, Telegram) renders its own way."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, NamedTuple

from .knowledge.article import Sentence

_NO_ENTITIES: Mapping[str, Any] = MappingProxyType({})  # a shared default must not be mutable


class Suggestion(NamedTuple):
    """A question the user may want next: a "did you mean" candidate or a natural follow-up."""

    text: str
    intent: str | None = None
    confidence: float | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "intent": self.intent,
            "confidence": None if self.confidence is None else round(self.confidence, 3),
        }


class Reply(NamedTuple):
    """What the bot says. `intent` is None exactly when it declines; `text` is plain text."""

    text: str
    intent: str | None
    confidence: float
    kind: str  # "answer", "clarify" or "decline"
    entities: Mapping[str, Any] = _NO_ENTITIES
    sources: tuple[Sentence, ...] = ()
    suggestions: tuple[Suggestion, ...] = ()
    candidates: tuple[tuple[str, float], ...] = ()  # (intent id, confidence) the matcher ranked, best first

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle and deep-copy with a plain dict: the read-only default mapping can be neither."""
        return (Reply, (*self[:4], dict(self.entities), *self[5:]))

    def to_json(self, question: str) -> dict[str, Any]:
        """The JSON contract of `scrbot ask --json`: change it only by adding keys."""
        return {
            "question": question,
            "intent": self.intent,
            "confidence": round(max(0.0, min(1.0, self.confidence)), 3),
            "answer": self.text,
            "entities": dict(self.entities),
            "sources": [s.to_json() for s in self.sources],
            "suggestions": [s.to_json() for s in self.suggestions],
            "kind": self.kind,
        }
