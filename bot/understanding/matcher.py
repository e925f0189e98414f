"""Fuzzy intent matching: rank intents by their best template, then decide answer / clarify / decline.

Questions and templates are both reduced to *signatures* (known content words plus question
words such as who/why/when) so that politeness, filler and off-topic words do not dilute the
score. Only templates sharing a word with the question are scored (`wordindex` finds them, and
with thousands keeps the best covered); each is scored with rapidfuzz (a blend of token-set and
token-sort ratios, so neither a subset nor word order dominates), intents add the bonus of any
`cues` they declare, and the decision uses a threshold and an ambiguity gap, as mature FAQ
systems do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, NamedTuple

from rapidfuzz import fuzz, process

from ..knowledge.errors import DataError, Problem
from ..knowledge.model import Intent, IntentSet, Template
from .lexicon import Lexicon, Reading
from .memo import Memoised
from .wordindex import WordIndex

if TYPE_CHECKING:
    from pathlib import Path

ANSWER_AT = 0.70  # confidence at or above which the top intent is answered
CLARIFY_AT = 0.50  # below this the bot declines; between, it offers "did you mean"
AMBIGUITY_GAP = 0.04  # a runner-up this close to the top makes an answer a question
SURE_AT = 0.90  # above this the top intent is answered whatever the runner-up
MAX_SUGGESTIONS = 3
CUE_CAP = 0.35  # the most that cues can add to a template score
SET_WEIGHT = 0.5  # share of token_set_ratio in the blend (the rest is token_sort_ratio)
CUTOFF = 30  # template scores below this are not considered at all
# With more templates than this sharing a word with the question, only the best covered are scored
# (see `wordindex`). With the shipped templates no evaluation question comes near it (142 at most), so it
# prunes only at scale; at 10x and 100x the top intent and the decision are still those of an exhaustive
# search (measured on the evaluation set; lower-ranked suggestions can differ).
MAX_TEMPLATES_SCORED = 200
# Cues starting with "+" name slots rather than words: what the question asked about, not how.
SLOT_CUES = frozenset({"+period", "+periods", "+all", "+measure"})


class Candidate(NamedTuple):
    intent: Intent
    confidence: float  # 0..1


class Decision(NamedTuple):
    action: str  # "answer", "clarify" or "decline"
    candidates: tuple[Candidate, ...]

    @property
    def top(self) -> Candidate | None:
        return self.candidates[0] if self.candidates else None


class IntentMatcher(Memoised):
    """Ranks intents for a question's reading."""

    MEMOS: ClassVar[dict[str, str]] = {"_rank_cached": "_rank"}  # rankings by signature and slots

    def __init__(self, intents: IntentSet, lexicon: Lexicon) -> None:
        self.intents = intents.intents
        self.lexicon = lexicon
        self._choices: list[str] = []
        self._owner: list[int] = []
        self._cues = [dict(i.cues) for i in self.intents]
        self.slot_only = intents.get(intents.lexicon.slot_only_intent) if intents.lexicon.slot_only_intent else None
        problems: list[Problem] = []
        seen: dict[str, tuple[int, Template]] = {}
        signatures: dict[str, list[tuple[int, Template]]] = {}
        self._exact: dict[str, Intent] = {}
        for index, intent in enumerate(self.intents):
            for word, _ in intent.cues:
                if word.startswith("+"):
                    if word not in SLOT_CUES:
                        problems.append(
                            Problem(
                                intent.path,
                                intent.line,
                                f"unknown slot cue '{word}' in {intent.id}",
                                f"use one of: {', '.join(sorted(SLOT_CUES))}",
                            )
                        )
                elif word not in lexicon.vocabulary and word not in lexicon.keep:
                    problems.append(
                        Problem(
                            intent.path,
                            intent.line,
                            f"cue '{word}' of {intent.id} is not a word the bot knows",
                            "use a canonical word from intents/lexicon.yaml or from a template",
                        )
                    )
            for template in intent.templates:
                reading = lexicon.read(template.text, template=True)
                text = " ".join(reading.signature)
                if not text:
                    problems.append(
                        Problem(
                            template.path,
                            template.line,
                            f"template {template.text!r} says nothing once stopwords and fillers are set aside",
                            "add the words that make the question specific, or delete it",
                        )
                    )
                    continue
                signatures.setdefault(text, []).append((index, template))
                if text in seen:
                    other_index, other = seen[text]
                    if other_index == index and template.text == other.text:
                        problems.append(
                            Problem(
                                template.path,
                                template.line,
                                f"template {template.text!r} is listed twice",
                                "delete the repeat",
                            )
                        )
                    continue
                self._exact.setdefault(" ".join(reading.tokens), intent)
                seen[text] = (index, template)
                self._choices.append(text)
                self._owner.append(index)
        problems += self._collisions(signatures)
        if problems:
            raise DataError(problems)
        self._sorted = [" ".join(sorted(choice.split())) for choice in self._choices]
        self._index = WordIndex([frozenset(choice.split()) for choice in self._choices])
        self._build_memos()

    def _collisions(self, signatures: dict[str, list[tuple[int, Template]]]) -> list[Problem]:
        """Templates of two intents that read the same, reported once each, at the odd one out.

        The intent holding most templates with that reading owns it (on a tie, the one in the file edited
        longest ago, then the first listed); every
        template of another intent is reported at its own line, naming one of the owner's. A template
        just added to the wrong intent is thus reported once, at the new line.
        """
        problems = []
        for group in signatures.values():
            owners = {index for index, _ in group}
            if len(owners) < 2:
                continue
            count = {i: sum(1 for j, _ in group if j == i) for i in owners}
            owner = max(owners, key=lambda i: (count[i], -_mtime(self.intents[i].path), -i))
            kept = next(t for i, t in group if i == owner)
            for index, template in group:
                if index != owner:
                    problems.append(
                        Problem(
                            template.path,
                            template.line,
                            f"template {template.text!r} of {self.intents[index].id} collides with {kept.text!r} "
                            f"of {self.intents[owner].id} ({kept.path.name}:{kept.line}) once synonyms are applied",
                            "reword one so each question belongs to one intent, or delete one",
                        )
                    )
        return problems

    def exact(self, tokens: list[str]) -> Intent | None:
        """The intent one of whose templates the question repeats word for word (after synonyms)."""
        return self._exact.get(" ".join(tokens))

    def rank(self, reading: Reading, slots: frozenset[str] = frozenset()) -> list[Candidate]:
        """Intents by their best template score plus cue bonus, best first (each intent once).

        `slots` names what the question filled ("+period", "+periods", "+all", "+measure"). Results
        are cached by signature and slots: in a busy group the same questions come again and again.
        """
        return list(self._rank_cached(tuple(reading.signature), slots))

    def _rank(self, signature: tuple[str, ...], slots: frozenset[str]) -> tuple[Candidate, ...]:
        if not signature:
            return ()
        words = set(signature)
        # Stage 1: the templates sharing a word with the question (with thousands, the best covered).
        idxs = self._index.sharing(words, MAX_TEMPLATES_SCORED)
        if not idxs:
            return ()
        # Stage 2: rapidfuzz scores for those templates only.
        choices = self._choices
        sets = process.extract(" ".join(signature), [choices[i] for i in idxs], scorer=fuzz.token_set_ratio,
                               limit=None, score_cutoff=CUTOFF)
        if not sets:
            return ()
        # token_sort_ratio is ratio() of the sorted words; templates are sorted once at load. `extract_iter`
        # keeps the order of its choices, so each score lines up with its template without a lookup.
        kept = [idxs[pos] for _, _, pos in sets]
        presorted = self._sorted
        sorts = process.extract_iter(" ".join(sorted(signature)), [presorted[i] for i in kept], scorer=fuzz.ratio)
        owners = self._owner
        best: dict[int, float] = {}
        for (_, set_score, _pos), (_, sort_score, _k), idx in zip(sets, sorts, kept, strict=True):
            score = SET_WEIGHT * set_score + (1 - SET_WEIGHT) * sort_score
            owner = owners[idx]
            if score > best.get(owner, 0.0):
                best[owner] = score
        cue_words = words | slots
        totals = []
        for owner, score in best.items():
            cues = self._cues[owner]
            bonus = min(CUE_CAP, sum(b for w, b in cues.items() if w in cue_words)) if cues else 0.0
            totals.append((score / 100.0 + bonus, owner))
        totals.sort(key=lambda t: -t[0])  # rank on the uncapped sum, so cues still break ties at the top
        return tuple(Candidate(self.intents[owner], min(1.0, total)) for total, owner in totals)


def answer_with(intent: Intent, decision: Decision) -> Decision:
    """A re-reading's verdict: answer with `intent`, the matcher's candidates kept after it (the question log
    keeps them)."""
    return Decision("answer", (Candidate(intent, ANSWER_AT), *decision.candidates))


def decide(candidates: list[Candidate]) -> Decision:
    """Answer, clarify or decline, from calibrated candidates (best first)."""
    if not candidates or candidates[0].confidence < CLARIFY_AT:
        return Decision("decline", tuple(candidates[:MAX_SUGGESTIONS]))
    top = candidates[0].confidence
    runner = candidates[1].confidence if len(candidates) > 1 else 0.0
    if top >= SURE_AT or (top >= ANSWER_AT and top - runner >= AMBIGUITY_GAP):
        return Decision("answer", tuple(candidates[:MAX_SUGGESTIONS]))
    # "Did you mean": keep each next candidate while it is close to the previous one and to the top.
    offered = [candidates[0]]
    for cand in candidates[1:MAX_SUGGESTIONS]:
        if offered[-1].confidence - cand.confidence <= 0.15 and top - cand.confidence <= 0.25:
            offered.append(cand)
        else:
            break
    return Decision("clarify", tuple(offered))


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
