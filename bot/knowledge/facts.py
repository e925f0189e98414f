"""Load `facts/` into a validated `FactBase`; every problem names the file, the line and the fix."""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from typing import Any

from .. import lazyre
from .article import FIRST, Article, Library
from .errors import DataError, Problem, Problems
from .model import (
    Announcement,
    Event,
    FactBase,
    Figure,
    Measure,
    Organisation,
    Period,
    Person,
    Reason,
    Statement,
    Term,
    build,
)
from .schema import Field, RecordReader, did_you_mean
from .yamlfile import Node, load_yaml

ARTICLE = "article.txt"
SOURCES = "sources.yaml"
REQUIRED = ("periods.yaml", "figures.yaml")
OPTIONAL = ("people.yaml", "reasons.yaml", "statements.yaml", "events.yaml", "terms.yaml")
_SOURCE_DATE = lazyre.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_SOURCE_ID = lazyre.compile(r"^[a-z0-9][a-z0-9_-]*$")
_SOURCE_FIELDS = ("id", "file", "title", "publisher", "date", "url")



def load_facts(directory: Path) -> FactBase:
    """Load and validate the whole fact base, or raise `DataError` listing every problem."""
    directory = Path(directory)
    if not directory.is_dir():
        raise DataError(
            [
                Problem(
                    directory,
                    None,
                    "the facts folder does not exist",
                    "point --facts or SCRBOT_FACTS_DIR at the folder holding periods.yaml",
                )
            ]
        )
    problems = Problems()
    library = _load_sources(directory, problems)
    problems.raise_if_any()
    _check_unknown_files(directory, problems)

    docs: dict[str, Any] = {}
    for name in REQUIRED + OPTIONAL:
        path = directory / name
        if name in OPTIONAL and not path.exists():
            continue
        try:
            docs[name] = load_yaml(path)
        except DataError as exc:
            problems.items.extend(exc.problems)
    problems.raise_if_any()

    loader = _FactLoader(directory, library, problems)
    facts = loader.build(docs)
    problems.raise_if_any()
    return facts


def _load_sources(directory: Path, problems: Problems) -> Library:
    """The source documents: those listed in sources.yaml, in order, else article.txt alone."""
    path = directory / SOURCES
    if not path.exists():
        return Library([_load_article(directory / ARTICLE, problems)])
    try:
        doc = load_yaml(path)
    except DataError as exc:
        problems.items.extend(exc.problems)
        return Library([])
    items = doc.get("sources") if isinstance(doc, dict) else None
    if not isinstance(items, list) or not items:
        problems.add(
            path,
            getattr(doc, "line", None),
            "sources.yaml needs a 'sources:' list of documents",
            "list each document as '- id: ...' with file, title, publisher, date and url (leave unknown ones empty)",
        )
        return Library([])
    documents: list[Article] = []
    for item in items:
        line = getattr(item, "line", None)
        if not isinstance(item, dict):
            problems.add(path, line, "each source must be a mapping", "start it with '- id: ...'")
            continue
        unknown = [k for k in item if k not in _SOURCE_FIELDS]
        if unknown:
            problems.add(
                path,
                line,
                f"unknown key {unknown[0]!r} in a source{did_you_mean(str(unknown[0]), _SOURCE_FIELDS)}",
                f"a source has only {', '.join(_SOURCE_FIELDS)}",
            )
            continue
        fields = {k: "" if item.get(k) is None else str(item.get(k)).strip() for k in _SOURCE_FIELDS}
        where = item.line_of("id") if isinstance(item, Node) else line
        if not _SOURCE_ID.match(fields["id"]):
            problems.add(path, where, f"source id {fields['id']!r} is not a short name",
                         "use lower-case letters, digits, '-' or '_', e.g. dfe-2015")
            continue
        if any(d.id == fields["id"] for d in documents):
            problems.add(path, where, f"duplicate source id {fields['id']!r}", "give each source its own id")
            continue
        if not fields["file"] or "/" in fields["file"] or "\\" in fields["file"]:
            problems.add(path, where, f"source {fields['id']} has no file name in the facts folder",
                         f"put the document's text in {directory} and give its name, e.g. file: dfe-2015.txt")
            continue
        if fields["date"] and not _SOURCE_DATE.match(fields["date"]):
            problems.add(path, where, f"source {fields['id']}: date {fields['date']!r} is not YYYY, YYYY-MM or "
                         "YYYY-MM-DD", "write it in quotes, e.g. \"2015-10-29\", or leave it empty if not known")
            continue
        metadata = {k: fields[k] for k in ("id", "title", "publisher", "date", "url")}
        documents.append(_load_article(directory / fields["file"], problems, **metadata))
    return Library(documents)


