"""The engine: text plus a conversation's context in, a `Reply` and the new context out.

It knows nothing of Telegram or terminals; adapters call `Engine.reply` and render the result.
"""

from __future__ import annotations

import functools
import re
import time
from collections.abc import Callable
from itertools import islice
from pathlib import Path

from . import lazyre
from .answers import COMPOSERS, FIGURE_OPS, Answer, Query, algebra, checks, events, passages, reasons
from .answers import format as fmt
from .answers.figures import chronological
from .answers.meta import about, about_someone, examples, readings, tailored
from .answers.people import resolve_people
from .answers.reasons import lower_first
from .answers.replies import ENGINE, REPLIES_DIR, Replies, load_replies, section, shipped_replies, speaking
from .conversation import Context
from .gcpause import no_gc_pauses
from .knowledge.errors import DataError, Problem
from .knowledge.model import Event, FactBase, Intent, IntentSet
from .lazyre import LazyPattern
from .reply import Reply, Suggestion
from .understanding import calibrate, followups, steps, sums
from .understanding.frame import (
    Claim,
    Frame,
    FrameWords,
    asks_verdict,
    asks_what_number,
    denies,
    followup_op,
    load_frame_words,
    operation_cue,
    read_frame,
    says_any,
    states,
)
from .understanding.lexicon import PERSON as PERSON_TOKEN
from .understanding.lexicon import Lexicon, Reading
from .understanding.matcher import ANSWER_AT, CLARIFY_AT, Candidate, Decision, IntentMatcher, answer_with, decide
from .understanding.normalise import normalise
from .understanding.parts import sentences, split
from .understanding.periods import PeriodRef, months_apart, read_periods, resolve
from .understanding.question import Understood

# The answers the engine composes itself (a quote put to it, a follow-up on the last answer, where the article
# says something); its refusals are ENGINE's. The wording is intents/replies/answers_engine.yaml.
SAID = section("answers_engine", {
    "event_year_before": {"year"},
    "event_year_after": {"year"},
    "said_it": {"name", "role", "quote"},
    "reported_words": {"name", "role", "sentence"},
    "confirmed": {"answer"},
    "denied": {"answer"},
    "someone_else": {"speaker", "named", "answer"},
    "no_speaker": {"sentence"},
    "words_never_used": {"name", "words"},
    "what_it_reports": set(),
    "months_between": {"start", "end", "months"},
    "month_between": {"start", "end", "months"},
    "months_not_stated": {"stated", "answer"},
    "arithmetic_not_article": {"years"},
    "as_reported": {"named"},
    "not_ranked": {"name", "weights"},
    "not_ranked_unattributed": {"weights"},
    "reason_weight": {"reason", "weight"},
    "recommendations_done": {"name"},
    "financial_year": {"year", "start", "end", "months"},
    "not_calendar_year": {"year", "start", "end", "months"},
    "closest_to_average": {"mean", "measure", "year"},
    "above_average": {"mean", "measure", "years"},
    "below_average": {"mean", "measure", "years"},
    "no_years": set(),
    "year_above_average": {"year", "value", "by"},
    "year_below_average": {"year", "value", "by"},
    "rate_higher": {"year", "rate", "other_rate", "other_year", "points"},
    "rate_lower": {"year", "rate", "other_rate", "other_year", "points"},
    "gap_in": {"year"},
    "figure_in": {"value", "measure", "year"},
    "both_the_same": {"value"},
    "bigger_by": {"which", "by"},
    "smaller_by": {"which", "by"},
    "no_example": set(),
    "not_judged": set(),
    "highest": set(),
    "lowest": set(),
    "of_every_figure": set(),
    "of_the_measure": {"measure"},
    "is_the_extreme": {"value", "highest_or_lowest", "scope"},
    "not_the_extreme": {"highest_or_lowest", "scope", "best", "best_measure", "best_year", "value", "measure", "year"},
    "first_event": {"title", "date", "summary"},
    "last_event": {"title", "date", "summary"},
    "event_no_month": {"title", "date"},
    "first_events_undated": {"year", "events"},
    "last_events_undated": {"year", "events"},
    "own_quoted_words": {"phrase", "name"},
    "reported_not_her_words": {"phrase", "name"},
    "reported_not_his_words": {"phrase", "name"},
    "phrase_in_sentence": {"phrase"},
    "number_mentioned": {"number", "word"},
    "says_it_here": set(),
    "says_it_in_places": {"n"},
    "no_figures_today": {"latest"},
    "no_figures_from": {"names"},
    "what_it_says_about": {"name", "summary"},
    "said_it_reported": {"name", "role", "sentence"},
    "article_says": {"sentence"},
    "fall_before_rise": {"summary"},
})

# The intent a reply names when a yes/no check answered a question no intent recognised.
CHECK_INTENT = Intent("checks.verify", "checks.verify", "a yes/no check of what the article says",
                      "Did Ofsted stop evaluating SCRs before the Working Together revisions?", (), Path("intents"), 0)
# A quotation of at least a few words, in straight or curly quotes.
# a span in quotation marks: curly or straight double quotes, or plain single quotes not inside a word
_NUMBER_AND_WORD = lazyre.compile(r"\b(\d+) ([a-z]+)\b")  # "20 years": a number and the word it counts
_ARTICLE_IT = LazyPattern(r"\bdoes it (?:use|say|call|describe|put)\b")  # "it" meaning the article
_PART_PLAYED = LazyPattern(r"^(?:so |and )?what (?:part|role) did (.+?) (?:play|have)\b")  # "what part did X play"
_QUOTE_OPENERS = ("“", '"', "‘", "'")  # what every quote the patterns below find opens with
_QUOTED = lazyre.compile(r"[“\"‘]([^“”\"‘’]{30,}?)[”\"’]|(?<!\w)'([^'\n]{30,}?)'(?!\w)")
_SHORT_QUOTED = lazyre.compile(r"[“\"‘]([^“”\"‘’.?!]{5,40})[”\"’]|(?<!\w)'([^'\n.?!]{5,40})'(?!\w)")
# "finish the quote: 'Now, if it was appropriate...'": a shorter quote that trails off is the article's too
_TRAILING = lazyre.compile(r"[“\"‘']([^“”\"‘’']{12,}?)(?:\.\.\.|…)\s*[”\"’']")
# The words of a question about the figures, beside the measures' own ("how many", "the rate", "the total").
_FIGURE_WORDS = frozenset({"number", "many", "percent", "rate", "total", "average", "change", "rise", "fall",
                           "figures", "figure", "share", "ratio", "gap", "double", "count"})
# A capitalised word that does not open a sentence: a name ("Haringey", "Kent").
_NAME = lazyre.compile(r"(?<![.!?]\s)(?<!^)(?<=\s)([A-Z][a-z]{2,}|[A-Z]{3,6})\b")  # "Leeds", "NSPCC"
# The intent a reply names when it quotes the article's sentences that answer the question.
QUOTE_INTENT = Intent("article.quote", "article.quote", "what the article's sentences say",
                      "What was the old system like?", (), Path("intents"), 0)
_SIGNED = LazyPattern(r"(?i:thanks|thank you|regards|cheers|best wishes|best|thx|ta)[,.!]?\s+(?:[A-Z][a-z]+\s*){1,2}"
                     r"[.!]?\s*$")  # "Many thanks, Jane": who asks
CANDIDATES_KEPT = 3  # intents a reply carries as the ones it considered (the question log keeps them)
WITHIN_WORDS = 3  # "how far back (did they have to look)?": as many words of substance, about the last sentences
SAID_WORDS = 4  # words in quotes this many or more are a saying, even naming someone ("Ofsted was holding LSCBs back")
CONTEXT_TTL = 30 * 60  # seconds of silence after which a conversation's context no longer applies


CLARIFY_SURE = 0.6  # a "did you mean" this weak, for a question about something unknown, is no help
_EMBEDDED_ASK = LazyPattern(r"\b(?:whether|if|how|why|what|who)\b.{12,}", re.IGNORECASE)  # the ask inside a sentence
_FIGURE_AS_YEAR = LazyPattern(
    r"(?<=before )the (\d{1,4}) (?:figure|number)\b|(?<=after )the (\d{1,4}) (?:figure|number)\b"  # "the year
    # before the 114 figure"; "in the year with only 12 SCRs published, ..."
    r"|\bthe (?:year|period) (?:with|that had|when there were|that|when|in which) (?:only |just |about )?(\d{1,4})\b"
    r"(?: \w+){0,3}?(?= published| commissioned|,|$)"  # "the year that 114 got commissioned - how many ..."
)


Turned = tuple[Reply, Context]  # a reader's answer: the reply and the context for the next turn


# "was it 140?", "is that 114?" right after a figure: the last question, with that figure to check
_FIGURE_AGAIN = LazyPattern(r"(?:so |and |but )?(?:was|is|were|are) (?:it|that|this|they) (?:really |actually )?"
                            r"\d+(?:\.\d+)?(?: percent)?")
_MONTHS_SAID = LazyPattern(r"\b(\d{1,2}|[a-z]+) months? apart\b")  # a number, or a word frames.yaml counts
_ASKS_MONTHS = LazyPattern(r"\bhow many months\b|\bmonths (?:apart|between|separate|passed|elapsed)\b")
SUPPOSED_OPS = frozenset({"again", "at_change", "scaled", "at_rate"})  # what-ifs: worked out, not the article's


class Turn:
    """One question as the readers pass it on: what it says, and what earlier readers decided about it.
    (A plain class: `dataclasses` costs a cached start its import.)"""

    __slots__ = ("context", "decision", "elliptical", "now", "ranking", "text", "u", "yesno")

    def __init__(self, u: Understood, text: str, context: Context, now: float, ranking: list[Candidate]) -> None:
        self.u, self.text, self.context, self.now = u, text, context, now
        self.ranking = ranking  # filled by `_rank`: the matcher's candidates, kept for the question log
        self.decision = Decision("decline", ())
        self.elliptical = False  # a repeat of the last question about something else ("and 2011/12?")
        self.yesno = False  # asks for a verdict (set by `_rank`)


