"""Answers about the bot itself: help, greetings, thanks and where its facts come from."""

from __future__ import annotations

from ..knowledge.article import Sentence
from ..knowledge.model import FactBase, Intent, IntentSet
from . import format as fmt
from . import people
from .query import Answer, Query
from .reasons import lower_first
from .replies import section

SAY = section("meta", {
    "about": {"span", "sources"},
    "one_source": set(),
    "several_sources": {"n"},
    "example_figure": {"latest"},
    "example_reason": set(),
    "example_change": {"first"},
    "example_person": {"person"},
    "comes_from": {"citation"},
    "sources_one": {"citation", "first"},
    "sources_several": {"n", "cited"},
    "summary_moved": {"measure", "first_value", "latest_value"},
    "summary_moves": {"first", "latest", "moves"},
    "summary_causes": {"name", "role", "causes"},
    "summary_doubts": {"surname", "doubted"},
    "summary_followup_reason": set(),
    "summary_followup_figure": {"latest"},
    "try": set(),
    "greeting": {"about"},
    "thanks": set(),
})
EXAMPLES = ("example_figure", "example_reason", "example_change", "example_person")


def about(facts: FactBase) -> str:
    """One line on what the bot knows, with the span of years taken from the data."""
    labels = [p.label for p in facts.periods]
    return SAY.say("about", span=fmt.period_span(labels), sources=_sources_phrase(facts))


def _sources_phrase(facts: FactBase) -> str:
    n = len(facts.sources)
    return SAY.say("one_source") if n == 1 else SAY.say("several_sources", n=n)


def examples(facts: FactBase) -> list[str]:
    first, latest = facts.periods[0].label, facts.periods[-1].label
    speakers = [r.said_by for r in facts.reasons if r.said_by in facts.people] or list(facts.people)
    person = facts.people[speakers[0]].name if speakers else ""
    fields = {"first": first, "latest": latest, "person": person}
    return [SAY.say(e, **{k: fields[k] for k in SAY.names(e)}) for e in EXAMPLES if person or e != "example_person"]


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
                parts.append(SAY.say("comes_from", citation=document.citation()) + "\n"
                             + "\n".join(f"“{s.text}”" for s in quoted))
        answer.text = "\n".join(parts)
        answer.add_sources(*lines)
        figure_lines = {f.source.line for f in facts.figures.values()}
        if facts.announcement and figure_lines & set(q.context.sources):  # "says who?" after a figure
            answer.text += f"\n{facts.announcement.summary}"
            answer.add_sources(facts.announcement.source)
        return answer
    first = facts.article.sentences[0]
    if len(facts.sources) == 1:
        answer.text = SAY.say("sources_one", citation=facts.article.citation(), first=first.text)
    else:
        cited = "\n".join(f"{n}. {d.citation()}" for n, d in enumerate(facts.sources, 1))
        answer.text = SAY.say("sources_several", n=len(facts.sources), cited=cited)
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
            moves.append(SAY.say("summary_moved", measure=m.label, first_value=fmt.number(a.value),
                                 latest_value=fmt.number(b.value)))
            answer.add_sources(a.source, b.source)
    if moves:
        lines.append(SAY.say("summary_moves", first=first.label, latest=latest.label, moves=fmt.join(moves)))
    for speaker in dict.fromkeys(r.said_by for r in facts.reasons):
        person = facts.people.get(speaker)
        name = person.name if person else speaker
        causes = [r for r in facts.reasons if r.said_by == speaker and r.stance == "cause"]
        doubted = [r for r in facts.reasons if r.said_by == speaker and r.stance != "cause"]
        if causes:
            role = f", {person.role}," if person else ""
            lines.append(SAY.say("summary_causes", name=name, role=role,
                                 causes=fmt.join([lower_first(r.title) for r in causes])))
        if doubted:
            titles = fmt.join([lower_first(r.title) for r in doubted])
            lines.append(SAY.say("summary_doubts", surname=name.split()[-1], doubted=titles))
        for r in [*causes, *doubted]:
            answer.add_sources(r.sources[0])
    answer.text = "\n".join(lines)
    answer.followups = [SAY.say("summary_followup_reason"), SAY.say("summary_followup_figure", latest=latest.label)]
    return answer


def help(facts: FactBase, q: Query) -> Answer:
    text = about(facts) + "\n" + SAY.say("try") + "\n" + "\n".join(f"• {e}" for e in examples(facts))
    return Answer(text, followups=examples(facts)[:3])


def greeting(facts: FactBase, q: Query) -> Answer:
    return Answer(SAY.say("greeting", about=about(facts)), followups=examples(facts)[:3])


def thanks(facts: FactBase, q: Query) -> Answer:
    return Answer(SAY.say("thanks"), followups=examples(facts)[1:3])


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
