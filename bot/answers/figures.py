"""Answers about the figures: counts, changes, rates, totals, extremes, trend, coverage.

Every number shown is read from the fact base or computed from it here; none is written
in code or in templates.
"""

from __future__ import annotations

import itertools
from datetime import date

from ..knowledge.model import FactBase
from . import format as fmt
from .query import Answer, Query
from .replies import section

SAY = section("figures", {
    "missing_note": {"missing", "have"},
    "followup_previous_year": set(),
    "followup_other_measure": {"measure"},
    "followup_reason": set(),
    "followup_rise": set(),
    "followup_rate": set(),
    "followup_total": set(),
    "followup_most": set(),
    "followup_trend": set(),
    "followup_who": {"name"},
    "followup_published_in": {"latest"},
    "count_first": {"n", "verb"},
    "count_next": {"n", "verb"},
    "count_one_year": {"period", "counts"},
    "count_by_year": set(),
    "count_by_year_of": {"measure"},
    "count_cell": {"n", "measure"},
    "rose": set(),
    "fell": set(),
    "stayed": set(),
    "step": {"measure", "moved", "old_value", "old", "new_value", "new", "change"},
    "step_multiple": {"measure", "moved", "old_value", "old", "new_value", "new", "change", "multiple"},
    "change_without": {"missing"},
    "change_one_year": set(),
    "rate_missing": set(),
    "rate_one_year": {"period", "published", "commissioned", "share"},
    "rate_by_year": set(),
    "rate_row": {"period", "published", "commissioned", "share"},
    "rate_lowest": {"period"},
    "rate_highest": {"period"},
    "total_first": {"total", "verb"},
    "total_first_sum": {"total", "verb", "sum"},
    "total_next": {"total", "verb"},
    "total_next_sum": {"total", "verb", "sum"},
    "total_one_year": {"span", "totals"},
    "total_years": {"span", "n", "totals"},
    "fewest": {"measure", "n", "periods"},
    "most": {"measure", "n", "periods"},
    "extreme_cover": {"span"},
    "trend_rose": {"measure", "series", "span", "overall"},
    "trend_fell": {"measure", "series", "span", "overall"},
    "trend_same": {"measure", "series", "span", "overall"},
    "trend_mixed": {"measure", "series", "span", "overall"},
    "have_years": {"n", "years", "latest"},
    "have_one_year": {"n", "years", "latest"},
    "periods_missing": {"missing", "have"},
    "month_falls_in": {"month", "period", "starts", "ends"},
})

COMMISSIONED, PUBLISHED = "commissioned", "published"


def _measures(facts: FactBase, q: Query) -> list[str]:
    ids = [m.id for m in facts.measures]
    return [q.measure] if q.measure in ids else ids


def _labels(facts: FactBase, ids: list[str]) -> list[str]:
    return [facts.period(p).label for p in ids]


def _missing_note(facts: FactBase, q: Query) -> str:
    if not q.missing:
        return ""
    have = fmt.join(_labels(facts, [p.id for p in facts.periods]))
    return SAY.say("missing_note", missing=fmt.join(q.missing), have=have)


def prefix(facts: FactBase, q: Query) -> list[str]:
    """Notes an answer opens with: how a calendar year was read, which years have no figures."""
    return [*q.notes, *([_missing_note(facts, q)] if q.missing and q.periods else [])]


def chronological(facts: FactBase, ids: list[str] | tuple[str, ...]) -> list[str]:
    """The known periods among `ids`, once each, earliest first."""
    order = [p.id for p in facts.periods]
    return sorted(dict.fromkeys(i for i in ids if i in order), key=order.index)


def _followups_for_period(facts: FactBase, period: str, measures: list[str]) -> list[str]:
    ids = [p.id for p in facts.periods]
    out = []
    if ids.index(period) > 0:
        out.append(SAY.say("followup_previous_year"))
    if len(measures) == 1:
        other = next((m.id for m in facts.measures if m.id != measures[0]), None)
        if other:
            out.append(SAY.say("followup_other_measure", measure=other))
    out.append(SAY.say("followup_reason"))
    return out


