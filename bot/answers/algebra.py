"""Figures computed from a question's frame: one small function per operation, over `facts/`.

Every number shown is read from the fact base or computed here from it; derived measures (such
as "not published": commissioned minus published in the same year) are defined in
`intents/frames.yaml`. Yes/no questions and stated claims open with "Yes" or "No" and then give
the figures that prove it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from .. import lazyre
from ..knowledge.article import Sentence
from ..knowledge.model import FactBase
from ..lazyre import LazyPattern
from ..understanding.frame import Claim, DerivedMeasure, Frame, FrameWords, crosses_cells, says_any
from . import figures
from . import format as fmt
from .query import Answer, Query
from .replies import section

Value = tuple[int, tuple[Sentence, ...]]

SAY = section("algebra", {
    # gap
    "cannot_compare": set(),
    "cell": {"count", "measure", "year"},
    "cell_bare": {"count", "measure", "year"},
    "cells_gap": {"first", "second", "difference", "more_or_fewer"},
    "cells_gap_relative": {"first", "second", "difference", "more_or_fewer", "relative"},
    "gap_one_year": {"year", "of", "of_count", "minus", "minus_count", "gap"},
    "gap_by_year": {"of", "minus"},
    "gap_total": {"years", "total"},
    "gap_note": set(),
    # value
    "together": {"total", "measure"},
    # change
    "change_missing_year": {"missing"},
    "one_year_no_change": set(),
    "one_year_nothing": set(),
    "one_year_no_growth": set(),
    "one_year_no_growth_rate": set(),
    "changed": {"measure", "rose_or_fell", "old", "old_year", "new", "new_year", "change"},
    "changed_multiple": {"measure", "rose_or_fell", "old", "old_year", "new", "new_year", "change", "multiple"},
    "unchanged": {"measure", "old", "old_year", "new", "new_year"},
    "growth_pace": {"pace", "first_rate", "second_rate", "size", "first_rise", "second_rise"},
    "growth_pace_by": {"pace", "first_rate", "second_rate", "size", "first_rise", "second_rise", "difference"},
    "lower_than": {"measure", "first_year", "first", "share", "second_year", "second", "fewer"},
    # pp_change
    "pp_moved": {"what", "old", "old_year", "new", "new_year", "up_or_down", "points"},
    "pp_moved_relative": {"what", "old", "old_year", "new", "new_year", "up_or_down", "points", "relative"},
    "pp_overall": {"first_year", "last_year", "up_or_down", "points"},
    # share
    "share_of_cell": {"part", "part_measure", "part_year", "whole", "whole_measure", "whole_year", "share"},
    "share_pooled": {"years", "commissioned", "published", "share"},
    "share_pooled_not_published": {"years", "commissioned", "not_published", "share"},
    "share_year_by_year": {"shares"},
    "part_of_whole": {"part", "whole"},
    "share_one_year": {"year", "published", "commissioned", "share", "what"},
    "share_by_year": {"what"},
    "share_both_years": {"part", "whole", "share"},
    "share_all_years": {"n", "part", "whole", "share"},
    "lowest_year": {"year"},
    "highest_year": {"year"},
    "one_in": {"year", "n"},
    "per_n": {"year", "count", "n"},
    # ratio
    "ratio_year": {"year", "first", "first_measure", "second", "second_measure", "ratio", "ratio_1"},
    "ratio_moved": {"first_year", "last_year", "rose_or_fell", "first_ratio", "last_ratio"},
    "ratio_together": {"first", "first_measure", "second", "second_measure", "ratio", "ratio_1"},
    # average
    "average_share": {"mean", "shares"},
    "average_change": {"measure", "old", "old_year", "new", "new_year", "change", "n", "years", "mean"},
    "average_count": {"mean", "measure", "total", "n", "years", "span"},
    # total
    "cells_total": {"first", "second", "total"},
    # times
    "cells_times": {"first", "second", "times"},
    "times_share": {"old", "old_year", "new", "new_year", "times"},
    "years_ratio_inverse": {"measure", "year", "base_year", "count", "base_count", "ratio", "inverse"},
    "years_ratio": {"measure", "year", "base_year", "count", "base_count", "ratio", "times"},
    "years_times": {"measure", "year", "base_year", "count", "base_count", "times"},
    # faster
    "faster_missing": set(),
    "faster": {"old_year", "new_year", "faster", "faster_old", "faster_new", "faster_change", "slower", "slower_old",
               "slower_new", "slower_change"},
    "faster_difference": {"points"},
    "faster_difference_times": {"points", "times"},
    "faster_same_rise": {"rise"},
    "faster_bigger_rise": {"measure", "bigger", "smaller"},
    # extreme
    "extreme_change": {"which", "measure", "year", "old", "new", "change", "old_year"},
    "extreme_gap_most": {"measure", "gap", "years"},
    "extreme_gap_fewest": {"measure", "gap", "years"},
    # identify
    "identify_count_item": {"measure", "year", "start", "end"},
    "identify_share_item": {"year", "share"},
    "identify_count": {"number", "found"},
    "identify_share": {"number", "found"},
    "identify_no_year": {"number", "measures"},
    "identify_none": {"number"},
    "identify_in_article": {"number", "quoted"},
    # cagr, median, portion, spread, per_time
    "cagr": {"measure", "old", "old_year", "new", "new_year", "rate", "n", "years"},
    "median": {"measure", "span", "median", "values"},
    "portion": {"part", "whole", "measure", "span", "year", "share"},
    "spread": {"measure", "low", "low_year", "high", "high_year", "range"},
    "per_time": {"year", "count", "measure", "each", "unit"},
    # filter
    "filter_years": {"measure", "more_or_fewer_than", "threshold", "years"},
    "filter_years_share": {"more_or_fewer_than", "threshold", "years"},
    "filter_no_year": {"measure", "more_or_fewer_than", "threshold"},
    "filter_no_year_share": {"more_or_fewer_than", "threshold"},
    # rank
    "rank_share": {"order", "ranked"},
    "rank": {"measure", "order", "ranked"},
    # both_measures
    "both_measures": {"year", "parts", "total"},
    # at_rate
    "rate_of_year": {"year"},
    "rate_stated": set(),
    "at_rate": {"year", "count", "whole", "rate_source", "rate", "would", "part"},
    "at_rate_actual": {"year", "count", "whole", "rate_source", "rate", "would", "part", "actual"},
    # vs_sum
    "measure_in_year": {"measure", "year", "count"},
    "vs_sum_together": {"measure", "years", "total", "parts"},
    "vs_sum_difference": {"count", "difference", "more_or_fewer", "total"},
    "vs_sum_difference_relative": {"count", "difference", "more_or_fewer", "total", "relative"},
    "vs_sum_same": {"total"},
    # steps
    "steps_rise": {"old", "old_year", "new", "new_year", "change"},
    "steps_rises": {"measure", "first", "second"},
    "steps_in_numbers": {"bigger_or_smaller", "first", "second"},
    "steps_in_percent": {"bigger_or_smaller", "first", "second"},
    "steps_by_count": {"count", "more_or_fewer"},
    "steps_compared": {"year", "first_terms", "by", "second_terms"},
    # at_change, again
    "at_change": {"measure", "old", "new", "year", "change", "how", "base_year", "base", "target", "would"},
    "at_change_actual": {"measure", "old", "new", "year", "change", "how", "base_year", "base", "target", "would",
                         "actual"},
    "same_rise": {"rise"},
    "same_percentage_rise": {"rise"},
    "again": {"measure", "old", "new", "year", "how", "last", "base", "would"},
    "again_not_forecast": {"last"},
    # rise_vs
    "rise_into": {"measure", "year", "old", "new", "change"},
    "rise_vs_difference": {"rise", "difference", "more_or_less", "figure"},
    "rise_vs_same": set(),
    # scaled
    "scaled": {"measure", "year", "count", "how", "would"},
    "scaled_up": {"percent"},
    "scaled_down": {"percent"},
    "halved": set(),
    "doubled": set(),
    "tripled": set(),
    "multiplied": {"times"},
    "scaled_not_forecast": set(),
    # own_share, rise_portion, year_share
    "own_share": {"own", "national", "measure", "year", "share"},
    "own_share_note": {"own", "national"},
    "rise_portion": {"measure", "whole", "first_year", "last_year", "first", "last", "part", "year", "before",
                     "after", "share"},
    "year_share": {"measure", "part", "part_year", "share", "whole", "whole_year"},
    # verdicts on a stated figure
    "mixed_up": {"value", "measure", "year"},
    "right_one": {"stated"},
    "right_several": {"stated"},
    "about_one": {"stated", "figures"},
    "about_several": {"stated", "figures"},
    "not_one": {"stated", "figures"},
    "not_several": {"stated", "figures"},
    "not_about": {"stated", "figures"},
    "measures_swapped": {"stated"},
    "percentage_points": {"points"},
    "points_not_percent": {"points", "percent"},
    "decade": {"value"},
    "decade_percent": {"value"},
    "decade_right": {"stated", "figures"},
    # verdicts on a yes/no question
    "up_by": {"count"},
    "down_by": {"count"},
    "biggest_rise": {"measure", "year", "rise", "others"},
    "smallest_rise": {"measure", "year", "rise", "others"},
    "record_most": {"measure", "count", "year"},
    "record_fewest": {"measure", "count", "year"},
    "nearly_double": set(),
    "more_than_double": set(),
    "less_than_double": set(),
    "nearly_triple": set(),
    "more_than_triple": set(),
    "less_than_triple": set(),
    "times_share_check": {"old", "old_year", "new", "new_year", "times", "against"},
    "times_check": {"measure", "old", "old_year", "new", "new_year", "times", "against"},
    "half_published": {"year", "share"},
    "half_not_published": {"year", "share"},
    "all_published": {"year", "share"},
    "all_published_counts": {"year", "share", "published", "commissioned"},
    "claimed_ends_right": {"measure", "old", "old_year", "new", "new_year"},
    "claimed_ends_reversed": {"measure", "old", "old_year", "new", "new_year"},
    "yearly_step": {"measure", "old_year", "new_year", "old", "new", "up_or_down", "difference", "relative"},
    "figure_in_year": {"figure", "year"},
    "paired_wrong_item": {"stated", "year", "actual"},
    "paired_right": {"stated"},
    "paired_wrong": {"measure", "wrong"},
    "wrong_given": {"stated", "figures"},
    "wrong_given_measure": {"stated", "measure", "figures"},
    # _pace, _direction
    "pace": {"measure", "rises", "bigger_or_not", "rates", "faster_or_slower"},
    "direction_moved": {"measure", "old", "old_year", "new", "new_year", "change"},
    "direction_cells": {"first", "first_measure", "first_year", "second", "second_measure", "second_year"},
    "direction_in_year": {"year", "first", "first_measure", "second", "second_measure"},
    "share_published_label": set(),
    "share_not_published_label": set(),
    "ratio_label": set(),
    "measure_label": {"measure"},
    "ratio_to_one": {"ratio"},
    "direction_against": {"what", "new", "new_year", "old", "old_year"},
    "direction_against_moved": {"what", "new", "new_year", "old", "old_year", "up_or_down", "difference"},
    # evaluate
    "leaving_out": {"years"},
    "yes": set(),
    "no": set(),
    "partly": set(),
    "no_nothing_wrong": set(),
    "yes_something_wrong": set(),
    "verdict": {"verdict"},
    "verdict_why": {"verdict", "why"},
    "fall_reported": {"summary"},
    "fall_no_figures": set(),
    "fall_before": {"summary"},
    "fall_none_in_figures": set(),
    "fall_reported_before": {"summary"},
    "followup_reason": set(),
    "followup_rate": set(),
    # choice words, said inside the sentences above
    "more": set(),
    "fewer": set(),
    "rose": set(),
    "fell": set(),
    "sped_up": set(),
    "slowed": set(),
    "held_steady": set(),
    "larger": set(),
    "smaller": set(),
    "the_same": set(),
    "up": set(),
    "down": set(),
    "published": set(),
    "not_published": set(),
    "year": set(),
    "years": set(),
    "biggest": set(),
    "smallest": set(),
    "biggest_percentage": set(),
    "smallest_percentage": set(),
    "more_than": set(),
    "fewer_than": set(),
    "lowest_first": set(),
    "highest_first": set(),
    "bigger": set(),
    "less": set(),
    "not_bigger": set(),
    "grew_faster": set(),
    "grew_slower": set(),
    "then": set(),
})


class Algebra:
    """Values of base and derived measures by period, with the sentences they come from."""

    def __init__(self, facts: FactBase, words: FrameWords) -> None:
        self.facts = facts
        self.derived: dict[str, DerivedMeasure] = {d.id: d for d in words.derived}
        self.ids = [p.id for p in facts.periods]
        self.base = [m.id for m in facts.measures]
        self.per_time = words.per_time
        self.words = words

    def value(self, period: str, measure: str) -> Value | None:
        d = self.derived.get(measure)
        if d is None:
            fig = self.facts.value(period, measure)
            return (fig.value, (fig.source,)) if fig else None
        a, b = self.value(period, d.of), self.value(period, d.minus)
        if a is None or b is None:
            return None
        return a[0] - b[0], a[1] + b[1]

    def label(self, measure: str) -> str:
        d = self.derived.get(measure)
        return d.label if d else self.facts.measure(measure).label

    def plabel(self, period: str) -> str:
        return self.facts.period(period).label

    def chronological(self, ids: tuple[str, ...] | list[str]) -> list[str]:
        return figures.chronological(self.facts, ids)

    def span(self, frame: Frame, between: bool = False) -> list[str]:
        """Every period a frame covers: 'since X' runs to the latest year; with `between`, two ends
        include the years between them ("the total between 2011/12 and 2013/14")."""
        asked = self.chronological(frame.periods)
        if not asked or (frame.overall and len(asked) < 2):
            return list(self.ids)
        if len(asked) == 1:
            return self.ids[self.ids.index(asked[0]) :] if frame.span else asked
        return self.ids[self.ids.index(asked[0]) : self.ids.index(asked[-1]) + 1] if between else asked

    def ends(self, frame: Frame) -> tuple[str, str] | None:
        """The two periods a change is measured between."""
        asked = self.chronological(frame.periods)
        if len(asked) >= 2:
            return asked[0], asked[-1]
        if len(asked) == 1:
            i = self.ids.index(asked[0])
            if frame.span:
                return (asked[0], self.ids[-1]) if i < len(self.ids) - 1 else None
            return (self.ids[i - 1], asked[0]) if i > 0 else (asked[0], self.ids[1]) if len(self.ids) > 1 else None
        return (self.ids[0], self.ids[-1]) if len(self.ids) > 1 else None

    def measures(self, frame: Frame) -> list[str]:
        return [m for m in frame.measures if m in self.base or m in self.derived] or list(self.base)

    def share(self, period: str) -> tuple[float, tuple[Sentence, ...]] | None:
        """Published as a percentage of commissioned in one year (the first two base measures)."""
        if len(self.base) < 2:
            return None
        top, bottom = self.value(period, self.base[1]), self.value(period, self.base[0])
        if not top or not bottom or not bottom[0]:
            return None
        return 100.0 * top[0] / bottom[0], top[1] + bottom[1]


class Result:
    """An answer being built, with the figures a verdict can be checked against."""

    def __init__(self) -> None:
        self.answer = Answer("")
        self.lines: list[str] = []
        self.numbers: list[tuple[float, bool]] = []  # (value, is a percentage)
        self.verdict = ""  # an operation that settles its own yes or no ("more than the two combined?")

    def cite(self, *sources: Sentence) -> None:
        self.answer.add_sources(*sources)

    def done(self, periods: list[str], followups: list[str]) -> Answer:
        lines = [line for text in self.lines for line in text.split("\n") if line]
        self.answer.text = "\n".join(dict.fromkeys(lines))  # a note said by a delegate and here once
        self.answer.periods = periods
        self.answer.followups = followups
        return self.answer


def _pct(value: float) -> str:
    return fmt.percent(value)


_num = fmt.decimal


# -- operations ---------------------------------------------------------------------------------


def gap(al: Algebra, frame: Frame, q: Query) -> Result:
    """Commissioned minus published, year by year: "how many more were commissioned than published"."""
    r = Result()
    derived = next(iter(al.derived.values()), None)
    if derived is None:
        r.lines.append(SAY.say("cannot_compare"))
        return r
    cells = _cell_pair(al, q)
    if cells:  # "how many more were published in 2013/14 than commissioned in 2011/12?": one cell against the other
        (a, a_at), (b, b_at) = cells
        d = a[0] - b[0]
        first, second, difference = _cell(al, a, a_at), _cell(al, b, b_at, bare=True), fmt.number(abs(d))
        more_or_fewer = SAY.say("more") if d >= 0 else SAY.say("fewer")
        if q.has("percent") and b[0]:
            r.lines.append(SAY.say("cells_gap_relative", first=first, second=second, difference=difference,
                                   more_or_fewer=more_or_fewer,
                                   relative=f"{'+' if d >= 0 else '-'}{_pct(abs(100 * d / b[0]))}"))
        else:
            r.lines.append(SAY.say("cells_gap", first=first, second=second, difference=difference,
                                   more_or_fewer=more_or_fewer))
        r.numbers.append((abs(d), False))
        r.cite(*a[1], *b[1])
        r.answer.periods = [a_at[0], b_at[0]]
        return r
    periods = al.span(frame, between=frame.range)  # ("over 2011/12-2013/14": the year between too)
    rows = []
    for p in periods:
        of, minus, diff = al.value(p, derived.of), al.value(p, derived.minus), al.value(p, derived.id)
        if of and minus and diff:
            rows.append((p, of[0], minus[0], diff[0]))
            r.cite(*diff[1])
            r.numbers.append((diff[0], False))
    if len(rows) == 1:
        p, a, b, d = rows[0]
        r.lines.append(SAY.say("gap_one_year", year=al.plabel(p), of=derived.of, of_count=fmt.number(a),
                               minus=derived.minus, minus_count=fmt.number(b), gap=fmt.number(d)))
    else:
        r.lines.append(SAY.say("gap_by_year", of=derived.of, minus=derived.minus))
        for p, a, b, d in rows:
            r.lines.append(f"• {al.plabel(p)}: {fmt.number(a)} − {fmt.number(b)} = {fmt.number(d)}")
        total = sum(row[3] for row in rows)
        at = [al.ids.index(p) for p, *_ in rows]
        labels = [al.plabel(p) for p, *_ in rows]
        over = fmt.period_span(labels) if at == list(range(at[0], at[0] + len(at))) else fmt.join(labels)
        r.lines.append(SAY.say("gap_total", years=over, total=fmt.number(total)))  # ("over 2011/12 and 2013/14")
        r.numbers.append((total, False))
    r.lines.append(SAY.say("gap_note"))
    return r


def _cell_pair(al: Algebra, q: Query) -> tuple[tuple[Value, tuple[str, str]], tuple[Value, tuple[str, str]]] | None:
    """"Published in 2013/14 than commissioned in 2011/12", "the difference between commissioned in 2011/12 and
    published in 2013/14": two cells, each measure with its own year, in the order named (with their figures)."""
    named = list(dict.fromkeys(t for t in q.tokens if t in al.base))
    asked = [p for p in q.periods if p in al.ids]
    if len(named) != 2 or len(asked) != 2 or not crosses_cells(al.base, q.text):
        return None
    a, b = al.value(asked[0], named[0]), al.value(asked[1], named[1])
    return ((a, (asked[0], named[0])), (b, (asked[1], named[1]))) if a and b else None


