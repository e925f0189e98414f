"""Answers about the figures: counts, changes, rates, totals, extremes, trend, coverage.

Every number shown is read from the fact base or computed from it here; none is written
in code or in templates.
"""

from __future__ import annotations

import itertools

from ..knowledge.model import FactBase, Period
from . import format as fmt
from .query import Answer, Query

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
    return f"I have no figures for {fmt.join(q.missing)}; I have figures for {have}."


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
        out.append("And the previous year?")
    if len(measures) == 1:
        other = next((m.id for m in facts.measures if m.id != measures[0]), None)
        if other:
            out.append(f"What about {other} ones?")
    out.append("What drove the rise?")
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
                noun = "SCRs " if not parts else ""
                parts.append(f"{fmt.number(fig.value)} {noun}{facts.measure(m).verb}")
                answer.add_sources(fig.source)
        lines.append(f"In {period.label}, {fmt.join(parts)}.")
        answer.followups = _followups_for_period(facts, period.id, measures)
    else:
        if len(measures) == 1:
            label = facts.measure(measures[0]).label
            lines.append(f"SCRs {label}, by financial year (April to March):")
        else:
            lines.append("SCRs by financial year (April to March):")
        for pid in periods:
            cells = []
            for m in measures:
                fig = facts.value(pid, m)
                if fig:
                    cells.append(
                        f"{fmt.number(fig.value)} {facts.measure(m).label}"
                        if len(measures) > 1
                        else fmt.number(fig.value)
                    )
                    answer.add_sources(fig.source)
            lines.append(f"• {facts.period(pid).label}: {', '.join(cells)}")
        answer.followups = ["How much did they rise?", "What drove the rise?"]
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
    verb = "rose" if b.value > a.value else "fell" if b.value < a.value else "stayed"
    line = (
        f"SCRs {facts.measure(m).label} {verb} from {fmt.number(a.value)} in {facts.period(old).label} "
        f"to {fmt.number(b.value)} in {facts.period(new).label}: {fmt.change(a.value, b.value)}"
    )
    words = fmt.multiple(a.value, b.value)
    answer.add_sources(a.source, b.source)
    return line + (f", {words}." if words else ".")


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
        answer.followups = ["What drove the rise?", "What was the publication rate?"]
        return answer
    if q.missing and len(asked) == 1:
        # "from 2010/11 to 2011/12" without 2010/11: say so and give 2011/12, never another pair's change.
        only = count(facts, q)
        only.text += f"\nWithout {fmt.join(q.missing)} I can't say how that changed."
        return only
    ends = _endpoints(facts, q)
    if ends is None:
        answer.text = "I only have one year of figures, so there is no change to compare."
        return answer
    old, new = ends
    answer.periods = [old, new]
    for m in _measures(facts, q):
        line = _step(facts, m, old, new, answer)
        if line:
            lines.append(line)
    answer.text = "\n".join(lines)
    answer.followups = ["What drove the rise?", "What was the publication rate?"]
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
        answer.text = "I don't have both commissioned and published figures for that period."
        return answer
    intro = "SCRs published as a share of SCRs commissioned in the same year"
    if len(rows) == 1:
        pid, pub, com = rows[0]
        lines.append(
            f"In {facts.period(pid).label}, {fmt.number(pub.value)} SCRs were published and "
            f"{fmt.number(com.value)} commissioned: {fmt.share(pub.value, com.value)} "
            "(published as a share of commissioned in the same year)."
        )
    else:
        lines.append(f"{intro}:")
        for pid, pub, com in rows:
            lines.append(
                f"• {facts.period(pid).label}: {fmt.number(pub.value)} of {fmt.number(com.value)} "
                f"({fmt.share(pub.value, com.value)})"
            )
        pick = min if q.has("fewest") else max
        best = pick(rows, key=lambda r: r[1].value / r[2].value)
        lines.append(f"{'Lowest' if pick is min else 'Highest'}: {facts.period(best[0]).label}.")
        if q.has("most", "fewest"):
            answer.periods = [best[0]]
    answer.text = "\n".join(lines)
    answer.followups = ["How many were published in total?", "What drove the rise?"]
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
            noun = "SCRs " if not parts else ""  # "250 SCRs were commissioned and 114 were published"
            added = f" ({' + '.join(fmt.number(f.value) for f in figs)})" if len(figs) > 1 else ""  # what it adds up
            parts.append(f"{fmt.number(sum(f.value for f in figs))} {noun}{facts.measure(m).verb}{added}")
            answer.add_sources(*(f.source for f in figs))
    contiguous = [ids.index(p) for p in periods] == list(range(ids.index(periods[0]), ids.index(periods[-1]) + 1))
    span = fmt.period_span(_labels(facts, periods)) if contiguous else fmt.join(_labels(facts, periods))
    if len(periods) == 1:
        lines.append(f"In {span}, {fmt.join(parts)} (a single year, so that is the total).")
    else:
        lines.append(f"In total across {span} ({len(periods)} years), {fmt.join(parts)}.")
    answer.text = "\n".join(lines)
    answer.followups = ["Which year had the most?", "What was the publication rate?"]
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
            word = "Fewest" if lowest else "Most"
            lines.append(f"{word} SCRs {facts.measure(m).label}: {fmt.number(pick.value)} in {which}.")
            answer.add_sources(*(f.source for f in ties))
            answer.periods = chronological(facts, [*(answer.periods or []), *(f.period for f in ties)])
    if len(periods) > 1:
        lines.append(f"(Figures cover {fmt.period_span(_labels(facts, periods))}.)")
    answer.text = "\n".join(lines)
    answer.followups = ["What is the trend?", "What drove the rise?"]
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
        if all(s > 0 for s in steps):
            shape = "rose every year"
        elif all(s < 0 for s in steps):
            shape = "fell every year"
        elif all(s == 0 for s in steps):
            shape = "stayed the same"
        else:
            shape = "went up and down"
        series = " → ".join(fmt.number(f.value) for f in figs)
        span = fmt.period_span(_labels(facts, [f.period for f in figs]))
        overall = fmt.change(figs[0].value, figs[-1].value)
        lines.append(f"SCRs {facts.measure(m).label} {shape}: {series} ({span}), {overall} overall.")
        answer.add_sources(*(f.source for f in figs))
    if facts.announcement:
        who = facts.people.get(facts.announcement.by)
        lines.append(f"{facts.announcement.summary}")
        answer.add_sources(facts.announcement.source)
        if who:
            answer.people.append(who.id)
    answer.text = "\n".join(lines)
    answer.followups = ["What drove the rise?"]
    if answer.people:
        answer.followups.append(f"Who is {facts.people[answer.people[0]].name}?")
    return answer


