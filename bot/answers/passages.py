"""Answers quoted from the article itself, and a plain "the article doesn't say" for what it never gives.

Intents cover the questions we foresaw. A question they miss may still be answered word for word by
a sentence of the article ("what was the old system like?"), so the article is indexed sentence by
sentence and the best one or two are quoted, attributed only as the facts attribute them. And a
question about a subject the article knows, asking for something the fact base never holds ("how old
is Timpson?"), deserves "the article doesn't say" plus what it does say, not the nearest figure.
Which attributes the fact base never holds is data (intents/unknowns.yaml), not code.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from .. import lazyre
from ..knowledge.article import Sentence
from ..knowledge.errors import DataError, Problem
from ..knowledge.model import FactBase, Statement
from ..lazyre import LazyPattern
from ..understanding.frame import FrameWords, denies, says_any
from ..understanding.lexicon import PERSON, Lexicon, Mention, Reading
from ..understanding.memo import per_list
from ..understanding.normalise import normalise, tokens
from ..understanding.periods import read_periods
from ..understanding.question import Understood
from .people import resolve_people
from .query import Answer
from .replies import section

SAY = section("passages", {
    "verdict_yes": set(),
    "verdict_no": set(),
    "verdict_only": {"verdict"},
    "someone_else_did": {"doer", "asked"},
    "not_reported_saying": {"name"},
    "someone_else_said": {"name", "role", "asked"},
    "old_amount": {"number", "unit", "stated", "now"},
    "old_rule": {"number", "unit"},
    "says_only": {"now", "rule"},
    "now_verdict": {"verdict", "now", "rule"},
    "amount_differs": {"number", "unit", "stated"},
    "article_reporting": {"name", "role", "sentence"},
    "article_says": {"sentence"},
    "followup_why": set(),
    "what_it_says_about": {"name", "summary"},
    "same_named": {"verdict", "first", "second", "name", "summary"},
    "are_different": {"verdict"},
    "more_sentences": {"n"},
    "done_by": {"doer"},
    "own_words": {"name"},
    "object_she": set(),
    "object_he": set(),
    "reported_speech": {"name", "her_or_him"},
    "partly_quoted": {"name"},
})

UNKNOWNS_FILE = Path(__file__).resolve().parents[2] / "intents" / "unknowns.yaml"

AFFIRM_COVERAGE = 0.85  # a yes/no question one sentence states this nearly in full is confirmed by it
OPPOSED_COVERAGE = 0.6  # ... and one saying its opposite of the same named things, this much of the rest
ENTITY_WEIGHT = 2.0  # a named thing shared with a sentence says more than a shared word
UNKNOWN_WEIGHT = 2.0  # a word neither the article nor the bot knows is likely what the question is about
MIN_COVERAGE = 0.6  # share of the question's weight a sentence must match to count as an answer
SECOND_SHARE = 0.7  # a second sentence is quoted only when it scores this close to the best
_K1, _B = 1.2, 0.75  # BM25's usual saturation and length normalisation
_PLACEHOLDERS = frozenset({PERSON, "organisation", "term", "event"})  # stand for a name; the mention id counts


class PassageIndex:
    """Every article sentence as weighted features: canonical content words and the ids of what it names.

    Sentences are read exactly as questions are (normalise, periods cut, `Lexicon.read`), so "LSCBs"
    in a question and "Local Safeguarding Children Boards" in the article meet as the same feature.
    """

    def __init__(self, facts: FactBase, lexicon: Lexicon) -> None:
        self.facts = facts
        self.lexicon = lexicon
        self.sentences = list(facts.article.sentences)
        self.features: list[Counter[str]] = []
        self.mentions: list[list[Mention]] = []
        cited = _cited_ids(facts)
        for sentence in self.sentences:
            refs, rest = read_periods(normalise(sentence.text))
            reading = lexicon.read(rest)
            feats = Counter(self._features(reading, reading.mentions) + _years(refs))
            feats.update(f"@{i}" for i in cited.get(sentence, ()) if f"@{i}" not in feats)
            self.features.append(feats)
            self.mentions.append(reading.mentions)
        count = len(self.sentences)
        df = Counter(f for feats in self.features for f in feats)
        self.idf = {f: _idf(count, n) for f, n in df.items()}
        self.unseen_idf = _idf(count, 0)  # a word no sentence has is the most telling, and unmatched
        sizes = [sum(feats.values()) for feats in self.features]
        self.avg_size = sum(sizes) / count if count else 1.0
        self.sizes = sizes
        # speakers join after the weights and lengths: a speaker named in a question singles out their own
        # lines, and changes nothing for a question that names nobody
        # so do the topics of the events a sentence names ("the Working Together revisions" are about Working
        # Together), for the same reason
        speakers = _speakers(facts)
        for sentence, feats, named in zip(self.sentences, self.features, self.mentions, strict=True):
            feats.update(f"@{p}" for p in speakers.get(sentence, ()) if f"@{p}" not in feats)
            topics = {t for m in named if m.kind == "event" and (e := facts.event(m.id)) for t in e.topics}
            feats.update(f"@{t}" for t in sorted(topics) if f"@{t}" not in feats)

    def _features(self, reading: Reading, mentions: list[Mention], known: dict[str, float] | None = None) -> list[str]:
        words = [
            t
            for t in reading.tokens
            if t not in self.lexicon.stopwords
            and t not in self.lexicon.keep
            and t not in _PLACEHOLDERS
            and not t[0].isdigit()
        ]
        # a word inside a name ("dramatic increase") counts as written and as the lexicon reads it alone
        # ("rise"); a question's word the article never uses is only its reading ("stopped" is "ceased")
        out = []
        for w in words:
            canonical = [_stem(c) for c in self.lexicon.canonical(w)]
            stem = _stem(w)
            if canonical == [stem] or known is None or stem in known:
                out.append(stem)
            if canonical != [stem]:
                out.extend(canonical)
        return out + [f"@{m.id}" for m in mentions]

    def knows(self, word: str) -> bool:
        """Whether the article itself uses the word, in any form ("learned" for "learnt" aside)."""
        words = self.__dict__.get("_typed")
        if words is None:
            words = self.__dict__["_typed"] = {_stem(w) for s in self.sentences for w in tokens(normalise(s.text))}
        return _stem(word) in words

    def weight(self, feature: str) -> float:
        idf = self.idf.get(feature, self.unseen_idf)
        return idf * ENTITY_WEIGHT if feature.startswith("@") else idf

    def question_features(self, u: Understood) -> set[str]:
        """The question's features; "he"/"she" count as the person the conversation last named."""
        mentions = list(u.reading.mentions)
        if u.reading.pronouns and not u.query.mentioned("person"):
            mentions += [Mention("person", p.id, p.name) for p in resolve_people(self.facts, u.query)]
        framing = {_stem(w) for w in self.lexicon.framing}  # "how did she describe ...": the wording, not the topic
        features = self._features(u.reading, mentions, self.idf) + _years(u.refs)
        return {f for f in features if f not in framing}

    def search(self, u: Understood, limit: int = 2, among: set[int] | None = None) -> list[tuple[Sentence, float]]:
        """Sentences that answer the question, best first: each matches at least `MIN_COVERAGE` of the
        question's weight. Words the article never uses weigh most, and twice that when the bot does not
        know them either ("economy"), so a question about something else matches nothing."""
        r = u.reading
        if r.outside or r.uncounted or r.unknown_subject:  # the lexicon already knows it is not covered
            return []
        asked = self.question_features(u)
        unknown = {_stem(w) for w in r.unknown} - self.idf.keys()
        weights = {f: self.weight(f) * (UNKNOWN_WEIGHT if f in unknown else 1.0) for f in asked}
        # fsum, exact whatever the order: summed in a set's order, two sentences scored alike could swap places
        # from one run to the next (the order of a set of strings changes with each process's hash seed)
        total = math.fsum(weights.values())
        if not total:
            return []
        scored: list[tuple[Sentence, float]] = []
        for sentence, feats, size in zip(self.sentences, self.features, self.sizes, strict=True):
            if among is not None and sentence.line not in among:  # only these lines ("her words on ...")
                continue
            shared = asked & feats.keys()
            if math.fsum(weights[f] for f in shared) < MIN_COVERAGE * total:
                continue
            norm = _K1 * (1 - _B + _B * size / self.avg_size)
            score = math.fsum(self.weight(f) * feats[f] * (_K1 + 1) / (feats[f] + norm) for f in shared)
            scored.append((sentence, score))
        scored.sort(key=lambda pair: -pair[1])
        if not scored:
            return []
        best = scored[0][1]
        return [pair for pair in scored[:limit] if pair[1] >= SECOND_SHARE * best]


