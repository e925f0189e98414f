"""Answers about why the numbers rose: the reasons given, who gave them, and what was ruled out."""

from __future__ import annotations

from ..knowledge.model import FactBase, Reason
from . import format as fmt
from .people import resolve_people
from .query import Answer, Query
from .replies import section

SAY = section("reasons", {
    "recommended_by": {"what", "name"},
    "this_recommended_by": {"name"},
    "fall_told": {"falls"},
    "fall_untold": set(),
    "only_giver": {"who"},
    "no_reasons": set(),
    "according_to": {"speaker", "reason"},
    "gives_one_reason": {"speaker"},
    "gives_reasons": {"speaker", "n"},
    "doubts": {"subject", "title"},
    "they": set(),
    "yes_first": {"line"},
    "no_first": {"line"},
    "both_reasons": set(),
    "every_reason": set(),
    "some_reasons": {"n"},
    "recommended_not_given": {"names", "which"},
    "no_reasons_from_announcer": {"names", "summary"},
    "no_reasons_from": {"names"},
    "followup_recommended": {"name"},
    "followup_rise": set(),
    "a_cause": {"speaker", "reason"},
    "nothing_ruled_out": set(),
    "ruled_out": {"name", "title", "summary"},
    "reasons_given": {"pronoun", "causes"},
    "followup_reason": set(),
    "recommended_one": {"name", "role", "what"},
    "recommended_both": {"name", "role", "what"},
    "recommended_all": {"name", "role", "what"},
})


def _speaker(facts: FactBase, person_id: str) -> str:
    person = facts.people.get(person_id)
    return f"{person.name}, {person.role}" if person else person_id


def _focus(facts: FactBase, q: Query) -> list[Reason]:
    """Reasons about the things the question names (Ofsted, Working Together, the panel ...)."""
    named = {m.id for m in q.mentions if m.kind in ("organisation", "term", "event")}
    named |= {m.id for m in q.mentions if m.kind == "person"}
    told = told_of(facts, q.text)  # "what was wrong with the old system?": the reason whose explanation tells of it
    if not named:
        return told
    return [r for r in facts.reasons if named & ({*r.topics, r.event}) or r in told]


def told_of(facts: FactBase, text: str) -> list[Reason]:
    """Reasons whose explanation tells of something the text names (their `about` phrases: "the old system")."""
    padded = f" {' '.join(text.split())} "
    return [r for r in facts.reasons if any(f" {p} " in padded for p in r.about) or (
        r.weight and f" {r.weight.lower().removeprefix('a ')} " in padded)]  # "which did she call pivotal?"


def _describe(facts: FactBase, reason: Reason, answer: Answer, detail: bool = True) -> str:
    text = reason.summary
    if reason.weight:
        text = f"{text.rstrip('.')}: {reason.weight}."
    if detail:
        text += f" {reason.explanation}"
    if reason.recommended_by and reason.recommended_by in facts.people:
        who = facts.people[reason.recommended_by]
        if reason.recommendation:
            text += " " + SAY.say("recommended_by", what=reason.recommendation, name=who.name)
        else:
            text += " " + SAY.say("this_recommended_by", name=who.name)
        answer.people.append(who.id)
    answer.add_sources(*reason.sources)
    answer.topics.extend(reason.topics)
    return text


def _about_a_fall(facts: FactBase, q: Query) -> Answer | None:
    """"Why did SCRs drop in 2011?": the reasons given are for the rise; what the article says of the fall."""
    named = {m.id for m in q.mentions if m.kind == "event"}
    topics = {m.id for m in q.mentions}
    events = [e for e in facts.events if e.id in named or int(e.date[:4]) in q.years or topics & set(e.topics)]
    falls = [e for e in events if any(w in e.summary.lower() for w in ("dropped", "fell", "declined"))]
    # "why did SCRs drop?", or "so what caused that?" right after the drop
    if q.has("rise") or not (q.has("fall") or (q.carried and falls) or (named and falls)):  # "the sharp drop"
        return None
    answer = Answer("")
    if falls:
        answer.text = SAY.say("fall_told", falls=" ".join(e.summary for e in falls))
        for e in falls:
            answer.add_sources(e.source)
            answer.topics.extend(e.topics)
    else:
        answer.text = SAY.say("fall_untold")
    return answer


def _from_others(facts: FactBase, q: Query) -> list[str]:
    """People the question names who give no reasons in the article ("what did Timpson say caused it?")."""
    if q.carried:
        return []
    speakers = {r.said_by for r in facts.reasons}
    named = q.mentioned("person") or ([p.id for p in resolve_people(facts, q)] if q.pronouns else [])  # "did he
    return [p for p in named if p in facts.people and p not in speakers]  # say what caused it?" after Timpson


