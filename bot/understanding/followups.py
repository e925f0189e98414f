"""Follow-up questions: which ones lean on the last turn, and what they borrow from it.

"and 2011/12?" asks the last question again about another year; "what's the rate then?"
borrows the year; "when was that?" borrows the topic. A new full question borrows nothing.
"""

from __future__ import annotations

from ..conversation import Context
from ..knowledge.model import FactBase
from .lexicon import Lexicon, Mention
from .question import Understood

# Words that open a follow-up ("and 2011/12?", "what about commissioned ones?").
CONNECTORS = tuple(
    tuple(c.split())
    for c in (
        "and what about",
        "and how about",
        "what about",
        "how about",
        "and for",
        "what of",
        "same for",
        "and in",
        "out of",  # "12 were published" - "out of how many commissioned?"
        "of which",
        "of those",
        "compared with",
        "compared to",
        "and",
        "also",
        "then",
    )
)
# Words an elliptical figures follow-up may consist of besides its slots.
ELLIPTICAL = frozenset(
    {
        *("commissioned", "published", "scr", "number", "figures", "year", "ones", "one", "those", "them", "that"),
        *("how", "many", "in", "for", "the", "was", "were", "it", "is", "what", "about", "and", "then", "same"),
        *("of", "there", "whatis"),
    }
)
# Words that make a figures question complete on its own ("how many ...", "what was the number ...").
QUESTION_HEADS = frozenset({"how", "many", "what", "number", "figures", "which", "was", "were", "is"})
# Words that point back to the last answer ("what's the rate then?", "when was that?").
ANAPHORS = frozenset(["then", "that", "those", "it", "this", "same", "they", "them", "ones", "these"])
# Intents answering from a date, which "and March 2013?" asks again for another date.
_DATED = frozenset({"events.when"})
# Intents an elliptical "and X?" can repeat, with the kind of named thing X must be.
_REPEATABLE = {"terms.define": ("term", "organisation"), "people.who": ("person",),
               "people.said": ("person", "organisation", "term", "event")}  # ("and about the panel?": her words)


_ASKS_OTHER = frozenset({"who", "whom", "whose", "why", "where"})


def is_elliptical(u: Understood, context: Context, figure_ops: dict[str, str]) -> bool:
    """The last turn's question asked again about something else ("and 2011/12?", "and SCR?").

    A complete question ("how many were published in 2012/13?") is not elliptical even when every
    word of it could be: it asks afresh, and must not inherit the last answer's operation."""
    if not context.intent or u.reading.unknown:
        return False
    tokens = u.reading.tokens
    opens = any(tuple(tokens[: len(c)]) == c for c in CONNECTORS)
    if context.intent in figure_ops:
        if set(tokens) & _ASKS_OTHER:
            return False  # "also, who released these figures?" asks about the figures, not for them again
        has_slot = bool(u.refs) or u.query.measure is not None
        complete = any(t in QUESTION_HEADS for t in tokens)
        if complete and "than" in tokens:  # "and how much higher was that than 2011/12?": a comparison, asked afresh
            return False
        return has_slot and (opens or (not complete and all(t in ELLIPTICAL for t in tokens)))
    if context.intent in _DATED and opens and u.refs and not u.reading.mentions:
        return True  # "what happened in July 2012?" - "and March 2013?"
    rest = [t for t in u.reading.signature if t not in u.reading.named]
    wanted = _REPEATABLE.get(context.intent, ())
    return opens and not rest and any(m.kind in wanted for m in u.reading.mentions)


def leans_on_context(u: Understood) -> bool:
    """The question names no subject of its own, or points back ("then", "that", "those")."""
    tokens = set(u.reading.tokens)
    subject = tokens & {"scr", "number", "commissioned", "published", "reason"} or u.reading.mentions
    follows_on = u.rest.split()[:1] in (["so"], ["and"], ["then"])  # "so what share was published?"
    # "how many commissioned?" right after a year's figure: a measure and nothing else, of that year
    # (and "by what % did published rise?" right after a comparison of two years: over those years)
    measure_only = not u.refs and not u.reading.mentions and bool(u.reading.known) and set(u.reading.known) <= {
        "scr", "number", "commissioned", "published", "rise", "fall", "percent", "not"} and not u.reading.unknown \
        and len(u.reading.tokens) <= 7
    return not subject or bool(tokens & ANAPHORS) or (follows_on and not u.refs) or measure_only


def _names_measure(u: Understood, lexicon: Lexicon) -> bool:
    return any(t in lexicon.measure_words for t in u.reading.tokens)