def _cell(al: Algebra, v: Value, at: tuple[str, str], bare: bool = False) -> str:
    """"114 SCRs commissioned in 2013/14" (or, second, "31 published in 2012/13")."""
    return SAY.say("cell_bare" if bare else "cell", count=fmt.number(v[0]), measure=al.label(at[1]),
                   year=al.plabel(at[0]))


def value(al: Algebra, frame: Frame, q: Query) -> Result:
    measures = al.measures(frame)
    if any(m in al.derived for m in measures):
        return gap(al, frame, q)
    r = Result()
    base = figures.count(al.facts, _with_periods(q, al.span(frame, between=frame.range) if frame.overall or frame.range
                                                  else None))
    r.lines.append(base.text)
    r.cite(*base.sources)
    shown = base.periods or al.ids
    for m in measures:
        values = [v[0] for p in shown if (v := al.value(p, m))]
        r.numbers += [(v, False) for v in values]
        if len(values) > 1:
            r.numbers.append((sum(values), False))  # "250 across the three years, right?"
            if frame.overall or says_any(q.text, ("overall total", "grand total", "the total", "in total")):
                # "over those two years?", "... and the overall total"
                r.lines.append(SAY.say("together", total=fmt.number(sum(values)), measure=al.label(m)))
    r.answer.followups = base.followups
    r.answer.periods = base.periods
    return r


def change(al: Algebra, frame: Frame, q: Query) -> Result:
    r = Result()
    if q.missing and len(frame.periods) == 1:
        # "from 2013/14 to 2014/15" without 2014/15: say so and give 2013/14, never another pair's change.
        only = value(al, frame._replace(span=False), q)
        only.lines.append(SAY.say("change_missing_year", missing=fmt.join(q.missing)))
        return only
    ends = al.ends(frame)
    if ends is None and len(frame.periods) == 1 and frame.periods[0] in al.ids[1:] and (says_any(
            q.text, ("up from", "down from", "from what", "compared with what", "on the year before",
                     "on the previous year", "from the year before")) or _FROM_TO.search(q.text)):  # ("went from 81 to
        # 141 in 13/14?": from the year before)
        at = al.ids.index(frame.periods[0])  # "that's up from what?" after a year's figure: from the year before
        ends = (al.ids[at - 1], frame.periods[0])
    if ends is None:
        return _one_year(SAY.say("one_year_no_change"))
    old, new = ends
    steps = [(old, new)]
    if len(frame.periods) >= 3 and not frame.overall:  # ("over the period": from its first year to its last)
        chosen = al.chronological(frame.periods)
        steps = list(itertools.pairwise(chosen))
    for m in al.measures(frame):
        for a_id, b_id in steps:
            a, b = al.value(a_id, m), al.value(b_id, m)
            if not a or not b:
                continue
            measure, old_n, new_n, old_year, new_year = (al.label(m), fmt.number(a[0]), fmt.number(b[0]),
                                                         al.plabel(a_id), al.plabel(b_id))
            words = fmt.multiple(a[0], b[0])  # ("more than doubled"; never said of an unchanged figure)
            rose_or_fell = "" if b[0] == a[0] else SAY.say("rose") if b[0] > a[0] else SAY.say("fell")
            if b[0] == a[0]:
                r.lines.append(SAY.say("unchanged", measure=measure, old=old_n, old_year=old_year, new=new_n,
                                       new_year=new_year))
            elif words:
                r.lines.append(SAY.say("changed_multiple", measure=measure, rose_or_fell=rose_or_fell, old=old_n,
                                       old_year=old_year, new=new_n, new_year=new_year,
                                       change=fmt.change(a[0], b[0]), multiple=words))
            else:
                r.lines.append(SAY.say("changed", measure=measure, rose_or_fell=rose_or_fell, old=old_n,
                                       old_year=old_year, new=new_n, new_year=new_year,
                                       change=fmt.change(a[0], b[0])))
            r.cite(*a[1], *b[1])
            r.numbers.append((b[0] - a[0], False))
            if a[0]:
                r.numbers.append((100.0 * (b[0] - a[0]) / a[0], True))
            lower = _lower_than(al, frame, q, m, a, b, a_id, b_id)
            if lower:  # "by what percentage was 2012/13 lower than 2013/14?": as a share of the larger year's
                r.lines.append(lower[0])
                r.numbers.append((lower[1], True))
        if len(steps) == 2:  # two steps of one measure: did growth speed up or slow down?
            ends = [(al.value(a_id, m), al.value(b_id, m)) for a_id, b_id in steps]
            if all(a and b and a[0] for a, b in ends):
                (a1, b1), (a2, b2) = ends
                counts = (b1[0] - a1[0], b2[0] - a2[0])
                rates = (100 * counts[0] / a1[0], 100 * counts[1] / a2[0])
                pace = (SAY.say("sped_up") if rates[1] > rates[0] else SAY.say("slowed") if rates[1] < rates[0]
                        else SAY.say("held_steady"))
                size = (SAY.say("larger") if counts[1] > counts[0] else SAY.say("smaller") if counts[1] < counts[0]
                        else SAY.say("the_same"))
                signed = [f"{'+' if v >= 0 else '-'}{_pct(abs(v))}" for v in rates]
                r.numbers.append((abs(counts[1] - counts[0]), False))
                if counts[0] != counts[1]:
                    r.lines.append(SAY.say("growth_pace_by", pace=pace, first_rate=signed[0], second_rate=signed[1],
                                           size=size, first_rise=fmt.number(counts[0]),
                                           second_rise=fmt.number(counts[1]),
                                           difference=fmt.number(abs(counts[1] - counts[0]))))
                else:
                    r.lines.append(SAY.say("growth_pace", pace=pace, first_rate=signed[0], second_rate=signed[1],
                                           size=size, first_rise=fmt.number(counts[0]),
                                           second_rise=fmt.number(counts[1])))
    if any(m in al.derived for m in al.measures(frame)):
        r.lines.append(SAY.say("gap_note"))
    r.answer.periods = [steps[0][0], *(b for _, b in steps)]
    return r


_FROM_TO = LazyPattern(r"\bfrom \d+ to \d+\b")  # "went from 81 to 141": two figures, a year's and the one before


def _lower_than(al: Algebra, frame: Frame, q: Query, m: str, a: tuple, b: tuple, a_id: str,
                b_id: str) -> tuple[str, float] | None:
    """"By what percentage was the 2012/13 figure lower than 2013/14's?": the year named first, below the other, as
    a percentage of the other (81 is 28.9% lower than 114), which the rise from it (+40.7%) is not."""
    if len(frame.periods) != 2 or not q.has("percent") or not says_any(q.text, al.words.check_list("lower_than")):
        return None
    first, second = (a, b) if frame.periods[0] == a_id else (b, a)
    first_id, second_id = (a_id, b_id) if first is a else (b_id, a_id)
    if not second[0] or first[0] >= second[0]:
        return None
    share = 100.0 * (second[0] - first[0]) / second[0]
    return SAY.say("lower_than", measure=al.label(m), first_year=al.plabel(first_id), first=fmt.number(first[0]),
                   share=_pct(share), second_year=al.plabel(second_id), second=fmt.number(second[0]),
                   fewer=fmt.number(second[0] - first[0])), share


def _one_year(said: str) -> Result:
    """The answer when the question's years come down to one: "there is no change to compare"."""
    r = Result()
    r.lines.append(said)
    return r


def pp_change(al: Algebra, frame: Frame, q: Query) -> Result:
    """The share published, moved in percentage points between two years."""
    r = Result()
    ends = al.ends(frame)
    if ends is None:
        return _one_year(SAY.say("one_year_no_change"))
    steps = [ends]
    covered = al.span(frame) if frame.span else list(al.ids) if not frame.periods else list(ends)
    if len(covered) > 2:  # every step, then overall
        steps = [*itertools.pairwise(covered)]
    what = SAY.say("not_published") if any(m in al.derived for m in frame.measures) else SAY.say("published")
    for a_id, b_id in steps:
        a, b = _share_of(al, frame, a_id), _share_of(al, frame, b_id)
        if not a or not b:
            continue
        diff = b[0] - a[0]
        up_or_down = SAY.say("up") if diff > 0 else SAY.say("down")
        points = fmt.percent(abs(diff))[:-1]
        if a[0]:
            r.lines.append(SAY.say("pp_moved_relative", what=what, old=_pct(a[0]), old_year=al.plabel(a_id),
                                   new=_pct(b[0]), new_year=al.plabel(b_id), up_or_down=up_or_down, points=points,
                                   relative=f"{'+' if diff >= 0 else '-'}{_pct(abs(100 * diff / a[0]))}"))
        else:
            r.lines.append(SAY.say("pp_moved", what=what, old=_pct(a[0]), old_year=al.plabel(a_id), new=_pct(b[0]),
                                   new_year=al.plabel(b_id), up_or_down=up_or_down, points=points))
        r.cite(*a[1], *b[1])
        r.numbers.append((diff, True))
    if len(steps) > 1:
        a, b = _share_of(al, frame, covered[0]), _share_of(al, frame, covered[-1])
        if a and b:
            diff = b[0] - a[0]
            r.lines.append(SAY.say("pp_overall", first_year=al.plabel(covered[0]), last_year=al.plabel(covered[-1]),
                                   up_or_down=SAY.say("up") if diff > 0 else SAY.say("down"),
                                   points=fmt.percent(abs(diff))[:-1]))
            r.numbers.append((diff, True))
    r.answer.periods = covered
    return r


