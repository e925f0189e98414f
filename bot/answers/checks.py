"""Yes/no questions and claims about what the article says, outside the figures.

"Did Ofsted stop evaluating SCRs before the Working Together revisions?", "Is Sue Woolmore from
Ofsted?", "Was relaxing SCR procedures one of Munro's recommendations?", "So Ofsted stopped in
July 2013?": each is checked against the fact base and answered "Yes" or "No" first, then with
the facts that prove it. A question these checks cannot settle gets no verdict (None), and the
ordinary answer stands.
"""

from __future__ import annotations

import re
from datetime import date

from .. import lazyre
from ..knowledge.model import Announcement, Event, FactBase, Period, Person, Reason
from ..understanding.frame import FrameWords, denies, says_any
from ..understanding.lexicon import Mention
from ..understanding.periods import MONTH_PATTERN, fy_label, fy_start
from . import format as fmt
from .events import by_own_words, date_label
from .people import pronoun_target, resolve_people
from .query import Answer, Query
from .reasons import lower_first
from .replies import section

SAY = section("checks", {
    "verdict_yes": set(),
    "verdict_no": set(),
    "before": set(),
    "after": set(),
    "order_undated": {"year", "dates"},
    "order_verdict": {"verdict", "first", "before_or_after", "second", "dates"},
    "order_stated": {"first", "first_date", "before_or_after", "second", "second_date"},
    "same_fy_undated": {"dates"},
    "same_fy": {"year", "dates"},
    "not_same_fy": {"first_year", "second_year", "dates"},
    "same_month_undated": {"dates"},
    "same_month": {"dates"},
    "same_year": {"dates"},
    "not_same_month": {"dates"},
    "not_same_year": {"dates"},
    "years_apart": {"years", "dates"},
    "year_apart": {"years", "dates"},
    "months_undated": {"dates"},
    "months_apart": {"months", "dates"},
    "month_apart": {"months", "dates"},
    "year_began": {"year", "day"},
    "year_ended": {"year", "day"},
    "edge_undated": {"dates"},
    "months_to_edge": {"months", "dates"},
    "month_to_edge": {"months", "dates"},
    "event_verdict": {"verdict", "summary"},
    "event_until": {"date", "summary"},
    "ceased_as_told": {"summary"},
    "fy_undated": {"year", "first_fy", "second_fy", "summary"},
    "falls_in_fy": {"date", "year"},
    "edge_verdict": {"verdict", "summary", "edge"},
    "edge_after": {"summary", "edge"},
    "edge_before": {"summary", "edge"},
    "venue_verdict": {"verdict", "summary"},
    "venue_not_them": {"announcer", "named", "summary"},
    "stranger_not_announcer": {"name", "role", "strangers", "summary"},
    "recommended_by_other": {"name", "role", "other"},
    "unnamed_body": set(),
    "recommended_these": {"verdict", "name", "things"},
    "recommended_not_that": {"name", "things"},
    "object_she": set(),
    "object_he": set(),
    "object_them": set(),
    "possessive_she": set(),
    "possessive_he": set(),
    "possessive_them": set(),
    "the_article": set(),
    "a_cause": set(),
    "causes_given_only": {"name", "causes", "her_or_him"},
    "not_their_reasons": {"who", "other"},
    "according_to": {"who", "reason", "weight"},
    "said_by_other": {"who", "other"},
    "not_reported_saying": {"other"},
    "according_not_significant": {"who", "reason"},
    "opposite": {"summary", "who", "reason", "weight"},
    "weighed_otherwise": {"who", "other_reason", "other_weight", "reason", "weight"},
    "according_yes": set(),
    "according_no": set(),
    "not_significant": {"verdict", "who", "surname", "reason", "summary"},
    "what_she_called": {"weight", "reason"},
    "followup_why": set(),
    "several_causes": {"who", "n", "causes"},
    "no_according_to": {"who", "reason", "weight"},
    "no_behind_rise": {"who", "reason", "weight"},
    "yes_according_to": {"who", "reason", "weight"},
    "role_yes": {"name", "role"},
    "role_no": {"name", "role"},
    "role_holder": {"name", "role"},
    "the_role": {"role"},
    "checked_together": {"verdict", "said"},
    "quoted_directly": {"name", "quote"},
    "reported_not_quoted": {"name", "said"},
    "quoted_are": {"names"},
    "not_quoted": {"name"},
    "quotes_nobody": set(),
    "quoted_in_article": {"listed"},
    "only_one_quoted": set(),
    "reported_only": {"names"},
    "named_only": {"names"},
    "in_quoted_words": {"name", "quote"},
    "reported_speech": {"name", "said"},
    "no_exact_words": {"name", "their"},
    "reports_instead": {"said"},
})

# "that" opening a clause points at nothing: "is it true that ...", "did she say that ..."
_CLAUSE_THAT = lazyre.compile(r" (?:is it |was it )?(?:true|say|said|says|right|correct|fact|claim|claimed|"
                              r"agree|think|believe|confirm) that ")


def _events(facts: FactBase, q: Query) -> list[Event]:
    """Events the question names, directly or through what they are about (Ofsted, the panel ...); with
    "that" or "it", the last answer's event comes first ("was that before or after the revision?")."""
    out: list[Event] = []
    for m in q.mentions:
        if m.kind == "person":
            continue
        for e in facts.events:
            if (e.id == m.id or m.id in e.topics) and e not in out:
                out.append(e)
    pointing = set(_CLAUSE_THAT.sub(" ", f" {q.text} ").split()) & {"that", "it", "this", "those", "these", "them",
                                                                     "they"}  # (not "is it true that ...")
    if len(out) < 2 and pointing and not q.carried:
        # (the last answer's subject, or the one before it: "when was WT revised?" - "what did it give LSCBs?" -
        # "how many months after Ofsted stopped was that?")
        topics = [*q.context.topics, *q.context.earlier_topics]
        last = [e for t in topics for e in facts.events if (e.id == t or t in e.topics) and e not in out]
        out = [*list(dict.fromkeys(last))[: 2 - len(out)], *out]  # (what the question names stays)
    if len(out) < 2 and (not q.mentions or q.carried):  # "which came first?" after answers on two subjects
        topics = [*q.context.earlier_topics, *q.context.topics]
        out = list(dict.fromkeys(e for t in topics for e in facts.events if e.id == t or t in e.topics))
    if len(out) == 1 and says_any(q.text, ("the rise", "the increase", "the spike", "the jump", "the rise began")) \
            and set(q.tokens) & {"before", "after", "first", "earlier", "later", "until"}:
        # "was the CYP Now investigation before the rise?": the rise is the event that began in 2012
        out += [e for e in facts.events if "rise" in e.title.lower() and e not in out]
    if not out and not q.mentions and q.context.sources:  # "what did Munro recommend?" - "which one came first?":
        # the events of the reasons the last answer's sentences are part of
        cited = {r.event for r in facts.reasons if {s.line for s in r.sources} & set(q.context.sources)}
        out = [e for e in facts.events if e.id in cited]
    return out


