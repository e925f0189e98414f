"""A figures question as a typed frame: operation, measures, periods, yes/no, a claimed figure.

The intent that recognised the question says what kind of figure is asked (its default
operation); the words of `intents/frames.yaml` refine it ("how many *more* commissioned *than*
published" is a gap, "*percentage points*" a change in the share). The answer is then computed
from the frame by `answers.algebra`, so every combination works without a template of its own.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, NamedTuple

from ..knowledge.errors import DataError, Problem

FRAMES_FILE = "frames.yaml"
OPERATIONS = ("value", "change", "gap", "pp_change", "share", "ratio", "average", "total", "times", "faster",
              "extreme", "trend")
PREDICATES = ("double", "triple", "half", "same", "fall", "rise")
_NUMBER = re.compile(r"(?<![\w/.])(\d+(?:\.\d+)?)(?:\s*(percent))?(?![\w/])")
# "20 years", "two years": numbers that count something other than SCRs are not claims.
_NOT_A_CLAIM = re.compile(r"^\s*(?:years?|months?|days?|weeks?)\b")


class DerivedMeasure(NamedTuple):
    id: str
    label: str
    of: str
    minus: str
    negates: str
    words: tuple[str, ...]


class FrameWords:
    """The vocabulary of `intents/frames.yaml`, compiled to padded phrases for whole-word lookups."""

    def __init__(self, doc: dict[str, Any]) -> None:
        self.operations = [(o["op"], tuple(o["cues"])) for o in doc.get("operations", [])]
        self.overall = tuple(doc.get("overall", []))
        self.since = tuple(doc.get("since", []))
        self.derived = [
            DerivedMeasure(d["id"], d["label"], d["of"], d["minus"], d.get("negates", ""), tuple(d.get("words", [])))
            for d in doc.get("derived_measures", [])
        ]
        self.yesno_openers = frozenset(doc.get("yesno_openers", []))
        self.predicates = [(p["test"], tuple(p["cues"])) for p in doc.get("predicates", [])]
        self.claim_markers = tuple(doc.get("claim_markers", []))
        self.question_words = frozenset(doc.get("question_words", []))
        self.joiners = tuple(doc.get("joiners", []))
        self.checks = frozenset(doc.get("checks", []))
        self.followup_ops = [(o["op"], tuple(o["cues"])) for o in doc.get("followup_ops", [])]
        self.anaphors = frozenset(doc.get("anaphors", []))
        self.check_words = {k: tuple(v) for k, v in (doc.get("check_words") or {}).items()}
        self.leading = frozenset(doc.get("leading", []))
        self.number_words = {str(k): int(v) for k, v in (doc.get("number_words") or {}).items()}
        approx = "|".join(re.escape(a) for a in doc.get("approximately", [])) or "(?!)"
        self.approx = re.compile(rf"(?:{approx})\s*$")
        words = "|".join(map(re.escape, self.number_words)) or "(?!)"
        self.times = re.compile(rf"\b({words})\s*(?=fold\b|times\b)")

    def check_list(self, name: str) -> tuple[str, ...]:
        """A word list of `check_words` ("before", "cause" ...), empty when the file has none."""
        return self.check_words.get(name, ())

    def cue_texts(self) -> list[str]:
        """Every cue phrase, so the lexicon knows their words."""
        groups = [cues for _, cues in (*self.operations, *self.predicates, *self.followup_ops)]
        return [c for cues in groups for c in cues] + [w for d in self.derived for w in d.words]


def load_frame_words(directory: Path, measures: set[str]) -> FrameWords:
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
        ok = isinstance(item, dict) and item.get("op") in ("percent", "other", "same", "span")
        ok = ok and isinstance(item.get("cues"), list)
        need(ok, item, "op", f"bad follow-up entry {item!r}",
             "write '- op: percent|other|same|span' with 'cues: [...]'")
    for key in ("overall", "since", "yesno_openers", "claim_markers", "question_words", "joiners", "checks",
                "anaphors", "leading", "approximately"):
        value = doc.get(key, [])
        need(isinstance(value, list) and all(isinstance(v, str) for v in value), doc, key,
             f"'{key}' must be a list of words", f"write {key}: [\"word\", \"other words\"]")
    if problems:
        raise DataError(problems)
    return FrameWords(doc)


class Claim(NamedTuple):
    """A figure the asker states ("I read 71 were published"), to confirm or correct."""

    value: float
    percent: bool
    compare: str = "eq"  # "eq", "approx" ("almost six-fold"), or "gt"/"lt" for "more than 100", "fewer than 50"


class Frame(NamedTuple):
    """What a figures question asks, as typed slots."""

    op: str
    measures: tuple[str, ...]  # measure ids, base or derived, in the order named; empty: every base measure
    periods: tuple[str, ...]  # period ids in the order asked
    span: bool = False  # "since 2011/12": from the one period named to the latest
    overall: bool = False  # over every year at once ("overall", "altogether")
    yesno: bool = False
    test: str = ""  # the yes/no predicate: double, triple, half, fall, rise
    claim: Claim | None = None
    lowest: bool = False  # for extreme: the fewest rather than the most
    of_change: bool = False  # for extreme: the year with the biggest rise, not the biggest value


def _has(padded: str, phrases: tuple[str, ...]) -> bool:
    return any(f" {p} " in padded for p in phrases)


def read_frame(words: FrameWords, default_op: str, text: str, rest: str, tokens: list[str],
               periods: list[str], measure: str | None) -> Frame:
    """A frame from the question's words: `text` normalised, `rest` with periods cut out, canonical `tokens`."""
    raw = f" {rest} "
    canon = f" {' '.join(tokens)} "
    both = raw + "|" + canon
    cued = [name for name, cues in words.operations if _has(both, cues)]
    op = cued[0] if cued else default_op
    derived = [d.id for d in words.derived]
    measures: list[str] = []
    for d in words.derived:
        if _has(raw, d.words) or (d.negates and re.search(rf" not (?:\w+ ){{0,3}}{d.negates} ", canon)):
            measures.append(d.id)
    named = list(dict.fromkeys(t for t in tokens if t in ("commissioned", "published")))
    # "was the rise bigger for commissioned or published?" offers a choice: it wants which, not yes or no
    choice = len(named) == 2 and bool(_CHOICE.search(canon))
    yesno = _opens_yesno(words, rest, tokens) and not choice
    # "how many more were commissioned than published?" asks for the gap; "were more commissioned than
    # published?" asks for a verdict on the two figures.
    compares_measures = (
        not yesno and len(named) == 2 and " than " in canon and _has(canon, ("more", "fewest", "less"))
    )
    if "gap" in cued or (compares_measures and op in ("value", "total", "average", "change", "extreme")):
        # "the gap between commissioned and published", "how many fewer were published than commissioned"
        measures = derived[:1] or measures
        others = [c for c in cued if c != "gap"]
        if op == "gap" and others:
            op = others[0]  # "as a % of commissioned", "which year had the biggest gap", "average yearly gap"
        elif op in ("value", "change") and not (len(periods) >= 2 and op == "change"):
            op = "gap"
    if measure and not measures:
        measures.append(measure)
    if op == "value" and any(m in derived for m in measures):
        op = "gap"  # "how many weren't published?": commissioned minus published
    span = len(periods) == 1 and _has(f" {text} ", words.since)
    if span and (op == "trend" or (op == "value" and _has(canon, ("rise", "change", "fall")))):
        op = "change"  # "the rise in published SCRs since 2011/12"
    test = ""
    if yesno:
        for name, cues in words.predicates:
            if _has(both, cues):
                test = name
                break
    claim = _claim(words, rest, yesno)
    lowest = " fewest " in canon or _has(raw, ("least", "lowest", "smallest", "fewest", "minimum", "worst"))
    of_change = op in ("extreme", "average") and _has(
        raw, ("rise", "rose", "increase", "increases", "change", "changes", "jump", "growth", "grew", "went up",
              "fall", "fell", "drop", "decrease")
    )
    overall = _has(f" {text} ", words.overall)
    return Frame(op, tuple(measures), tuple(periods), span, overall, yesno, test, claim, lowest, of_change)


