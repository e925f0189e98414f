"""Text normalisation: the one place that decides what a question looks like before it is read.

Digits, '/', '-', '.' and apostrophes survive (periods and "children's" need them); emoji,
markup and other symbols become spaces.
"""

from __future__ import annotations

import re
import unicodedata

from .. import lazyre

MAX_QUESTION_CHARS = 1000  # beyond this we read only the start; nobody's question is longer

_TRANSLATE = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "`": "'",
        "´": "'",
        "ʼ": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "«": '"',
        "»": '"',
        "‐": "-",
        "‑": "-",
        "‒": "-",
        "–": "-",
        "—": "-",
        "―": "-",
        "−": "-",
        "﹣": "-",
        "－": "-",
        "⁄": "/",
        "∕": "/",
        "／": "/",
        "&": " and ",
        "%": " percent ",
    }
)
_PREFIX = lazyre.compile(r"^\s*(?:/ask(?:@\w+)?\b|/start(?:@\w+)?\b)", re.IGNORECASE)
_MENTION = lazyre.compile(r"@\w+")
_TAG = lazyre.compile(r"</?[a-z][^>]{0,200}>", re.IGNORECASE)
_KEEP = lazyre.compile(r"[^a-z0-9/\-.' ]+")
_SPACES = lazyre.compile(r"\s+")
_WORD_HYPHEN = lazyre.compile(r"(?<=[a-z])-(?=[a-z])")
_YEAR_APOSTROPHE = lazyre.compile(r"'(?=\d)")  # '11/'12
_YEAR_RANGE = lazyre.compile(r"\b(\d{2,4}/\d{2,4}) ?[-\u2013\u2014] ?(?=\d{2,4}/\d{2,4}\b)")  # 2011/12-2013/14
# "(commissioned - published) / commissioned": a formula's signs, said in words before the punctuation goes
_FORMULA = lazyre.compile(r"\(\s*([a-z][a-z ]*?)\s+-\s+([a-z][a-z ]*?)\s*\)\s*/\s*(?=[a-z])")
_LONE_PUNCT = lazyre.compile(r"(?<![a-z0-9])[.'\-/]+|[.'\-/]+(?![a-z0-9])")


def _visible(text: str) -> str:
    """Drop invisible format characters (zero-width joiners, soft hyphens, bidi marks, BOM) so that a
    name pasted with one inside ("Tim\u200dpson") is still one word."""
    if text.isascii():  # no format characters there, and most questions are plain ASCII
        return text
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


def normalise(text: str) -> str:
    """Lower-case ASCII-ish text with bot prefixes, mentions, emoji and stray punctuation removed.

    Every message passes here, so each pattern runs only when the character it needs is there (Unicode
    normal forms leave ASCII as it is)."""
    text = _visible(text[:MAX_QUESTION_CHARS])
    ascii_only = text.isascii()
    text = (text if ascii_only else unicodedata.normalize("NFKC", text)).translate(_TRANSLATE)
    if "/" in text:
        text = _PREFIX.sub(" ", text)
    if "@" in text:
        text = _MENTION.sub(" ", text)
    if "<" in text:
        text = _TAG.sub(" ", text)
    if not ascii_only:
        text = unicodedata.normalize("NFKD", text)
        if not text.isascii():  # accents off: "Muñro" is "Munro"
            text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.lower()
    if "(" in text:
        text = _FORMULA.sub(r"(\1 minus \2) over ", text)
    text = _KEEP.sub(" ", text)
    if "-" in text:
        text = _WORD_HYPHEN.sub(" ", text)
    if "'" in text:
        text = _YEAR_APOSTROPHE.sub("", text)
    if "/" in text:
        text = _YEAR_RANGE.sub(r"\1 to ", text)
    if "." in text or "'" in text or "-" in text or "/" in text:
        text = _LONE_PUNCT.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


def tokens(text: str) -> list[str]:
    """Split normalised text into words; a trailing possessive ('s) is kept with its word."""
    return [t for t in (w.strip(".'-/") for w in text.split()) if t]
