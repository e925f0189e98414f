"""A figures question as a typed frame: operation, measures, periods, yes/no, a claimed figure.

The intent that recognised the question says what kind of figure is asked (its default
operation); the words of `intents/frames.yaml` refine it ("how many *more* commissioned *than*
published" is a gap, "*percentage points*" a change in the share). The answer is then computed
from the frame by `answers.algebra`, so every combination works without a template of its own.
"""

from __future__ import annotations

import re
from functools import cached_property
from pathlib import Path
from typing import Any, NamedTuple

from .. import lazyre
from ..knowledge.errors import DataError, Problem
from ..lazyre import LazyPattern
from .lexicon import Reading
from .memo import Recent, per_list

FRAMES_FILE = "frames.yaml"
OPERATIONS = ("value", "change", "gap", "pp_change", "share", "ratio", "average", "total", "times", "faster",
              "extreme", "trend", "identify", "cagr", "median", "portion", "spread", "per_time", "filter",
              "rank", "both_measures", "at_rate")
PREDICATES = ("double", "triple", "half", "all", "same", "accelerate", "fall", "rise")
FOLLOWUP_OPS = ("percent", "other", "same", "span", "diff", "average", "sum")
_NUMBER = lazyre.compile(r"(?<![\w/.])(\d+(?:\.\d+)?)(?:\s*(percent))?(?![\w/])")
# "20 years", "two years": numbers that count something other than SCRs are not claims.
_NOT_A_CLAIM = lazyre.compile(r"^\s*(?:years?|months?|days?|weeks?)\b")
_COUNTED_THINGS = lazyre.compile(r"\b(?:those|these|the|both|all|them)\s$")


class DerivedMeasure(NamedTuple):
    id: str
    label: str
    of: str
    minus: str
    negates: str
    words: tuple[str, ...]


class FrameWords:
    """The vocabulary of `intents/frames.yaml`, compiled to padded phrases for whole-word lookups."""

    def __init__(self, doc: dict[str, Any], measures: frozenset[str] = frozenset()) -> None:
        self.measures = measures  # the base measures' ids ("commissioned", "published"), as questions write them
        self.operations = [(o["op"], tuple(o["cues"])) for o in doc.get("operations", [])]
        self.overall = tuple(doc.get("overall", []))
        self.since = tuple(doc.get("since", []))
        self.derived = [
            DerivedMeasure(d["id"], d["label"], d["of"], d["minus"], d.get("negates", ""), tuple(d.get("words", [])))
            for d in doc.get("derived_measures", [])
        ]
        self.yesno_openers = frozenset(doc.get("yesno_openers", []))
        self.scene_openers = frozenset(doc.get("scene_openers", []))
        self.request_verbs = frozenset(doc.get("request_verbs", []))
        self.predicates = [(p["test"], tuple(p["cues"])) for p in doc.get("predicates", [])]
        self.claim_markers = tuple(doc.get("claim_markers", []))
        self.question_words = frozenset(doc.get("question_words", []))
        self.joiners = tuple(doc.get("joiners", []))
        self.checks = frozenset(doc.get("checks", []))
        self.check_verbs = tuple(doc.get("check_verbs", []))
        self.contradicting = frozenset(doc.get("contradicting", []))
        self.pleasantries = frozenset(doc.get("pleasantries", []))
        self.requests = tuple(doc.get("requests", []))
        self.refers_back = tuple(doc.get("refers_back", []))
        self.figure_sources = frozenset(doc.get("figure_sources", []))
        self.followup_ops = [(o["op"], tuple(o["cues"])) for o in doc.get("followup_ops", [])]
        self.anaphors = frozenset(doc.get("anaphors", []))
        self.check_words = {k: tuple(v) for k, v in (doc.get("check_words") or {}).items()}
        self.leading = frozenset(doc.get("leading", []))
        self.number_words = {str(k): int(v) for k, v in (doc.get("number_words") or {}).items()}
        approx = "|".join(re.escape(a) for a in doc.get("approximately", [])) or "(?!)"
        self.approx = lazyre.compile(rf"(?:{approx})\s*$")
        words = "|".join(map(re.escape, self.number_words)) or "(?!)"
        self.times = lazyre.compile(rf"\b({words})\s*(?=fold\b|times\b)")
        # "six in ten", "1 out of 3": a share stated as a rate per a small whole
        self.per_whole = lazyre.compile(rf"\b({words}|one|\d{{1,2}}) (?:in|out of) ({words}|10|100|[2-9])\b(?! \d)")
        self.multiples = {str(k): int(v) for k, v in (doc.get("multiple_words") or {}).items()}
        verbs = "|".join(map(re.escape, self.multiples)) or "(?!)"
        self.multiple = lazyre.compile(rf"\b({verbs})\b")
        self.source_followups = frozenset(doc.get("source_followups", []))
        self.more_followups = frozenset(doc.get("more_followups", []))
        self.quote_words = frozenset(doc.get("quote_words", []))
        self.exclusions = tuple(doc.get("exclusions", []))
        self.inverting = tuple(doc.get("inverting", []))
        self.per_time = {str(k): float(v) for k, v in (doc.get("per_time") or {}).items()}
        comparators = doc.get("comparators") or {}
        self.comparators = {k: tuple(comparators.get(k, [])) for k in ("gt", "lt")}
        gt = "|".join(map(re.escape, self.comparators["gt"])) or "(?!)"
        lt = "|".join(map(re.escape, self.comparators["lt"])) or "(?!)"
        self.comparator = lazyre.compile(rf" (?:(?P<gt>{gt})|{lt}) $")
        self.fractions = {str(k): float(v) for k, v in (doc.get("fractions") or {}).items()}
        names = "|".join(map(re.escape, sorted(self.fractions, key=len, reverse=True))) or "(?!)"
        self.fraction = lazyre.compile(rf"\b({names})\b")
        fractions = "|".join(re.escape(f.removeprefix("a ")) for f in self.fractions)
        self.than_figure = LazyPattern(  # "more than half", "fewer than 50": a figure compared, not two measures
            rf" than (?:about |around |roughly |nearly |almost )?(?:\d|half\b|one\b|a (?:{fractions})\b)")

    @cached_property
    def cut(self) -> re.Pattern[str] | None:
        """Compiled on first use, not at start-up: most messages ask one thing."""
        return _cut_pattern(self.joiners, self.question_words | set(self.check_list("part_heads")))

    def check_list(self, name: str) -> tuple[str, ...]:
        """A word list of `check_words` ("before", "cause" ...), empty when the file has none."""
        return self.check_words.get(name, ())

    def cue_texts(self) -> list[str]:
        """Every cue phrase, so the lexicon knows their words."""
        groups = [cues for _, cues in (*self.operations, *self.predicates, *self.followup_ops)]
        groups += [*self.comparators.values(), tuple(self.fractions)]
        groups += [self.check_list("affiliation"), self.check_list("direct")]  # "head", "direct" are not typos
        groups.append(tuple(m for m in self.claim_markers if " " not in m))  # "right", "accurate", "correct"
        groups.append(tuple(self.number_words))  # "more than five times as many?"
        return [c for cues in groups for c in cues] + [w for d in self.derived for w in d.words]