def share(al: Algebra, frame: Frame, q: Query) -> Result:
    r = Result()
    named = list(dict.fromkeys(t for t in q.tokens if t in al.base))
    asked = [p for p in q.periods if p in al.ids]
    repeated = len(named) == 1 and q.tokens.count(named[0]) == 2  # "commissioned 2012/13 ... of commissioned 2013/14"
    if (len(named) == 2 or repeated) and len(asked) == 2 and _OF_ANOTHER.search(q.text):
        # "published in 2013/14 as a percentage of those commissioned in 2012/13": one cell of the other
        part, whole = al.value(asked[0], named[0]), al.value(asked[1], named[-1])
        if part and whole and whole[0]:
            pct = 100.0 * part[0] / whole[0]
            r.lines.append(SAY.say("share_of_cell", part=fmt.number(part[0]), part_measure=al.label(named[0]),
                                   part_year=al.plabel(asked[0]), whole=fmt.number(whole[0]),
                                   whole_measure=al.label(named[-1]), whole_year=al.plabel(asked[1]),
                                   share=_pct(pct)))
            r.cite(*part[1], *whole[1])
            r.numbers.append((pct, True))
            r.answer.periods = asked
            return r
    periods = al.span(frame, between=frame.range) if frame.span or frame.overall else \
        al.chronological(frame.periods) or list(al.ids)  # ("overall ... 2011/12-2013/14": the years between too)
    negated = any(m in al.derived for m in frame.measures)
    what = SAY.say("not_published") if negated else SAY.say("published")
    rows = []
    for p in periods:
        s = _share_of(al, frame, p)
        if s:
            rows.append((p, s[0]))
            r.cite(*s[1])
            r.numbers.append((s[0], True))
    com, pub = al.base[0], al.base[1]
    totals = [al.value(p, com) for p in periods], [al.value(p, pub) for p in periods]
    sum_com = sum(v[0] for v in totals[0] if v)
    sum_pub = sum(v[0] for v in totals[1] if v)
    pooled_part = sum_com - sum_pub if negated else sum_pub
    pooled = 100.0 * pooled_part / sum_com if sum_com else 0.0
    if frame.overall and len(periods) > 1:
        years = fmt.period_span([al.plabel(p) for p in periods])
        if negated:
            r.lines.append(SAY.say("share_pooled_not_published", years=years, commissioned=fmt.number(sum_com),
                                   not_published=fmt.number(sum_com - sum_pub), share=_pct(pooled)))
        else:
            r.lines.append(SAY.say("share_pooled", years=years, commissioned=fmt.number(sum_com),
                                   published=fmt.number(sum_pub), share=_pct(pooled)))
        r.numbers.append((pooled, True))
        counts = {p: (a[0] - b[0] if negated else b[0], a[0]) for p in periods
                  if (a := al.value(p, com)) and (b := al.value(p, pub))}
        r.lines.append(SAY.say("share_year_by_year", shares="; ".join(
            f"{al.plabel(p)} {_pct(v)}" + (" (" + SAY.say("part_of_whole", part=fmt.number(counts[p][0]),
                                                          whole=fmt.number(counts[p][1])) + ")"
                                           if p in counts else "") for p, v in rows)))
    elif len(rows) == 1:
        p, pct = rows[0]
        a, b = al.value(p, com), al.value(p, pub)
        assert a and b
        r.lines.append(SAY.say("share_one_year", year=al.plabel(p), published=fmt.number(b[0]),
                               commissioned=fmt.number(a[0]), share=_pct(pct), what=what))
    else:
        r.lines.append(SAY.say("share_by_year", what=what))
        for p, pct in rows:
            a, b = al.value(p, com), al.value(p, pub)
            part = (a[0] - b[0] if negated else b[0]) if a and b else None  # ("12 of 55": the counts behind it)
            r.lines.append(f"• {al.plabel(p)}: {_pct(pct)}" + (
                " (" + SAY.say("part_of_whole", part=fmt.number(part), whole=fmt.number(a[0])) + ")"
                if part is not None and a else ""))
        if len(rows) == 2:
            r.lines.append(SAY.say("share_both_years", part=fmt.number(pooled_part), whole=fmt.number(sum_com),
                                   share=_pct(pooled)))
        else:
            r.lines.append(SAY.say("share_all_years", n=fmt.words(len(rows)), part=fmt.number(pooled_part),
                                   whole=fmt.number(sum_com), share=_pct(pooled)))
        r.numbers.append((pooled, True))
        if rows and (q.has("most", "fewest", "which") or frame.lowest):
            pick = min if frame.lowest else max
            best = pick(rows, key=lambda row: row[1])
            r.lines.append(SAY.say("lowest_year" if pick is min else "highest_year", year=al.plabel(best[0])))
            r.answer.periods = [best[0]]
            return r
    r.lines += _scaled_shares(al, q, rows)
    r.answer.periods = [p for p, _ in rows]
    return r


def _scaled_shares(al: Algebra, q: Query, rows: list[tuple[str, float]]) -> list[str]:
    """"One in how many?", "per 100 commissioned?", "for every 10?": each share said that way too."""
    lines = []
    if _ONE_IN.search(q.text):
        lines += [SAY.say("one_in", year=al.plabel(p), n=f"{100 / pct:.1f}") for p, pct in rows if pct]
    per = _PER_N.search(q.text)
    if per:
        n = int(per.group(1).replace(",", ""))
        lines += [SAY.say("per_n", year=al.plabel(p), count=fmt.number(round(pct * n / 100, 1)), n=fmt.number(n))
                  for p, pct in rows]
    return lines


_ONE_IN = LazyPattern(r"\b(?:one|1) in (?:how many|x|every how many)\b|\bas (?:one|1) in\b|\b(?:one|1) in x\b")
_PER_N = LazyPattern(r"\b(?:per|for every|out of every|in every) (10|100|1,?000)\b")


def _ordered_measures(al: Algebra, q: Query) -> list[str]:
    """Base measures in the order the question names them ("ratio of published to commissioned"); "for every
    published SCR, how many were commissioned" puts the measure after "for every" second."""
    named = [t for t in q.tokens if t in al.base]
    order = list(dict.fromkeys(named))
    padded = f" {q.text} "
    per = padded.split(" for every ", 1)[1].split() if " for every " in padded else []
    after = next((m for w in per[:3] for m in al.base if w.startswith(m[:6])), None)
    if after and after in order and len(order) == 2 and order[0] == after:
        order.reverse()
    return order + [m for m in al.base if m not in order]


def ratio(al: Algebra, frame: Frame, q: Query) -> Result:
    r = Result()
    if len(frame.measures) == 1 and len(frame.periods) == 2:  # "ratio of published in 2013/14 to 2012/13"
        p1, p2 = frame.periods
        if not any(ch.isdigit() for ch in q.text):  # "and as a ratio?" after two years: the later to the earlier
            p2, p1 = al.chronological(list(frame.periods))
        if _years_ratio(al, r, frame.measures[0], p2, p1, as_ratio=True):
            r.answer.periods = [p1, p2]
            return r
    first, second = _ordered_measures(al, q)[:2]
    periods = al.span(frame)
    seen: list[tuple[str, float]] = []
    for p in periods:
        a, b = al.value(p, first), al.value(p, second)
        if a and b and b[0]:
            x = a[0] / b[0]
            r.lines.append(SAY.say("ratio_year", year=al.plabel(p), first=fmt.number(a[0]),
                                   first_measure=al.label(first), second=fmt.number(b[0]),
                                   second_measure=al.label(second), ratio=f"{x:.2f}", ratio_1=f"{x:.1f}"))
            r.cite(*a[1], *b[1])
            r.numbers.append((round(x, 2), False))
            seen.append((p, x))
    if len(seen) >= 2 and round(seen[0][1], 2) != round(seen[-1][1], 2):  # "... and did it go up or down?"
        (p1, x1), (p2, x2) = seen[0], seen[-1]
        r.lines.append(SAY.say("ratio_moved", first_year=al.plabel(p1), last_year=al.plabel(p2),
                               rose_or_fell=SAY.say("rose") if x2 > x1 else SAY.say("fell"),
                               first_ratio=f"{x1:.2f}", last_ratio=f"{x2:.2f}"))
    if frame.overall and len(periods) > 1:
        sa = sum(v[0] for p in periods if (v := al.value(p, first)))
        sb = sum(v[0] for p in periods if (v := al.value(p, second)))
        if sb:
            r.lines.append(SAY.say("ratio_together", first=fmt.number(sa), first_measure=al.label(first),
                                   second=fmt.number(sb), second_measure=al.label(second), ratio=f"{sa / sb:.2f}",
                                   ratio_1=f"{sa / sb:.1f}"))
            r.numbers.append((round(sa / sb, 2), False))
    r.answer.periods = periods
    return r


def average(al: Algebra, frame: Frame, q: Query) -> Result:
    r = Result()
    periods = al.span(frame, between=True)
    if frame.of_share:
        shares = [(p, v) for p in periods if (v := al.share(p))]
        if shares:
            mean = sum(v[0] for _, v in shares) / len(shares)
            pooled = share(al, frame._replace(overall=True, periods=tuple(periods)), q)
            r.lines.append(SAY.say("average_share", mean=_pct(mean),
                                   shares="; ".join(f"{al.plabel(p)} {_pct(v[0])}" for p, v in shares)))
            r.lines += pooled.lines[:1]
            for _, v in shares:
                r.cite(*v[1])
            r.numbers += [(mean, True), *pooled.numbers]
        r.answer.periods = periods
        return r
    if frame.of_change and len(periods) > 1:
        for m in al.measures(frame):
            a, b = al.value(periods[0], m), al.value(periods[-1], m)
            if a and b:
                steps = len(periods) - 1
                mean = (b[0] - a[0]) / steps
                r.lines.append(SAY.say("average_change", measure=al.label(m), old=fmt.number(a[0]),
                                       old_year=al.plabel(periods[0]), new=fmt.number(b[0]),
                                       new_year=al.plabel(periods[-1]), change=fmt.change(a[0], b[0]),
                                       n=fmt.words(steps), years=SAY.say("years") if steps != 1 else SAY.say("year"),
                                       mean=_num(round(mean, 1))))
                r.cite(*a[1], *b[1])
                r.numbers.append((round(mean, 1), False))
        r.answer.periods = periods
        return r
    for m in al.measures(frame):
        values = [v for p in periods if (v := al.value(p, m))]
        if not values:
            continue
        total = sum(v[0] for v in values)
        mean = total / len(values)
        r.lines.append(SAY.say("average_count", mean=_num(round(mean, 1)), measure=al.label(m),
                               total=fmt.number(total), n=fmt.words(len(values)),
                               years=SAY.say("years") if len(values) != 1 else SAY.say("year"),
                               span=fmt.period_span([al.plabel(p) for p in periods])))
        for v in values:
            r.cite(*v[1])
        r.numbers.append((round(mean, 1), False))
    r.answer.periods = periods
    return r


def total(al: Algebra, frame: Frame, q: Query) -> Result:
    cells = _cell_pair(al, q)
    if cells:  # "the combined total of SCRs commissioned in 2011/12 and published in 2013/14"
        r = Result()
        (a, a_at), (b, b_at) = cells
        r.lines.append(SAY.say("cells_total", first=_cell(al, a, a_at), second=_cell(al, b, b_at, bare=True),
                               total=fmt.number(a[0] + b[0])))
        r.numbers.append((a[0] + b[0], False))
        r.cite(*a[1], *b[1])
        r.answer.periods = [a_at[0], b_at[0]]
        return r
    if not any(m in al.derived for m in frame.measures):
        # "between 2011/12 and 2013/14" counts the year between; "in 2011/12 and 2013/14" only those two
        base = figures.total(al.facts, _with_periods(q, al.span(frame, between=frame.range or not frame.periods)))
        r = Result()
        r.lines.append(base.text)
        r.cite(*base.sources)
        r.answer.periods = base.periods
        r.answer.followups = base.followups
        for m in al.measures(frame):
            r.numbers.append((sum(v[0] for p in (base.periods or []) if (v := al.value(p, m))), False))
        return r
    return gap(al, frame._replace(overall=True), q)


def times(al: Algebra, frame: Frame, q: Query) -> Result:
    cells = _cell_pair(al, q)
    if cells and cells[1][0][0]:  # "how many times bigger was 2013/14 commissioned than 2012/13 published?"
        r = Result()
        (a, a_at), (b, b_at) = cells
        x = a[0] / b[0]
        r.lines.append(SAY.say("cells_times", first=_cell(al, a, a_at), second=_cell(al, b, b_at, bare=True),
                               times=f"{x:.1f}"))
        r.numbers.append((round(x, 1), False))
        r.cite(*a[1], *b[1])
        r.answer.periods = [a_at[0], b_at[0]]
        return r
    named = {t for t in q.tokens if t in al.base}
    if len(named) >= 2 and len(frame.periods) <= 1:
        return ratio(al, frame, q)
    r = Result()
    ends = al.ends(frame._replace(span=True)) if len(frame.periods) == 1 else al.ends(frame)
    if ends is None:
        return _one_year(SAY.say("one_year_nothing"))
    old, new = ends
    of_rate = (says_any(q.text, ("rate", "rates", "share", "proportion")) or frame.of_share) and q.measure in (
        None, al.base[-1]) and \
        not any(m in al.derived for m in frame.measures)  # (not "the rate of commissioning", "the share not
    # published"; `of_share`: "how many times higher?" after two rates)
    a, b = (al.share(old), al.share(new)) if of_rate else (None, None)
    if a and b and a[0]:  # "by what factor did the publication rate grow?": of the shares, not the counts
        x = b[0] / a[0]
        r.lines.append(SAY.say("times_share", old=_pct(a[0]), old_year=al.plabel(old), new=_pct(b[0]),
                               new_year=al.plabel(new), times=f"{x:.1f}"))
        r.cite(*a[1], *b[1])
        r.numbers.append((round(x, 1), False))
        r.answer.periods = [old, new]
        return r
    for m in al.measures(frame):
        _years_ratio(al, r, m, old, new)
    r.answer.periods = [old, new]
    return r


def _years_ratio(al: Algebra, r: Result, m: str, base: str, other: str, as_ratio: bool = False) -> bool:
    """One measure's figure in `other` against `base` ("2.3 times as many"); False when either is missing or 0."""
    a, b = al.value(base, m), al.value(other, m)
    if not (a and b and a[0]):
        return False
    x = b[0] / a[0]
    measure, year, base_year, count, base_count = (al.label(m), al.plabel(other), al.plabel(base), fmt.number(b[0]),
                                                   fmt.number(a[0]))
    if as_ratio and x < 1 and b[0]:  # "the ratio between 2011/12 and 2013/14": 0.48 to 1, and the other way round
        r.lines.append(SAY.say("years_ratio_inverse", measure=measure, year=year, base_year=base_year, count=count,
                               base_count=base_count, ratio=f"{x:.2f}", inverse=f"{1 / x:.2f}"))
        r.numbers.append((round(1 / x, 2), False))
    elif as_ratio:  # "the ratio of published in 2013/14 to 2012/13"
        r.lines.append(SAY.say("years_ratio", measure=measure, year=year, base_year=base_year, count=count,
                               base_count=base_count, ratio=f"{x:.2f}", times=f"{x:.1f}"))
    else:
        r.lines.append(SAY.say("years_times", measure=measure, year=year, base_year=base_year, count=count,
                               base_count=base_count, times=f"{x:.1f}"))
    r.cite(*a[1], *b[1])
    r.numbers.append((round(x, 2 if as_ratio else 1), False))
    return True