class Engine:
    """Answers questions from a validated fact base and intent set."""

    def __init__(self, facts: FactBase, intents: IntentSet, context_ttl: float = CONTEXT_TTL) -> None:
        self.facts = facts
        self.intents = intents
        self.context_ttl = context_ttl
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
        frames = intents.frames
        self.frames = frames if isinstance(frames, FrameWords) else FrameWords({})
        # The words of frames.yaml ("average", "faster", "ratio") are known words, not signs of another topic.
        texts = [t.text for i in intents.intents for t in i.templates] + self.frames.cue_texts()
        self.lexicon = Lexicon(intents.lexicon, facts, texts)
        self.matcher = IntentMatcher(intents, self.lexicon)
        # Intents answered with figures, and the operation each asks for unless the question says otherwise.
        self.figure_ops = {i.id: FIGURE_OPS[i.answer] for i in intents.intents if i.answer in FIGURE_OPS}
        self.intent_for_op = {default: intent_id for intent_id, default in self.figure_ops.items()}
        # the intent answering with each composer ("events.when", "people.said"), for answers given outside
        # the matcher that should read, and be followed up, as that kind of answer
        self.intent_for_answer: dict[str, Intent] = {}
        for intent in self.intents.intents:
            self.intent_for_answer.setdefault(intent.answer, intent)
        self.passages = passages.PassageIndex(facts, self.lexicon)
        unknowns = intents.unknowns
        self.unknowns = unknowns if isinstance(unknowns, passages.Unknowns) else None
        replies = getattr(intents, "replies", None)  # (an intent set built in code may have none: the shipped ones)
        self.replies = replies if isinstance(replies, Replies) else shipped_replies()

    def about(self) -> str:
        """What the bot answers, in this engine's wording (for an adapter's /start, /help and banner)."""
        with speaking(self.replies):
            return about(self.facts)

    def examples(self) -> list[str]:
        """The example questions, in this engine's wording."""
        with speaking(self.replies):
            return examples(self.facts)

    def clear_caches(self) -> None:
        """Forget cached rankings and spelling corrections (benchmarks measure the uncached cost)."""
        self.matcher.clear_cache()
        self.lexicon.clear_cache()

    @classmethod
    def load(cls, facts_dir: Path, intents_dir: Path) -> Engine:
        """Load, validate and compile both data folders; raises `DataError` naming every problem."""
        from .knowledge.facts import load_facts  # YAML and validation only when not served from the cache
        from .knowledge.intents import load_intents

        with no_gc_pauses():
            facts = load_facts(facts_dir)
            measures = {m.id for m in facts.measures}
            intents = load_intents(intents_dir, composers=set(COMPOSERS), measures=measures)
            problems: list[Problem] = []
            for name, load in (
                ("frames", lambda: load_frame_words(intents_dir, measures, {*facts.people, *facts.organisations})),
                ("unknowns", lambda: passages.load_unknowns(Path(intents_dir) / passages.UNKNOWNS_FILE.name)),
                ("replies", lambda: load_replies(Path(intents_dir) / REPLIES_DIR.name)),
            ):
                try:
                    setattr(intents, name, load())
                except DataError as exc:  # report every file's problems at once, as load_intents does
                    problems.extend(exc.problems)
            if problems:
                raise DataError(problems)
            return cls(facts, intents)

    @classmethod
    def load_cached(cls, facts_dir: Path, intents_dir: Path) -> Engine:
        """Like `load`, but reuse the compiled engine from the last start when the data is unchanged."""
        from . import compiled

        with no_gc_pauses():
            engine = compiled.load(facts_dir, intents_dir)
        if engine is None:
            engine = cls.load(facts_dir, intents_dir)
            compiled.store(engine, facts_dir, intents_dir)
        return engine

    # -- reading ------------------------------------------------------------------------
    def understand(self, text: str, context: Context) -> Understood:
        norm = self._in_between(self._figures_as_years(normalise(text)), context)
        refs, rest = read_periods(norm)
        reading = self.lexicon.read(rest)
        query = Query(tokens=reading.tokens, mentions=reading.mentions, pronouns=reading.pronouns, context=context)
        query.content = [*reading.known, *reading.unknown]
        query.text = norm
        measures = {self.lexicon.measure_words[t] for t in reading.tokens if t in self.lexicon.measure_words}
        query.measure = measures.pop() if len(measures) == 1 else None
        anchor = context.periods[-1] if context.periods else None
        bad: list[str] = []
        excluded: list[str] = []
        named = [r for r in refs if r.kind in ("fy", "cy", "month")]
        named_years = bool(named)
        only_anchor = None
        if len(named) == 1 and any(r.kind in ("previous", "next") for r in refs):
            # "published in 2013/14 than the year before": relative to the year this question names
            ids = resolve(named[0], self.facts.periods).ids
            anchor = ids[-1] if ids else anchor
            relative = next(r for r in refs if r.kind in ("previous", "next"))
            if re.search(rf"{re.escape(relative.text)}\s+(?:the\s+)?{re.escape(named[0].text)}", norm):
                only_anchor = named[0]  # "the year before 2013/14": that year only places the one asked about
        for ref in refs:
            if ref is only_anchor:
                continue
            if ref.kind == "all" and named_years:
                continue  # "the average per year in 2012/13 and 2013/14": the years named, not every year
            if ref.kind == "bad":
                bad.append(ref.text)
                continue
            if self._excludes(norm, ref.text):  # "other than 2012/13": every year but that one
                excluded += resolve(ref, self.facts.periods, anchor).ids
                continue
            if ref.kind == "cy":
                query.years.append(ref.year)
            if ref.kind == "month":
                query.months.append(f"{ref.year}-{ref.month:02d}")
            found = resolve(ref, self.facts.periods, anchor)
            query.periods = list(dict.fromkeys([*query.periods, *found.ids]))
            query.missing = list(dict.fromkeys([*query.missing, *found.missing]))
            if found.note and found.ids:
                query.notes.append(found.note)
        if excluded:
            kept = [p.id for p in self.facts.periods if p.id not in excluded]
            query.periods = [p for p in query.periods if p not in excluded] or kept
            query.excluded = list(dict.fromkeys(excluded))
        stepped = [r for r in refs if r.kind in ("previous", "next")]
        if not query.periods and (not refs or (stepped and len(stepped) == len(refs) and not context.periods)):
            self._years_of_an_event(norm, reading, query, stepped[0] if stepped else None)
        # a statement put to the bot is a claim to check: asked ("... in 2013/14?"), or not when it states a figure
        # ("55 SCRs were published in 2011/12."); a plain sentence of prose is not checked unasked
        asked = text.rstrip().endswith("?") or any(ch.isdigit() for ch in rest) or (
            len(sentences(text)) == 1 and any(m.kind in ("person", "organisation", "event") for m in reading.mentions)
            and norm.split()[:1] != [] and norm.split()[0] not in self.frames.request_verbs
            )  # "eileen munro is the children's minister", "Munro recommended ending it.": one bare statement
        # about someone the article names, sent to the bot, is put to it to check
        statement = asked and states(self.frames, rest, reading)
        return Understood(norm, refs, reading, query, bad, rest, statement)

    def _years_of_an_event(self, norm: str, reading: Reading, query: Query, step: PeriodRef | None) -> None:
        """"How many were published in the year Ofsted stopped evaluating?": the financial year of the one event
        a figures question names, or those before or after it; with `step`, the year before or after that one
        ("the year before the Ofsted change")."""
        counts = query.measure is not None or {"many", "number", "figures"} & set(reading.tokens)
        if not counts or {"happened", "happen", "phrase"} & set(reading.tokens):
            return  # (not "what happened to SCR numbers after the coalition's policy?": its sentence says)
        named = {m.id for m in reading.mentions}
        found = [e for e in self.facts.events if e.id in named or named & set(e.topics)]
        if len(found) != 1:
            return
        padded = f" {norm} "
        relation = "in" if step is not None else next((r for r, words in (
            ("in", self.frames.check_list("year_of")), ("before", self.frames.check_list("years_before")),
            ("after", self.frames.check_list("years_after"))) if any(w in padded for w in words)), None)
        if relation is None:
            return
        ids, note = events.years_of(self.facts, found[0], relation)
        if step is not None and ids:
            order = [p.id for p in self.facts.periods]
            at = order.index(ids[0] if step.kind == "previous" else ids[-1]) + (
                -max(step.year, 1) if step.kind == "previous" else max(step.year, 1))
            if not 0 <= at < len(order):
                return
            ids = [order[at]]
            note += " " + SAID.say("event_year_before" if step.kind == "previous" else "event_year_after",
                                   year=self.facts.period(ids[0]).label)
            query.missing = [m for m in query.missing if m != step.text]
        query.periods, query.by_event = ids, bool(ids)
        if note:
            query.notes.append(note)

    def _in_between(self, norm: str, context: Context) -> str:
        """"And the year in between?" after two years a year apart: that middle year, named."""
        said = next((p for p in self.frames.check_list("year_between") if f" {p} " in f" {norm} "), None)
        if said is None:
            return norm
        ids = [p.id for p in self.facts.periods]
        asked = sorted(ids.index(p) for p in set(context.history[-2:]) if p in ids)
        if len(asked) < 2 and " three years" in f" {norm} ":  # "the middle one of the three years the article gives"
            asked = [0, len(ids) - 1]
        between = ids[asked[0] + 1: asked[-1]] if len(asked) == 2 else []
        return f" {norm} ".replace(f" {said} ", f" {self.facts.period(between[0]).label} ").strip() if len(
            between) == 1 else norm

    def _figures_as_years(self, norm: str) -> str:
        """"The year before the 114 figure": a figure named to mean its year, when only one year has it."""
        def year_of(m: re.Match[str]) -> str:
            value = int(m.group(1) or m.group(2) or m.group(3))
            named = [w for w in norm[m.end(): m.end() + 40].split()[:3] if w in self.lexicon.measure_words]
            years = [f.period for f in self.facts.figures.values() if f.value == value
                     and (not named or self.lexicon.measure_words[named[0]] == f.measure)]  # "81 published"? none
            return self.facts.period(years[0]).label if len(years) == 1 else m.group(0)

        placed = any(w in norm for w in (" figure", " number", " with ", "the year ")) and any(
            ch.isdigit() for ch in norm)
        return _FIGURE_AS_YEAR.sub(year_of, norm) if placed else norm

    def _excludes(self, norm: str, ref_text: str) -> bool:
        """Whether the words right before a period leave it out ("excluding 2013/14", "apart from 2012/13")."""
        at = norm.find(ref_text)
        before = f" {norm[:at].strip()}" if at >= 0 else ""
        return any(before.endswith(f" {w}") for w in self.frames.exclusions)

    # -- answering ----------------------------------------------------------------------
    def reply(self, text: str, context: Context | None = None, now: float | None = None) -> tuple[Reply, Context]:
        """Answer one message; returns the reply and the context for the next turn.

        A preamble ("Hi all, I'm on the local paper.") is set aside, and a message asking several
        things is answered part by part, each part a turn of its own."""
        with speaking(self.replies):  # this engine's wording, whichever folder it was loaded from
            return self._reply(text, context, now)

    def _reply(self, text: str, context: Context | None, now: float | None) -> tuple[Reply, Context]:
        now = time.time() if now is None else now
        context = context or Context()
        if context.updated and now - context.updated > self.context_ttl:
            context = Context()
        quoted = self._quotes_the_article(text, context, now)
        if quoted is not None:
            said, context = quoted
            if isinstance(said, Reply):
                return said, context
            text = said
        parts = split(self.frames, text) if text and text.strip() else [text]
        parts = [self._without_label(p) for p in parts]
        parts = self._years_said_before(text, parts)
        parts = self._subject_said_before(text, parts)
        if len(parts) == 1:
            return self._reply_one(parts[0], context, now)
        parts = self._share_periods(parts)
        replies: list[tuple[str, Reply]] = []
        for part in parts:
            reply, context = self._reply_one(part, context, now)
            replies.append((part, reply))
        return self._combine(replies), context

    def _quotes_the_article(self, text: str, context: Context, now: float) -> tuple[Reply | str, Context] | None:
        """A message quoting the article: "who said '...'?" and "did Woolmore say '...'?" are answered with who
        said it; otherwise the quote is set aside (its figures are the article's, not claims to check) and its
        years become the context of the question around it ("... What proportion is that?")."""
        if not text or not any(mark in text for mark in _QUOTE_OPENERS):
            return None  # (most messages quote nothing)
        spans = [(m, m.group(1) or m.group(2), 7) for m in _QUOTED.finditer(text or "")]
        spans += [(m, m.group(1), 4) for m in _TRAILING.finditer(text or "")]
        # "did Woolmore call something 'a big challenge'?": a short phrase of the article, not a name in quotes
        spans += [(m, m.group(1) or m.group(2), 2) for m in _SHORT_QUOTED.finditer(text or "")
                  if not self.lexicon.read(normalise(m.group(1) or m.group(2))).mentions]
        quotes = [(m, s, least) for m, span, least in spans
                  if len(span.split()) >= least and (s := self.facts.article.find(span))]  # not a title
        if quotes and says_any(normalise(text), self.frames.check_list("asks_direct")):
            return None  # "is 'a key factor behind the rise' a direct quote?": whose words it is, which the direct-
            # quote reader settles
        if not quotes:
            never = self._words_never_used(text, context)
            return None if never is None else (never, context)
        match, sentence, least = quotes[0]
        rest = (text[: match.start()] + " " + text[match.end():]).strip()
        u = self.understand(rest, context)
        if least == 2 and [m for m in u.reading.mentions if m.kind != "person" and m.id != "scr"] and asks_verdict(
                self.frames, u.rest, u.reading.tokens, u.question_mark):
            return None  # "did Woolmore call the panel 'a key factor'?": a short phrase said of something else
        statements = [st for st in self.facts.statements if st.source == sentence]
        speakers = [self.facts.people[st.by] for st in statements if st.by in self.facts.people]
        asks_who = u.query.has("who", "whose") and (u.query.has("said") or bool(set(u.text.split()) &
                                                                              self.lexicon.framing))
        named = [self.facts.people[p] for p in u.query.mentioned("person") if p in self.facts.people]
        # "... 'enabled LSCBs to fully focus on the review itself' - what ended?" (not "what proportion is that?")
        about_it = bool(set(u.reading.tokens) & set(self.frames.check_list("about_it"))) and len(
            u.reading.signature) <= 4 and operation_cue(self.frames, u.rest, u.reading.tokens) is None and not (
            u.query.has("many", "number", "rate", "percent", "total", "compare", "year")) and not (
            u.refs or u.query.measure)  # "... - how does that compare with 2013/14?" asks about the figures
        only_quote = set(u.reading.signature) <= self.frames.quote_words | set(  # "finish the quote: '...'"
            self.frames.check_list("completing"))
        called = named and bool(set(u.text.split()) & self.lexicon.framing)  # "did Woolmore call it '...'?"
        if asks_who or (named and u.query.has("said")) or called or not u.reading.signature or about_it or \
                only_quote:
            answer = Answer("")
            answer.add_sources(sentence)
            if speakers:
                who = speakers[0]
                said = next((st for st in statements if st.kind == "quote"), statements[0])
                if said.kind == "quote":
                    line = SAID.say("said_it", name=who.name, role=who.role, quote=said.text)
                else:  # "This had been a recommendation by Professor Eileen Munro": the article's words about her
                    line = SAID.say("reported_words", name=who.name, role=who.role, sentence=sentence.text)
                if named and not asks_who and asks_verdict(self.frames, u.rest, u.reading.tokens, u.question_mark):
                    # (not "what was 'a big challenge' according to Woolmore?", which asks what it was)
                    line = SAID.say("confirmed", answer=line) if named[0].id == who.id else SAID.say(
                        "someone_else", speaker=who.name, named=named[0].name, answer=line)
                elif not named and not asks_who and asks_verdict(self.frames, u.rest, u.reading.tokens,
                                                                 u.question_mark):
                    # "is there a quote calling it 'a big challenge'?": the article has it
                    line = SAID.say("confirmed", answer=line)
                answer.text = line
                answer.people.append(who.id)
            else:
                answer.text = SAID.say("no_speaker", sentence=sentence.text)
            top = Candidate(self.intents.get("people.said") or QUOTE_INTENT, ANSWER_AT)
            answer.topics.extend(self._named_in([sentence.line]))  # "whose idea was ending it?" is about those
            return self._answer(u, top, answer), self._next_context(u, top.intent.id, answer, now)
        periods = [p for r in read_periods(normalise(sentence.text))[0]
                   for p in resolve(r, self.facts.periods, None).ids]
        if periods and not u.refs:  # "... What proportion is that?": the quote's figures are what "that" means
            value_intent = next((i for i, op in self.figure_ops.items() if op == "value"), None)
            context = Context.from_dict({**context.to_dict(), "periods": periods, "history": periods, "updated": now,
                                         "intent": value_intent, "op": "value", "sources": [sentence.line]})
        return rest, context

    def _words_never_used(self, text: str, context: Context) -> Reply | None:
        """"Did Woolmore describe the old process as 'very bureaucratic'?": words in quotes the article never
        has, asked of someone it reports: No, with what it does report of them on that subject."""
        phrases = [p for m in _SHORT_QUOTED.finditer(text or "") if (p := m.group(1) or m.group(2))
                   and not self.facts.article.find(p) and (len(p.split()) >= SAID_WORDS or not self.lexicon.read(
                       normalise(p)).mentions)]  # (a whole saying may name things: "Ofsted was holding LSCBs back")
        if not phrases:
            return None
        u = self.understand(text.replace(phrases[0], " "), context)
        people = [self.facts.people[p] for p in u.query.mentioned("person") if p in self.facts.people]
        described = set(u.text.split()) & self.lexicon.framing or u.query.has("said")
        if len(people) != 1 or not described or not asks_verdict(self.frames, u.rest, u.reading.tokens, True):
            return None
        person = people[0]
        theirs = {st.source.line for st in self.facts.statements if st.by == person.id}
        content = {w[:6] for w in normalise(phrases[0]).split() if len(w) > 4 and w.rstrip("s") not in {
            n.rstrip("s") for n in self._name_words}}  # (her words, not the names she would use anyway)
        for sentence in (s for s in self.facts.article.sentences if s.line in theirs):
            said = {w[:6] for w in normalise(sentence.text).split()}
            if content and len(content & said) * 2 >= len(content):
                return None  # her words near enough ("a greater focus on evaluation"): the quote checks answer
        answer = Answer(SAID.say("words_never_used", name=person.name, words=phrases[0]))
        found = self.passages.search(passages.without(u, {PERSON_TOKEN, *self.lexicon.framing}), limit=1,
                                     among=theirs)
        if found:
            said = passages.quoted_sentence(self.facts, found[0][0], SAID.say("what_it_reports") + " ")
            answer.text += f" {said.text}"
            answer.add_sources(*said.sources)
        answer.people.append(person.id)
        return self._answer(u, Candidate(QUOTE_INTENT, ANSWER_AT), answer)

    def _years_said_before(self, text: str, parts: list[str]) -> list[str]:
        """"... I've been told to treat that as 2011/12. On that basis, what were the figures for that year?":
        "that year" is the last year the message named before the question, in a sentence set aside; "the year
        before" is counted from it ("(1) ... in 2013/14, and (2) ... for the year before?")."""
        out = []
        that_year = self.frames.check_list("that_year")
        for part in parts:
            at = text.find(part) if part else -1
            norm = normalise(part) if at > 0 else ""  # (a part opening the message has nothing before it)
            dated = at > 0 and any(r.kind in ("fy", "cy", "month") for r in read_periods(norm)[0])
            relative = at > 0 and not dated and says_any(norm, self.frames.check_list("year_before"))
            if at > 0 and (relative or (says_any(norm, that_year) and not read_periods(norm)[0])):
                named = read_periods(normalise(text[:at]))[0]
                if named:
                    part = f"{part.rstrip('?. ')} ({named[-1].text})?"
            out.append(part)
        return out

    def _without_label(self, part: str) -> str:
        """"Checking a line: '...', accurate?", "headline draft: ...", "I don't need every year, just the headline:
        how much did ...": what comes before a colon is set aside when it names nothing to ask about and makes
        no claim ("the panel: when was it set up?" and "just checking: 114 commissioned?" keep theirs)."""
        head, colon, tail = part.partition(": ")
        if not colon or not tail.strip() or len(head) > 120:
            return part
        said = normalise(head)
        asks = normalise(tail).split()[:1]
        u: Understood | None = None  # the head, read once
        if set(said.split()) & set(self.frames.check_list("asker_words")) and set(asks) & self.frames.question_words \
                and not any(ch.isdigit() for ch in head) and self._has_subject(self.understand(tail, Context())):
            u = self.understand(head, Context())  # (not "I think the panel caused it: ...", "I want the latest
            if not self._has_subject(u) and not u.refs and not u.reading.mentions:  # year only: ...")
                return tail  # "Before I respond I'd like to check the numbers: what was the increase in ...?"
        if says_any(said, self.frames.claim_markers) or any(ch.isdigit() for ch in head):
            return part
        if set(said.split()) & self.frames.question_words:  # "Which came first: the panel or ...?" asks
            return part
        if operation_cue(self.frames, said, said.split()) is not None:
            return part  # "multiple: published 2013/14 vs 2012/13" names what to compute
        u = u or self.understand(head, Context())
        return part if self._has_subject(u) or any(r.kind not in ("all", "bad") for r in u.refs) else tail

    def _subject_said_before(self, text: str, parts: list[str]) -> list[str]:
        """"... whether the SCR panel is the reason so many more SCRs are done. I'd rather not guess. What does
        the chair of the LSCB chairs' association say about that?": a question pointing back ("that", "those",
        "each") with no subject of its own, or "about that", is asked of the last sentence before it in the same
        message that has a subject (a person, body, event, measure or year), set aside until now."""
        within, at_words = self.frames.check_list("points_within"), self.frames.check_list("points_at")
        whole = sentences(text) if len(text) > 60 else []
        out = []
        for part in parts:
            # only a whole sentence of its own (not the second half of "X, and how many more was that?")
            at = next((i for i, s in enumerate(whole) if part and s.startswith(part)), 0)
            if at == 0:
                out.append(part)
                continue
            said = normalise(part)
            u = self.understand(part, Context())
            if u.query.has(*self.frames.contradicting):
                out.append(part)  # "does anything contradict that?": a Yes would mean the opposite of the claim
                continue
            points = says_any(said, within)
            bare = not self._has_subject(u)
            if not ((points and (bare or says_any(said, at_words)))
                    or (bare and len(u.reading.signature) <= 2)):  # "What does the article give me?"
                out.append(part)
                continue
            before = next((s for s in reversed(whole[:at]) if not any(p and p in s for p in parts)
                           and self._has_subject(self.understand(s, Context()))), None)
            if before is not None:
                embedded = _EMBEDDED_ASK.search(before)  # "... has asked me whether the panel is the reason"
                if embedded and self._has_subject(self.understand(before[embedded.start():], Context())):
                    before = before[embedded.start():]  # (not when that loses the subject: "I read the number
                    # 114 and the number 71 but I don't understand what is the difference")
                before = before.split(", which ")[0]  # "..., which sounds backwards to me" only comments
                for phrase in self.frames.check_list("asker_time"):  # "... at our meeting today": the asker's day
                    before = re.sub(rf"\b{re.escape(phrase)}\b", "", before, flags=re.IGNORECASE)
                part = f"{before.strip().rstrip('.!;:')}: {part}"
            out.append(part)
        return out

    def _asks_both(self, u: Understood) -> bool:
        """"Numbers for that year?": the plural asks for both measures, not the last one again."""
        return bool(set(u.text.split()) & set(self.frames.check_list("both_measures")))

    def _has_subject(self, u: Understood) -> bool:
        """Whether a sentence names something to ask about: a person, body, event, term, measure or year."""
        named = [m for m in u.reading.mentions if m.id != "scr"]
        measures = [t for t in u.reading.tokens if t in self.lexicon.measure_words]
        figures = {str(f.value) for f in self.facts.figures.values()} & set(u.text.split())  # "the number 114"
        return bool(named or measures or figures or [r for r in u.refs if r.kind in ("fy", "cy", "month")])

    def _share_periods(self, parts: list[str]) -> list[str]:
        """"How many were commissioned and how many published in 2013/14?": the year belongs to both."""
        refs = [read_periods(normalise(p))[0] for p in parts]
        named = next((r for r in refs if r), [])
        fixed = [[r for r in rs if r.kind not in ("previous", "next")] for rs in refs]  # ("the year before": of it)
        if sum(1 for r in fixed if r) > 1 and len({(r.kind, r.year) for rs in fixed for r in rs}) > 1:
            return parts  # "... in 2011/12? How many in 2012/13? And what's the difference?": between those parts
        anaphors = self.frames.anaphors  # "... and the difference between them?" is about the parts before it
        asks_year = self.frames.check_list("asks_year")  # "... 2) what year had the most published": any year
        said = " and ".join(x.text for x in named)
        source = next((normalise(p) for p, r in zip(parts, refs, strict=True) if r), "")
        ranged = re.search(rf"{re.escape(named[0].text)}\s*(?:-|–|—|to|through|until)\s*"
                           rf"{re.escape(named[-1].text)}", source) if len(named) == 2 else None
        said = ranged.group(0) if ranged else said  # "2011/12-2013/14": the years between count too
        return [p if r or not named or set(normalise(p).split()) & anaphors or says_any(normalise(p), asks_year)
                or not self._on_figures(p) else f"{p.rstrip('?. ')} in {said}?"
                for p, r in zip(parts, refs, strict=True)]

    def _on_figures(self, part: str) -> bool:
        """Whether a part asks about the figures (a measure, a count, a share ...), which a year shared by the
        message's parts belongs to; "... and the quote about the old system?" does not."""
        tokens = set(self.lexicon.read(normalise(part)).tokens)
        return bool(tokens & set(self.lexicon.measure_words.values())) or bool(tokens & _FIGURE_WORDS)

    def _combine(self, replies: list[tuple[str, Reply]]) -> Reply:
        """One reply for a message of several questions: each part's answer, in order."""
        answered = [r for _, r in replies if r.kind == "answer"]
        if not answered:
            return replies[0][1]
        texts: list[str] = []
        shown: set[str] = set()  # a line one part's answer already gave (a note, a figure) is not said again
        for part, r in replies:
            if r.kind == "answer":
                lines = [line for line in r.text.split("\n") if line not in shown or not line.strip()]
                if not any(line.strip() for line in lines):
                    continue  # ("OK and published? Not 17?": the second part's figure is the first's)
                shown.update(line for line in lines if line.strip())
                text = "\n".join(lines)
                if text and text not in texts:  # a part read as a repeat of another says nothing new
                    texts.append(text)
            elif r.entities.get("declined") == "doesnt_say":  # "... and what was her review called?": say so
                texts.append(ENGINE.say("part_doesnt_say", part=part.strip()[:80], said=r.text))
            else:
                texts.append(ENGINE.say("part_unanswered", part=part.strip()[:80]))
        first = answered[0]
        sources = tuple(dict.fromkeys(s for r in answered for s in r.sources))
        return Reply("\n\n".join(texts), first.intent, min(r.confidence for r in answered), "answer",
                     first.entities, sources, answered[-1].suggestions)

    def _reply_one(self, text: str, context: Context, now: float) -> tuple[Reply, Context]:
        """One question's reply, carrying the intents the matcher ranked for it (what the question log keeps)."""
        u = self.understand(text, context)
        ranking: list[Candidate] = []
        reply, kept = self._respond(u, text, context, now, ranking)
        if not ranking and reply.kind != "answer" and u.text:  # declined before ranking: what it came closest to
            ranking = calibrate.rank(u, self.matcher, self.lexicon)
        ranked = tuple(islice(((c.intent.id, round(c.confidence, 3)) for c in ranking if c.confidence > 0),
                              CANDIDATES_KEPT))
        return (reply._replace(candidates=ranked) if ranked else reply), kept

    # -- one question, read by an ordered list of readers ----------------------------------------------
    # Each reader either answers the turn (a reply and the next context) or returns None and passes it on;
    # some only re-rank what the matcher decided. The order is the policy: refusals first, then follow-ups
    # that lean on the last answer, then what the article does not say, then prose checks and quotes, and
    # the intent's composer or the algebra last.
    READERS: tuple[str, ...] = (
        "_unreadable", "_months_between", "_period_covered", "_against_the_average", "_in_raw_numbers",
        "_difference_of_two", "_rank", "_figure_disputed", "_which_of_two", "_own_figure", "_against_sum",
        "_source_followup", "_now_followup", "_when_of_last", "_why_of_last", "_which_mattered_more",
        "_recommendations_done", "_by_whom", "_by_how_much", "_words_of_last", "_in_last_sentences", "_by_position",
        "_whose_idea", "_example", "_is_that_a_lot", "_is_that_the_highest", "_not_in_article", "_everything_about",
        "_first_or_last_event", "_dates_of_events", "_reroute_figures", "_credited", "_strangers", "_unquoted",
        "_direct_quotes", "_another_quote", "_number_in_prose", "_phrase_in_article", "_where_it_says",
        "_quoted_words", "_prose_check", "_fallback", "_vague_question", "_who_did", "_word_in_use", "_from_passages",
        "_decline_or_clarify", "_compose",
    )

    def _respond(
        self, u: Understood, text: str, context: Context, now: float, ranking: list[Candidate]
    ) -> tuple[Reply, Context]:
        turn = Turn(u, text, context, now, ranking)
        for read in _readers(type(self)):
            done = read(self, turn)
            if done is not None:
                return done
        raise AssertionError("the last reader always answers")  # _compose

    def _months_between(self, t: Turn) -> Turned | None:
        """"How many months between July 2012 and March 2013?": the count, with the article's events in those
        months."""
        u = t.u
        if " months" not in u.text or not _ASKS_MONTHS.search(u.text):
            return None  # (not "how many were published in the twelve months from April 2012 to March 2013?")
        apart = months_apart(u.text)
        if apart is None:
            return None
        months, first, second = apart
        start, end = (f"{events.MONTH_NAMES[m - 1]} {y}" for y, m in (first, second))
        answer = Answer(SAID.say("months_between" if months != 1 else "month_between", start=start, end=end,
                                 months=months))
        said = _MONTHS_SAID.search(u.text)  # "... were eight months apart, is that right?": the number put forward
        if said is not None and asks_verdict(self.frames, u.rest, u.reading.tokens, u.question_mark):
            stated = int(said.group(1)) if said.group(1).isdigit() else self.frames.number_words.get(said.group(1))
            if stated is not None:
                answer.text = SAID.say("confirmed", answer=answer.text) if stated == months else SAID.say(
                    "months_not_stated", stated=stated, answer=answer.text)
        for e in self.facts.events:
            year, _, month = e.date.partition("-")
            if month and (int(year), int(month)) in (first, second):
                answer.text += f"\n{events.date_label(e)}: {e.title}."
                answer.add_sources(e.source)
        intent = self.intent_for_answer.get("events.when", QUOTE_INTENT)
        return self._answer(u, Candidate(intent, ANSWER_AT), answer), self._next_context(u, intent.id, answer, t.now)

    def _unreadable(self, t: Turn) -> Turned | None:
        """Nothing to read: empty, an unreadable year, a subject the lexicon knows is not covered."""
        u = t.u
        if not u.text:
            return self._decline(u, "empty"), t.context
        if u.bad_periods and not _ASKS_MONTHS.search(u.text):  # ("how many months between July 2012 and ...?")
            return self._decline(u, "bad_period"), t.context
        if u.reading.outside:
            return self._decline(u, "not_covered", typed=t.text), t.context
        if u.reading.uncounted and not says_any(u.text, ("quoted", "quote", "quotes", "named", "mentioned")):
            return self._decline(u, "not_counted"), t.context  # (but "how many people are quoted?" the article
        return None  # answers: its own people, counted)

    def _rank(self, t: Turn) -> Turned | None:
        """A follow-up repeats or recomputes the last figures; anything else is ranked by the matcher."""
        u, context = t.u, t.context
        elliptical = followups.is_elliptical(u, context, self.figure_ops) or (
            context.intent in self.figure_ops and (" ".join(u.text.split()) in self.frames.check_list("what_was_it")
                                                   or _FIGURE_AGAIN.fullmatch(u.text) is not None))
        if elliptical and self._onward(u):
            elliptical = False  # "and from there to 2013/14?": a new pair of years, the last one first
        if elliptical and context.intent in self.figure_ops:
            cued = operation_cue(self.frames, u.rest, u.reading.tokens)
            last = context.op or self.figure_ops[context.intent]
            if cued is not None and cued != last:
                elliptical = False  # "and how many percentage points higher in 2013/14?": a new computation
            elif last == "value" and {"change", "rise", "fall"} & set(u.reading.tokens) and (
                    len(u.query.periods) >= 2 or any(r.kind in ("previous", "next") for r in u.refs)):
                elliptical = False  # "so overall change from the first year to the last?" after single figures, "and
                # the change on the year before?" after one year's
            elif last == "value" and "compare" in u.reading.tokens and (u.query.periods or followup_op(
                    self.frames, u.text, u.reading.tokens) == "percent"):
                elliptical = False  # "and how does that compare with 2012/13 (in percent)?": the change between
            elif last == "total" and followup_op(self.frames, u.text, u.reading.tokens) == "average":
                elliptical = False  # "per year?" after a total is its average, not each year's figure
            elif last == "total" and followup_op(self.frames, u.text, u.reading.tokens) == "percent":
                elliptical = False  # "so what % overall?" after the two totals: the share published over them
            elif last in ("value", "identify") and not u.refs and followup_op(
                    self.frames, u.text, u.reading.tokens) == "percent":
                elliptical = False  # "and the percentage published?" after a year's two figures: its share
        t.elliptical = elliptical
        t.yesno = asks_verdict(self.frames, u.rest, u.reading.tokens, u.question_mark)  # read once, used by several
        if not elliptical and context.intent in self.figure_ops:
            reframed = self._figure_followup(u, context)
            if reframed is not None:
                intent, frame = reframed
                answer = algebra.evaluate(self.facts, self.frames, frame, u.query)
                return self._answer(u, Candidate(intent, 0.9), answer), self._next_context(
                    u, intent.id, answer, t.now, frame.op)
        if elliptical:
            followups.repeat(u, context, self.lexicon, self._asks_both(u))
            intent = self.intents.get(context.intent)
            assert intent is not None
            t.decision = Decision("answer", (Candidate(intent, 0.9),))
        else:
            t.ranking[:] = calibrate.rank(u, self.matcher, self.lexicon)
            decision = decide(t.ranking)
            decision = self._stays_on_topic(u, context, decision)
            decision = self._about_a_body(u, decision)
            decision = self._why_asks_reasons(u, decision)
            decision = self._told_of_by_a_reason(u, decision)
            decision = self._fall_linked(u, decision)
            decision = self._described_by(u, decision)
            decision = self._who_asks_no_figure(u, decision)
            decision = self._fiscal_year_of_event(u, decision)
            decision = self._released_that_month(u, decision)
            decision = self._timeline_asked(u, decision)
            decision = self._part_played(u, decision)
            t.decision = self._more_of_the_same(u, context, decision)
        return None

    def _told_of_by_a_reason(self, u: Understood, decision: Decision) -> Decision:
        """"What was the problem with the old SCR process?", "how did the old system affect publication?": what a
        reason's explanation tells of (reasons.yaml `about`) is asked of the reasons, when they rank near the top
        and no figure is asked for."""
        why = self.intent_for_answer.get("reasons.why")
        top = decision.top
        if why is None or top is None or (top.intent == why and decision.action == "answer") or any(
                r.kind != "all" for r in u.refs) or u.query.has("many", "number") or any(ch.isdigit() for ch in u.rest):
            return decision
        near = next((c for c in decision.candidates if c.intent == why and (
            c.confidence >= top.confidence - 0.1 or decision.action != "answer")), None)
        if near is None or not reasons.told_of(self.facts, u.text) or says_any(
                u.text, ("mean", "means", "meaning", "define", "definition")) or u.reading.tokens[:1] in (
                ["who"], ["whose"]):  # ("what does 'pivotal' mean?", "who said it was pivotal?" asks otherwise)
            return decision
        return Decision("answer", (Candidate(why, max(near.confidence, ANSWER_AT)), *(
            c for c in decision.candidates if c is not near)))

    def _described_by(self, u: Understood, decision: Decision) -> Decision:
        """"How did the minister describe the increase?": a person's own wording, which is what they said (not the
        figures, nor the reasons)."""
        said = self.intent_for_answer.get("people.said")
        if said is None or not u.query.mentioned("person") or u.query.has("many", "number") or u.refs or (
                decision.top is not None and decision.top.intent == said) or not says_any(
                u.text, self.frames.check_list("describing")) or asks_verdict(
                self.frames, u.rest, u.reading.tokens, u.question_mark):  # ("did Timpson describe it as ...?" checks)
            return decision
        return answer_with(said, decision)

    def _who_asks_no_figure(self, u: Understood, decision: Decision) -> Decision:
        """"Who found in 2011 that SCR numbers had dropped sharply?": a who-question counts nothing, so a figures
        intent on top is no answer (the prose readers, "who did it", look instead)."""
        top = decision.top
        if top is None or decision.action != "answer" or top.intent.id not in self.figure_ops or \
                u.reading.tokens[:1] not in (["who"], ["whose"]) or u.query.has("many", "much"):
            return decision
        return Decision("clarify", tuple(c for c in decision.candidates if c.intent.id not in self.figure_ops) or
                        decision.candidates)

    def _fiscal_year_of_event(self, u: Understood, decision: Decision) -> Decision:
        """"Which financial year did Ofsted's withdrawal fall in?": an event's date, which the events answer with
        its financial year (not the year of the biggest figures)."""
        when = self.intent_for_answer.get("events.when")
        named = {m.id for m in u.reading.mentions}
        settled = decision.top is not None and decision.top.intent == when and decision.action == "answer"
        if when is None or settled or not says_any(u.text, self.frames.check_list("which_fiscal_year")) or \
                u.query.has("many", "most", "fewest") or not any(
                e.id in named or named & set(e.topics) for e in self.facts.events):
            return decision
        return answer_with(when, decision)

    def _part_played(self, u: Understood, decision: Decision) -> Decision:
        """"What part did Professor Munro play in the rise?": who that person is and what they did, which is their
        part (not "what role did the panel play, according to Woolmore?", whose subject is the panel)."""
        who = self.intent_for_answer.get("people.who")
        m = _PART_PLAYED.match(u.text)
        if who is None or m is None or not any(
                x.kind == "person" and x.text in m.group(1).replace("'s", "") for x in u.reading.mentions):
            return decision
        return answer_with(who, decision)

    def _released_that_month(self, u: Understood, decision: Decision) -> Decision:
        """"What was released in March 2013?", "what came out in 2013?": what happened then, which an event says
        (the article has no monthly or calendar-year figures, and "what" asks for a thing, not a count)."""
        when = self.intent_for_answer.get("events.when")
        tokens = u.reading.tokens
        second = tokens[1] if len(tokens) > 1 else ""
        asks_what = tokens[:1] == ["whatis"] or (tokens[:1] == ["what"] and (
            second in ("was", "were", "came", "got") or second in self.lexicon.measure_words))
        years = [str(y) for y in u.query.years] if not u.query.months and tokens[:1] == ["what"] and " in " in \
            f" {u.text} " else []  # "what came out in 2013?" (not "what's changed since 2012?")
        if when is None or not (u.query.months or years) or not asks_what or u.query.has(
                "many", "number", "figures", "total") or not any(
                e.date in u.query.months or e.date[:4] in years for e in self.facts.events):
            return decision
        return answer_with(when, decision)

    def _timeline_asked(self, u: Understood, decision: Decision) -> Decision:
        """"Timeline of the SCR-related changes 2011 to 2013": a timeline is of events, whatever the words around
        it ("changes" is a figures word); not "a timeline of the published figures"."""
        timeline = self.intent_for_answer.get("events.timeline")
        top = decision.top
        if timeline is None or "timeline" not in u.reading.tokens or top is None or top.intent == timeline or \
                top.intent.id not in self.figure_ops or u.query.measure or u.query.has("figures", "number", "many"):
            return decision
        return answer_with(timeline, decision)

    def _fall_linked(self, u: Understood, decision: Decision) -> Decision:
        """"What policy was the 2011 drop linked to?": torn between the reasons and the events, a fall is what the
        reasons' composer tells of (the article's reasons are for the rise; what it says of a fall is an event)."""
        why, when = self.intent_for_answer.get("reasons.why"), self.intent_for_answer.get("events.when")
        if decision.action != "clarify" or "fall" not in u.reading.tokens or why is None or \
                {c.intent for c in decision.candidates[:2]} != {why, when}:
            return decision
        chosen = next(c for c in decision.candidates if c.intent == why)
        return Decision("answer", (chosen, *(c for c in decision.candidates if c is not chosen)))

    def _why_asks_reasons(self, u: Understood, decision: Decision) -> Decision:
        """"Why did the publication rate go up?": when the reasons match as well as the figures, "why" asks
        for the reasons (the figures are what the question takes as given)."""
        why = self.intent_for_answer.get("reasons.why")
        top = decision.top
        if why is None or top is None or top.intent == why or "why" not in u.reading.tokens:
            return decision
        tied = next((c for c in decision.candidates if c.intent == why and c.confidence >= top.confidence - 1e-9), None)
        if tied is None:
            return decision
        return Decision(decision.action, (tied, *(c for c in decision.candidates if c is not tied)))

    def _source_followup(self, t: Turn) -> Turned | None:
        """"Says who?", "is that right?": the sentences behind the last answer, with who said them."""
        u, context = t.u, t.context
        if context.op in SUPPOSED_OPS and t.yesno and says_any(u.text, self.frames.check_list("in_article")):
            # "are those actual figures in the article?" after a what-if: no, worked out from them
            years = fmt.join([p.label for p in self.facts.periods])
            said = Answer(SAID.say("arithmetic_not_article", years=years))
            kept = self._next_context(u, context.intent or "meta.source", said, t.now, context.op)
            kept.periods, kept.measure = list(context.periods), context.measure
            return self._answer(u, Candidate(self.intents.get("meta.source") or QUOTE_INTENT, 0.9), said), kept
        if not (context.sources and " ".join(u.text.split()) in self.frames.source_followups):
            return None
        source = COMPOSERS["meta.source"](self.facts, u.query)
        if set(u.text.split()) & {"who", "whom"}:  # "who said so?": the people first, then the sentences
            # (who gives the reasons cited, if any are: Munro recommended the changes, Woolmore gave them as causes)
            said = list(dict.fromkeys(r.said_by for r in self.facts.reasons if r.said_by in self.facts.people and {
                s.line for s in r.sources} & set(context.sources))) or list(dict.fromkeys(
                st.by for st in self.facts.statements if st.source.line in context.sources
                and st.by in self.facts.people))
            if said:
                named = fmt.join([f"{self.facts.people[p].name} ({self.facts.people[p].role})" for p in said])
                source.text = SAID.say("as_reported", named=named) + "\n" + source.text
                source.people[:0] = said
        kept = self._next_context(u, context.intent or "meta.source", source, t.now)
        kept.sources, kept.periods = list(context.sources), list(context.periods)
        # what the sentence shown names is what "that" means next ("in what?" - "when was that published?": the
        # review the sentence names, not the subject of the answer before)
        shown = [s.line for s in source.sources if s.source == self.facts.article.sentences[0].source]
        kept.topics = self._named_in(shown) if " ".join(u.text.split()) in self.frames.check_list("in_what") else \
            list(context.topics)
        kept.measure, kept.measures = context.measure, list(context.measures)  # ("that's wrong, it was 31" next)
        return self._answer(u, Candidate(self.intents.get("meta.source") or QUOTE_INTENT, 0.9), source), kept

    def _now_followup(self, t: Turn) -> Turned | None:
        """"And now?", "is that still the case?" after how things were: the sentence on how they are now."""
        u, context = t.u, t.context
        now_only = bool(u.refs) and all(r.kind == "now" for r in u.refs) and set(u.reading.signature) <= set(
            self.frames.check_list("now_only"))  # "and now?", "what about now?", "what's the position now?"
        now_only = now_only or " ".join(u.text.split()) in self.frames.check_list("still")  # "still the case?"
        # "do they still always have to go back that far?": how it is now, in the words of the sentence saying so
        asked_now = t.yesno and passages.speaks_of_now(self.frames, u.text) and not u.refs
        if not ((now_only or asked_now) and context.sources and context.intent not in self.figure_ops
                and not u.query.measure):
            return None
        current = passages.now_of(self.facts, context.sources)
        if current is None:
            return None
        if not now_only:
            lines = [s.line for s in current.sources]
            if passages.within(self.passages, lines, u.text) is None:
                return None
            said = normalise(current.sources[0].text)
            agrees = denies(self.frames, said) == denies(self.frames, u.text)
            current.text = SAID.say("confirmed" if agrees else "denied", answer=current.text)
        kept = self._next_context(u, context.intent or QUOTE_INTENT.id, current, t.now)
        return self._answer(u, Candidate(QUOTE_INTENT, ANSWER_AT), current), kept

    def _in_last_sentences(self, t: Turn) -> Turned | None:
        """"How far back?" after an answer about family history: a short question about the words of the last
        answer's sentences is answered by the one that uses them, not by a nearby intent ("how far back do the
        figures go?")."""
        u, context = t.u, t.context
        if not context.sources or context.intent in self.figure_ops or u.refs or u.query.measure or \
                u.reading.mentions or u.reading.pronouns or not set(u.reading.tokens) & set(
                    self.frames.check_list("about_it")) or len(u.reading.tokens) > 2 * WITHIN_WORDS + 2 or len(
                    [w for w in u.reading.tokens if w not in self.lexicon.stopwords and w not in self.frames.anaphors]
                ) > WITHIN_WORDS:
            return None
        sentence = passages.within(self.passages, context.sources, u.text)
        if sentence is None:
            return None
        if u.text.startswith("how ") and not any(ch.isdigit() for ch in sentence.text):
            # "how far back?" after "they need not go back that far": the amount is in the sentence before
            before = passages.within(self.passages, [sentence.line - 1], u.text)
            sentence = before if before is not None and any(ch.isdigit() for ch in before.text) else sentence
        answer = passages.quoted_sentence(self.facts, sentence)
        kept = self._next_context(u, QUOTE_INTENT.id, answer, t.now)
        kept.topics = list(context.topics)
        return self._answer(u, Candidate(QUOTE_INTENT, ANSWER_AT), answer), kept

    def _when_of_last(self, t: Turn) -> Turned | None:
        """"When?", "when was that?" right after an answer: the dates of the events that answer is about, or that
        the article doesn't say when (Timpson's answer to the parliamentary question is undated)."""
        u, context = t.u, t.context
        if not context.sources or " ".join(u.text.split()) not in self.frames.check_list("when_last"):
            return None
        dated = [e for e in self.facts.events if e.source.line in context.sources or e.id in context.topics]
        if not dated:  # "whose idea was that?" (Munro's) - "when did it happen?": the change she recommended
            cited = {r.event for r in self.facts.reasons if {s.line for s in r.sources} & set(context.sources)}
            dated = [e for e in self.facts.events if e.id in cited] if len(cited) == 1 else []
        if not dated:  # "when?" after Munro's recommendations: her review is undated
            return self._decline(u, "doesnt_say", None, Answer(self.unknowns.undated)), context
        answer = Answer("\n".join(f"{e.title}: {events.date_label(e)}." for e in dated))
        answer.add_sources(*(e.source for e in dated))
        answer.topics.extend(dict.fromkeys(t for e in dated for t in (e.id, *e.topics)))
        intent = self.intent_for_answer.get("events.when", QUOTE_INTENT)
        return self._answer(u, Candidate(intent, ANSWER_AT), answer), self._next_context(u, intent.id, answer, t.now)

    def _which_mattered_more(self, t: Turn) -> Turned | None:
        """"Which was more important, the Ofsted change or the guidance?": the article ranks neither; it gives the
        weight each was given and who gave it."""
        u = t.u
        if u.refs or u.query.measure or " year" in u.text or not says_any(u.text, self.frames.check_list(
                "mattered_more")):
            return None  # (not "which year was more important for publication?")
        named = {m.id for m in u.reading.mentions} | (set(t.context.topics) if not u.reading.mentions else set())
        causes = [r for r in self.facts.reasons if r.stance == "cause"]
        if len(causes) < 2 or (u.reading.mentions and not named & {x for r in causes for x in (*r.topics, r.event)}):
            return None
        who = self.facts.people.get(causes[0].said_by)
        weights = fmt.join([SAID.say("reason_weight", reason=lower_first(r.title), weight=r.weight)
                            for r in causes if r.weight])
        answer = Answer(SAID.say("not_ranked", name=who.name, weights=weights) if who else SAID.say(
            "not_ranked_unattributed", weights=weights))
        for r in causes:
            answer.add_sources(*r.sources[:1])
        intent = self.intent_for_answer.get("reasons.why", QUOTE_INTENT)
        return self._answer(u, Candidate(intent, ANSWER_AT), answer), self._next_context(u, intent.id, answer, t.now)

    def _why_of_last(self, t: Turn) -> Turned | None:
        """"Why?", "why not?" right after an answer whose own cause the article doesn't give: Woolmore's view of
        the panel, or the gap between the yearly counts. (After the figures, "why?" asks why they rose.)"""
        u, context = t.u, t.context
        if " ".join(u.text.split()) not in self.frames.check_list("why_last") or self.unknowns is None:
            return None
        derived = {d.id for d in self.frames.derived}
        last = self.intents.get(context.intent or "")
        stance = last is not None and last.answer in ("reasons.why", "reasons.counter") and "scr_panel" in \
            context.topics[:1]  # (after "by whom?" about the panel, "why?" asks what it was set up for)
        about = "panel_reasons" if stance else "unpublished_reasons" if context.op == "gap" or \
            context.measure in derived else None
        said = next((a.says for a in self.unknowns.asks if a.id == about), None)
        if said is None:
            return None
        return self._decline(u, "doesnt_say", None, Answer(said)), context

    def _recommendations_done(self, t: Turn) -> Turned | None:
        """"Were those recommendations implemented?" after what Munro recommended: what became of each, as the
        reasons say (the change each recommendation became, and when)."""
        u, context = t.u, t.context
        if not t.yesno or not u.query.has("happened") or u.refs:
            return None
        people = [p for p in (*u.query.mentioned("person"), *context.people) if p in self.facts.people]
        done = [r for r in self.facts.reasons if r.recommended_by and r.recommended_by in people[:1] and r.event]
        if not done or not (u.query.has("recommend") or context.intent == self.intent_for_answer.get(
                "people.said", QUOTE_INTENT).id):
            return None
        lines = []
        answer = Answer("")
        for r in done:
            event = self.facts.event(r.event)
            if event is None:
                continue
            lines.append(f"• {r.recommendation or r.title}: {event.summary}")
            answer.add_sources(event.source, *(src for src in r.sources if "recommend" in src.text.lower()))
        if not lines:
            return None
        who = self.facts.people[done[0].recommended_by]
        answer.text = SAID.say("recommendations_done", name=who.name) + "\n" + "\n".join(lines)
        answer.people.append(who.id)
        answer.topics.extend(r.event for r in done)
        return self._on_last_answer(t, answer)

    def _by_whom(self, t: Turn) -> Turned | None:
        """"By whom?", "who by?" after an answer: who its sentence says did it; "who did?" after "did he say
        why?" was answered No: who gives the reasons."""
        u, context = t.u, t.context
        said = " ".join(u.text.split())
        why = self.intent_for_answer.get("reasons.why")
        givers = {r.said_by for r in self.facts.reasons}
        about_others = context.intent == why.id if why is not None else False
        about_others = about_others or bool(context.people and context.people[0] not in givers)  # (after "did he
        if said in self.frames.check_list("who_did_then") and context.sources and (
                why is None or context.intent != why.id):  # "did Munro set up the panel?" (No) - "who did?": who
            doer = passages.done_by(self.facts, context.sources)  # the sentence says did it, if one does
            if doer is not None and not doer.text.startswith(tuple(
                    self.facts.people[p].name for p in context.people if p in self.facts.people)):
                return self._on_last_answer(t, doer)
        if why is not None and about_others and said in self.frames.check_list("who_did_then"):  # say why?": No)
            answer = COMPOSERS[why.answer](self.facts, Query(tokens=["why"], context=Context()))
            return self._answer(u, Candidate(why, ANSWER_AT), answer), self._next_context(u, why.id, answer, t.now)
        if not context.sources or said not in self.frames.check_list("by_whom"):
            return None
        doer = passages.done_by(self.facts, context.sources)
        return None if doer is None else self._on_last_answer(t, doer)

    def _on_last_answer(self, t: Turn, answer: Answer) -> Turned:
        """An answer about the last answer ("by whom?", "exact words please"): the conversation stays on its
        subject."""
        kept = self._next_context(t.u, QUOTE_INTENT.id, answer, t.now)
        kept.topics = list(t.context.topics)
        return self._answer(t.u, Candidate(QUOTE_INTENT, ANSWER_AT), answer), kept

    def _by_how_much(self, t: Turn) -> Turned | None:
        """"By how many?" after an answer in words ("the number of SCRs dropped sharply"): the article gives no
        number for it, and says so; never the figures table."""
        u, context = t.u, t.context
        if not context.sources or context.intent in self.figure_ops or u.query.measure or u.refs:
            return None
        said = f" {' '.join(u.text.split())} "
        asked = next((p for p in self.frames.check_list("by_how_much") if f" {p} " in said), None)
        rest = said.replace(f" {asked} ", " ", 1).split() if asked else ["?"]
        if not set(rest) <= set(self.frames.check_list("by_how_much_rest")):  # "by how many did the numbers drop?"
            return None
        lacking = passages.unquantified(self.facts, context.sources, self.unknowns.unquantified, self.frames)
        return None if lacking is None else (self._decline(u, "doesnt_say", t.decision, lacking), context)

    def _words_of_last(self, t: Turn) -> Turned | None:
        """"Exact words please", "can you give me the quote on that?" after an answer: the words its sentences
        quote, with who said them; not a quote of someone the last answer only named."""
        u, context = t.u, t.context
        if not context.sources or (u.reading.mentions and not u.query.carried) or u.refs or u.query.measure:
            return None
        if t.yesno and re.search(r"(?<![A-Za-z])[“\"‘'][^“”\"‘’']{3,60}[”\"’'](?![A-Za-z])", t.text or ""):
            return None  # "is 'pivotal' her exact word?": about that word, which `_direct_quotes` settles
        if t.yesno and says_any(u.text, self.frames.check_list("asks_direct")) and (
                set(u.reading.tokens) & self.frames.anaphors):  # "was that a direct quote?"
            direct = passages.directly_quoted(self.facts, context.sources)
            return None if direct is None else self._on_last_answer(t, direct)
        said = set(u.text.split())
        if not said & set(self.frames.check_list("verbatim")) or not (
                said & self.frames.anaphors or len(u.reading.tokens) <= 4):
            return None
        quoted = passages.words_at(self.facts, context.sources)
        return None if quoted is None else self._on_last_answer(t, quoted)

    def _against_sum(self, t: Turn) -> Turned | None:
        """"Were more published in 2013/14 than in the two previous years combined?": one year's figure against
        the sum of others'; "did published grow faster in 2012/13 than in 2013/14?": one year's rise against
        another's. With a verdict when asked for one."""
        u = t.u
        padded = f" {u.text} "
        summing = says_any(u.text, self.frames.check_list("sum_words"))  # ("and more than both put together?")
        supposing = " if " in padded or " would " in padded or u.text.startswith((
            "double ", "triple ", "treble "))  # (a what-if: "what would double be?", "double it")
        if (t.elliptical and not summing and not supposing) or not any(w in padded for w in (
                " than ", " as ", " or ", " compare", " against ", " versus ", " vs ", " minus ", " divided by ",
                " equal", " if ", " would ", " difference between ", " double ", " triple ", " share of ",
                " percentage of ", " percent of ", " proportion of ", " part of ", " much of ", " fraction of ")):
            return None  # (and "if ... the same ... as ...": a what-if; "bigger in 2012/13 or 2013/14?": a choice)
        crossed = self._against_last_cell(t) or self._sum_of_figures(t)
        if crossed is not None:
            return crossed
        placed, at = [], 0
        for ref in u.refs:
            found = u.text.find(ref.text, at)
            if found < 0:
                continue
            at = found + len(ref.text)
            # "than the increase the year before": relative to the year this question named before it
            anchor = placed[-1][1][-1] if placed else t.context.periods[-1] if t.context.periods else None
            ids = resolve(ref, self.facts.periods, anchor).ids
            if ids:
                placed.append((found, ids))
        ids = [p.id for p in self.facts.periods]
        follows = (bool(set(u.reading.tokens) & self.frames.anaphors) or u.text.startswith((
            "and ", "so ", "compared ", "against ", "versus ", "vs ", "relative to "))) and \
            t.context.intent in self.figure_ops  # ("compared with the two years before combined?")
        summed = sums.read_sum(self.frames, u.text, placed, ids, self._measure_of, self._cells)
        if summed is None and follows and t.context.op == "total":
            summed = sums.read_vs_total(u.text, placed, (tuple(t.context.periods), t.context.measure),
                                        self._measure_of)
        for year in reversed(t.context.periods if follows and summed is None and summing else []):
            # "and more than both earlier years' put together?": a year of the last answer, the one that has them
            summed = sums.read_sum(self.frames, u.text, placed, ids, self._measure_of, self._cells,
                                   (year, t.context.measure))
            if summed is not None:
                break
        once_more = None if summed else steps.read_again(self.frames, u.text, placed, ids)
        if once_more is not None:
            return self._again(t, once_more)
        supposed_scale = None if summed else steps.read_scaled(self.frames, u.text, placed)
        if supposed_scale is not None:
            return self._scaled(t, supposed_scale)
        follows_figure = follows and t.context.op in (None, "value") and len(t.context.periods) == 1
        year_share = None if summed else sums.read_year_share(
            u.text, placed, t.context.periods[0] if follows_figure else None)
        measure_named = (self._measure_of(u.text) or (t.context.measure if follows_figure else None)) \
            if year_share is not None else None
        value_intent = self.intents.get(self.intent_for_op.get("value", ""))
        if year_share is not None and measure_named and value_intent is not None:  # "is what percentage of the
            frame = Frame("year_share", (measure_named,), (year_share.part, year_share.whole))  # 2013/14 one?"
            u.query.measure = measure_named
            answer = algebra.evaluate(self.facts, self.frames, frame, u.query)
            return self._answer(u, Candidate(value_intent, ANSWER_AT), answer), self._next_context(
                u, value_intent.id, answer, t.now, "year_share")
        part_of_rise = None if summed else steps.read_rise_share(self.frames, u.text, placed, ids)
        if part_of_rise is not None and value_intent is not None:  # "what share of the increase came in ...?"
            measure = self._measure_of(u.text)
            frame = Frame("rise_portion", (measure,) if measure else (), (*part_of_rise.span, part_of_rise.into))
            answer = algebra.evaluate(self.facts, self.frames, frame, u.query)
            return self._answer(u, Candidate(value_intent, ANSWER_AT), answer), self._next_context(
                u, value_intent.id, answer, t.now)
        supposed = None if summed else steps.read_what_if(self.frames, u.text, placed, ids)
        stepped = None if summed or supposed else steps.read_steps(self.frames, u.text, placed, ids)
        against = None if summed or supposed or stepped else steps.read_rise_vs_figure(
            self.frames, u.text, placed, ids, self._measure_of)
        intent = self.intents.get(self.intent_for_op.get("value", ""))
        if intent is None or (summed is None and stepped is None and supposed is None and against is None):
            return None
        plain = read_frame(self.frames, "value", u.text, u.rest, u.reading.tokens, [], None, u.question_mark)
        if summed is not None:
            periods = (summed.subject, *summed.summed)
            figures = {float(f.value) for f in self.facts.figures.values() if f.period in periods}
            claims = tuple(c for c in plain.claims if c.percent or c.value not in figures)  # "is 114 more than 55
            # plus 81?" claims nothing: the figures stand for their years
            frame = plain._replace(op="vs_sum", measures=summed.measures, periods=periods, span=False, range=False,
                                   overall=False, claims=claims, claim=claims[0] if claims else None)
        elif against is not None:
            rising, figure = against.measures
            rising = rising or figure or u.query.measure
            frame = plain._replace(op="rise_vs", measures=tuple(m for m in (rising, figure or rising) if m),
                                   periods=(against.into, against.year), span=False, range=False, overall=False,
                                   claims=(), claim=None)
        elif supposed is not None:
            measure = self._measure_of(u.text)
            frame = plain._replace(op="at_change", measures=(measure,) if measure else (),
                                   periods=(supposed.target, supposed.reference), span=False, range=False,
                                   overall=False, of_share=supposed.relative, yesno=False, claims=(), claim=None)
        else:
            assert stepped is not None
            measure = self._measure_of(u.text)
            frame = plain._replace(op="steps", measures=(measure,) if measure else (), periods=stepped.into,
                                   span=False, range=False, overall=False, of_share=stepped.relative, claims=(),
                                   claim=None)
        u.query.periods = list(frame.periods)
        u.query.measure = frame.measures[0] if frame.measures else u.query.measure  # ("by how many?" next)
        answer = algebra.evaluate(self.facts, self.frames, frame, u.query)
        return self._answer(u, Candidate(intent, ANSWER_AT), answer), self._next_context(
            u, intent.id, answer, t.now, frame.op)

    def _period_covered(self, t: Turn) -> Turned | None:
        """"What period does that cover?", "how many months is that?" after a year's figures: the financial
        year's first and last months."""
        u, context = t.u, t.context
        words = set(u.text.split())
        if u.query.measure or not {"period", "months", "year", "dates", "cover", "covers", "span", "correspond",
                                   "corresponds"} & words:
            return None  # (most questions: one set lookup)
        said = " ".join(u.text.split())
        if not says_any(said, self.frames.check_list("period_covered")):
            return None
        listed = self.intent_for_answer.get("figures.periods")
        ids = list(u.query.periods) or (list(context.periods) if context.intent in self.figure_ops or (
            listed is not None and context.intent == listed.id) else [])
        if len(ids) != 1:
            return None
        period = self.facts.period(ids[0])
        months = (period.end.year - period.start.year) * 12 + period.end.month - period.start.month + 1
        calendar = "calendar" in words and "or" not in words and u.reading.tokens[:1] in (["is"], ["was"], ["are"])
        # ("is 2012/13 a calendar year?": No; "a calendar year or a financial year?" is a choice)
        answer = Answer(SAID.say("not_calendar_year" if calendar else "financial_year", year=period.label,
                                 start=f"{period.start:%B %Y}", end=f"{period.end:%B %Y}", months=months))
        answer.add_sources(period.source)
        intent = self.intent_for_answer.get("figures.periods")
        if intent is None:
            return None
        kept = self._next_context(u, intent.id, answer, t.now)
        kept.periods = ids
        return self._answer(u, Candidate(intent, ANSWER_AT), answer), kept

    def _figure_disputed(self, t: Turn) -> Turned | None:
        """"That's wrong, it was 31", "sure it wasn't 71?", "I read 81" after a year's figure: the figure put
        forward is checked as a claim about that year (and measure), so it is confirmed or corrected."""
        u, context = t.u, t.context
        if context.intent not in self.figure_ops or len(context.periods) != 1 or u.refs:
            return None
        numbers = re.findall(r"(?<![\d./])(\d{1,4}(?:\.\d+)?)(?![\d/])", t.text or "")
        if len(numbers) != 1 or len(u.text.split()) > 12 or not says_any(
                u.text, self.frames.check_list("disputes")):
            return None
        measure = self._measure_of(u.text) or context.measure or (context.measures[-1] if context.measures else None)
        label = self.facts.period(context.periods[0]).label
        percent = re.search(rf"{re.escape(numbers[0])}\s*(?:%|percent|per cent)", t.text or "") is not None
        if percent or context.op in ("share", "pp_change"):  # "isn't it 71%?" after a year's publication rate
            asked = f"is it true that the publication rate was {numbers[0]}% in {label}?"
        else:
            asked = (f"is it true that {numbers[0]} SCRs were {measure} in {label}?" if measure else
                     f"is it true that there were {numbers[0]} SCRs in {label}?")
        return self._reply_one(asked, context, t.now)

    def _own_figure(self, t: Turn) -> Turned | None:
        """"Our LSCB published 2 SCRs in 2012/13: what share of the national published figure is that?": the
        asker's own figure as a share of the article's for that year and measure."""
        u = t.u
        if not {"our", "we", "my"} & set(u.text.split()):
            return None  # (most questions: one set lookup)
        stated = not (t.text or "").rstrip().endswith("?")  # ("Our LSCB commissioned 6 in 2013/14.": no claim)
        own = None if t.elliptical else sums.read_own(self.frames, u.text, stated)
        intent = self.intents.get(self.intent_for_op.get("value", ""))
        measure = self._measure_of(own.said) if own is not None else None
        measure = measure or u.query.measure
        if own is None or intent is None or measure is None or len(u.query.periods) > 1:
            return None
        if u.query.periods:
            u.query.missing = []  # ("We published 3 last year": the asker's year, not one asked of the article)
        frame = Frame("own_share", (measure,), tuple(u.query.periods), claim=Claim(own.value, False))
        answer = algebra.evaluate(self.facts, self.frames, frame, u.query)
        return self._answer(u, Candidate(intent, ANSWER_AT), answer), self._next_context(
            u, intent.id, answer, t.now, "value")

    def _scaled(self, t: Turn, supposed: steps.Scaled) -> Turned | None:
        """A year's figure scaled by a stated multiple or percentage: its arithmetic, said not to be a forecast."""
        u = t.u
        intent = self.intents.get(self.intent_for_op.get("value", ""))
        if intent is None:
            return None
        measure = self._measure_of(u.text)
        if measure is None and " of " in f" {u.text} ":  # "if half of the 2013/14 commissioned SCRs had been
            measure = self._measure_of(" ".join(f" {u.text} ".split(" of ", 1)[1].split()[:4]))  # published": of
        year = supposed.year  # the commissioned ones
        if t.context.intent in self.figure_ops and not u.refs:  # "is that more than double 2011/12?" - "what
            measure = measure or t.context.measure  # would double have been?": of the earlier year compared
            year = year or (t.context.periods[0] if t.context.periods else None)
        frame = Frame("scaled", (measure,) if measure else (), (year,) if year else (),
                      claim=Claim(supposed.factor, supposed.percent))
        answer = algebra.evaluate(self.facts, self.frames, frame, u.query)
        return self._answer(u, Candidate(intent, ANSWER_AT), answer), self._next_context(
            u, intent.id, answer, t.now, frame.op)

    def _again(self, t: Turn, once_more: steps.Again) -> Turned | None:
        """The same rise once more after the last year: its arithmetic, said not to be a forecast."""
        u = t.u
        intent = self.intents.get(self.intent_for_op.get("value", ""))
        if intent is None:
            return None
        measure = self._measure_of(u.text) or (t.context.measure if t.context.intent in self.figure_ops else None)
        frame = read_frame(self.frames, "value", u.text, u.rest, u.reading.tokens, [], None)._replace(
            op="again", measures=(measure,) if measure else (), periods=(once_more.reference,) if once_more.reference
            else (), of_share=once_more.relative, yesno=False, claims=(), claim=None, span=False, range=False)
        u.query.missing, u.query.notes = [], []
        answer = algebra.evaluate(self.facts, self.frames, frame, u.query)
        return self._answer(u, Candidate(intent, ANSWER_AT), answer), self._next_context(
            u, intent.id, answer, t.now, frame.op)  # ("and publications, same logic?" does it again)

    def _against_last_cell(self, t: Turn) -> Turned | None:
        """"Was that more or less than published in 2013/14?" right after a year's count of the other measure:
        that count against this one, asked again in full."""
        u, context = t.u, t.context
        last = context.periods
        if context.intent not in self.figure_ops or context.op not in (None, "value") or len(last) != 1 or \
                not context.measure or u.query.measure in (None, context.measure) or len(u.query.periods) != 1 or \
                not set(u.reading.tokens) & self.frames.anaphors or " than " not in f" {u.text} ":
            return None
        asked = (f"how many more were {context.measure} in {self.facts.period(last[0]).label} than "
                 f"{u.query.measure} in {self.facts.period(u.query.periods[0]).label}?")
        return self._reply_one(asked, Context(), t.now)

    def _against_the_average(self, t: Turn) -> Turned | None:
        """"Which year's figure was closest to that?", "which years were above the average?" right after an
        average: each year's figure set against it."""
        u, context = t.u, t.context
        if context.op != "average":
            return None  # (most questions: one comparison)
        closest = says_any(u.text, self.frames.check_list("closest"))
        above, below = (says_any(u.text, self.frames.check_list(k)) for k in ("above_average", "below_average"))
        measure = u.query.measure or context.measure
        if not measure or not (closest or above or below):
            return None
        found = [(p, f) for p in context.periods if (f := self.facts.value(p, measure))]
        figures = [(p, f.value) for p, f in found]
        if len(figures) < 2:
            return None
        mean = sum(v for _, v in figures) / len(figures)

        num = fmt.decimal

        def shown(p: str, v: float) -> str:
            return SAID.say("year_above_average" if v > mean else "year_below_average", year=self.facts.period(p).label,
                            value=num(v), by=num(abs(v - mean)))

        if closest:
            p, v = min(figures, key=lambda pv: abs(pv[1] - mean))
            text = SAID.say("closest_to_average", mean=num(mean), measure=measure, year=shown(p, v))
        else:
            picked = [(p, v) for p, v in figures if (v > mean if above else v < mean)]
            years = fmt.join([shown(p, v) for p, v in picked]) if picked else SAID.say("no_years")
            text = SAID.say("above_average" if above else "below_average", mean=num(mean), measure=measure,
                            years=years)
        answer = Answer(text)
        answer.add_sources(*(f.source for _, f in found))
        return self._on_last_figures(t, answer, "average", measure)

    def _on_last_figures(self, t: Turn, answer: Answer, op: str | None, measure: str | None) -> Turned | None:
        """An answer about the last answer's figures, given as that intent's, its years and `measure` kept for the
        next turn ("and which was closest?", "and published?")."""
        intent = self.intents.get(t.context.intent or "")
        if intent is None:
            return None
        kept = self._next_context(t.u, intent.id, answer, t.now, op)
        kept.periods, kept.measure = list(t.context.periods), measure
        return self._answer(t.u, Candidate(intent, ANSWER_AT), answer), kept

    def _in_raw_numbers(self, t: Turn) -> Turned | None:
        """"In raw numbers?", "and in absolute terms?" after a change or a comparison in percent: the same years'
        change, which says it in numbers (and in percent beside them)."""
        u, context = t.u, t.context
        said = " ".join(u.text.split())
        for lead in self.frames.check_list("followup_leads"):
            said = said.removeprefix(f"{lead} ")
        if said not in self.frames.check_list("in_numbers") or context.intent not in self.figure_ops or \
                context.op not in ("faster", "change", "pp_change", "times") or len(context.periods) < 2:
            return None
        op = "faster" if context.op == "faster" else "change"
        measure = None if op == "faster" else context.measure
        intent = self.intents.get(self.intent_for_op.get("change", "")) or self.intents.get(context.intent or "")
        if intent is None:
            return None
        u.query.periods, u.query.measure = list(context.periods), measure
        frame = read_frame(self.frames, op, u.text, u.rest, u.reading.tokens, list(context.periods), measure)._replace(
            op=op, periods=tuple(context.periods), measures=(measure,) if measure else (), yesno=False, claims=(),
            claim=None)
        answer = algebra.evaluate(self.facts, self.frames, frame, u.query)
        return self._answer(u, Candidate(intent, 0.9), answer), self._next_context(u, intent.id, answer, t.now, op)

    def _difference_of_two(self, t: Turn) -> Turned | None:
        """"And the difference?" after one year's commissioned and then its published figure: the gap between the
        two figures just given (not the change from the year before)."""
        u, context = t.u, t.context
        said = u.text.split()
        if context.intent not in self.figure_ops or context.op not in (None, "value") or (
                u.refs and u.query.periods != context.periods) or u.query.measure or len(said) > 6 or not says_any(
                u.text, self.frames.check_list("difference_of_two")):
            return None
        measures = context.measures[-2:]
        if len(context.periods) != 1 or len(set(context.history[-2:])) != 1 or len(set(measures)) != 2:
            return None  # (one year, its two measures asked one after the other)
        year, (m1, m2) = context.periods[0], measures
        first, second = self.facts.value(year, m1), self.facts.value(year, m2)
        if first is None or second is None:
            return None
        more, less = (m1, m2) if first.value >= second.value else (m2, m1)
        return self._reply_one(f"how many more were {more} than {less} in {self.facts.period(year).label}?",
                               Context(), t.now)

    def _which_of_two(self, t: Turn) -> Turned | None:
        """"Which is bigger?" after two answers of one figure each (two years, two measures, or two gaps): the
        two compared, asked again in full."""
        u, context = t.u, t.context
        said = set(u.text.split())
        if context.intent not in self.figure_ops or context.op not in (None, "value", "gap", "share") or u.refs or \
                u.query.measure or not said & {"which", "what"} or not said <= set(
                self.frames.check_list("which_of_two")) or not said & set(self.frames.check_list("comparatives")):
            return None
        years, measures = context.history[-2:], context.measures[-2:]
        value = self.facts.value
        if context.op == "share" and len(set(years)) == 2 and self.frames.derived:  # two years' shares published
            of, minus = self.frames.derived[0].of, self.frames.derived[0].minus
            rates = [(value(y, minus), value(y, of)) for y in years]
            if not all(a and b and b.value for a, b in rates):
                return None
            lower = says_any(" ".join(said), self.frames.check_list("lower_words"))
            (a1, b1), (a2, b2) = rates
            r1, r2 = 100 * a1.value / b1.value, 100 * a2.value / b2.value
            pick = (0 if r1 < r2 else 1) if lower else (0 if r1 > r2 else 1)
            y = years[pick]
            answer = Answer(SAID.say("rate_lower" if lower else "rate_higher", year=self.facts.period(y).label,
                                     rate=fmt.number(round((r1, r2)[pick], 1)),
                                     other_rate=fmt.number(round((r2, r1)[pick], 1)),
                                     other_year=self.facts.period(years[1 - pick]).label,
                                     points=fmt.number(round(abs(r1 - r2), 1))))
            answer.add_sources(a1.source, b1.source, a2.source, b2.source)
            kept = self._next_context(u, context.intent or "", answer, t.now, "share")
            kept.periods, kept.measure = list(years), context.measure
            return self._answer(u, Candidate(self.intents.get(context.intent or "") or QUOTE_INTENT, ANSWER_AT),
                                answer), kept
        if context.op == "gap" and len(set(years)) == 2 and self.frames.derived:
            a, b = (self.facts.period(y).label for y in years)
            of, minus = self.frames.derived[0].of, self.frames.derived[0].minus
            sides = [(value(y, of), value(y, minus), SAID.say("gap_in", year=self.facts.period(y).label))
                     for y in years]
            if not all(x and z for x, z, _ in sides):
                return None
            cells = [(x.value - z.value, what) for x, z, what in sides]
            asked = f"how much bigger was the gap in {a} than in {b}?"
        elif context.op != "gap" and len(measures) == 2 and len(set(zip(
                years if len(years) == 2 else years * 2, measures, strict=True))) == 2:
            (y1, y2), (m1, m2) = (years if len(years) == 2 else years * 2), measures
            found = [value(y1, m1), value(y2, m2)]
            if not all(found):
                return None
            cells = [(f.value, SAID.say("figure_in", value=f.value, measure=m, year=self.facts.period(y).label))
                     for f, m, y in zip(found, (m1, m2), (y1, y2), strict=True)]
            asked = (f"how many more were {m1} in {self.facts.period(y1).label} than {m2} in "
                     f"{self.facts.period(y2).label}?")
        else:
            return None
        reply, kept = self._reply_one(asked, Context(), t.now)
        (v1, w1), (v2, w2) = cells
        lower = says_any(" ".join(said), self.frames.check_list("lower_words"))  # "which is lower?"
        first = (v1 < v2) if lower else (v1 > v2)
        chosen = w1 if first else w2
        lead = SAID.say("both_the_same", value=fmt.number(v1)) if v1 == v2 else SAID.say(
            "smaller_by" if lower else "bigger_by", which=f"{chosen[:1].upper()}{chosen[1:]}",
            by=fmt.number(abs(v1 - v2)))
        return reply._replace(text=f"{lead}\n{reply.text}"), kept

    def _sum_of_figures(self, t: Turn) -> Turned | None:
        """"What's 114 minus 71?": figures of the article named by their values, each one year's count of one
        measure, asked again with their years and measures ("commissioned in 2013/14 minus published in
        2013/14")."""
        u = t.u
        compared = " than " in f" {u.text} " and u.text.split()[:1] in (["is"], ["was"], ["are"], ["were"])
        if u.refs or not (compared or any(f" {w} " in f" {u.text} " for w in ("minus", "divided by"))):
            return None  # (and "is 114 more than 55?": the two yearly figures compared)
        named = sums.cells_named(u.text, self._cells)
        if named is None or len(named) != 2:
            return None
        asked = u.text
        for found, (period, measure) in reversed(named):  # (from the end, so the earlier spans stay put)
            asked = f"{asked[:found.start()]}{measure} in {self.facts.period(period).label}{asked[found.end():]}"
        return self._reply_one(asked + "?", Context(), t.now)

    def _named_in(self, lines: list[int]) -> list[str]:
        """What the article's sentences at these lines name, people aside ("whose idea was ending it?" after a
        quote about Ofsted's evaluations is about Ofsted)."""
        index = self.passages
        return list(dict.fromkeys(m.id for s, named in zip(index.sentences, index.mentions, strict=True)
                                  if s.line in lines for m in named if m.kind != PERSON_TOKEN and m.id != "scr"))

    def _measure_of(self, text: str) -> str | None:
        """The one measure a piece of a question names, as the lexicon reads it ("publications" is published)."""
        named = {self.lexicon.measure_words[t] for t in self.lexicon.read(text, template=True).tokens
                 if t in self.lexicon.measure_words}
        return named.pop() if len(named) == 1 else None

    @functools.cached_property
    def _cells(self) -> dict[float, list[tuple[str, str]]]:
        """Each yearly figure's value, with the year and measure it is of: "55 plus 81" names two cells."""
        cells: dict[float, list[tuple[str, str]]] = {}
        for f in self.facts.figures.values():
            cells.setdefault(float(f.value), []).append((f.period, f.measure))
        return cells

    def _by_position(self, t: Turn) -> Turned | None:
        """"What does the final paragraph say?", "the article's opening line": that sentence, quoted."""
        where = passages.sentence_at(self.facts, t.u, self.frames)
        if where is None or t.elliptical:
            return None
        return self._answer(t.u, Candidate(QUOTE_INTENT, ANSWER_AT), where), self._next_context(
            t.u, QUOTE_INTENT.id, where, t.now)

    def _whose_idea(self, t: Turn) -> Turned | None:
        """"Whose idea was that originally?" is about the last answer; "why did Ofsted stop evaluating SCRs -
        whose idea?" names its own subject. What someone recommended is an answer of the kind "what did she say"."""
        u, context = t.u, t.context
        whose = bool({"who", "whose"} & set(u.text.split())) and u.query.has("recommend")
        if not whose or t.elliptical:
            return None
        named = [m.id for m in u.reading.mentions if m.id != "scr" and m.kind != "person"]
        # ("who recommended the change in the first place?" names nothing either: the last answer's subject)
        points_back = bool(set(u.reading.tokens) & followups.ANAPHORS or not named) and not u.query.mentioned(
            "person")
        # one sentence's subject ("whose idea was ending it?" after a quote), or what the sentences name when the
        # question points at nothing in them ("who recommended the change?")
        anaphor = bool(set(u.reading.tokens) & followups.ANAPHORS)
        quoted = self._named_in(context.sources) if len(context.sources) == 1 or not anaphor else []
        topics = (list(context.topics) or quoted) if points_back else named
        givers = set(u.query.mentioned("person"))
        every = not topics and bool(givers)
        if every:  # "whose review recommended the changes Woolmore links to the rise?": her reasons, each
            topics = [r.event for r in self.facts.reasons if r.said_by in givers and r.stance == "cause" and r.event]
        if not topics or t.yesno:
            return None
        idea = reasons.recommender(self.facts, u.query, topics, every)
        if idea is None:
            return None
        said = self.intent_for_answer.get("people.said", QUOTE_INTENT)
        return self._answer(u, Candidate(said, ANSWER_AT), idea), self._next_context(u, said.id, idea, t.now)

    def _example(self, t: Turn) -> Turned | None:
        """"Give me an example", "what example does Woolmore give of ...": the article's own example."""
        u, context = t.u, t.context
        if t.elliptical or not u.query.has("example", "instance"):
            return None
        lines = context.sources or self._lines_about(u)
        fresh = not context.sources  # asked afresh: with the sentence it is an example of
        example = passages.example_of(self.facts, lines, fresh) if lines else None
        topic = set(u.reading.known) - {"example", "instance", "scr", "person"}
        if example is None and topic:  # "her example about family history": the article's example it describes
            found = self.passages.search(passages.without(u, {"example", "instance", *u.reading.unknown}), limit=3)
            example = passages.example_of(self.facts, [s.line for s, _ in found], fresh) if found else None
        if example is None:
            return self._decline(u, "doesnt_say", None, Answer(SAID.say("no_example"))), context
        kept = self._next_context(u, context.intent or QUOTE_INTENT.id, example, t.now)
        kept.topics = list(context.topics)
        return self._answer(u, Candidate(QUOTE_INTENT, ANSWER_AT), example), kept

    def _is_that_a_lot(self, t: Turn) -> Turned | None:
        """"Is that a lot?" after a year's figure: the article doesn't judge it, but its other years set it in
        context (the same measure in every year it gives)."""
        u, context = t.u, t.context
        if context.intent not in self.figure_ops or context.op not in (None, "value") or u.refs or \
                " ".join(u.text.split()).rstrip("?") not in self.frames.check_list("size_judged"):
            return None
        intent = self.intent_for_answer.get("figures.count")
        if intent is None:
            return None
        q = self.understand("", Context())  # every year's figure of the last measure (both, if it named none)
        q.query.periods, q.query.measure = [p.id for p in self.facts.periods], context.measure
        answer = COMPOSERS[intent.answer](self.facts, q.query)
        answer.text = SAID.say("not_judged") + "\n" + answer.text
        kept = self._next_context(q, intent.id, answer, t.now)
        return self._answer(u, Candidate(intent, ANSWER_AT), answer), kept

    def _is_that_the_highest(self, t: Turn) -> Turned | None:
        """"Is that the highest figure in the article?" after a year's figure: Yes or No, against that measure's
        other years (or every figure, when "in the article" or "of all" is said)."""
        u, context = t.u, t.context
        if context.intent not in self.figure_ops or context.op not in (None, "value") or u.refs or \
                context.measure is None or len(context.periods) != 1 or not t.yesno or not (
                set(u.reading.tokens) & self.frames.anaphors) or not u.query.has("most", "fewest"):
            return None
        mine = self.facts.value(context.periods[0], context.measure)
        if mine is None:
            return None
        every = says_any(u.text, self.frames.check_list("every_figure"))  # "... in the article?": of all its figures
        figures = [f for f in self.facts.figures.values() if every or f.measure == context.measure]
        lowest = u.query.has("fewest")
        best = (min if lowest else max)(figures, key=lambda f: f.value)
        word = SAID.say("lowest" if lowest else "highest")
        scope = SAID.say("of_every_figure") if every else SAID.say("of_the_measure", measure=context.measure)
        if best.value == mine.value:
            text = SAID.say("is_the_extreme", value=fmt.number(mine.value), highest_or_lowest=word, scope=scope)
        else:
            text = SAID.say("not_the_extreme", highest_or_lowest=word, scope=scope, best=fmt.number(best.value),
                            best_measure=best.measure, best_year=self.facts.period(best.period).label,
                            value=fmt.number(mine.value), measure=context.measure,
                            year=self.facts.period(context.periods[0]).label)
        answer = Answer(text)
        answer.add_sources(*dict.fromkeys(f.source for f in figures))  # (in the fact base's order, every run)
        return self._on_last_figures(t, answer, None, context.measure)

    def _not_in_article(self, t: Turn) -> Turned | None:
        """A known subject asked for what the fact base never holds: "the article doesn't say"."""
        if t.elliptical:
            return None
        lacking = passages.doesnt_say(self.facts, t.u, self.unknowns)
        if lacking is None and not t.u.reading.mentions and len(t.u.reading.tokens) <= 6:
            lacking = self._not_in_article_either(t)
        if lacking is None:
            return None
        if not lacking.lacking:  # "how far back in the old system, and now?": the article's half is the answer
            return self._answer(t.u, Candidate(QUOTE_INTENT, ANSWER_AT), lacking), self._next_context(
                t.u, QUOTE_INTENT.id, lacking, t.now)
        named = [m.id for m in t.u.reading.mentions if m.kind != PERSON_TOKEN and m.id != "scr"]
        if not named or t.u.query.carried:
            return self._decline(t.u, "doesnt_say", t.decision, lacking), t.context
        c = t.context  # "what was the PQ about?" - "who answered it?": about the PQ
        kept = Context(c.intent or QUOTE_INTENT.id, list(c.periods), list(c.history), c.measure, list(c.people), named,
                       [], t.now, c.op, [], list(c.measures), list(c.topics))
        return self._decline(t.u, "doesnt_say", t.decision, lacking), kept

    def _not_in_article_either(self, t: Turn) -> Answer | None:
        """A short follow-up about the last answer's subject that the article doesn't answer: "who wrote it?"
        after the article's date, "how many are there in England?" after LSCBs."""
        u, context = t.u, t.context
        source = self.intent_for_answer.get("meta.source")
        if source is not None and context.intent == source.id and set(u.text.split()) & {"it", "this", "that"}:
            asked = re.sub(r"\b(?:it|this|that)\b", "the article", u.text, count=1)  # "who wrote it?": the article
            return passages.doesnt_say(self.facts, self.understand(asked, Context()), self.unknowns)
        carried = [m for topic in context.topics[:1] if (m := followups.mention_of(self.facts, topic))]
        if not carried or context.intent in self.figure_ops:
            return None
        lacking = passages.doesnt_say(self.facts, u._replace(reading=u.reading._replace(mentions=carried)),
                                      self.unknowns)
        counted = set(self.lexicon.not_counted) | {"lscbs"}
        if lacking is None and u.query.has("many") and {"there", "exist"} & set(u.text.split()) and \
                carried[0].id in counted:  # "how many are there?" after LSCBs: never counted
            lacking = Answer(self.unknowns.uncounted)
            lacking.lacking = True
        return lacking

    def _everything_about(self, t: Turn) -> Turned | None:
        """"What does the article say about the SCR panel?": every sentence naming it; "... about family
        history?" names no subject, and the sentences that answer it are given."""
        if t.elliptical:
            return None
        about = passages.everything_about(self.facts, self.passages, t.u, self.frames)
        counts = t.u.query.has("many", "much", "total", "rate", "percent", "share") or any(
            ch.isdigit() for ch in t.u.text)  # ("... about publishing SCRs under the previous system" asks no figure)
        if about is None and not counts and not t.u.refs and passages.asks_about(self.frames, t.u.text) >= 0:
            about = passages.answer_from_passages(self.facts, self.passages, t.u)
        current = passages.now_of(self.facts, [s.line for s in about.sources]) if about and \
            passages.speaks_of_now(self.frames, t.u.text) else None
        if about is not None and current is not None and not set(current.sources) & set(about.sources):
            about.text += f"\n{current.text}"  # "... how far back LSCBs must *now* look": and how it is now
            about.add_sources(*current.sources)
        if about is None:
            return None
        return self._answer(t.u, Candidate(QUOTE_INTENT, ANSWER_AT), about), self._next_context(
            t.u, QUOTE_INTENT.id, about, t.now)

    def _first_or_last_event(self, t: Turn) -> Turned | None:
        """"What happened first?", "and last?" after the timeline: the earliest or latest event the article dates;
        when the latest year holds an event with no month, which came last is not said, and the answer says so."""
        u = t.u
        said = " ".join(u.text.split())
        timeline = self.intent_for_answer.get("events.timeline") or self.intent_for_answer.get("events.when")
        on_events = t.context.intent in {i.id for i in (timeline, self.intent_for_answer.get("events.when")) if i}
        last = says_any(said, self.frames.check_list("last_event")) or (on_events and said in ("and last", "last"))
        first = says_any(said, self.frames.check_list("first_event")) or (on_events and said in ("and first", "first"))
        if timeline is None or not (first or last) or u.query.measure or u.query.has("many", "number") or any(
                m.id != "scr" for m in u.reading.mentions) or not self.facts.events:
            return None  # (not "what happened first, the Ofsted change or the guidance?": their order)
        year = (max if last else min)(int(e.date[:4]) for e in self.facts.events)
        that_year = sorted((e for e in self.facts.events if int(e.date[:4]) == year), key=lambda e: e.date)
        undated = [e for e in that_year if "-" not in e.date]
        if len(that_year) == 1 or not undated:
            chosen = that_year[-1] if last else that_year[0]
            answer = checks.event_answer(chosen, SAID.say("last_event" if last else "first_event", title=chosen.title,
                                                          date=events.date_label(chosen), summary=chosen.summary))
        else:  # "2013" with no month beside "March 2013": the article doesn't say which came last
            listed = "; ".join(f"{e.title} ({events.date_label(e)})" if "-" in e.date else SAID.say(
                "event_no_month", title=e.title, date=events.date_label(e)) for e in that_year)
            answer = checks.event_answer(that_year[0], SAID.say(
                "last_events_undated" if last else "first_events_undated", year=year, events=listed) + "\n" + "\n".join(
                e.summary for e in that_year))
            for e in that_year[1:]:
                answer.add_sources(e.source)
                answer.topics.extend(e.topics)
        return self._answer(u, Candidate(timeline, ANSWER_AT), answer), self._next_context(
            u, timeline.id, answer, t.now)

    def _dates_of_events(self, t: Turn) -> Turned | None:
        """"The CYP Now investigation, Ofsted ending its evaluations, the revised Working Together: can you give
        me the date for each?": the events named, with their dates, in order (not "did A come before B?")."""
        u = t.u
        if t.elliptical or not says_any(" ".join(u.reading.tokens), self.frames.check_list("asks_dates")):
            return None
        if set(u.reading.tokens) & set(self.frames.check_list("before") + self.frames.check_list("after")) or (
                t.yesno and says_any(u.text, self.frames.check_list("same_time"))):
            return None  # "did Ofsted stop before the guidance was revised?", "... in the same year?": a yes or no
        if u.query.has("many", "long") or " between " in f" {u.text} ":
            return None  # "how many months passed between ...?" is the interval
        if u.refs and t.yesno:
            return None  # "Ofsted stopped in March 2013 when Working Together came out, yeah?" is a claim
        listed = events.dated(self.facts, u.query)
        if listed is None:
            return None
        intent = self.intent_for_answer.get("events.timeline", QUOTE_INTENT)
        return self._answer(u, Candidate(intent, ANSWER_AT), listed), self._next_context(u, intent.id, listed, t.now)

    def _reroute_figures(self, t: Turn) -> Turned | None:
        """"What's the 71 then?" asks which figure it is; a figures question no template matched is routed by
        its frame ("average published per year over the three years?"). Only re-ranks."""
        u = t.u
        if t.elliptical:
            return None
        asks_when = u.text.startswith("when ") or (bool(set(u.text.split()) & {"which", "what"}) and " year" in u.text)
        named = sums.cells_named(u.text, self._cells) if asks_when and not u.refs else None
        if asks_what_number(u.rest) or (named is not None and len(named) == 1):  # ("when were 71 published?")
            by_op = self.intent_for_op
            identify = self.intents.get(by_op.get("identify", "") or by_op.get("value", ""))
            if identify is not None:
                t.decision = answer_with(identify, t.decision)
        value = self.intents.get(self.intent_for_op.get("value", ""))
        asks_missing = bool(u.query.missing) and not u.query.periods and any(r.kind in ("fy", "cy") for r in u.refs) \
            and (u.query.measure is not None or u.query.has("number", "figures")) and not u.query.has("why", "reason")
        listed = self.intent_for_answer.get("figures.periods")
        if asks_missing and listed is not None and t.decision.top is not None and t.decision.top.intent != listed \
                and not self._asks_figures(t.decision):  # "does the article give figures for 2010/11?": which it has
            t.decision = answer_with(listed, t.decision)
        if u.query.by_event and value is not None and (
                t.decision.action != "answer" or not self._asks_figures(t.decision)) and not says_any(
                u.text, self.frames.check_list("which_fiscal_year")):  # (not "which financial year did it fall in?")
            t.decision = answer_with(value, t.decision)  # "published in the year Ofsted stopped evaluating?" asks
            # for that year's figure, not about the event
        define = self.intent_for_answer.get("terms.define")
        terms = [m for m in u.reading.mentions if m.kind == "term"]
        if define is not None and (t.decision.top is None or t.decision.top.intent != define) and len(
                terms) == 1 and len(u.reading.mentions) == 1 and set(u.reading.signature) <= {
                "whatis", "what", "mean", "means", "stand", "define", *u.reading.named} and set(
                u.reading.signature) & {"whatis", "what", "mean", "means", "stand", "define"}:
            # "what is a parliamentary question?": the term, not the person whose sentence uses it
            t.decision = answer_with(define, t.decision)
        elif define is not None and value is not None and t.decision.top is not None and \
                t.decision.top.intent == define and set(u.reading.tokens) <= {"whatis", "what", "give", "show"} and any(
                    re.search(r"\b(?:figures?|numbers?)\b", r.text) for r in u.refs):
            # "what's the latest figure?" (the period read takes the word): that year's figures, not the year
            t.decision = answer_with(value, t.decision)
        elif define is not None and value is not None and t.decision.top is not None and \
                t.decision.top.intent == define and u.query.periods and any(r.kind == "fy" for r in u.refs) and \
                {m.id for m in u.reading.mentions} == {"scr"} and not u.query.has("mean", "means", "stand"):
            # "what was the situation with SCRs in 2011/12?": that year's figures, not what an SCR is
            t.decision = answer_with(value, t.decision)
        top = t.decision.top
        if top is not None and top.intent.id not in self.figure_ops and value is not None and u.query.measure and \
                len(sums.cells_named(u.text, self._cells) or ()) >= 2 and not u.reading.mentions:
            # "I think published went from 12 to 71": the article's figures stated, to be checked as figures
            t.decision = answer_with(value, t.decision)
            top = t.decision.top
        when = self.intent_for_answer.get("events.when")
        if top is not None and top.intent.id in self.figure_ops and self.figure_ops[top.intent.id] != "trend" and \
                when is not None and not u.refs and "rise" in u.reading.tokens and says_any(
                u.text, self.frames.check_list("starts")) and (" year " in f" {u.text} " or u.query.has("when")):
            # "from what year did numbers start rising?": when the rise began, not the year with the most
            t.decision = answer_with(when, t.decision)
            return None
        if top is not None and top.intent.id in self.figure_ops and t.decision.action == "answer" and set(
                u.reading.tokens) & set(self.frames.check_list("prose_subjects")) and not (
                u.refs or u.query.has("many", "number", "total", "rate", "percent", "share", "average", "times")
                or any(ch.isdigit() for ch in u.text)):
            # "how did the previous system get in the way of publication?" asks about the system, not for figures
            t.decision = Decision("clarify", t.decision.candidates)
            return None
        bodies = [m for m in u.reading.mentions if m.id != "scr" and m.kind in ("organisation", "term")]
        if top is not None and top.intent.id in self.figure_ops and not u.query.measure and u.query.has("change") and \
                bodies and f" for {bodies[0].text}" in u.text and not (u.query.has(
                    "many", "much", "number", "percent", "rate", "share", "total") or passages.QUANTITY.search(u.rest)):
            # "what's changed for LSCBs since 2012?": what changed for them, which the reasons tell, not the figures
            why = next((c for c in t.ranking if c.intent.answer == "reasons.why"), None)
            if why is not None:
                t.decision = answer_with(why.intent, t.decision)
                return None
        falls = u.query.has("fall", "rise") or any(m.kind == "event" for m in u.reading.mentions)
        if top is not None and top.intent.id in self.figure_ops and u.query.has("reason") and falls and operation_cue(
                self.frames, u.rest, u.reading.tokens) is None and not (
                u.query.has("many", "much", "percent", "rate", "share", "times") or passages.QUANTITY.search(u.rest)):
            # "what caused the sharp drop in SCR numbers that CYP Now reported in 2011?", "what caused the big jump in
            # SCRs commissioned in 2013/14": why, not how many
            why = next((c for c in t.ranking if c.intent.answer == "reasons.why"), None)
            if why is not None:
                t.decision = answer_with(why.intent, t.decision)
        if t.decision.action != "answer" and not u.reading.unknown_subject:
            routed = self._figures_by_frame(u)
            if routed is not None:
                t.decision = answer_with(routed, t.decision)
        return None

    def _credited(self, t: Turn) -> Turned | None:
        """"How many SCRs did CYP Now count?": the figures are the minister's, not theirs."""
        # ("did CYP Now find that SCR numbers went up?" asks a direction, which the checks settle, not a count)
        asks_count = t.u.query.has("many") or (self._asks_figures(t.decision) and not t.yesno and not t.u.query.has(
            "who", "whose"))  # ("who found in 2011 that SCR numbers had dropped?" asks who, not a count)
        if " many months " in f" {t.u.text} " or " many years " in f" {t.u.text} " or says_any(
                t.u.text, self.frames.check_list("which_fiscal_year")):  # (nor "which financial year did ... fall in?")
            asks_count = False  # "how many months were there between Ofsted ceasing ... and ...?" counts no SCRs
        credited = None if t.elliptical or not asks_count else self._credited_elsewhere(t.u)
        return None if credited is None else (self._decline(t.u, "doesnt_say", t.decision, credited), t.context)

    def _strangers(self, t: Turn) -> Turned | None:
        """"How many SCRs did Haringey publish?": a place or body the article never names."""
        strangers = [] if t.elliptical else self._unknown_names(t.text, t.u)
        other = checks.announced_by_stranger(self.facts, t.u.query, self.frames, strangers) if (
            strangers and (t.yesno or t.u.question_mark or t.u.text.split()[:1] == ["did"])) else None
        if other is not None:  # "the figures were revealed by Michael Gove, right?": No, by Edward Timpson
            return self._answer(t.u, Candidate(CHECK_INTENT, ANSWER_AT), other), self._next_context(
                t.u, CHECK_INTENT.id, other, t.now)
        top = t.decision.top
        top_is_figures = top is not None and top.intent.id in self.figure_ops
        if strangers and (t.decision.action != "answer" or top_is_figures):
            return self._decline(t.u, "not_named", t.decision, names=strangers), t.context
        return None

    def _unquoted(self, t: Turn) -> Turned | None:
        """"Need Timpson's exact words": the article only reports what he said."""
        u = t.u
        unquoted = None if t.elliptical or t.yesno else checks.unquoted(self.facts, u.query, self.frames)
        return None if unquoted is None else (self._decline(u, "doesnt_say", t.decision, unquoted), t.context)

    def _direct_quotes(self, t: Turn) -> Turned | None:
        """"Is Timpson quoted directly?": his words are reported, not quoted; "is 'pivotal' a direct quote?": the
        word is in the article's report of what she said, not in her quoted words."""
        direct = None if t.elliptical else self._word_quoted(t) or checks.quoted_or_reported(
            self.facts, t.u.query, self.frames, self.lexicon.stopwords, t.yesno) or checks.direct_quotes(
            self.facts, t.u.query, self.frames, t.yesno)
        if direct is None:
            return None
        return self._answer(t.u, Candidate(CHECK_INTENT, ANSWER_AT), direct), self._next_context(
            t.u, CHECK_INTENT.id, direct, t.now)

    def _word_quoted(self, t: Turn) -> Answer | None:
        """Whether a word or phrase put in quotes is inside someone's quoted words or only the article's report."""
        if not any(ch in (t.text or "") for ch in "\"'‘’“”"):
            return None  # (no words put in quotes: most questions)
        if not (says_any(t.u.text, self.frames.check_list("asks_direct")) or (t.yesno and says_any(
                t.u.text, ("quote", "quoted", "quotes", "exact", "own", "actually", "word", "words")))):
            return None  # ("did Woolmore actually use the word 'prescriptive'?" is asked too; "was the increase
            # 'dramatic' according to Timpson?" asks whether he said so, not whether he is quoted)
        said = re.search(r"[“\"‘']([^“”\"‘’']{3,60})[”\"’']", t.text or "")
        if said is None:
            return None
        phrase = said.group(1).strip().lower()
        found = [s for s in self.facts.article.sentences if phrase in s.text.lower()]
        if len(found) != 1:
            return None
        sentence = found[0]
        statements = [st for st in self.facts.statements if st.source == sentence and st.by in self.facts.people]
        if not statements:
            return None
        who = self.facts.people[statements[0].by]
        quoted = any(st.kind == "quote" and phrase in st.text.lower() for st in statements)
        if quoted:
            lead = SAID.say("own_quoted_words", phrase=said.group(1), name=who.name)
        else:
            lead = SAID.say("reported_not_her_words" if who.pronoun == "she" else "reported_not_his_words",
                            phrase=said.group(1), name=who.name)
        answer = passages.quoted_sentence(self.facts, sentence, f"{lead} ")
        answer.people.append(who.id)
        return answer

    def _phrase_in_article(self, t: Turn) -> Turned | None:
        """"Who used the word 'spike'?", "what does 'pivotal' refer to?", "the rise was 'dramatic': who said
        that?": the one sentence of the article with the words put in quotes, quoted with whose words it reports."""
        u = t.u
        if t.yesno or not set(u.text.split()) & set(self.frames.check_list("phrase_source")):
            return None
        said = re.search(r"(?<![A-Za-z])[“\"‘']([^“”\"‘’']{3,60})[”\"’'](?![A-Za-z])", t.text or "")
        asked = set(u.text.split())
        if said is None or t.yesno or not asked & set(self.frames.check_list("phrase_source")):
            return None
        phrase = said.group(1).strip().lower()
        if " " in phrase and not asked & {"who", "whose"}:
            return None  # "what does 'relaxation of SCR procedures' refer to?" asks about the thing, not the words
        found = [s for s in self.facts.article.sentences if phrase in s.text.lower()]
        if len(found) != 1:
            return None
        answer = passages.quoted_sentence(self.facts, found[0], SAID.say("phrase_in_sentence", phrase=said.group(1))
                                          + " ")
        return self._answer(u, Candidate(QUOTE_INTENT, ANSWER_AT), answer), self._next_context(
            u, QUOTE_INTENT.id, answer, t.now)

    def _number_in_prose(self, t: Turn) -> Turned | None:
        """"The article mentions 20 years somewhere - what's that about?": a number with its word ("20 years") that
        one sentence of the prose has and no figure is, asked about: that sentence, quoted."""
        u = t.u
        if t.yesno or not any(ch.isdigit() for ch in u.text) or u.query.has("many", "much") or not says_any(
                u.text, self.frames.check_list("number_about")):
            return None
        figures = {str(f.value) for f in self.facts.figures.values()}
        for number, word in _NUMBER_AND_WORD.findall(u.text):
            if number in figures:
                continue
            said = f" {number} {word}"
            found = [s for s in self.facts.article.sentences if said in f" {normalise(s.text)} "]
            if len(found) == 1:
                answer = passages.quoted_sentence(self.facts, found[0], SAID.say(
                    "number_mentioned", number=number, word=word) + " ")
                return self._answer(u, Candidate(QUOTE_INTENT, ANSWER_AT), answer), self._next_context(
                    u, QUOTE_INTENT.id, answer, t.now)
        return None

    def _where_it_says(self, t: Turn) -> Turned | None:
        """"Where in the article does it say 20 years?", "which sentence mentions the SCR panel?": the sentences
        with those words (or naming that subject), quoted; None unless the question asks where something is."""
        u = t.u
        m = self._WHERE_SAYS.search(u.text)
        if m is None or t.yesno:
            return None
        phrase = re.sub(r"^(?:that|the words?|the phrase|about)\s+", "", m.group("what")).strip(" ?.")
        if not phrase:
            return None
        sentences = self.facts.article.sentences
        found = [s for s in sentences if f" {phrase} " in f" {normalise(s.text)} "]
        if not found and len(phrase.split()) <= 4:  # "the SCR panel": the sentences naming what the phrase names
            named = {x.id for x in self.lexicon.read(phrase).mentions}
            found = [s for s, mentions in zip(self.passages.sentences, self.passages.mentions, strict=True)
                     if named and named <= {x.id for x in mentions}]
        if not found or len(found) > 3:
            return None
        parts = [passages.quoted_sentence(self.facts, s) for s in found]
        answer = parts[0]
        answer.text = (SAID.say("says_it_here") + " " if len(found) == 1 else
                       SAID.say("says_it_in_places", n=len(found)) + "\n") + "\n".join(a.text for a in parts)
        for extra in parts[1:]:
            answer.add_sources(*extra.sources)
            answer.people.extend(extra.people)
        return self._answer(u, Candidate(QUOTE_INTENT, ANSWER_AT), answer), self._next_context(
            u, QUOTE_INTENT.id, answer, t.now)

    _WHERE_SAYS = LazyPattern(
        r"^(?:where|which (?:part|sentence|line|bit|paragraph)|what (?:part|sentence|line|bit|paragraph))\b"
        r"(?:.*?\b(?:in the article|in the piece|in the text))?.*?\b(?:does|do|is|did)?\s*(?:it|the article|the piece|"
        r"the text|they|she|he)?\s*(?:say|says|said|mention|mentions|mentioned|talk about|talks about|refer to|"
        r"refers to|discuss|discusses|cover|covers)\s+(?P<what>.+)$"
    )

    def _quoted_words(self, t: Turn) -> Turned | None:
        """"Who said the old system wasn't designed with publication in mind?", "the exact quote about ...":
        the sentence that says it. A template matched word for word wins, unless the words are asked for."""
        u, decision = t.u, t.decision
        sure = decision.action == "answer" and decision.top is not None and decision.top.confidence >= 1.0
        sure = sure and not set(u.text.split()) & set(self.frames.check_list("verbatim"))
        quote = None if t.elliptical or sure else self._quote_request(u)
        if quote is None:
            return None
        if (t.yesno or u.text.split()[0] in self.frames.yesno_openers) and says_any(
                u.text, self.frames.check_list("asks_direct")):  # "is the line about X a direct
            quote = passages.directly_quoted(self.facts, [s.line for s in quote.sources]) or quote  # quote?"
        return self._answer(u, Candidate(QUOTE_INTENT, ANSWER_AT), quote), self._next_context(
            u, QUOTE_INTENT.id, quote, t.now)

    def _another_quote(self, t: Turn) -> Turned | None:
        """"And the one on Working Together?" after a quote: the same speaker's words on the new subject."""
        u, context = t.u, t.context
        if context.intent != QUOTE_INTENT.id or not u.reading.mentions or not context.people:
            return None
        said = " ".join(u.text.split())
        at = next((said.find(p) + len(p) for p in self.frames.check_list("another_one") if said.startswith(p)), -1)
        person = self.facts.people.get(context.people[0])
        if at < 0 or person is None or any(m.kind == PERSON_TOKEN for m in u.reading.mentions):
            return None  # ("and the one on Munro's recommendations?": Munro is never quoted)
        asked = self.understand(f"{person.name}'s quote on {said[at:].strip()}", Context())
        quote = self._quote_request(asked)
        if quote is None:
            return None
        return self._answer(u, Candidate(QUOTE_INTENT, ANSWER_AT), quote), self._next_context(
            u, QUOTE_INTENT.id, quote, t.now)

    def _prose_check(self, t: Turn) -> Turned | None:
        """A yes/no question or claim about the prose, when a check settles it."""
        checked = None if t.elliptical else self._check(t.u, t.decision, t.yesno)
        if checked is None:
            return None
        decision = t.decision
        prose = decision.top is not None and decision.top.intent.id not in self.figure_ops
        trusted = decision.action == "answer" and prose  # the check says what was asked about
        top = decision.top if trusted and decision.top is not None else Candidate(CHECK_INTENT, ANSWER_AT)
        return self._answer(t.u, top, checked), self._next_context(t.u, top.intent.id, checked, t.now)

    def _fallback(self, t: Turn) -> Turned | None:
        """"Good morning - I sit on the council's scrutiny committee": a message the lexicon's fallback words
        place (a greeting) is answered as that, not refused. Only re-ranks."""
        u = t.u
        if t.decision.action == "decline" and not u.reading.unknown_subject:
            first = u.reading.tokens[0] if u.reading.tokens else ""
            fallback = self.intents.get(self.lexicon.fallback_words.get(first, ""))
            if fallback is not None:
                t.decision = Decision("answer", (Candidate(fallback, CLARIFY_AT),))
        return None

    def _vague_question(self, t: Turn) -> Turned | None:
        """"And?", "what about it?": ask for more, don't refuse."""
        r = t.u.reading
        if t.decision.action == "decline" and not r.signature and not r.unknown and not t.u.refs:
            named = self._named_instead(t)
            if named is not None:
                return named
            return self._vague(t.u), t.context
        return None

    def _named_instead(self, t: Turn) -> Turned | None:
        """"What did it find?" after the CYP Now investigation: asked again with the last answer's subject named
        in place of "it" (once: asked again with no context, it cannot point back any further)."""
        words = t.text.split()
        at = next((i for i, w in enumerate(words) if w.lower().strip("?.,!") in ("it", "they", "that", "this")), -1)
        entity = self.facts.entity(t.context.topics[0]) if t.context.topics and t.context.intent not in \
            self.figure_ops else None
        name = getattr(entity, "name", None) or getattr(entity, "term", None)
        if at < 0 or not name:
            return None
        tail = words[at][len(words[at].rstrip("?.,!")):]
        asked = " ".join([*words[:at], f"{name}{tail}", *words[at + 1:]])
        reply, context = self._reply_one(asked, Context(), t.now)
        if reply.kind != "answer" and getattr(entity, "kind", "") == "term":  # "what did it do?" after Working
            reply, context = self._reply_one(f"what is {name}?", Context(), t.now)  # Together: what the term is
        return (reply, context) if reply.kind == "answer" else None

    def _who_did(self, t: Turn) -> Turned | None:
        """"Who did the 2011 investigation?": the body the article names after "by"."""
        if t.decision.action == "answer" or t.elliptical:
            return None
        doer = passages.who_did(self.facts, self.passages, t.u, self.frames)
        if doer is None:
            return None
        return self._answer(t.u, Candidate(QUOTE_INTENT, ANSWER_AT), doer), self._next_context(
            t.u, QUOTE_INTENT.id, doer, t.now)

    def _word_in_use(self, t: Turn) -> Turned | None:
        """"What does 'prescriptive' mean here?": a word of the article none of its terms names, where the
        article uses it (the terms answer what they name; a figure asked for is no word's meaning)."""
        if t.elliptical or t.u.refs or t.u.query.has("many", "much"):
            return None
        used = passages.word_in_use(self.facts, self.passages, t.text, t.u, self.frames, self.unknowns.undefined)
        if used is None:
            return None
        return self._answer(t.u, Candidate(QUOTE_INTENT, ANSWER_AT), used), self._next_context(
            t.u, QUOTE_INTENT.id, used, t.now)

    def _from_passages(self, t: Turn) -> Turned | None:
        """A question of substance that no intent answers may be answered by the article's own sentences
        (not a figures question: "figures from before 2011?"; but a figure's cause is in the prose)."""
        u = t.u
        if t.decision.action not in ("decline", "clarify") or u.reading.unknown_subject:
            return None
        in_article = [w for w in u.reading.unknown if self.passages.knows(w)]  # "lessons", "learned": the article's
        # (or a subject and one word more: "whose policy was blamed?")
        substantial = len(u.reading.signature) + len(in_article) >= 3 or (
            any(m.kind != PERSON_TOKEN for m in u.reading.mentions)
            and any(w not in u.reading.named for w in u.reading.signature))
        counts = u.query.measure and (u.query.has("many", "much", "total", "rate", "percent", "share")
                                      or any(ch.isdigit() for ch in u.text))  # not "publishing made them rarer"
        # "what did the government do in 2013 to make sure lessons were learned?": a calendar year with the
        # article's own words is prose
        years = [r for r in u.refs if r.kind != "cy" or counts or not in_article]
        # "the figures" with no measure asks about them, not for them: "what was Timpson responding to when he
        # revealed the figures?"
        numbers = "number" in u.reading.tokens and (u.query.measure is not None or not u.reading.mentions)
        about_figures = (counts or years or numbers) and not u.query.has("reason", "why")
        if about_figures:
            return None
        quoted = passages.answer_from_passages(self.facts, self.passages, u) if substantial else None
        if quoted is None and not u.reading.mentions and set(u.reading.tokens) & followups.ANAPHORS \
                and t.context.topics:
            # "what extra flexibility did they get?" after LSCBs: the last answer's subject is what is asked about
            carried = [m for topic in t.context.topics if (m := followups.mention_of(self.facts, topic))]
            u = u._replace(reading=u.reading._replace(mentions=carried))
            if len(u.reading.signature) + len(carried) >= 3:
                quoted = passages.answer_from_passages(self.facts, self.passages, u)
        if quoted is None:
            return None
        return self._answer(u, Candidate(QUOTE_INTENT, ANSWER_AT), quoted), self._next_context(
            u, QUOTE_INTENT.id, quoted, t.now)

    def _decline_or_clarify(self, t: Turn) -> Turned | None:
        """What no reader answered: refused, or a "did you mean" (none, when too weak to help with something
        unknown: "which named *cases* led to SCRs?")."""
        u, decision = t.u, t.decision
        if decision.action == "decline":
            return self._decline(u, "off_topic", decision), t.context
        if decision.action != "clarify":
            return None
        weak = decision.top is not None and decision.top.confidence < CLARIFY_SURE
        if u.reading.unknown_subject and weak and not u.query.measure:
            return self._decline(u, "off_topic", decision), t.context
        return self._clarify(u, decision), t.context

    def _compose(self, t: Turn) -> Turned:
        """The matched intent answers: figures by evaluating the question's frame, anything else by its composer."""
        u, context, elliptical = t.u, t.context, t.elliptical
        top = t.decision.top
        assert top is not None
        default_op = self.figure_ops.get(top.intent.id)
        if default_op and elliptical and u.refs and all(r.kind == "now" for r in u.refs) and not u.query.periods:
            # "and now?" after a year's figure: the article's latest year, said to be no figure for today
            latest = self.facts.periods[-1]
            u.query.periods, u.query.missing = [latest.id], []
            u.query.notes.append(SAID.say("no_figures_today", latest=latest.label))
        if default_op and u.query.missing and not u.query.periods:
            # Remember what was asked, so "ok, what about 2013/14?" still knows the measure.
            kept = Context(intent=top.intent.id, measure=u.query.measure, updated=t.now, people=list(context.people),
                           history=list(context.history))  # (and the years asked before: "change between them?")
            return self._decline(u, "no_data", t.decision), kept
        if not elliptical:
            followups.carry(u, context, top.intent.id, self.lexicon, self.facts, self.figure_ops, self._asks_both(u))
        op = None
        if default_op:
            if elliptical and context.op:
                default_op = context.op
                if context.op == "share" and set(u.reading.tokens) & set(self.lexicon.measure_words):
                    default_op = "value"  # "what share was published in 2013/14?" - "and commissioned?"
                if context.op == "portion" and u.query.has("many"):
                    default_op = "value"  # "and how many were published in the same period?" asks for a count
            elif context.op == "gap" and context.intent in self.figure_ops and u.query.measure is None and \
                    self.frames.derived and not set(u.reading.tokens) & set(self.lexicon.measure_words) and \
                    followups.leans_on_context(u):  # "same as in 2011/12?" after a year's gap: the gap again
                default_op, u.query.measure = "gap", self.frames.derived[0].id
            frame = read_frame(
                self.frames, default_op, u.text, u.rest, u.reading.tokens, u.query.periods, u.query.measure,
                u.question_mark,
            )
            if u.query.excluded and frame.op in ("value", "total", "average", "gap"):
                frame = frame._replace(overall=True, range=False)  # "how many apart from 2012/13?": the rest
            op = "total" if frame.op == "value" and frame.overall else frame.op  # "and published?" keeps the sum
            if op in ("share", "extreme") and {d.id for d in self.frames.derived} & set(frame.measures):
                u.query.measure = frame.measures[0]  # "what was it in 2013/14?" after the share not published
            answer = algebra.evaluate(self.facts, self.frames, frame, u.query)
        else:
            answer = COMPOSERS[top.intent.answer](self.facts, u.query)
        return self._answer(u, top, answer), self._next_context(u, top.intent.id, answer, t.now, op)

    def _stays_on_topic(self, u: Understood, context: Context, decision: Decision) -> Decision:
        """"What did it change?" after an answer about the revised guidance: "it" is that guidance, so the
        question stays with the last (prose) intent rather than going to the figures' "change"."""
        top = decision.top
        last = self.intents.get(context.intent or "")
        if top is None or last is None or top.intent.id not in self.figure_ops or last.id in self.figure_ops:
            return decision
        points_back = set(u.reading.tokens) & followups.ANAPHORS and context.topics
        if not points_back or u.refs or u.query.measure or any(ch.isdigit() for ch in u.text) \
                or u.reading.unknown or u.reading.outside or u.query.has("many"):
            return decision  # "how many flights were delayed that year?" is no question about the guidance
        return answer_with(last, decision)

    def _more_of_the_same(self, u: Understood, context: Context, decision: Decision) -> Decision:
        """"Anything else?" after an answer about the reasons (or events, people ...): that kind of answer
        again, where "else" reads as "besides" (a reasons answer about one reason then gives the others)."""
        last = self.intents.get(context.intent or "")
        said = " ".join(u.text.replace("?", " ").split())
        if last is None or last.id in self.figure_ops or said not in self.frames.more_followups:
            return decision
        return answer_with(last, decision)

    def _onward(self, u: Understood) -> bool:
        """"And from there to 2013/14?": the last computation carried on from the last year."""
        return any(f" {w} " in f" {u.rest} " for w in self.frames.check_list("onward"))

    def _about_a_body(self, u: Understood, decision: Decision) -> Decision:
        """"What changed about Ofsted's role?": a change asked of an organisation or an event, with no measure,
        year or number, is about what the article says of it, not about the figures' change."""
        top = decision.top
        # "what changed in March 2013?": a month an event is dated to names that event; "which financial year did
        # the Ofsted change fall in?" asks the event's date
        dated = (bool(u.query.months) and any(e.date in u.query.months for e in self.facts.events)) or (
            any(m.kind == "event" for m in u.reading.mentions) and says_any(u.text, (
                "which financial year", "what financial year", "which fy", "what fy")))
        if top is None or top.intent.id not in self.figure_ops or u.query.measure or u.query.missing:
            return decision
        named = any(m.kind in ("organisation", "event") for m in u.reading.mentions)
        if (u.refs and not dated) or not (dated or named):
            return decision
        numbers = any(ch.isdigit() for ch in u.text) and not dated
        if u.query.has("many", "number", "percent", "rate", "total") or numbers:
            return decision
        rest = [c for c in decision.candidates if c.intent.id not in self.figure_ops]
        if dated:  # what happened then: the intent that answers with events
            when = self.intent_for_answer.get("events.when")
            if when is not None:
                return Decision("answer", (Candidate(when, ANSWER_AT), *rest))
        return decide(rest) if rest else Decision("decline", ())

    def _figure_followup(self, u: Understood, context: Context) -> tuple[Intent, Frame] | None:
        """A follow-up that changes what is computed from the last figures ("as a percentage?", "the other
        measure?", "what's that per year on average?", "which grew faster then?"), as a frame over the
        last question's years and measures; None for anything else, a complete new question included."""
        words = self.frames
        tokens = u.reading.tokens
        change = followup_op(words, u.rest, tokens)
        if change is None and followup_op(words, u.text, tokens) == "average":
            change = "average"  # "per year?": read as a period, and here as the last total's average
        op = operation_cue(words, u.rest, tokens)
        leans = (
            not (u.query.measure or u.refs)
            or bool(set(tokens) & words.anaphors)
            or change is not None
            or u.rest.startswith(("as ", "and as ", "so as "))  # "as a share of commissioned?"
            or u.rest.startswith(("compared to ", "compared with ", "and compared to "))  # "compared to commissioned?"
            or (context.op == "portion" and u.rest.startswith("and "))  # "and 2011/12's share?" after a portion
            or any(r.kind in ("next", "previous") for r in u.refs)  # "two years later": counted from the last
            or self._onward(u)
            or (op in ("share", "portion") and not u.refs and len(context.periods) == 1
                and context.op in (None, "value") and len(u.reading.signature) <= 3)  # "what share published?"
            # right after that year's figures
        )
        if not leans or len(u.reading.signature) > 6:
            return None
        if (" than " in f" {u.text} " or u.text.startswith(("compared ", "against ", "versus ", "vs "))) and \
                says_any(u.text, words.check_list("sum_words")):
            return None  # "and more than both earlier years put together?": a sum, which `_against_sum` reads
        if " if " in f" {u.text} " and (" again " in f" {u.text} " or " same " in f" {u.text} "):
            return None  # "if it rose by the same number again the next year?": a what-if, read there too
        if sums.asks_year_share(u.text):
            return None  # "and what percentage of the 2013/14 figure is that?": one year's of another's, read there
        if set(tokens) & {"who", "whom", "whose", "why", "when", "where"}:
            return None  # "who released these figures?" asks about the figures, not for them again
        last_op = context.op or self.figure_ops[context.intent or ""]
        stepped = self._step_followup(u, context, last_op)  # ("faster or slower than the year before?": "slower"
        if stepped is not None:  # is no word the lexicon needs)
            return stepped
        if u.reading.unknown and change is None:
            return None
        value = self.intents.get(self.intent_for_op.get("value", ""))
        if last_op in ("vs_sum", "steps") and " ".join(u.text.split()) in words.check_list("by_how_much") and \
                value is not None and len(context.periods) >= 2:  # "by how much?" after a comparison that says so
            measure = context.measure
            u.query.measure, u.query.periods = measure, list(context.periods)  # (kept for "in percent?" next)
            return value, read_frame(words, last_op, u.text, u.rest, tokens, list(context.periods), measure)._replace(
                op=last_op, periods=tuple(context.periods), measures=(measure,) if measure else (), yesno=False,
                claims=(), claim=None)
        ends = self._against_the_other_extreme(u, context, last_op)
        if ends is not None:  # "by how much did it beat the lowest?" after the highest year: from the lowest to it
            u.query.periods, u.query.measure = ends, context.measure
            intent = self.intents.get(self.intent_for_op.get("change", "")) or value
            frame = read_frame(words, "change", u.text, u.rest, tokens, ends, context.measure)
            return (intent, frame._replace(op="change", periods=tuple(ends), measures=(
                context.measure,) if context.measure else (), yesno=False, claims=(), claim=None)) if intent else None
        if op is not None:  # the reader settles combinations ("which year had the biggest gap" is an extreme)
            op = read_frame(words, op, u.text, u.rest, tokens, u.query.periods, u.query.measure).op
        if op == "total" and not u.query.measure and not u.refs and len(set(context.measures)) == 2 and len(
                set(context.history[-2:])) == 1:
            op = "both_measures"  # "what's the combined total?" after a year's two figures: the two added
        if last_op in ("share", "pp_change") and not u.query.measure and (op == "extreme" or (
                op is None and change is None and set(tokens) & {"most", "fewest"})):
            op = "share"  # "and the lowest?" after the highest publication rate: of the rates, not the counts
        multiplied = op is None and change is None and read_frame(
            words, "value", u.text, u.rest, tokens, [], None, u.question_mark).test in ("double", "triple")
        if last_op in ("share", "pp_change") and not u.query.measure and multiplied:
            op = "share"  # "is that more than double?" after two years' rates: of the rates (1.6 times), not counts
        if last_op == "portion" and op == "share" and (len(u.query.periods) == 1 or (
                u.query.measure and not u.query.periods)):
            op = "portion"  # "and 2011/12's share?", "and commissioned share for the same year?" after a year's
            # share of the three-year total: of the total
            if not u.query.periods:
                u.query.periods = list(context.periods[:1])
        if op == "pp_change" and last_op in ("share", "pp_change") and says_any(u.text, words.overall) and \
                not u.query.periods:  # "so how many percentage points overall?" after the yearly rates
            u.query.periods = [self.facts.periods[0].id, self.facts.periods[-1].id]
        portion_of = self._portion_followup(u, context, last_op, op, change)
        if portion_of:  # "what percentage of those were in the latest year?" after a three-year total
            op, change = "portion", None
            u.query.periods = portion_of
        across = "which" in tokens or u.query.has("most", "fewest")  # "which year had the highest share then?"
        gap_moved = False  # the direction of the gap, asked after gaps ("was it bigger than the year before?")
        if last_op in ("change", "pp_change") and op is None and change is None and says_any(
                u.text, words.overall) and not u.refs and not u.query.measure and len(u.reading.signature) <= 3:
            op = last_op  # "and overall?" after a change: from the first year to the last
            u.query.periods = [self.facts.periods[0].id, self.facts.periods[-1].id]
        if op == "gap" and last_op == "gap" and {"rise", "fall"} & set(tokens) and not u.query.periods and \
                change is None and len(set(context.history[-2:])) >= 2:
            op, gap_moved = "change", True  # "has the gap grown or shrunk?" after two years' gaps: its change
        comparing = set(tokens) & {"more", "fewest", *self.frames.check_list("comparatives")}
        other = u.query.measure is not None and u.query.measure != context.measure and context.measure is not None
        if last_op == "change" and "which" in tokens and comparing and (
                len(set(context.measures)) == 2 or context.measure is None) and not u.query.periods:
            op, change = "faster", None  # "which is bigger in %?" after each measure's change: which grew more
        elif last_op == "change" and other and comparing and "than" in tokens and not u.query.periods:
            op, change = "faster", None  # "is that more or less than the increase in commissioned?": both rises
            u.query.measure = None
        elif last_op in ("share", "pp_change") and op in (None, "share") and {"rise", "fall", "change"} & set(
                tokens) and not u.query.periods and len(set(context.history[-2:])) == 2:
            op = "pp_change"  # "so how much did that rate go up?" after two years' rates: between them
            u.query.periods = list(dict.fromkeys(context.history[-2:]))
        elif last_op in ("value", "identify") and other and not u.query.periods and u.rest.startswith(
                ("compared to ", "compared with ", "against ", "vs ", "versus ", "and compared to ")):
            op = "gap"  # "compared to commissioned?" after a year's published figure: the two measures that year
            u.query.measure, u.query.periods = None, list(context.periods)
        if change == "percent" and last_op in ("steps", "vs_sum", "faster"):  # "and in percentage terms?" after "which
            op = last_op  # rise was bigger?", "in percent?" after a year against two combined: it says both
        elif change == "percent" and op != "pp_change":  # "the change in percentage points?" says which
            moved = {"change", "rise", "fall", "compare", *self.frames.check_list("comparatives")} & set(tokens)
            if last_op in ("share", "pp_change"):
                op = "pp_change" if moved else "share"  # "how much higher was the rate, in %?": points
            else:
                op = "change" if moved or last_op in ("change", "times") else "share"  # "how much higher ..., in
                # %?", and after "how many times bigger?": the percentage change
        elif change == "same":
            op = last_op  # "and the same two numbers (absolute and %) for published?": the same computation
        elif change == "sum":  # "add them up" after a year's figure, then another's: every year asked, together
            op = "total"
            u.query.periods = list(dict.fromkeys([*context.history, *context.periods]))
        elif change == "average" and last_op == "portion":
            op = "average"  # "and the per-year average?" after a year's part of the total: over every year
            u.query.periods = [p.id for p in self.facts.periods]
        elif change == "average":
            op = op or ("average" if (last_op in ("total", "value") and len(context.periods) >= 2) or last_op in (
                "share", "pp_change") else last_op)  # (after rates: the average rate)
        elif change in ("other", "span"):
            if op is None and change == "span" and u.query.has("total", "totals"):
                op = "total"  # "total published over those years then?" after an average
            op = op or last_op  # "over those two years, the total?" keeps the total asked for
        elif (change == "diff" or (op is None and set(tokens) <= {"change", "whatis", "what", "the", "is", "and",
                                                               "between", "them", "those", "these", "across", "two",
                                                               "both"}
                                   and "change" in tokens)) and last_op == "total" and len(
                set(context.measures)) == 2 and (not u.query.periods or all(r.kind == "all" for r in u.refs)):
            op = "gap"  # "difference?" after the two totals: commissioned minus published, over those years
            u.query.periods = list(context.periods)
        elif change == "diff":
            one_year = len(set(context.history[-2:])) == 1 and (not u.query.periods or list(
                u.query.periods) == context.history[-1:])  # no second year to compare ("... in 2011/12" is that one)
            two = len(set(context.measures)) == 2 or {"two", "both", "them"} & set(u.rest.split()) or (
                context.measure is None and context.intent in self.figure_ops)  # "31 published"; or both at once
            # - "and commissioned?" - "difference?"; "the difference between those two numbers"
            if one_year and two and last_op in ("value", "gap") and not u.query.has("rise", "fall"):
                # "12 published" - "out of how many commissioned?" - "the difference (between the two)?", or "by how
                # much?" after which of the two was higher: the two measures of that year, no second year to compare
                op = "gap"
            else:
                op = "pp_change" if last_op in ("share", "pp_change") else "change"
        elif op is None and last_op == "change" and "which" in tokens and len(set(context.measures)) == 2 and \
                set(tokens) & {"more", "fewest", *self.frames.check_list("comparatives")}:
            op = "faster"  # "which is bigger?" after the change in each measure: which grew more
        elif op is None and u.query.excluded:
            op = last_op  # "excluding 2013/14?": the last computation over the other years
        elif op is None and self._onward(u):
            op = last_op  # "and from there to 2013/14?": the same computation, onward
        elif op is None:
            said = set(tokens)
            bare = len(tokens) == 1  # "difference?" alone leans on the last answers
            asks_why = bool(said & {"why", "reason", "cause", "caused", "behind"})  # "what caused that jump?"
            # "increase in published between those two"; "was it bigger or smaller than the year before?" after a gap
            moved = set() if asks_why else {"rise", "fall", *(
                self.frames.check_list("comparatives") if last_op in ("gap", "share", "pp_change") else ())}
            if not said & ({"change", "compare"} | moved) or not (
                    bare or said & (words.anaphors | {"what", "whats", "how"})):
                return None
            distinct = list(dict.fromkeys(context.history[-2:]))
            between_years = (len(distinct) >= 2 or bool(u.query.periods)) and last_op != "gap" \
                and " gap " not in f" {u.rest} "
            gap_moved = last_op == "gap" and (len(distinct) >= 2 or bool(u.query.periods)) and bool(
                said & (moved | {"change"})) and not u.query.measure  # ("so did it change?" after two gaps)
            if not said & {"change", "compare"} and not between_years and not gap_moved:
                return None  # "how much did they rise?" after one year: the change into it, as the matcher reads it
            between_years = between_years or gap_moved  # "did it widen?" after two years' gaps: the gap's change
            one_measure = bare and context.measure is not None and len(set(context.measures)) < 2 and \
                last_op == "value"  # "71 published" -
            # "difference?": the change into that year, as "what is the difference?" is
            op = ("pp_change" if last_op in ("share", "pp_change") else "change") if (
                between_years or one_measure) else "gap"
            if last_op == "ratio" and between_years and said & {"compare"}:
                op = "ratio"  # "how does that compare with 2013/14?" after a year's ratio: that year's, beside it
        measure = u.query.measure or context.measure
        names_measure = bool(set(tokens) & set(self.lexicon.measure_words.values()))
        if not names_measure and ({"each", "both"} & set(u.text.split()) or " two figures " in f" {u.text} ") and len(
                set(context.measures)) == 2:
            measure = None  # "the increase in each?", "same two figures for 2011/12" after both measures': both
        if op == "ratio" and last_op == "value" and not names_measure and len(set(context.history[-2:])) == 2 \
                and len(set(context.measures[-2:])) <= 1 and set(tokens) & words.anaphors:
            op = "times"  # "what's the ratio between them?" after one measure's figure in two years: the later over
            u.query.periods = list(dict.fromkeys(context.history[-2:]))  # the earlier
        if op == "total" and not u.query.measure and says_any(u.text, ("totals", "both totals", "the totals")):
            measure = None  # "so overall totals?" after both measures: both totals
        if op in ("faster", "gap") and u.query.measure is None:
            measure = None  # (both measures: set above)
        if change == "other" and context.measure:
            measure = next((m.id for m in self.facts.measures if m.id != context.measure), None)
        periods = list(u.query.periods)
        if not periods and context.periods and says_any(u.text, words.check_list("other_years")):
            # "what was the gap in the other two years?": every year the last answer was not about
            periods = [p.id for p in self.facts.periods if p.id not in context.periods]
            u.query.periods, across = periods, False
        if op == "average" and change is None and not periods and {"two", "both", "those", "these"} & set(
                u.text.split()) and len(
                set(context.history[-2:])) == 2:  # "what's the average of those two?" after two years' figures
            periods = list(dict.fromkeys(context.history[-2:]))
        if not periods and op in ("gap", "total") and last_op in ("gap", "value") and len(context.periods) == 1 and len(
                set(context.history)) >= 2 and says_any(u.text, ("total", "sum", "altogether", "combined", "in all")):
            # "total gap?" after each year's gap in turn: over the years asked, added
            periods = chronological(self.facts, list(dict.fromkeys(context.history)))
        if change == "average" and all(r.kind == "all" for r in u.refs) and last_op != "portion":
            periods = list(context.periods)  # "per year?" (read as every year) after a total: the total's years
        if op in ("change", "times", "pp_change", "faster"):
            if len(periods) == 1 and context.periods:
                periods = list(dict.fromkeys([*context.periods[-1:], *periods]))
            elif not periods and says_any(u.text, words.overall) and len(set(context.history)) >= 2:
                # "percentage change over the whole period?" after each year in turn: the first to the last
                seen = chronological(self.facts, list(dict.fromkeys(context.history)))
                periods = [seen[0], seen[-1]]
            elif not periods:
                distinct = list(dict.fromkeys(context.history[-2:]))
                periods = distinct if len(distinct) >= 2 else list(context.periods)
        elif not periods and not across and (op not in ("average", "median", "spread", "cagr") or change == "average"):
            periods = list(context.periods)  # an average is over every year unless years are named (or, for
            # "per year?" after a total, the total's years)
        measures = (measure,) if measure else ()
        # "... and the publication rate that year?" names what the gap takes away (not "as a share of commissioned")
        named_measure = bool(words.derived) and u.query.measure == words.derived[0].minus
        if (last_op == "gap" and ((op in ("share", "extreme") and not named_measure) or (
                op == "value" and not u.query.measure))) or \
                op == "gap":  # (and "so which year was biggest?" after gaps)
            measures = tuple(d.id for d in words.derived[:1])  # "same calc for 2011/12?" after a gap
        asks_direction = read_frame(words, op, u.text, u.rest, tokens, [], measure).test in ("rise", "fall", "same") \
            or (last_op == "ratio" and says_any(u.text, words.check_list("up_or_down")))  # "did that ratio go up or
        # down?" after two years' ratios: between them
        if asks_direction and not u.query.periods:  # "so did the gap shrink?": between the last two answers' years
            distinct = list(dict.fromkeys(context.history[-2:]))
            periods = distinct if len(distinct) >= 2 else periods
        if (asks_direction or gap_moved) and last_op == "gap" and not u.query.measure:
            measures = tuple(d.id for d in words.derived[:1])  # "did it widen?" after two gaps: the gap's direction
        if asks_direction and "than" in tokens and len(periods) == 1 and set(tokens) & words.anaphors and \
                context.periods and periods != context.periods[-1:]:
            periods = [context.periods[-1], *periods]  # "is that bigger than the gap the year before?": that, then it
        if change == "span":  # "over those two years?": the last answer's years, or the last two answers' years
            periods = list(context.periods) if len(context.periods) >= 2 else (
                list(dict.fromkeys(context.history[-2:])) or list(context.periods))
        frame = read_frame(words, op, u.text, u.rest, tokens, periods, measure)
        derived = {d.id for d in words.derived}
        if set(frame.measures) & derived:  # "which year had the biggest gap then?" keeps commissioned - published
            measures = frame.measures
        frame = frame._replace(op=op, periods=tuple(periods), measures=measures, overall=change == "span")
        if op == "times" and last_op in ("share", "pp_change") and not u.query.measure:
            frame = frame._replace(of_share=True)  # "how many times higher?" after two rates: of the rates
        if op == "average" and last_op in ("change", "steps") and len(context.periods) >= 3 and not u.refs:
            # "average of those?" after the yearly rises: of the rises, over the years they run between
            frame = frame._replace(of_change=True, periods=tuple(context.periods))
            periods = list(context.periods)
        if op == "average" and last_op in ("share", "pp_change") and not u.query.measure and not u.refs:
            # "what's the average of those?" after each year's publication rate: of the rates, over every year asked
            asked = chronological(self.facts, list(dict.fromkeys([*context.history, *context.periods])))
            periods = asked if len(asked) >= 2 else periods
            frame = frame._replace(of_share=True, periods=tuple(periods))
        u.query.measure, u.query.periods = measure, periods
        if op in ("share", "change", "extreme") and set(frame.measures) & derived:  # "as a percentage?" of those
            u.query.measure = frame.measures[0]  # not published, "did it narrow?": "and for 2011/12?", "by how
            # much?" ask of the same measure, so the context keeps it
        by_op = self.intent_for_op
        intent = self.intents.get(by_op.get(op, context.intent or "")) or self.intents.get(context.intent or "")
        return (intent, frame) if intent is not None else None

    def _against_the_other_extreme(self, u: Understood, context: Context, last_op: str) -> list[str] | None:
        """"By how much did it beat the lowest?" after the year with the most: the lowest year and that one, in
        order; None unless the last answer was one measure's extreme year and this asks for the other end."""
        if last_op != "extreme" or context.measure is None or len(context.periods) != 1 or u.refs or not (
                u.query.has("fewest", "most") and says_any(u.text, self.frames.check_list("by_how_much_words"))):
            return None
        values = [(f.value, f.period) for f in self.facts.figures.values() if f.measure == context.measure]
        if len(values) < 2:
            return None
        other = (min(values) if u.query.has("fewest") else max(values))[1]
        if other == context.periods[0]:
            return None
        return chronological(self.facts, [other, context.periods[0]])

    def _portion_followup(self, u: Understood, context: Context, last_op: str, op: str | None,
                          change: str | None) -> list[str]:
        """The one year whose part of the three-year total a follow-up asks ("what percentage of those were in
        the latest year?" after a total, "what share of the three-year total is that?" after a year's figure)."""
        if (op not in ("share", "portion") and change != "percent") or u.query.has("rise", "fall", "change"):
            return []  # (not "by what percentage did it go up over the whole period?")
        whole = says_any(u.text, self.frames.check_list("whole_span")) or last_op == "total"
        if not whole or " rate " in f" {u.rest} " or (u.query.measure and u.query.measure != context.measure):
            return []
        if len(u.query.periods) == 1:
            return list(u.query.periods)
        spans = all(r.kind == "all" for r in u.refs)  # ("in percent of the total over three years?")
        if spans and last_op != "total" and len(context.periods) == 1 and (set(u.reading.tokens) & \
                self.frames.anaphors or u.rest.startswith(("as ", "and as ", "in ", "and in "))):  # ("as a share
            return list(context.periods)  # of the total?")
        return []

    def _step_followup(self, u: Understood, context: Context, last_op: str) -> tuple[Intent, Frame] | None:
        """After a year's rise: "is that more than the year before?" compares it with the rise into the year
        before; "which was bigger?" after two years' rises of one measure compares those two."""
        tokens = set(u.reading.tokens)
        compares = tokens & {"more", "fewest", *self.frames.check_list("comparatives")}
        ids = [p.id for p in self.facts.periods]
        last = [p for p in context.periods if p in ids]
        if last_op not in ("change", "steps") or not compares or (u.query.measure and len(last) != 2):
            return None
        if u.refs and all(r.kind in ("previous", "next") for r in u.refs) and (
                tokens & self.frames.anaphors or not u.reading.mentions) and len(last) == 2 and len(
                u.query.periods) == 1:
            into = (last[-1], u.query.periods[0])  # "is that more than the year before?": the rise into each
        elif not u.refs and "which" in tokens and len(set(context.measures)) < 2 and len(
                set(context.history[-3:])) == 3 and last_op == "change":
            first = [p for p in ids if p in context.history[-3:]]
            into = (first[1], first[2])  # "which was bigger?" after the rise into one year and then the next
        else:
            return None
        if any(ids.index(p) == 0 for p in into):
            return None
        measure = u.query.measure or context.measure
        frame = read_frame(self.frames, "steps", u.text, u.rest, u.reading.tokens, list(into), measure,
                           u.question_mark)._replace(op="steps", periods=into, measures=(measure,) if measure else (),
                                                     of_share=says_any(u.text, self.frames.check_list("relative")),
                                                     claims=(), claim=None)
        u.query.measure, u.query.periods = measure, list(into)
        intent = self.intents.get(self.intent_for_op.get("value", ""))
        return (intent, frame) if intent is not None else None

    def _lines_about(self, u: Understood) -> list[int]:
        """The article lines of the reasons and statements a question names (for "what example does X give")."""
        named = {m.id for m in u.reading.mentions} - {"scr"}
        lines = [s.line for r in self.facts.reasons if named & {*r.topics, r.event, r.said_by} for s in r.sources]
        lines += [st.source.line for st in self.facts.statements if st.by in named]
        return list(dict.fromkeys(lines))

    def _asks_figures(self, decision: Decision) -> bool:
        return decision.top is not None and decision.top.intent.id in self.figure_ops

    def _credited_elsewhere(self, u: Understood) -> Answer | None:
        """Figures asked of someone the article does not take them from ("according to CYP Now", "published by
        Ofsted"): the article's figures come from its announcement, and are of reviews the boards carry out."""
        q = u.query
        handled = q.has(*self.frames.check_list("handled")) and not set(u.reading.tokens) & set(
            self.lexicon.measure_words
        )  # "how many did Ofsted evaluate?" asks Ofsted's figures; "published after Ofsted stopped" does not
        credit = self.frames.check_list("credit")  # as typed too: "count" reads as "number"
        # "how many did they count?" after CYP Now (not "count them for 2013/14", which asks for the figures)
        pointed = bool(set(u.reading.tokens) & self.frames.anaphors) and not q.periods
        if not (q.has(*credit) or says_any(u.text, credit) or handled) or (q.carried and not pointed):
            return None
        facts = self.facts
        events = {e.id: e for e in self.facts.events}
        named = [m.id for m in q.mentions if m.kind in ("person", "organisation")
                 and m.id not in self.frames.figure_sources]
        named += [t for m in q.mentions if m.kind == "event" for t in events[m.id].topics
                  if t not in self.frames.figure_sources]  # "the CYP Now investigation" is CYP Now's
        named = list(dict.fromkeys(named))
        if not named and pointed:  # "how many SCRs did they count?" right after CYP Now's finding
            named = [t for t in q.context.topics if t in facts.organisations and t not in self.frames.figure_sources]
        if not named:
            return None
        entities = [facts.entity(n) for n in named]
        names = fmt.join([getattr(e, "name", n) for e, n in zip(entities, named, strict=True)])
        answer = Answer(SAID.say("no_figures_from", names=names))
        if facts.announcement:
            answer.text += f" {facts.announcement.summary}"
            answer.add_sources(facts.announcement.source)
        for e in entities:
            if e is not None and hasattr(e, "summary"):
                answer.text += "\n" + SAID.say("what_it_says_about", name=e.name, summary=e.summary)
                answer.add_sources(e.source)
        return answer

    def _unknown_names(self, text: str, u: Understood) -> list[str]:
        """Capitalised words inside a sentence that the bot does not know: names the article never mentions."""
        unknown = set(u.reading.unknown) - self._name_words  # ("EILEEN" is a word of a name the article has)
        if not unknown:
            return []  # (most questions: every word known)
        signed = _SIGNED.search(text)  # "Many thanks, Jane": who is asking, not what about
        text = text[: signed.start()] if signed else text
        found = [m.group(1) for m in _NAME.finditer(text) if m.group(1).lower() in unknown]
        # the whole name each is part of: "the Department for Education", not "Department and Education"; "the
        # World Cup", not "Cup"
        whole = [m.group(0) for w in dict.fromkeys(found) if (m := re.search(
            rf"(?:[A-Z][\w’']+\s+(?:(?:for|of|and|on)\s+)?)*\b{re.escape(w)}\b(?:\s+(?:(?:for|of|the|and|on)\s+)?"
            rf"[A-Z][\w’']+)*", text))]
        asks = set(self.frames.question_words) | self.frames.yesno_openers  # "Did the NSPCC ...": not a name
        whole = [" ".join(n.split()[1:]) if n.split()[0].lower() in asks else n for n in whole]
        return [n for n in dict.fromkeys(whole) if n and not any(n != o and n in o for o in whole)]

    def _figures_by_frame(self, u: Understood) -> Intent | None:
        """The figures intent for a question no template matched well, when its own words ask for a figure:
        an operation ("average", "ratio"), a derived measure ("unpublished") or a stated figure to check,
        about SCRs, a measure or a year."""
        q = u.query
        tokens = set(u.reading.tokens)
        about = q.measure or q.periods or q.missing or {"scr", "number"} & tokens or tokens & set(
            self.lexicon.measure_words
        )
        if not about:
            return None
        frame = read_frame(
            self.frames, "value", u.text, u.rest, u.reading.tokens, q.periods, q.measure, u.question_mark
        )
        if frame.op == "value" and frame.claim is None and frame.measures in ((), (q.measure,)):
            # a plain figure: only when the question names its year and asks for a number, so noise
            # ("For 2012-2013, how many of the reviews ended up being published?") does not hide it
            counts = q.has("many") or {"number", "total"} & tokens
            measured = q.measure or tokens & set(self.lexicon.measure_words)
            if not ((q.periods or q.missing) and measured and counts):
                return None
        by_op = self.intent_for_op
        return self.intents.get(by_op.get(frame.op, "")) or self.intents.get(by_op.get("value", ""))

    def _quote_request(self, u: Understood) -> Answer | None:
        """"Who said ...?", "the exact quote about ...", "what phrase does the article use for ...": the
        sentence of the article that says it, with who said it, when no one is named to ask about."""
        q = u.query
        raw = set(u.text.split())
        framing = self.frames.quote_words
        asks_words = raw & (framing - {"said", "source", "use", "uses", "used", "put"})  # "quote", "phrase" ...
        if q.has("many") or (q.has("number") and not asks_words & {"word", "words", "phrase", "wording", "term"}):
            return None  # (a count; but "what word does it use for how the numbers dropped?" asks for words)
        if not (asks_words or (q.has("said") and u.reading.tokens[:1] in (["who"], ["whose"]))):
            return None
        # "what was Woolmore's line about publication?": only that person's sentences; otherwise someone named
        # is asked about by the people answers
        speakers = {p.id for p in resolve_people(self.facts, q)} if asks_words else set()
        topic = set(u.reading.known) - framing - {"person"}
        article_it = _ARTICLE_IT.search(u.text) is not None  # "what word does it use for ...": "it" is the article
        pronouns = [p for p in u.reading.pronouns if not (article_it and p == "it")]
        if (q.mentioned("person") or pronouns) and not (
                speakers and topic - set(self.frames.check_list("reasons_asked"))):
            return None  # "quote me something Sue Woolmore said" names nothing to look for among her words, and
            # "Woolmore's quote on why SCRs rose" is her reasons
        if set(u.reading.tokens) & self.frames.anaphors - ({"it"} if article_it else set()):
            return None  # "who said that?" is about the last answer
        if q.periods and not (set(q.content) - self.frames.quote_words - {"scr"}):
            # "the exact wording of the 2011-12 sentence": the sentence that gives that year's figures
            figures = [f for f in self.facts.figures.values() if f.period in q.periods]
            if not figures:
                return None
            sentence = figures[0].source
        else:
            if not set(q.content) - framing - {"person"}:
                return None  # "who is quoted in the article?" names nothing to look for
            reasons = set(self.frames.check_list("reasons_asked"))
            if q.has("why", "reason", "cause") and not set(u.reading.known) - framing - {"person"} - reasons:
                return None  # "who is quoted on why SCRs rose?" asks for the reasons, with who gives them
            # look for what the quote is about, not for the words asking for it, nor for words the article
            # never uses ("a short punchy quote for a pull-out box, something on flexibility")
            asked = passages.without(u, framing | {w for w in u.reading.unknown if not self.passages.knows(w)})
            if speakers:  # what the quote is about, found without the person, then only among their sentences
                names = {PERSON_TOKEN} | {w for m in u.reading.mentions if m.kind == PERSON_TOKEN
                                          for w in normalise(m.text).split()}
                asked = passages.without(asked, names)
                asked = asked._replace(reading=asked.reading._replace(
                    mentions=[m for m in u.reading.mentions if m.kind != PERSON_TOKEN], pronouns=[]))
            theirs = {st.source.line for st in self.facts.statements if st.by in speakers} if speakers else None
            found = self.passages.search(asked, limit=3, among=theirs)  # none: "Munro's quote about flexibility"
            if raw & {"quote", "quotable", "quotation"}:  # "the quote about publication": someone's own words first,
                # looked for among them alone ("her quote on Working Together" is not the sentence reporting her)
                own = {st.source.line for st in self.facts.statements if st.kind == "quote"} & (theirs or {
                    s.line for s in self.facts.article.sentences})
                found = self.passages.search(asked, limit=3, among=own) or found
            if not found:
                return None
            sentence = found[0][0]
            if passages.speaks_of_now(self.frames, u.text):  # "... don't have to go back as far any more"
                current = passages.now_of(self.facts, [sentence.line])
                sentence = current.sources[0] if current else sentence
        statements = [st for st in self.facts.statements if st.source == sentence]
        speakers = [self.facts.people[st.by] for st in statements if st.by in self.facts.people]
        answer = Answer("")
        answer.add_sources(sentence)
        if speakers:
            said = next((st for st in statements if st.kind == "quote"), statements[0])
            who = speakers[0]
            if said.kind == "quote":
                answer.text = SAID.say("said_it", name=who.name, role=who.role, quote=said.text)
            else:
                answer.text = SAID.say("said_it_reported", name=who.name, role=who.role, sentence=sentence.text)
            answer.people.append(who.id)
        else:
            answer.text = SAID.say("article_says", sentence=sentence.text)
        if asks_verdict(self.frames, u.rest, u.reading.tokens, u.question_mark):
            named = [self.facts.people[p] for p in q.mentioned("person") if p in self.facts.people]
            if not named or (speakers and named[0].id == speakers[0].id):  # "is there a quote calling it 'a big
                answer.text = SAID.say("confirmed", answer=answer.text)  # challenge'?", "did Woolmore describe it
            elif speakers:  # as prescriptive?"
                answer.text = SAID.say("someone_else", speaker=speakers[0].name, named=named[0].name,
                                       answer=answer.text)
        return answer

    def _check(self, u: Understood, decision: Decision, verdict: bool) -> Answer | None:
        """A verdict on a yes/no question or claim about the prose ("did A come before B?"), if one settles it;
        `verdict`: whether the question asks for one (read once per question, by `_rank`)."""
        top = decision.top
        obliged = says_any(u.text, self.frames.check_list("obliged"))  # "must LSCBs go back 20 years?"
        if verdict or obliged:
            then = says_any(u.text, self.frames.check_list("then_words"))  # "under the old system, must they ...?"
            amount = passages.amount_claimed(self.facts, self.passages, u, self.frames, obliged and not then)
            if amount is not None:  # "up to 10 years, right?"
                return amount
        moved = self._moved_topics  # "did CYP Now find the number rose?": the body a directional event is about
        events = any(m.kind == "event" or m.id in moved for m in u.reading.mentions) or " months " in f" {u.text} " \
            or " how long " in f" {u.text} " \
            or ("rise" in u.reading.tokens and says_any(u.text, self.frames.check_list("starts")))  # ("did the rise
        # begin in 2013?" asks when it began, an event, not whether the figures rose in 2013/14)
        figures = bool(u.refs) or any(ch.isdigit() for ch in u.text)
        if not figures and top is not None and top.intent.id in self.figure_ops:
            frame = read_frame(self.frames, self.figure_ops[top.intent.id], u.text, u.rest, u.reading.tokens,
                               u.query.periods, u.query.measure, u.question_mark)
            figures = frame.op != "value" or bool(frame.test) or frame.claim is not None  # "more than ...?"
        named = {m.id for m in u.reading.mentions}  # "was the panel set up in 2013 a major factor?": a stance
        stance = any(named & {*r.topics, r.event} for r in self.facts.reasons) and (says_any(
            u.text, self.frames.check_list("cause")) or u.query.has(*self.frames.check_list("cause")))
        if top is not None and decision.action == "answer" and top.intent.id in self.figure_ops and not events \
                and (figures or not verdict) and not stance:
            # figures' own verdicts come from the algebra; an event named, or a yes/no question naming no year
            # or number ("was the old system designed with publication in mind?"), may be about the prose
            return None
        if top is not None and decision.action == "answer" and top.intent is self.intent_for_answer.get(
                "reasons.why") and verdict and "why" in u.reading.tokens and any(m.kind == "person" for m in
                                                                                 u.reading.mentions):
            return None  # "did Timpson explain why the numbers went up?": whose reasons, which the reasons say
        fell = self._fall_events
        if verdict and fell and "fall" in u.reading.tokens and says_any(u.text, self.frames.check_list("before_rise")):
            return checks.event_answer(fell[0], SAID.say("fall_before_rise", summary=fell[0].summary))  # "was there a
            # drop before the rise?"
        same = passages.same_thing(self.facts, u, self.frames) if verdict else None
        if same is not None:  # "is the SCR panel the same thing as an LSCB?"
            return same
        if verdict and says_any(u.text, self.frames.check_list("same_thing")):
            return None  # a sameness the names cannot settle is not settled by a sentence that mentions both
        answer = checks.same_time(self.facts, u.query, self.frames) or checks.interval(
            self.facts, u.query, self.frames) or checks.year_edge(self.facts, u.query, self.frames) or checks.order(
            self.facts, u.query, self.frames)
        if answer is None and verdict:
            answer = checks.venue(self.facts, u.query, self.frames)  # "... in a press release, didn't he?"
        if answer is None and not verdict:
            answer = checks.made_public(self.facts, u.query, self.frames)  # "how did he reveal them?"
        if answer is None and verdict:
            answer = passages.said_by(self.facts, self.passages, u, self.frames) or checks.verify(
                self.facts, u.query, self.frames
            ) or passages.affirmed(
                self.facts, self.passages, u, self.frames
            )
        return answer

    @functools.cached_property
    def _name_words(self) -> frozenset[str]:
        """Every word of every name and alias of the fact base, once per engine."""
        named = [*self.facts.people.values(), *self.facts.organisations.values(), *self.facts.terms.values()]
        return frozenset(w for item in named for a in (*item.aliases, getattr(item, "name", "").lower())
                         for w in normalise(a).split())

    @functools.cached_property
    def _fall_events(self) -> list[Event]:
        """The events whose summary reports a fall (CYP Now's 2011 finding), worked out once per engine."""
        return [e for e in self.facts.events if says_any(e.summary.lower(), self.frames.check_list("fell"))]

    @functools.cached_property
    def _moved_topics(self) -> frozenset[str]:
        """The subjects of events whose summary says numbers rose or fell (CYP Now's 2011 finding): worked out
        once per engine, as the facts and word lists it reads are."""
        said = self.frames.check_list("fell") + self.frames.check_list("rose")
        return frozenset(t for e in self.facts.events if says_any(e.summary.lower(), said) for t in e.topics)

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
        if answer.lacking:  # "the article doesn't say which came first": said plainly, as no answer
            return self._decline(u, "doesnt_say", None, answer)
        periods = answer.periods if answer.periods is not None else u.query.periods
        entities = self._entities(u, periods, answer)
        suggestions = tuple(Suggestion(f) for f in answer.followups)
        text = answer.text + readings(self.facts, answer.sources, answer.text)  # "between 2011 and 2012" as read
        return Reply(text, top.intent.id, top.confidence, "answer", entities, tuple(answer.sources), suggestions)

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

    def _dated_by(self, answer: Answer) -> list[str]:
        """The financial year of the one event the answer cites, if it cites one (both years a calendar year
        touches, for an event dated only by its year: the panel's "2013")."""
        dated = [e for e in self.facts.events if e.source in answer.sources]
        if len(dated) != 1:
            return []
        return events.years_of(self.facts, dated[0], "in")[0]

    def _next_context(self, u: Understood, intent: str, answer: Answer, now: float, op: str | None = None) -> Context:
        periods = answer.periods if answer.periods is not None else u.query.periods
        if not periods and intent not in self.figure_ops and not answer.people:
            periods = self._dated_by(answer)  # "when did it end?" - "how many were published the year after that?"
            # (not "who is Sue Woolmore?": her sentence's date is no year asked about)
        named = [] if u.query.carried else u.query.mentioned("person")  # (not the last answer's topics, carried)
        people = list(dict.fromkeys([*named, *answer.people]))
        history = [p for p in u.query.context.history if p not in periods][-3:] + list(periods)
        return Context(
            intent=intent,
            periods=list(periods),
            history=history,
            measure=u.query.measure,
            people=people or list(u.query.context.people),
            topics=list(dict.fromkeys(answer.topics)),
            sources=[s.line for s in answer.sources if s.source == self.facts.article.id],
            updated=now,
            op=op,
            cited=[s.ref for s in answer.sources],  # every source document's sentences (/source cites them)
            measures=[*u.query.context.measures, u.query.measure][-2:] if u.query.measure else [],
            earlier_topics=self._earlier_topics(u.query.context, answer),
        )

    @staticmethod
    def _earlier_topics(context: Context, answer: Answer) -> list[str]:
        """The topics of the last answer about something else: after Ofsted, then Working Together, "which
        came first?" is about both."""
        topics = list(dict.fromkeys(answer.topics))
        if context.topics and context.topics != topics:
            return list(context.topics)
        return list(context.earlier_topics)

    def _clarify(self, u: Understood, decision: Decision) -> Reply:
        people = u.query.mentioned("person")  # offer the person asked about, not the intents' example person
        named = bool(u.query.mentions)
        fitting = [c for c in decision.candidates if about_someone(self.intents, c.intent, u.text, named)]
        if not fitting:  # only people offered to a question about no one ("show me a chart")
            return self._vague(u)
        options = [
            Suggestion(tailored(self.facts, c.intent.suggestion, people), c.intent.id, c.confidence) for c in fitting
        ]
        text = ENGINE.say("clarify") + "\n" + "\n".join(f"• {s.text}" for s in options)
        top = fitting[0]
        return Reply(text, "clarify", top.confidence, "clarify", self._entities(u, u.query.periods), (), tuple(options))

    def _vague(self, u: Understood) -> Reply:
        tips = tuple(Suggestion(e) for e in examples(self.facts)[:3])
        text = ENGINE.say("vague") + "\n" + "\n".join(f"• {s.text}" for s in tips)
        return Reply(text, "clarify", 0.0, "clarify", self._entities(u, u.query.periods), (), tips)

    def _decline(
        self,
        u: Understood,
        why: str,
        decision: Decision | None = None,
        said: Answer | None = None,
        names: list[str] | None = None,
        typed: str = "",
    ) -> Reply:
        labels = [p.label for p in self.facts.periods]
        have = ENGINE.say("have_figures", years=fmt.join(labels))
        if why == "no_data":
            text = ENGINE.say("no_data", missing=fmt.join(u.query.missing), have_figures=have)
            tips = [Suggestion(ENGINE.say("no_data_example", latest=labels[-1]))]
        elif why == "bad_period":
            text = ENGINE.say("bad_period", typed=u.bad_periods[0][:40], latest=labels[-1], have_figures=have)
            tips = [Suggestion(e) for e in examples(self.facts)[:2]]
        elif why == "not_covered":
            word = u.reading.outside[0]
            found = re.search(rf"\b{re.escape(word)}\b", typed, re.IGNORECASE)
            shown = found.group(0) if found else word  # as typed: "Scotland", "the weather"
            text = ENGINE.say("not_covered", shown=shown, about=about(self.facts))
            tips = [Suggestion(e) for e in examples(self.facts)[:2]]
        elif why == "not_counted":
            text = ENGINE.say("not_counted", have_figures=have)
            tips = [Suggestion(e) for e in examples(self.facts)[:2]]
        elif why == "not_named" and names:
            by_area = not any(n.isupper() for n in names) and (
                u.query.has("many", "number", "total", "rate") or u.query.measure)  # a place's figure asked for
            text = ENGINE.say("not_named_by_area" if by_area else "not_named", names=fmt.join(names),
                              about=about(self.facts))
            tips = [Suggestion(e) for e in examples(self.facts)[:2]]
        elif why == "doesnt_say" and said is not None:
            text = said.text
            tips = [Suggestion(f) for f in said.followups] or [Suggestion(e) for e in examples(self.facts)[:2]]
        elif why == "empty":
            text = ENGINE.say("empty", about=about(self.facts))
            tips = [Suggestion(e) for e in examples(self.facts)[:3]]
        else:
            text = ENGINE.say("off_topic", about=about(self.facts))
            tips = [Suggestion(e) for e in examples(self.facts)[:3]]
        entities = self._entities(u, u.query.periods)
        entities["declined"] = why  # why there is no answer: "doesnt_say", "no_data", "off_topic" ...
        return Reply(
            text,
            None,
            decision.top.confidence if decision and decision.top else 0.0,
            "decline",
            entities,
            tuple(said.sources) if said is not None else (),
            tuple(tips),
        )


def _readers(cls: type[Engine]) -> tuple[Callable[[Engine, Turn], Turned | None], ...]:
    """The readers' functions in `READERS` order, looked up once per class rather than by name on every turn."""
    found = _READERS_OF.get(cls)
    if found is None:
        found = _READERS_OF[cls] = tuple(getattr(cls, name) for name in cls.READERS)
    return found


_READERS_OF: dict[type, tuple[Callable[[Engine, Turn], Turned | None], ...]] = {}