def load_frame_words(directory: Path, measures: set[str], entities: set[str] | None = None) -> FrameWords:
    """Read and validate `frames.yaml`; every problem names the file, the line and the fix."""
    from ..knowledge.yamlfile import load_yaml

    path = Path(directory) / FRAMES_FILE
    doc = load_yaml(path)
    problems: list[Problem] = []

    def need(cond: bool, node: Any, key: str, message: str, fix: str) -> None:
        if not cond:
            line = node.line_of(key) if hasattr(node, "line_of") else None
            problems.append(Problem(path, line, message, fix))

    if not isinstance(doc, dict):
        raise DataError([Problem(path, None, "frames.yaml must be a mapping", "start with 'operations:'")])
    for item in doc.get("operations") or []:
        ok = isinstance(item, dict) and item.get("op") in OPERATIONS and isinstance(item.get("cues"), list)
        need(ok, item, "op", f"bad operation entry {item!r}", f"write '- op: NAME' (one of {', '.join(OPERATIONS)}) "
             "with 'cues: [...]'")
    for item in doc.get("predicates") or []:
        ok = isinstance(item, dict) and item.get("test") in PREDICATES and isinstance(item.get("cues"), list)
        need(ok, item, "test", f"bad predicate entry {item!r}", f"write '- test: NAME' (one of {', '.join(PREDICATES)})"
             " with 'cues: [...]'")
    for item in doc.get("derived_measures") or []:
        fields = ("id", "label", "of", "minus")
        ok = isinstance(item, dict) and all(isinstance(item.get(f), str) for f in fields)
        need(ok, item, "id", f"derived measure {item!r} lacks one of {', '.join(fields)}",
             "give id, label, of and minus (measure ids from facts/figures.yaml)")
        if ok:
            for key in ("of", "minus", *(("negates",) if item.get("negates") else ())):
                need(item[key] in measures, item, key, f"'{item[key]}' is not a measure of facts/figures.yaml",
                     f"use one of: {', '.join(sorted(measures))}")
    for item in doc.get("followup_ops") or []:
        ok = isinstance(item, dict) and item.get("op") in FOLLOWUP_OPS
        ok = ok and isinstance(item.get("cues"), list)
        need(ok, item, "op", f"bad follow-up entry {item!r}",
             f"write '- op: {'|'.join(FOLLOWUP_OPS)}' with 'cues: [...]'")
    if entities is not None:
        for source in doc.get("figure_sources") or []:
            need(source in entities, doc, "figure_sources", f"figure source '{source}' is not in facts/",
                 "use the id of a person or organisation from facts/people.yaml")
    for key in ("overall", "since", "yesno_openers", "scene_openers", "request_verbs", "claim_markers",
                "question_words", "joiners", "checks", "check_verbs", "contradicting", "pleasantries", "requests",
                "refers_back", "anaphors", "leading", "approximately", "figure_sources", "exclusions", "inverting",
                "source_followups", "more_followups", "quote_words"):
        value = doc.get(key, [])
        need(isinstance(value, list) and all(isinstance(v, str) for v in value), doc, key,
             f"'{key}' must be a list of words", f"write {key}: [\"word\", \"other words\"]")
    if problems:
        raise DataError(problems)
    return FrameWords(doc, frozenset(measures))


class Claim(NamedTuple):
    """A figure the asker states ("I read 71 were published"), to confirm or correct."""

    value: float
    percent: bool
    compare: str = "eq"  # "eq", "approx" ("almost six-fold"), "gt"/"lt" for "more than 100", "fewer than 50", or
    # "decade" for "60-something" (60 up to 70)
    multiple: bool = False  # "six times", "sextupled": a ratio between two years, not a count
    measure: str | None = None  # the measure the figure is stated of ("55 published"), when it says


class Frame(NamedTuple):
    """What a figures question asks, as typed slots."""

    op: str
    measures: tuple[str, ...]  # measure ids, base or derived, in the order named; empty: every base measure
    periods: tuple[str, ...]  # period ids in the order asked
    span: bool = False  # "since 2011/12": from the one period named to the latest
    range: bool = False  # "between A and B", "from A to B": the years between count too
    overall: bool = False  # over every year at once ("overall", "altogether")
    yesno: bool = False
    test: str = ""  # the yes/no predicate: double, triple, half, fall, rise
    claim: Claim | None = None
    lowest: bool = False  # for extreme: the fewest rather than the most
    of_change: bool = False  # for extreme: the year with the biggest rise, not the biggest value
    of_share: bool = False  # for average: of the shares published, not of the counts
    every: bool = False  # "every year", "each year": a verdict must hold for all; "any year", "ever": for one
    inverted: bool = False  # "were there *no* years with over 100?": the verdict is turned round
    claims: tuple[Claim, ...] = ()  # every figure stated ("81 commissioned and 31 published, right?")


