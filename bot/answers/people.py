"""Answers about people: who they are and what they said, resolving "he"/"she" from the conversation."""

from __future__ import annotations

from ..knowledge.model import FactBase, Person
from . import format as fmt
from .query import Answer, Query
from .replies import section

SAY = section("people", {
    "organisations_named": set(),
    "who_unclear": {"people"},
    "people_named": set(),
    "people_count": {"n"},
    "not_today": set(),
    "followup_she_said": set(),
    "followup_he_said": set(),
    "followup_they_said": set(),
    "recommended_it": {"name", "role", "things"},
    "revealed_by": {"name", "role", "summary"},
    "worked_out": set(),
    "said_by": {"name", "role"},
    "followup_who": {"name"},
    "said_nothing": {"name"},
    "said_nothing_about": {"name", "about"},
    "about_that": set(),
    "followup_reason": set(),
})


def subject_pronoun(word: str) -> str:
    """"her", "hers" -> "she"; "him", "his" -> "he": the form a person's `pronoun` is kept in."""
    return {"him": "he", "his": "he", "her": "she", "hers": "she"}.get(word, word)


def pronoun_target(facts: FactBase, q: Query, skip: frozenset[str] = frozenset()) -> Person | None:
    """The last person of the conversation the question's "he" or "she" can be (not one of `skip`)."""
    if not q.pronouns:
        return None
    wanted = subject_pronoun(q.pronouns[0])
    return next((person for pid in q.context.people if pid not in skip and (person := facts.people.get(pid))
                 and person.pronoun == wanted), None)


def resolve_people(facts: FactBase, q: Query) -> list[Person]:
    """People the question names, else the ones its pronoun points back to, most recent first."""
    named = [facts.people[p] for p in q.mentioned("person") if p in facts.people]
    if named:
        return named
    target = pronoun_target(facts, q)
    if target is not None:
        return [target]
    return []


def _by_role(facts: FactBase, q: Query) -> list[Person]:
    """'Who announced the figures?', 'who recommended it?': people found through what they did."""
    gave = q.has("gave", "give") and not any(ch.isdigit() for ch in q.text)  # not "who gave the figure of 20 years"
    if facts.announcement and (q.has("said", "published", "released", "source") or gave) and q.has(
            "number", "figures"):
        return [facts.people[facts.announcement.by]]
    source_terms = {m.id for m in q.mentions if m.kind == "term"} & {  # "who answered the parliamentary question?"
        t.id for t in facts.terms.values() if any(facts.announcement.source.text in s.text for s in t.sources)
    } if facts.announcement else set()
    if source_terms and q.tokens[:1] == ["who"]:
        return [facts.people[facts.announcement.by]]
    topics = {m.id for m in q.mentions}
    for reason in facts.reasons:
        if topics & {*reason.topics, reason.event}:
            pid = reason.recommended_by if q.has("recommend") and reason.recommended_by else reason.said_by
            if pid in facts.people:
                return [facts.people[pid]]
    return []


