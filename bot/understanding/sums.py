"""A figure against the sum of others: "were more published in 2013/14 than in the two previous years
combined?", "is 114 more than 55 plus 81?", "the two later years together than 2011/12".

One side of the comparison is one year's figure; the other, named with a word of summing ("combined",
"together", "plus"), is the sum of several years' figures, named or placed relative to the first
("the previous two years", "the other years"). Only reads; the algebra's `vs_sum` computes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from ..lazyre import LazyPattern
from .frame import FrameWords, says_any

_COMPARED = LazyPattern(r"\b(?:than|the same as|same as|equal to|equals|equal|as many as|as much as|as big as|"
                       r"as high as|compared? (?:to|with)|against|versus|vs|"
                       r"(?:to|with)(?= the (?:sum|total|combined)\b))\b")
_NUMBER = LazyPattern(r"(?<![\d/.])\d{1,4}(?![\d/%])")


class Summed(NamedTuple):
    """One year's figure (`subject`, of `measures[0]`) against the sum of `summed` (of `measures[1]`)."""

    subject: str
    summed: tuple[str, ...]
    measures: tuple[str, str]


def read_sum(words: FrameWords, text: str, placed: list[tuple[int, tuple[str, ...]]], period_ids: list[str],
             measure_of: Callable[[str], str | None], cells: dict[float, list[tuple[str, str]]],
             last: tuple[str, str | None] | None = None) -> Summed | None:
    """The comparison `text` (normalised) makes with a sum, if it makes one. `placed`: where each period the
    question names stands in the text, with its ids; `measure_of`: the one measure a piece of text names;
    `cells`: the (period, measure) of each yearly figure; `last`: the year and measure a follow-up's side that
    names none stands for ("and more than both earlier years' put together?")."""
    compared = _COMPARED.search(text)
    if compared is None:
        return None
    left, right = text[: compared.start()], text[compared.end():]
    summing = words.check_list("sum_words")
    sum_right = says_any(right, summing)
    if not sum_right and not says_any(left, summing):
        return None
    at = compared.start()
    sides = ([ids for pos, ids in placed if pos < at], [ids for pos, ids in placed if pos >= at])
    years = [list(dict.fromkeys(i for ids in side for i in ids)) for side in sides]
    measures = [measure_of(side) for side in (left, right)]
    if not placed and _NUMBER.search(text):  # "is 114 more than 55 plus 81?": the figures stand for their years
        named = [cells_named(side, cells) for side in (left, right)]
        if named[0] is None or named[1] is None:
            return None
        years = [[cell[0] for _, cell in side] for side in named]
        measures = [side[0][1][1] for side in named]
    one, many = (0, 1) if sum_right else (1, 0)
    if not years[one] and last is not None:
        years[one] = [last[0]]
        measures[one] = measures[one] or last[1]
    if len(years[one]) != 1:
        return None
    subject = years[one][0]
    summed = years[many] if len(years[many]) >= 2 else _placed(words, (left, right)[many], subject, period_ids)
    if len(summed) < 2 or (subject in summed and len(summed) < len(period_ids)):
        return None
    measure = measures[one] or measures[many]
    if measure is None:
        return None
    return Summed(subject, tuple(summed), (measure, measures[many] or measure))


Cell = tuple[str, str]  # (period, measure) of one yearly figure


def cells_named(text: str, cells: dict[float, list[Cell]]) -> list[tuple[re.Match[str], Cell]] | None:
    """The article's yearly figures `text` names by value ("114 minus 71"), each with its (period, measure);
    None when it names none, or a number that is not exactly one yearly figure."""
    found = [(m, cells.get(float(m.group()), [])) for m in _NUMBER.finditer(text)]
    if not found or any(len(cell) != 1 for _, cell in found):
        return None
    return [(m, cell[0]) for m, cell in found]