def _has(padded: str, phrases: tuple[str, ...]) -> bool:
    """Any of the phrases as whole words in the padded text. The cue lists are long and asked of every
    question, so each is split once into single words (a set lookup per word of the text) and phrases of
    several words (a substring test each), and kept while the list itself is alive. No regex: compiling
    one per list cost a one-shot `scrbot ask` more than it saved. Phrases of several words are filed
    under their first word, so only those whose first word the text has are looked for."""
    if not phrases:
        return False
    singles, multis, heads = per_list(phrases, _split_phrases)
    words = _WORDS_OF.get(padded)
    if words is None:  # the same few texts (raw, canonical, both) are asked about many lists in turn
        words = _WORDS_OF.keep(padded, frozenset(padded.split()))
    if not singles.isdisjoint(words):
        return True
    for head in words & heads:  # (a loop, not any(): no generator for the many texts with no such word)
        for phrase in multis[head]:
            if phrase in padded:
                return True
    return False


_WORDS_OF: Recent = Recent(16)


def _split_phrases(phrases: tuple[str, ...]) -> tuple[frozenset[str], dict[str, tuple[str, ...]], frozenset[str]]:
    """A cue list as `_has` asks it: its single words; its phrases of several words (padded), by first word; and
    those first words."""
    firsts: dict[str, list[str]] = {}
    for p in phrases:
        if " " in p and p.split():
            firsts.setdefault(p.split()[0], []).append(f" {p} ")
    multis = {w: tuple(ms) for w, ms in firsts.items()}
    return frozenset(p for p in phrases if " " not in p), multis, frozenset(multis)


def crosses_cells(measures: frozenset[str] | list[str], text: str) -> bool:
    """"more published in 2013/14 than commissioned in 2011/12": each measure with its own year."""
    stems = "|".join(re.escape(m[:-2] if m.endswith("ed") else m) for m in sorted(measures))
    if not stems:
        return False
    if re.search(r"\bthan\b.*\b(?:together|combined|put together|added together)\b", text):
        return False  # "... than published in 2012/13 and 2013/14 together": against a sum, not one cell
    if re.search(rf"\b(?:{stems})\w*\b[^?.]*?\d[^?.]*?\bthan\b[^?.]*?\b(?:{stems})\w*\b[^?.]*?\d", text):
        return True
    if re.search(rf"\d\d\W*(?:{stems})\w*\b[^?.]*?\bthan\b[^?.]*?\d\d\W*(?:{stems})\w*\b", text):
        return True  # "was the 2013/14 commissioned number than the 2012/13 published number"
    # "how does 2013/14 published compare to 2012/13 commissioned?", "commissioned in 2013/14 minus published in
    # 2011/12": each side of the comparison one measure and one year, and the two measures different
    sides = _CELL_SEPARATOR.split(text, maxsplit=1)
    if len(sides) != 2 and _CELLS_JOINED.search(text):  # "the difference between commissioned in 2011/12 and
        sides = _CELL_JOIN.split(text, maxsplit=1)  # published in 2013/14", "compare published in 2013/14 with ..."
    if len(sides) != 2:
        return False
    named = [set(re.findall(rf"\b({stems})\w*\b", side)) for side in sides]
    return all(len(n) == 1 and re.search(r"\d", side) for n, side in zip(named, sides, strict=True)) and \
        named[0] != named[1]


_CELL_SEPARATOR = LazyPattern(
    r"\b(?:compared? (?:to|with)|minus|against|versus|vs|exceeds?|exceeded|outnumbere?d?|outstrip(?:ped)?)\b"
)
_CELLS_JOINED = LazyPattern(r"\b(?:between|difference|compare|combined|total|sum|add|added)\b")
_CELL_JOIN = LazyPattern(r"\b(?:and|with|plus)\b")


def says_any(text: str, phrases: tuple[str, ...]) -> bool:
    """Any of the phrases as whole words of a text: the cue lists' own test (`_has`), for any word list."""
    padded = _PADDED.get(text)
    if padded is None:  # one question's text is asked about a dozen lists in turn
        padded = _PADDED.keep(text, f" {' '.join(text.split())} ")
    return _has(padded, phrases)


_PADDED: Recent = Recent(16)


def read_frame(words: FrameWords, default_op: str, text: str, rest: str, tokens: list[str],
               periods: list[str], measure: str | None, declarative: bool = False) -> Frame:
    """A frame from the question's words: `text` normalised, `rest` with periods cut out, canonical `tokens`.

    A question's checks and then its composer may read the same frame: the last few readings are kept (a
    frame is immutable)."""
    key = (words, default_op, text, rest, tuple(tokens), tuple(periods), measure, declarative)
    frame = _FRAMES_READ.get(key)
    if frame is None:
        frame = _FRAMES_READ.keep(key, _read_frame(words, default_op, text, rest, tokens, periods, measure,
                                                   declarative))
    return frame


_FRAMES_READ: Recent = Recent(8)


