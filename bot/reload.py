"""Reloading `facts/` and `intents/` without a restart: validate everything first, then swap.

A running adapter keeps its engine in one reference (`application.bot_data["engine"]` in Telegram),
so swapping it is atomic for every update that starts afterwards. When the new data is invalid the
old engine goes on serving, and the `DataError` report says exactly what to fix.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from .engine import Engine
from .knowledge.errors import DataError


def data_dirs(engine: Engine) -> tuple[Path, Path]:
    """The folders an engine was loaded from (its article is in facts/, its lexicon in intents/)."""
    return engine.facts.article.path.parent, engine.intents.lexicon.path.parent


def summary(engine: Engine) -> str:
    """What an engine knows, in counts."""
    facts, intents = engine.facts, engine.intents
    templates = sum(len(i.templates) for i in intents.intents)
    return (
        f"{len(facts.periods)} periods, {len(facts.figures)} figures, {len(facts.reasons)} reasons, "
        f"{len(facts.people) + len(facts.organisations)} people and organisations, {len(facts.events)} events, "
        f"{len(facts.terms)} terms; {len(intents.intents)} intents with {templates} templates"
    )


@dataclass(frozen=True)
class Outcome:
    """The result of one reload: a new engine and what was loaded, or the problems (the old engine stays)."""

    engine: Engine | None
    message: str
    seconds: float
    error: DataError | None = None

    @property
    def ok(self) -> bool:
        return self.engine is not None


def reload(current: Engine, facts_dir: Path | None = None, intents_dir: Path | None = None) -> Outcome:
    """Load and validate the data again; never raises for bad data, and never touches `current`."""
    started = time.perf_counter()
    default_facts, default_intents = data_dirs(current)
    try:
        fresh = Engine.load(facts_dir or default_facts, intents_dir or default_intents)
    except DataError as exc:
        return Outcome(None, exc.report(), time.perf_counter() - started, exc)
    except Exception as exc:  # a loader bug must not take the running bot down with it
        return Outcome(None, f"could not load the data ({type(exc).__name__}: {exc})", time.perf_counter() - started)
    fresh.context_ttl = current.context_ttl
    seconds = time.perf_counter() - started
    message = f"Reloaded in {seconds:.2f}s: {summary(fresh)}."
    if summary(current) != summary(fresh):
        message += f"\nBefore: {summary(current)}."
    return Outcome(fresh, message, seconds)