def count(facts: FactBase, q: Query) -> Answer:
    periods = chronological(facts, q.periods) or [p.id for p in facts.periods]
    measures = _measures(facts, q)
    answer = Answer("", periods=periods)
    lines = prefix(facts, q)
    if len(periods) == 1:
        period = facts.period(periods[0])
        parts = []
        for m in measures:
            fig = facts.value(period.id, m)
            if fig:
                parts.append(SAY.say("count_next" if parts else "count_first", n=fmt.number(fig.value),
                                     verb=facts.measure(m).verb))
                answer.add_sources(fig.source)
        lines.append(SAY.say("count_one_year", period=period.label, counts=fmt.join(parts)))
        answer.followups = _followups_for_period(facts, period.id, measures)
    else:
        if len(measures) == 1:
            label = facts.measure(measures[0]).label
            lines.append(SAY.say("count_by_year_of", measure=label))
        else:
            lines.append(SAY.say("count_by_year"))
        for pid in periods:
            cells = []
            for m in measures:
                fig = facts.value(pid, m)
                if fig:
                    cells.append(
                        SAY.say("count_cell", n=fmt.number(fig.value), measure=facts.measure(m).label)
                        if len(measures) > 1
                        else fmt.number(fig.value)
                    )
                    answer.add_sources(fig.source)
            lines.append(f"• {facts.period(pid).label}: {', '.join(cells)}")
        answer.followups = [SAY.say("followup_rise"), SAY.say("followup_reason")]
    answer.text = "\n".join(lines)
    return answer


def _endpoints(facts: FactBase, q: Query) -> tuple[str, str] | None:
    ids = [p.id for p in facts.periods]
    asked = list(dict.fromkeys(q.periods))
    if len(asked) >= 2:
        first, last = chronological(facts, asked)[0], chronological(facts, asked)[-1]
        return first, last
    if len(asked) == 1:
        i = ids.index(asked[0])
        if i == 0:
            return (ids[0], ids[1]) if len(ids) > 1 else None
        return ids[i - 1], ids[i]
    return (ids[0], ids[-1]) if len(ids) > 1 else None


def _step(facts: FactBase, m: str, old: str, new: str, answer: Answer) -> str | None:
    """One sentence on how measure `m` moved between two periods."""
    a, b = facts.value(old, m), facts.value(new, m)
    if not a or not b:
        return None
    moved = SAY.say("rose") if b.value > a.value else SAY.say("fell") if b.value < a.value else SAY.say("stayed")
    measure, old_value, new_value = facts.measure(m).label, fmt.number(a.value), fmt.number(b.value)
    old_label, new_label, change = facts.period(old).label, facts.period(new).label, fmt.change(a.value, b.value)
    words = fmt.multiple(a.value, b.value)
    answer.add_sources(a.source, b.source)
    if words:
        return SAY.say("step_multiple", measure=measure, moved=moved, old_value=old_value, old=old_label,
                       new_value=new_value, new=new_label, change=change, multiple=words)
    return SAY.say("step", measure=measure, moved=moved, old_value=old_value, old=old_label, new_value=new_value,
                   new=new_label, change=change)


def change(facts: FactBase, q: Query) -> Answer:
    answer = Answer("")
    asked = chronological(facts, q.periods)
    lines = prefix(facts, q)
    if len(asked) >= 3:  # "year on year": every step, then the whole span
        answer.periods = asked
        for m in _measures(facts, q):
            steps = [_step(facts, m, a, b, answer) for a, b in itertools.pairwise(asked)]
            lines += [s for s in steps if s]
        answer.text = "\n".join(lines)
        answer.followups = [SAY.say("followup_reason"), SAY.say("followup_rate")]
        return answer
    if q.missing and len(asked) == 1:
        # "from 2010/11 to 2011/12" without 2010/11: say so and give 2011/12, never another pair's change.
        only = count(facts, q)
        only.text += "\n" + SAY.say("change_without", missing=fmt.join(q.missing))
        return only
    ends = _endpoints(facts, q)
    if ends is None:
        answer.text = SAY.say("change_one_year")
        return answer
    old, new = ends
    answer.periods = [old, new]
    for m in _measures(facts, q):
        line = _step(facts, m, old, new, answer)
        if line:
            lines.append(line)
    answer.text = "\n".join(lines)
    answer.followups = [SAY.say("followup_reason"), SAY.say("followup_rate")]
    return answer