def _read_frame(words: FrameWords, default_op: str, text: str, rest: str, tokens: list[str],
                periods: list[str], measure: str | None, declarative: bool) -> Frame:
    raw = f" {rest} "
    canon = f" {' '.join(tokens)} "
    both = _cue_text(words, rest, tokens)
    cued = [name for name, cues in words.operations if _has(both, cues)]
    if "share" in cued and _has(both, words.check_list("growth_rates")):
        plain = both  # "what were the two growth rates?": how fast they grew, not the rate of publication
        for phrase in words.check_list("growth_rates"):
            plain = plain.replace(f" {phrase} ", " ")
        if not _has(plain, dict(words.operations)["share"]):
            cued.remove("share")
    if _has(both, words.check_list("gap_for_all")):  # "... for every commissioned SCR to be published": no ratio
        cued = ["gap", *(c for c in cued if c not in ("gap", "ratio"))]
    if "spread" in cued and "extreme" in cued:  # "range (max minus min) of the figures?": the range, not the two
        cued = ["spread", *(c for c in cued if c not in ("spread", "extreme"))]
    if "per_time" in cued and "average" in cued:  # "on average how many per month?": a year spread over months
        cued.remove("average")
    if "at_rate" in cued and (_has(canon, ("rise", "fall", "change")) or not _has(both, ("rate", "percent"))):
        cued.remove("at_rate")  # "grown at the same rate as", "if Ofsted had not stopped": no publication rate
    if "at_rate" in cued:  # "at 2012/13's rate, how many would have been published?": the rate is only its means
        cued = ["at_rate"]
    if "gap" not in cued and " between " in canon and _BETWEEN_MEASURES.search(canon):
        cued.append("gap")  # "the difference between the number of SCRs commissioned and the number published"
    named_measures = set(tokens) & {"commissioned", "published"}
    if not cued and " divided by " in raw and len(named_measures) == 1 and len(periods) >= 2 and \
            periods[0] > periods[-1]:
        cued.append("times")  # "commissioned 13/14 divided by commissioned 12/13": the later over the earlier
    op = cued[0] if cued else default_op
    if len(set(tokens) & {"commissioned", "published"}) == 2 and len(periods) == 1 and op in ("total", "value") and \
            _has(raw.replace(" working together ", " "), ("combined", "total", "add", "sum", "plus", "together",
                                                          "altogether")):
        op = "both_measures"  # "the combined total of SCRs commissioned and published in 2013/14"
    if op == "extreme" and default_op == "trend" and _has(raw, words.check_list("starts")) and not _has(
            raw, _SUPERLATIVES):
        op = "trend"  # "from what year did numbers start rising?": when the rise began, which the trend says
    if op == "change" and "extreme" in cued and (_has(raw, _SUPERLATIVES) or (
            " which year " in f" {rest} " and _has(raw, _COMPARATIVES))):
        op = "extreme"  # "which year saw the biggest (the larger) percentage rise?": the year of the biggest change
    if op == "extreme" and " than " in raw and len(periods) == 2 and not _has(raw, _SUPERLATIVES):
        op = "change"  # "how many fewer were published in 2011/12 than in 2013/14?": "fewer" is no "fewest"
    if op == "faster" and " which year " in f" {rest} " and len(set(tokens) & {"commissioned", "published"}) < 2:
        op = "extreme"  # "which year had the bigger percentage rise in published?": years, not the two measures
    derived = [d.id for d in words.derived]
    measures: list[str] = []
    for d in words.derived:
        if _has(raw, d.words) or (d.negates and re.search(rf" not (?:\w+ )?{d.negates} ", canon)):
            measures.append(d.id)
    named = list(dict.fromkeys(t for t in tokens if t in ("commissioned", "published")))
    # "was the rise bigger for commissioned or published?" offers a choice: it wants which, not yes or no
    choice = len(named) == 2 and bool(_CHOICE.search(canon) or (canon.split()[:1] == ["which"] and _CHOICE_WIDE.search(
        canon)))  # ("which is bigger: the rise in published SCRs ... or the rise in commissioned SCRs ...?")
    yesno = _opens_yesno(words, rest, tokens, declarative) and not choice
    if not yesno and (_TRAILING_FIGURE.search(rest) or _FIGURE_OF_MEASURE.search(rest)) and rest.startswith(
            ("what about ", "how about ", "and ")):
        yesno = True  # "what about published that year - 17?": a figure put forward to check, as the one before
    # "how many more were commissioned than published?" asks for the gap; "were more commissioned than
    # published?" asks for a verdict on the two figures.
    states_figure = bool(_NUMBER.search(rest))  # "is it right that 50 more were commissioned than published?"
    # ("fewer than a quarter of those commissioned were published" states a share; it compares no measures)
    compares_measures = (
        (not yesno or states_figure) and len(named) == 2 and " than " in canon
        and _has(canon, ("more", "fewest", "less")) and words.than_figure.search(raw) is None
    )
    moves = _has(canon, ("rise", "change", "fall"))
    if op == "value" and moves and not cued and len(periods) == 2 and _RANGE.search(raw) and \
            canon.split()[:1] in (["rise"], ["change"], ["fall"], ["the"]):
        op = "change"  # "increase in published SCRs between 2011/12 and 2012/13, as a number?": the change asked
    if choice and moves and op == "change" and _has(raw, ("by more", "more", "bigger", "larger", "most")):
        op = "faster"  # "did commissioned or published increase by more?": the two measures' growth side by side
    elif choice and len(periods) == 1 and op in ("change", "value", "extreme") and _has(
            raw, ("higher", "more", "bigger", "larger", "greater", "lower", "fewer", "smaller")) and not _has(
            raw, ("rise", "rose", "increase", "increased", "grew", "growth", "change")):
        op, measures = "gap", derived[:1]  # "in 2013/14 which was higher, commissioned or
        # published?": the two measures of that year, set against each other
    if "gap" in cued and len(named) == 1 and len(periods) >= 2 and not _has(raw, ("between commissioned",
                                                                                 "between published")):
        cued.remove("gap")  # "2013/14 vs 2011/12 published, what's the gap?": between the years
        op = cued[0] if cued else default_op
    if op == "change" and not cued and len(periods) == 1 and len(named) == 2 and _has(
            raw, ("vs", "versus", "against", "compared", "compared to", "compared with")) and not _has(
            raw, words.check_list("step_words")):
        op, measures = "gap", derived[:1]  # "difference commissioned vs published 2011/12":
        # the two measures of that year, not its change from the year before
    if compares_measures and "gap" not in cued and len(periods) == 2 and _has(canon, ("rise", "fall")) and not _has(
            raw, ("gap", "difference", "unpublished", "not published")):
        op = "faster"  # "by how many more did published SCRs rise than commissioned ones?": the two rises compared
    elif "gap" in cued or (compares_measures and op in ("value", "total", "average", "change", "extreme")):
        # "the gap between commissioned and published", "how many fewer were published than commissioned"
        measures = derived[:1] or measures
        others = [c for c in cued if c != "gap"]
        if others:
            op = others[0]  # "as a % of commissioned", "which year had the biggest gap", "average yearly gap"
        elif len(periods) == 2 and crosses_cells(words.measures, text):
            op = "gap"  # "how many more were published in 2013/14 than commissioned in 2011/12?": two cells
        elif len(periods) >= 2 and (moves or (default_op == "change" and _has(raw, ("from", "between", "since")))) \
                and not _has(
                f" {text} ", ("in both", "in each", "both years", "each year", "every year", "the same", "same")) and \
                not _has(
                raw, ("total", "totals", "across", "all three", "combined", "altogether", "in all")):
            op = "change"  # "how did the gap change from 2012/13 to 2013/14?" (not "43 in both years?")
        else:
            op = "gap"
    if len(periods) in (1, 2) and len(named) == 2 and not moves and not yesno and \
            op in ("value", "change", "total", "extreme") \
            and (_CELL_SEPARATOR.search(text) or (op != "total" and _CELLS_JOINED.search(text))) \
            and crosses_cells(words.measures, text):  # (a "combined total" of two cells is their sum)
        op, measures = "gap", derived[:1] or measures  # "2013/14 published compared to 2012/13 commissioned"
    elif len(periods) == 2 and len(named) <= 1 and " minus " in raw and op in ("value", "total"):
        op = "change"  # "commissioned in 2013/14 minus commissioned in 2012/13" ("114 minus 81"): between the years
    elif len(periods) == 1 and len(named) == 2 and " divided by " in raw and op in ("value", "total", "change"):
        op = "ratio"  # "commissioned in 2011/12 divided by published in 2011/12"
    if measure and not measures:
        measures.append(measure)
    if op == "value" and any(m in derived for m in measures):
        op = "gap"  # "how many weren't published?": commissioned minus published
    span = len(periods) == 1 and _has(f" {text} ", words.since)
    overall = _has(f" {text} ", words.overall)
    if op == "share" and moves and (len(periods) >= 2 or span) and not overall:
        # "the increase in the publication rate from 2011/12 to 2012/13" is in points; "the increase in
        # published from 2011/12 to 2012/13 in %" is a percentage change of the count
        op = "pp_change" if "share" in cued or not named or _has(raw, ("rate", "rates", "share", "proportion")) \
            else "change"
    if (op in ("value", "ratio", "total") and len(named) == 2 and _PER_N.search(raw)) or (
            op in ("value", "ratio") and _ONE_IN.search(raw)):
        op = "share"  # "how many published per 100 commissioned?", "one in how many was published?": the share
    if len(named) == 2 and _has(raw, _GROWTH_RATES) and _has(raw, ("difference", "minus", "points", "how many times",
                                                                  "times faster", "times as fast", "gap between")):
        op = "faster"  # "the difference between the growth rates of published and commissioned, in points?"
    if op == "change" and len(periods) >= 2 and _has(raw, _SHARE_NAMES):
        op = "pp_change"  # "by what percentage did the publication rate increase?": the share moved, not the count
    if op == "share" and len(named) <= 1 and len(periods) == 1 and not _has(raw, ("rate", "rates")) \
            and _has(f" {text} ", words.check_list("whole_span")):
        op = "portion"  # "what share of the three-year publications were in 2012/13?": of the total, not the year's
    of_share = op == "average" and "share" in cued
    if op == "portion" and default_op not in ("portion", "share") and not _has(
            both, ("percent", "percentage", "share", "proportion", "fraction", "rate", "%")):
        op = default_op  # "bullet points of all the figures", "what was the published total?": no part is asked
    elif op == "portion" and (len(named) > 1 or (not named and default_op != "portion")):
        op = "share"  # "what percentage of all SCRs commissioned were published": published of commissioned (but
        # "and 2012/13?" after a year's part of the total asks that again)
    if span and (op == "trend" or (op == "value" and _has(canon, ("rise", "change", "fall", "more", "fewer")))):
        op = "change"  # "the rise in published SCRs since 2011/12", "how many more since 2011/12?"
    elif span and op == "value" and not yesno and _has(canon, ("many", "number")) and " since " in f" {text} " \
            and not _has(canon, ("more", "fewer", "rise", "fall", "change", "compare")):
        op = "total"  # "how many have been published since 2011/12?": every year from it on, together
    test = ""
    if yesno:
        for name, cues in words.predicates:
            if _has(both, cues):
                test = name
                break
    claims = _claims(words, rest, yesno)
    claim = claims[0] if claims else None
    if claim is not None and claim.compare in ("gt", "lt") and op in ("extreme", "trend"):
        op = "share" if claim.percent else "value"  # "did fewer than a quarter get published?" is no extreme
    rose_by = _has(canon, ("rise", "fall", "change")) and (" by " in raw or (  # "rose by 40% in 2013/14", and
        claim is not None and claim.percent and not _has(canon, ("rate",)) and "share" not in cued  # "went up
        and not _has(raw, ("point", "points", "of commissioned", *words.fractions))))  # nearly 500% over the
    # period" (not "the rate went up 24 points", nor "from about a fifth of commissioned to three fifths")
    if claim is not None and claim.percent and not claim.multiple and not rose_by and (op == "value" or (
            op == "change" and claim.compare in ("gt", "lt") and not moves and len(periods) <= 1)):
        op = "share"  # "were more than a quarter of commissioned SCRs published?": a share, never a count
    if claim is not None and op in ("value", "share") and rose_by and "share" not in cued:
        op = "change"  # "did published SCRs rise by 50 (or 40%) in 2013/14?": the rise into that year
    elif claim is not None and claim.percent and op == "share" and " by " in raw and _has(canon, ("rise", "fall")) \
            and len(periods) == 1:
        op = "pp_change"  # "the share published went up by 24% in 2013/14": its move into that year, in points
    if op in ("share", "pp_change") and claim is not None and claim.percent and len(named) == 1 and \
            len(periods) == 2 and sum(c.percent for c in claims) == 1 and (moves or " to " in raw) and not _has(
                raw, ("rate", "rates", "share", "proportion", "point", "points", "of commissioned", "of published")):
        op = "change"  # "is 158% right for published 2011/12 to 2012/13?", "commissioned rose by about half between
        # 2011/12 and 2012/13": one count's change between the two years (a share is named as one)
    if op in ("value", "share") and _FROM_TO.search(rest) and (len(claims) >= 2 or not periods) and \
            "share" not in cued:
        op = "change"  # "published went from 31 to 71, a rise of 40, about 130%", "... 31 to 71 - in %?": a change
        if not claims:  # (whose two figures say which years it runs between)
            claims = [c for c in _claims(words, rest, True) if not c.percent][:2]
            claim = claims[0] if claims else None
    if claim is not None and claim.compare in ("gt", "lt") and ("which" in tokens or "which" in rest.split()):
        op, yesno = "filter", False  # "in which years were fewer than 50 published?": the years that qualify
    if claim is not None and choice_of(rest):
        op, yesno, claim = "identify", False, claim._replace(compare="eq")  # "81 - commissioned or published?"
    elif (claim is None or len(claims) <= 1) and asks_what_number(rest):  # ("so what was 81?" after it was denied)
        stated = _claims(words, rest, True)  # "ok so what's the 71 then?": which figure the number is
        if len(stated) == 1:
            op, claim, claims = "identify", stated[0]._replace(compare="eq"), stated
    if claim is None and op == "extreme" and not yesno and not _has(raw, _SUPERLATIVES):
        stated = _claims(words, rest, True)  # "in which year were 81 commissioned?": the year of a figure
        if len(stated) == 1 and stated[0].compare == "eq" and not stated[0].multiple:
            op, claim, claims = "identify", stated[0], stated
    lowest = " fewest " in canon or _has(raw, ("least", "lowest", "smallest", "fewest", "minimum", "worst"))
    of_change = op in ("extreme", "average") and _has(
        raw, ("rise", "rose", "risen", "increase", "increases", "change", "changes", "jump", "growth", "grew", "grow",
              "grown", "climb", "climbed", "went up", "added", "fall", "fell", "drop", "decrease")
    )
    overall = _has(f" {text} ", words.overall)
    ranged = len(periods) >= 2 and bool(_RANGE.search(raw) or ((any(d in text for d in "-–—") or " to " in text)
                                         and _DASHED.search(text)))  # ("2011/12-2013/14")
    every = _has(canon, ("every", "each")) or _has(raw, ("in both", "both years")) or " all years " in raw or (
        yesno and _has(f" {text} ", ("every", "each", "year after year", "year on year"))  # "every year" is a period
    )
    each_of = " each of the " in f" {text} "  # "the totals for each of the three years"
    if op == "total" and not yesno and (each_of or (not overall and _has(
        f" {text} ", ("each year", "every year", "per year", "each of the years", "year by year")
    ) and not _has(f" {text} ", ("three year", "3 year", "across", "combined", "altogether", "all three", "sum")))):
        op, overall = "value", False  # "the published totals for each year": each year's figure, not their sum
    inverted = yesno and _has(f" {text} ", words.inverting)
    if op == "gap" and yesno and claim is None and test in ("rise", "fall") and " than " in raw and not span \
            and not of_change and len(periods) <= 1:
        # "were fewer published than commissioned?": one measure against the other, not the gap's change
        op, measures = "value", [m for m in measures if m not in derived]
    return Frame(op, tuple(measures), tuple(periods), span, ranged, overall, yesno, test, claim, lowest, of_change,
                 of_share, every, inverted, tuple(claims))


