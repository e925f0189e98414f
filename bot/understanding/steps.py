"""One year's rise against another's: "was the growth from 2011/12 to 2012/13 bigger than from 2012/13 to
2013/14 in percentage terms?", "did published grow faster in 2012/13 than in 2013/14?".

Each side of "than" names a year-on-year step: by its two ends, or by the year it rose into. Only reads;
the algebra's `steps` computes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from .. import lazyre
from .frame import FrameWords, says_any


class Steps(NamedTuple):
    """The steps into `into[0]` and into `into[1]` (each from the year before), and whether the comparison is
    in percentage terms."""

    into: tuple[str, str]
    relative: bool


def read_steps(words: FrameWords, text: str, placed: list[tuple[int, tuple[str, ...]]],
               period_ids: list[str]) -> Steps | None:
    """The two steps `text` (normalised) compares, if it compares two; `placed`: where each period the question
    names stands in the text, with its ids."""
    at = f" {text} ".find(" than ")
    if at < 0 and says_any(text, words.check_list("comparatives")):  # "was the rise bigger in 2012/13 or 2013/14?"
        at = f" {text} ".find(" or ")
    steps_named = "|".join(re.escape(w) for w in words.check_list("step_words"))
    between = re.search(rf"\b(?:difference|compare|comparison|contrast) between (?:the )?(?:{steps_named})\b",
                        text) if at < 0 and steps_named else None
    if between is not None:  # "the difference between the increase in 2012/13 and in 2013/14": two rises
        at = f" {text} ".find(" and ", between.end())
    if at < 0 or not says_any(text, words.check_list("step_words")):
        return None
    if says_any(text, words.check_list("sum_words")) or (between is None and says_any(
            text, words.check_list("not_steps"))):
        return None  # "than the two previous years combined" is a sum; "was the gap bigger ..." a gap
    sides = ([ids for pos, ids in placed if pos < at], [ids for pos, ids in placed if pos >= at])
    padded = f" {text} "
    if not says_any(padded[at:], words.check_list("step_words")) and len(sides[1]) == 1 and len(sides[0]) == 2:
        return None  # "is the rise from 2012/13 to 2013/14 more than the 2012/13 published figure?": a figure
    into = []
    for side in sides:
        years = list(dict.fromkeys(i for ids in side for i in ids))
        if len(years) == 2 and abs(period_ids.index(years[0]) - period_ids.index(years[1])) == 1:
            into.append(max(years, key=period_ids.index))  # "from 2011/12 to 2012/13": the step into the later
        elif len(years) == 1 and period_ids.index(years[0]) > 0:
            into.append(years[0])  # "in 2012/13": the rise into it
        else:
            return None
    if into[0] == into[1]:
        return None
    relative = says_any(text, words.check_list("relative"))
    return Steps((into[0], into[1]), relative)


class WhatIf(NamedTuple):
    """A year's figure had it risen as another year's did: `target` had its rise been `reference`'s (each from
    the year before), by the same number or, `relative`, the same percentage."""

    target: str
    reference: str
    relative: bool


def read_what_if(words: FrameWords, text: str, placed: list[tuple[int, tuple[str, ...]]],
                 period_ids: list[str]) -> WhatIf | None:
    """"If publications had risen by the same number in 2013/14 as they did in 2012/13, how many would have been
    published?": the year whose rise is supposed (named after "as") and the year it is applied to."""
    padded = f" {text} "
    rated = " at " in padded and " rate" in padded and " same " not in padded  # "had risen at 2012/13's rate"
    if " if " not in padded or not (" same " in padded or rated) or not says_any(
            text, words.check_list("step_words")):
        return None
    at = padded.find(" at ") if rated else padded.find(" as ", padded.find(" same "))
    if at < 0:
        return None
    after = [ids[0] for pos, ids in placed if pos + 1 > at and len(ids) == 1]
    before = [ids[0] for pos, ids in placed if pos + 1 <= at and len(ids) == 1]
    others = [p for p in before + after[1:] if p not in after[:1]]
    if not after or not others:
        return None
    reference, target = after[0], others[0]
    if period_ids.index(reference) == 0 or period_ids.index(target) == 0:
        return None  # the first year has no rise into it
    return WhatIf(target, reference, rated or says_any(text, words.check_list("relative")))


class RiseVsFigure(NamedTuple):
    """The rise into `into` (from the year before, of `measures[0]`) against one year's figure (`year`, of
    `measures[1]`): "is the increase in published from 2012/13 to 2013/14 more than the 2012/13 figure?"."""

    into: str
    year: str
    measures: tuple[str | None, str | None]


def read_rise_vs_figure(words: FrameWords, text: str, placed: list[tuple[int, tuple[str, ...]]],
                        period_ids: list[str], measure_of: Callable[[str], str | None]) -> RiseVsFigure | None:
    """A year-on-year rise (two years named) against a year's own figure (one year, no word of rising)."""
    padded = f" {text} "
    at = padded.find(" than ")
    if at < 0 or not says_any(padded[:at], words.check_list("step_words")) or says_any(
            padded[at:], words.check_list("step_words")) or says_any(text, words.check_list("sum_words")):
        return None
    before = list(dict.fromkeys(i for pos, ids in placed if pos < at for i in ids))
    after = list(dict.fromkeys(i for pos, ids in placed if pos >= at for i in ids))
    if len(before) != 2 or len(after) != 1 or abs(period_ids.index(before[0]) - period_ids.index(before[1])) != 1:
        return None
    into = max(before, key=period_ids.index)
    return RiseVsFigure(into, after[0], (measure_of(padded[:at]), measure_of(padded[at:])))


