"""The source documents, split into numbered sentences that facts cite by verbatim quote.

The fact base can draw on several documents (`facts/sources.yaml`); the first is the article the bot
was built from (`facts/article.txt`). Each keeps what is known of it (title, publisher, date, URL);
what is not known stays empty and is said to be not recorded, never guessed.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from .. import lazyre

_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "—": "-", "–": "-"})
_SPACE = lazyre.compile(r"\s+")


def _comparable(text: str) -> str:
    """Fold quotes, dashes, case and spacing, so a quote matches however the YAML typed them."""
    return _SPACE.sub(" ", text.translate(_QUOTES)).strip().lower()


FIRST = "article"  # the id of the first source document when facts/sources.yaml does not name one


class Sentence(NamedTuple):
    """One sentence of a source document, as shown to users when they ask for the source."""

    line: int
    text: str
    source: str = FIRST  # the id of the document it is in

    @property
    def ref(self) -> str:
        """Where it is, as kept in a conversation's context: "document:line"."""
        return f"{self.source}:{self.line}"

    def to_json(self) -> dict[str, object]:
        return {"id": self.ref, "line": self.line, "text": self.text, "source": self.source}


class Article:
    """One source document; one sentence per line, as published, with what is known of it."""

    def __init__(
        self,
        path: Path,
        text: str,
        id: str = FIRST,
        title: str = "",
        publisher: str = "",
        date: str = "",
        url: str = "",
    ) -> None:
        self.path = path
        self.id = id
        self.title = title
        self.publisher = publisher
        self.date = date
        self.url = url
        self.sentences = [
            Sentence(number, line.strip(), id)
            for number, line in enumerate(text.splitlines(), start=1)
            if line.strip()
        ]
        self._folded = [_comparable(s.text) for s in self.sentences]

    def citation(self) -> str:
        """A citation a journalist can use: the known details, and plainly which are not recorded."""
        known = [f"“{self.title}”" if self.title else "", self.publisher, self.date, self.url]
        missing = [name for name, value in
                   (("title", self.title), ("publisher", self.publisher), ("date", self.date), ("address", self.url))
                   if not value]
        text = ", ".join(k for k in known if k) or self.path.name
        if missing:
            text += f" (its {_join(missing)} {'is' if len(missing) == 1 else 'are'} not recorded)"
        return text

    def line(self, number: int) -> Sentence | None:
        return next((s for s in self.sentences if s.line == number), None)

    def find(self, quote: str) -> Sentence | None:
        """The sentence containing `quote` (case, quotes and spacing folded), or None if it is not there."""
        needle = _comparable(quote)
        if not needle:
            return None
        for sentence, folded in zip(self.sentences, self._folded, strict=True):
            if needle in folded:
                return sentence
        return None


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


class Library:
    """Every source document, in order; a quote is looked up in each in turn (the first is the article)."""

    def __init__(self, documents: list[Article]) -> None:
        self.documents = documents

    def find(self, quote: str) -> Sentence | None:
        for document in self.documents:
            found = document.find(quote)
            if found is not None:
                return found
        return None

    def get(self, source_id: str) -> Article | None:
        return next((d for d in self.documents if d.id == source_id), None)

    def names(self) -> str:
        return ", ".join(d.path.name for d in self.documents)