def _key(event: Event) -> tuple[int, int]:
    year, _, month = event.date.partition("-")
    return int(year), int(month or 0)


def order(facts: FactBase, q: Query, words: FrameWords) -> Answer | None:
    """Which of two named events came first; a verdict when asked "did A come before B?"."""
    events = _events(facts, q)
    before, after = q.has(*words.check_list("before")), q.has(*words.check_list("after"))
    if len(events) < 2 or not (before or after):
        return None
    a, b = events[:2]
    answer = Answer("")
    answer.add_sources(a.source, b.source)
    answer.topics.extend([*a.topics, *b.topics])
    (ya, ma), (yb, mb) = _key(a), _key(b)
    facts_line = _dates(a, b)
    if ya == yb and (not ma or not mb):
        answer.text = SAY.say("order_undated", year=ya, dates=facts_line)
        answer.lacking = True
        return answer
    a_first = (ya, ma) < (yb, mb)
    asked_yesno = q.has(*words.check_list("yesno")) and not q.has("which")  # "... which came first of those?"
    came = SAY.say("before" if a_first else "after")
    if asked_yesno and not (before and after):
        verdict = SAY.say("verdict_yes" if a_first == (before and not after) else "verdict_no")
        answer.text = SAY.say("order_verdict", verdict=verdict, first=a.title, before_or_after=came,
                              second=lower_first(b.title), dates=facts_line)
    else:
        answer.text = SAY.say("order_stated", first=a.title, first_date=date_label(a), before_or_after=came,
                              second=lower_first(b.title), second_date=date_label(b))
    return answer


def _dates(*events: Event) -> str:
    """"Ofsted stopped evaluating SCRs: July 2012. Serious Case Review panel set up: 2013.": each event, dated."""
    return " ".join(f"{e.title}: {date_label(e)}." for e in events)


def same_time(facts: FactBase, q: Query, words: FrameWords) -> Answer | None:
    """"Were the Working Together revision and the panel in the same year?": two events' dates, side by side."""
    asked = next((p for p in words.check_list("same_time") if f" {p} " in f" {q.text} "), None)
    events = _events(facts, q)
    if asked is None or len(events) < 2:
        return None
    a, b = sorted(events[:2], key=_key)
    answer = Answer("")
    answer.add_sources(a.source, b.source)
    answer.topics.extend([*a.topics, *b.topics])
    (ya, ma), (yb, mb) = _key(a), _key(b)
    facts_line = _dates(a, b)
    by_month = "month" in asked or "time" in asked
    fiscal = "financial" in asked or " fy" in f" {asked}"
    if fiscal and not (ma and mb):
        answer.text = SAY.say("same_fy_undated", dates=facts_line)
        answer.lacking = True
        return answer
    if fiscal:  # "in the same financial year?": April to March
        fa, fb = fy_start(ya, ma), fy_start(yb, mb)
        if fa == fb:
            answer.text = SAY.say("same_fy", year=fy_label(fa), dates=facts_line)
        else:
            answer.text = SAY.say("not_same_fy", first_year=fy_label(fa), second_year=fy_label(fb), dates=facts_line)
        return answer
    if by_month and ya == yb and not (ma and mb):
        answer.text = SAY.say("same_month_undated", dates=facts_line)
        answer.lacking = True
        return answer
    same = (ya, ma) == (yb, mb) if by_month else ya == yb
    if same:
        answer.text = SAY.say("same_month" if by_month else "same_year", dates=facts_line)
    else:
        answer.text = SAY.say("not_same_month" if by_month else "not_same_year", dates=facts_line)
    return answer


def interval(facts: FactBase, q: Query, words: FrameWords) -> Answer | None:
    """"How many months between Ofsted stopping evaluations and the Working Together revision?"."""
    in_years = " many years " in f" {q.text} "  # "how many years after the CYP Now investigation was the panel set up?"
    apart = says_any(q.text, ("how far apart", "far apart", "how long apart", "how much time", "time between",
                              "gap between them", "how long after", "how long before"))  # "so how far apart?"
    if not (q.has("long") or " months " in f" {q.text} " or " between " in f" {q.text} " or in_years or apart):
        return None
    events = _events(facts, q)
    if len(events) < 2 and not q.mentions:  # "how many months before?" right after the order of two events
        events = [e for t in q.context.topics for e in facts.events if e.id == t or t in e.topics]
        events = list(dict.fromkeys(events))
    asks_length = q.has("long") or " months " in f" {q.text} " or in_years or apart
    named = [p for p in q.periods if facts.period(p).label in q.text]  # (not the year "March 2013" falls in)
    if len(events) == 1 and len(named) == 1 and asks_length and not in_years:
        return _to_year_edge(facts, q, events[0], named[0])  # "how many months after Ofsted stopped did 2013/14
        # start?"
    if len(events) < 2 or (q.has(*words.check_list("before"), *words.check_list("after")) and not asks_length):
        return None
    a, b = sorted(events[:2], key=_key)
    answer = Answer("")
    answer.add_sources(a.source, b.source)
    (ya, ma), (yb, mb) = _key(a), _key(b)
    facts_line = _dates(a, b)
    if in_years and not (ma and mb):
        years = yb - ya
        answer.text = SAY.say("year_apart" if years == 1 else "years_apart", years=years, dates=facts_line)
        return answer
    if not ma or not mb:
        answer.text = SAY.say("months_undated", dates=facts_line)
        return answer
    months = (yb - ya) * 12 + (mb - ma)
    answer.text = SAY.say("month_apart" if months == 1 else "months_apart", months=months, dates=facts_line)
    return answer


def event_answer(event: Event, text: str) -> Answer:
    """An answer that tells of one event: its text, with the event's sentence and subjects behind it."""
    answer = Answer(text)
    answer.add_sources(event.source)
    answer.topics.extend(event.topics)
    return answer


def _edge_said(period: Period, at: date) -> str:
    """"The 2013/14 financial year began on 1 April 2013.": the day a year's edge falls on."""
    day = f"{at.day} {at.strftime('%B %Y')}"
    return SAY.say("year_began" if at == period.start else "year_ended", year=period.label, day=day)


