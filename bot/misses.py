"""`scrbot misses`: the questions the bot did not answer well, grouped, with what to edit to fix each group.

Similar questions are grouped with rapidfuzz (a blend of token-set and token-sort ratios over the
words that carry meaning, with periods cut out, so "approved in 2012/13" and "approved last year"
are one question). Each group is then put to the current data: the nearest intent and its file, the
phrasing to add to that intent's `templates:` list, or, when nothing is close, a new fact or intent.
A group the current data already answers is reported as fixed.
"""

from __future__ import annotations

import textwrap
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz

from .conversation import Context
from .recording import DEFAULT_BELOW, candidates
from .reply import Reply
from .state.questions import Asked
from .understanding.periods import read_periods

if TYPE_CHECKING:
    from .engine import Engine

SIMILAR_AT = 80.0  # blended similarity (0..100) at which two questions count as the same question
NEAR_AT = 0.3  # an intent at least this close is worth a new template; below, suggest a new intent or fact
MAX_EXAMPLES = 3
WIDTH = 100  # the text report's lines are wrapped here

# Words that carry no meaning for grouping ("what is the rate" and "what is the weather" are not alike).
_GROUPING_STOPWORDS = frozenset(
    {
        "a", "an", "the", "is", "are", "was", "were", "be", "been", "of", "in", "on", "at", "for", "to", "from", "by",
        "with", "and", "or", "what", "whats", "what's", "who", "how", "did", "do", "does", "there", "it", "its",
        "that", "this", "these", "those", "me", "i", "you", "your", "please", "pls", "tell", "about", "can", "could",
        "would", "any", "some"
    }
)
_TRAILING = frozenset({"in", "for", "of", "during", "since", "between", "and", "to", "from", "on", "at", "by", "the"})


def _key(text: str) -> str:
    """The words of a question that say what it is about: periods cut out, function words dropped."""
    _, rest = read_periods(text)
    words = [w for w in rest.split() if w not in _GROUPING_STOPWORDS]
    return " ".join(words) or rest or text


def similarity(a: str, b: str) -> float:
    """0..100: how alike two questions are, once periods and function words are set aside."""
    ka, kb = _key(a), _key(b)
    return 0.5 * fuzz.token_set_ratio(ka, kb) + 0.5 * fuzz.token_sort_ratio(ka, kb)


def template_for(text: str) -> str:
    """A question as a template: periods cut out (templates never hold years), no dangling preposition."""
    _, rest = read_periods(text)
    words = rest.split()
    while words and words[-1] in _TRAILING:
        words.pop()
    return " ".join(words) or text


@dataclass
class MissGroup:
    """Questions that are the same question, however worded."""

    examples: Counter[str] = field(default_factory=Counter)  # normalised text -> times asked
    kinds: Counter[str] = field(default_factory=Counter)  # answer / clarify / decline -> times
    scores: dict[str, float] = field(default_factory=dict)  # intent -> best score recorded
    actions: Counter[str] = field(default_factory=Counter)
    first: float = 0.0
    last: float = 0.0

    @property
    def count(self) -> int:
        return sum(self.examples.values())

    @property
    def text(self) -> str:
        """The most frequent wording (the earliest seen among equals)."""
        return self.examples.most_common(1)[0][0]

    def add(self, asked: Asked) -> None:
        assert asked.text is not None
        self.examples[asked.text] += 1
        self.kinds[asked.kind] += 1
        self.actions[asked.action] += 1
        for intent, score in asked.candidates:
            self.scores[intent] = max(score, self.scores.get(intent, 0.0))
        self.first = min(self.first, asked.time) if self.first else asked.time
        self.last = max(self.last, asked.time)


def group_misses(misses: list[Asked], threshold: float = SIMILAR_AT) -> list[MissGroup]:
    """Group similar questions; most frequent group first (then the most recent)."""
    frequency = Counter(a.text for a in misses if a.text)
    representatives: list[tuple[str, MissGroup]] = []
    home: dict[str, MissGroup] = {}
    for text, _ in frequency.most_common():  # stable: among equals, the first asked leads
        group = next((g for rep, g in representatives if similarity(rep, text) >= threshold), None)
        if group is None:
            group = MissGroup()
            representatives.append((text, group))
        home[text] = group
    for asked in misses:
        if asked.text:
            home[asked.text].add(asked)
    groups = [g for _, g in representatives]
    return sorted(groups, key=lambda g: (-g.count, -g.last))


# -- advice: what to edit ------------------------------------------------------------------------


