"""The source article, split into numbered sentences that facts cite by verbatim quote."""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "—": "-", "–": "-"})
_SPACE = re.compile(r"\s+")


def _comparable(text: str) -> str:
    """Fold quotes, dashes, case and spacing, so a quote matches however the YAML typed them."""
    return _SPACE.sub(" ", text.translate(_QUOTES)).strip().lower()


class Sentence(NamedTuple):
    """One sentence of the article, as shown to users when they ask for the source."""

    line: int
    text: str

    def to_json(self) -> dict[str, object]:
        return {"id": f"article:{self.line}", "line": self.line, "text": self.text}


class Article:
    """The article the whole fact base is drawn from; one sentence per line, as published."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.sentences = [
            Sentence(number, line.strip()) for number, line in enumerate(text.splitlines(), start=1) if line.strip()
        ]
        self._folded = [_comparable(s.text) for s in self.sentences]

    def find(self, quote: str) -> Sentence | None:
        """The sentence containing `quote` (case, quotes and spacing folded), or None if it is not there."""
        needle = _comparable(quote)
        if not needle:
            return None
        for sentence, folded in zip(self.sentences, self._folded, strict=True):
            if needle in folded:
                return sentence
        return None