def _to_year_edge(facts: FactBase, q: Query, event: Event, named: str) -> Answer | None:
    """The months from an event to the start (or, asked of its end, the end) of the financial year named."""
    year, _, month = event.date.partition("-")
    period = facts.period(named)
    at = period.end if says_any(q.text, _END_WORDS) else period.start
    answer = Answer("")
    answer.add_sources(event.source, period.source)
    said = f"{_dates(event)} {_edge_said(period, at)}"
    if not month:
        answer.text = SAY.say("edge_undated", dates=said)
        return answer
    months = abs((at.year - int(year)) * 12 + at.month - int(month))
    answer.text = SAY.say("month_to_edge" if months == 1 else "months_to_edge", months=months, dates=said)
    return answer


def dated(facts: FactBase, q: Query, words: FrameWords) -> Answer | None:
    """"So Ofsted stopped evaluating SCRs in July 2013?": the date stated against the event's."""
    dates = {*q.months, *map(str, q.years)}
    events = _events(facts, q) or (by_own_words(facts, q) if (dates or q.periods) and not q.has(
        "rise", "fall", "why") else [])  # "was flexibility given to LSCBs in 2012?": the event its own word names
    # (not a claim about the numbers' direction: "... a dramatic decrease from 2012?")
    if not events and q.has("rise") and says_any(q.text, words.check_list("starts")):  # "did the rise begin in
        events = [e for e in facts.events if "rise" in e.title.lower()]  # 2013?": when the rise began
    present = q.text.split()[:1] in (["does"], ["do"]) or (q.text.split()[:1] in (["is"], ["are"]) and " still " in
                                                             f" {q.text} ")  # "does Ofsted evaluate SCRs?", "is
    # Ofsted still evaluating SCRs, according to the article?": as the article leaves it
    if present and len(events) == 1 and not dates and not q.periods and not q.mentioned("person") and set(
            events[0].summary.lower().split()) & set(words.check_list("ceases")):
        return event_answer(events[0], SAY.say("ceased_as_told", summary=lower_first(events[0].summary)))
    own = by_own_words(facts, q, {d[:4] for d in dates}) if events and dates and not q.has("rise") else []
    if own and own[0] not in events:
        # "was the 2011 investigation carried out by Ofsted?": the event its own word and date name, put to a body
        # that is not its own (the answer names whose it was)
        return event_answer(own[0], SAY.say("event_verdict", verdict=SAY.say("verdict_no"), summary=own[0].summary))
    fiscal = _in_financial_year(facts, q, events)
    if fiscal is not None:
        return fiscal
    # "Ofsted stopped in March 2013 when Working Together came out": one date, said of the event named first
    if not events or not dates or (len(events) > 1 and (len(dates) > 1 or q.carried or " when " not in q.text)):
        return None
    event, others = events[0], events[1:]
    year, _, month = event.date.partition("-")
    said_months = [m for m in q.months]
    said_years = [*q.years, *(int(m[:4]) for m in q.months)]
    if month:
        right = f"{year}-{month}" in said_months if said_months else int(year) in said_years
    else:
        right = int(year) in said_years
    continued = set(q.tokens) & set(words.check_list("continues"))
    if continued and set(event.summary.lower().split()) & set(words.check_list("ceases")):
        # "did Ofsted keep evaluating after July 2012?": No, it ceased then; "until July 2012?", "in 2011?": Yes
        said = max([*(m for m in said_months), *(f"{y}-13" for y in q.years)])
        before = set(q.tokens) & {"until", "till", "before", "up"} or said < event.date
        right = bool(before) and said <= (event.date if month else f"{year}-13")
    else:
        right = _ordered(words, q, (int(year), int(month) if month else 0), said_months, said_years, right)
    started = set(q.text.split()) & set(words.check_list("starts"))
    if started and set(event.summary.lower().split()) & set(words.check_list("ceases")):
        # "did Ofsted start evaluating SCRs in July 2012?": that is when it stopped
        told = SAY.say("event_verdict", verdict=SAY.say("verdict_no"), summary=event.summary)
    elif continued and month and not said_months and q.years == [int(year)] and set(
            event.summary.lower().split()) & set(words.check_list("ceases")):
        told = SAY.say("event_until", date=date_label(event), summary=event.summary)  # "still evaluating in 2012?":
        # for part of it
    else:
        verdict = SAY.say("verdict_yes" if right else "verdict_no")
        told = SAY.say("event_verdict", verdict=verdict, summary=event.summary)
    answer = Answer(" ".join([told, *(e.summary for e in others)]))
    for e in (event, *others):
        answer.add_sources(e.source)
        answer.topics.extend(e.topics)
    return answer


def _ordered(words: FrameWords, q: Query, event: tuple[int, int], months: list[str], years: list[int],
             same: bool) -> bool:
    """"Did Ofsted stop evaluating before April 2013?", "... after 2011?": the event's date against the one date
    stated, when the question asks before or after it (else `same`: whether the dates are the same)."""
    # the word right before the date, or before its month ("after 2011", "before April 2013"; not "after the
    # coalition's policy" of an event dated 2011)
    asked = [m.group(1) for m in _BEFORE_DATE.finditer(q.text)]
    before = bool(set(asked) & set(words.check_list("before")))
    if before == bool(set(asked) & set(words.check_list("after"))) or len(months) + len(q.years) != 1:
        return same
    said = (int(months[0][:4]), int(months[0][5:7])) if months else (years[0], 0)
    if not event[1] or not said[1]:  # a year against a year (or a month of it): by the years alone
        if event[0] == said[0]:
            return False  # "before 2012?" of July 2012: in it, neither before nor after
        return event[0] < said[0] if before else event[0] > said[0]
    return event < said if before else event > said


def _in_financial_year(facts: FactBase, q: Query, events: list[Event]) -> Answer | None:
    """"Did Ofsted stop evaluating SCRs during the 2012/13 financial year?": one event dated to the month, against
    the one financial year named."""
    if len(events) != 1 or len(q.periods) != 1 or q.months or q.years:
        return None
    event = events[0]
    year, _, month = event.date.partition("-")
    period = facts.period(q.periods[0])

    if not month:  # "the panel, set up in 2013": no month, so no one financial year
        if int(year) not in (period.start.year, period.end.year):
            return event_answer(event, SAY.say("event_verdict", verdict=SAY.say("verdict_no"), summary=event.summary))
        return event_answer(event, SAY.say("fy_undated", year=year, first_fy=fy_label(int(year) - 1),
                                           second_fy=fy_label(int(year)), summary=event.summary))
    day = date(int(year), int(month), 15)
    verdict = SAY.say("verdict_yes" if period.start <= day <= period.end else "verdict_no")
    falls = SAY.say("falls_in_fy", date=date_label(event), year=fy_label(fy_start(int(year), int(month))))
    return event_answer(event, SAY.say("event_verdict", verdict=verdict, summary=event.summary) + "\n" + falls)