def _years(refs: list) -> list[str]:
    """The years a text names, as features: "the increase from 2012" finds the sentence about 2012."""
    return [f"@{ref.kind}{ref.year}" for ref in refs if getattr(ref, "year", 0) > 1900]


def affirmed(facts: FactBase, index: PassageIndex, u: Understood, words: FrameWords) -> Answer | None:
    """A yes/no question that one sentence of the article states almost word for word: Yes, with the
    sentence ("was the panel set up by the government?"); No when that sentence says the opposite
    ("was the old system designed with publication in mind?" against "wasn't designed with publication in
    mind") or names someone else as who did it ("set up by Ofsted?" against "set up by the government").
    A sentence that does not state it proves nothing, so anything less is left to the other checks."""
    r = u.reading
    if r.outside or r.unknown_subject:
        return None
    markers = {_stem(w) for w in words.claim_markers if " " not in w}  # "..., accurate?" asks, it states nothing
    # "less flexibility" against "greater flexibility": a word with an opposite is left to the verdict
    opposites = dict(pair.split(":") for pair in words.check_list("opposites"))
    typed = tokens(u.text)
    contrasted = [w for w in typed if w in opposites]
    asked = index.question_features(u) - markers - {_stem(c) for w in contrasted for c in (
        w, *index.lexicon.canonical(w))}  # ("decrease" is read as "fall", and both are set aside)
    found = _stated(index, asked)
    if found is None and any(m.kind == "person" for m in r.mentions):  # "is it true that Woolmore said X?": X is
        found = _stated(index, asked - {_stem(w) for w in words.check_list("views")})  # what a sentence states
    if found is None and contrasted:  # "did the revisions make the SCR process more prescriptive?": the sentence
        # saying its opposite ("greater flexibility") about the same named things, if one holds most of the rest
        against = {_stem(o) for w in contrasted for o in opposites[w].split("|")}
        found = _stated(index, asked, OPPOSED_COVERAGE, lambda feats: bool(against & feats.keys()) and all(
            f in feats for f in asked if f.startswith("@") and index.weight(f) > 1))
    agent = _agent_asked(u, words)
    if found is None and agent is not None:  # "set up by Ofsted?": the sentence that says who did it instead
        named = {f"@{agent.id}", *(_stem(w) for w in tokens(normalise(agent.text)))}
        found = _stated(index, asked - named)
        if found is not None and _agent_of(found, agent) is None:
            found = None
    if found is None:
        return None
    sentence = found
    said = tokens(normalise(sentence.text))
    window = _window(said, tokens(u.text), index.lexicon.stopwords)
    opposite = _negated(tokens(u.text)) != _negated(window)
    if sum(bool(set(opposites[w].split("|")) & set(said)) for w in contrasted) % 2:
        opposite = not opposite  # "did it give LSCBs less flexibility?" against "greater flexibility" (and "less
        # prescriptive" against "more flexibility" is two opposites: what it says)
    if set(words.check_list("continues")) & set(tokens(u.text)) and set(words.check_list("ceases")) & set(said):
        opposite = not opposite  # "did Ofsted keep evaluating SCRs after July 2012?" against "ceased evaluating"
    elif set(words.check_list("ceases")) & set(window) and not set(words.check_list("ceasing_asked")) & set(
            tokens(u.text)):  # "did Ofsted's evaluation help LSCBs focus on the review?" against "when it ended it
        opposite = not opposite  # enabled LSCBs to fully focus on the review itself": its end did, not it
    other = _agent_of(sentence, agent) if agent is not None else None
    statements = [st for st in facts.statements if st.source == sentence]
    quote, by = _quoted(facts, sentence, statements)
    named = {**facts.organisations, **facts.people}
    asked_who = named[agent.id].name if agent is not None and agent.id in named else \
        agent.text if agent is not None else ""
    if other and agent is not None:
        lead = SAY.say("someone_else_did", doer=other, asked=asked_who)
    else:
        lead = SAY.say("verdict_only", verdict=SAY.say("verdict_no" if opposite or other else "verdict_yes"))
    answer = Answer(f"{lead} {quote} — {by}" if by else f"{lead} {quote}")
    answer.add_sources(sentence)
    return answer


def without(u: Understood, noise: set[str]) -> Understood:
    """The question without some of its words (those asking for a quote, those the article never uses), so
    a search looks for what it is about, not for how it is asked."""
    r = u.reading
    unknown = [t for t in r.unknown if t not in noise]
    return u._replace(reading=r._replace(
        tokens=[t for t in r.tokens if t not in noise], signature=[t for t in r.signature if t not in noise],
        known=[t for t in r.known if t not in noise], unknown=unknown,
        unknown_subject=r.unknown_subject and bool(unknown)))  # "which *sentence* says ...": set aside, no subject


_BY = LazyPattern(r"\bby (the [a-z]+|[A-Z][\w’']*(?: [A-Z][\w’']*)*)")


_ASKS_SPEAKER = LazyPattern(r"\b(?:who|the one|the person|the one that|the person that)\b")


def said_by(facts: FactBase, index: PassageIndex, u: Understood, words: FrameWords) -> Answer | None:
    """"Was it Timpson who said the old system meant looking back 20 years?": the sentence the question
    describes, found without the person named, and whether that person is who says it. None when the
    sentence is nobody's words, or no sentence fits."""
    named = [m for m in u.reading.mentions if m.kind == PERSON and m.id in facts.people]
    saying = set(words.check_list("saying"))
    if len(named) != 1 or not (u.query.has("said") or set(u.text.split()) & saying) or u.query.has("recommend"):
        return None  # ("my manager said it was Munro who recommended ...": who recommended it, not who said it)
    if not _ASKS_SPEAKER.search(u.text):  # "Timpson revealed it in a speech, right?" claims more than who said it
        return None
    r = u.reading
    name_words = set(tokens(normalise(named[0].text)))
    framing = {PERSON, "said", "who", "one", "comments", "comment", "remarks"}
    bare = without(u, set(r.unknown) | name_words | framing | saying)  # who said it, whatever the detail
    bare = bare._replace(reading=bare.reading._replace(mentions=[m for m in r.mentions if m.kind != PERSON]))
    found = index.search(bare, limit=1)
    if not found:
        return None
    sentence = found[0][0]
    statements = [st for st in facts.statements if st.source == sentence and st.by in facts.people]
    asked = facts.people[named[0].id]
    if not statements:  # "is Woolmore the one who said SCRs dropped sharply in 2011?": nobody is said to
        answer = quoted_sentence(facts, sentence, SAY.say("not_reported_saying", name=asked.name) + " ")
        answer.people.append(asked.id)
        return answer
    speaker = facts.people[statements[0].by]
    if denies(words, normalise(sentence.text)) != denies(words, u.text):
        return None  # "the panel drove the rise: is that what Timpson said?": the sentence says the opposite, so
        # it is nobody's saying of it; the stance check answers
    if speaker.id == asked.id:
        lead = SAY.say("verdict_only", verdict=SAY.say("verdict_yes"))
    else:
        lead = SAY.say("someone_else_said", name=speaker.name, role=speaker.role, asked=asked.name)
    answer = quoted_sentence(facts, sentence, f"{lead} ")
    answer.people.extend(p for p in (speaker.id, asked.id) if p not in answer.people)
    return answer


