"""From fuzzy scores to confidence: what the matcher cannot see from template similarity alone.

- a question that points back to the last turn most likely continues its topic;
- a question that repeats a template word for word is that intent;
- one keyword ("ofsted?") is not a question: it gets "did you mean";
- words the bot does not know sink a question when they are its subject ("how many *trains*")
  or when nothing in it is about SCRs; otherwise they only make the bot a little less sure.
"""

from __future__ import annotations

from .followups import leans_on_context
from .lexicon import Lexicon
from .matcher import ANSWER_AT, Candidate, IntentMatcher
from .question import Understood

CONTEXT_PRIOR = 0.15  # bonus for the last turn's intent when a question points back to it
SLOT_ONLY = ANSWER_AT + 0.1  # confidence for a question that is only slots ("2013/14?")


def rank(u: Understood, matcher: IntentMatcher, lexicon: Lexicon) -> list[Candidate]:
    """Candidates for a question, best first, with calibrated confidence."""
    ranked = matcher.rank(u.reading, u.slots)
    if not ranked and matcher.slot_only and (u.query.periods or u.query.missing or u.query.measure):
        ranked = [Candidate(matcher.slot_only, SLOT_ONLY)]
    context = u.query.context
    if context.intent and leans_on_context(u):
        ranked = sorted(
            (
                Candidate(c.intent, min(1.0, c.confidence + CONTEXT_PRIOR)) if c.intent.id == context.intent else c
                for c in ranked
            ),
            key=lambda c: -c.confidence,
        )
    exact = matcher.exact(u.reading.tokens)
    if exact is not None:
        ranked = [Candidate(exact, 1.0), *(c for c in ranked if c.intent is not exact)]
    elif _is_keyword(u, lexicon) and not (u.refs or u.query.measure or u.reading.pronouns or context.intent):
        ranked = [Candidate(c.intent, min(c.confidence, ANSWER_AT - 0.05)) for c in ranked]
    factor = _understood_share(u)
    return [Candidate(c.intent, c.confidence * factor) for c in ranked] if factor < 1 else ranked


def _is_keyword(u: Understood, lexicon: Lexicon) -> bool:
    """One word, or nothing but a name ("working together?")."""
    sig = u.reading.signature
    bare_name = bool(sig) and set(sig) <= u.reading.named and all(m.kind != "person" for m in u.reading.mentions)
    return bare_name or (len(sig) == 1 and sig[0] not in lexicon.single_word_ok)


def _understood_share(u: Understood) -> float:
    known, unknown = len(u.reading.known), len(u.reading.unknown)
    if not unknown:
        return 1.0
    anchored = bool(u.reading.mentions) or u.query.measure is not None
    if anchored and not u.reading.unknown_subject:
        return max(0.8, 1 - 0.04 * unknown)
    return known / (known + 1.5 * unknown)