def year_edge(facts: FactBase, q: Query, words: FrameWords) -> Answer | None:
    """"Did Ofsted stop evaluating before or after the start of 2012/13?": one event dated to the month, against
    the first or last day of the financial year named."""
    edge = _YEAR_EDGE.search(q.text)
    before, after = q.has(*words.check_list("before")), q.has(*words.check_list("after"))
    # "had Ofsted stopped before the 2013/14 year began?", "... before 2013/14?": a yes/no against the year named
    said = not edge and before != after and len(q.periods) == 1 and not q.months and not q.years and bool(
        _DIGIT.search(q.text)) and q.tokens[:1] in (["did"], ["had"], ["has"], ["was"], ["were"], ["is"])
    if said:
        edge = _YEAR_EDGE_SAID.search(q.text)  # "... began": its start ("before 2013/14" is before it starts too)
    events = _events(facts, q) if edge or said else []
    if len(events) != 1 or len(q.periods) != 1 or not (before or after):
        return None
    event = events[0]
    year, _, month = event.date.partition("-")
    if not month:
        return None
    period = facts.period(q.periods[0])
    day = date(int(year), int(month), 15)
    start = edge.group(1) not in _END_WORDS if edge else before  # "before 2013/14" is before it starts, "after
    at = period.start if start else period.end  # 2012/13" after it ends
    edge_said = _edge_said(period, at)
    if before == after:
        return event_answer(event, SAY.say("edge_after" if day > at else "edge_before", summary=event.summary,
                                           edge=edge_said))
    verdict = SAY.say("verdict_yes" if (day < at) == before else "verdict_no")  # "was it out before the end of
    # 2012/13?": a verdict
    return event_answer(event, SAY.say("edge_verdict", verdict=verdict, summary=event.summary, edge=edge_said))


_YEAR_EDGE = lazyre.compile(r"\b(start|beginning|end|close) of\b")
_DIGIT = lazyre.compile(r"\d")
_BEFORE_DATE = lazyre.compile(rf"\b([a-z]+)\s+(?:{MONTH_PATTERN}\s+)?\d{{4}}\b")
_END_WORDS = ("end", "ends", "ended", "close", "closed", "finish", "finished")  # a year's edge asked of is its end
_YEAR_EDGE_SAID = lazyre.compile(r"\b(began|begun|begins|started|starts|ended|ends|finished)\b")


def venue(facts: FactBase, q: Query, words: FrameWords) -> Answer | None:
    """"Timpson put the figures out in a press release, didn't he?": how the figures were made public, against
    the article's (responding to a parliamentary question)."""
    announced = _announced(facts, q, words)
    if announced is None:
        return None
    other = says_any(q.text, words.check_list("venues"))
    said = says_any(q.text, words.check_list("venue_said"))
    if not other and not said:
        return None
    named = [facts.people[p] for p in q.mentioned("person") if p in facts.people and p != announced.by]
    if named and announced.by in facts.people:  # "was it Woolmore who revealed the figures ...?": not her
        answer = Answer(SAY.say("venue_not_them", announcer=facts.people[announced.by].name, named=named[0].name,
                                summary=announced.summary))
    else:
        verdict = SAY.say("verdict_yes" if said and not other else "verdict_no")
        answer = Answer(SAY.say("venue_verdict", verdict=verdict, summary=announced.summary))
    answer.add_sources(announced.source)
    answer.people.append(announced.by)
    return answer


def _announced(facts: FactBase, q: Query, words: FrameWords) -> Announcement | None:
    """The figures' announcement, when the question is about how it was made: it names the figures and who gave
    them or how ("were these figures given in answer to ...?"), or points back at him ("was that in a speech?"
    right after an answer about Timpson). Not "our chair said at a conference the number fell"."""
    announced = facts.announcement
    if announced is None:
        return None
    last = not q.mentions and q.context.people[:1] == [announced.by]  # right after an answer about him
    back = last and (bool(q.pronouns or q.has("that", "it", "this")) or says_any(
        q.text, words.check_list("asks_how_released")))  # "and in response to what?"
    release_words = set(words.check_list("released"))
    released = announced.by in q.mentioned("person") or back or (
        (q.has("released", "published") or release_words & set(q.text.split()) or says_any(
            q.text, tuple(w for w in release_words if " " in w))) and " figures " in f" {q.text} ")  # ("came from")
    responding = announced.by in q.mentioned("person") and says_any(q.text, words.check_list("venue_asks"))
    return announced if released and (q.has("number", "figures") or back or responding) else None  # ("was
    # Timpson responding to an FOI request?")


def announced_by_stranger(facts: FactBase, q: Query, words: FrameWords, names: list[str]) -> Answer | None:
    """"The figures were revealed by Michael Gove, weren't they?": a name the article never mentions, put forward
    as who made the figures public: No, with who did."""
    announced = _announced(facts, q, words)
    if announced is None or announced.by not in facts.people or not names:
        return None
    who = facts.people[announced.by]
    answer = Answer(SAY.say("stranger_not_announcer", name=who.name, role=who.role, strangers=fmt.join(names),
                            summary=announced.summary))
    answer.add_sources(announced.source)
    answer.people.append(who.id)
    return answer


def made_public(facts: FactBase, q: Query, words: FrameWords) -> Answer | None:
    """"How did he reveal them?", "in what setting, a speech or what?": how the figures were made public."""
    if not says_any(q.text, words.check_list("asks_how_released")):
        return None  # (most questions: one word-list test before the announcement's)
    announced = _announced(facts, q, words)
    if announced is None:
        return None
    venue = says_any(q.text, (*words.check_list("venues"), *words.check_list("venue_asks")))
    if not venue and not says_any(q.text, words.check_list("releasing")):
        return None  # "how did Timpson explain the rise?" does not ask how the figures came out
    answer = Answer(announced.summary)  # "... revealed the figures in response to a parliamentary question: ..."
    answer.add_sources(announced.source)
    answer.people.append(announced.by)
    return answer


def _recommended_by_a_body(facts: FactBase, q: Query) -> Answer | None:
    """"Did Ofsted recommend that it stop evaluating SCRs?": the body named first is not who recommended it."""
    bodies = [m for m in q.mentions if m.kind == "organisation"]
    if not bodies or q.text.split()[:1] not in (["did"], ["was"], ["has"], ["does"]):
        return None
    named = {m.id for m in q.mentions}
    theirs = [r for r in facts.reasons if r.recommended_by in facts.people and named & {*r.topics, r.event}]
    if not theirs:
        return None
    who, body = facts.people[theirs[0].recommended_by], facts.entity(bodies[0].id)
    body_name = body.name if hasattr(body, "name") else SAY.say("unnamed_body")
    answer = Answer(SAY.say("recommended_by_other", name=who.name, role=who.role, other=body_name))
    answer.add_sources(*[x for x in theirs[0].sources if "recommend" in x.text.lower()] or theirs[0].sources[:1])
    answer.people.append(who.id)
    return answer