def who_did(facts: FactBase, index: PassageIndex, u: Understood, words: FrameWords) -> Answer | None:
    """"Who did the 2011 investigation?", "who's the person talking about looking back 20 years?": the
    sentence the question describes, and who it says did it: the speaker of its quoted words, the body
    after "by", or else the one person or organisation it names. None when no sentence fits."""
    first = u.reading.tokens[:2]
    who, doers, saying = (set(words.check_list(name)) for name in ("who_asks", "doers", "saying"))
    asks = bool(set(first[:1]) & who) or (first[:1] == ["which"] and bool(set(first[1:]) & doers))
    if not asks or u.query.mentioned("person") or u.reading.pronouns:
        return None
    if first[1:] in (["was"], ["were"], ["is"], ["are"], ["got"]) and "by" not in u.reading.tokens:
        return None  # "who was investigated?" asks who it was done to, not who did it
    noise = set(u.reading.unknown) | who | doers | saying | {"which"}
    found = index.search(without(u, noise), limit=3)
    if not found:
        return None
    asks_saying = u.query.has("said") or bool(set(u.text.split()) & saying)  # who *says* it, not who did it
    for sentence, _ in found if not asks_saying else found[:1]:
        statements = [st for st in facts.statements if st.source == sentence]
        speakers = [facts.people[st.by] for st in statements if st.by in facts.people]
        if speakers and asks_saying:
            doer = f"{speakers[0].name} ({speakers[0].role})"
        elif not asks_saying and (by := _BY.search(sentence.text)) is not None and _did_what_was_asked(
                index, u, sentence, by):
            # (the best sentence first; "who evaluated SCRs until July 2012?" is said "evaluated by Ofsted")
            doer = by.group(1)
            doer = doer[:1].upper() + doer[1:]
            if set(tokens(normalise(doer))) <= set(tokens(u.text)) | {"the"}:
                return None  # "who did Ofsted evaluate?": the doer is the question's own subject
        else:
            continue
        return quoted_sentence(facts, sentence, f"{doer}. ")
    return None


def _did_what_was_asked(index: PassageIndex, u: Understood, sentence: Sentence, by: re.Match[str]) -> bool:
    """The doer after "by" did what the question asks about: a word just before "by" ("an investigation by",
    "set up by") is the question's own, so "who waved away the panel?" is not answered with who set it up."""
    before = tokens(normalise(sentence.text[: by.start()]))[-2:]
    done = {_stem(w) for w in before if w not in index.lexicon.stopwords}
    asked = {_stem(w) for w in tokens(normalise(u.text))}
    return bool(done & asked)


# (not the "14" of "2013/14 year")
_AMOUNT = LazyPattern(r"(?<![/\-\u2013])\b(\d{1,3})\s*(years?|yrs?|months?|weeks?|days?)\b")


def _unit(word: str) -> str:
    return {"yr": "year", "yrs": "year"}.get(word, word.rstrip("s"))


def _has_amount(sentence: Sentence | None, unit: str) -> bool:
    """Whether the sentence states an amount in `unit` ("up to 20 years")."""
    return sentence is not None and any(_unit(m.group(2)) == unit for m in _AMOUNT.finditer(normalise(sentence.text)))


def amount_claimed(facts: FactBase, index: PassageIndex, u: Understood, words: FrameWords,
                   obliged: bool = False) -> Answer | None:
    """"Under the old system LSCBs had to look back up to 10 years, correct?": an amount of time the question
    states, against the one the sentence it comes from states ("up to 20 years"): Yes when they agree, No
    with the article's amount when not. Counts of SCRs are the figures' business, not this."""
    stated = _AMOUNT.search(u.text)
    if stated is None or u.reading.outside or u.reading.unknown_subject:
        return None
    # "do they still have to go back 20 years?"; "must they go back 20 years?" asks of the rule as it now is
    now = speaks_of_now(words, u.text) or obliged
    markers = {m for m in words.claim_markers if " " not in m}  # "is it true that ...": asks, names nothing
    then = {w for p in words.check_list("then_words") if f" {p} " in f" {u.text} " for w in p.split()}  # "used to"
    found = index.search(without(u, set(u.reading.unknown) | markers | then), limit=3)  # ("meant looking back")
    unit = _unit(stated.group(2))
    # the best sentence that holds an amount of the unit asked (or, of now, follows one): "under the new guidance,
    # do they still have to go back 20 years?" is about the 20 years, not the guidance's own sentence
    holding = [s for s in index.sentences if _has_amount(s, unit)]
    if not found and len(holding) == 1 and now:  # "do we still have to go back 20 years?": no word but the amount's
        found = [(holding[0], 0.0)]
    if not found:
        return None
    sentence = next((s for s, _ in found if s in holding or (now and _has_amount(
        next((b for b in index.sentences if b.line == s.line - 1), None), unit))),
        holding[0] if len(holding) == 1 else found[0][0])
    named = set(u.query.mentioned("person"))
    if named and not named & {st.by for st in facts.statements if st.source == sentence}:
        return None  # "was it Timpson who said ... up to 20 years?": whose words, which the speaker checks settle
    text = normalise(sentence.text)
    lead = set(u.text[: stated.start()].split()[-2:])  # "up to 10 years" against "up to 20 years", not "20 years old"
    same_unit = [m for m in _AMOUNT.finditer(text) if _unit(m.group(2)) == unit]
    before = next((s for s in index.sentences if s.line == sentence.line - 1), None)
    if now and not same_unit and before is not None:  # "do they still have to go back 20 years?" finds "they need
        earlier = [m for m in _AMOUNT.finditer(normalise(before.text)) if _unit(m.group(2)) == unit]
        if earlier:  # not go back that far": the amount is in the sentence it follows on from
            sentence, text, same_unit = before, normalise(before.text), earlier
    said = [m for m in same_unit if lead & set(text[: m.start()].split()[-2:])]
    age = u.text[stated.end():].split()[:1] in (["old"], ["ago"])  # "20 years old" is no span looked back over
    if not said and len(same_unit) == 1 and not now and not age:  # "look back 10 years" and "..., up to 20 years"
        said = same_unit
    if now:  # how it is now, from the sentence after the one stating the amount; the old amount is no answer
        current = now_of(facts, [sentence.line]) if same_unit else None
        if current is None:
            return None
        if all(m.group(1) != stated.group(1) for m in same_unit):  # "do they now have to go back 10 years?"
            old = same_unit[0]
            current.text = SAY.say("old_amount", number=old.group(1), unit=old.group(2), stated=stated.group(0),
                                   now=current.text)
        else:
            negated = denies(words, u.text) or " no longer " in f" {u.text} "
            old = same_unit[0]  # "do they still have to go back 20 years?": that was the old system's amount
            rule = SAY.say("old_rule", number=old.group(1), unit=old.group(2))
            if says_any(u.text, words.check_list("permission")):  # "can they still go back 20 years?": it
                current.text = SAY.say("says_only", now=current.text, rule=rule)  # says they need not, not may not
            else:
                verdict = SAY.say("verdict_yes" if negated else "verdict_no")
                current.text = SAY.say("now_verdict", verdict=verdict, now=current.text, rule=rule)
        current.add_sources(sentence)
        return current
    if not said:
        return None
    right = any(m.group(1) == stated.group(1) for m in said)
    if right:
        lead = SAY.say("verdict_only", verdict=SAY.say("verdict_yes"))
    else:
        lead = SAY.say("amount_differs", number=said[0].group(1), unit=said[0].group(2), stated=stated.group(0))
    return quoted_sentence(facts, sentence, f"{lead} ")


def _stated(index: PassageIndex, asked: set[str], floor: float = AFFIRM_COVERAGE,
            fits: Callable[[Counter[str]], bool] | None = None) -> Sentence | None:
    """The sentence holding nearly all the question's weight (`floor`), if one does; of those that `fits`."""
    weights = {f: index.weight(f) for f in asked}
    total = math.fsum(weights.values())  # (exact, so the same whatever order the set gives)
    if not total or len(asked) < 3:
        return None
    coverage, sentence = max(
        ((math.fsum(weights[f] for f in asked & feats.keys()) / total, sentence)
         for sentence, feats in zip(index.sentences, index.features, strict=True) if fits is None or fits(feats)),
        key=lambda pair: pair[0], default=(0.0, None),
    )
    return sentence if coverage >= floor else None