def faster(al: Algebra, frame: Frame, q: Query) -> Result:
    r = Result()
    ends = al.ends(frame)
    if ends is None:
        return _one_year(SAY.say("one_year_no_growth"))
    old, new = ends
    growth = []
    for m in al.base:
        a, b = al.value(old, m), al.value(new, m)
        if a and b and a[0]:
            growth.append((100.0 * (b[0] - a[0]) / a[0], m, a, b))
            r.cite(*a[1], *b[1])
    if len(growth) < 2:
        r.lines.append(SAY.say("faster_missing"))
        return r
    growth.sort(reverse=True)
    (g1, m1, a1, b1), (g2, m2, a2, b2) = growth[:2]
    r.lines.append(SAY.say("faster", old_year=al.plabel(old), new_year=al.plabel(new), faster=al.label(m1),
                           faster_old=fmt.number(a1[0]), faster_new=fmt.number(b1[0]),
                           faster_change=fmt.change(a1[0], b1[0]), slower=al.label(m2), slower_old=fmt.number(a2[0]),
                           slower_new=fmt.number(b2[0]), slower_change=fmt.change(a2[0], b2[0])))
    r.numbers += [(g1, True), (g2, True)]
    points = _pct(g1 - g2)[:-1]
    r.lines.append(SAY.say("faster_difference_times", points=points, times=f"{g1 / g2:.1f}") if g2 > 0 else
                   SAY.say("faster_difference", points=points))
    d1, d2 = b1[0] - a1[0], b2[0] - a2[0]
    if d1 == d2:
        r.lines.append(SAY.say("faster_same_rise", rise=fmt.number(d1)))
    else:
        bigger = al.label(m1) if d1 > d2 else al.label(m2)
        r.lines.append(SAY.say("faster_bigger_rise", measure=bigger, bigger=fmt.number(max(d1, d2)),
                               smaller=fmt.number(min(d1, d2))))
    r.answer.periods = [old, new]
    return r


def extreme(al: Algebra, frame: Frame, q: Query) -> Result:
    r = Result()
    if frame.yesno and frame.periods:
        q.periods = []  # "was 2012/13 a record year?" compares it with every year
    if frame.of_change:
        relative = " percent" in f" {q.text}" or " percentage" in f" {q.text}"  # "the biggest percentage rise"
        for m in al.measures(frame):
            steps = []
            for a_id, b_id in itertools.pairwise(al.ids):
                a, b = al.value(a_id, m), al.value(b_id, m)
                if a and b and (a[0] or not relative):
                    steps.append(((b[0] - a[0]) / a[0] if relative else b[0] - a[0], a_id, b_id, a, b))
            if not steps:
                continue
            pick = min(steps) if frame.lowest else max(steps)
            _, a_id, b_id, a, b = pick
            if relative:
                which = SAY.say("smallest_percentage") if frame.lowest else SAY.say("biggest_percentage")
            else:
                which = SAY.say("smallest") if frame.lowest else SAY.say("biggest")
            r.lines.append(SAY.say("extreme_change", which=which, measure=al.label(m), year=al.plabel(b_id),
                                   old=fmt.number(a[0]), new=fmt.number(b[0]), change=fmt.change(a[0], b[0]),
                                   old_year=al.plabel(a_id)))
            r.cite(*a[1], *b[1])
        r.answer.periods = list(al.ids)
        return r
    if any(m in al.derived for m in frame.measures):
        both = frame.lowest and q.has("most")  # "the biggest and smallest gap"
        for m in frame.measures:
            rows = [(v[0], p, v) for p in al.ids if (v := al.value(p, m))]
            for lowest in ((False, True) if both else (frame.lowest,)):
                if not rows:
                    continue
                best = (min if lowest else max)(row[0] for row in rows)
                ties = [row for row in rows if row[0] == best]  # 43 in 2011/12 and in 2013/14
                r.lines.append(SAY.say("extreme_gap_fewest" if lowest else "extreme_gap_most", measure=al.label(m),
                                       gap=fmt.number(best), years=fmt.join([al.plabel(row[1]) for row in ties])))
                for row in ties:
                    r.cite(*row[2][1])
                r.answer.periods = [row[1] for row in ties]
        r.lines.append(SAY.say("gap_note"))
        return r
    base = figures.extreme(al.facts, q)
    r.lines.append(base.text)
    r.cite(*base.sources)
    r.answer.periods = base.periods
    r.answer.followups = base.followups
    return r


def trend(al: Algebra, frame: Frame, q: Query) -> Result:
    base = figures.trend(al.facts, q)
    r = Result()
    r.lines.append(base.text)
    r.cite(*base.sources)
    r.answer.periods = base.periods
    r.answer.people = base.people
    r.answer.followups = base.followups
    return r


def identify(al: Algebra, frame: Frame, q: Query) -> Result:
    """"81: commissioned or published, and which year?": every figure, derived or not, equal to the number."""
    r = Result()
    claim = frame.claim
    if claim is None:
        return value(al, frame, q)
    found = []
    cells = []
    # only a measure the question names ("what's 81 then?" after published figures may be the commissioned one)
    named = [m for m in frame.measures if m in al.derived or (m in al.base and m in q.tokens)]
    for p in al.ids:
        for m in named or [*al.base, *al.derived]:
            v = al.value(p, m)
            if v and not claim.percent and v[0] == claim.value:
                period = al.facts.period(p)  # "71 were published in which year?": the months it runs over too
                found.append(SAY.say("identify_count_item", measure=al.label(m), year=al.plabel(p),
                                     start=f"{period.start:%B %Y}", end=f"{period.end:%B %Y}"))
                cells.append((p, m))
                r.cite(*v[1])
        s = al.share(p)
        if s and claim.percent and abs(s[0] - claim.value) < 0.5:
            found.append(SAY.say("identify_share_item", year=al.plabel(p), share=_pct(s[0])))
            r.cite(*s[1])
    if len(cells) == 1:  # "what's the 114 then?" - "and in 2012/13?": of that figure's measure and year
        q.measure = cells[0][1]
        r.answer.periods = [cells[0][0]]
    shown = f"{_num(claim.value)}{'%' if claim.percent else ''}"
    if found:
        r.lines.append(SAY.say("identify_share" if claim.percent else "identify_count", number=shown,
                               found=fmt.join(found)))
    else:  # "in which year were 50 published?": in none; with no measure named, no figure of the article is it
        r.lines.append(SAY.say("identify_no_year", number=shown, measures=fmt.join([al.label(m) for m in named]))
                       if named and not claim.percent else SAY.say("identify_none", number=shown))
        said = next((s for s in al.facts.article.sentences if re.search(rf"(?<![\d.]){re.escape(shown)}(?![\d.])",
                                                                         s.text)), None)
        if said is not None and not named:  # "what is the 20?": not an SCR count, but the article has it
            r.lines[-1] = SAY.say("identify_in_article", number=shown, quoted=f"“{said.text}”")
            r.cite(said)
            return r
        base = figures.count(al.facts, _with_periods(q, list(frame.periods) or None))
        r.lines.append(base.text)
        r.cite(*base.sources)
    if len(cells) != 1:
        r.answer.periods = list(frame.periods)
    return r


def cagr(al: Algebra, frame: Frame, q: Query) -> Result:
    """Compound annual growth between two years: (last / first) ** (1 / years) - 1."""
    r = Result()
    ends = al.ends(frame)
    if ends is None:
        return _one_year(SAY.say("one_year_no_growth_rate"))
    old, new = ends
    years = al.ids.index(new) - al.ids.index(old)
    for m in al.measures(frame):
        a, b = al.value(old, m), al.value(new, m)
        if a and b and a[0] > 0 and years > 0:
            rate = 100.0 * ((b[0] / a[0]) ** (1 / years) - 1)
            r.lines.append(SAY.say("cagr", measure=al.label(m), old=fmt.number(a[0]), old_year=al.plabel(old),
                                   new=fmt.number(b[0]), new_year=al.plabel(new), rate=_pct(rate), n=fmt.words(years),
                                   years=SAY.say("years") if years != 1 else SAY.say("year")))
            r.cite(*a[1], *b[1])
            r.numbers.append((rate, True))
    r.answer.periods = [old, new]
    return r


def median(al: Algebra, frame: Frame, q: Query) -> Result:
    r = Result()
    periods = al.span(frame, between=True)
    for m in al.measures(frame):
        values = sorted((v[0], p, v) for p in periods if (v := al.value(p, m)))
        if not values:
            continue
        mid = len(values) // 2
        med = values[mid][0] if len(values) % 2 else (values[mid - 1][0] + values[mid][0]) / 2
        r.lines.append(SAY.say("median", measure=al.label(m), span=fmt.period_span([al.plabel(p) for p in periods]),
                               median=_num(med), values=", ".join(fmt.number(v[0]) for v in values)))
        for v in values:
            r.cite(*v[2][1])
        r.numbers.append((float(med), False))
    r.answer.periods = periods
    return r


def portion(al: Algebra, frame: Frame, q: Query) -> Result:
    """One year's part of a measure's total over every year ("what share of all commissioned came in 2013/14")."""
    r = Result()
    asked = al.chronological(frame.periods) or list(al.ids)
    for m in al.measures(frame)[:1] if frame.measures else al.base:
        values = {p: v for p in al.ids if (v := al.value(p, m))}
        whole = sum(v[0] for v in values.values())
        if not whole:
            continue
        for p in asked:
            if p in values:
                part = values[p][0]
                r.lines.append(SAY.say("portion", part=fmt.number(part), whole=fmt.number(whole), measure=al.label(m),
                                       span=fmt.period_span([al.plabel(x) for x in al.ids]), year=al.plabel(p),
                                       share=_pct(100.0 * part / whole)))
                r.numbers.append((100.0 * part / whole, True))
        for v in values.values():
            r.cite(*v[1])
    r.answer.periods = asked
    return r


def spread(al: Algebra, frame: Frame, q: Query) -> Result:
    """The range: highest minus lowest over the years."""
    r = Result()
    periods = al.span(frame, between=True)
    for m in al.measures(frame):
        rows = sorted((v[0], p, v) for p in periods if (v := al.value(p, m)))
        if len(rows) < 2:
            continue
        (low, lp, lv), (high, hp, hv) = rows[0], rows[-1]
        r.lines.append(SAY.say("spread", measure=al.label(m), low=fmt.number(low), low_year=al.plabel(lp),
                               high=fmt.number(high), high_year=al.plabel(hp), range=fmt.number(high - low)))
        r.cite(*lv[1], *hv[1])
        r.numbers.append((float(high - low), False))
    r.answer.periods = periods
    return r


def per_time(al: Algebra, frame: Frame, q: Query) -> Result:
    """A year's figure spread evenly over weeks or months: an average, said to be one."""
    r = Result()
    units = al.per_time
    unit = next((u for u in units if u in q.tokens or f"{u}ly" in q.tokens), "week")
    parts = units.get(unit, 52.0)
    for p in al.span(frame, between=True):
        for m in al.measures(frame):
            v = al.value(p, m)
            if v:
                each = v[0] / parts
                r.lines.append(SAY.say("per_time", year=al.plabel(p), count=fmt.number(v[0]), measure=al.label(m),
                                       each=f"{each:.1f}", unit=unit))
                r.cite(*v[1])
                r.numbers.append((round(each, 1), False))
    r.answer.periods = al.span(frame, between=True)
    return r


def filter_years(al: Algebra, frame: Frame, q: Query) -> Result:
    """"In which years were fewer than 50 published?": the years whose figure passes the threshold."""
    r = Result()
    claim = frame.claim
    if claim is None:
        return value(al, frame, q)
    word = SAY.say("more_than") if claim.compare == "gt" else SAY.say("fewer_than")
    shown = f"{_num(claim.value)}{'%' if claim.percent else ''}"
    for m in al.measures(frame) if not claim.percent else ["share"]:
        rows = []
        for p in al.span(frame):
            v = al.share(p) if claim.percent else al.value(p, m)
            if v is None:
                continue
            r.cite(*v[1])
            if (v[0] > claim.value) if claim.compare == "gt" else (v[0] < claim.value):
                rows.append(f"{al.plabel(p)} ({_pct(v[0]) if claim.percent else fmt.number(int(v[0]))})")
        if rows and claim.percent:
            r.lines.append(SAY.say("filter_years_share", more_or_fewer_than=word, threshold=shown,
                                   years=fmt.join(rows)))
        elif rows:
            r.lines.append(SAY.say("filter_years", measure=al.label(m), more_or_fewer_than=word, threshold=shown,
                                   years=fmt.join(rows)))
        elif claim.percent:
            r.lines.append(SAY.say("filter_no_year_share", more_or_fewer_than=word, threshold=shown))
        else:
            r.lines.append(SAY.say("filter_no_year", measure=al.label(m), more_or_fewer_than=word, threshold=shown))
    r.answer.periods = al.span(frame)
    return r


def rank(al: Algebra, frame: Frame, q: Query) -> Result:
    """"Rank the three years by number of SCRs published, lowest first": the years asked (every year if none),
    in order of their figure, or of their share published when that is what is ranked ("by publication rate");
    a ranking by growth is the year-on-year changes, which the extreme of a change answers."""
    if q.has("rise", "change", "fall"):
        return extreme(al, frame._replace(op="extreme", of_change=True), q)
    r = Result()
    periods = al.span(frame, between=True) if len(frame.periods) != 1 else list(al.ids)
    order = SAY.say("lowest_first") if frame.lowest else SAY.say("highest_first")
    if q.has("rate", "share", "percent", "proportion"):
        rows = [(v[0], p, v) for p in periods if (v := al.share(p))]
        rows.sort(key=lambda row: row[0], reverse=not frame.lowest)
        r.lines.append(SAY.say("rank_share", order=order,
                               ranked="; ".join(f"{al.plabel(p)} {_pct(value)}" for value, p, _ in rows)))
        for *_, v in rows:
            r.cite(*v[1])
    else:
        for m in al.measures(frame):
            rows = [(v[0], p, v) for p in periods if (v := al.value(p, m))]
            rows.sort(key=lambda row: row[0], reverse=not frame.lowest)
            r.lines.append(SAY.say("rank", measure=al.label(m), order=order, ranked="; ".join(
                f"{al.plabel(p)} {fmt.number(int(value))}" for value, p, _ in rows)))
            for *_, v in rows:
                r.cite(*v[1])
    r.answer.periods = periods
    return r


def both_measures(al: Algebra, frame: Frame, q: Query) -> Result:
    """"Add together commissioned and published for 2013/14": the two measures of each year, summed."""
    r = Result()
    periods = al.chronological(frame.periods) or al.span(frame)  # "combined in 2013/14": that year only
    for p in periods:
        values = [v for m in al.base if (v := al.value(p, m))]
        if len(values) == len(al.base):
            parts = " + ".join(f"{fmt.number(int(v[0]))} {al.label(m)}" for m, v in zip(al.base, values,
                                                                                         strict=True))
            total = sum(v[0] for v in values)
            r.lines.append(SAY.say("both_measures", year=al.plabel(p), parts=parts, total=fmt.number(int(total))))
            r.numbers.append((float(total), False))
            for v in values:
                r.cite(*v[1])
    r.answer.periods = list(periods)
    return r