_FROM_TO = lazyre.compile(r"\bfrom (\d+) to (\d+)\b")  # "went from 31 to 71"
_PER_N = LazyPattern(r"\b(?:per|for every|out of every|in every) (?:10|100|1,?000)\b")
_ONE_IN = LazyPattern(r"\b(?:one|1) in (?:how many|x|every how many)\b|\bas (?:one|1) in\b")
_GROWTH_RATES = ("growth rate", "growth rates", "percentage change", "percentage changes", "percentage increase",
                 "percentage increases", "percentage rise", "percentage rises", "percentage growth", "rate of growth",
                 "grew faster", "grow faster", "points faster", "times faster")
_SHARE_NAMES = ("publication rate", "publishing rate", "rate of publication", "share published", "proportion published",
                "published share", "publication share", "share of scrs published", "proportion of scrs published")
_COMPARATIVES = ("more", "larger", "bigger", "greater", "higher", "steeper", "faster", "smaller", "lower", "fewer")
_SUPERLATIVES = ("most", "highest", "biggest", "largest", "peak", "record", "busiest", "best", "worst", "least",
                 "lowest", "fewest", "smallest", "maximum", "minimum", "top")


def operation_cue(words: FrameWords, rest: str, tokens: list[str]) -> str | None:
    """The operation a question's own words ask for, if any ("average", "faster", "percentage points")."""
    both = _cue_text(words, rest, tokens)
    return next((name for name, cues in words.operations if _has(both, cues)), None)


