"""A question as read: periods, words, slots. Built by `Engine.understand`, used by every later step."""

from __future__ import annotations

from typing import NamedTuple

from ..answers.query import Query
from .lexicon import Reading
from .periods import PeriodRef


class Understood(NamedTuple):
    """Everything read from one question, before deciding what to do with it."""

    text: str  # normalised
    refs: list[PeriodRef]
    reading: Reading
    query: Query
    bad_periods: list[str]
    rest: str = ""  # the normalised text with its periods cut out
    question_mark: bool = False  # a statement ending in "?" ("Munro is a minister?"): it asks whether it is right

    @property
    def slots(self) -> frozenset[str]:
        """What the question filled, as slot cues for the matcher ("+period", "+periods", "+all", "+measure")."""
        explicit = [r for r in self.refs if r.kind in ("fy", "cy", "month", "latest", "first")]
        slots = set()
        if explicit:
            slots.add("+period")
        if len(explicit) >= 2:
            slots.add("+periods")
        if any(r.kind == "all" for r in self.refs):
            slots.add("+all")
        if self.query.measure:
            slots.add("+measure")
        return frozenset(slots)