def operation_cue(words: FrameWords, rest: str, tokens: list[str]) -> str | None:
    """The operation a question's own words ask for, if any ("average", "faster", "percentage points")."""
    both = f" {rest} | {' '.join(tokens)} "
    return next((name for name, cues in words.operations if _has(both, cues)), None)


def followup_op(words: FrameWords, rest: str) -> str | None:
    """'as a percentage?', 'the other measure?', 'same comparison?': how a follow-up changes the last question."""
    padded = f" {rest} "
    return next((name for name, cues in words.followup_ops if _has(padded, cues)), None)


_CHOICE = re.compile(r" (?:commissioned|published) (?:\w+ )?or (?:\w+ )?(?:commissioned|published) ")
def _opens_yesno(words: FrameWords, rest: str, tokens: list[str]) -> bool:
    """Opens like a yes/no question, once a leading "From 2011/12 to 2012/13," is set aside."""
    lead = [w for w in rest.split() if w not in words.leading][:1]
    return bool({*lead, *tokens[:1]} & words.yesno_openers)


def asks_verdict(words: FrameWords, rest: str, tokens: list[str]) -> bool:
    """The question wants a yes or no: it opens like one, or states something and asks if it is right."""
    if _opens_yesno(words, rest, tokens):
        return True
    return _has(f" {rest} ", words.claim_markers)




def _claim(words: FrameWords, rest: str, yesno: bool) -> Claim | None:
    """The figure the question states, when it states one to be checked."""
    rest = words.times.sub(lambda m: f"{words.number_words[m.group(1)]} ", rest)  # "six-fold" is a figure
    padded = f" {rest} "
    for m in _NUMBER.finditer(rest):
        after = rest[m.end():]
        if _NOT_A_CLAIM.match(after) and not m.group(2):
            continue
        if not (yesno or _has(padded, words.claim_markers)):
            return None
        before = f" {rest[: m.start()].strip()} "
        compare = "eq"
        if re.search(r" (?:more than|over|above|at least|greater than|in excess of|exceed|exceeded|beyond) $", before):
            compare = "gt"
        elif re.search(r" (?:fewer than|less than|under|below|at most) $", before):
            compare = "lt"
        elif words.approx.search(before):
            compare = "approx"
        return Claim(float(m.group(1)), bool(m.group(2)) or after.lstrip().startswith("percent"), compare)
    return None