def _cue_text(words: FrameWords, rest: str, tokens: list[str]) -> str:
    """The question as typed and as read, for cue phrases; "bullet points" asks for no percentage points."""
    both = f" {rest} | {' '.join(tokens)} "
    for phrase in words.check_list("not_cues"):
        both = both.replace(f" {phrase} ", " ")
    return both


def followup_op(words: FrameWords, rest: str, tokens: list[str] | None = None) -> str | None:
    """'as a percentage?', 'the other measure?', 'same comparison?': how a follow-up changes the last question
    (read in its words as typed and in their canonical form: "same calc" is the same calculation)."""
    padded = f" {rest} | {' '.join(tokens or ())} "
    return next((name for name, cues in words.followup_ops if _has(padded, cues)), None)


def _cut_pattern(joiners: tuple[str, ...], question_words: frozenset[str]) -> re.Pattern[str] | None:
    """Where one sentence asking two things is cut: before a question word that follows a joiner."""
    if not joiners:
        return None
    joined = "|".join(re.escape(j) for j in sorted(joiners, key=len, reverse=True))
    heads = "|".join(re.escape(w) for w in sorted(question_words - {"and", "so", "any"}, key=len, reverse=True))
    # a wh-word may come a few words on: "..., plus a line on why the numbers have gone up"
    later = r"(?:[a-z']+\s+){1,3}(?:what|which|who|whose|why|when|where|how)"
    return lazyre.compile(rf"(?:,\s*|\s+)(?:{joined})[\s,]+(?=(?:{heads}|{later})\b)", re.IGNORECASE)


_WHAT_IS_NUMBER = LazyPattern(
    r"^(?:(?:ok|okay|so|and|but|then)\s+)*(?:what's|whats|what is|what was|what are)\s+(?:the\s+|that\s+)?"
    r"\d[\d,.]*\s*(?:then|about|for|exactly|figure|number|one)?\s*$"
)
_NUMBER_MEANS = LazyPattern(
    r"^(?:(?:the|that|this) )?\d[\d,.]* (?:number|figure)\b.*\b(?:refer|refers|mean|means|stand|stands|represent)"
    r"|^what (?:does|do|did) (?:the )?\d[\d,.]* (?:(?:figure|number) )?(?:(?:in|of) (?:the|this) "
    r"(?:article|piece|story|text) )?(?:refer to|mean|stand for|represent|count)\b"
    r"|^what (?:is|was|are) (?:the )?\d[\d,.]* (?:in the article|in the piece|in the story|here|in there)\b"
)
_STATED_FIGURE = LazyPattern(r"\b\d+(?:\.\d+)?\b(?!\s*(?:years?|yrs?|months?|weeks?|days?|decimal|dp|sentences?|"
                             r"lines?|words?|points?|bullets?|paragraphs?))")