_OF_ANOTHER = LazyPattern(r"\d.*\b(?:as a|as an|a|what) (?:percentage|percent|share|proportion|fraction) of "
                          r"(?:those|the|all)?\s*(?:scrs? )?(?:commissioned|published)\b.*\d")  # a year each side
_RATE_SAID = lazyre.compile(r"\b(\d+(?:\.\d+)?)\s*(?:%|percent\b)")
_RATE_YEAR = LazyPattern(r"\b(?:at|as|as in|like|at the|to the) YEAR\b|\bYEAR(?:'s)? (?:rate|level)\b")


def at_rate(al: Algebra, frame: Frame, q: Query) -> Result:
    """"If 2013/14's commissions had been published at 2012/13's rate, how many?", "what would a 50% publication
    rate have meant in 2013/14?": one year's commissioned count at another year's (or a stated) publication rate,
    a what-if the article's figures give, said to be one."""
    r = Result()
    asked = [p for p in q.periods if p in al.ids] or al.span(frame)[-1:]
    if len(al.base) < 2 or not asked:
        return value(al, frame, q)
    whole, part = al.base[0], al.base[1]
    if len(asked) > 1:  # the year whose rate is applied is the one named right after "as" or before "rate"
        text = q.text
        def near_rate(p: str) -> int:
            at = text.find(p)
            near = " ".join(text[max(0, at - 10): at + len(p) + 8].replace(p, " YEAR ").split())
            if at >= 0 and _RATE_YEAR.search(near):
                return -1  # "at the 2012/13 level", "as in 2012/13", "2012/13's rate": the rate's own year, last
            spots = [i for w in (" rate", " as ") if (i := text.find(w)) >= 0]
            return min((abs(at - i) for i in spots), default=0) if at >= 0 else 10**6
        asked = sorted(asked[:2], key=near_rate, reverse=True)
    year = asked[0]
    said = _RATE_SAID.search(q.text)  # "a 50% publication rate": stated to compute with, not claimed
    stated = float(said.group(1)) if said else None
    rate = (stated, ()) if stated is not None else al.share(asked[1]) if len(asked) > 1 else None
    base = al.value(year, whole)
    if rate is None or not base:
        return share(al, frame, q)
    would = base[0] * rate[0] / 100.0
    source = SAY.say("rate_of_year", year=al.plabel(asked[1])) if stated is None else SAY.say("rate_stated")
    actual = al.value(year, part)
    if actual:
        r.lines.append(SAY.say("at_rate_actual", year=al.plabel(year), count=fmt.number(base[0]),
                               whole=al.label(whole), rate_source=source, rate=_pct(rate[0]),
                               would=_num(round(would, 1)), part=al.label(part), actual=fmt.number(actual[0])))
    else:
        r.lines.append(SAY.say("at_rate", year=al.plabel(year), count=fmt.number(base[0]), whole=al.label(whole),
                               rate_source=source, rate=_pct(rate[0]), would=_num(round(would, 1)),
                               part=al.label(part)))
    r.cite(*base[1], *rate[1], *(actual[1] if actual else ()))
    r.numbers.append((round(would, 1), False))
    r.answer.periods = list(dict.fromkeys(asked))
    return r


def vs_sum(al: Algebra, frame: Frame, q: Query) -> Result:
    """"How many more were published in 2013/14 than in the two previous years combined?": one year's figure
    (the first period, of the first measure) against the sum of the others' (of the last measure); each measure
    against itself when none is named."""
    r = Result()
    if len(frame.periods) < 2:
        return value(al, frame, q)
    subject, *summed = frame.periods
    pairs = [(frame.measures[0], frame.measures[-1])] if frame.measures else [(m, m) for m in al.base]
    holds = []
    for mine, theirs in pairs:
        one = al.value(subject, mine)
        parts = [v for p in summed if (v := al.value(p, theirs))]
        if one is None or len(parts) != len(summed):
            continue
        total = sum(v[0] for v in parts)
        years = fmt.join([al.plabel(p) for p in summed])
        r.lines.append(SAY.say("measure_in_year", measure=al.label(mine), year=al.plabel(subject),
                               count=fmt.number(one[0])))
        r.lines.append(SAY.say("vs_sum_together", measure=al.label(theirs), years=years, total=fmt.number(total),
                               parts=" + ".join(fmt.number(v[0]) for v in parts)))
        diff = one[0] - total
        more = SAY.say("more") if diff > 0 else SAY.say("fewer")
        if not diff:
            r.lines.append(SAY.say("vs_sum_same", total=fmt.number(total)))
        elif total:
            r.lines.append(SAY.say("vs_sum_difference_relative", count=fmt.number(one[0]),
                                   difference=fmt.number(abs(diff)), more_or_fewer=more, total=fmt.number(total),
                                   relative=f"{100 * diff / total:+.1f}%"))
        else:
            r.lines.append(SAY.say("vs_sum_difference", count=fmt.number(one[0]), difference=fmt.number(abs(diff)),
                                   more_or_fewer=more, total=fmt.number(total)))
        r.cite(*one[1], *(src for v in parts for src in v[1]))
        r.numbers.append((abs(diff), False))
        if total:
            r.numbers.append((round(100 * diff / total, 1), True))
        holds.append(_holds(frame.test, diff))
    if not holds:
        return value(al, frame, q)
    if frame.yesno and frame.claim is None:
        r.verdict = _all_or_some(holds)
    r.answer.periods = [subject, *summed]
    return r


def steps(al: Algebra, frame: Frame, q: Query) -> Result:
    """"Did published grow faster in 2012/13 than in 2013/14?": the rise into one year against the rise into
    another (each from the year before), in numbers or, with `of_share`, in percentage terms."""
    r = Result()
    if len(frame.periods) < 2:
        return value(al, frame, q)
    first, second = frame.periods[:2]
    relative = frame.of_share
    checks = []
    for m in al.measures(frame):
        moved = []
        for year in (first, second):
            before = al.ids[al.ids.index(year) - 1]
            a, b = al.value(before, m), al.value(year, m)
            if not a or not b or (relative and not a[0]):
                break
            moved.append(((b[0] - a[0]) / a[0] if relative else b[0] - a[0], before, year, a, b))
            r.cite(*a[1], *b[1])
        if len(moved) != 2:
            continue
        said = [SAY.say("steps_rise", old=fmt.number(a[0]), old_year=al.plabel(before), new=fmt.number(b[0]),
                        new_year=al.plabel(year), change=fmt.change(a[0], b[0])) for _, before, year, a, b in moved]
        r.lines.append(SAY.say("steps_rises", measure=al.label(m), first=said[0], second=said[1]))
        bigger = moved[0][0] > moved[1][0]
        (_, _, _, a0, b0), (_, _, _, a1, b1) = moved
        counts = (b0[0] - a0[0], b1[0] - a1[0])
        rates = ((b0[0] - a0[0]) / a0[0] if a0[0] else 0.0, (b1[0] - a1[0]) / a1[0] if a1[0] else 0.0)
        said = [SAY.say("steps_in_numbers", bigger_or_smaller=_bigger_or_smaller(*counts), first=_num(counts[0]),
                        second=_num(counts[1])),
                SAY.say("steps_in_percent", bigger_or_smaller=_bigger_or_smaller(*rates),
                        first=f"{100 * rates[0]:+.1f}%", second=f"{100 * rates[1]:+.1f}%")]
        if relative:
            said.reverse()  # the terms asked about first
        by = (SAY.say("percentage_points", points=_num(round(100 * abs(rates[0] - rates[1]), 1))) if relative else
              SAY.say("steps_by_count", count=_num(abs(counts[0] - counts[1])),
                      more_or_fewer=SAY.say("more") if counts[0] > counts[1] else SAY.say("fewer")))
        r.lines.append(SAY.say("steps_compared", year=al.plabel(first), first_terms=said[0], by=by,
                               second_terms=said[1]))
        r.numbers.append((round(100 * abs(rates[0] - rates[1]), 1) if relative else abs(counts[0] - counts[1]),
                          False))
        checks.append(bigger)
    if frame.yesno and frame.claim is None and checks:
        smaller = frame.test == "fall"  # "was it smaller (slower) ...?"
        r.verdict = "Yes" if all(c != smaller for c in checks) else "No"
    r.answer.periods = [first, second]
    return r


def _bigger_or_smaller(x: float, y: float) -> str:
    return SAY.say("bigger") if x > y else SAY.say("smaller") if x < y else SAY.say("the_same")


def at_change(al: Algebra, frame: Frame, q: Query) -> Result:
    """"If published had risen by the same number in 2013/14 as in 2012/13, how many?": the year before the
    target plus the reference year's rise (or times it, with `of_share`: the same percentage rise). A what-if the
    figures give, said to be one."""
    r = Result()
    if len(frame.periods) < 2:
        return value(al, frame, q)
    target, reference = frame.periods[:2]
    base_year = al.ids[al.ids.index(target) - 1]
    for m in al.measures(frame)[:2]:
        same = _same_rise(al, m, reference, base_year, frame.of_share)
        if same is None:
            continue
        ref_before, ref_after, base, would, how = same
        actual = al.value(target, m)
        said = fmt.change(ref_before[0], ref_after[0])
        if actual:
            r.lines.append(SAY.say("at_change_actual", measure=al.label(m), old=fmt.number(ref_before[0]),
                                   new=fmt.number(ref_after[0]), year=al.plabel(reference), change=said, how=how,
                                   base_year=al.plabel(base_year), base=fmt.number(base[0]),
                                   target=al.plabel(target), would=_num(round(would, 1)),
                                   actual=fmt.number(actual[0])))
        else:
            r.lines.append(SAY.say("at_change", measure=al.label(m), old=fmt.number(ref_before[0]),
                                   new=fmt.number(ref_after[0]), year=al.plabel(reference), change=said, how=how,
                                   base_year=al.plabel(base_year), base=fmt.number(base[0]),
                                   target=al.plabel(target), would=_num(round(would, 1))))
        r.cite(*ref_before[1], *ref_after[1], *base[1], *(actual[1] if actual else ()))
        r.numbers.append((round(would, 1), False))
    r.answer.periods = [target, reference]
    return r


def _same_rise(al: Algebra, m: str, reference: str, base_year: str, relative: bool,
               ) -> tuple[Value, Value, Value, float, str] | None:
    """The rise of `m` into `reference` (from the year before) applied to `base_year`'s figure, by number or,
    `relative`, by percentage: the two ends of that rise, the base, the result and how it was applied."""
    before = al.value(al.ids[al.ids.index(reference) - 1], m)
    after, base = al.value(reference, m), al.value(base_year, m)
    if not before or not after or not base or (relative and not before[0]):
        return None
    rise = after[0] - before[0]
    growth = rise / before[0] if before[0] else 0.0
    would = base[0] * (1 + growth) if relative else base[0] + rise
    how = (SAY.say("same_percentage_rise", rise=f"{100 * growth:+.1f}%") if relative else
           SAY.say("same_rise", rise=f"{rise:+,.0f}"))
    return before, after, base, would, how


def _holds(test: str, diff: float) -> bool:
    """A comparison's verdict from the difference of its two sides: "more" (the default), "fewer" or "the same"."""
    return {"rise": diff > 0, "fall": diff < 0, "same": diff == 0}.get(test or "rise", diff > 0)


def rise_vs(al: Algebra, frame: Frame, q: Query) -> Result:
    """"Is the increase in published from 2012/13 to 2013/14 more than the 2012/13 published figure?": the rise
    into the first period (of the first measure) against the second period's figure (of the last measure)."""
    r = Result()
    if len(frame.periods) < 2 or not frame.measures:
        return value(al, frame, q)
    into, year = frame.periods[:2]
    rising, figure = frame.measures[0], frame.measures[-1]
    before = al.value(al.ids[al.ids.index(into) - 1], rising)
    after, other = al.value(into, rising), al.value(year, figure)
    if not before or not after or not other:
        return value(al, frame, q)
    rise = after[0] - before[0]
    diff = rise - other[0]
    r.lines.append(SAY.say("rise_into", measure=al.label(rising), year=al.plabel(into), old=fmt.number(before[0]),
                           new=fmt.number(after[0]), change=fmt.change(before[0], after[0])))
    r.lines.append(SAY.say("measure_in_year", measure=al.label(figure), year=al.plabel(year),
                           count=fmt.number(other[0])))
    r.lines.append(SAY.say("rise_vs_difference", rise=fmt.number(rise), difference=fmt.number(abs(diff)),
                           more_or_less=SAY.say("more") if diff > 0 else SAY.say("less"),
                           figure=fmt.number(other[0])) if diff else SAY.say("rise_vs_same"))
    r.cite(*before[1], *after[1], *other[1])
    r.numbers.append((abs(diff), False))
    if frame.yesno and frame.claim is None:
        r.verdict = "Yes" if _holds(frame.test, diff) else "No"
    r.answer.periods = [into, year]
    return r


def again(al: Algebra, frame: Frame, q: Query) -> Result:
    """"If commissions rose by the same number again the next year?": the latest year plus the rise into the
    reference year (or times it, with `of_share`): arithmetic on the figures, said not to be a forecast."""
    r = Result()
    last = al.ids[-1]
    reference = frame.periods[0] if frame.periods and frame.periods[0] in al.ids[1:] else last
    for m in al.measures(frame)[:2]:
        same = _same_rise(al, m, reference, last, frame.of_share)
        if same is None:
            continue
        a, b, base, would, how = same
        r.lines.append(SAY.say("again", measure=al.label(m), old=fmt.number(a[0]), new=fmt.number(b[0]),
                               year=al.plabel(reference), how=how, last=al.plabel(last), base=fmt.number(base[0]),
                               would=_num(round(would, 1))))
        r.cite(*a[1], *b[1], *base[1])
        r.numbers.append((round(would, 1), False))
    if r.lines:
        r.lines.append(SAY.say("again_not_forecast", last=al.plabel(last)))
    r.answer.periods = [last]
    return r