def rate(facts: FactBase, q: Query) -> Answer:
    ids = [p.id for p in facts.periods]
    periods = chronological(facts, q.periods) or ids
    if len(periods) == 1 and q.has("since"):  # "has it improved since?"
        periods = ids[ids.index(periods[0]) :]
    answer = Answer("", periods=periods)
    lines = prefix(facts, q)
    rows = []
    for pid in periods:
        pub, com = facts.value(pid, PUBLISHED), facts.value(pid, COMMISSIONED)
        if pub and com and com.value:
            rows.append((pid, pub, com))
            answer.add_sources(pub.source, com.source)
    if not rows:
        answer.text = SAY.say("rate_missing")
        return answer
    if len(rows) == 1:
        pid, pub, com = rows[0]
        lines.append(SAY.say("rate_one_year", period=facts.period(pid).label, published=fmt.number(pub.value),
                             commissioned=fmt.number(com.value), share=fmt.share(pub.value, com.value)))
    else:
        lines.append(SAY.say("rate_by_year"))
        for pid, pub, com in rows:
            lines.append("• " + SAY.say("rate_row", period=facts.period(pid).label, published=fmt.number(pub.value),
                                        commissioned=fmt.number(com.value), share=fmt.share(pub.value, com.value)))
        pick = min if q.has("fewest") else max
        best = pick(rows, key=lambda r: r[1].value / r[2].value)
        lines.append(SAY.say("rate_lowest" if pick is min else "rate_highest", period=facts.period(best[0]).label))
        if q.has("most", "fewest"):
            answer.periods = [best[0]]
    answer.text = "\n".join(lines)
    answer.followups = [SAY.say("followup_total"), SAY.say("followup_reason")]
    return answer


def total(facts: FactBase, q: Query) -> Answer:
    ids = [p.id for p in facts.periods]
    asked = chronological(facts, q.periods)
    if len(asked) == 2 and q.has("between", "from", "to", "through", "until", "till"):
        asked = ids[ids.index(asked[0]) : ids.index(asked[1]) + 1]  # "between 2011/12 and 2013/14": all between
    elif len(asked) == 1 and q.has("since", "from"):  # "since 2011/12": up to the latest year
        asked = ids[ids.index(asked[0]) :]
    periods = asked or ids
    answer = Answer("", periods=periods)
    lines = prefix(facts, q)
    parts = []
    for m in _measures(facts, q):
        figs = [facts.value(p, m) for p in periods]
        figs = [f for f in figs if f]
        if figs:
            # "250 SCRs were commissioned (...) and 114 were published (...)": the years it adds up, if several
            summed, verb = fmt.number(sum(f.value for f in figs)), facts.measure(m).verb
            if len(figs) > 1:
                added = " + ".join(fmt.number(f.value) for f in figs)
                parts.append(SAY.say("total_next_sum" if parts else "total_first_sum", total=summed, verb=verb,
                                     sum=added))
            else:
                parts.append(SAY.say("total_next" if parts else "total_first", total=summed, verb=verb))
            answer.add_sources(*(f.source for f in figs))
    contiguous = [ids.index(p) for p in periods] == list(range(ids.index(periods[0]), ids.index(periods[-1]) + 1))
    span = fmt.period_span(_labels(facts, periods)) if contiguous else fmt.join(_labels(facts, periods))
    if len(periods) == 1:
        lines.append(SAY.say("total_one_year", span=span, totals=fmt.join(parts)))
    else:
        lines.append(SAY.say("total_years", span=span, n=len(periods), totals=fmt.join(parts)))
    answer.text = "\n".join(lines)
    answer.followups = [SAY.say("followup_most"), SAY.say("followup_rate")]
    return answer