def recommended(facts: FactBase, q: Query, words: FrameWords) -> Answer | None:
    """"Was X one of Munro's recommendations?": the reasons a person recommended, against X."""
    if not q.has("recommend"):
        return None
    reversing = words.check_list("reversing")  # "keep", "tighten": the opposite of what was recommended
    people = [facts.people[p] for p in q.mentioned("person") if p in facts.people]
    if not people:
        return _recommended_by_a_body(facts, q)
    person = people[0]
    mine = [r for r in facts.reasons if r.recommended_by == person.id]
    topics = {m.id for m in q.mentions if m.kind != "person"} - {"scr"}
    if not mine:  # "did Woolmore recommend that Ofsted stop ...?": who did, if anyone
        theirs = [r for r in facts.reasons if r.recommended_by in facts.people and topics & {*r.topics, r.event}]
        if not theirs:
            return None
        who = facts.people[theirs[0].recommended_by]
        answer = Answer(SAY.say("recommended_by_other", name=who.name, role=who.role, other=person.name))
        answer.add_sources(*[x for x in theirs[0].sources if "recommend" in x.text.lower()] or theirs[0].sources[:1])
        answer.people.extend([who.id, person.id])
        return answer
    words = set(q.tokens)
    hits = [
        r for r in mine
        if topics & {*r.topics, r.event}
        or words & set(_stems(r.recommendation)) - {"scr", "the", "of"}
    ]
    answer = Answer("")
    answer.people.append(person.id)
    said = " ".join(f"{r.recommendation} {r.title} {r.summary}".lower() for r in hits)
    reversed_ = [w for w in reversing if f" {w} " in f" {q.text} " and w not in said]
    if hits and reversed_:  # "did Munro recommend that Ofsted *keep* evaluating?", "... *tightening* procedures?"
        things = [r.recommendation or r.title for r in hits]
        answer.text = SAY.say("recommended_these", verdict=SAY.say("verdict_no"), name=person.name,
                              things="; ".join(things))
        for r in hits:
            answer.add_sources(*r.sources[:2])
        return answer
    if hits:
        things = [r.recommendation or r.title for r in hits]
        answer.text = SAY.say("recommended_these", verdict=SAY.say("verdict_yes"), name=person.name,
                              things="; ".join(things))
        for r in hits:
            answer.add_sources(*r.sources[:2])
        return answer
    named = {w for p in facts.people.values() for w in p.name.lower().split()} | {p.id for p in facts.people.values()}
    asked = set(q.tokens) - named - {"recommend", "review", "scr", "person", "did", "does", "was", "is", "her", "his",
                                     "she", "he", "the", "a", "of", "that", "in", "recommendation", "recommendations"}
    if not topics and not (asked & {"published", "commissioned", "panel", "government", "coalition", "policy"}):
        return None  # ("did Munro recommend publishing SCRs?": something the article credits to no one, not her)
    things = [lower_first(r.recommendation or r.title) for r in mine]
    things = [t[0].lower() + t[1:] if t.split()[0].endswith("ing") else t for t in things]  # ("relaxing ...")
    answer.text = SAY.say("recommended_not_that", name=person.name, things=fmt.join(things))
    answer.lacking = True  # (not a No: the article is silent on it, not against it)
    for r in mine:
        answer.add_sources(*r.sources[:2])
    return answer


def _stems(text: str) -> list[str]:
    """Words of a phrase and their short stems ("relaxing" -> "relax"), for loose matching."""
    out = []
    for w in text.lower().split():
        out.append(w)
        for suffix in ("ing", "ation", "ed", "s"):
            if w.endswith(suffix) and len(w) > len(suffix) + 3:
                out.append(w[: -len(suffix)])
    return out