def scaled(al: Algebra, frame: Frame, q: Query) -> Result:
    """"If commissions doubled from the 2013/14 level, how many?": a year's figure (the latest unless named) times
    the stated multiple (`frame.claim`, a supposition, not a claim to check), or changed by the stated percentage;
    arithmetic, not a forecast."""
    r = Result()
    year = frame.periods[0] if frame.periods else al.ids[-1]
    supposed = frame.claim
    if supposed is None:
        return value(al, frame, q)
    for m in al.measures(frame)[:2]:
        base = al.value(year, m)
        if not base:
            continue
        if supposed.percent:
            would = base[0] * (1 + supposed.value / 100)
            percent = _num(abs(supposed.value))
            how = SAY.say("scaled_up", percent=percent) if supposed.value > 0 else SAY.say("scaled_down",
                                                                                            percent=percent)
        else:
            would = base[0] * supposed.value
            how = (SAY.say("halved") if supposed.value == 0.5 else SAY.say("doubled") if supposed.value == 2.0
                   else SAY.say("tripled") if supposed.value == 3.0
                   else SAY.say("multiplied", times=_num(supposed.value)))
        r.lines.append(SAY.say("scaled", measure=al.label(m), year=al.plabel(year), count=fmt.number(base[0]),
                               how=how, would=_num(round(would, 1))))
        r.cite(*base[1])
        r.numbers.append((round(would, 1), False))
    if r.lines:
        r.lines.append(SAY.say("scaled_not_forecast"))
    r.answer.periods = [year]
    return r


def own_share(al: Algebra, frame: Frame, q: Query) -> Result:
    """"Our LSCB commissioned 4 SCRs in 2013/14: what share of the national total is that?": the asker's figure
    (`frame.claim`) as a share of the article's figure for that year (the latest unless named)."""
    r = Result()
    year = frame.periods[0] if frame.periods else al.ids[-1]
    own = frame.claim
    national = al.value(year, frame.measures[0]) if own is not None and frame.measures else None
    if own is None or not national or not national[0]:
        return value(al, frame, q)
    r.lines.append(SAY.say("own_share", own=_num(own.value), national=fmt.number(national[0]),
                           measure=al.label(frame.measures[0]), year=al.plabel(year),
                           share=_pct(100 * own.value / national[0])))
    r.lines.append(SAY.say("own_share_note", own=_num(own.value), national=fmt.number(national[0])))
    r.cite(*national[1])
    r.numbers.append((round(100 * own.value / national[0], 1), True))
    r.answer.periods = [year]
    return r


def rise_portion(al: Algebra, frame: Frame, q: Query) -> Result:
    """"What share of the increase between 2011/12 and 2013/14 came in the final year?": the rise into the last
    period of the frame (from the year before) as a part of the rise from the first period to the second."""
    r = Result()
    if len(frame.periods) < 3:
        return value(al, frame, q)
    first, last, into = frame.periods[:3]
    before = al.ids[al.ids.index(into) - 1]
    for m in al.measures(frame)[:2]:
        a, b, c, d = al.value(first, m), al.value(last, m), al.value(before, m), al.value(into, m)
        if not (a and b and c and d) or b[0] == a[0]:
            continue
        whole, part = b[0] - a[0], d[0] - c[0]
        r.lines.append(SAY.say("rise_portion", measure=al.label(m), whole=fmt.number(whole),
                               first_year=al.plabel(first), last_year=al.plabel(last), first=fmt.number(a[0]),
                               last=fmt.number(b[0]), part=fmt.number(part), year=al.plabel(into),
                               before=fmt.number(c[0]), after=fmt.number(d[0]), share=_pct(100 * part / whole)))
        r.cite(*a[1], *b[1], *c[1], *d[1])
        r.numbers.append((round(100 * part / whole, 1), True))
    r.answer.periods = [first, last]
    return r


def year_share(al: Algebra, frame: Frame, q: Query) -> Result:
    """"The 2011/12 commissioned figure is what percentage of the 2013/14 one?": one year's figure over another's,
    of the same measure."""
    r = Result()
    if len(frame.periods) < 2 or not frame.measures:
        return value(al, frame, q)
    part, whole = frame.periods[:2]
    m = frame.measures[0]
    a, b = al.value(part, m), al.value(whole, m)
    if not a or not b or not b[0]:
        return value(al, frame, q)
    r.lines.append(SAY.say("year_share", measure=al.label(m), part=fmt.number(a[0]), part_year=al.plabel(part),
                           share=_pct(100 * a[0] / b[0]), whole=fmt.number(b[0]), whole_year=al.plabel(whole)))
    r.cite(*a[1], *b[1])
    r.numbers.append((round(100 * a[0] / b[0], 1), True))
    r.answer.periods = [part, whole]
    return r


OPERATIONS: dict[str, Callable[[Algebra, Frame, Query], Result]] = {
    "year_share": year_share,
    "rise_portion": rise_portion,
    "own_share": own_share,
    "scaled": scaled,
    "again": again,
    "rise_vs": rise_vs,
    "at_change": at_change,
    "steps": steps,
    "vs_sum": vs_sum,
    "at_rate": at_rate,
    "rank": rank,
    "both_measures": both_measures,
    "filter": filter_years,
    "spread": spread,
    "per_time": per_time,
    "cagr": cagr,
    "median": median,
    "portion": portion,
    "identify": identify,
    "value": value,
    "gap": gap,
    "change": change,
    "pp_change": pp_change,
    "share": share,
    "ratio": ratio,
    "average": average,
    "total": total,
    "times": times,
    "faster": faster,
    "extreme": extreme,
    "trend": trend,
}


def _with_periods(q: Query, periods: list[str] | None) -> Query:
    if periods is not None:
        q.periods = list(periods)
    return q


# -- verdicts -------------------------------------------------------------------------------------


def _mixed_up(al: Algebra, frame: Frame, wrong: list[Claim]) -> list[str]:
    """"114 published in 2013/14?": 114 is a figure of the article, of the other measure; say so."""
    lines = []
    asked = set(al.measures(frame))
    for c in wrong:
        if c.percent:
            continue
        for p in frame.periods or al.ids:
            for m in al.base:
                v = al.value(p, m)
                if m not in asked and v and v[0] == c.value:
                    lines.append(SAY.say("mixed_up", value=_num(c.value), measure=al.label(m), year=al.plabel(p)))
    return lines[:1]


def with_givens(al: Algebra, frame: Frame, q: Query) -> Frame:
    """"So commissioned went from 55 to 114, how many times over is that?", "published went from 31 to 71, is
    that more than double?": figures stated only to compute from are the article's own, so they are given, not
    claimed. They fix the years and the measure (each is one year's figure of one measure), and what is left
    to check is whatever else the question claims. Figures that are not the article's stay claims, to be
    corrected; so do figures a question only asks to confirm ("55 and 114, right?")."""
    if frame.op in ("identify", "filter") or not frame.claims:
        return frame
    if frame.op == "value" and not frame.periods and len(frame.claims) == len(al.ids) > 1 and all(
            not c.percent and not c.multiple for c in frame.claims):
        return frame  # "published went 12, 13, 71?": a run of figures, one to a year, checked year by year
    if frame.op == "change" and not frame.periods and len(frame.claims) == 1 and not frame.claims[0].percent:
        # "published SCRs rose by 40, right?": no year named; the step where it is so, if one is
        claimed = frame.claims[0].value
        for old, new in zip(al.ids, al.ids[1:], strict=False):
            steps = [(b[0] - a[0]) for m in (frame.measures or al.base) if m in al.base
                     and (a := al.value(old, m)) and (b := al.value(new, m))]
            if len(frame.measures) == 1 and steps and abs(abs(steps[0]) - claimed) < 1e-9:
                return frame._replace(periods=(old, new), span=False, range=False)
    where: dict[float, list[tuple[str, str]]] = {}
    for p in frame.periods or al.ids:
        for m in frame.measures or al.base:
            if m in al.base and (v := al.value(p, m)):
                where.setdefault(float(v[0]), []).append((p, m))
    counts = [c for c in frame.claims if c.compare == "eq" and not c.percent and not c.multiple]
    # ("rose *by* 114": the result claimed, however much it looks like a year's figure)
    results = {c.value for c in counts if re.search(rf"\b(?:by|of) (?:about |around |nearly |almost )?"
                                                    rf"{re.escape(_num(c.value))}(?![\d.])", q.text)}
    givens = [c for c in counts if len(where.get(c.value, ())) == 1 and c.value not in results]
    if frame.op == "value":
        if not (len(givens) >= 2 and len(counts) > len(givens) and q.has("rise", "fall", "change")):
            return frame
        frame = frame._replace(op="change")  # "went from 12 to 31, that's a rise of 19, right?": the rise is 19
    anywhere = {float(v[0]) for p in al.ids for m in al.base if (v := al.value(p, m))}
    misplaced = [c for c in counts if c.value in anywhere and c not in givens]  # "71 were published in 2012/13"
    # with two figures given, another number is the result claimed ("12 to 31, a rise of 19, right?"); with one,
    # the other end is wrong ("rose from 81 to 141?", also asked as yes/no): the figures are checked as counts
    ends = " from " in f" {q.text} " and len(givens) == 1 and len(counts) == 2
    if (not frame.yesno or ends) and ((len(givens) == 1 and len(counts) > 1) or misplaced):
        # "went from 55 to 120, how many times is that?", "so 71 were published in 2012/13, how many times over
        # is that?": a stated count that is not the article's is corrected first, never against a ratio
        return frame._replace(op="value")
    if frame.periods:
        stated = frame.test and counts and len(givens) == len(counts)  # "55 to 81 to 114, did it rise every year?"
        # "published were 31 in 2012/13, so 2013/14 was up by 40, correct?": the year's figure is given, the rise
        # is what is claimed
        by = frame.op == "change" and givens and results and len(givens) + len(results) == len(frame.claims)
        if stated or by:
            left = tuple(c for c in frame.claims if c not in givens)
            return frame._replace(claims=left, claim=left[0] if left else None)
        return frame
    if frame.yesno and not frame.test and len(givens) == len(frame.claims):
        return frame  # "rose from 55 to 114, is that right?": they are what is asked about
    if len(givens) < 2:
        return frame
    places = [where[c.value][0] for c in givens]
    measures = list(dict.fromkeys(m for _, m in places))
    if len(measures) != 1:
        return frame
    left = tuple(c for c in frame.claims if c not in givens)
    periods = tuple(al.chronological(list(dict.fromkeys(p for p, _ in places))))
    return frame._replace(periods=periods, measures=tuple(measures), claims=left, claim=left[0] if left else None,
                          span=False, range=True)