def extreme(facts: FactBase, q: Query) -> Answer:
    periods = chronological(facts, q.periods) or [p.id for p in facts.periods]
    want_min = q.has("fewest")
    # "highest and lowest year for published SCRs?": both ends
    ends = (False, True) if want_min and q.has("most") else (want_min,)
    answer = Answer("", periods=[])
    lines = prefix(facts, q)
    for m in _measures(facts, q):
        figs = [f for f in (facts.value(p, m) for p in periods) if f]
        if not figs:
            continue
        for lowest in ends:
            pick = min(figs, key=lambda f: f.value) if lowest else max(figs, key=lambda f: f.value)
            ties = [f for f in figs if f.value == pick.value]
            which = fmt.join([facts.period(f.period).label for f in ties])
            lines.append(SAY.say("fewest" if lowest else "most", measure=facts.measure(m).label,
                                 n=fmt.number(pick.value), periods=which))
            answer.add_sources(*(f.source for f in ties))
            answer.periods = chronological(facts, [*(answer.periods or []), *(f.period for f in ties)])
    if len(periods) > 1:
        lines.append(SAY.say("extreme_cover", span=fmt.period_span(_labels(facts, periods))))
    answer.text = "\n".join(lines)
    answer.followups = [SAY.say("followup_trend"), SAY.say("followup_reason")]
    return answer


def trend(facts: FactBase, q: Query) -> Answer:
    periods = chronological(facts, q.periods) if len(q.periods) > 1 else [p.id for p in facts.periods]
    answer = Answer("", periods=periods)
    lines = prefix(facts, q)
    for m in _measures(facts, q):
        figs = [f for f in (facts.value(p, m) for p in periods) if f]
        if len(figs) < 2:
            continue
        steps = [b.value - a.value for a, b in itertools.pairwise(figs)]
        measure, series = facts.measure(m).label, " → ".join(fmt.number(f.value) for f in figs)
        span = fmt.period_span(_labels(facts, [f.period for f in figs]))
        overall = fmt.change(figs[0].value, figs[-1].value)
        if all(s > 0 for s in steps):
            lines.append(SAY.say("trend_rose", measure=measure, series=series, span=span, overall=overall))
        elif all(s < 0 for s in steps):
            lines.append(SAY.say("trend_fell", measure=measure, series=series, span=span, overall=overall))
        elif all(s == 0 for s in steps):
            lines.append(SAY.say("trend_same", measure=measure, series=series, span=span, overall=overall))
        else:
            lines.append(SAY.say("trend_mixed", measure=measure, series=series, span=span, overall=overall))
        answer.add_sources(*(f.source for f in figs))
    if facts.announcement:
        who = facts.people.get(facts.announcement.by)
        lines.append(f"{facts.announcement.summary}")
        answer.add_sources(facts.announcement.source)
        if who:
            answer.people.append(who.id)
    answer.text = "\n".join(lines)
    answer.followups = [SAY.say("followup_reason")]
    if answer.people:
        answer.followups.append(SAY.say("followup_who", name=facts.people[answer.people[0]].name))
    return answer


def periods(facts: FactBase, q: Query) -> Answer:
    labels = _labels(facts, [p.id for p in facts.periods])
    text = SAY.say("have_years" if len(labels) != 1 else "have_one_year", n=len(labels), years=fmt.join(labels),
                   latest=labels[-1])
    if q.missing:
        text = SAY.say("periods_missing", missing=fmt.join(q.missing), have=text)
    elif q.months and q.periods:  # "which financial year does March 2013 fall in?"
        found = [facts.period(p) for p in q.periods]
        text = " ".join(SAY.say("month_falls_in", month=_month_label(m), period=p.label, starts=_month_of(p.start),
                                ends=_month_of(p.end)) for m, p in zip(q.months, found, strict=False)) + " " + text
    answer = Answer(text, periods=list(q.periods) or [p.id for p in facts.periods])
    answer.add_sources(*(p.source for p in facts.periods))
    answer.followups = [SAY.say("followup_published_in", latest=labels[-1])]
    return answer


_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December")


def _month_label(month: str) -> str:
    """"2012-07" as "July 2012"."""
    year, _, number = month.partition("-")
    return f"{_MONTH_NAMES[int(number) - 1]} {year}"


def _month_of(day: date) -> str:
    """The month a day falls in: "April 2012"."""
    return f"{_MONTH_NAMES[day.month - 1]} {day.year}"
