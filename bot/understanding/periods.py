"""Reading periods out of a question, in every way people write a financial year.

Periods are read before fuzzy matching and cut out of the text, so a year never takes part
in the fuzzy score. Spellings are derived from the year numbers, not listed per period, so a
new year in `facts/periods.yaml` is understood with no code change.
"""

from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

from .. import lazyre
from ..knowledge.model import Period
from ..lazyre import LazyPattern

_Y4 = r"(?:19|20)\d\d"
_MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
_MONTH = "(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + ")"
MONTH_PATTERN = _MONTH  # any month's name or abbreviation, for patterns elsewhere
_B = r"(?<![\w/.])"  # left boundary: not inside another number or word
_E = r"(?![\w]|[/.]\d)"  # right boundary


class PeriodRef(NamedTuple):
    """What the question said about time, before it is checked against the data.

    kind: "fy" (financial year starting in `year`), "cy" (calendar year), "latest", "first",
    "previous", "next", "last" ("last year": the previous one in a follow-up, else today's
    sense), "all", "now" (this year), "month" (a month of a year), "bad" (unreadable).
    """

    kind: str
    year: int = 0
    text: str = ""
    month: int = 0  # for kind "month": a month of a calendar year ("July 2012")

    @property
    def label(self) -> str:
        if self.kind == "fy":
            return fy_label(self.year)
        if self.kind == "cy":
            return str(self.year)
        if self.kind == "month":
            return f"{self.text.split()[-2].capitalize()} {self.year}"
        return self.text


def fy_label(start_year: int) -> str:
    return f"{start_year}/{(start_year + 1) % 100:02d}"


def fy_start(year: int, month: int) -> int:
    """The year a month's financial year starts in: English financial years run April to March."""
    return year if month >= 4 else year - 1


def _century(two_digits: int) -> int:
    """'13' is 2013 and '99' is 1999: the figures are about this century and the last."""
    return 2000 + two_digits if two_digits < 50 else 1900 + two_digits


def _fy_from(first: str, second: str) -> int | None:
    """The start year if `first`/`second` name consecutive years (2013/14, 2013/2014, 13/14)."""
    a = int(first) if len(first) == 4 else _century(int(first))
    b = int(second)
    if len(second) == 2:
        return a if (a + 1) % 100 == b else None
    return a if b == a + 1 else None


# Patterns in priority order; each returns a PeriodRef or None for a match it rejects.
def _between_months(m: re.Match[str]) -> PeriodRef | None:
    m1, y1, m2, y2 = _MONTHS[m["m1"]], int(m["y1"]), _MONTHS[m["m2"]], int(m["y2"])
    if m1 == 4 and m2 == 3 and y2 == y1 + 1:
        return PeriodRef("fy", y1, m[0])
    return PeriodRef("bad", 0, m[0].strip())


def _year_to_march(m: re.Match[str]) -> PeriodRef | None:
    return PeriodRef("fy", int(m["y"]) - 1, m[0])


def _fy_pair(m: re.Match[str]) -> PeriodRef | None:
    start = _fy_from(m["a"], m["b"])
    if start is None:
        return PeriodRef("bad", 0, m[0].strip())
    return PeriodRef("fy", start, m[0])


def _fy_short(m: re.Match[str]) -> PeriodRef | None:
    year = int(m["y"])
    end = year if year > 99 else _century(year)
    return PeriodRef("fy", end - 1, m[0])


def _year_span(m: re.Match[str]) -> PeriodRef | None:
    a, b = int(m["a"] or m["a2"]), int(m["b"] or m["b2"])
    return PeriodRef("fy", a, m[0]) if b == a + 1 else None


def _month(m: re.Match[str]) -> PeriodRef | None:
    return PeriodRef("month", int(m["y"]), m[0], _MONTHS[m["m"]])


def _calendar(m: re.Match[str]) -> PeriodRef | None:
    return PeriodRef("cy", int(m["y"]), m[0])


_NUMBERS = {"two": 2, "three": 3, "four": 4}


def _count(kind: str):
    """'the first two years': kind first/latest with `year` holding how many."""
    return lambda m: PeriodRef(kind, _NUMBERS.get(m["n"], 0) or int(m["n"]), m[0].strip())