def periods(facts: FactBase, q: Query) -> Answer:
    labels = _labels(facts, [p.id for p in facts.periods])
    text = (
        f"I have figures for {len(labels)} financial year{'s' if len(labels) != 1 else ''} (April to March): "
        f"{fmt.join(labels)}. The latest is {labels[-1]}."
    )
    if q.missing:
        text = f"I have no figures for {fmt.join(q.missing)}. " + text
    elif q.months and q.periods:  # "which financial year does March 2013 fall in?"
        found = [facts.period(p) for p in q.periods]
        text = " ".join(f"{_month_label(m)} falls in the {p.label} financial year ({_span_label(p)})."
                        for m, p in zip(q.months, found, strict=False)) + " " + text
    answer = Answer(text, periods=list(q.periods) or [p.id for p in facts.periods])
    answer.add_sources(*(p.source for p in facts.periods))
    answer.followups = [f"How many SCRs were published in {labels[-1]}?"]
    return answer


_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December")


def _month_label(month: str) -> str:
    """"2012-07" as "July 2012"."""
    year, _, number = month.partition("-")
    return f"{_MONTH_NAMES[int(number) - 1]} {year}"


def _span_label(period: Period) -> str:
    """A financial year's months: "April 2012 to March 2013"."""
    return (f"{_MONTH_NAMES[period.start.month - 1]} {period.start.year} to "
            f"{_MONTH_NAMES[period.end.month - 1]} {period.end.year}")
