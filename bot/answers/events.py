"""Answers about dated events and the timeline."""

from __future__ import annotations

import re
from datetime import date

from ..knowledge.model import Event, FactBase
from ..understanding.periods import fy_label, fy_start
from .query import Answer, Query
from .replies import section

SAY = section("events", {
    "no_month": {"summaries"},
    "falls_in_year": {"date", "year"},
    "no_month_no_year": {"year", "first", "second"},
    "followup_timeline": set(),
    "followup_reason": set(),
    "in_date_order": set(),
    "timeline": set(),
    "the_financial_year": set(),
    "the_financial_years": set(),
    "years_in": {"event", "date", "the_years", "years"},
    "years_before": {"event", "date", "the_years", "years"},
    "years_after": {"event", "date", "the_years", "years"},
    "either_year": set(),
})

_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


MONTH_NAMES = tuple(_MONTHS)


def date_label(event: Event) -> str:
    year, _, month = event.date.partition("-")
    return f"{_MONTHS[int(month) - 1]} {year}" if month else year


def _matching(facts: FactBase, q: Query) -> list[Event]:
    named = {m.id for m in q.mentions}
    hits = [e for e in facts.events if e.id in named or named & set(e.topics)]
    asked_years = [*q.years, *(int(m[:4]) for m in q.months)]
    if hits and q.carried and asked_years and not any(int(e.date[:4]) in asked_years for e in hits):
        hits = []  # "so what happened in 2013 then?" after Ofsted's July 2012: that year's events, not Ofsted's
    if hits and q.has("besides"):  # "besides the new guidance, what else was created in 2013?": the others
        others = [e for e in facts.events if e not in hits and (not asked_years or int(e.date[:4]) in asked_years)]
        return others or hits
    if hits:
        return hits
    in_month = [e for e in facts.events if e.date in q.months]
    if in_month:
        return in_month
    dated = [e for e in facts.events if int(e.date[:4]) in asked_years]
    return dated or by_own_words(facts, q)


_STEM = 5  # words compared by their first letters: "evaluations" and "evaluating"


def by_own_words(facts: FactBase, q: Query, years: set[str] | None = None) -> list[Event]:
    """"When did the evaluations end?", "was flexibility given in 2012?": the one event whose title or summary
    has a word of the question that no other event's has (of those dated to one of `years`, when given)."""
    own = facts.__dict__.get("_event_own_stems")
    if own is None:  # worked out once per fact base: each event's word stems that no other event's text has
        stems = [{w[:_STEM] for w in re.findall(r"[a-z]+", f"{e.title} {e.summary}".lower()) if len(w) >= _STEM}
                 for e in facts.events]
        own = facts.__dict__["_event_own_stems"] = [
            mine - set().union(*(o for o in stems if o is not mine)) for mine in stems]
    asked = {w[:_STEM] for w in q.tokens if len(w) >= _STEM}
    hits = [e for e, mine in zip(facts.events, own, strict=True) if asked & mine and (
        years is None or e.date[:4] in years)]
    return hits if len(hits) == 1 else []


def when(facts: FactBase, q: Query) -> Answer:
    events = _matching(facts, q)
    if not events and q.has("rise", "start"):
        events = [e for e in facts.events if "rise" in e.title.lower()]
    if not events:
        return timeline(facts, q)
    precise = [w for w in (" month ", " which day ", " what day ", " exact date ", " what date ") if w in f" {q.text} "]
    vague = [e for e in events if "-" not in e.date]
    if precise and vague and len(vague) == len(events):  # "which month in 2013 was the panel set up?"
        answer = Answer(SAY.say("no_month", summaries=" ".join(f"{e.summary}" for e in vague)))
        answer.add_sources(*(e.source for e in vague))
        answer.lacking = True
        return answer
    answer = Answer("\n".join(e.summary for e in events))
    if q.has("year") and " financial " in f" {q.text} ":  # "in which financial year did Ofsted stop?"
        for e in events:
            year, _, month = e.date.partition("-")
            if month:
                start = fy_start(int(year), int(month))
                answer.text += "\n" + SAY.say("falls_in_year", date=date_label(e), year=fy_label(start))
            else:  # "what financial year was the panel set up in?": the article gives the year alone
                answer.text += "\n" + SAY.say("no_month_no_year", year=year, first=fy_label(int(year) - 1),
                                              second=fy_label(int(year)))
    for e in events:
        answer.add_sources(e.source)
        answer.topics.extend(e.topics)
    if q.has("happened", "effect", "reason") and not _asks_when(q):
        # "what happened once (or when) Ofsted's evaluation ended?": what it changed, as its speaker explained it
        for reason in (r for r in facts.reasons if r.event in {e.id for e in events}):
            answer.text += f"\n{reason.explanation}"
            answer.add_sources(*reason.sources)
    answer.followups = [SAY.say("followup_timeline"), SAY.say("followup_reason")]
    return answer


def _asks_when(q: Query) -> bool:
    """"When" as the question, not as in "what happened when Ofsted's evaluations ended?"."""
    tokens = q.tokens
    return any(w == "when" and (i == 0 or tokens[i - 1] not in ("happened", "happen", "changed")) for i, w in
               enumerate(tokens))


def dated(facts: FactBase, q: Query) -> Answer | None:
    """"Can you put the Ofsted change and the Working Together revision in order with dates?": the events the
    question names, two or more, each with its date, in date order; None when it names fewer."""
    named = {m.id for m in q.mentions}
    events = [e for e in facts.events if e.id in named or named & set(e.topics)]
    if len(events) < 2:
        return None
    answer = Answer(SAY.say("in_date_order") + "\n" + "\n".join(f"• {date_label(e)}: {e.summary}" for e in events))
    for e in events:
        answer.add_sources(e.source)
        answer.topics.extend(e.topics)
    return answer


def timeline(facts: FactBase, q: Query) -> Answer:
    lines = [SAY.say("timeline")]
    answer = Answer("")
    for e in facts.events:
        lines.append(f"• {date_label(e)}: {e.title}")
        answer.add_sources(e.source)
    answer.text = "\n".join(lines)
    answer.followups = [SAY.say("followup_reason")]
    return answer


def years_of(facts: FactBase, event: Event, relation: str) -> tuple[list[str], str]:
    """The financial years `relation` ("in", "before", "after") an event: "published in the year Ofsted stopped
    evaluating" is 2012/13, "before the Ofsted change" 2011/12. With a note saying how the date was placed."""
    year, _, month = event.date.partition("-")
    first = date(int(year), int(month) if month else 1, 1)
    last = date(int(year), int(month) if month else 12, 28)
    if relation == "before":
        ids = [p.id for p in facts.periods if p.end < first]
    elif relation == "after":
        ids = [p.id for p in facts.periods if p.start > last]
    else:
        ids = [p.id for p in facts.periods if p.start <= last and p.end >= first]
    labels = [p.label for p in facts.periods if p.id in ids]
    if not ids:
        return [], ""
    on, years = date_label(event), " and ".join(labels)
    the_years = SAY.say("the_financial_years") if len(ids) > 1 else SAY.say("the_financial_year")
    if relation == "before":
        note = SAY.say("years_before", event=event.title, date=on, the_years=the_years, years=years)
    elif relation == "after":
        note = SAY.say("years_after", event=event.title, date=on, the_years=the_years, years=years)
    else:
        note = SAY.say("years_in", event=event.title, date=on, the_years=the_years, years=years)
    if not month and relation == "in" and len(ids) > 1:
        note += " " + SAY.say("either_year")
    return ids, note