def why(facts: FactBase, q: Query) -> Answer:
    fall = _about_a_fall(facts, q)
    if fall is not None:
        return fall
    answer = Answer("")
    outsiders = _from_others(facts, q)
    focus = _focus(facts, q)
    if outsiders:
        focus = [r for r in focus if not ({*r.topics} <= set(outsiders))]
    weighed = [r for r in facts.reasons if r.weight and r.weight.lower().removeprefix("a ") in f" {q.text} "]
    if q.has("two", "both", "all"):
        weighed = []  # "what are the two key factors?" asks for both, not for the one called "a key factor"
    asks_which = bool(q.tokens[:1]) and q.tokens[0] in ("what", "whatis", "which")
    if weighed and (not focus or asks_which):  # "what was the key factor?", "what key factor does the chair of
        focus = weighed  # the LSCB chairs' association point to?": the reason given that weight, whatever else is named
    givers = {r.said_by for r in facts.reasons if r.stance == "cause"}
    named = set(q.mentioned("person"))
    anyone = {"anyone", "anybody", "someone", "somebody", "else"} & set(q.text.split())
    if q.has("besides") and anyone and not focus and named and named <= givers <= named:  # "did anyone besides
        who = fmt.join([_speaker(facts, p) for p in sorted(givers)])  # Woolmore explain the rise?": nobody else
        answer.text = SAY.say("only_giver", who=who)
        answer.people.extend(sorted(givers))
        answer.add_sources(*(r.sources[0] for r in facts.reasons if r.said_by in givers))
        return answer
    if not focus and q.has("besides") and not anyone and q.context.topics:  # "and the other factor she named?"
        focus = [r for r in facts.reasons if r.stance == "cause" and set(r.topics) <= set(q.context.topics)]
    if focus and q.has("besides") and not set(focus) <= set(told_of(facts, q.text)):  # "besides the Ofsted change,
        # what else was pivotal?" (lexicon.yaml); not "what else was wrong with the old system?", still the same one
        others = [r for r in facts.reasons if r not in focus and r.stance == "cause"]
        focus = others or focus
    if focus and all(r.stance != "cause" for r in focus):
        return counter(facts, q)
    causes = [r for r in (focus or facts.reasons) if r.stance == "cause"]
    if not causes:
        answer.text = SAY.say("no_reasons")
        return answer
    lines = []
    speakers = list(dict.fromkeys(r.said_by for r in causes))
    for speaker in speakers:
        mine = [r for r in causes if r.said_by == speaker]
        answer.people.append(speaker)
        if len(mine) == 1 and focus:
            lines.append(SAY.say("according_to", speaker=_speaker(facts, speaker),
                                 reason=_describe(facts, mine[0], answer)))
            continue
        if len(mine) == 1:
            lines.append(SAY.say("gives_one_reason", speaker=_speaker(facts, speaker)))
        else:
            lines.append(SAY.say("gives_reasons", speaker=_speaker(facts, speaker), n=fmt.words(len(mine))))
        for i, reason in enumerate(mine, 1):
            lines.append(f"{i}. {_describe(facts, reason, answer)}")
    if not focus:
        for reason in facts.reasons:
            if reason.stance == "not_significant":
                person = facts.people.get(reason.said_by)
                subject = (person.pronoun if person else SAY.say("they")).capitalize()
                lines.append(SAY.say("doubts", subject=subject, title=lower_first(reason.title)))
                answer.add_sources(*reason.sources)
    if named and named <= givers and not outsiders and not focus and q.tokens[:1] and q.tokens[0] in (
            "did", "does", "has") and ("why" in q.tokens or q.has("reason", "reasons")):
        lines[0] = SAY.say("yes_first", line=lines[0])  # "did Woolmore explain why the numbers went up?"
    if outsiders:
        names = fmt.join([facts.people[p].name for p in outsiders])
        answer.people[:0] = [p for p in outsiders if p not in answer.people]  # "did he give reasons?" is still him
        says_no = bool(q.tokens[:1]) and q.tokens[0] in ("did", "does", "has", "is", "was")
        behind = [r for r in causes if r.recommended_by in outsiders]
        announcer = facts.announcement.by if facts.announcement else None
        if behind:  # "how is Munro connected to the rise?": she gives no reasons, but recommended what they were
            # (so no "No." to "is Munro linked to the rise?")
            if len(behind) == len(causes):
                which = SAY.say("both_reasons") if len(behind) == 2 else SAY.say("every_reason")
            else:
                which = SAY.say("some_reasons", n=fmt.words(len(behind)))
            lines.insert(0, SAY.say("recommended_not_given", names=names, which=which))
        elif announcer in outsiders and facts.announcement is not None:  # "how is Timpson connected to the rise?"
            first = SAY.say("no_reasons_from_announcer", names=names, summary=facts.announcement.summary)
            lines.insert(0, SAY.say("no_first", line=first) if says_no else first)
            answer.add_sources(facts.announcement.source)
        else:
            first = SAY.say("no_reasons_from", names=names)
            lines.insert(0, SAY.say("no_first", line=first) if says_no else first)
        # "what reasons did Timpson give?", "did he say why?": the article doesn't say (said plainly, with the reasons
        # it does give); Munro's part in the rise is what she recommended, which the reasons do say
        recommenders = {r.recommended_by for r in facts.reasons}
        answer.lacking = not recommenders & set(outsiders)
    answer.text = "\n".join(lines)
    recommenders = [facts.people[r.recommended_by] for r in causes if r.recommended_by in facts.people]
    answer.followups = [SAY.say("followup_recommended", name=recommenders[0].name)] if recommenders else []
    answer.followups.append(SAY.say("followup_rise"))
    return answer


