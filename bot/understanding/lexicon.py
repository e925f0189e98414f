"""Words to canonical tokens: typo correction, fillers, synonyms and named things.

Questions and templates go through the same `Lexicon.canonical`, so "sreious case reveiws
relased" and the template "serious case reviews published" meet as "scr published".
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar, NamedTuple

from rapidfuzz import fuzz, process

from ..knowledge.model import FactBase, LexiconData
from .memo import Memoised
from .normalise import tokens as split_tokens

PERSON = "person"  # the token that stands for any named person or he/she in a question
_PERIOD_WORDS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)


class Mention(NamedTuple):
    """A named thing found in the question: a person, organisation, term or event (by id)."""

    kind: str
    id: str
    text: str


_NAMING = frozenset({"named", "said", "mentioned", "name"})


class Reading(NamedTuple):
    """A question as canonical tokens, with what was found on the way."""

    tokens: list[str]
    mentions: list[Mention]
    pronouns: list[str]
    unknown: list[str]  # content words the bot does not know (a sign the question is off-topic)
    known: list[str]  # content words it knows
    signature: list[str]  # what the matcher scores: known content words plus question words
    named: set[str]  # output tokens that stand for a named thing (an SCR, Ofsted, a person)
    outside: list[str]  # words naming something the article does not cover (Scotland, schools)
    unknown_subject: bool = False  # an unknown word is what the question is about ("how many *trains*")
    uncounted: tuple[str, ...] = ()  # a known thing the question wants counted, which no figure counts


def _sizes_by_first_word(table: dict[tuple[str, ...], object]) -> dict[str, list[int]]:
    sizes: dict[str, set[int]] = {}
    for key in table:
        if key:
            sizes.setdefault(key[0], set()).add(len(key))
    return {word: sorted(lengths, reverse=True) for word, lengths in sizes.items()}


class Lexicon(Memoised):
    """Compiled lexicon: phrase tables for fillers, synonyms and entity aliases, plus vocabulary."""

    MEMOS: ClassVar[dict[str, str]] = {"_correct_cached": "_correct"}  # spelling corrections

    def __init__(self, data: LexiconData, facts: FactBase, template_texts: list[str] = ()) -> None:
        self.stopwords = frozenset(data.stopwords)
        self.keep = frozenset(data.keep)
        self.single_word_ok = frozenset(data.single_word_ok)
        self.not_covered = {tuple(split_tokens(w)) for w in data.not_covered}
        self._not_covered_by_first: dict[str, list[tuple[str, ...]]] = {}  # asked of every question: by first word
        for key in sorted(self.not_covered):
            self._not_covered_by_first.setdefault(key[0], []).append(key)
        self.subject_markers = [tuple(split_tokens(w)) for w in data.subject_markers]
        self.count_markers = [tuple(split_tokens(w)) for w in data.count_markers]
        self.not_counted = frozenset(data.not_counted)
        self.framing = frozenset(data.framing)
        self.fallback_words = dict(data.fallback_words)
        self.spellings = dict(data.spellings)
        self.measure_words = {word: measure for measure, words in data.measures.items() for word in words}
        self._fillers = {tuple(f.split()): () for f in data.fillers}
        self._synonyms: dict[tuple[str, ...], tuple[str, ...]] = {}
        for canonical, variants in data.synonyms.items():
            for variant in variants:
                self._synonyms[tuple(split_tokens(variant))] = tuple(canonical.split())
        self._entities: dict[tuple[str, ...], list[Mention]] = {}
        for kind, items in (
            ("person", facts.people.values()),
            ("organisation", facts.organisations.values()),
            ("term", facts.terms.values()),
            ("event", facts.events),
        ):
            for item in items:
                for alias in item.aliases:
                    key = tuple(split_tokens(alias))
                    self._entities.setdefault(key, []).append(Mention(kind, item.id, alias))
        self._pronouns = {"he", "she", "him", "her", "his", "hers"}
        # For each first word, the lengths of the phrases that start with it, longest first: a phrase
        # lookup then costs one dict access for the (many) words that start no phrase.
        self._synonym_sizes = _sizes_by_first_word(self._synonyms)
        self._filler_sizes = _sizes_by_first_word(self._fillers)
        self._starts_phrase = frozenset(self._synonym_sizes) | frozenset(self._filler_sizes)
        self._phrase_sizes = _sizes_by_first_word({**self._entities, **self._synonyms})
        # Known words stand on their own; words met only inside a phrase ("time" in "over time",
        # "sue" in "sue woolmore") are spellings to correct towards, not evidence of the subject.
        vocab: set[str] = set(self.stopwords) | set(self.measure_words) | set(data.spellings.values())
        spellings: set[str] = set(vocab)
        for table in (self._synonyms, self._entities, self._fillers):
            for key in table:
                spellings.update(key)
                if len(key) == 1:
                    vocab.update(key)
        for canonical in data.synonyms:
            vocab.update(canonical.split())
        vocab.update({"organisation", "term", "event", PERSON})
        self._base_vocab = vocab
        self._base_spellings = spellings | vocab
        self.vocabulary: frozenset[str] = frozenset()
        self.add_vocabulary(template_texts)

    def add_vocabulary(self, texts: list[str]) -> None:
        """Words from templates become known words (and typo-correction targets)."""
        vocab = set(self._base_vocab)
        for text in texts:
            vocab.update(split_tokens(text))
        vocab -= _PERIOD_WORDS
        self.vocabulary = frozenset(vocab)
        self._spellings = frozenset((self._base_spellings | vocab) - _PERIOD_WORDS)
        self._by_initial: dict[str, list[str]] = {}
        for w in sorted(self._spellings):
            if len(w) >= 4:
                self._by_initial.setdefault(w[0], []).append(w)
        self._build_memos()

    def _correct(self, word: str) -> str:
        if word in self._spellings or len(word) < 4 or not word.isalpha():
            return word
        # Typos rarely change the first letter; requiring it keeps "cancelled" from becoming "called".
        choices = self._by_initial.get(word[0], ())
        cutoff = 85 if len(word) >= 8 or len(word) == 4 else 80
        best = process.extractOne(word, choices, scorer=fuzz.ratio, score_cutoff=cutoff)
        return best[0] if best else word

    def correct(self, word: str) -> str:
        """The known word a typo most likely meant, or the word itself."""
        return self._correct_cached(word)

    def _word(self, word: str) -> str:
        """A known form of one word: possessives lose their 's ("timpson's" -> "timpson"), typos are corrected."""
        if word.endswith("'s") and word not in self.vocabulary and len(word) > 4:
            stem = self.correct(word[:-2])
            if stem in self._spellings:  # ("professor's": a word of "which professor")
                return stem
        return self.correct(word)

    @staticmethod
    def _longest(table: dict, sizes_by_word: dict[str, list[int]], words: list[str], i: int) -> int:
        """Length of the longest phrase of `table` starting at words[i] (0 if none)."""
        sizes = sizes_by_word.get(words[i])
        if not sizes:
            return 0
        return next((size for size in sizes if tuple(words[i : i + size]) in table), 0)

    def _drop_fillers(self, words: list[str]) -> list[str]:
        """Remove chat noise first, so "where does this info come from" still meets "where does this come from"."""
        out: list[str] = []
        i = 0
        starts = self._starts_phrase
        while i < len(words):
            if words[i] not in starts:  # most words: no synonym or filler starts with them
                out.append(words[i])
                i += 1
                continue
            synonym = self._longest(self._synonyms, self._synonym_sizes, words, i)
            filler = self._longest(self._fillers, self._filler_sizes, words, i) if words[i] in self._filler_sizes else 0
            if filler > synonym:
                i += filler
            elif synonym:  # "how do you know" is a question, though "do you know" is filler
                out.extend(words[i : i + synonym])
                i += synonym
            else:
                out.append(words[i])
                i += 1
        return out

    def _outside(self, raw: list[str]) -> list[str]:
        """Names of things the article does not cover that the question mentions ("scotland")."""
        words = set(raw)
        firsts = words & self._not_covered_by_first.keys()
        if not firsts:
            return []
        joined = f" {' '.join(raw)} "
        found = [
            " ".join(k)
            for first in firsts
            for k in self._not_covered_by_first[first]
            if len(k) == 1 or f" {' '.join(k)} " in joined
        ]
        return sorted(found, key=lambda w: (joined.find(f" {w} "), w))  # as the question names them, every run

    def canonical(self, word: str) -> tuple[str, ...]:
        """One word as the lexicon reads it alone: "increase" in the name "dramatic increase" is still "rise"
        (and "guidance" in "the revised guidance" is "working together")."""
        return tuple(self._synonyms.get((word,), (word,)))

    def read(self, text: str, template: bool = False) -> Reading:
        """Canonical tokens of normalised text (periods already cut out).

        `template=True` skips what only questions need (uncovered places, unknown subjects): loading
        28,000 templates is then a third faster.
        """
        raw = [self.spellings.get(w, w) for w in split_tokens(text)]
        outside = [] if template else self._outside(raw)
        if outside:  # not the "school" of "as a school governor, ...": a filler phrase names nothing
            outside = self._outside(self._drop_fillers(raw))
        spelt = self._spellings  # a word already spelt as the bot knows it needs no correcting
        words = self._drop_fillers([w if w in spelt and not (w.endswith("'s") and w[:-2] in self.vocabulary)
                                    else self._word(w) for w in raw])  # ("government's": a known spelling, but
        out: list[str] = []  # of the known "government")
        mentions: list[Mention] = []
        pronouns: list[str] = []
        named: set[str] = set()
        i = 0
        while i < len(words):
            sizes = self._phrase_sizes.get(words[i], ())
            for size in sizes:
                key = tuple(words[i : i + size])
                found = self._entities.get(key)
                if found:
                    mentions.extend(found)
                    start = len(out)
                    if any(m.kind == "person" for m in found):
                        out.append(PERSON)
                    elif key in self._synonyms or len(key) < 3 or found[0].kind != "organisation":
                        out.extend(self._synonyms.get(key, key))
                    else:  # a long name ("association of independent ...") counts as one word
                        out.append(found[0].kind)
                    named.update(out[start:])
                    i += size
                    break
                if key in self._synonyms:
                    if size == 1 and key[0] in self._pronouns:
                        pronouns.append(key[0])
                    canonical = self._synonyms[key]
                    if canonical in self._entities:  # "working together guidance" names Working Together
                        mentions.extend(self._entities[canonical])
                        named.update(canonical)
                    out.extend(canonical)
                    i += size
                    break
            else:
                out.append(words[i])
                i += 1
        signature = [t for t in out if t in self.keep or (t not in self.stopwords and t in self.vocabulary)]
        if template:
            return Reading(out, mentions, pronouns, [], [], signature, named, outside)
        content = [t for t in out if t not in self.stopwords and t not in self.keep and not t[0].isdigit()]
        known = [t for t in content if t in self.vocabulary]
        unknown = [t for t in content if t not in self.vocabulary and t not in self.framing]  # "who *called* it ..."
        subject = self._unknown_subject(out, set(unknown))
        uncounted = self._uncounted(out)
        return Reading(out, mentions, pronouns, unknown, known, signature, named, outside, subject, uncounted)

    def _uncounted(self, tokens: list[str]) -> tuple[str, ...]:
        """What "how many ..." asks to count when it is something the article names but never counts
        ("how many *councils*", "number of *ministers*"); empty otherwise."""
        for following in self._after_markers(tokens, self.count_markers):
            if following and following[0] in self.not_counted and not set(following[1:]) & _NAMING:
                return (following[0],)  # (but "how many people are named?" counts the article's own names)
        return ()

    def _unknown_subject(self, tokens: list[str], unknown: set[str]) -> bool:
        """Whether an unknown word is what the question asks about: right after "how many", "who is" ..."""
        return any(
            any(t in unknown for t in following) for following in self._after_markers(tokens, self.subject_markers)
        )

    def _after_markers(self, tokens: list[str], markers: list[tuple[str, ...]]) -> Iterator[list[str]]:
        """Wherever a marker phrase occurs, the (up to two) words after it that are not stopwords."""
        for marker in markers:
            size = len(marker)
            if marker[0] not in tokens:
                continue
            for i in range(len(tokens) - size):
                if tuple(tokens[i : i + size]) == marker:
                    yield [t for t in tokens[i + size : i + size + 5] if t not in self.stopwords][:2]
