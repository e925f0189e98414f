"""`scrbot misses`: the questions the bot did not answer well, grouped, with what to edit to fix each group.

Similar questions are grouped with rapidfuzz (a blend of token-set and token-sort ratios over the
words that carry meaning, with periods cut out, so "approved in 2012/13" and "approved last year"
are one question). Each group is then put to the current data: the nearest intent and its file, the
phrasing to add to that intent's `templates:` list, or, when nothing is close, a new fact or intent.
A group the current data already answers is reported as fixed.
"""

from __future__ import annotations

import re
import textwrap
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz, process

from .conversation import Context
from .recording import DEFAULT_BELOW
from .reply import Reply
from .state.questions import Asked
from .understanding.periods import read_periods

if TYPE_CHECKING:
    from .engine import Engine
    from .knowledge.model import Intent
    from .proving import Prover

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
    return " ".join(words)


def similarity(a: str, b: str) -> float:
    """0..100: how alike two questions are, once periods and function words are set aside.

    A command ("/about") or a question of function words only ("what about 2010/11") is like
    nothing but itself: its words say nothing about what it asks.
    """
    ka, kb = _key(a), _key(b)
    if _alone(a, ka) or _alone(b, kb):
        return 100.0 if " ".join(a.split()) == " ".join(b.split()) else 0.0
    return _blend(ka, kb)


def _alone(text: str, key: str) -> bool:
    """Grouped only with the very same words (see `similarity`)."""
    return not key or text.startswith("/")


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


def _blend(ka: str, kb: str) -> float:
    return 0.5 * fuzz.token_set_ratio(ka, kb) + 0.5 * fuzz.token_sort_ratio(ka, kb)


PREFIX = 3  # questions are compared only with groups that share a word's first letters (typos keep them)
CROWDED = 200  # a prefix this many groups share picks no candidates (if all do: the most frequent groups of one)


def _prefix(word: str) -> str:
    """A word's first letters, past any leading punctuation ("/about" and "abou" share "abo")."""
    return word.lstrip("/@#'\"(-")[:PREFIX] or word[:PREFIX]


def group_misses(misses: list[Asked], threshold: float = SIMILAR_AT) -> list[MissGroup]:
    """Group similar questions; most frequent group first (then the most recent).

    Near-linear in the number of distinct questions: each question's key is computed once, equal
    keys join at once, and a question is compared only with the groups that share the start of one
    of its words (an inverted index), not with every group (which took 215 s for 6,000).
    """
    frequency = Counter(a.text for a in misses if a.text)
    representatives: list[tuple[str, MissGroup]] = []
    home: dict[str, MissGroup] = {}
    by_key: dict[str, int] = {}  # a representative's key -> its index
    keys: list[str] = []
    index: dict[str, list[int]] = {}  # word prefix -> representatives that have it, in order
    exact: dict[str, int] = {}  # the groups of commands and function-word-only questions, by their words
    for text, _ in frequency.most_common():  # stable: among equals, the first asked leads
        key = _key(text)
        if _alone(text, key):
            words = " ".join(text.split())
            if words not in exact:
                exact[words] = len(representatives)
                representatives.append((text, MissGroup()))
                keys.append("")  # never a candidate: it is in no index
            home[text] = representatives[exact[words]][1]
            continue
        found = by_key.get(key)
        if found is None:
            postings = [index.get(_prefix(w), []) for w in set(key.split())]
            rare = [p for p in postings if len(p) < CROWDED] or [min(postings, key=len)[:CROWDED]] if postings else []
            candidates = sorted({i for p in rare for i in p})
            # token_set_ratio first, in C over all candidates: the blend cannot reach the threshold without it
            near = process.extract(
                key, [keys[i] for i in candidates], scorer=fuzz.token_set_ratio, score_cutoff=2 * threshold - 100,
                limit=None,
            )  # fmt: skip
            for _, _, at in sorted(near, key=lambda hit: hit[2]):  # the earliest matching group, as before
                if _blend(keys[candidates[at]], key) >= threshold:
                    found = candidates[at]
                    break
        if found is None:
            found = len(representatives)
            representatives.append((text, MissGroup()))
            keys.append(key)
            by_key[key] = found
            for prefix in {_prefix(w) for w in key.split()}:
                index.setdefault(prefix, []).append(found)
        home[text] = representatives[found][1]
    for asked in misses:
        if asked.text:
            home[asked.text].add(asked)
    groups = [g for _, g in representatives]
    return sorted(groups, key=lambda g: (-g.count, -g.last))