def _verdict(al: Algebra, frame: Frame, q: Query, result: Result) -> tuple[str, list[str]]:
    """'Yes', 'No' or 'Partly', and lines saying why, for a yes/no question or a stated claim."""
    claim = frame.claim
    if claim is not None and claim.multiple:  # "published nearly sextupled": the ratio between the ends
        ends = al.ends(frame)
        ratios = []
        if ends and frame.op in ("share", "pp_change"):  # "did the publication rate triple?": of the shares
            a, b = al.share(ends[0]), al.share(ends[1])
            if a and b and a[0]:
                ratios.append((round(b[0] / a[0], 1), False))
        elif ends:
            for m in al.measures(frame):
                a, b = al.value(ends[0], m), al.value(ends[1], m)
                if a and b and a[0]:
                    ratios.append((round(b[0] / a[0], 1), False))
        if ratios:
            result.numbers = ratios
    elif claim is not None and claim.compare in ("gt", "lt") and not claim.percent and frame.op in (
        "value", "change", "extreme", "trend"
    ) and not q.has("rise", "change", "fall", "total"):
        # "did more than 100 get commissioned in any year?": the yearly figures, not the change between them
        result.numbers = [(float(v[0]), False) for p in al.span(frame) for m in al.measures(frame)
                          if (v := al.value(p, m))]
    pct_claims = [c for c in frame.claims if c.percent]
    ends = al.ends(frame) if len(pct_claims) >= 2 and frame.op in ("pp_change", "share") else None
    if claim is not None and ends:  # "the rate rose from about 38% to about 62%": the two ends' shares, stated
        shares = [s for p in ends if (s := al.share(p))]
        result.numbers = [(s[0], True) for s in shares] or result.numbers
    ends = _claimed_ends(al, frame, q)
    if ends is not None:  # "publications went from 12 to 71 in two years - correct?": the two ends, as stated
        return ends
    if claim is not None:
        candidates = [(v, pct) for v, pct in result.numbers if pct == claim.percent]
        if not candidates and claim.percent and frame.op == "gap":
            # "four in ten commissioned in 2013/14 were never published": the gap as a share of commissioned
            whole = al.base[0] if al.base else ""
            candidates = [(100 * gap[0] / base[0], True) for p in al.span(frame)
                          if (gap := al.value(p, frame.measures[0] if frame.measures else "")) and
                          (base := al.value(p, whole)) and base[0]]
        if not candidates and claim.percent:
            return "", []  # a percentage is never checked against a count
        candidates = candidates or result.numbers
        if not candidates:
            return "", []
        if claim.compare == "eq":
            stated = [c for c in frame.claims if c.compare == "eq" and c.percent == claim.percent] or [claim]
            paired = _paired(al, frame, stated)
            if paired is not None:  # "81 commissioned in 2013/14 and 114 in 2012/13?", "published went 12, 13, 71?"
                return paired
            givens = _givens(al, frame, q)
            if givens is not None:  # "rose by 40, from 31 to 71": the 31 and 71 are the years' figures, stated
                right_given, wrong_given = givens
                stated = [c for c in frame.claims if c.compare == "eq" and c.value not in
                          {g.value for g in right_given + wrong_given}]
                if wrong_given:
                    return "No", [_wrong_given(al, frame, wrong_given)]
                if not stated:
                    shown = fmt.join([_num(g.value) for g in right_given])
                    return "Yes", [SAY.say("right_one" if len(right_given) == 1 else "right_several", stated=shown)]
                claim = stated[0]
                candidates = [(v, pct) for v, pct in result.numbers if pct == claim.percent] or candidates
            wrong, rounded = [], []
            # "12 out of 55 were published in 2011/12?": the 55 is the other measure of the same year
            out_of = {float(v[0]) for p in al.span(frame) for m in al.base if (v := al.value(p, m))} if (
                " out of " in f" {q.text} " and frame.op == "value") else set()
            each = [v[0] for p in al.span(frame) for m in al.measures(frame) if (v := al.value(p, m))] if (
                frame.every and frame.op in ("gap", "value")) else []  # "43 in both years?": each year's, not one
            for c in stated:
                digits = len(_num(c.value).partition(".")[2])  # "a ratio of 1.6?" for 1.61: right to the place said
                exact = any(abs(v - c.value) <= (0.05 if c.percent else 0.0) + 1e-9 for v, _ in candidates) or (
                    not c.percent and c.value in out_of) or (not c.percent and digits and any(
                        not float(v).is_integer() and round(v, digits) == c.value for v, _ in candidates))
                if exact and each and not c.percent:
                    exact = all(abs(v - c.value) < 1e-9 for v in each)
                yearly = {v[0] for p in al.span(frame) for m in al.base if (v := al.value(p, m))}
                whole = re.search(rf"out of (?:only |just |about )?{re.escape(_num(c.value))}(?![\d.])", q.text)
                if exact and c.measure and not c.percent and frame.op == "value" and c.measure in al.base and \
                        (not out_of or not whole) and c.value in yearly:  # ("55 published out of 12 commissioned":
                    # each said of its own measure; "12 out of 55 were published": the 55 is the whole)
                    # "2011/12 was 55 published and 12 commissioned?": each year's figure of the measure it is
                    # said of (not "250 commissioned across the three years", a total)
                    exact = any(v[0] == c.value for p in al.span(frame) if (v := al.value(p, c.measure)))
                # "rose by 40%" for 40.7%: a whole percentage is a fair rounding, said as "about"
                near = c.value.is_integer() and any((abs(v - c.value) < 1.0) if c.percent else (
                    not float(v).is_integer() and round(v) == c.value) for v, _ in candidates)  # ("83 a year?": 83.3)
                if not exact and near:
                    rounded.append(c)
                elif not exact:
                    wrong.append(c)
            points = says_any(q.text, ("percentage points", "percentage point", "points", "pp")) and \
                frame.op == "pp_change"
            shown = fmt.join([(SAY.say("percentage_points", points=_num(c.value)) if points else f"{_num(c.value)}%")
                              if c.percent else _num(c.value) for c in stated])
            if not wrong and frame.op == "pp_change" and not points and all(c.percent for c in stated):
                # "the share went up by 24%": the points are right, but a 24% rise would be another thing
                return "Partly", [SAY.say("points_not_percent", points=shown[:-1], percent=shown)]
            if not wrong:
                if rounded:
                    closest = [next(v for v, _ in candidates if abs(v - c.value) < 1.0 or (
                        not c.percent and round(v) == c.value)) for c in rounded]
                    said = fmt.join([_pct(v) if c.percent else _num(round(v, 1)) for v, c in zip(
                        closest, rounded, strict=True)])  # ("about 22% and 62%": 21.8% and 62.3%)
                    return "Yes", [SAY.say("about_several" if len(rounded) > 1 else "about_one", stated=shown,
                                           figures=said)]
                return "Yes", [SAY.say("right_one" if len(stated) == 1 else "right_several", stated=shown)]
            bad = fmt.join([f"{_num(c.value)}{'%' if c.percent else ''}" for c in wrong])
            right = ", ".join(f"{_num(round(v, 1))}{'%' if p else ''}" for v, p in candidates[:3])
            lines = [SAY.say("not_several" if len(candidates) > 1 else "not_one", stated=bad, figures=right)]
            swapped = [c for c in wrong if c.measure and any(abs(v - c.value) < 1e-9 for v, _ in candidates)]
            if swapped:  # "55 published and 12 commissioned": the article's figures, each of the other measure
                said = fmt.join([f"{_num(c.value)} {al.label(c.measure)}" if c.measure else _num(c.value)
                                 for c in wrong])  # (a wrong figure said of no measure is named by its value)
                lines = [SAY.say("measures_swapped", stated=said)]
            return "No", lines + _mixed_up(al, frame, wrong)
        if claim.compare == "decade":  # "so like 60 something percent?": from 60 up to 70
            shown = (SAY.say("decade_percent", value=_num(claim.value)) if claim.percent else
                     SAY.say("decade", value=_num(claim.value)))
            inside = [v for v, _ in candidates if claim.value <= v < claim.value + 10]
            right = ", ".join(f"{_num(round(v, 1))}{'%' if p else ''}" for v, p in (
                [(inside[0], claim.percent)] if inside else candidates[:3]))
            return ("Yes", [SAY.say("decade_right", stated=shown, figures=right)]) if inside else (
                "No", [SAY.say("not_one", stated=shown, figures=right)])
        if claim.compare == "approx":
            near = [v for v, _ in candidates if abs(v - claim.value) <= max(0.5, 0.1 * abs(claim.value))]
            shown = f"{_num(claim.value)}{'%' if claim.percent else ''}"
            if near and abs(near[0] - claim.value) < 1e-9:  # "what about 2013/14 - 71?": exactly right
                return "Yes", [SAY.say("right_one", stated=shown)]
            if near:
                return "Yes", [SAY.say("about_one", stated=shown,
                                       figures=f"{_num(round(near[0], 1))}{'%' if claim.percent else ''}")]
            right = ", ".join(f"{_num(round(v, 1))}{'%' if p else ''}" for v, p in candidates[:3])
            return "No", [SAY.say("not_about", stated=shown, figures=right)]
        yearly = _yearly_steps(al, frame, q, claim)
        if yearly is not None:  # "did commissioned rise by more than 50% in any year?": each year's own rise
            candidates, lines = yearly
            checks = [(v > claim.value) if claim.compare == "gt" else (v < claim.value) for v, _ in candidates]
            result.lines = [*lines[1:], *(line for line in result.lines if line.startswith("("))]  # not the span's
            return (_all_or_some(checks) if frame.every else ("Yes" if any(checks) else "No")), lines[:1]
        checks = [(v > claim.value) if claim.compare == "gt" else (v < claim.value) for v, _ in candidates]
        if frame.every:
            return _all_or_some(checks), []
        return ("Yes" if any(checks) else "No") if checks else "", []  # "in any year", "ever": one is enough
    test = frame.test
    if frame.op == "faster":  # "did commissioned grow faster than published?": the first named, against the other
        named = list(dict.fromkeys(t for t in q.tokens if t in al.base))
        ends = al.ends(frame)
        if len(named) >= 2 and ends:
            growth = {}
            for m in named[:2]:
                a, b = al.value(ends[0], m), al.value(ends[1], m)
                if a and b and a[0]:
                    growth[m] = (b[0] - a[0]) / a[0]
            if len(growth) == 2:
                first, second = named[:2]
                return ("Yes" if growth[first] > growth[second] else "No"), []
        return "", []
    superlative = says_any(q.text, ("biggest", "largest", "greatest", "highest", "smallest", "lowest", "steepest"))
    if frame.yesno and len(frame.periods) == 1 and superlative and q.has("rise", "change", "fall") and frame.op in (
            "change", "extreme"):  # "was 2013/14 the year with the biggest percentage rise?": of the yearly rises
        relative = q.has("percent") or says_any(q.text, ("percentage", "per cent", "relative"))
        lowest = says_any(q.text, ("smallest", "lowest"))
        lines, checks = [], []
        for m in al.measures(frame):
            rows = [(p, v[0]) for p in al.ids if (v := al.value(p, m))]
            steps = [((b - a) / a * 100 if relative else b - a, pb) for (_, a), (pb, b) in itertools.pairwise(rows)
                     if a]
            if steps:
                best = (min if lowest else max)(steps)
                checks.append(best[1] in frame.periods)
                shown = (f"{'+' if best[0] >= 0 else ''}{_pct(best[0])}" if relative else
                         SAY.say("up_by", count=fmt.number(best[0])))
                others = ", ".join(f"{al.plabel(p)}: " + ('+' + _pct(v) if relative else
                                                          SAY.say("up_by", count=fmt.number(v)))
                                   for v, p in steps if p != best[1])
                lines.append(SAY.say("smallest_rise" if lowest else "biggest_rise", measure=al.label(m),
                                     year=al.plabel(best[1]), rise=shown, others=others))
        return _all_or_some(checks), lines
    if frame.op == "extreme" and frame.periods and not test:  # "was 2012/13 a record year?"
        lines, checks = [], []
        for m in al.measures(frame):
            rows = [(v[0], p) for p in al.ids if (v := al.value(p, m))]
            if rows:
                best = (min if frame.lowest else max)(rows)
                checks.append(best[1] in frame.periods)
                lines.append(SAY.say("record_fewest" if frame.lowest else "record_most", measure=al.label(m),
                                     count=fmt.number(best[0]), year=al.plabel(best[1])))
        return _all_or_some(checks), lines
    if test in ("double", "triple"):
        need = 2.0 if test == "double" else 3.0
        ends = al.ends(frame)
        if ends is None:
            return "", []
        old, new = ends
        checks = []
        lines = []
        nearly = says_any(q.text, ("nearly", "almost", "close to", "roughly", "about", "around", "approximately"))
        # "did it nearly triple?": within a tenth short of it (2.85 times), not only at or above it
        floor = need * 0.9 if nearly else need
        if frame.op in ("share", "pp_change"):  # "did the publication rate triple?": the share, not the counts
            a, b = al.share(old), al.share(new)
            if a and b and a[0]:
                ok = b[0] >= floor * a[0]
                lines.append(SAY.say("times_share_check", old=_pct(a[0]), old_year=al.plabel(old), new=_pct(b[0]),
                                     new_year=al.plabel(new), times=f"{b[0] / a[0]:.1f}",
                                     against=_against_multiple(need, ok, b[0] < need * a[0])))
                result.cite(*a[1], *b[1])
                return ("Yes" if ok else "No"), lines
        for m in al.measures(frame):
            a, b = al.value(old, m), al.value(new, m)
            if a and b and a[0]:
                ok = b[0] >= floor * a[0]
                checks.append(ok)
                lines.append(SAY.say("times_check", measure=al.label(m), old=fmt.number(a[0]), old_year=al.plabel(old),
                                     new=fmt.number(b[0]), new_year=al.plabel(new), times=f"{b[0] / a[0]:.1f}",
                                     against=_against_multiple(need, ok, b[0] < need * a[0])))
                al_cite(result, a, b)
        return _all_or_some(checks), lines
    if test == "accelerate":
        return _pace(al, frame, q)
    if test == "half":
        checks = []
        lines = []
        negated = any(m in al.derived for m in frame.measures)
        less = " less than half" in f" {' '.join(q.tokens)}" or " fewer than half" in f" {' '.join(q.tokens)}"
        for p in al.span(frame):
            s = _share_of(al, frame, p)
            if s:
                pct = s[0]
                checks.append(pct < 50 if less else pct > 50)
                lines.append(SAY.say("half_not_published" if negated else "half_published", year=al.plabel(p),
                                     share=_pct(pct)))
                result.cite(*s[1])
        return _all_or_some(checks), lines
    if test == "all":  # "was every SCR commissioned in 2013/14 published?": all of them, or not
        checks, lines = [], []
        for p in al.span(frame):
            s = al.share(p)
            if s:
                checks.append(s[0] >= 100.0 - 1e-9)
                made, out = al.value(p, al.base[0]), al.value(p, al.base[1])
                if made and out:
                    lines.append(SAY.say("all_published_counts", year=al.plabel(p), share=_pct(s[0]),
                                         published=fmt.number(out[0]), commissioned=fmt.number(made[0])))
                else:
                    lines.append(SAY.say("all_published", year=al.plabel(p), share=_pct(s[0])))
                result.cite(*s[1])
        return _all_or_some(checks), lines
    if test in ("rise", "fall", "same"):
        return _direction(al, frame, q, result, test)
    return "", []


def _against_multiple(need: float, ok: bool, short: bool) -> str:
    """"More than double", "nearly triple" (`short` of it but close enough: `ok`), "less than double"."""
    if need == 2:
        return (SAY.say("nearly_double") if short else SAY.say("more_than_double")) if ok else \
            SAY.say("less_than_double")
    return (SAY.say("nearly_triple") if short else SAY.say("more_than_triple")) if ok else SAY.say("less_than_triple")


def _claimed_ends(al: Algebra, frame: Frame, q: Query) -> tuple[str, list[str]] | None:
    """"Went from 12 to 71": two counts claimed as a measure's start and end; right when some earlier and later
    year of that measure (or of either) have them, in that order."""
    counts = [c for c in frame.claims if not c.percent and not c.multiple and c.compare == "eq"]
    if len(counts) != 2 or not _FROM_TO.search(q.text):
        return None
    start, end = counts[0].value, counts[1].value
    for m in al.measures(frame):
        rows = [(p, v[0]) for p in al.ids if (v := al.value(p, m))]
        for i, (a_id, a) in enumerate(rows):
            for b_id, b in rows[i + 1:]:
                if a == start and b == end:
                    return "Yes", [SAY.say("claimed_ends_right", measure=al.label(m), old=fmt.number(a),
                                           old_year=al.plabel(a_id), new=fmt.number(b), new_year=al.plabel(b_id))]
                if a == end and b == start:  # "went from 31 to 12": the other way round
                    return "No", [SAY.say("claimed_ends_reversed", measure=al.label(m), old=fmt.number(a),
                                          old_year=al.plabel(a_id), new=fmt.number(b), new_year=al.plabel(b_id))]
    return None


def _yearly_steps(
    al: Algebra, frame: Frame, q: Query, claim: Claim
) -> tuple[list[tuple[float, bool]], list[str]] | None:
    """Each year's rise over the year before, when a change is said of "any (single) year" or "each year"."""
    if frame.op != "change" or frame.periods or not q.has("year", "years") or not q.has("rise", "change", "fall") \
            or not (q.has("any", "single", "each", "every") or frame.every):
        return None
    steps, lines = [], []
    for m in al.measures(frame):
        rows = [(p, v[0]) for p in al.ids if (v := al.value(p, m))]
        for (a_id, a), (b_id, b) in itertools.pairwise(rows):
            if not a:
                continue
            change = 100 * (b - a) / a if claim.percent else b - a
            steps.append((change, claim.percent))
            lines.append(SAY.say("yearly_step", measure=al.label(m), old_year=al.plabel(a_id),
                                 new_year=al.plabel(b_id), old=fmt.number(a), new=fmt.number(b),
                                 up_or_down=SAY.say("up") if b >= a else SAY.say("down"),
                                 difference=fmt.number(abs(b - a)),
                                 relative=f"{'+' if b >= a else '-'}{_pct(abs(100 * (b - a) / a))}"))
    return (steps, lines) if steps else None


def _paired(al: Algebra, frame: Frame, stated: list[Claim]) -> tuple[str, list[str]] | None:
    """Counts stated one to a year, in the order of the years named (or of all the years, when none is named):
    each checked against its own year, so swapped years or one wrong figure in a run are found."""
    counts = [c for c in stated if not c.percent and not c.multiple]
    years = list(frame.periods) if frame.periods else list(al.ids)
    if frame.op != "value" or len(counts) != len(stated) or len(counts) < 2 or len(counts) != len(years):
        return None
    measures, last = [], frame.measures[0] if len(frame.measures) == 1 else None
    for c in counts:
        last = c.measure or last
        measures.append(last)
    if None in measures:
        return None
    wrong = []
    for c, year, m in zip(counts, years, measures, strict=True):
        v = al.value(year, m)
        if v is None:
            return None
        if v[0] != c.value:
            wrong.append(SAY.say("paired_wrong_item", stated=_num(c.value), year=al.plabel(year),
                                 actual=fmt.number(v[0])))
    if not wrong:
        shown = fmt.join([SAY.say("figure_in_year", figure=_num(c.value), year=al.plabel(y))
                          for c, y in zip(counts, years, strict=True)])
        return "Yes", [SAY.say("paired_right", stated=shown)]
    return "No", [SAY.say("paired_wrong", measure=al.label(measures[0]), wrong=fmt.join(wrong))]


