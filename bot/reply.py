"""The engine's output: one object every adapter (console, JSON, Telegram) renders its own way."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .knowledge.article import Sentence


@dataclass(frozen=True)
class Suggestion:
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


@dataclass(frozen=True)
class Reply:
    """What the bot says. `intent` is None exactly when it declines; `text` is plain text."""

    text: str
    intent: str | None
    confidence: float
    kind: str  # "answer", "clarify" or "decline"
    entities: dict[str, Any] = field(default_factory=dict)
    sources: tuple[Sentence, ...] = ()
    suggestions: tuple[Suggestion, ...] = ()

    def to_json(self, question: str) -> dict[str, Any]:
        """The JSON contract of `scrbot ask --json`: change it only by adding keys."""
        return {
            "question": question,
            "intent": self.intent,
            "confidence": round(max(0.0, min(1.0, self.confidence)), 3),
            "answer": self.text,
            "entities": self.entities,
            "sources": [s.to_json() for s in self.sources],
            "suggestions": [s.to_json() for s in self.suggestions],
            "kind": self.kind,
        }