# -- advice: what to edit ------------------------------------------------------------------------


@dataclass(frozen=True)
class Advice:
    """What the current data does with a group's question, and what to change.

    `action` is "fixed" (answered now), "no_data" (understood; rightly told there are no figures for
    the year asked: not a miss), "add_template" (an edit proven on a copy of the data), "lexicon" (a
    word the bot must be taught in intents/lexicon.yaml), "new_fact_or_intent", or "outside" /
    "nothing" (nothing to fix).
    """

    action: str
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
    proven: bool = False  # the edit was applied to a copy of the data and shown to work and harm nothing
    tried: tuple[str, ...] = ()  # edits tried on a copy that did not work, and why


def shown_path(path: Path | str) -> str:
    """A data file's path as a maintainer types it: relative to the current folder when inside it."""
    path = Path(path)
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _answered(reply: Reply, below: float) -> bool:
    return reply.kind == "answer" and reply.confidence >= below


# Words too general to tie a question to an intent ("how many trains" is not figures.count).
_GENERIC = _GROUPING_STOPWORDS | {
    "many", "much", "show", "give", "know", "tell", "say", "said", "says", "get", "got", "like", "one", "ones",
    "number", "numbers", "still", "now", "then", "just", "also", "more", "most", "all", "s", "scr", "scrs",
}


_TOO_COMMON = frozenset({"scr", "how many", "number"})  # in nearly every intent: they tie a question to none


def _meaning(engine: Engine, text: str) -> set[str]:
    """The canonical words a question was read as, without those that only typo correction found.

    The matcher corrects "chart" to "chair"; deciding which intent a question is about must not.
    """
    reading = engine.understand(text, Context()).reading
    lowered = " " + " ".join(re.sub(r"[?!.,;:\"()]", " ", text.lower()).split()) + " "
    synonyms = engine.intents.lexicon.synonyms

    def literal(word: str) -> bool:
        return any(f" {w} " in lowered for w in (word, *synonyms.get(word, ())))

    kept = {k for k in reading.known if k in reading.named or literal(k)}
    return kept - _TOO_COMMON


_VOCABULARY: dict[int, tuple[Engine, dict[str, list[tuple[str, set[str]]]]]] = {}


def _vocabulary(engine: Engine) -> dict[str, list[tuple[str, set[str]]]]:
    """Each intent's templates with the canonical words each is read as (templates are spelled right)."""
    cached = _VOCABULARY.get(id(engine))
    if cached is None or cached[0] is not engine:
        vocab = {i.id: [(t.text, _meaning(engine, t.text)) for t in i.templates] for i in engine.intents.intents}
        _VOCABULARY.clear()
        _VOCABULARY[id(engine)] = cached = (engine, vocab)
    return cached[1]


def _related(engine: Engine, intent_id: str, text: str) -> bool:
    """Does the question share a meaningful word with the intent's templates (synonyms counted, typos not)?

    A template that is the question itself does not count: "show me a chart" added to people.who
    makes the bot answer it, not makes it a question about people.
    """
    own = template_for(" ".join(text.lower().split()))
    words = set().union(*(w for t, w in _vocabulary(engine).get(intent_id, []) if t != own))
    return bool(_meaning(engine, text) & words)


def _words(text: str) -> set[str]:
    """The words of a question besides periods and function words."""
    _, rest = read_periods(text)
    return {w.strip("?!.,;:'\"") for w in rest.lower().split()} - _GENERIC - {""}


def _probe(engine: Engine, text: str) -> tuple[str, list[str]]:
    """The question with any year that has no figures replaced by the latest year, and those years."""
    understood = engine.understand(text, Context())
    missing = [] if understood.query.periods else list(understood.query.missing)
    probe = text
    if missing:
        latest = engine.facts.periods[-1].label
        for ref in understood.refs:
            probe = probe.replace(ref.text, latest, 1)
    return probe, missing