_NEGATIONS = frozenset({"not", "never", "no", "nor", "neither", "cannot"})  # the sentences' own (English) words


def _negated(words: list[str]) -> bool:
    return any(w in _NEGATIONS or w.endswith("n't") for w in words)


def _window(sentence: list[str], question: list[str], stopwords: frozenset[str]) -> list[str]:
    """The sentence's words from just before the first to the last word it shares with the question: where a
    "not" denies what was asked ("wasn't designed with publication in mind"), not a "not" of something else."""
    asked = {w[:5] for w in question if len(w) > 3 and w not in stopwords}
    at = [i for i, w in enumerate(sentence) if w[:5] in asked]
    if len(at) < 2:
        return []
    return sentence[max(0, at[0] - 2): at[-1] + 1]


def _agent_asked(u: Understood, words: FrameWords) -> Mention | None:
    """The body a question says did something ("... set up by Ofsted?"): a named thing right after "by"."""
    text = f" {u.text} "
    for m in u.reading.mentions:
        name = " ".join(tokens(normalise(m.text)))
        if name and (f" by {name} " in text or f" by the {name} " in text):
            return m
    # ... or a person who opens it as its subject ("did Munro set up the panel?", "Professor Munro set up ..."),
    # doing it, not saying it ("did Woolmore say Ofsted's evaluation created ...?" asks what she said)
    opening = " ".join(w for w in tokens(u.text)[:5] if w not in words.check_list("agent_openers"))
    for m in u.reading.mentions:
        name = " ".join(tokens(normalise(m.text)))
        after = f" {opening} "[len(name) + 2:].split()[:1] if name else []
        if m.kind == "person" and name and f" {opening} ".startswith(f" {name} ") and not (
                after and after[0] in words.check_list("saying_verbs")):
            return m
    return None




def _agent_of(sentence: Sentence, asked: Mention) -> str | None:
    """Who the sentence says did it ("set up by the government"), when that is not who was asked; else None."""
    words = tokens(normalise(sentence.text))
    asked_words = set(tokens(normalise(asked.text)))
    if f" {' '.join(tokens(normalise(asked.text)))} " in f" {' '.join(w.removesuffix(chr(39) + 's') for w in words)} ":
        return None  # the one asked is named in it: "by CYP Now" is whose investigation, not whose the "coalition
        # government's policy" was
    for i, w in enumerate(words[:-1]):
        if w == "by":
            after = words[i + 1: i + 4]
            doer = " ".join(after[1:2] if after[:1] == ["the"] else after[:1])
            if doer and doer not in asked_words and doer not in ("far", "then", "now"):
                return f"the {doer}" if after[:1] == ["the"] else doer
    return None


def _cited_ids(facts: FactBase) -> dict[Sentence, list[str]]:
    """What the facts say each sentence is about: the people, organisations, terms and events that cite
    it, and the event of every reason that cites it ("set up by the government in 2013" is the panel's
    setting up, though it never says "panel set up")."""
    cited: dict[Sentence, list[str]] = {}
    for item in [*facts.people.values(), *facts.organisations.values(), *facts.events]:
        cited.setdefault(item.source, []).append(item.id)
    for term in facts.terms.values():
        for sentence in term.sources:
            cited.setdefault(sentence, []).append(term.id)
    for reason in facts.reasons:
        for sentence in reason.sources if reason.event else ():
            cited.setdefault(sentence, []).append(reason.event)
    return cited


def _speakers(facts: FactBase) -> dict[Sentence, list[str]]:
    """Who says each sentence: a quoted line is about its speaker too ("did Woolmore say ...?")."""
    said: dict[Sentence, list[str]] = {}
    for statement in facts.statements:
        said.setdefault(statement.source, []).append(statement.by)
    return said


def _stem(word: str) -> str:
    """A crude common stem, so "introduce" meets "introduced" and "enable" "enabled": the lexicon only
    canonicalises words it knows, and most of the article's words it does not."""
    word = word.removesuffix("'s").rstrip("'")  # "the coalition government's policy": the government
    if word.endswith("nse") and len(word) > 6:
        return word[:-3] + "nd"  # "response" meets "responding", "defence"-like words aside
    if word.endswith("ion") and len(word) - 3 >= 5:
        return word[:-3]  # "investigation" meets "investigating", "evaluation" "evaluated"
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and not word.endswith("ss") and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    if word.endswith("s") and not word.endswith("ss") and len(word) > 4:
        word = word[:-1]
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


def _idf(count: int, df: int) -> float:
    return math.log(1 + (count - df + 0.5) / (df + 0.5))


# -- quoting the article ---------------------------------------------------------------------------


def answer_from_passages(facts: FactBase, index: PassageIndex, u: Understood) -> Answer | None:
    """The best one or two sentences, in article order, each quoted with who said it; None if none answer.

    The speaker comes only from a Statement whose source is the sentence: a sentence nobody is
    recorded as saying is "the article says", never a guess from nearby names.
    """
    hits = sorted((sentence for sentence, _ in index.search(u)), key=lambda s: s.line)
    if not hits:
        return None
    answer = Answer("")
    quoted: list[tuple[str, str]] = []  # (quote, attribution); adjacent quotes by one speaker share it
    mentions = dict(zip(index.sentences, index.mentions, strict=True))
    for sentence in hits:
        statements = [s for s in facts.statements if s.source == sentence]
        quote, by = _quoted(facts, sentence, statements)
        if quoted and by and quoted[-1][1] == by and quoted[-1][0].startswith("“"):
            quoted[-1] = (f"{quoted[-1][0]}\n{quote}", by)
        else:
            quoted.append((quote, by))
        answer.add_sources(sentence)
        named = [s.by for s in statements] + [m.id for m in mentions[sentence] if m.kind == "person"]
        answer.people.extend(p for p in dict.fromkeys(named) if p in facts.people and p not in answer.people)
        answer.topics.extend(m.id for m in mentions[sentence] if m.kind != "person" and m.id not in answer.topics)
    answer.text = "\n".join(f"{quote} — {by}" if quote.startswith("“") else quote for quote, by in quoted)
    return answer


def _quoted(facts: FactBase, sentence: Sentence, statements: list[Statement]) -> tuple[str, str]:
    """(text, speaker): a quote in the speaker's own words is theirs; the article's paraphrase, or a
    sentence nobody is recorded as saying, stays the article's."""
    quote = next((s for s in statements if s.kind == "quote" and s.by in facts.people), None)
    if quote:
        person = facts.people[quote.by]
        return f"“{quote.text}”", f"{person.name}, {person.role}"
    reported = next((s for s in statements if s.by in facts.people), None)
    if reported:
        person = facts.people[reported.by]
        return SAY.say("article_reporting", name=person.name, role=person.role, sentence=f"“{sentence.text}”"), ""
    return SAY.say("article_says", sentence=f"“{sentence.text}”"), ""


# -- what the article does not say -----------------------------------------------------------------


class Unknown(NamedTuple):
    """One kind of thing the fact base never holds, the words that ask for it and how to say so."""

    id: str
    says: str
    words: tuple[tuple[str, ...], ...]  # phrases, as normalised words
    exempt: frozenset[str]  # subject ids or kinds the article does answer this for
    always: bool = False  # applies to any question about the article, with or without a named subject
    not_claims: bool = False  # skipped when the question states a figure to check ("doubled ... is he right?")
    not_dated: bool = False  # skipped when the question names a year ("was Ofsted still evaluating in 2013?")
    # phrases that ask too for what the article does say ("... in the old system, and now?"): with one of
    # them the sentence is an answer, not a refusal
    answered_with: tuple[tuple[str, ...], ...] = ()
    # phrases that keep the entry from applying: "is Ofsted still evaluating SCRs, *according to the article*?"
    # asks how the article leaves it, which it says
    unless: tuple[tuple[str, ...], ...] = ()