def stance(facts: FactBase, q: Query, words: FrameWords) -> Answer | None:
    """"Did the panel contribute to the rise?": a reason's stance, as its speaker gave it."""
    cause = words.check_list("cause")  # as typed too: "credits" reads as "source"
    if not (q.has(*cause) or says_any(q.text, cause) or says_any(q.text, words.check_list("minor"))):
        return None  # ("did she say the Ofsted change was unimportant?" asks about it as a cause too)
    named = {m.id for m in q.mentions if m.kind != "person"} - {"scr"}
    if not named and q.has("it", "that", "this", "they"):  # "did it contribute much?" right after the panel
        named = set(q.context.topics) - {"scr"}
    focus = [r for r in facts.reasons if named & {*r.topics, r.event}]
    givers = {r.said_by for r in facts.reasons} & set(q.mentioned("person"))
    if not focus and named and givers and q.has("said", *cause) and not q.has("recommend"):
        # "did Woolmore blame the coalition government?": none of the causes she gives
        who = facts.people[sorted(givers)[0]]
        given = [r for r in facts.reasons if r.said_by == who.id and r.stance == "cause"]
        blamed = fmt.join([lower_first(r.title) for r in given])
        answer = Answer(SAY.say("causes_given_only", name=who.name, causes=blamed, her_or_him=_object(who)))
        for r in given:
            answer.add_sources(*r.sources[:1])
        answer.people.append(who.id)
        return answer
    others = [p for p in q.mentioned("person") if p in facts.people and p not in {r.said_by for r in focus}]
    if len(focus) > 1 and len({r.said_by for r in focus}) == 1 and others and not q.carried:
        # "Timpson attributed the rise to the Ofsted change and to Working Together": both are someone else's
        who = facts.people.get(focus[0].said_by)
        other = facts.people[others[0]]
        according = who.name if who else SAY.say("the_article")
        answer = Answer(SAY.say("not_their_reasons", who=who.name if who else focus[0].said_by, other=other.name)
                        + " " + " ".join(SAY.say("according_to", who=according, reason=lower_first(r.title),
                                                 weight=_weight(r)) for r in focus if r.stance == "cause"))
        for r in focus:
            answer.add_sources(*r.sources[:1])
        answer.people.append(focus[0].said_by)
        return answer
    if len(focus) != 1:
        return None
    reason = focus[0]
    speaker = facts.people.get(reason.said_by)
    who = speaker.name if speaker else reason.said_by
    answer = Answer("")
    by_name = {m.id for m in q.mentions if m.kind == "person" and not _names_role(facts, m)}
    recommends = q.has("recommend")  # Munro recommended the change; she did not call it a factor
    if recommends and reason.recommended_by in by_name:  # "credits Munro with recommending it": what she
        return None  # recommended, which `recommended` checks
    # (a person named by their role counts too: "... according to the children's minister?")
    anyone = by_name | {m.id for m in q.mentions if m.kind == "person"}
    claimed = [p for p in anyone if p in facts.people and p != reason.said_by
               and not (recommends and p == reason.recommended_by)]
    claimed = [] if q.carried else claimed
    if claimed:  # "Did Timpson (Munro) say the Ofsted change was a key factor?", "... according to Timpson?"
        other = facts.people[claimed[0]]
        # who said it only when the claim is what they said: "the panel drove the rise: is that what Timpson
        # said?" is said by nobody, and Woolmore said the opposite
        agrees = (reason.stance == "not_significant") == (denies(words, q.text) or q.has(
            *words.check_list("minor")))
        if agrees:
            lead = SAY.say("said_by_other", who=who, other=other.name)
        else:
            lead = SAY.say("not_reported_saying", other=other.name)
        if reason.stance == "not_significant":
            according = SAY.say("according_not_significant", who=who, reason=lower_first(reason.title))
        else:
            according = SAY.say("according_to", who=who, reason=lower_first(reason.title), weight=_weight(reason))
        answer.text = f"{lead} {according}"
        answer.add_sources(*reason.sources[:1])
        answer.people.append(reason.said_by)
        return answer
    # "Ofsted started checking reviews more strictly": the opposite of the event behind the reason (it ceased)
    event = next((e for e in facts.events if e.id == reason.event), None)
    if event is not None and says_any(q.text, words.check_list("starts")) and set(
            event.summary.lower().split()) & set(words.check_list("ceases")):
        answer.text = SAY.say("opposite", summary=event.summary, who=who, reason=lower_first(reason.title),
                              weight=_weight(reason))
        answer.add_sources(*reason.sources[:1])
        answer.people.append(reason.said_by)
        return answer
    # "was it the Working Together revision that Woolmore called a key factor?": another reason's word
    weighed = [r for r in facts.reasons if r is not reason and r.weight and r.weight.lower().removeprefix("a ")
               in q.text and (not reason.weight or reason.weight.lower().removeprefix("a ") not in q.text)]
    if weighed and reason.stance == "cause" and (q.has("called", "described", "named") or any(
            f" the {r.weight.lower().removeprefix('a ')}" in f" {q.text}" for r in weighed)):  # (not "was it a key
        # factor?", which "pivotal" answers)
        other = weighed[0]
        answer.text = SAY.say("weighed_otherwise", who=who, other_reason=lower_first(other.title),
                              other_weight=other.weight, reason=lower_first(reason.title), weight=_weight(reason))
        answer.add_sources(*reason.sources[:1], *other.sources[:1])
        answer.people.append(reason.said_by)
        return answer
    # "Woolmore said the panel was not a significant factor": a claim that denies it agrees with "not significant"
    denied = denies(words, q.text)
    if reason.stance == "not_significant":
        verdict = SAY.say("according_yes" if denied else "according_no")
        answer.text = SAY.say("not_significant", verdict=verdict, who=who, surname=who.split()[-1],
                              reason=lower_first(reason.title), summary=reason.summary)
        if weighed and not denied:  # "did she call the panel 'pivotal'?": what she did call that
            other = weighed[0]
            called = SAY.say("what_she_called", weight=other.weight.lower(), reason=lower_first(other.title))
            answer.text += f" {called}"
            answer.add_sources(*other.sources[:1])
        answer.followups = [SAY.say("followup_why")]
    elif says_any(q.text, words.check_list("sole")) and len(causes := [
            r for r in facts.reasons if r.said_by == reason.said_by and r.stance == "cause"]) > 1:
        # "was the Ofsted change the only factor Woolmore mentioned?": one of the causes she gives
        answer.text = SAY.say("several_causes", who=who, n=len(causes),
                              causes=fmt.join([f"{lower_first(r.title)} ({_weight(r)})" for r in causes]))
        for r in causes:
            answer.add_sources(*r.sources[:1])
    elif q.has(*words.check_list("minor")) or denied:  # "... a minor factor?", "... didn't matter?"
        answer.text = SAY.say("no_according_to", who=who, reason=lower_first(reason.title), weight=_weight(reason))
        if reason.explanation:  # why it mattered, in her account
            answer.text += f" {reason.explanation}"
    elif q.has("fall") or says_any(q.text, words.check_list("asks_fewer")):  # "did it lead to fewer SCRs?"
        answer.text = SAY.say("no_behind_rise", who=who, reason=lower_first(reason.title), weight=_weight(reason))
    else:
        answer.text = SAY.say("yes_according_to", who=who, reason=lower_first(reason.title), weight=_weight(reason))
    answer.add_sources(*reason.sources)
    answer.people.append(reason.said_by)
    answer.topics.extend(reason.topics)
    return answer


def _weight(reason: Reason) -> str:
    """How much a reason counted, as its speaker put it ("a key factor"); "a cause" when the article doesn't say."""
    return reason.weight or SAY.say("a_cause")


def _object(person: Person) -> str:
    """"her", "him" or "them": the person as a sentence's object."""
    if person.pronoun == "she":
        return SAY.say("object_she")
    return SAY.say("object_he" if person.pronoun == "he" else "object_them")


def _possessive(person: Person) -> str:
    """"her", "his" or "their"."""
    if person.pronoun == "she":
        return SAY.say("possessive_she")
    return SAY.say("possessive_he" if person.pronoun == "he" else "possessive_them")


def role(facts: FactBase, q: Query, words: FrameWords) -> Answer | None:
    """"Is Sue Woolmore from Ofsted?", "It's Munro who chairs the association?": a person against an organisation.
    Not a question about the rise ("does Woolmore reckon the panel was a big *part* of the spike?")."""
    if q.has("rise", "fall", "reason", "effect"):
        return None
    # "Eileen Munro is a minister?": "minister" names Timpson by his role; Munro is the one the claim is about
    persons = [m for m in q.mentions if m.kind == "person" and m.id in facts.people]
    by_role = {m.id for m in persons if _names_role(facts, m)} - {m.id for m in persons if not _names_role(facts, m)}
    people = [facts.people[p] for p in q.mentioned("person") if p in facts.people and p not in by_role]
    if not people and by_role:  # "is she the minister?" right after Woolmore: she, not him
        people = [p for p in [pronoun_target(facts, q, frozenset(by_role))] if p is not None]
    if len(people) == 1 and (by_role or not q.mentioned("organisation")):
        worded = _role_word(facts, q, people[0], words)  # "children's minister Sue Woolmore said ..."
        if worded is not None or not q.mentioned("organisation"):
            return worded
    # "the chair" read as a name still says a post: "is Woolmore the chair of Ofsted?" (not "the minister who
    # set up the panel", no post of the panel)
    of_body = any(_names_role(facts, m) and f" {m.text} of " in f" {q.text} " for m in persons)
    if (not q.has(*words.check_list("affiliation")) or q.has("said", "recommend")) and not of_body:
        return None  # ("did Woolmore say the process was very prescriptive for LSCBs?" asks what she said, and
        # "credits Munro with recommending that Ofsted stop ..." what she recommended)
    orgs = [facts.organisations[o] for o in q.mentioned("organisation") if o in facts.organisations]
    orgs = [o for o in orgs if o.id != "lscbs"] or orgs
    if len(people) != 1 or not orgs:
        return None
    person, org = people[0], orgs[0]
    right = org.name.lower() in person.role.lower()  # a summary may name a body the person never belonged to
    answer = Answer("")
    answer.add_sources(person.source)
    answer.people.append(person.id)
    if right:
        answer.text = SAY.say("role_yes", name=person.name, role=person.role)
        return answer
    holder = _holder(facts, org.name)
    answer.text = SAY.say("role_no", name=person.name, role=_article(person.role))
    if holder and holder.id != person.id:
        answer.text += " " + SAY.say("role_holder", name=holder.name, role=_article(holder.role))
        answer.add_sources(holder.source)
        answer.people.append(holder.id)
    return answer