def _word(kind: str):
    return lambda m: PeriodRef(kind, 0, m[0].strip())


def _any(*alternatives: str) -> str:
    """One pattern from readable alternatives (tried left to right), compiled on first use by `_compiled`."""
    return "|".join(f"(?:{a})" for a in alternatives)


_YEAR_WORD = r"(?:financial )?(?:year|period)"
_LATEST = r"(?:latest|most recent|newest|final|recent)"

# In priority order: each pattern's matches are cut out before the next pattern runs.
_PATTERNS: list[tuple[str, object]] = [
    # 2013/14/15 and the like: not one period, and not to be read as one
    (_any(rf"{_B}\d+[/-]\d+[/-]\d+(?:[/-]\d+)*{_E}"), _word("bad")),
    # between April 2013 and March 2014
    (
        _any(
            rf"(?:between |from )?(?P<m1>{_MONTH}) (?P<y1>{_Y4}) (?:and|to|until|till|through|-) "
            rf"(?P<m2>{_MONTH}) (?P<y2>{_Y4})"
        ),
        _between_months,
    ),
    # the (financial) year to / ending March 2014
    (
        _any(
            rf"(?:the )?(?:financial |fiscal |12 months? |twelve months )?(?:year )?"
            rf"(?:to|ending|ended|up to|until|through to) (?:the end of )?(?:march|mar) (?P<y>{_Y4})"
        ),
        _year_to_march,
    ),
    # 2013/14, 2013-14, 2013/2014, 13/14, FY2013/14, financial year 2013-2014
    (
        _any(
            rf"{_B}(?:(?:the )?(?:financial|fiscal) year |fy|f/y|fy-)? ?"
            rf"(?P<a>{_Y4}|\d\d) ?[/-] ?(?P<b>\d{{4}}|\d\d){_E}"
        ),
        _fy_pair,
    ),
    # FY14, fy 2014 (the year ending March 2014)
    (_any(rf"{_B}(?:fy|f/y) ?(?P<y>{_Y4}|\d\d){_E}"), _fy_short),
    # 2013 to 2014, between 2011 and 2012
    (
        _any(
            rf"{_B}between (?P<a>{_Y4}) and (?P<b>{_Y4}){_E}",
            rf"{_B}(?P<a2>{_Y4}) (?:to|until|till|through|into) (?P<b2>{_Y4}){_E}",
        ),
        _year_span,
    ),
    # 2013 14
    (_any(rf"{_B}(?P<a>{_Y4}) (?P<b>\d\d){_E}"), lambda m: _fy_pair(m) if _fy_from(m["a"], m["b"]) else None),
    # 13 14, as typed in a hurry ("n 13 14"): two consecutive two-digit years
    (_any(rf"{_B}(?P<a>(?:0|1|2)\d) (?P<b>\d\d){_E}"), lambda m: _fy_pair(m) if _fy_from(m["a"], m["b"]) else None),
    # July 2012
    (_any(rf"\b(?:in |during |from |since )?(?P<m>{_MONTH}) (?P<y>{_Y4}){_E}"), _month),
    # 2013
    (_any(rf"{_B}(?P<y>{_Y4}){_E}"), _calendar),
    (  # "the two most recent years"
        _any(rf"\b(?:the )?(?P<n>two|three|four|2|3|4) (?:last|latest|most recent|final) {_YEAR_WORD}s\b"),
        _count("latest"),
    ),
    (
        _any(
            r"\b(?:the )?(?:latest|most recent|newest|last|final|current) (?:year|period|figures?|numbers?|data) "
            r"(?:in|on|of|covered by|covered in) (?:the |your |this )?(?:data|record|records|figures|table|series|"
            r"article|piece|story|report)\b",
            rf"\b(?:the )?{_LATEST}(?: (?:financial |full )?(?:year|period|figures?|numbers?|data|stats|statistics))?"
            r"\b",
        ),
        _word("latest"),
    ),
    (
        _any(rf"\b(?:the )?(?:first|earliest|oldest|initial|starting|start) {_YEAR_WORD}\b", r"\bearliest\b",
             r"\bthe first(?= to the (?:last|latest|final|most recent)\b)"),  # "from the first to the last year"
        _word("first"),
    ),
    (_any(rf"\b(?:the )?(?:first|earliest) (?P<n>two|three|four|2|3|4) {_YEAR_WORD}s\b"), _count("first")),
    (
        _any(rf"\b(?:the )?(?:last|latest|most recent|final) (?P<n>two|three|four|2|3|4) {_YEAR_WORD}s\b"),
        _count("latest"),
    ),
    (_any(r"\bthe last year\b"), _word("latest")),  # "in the last year" of the figures, not the calendar's
    (_any(r"\blast year\b"), _word("last")),
    # "from the first year to the last": the latest year
    (_any(r"(?<=to )the last(?: one)?$", r"(?<=until )the last(?: one)?$"), _word("latest")),
    # "two years later", "2 years before that": a step of more than one year from the last answer's
    (
        _any(r"\b(?P<n>two|three|2|3) (?:financial )?years? (?:later|after(?: that)?|on)\b"),
        _count("next"),
    ),
    (
        _any(r"\b(?P<n>two|three|2|3) (?:financial )?years? (?:earlier|before(?: that)?|previously)\b"),
        _count("previous"),
    ),
    (
        _any(
            rf"\b(?:the )?(?:previous|prior|preceding) {_YEAR_WORD}(?: before)?(?: that)?\b",
            r"\b(?:the )?(?:year|period) before(?: that)?\b",
            r"\bthe one before\b",
            r"\bbefore that\b",
        ),
        _word("previous"),
    ),
    (
        _any(
            rf"\b(?:the )?(?:next|following|subsequent) {_YEAR_WORD}\b",
            r"\b(?:the )?(?:year|period) after(?: that)?\b",
            r"\bafter that\b",
            r"\bthe (?:one|year) after\b",
            r"^(?:and )?(?:then )?after$",
        ),
        _word("next"),
    ),
    (
        _any(
            r"\b(?:this|current) (?:calendar )?year\b",
            r"\b(?:today|nowadays|currently|right now|so far this year)\b",
            r"(?<!cyp )\bnow$",
        ),
        _word("now"),
    ),
    (
        _any(
            r"\b(?:every|each|all|all the|all three|all 3|across all|over all|over the) "
            r"(?:financial )?(?:years?|periods?)\b",
            r"\b(?:by|per|year by|year on|year over|year to) year\b",
            r"\bover time\b",
        ),
        _word("all"),
    ),
    # anything else that looks like a period but is not one: 2013/1400000, 2013/15
    (_any(rf"{_B}\d+(?:[/-]\d+)+{_E}(?!\s*(?:sentences?|lines?|paragraphs?|words?|points?|bullets?|pages?)\b)",
          rf"{_B}\d{{5,}}{_E}"), _word("bad")),
]