def repeat(u: Understood, context: Context, lexicon: Lexicon, both: bool = False) -> None:
    """Fill an elliptical question from the last turn: its periods unless new ones are given, its measure
    (unless it asks for `both`: "numbers for that year?")."""
    if not u.refs and context.periods:
        u.query.periods = list(context.periods)
    elif len(u.query.periods) == 1 and len(context.periods) == 2 and " compared " in f" {u.text} " and \
            u.query.periods[0] not in context.periods:
        # "is that more than double?" - "what about compared to 2011/12?": the later year against that one
        u.query.periods = [u.query.periods[0], context.periods[-1]]
    elif _change_from_relative(u, context):  # "and the change from the year before?" after a year's share
        u.query.periods = list(dict.fromkeys([context.periods[-1], *u.query.periods]))
    if u.rest.startswith("out of "):  # "12 were published" - "out of how many?": both figures of that year
        return
    if u.query.measure is None and not _names_measure(u, lexicon) and not both:
        u.query.measure = context.measure


def _change_from_relative(u: Understood, context: Context) -> bool:
    """"And the change from the year before?" after one year's figure: a change between that year and the one
    the relative year names (not a span from it to the latest)."""
    return bool(u.refs) and all(r.kind in ("previous", "next") for r in u.refs) and bool(
        {"change", "rise", "fall"} & set(u.reading.tokens)) and len(context.periods) == 1 and len(u.query.periods) == 1


def carry(
    u: Understood, context: Context, intent: str, lexicon: Lexicon, facts: FactBase, figure_ops: dict[str, str],
    both: bool = False,
) -> None:
    """Fill what a question leaves out from the last turn, when it leans on it (the measure, unless it asks
    for `both`)."""
    q = u.query
    if not context.intent or not leans_on_context(u):
        return
    if intent in figure_ops and context.intent in figure_ops:
        if q.measure is None and not _names_measure(u, lexicon) and not both and not u.rest.startswith("out of "):
            q.measure = context.measure  # (not "out of how many?": both figures of that year)
        if figure_ops[intent] in ("value", "share", "gap", "ratio") and not u.refs:
            q.periods = list(context.periods)
        elif figure_ops[intent] in ("total", "average") and not u.refs and set(u.reading.tokens) & {
                "those", "these", "both"}:
            # "the total published across those two years" after one year's figures and then another's
            count = 3 if {"three", "3"} & set(u.text.split()) else 2
            distinct = list(dict.fromkeys(context.history[-count:]))
            q.periods = list(context.periods) if len(context.periods) >= 2 else distinct
        elif u.refs and all(r.kind in ("previous", "next") for r in u.refs) and "than" in u.reading.tokens \
                and set(u.reading.tokens) & ANAPHORS and context.periods:
            # "is that bigger than the gap the year before?": the last answer's year against the one named
            q.periods = list(dict.fromkeys([context.periods[-1], *q.periods]))
        elif len(q.periods) == 1 and len(context.periods) == 1 and q.periods != context.periods and "same" in \
                u.reading.tokens:  # "same as in 2011/12?", "was it the same in 2011/12?": that year against the last
            q.periods = [context.periods[0], *q.periods]
        elif _change_from_relative(u, context):  # "and the change from the year before?": that year and the other
            q.periods = list(dict.fromkeys([context.periods[-1], *q.periods]))
        elif figure_ops[intent] == "change" and context.periods and len(q.periods) < 2:
            if q.periods:
                q.periods = list(dict.fromkeys([context.periods[-1], *q.periods]))
            elif len(context.periods) == 1:  # "did it double?" after two single-year answers
                q.periods = context.history[-2:] if len(context.history) >= 2 else list(context.periods)
            else:  # "is that more than double?" after 2012/13 against 2013/14: those years
                q.periods = list(context.periods)
    elif intent in figure_ops and (context.periods or context.history) and not u.refs and {"that", "then", "same"} \
            & set(u.reading.tokens):
        # "how many were published that year?" after when Ofsted stopped; "back to the numbers - and commissioned
        # that year?" after a question about someone: the last year asked about
        q.periods = list(context.periods or context.history[-1:])
    elif intent not in figure_ops and not q.mentions and not q.pronouns and not (
            any(r.kind in ("cy", "month") for r in u.refs) and not set(u.reading.tokens) & ANAPHORS):
        # (not "what happened in July 2012?" after March 2013: a date asked is about that date)
        q.mentions = [m for t in context.topics if (m := mention_of(facts, t))]
        q.carried = bool(q.mentions)


def mention_of(facts: FactBase, entity_id: str) -> Mention | None:
    """A mention of a subject by its id, as if the question had named it."""
    entity = facts.entity(entity_id)
    if entity is not None:
        return Mention(entity.kind, entity_id, entity_id)
    return Mention("event", entity_id, entity_id) if facts.event(entity_id) else None