def lower_first(text: str) -> str:
    """'The Serious Case Review panel' -> 'the Serious Case Review panel' inside a sentence (names keep their case)."""
    return "the " + text[4:] if text.startswith("The ") else text


def counter(facts: FactBase, q: Query) -> Answer:
    answer = Answer("")
    ruled_out = [r for r in facts.reasons if r.stance == "not_significant"]
    focus = [] if q.carried else _focus(facts, q)  # ("anything ruled out?" after the reasons asks of none of them)
    if focus and all(r.stance == "cause" for r in focus):
        lines = []
        for reason in focus:
            described = _describe(facts, reason, answer, detail=False)
            lines.append(SAY.say("a_cause", speaker=_speaker(facts, reason.said_by), reason=described))
        answer.text = "\n".join(lines)
        return answer
    if not ruled_out:
        answer.text = SAY.say("nothing_ruled_out")
        return answer
    lines = []
    for reason in ruled_out:
        person = facts.people.get(reason.said_by)
        name = person.name if person else reason.said_by
        lines.append(SAY.say("ruled_out", name=name, title=lower_first(reason.title), summary=reason.summary))
        answer.add_sources(*reason.sources)
        answer.people.append(reason.said_by)
        answer.topics.extend(reason.topics)
    for speaker in dict.fromkeys(r.said_by for r in ruled_out):
        causes = [r.title for r in facts.reasons if r.stance == "cause" and r.said_by == speaker]
        if causes:
            pronoun = facts.people[speaker].pronoun if speaker in facts.people else SAY.say("they")
            lines.append(SAY.say("reasons_given", pronoun=pronoun, causes=fmt.join([lower_first(c) for c in causes])))
    answer.text = "\n".join(lines)
    answer.followups = [SAY.say("followup_reason")]
    return answer


def recommender(facts: FactBase, q: Query, topics: list[str], every: bool = False) -> Answer | None:
    """"Whose idea was that originally?" after an answer about the end of Ofsted's evaluations: who recommended
    what the last answer was about, from the reasons' `recommended_by`. None when nothing recommended fits."""
    about = set(topics) | set(q.mentioned("event")) | set(q.mentioned("organisation")) | set(q.mentioned("term"))
    fits = [r for r in facts.reasons if r.recommended_by and ({r.event, *r.topics} & about)]
    if not fits or fits[0].recommended_by not in facts.people:
        return None
    reason = fits[0]
    person = facts.people[reason.recommended_by]
    fits = [r for r in fits if r.recommended_by == person.id] if every else [reason]  # "whose review recommended
    # the changes Woolmore links to the rise?": each of them
    what = fmt.join([r.recommendation[:1].lower() + r.recommendation[1:] if r.recommendation else lower_first(r.title)
                     for r in fits])
    if len(fits) == 1:
        answer = Answer(SAY.say("recommended_one", name=person.name, role=person.role, what=what))
    else:
        answer = Answer(SAY.say("recommended_both" if len(fits) == 2 else "recommended_all", name=person.name,
                                role=person.role, what=what))
    for r in fits:
        answer.add_sources(*[s for s in r.sources if "recommend" in s.text.lower()] or r.sources[:1])
        answer.topics.extend(t for t in r.topics if t not in answer.topics)
    answer.people.append(person.id)
    return answer
