"""Fuzzy intent matching: rank intents by their best template, then decide answer / clarify / decline.

Templates are canonicalised once at load (through the same lexicon as questions) and scored
with one rapidfuzz pass; the decision uses a threshold and an ambiguity gap, as FAQ
systems do, and a penalty for words the bot does not know, so off-topic questions shaped
like real ones are declined instead of answered with the nearest intent.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, process

from ..knowledge.errors import DataError, Problem
from ..knowledge.intents import Intent, IntentSet
from .lexicon import Lexicon

ANSWER_AT = 0.70  # confidence at or above which the top intent is answered
CLARIFY_AT = 0.50  # below this the bot declines; between, it offers "did you mean"
AMBIGUITY_GAP = 0.04  # a runner-up this close to the top makes an answer a question
SURE_AT = 0.90  # above this the top intent is answered whatever the runner-up
MAX_SUGGESTIONS = 3


@dataclass(frozen=True)
class Candidate:
    intent: Intent
    confidence: float  # 0..1


@dataclass(frozen=True)
class Decision:
    action: str  # "answer", "clarify" or "decline"
    candidates: tuple[Candidate, ...]

    @property
    def top(self) -> Candidate | None:
        return self.candidates[0] if self.candidates else None


def _scorer(query: str, choice: str, **kwargs: object) -> float:
    return fuzz.token_set_ratio(query, choice, **kwargs)


class IntentMatcher:
    """Ranks intents for a canonical question string."""

    def __init__(self, intents: IntentSet, lexicon: Lexicon) -> None:
        self.intents = intents.intents
        self.lexicon = lexicon
        self._choices: list[str] = []
        self._owner: list[int] = []
        seen: dict[str, tuple[int, object]] = {}
        problems: list[Problem] = []
        for index, intent in enumerate(self.intents):
            for template in intent.templates:
                text = lexicon.canonical(template.text)
                if not text:
                    problems.append(Problem(template.path, template.line, f"template {template.text!r} is empty once fillers are removed",
                                            "write a real question or delete it"))
                    continue
                if text in seen:
                    other_index, other = seen[text]
                    if other_index != index:
                        problems.append(Problem(
                            template.path, template.line,
                            f"template {template.text!r} of {intent.id} collides with {other.text!r} of "  # type: ignore[attr-defined]
                            f"{self.intents[other_index].id} ({other.path.name}:{other.line}) once synonyms are applied",  # type: ignore[attr-defined]
                            "reword one so each question belongs to one intent, or delete one"))
                    elif template.text == other.text:  # type: ignore[attr-defined]
                        problems.append(Problem(template.path, template.line, f"template {template.text!r} is listed twice",
                                                "delete the repeat"))
                    continue
                seen[text] = (index, template)
                self._choices.append(text)
                self._owner.append(index)
        if problems:
            raise DataError(problems)

    def rank(self, query: str) -> list[Candidate]:
        """Intents by their best template score, best first (each intent once)."""
        if not query:
            return []
        best: dict[int, float] = {}
        for _choice, score, idx in process.extract(query, self._choices, scorer=_scorer, limit=None, score_cutoff=35):
            owner = self._owner[idx]
            if score > best.get(owner, 0.0):
                best[owner] = score
        ranked = sorted(best.items(), key=lambda item: -item[1])
        return [Candidate(self.intents[i], s / 100.0) for i, s in ranked]


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
        if cand.confidence >= CLARIFY_AT * 0.8 and offered[-1].confidence - cand.confidence <= 0.15 and top - cand.confidence <= 0.25:
            offered.append(cand)
        else:
            break
    return Decision("clarify", tuple(offered))