def _sentence_case(text: str) -> str:
    """A verdict's reasons, once its "Yes, " is cut off, start a sentence of their own."""
    return text[:1].upper() + text[1:]


def _names_role(facts: FactBase, m: Mention) -> bool:
    """The mention names a person by their role ("the minister"), not by name."""
    person = facts.people.get(m.id) if m.kind == "person" else None
    if person is None:
        return False
    named = set(_plain(person.name).split()) - {"professor", "prof", "dr", "ms", "mr"}
    said = set(_plain(m.text).split())
    # "the minister", "the chair of the association of independent lscb chairs": no word of the name
    return _plain(m.text.removeprefix("the ")) in _plain(person.role) or (
        not said & named and bool(said & set(_plain(person.role).split())))


def _plain(text: str) -> str:
    """"children's minister" and "childrens minister" are one role."""
    return text.lower().replace("'", "").replace("’", "")


def _role_word(facts: FactBase, q: Query, person: Person, cues: FrameWords) -> Answer | None:
    """"Eileen Munro is a minister?": a word of someone's role, said of another person."""
    chairs = bool(set(q.text.split()) & set(cues.check_list("post_verbs")))  # "Woolmore chairs the NSPCC?"
    if not q.has("is", "was", "are", "were", "as") and not chairs and not any(
            _names_role(facts, m) for m in q.mentions):
        return None
    # the role named: the question's own words, or another person's role used as a name ("a minister")
    asked = {w for w in q.tokens if len(w) > 3} | {
        w for m in q.mentions if _names_role(facts, m) for w in m.text.replace("'s", "").split() if len(w) > 3
    }
    # a title in a name is a role word too: "Professor" Eileen Munro ("is Woolmore a professor?")
    roles = {p.id: set(f"{p.role} {p.name}".lower().replace("'s", "").split()) for p in facts.people.values()}
    words = asked & set().union(*roles.values()) - {"association", "independent", "local", "children", "board"}
    if not words:
        # a post nobody in the article holds ("is Timpson the education secretary?", "Woolmore chairs the NSPCC,
        # right?") is not theirs either
        posts = ((asked | set(q.text.split())) & set(cues.check_list("posts"))) - roles[person.id]  # ("is
        # Woolmore an MP?"; not the "Professor" of Professor Munro's own name)
        if not (posts and q.has("is", "was", "as")) and not chairs:
            return None
        answer = Answer(SAY.say("role_no", name=person.name, role=_article(person.role)))
        answer.people.append(person.id)
        answer.add_sources(person.source)
        return answer
    answer = Answer("")
    answer.people.append(person.id)
    answer.add_sources(person.source)
    qualified = set(q.text.split()) & set(cues.check_list("post_qualifiers")) - roles[person.id]
    if chairs:  # "Woolmore chairs the NSPCC?": the body after the verb must be the one of her role
        said = q.text.split()
        at = next(i for i, w in enumerate(said) if w in cues.check_list("post_verbs"))
        body = {w for w in said[at + 1:] if len(w) > 3} - set(cues.claim_markers)
        theirs = [o for o in facts.organisations.values() if o.name.lower() in person.role.lower()]
        known = set(_plain(person.role).split()) | {w for o in theirs for a in o.aliases for w in _plain(a).split()}
        qualified |= body - known  # (her association, however it is written: "the LSCB chairs' association")
    if words <= roles[person.id] and not qualified:  # (not "is Timpson a *shadow* minister?")
        answer.text = SAY.say("role_yes", name=person.name, role=person.role)
        return answer
    answer.text = SAY.say("role_no", name=person.name, role=_article(person.role))
    holder = next((p for p in facts.people.values() if p.id != person.id and words <= roles[p.id]), None)
    if holder:
        answer.text += " " + SAY.say("role_holder", name=holder.name, role=_article(holder.role))
        answer.add_sources(holder.source)
    return answer


def _holder(facts: FactBase, org_name: str) -> Person | None:
    return next((p for p in facts.people.values() if org_name.lower() in p.role.lower()), None)


def _article(role: str) -> str:
    """'the chair of ...' / "the children's minister": a role as a noun phrase."""
    return role if role.lower().startswith(("a ", "an ", "the ")) else SAY.say("the_role", role=role)


def direction(facts: FactBase, q: Query, words: FrameWords) -> Answer | None:
    """"CYP Now found SCRs rose sharply in 2011?": the direction an event's summary states, against the claim's."""
    asks_rise = q.has("rise") or says_any(q.text, words.check_list("asks_more"))
    asks_fall = q.has("fall") or says_any(q.text, words.check_list("asks_fewer"))  # "lead to fewer SCRs?"
    if asks_rise == asks_fall:
        return None
    for event in _events(facts, q):
        summary = f" {event.summary.lower()} "
        fell = any(f" {w} " in summary for w in words.check_list("fell"))
        rose = any(f" {w} " in summary for w in words.check_list("rose"))
        if fell == rose:
            continue
        right = fell if asks_fall else rose
        verdict = SAY.say("verdict_yes" if right else "verdict_no")
        return event_answer(event, SAY.say("event_verdict", verdict=verdict, summary=event.summary))
    return None


_VERDICT = lazyre.compile(r"^(?:Yes|No)[.,:]?\s*(?:not according to [^:]+:\s*)?")
CHECKS = (order, stance, direction, dated, recommended, role)


