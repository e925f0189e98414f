"""Answers about the bot itself: help, greetings, thanks and where its facts come from."""

from __future__ import annotations

from ..knowledge.article import Sentence
from ..knowledge.model import FactBase, Intent, IntentSet
from . import format as fmt
from . import people
from .query import Answer, Query
from .reasons import lower_first

EXAMPLES = (
    "How many SCRs were published in {latest}?",
    "What drove the increase?",
    "How much did commissioned SCRs rise since {first}?",
    "Who is {person}?",
)


def about(facts: FactBase) -> str:
    """One line on what the bot knows, with the span of years taken from the data."""
    labels = [p.label for p in facts.periods]
    return (
        f"I answer questions about the rise in serious case reviews (SCRs): how many were commissioned "
        f"and published in {fmt.period_span(labels)}, and why the numbers rose, with who said what. "
        f"Every answer comes from {_sources_phrase(facts)}, and I can show you the sentence behind it."
    )


def _sources_phrase(facts: FactBase) -> str:
    n = len(facts.sources)
    return "one news article" if n == 1 else f"{n} sources, the first a news article"


def examples(facts: FactBase) -> list[str]:
    first, latest = facts.periods[0].label, facts.periods[-1].label
    speakers = [r.said_by for r in facts.reasons if r.said_by in facts.people] or list(facts.people)
    person = facts.people[speakers[0]].name if speakers else ""
    return [e.format(first=first, latest=latest, person=person) for e in EXAMPLES if person or "{person}" not in e]


def source(facts: FactBase, q: Query) -> Answer:
    """The sentences behind the last answer, each with a citation of its document; else what the sources are."""
    answer = Answer("")
    refs = q.context.cited or q.context.sources  # a context stored before `cited` existed has article lines
    lines = [s for s in (facts.sentence(ref) for ref in refs) if s is not None]
    if lines:
        parts = []
        for document in facts.sources:
            quoted = [s for s in lines if s.source == document.id]
            if quoted:
                parts.append(f"That comes from {document.citation()}:\n" + "\n".join(f"“{s.text}”" for s in quoted))
        answer.text = "\n".join(parts)
        answer.add_sources(*lines)
        figure_lines = {f.source.line for f in facts.figures.values()}
        if facts.announcement and figure_lines & set(q.context.sources):  # "says who?" after a figure
            answer.text += f"\n{facts.announcement.summary}"
            answer.add_sources(facts.announcement.source)
        return answer
    first = facts.article.sentences[0]
    if len(facts.sources) == 1:
        answer.text = (
            f"Everything I say comes from one news article about the rise in SCRs: {facts.article.citation()}. "
            f"It begins: “{first.text}” Ask me something and then ask for the source "
            "to see the exact sentence behind the answer."
        )
    else:
        cited = "\n".join(f"{n}. {d.citation()}" for n, d in enumerate(facts.sources, 1))
        answer.text = (
            f"Everything I say comes from {len(facts.sources)} sources:\n{cited}\n"
            "Ask me something and then ask for the source to see the exact sentence behind the answer."
        )
    answer.add_sources(first)
    return answer


def summary(facts: FactBase, q: Query) -> Answer:
    """The article in a nutshell: who revealed what, the figures first to last, and the reasons given; or,
    for "a summary of Munro's part in all this", what the article says that person said or recommended."""
    if q.mentioned("person"):
        return people.said(facts, q)
    answer = Answer("")
    lines = []
    if facts.announcement:
        lines.append(facts.announcement.summary)
        answer.add_sources(facts.announcement.source)
        answer.people.append(facts.announcement.by)
    first, latest = facts.periods[0], facts.periods[-1]
    moves = []
    for m in facts.measures:
        a, b = facts.value(first.id, m.id), facts.value(latest.id, m.id)
        if a and b and first.id != latest.id:
            moves.append(f"SCRs {m.label} went from {fmt.number(a.value)} to {fmt.number(b.value)}")
            answer.add_sources(a.source, b.source)
    if moves:
        lines.append(f"Between {first.label} and {latest.label}, {fmt.join(moves)}.")
    for speaker in dict.fromkeys(r.said_by for r in facts.reasons):
        person = facts.people.get(speaker)
        name = person.name if person else speaker
        causes = [r for r in facts.reasons if r.said_by == speaker and r.stance == "cause"]
        doubted = [r for r in facts.reasons if r.said_by == speaker and r.stance != "cause"]
        if causes:
            role = f", {person.role}," if person else ""
            lines.append(f"{name}{role} puts the rise down to {fmt.join([lower_first(r.title) for r in causes])}.")
        if doubted:
            titles = fmt.join([lower_first(r.title) for r in doubted])
            lines.append(f"{name.split()[-1]} does not think {titles} contributed significantly.")
        for r in [*causes, *doubted]:
            answer.add_sources(r.sources[0])
    answer.text = "\n".join(lines)
    answer.followups = ["What drove the rise?", f"How many SCRs were published in {latest.label}?"]
    return answer


def help(facts: FactBase, q: Query) -> Answer:
    text = about(facts) + "\nTry:\n" + "\n".join(f"• {e}" for e in examples(facts))
    return Answer(text, followups=examples(facts)[:3])


def greeting(facts: FactBase, q: Query) -> Answer:
    return Answer("Hello! " + about(facts), followups=examples(facts)[:3])


def thanks(facts: FactBase, q: Query) -> Answer:
    return Answer("You're welcome. Ask me anything else about serious case reviews.", followups=examples(facts)[1:3])


def readings(facts: FactBase, sources: list[Sentence] | tuple[Sentence, ...], text: str) -> str:
    """Notes on how the bot read a source whose answer cites it: a period's `note` ("between 2011 and
    2012" read as the financial year 2011/12), so a reading is never passed off as the source's words."""
    cited = set(sources)  # (only where the answer names that year: a note on a label it doesn't use is noise)
    notes = [p.note for p in facts.periods if p.note and p.source in cited and p.note not in text and p.label in text]
    return "".join(f"\n({note})" for note in dict.fromkeys(notes))


def tailored(facts: FactBase, suggestion: str, people: list[str]) -> str:
    """A "did you mean" question about the person asked about, not the one its intent's example names:
    "Who is Sue Woolmore?" becomes "Who is Edward Timpson?" when the question named Edward Timpson."""
    if not people or people[0] not in facts.people:
        return suggestion
    asked = facts.people[people[0]]
    for person in facts.people.values():
        if person.id != asked.id and person.name in suggestion:
            return suggestion.replace(person.name, asked.name)
    return suggestion


_DISTINCT: dict[int, tuple[object, frozenset[str]]] = {}


def _people_words(intents: IntentSet) -> frozenset[str]:
    """Words of the people intents' templates that no other intent's templates use ("who", "quoted")."""
    cached = _DISTINCT.get(id(intents))
    if cached is None or cached[0] is not intents:
        people, others = set(), set()
        for intent in intents.intents:
            words = {w for t in intent.templates for w in t.text.split()}
            (people if intent.answer.startswith("people.") else others).update(words)
        _DISTINCT.clear()
        _DISTINCT[id(intents)] = cached = (intents, frozenset(people - others))
    return cached[1]


def about_someone(intents: IntentSet, intent: Intent, text: str, mentioned: bool) -> bool:
    """Could a "did you mean" about people fit this question? Only if it names someone or uses a word
    only people questions use: "show me a chart" (read as "chair") is not about Sue Woolmore."""
    if not intent.answer.startswith("people.") or mentioned:
        return True
    return bool(set(text.split()) & _people_words(intents))