class Unknowns(NamedTuple):
    undated: str  # said when "when" is asked about something no event dates
    uncounted: str  # said when "how many" asks to count what no figure counts (the lexicon's not_counted)
    asks: tuple[Unknown, ...]
    # a phrase's rarest word -> the phrases (ask position, phrase position) holding it: a question is checked
    # only against the phrases its own words can complete, not against every phrase of the file
    keys: dict[str, tuple[tuple[int, int], ...]]
    plain: frozenset[str] = frozenset()  # words of names that are also plain words ("now" of "CYP Now")
    unquantified: str = ""  # said when "by how much?" follows an answer whose sentences give no number
    undefined: str = ""  # said before where the article uses a word it does not define ("{phrase}" is the word)


def _keys(asks: Sequence[Unknown]) -> dict[str, tuple[tuple[int, int], ...]]:
    """Each phrase indexed under its rarest word (a phrase can only match a question holding that word)."""
    counts = Counter(w for ask in asks for phrase in ask.words for w in set(phrase) if w != GAP)
    index: dict[str, set[tuple[int, int]]] = {}
    for i, ask in enumerate(asks):
        for j, phrase in enumerate(ask.words):
            words = [w for w in phrase if w != GAP]
            if words:
                index.setdefault(min(words, key=lambda w: (counts[w], w)), set()).add((i, j))
    return {word: tuple(sorted(positions)) for word, positions in index.items()}


_SENTENCES = {"undated": "The article doesn't say when.", "uncounted": "The article doesn't give that number."}
# sentences a file written before them may leave out: these are said instead
_OPTIONAL = {"unquantified": "The article doesn't give a number for that.",
             "undefined": "The article doesn't define “{phrase}”; it uses it here:"}


def load_unknowns(path: Path = UNKNOWNS_FILE) -> Unknowns:
    """Read and check the unknowns file; a `DataError` names the file, the line and the fix."""
    from ..knowledge.yamlfile import Node, load_yaml  # YAML only when loading, never on a cached start

    doc = load_yaml(path)
    problems: list[Problem] = []

    def problem(node: Any, key: str | None, message: str, fix: str) -> None:
        line = node.line_of(key) if hasattr(node, "line_of") and key else getattr(node, "line", None)
        problems.append(Problem(path, line or None, message, fix))

    if not isinstance(doc, Node):
        raise DataError([Problem(path, None, "the file must be a mapping", "start it with 'unknowns:'")])
    for key in doc:
        if key not in (*_SENTENCES, *_OPTIONAL, "unknowns", "plain"):
            problem(doc, key, f"unknown top-level key '{key}'",
                    f"use only: {', '.join([*_SENTENCES, *_OPTIONAL, 'unknowns', 'plain'])}")
    plain = doc.get("plain", [])
    if not isinstance(plain, list) or not all(isinstance(w, str) for w in plain):
        problem(doc, "plain", "'plain' must be a list of words", "write plain: [now, new]")
        plain = []
    for key, example in _SENTENCES.items():
        if not isinstance(doc.get(key), str) or not doc[key].strip():
            problem(doc, key, f"'{key}' must be a sentence", f'write {key}: "{example}"')
    optional = {key: doc.get(key, default) for key, default in _OPTIONAL.items()}
    for key, value in optional.items():
        if not isinstance(value, str) or not value.strip():
            problem(doc, key, f"'{key}' must be a sentence", f'write {key}: "{_OPTIONAL[key]}" or leave it out')
    items = doc.get("unknowns")
    if not isinstance(items, list) or not items:
        problem(
            doc, "unknowns", "'unknowns' must be a non-empty list", "write each entry under 'unknowns:' as '- id: ...'"
        )
        items = []
    asks = [ask for item in items if (ask := _read_unknown(item, problem))]
    if problems:
        raise DataError(problems)
    return Unknowns(doc["undated"].strip(), doc["uncounted"].strip(), tuple(asks), _keys(asks),
                    frozenset(w.lower() for w in plain), optional["unquantified"].strip(),
                    optional["undefined"].strip())


def _read_unknown(item: Any, problem: Any) -> Unknown | None:
    fix = (
        "write it as: id: <name>, says: <sentence>, words: [<word or phrase>, ...], optional except: [<id or kind>]"
        ", always: true, not_claims: true, not_dated: true, answered_with: [<word or phrase>, ...] and unless: [...]"
    )
    if not isinstance(item, dict):
        problem(None, None, "each unknown must be a mapping", fix)
        return None
    ok = True
    for key in item:
        if key not in ("id", "says", "words", "except", "always", "not_claims", "not_dated", "answered_with",
                       "unless"):
            problem(item, key, f"unknown key '{key}'", fix)
            ok = False
    for key in ("id", "says"):
        if not isinstance(item.get(key), str) or not item[key].strip():
            problem(item, key, f"'{key}' must be a non-empty text", fix)
            ok = False
    for key, required in (("words", True), ("except", False), ("answered_with", False), ("unless", False)):
        value = item.get(key, None if required else [])
        if (
            not isinstance(value, list)
            or (required and not value)
            or not all(isinstance(w, str) and w.strip() for w in value)
        ):
            problem(item, key, f"'{key}' must be a list of non-empty texts", fix)
            ok = False
    for flag in ("always", "not_claims", "not_dated"):
        if not isinstance(item.get(flag, False), bool):
            problem(item, flag, f"'{flag}' must be true or false", fix)
            ok = False
    if not ok:
        return None
    words = tuple(_phrase(w) for w in item["words"])
    return Unknown(
        item["id"], item["says"].strip(), words, frozenset(item.get("except", [])), bool(item.get("always", False)),
        bool(item.get("not_claims", False)), bool(item.get("not_dated", False)),
        tuple(_phrase(w) for w in item.get("answered_with", [])), tuple(_phrase(w) for w in item.get("unless", [])),
    )


_FIGURE = lazyre.compile(
    r"\d|\b(?:doubled|tripled|trebled|quadrupled|halved|twice|double|triple|faster|slower|grew|rose|fell)\b"
)
GAP = "..."  # in unknowns.yaml, "when ... policy": these words in this order, anything between them


def _phrase(text: str) -> tuple[str, ...]:
    """A phrase of unknowns.yaml as normalised words, its gaps kept as `GAP`."""
    parts = [tokens(normalise(part)) for part in text.split(GAP)]
    out: list[str] = []
    for i, part in enumerate(parts):
        out += ([GAP] if i else []) + part
    return tuple(out)


def _in_order(text: str, phrase: tuple[str, ...]) -> bool:
    """Each gap-separated part of `phrase` in `text` (padded with spaces), in this order."""
    at = 0
    for part in " ".join(phrase).split(f" {GAP} "):
        found = text.find(f" {part.strip()} ", at)
        if found < 0:
            return False
        at = found + len(part)
    return True


@cache
def shipped_unknowns() -> Unknowns:
    """The unknowns file that ships with the bot, read once."""
    return load_unknowns(UNKNOWNS_FILE)


class _Subject(NamedTuple):
    id: str
    kind: str
    name: str
    summary: str
    sources: tuple[Sentence, ...]


def doesnt_say(facts: FactBase, u: Understood, unknowns: Unknowns | None = None) -> Answer | None:
    """A plain "the article doesn't say" plus what it does say about the subject, when the question names
    a known subject but asks for what the fact base never holds; None otherwise (answer it as usual)."""
    unknowns = unknowns or shipped_unknowns()
    subjects = _subjects(facts, u)
    if not subjects:
        found = _unknown_asked(u, unknowns, subjects, only_always=True, last_year=_last_year(facts))
        if found is None:
            return None
        answer = Answer(found[0])
        answer.lacking = not found[1]
        answer.followups = [SAY.say("followup_why")]
        return answer
    found = _unknown_asked(u, unknowns, subjects, last_year=_last_year(facts))
    said = found[0] if found else None
    if said is None and u.reading.uncounted:
        said = unknowns.uncounted
    asks_when = u.reading.tokens[:1] == ["when"]  # not "who's she when she's at home?"
    if said is None and asks_when and not (_dated(facts) & {s.id for s in subjects}):
        said = unknowns.undated
    if said is None:
        return None
    answer = Answer("")
    answer.lacking = not (found and found[1])  # a refusal, unless the question asked for what it says too
    lines = [said]
    for subject in subjects:
        lines.append(SAY.say("what_it_says_about", name=subject.name, summary=subject.summary))
        answer.add_sources(*subject.sources)
        (answer.people if subject.kind == "person" else answer.topics).append(subject.id)
    answer.text = "\n".join(lines)
    return answer