def _placed(words: FrameWords, side: str, subject: str, period_ids: list[str]) -> list[str]:
    """The years a sum is placed by, relative to the one year compared ("the two previous years")."""
    at = period_ids.index(subject)
    if says_any(side, words.check_list("sum_before")):
        return period_ids[:at]
    if says_any(side, words.check_list("sum_after")):
        return period_ids[at + 1:]
    if says_any(side, words.check_list("sum_other")):
        return [p for p in period_ids if p != subject]
    if says_any(side, words.check_list("sum_all")):
        return list(period_ids)
    return []


def read_vs_total(text: str, placed: list[tuple[int, tuple[str, ...]]], total: tuple[tuple[str, ...], str | None],
                  measure_of: Callable[[str], str | None]) -> Summed | None:
    """"Isn't that the same as the 2013/14 commissioned figure?" after a total: the one year the question names
    against the last answer's sum (`total`: its years and measure)."""
    years, measure = total
    compared = _COMPARED.search(text)
    named = list(dict.fromkeys(i for _, ids in placed for i in ids))
    if compared is None or len(years) < 2 or len(named) != 1 or measure is None:
        return None
    return Summed(named[0], years, (measure_of(text[compared.end():]) or measure, measure))


class Own(NamedTuple):
    """A figure the asker gives as their own ("our LSCB commissioned 4 SCRs in 2013/14") to set against the
    article's national one: `value`, and the text around it, which names its measure."""

    value: float
    said: str


_OWN = LazyPattern(r"\b(?:our|we|my)\b((?:\s+[a-z'/]+){0,4}?)\s+(\d{1,3})(?![\d/%.]| ?percent)")


def read_own(words: FrameWords, text: str, stated: bool = False) -> Own | None:
    """The asker's own figure, when the question asks how it compares with the article's (a share of it, or a
    comparison): "we published 3 SCRs last year; what share of the national number is that?"; or, `stated`,
    when the message only states it ("Our LSCB commissioned 6 SCRs in 2013/14."), which is no claim to check."""
    found = _OWN.search(text)
    if found is None or set(found.group(1).split()) & set(words.check_list("hearsay")) or not (
            stated or says_any(text, words.check_list("own_compared"))):
        return None  # ("my notes say 71 were published" is a claim about the article's figure)
    return Own(float(found.group(2)), text[found.start(): found.end() + 40])


class YearShare(NamedTuple):
    """One year's figure (`part`) as a percentage of another year's (`whole`), of one measure."""

    part: str
    whole: str


_SHARE_OF_YEAR = LazyPattern(r"\b(?:percentage|percent|share|proportion|fraction|%) of (?:the |that |its )?"
                             r"(?:(?:scrs? |reviews )?(?:published|commissioned) in )?$")
_ASKS_YEAR_SHARE = LazyPattern(r"\b(?:percentage|percent|share|proportion|fraction|%) of (?:the |that |its )?"
                               r"(?:(?:scrs? |reviews )?(?:published|commissioned) in )?(?:\d{4}|financial year)")


def asks_year_share(text: str) -> bool:
    """Whether a question asks for a figure as a percentage of a year's ("... of the 2013/14 figure?")."""
    return _ASKS_YEAR_SHARE.search(text) is not None


def read_year_share(text: str, placed: list[tuple[int, tuple[str, ...]]], last: str | None = None) -> YearShare | None:
    """"The 2011/12 commissioned figure is what percentage of the 2013/14 one?", "what percentage of the 2013/14
    figure is that?" (after a year's figure, `last`): the year right after "percentage of" is the whole, the other
    year (or the last answer's) the part."""
    singles = [(pos, ids[0]) for pos, ids in placed if len(ids) == 1]
    whole = next((year for pos, year in singles if _SHARE_OF_YEAR.search(text[:pos])), None)
    if whole is None:
        return None
    others = [year for _, year in singles if year != whole] or ([last] if last and last != whole else [])
    return YearShare(others[0], whole) if len(others) == 1 else None