def _load_article(path: Path, problems: Problems, id: str = FIRST, **metadata: str) -> Article:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        problems.add(
            path,
            None,
            "the source document is missing or unreadable",
            f"put the document's text in {path} (one sentence per line; every fact quotes a source)",
        )
        return Article(path, "", id, **metadata)
    except UnicodeDecodeError:
        problems.add(path, None, "the source document is not UTF-8 text", "save it as UTF-8")
        return Article(path, "", id, **metadata)
    article = Article(path, text, id, **metadata)
    if not article.sentences:
        problems.add(path, None, "the source document is empty", "restore its text")
    return article


def _check_unknown_files(directory: Path, problems: Problems) -> None:
    known = (*REQUIRED, *OPTIONAL, SOURCES)
    for path in sorted(directory.glob("*.y*ml")):
        if path.name not in known:
            problems.add(
                path,
                None,
                f"unknown facts file '{path.name}'{did_you_mean(path.name, known)}",
                f"rename it to one of: {', '.join(known)}",
            )


class _FactLoader:
    """Builds the FactBase from parsed documents, then checks every cross-reference."""

    def __init__(self, directory: Path, library: Library, problems: Problems) -> None:
        self.dir = directory
        self.library = library
        self.article = library  # quotes are looked up in every source document, the article first
        self.problems = problems

    def reader(self, name: str) -> RecordReader:
        return RecordReader(self.dir / name, self.article, self.problems)

    def build(self, docs: dict[str, Any]) -> FactBase:
        periods = self._periods(docs["periods.yaml"])
        measures, figures, announcement = self._figures(docs["figures.yaml"], periods)
        documents = self.library.documents
        facts = FactBase(documents[0], periods, measures, figures, announcement, sources=list(documents))
        if "people.yaml" in docs:
            self._people(docs["people.yaml"], facts)
        if "terms.yaml" in docs:
            self._terms(docs["terms.yaml"], facts)
        if "events.yaml" in docs:
            self._events(docs["events.yaml"], facts)
        if "statements.yaml" in docs:
            self._statements(docs["statements.yaml"], facts)
        if "reasons.yaml" in docs:
            self._reasons(docs["reasons.yaml"], facts)
        self._check_people_refs(facts, docs)
        return facts

    # -- periods and figures -------------------------------------------------------------
    def _periods(self, doc: Any) -> list[Period]:
        r = self.reader("periods.yaml")
        r.check_top_keys(doc, ("periods",))
        periods: list[Period] = []
        for item in r.section(doc, "periods"):
            rec = r.record(item, Period.FIELDS, "period", getattr(doc, "line", None))
            if rec is None:
                continue
            line = item.line_of("id")
            if rec["end"] <= rec["start"]:
                r.problem(
                    item.line_of("end"), f"period {rec['id']} ends before it starts", "swap or correct start and end"
                )
                continue
            if any(p.id == rec["id"] for p in periods):
                r.problem(line, f"duplicate period id {rec['id']!r}", "give each period its own id")
                continue
            periods.append(build(Period, rec))
        periods.sort(key=lambda p: p.start)
        for before, after in itertools.pairwise(periods):
            if after.start <= before.end:
                r.problem(None, f"periods {before.id} and {after.id} overlap", "correct their start and end dates")
        if not periods and not self.problems.items:
            r.problem(getattr(doc, "line", None), "no periods defined", "add at least one period")
        return periods

    def _figures(
        self, doc: Any, periods: list[Period]
    ) -> tuple[list[Measure], dict[tuple[str, str], Figure], Announcement | None]:
        r = self.reader("figures.yaml")
        r.check_top_keys(doc, ("measures", "figures", "announcement"))
        measures: list[Measure] = []
        for item in r.section(doc, "measures"):
            rec = r.record(item, Measure.FIELDS, "measure")
            if rec is None:
                continue
            if any(m.id == rec["id"] for m in measures):
                r.problem(item.line_of("id"), f"duplicate measure id {rec['id']!r}", "give each measure its own id")
                continue
            measures.append(build(Measure, rec))
        measure_ids = tuple(m.id for m in measures)
        period_ids = tuple(p.id for p in periods)
        figures: dict[tuple[str, str], Figure] = {}
        seen_rows: set[str] = set()
        for item in r.section(doc, "figures"):
            rec = r.record(item, [Field("period"), Field("source", "quote")], "figures row", extra_keys=measure_ids)
            if rec is None:
                continue
            period = str(rec["period"])
            if period not in period_ids:
                r.problem(
                    item.line_of("period"),
                    f"figures row names unknown period {period!r}{did_you_mean(period, period_ids)}",
                    f"use a period id from periods.yaml ({', '.join(period_ids)}) or add the period there first",
                )
                continue
            if period in seen_rows:
                r.problem(item.line_of("period"), f"a second figures row for {period}", "merge the two rows into one")
                continue
            seen_rows.add(period)
            for measure in measure_ids:
                if measure not in item:
                    r.problem(
                        item.line,
                        f"figures row for {period} has no '{measure}' value",
                        f"add '{measure}:' with the number its source sentence states",
                    )
                    continue
                value = item[measure]
                if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                    r.problem(
                        item.line_of(measure),
                        f"'{measure}' for {period} must be a whole number of 0 or more, not {value!r}",
                        "write the figure as digits only, with no commas, words or quotes",
                    )
                    continue
                if not re.search(rf"(?<![\d,]){value}(?![\d,])", rec["source"].text):
                    r.problem(
                        item.line_of(measure),
                        f"{measure} = {value} for {period} does not appear in its source sentence "
                        f"(line {rec['source'].line})",
                        f"check the figure against the sentence, or quote the one that states it "
                        f"(source documents in {self.dir}: {self.library.names()})",
                    )
                    continue
                figures[(period, measure)] = Figure(period, measure, value, rec["source"])
        announcement = None
        if isinstance(doc, Node) and "announcement" in doc:
            rec = r.record(doc["announcement"], Announcement.FIELDS, "announcement", doc.line_of("announcement"))
            if rec:
                announcement = build(Announcement, rec)
        return measures, figures, announcement

    # -- people, terms, events, statements, reasons --------------------------------------
    def _unique(self, r: RecordReader, item: Node, rec_id: str, seen: set[str], what: str) -> bool:
        if rec_id in seen:
            r.problem(item.line_of("id"), f"duplicate {what} id {rec_id!r}", f"give each {what} its own id")
            return False
        seen.add(rec_id)
        return True

    def _people(self, doc: Any, facts: FactBase) -> None:
        r = self.reader("people.yaml")
        r.check_top_keys(doc, ("people", "organisations"))
        seen: set[str] = set()
        for item in r.section(doc, "people"):
            rec = r.record(item, Person.FIELDS, "person")
            if rec and self._unique(r, item, rec["id"], seen, "person"):
                facts.people[rec["id"]] = build(Person, rec)
        for item in r.section(doc, "organisations", required=False):
            rec = r.record(item, Organisation.FIELDS, "organisation")
            if rec and self._unique(r, item, rec["id"], seen, "organisation"):
                facts.organisations[rec["id"]] = build(Organisation, rec)

    def _terms(self, doc: Any, facts: FactBase) -> None:
        r = self.reader("terms.yaml")
        r.check_top_keys(doc, ("terms",))
        seen: set[str] = set()
        for item in r.section(doc, "terms"):
            rec = r.record(item, Term.FIELDS, "term")
            if rec and self._unique(r, item, rec["id"], seen, "term"):
                facts.terms[rec["id"]] = build(Term, rec)

    def _events(self, doc: Any, facts: FactBase) -> None:
        r = self.reader("events.yaml")
        r.check_top_keys(doc, ("events",))
        seen: set[str] = set()
        for item in r.section(doc, "events"):
            rec = r.record(item, Event.FIELDS, "event")
            if not rec or not self._unique(r, item, rec["id"], seen, "event"):
                continue
            self._check_topics(r, item, rec["topics"], facts)
            facts.events.append(build(Event, rec))
        facts.events.sort(key=_event_order)

    def _statements(self, doc: Any, facts: FactBase) -> None:
        r = self.reader("statements.yaml")
        r.check_top_keys(doc, ("statements",))
        seen: set[str] = set()
        for item in r.section(doc, "statements"):
            rec = r.record(item, Statement.FIELDS, "statement")
            if not rec or not self._unique(r, item, rec["id"], seen, "statement"):
                continue
            if rec["kind"] == "quote" and self.article.find(rec["text"]) is None:
                r.problem(
                    item.line_of("text"),
                    f"statement {rec['id']} is marked as a quote but its text is not verbatim in "
                    f"{self.library.names().replace(', ', ' or ')}",
                    "copy the words exactly, or set kind: reported",
                )
                continue
            facts.statements.append(build(Statement, rec))

    def _reasons(self, doc: Any, facts: FactBase) -> None:
        r = self.reader("reasons.yaml")
        r.check_top_keys(doc, ("reasons",))
        seen: set[str] = set()
        event_ids = tuple(e.id for e in facts.events)
        for item in r.section(doc, "reasons"):
            rec = r.record(item, Reason.FIELDS, "reason")
            if not rec or not self._unique(r, item, rec["id"], seen, "reason"):
                continue
            if rec["event"] and rec["event"] not in event_ids:
                r.problem(
                    item.line_of("event"),
                    f"reason {rec['id']} names unknown event {rec['event']!r}{did_you_mean(rec['event'], event_ids)}",
                    f"use an event id from events.yaml ({', '.join(event_ids)})",
                )
                continue
            self._check_topics(r, item, rec["topics"], facts)
            facts.reasons.append(build(Reason, rec))

    def _check_topics(self, r: RecordReader, item: Node, topics: list[str], facts: FactBase) -> None:
        ids = sorted([*facts.people, *facts.organisations, *facts.terms])
        for topic in topics:
            if topic not in ids:
                r.problem(
                    item.line_of("topics"),
                    f"unknown topic {topic!r}{did_you_mean(topic, ids)}",
                    "use an id from people.yaml or terms.yaml",
                )

    def _check_people_refs(self, facts: FactBase, docs: dict[str, Any]) -> None:
        """Every 'by', 'said_by' and 'recommended_by' must name a person in people.yaml."""
        people = sorted(facts.people)
        refs: list[tuple[str, str, Any]] = []
        if facts.announcement:
            refs.append(("figures.yaml", facts.announcement.by, docs["figures.yaml"].get("announcement")))
        refs += [
            ("statements.yaml", s.by, _find(docs, "statements.yaml", "statements", s.id)) for s in facts.statements
        ]
        for reason in facts.reasons:
            node = _find(docs, "reasons.yaml", "reasons", reason.id)
            refs.append(("reasons.yaml", reason.said_by, node))
            if reason.recommended_by:
                refs.append(("reasons.yaml", reason.recommended_by, node))
        for name, person, node in refs:
            if person not in facts.people:
                line = node.line if isinstance(node, Node) else None
                self.problems.add(
                    self.dir / name,
                    line,
                    f"unknown person {person!r}{did_you_mean(person, people)}",
                    f"use a person id from people.yaml ({', '.join(people) or 'none defined'})",
                )


def _event_order(event: Event) -> int:
    """By year only: within a year the order of events.yaml stands, since an event dated by its year
    alone ("2013: panel set up") cannot be placed against one dated by its month ("March 2013")
    from the date itself. The sort is stable."""
    return int(event.date.partition("-")[0])


def _find(docs: dict[str, Any], name: str, key: str, rec_id: str) -> Node | None:
    for item in docs.get(name, {}).get(key) or []:
        if isinstance(item, Node) and item.get("id") == rec_id:
            return item
    return None
