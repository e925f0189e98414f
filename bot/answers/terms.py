"""Answers about terms and abbreviations (SCR, LSCB, Working Together) and named organisations."""

from __future__ import annotations

from ..knowledge.model import FactBase
from . import format as fmt
from .query import Answer, Query
from .replies import section

SAY = section("terms", {
    "stands_for": {"term", "stands_for", "about"},
    "yes_first": {"line"},
    "no_first": {"line"},
    "not_defined": {"measure", "measures"},
    "financial_year": {"period", "start", "end"},
    "kept_by_year": set(),
    "terms_known": {"terms"},
    "followup_reason": set(),
})


def define(facts: FactBase, q: Query) -> Answer:
    answer = Answer("")
    terms = [facts.terms[t] for t in q.mentioned("term") if t in facts.terms]
    lines = []
    asks_yes = q.tokens[:1] in (["does"], ["is"], ["do"])  # "does LSCB stand for Local Safeguarding Children Board?"
    for term in terms:
        said = term.stands_for.lower() in q.text
        line = SAY.say("stands_for", term=term.term, stands_for=term.stands_for, about=term.about)
        if asks_yes and " stand for " in f" {q.text} " and len(terms) == 1:
            line = SAY.say("yes_first" if said else "no_first", line=line)
        lines.append(line)
        answer.add_sources(*term.sources)
        answer.topics.append(term.id)
    if not lines:
        orgs = [facts.organisations[o] for o in q.mentioned("organisation") if o in facts.organisations]
        for org in orgs:
            lines.append(f"{org.name}: {org.summary}")
            answer.add_sources(org.source)
            answer.topics.append(org.id)
    if not lines and q.mentioned("event"):  # "what does the article say about the Ofsted change?": the event
        from .events import when

        return when(facts, q)
    if not lines and q.measure and not q.periods:  # "what does commissioned mean?"
        lines.append(SAY.say("not_defined", measure=q.measure, measures=fmt.join([m.label for m in facts.measures])))
    if not lines and (q.periods or q.has("year")):
        periods = [facts.period(p) for p in q.periods] or facts.periods[:1]
        for p in periods:
            lines.append(SAY.say("financial_year", period=p.label, start=f"{p.start:%-d %B %Y}",
                                 end=f"{p.end:%-d %B %Y}"))
            answer.add_sources(p.source)
        lines.append(SAY.say("kept_by_year"))
    if not lines:
        known = ", ".join(f"{t.term} ({t.stands_for})" for t in facts.terms.values())
        lines.append(SAY.say("terms_known", terms=known))
        answer.add_sources(*(s for t in facts.terms.values() for s in t.sources))
    answer.text = "\n".join(lines)
    answer.followups = [SAY.say("followup_reason")]
    return answer