def _last_year(facts: FactBase) -> int:
    """The last calendar year the article's figures reach (a financial year's start year counts as itself)."""
    return max(p.end.year for p in facts.periods) if facts.periods else 0


def _subjects(facts: FactBase, u: Understood) -> list[_Subject]:
    """Known things the question names (one per phrase: "LSCBs" is the board, not also the term),
    or the person its "he"/"she" points back to."""
    out: list[_Subject] = []
    seen_text: set[str] = set()
    for m in u.reading.mentions:
        if m.text in seen_text or any(s.id == m.id for s in out):
            continue
        subject = _subject(facts, m.kind, m.id)
        if subject:
            out.append(subject)
            seen_text.add(m.text)
    if u.reading.pronouns and not any(s.kind == "person" for s in out):  # "what does she think caused the rise
        # in SCRs?": she is the subject, SCRs only what she is asked about
        out = [s for p in resolve_people(facts, u.query) if (s := _subject(facts, "person", p.id))] + out
    short = len(u.reading.tokens) <= SHORT_FOLLOWUP and "when" not in u.reading.tokens  # ("when?" is no person's)
    if not out and (_ANAPHORS & set(u.reading.tokens) or short):
        # "is that still government policy?", "what party?": the last topic
        for topic in (u.query.context.topics or u.query.context.people)[:1]:  # (or person: "when was it published?")
            kind = "event" if facts.event(topic) else getattr(facts.entity(topic), "kind", "")
            if subject := _subject(facts, kind, topic):
                out.append(subject)
    return out


_ANAPHORS = frozenset({"that", "this", "it", "those", "these", "they"})
SHORT_FOLLOWUP = 2  # "what party?" names nothing, and is about the last answer's subject


def example_of(facts: FactBase, lines: list[int], with_point: bool = False) -> Answer | None:
    """"Give me an example": the article's own example ("For example, ...") nearest the last answer's sentences;
    `with_point`: after the sentence it is an example of, for a question asked afresh ("what did the greater
    flexibility mean in practice?")."""
    examples = [s for s in facts.article.sentences if "for example" in s.text.lower() or "e.g." in s.text.lower()]
    if not examples or not lines:
        return None
    # an example of the same thing: a reason whose sentences hold both the last answer's and the example
    grouped = [{x.line for x in r.sources} for r in facts.reasons]
    related = [e for e in examples if any(e.line in g and g & set(lines) for g in grouped)]
    if any(g & set(lines) for g in grouped):
        examples = related
    if not examples:
        return None
    best = min(examples, key=lambda s: min(abs(s.line - n) for n in lines))
    if min(abs(best.line - n) for n in lines) > 3 and not related:
        return None
    point = next((s for s in facts.article.sentences if s.line == best.line - 1), None) if with_point else None
    if point is None:
        return quoted_sentence(facts, best)
    shown = [quoted_sentence(facts, s) for s in (point, best)]
    answer = shown[1]
    by = answer.text[answer.text.rfind(" — "):] if " — " in answer.text else "\0"
    answer.text = f"{shown[0].text.removesuffix(by)}\n{answer.text}"  # the same speaker named once
    answer.sources.insert(0, point)
    return answer


def same_thing(facts: FactBase, u: Understood, words: FrameWords) -> Answer | None:
    """"Is 'SCR' the same thing as a serious case review?" (Yes: one name of the other) and "is the SCR panel
    the same thing as an LSCB?" (No, with what the article says each is): two names asked to be one thing."""
    padded = f" {' '.join(tokens(u.text))} "
    if not says_any(padded, words.check_list("same_thing")):
        return None
    seen: dict[str, Any] = {}
    for m in u.reading.mentions:
        if m.text not in seen:
            seen[m.text] = m
    if len(seen) != 2:
        return None
    first, second = seen.values()
    if PERSON in (first.kind, second.kind) or first.text in second.text or second.text in first.text:
        return None  # a person is no term ("a child protection review" names Munro); "the LSCB chairs" vs "LSCBs"
    if first.id != second.id and ({*_topics_of(facts, first.id)} & {second.id} or {*_topics_of(facts, second.id)}
                                  & {first.id}):
        return None  # "is Working Together the same as the revised guidance?": one is a revision of the other
    differ = " different " in padded  # "is the LSCB different from the SCR panel?" asks the opposite
    if first.id == second.id:
        subject = _subject(facts, first.kind, first.id)
        if subject is None:
            return None
        verdict = SAY.say("verdict_no" if differ else "verdict_yes")
        answer = Answer(SAY.say("same_named", verdict=verdict, first=first.text, second=second.text, name=subject.name,
                                summary=subject.summary))
        answer.add_sources(*subject.sources)
        return answer
    one, other = _subject(facts, first.kind, first.id), _subject(facts, second.kind, second.id)
    if one is None or other is None:
        return None
    verdict = SAY.say("verdict_yes" if differ else "verdict_no")
    answer = Answer(SAY.say("are_different", verdict=verdict)
                    + f"\n• {one.name}: {one.summary}\n• {other.name}: {other.summary}")
    answer.add_sources(*one.sources, *other.sources)
    return answer


def _topics_of(facts: FactBase, item_id: str) -> tuple[str, ...]:
    event = facts.event(item_id)
    return event.topics if event else ()


MAX_ABOUT = 6  # sentences quoted for "what does the article say about X?" (the rest are counted)
_POINTS_BACK = lazyre.compile(r"^[\"“]?(?:This|That|These|It)\b")


def asks_about(words: FrameWords, text: str) -> int:
    """Where the subject of "what does the article say about ..." starts in the padded text; -1 if not asked."""
    phrases = words.check_list("says_about")
    if not says_any(text, phrases):
        return -1  # (most questions: one indexed test rather than one search per phrase)
    padded = f" {' '.join(text.split())} "
    # "does the article mention X?" only as the whole question ("which recommendations does it mention?" is not)
    return max((padded.find(f" {p} ") + len(p) + 1 for p in phrases if f" {p} " in padded
                and (not p.startswith("does ") or padded.startswith(f" {p} "))), default=-1)


def everything_about(facts: FactBase, index: PassageIndex, u: Understood, words: FrameWords) -> Answer | None:
    """"What does the article say about the SCR panel?": every sentence naming that one subject (a person, body,
    event or term), in the article's order and quoted with who said it; None unless the question asks that of
    exactly one subject."""
    padded = f" {' '.join(u.text.split())} "
    at = asks_about(words, u.text)
    if at < 0:
        return None
    after = " ".join(padded[at:].split()[:6])  # the subject follows the phrase: not "... say about it"
    named = list(dict.fromkeys(m.id for m in u.reading.mentions if m.id != "scr" and m.text.split()[0] in after))
    if len(named) != 1:
        return None
    # the subject is all that is asked about: not "about Timpson's figures for 2013/14", "about Ofsted's reasons"
    rest = padded[at:].split()
    said = next((m.text for m in u.reading.mentions if m.id == named[0]), "")
    tail = " ".join(rest).split(said, 1)[-1].split() if said and said in " ".join(rest) else rest
    if u.refs or any(w not in words.check_list("about_tail") for w in tail if w != "'s"):
        return None
    # its sentences, and those of the events about it ("the Working Together revisions")
    ids = {named[0], *(e.id for e in facts.events if named[0] in e.topics)}
    found = [s for s, feats in zip(index.sentences, index.features, strict=True) if any(f"@{i}" in feats for i in ids)]
    if not found:
        return None
    by_line = {s.line: s for s in index.sentences}
    # "This had been a recommendation by Professor Eileen Munro": the sentence "this" points to comes first
    found = list(dict.fromkeys(p for s in found for p in (
        (by_line[s.line - 1], s) if _POINTS_BACK.match(s.text) and s.line - 1 in by_line else (s,))))
    answer = Answer("")
    lines = []
    for sentence in found[:MAX_ABOUT]:
        quoted = quoted_sentence(facts, sentence)
        lines.append(f"• {quoted.text}")
        answer.add_sources(sentence)
        answer.people.extend(quoted.people)
    if len(found) > MAX_ABOUT:
        lines.append(SAY.say("more_sentences", n=len(found) - MAX_ABOUT))
    answer.text = "\n".join(lines)
    answer.topics.append(named[0])
    return answer


