"""Answers about terms and abbreviations (SCR, LSCB, Working Together) and named organisations."""

from __future__ import annotations

from ..knowledge.model import FactBase
from . import format as fmt
from .query import Answer, Query


def define(facts: FactBase, q: Query) -> Answer:
    answer = Answer("")
    terms = [facts.terms[t] for t in q.mentioned("term") if t in facts.terms]
    lines = []
    asks_yes = q.tokens[:1] in (["does"], ["is"], ["do"])  # "does LSCB stand for Local Safeguarding Children Board?"
    for term in terms:
        said = term.stands_for.lower() in q.text
        lead = ("Yes. " if said else "No. ") if asks_yes and " stand for " in f" {q.text} " and len(terms) == 1 else ""
        lines.append(f"{lead}{term.term} stands for {term.stands_for}. {term.about}")
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
        lines.append(
            f"The article doesn't define “{q.measure}”: it gives how many SCRs were "
            + fmt.join([m.label for m in facts.measures]) + " in each financial year."
        )
    if not lines and (q.periods or q.has("year")):
        periods = [facts.period(p) for p in q.periods] or facts.periods[:1]
        for p in periods:
            lines.append(f"{p.label} is a financial year: it runs from {p.start:%-d %B %Y} to {p.end:%-d %B %Y}.")
            answer.add_sources(p.source)
        lines.append("All the figures are kept by financial year.")
    if not lines:
        lines.append(
            "Terms I can explain: " + ", ".join(f"{t.term} ({t.stands_for})" for t in facts.terms.values()) + "."
        )
        answer.add_sources(*(s for t in facts.terms.values() for s in t.sources))
    answer.text = "\n".join(lines)
    answer.followups = ["What drove the rise?"]
    return answer