_TRAILING_FIGURE = LazyPattern(r"\s\d{1,3}(?:\.\d+)?$")
# "what about 81 published in 2012/13?": a count said of a measure, put forward as the figures before it were
_FIGURE_OF_MEASURE = LazyPattern(
    r"^(?:what about|how about|and) \d{1,3} (?:scrs? )?(?:were )?(?:commissioned|published)\b"
)
_BETWEEN_MEASURES = LazyPattern(
    r" between (?:\w+ ){0,4}?(?:commissioned (?:\w+ ){0,4}?and (?:\w+ ){0,3}?published"
    r"|published (?:\w+ ){0,4}?and (?:\w+ ){0,3}?commissioned) "
)
_CHOICE = lazyre.compile(r" (?:commissioned|published) (?:\w+ )?or (?:\w+ )?(?:commissioned|published) ")
_CHOICE_WIDE = lazyre.compile(r" (?:commissioned|published)(?: \w+){0,3} or(?: \w+){0,4} (?:commissioned|published) ")
_RANGE = lazyre.compile(r" (?:between|from|through|until|till) ")
_DASHED = LazyPattern(r"\d{2}\s*(?:-|–|—|to)\s*\d{4}/\d{2}")
_EITHER = lazyre.compile(r"\bor\b(?! not\b)")


def asks_what_number(rest: str) -> bool:
    """"what's the 71 then?", "the 31 number in the piece, what does it refer to?": which figure a number
    is, not what a term means."""
    if not any(ch.isdigit() for ch in rest):
        return False
    return bool(_WHAT_IS_NUMBER.match(rest) or _NUMBER_MEANS.search(rest))


def choice_of(rest: str) -> bool:
    """"... in July 2012 or July 2013?": a question offering alternatives wants one of them, not yes or no."""
    return bool(_EITHER.search(rest)) and not any(pair in rest for pair in _VERDICT_CHOICES)


_VERDICT_CHOICES = ("true or false", "yes or no", "right or wrong", "correct or not", "correct or incorrect",
                    "accurate or not", "true or not", "right or not")  # choices of a verdict, not of figures


def _opens_yesno(words: FrameWords, rest: str, tokens: list[str], declarative: bool = False) -> bool:
    """Opens like a yes/no question, once a leading "From 2011/12 to 2012/13," is set aside; or states
    something with a question mark ("Eileen Munro is a minister?")."""
    if choice_of(rest):
        return False
    lead = [w for w in rest.split() if w not in words.leading][:1]
    if _polite_request(words, rest) or _has(f" {' '.join(rest.split()[:3])} ", words.check_list("imperatives")):
        return False  # "do the same comparison for commissioned" asks for it to be done
    if {*lead, *tokens[:1]} & words.yesno_openers:
        return True
    if rest.startswith(words.check_list("yesno_leads")):  # "same as in 2011/12?": a yes or no, opener unsaid
        return True
    if _after_scene(words, rest):
        return True
    first = [t for t in tokens[:1] if t not in words.leading]  # ("and 81 published in 2012/13?" states a figure)
    return declarative and not ({*lead, *first} & words.question_words)


def _after_scene(words: FrameWords, rest: str) -> bool:
    """"Under the new rules, must LSCBs ...", "after Ofsted stopped did numbers rise": a yes/no opener within
    six words, after a phrase that sets the scene and asks nothing itself."""
    head = rest.split()[:7]
    if not head or head[0] not in words.scene_openers:
        return False
    for i, w in enumerate(head[1:], start=1):
        if w in words.question_words:
            return False
        if w in words.yesno_openers:  # "in did ..." is no scene; "with those, can you work out ..." a request
            return i >= 2 and not _polite_request(words, " ".join(rest.split()[i:]))
    return False


def _polite_request(words: FrameWords, rest: str) -> bool:
    """"can you quote ...", "could you please explain ...": asks for something to be done, not whether."""
    head = [w for w in rest.split() if w not in ("please", "kindly", "just", "maybe", "possibly")][:3]
    asked = words.check_list("addressees")  # "can someone explain ..."
    return len(head) == 3 and head[0] in ("can", "could", "would", "will") and head[1] in asked and (
        head[2] in words.request_verbs)



WH_WORDS = frozenset({"what", "what's", "whats", "which", "who", "who's", "whom", "whose", "why", "when", "where",
                      "how", "whatis", "who is"})


_ASKING_FIRST = frozenset({"must", "should", "may", "might", "shall", "need", "can", "could", "would", "will", "does",
                           "do", "did", "is", "was", "are", "were", "has", "have", "had"})  # "must Ofsted ...?" asks


def states(words: FrameWords, rest: str, reading: Reading) -> bool:
    """A statement, not a question in shorthand: no question word, and a verb after its subject ("the
    guidance *was* released in April 2013?") or a name first ("CYP Now found SCRs rose in 2011?");
    "rise in published since 2011/12?" is a question in shorthand."""
    tokens = reading.tokens
    if set(tokens) & WH_WORDS or set(rest.split()) & WH_WORDS:
        return False
    verb_after = any(w in words.yesno_openers for w in rest.split()[1:])
    # (or second: "revised Working Together came out in March 2013?")
    name_first = bool(tokens) and (tokens[0] in reading.named or tokens[0] == "person" or (
        len(tokens) > 1 and tokens[1] in reading.named and tokens[1] != "scr" and tokens[0] not in _ASKING_FIRST
    )) and len(tokens) >= 4
    # "published SCRs rose by 40% in 2013/14?" states a figure; "add up ... over the 3 years" asks for one
    figure = bool(_STATED_FIGURE.search(rest) or words.times.search(rest) or words.multiple.search(rest)) and len(
        tokens) >= 3 and rest.split()[0] not in words.request_verbs  # ("rose almost sixfold ...?", "tripled ...?")
    about_last = rest.startswith(("that's ", "thats ", "that is ", "it's ", "it is ", "so that's ", "so it's "))
    return verb_after or name_first or figure or about_last  # ("that's more than double right?")


