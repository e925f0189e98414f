"""The fact base as plain, immutable data: what the answers are composed from.

Each record type is declared once, here: its tuple, and beside it `FIELDS`, what its YAML record
holds and how each key is checked (kind, required, choices, pattern). The loader (facts.py) reads
any record through `schema.RecordReader.record` and builds it with `build`; nothing else lists
the fields. Records are NamedTuples, not dataclasses: defining a frozen dataclass costs about half
a millisecond at import and `scrbot ask` defines dozens, so they were a third of its start-up.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from .article import Article, Sentence

R = TypeVar("R")


class Field(NamedTuple):
    """One key of a YAML record: its kind (str, text, int, date, strs, quote, quotes), whether it must be
    there, the values it may take, and a pattern its text must match (with the problem and fix to say)."""

    name: str
    kind: str = "str"
    required: bool = True
    choices: tuple[str, ...] = ()
    pattern: str = ""  # a regular expression the whole value must match
    problem: str = ""  # when it does not: "{value!r}" is filled in
    fix: str = ""


def build(record: type[R], rec: dict[str, Any]) -> R:
    """The record from a checked YAML record: lists become tuples, aliases lower case, absent keys empty."""
    values = []
    for spec in record.FIELDS:  # type: ignore[attr-defined]
        value = rec[spec.name]
        if spec.kind in ("strs", "quotes"):
            value = tuple(v.lower() for v in value or ()) if spec.name == "aliases" else tuple(value or ())
        elif value is None:
            value = ""
        values.append(value)
    return record(*values)


class Period(NamedTuple):
    id: str
    label: str
    start: date
    end: date
    aliases: tuple[str, ...]
    source: Sentence
    note: str = ""  # how the bot reads its source, when that is a reading ("between 2011 and 2012")

    FIELDS = (
        Field("id", pattern=r"\d{4}/\d{2}", problem="period id {value!r} is not a financial year id",
              fix='write it as "YYYY/YY" in quotes, e.g. "2014/15"'),
        Field("label"),
        Field("start", "date"),
        Field("end", "date"),
        Field("aliases", "strs", required=False),
        Field("source", "quote"),
        Field("note", "text", required=False),  # how the bot reads the source's words, said with its answers
    )  # fmt: skip


class Measure(NamedTuple):
    id: str
    label: str
    verb: str

    FIELDS = (Field("id"), Field("label"), Field("verb"))


class Figure(NamedTuple):
    period: str
    measure: str
    value: int
    source: Sentence


class Person(NamedTuple):
    id: str
    name: str
    role: str
    pronoun: str
    aliases: tuple[str, ...]
    summary: str
    source: Sentence
    kind: str = "person"

    FIELDS = (
        Field("id"),
        Field("name"),
        Field("role"),
        Field("pronoun", choices=("he", "she", "they")),
        Field("aliases", "strs"),
        Field("summary", "text"),
        Field("source", "quote"),
    )


class Organisation(NamedTuple):
    id: str
    name: str
    aliases: tuple[str, ...]
    summary: str
    source: Sentence
    kind: str = "organisation"

    FIELDS = (Field("id"), Field("name"), Field("aliases", "strs"), Field("summary", "text"), Field("source", "quote"))


class Reason(NamedTuple):
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
    about: tuple[str, ...] = ()  # what its explanation tells of, as questions name it ("the old system")

    FIELDS = (
        Field("id"),
        Field("title"),
        Field("summary", "text"),
        Field("stance", choices=("cause", "not_significant")),
        Field("said_by"),
        Field("explanation", "text"),
        Field("sources", "quotes"),
        Field("weight", required=False),
        Field("recommended_by", required=False),
        Field("recommendation", required=False),
        Field("event", required=False),
        Field("topics", "strs", required=False),
        Field("about", "strs", required=False),
    )


class Statement(NamedTuple):
    id: str
    by: str
    kind: str  # "quote" or "reported"
    text: str
    source: Sentence

    FIELDS = (
        Field("id"),
        Field("by"),
        Field("kind", choices=("quote", "reported")),
        Field("text", "text"),
        Field("source", "quote"),
    )


class Event(NamedTuple):
    id: str
    date: str
    when: str
    title: str
    summary: str
    aliases: tuple[str, ...]
    topics: tuple[str, ...]
    source: Sentence

    FIELDS = (
        Field("id"),
        Field("date", pattern=r"\d{4}(-\d{2})?", problem="event date {value!r} is not YYYY or YYYY-MM",
              fix='write it in quotes, e.g. "2012-07"'),
        Field("when"),
        Field("title"),
        Field("summary", "text"),
        Field("aliases", "strs", required=False),
        Field("topics", "strs", required=False),
        Field("source", "quote"),
    )  # fmt: skip


class Term(NamedTuple):
    id: str
    term: str
    stands_for: str
    aliases: tuple[str, ...]
    about: str
    sources: tuple[Sentence, ...]
    kind: str = "term"

    FIELDS = (
        Field("id"),
        Field("term"),
        Field("stands_for"),
        Field("aliases", "strs"),
        Field("about", "text"),
        Field("sources", "quotes"),
    )


class Announcement(NamedTuple):
    by: str
    summary: str
    source: Sentence

    FIELDS = (Field("by"), Field("summary", "text"), Field("source", "quote"))


class FactBase:
    """Everything the bot knows. Periods are kept in date order; figures are keyed (period, measure)."""

    def __init__(
        self,
        article: Article,
        periods: list[Period],
        measures: list[Measure],
        figures: dict[tuple[str, str], Figure],
        announcement: Announcement | None = None,
        sources: list[Article] | None = None,
    ) -> None:
        self.article = article  # the first source document (facts/article.txt)
        self.sources: list[Article] = sources or [article]  # every source document, the article first
        self.periods = periods
        self.measures = measures
        self.figures = figures
        self.announcement = announcement
        self.people: dict[str, Person] = {}
        self.organisations: dict[str, Organisation] = {}
        self.reasons: list[Reason] = []
        self.statements: list[Statement] = []
        self.events: list[Event] = []
        self.terms: dict[str, Term] = {}
        self._periods = {p.id: p for p in periods}
        self._measures = {m.id: m for m in measures}

    def source(self, source_id: str) -> Article | None:
        """The source document with this id (a Sentence's `source`)."""
        return next((d for d in self.sources if d.id == source_id), None)

    def sentence(self, ref: str | int) -> Sentence | None:
        """The sentence a context keeps: "document:line", or a bare line number of the first document."""
        if isinstance(ref, int):
            return self.article.line(ref)
        source_id, _, line = str(ref).rpartition(":")
        document = self.source(source_id or self.article.id)
        return document.line(int(line)) if document is not None and line.isdigit() else None

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


class Template(NamedTuple):
    text: str
    path: Path
    line: int


class Intent(NamedTuple):
    id: str
    answer: str
    description: str
    suggestion: str
    templates: tuple[Template, ...]
    path: Path
    line: int
    cues: tuple[tuple[str, float], ...] = ()  # canonical words that point to this intent, with a bonus


class LexiconData:
    """The lexicon file as read: filled in by `knowledge.intents`, compiled by `understanding.lexicon`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.synonyms: dict[str, list[str]] = {}
        self.measures: dict[str, list[str]] = {}
        self.fillers: list[str] = []
        self.stopwords: list[str] = []
        self.keep: list[str] = []
        self.single_word_ok: list[str] = []
        self.not_covered: list[str] = []
        self.spellings: dict[str, str] = {}
        self.subject_markers: list[str] = []
        self.count_markers: list[str] = []
        self.not_counted: list[str] = []
        self.framing: list[str] = []  # words about the article's wording, never its subject ("describe")
        self.fallback_words: dict[str, str] = {}
        self.slot_only_intent = ""
        self.lines: dict[str, int] = {}


class IntentSet:
    def __init__(self, lexicon: LexiconData, intents: list[Intent], frames: object = None) -> None:
        self.lexicon = lexicon
        self.intents = intents
        self.frames = frames  # understanding.frame.FrameWords, from frames.yaml
        self.unknowns: object = None  # answers.passages.Unknowns, from unknowns.yaml
        self.replies: object = None  # answers.replies.Replies, from the replies/ folder

    def get(self, intent_id: str) -> Intent | None:
        return next((i for i in self.intents if i.id == intent_id), None)