def within(index: PassageIndex, lines: list[int], text: str) -> Sentence | None:
    """"How far back?" right after a sentence saying "far more deeply ..., up to 20 years": the last answer's
    sentence that uses most of the words the short question asks with (at least half), as written; None if
    none does, or if the question's words are all ones that say nothing."""
    asked = {_stem(w) for w in tokens(text) if w not in index.lexicon.stopwords and w not in _ANAPHORS
             and not w[0].isdigit()}
    scored = [(len(asked & {_stem(w) for w in tokens(normalise(s.text))}), s) for s in index.sentences
              if s.line in lines]
    best = max(scored, key=lambda pair: pair[0], default=(0, None))
    return best[1] if asked and best[0] and 2 * best[0] >= len(asked) else None


def quoted_sentence(facts: FactBase, sentence: Sentence, lead: str = "") -> Answer:
    """One sentence of the article as an answer: quoted, with its speaker when it is someone's words."""
    statements = [st for st in facts.statements if st.source == sentence]
    quote, by = _quoted(facts, sentence, statements)
    answer = Answer(f"{lead}{quote} — {by}" if by else f"{lead}{quote}")
    answer.add_sources(sentence)
    answer.people.extend(st.by for st in statements if st.by in facts.people)
    return answer


def sentence_at(facts: FactBase, u: Understood, words: FrameWords) -> Answer | None:
    """"What does the final paragraph say?", "the opening line": the article's sentence at that place (each
    line of the article is a paragraph of it); None unless the question names a place and a paragraph."""
    said = u.text.split()
    if not set(said) & set(words.check_list("paragraphs")) or not set(said) & set(words.check_list("looks_up")):
        return None  # "write a news intro (first par)" asks for writing, not for the first paragraph
    dated = [r for r in u.refs if r.kind in ("fy", "cy", "month")]  # ("the final" is read as a period too)
    if dated or [m for m in u.reading.mentions if m.id != "scr"] or " second last " in f" {u.text} ":
        return None  # "the last line of Woolmore's quote", "the top line about 2011/12": not the article's place
    places = dict(p.split(":") for p in words.check_list("places_in_text"))
    # the place right before the paragraph, a word at most between: "the final paragraph", "the opening line"
    place = next((places[w] for i, w in enumerate(said) if w in places and set(said[i + 1: i + 3]) & set(
        words.check_list("paragraphs"))), None)
    sentences = facts.article.sentences
    if place is None or not sentences:
        return None
    index = {"first": 0, "second": 1, "third": 2, "last": -1, "penultimate": -2}[place]
    return quoted_sentence(facts, sentences[index])


def done_by(facts: FactBase, lines: list[int]) -> Answer | None:
    """"By whom?" after an answer: who its sentence says did it ("set up by the government"), quoted; None
    when the answer rests on several sentences (which "by" would be a guess)."""
    if len(set(lines)) != 1:
        return None
    for sentence in (s for s in facts.article.sentences if s.line in lines):
        found = _BY.search(sentence.text)
        if found:
            doer = found.group(1)
            doer = doer[:1].lower() + doer[1:] if doer.startswith("The ") else doer
            return quoted_sentence(facts, sentence, SAY.say("done_by", doer=doer) + " ")
    return None


QUANTITY = LazyPattern(r"\b(?!(?:19|20)\d\d\b)\d+")  # a number that is not a year ("114", not "2011")


def unquantified(facts: FactBase, lines: list[int], says: str, words: FrameWords) -> Answer | None:
    """"By how much?" after an answer telling of a fall in words only ("dropped sharply"): the article doesn't
    say, with what it does say; None when its sentences give a number, or tell of the rise the figures measure."""
    said = [s for s in facts.article.sentences if s.line in lines]
    if not said or any(QUANTITY.search(s.text) for s in said):
        return None
    if not any(says_any(normalise(s.text), words.check_list("fell")) for s in said):
        return None
    answer = quoted_sentence(facts, said[0], f"{says} ")
    for s in said[1:]:
        answer.add_sources(s)
    answer.lacking = True
    return answer


def directly_quoted(facts: FactBase, lines: list[int]) -> Answer | None:
    """"Was that a direct quote?": whether the article's sentences at `lines` give someone's words in quotation
    marks (Yes), only report them (No), or both (Partly); None when they are nobody's words."""
    said = [st for st in facts.statements if st.source.line in lines and st.by in facts.people]
    if not said:
        return None
    person = facts.people[said[0].by]
    quoted = {st.source.line for st in said if st.kind == "quote"}
    reported = {st.source.line for st in said} - quoted
    if quoted and not reported:
        lead = SAY.say("own_words", name=person.name)
    elif not quoted:
        her_or_him = SAY.say("object_she" if person.pronoun == "she" else "object_he")
        lead = SAY.say("reported_speech", name=person.name, her_or_him=her_or_him)
    else:
        lead = SAY.say("partly_quoted", name=person.name)
    answer = Answer(lead)
    for sentence in dict.fromkeys(st.source for st in said):
        text, by = _quoted(facts, sentence, [st for st in said if st.source == sentence])
        answer.text += f"\n{text}" + (f" — {by}" if by else "")
        answer.add_sources(sentence)
    answer.people.append(person.id)
    return answer


def words_at(facts: FactBase, lines: list[int]) -> Answer | None:
    """The words quoted in the article's sentences at `lines` (someone's own words, in quotation marks), each
    with who said them; None when those sentences quote no one."""
    quotes = [st for st in facts.statements if st.kind == "quote" and st.source.line in lines]
    if not quotes:
        return None
    answer = Answer("")
    shown: list[tuple[str, str]] = []
    for sentence in dict.fromkeys(st.source for st in quotes):
        shown.append(_quoted(facts, sentence, [st for st in facts.statements if st.source == sentence]))
        answer.add_sources(sentence)
        answer.people.extend(st.by for st in quotes if st.source == sentence and st.by not in answer.people)
    speakers = {by for _, by in shown}
    if len(speakers) == 1:  # one speaker: named once, after her words
        answer.text = "\n".join(quote for quote, _ in shown) + (f"\n— {shown[0][1]}" if shown[0][1] else "")
    else:
        answer.text = "\n".join(f"{quote} — {by}" if by else quote for quote, by in shown)
    return answer


def speaks_of_now(words: FrameWords, text: str) -> bool:
    """Whether a question asks how things are now ("still", "any more"), not how they were."""
    return says_any(text, words.check_list("now_words"))


_NOW = LazyPattern(r"(?<!CYP )\b(?:[Nn]ow|[Tt]oday|[Cc]urrently|[Tt]hese days|[Nn]owadays)\b")  # not "CYP Now"


def now_of(facts: FactBase, lines: list[int]) -> Answer | None:
    """"And now?" after an answer about how things were: the sentence among or beside the last answer's that
    says how they are now ("Now, if it was appropriate they need not go back that far.")."""
    if not lines:
        return None
    speakers = {st.by for st in facts.statements if st.source.line in lines}

    def continues(s: Sentence) -> bool:  # the line right after one of the answer's, said by the same person
        return s.line - 1 in lines and any(st.by in speakers for st in facts.statements if st.source == s)

    near = [s for s in facts.article.sentences if (s.line in lines or continues(s)) and _NOW.search(s.text)]
    if not near:
        return None
    return quoted_sentence(facts, near[0])