def asks_verdict(words: FrameWords, rest: str, tokens: list[str], declarative: bool = False) -> bool:
    """The question wants a yes or no: it opens like one, or states something and asks if it is right."""
    if _opens_yesno(words, rest, tokens, declarative):
        return True
    if _polite_request(words, rest):  # "can someone explain what the article says ... is right": a request
        return False
    lead = [w for w in rest.split() if w not in words.leading][:1]
    if set(lead) & WH_WORDS:  # "so why did SCR numbers rise so much?" asks why, not whether
        return False
    return _has(f" {rest} ", words.claim_markers)




def _per_whole(words: FrameWords, m: re.Match[str]) -> str:
    """"six in ten" as "60 percent", as exact as "three fifths" ("roughly six in ten" is about 60); left as
    written when it is no share (a part larger than its whole)."""
    part, whole = (words.number_words.get(g, 1 if g == "one" else 0) or int(g) for g in m.groups())
    return f"{_num(round(100 * part / whole, 1))} percent" if 0 < part < whole else m.group(0)


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


_FRACTION_MARK = "fraction-of "  # put before a fraction's percentage, so its claim is checked as approximate


def _claims(words: FrameWords, rest: str, yesno: bool) -> list[Claim]:
    """Every figure the question states, when it states them to be checked."""
    for phrase in words.check_list("not_cues"):  # "I half remember ..." states no half
        rest = f" {rest} ".replace(f" {phrase} ", " ").strip()
    rest = words.times.sub(lambda m: f"{words.number_words[m.group(1)]} ", rest)  # "six-fold" is a figure
    rest = words.multiple.sub(lambda m: f"{words.multiples[m.group(1)]} times", rest)  # "sextupled"
    # "a quarter": a fraction is said loosely ("a fifth were published?" for 21.8%), so checked as about that (not
    # "more than half", a bound)
    def loose(m: re.Match[str]) -> str:
        bound = words.comparator.search(f" {rest[: m.start()].strip()} ")
        return f"{'' if bound else _FRACTION_MARK}{_num(words.fractions[m.group(1)])} percent"

    rest = words.fraction.sub(loose, rest)
    rest = words.per_whole.sub(lambda m: _per_whole(words, m), rest)  # "six in ten"
    padded = f" {rest} "
    marked = yesno or _has(padded, words.claim_markers)
    out: list[Claim] = []
    for m in _NUMBER.finditer(rest):
        after = rest[m.end():]
        if _NOT_A_CLAIM.match(after) and not m.group(2):
            continue
        before = f" {rest[: m.start()].strip()} "
        if _COUNTED_THINGS.search(before) and not m.group(2) and float(m.group(1)) <= 3:
            continue  # "between those 2": the things just named, counted, not a figure stated
        comparing = words.comparator.search(before)
        if not (marked or comparing):
            continue
        compare = "eq"
        if comparing and comparing.group("gt"):
            compare = "gt"
        elif comparing:
            compare = "lt"
        if comparing and re.search(r"\b(?:not|never|n't)\b(?:\s+\w+){0,2}$", before[: comparing.start()].rstrip()):
            compare = {"gt": "lt", "lt": "gt"}[compare]  # "did not see fewer than 100": 100 or more
        elif words.approx.search(re.sub(r"^ (?:what|how) about ", " ", before)) or before.endswith(
                f"{_FRACTION_MARK.strip()} "):  # (not "what about 81 ...?")
            compare = "approx"
        multiple = bool(re.match(r"\s*(?:times|fold|x)\b", after))
        if multiple and compare == "eq":
            compare = "approx"  # "sixfold" for 5.9 times is fair
        odd = _SOMETHING.match(after)
        if odd and compare in ("eq", "approx") and float(m.group(1)) % 10 == 0:
            compare, after = "decade", after[odd.end():]  # "60 something percent", "60-odd": from 60 up to 70
        out.append(Claim(float(m.group(1)), bool(m.group(2)) or after.lstrip().startswith(("percent", "per cent")),
                         compare,
                         multiple, _measure_after(words, after)))
    return out


_SOMETHING = lazyre.compile(r"\s*-?\s*(?:something|odd)\b")
_TO_MEASURE = lazyre.compile(r"^\s*(?:(?:scrs?|serious|case|reviews?|were|was|got|been|being|of|them)\s+){0,3}([a-z]+)")


def _measure_after(words: FrameWords, after: str) -> str | None:
    """"55 published", "12 SCRs were commissioned": the measure a stated figure is of, named right after it."""
    m = _TO_MEASURE.match(after)
    if m is None:
        return None
    said = m.group(1)
    return next((x for x in words.measures if said == x or (len(x) > 4 and said.startswith(x[:-2]))), None)


def denies(words: FrameWords, text: str) -> bool:
    """Whether a claim denies what it states ("Woolmore said the panel was *not* a significant factor"); not
    a negative question ("didn't the panel contribute?", "did it not ...?"), which asks the same as a positive."""
    typed = text.split()
    if len(typed) > 2 and typed[-1] in ("it", "she", "he", "they", "there") and (
            typed[-2].endswith(("n't", "nt")) and typed[-2].removesuffix("n't").removesuffix("nt") in
            words.yesno_openers | {"is", "was", "did", "does", "are", "were", "has", "had", "wo", "ca"}):
        typed = typed[:-2]  # "... was a key factor, wasn't it": a tag asks, it denies nothing
    if typed[-2:] == ["or", "not"]:
        typed = typed[:-2]  # "does the article back that up or not?": the choice asked denies nothing
    negations = set(words.check_list("negations"))
    at = next((i for i, w in enumerate(typed) if w in negations or w.endswith("n't") or (w.endswith("nt")
               and w[:-2] in words.yesno_openers)), -1)
    if at < 0:
        return False
    opens = typed[:1] and (typed[0] in words.yesno_openers or typed[0].removesuffix("n't") in words.yesno_openers
                          or typed[0].removesuffix("nt") in words.yesno_openers)
    return not (opens and at <= 2)