def _givens(al: Algebra, frame: Frame, q: Query) -> tuple[list[Claim], list[Claim]] | None:
    """The stated counts a worked-out claim starts from ("rose by 40, *from 31 to 71*", "*12 of 55* - about one in
    five?"), set apart from the result it states, each right or wrong as a year's figure; None when none is.
    (`with_givens` has already set aside those it could place when no year is named; these are told by the
    words around them, so a wrong one - "12 to 31 to *74*" - is corrected as a year's figure, not a result.)"""
    if frame.op == "value":
        return None
    counts = [c for c in frame.claims if not c.percent and not c.multiple and c.compare == "eq"]
    actual = {float(v[0]) for p in al.ids for m in al.base if (v := al.value(p, m))}  # the years' own figures
    right, wrong = [], []
    for c in counts:
        for m in re.finditer(rf"(?<![\d.]){re.escape(_num(c.value))}(?![\d.]|/)", q.text):
            before, after = q.text[: m.start()], q.text[m.end():]
            strong = bool(_GIVEN_START.search(before) or _GIVEN_AFTER.match(after))  # "from 31", "12 of 55", "31 to"
            if c.value in actual and (strong or _GIVEN_END.search(before)):
                right.append(c)
                break
            if c.value not in actual and strong:
                wrong.append(c)
                break
    return (right, wrong) if right or wrong else None


def _wrong_given(al: Algebra, frame: Frame, wrong: list[Claim]) -> str:
    """"Published went 12 -> 31 -> 74": the figure that is none of the article's, with the article's."""
    rows = [SAY.say("figure_in_year", figure=fmt.number(v[0]), year=al.plabel(p)) for m in al.measures(frame)
            for p in al.ids if (v := al.value(p, m))]
    stated = fmt.join([_num(c.value) for c in wrong])
    if len(al.measures(frame)) == 1:
        return SAY.say("wrong_given_measure", stated=stated, measure=al.label(al.measures(frame)[0]),
                       figures=fmt.join(rows))
    return SAY.say("wrong_given", stated=stated, figures=fmt.join(rows))


# a stated count the claim works from: "from 31", "12 of 55", "31 -> 71", "up from 81", "12 to 31 to 74"
_GIVEN_START = LazyPattern(r"(?:\bfrom|→|->|>|\d\s+to)\s*(?:about |around |just |only )?$")
_GIVEN_END = LazyPattern(r"(?:\bto|\bout of|(?<!rise )(?<!increase )(?<!fall )(?<!jump )(?<!drop )(?<!growth )"
                         r"(?<!total )(?<!sum )\bof)\s*(?:about |around |just |only )?$")
_GIVEN_AFTER = LazyPattern(r"\s*(?:to\s+(?:about |around )?\d|→|->|of\s+\d|out of\b)")
_FROM_TO = LazyPattern(r"\bfrom (?:about |around )?\d+ (?:\w+ ){0,2}to (?:about |around )?\d+")


def al_cite(result: Result, *values: Value) -> None:
    for v in values:
        result.cite(*v[1])


def _all_or_some(checks: list[bool]) -> str:
    if not checks:
        return ""
    if all(checks):
        return "Yes"
    return "No" if not any(checks) else "Partly"


def _metric(al: Algebra, frame: Frame) -> Callable[[str, str], tuple[float, tuple[Sentence, ...]] | None]:
    """What a comparison compares: the figure itself, or the share or ratio the question is about."""
    if frame.op in ("share", "pp_change"):  # (the share not published, when that is the measure asked about)
        return lambda p, m: _share_of(al, frame, p)
    if frame.op == "ratio" and len(al.base) >= 2:

        def ratio_of(p: str, m: str) -> tuple[float, tuple[Sentence, ...]] | None:
            a, b = al.value(p, al.base[0]), al.value(p, al.base[1])
            return (a[0] / b[0], a[1] + b[1]) if a and b and b[0] else None

        return ratio_of
    return lambda p, m: (float(v[0]), v[1]) if (v := al.value(p, m)) else None


def _share_of(al: Algebra, frame: Frame, period: str) -> tuple[float, tuple[Sentence, ...]] | None:
    """The share published in a year, or not published when the frame's measure is commissioned minus published."""
    s = al.share(period)
    negated = any(m in al.derived for m in frame.measures)
    return (100.0 - s[0], s[1]) if s and negated else s


def _shown(frame: Frame, value: float) -> str:
    if frame.op in ("share", "pp_change"):
        return _pct(value)
    if frame.op == "ratio":
        return SAY.say("ratio_to_one", ratio=f"{value:.2f}")
    return _num(value)


def _pace(al: Algebra, frame: Frame, q: Query) -> tuple[str, list[str]]:
    """"Is the rise speeding up?", "is it slowing down?": each year's rise against the one before, in numbers
    and in percentage terms, which can disagree (commissioned: up 26 then 33, but +47.3% then +40.7%)."""
    slowing = q.has("slowing", "slow", "slowed", "decelerating", "decelerate", "losing")
    verdicts, lines = [], []
    for m in al.measures(frame):
        rows = [v[0] for p in al.ids if (v := al.value(p, m))]
        steps = [(b - a, 100 * (b - a) / a) for a, b in itertools.pairwise(rows) if a]
        if len(steps) < 2:
            continue
        more = all(later[0] > earlier[0] for earlier, later in itertools.pairwise(steps))
        faster = all(later[1] > earlier[1] for earlier, later in itertools.pairwise(steps))
        then = " " + SAY.say("then") + " "
        said_numbers = then.join(SAY.say("up_by", count=fmt.number(d)) if d >= 0 else
                                 SAY.say("down_by", count=fmt.number(-d)) for d, _ in steps)
        said_pct = then.join(f"{'+' if r >= 0 else '-'}{_pct(abs(r))}" for _, r in steps)
        lines.append(SAY.say("pace", measure=al.label(m), rises=said_numbers,
                             bigger_or_not=SAY.say("bigger") if more else SAY.say("not_bigger"), rates=said_pct,
                             faster_or_slower=SAY.say("grew_faster") if faster else SAY.say("grew_slower")))
        verdicts += [more != slowing, faster != slowing]
    if not lines:
        return "", []
    return _all_or_some(verdicts), lines


def _direction(al: Algebra, frame: Frame, q: Query, result: Result, test: str) -> tuple[str, list[str]]:
    """Rose, fell or stayed: between two years, two measures, or a measure in one year and another in another."""
    tokens = q.tokens
    named = list(dict.fromkeys(t for t in tokens if t in al.base))
    asked = list(dict.fromkeys(frame.periods))
    metric = _metric(al, frame)

    def holds(old: float, new: float) -> bool:
        return new > old if test == "rise" else new < old if test == "fall" else abs(new - old) < 1e-9

    lines: list[str] = []
    checks: list[bool] = []
    than = "than" in tokens
    by_measure = len(named) >= 2 and (than or test == "same") and not any(m in al.derived for m in frame.measures)
    into = len(asked) == 1 and asked[0] in al.ids and al.ids.index(asked[0]) > 0 and not frame.span
    if by_measure and q.has("rise", "change", "fall") and (len(asked) >= 2 or frame.span or into or (
            frame.overall and not asked)):  # ("... over the whole period?": first year to last)
        # "did published SCRs rise by more than commissioned ones from 2012/13 to 2013/14?"; "... in 2013/14?":
        # the rise into that year
        ends = al.ends(frame) if not into else (al.ids[al.ids.index(asked[0]) - 1], asked[0])
        if ends:
            old, new = ends
            diffs = []
            for m in named[:2]:
                a, b = al.value(old, m), al.value(new, m)
                if a and b:
                    diffs.append((b[0] - a[0], m, a, b))
                    al_cite(result, a, b)
            if len(diffs) == 2:
                checks.append(holds(diffs[1][0], diffs[0][0]) if test != "same" else diffs[0][0] == diffs[1][0])
                for _, m, a, b in diffs:
                    lines.append(SAY.say("direction_moved", measure=al.label(m), old=fmt.number(a[0]),
                                         old_year=al.plabel(old), new=fmt.number(b[0]), new_year=al.plabel(new),
                                         change=fmt.change(a[0], b[0])))
                return _all_or_some(checks), lines
    if by_measure and len(asked) == 2 and frame.op not in ("share", "ratio"):
        # "were more published in 2013/14 than were commissioned in 2011/12?"
        a, b = al.value(asked[0], named[0]), al.value(asked[1], named[1])
        if a and b:
            checks.append(holds(b[0], a[0]))
            lines.append(SAY.say("direction_cells", first=fmt.number(a[0]), first_measure=al.label(named[0]),
                                 first_year=al.plabel(asked[0]), second=fmt.number(b[0]),
                                 second_measure=al.label(named[1]), second_year=al.plabel(asked[1])))
            al_cite(result, a, b)
        return _all_or_some(checks), lines
    if by_measure and frame.op not in ("share", "ratio"):  # "were more commissioned than published?"
        first, second = named[:2]
        for p in al.span(frame):
            a, b = al.value(p, first), al.value(p, second)
            if a and b:
                checks.append(holds(b[0], a[0]))
                lines.append(SAY.say("direction_in_year", year=al.plabel(p), first=fmt.number(a[0]),
                                     first_measure=al.label(first), second=fmt.number(b[0]),
                                     second_measure=al.label(second)))
                al_cite(result, a, b)
        return _all_or_some(checks), lines
    if frame.every and (len(asked) < 2 or not than):  # "did it go up every year?": each step, not just the ends
        pairs = list(itertools.pairwise(al.span(frame)))
    elif len(asked) >= 2 and than:  # "more in 2012/13 than in 2013/14?": as asked, not by date
        pairs = [(asked[1], asked[0])]
    elif len(asked) >= 2 or frame.span or len(asked) == 1:
        ends = al.ends(frame)
        pairs = [ends] if ends else []
    else:
        pairs = list(itertools.pairwise(al.ids))
    measures = al.measures(frame) if frame.op not in ("share", "ratio", "pp_change") else ["-"]
    shared = (SAY.say("share_not_published_label") if any(m in al.derived for m in frame.measures)
              else SAY.say("share_published_label"))
    for m in measures:
        for old, new in pairs:
            a, b = metric(old, m), metric(new, m)
            if a and b:
                checks.append(holds(a[0], b[0]))
                if frame.op in ("share", "pp_change"):
                    what = shared
                elif frame.op == "ratio":
                    what = SAY.say("ratio_label")
                else:
                    what = SAY.say("measure_label", measure=al.label(m)) if m != "-" else ""
                if frame.op in ("share", "ratio", "pp_change") or a[0] == b[0]:
                    lines.append(SAY.say("direction_against", what=what, new=_shown(frame, b[0]),
                                         new_year=al.plabel(new), old=_shown(frame, a[0]), old_year=al.plabel(old)))
                else:  # ("did it narrow?": by 7)
                    lines.append(SAY.say("direction_against_moved", what=what, new=_shown(frame, b[0]),
                                         new_year=al.plabel(new), old=_shown(frame, a[0]), old_year=al.plabel(old),
                                         up_or_down=SAY.say("up") if b[0] > a[0] else SAY.say("down"),
                                         difference=_num(abs(b[0] - a[0]))))
                result.cite(*a[1], *b[1])
    if any(m in al.derived for m in frame.measures):
        lines.append(SAY.say("gap_note"))
    return _all_or_some(checks), lines


def evaluate(facts: FactBase, words: FrameWords, frame: Frame, q: Query) -> Answer:
    """The answer to a figures frame; yes/no questions and claims get a verdict first."""
    al = Algebra(facts, words)
    frame = with_givens(al, frame, q)
    delegated = frame.op in ("value", "total", "extreme", "trend") and not frame.measures  # say their own notes
    notes = [] if delegated else figures.prefix(facts, q)
    if q.excluded:
        notes.insert(0, SAY.say("leaving_out", years=fmt.join([facts.period(p).label for p in q.excluded])))
    result = OPERATIONS.get(frame.op, value)(al, frame, q)
    result.lines = [*notes, *result.lines]
    if frame.op not in ("filter", "identify", "scaled", "own_share") and (frame.yesno or frame.claim is not None):
        verdict, why = (result.verdict, []) if result.verdict else _verdict(al, frame, q, result)
        if frame.inverted and verdict in ("Yes", "No"):  # "were there no years with over 100?"
            verdict = "No" if verdict == "Yes" else "Yes"
        if frame.every and verdict == "Partly":  # "it narrowed every year, didn't it?": not every year, so no
            verdict = "No"
        # "... anything wrong there?": the question asks whether something is wrong, so the verdict turns
        said = _said_verdict(verdict, verdict in ("Yes", "No") and says_any(q.text, words.check_list("asks_wrong")))
        if verdict and frame.claim is not None:
            result.lines = [SAY.say("verdict_why", verdict=said, why=why[0]) if why else
                            SAY.say("verdict", verdict=said), *result.lines, *why[1:]]
        elif verdict:
            body = why or result.lines
            result.lines = [SAY.say("verdict_why", verdict=said, why=body[0]), *body[1:]]
    said_year = re.search(r"\bin (\d{4})\b(?!/)", q.text)  # "did the number of SCRs fall in 2011?"
    if frame.yesno and frame.test == "fall" and result.lines[:1] and result.lines[0].startswith(SAY.say("no")) and \
            ((not q.periods and not q.missing) or said_year):  # "did the number of SCRs ever fall?": not in these
        for event in facts.events:  # years, but the article does report an earlier drop (CYP Now, 2011)
            if not says_any(event.summary.lower(), words.check_list("fell")):
                continue
            result.cite(event.source)
            if said_year and said_year.group(1) == event.date[:4]:  # the year of that drop: yes, then
                result.lines = [SAY.say("fall_reported", summary=event.summary), SAY.say("fall_no_figures")]
            elif says_any(q.text, words.check_list("ever")) and not q.measure:  # "ever": the drop is one (of
                # SCR numbers: "did *published* SCRs ever fall?" asks of the yearly figures)
                result.lines = [SAY.say("fall_before", summary=event.summary), SAY.say("fall_none_in_figures")]
            elif not said_year:
                result.lines.append(SAY.say("fall_reported_before", summary=event.summary))
    followups = result.answer.followups or [SAY.say("followup_reason"), SAY.say("followup_rate")]
    periods = result.answer.periods if result.answer.periods is not None else al.span(frame)
    return result.done(list(periods), followups)


def _said_verdict(verdict: str, asks_wrong: bool) -> str:
    """The verdict ("Yes", "No", "Partly") in words; turned round when the question asks whether something is
    wrong ("No, nothing is wrong")."""
    if verdict == "Yes":
        return SAY.say("no_nothing_wrong") if asks_wrong else SAY.say("yes")
    if verdict == "No":
        return SAY.say("yes_something_wrong") if asks_wrong else SAY.say("no")
    return SAY.say("partly") if verdict == "Partly" else verdict