def advise(group: MissGroup, engine: Engine, below: float = DEFAULT_BELOW, prover: Prover | None = None) -> Advice:
    """Put the group's questions to the current data and say what is needed.

    An edit to a templates: list is suggested only when it was proven on a copy of the data (see
    `bot.proving`); otherwise the advice says plainly what kind of change is needed, or that none is.
    """
    text = group.text
    reply, _ = engine.reply(text, Context())
    now = {"now_kind": reply.kind, "now_intent": reply.intent, "now_confidence": round(reply.confidence, 3)}
    probe, missing = _probe(engine, text)
    probe_reply = reply if probe == text else engine.reply(probe, Context())[0]  # its candidates: the engine's own
    understood = engine.understand(probe, Context())
    reading = understood.reading
    unknown = tuple(dict.fromkeys(reading.unknown))
    ranked = list(probe_reply.candidates) or sorted(group.scores.items(), key=lambda kv: -kv[1])
    ranked = [(i, s) for i, s in ranked if s > 0 and engine.intents.get(i) is not None]
    nearest = ranked[0] if ranked else None
    where: dict[str, Any] = {}
    if nearest is not None:
        intent = engine.intents.get(nearest[0])
        assert intent is not None
        where = {"nearest": intent.id, "score": round(nearest[1], 3), "file": shown_path(intent.path),
                 "line": intent.line}
    extra: dict[str, Any] = {**where, **now, "unknown_words": unknown}
    if _answered(reply, below) and reply.intent and (_related(engine, reply.intent, text)
                                                     or reply.intent.startswith("meta.")):
        return Advice(
            "fixed", f"nothing to do: the current data answers it as {reply.intent} ({reply.confidence:.2f})", **extra
        )
    if missing and _answered(probe_reply, below):
        return Advice(
            "no_data",
            f"not a miss: it asks for {', '.join(missing)}, which no source has figures for, and the bot says so "
            f"(asked for {engine.facts.periods[-1].label} it is answered as {probe_reply.intent}). If a source "
            "reports those figures, add it (README: Adding a year of figures)",
            **extra,
        )
    also = f"; note that no source has figures for {', '.join(missing)}" if missing else ""
    if _answered(reply, below) and reply.intent:  # answered, but by an intent with nothing in common with it
        also += (f"; note that it is now answered as {reply.intent}, whose other templates share no word with it: "
                 "check that answer")
    if reading.outside:
        return Advice("outside", f"it is about {reading.outside[0]}, which the article does not cover: "
                      f"nothing to fix{also}", **extra)
    if text.startswith("/"):
        return Advice(
            "nothing",
            "a command, not a question (the console and Telegram answer their commands themselves): nothing to fix",
            **extra,
        )
    if not _words(text) and not unknown:
        return Advice(
            "nothing",
            "it has no words that say what it is about (a follow-up such as \"what about ...\" needs the question "
            f"before it, and a command is not a question): nothing to fix{also}",
            **extra,
        )
    template = template_for(understood.text)
    tried: list[str] = []
    if prover is not None and not (reading.unknown_subject and unknown):
        questions = list(dict.fromkeys(_probe(engine, t)[0] for t in group.examples))
        proven: list[tuple[Intent, float]] = []
        for intent_id, score in ranked[:3]:
            intent = engine.intents.get(intent_id)
            if intent is None or score < NEAR_AT or intent_id.startswith("meta."):
                continue
            if not _related(engine, intent_id, text):
                continue
            proof = prover.try_template(intent, template, questions)
            if proof.ok:
                proven.append((intent, score))
            else:
                tried.append(f"{intent.id}: {proof.why}")
        if proven:
            intent, score = proven[0]
            n = len(questions)
            where_to = " or ".join(
                f"{i.id} in {shown_path(i.path)} (the intent starts at line {i.line})" for i, _ in proven
            )
            choose = (
                "; each was proven on its own: choose the intent whose answer is what was asked"
                if len(proven) > 1 else ""
            )
            answered = f"answered as {' or '.join(i.id for i, _ in proven)} respectively" if len(proven) > 1 else (
                f"answered as {intent.id}"
            )
            return Advice(
                "add_template",
                f'add "{template}" to the templates: list of {where_to}. Proven on a copy of the data: '
                f"`scrbot check` passes, {'the question is' if n == 1 else f'all {n} questions are'} then "
                f"{answered}, and no answer of the evaluation set changes{choose}{also}",
                **{**extra, "nearest": intent.id, "score": round(score, 3), "file": shown_path(intent.path),
                   "line": intent.line},
                template=template,
                proven=True,
                tried=tuple(tried),
            )
    tail = (f' (adding "{template}" was tried on a copy of the data and does not work: {"; ".join(tried)})'
            if tried else "") + also
    lexicon = shown_path(engine.intents.lexicon.path)
    if reading.uncounted:
        word = reading.uncounted[0]
        return Advice(
            "lexicon",
            f"a lexicon entry: {word} is listed under not_counted in {lexicon}, so the bot declines to count "
            f"{word} (no figure counts them). If the question is about SCRs that {word} commission or publish, "
            f"that needs a change to the lexicon's not_counted handling, not a template; if it asks how many "
            f"{word} there are, it is outside the article: nothing to fix{tail}",
            **extra,
            tried=tuple(tried),
        )
    if unknown:
        words = ", ".join(unknown)
        plural = "s" if len(unknown) > 1 else ""
        return Advice(
            "lexicon",
            f"a lexicon entry: the bot does not know the word{plural} {words}. If {words} means something the bot "
            f"knows, add it under synonyms: in {lexicon} next to the word it means; if {words} is outside the "
            f"article, nothing to fix{tail}",
            **extra,
            tried=tuple(tried),
        )
    return Advice(
        "new_fact_or_intent",
        "no existing intent answers it. If the article answers it, add a fact in facts/ that quotes the sentence "
        f"and a new intent in intents/ with this phrasing as a template; if it is outside the article, nothing "
        f"to fix{tail}",
        **extra,
        tried=tuple(tried),
    )


