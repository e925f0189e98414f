"""The fact base as plain, immutable data: what the answers are composed from."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .article import Article, Sentence


@dataclass(frozen=True)
class Period:
    id: str
    label: str
    start: date
    end: date
    aliases: tuple[str, ...]
    source: Sentence


@dataclass(frozen=True)
class Measure:
    id: str
    label: str
    verb: str


@dataclass(frozen=True)
class Figure:
    period: str
    measure: str
    value: int
    source: Sentence


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    role: str
    pronoun: str
    aliases: tuple[str, ...]
    summary: str
    source: Sentence
    kind: str = "person"


@dataclass(frozen=True)
class Organisation:
    id: str
    name: str
    aliases: tuple[str, ...]
    summary: str
    source: Sentence
    kind: str = "organisation"


@dataclass(frozen=True)
class Reason:
    id: str
    title: str
    summary: str
    stance: str  # "cause" or "not_significant"
    said_by: str
    explanation: str
    sources: tuple[Sentence, ...]
    weight: str = ""
    recommended_by: str = ""
    recommendation: str = ""  # what was recommended, when it is not the reason itself
    event: str = ""
    topics: tuple[str, ...] = ()


@dataclass(frozen=True)
class Statement:
    id: str
    by: str
    kind: str  # "quote" or "reported"
    text: str
    source: Sentence


@dataclass(frozen=True)
class Event:
    id: str
    date: str
    when: str
    title: str
    summary: str
    aliases: tuple[str, ...]
    topics: tuple[str, ...]
    source: Sentence


@dataclass(frozen=True)
class Term:
    id: str
    term: str
    stands_for: str
    aliases: tuple[str, ...]
    about: str
    sources: tuple[Sentence, ...]
    kind: str = "term"


@dataclass(frozen=True)
class Announcement:
    by: str
    summary: str
    source: Sentence


@dataclass
class FactBase:
    """Everything the bot knows. Periods are kept in date order; figures are keyed (period, measure)."""

    article: Article
    periods: list[Period]
    measures: list[Measure]
    figures: dict[tuple[str, str], Figure]
    announcement: Announcement | None = None
    people: dict[str, Person] = field(default_factory=dict)
    organisations: dict[str, Organisation] = field(default_factory=dict)
    reasons: list[Reason] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    terms: dict[str, Term] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._periods = {p.id: p for p in self.periods}
        self._measures = {m.id: m for m in self.measures}

    def period(self, period_id: str) -> Period:
        return self._periods[period_id]

    def measure(self, measure_id: str) -> Measure:
        return self._measures[measure_id]

    def value(self, period_id: str, measure_id: str) -> Figure | None:
        return self.figures.get((period_id, measure_id))

    def entity(self, entity_id: str) -> Person | Organisation | Term | None:
        return self.people.get(entity_id) or self.organisations.get(entity_id) or self.terms.get(entity_id)

    def event(self, event_id: str) -> Event | None:
        return next((e for e in self.events if e.id == event_id), None)


# -- intents: how questions are recognised (loaded from intents/) --------------------------


@dataclass(frozen=True)
class Template:
    text: str
    path: Path
    line: int


@dataclass(frozen=True)
class Intent:
    id: str
    answer: str
    description: str
    suggestion: str
    templates: tuple[Template, ...]
    path: Path
    line: int
    cues: tuple[tuple[str, float], ...] = ()  # canonical words that point to this intent, with a bonus


@dataclass
class LexiconData:
    path: Path
    synonyms: dict[str, list[str]] = field(default_factory=dict)
    measures: dict[str, list[str]] = field(default_factory=dict)
    fillers: list[str] = field(default_factory=list)
    stopwords: list[str] = field(default_factory=list)
    keep: list[str] = field(default_factory=list)
    single_word_ok: list[str] = field(default_factory=list)
    not_covered: list[str] = field(default_factory=list)
    spellings: dict[str, str] = field(default_factory=dict)
    subject_markers: list[str] = field(default_factory=list)
    fallback_words: dict[str, str] = field(default_factory=dict)
    slot_only_intent: str = ""
    lines: dict[str, int] = field(default_factory=dict)


@dataclass
class IntentSet:
    lexicon: LexiconData
    intents: list[Intent]

    def get(self, intent_id: str) -> Intent | None:
        return next((i for i in self.intents if i.id == intent_id), None)