def who(facts: FactBase, q: Query) -> Answer:
    answer = Answer("")
    people = resolve_people(facts, q) or _by_role(facts, q)
    if not people and q.has("recommend") and not q.pronouns:  # "who recommended these changes?": whoever the
        people = list(dict.fromkeys(facts.people[r.recommended_by] for r in facts.reasons  # reasons say did
                                    if r.recommended_by in facts.people))
    if not people:
        orgs = [facts.organisations[o] for o in q.mentioned("organisation") if o in facts.organisations]
        does = q.tokens[:1] == ["who"] and q.tokens[1:2] not in (["is"], ["was"], ["are"], ["were"], ["whatis"])
        heads = [p for p in facts.people.values() if any(o.name.lower() in p.role.lower() for o in orgs)] if \
            does else []  # "who chairs the association?": the person whose post it is (not "who is the association?")
        if heads:
            answer.text = "\n".join(f"{p.name}: {p.role}." for p in heads)
            answer.add_sources(*(p.source for p in heads))
            answer.people = [p.id for p in heads]
            return answer
        if orgs:
            answer.text = "\n".join(f"{o.name}: {o.summary}" for o in orgs)
            answer.add_sources(*(o.source for o in orgs))
            return answer
        last = [facts.people[p] for p in q.context.people[:1] if p in facts.people]
        if q.has("organisation") and last and len(q.tokens) <= 3:  # "who is Woolmore?" - "what org?": hers
            answer.text = f"{last[0].name}: {last[0].role}."
            answer.add_sources(last[0].source)
            answer.people.append(last[0].id)
            return answer
        if q.has("organisation", "organisations", "bodies", "organizations") and not q.pronouns:  # "what
            # organisations are mentioned?"
            bodies = list(facts.organisations.values())
            answer.text = SAY.say("organisations_named") + "\n" + "\n".join(
                f"• {o.name}: {o.summary}" for o in bodies)
            answer.add_sources(*(o.source for o in bodies))
            return answer
        if q.pronouns:
            everyone = "; ".join(f"{p.name} ({p.role})" for p in facts.people.values())
            answer.text = SAY.say("who_unclear", people=everyone)
            answer.add_sources(*(p.source for p in facts.people.values()))
            return answer
        people = list(facts.people.values())
        named = SAY.say("people_count", n=fmt.words(len(people)).capitalize()) if q.has("many") else \
            SAY.say("people_named")  # ("how many people are named?")
        answer.text = f"{named}\n" + "\n".join(f"• {p.name}: {p.role}" for p in people)
        answer.add_sources(*(p.source for p in people))
        answer.people = [p.id for p in people]
        return answer
    answer.text = "\n".join(f"{p.name}: {p.summary}" for p in people)
    if q.missing or q.has("current", "currently", "present", "today", "nowadays"):
        # "Who is the children's minister now?": the article's people are as it describes them, then.
        answer.text = SAY.say("not_today") + f"\n{answer.text}"
    answer.add_sources(*(p.source for p in people))
    answer.people = [p.id for p in people]
    pronoun = people[0].pronoun
    answer.followups = [SAY.say("followup_she_said") if pronoun == "she" else SAY.say("followup_he_said")
                        if pronoun == "he" else SAY.say("followup_they_said")]
    return answer


def _stems(text: str) -> set[str]:
    out = set()
    for w in text.lower().replace("’", "'").split():
        w = w.strip(".,;:!?\"'“”()")
        if w.isdigit() and len(w) >= 2:  # "the 20 years"
            out.add(w)
        elif len(w) >= 3:
            out.add((w[:-1] if len(w) > 4 and w.endswith("s") else w)[:5])  # "years" is "year"
    return out


def _words(text: str, facts: FactBase | None = None) -> set[str]:
    """Content words of a text, crudely stemmed, to find the statement a question is about. Words found in
    a third or more of all statements ("the", "was", "scr") tell none of them apart and are left out."""
    words = _stems(text)
    if facts is None or not facts.statements:
        return words
    counts: dict[str, int] = {}
    for st in facts.statements:
        for w in _stems(st.text):
            counts[w] = counts.get(w, 0) + 1
    common = {w for w, n in counts.items() if n * 3 >= len(facts.statements)}
    return words - common


def _by_words(facts: FactBase, q: Query, people: list[Person]) -> list[Person]:
    """"What did she say about going back that far?" with no "she" to point back to: whoever said it."""
    asked = _words(" ".join(q.content), facts)
    scored = []
    for person in people:
        best = max((len(asked & _words(s.text)) for s in facts.statements if s.by == person.id), default=0)
        scored.append((best, person))
    scored.sort(key=lambda item: -item[0])
    if scored and scored[0][0] >= 2 and (len(scored) == 1 or scored[0][0] > scored[1][0]):
        return [scored[0][1]]
    return []