@dataclass(frozen=True)
class Advice:
    """What the current data does with a group's question, and what to change."""

    action: str  # "fixed", "add_template", "add_period", "outside", "new_fact_or_intent"
    text: str  # the advice in words
    nearest: str | None = None  # intent id
    score: float | None = None
    file: str | None = None
    line: int | None = None
    template: str | None = None
    now_kind: str = ""
    now_intent: str | None = None
    now_confidence: float = 0.0
    unknown_words: tuple[str, ...] = ()


def shown_path(path: Path | str) -> str:
    """A data file's path as a maintainer types it: relative to the current folder when inside it."""
    path = Path(path)
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _answered(reply: Reply, below: float) -> bool:
    return reply.kind == "answer" and reply.confidence >= below


def advise(group: MissGroup, engine: Engine, below: float = DEFAULT_BELOW) -> Advice:
    """Put the group's most frequent wording to the current data and say what to edit."""
    text = group.text
    reply, _ = engine.reply(text, Context())
    now = {"now_kind": reply.kind, "now_intent": reply.intent, "now_confidence": round(reply.confidence, 3)}
    understood = engine.understand(text, Context())
    missing = [] if understood.query.periods else list(understood.query.missing)
    probe = text
    if missing:  # ask the same for a year with figures: is the period the only problem, or the wording too?
        latest = engine.facts.periods[-1].label
        for ref in understood.refs:
            probe = probe.replace(ref.text, latest, 1)
        understood = engine.understand(probe, Context())
    reading = understood.reading
    unknown = tuple(dict.fromkeys(reading.unknown))
    ranked = candidates(engine, probe) or sorted(group.scores.items(), key=lambda kv: -kv[1])
    nearest = next(((i, s) for i, s in ranked if s > 0 and engine.intents.get(i) is not None), None)
    where: dict[str, Any] = {}
    if nearest is not None:
        intent = engine.intents.get(nearest[0])
        assert intent is not None
        where = {
            "nearest": intent.id,
            "score": round(nearest[1], 3),
            "file": shown_path(intent.path),
            "line": intent.line,
        }
    extra: dict[str, Any] = {**where, **now, "unknown_words": unknown}
    if _answered(reply, below):
        return Advice(
            "fixed", f"nothing to do: the current data answers it as {reply.intent} ({reply.confidence:.2f})", **extra
        )
    no_figures = (
        f"it asks for {', '.join(missing)}, which the article has no figures for" if missing else ""
    )
    if missing and _answered(engine.reply(probe, Context())[0], below):
        return Advice(
            "add_period",
            f"{no_figures}; asked for {engine.facts.periods[-1].label} it is answered. Nothing to fix unless a "
            "source reports those figures: then add the sentence to facts/article.txt, the period to "
            "facts/periods.yaml and the figures to facts/figures.yaml (README: Adding a year of figures)",
            **extra,
        )
    also = f"; note that {no_figures}" if missing else ""
    if reading.outside:
        return Advice(
            "outside",
            f"it is about {reading.outside[0]}, which the article does not cover: nothing to fix{also}",
            **extra,
        )
    if nearest is not None and nearest[1] >= NEAR_AT:
        template = template_for(understood.text)
        words = ", ".join(unknown)
        advice = (
            f'add "{template}" to the templates: list of {where["nearest"]} in {where["file"]} '
            f"(the intent starts at line {where['line']})"
        )
        if reading.unknown_subject and unknown:  # the bot took an unknown word for the subject
            advice = f"if {words} means something the bot knows, {advice}"
        if unknown:
            plural = "s" if len(unknown) > 1 else ""
            lexicon = shown_path(engine.intents.lexicon.path)
            advice += f"; or teach the word{plural} {words} as a synonym in {lexicon}"
        others = [i for i, s in ranked[1:] if s > 0 and i != where["nearest"]]
        if others and reply.kind == "clarify":
            advice += f"; if it means {' or '.join(others)} instead, add it there"
        if reading.unknown_subject and unknown:
            advice += f"; if {words} is outside the article, nothing to fix"
        return Advice("add_template", advice + also, template=template, **extra)
    subject = f" (it is about {', '.join(unknown)})" if reading.unknown_subject and unknown else ""
    return Advice(
        "new_fact_or_intent",
        f"no intent is close{subject}. If the article answers it, add a fact in facts/ that quotes the sentence "
        f"and an intent in intents/ with this phrasing as a template; if it is outside the article, nothing to fix"
        f"{also}",
        **extra,
    )


# -- reports ---------------------------------------------------------------------------------------


