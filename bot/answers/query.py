"""What a composer gets (the understood question) and gives back (an answer with its sources)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..conversation import Context
from ..knowledge.article import Sentence
from ..understanding.lexicon import Mention


@dataclass
class Query:
    """The question as slots: periods resolved against the data, measure, named things, words."""

    tokens: list[str]
    periods: list[str] = field(default_factory=list)  # period ids, in the order asked
    missing: list[str] = field(default_factory=list)  # labels asked for with no data
    notes: list[str] = field(default_factory=list)  # e.g. "2013 is a calendar year ..."
    years: list[int] = field(default_factory=list)  # calendar years named ("what happened in 2013?")
    months: list[str] = field(default_factory=list)  # months named, as "YYYY-MM" ("in July 2012")
    measure: str | None = None  # None: both / not said
    mentions: list[Mention] = field(default_factory=list)
    pronouns: list[str] = field(default_factory=list)
    context: Context = field(default_factory=Context)

    def has(self, *words: str) -> bool:
        return any(w in self.tokens for w in words)

    def mentioned(self, kind: str) -> list[str]:
        out: list[str] = []
        for m in self.mentions:
            if m.kind == kind and m.id not in out:
                out.append(m.id)
        return out


@dataclass
class Answer:
    text: str
    sources: list[Sentence] = field(default_factory=list)
    followups: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)  # people this answer names, for "who's he?"
    topics: list[str] = field(default_factory=list)
    periods: list[str] | None = None  # the periods this answer is about, when it chose them itself
    declined: bool = False  # the composer found nothing true to say (e.g. only missing periods)

    def __post_init__(self) -> None:
        self._cited = set(self.sources)

    def add_sources(self, *sentences: Sentence) -> None:
        """Cite sentences once each, in the order first cited."""
        for s in sentences:
            if s not in self._cited:
                self._cited.add(s)
                self.sources.append(s)