def _of_last_answer(facts: FactBase, q: Query) -> Answer | None:
    """"Who said that?", "whose recommendation was it?": about the last answer, not about anyone named."""
    named = q.mentioned("person") if not q.carried else []
    if named or q.pronouns or not q.has("who", "whose") or not q.context.sources:
        return None
    lines = set(q.context.sources)
    if q.has("recommend"):
        named_topics = set() if q.carried else {m.id for m in q.mentions if m.kind != "person"}
        reasons = [r for r in facts.reasons if r.recommended_by in facts.people and {s.line for s in r.sources} & lines]
        reasons = [r for r in reasons if named_topics & {*r.topics, r.event}] or reasons  # "the Ofsted change"
        if not reasons:
            return None
        person = facts.people[reasons[0].recommended_by]
        things = [r.recommendation or r.title for r in reasons if r.recommended_by == person.id]
        answer = Answer(SAY.say("recommended_it", name=person.name, role=person.role,
                                things="; ".join(dict.fromkeys(things))))
        answer.add_sources(*(src for r in reasons for src in r.sources if "recommend" in src.text.lower()))
    elif q.has("said"):
        speakers = [p for p in q.context.people if p in facts.people] or list(dict.fromkeys(
            st.by for st in facts.statements if st.source.line in lines and st.by in facts.people))  # (the last
        # answer named nobody: whoever its sentences are the words of)
        told = facts.announcement
        figures = {f.source.line for f in facts.figures.values()}
        if not speakers and told is not None and told.by in facts.people and lines & figures:
            # "who revealed that?" after figures: who made them public, and how
            person = facts.people[told.by]
            answer = Answer(SAY.say("revealed_by", name=person.name, role=person.role, summary=told.summary))
            if q.context.op not in (None, "value", "total"):  # "who said that?" after 38.3%: nobody did
                answer.text += " " + SAY.say("worked_out")
            answer.add_sources(told.source)
            answer.people.append(person.id)
            answer.followups = [SAY.say("followup_who", name=person.name)]
            return answer
        if not speakers:
            return None
        person = facts.people[speakers[0]]
        statements = [s for s in facts.statements if s.by == person.id and s.source.line in lines]
        answer = Answer(SAY.say("said_by", name=person.name, role=person.role))
        for st in statements[:3]:
            answer.text += f"\n• “{st.text}”" if st.kind == "quote" else f"\n• {st.text}"
            answer.add_sources(st.source)
        if not statements:
            answer.add_sources(person.source)
    else:
        return None
    answer.people.append(person.id)
    answer.followups = [SAY.say("followup_who", name=person.name)]
    return answer


def said(facts: FactBase, q: Query) -> Answer:
    if q.has("reason") and not q.has("recommend"):  # "what other factor did Woolmore mention?" asks for reasons
        from .reasons import why

        return why(facts, q)
    last = _of_last_answer(facts, q)
    if last is not None:
        return last
    answer = Answer("")
    people = resolve_people(facts, q) or _by_role(facts, q)
    if not people:  # "what did she say about going back that far?", "the quote about family history"
        wanted = subject_pronoun(q.pronouns[0]) if q.pronouns else None
        people = _by_words(facts, q, [p for p in facts.people.values() if wanted in (None, p.pronoun)])
    if not people:
        return who(facts, q)
    lines = []
    for person in people:
        statements = [s for s in facts.statements if s.by == person.id]
        if q.has("recommend"):
            statements = [s for s in statements if "recommend" in s.text.lower()] or statements
        if q.has("besides") and q.context.sources:  # "what else did she recommend?": not the one just given
            statements = [s for s in statements if s.source.line not in q.context.sources] or statements
        topics = {m.id for m in q.mentions if m.kind != "person"} - {"scr"}
        after = q.text.split(" about ", 1)[1].split() if " about " in q.text else []
        if not topics and after[:1] and after[0] in ("it", "that", "this", "them"):  # "what did she say in quotes
            topics = set(q.context.topics) - {"scr"}  # about it?": the last answer's subject
        focused: list = []
        if topics:
            related = [r for r in facts.reasons if topics & {*r.topics, r.event}]
            focused = [s for s in statements if any(s.source in r.sources for r in related)]
        asked = _words(" ".join([*q.content, *(w for w in q.text.split() if w.isdigit()), *after]), facts)  # (the
        # words after "about" as typed too: "the increase" is read as "rise", but the sentence says "increase")
        overlap = [(len(asked & _words(s.text)), s) for s in statements]
        top = max((n for n, _ in overlap), default=0)
        if not statements:
            lines.append(SAY.say("said_nothing", name=person.name))
            continue
        if focused:
            statements = focused
        elif len(statements) > 1 and top >= 1:
            statements = [s for n, s in overlap if n >= max(1, top - 1)]  # "about going back that far"
        elif q.has("about") and (topics or asked) and top == 0 and not q.has("recommend") and not q.carried:
            # "what did Timpson say about Ofsted?": nothing, and that is the answer
            after = q.text.split(" about ", 1)[1] if " about " in q.text else SAY.say("about_that")
            about = fmt.join([getattr(facts.entity(t), "name", t) for t in topics]) if topics else after
            lines.append(SAY.say("said_nothing_about", name=person.name, about=about))
            answer.lacking = True
        lines.append(f"{person.name} ({person.role}):")
        for s in statements:
            lines.append(f"• “{s.text}”" if s.kind == "quote" else f"• {s.text}")
            answer.add_sources(s.source)
        answer.people.append(person.id)
    answer.text = "\n".join(lines)
    answer.topics.extend(m.id for m in q.mentions if m.kind != "person" and m.id not in answer.topics)
    answer.followups = [SAY.say("followup_reason")]
    return answer