_NEEDS_DIGITS = [r"\d" in pattern for pattern, _ in _PATTERNS]
# Compiling all of them takes ~7 ms, a tenth of `scrbot ask`; most questions need only a few.
_COMPILED: list[re.Pattern[str] | None] = [None] * len(_PATTERNS)


def _compiled(index: int) -> re.Pattern[str]:
    pattern = _COMPILED[index]
    if pattern is None:
        pattern = _COMPILED[index] = lazyre.compile(_PATTERNS[index][0])
    return pattern

_DIGIT = lazyre.compile(r"\d")
# Every word a period pattern without digits can start from; a question with none of them skips those patterns.
_WORD_TRIGGERS = lazyre.compile(
    r"\b(?:latest|recent|newest|final|current|first|earliest|oldest|initial|start|starting|last|previous|prior"
    r"|preceding|before|next|following|subsequent|after|this|today|nowadays|currently|now|right|so|every|each"
    r"|all|across|over|by|per|year|years|later|earlier|one)\b"
)


def read_periods(text: str) -> tuple[list[PeriodRef], str]:
    """Every period the text names, in order of appearance, and the text with them cut out."""
    found: list[tuple[int, PeriodRef]] = []
    has_digits = _DIGIT.search(text) is not None
    has_words = _WORD_TRIGGERS.search(text) is not None
    if not has_digits and not has_words:
        return [], " ".join(text.split())
    current = text
    for index, ((_, make), needs_digits) in enumerate(zip(_PATTERNS, _NEEDS_DIGITS, strict=True)):
        if (needs_digits and not has_digits) or (not needs_digits and not has_words):
            continue
        cut = False
        chars = None
        for m in _compiled(index).finditer(current):
            if "\0" in m[0]:
                continue
            ref = make(m)  # type: ignore[operator]
            if ref is None:
                continue
            found.append((m.start(), ref))
            chars = chars if chars is not None else list(current)
            chars[m.start() : m.end()] = "\0" * (m.end() - m.start())
            cut = True
        if cut:
            current = "".join(chars)  # type: ignore[arg-type]
    found.sort(key=lambda item: item[0])
    rest = " ".join(current.replace("\0" + "'s", " ").replace("\0", " ").split())  # "the latest year's figures"
    return [ref for _, ref in found], rest


