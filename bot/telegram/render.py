"""Reply objects as Telegram messages: escaped HTML, split below the size limit, and buttons."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from contextlib import AbstractContextManager
from html import escape

from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.ext import ContextTypes

from ..answers.replies import TELEGRAM, speaking
from ..reply import Reply, Suggestion

MAX_MESSAGE = 4096
SAFE_CHUNK = 4000  # leaves room for markup added around a chunk
MAX_CALLBACK_BYTES = 64
NONE_OF_THESE = "x"


# A line that quotes the article: "“…” — speaker", "The article says: “…”", "• “…”".
_QUOTE_LINE = re.compile(r"^((?:• )?(?:The article[^“]*?: )?)“(.+)”((?: — .*)?)$")


def wording(context: ContextTypes.DEFAULT_TYPE) -> AbstractContextManager[None]:
    """Say what the bot says itself (help, hints, buttons, admin replies) in its engine's wording, so an engine
    loaded from another data folder speaks that folder's words; the shipped wording before there is an engine."""
    engine = context.application.bot_data.get("engine")
    return speaking(engine.replies) if engine is not None else contextlib.nullcontext()


def html(reply: Reply) -> str:
    """The answer as one HTML text: every piece of user or data text escaped; a did-you-mean intro in bold."""
    return _html(reply.text, bold_first_line=reply.kind == "clarify", sources=_source_texts(reply))


def _source_texts(reply: Reply) -> list[str]:
    return [_fold(s.text) for s in reply.sources]


def _fold(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).lower()


def _html(text: str, bold_first_line: bool, sources: list[str] = ()) -> str:
    """Escaped HTML; a line quoting one of the reply's source sentences word for word becomes a blockquote
    (only then: text the user typed is never given markup)."""
    lines = []
    for line in text.split("\n"):
        m = _QUOTE_LINE.match(line)
        if m and sources and any(_fold(m.group(2)) in s for s in sources):
            lead, quote, by = (escape(part, quote=False) for part in m.groups(""))
            lead = lead.removeprefix("• ")  # a blockquote is its own block: no bullet before it
            lines.append(f"{lead}<blockquote>“{quote}”</blockquote>{by}")
        else:
            lines.append(escape(line, quote=False))
    text = "\n".join(lines)
    if bold_first_line:
        first, _, rest = text.partition("\n")
        text = f"<b>{first}</b>" + (f"\n{rest}" if rest else "")
    return text


def messages(reply: Reply, limit: int = SAFE_CHUNK) -> list[str]:
    """The answer as HTML messages, each within Telegram's limit.

    The plain text is split first and each piece rendered on its own, so no tag or entity is ever cut.
    """
    out: list[str] = []
    sources = _source_texts(reply)
    # Pieces are measured as they will be sent (escaped, in UTF-16 units), so "&" and emoji cost what they cost
    # and a long answer full of them still fills each message rather than being cut into slivers.
    for i, piece in enumerate(split(reply.text, limit, measure=lambda t: _units(escape(t, quote=False)))):
        rendered = _html(piece, bold_first_line=reply.kind == "clarify" and i == 0, sources=sources)
        if _units(rendered) > MAX_MESSAGE:  # markup added round a quote: split that piece once more
            out.extend(_html(p, False) for p in split(piece, limit // 2, measure=lambda t: _units(escape(t))))
        else:
            out.append(rendered)
    return out


def _units(text: str) -> int:
    """Length as Telegram measures it: UTF-16 code units (an emoji beyond U+FFFF counts two)."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def split(text: str, limit: int = SAFE_CHUNK, measure: Callable[[str], int] = len) -> list[str]:
    """Split plain text on line breaks (then spaces, then anywhere) so every piece measures at most `limit`."""
    if measure(text) <= limit:
        return [text]
    chunks: list[str] = []
    current = ""
    for line in text.split("\n"):
        while measure(line) > limit:  # one enormous line: cut at a space, or hard
            fit = _longest_prefix(line, limit, measure)
            cut = line.rfind(" ", 0, fit)
            cut = cut if cut > fit // 2 else fit
            if current:
                chunks.append(current)
                current = ""
            chunks.append(line[:cut])
            line = line[cut:].lstrip()
        candidate = f"{current}\n{line}" if current else line
        if measure(candidate) > limit:
            chunks.append(current)
            current = line
        else:
            current = candidate
    if current:
        chunks.append(current)
    return [c for c in chunks if c.strip()] or [text[:limit]]


def _longest_prefix(line: str, limit: int, measure: Callable[[str], int]) -> int:
    """How many characters of `line` fit in `limit` as measured (a binary search: escaping is not linear)."""
    lo, hi = 1, len(line)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if measure(line[:mid]) <= limit:
            lo = mid
        else:
            hi = mid - 1
    return lo


def callback_for(suggestion: Suggestion) -> str | None:
    """Callback data for a button: the intent for a did-you-mean candidate ("i:figures.count", always
    short), the question itself for a follow-up ("q:And the previous year?"); None if it cannot fit."""
    data = f"i:{suggestion.intent}" if suggestion.intent else f"q:{suggestion.text}"
    return data if len(data.encode()) <= MAX_CALLBACK_BYTES else None


def keyboard(reply: Reply, limit: int = 3) -> InlineKeyboardMarkup | None:
    """Did-you-mean candidates (plus "None of these") or follow-up questions, one per row (in the wording in use:
    the caller's engine's, `speaking(engine.replies)`)."""
    rows = []
    for suggestion in reply.suggestions[:limit]:
        data = callback_for(suggestion)
        if data:
            rows.append([InlineKeyboardButton(suggestion.text, callback_data=data)])
    if reply.kind == "clarify" and rows:
        rows.append([InlineKeyboardButton(TELEGRAM.say("none_of_these"), callback_data=NONE_OF_THESE)])
    return InlineKeyboardMarkup(rows) if rows else None
