"""Reply objects as Telegram messages: escaped HTML, split below the size limit, and buttons."""

from __future__ import annotations

from html import escape

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from ..reply import Reply

MAX_MESSAGE = 4096
SAFE_CHUNK = 4000  # leaves room for markup added around a chunk
MAX_CALLBACK_BYTES = 64
NONE_OF_THESE = "x"


def html(reply: Reply) -> str:
    """The answer as HTML: every piece of user or data text escaped; a did-you-mean intro in bold."""
    text = escape(reply.text, quote=False)
    if reply.kind == "clarify":
        first, _, rest = text.partition("\n")
        text = f"<b>{first}</b>" + (f"\n{rest}" if rest else "")
    return text


def split(text: str, limit: int = SAFE_CHUNK) -> list[str]:
    """Split on line breaks (then spaces) so every chunk fits Telegram's limit and no tag is cut."""
    if len(text) <= limit:
        return [text]
    chunks: list[str] = []
    current = ""
    for line in text.split("\n"):
        while len(line) > limit:  # one enormous line: cut at a space, or hard
            cut = line.rfind(" ", 0, limit)
            cut = cut if cut > limit // 2 else limit
            if current:
                chunks.append(current)
                current = ""
            chunks.append(line[:cut])
            line = line[cut:].lstrip()
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            chunks.append(current)
            current = line
        else:
            current = candidate
    if current:
        chunks.append(current)
    return [c for c in chunks if c.strip()] or [text[:limit]]


def callback_for(question: str) -> str | None:
    """Callback data that asks `question` again when pressed, or None if it would not fit in 64 bytes."""
    data = f"q:{question}"
    return data if len(data.encode()) <= MAX_CALLBACK_BYTES else None


def keyboard(reply: Reply, limit: int = 3) -> InlineKeyboardMarkup | None:
    """Did-you-mean candidates (plus "None of these") or follow-up questions, one per row."""
    rows = []
    for suggestion in reply.suggestions[:limit]:
        data = callback_for(suggestion.text)
        if data:
            rows.append([InlineKeyboardButton(suggestion.text, callback_data=data)])
    if reply.kind == "clarify" and rows:
        rows.append([InlineKeyboardButton("None of these", callback_data=NONE_OF_THESE)])
    return InlineKeyboardMarkup(rows) if rows else None