@dataclass
class MissesReport:
    since_days: float
    questions: int
    groups: list[tuple[MissGroup, Advice]]

    @property
    def open(self) -> list[tuple[MissGroup, Advice]]:
        return [(g, a) for g, a in self.groups if a.action != "fixed"]

    @property
    def fixed(self) -> list[tuple[MissGroup, Advice]]:
        return [(g, a) for g, a in self.groups if a.action == "fixed"]


def misses_report(misses: list[Asked], engine: Engine, since_days: float, below: float = DEFAULT_BELOW) -> MissesReport:
    groups = group_misses(misses)
    return MissesReport(since_days, sum(g.count for g in groups), [(g, advise(g, engine, below)) for g in groups])


_KIND_WORDS = {"decline": "declined", "clarify": "did you mean", "answer": "unsure answer"}


def _kinds(group: MissGroup) -> str:
    return ", ".join(f"{_KIND_WORDS.get(k, k)} {n}" for k, n in group.kinds.most_common())


def _day(when: float) -> str:
    return datetime.fromtimestamp(when, UTC).strftime("%Y-%m-%d")


def _days(days: float) -> str:
    return f"{days:g} day{'s' if days != 1 else ''}"


def render_misses(report: MissesReport, limit: int | None = None) -> str:
    """Plain text for a terminal: open groups, most frequent first, then the ones already fixed."""
    if not report.groups:
        return f"No missed questions in the last {_days(report.since_days)}."
    out = [
        f"{report.questions} missed question{'s' if report.questions != 1 else ''} in the last "
        f"{_days(report.since_days)}, in {len(report.groups)} group{'s' if len(report.groups) != 1 else ''} "
        f"({len(report.open)} open, {len(report.fixed)} already answered by the current data)."
    ]
    shown = report.open[:limit] if limit else report.open
    for n, (group, advice) in enumerate(shown, 1):
        out.append("")
        out.append(f"{n}. {group.count}x \"{group.text}\"  [{_kinds(group)}; last {_day(group.last)}]")
        others = [f'"{t}" ({c})' for t, c in group.examples.most_common(MAX_EXAMPLES + 1)[1:]]
        if others:
            out.append(f"   also: {', '.join(others)}")
        nearest = f"{advice.nearest} ({advice.score:.2f})" if advice.nearest else "none"
        now = advice.now_intent if advice.now_kind == "answer" else {"clarify": "did you mean",
                                                                       "decline": "declined"}[advice.now_kind]
        out.append(f"   nearest intent: {nearest}; now: {now}")
        out.append(textwrap.fill(f"   fix: {advice.text}", WIDTH, subsequent_indent="        ", break_on_hyphens=False))
    if limit and len(report.open) > limit:
        out.append("")
        out.append(f"... and {len(report.open) - limit} more groups (--json for all)")
    if report.fixed:
        out.append("")
        out.append("Already answered by the current data:")
        out += [
            f"   {g.count}x \"{g.text}\" -> {a.now_intent} ({a.now_confidence:.2f})" for g, a in report.fixed
        ]
    return "\n".join(out)


def misses_json(report: MissesReport) -> dict[str, Any]:
    """The report as JSON: a contract like `ask --json` (keys are only ever added)."""
    groups = []
    for group, advice in report.groups:
        groups.append(
            {
                "count": group.count,
                "text": group.text,
                "examples": [{"text": t, "count": c} for t, c in group.examples.most_common()],
                "kinds": dict(group.kinds),
                "first_seen": _iso(group.first),
                "last_seen": _iso(group.last),
                "recorded_candidates": [
                    {"intent": i, "score": round(s, 3)} for i, s in sorted(group.scores.items(), key=lambda kv: -kv[1])
                ],
                "nearest": None
                if advice.nearest is None
                else {"intent": advice.nearest, "score": advice.score, "file": advice.file, "line": advice.line},
                "now": {"kind": advice.now_kind, "intent": advice.now_intent, "confidence": advice.now_confidence},
                "fixed": advice.action == "fixed",
                "suggestion": {
                    "action": advice.action,
                    "text": advice.text,
                    "file": advice.file if advice.action == "add_template" else None,
                    "intent": advice.nearest if advice.action == "add_template" else None,
                    "template": advice.template,
                    "unknown_words": list(advice.unknown_words),
                },
            }
        )
    return {"since_days": report.since_days, "questions": report.questions, "groups": groups}


def _iso(when: float) -> str:
    return datetime.fromtimestamp(when, UTC).isoformat(timespec="seconds").replace("+00:00", "Z")