class Again(NamedTuple):
    """"If commissions rose by the same number again the next year": the rise into `reference` (the latest year's
    unless another is named after "as"), applied once more to the latest year; `relative`: the same percentage."""

    reference: str | None
    relative: bool


def read_again(words: FrameWords, text: str, placed: list[tuple[int, tuple[str, ...]]],
               period_ids: list[str]) -> Again | None:
    """A what-if past the last year the figures give, which is arithmetic on them, not a forecast."""
    padded = f" {text} "
    continuing = says_any(text, words.check_list("continuing"))  # "if they kept growing at the ... rate"
    if " if " not in padded or not (continuing or says_any(text, words.check_list("step_words"))) or not (
            " same " in padded or " again " in padded or continuing) or not says_any(
            text, words.check_list("beyond_last")):
        return None
    at = padded.find(" as ", padded.find(" same ")) if " same " in padded else -1
    named = [ids[0] for pos, ids in placed if at >= 0 and pos + 1 > at and len(ids) == 1]
    if continuing and not named:  # "at the 2012/13-to-2013/14 rate": the rise into the later of the years named
        named = sorted({i for _, ids in placed for i in ids}, key=period_ids.index, reverse=True)[:1]
    reference = named[0] if named and period_ids.index(named[0]) > 0 else None
    return Again(reference, says_any(text, words.check_list("relative")))


class Scaled(NamedTuple):
    """"If commissions doubled from the 2013/14 level?": `year`'s figure (None: the latest) times `factor`, or
    changed by `factor` percent when `percent`."""

    year: str | None
    factor: float
    percent: bool


_PERCENT = lazyre.compile(r"\bby (\d+(?:\.\d+)?) ?(?:percent|per cent|%)")


def read_scaled(words: FrameWords, text: str, placed: list[tuple[int, tuple[str, ...]]]) -> Scaled | None:
    """A what-if that scales one year's figure: by a multiple ("doubled", "tripled"), by half, or by a stated
    percentage ("rose by 10%", "fell by 20 percent"). Any other number or a second year is another question."""
    padded = f" {text} "
    year = placed[0][1][-1] if placed else None
    bare = set(text.split()) <= set(words.check_list("scale_bare"))  # "double it" after a figure
    if (" would " in padded or bare) and " if " not in padded and len({ids for _, ids in placed}) <= 1:
        # "what would double have been?", "what would twice 2011/12's figure be?": no "if", but supposed
        for factor, cue in ((2.0, "doubling"), (3.0, "tripling")):
            if says_any(text, words.check_list(cue)):
                return Scaled(year, factor, False)
    if " if " not in padded or " same " in padded or len({ids for _, ids in placed}) > 1 or not (
            " would " in padded or " how many " in padded or " what if " in padded):
        return None
    multiple = words.multiple.search(text)
    if multiple:
        return Scaled(year, float(words.multiples[multiple.group(1)]), False)
    if says_any(text, words.check_list("halving")):
        return Scaled(year, 0.5, False)
    stated = _PERCENT.search(text)
    if stated and says_any(text, words.check_list("step_words") + words.check_list("falling")):
        sign = -1 if says_any(text, words.check_list("falling")) else 1
        return Scaled(year, sign * float(stated.group(1)), True)
    return None


class RiseShare(NamedTuple):
    """The part of the rise over `span` (its first and last years) that came in the step into `into`."""

    into: str
    span: tuple[str, str]


_SHARE_OF_RISE = lazyre.compile(r"\b(?:share|percentage|percent|proportion|fraction|part|how much|how many) of "
                            r"(?:the |that |this )?(?:overall |total |whole )?(\w+)")


def read_rise_share(words: FrameWords, text: str, placed: list[tuple[int, tuple[str, ...]]],
                    period_ids: list[str]) -> RiseShare | None:
    """"What share of the increase in published SCRs between 2011/12 and 2013/14 came in the final year?": one
    year-on-year step as a part of the whole rise. The step is the year named after the rise (or the last or
    first year, by those words); the rise runs over the years named before it, or every year."""
    found = _SHARE_OF_RISE.search(text) if " of " in text else None
    if found is None or found.group(1) not in words.check_list("step_words"):
        return None
    after = text[found.end():]
    named = [ids for pos, ids in placed]
    span_ids = sorted({i for ids in named[:2] for i in ids}, key=period_ids.index) if len(named) >= 2 else []
    into = named[2][-1] if len(named) >= 3 else named[0][-1] if len(named) == 1 else None
    if into is None and says_any(after, words.check_list("last_year_words")):
        into = period_ids[-1]
    elif into is None and says_any(after, words.check_list("first_year_words")):
        into = period_ids[1] if len(period_ids) > 1 else None
    span = (span_ids[0], span_ids[-1]) if len(span_ids) >= 2 else (period_ids[0], period_ids[-1])
    if into is None or not (period_ids.index(span[0]) < period_ids.index(into) <= period_ids.index(span[1])):
        return None
    if not says_any(after, words.check_list("came_in")):
        return None  # ("what share of the increase was published?" is another question)
    return RiseShare(into, span)
