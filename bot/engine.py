"""The engine: text plus a conversation's context in, a `Reply` and the new context out.

It knows nothing of Telegram or terminals; adapters call `Engine.reply` and render the result.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from .answers import COMPOSERS, Answer, Query
from .answers import format as fmt
from .answers.meta import about, examples
from .conversation import Context
from .knowledge.errors import DataError, Problem
from .knowledge.facts import load_facts
from .knowledge.intents import IntentSet, load_intents
from .knowledge.model import FactBase
from .reply import Reply, Suggestion
from .understanding.lexicon import Lexicon, Mention, Reading
from .understanding.matcher import ANSWER_AT, CLARIFY_AT, Candidate, Decision, IntentMatcher, decide
from .understanding.normalise import normalise
from .understanding.periods import PeriodRef, read_periods, resolve

# Words that open a follow-up ("and 2011/12?", "what about commissioned ones?").
_CONNECTORS = (
    ("and", "what", "about"),
    ("and", "how", "about"),
    ("what", "about"),
    ("how", "about"),
    ("and", "for"),
    ("what", "of"),
    ("same", "for"),
    ("and", "in"),
    ("and",),
    ("also",),
    ("then",),
)
# Words an elliptical follow-up may consist of besides its slots.
_ELLIPTICAL = frozenset(
    {
        "commissioned",
        "published",
        "scr",
        "number",
        "how many",
        "how",
        "many",
        "in",
        "for",
        "the",
        "ones",
        "one",
        "those",
        "them",
        "that",
        "figures",
        "year",
        "was",
        "were",
        "it",
        "is",
        "what",
        "about",
        "and",
        "then",
        "same",
        "of",
        "there",
    }
)
# Words that point back to the last answer ("what's the rate then?", "when was that?").
_ANAPHORS = frozenset({"then", "that", "those", "it", "this", "same", "they", "them", "ones", "these"})
CONTEXT_PRIOR = 0.15  # bonus for the last turn's intent when a question points back to it
CONTEXT_TTL = 30 * 60  # seconds after which a conversation's context no longer applies


@dataclass(frozen=True)
class Understood:
    """Everything read from one question, before deciding what to do with it."""

    text: str
    refs: list[PeriodRef]
    reading: Reading
    query: Query
    bad_periods: list[str]


class Engine:
    """Answers questions from a validated fact base and intent set."""

    def __init__(self, facts: FactBase, intents: IntentSet) -> None:
        self.facts = facts
        self.intents = intents
        unknown = [i for i in intents.intents if i.answer not in COMPOSERS]
        if unknown:
            raise DataError(
                [
                    Problem(
                        i.path, i.line, f"unknown answer '{i.answer}'", f"use one of: {', '.join(sorted(COMPOSERS))}"
                    )
                    for i in unknown
                ]
            )
        self.lexicon = Lexicon(intents.lexicon, facts, [t.text for i in intents.intents for t in i.templates])
        self.matcher = IntentMatcher(intents, self.lexicon)

    @classmethod
    def load(cls, facts_dir: Path, intents_dir: Path) -> Engine:
        """Load, validate and compile both data folders; raises `DataError` naming every problem."""
        facts = load_facts(facts_dir)
        intents = load_intents(intents_dir, composers=set(COMPOSERS), measures={m.id for m in facts.measures})
        return cls(facts, intents)

    # -- reading ------------------------------------------------------------------------
    def understand(self, text: str, context: Context) -> Understood:
        norm = normalise(text)
        refs, rest = read_periods(norm)
        reading = self.lexicon.read(rest)
        query = Query(tokens=reading.tokens, mentions=reading.mentions, pronouns=reading.pronouns, context=context)
        measures = {self.lexicon.measure_words[t] for t in reading.tokens if t in self.lexicon.measure_words}
        query.measure = measures.pop() if len(measures) == 1 else None
        anchor = context.periods[-1] if context.periods else None
        bad: list[str] = []
        for ref in refs:
            if ref.kind == "bad":
                bad.append(ref.text)
                continue
            if ref.kind == "cy":
                query.years.append(ref.year)
            if ref.kind == "month":
                query.months.append(f"{ref.year}-{ref.month:02d}")
            found = resolve(ref, self.facts.periods, anchor)
            query.periods.extend(p for p in found.ids if p not in query.periods)
            query.missing.extend(m for m in found.missing if m not in query.missing)
            if found.note and found.ids:
                query.notes.append(found.note)
        return Understood(norm, refs, reading, query, bad)

    def _rank(self, u: Understood) -> list[Candidate]:
        """Candidates scaled by how much of the question the bot understood at all.

        Words the bot does not know weigh heavily unless the question also names something of
        the subject (an SCR, a person, Ofsted ...): "how many books were published" is declined,
        "could you tell me, for my piece, how many SCRs were published" is not.
        """
        ranked = self.matcher.rank(u.reading, self._slots(u))
        if not ranked and self.matcher.slot_only and (u.query.periods or u.query.missing or u.query.measure):
            ranked = [Candidate(self.matcher.slot_only, ANSWER_AT + 0.1)]
        sig = u.reading.signature
        bare_name = bool(sig) and set(sig) <= u.reading.named and all(m.kind != "person" for m in u.reading.mentions)
        one_word = len(sig) == 1 and sig[0] not in self.lexicon.single_word_ok
        context = u.query.context
        in_conversation = context.intent is not None
        if context.intent and self._leans_on_context(u):
            # A question that points back ("has it improved since?") most likely continues the same topic.
            ranked = sorted(
                (
                    Candidate(c.intent, min(1.0, c.confidence + CONTEXT_PRIOR)) if c.intent.id == context.intent else c
                    for c in ranked
                ),
                key=lambda c: -c.confidence,
            )
        exact = self.matcher.exact(u.reading.tokens)
        if exact is not None:
            ranked = [Candidate(exact, 1.0), *(c for c in ranked if c.intent is not exact)]
        elif (one_word or bare_name) and not (u.refs or u.query.measure or u.reading.pronouns or in_conversation):
            # One keyword is not a question: offer "did you mean" rather than guess.
            ranked = [Candidate(c.intent, min(c.confidence, ANSWER_AT - 0.05)) for c in ranked]
        known, unknown = len(u.reading.known), len(u.reading.unknown)
        if unknown:
            anchored = bool(u.reading.mentions) or u.query.measure is not None
            if anchored and not u.reading.unknown_subject:
                factor = max(0.8, 1 - 0.04 * unknown)
            else:
                factor = known / (known + 1.5 * unknown)
            ranked = [Candidate(c.intent, c.confidence * factor) for c in ranked]
        return ranked

    def _slots(self, u: Understood) -> frozenset[str]:
        """What the question filled, as slot cues for the matcher."""
        explicit = [r for r in u.refs if r.kind in ("fy", "cy", "month", "latest", "first")]
        slots = set()
        if explicit:
            slots.add("+period")
        if len(explicit) >= 2:
            slots.add("+periods")
        if any(r.kind == "all" for r in u.refs):
            slots.add("+all")
        if u.query.measure:
            slots.add("+measure")
        return frozenset(slots)

    def _is_followup(self, u: Understood, context: Context) -> bool:
        """An elliptical question ("and 2011/12?", "what about commissioned ones?", "and SCR?") that
        asks the last turn's question again about something else."""
        if not context.intent or u.reading.unknown:
            return False
        tokens = u.reading.tokens
        opens = any(tuple(tokens[: len(c)]) == c for c in _CONNECTORS)
        if context.intent.startswith("figures."):
            has_slot = bool(u.refs) or u.query.measure is not None
            rest = [t for t in tokens if t not in _ELLIPTICAL]
            return has_slot and (opens or not rest)
        rest = [t for t in u.reading.signature if t not in u.reading.named]
        kinds = {"terms.define": ("term", "organisation"), "people.who": ("person",), "people.said": ("person",)}
        wanted = kinds.get(context.intent, ())
        return opens and not rest and any(m.kind in wanted for m in u.reading.mentions)

    def _leans_on_context(self, u: Understood) -> bool:
        """The question names no subject of its own, or points back ("then", "that", "those")."""
        tokens = set(u.reading.tokens)
        subject = tokens & {"scr", "number", "commissioned", "published"} or u.reading.mentions
        return not subject or bool(tokens & _ANAPHORS)

    def _carry(self, u: Understood, context: Context, intent: str) -> None:
        """Fill slots a question leaves out from the last turn, when it leans on it."""
        q = u.query
        if not context.intent or not self._leans_on_context(u):
            return
        if intent.startswith("figures.") and context.intent.startswith("figures."):
            if q.measure is None and not any(t in self.lexicon.measure_words for t in u.reading.tokens):
                q.measure = context.measure
            if intent in ("figures.count", "figures.rate") and not u.refs:
                q.periods = list(context.periods)
            elif intent == "figures.change" and context.periods and len(q.periods) < 2:
                if q.periods:
                    q.periods = list(dict.fromkeys([context.periods[-1], *q.periods]))
                elif len(context.periods) == 1:  # "did it double?" after two single-year answers
                    q.periods = context.history[-2:] if len(context.history) >= 2 else list(context.periods)
        elif not intent.startswith("figures.") and not q.mentions and not q.pronouns:
            q.mentions = [m for t in context.topics if (m := self._mention(t))]

    def _mention(self, entity_id: str) -> Mention | None:
        entity = self.facts.entity(entity_id)
        if entity is not None:
            return Mention(entity.kind, entity_id, entity_id)
        event = self.facts.event(entity_id)
        return Mention("event", entity_id, entity_id) if event else None

    # -- answering ----------------------------------------------------------------------
    def reply(self, text: str, context: Context | None = None, now: float | None = None) -> tuple[Reply, Context]:
        """Answer one message; returns the reply and the context for the next turn."""
        now = time.time() if now is None else now
        context = context or Context()
        if context.updated and now - context.updated > CONTEXT_TTL:
            context = Context()
        u = self.understand(text, context)
        if not u.text:
            return self._decline(u, "empty"), context
        if u.bad_periods:
            return self._decline(u, "bad_period"), context
        if u.reading.outside:
            return self._decline(u, "not_covered"), context

        followup = self._is_followup(u, context)
        if followup:
            if not u.refs and context.periods:
                u.query.periods = list(context.periods)
            if u.query.measure is None and not any(t in ("commissioned", "published") for t in u.reading.tokens):
                u.query.measure = context.measure
            intent = self.intents.get(context.intent)
            assert intent is not None
            decision = Decision("answer", (Candidate(intent, 0.9),))
        else:
            decision = decide(self._rank(u))

        if decision.action == "decline" and not u.reading.unknown_subject:
            first = u.reading.tokens[0] if u.reading.tokens else ""
            fallback = self.intents.get(self.lexicon.fallback_words.get(first, ""))
            if fallback is not None:  # "Good morning - I sit on the council's scrutiny committee"
                decision = Decision("answer", (Candidate(fallback, CLARIFY_AT),))
        if decision.action == "decline" and not u.reading.signature and not u.reading.unknown and not u.refs:
            return self._vague(u), context  # "and?", "what about it?": ask for more, don't refuse
        if decision.action == "decline":
            return self._decline(u, "off_topic", decision), context
        if decision.action == "clarify":
            return self._clarify(u, decision), context
        top = decision.top
        assert top is not None
        if (
            top.intent.id.startswith("figures.")
            and top.intent.id != "figures.periods"
            and u.query.missing
            and not u.query.periods
        ):
            # Remember what was asked, so "ok, what about 2013/14?" still knows the measure.
            kept = Context(intent=top.intent.id, measure=u.query.measure, updated=now, people=list(context.people))
            return self._decline(u, "no_data", decision), kept
        if not followup:
            self._carry(u, context, top.intent.id)
        answer = COMPOSERS[top.intent.answer](self.facts, u.query)
        return self._answer(u, top, answer), self._next_context(u, top.intent.id, answer, now)

    def answer_intent(
        self, intent_id: str, context: Context | None = None, now: float | None = None
    ) -> tuple[Reply, Context]:
        """Answer an intent directly, without matching (for commands such as /figures and /why)."""
        now = time.time() if now is None else now
        intent = self.intents.get(intent_id)
        if intent is None:
            raise KeyError(intent_id)
        u = self.understand("", context or Context())
        answer = COMPOSERS[intent.answer](self.facts, u.query)
        return self._answer(u, Candidate(intent, 1.0), answer), self._next_context(u, intent.id, answer, now)

    def _answer(self, u: Understood, top: Candidate, answer: Answer) -> Reply:
        periods = answer.periods if answer.periods is not None else u.query.periods
        entities = self._entities(u, periods, answer)
        suggestions = tuple(Suggestion(f) for f in answer.followups)
        return Reply(answer.text, top.intent.id, top.confidence, "answer", entities, tuple(answer.sources), suggestions)

    def _entities(self, u: Understood, periods: list[str], answer: Answer | None = None) -> dict:
        q = u.query
        people = q.mentioned("person") or (answer.people[:1] if answer and q.pronouns else [])
        entities: dict = {
            "periods": list(periods),
            "measure": q.measure,
            "people": people,
            "topics": [m.id for m in q.mentions if m.kind != "person"],
        }
        if q.missing:
            entities["missing_periods"] = list(q.missing)
        return entities

    def _next_context(self, u: Understood, intent: str, answer: Answer, now: float) -> Context:
        periods = answer.periods if answer.periods is not None else u.query.periods
        people = list(dict.fromkeys([*u.query.mentioned("person"), *answer.people]))
        history = [p for p in u.query.context.history if p not in periods][-3:] + list(periods)
        return Context(
            intent=intent,
            periods=list(periods),
            history=history,
            measure=u.query.measure,
            people=people or list(u.query.context.people),
            topics=list(dict.fromkeys(answer.topics)),
            sources=[s.line for s in answer.sources],
            updated=now,
        )

    def _clarify(self, u: Understood, decision: Decision) -> Reply:
        options = [Suggestion(c.intent.suggestion, c.intent.id, c.confidence) for c in decision.candidates]
        text = "I'm not sure what you mean. Did you mean:\n" + "\n".join(f"• {s.text}" for s in options)
        top = decision.candidates[0]
        return Reply(text, "clarify", top.confidence, "clarify", self._entities(u, u.query.periods), (), tuple(options))

    def _vague(self, u: Understood) -> Reply:
        tips = tuple(Suggestion(e) for e in examples(self.facts)[:3])
        text = "Could you say a bit more? For example:\n" + "\n".join(f"• {s.text}" for s in tips)
        return Reply(text, "clarify", 0.0, "clarify", self._entities(u, u.query.periods), (), tips)

    def _decline(self, u: Understood, why: str, decision: Decision | None = None) -> Reply:
        labels = [p.label for p in self.facts.periods]
        have = f"I have figures for {fmt.join(labels)} (financial years, April to March)."
        if why == "no_data":
            text = f"I don't have figures for {fmt.join(u.query.missing)}. {have}"
            tips = [Suggestion(f"How many SCRs were published in {labels[-1]}?")]
        elif why == "bad_period":
            text = (
                f"I couldn't read “{u.bad_periods[0][:40]}” as a period. Write financial years like "
                f"{labels[-1]}. {have}"
            )
            tips = [Suggestion(e) for e in examples(self.facts)[:2]]
        elif why == "not_covered":
            text = f"The article I answer from doesn't cover {u.reading.outside[0].title()}. " + about(self.facts)
            tips = [Suggestion(e) for e in examples(self.facts)[:2]]
        elif why == "empty":
            text = "Ask me a question. " + about(self.facts)
            tips = [Suggestion(e) for e in examples(self.facts)[:3]]
        else:
            text = "Sorry, that's outside what I know. " + about(self.facts)
            tips = [Suggestion(e) for e in examples(self.facts)[:3]]
        return Reply(
            text,
            None,
            decision.top.confidence if decision and decision.top else 0.0,
            "decline",
            self._entities(u, u.query.periods),
            (),
            tuple(tips),
        )
