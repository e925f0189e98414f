"""Composing answers from facts. One module per area; `COMPOSERS` maps intents' `answer:` names to them."""

from __future__ import annotations

from collections.abc import Callable

from ..knowledge.model import FactBase
from . import events, figures, meta, people, reasons, terms
from .query import Answer, Query

Composer = Callable[[FactBase, Query], Answer]

COMPOSERS: dict[str, Composer] = {
    "figures.count": figures.count,
    "figures.change": figures.change,
    "figures.rate": figures.rate,
    "figures.total": figures.total,
    "figures.extreme": figures.extreme,
    "figures.trend": figures.trend,
    "figures.periods": figures.periods,
    "reasons.why": reasons.why,
    "reasons.counter": reasons.counter,
    "people.who": people.who,
    "people.said": people.said,
    "events.when": events.when,
    "events.timeline": events.timeline,
    "terms.define": terms.define,
    "meta.source": meta.source,
    "meta.summary": meta.summary,
    "meta.help": meta.help,
    "meta.greeting": meta.greeting,
    "meta.thanks": meta.thanks,
}

# The composers that answer with figures, and the operation each computes by default: their
# questions are read into a frame and answered by `algebra`, whatever the question's wording adds.
FIGURE_OPS: dict[str, str] = {
    "figures.count": "value",
    "figures.change": "change",
    "figures.rate": "share",
    "figures.total": "total",
    "figures.extreme": "extreme",
    "figures.trend": "trend",
}

__all__ = ["COMPOSERS", "FIGURE_OPS", "Answer", "Composer", "Query"]