class Resolved(NamedTuple):
    """Periods found in the data for one reference, and the labels of those asked for but missing."""

    ids: tuple[str, ...]
    missing: tuple[str, ...] = ()
    note: str = ""


def resolve(ref: PeriodRef, periods: list[Period], anchor: str | None = None) -> Resolved:
    """Turn a reference into period ids of the fact base; `anchor` is the period a follow-up is relative to."""
    ids = [p.id for p in periods]
    if ref.kind == "fy":
        match = [p.id for p in periods if p.start.year == ref.year and p.end.year == ref.year + 1]
        return Resolved(tuple(match), () if match else (fy_label(ref.year),))
    if ref.kind == "cy":
        first, last = date(ref.year, 1, 1), date(ref.year, 12, 31)
        match = tuple(p.id for p in periods if p.start <= last and p.end >= first)
        spans = (fy_label(ref.year - 1), fy_label(ref.year))
        missing = tuple(label for label in spans if label not in match)
        note = (
            f"{ref.year} is a calendar year; the figures are kept by financial year "
            f"(April to March), so {ref.year} falls in {spans[0]} and {spans[1]}."
        )
        return Resolved(match, missing, note)
    if ref.kind == "month":
        day = date(ref.year, ref.month, 15)
        match = tuple(p.id for p in periods if p.start <= day <= p.end)
        start = fy_start(ref.year, ref.month)
        note = (f"The article gives no monthly figures: {ref.label} falls in the {fy_label(start)} financial year, "
                "and this is that whole year's figure.")
        return Resolved(match, () if match else (fy_label(start),), note)
    if ref.kind == "latest":
        return Resolved(tuple(ids[-max(ref.year, 1) :]))
    if ref.kind == "first":
        return Resolved(tuple(ids[: max(ref.year, 1)]))
    if ref.kind == "all":
        return Resolved(tuple(ids))
    if ref.kind == "last":
        ref = PeriodRef("previous", 0, ref.text) if anchor in ids else PeriodRef("now", 0, ref.text)
    if ref.kind in ("previous", "next"):
        if anchor not in ids:
            return Resolved((), (ref.text,))
        step = max(ref.year, 1)  # "two years later" carries its step in `year`
        i = ids.index(anchor) + (-step if ref.kind == "previous" else step)
        if 0 <= i < len(ids):
            return Resolved((ids[i],))
        shifted = periods[ids.index(anchor)].start.year + (-step if ref.kind == "previous" else step)
        return Resolved((), (fy_label(shifted),))
    return Resolved((), (ref.label,))


_MONTH_PAIR = LazyPattern(rf"(?P<m1>{_MONTH}) (?P<y1>{_Y4})\b.*?\b(?P<m2>{_MONTH}) (?P<y2>{_Y4})")


def months_apart(text: str) -> tuple[int, tuple[int, int], tuple[int, int]] | None:
    """"How many months between July 2012 and March 2013?": the months from the first month named to the
    second, with each as (year, month); None unless two are named."""
    m = _MONTH_PAIR.search(text)
    if m is None:
        return None
    first, second = (int(m["y1"]), _MONTHS[m["m1"]]), (int(m["y2"]), _MONTHS[m["m2"]])
    return abs((second[0] - first[0]) * 12 + second[1] - first[1]), first, second