def _subject(facts: FactBase, kind: str, item_id: str) -> _Subject | None:
    if kind == "person" and item_id in facts.people:
        p = facts.people[item_id]
        return _Subject(p.id, kind, p.name, p.summary, (p.source,))
    if kind == "organisation" and item_id in facts.organisations:
        o = facts.organisations[item_id]
        return _Subject(o.id, kind, o.name, o.summary, (o.source,))
    if kind == "term" and item_id in facts.terms:
        t = facts.terms[item_id]
        return _Subject(t.id, kind, f"{t.term} ({t.stands_for})", t.about, t.sources)
    event = facts.event(item_id) if kind == "event" else None
    if event:
        return _Subject(event.id, kind, event.title, event.summary, (event.source,))
    return None


@cache
def _padded_name(text: str) -> str:
    """A name as whole words, padded: the same few names are asked about again and again."""
    return f" {' '.join(tokens(normalise(text)))} "


def _unknown_asked(
    u: Understood, unknowns: Unknowns, subjects: list[_Subject], only_always: bool = False, last_year: int = 0
) -> str | None:
    """What to say when the question's own words ask for one of the unknowns, unless a subject is exempt."""
    full = f" {' '.join(t.removesuffix(chr(39) + 's') for t in tokens(u.text))} "  # "the coalition's policy"
    said = frozenset(full.split())
    opened: dict[int, list[int]] = {}  # ask position -> the positions of its phrases the question's words open
    for i, j in sorted(pair for word in said for pair in unknowns.keys.get(word, ())):
        if per_list(unknowns.asks[i].words[j], _without_gaps) <= said:  # a phrase is asked only with all its words
            opened.setdefault(i, []).append(j)
    if not opened:
        return None  # (most questions open no entry: nothing more to read)
    names = [_padded_name(m.text) for m in u.reading.mentions]
    # a name's own words ask for nothing: the "now" of "CYP Now", also with a year between ("CYP Now's 2011
    # investigation")
    joined = full
    for name in names:
        if name in joined:
            joined = joined.replace(name, " ")
        elif any(ch.isdigit() for ch in joined):
            spaced = r"\s(?:\d\S*\s)*".join(re.escape(w) for w in name.split())
            joined = re.sub(rf" {spaced} ", " ", joined)
    name_words = {w for name in names for w in name.split()}
    plain = unknowns.plain  # the "now" of "CYP Now" is also a plain word

    def asks(phrase: tuple[str, ...]) -> bool:
        if GAP in phrase:  # "when ... coalition ... policy": a name's words may be among them, but the "now" of
            # "CYP Now" is no "how many years ... now"
            return _in_order(joined, phrase) or (bool(set(phrase) & name_words - plain) and _in_order(full, phrase))
        text = f" {' '.join(phrase)} "
        if text in joined:
            return True
        # "which LSCB": the phrase spans a name and a word of its own, so it is not the name's word alone
        return text in full and not any(text in name for name in names)

    states_figure = bool(_FIGURE.search(u.text))
    # a year the article covers ("was Ofsted still evaluating in 2013?"), not one after it ("in 2024?")
    dated = any(r.kind in ("fy", "cy", "month") and r.year <= last_year for r in u.refs)
    # a year after the article's is past what any subject's exemption covers ("still evaluating in 2024?")
    later = any(r.kind in ("fy", "cy", "month") and r.year > last_year for r in u.refs)
    for i in sorted(opened):
        ask = unknowns.asks[i]
        exempt = not later and any(s.id in ask.exempt or s.kind in ask.exempt for s in subjects)
        if (only_always and not ask.always) or exempt:
            continue
        if (ask.not_claims and states_figure) or (ask.not_dated and dated) or any(asks(w) for w in ask.unless):
            continue
        if any(asks(ask.words[j]) for j in opened[i]):
            return ask.says, any(asks(phrase) for phrase in ask.answered_with if phrase)
    return None


def _without_gaps(phrase: tuple[str, ...]) -> frozenset[str]:
    """The words of an unknowns phrase, not its gaps."""
    return frozenset(phrase) - {GAP}


def _dated(facts: FactBase) -> set[str]:
    """Ids of everything an event dates: the events, their topics, and whatever their summaries name (worked
    out once per fact base)."""
    cached = facts.__dict__.get("_dated_ids")
    if cached is None:
        cached = facts.__dict__["_dated_ids"] = _dated_ids(facts)
    return cached


def _dated_ids(facts: FactBase) -> set[str]:
    dated = {e.id for e in facts.events} | {t for e in facts.events for t in e.topics}
    summaries = [f" {' '.join(tokens(normalise(e.summary)))} " for e in facts.events]
    for item in [*facts.people.values(), *facts.organisations.values(), *facts.terms.values()]:
        aliases = [f" {' '.join(tokens(normalise(a)))} " for a in item.aliases]
        if any(a in s for a in aliases for s in summaries):
            dated.add(item.id)
    return dated


# a phrase in quotes: not the apostrophe of "what's" or "Woolmore's"
_QUOTED = LazyPattern(r"(?:^|[\s(])['‘\"“]([^'’\"”]{2,60}?)['’\"”](?=$|[\s,.?!;:)])")
_MEANT_BY = LazyPattern(r"\b(?:meant|mean|means) by (?:the word |the term |the phrase )?(.+)$")


_WORD_MEANS = LazyPattern(r"^(?:so )?what (?:does|did|do) (?:the (?:word|term|phrase) )?"
                          r"(?!(?:it|that|this|they|he|she|them|those|these|you|i|we)\b)([a-z']+(?: [a-z']+)?) mean\b")


def word_in_use(facts: FactBase, index: PassageIndex, raw: str, u: Understood, words: FrameWords,
                undefined: str) -> Answer | None:
    """"What does 'prescriptive' mean here?", "what does the article mean by the old system?": a word or phrase
    of the article that is none of its named terms, shown where the article uses it, with what that sentence is
    about; the article defines none of them, and the answer says so."""
    if not says_any(u.text, words.check_list("asks_meaning")):
        return None
    phrases = [m.group(1) for m in _QUOTED.finditer(raw)]
    meant = _MEANT_BY.search(u.text) or _WORD_MEANS.search(u.text)  # ("what does pivotal mean?", unquoted)
    if not phrases and meant:
        phrases = [meant.group(1)]
    named = [*facts.people.values(), *facts.organisations.values(), *facts.terms.values(), *facts.events]
    names = {a for item in named for a in item.aliases} | {getattr(i, "name", "").lower() for i in named}
    names |= set(index.lexicon.measure_words)  # "commissioned" is a measure, which the terms explain
    for phrase in phrases:
        said = " ".join(tokens(normalise(phrase))).removeprefix("the ")
        for tail in ("in the article", "in this article", "here", "in practice", "in this context"):
            said = said.removesuffix(f" {tail}")
        if not said or said in names or f"the {said}" in names:
            continue  # a named term ("what does 'LSCB' mean?") is the terms' to answer
        found = [s for s in index.sentences if f" {said} " in f" {' '.join(tokens(normalise(s.text)))} "]
        if not found:
            continue
        sentence = found[0]
        at = sentence.text.lower().find(said)
        shown = sentence.text[at: at + len(said)] if at >= 0 else phrase.strip()  # as the article writes it
        answer = quoted_sentence(facts, sentence, undefined.format(phrase=shown) + " ")
        feats = index.features[index.sentences.index(sentence)]
        for event in facts.events:  # what the sentence is about: "prescriptive" is the process Working Together eased
            if f"@{event.id}" in feats and event.source != sentence:
                answer.text += f"\n{event.summary}"
                answer.add_sources(event.source)
                answer.topics.extend(event.topics)
        return answer
    return None