# -- reports ---------------------------------------------------------------------------------------


@dataclass
class MissesReport:
    since_days: float
    questions: int
    groups: list[tuple[MissGroup, Advice]]

    @property
    def open(self) -> list[tuple[MissGroup, Advice]]:
        return [(g, a) for g, a in self.groups if a.action not in ("fixed", "no_data")]

    @property
    def fixed(self) -> list[tuple[MissGroup, Advice]]:
        return [(g, a) for g, a in self.groups if a.action == "fixed"]

    @property
    def no_data(self) -> list[tuple[MissGroup, Advice]]:
        """Questions rightly told there are no figures for the year asked: not misses."""
        return [(g, a) for g, a in self.groups if a.action == "no_data"]


def misses_report(
    misses: list[Asked],
    engine: Engine,
    since_days: float,
    below: float = DEFAULT_BELOW,
    eval_file: Path | None = None,
    prove: bool = True,
) -> MissesReport:
    """Group the misses and advise on each; edits are proven against `eval_file` (default: the project's set)."""
    from .config import default_eval_file
    from .proving import Prover

    verdicts: dict[str, bool] = {}

    def rightly_no_data(text: str) -> bool:
        if text not in verdicts:
            reply, _ = engine.reply(text, Context())
            probe, missing = _probe(engine, text)
            verdicts[text] = bool(missing) and reply.kind == "decline" and _answered(engine.reply(probe)[0], below)
        return verdicts[text]

    # Questions rightly told there are no figures for their year are set apart before grouping, so a
    # real miss is never hidden in (or named after) a group of them.
    no_data = [m for m in misses if m.text and rightly_no_data(m.text)]
    groups = group_misses([m for m in misses if not (m.text and rightly_no_data(m.text))])
    prover = Prover(engine, eval_file or default_eval_file(), below) if prove else None
    advised = [(g, advise(g, engine, below, prover)) for g in groups]
    advised += [(g, advise(g, engine, below, None)) for g in group_misses(no_data)]
    return MissesReport(since_days, sum(g.count for g, a in advised if a.action != "no_data"), advised)


_KIND_WORDS = {"decline": "declined", "clarify": "did you mean", "answer": "unsure answer"}


def _kinds(group: MissGroup) -> str:
    return ", ".join(f"{_KIND_WORDS.get(k, k)} {n}" for k, n in group.kinds.most_common())


def _day(when: float) -> str:
    return datetime.fromtimestamp(when, UTC).strftime("%Y-%m-%d")


def _days(days: float) -> str:
    return f"{days:g} day{'s' if days != 1 else ''}"


def render_misses(report: MissesReport, limit: int | None = None) -> str:
    """Plain text for a terminal: open groups, most frequent first, then the ones already fixed."""
    groups = [g for g in report.groups if g[1].action != "no_data"]
    if not groups:
        out = [f"No missed questions in the last {_days(report.since_days)}."]
        out += _no_data_lines(report)
        return "\n".join(out)
    out = [
        f"{report.questions} missed question{'s' if report.questions != 1 else ''} in the last "
        f"{_days(report.since_days)}, in {len(groups)} group{'s' if len(groups) != 1 else ''} "
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
    out += _no_data_lines(report)
    return "\n".join(out)


def _no_data_lines(report: MissesReport) -> list[str]:
    if not report.no_data:
        return []
    return ["", "Not misses: rightly told there are no figures for the year asked:"] + [
        f"   {g.count}x \"{g.text}\"" for g, _ in report.no_data
    ]


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
                "proven": advice.proven,
                "tried": list(advice.tried),
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