def verify(facts: FactBase, q: Query, words: FrameWords) -> Answer | None:
    """Every check that settles part of the question, combined: a draft line can make several claims
    ("Children's minister Sue Woolmore said the rise was down to the panel"). No if any part is wrong."""
    found = [a for check in CHECKS if (a := check(facts, q, words)) is not None]
    if len(found) <= 1:
        return found[0] if found else None
    wrong = any(a.text.startswith("No") for a in found)
    said = dict.fromkeys(_sentence_case(_VERDICT.sub("", a.text, count=1)) for a in found)  # two may quote one sentence
    combined = Answer(SAY.say("checked_together", verdict=SAY.say("verdict_no" if wrong else "verdict_yes"),
                              said=" ".join(said)))
    for a in found:
        combined.add_sources(*a.sources)
        combined.people.extend(p for p in a.people if p not in combined.people)
        combined.topics.extend(t for t in a.topics if t not in combined.topics)
    return combined


def direct_quotes(facts: FactBase, q: Query, words: FrameWords, yesno: bool) -> Answer | None:
    """"Is Timpson quoted directly?", "who is the only person quoted directly?": whose own words the article
    quotes (statements of kind `quote`), as against words it only reports. A request for a direct quote
    ("give me a direct quote from Woolmore on ...") is left to the quotes."""
    people = [facts.people[p] for p in q.mentioned("person") if p in facts.people] or (
        resolve_people(facts, q)[:1] if q.pronouns and "quot" in q.text else [])  # "is she quoted?" after Munro
    # "is Munro quoted?", "is there a quote from Timpson in the article?"
    listing = says_any(q.text, words.check_list("lists_people"))  # "list everyone quoted in the article"
    asks = q.has(*words.check_list("direct")) or (people and (" quoted " in f" {q.text} " or (
        yesno and " a quote " in f" {q.text} "))) or (not people and " quoted " in f" {q.text} " and (q.has(
            "who", "many", "which") or listing) and set(q.text.split()) <= set(words.check_list("who_quoted")))
    # ("who is quoted in the article?", "how many people are quoted directly?"; not "who is the main expert
    # quoted?", which asks who she is)
    if not (q.has("said") and asks) or any(m.kind != "person" and m.id != "scr" for m in q.mentions):
        return None  # "did Woolmore directly say the panel contributed?" asks what she said
    if not (yesno or (not people and (q.has("who", "whose", "which", "whom", "many") or listing))):
        return None
    answer = Answer("")
    quoted = list(dict.fromkeys(s.by for s in facts.statements if s.kind == "quote" and s.by in facts.people))
    if people:
        person = people[0]
        mine = [s for s in facts.statements if s.by == person.id]
        quote = next((s for s in mine if s.kind == "quote"), None)
        answer.people.append(person.id)
        if quote is not None:
            answer.text = SAY.say("quoted_directly", name=person.name, quote=f"“{quote.text}”")
            answer.add_sources(quote.source)
        elif mine:
            answer.text = SAY.say("reported_not_quoted", name=person.name, said=mine[0].text)
            answer.add_sources(mine[0].source)
            if quoted:
                answer.text += " " + SAY.say("quoted_are", names=fmt.join([facts.people[p].name for p in quoted]))
        else:
            answer.text = SAY.say("not_quoted", name=person.name)
            answer.add_sources(person.source)
        return answer
    if not quoted:
        answer.text = SAY.say("quotes_nobody")
        return answer
    names = [facts.people[p] for p in quoted]
    reported = [p for p in dict.fromkeys(s.by for s in facts.statements) if p in facts.people and p not in quoted]
    answer.text = SAY.say("quoted_in_article", listed="; ".join(f"{p.name} ({p.role})" for p in names))
    if len(names) == 1:
        answer.text += " " + SAY.say("only_one_quoted")
    if reported:
        answer.text += " " + SAY.say("reported_only", names=", ".join(facts.people[p].name for p in reported))
    named_only = [p for p in facts.people.values() if p.id not in quoted and p.id not in reported]
    if named_only:  # "which people are mentioned but not quoted?": those the article only names
        answer.text += " " + SAY.say("named_only", names=", ".join(p.name for p in named_only))
    for p in names:
        answer.people.append(p.id)
        first = next(s for s in facts.statements if s.by == p.id and s.kind == "quote")
        answer.add_sources(first.source)
    return answer


def quoted_or_reported(
    facts: FactBase, q: Query, words: FrameWords, stopwords: frozenset[str], yesno: bool
) -> Answer | None:
    """"Is it a direct quote that Ofsted ceasing evaluations was a key factor?", "is the statement that the panel
    didn't contribute a direct quote or reported speech?": the one statement the question describes, by its
    words, and whether the article quotes it or reports it in its own words."""
    if not says_any(q.text, words.check_list("asks_direct")) and not q.has("reported", "paraphrase", "paraphrased"):
        return None
    if not (yesno or " or " in f" {q.text} "):
        return None  # ("quote her directly on why publishing was hard" asks for the quote, which the quotes give)
    asked = {w[:5] for w in q.text.split() if len(w) > 3 and w not in stopwords and w not in _ABOUT_QUOTING}
    asked -= {w[:5] for p in facts.people.values() for w in p.name.lower().split()}
    scored = []
    for st in facts.statements:
        if st.by in facts.people:
            said = {w[:5] for w in re.findall(r"[a-z']+", st.text.lower()) if len(w) > 3}
            scored.append((len(asked & said), st))
    scored.sort(key=lambda pair: -pair[0])
    if not scored or scored[0][0] < 2 or (len(scored) > 1 and scored[1][0] == scored[0][0]):
        return None  # nothing described, or two statements alike: the quotes readers say more
    st = scored[0][1]
    who = facts.people[st.by]
    answer = Answer("")
    answer.people.append(who.id)
    answer.add_sources(st.source)
    if st.kind == "quote":
        answer.text = SAY.say("in_quoted_words", name=who.name, quote=f"“{st.text}”")
    else:
        answer.text = SAY.say("reported_speech", name=who.name, said=st.text)
    return answer


_ABOUT_QUOTING = frozenset({"direct", "directly", "quote", "quoted", "quotes", "reported", "speech", "words", "said",
                            "says", "statement", "paraphrase", "paraphrased", "actually", "exact", "own", "that",
                            "this", "those", "there", "given", "view"})


def unquoted(facts: FactBase, q: Query, words: FrameWords) -> Answer | None:
    """"What exactly did Timpson say? need his exact words": someone the article never quotes directly has no
    exact words to give; what it reports them saying, in its own words, is said instead. None otherwise."""
    people = [facts.people[p] for p in q.mentioned("person") if p in facts.people]
    if len(people) != 1 or not says_any(q.text, words.check_list("exact")):
        return None
    person = people[0]
    mine = [s for s in facts.statements if s.by == person.id]
    if any(s.kind == "quote" for s in mine):
        return None
    answer = Answer(SAY.say("no_exact_words", name=person.name, their=_possessive(person)))
    if mine:
        answer.text += " " + SAY.say("reports_instead", said=" ".join(s.text for s in mine))
        answer.add_sources(*(s.source for s in mine))
    answer.people.append(person.id)
    return answer
