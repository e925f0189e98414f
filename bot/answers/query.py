"""What a composer gets (the understood question) and gives back (an answer with its sources)."""

from __future__ import annotations

from ..conversation import Context
from ..knowledge.article import Sentence
from ..understanding.lexicon import Mention


class Query:
    """The question as slots: periods resolved against the data, measure, named things, words."""

    def __init__(
        self,
        tokens: list[str],
        *,
        mentions: list[Mention] | None = None,
        pronouns: list[str] | None = None,
        context: Context | None = None,
    ) -> None:
        self.tokens = tokens
        self.periods: list[str] = []  # period ids, in the order asked
        self.missing: list[str] = []  # labels asked for with no data
        self.notes: list[str] = []  # e.g. "2013 is a calendar year ..."
        self.years: list[int] = []  # calendar years named ("what happened in 2013?")
        self.months: list[str] = []  # months named, as "YYYY-MM" ("in July 2012")
        self.measure: str | None = None  # None: both / not said
        self.mentions = mentions if mentions is not None else []
        self.pronouns = pronouns if pronouns is not None else []
        self.context = context if context is not None else Context()
        self.carried = False  # mentions taken from the last turn, not named in this question
        self.content: list[str] = []  # the question's content words (not stopwords or question words)
        self.excluded: list[str] = []  # periods the question leaves out ("other than 2012/13")
        self.text = ""  # the question as normalised, for wording the tokens no longer show ("pivotal")
        self.by_event = False  # the periods are those of an event named ("in the year Ofsted stopped evaluating")

    def has(self, *words: str) -> bool:
        tokens = self.tokens
        return any(word in tokens for word in words)

    def mentioned(self, kind: str) -> list[str]:
        out: list[str] = []
        for m in self.mentions:
            if m.kind == kind and m.id not in out:
                out.append(m.id)
        return out


class Answer:
    """What a composer says: text, the sentences it cites and the follow-ups it offers."""

    def __init__(self, text: str, *, followups: list[str] | None = None, periods: list[str] | None = None) -> None:
        self.text = text
        self.sources: list[Sentence] = []
        self.followups = followups if followups is not None else []
        self.people: list[str] = []  # people this answer names, for "who's he?"
        self.topics: list[str] = []
        self.periods = periods  # the periods this answer is about, when it chose them itself
        self.lacking = False  # the text says the article does not hold what was asked: a decline, not an answer
        self._cited: set[Sentence] = set()

    def add_sources(self, *sentences: Sentence) -> None:
        """Cite sentences once each, in the order first cited."""
        for s in sentences:
            if s not in self._cited:
                self._cited.add(s)
                self.sources.append(s)
