"""A third adapter in one module, used only by tests: a transcript in, a transcript out (like errbot's testbot).

It proves what a new platform costs: translate what arrived into an `Incoming`, render the `Reply`.
Limits, context, recording and the store are the conversation core's.
"""

from __future__ import annotations

from bot.core import Conversation, Incoming
from bot.reply import Reply


class TestBot:
    __test__ = False  # not a test class, for pytest

    def __init__(self, core: Conversation) -> None:
        self.core = core
        self.said: list[tuple[str, str]] = []  # (who, text), the whole transcript

    async def ask(self, text: str, user: int = 1, chat: int = 1, chat_type: str = "private") -> str | None:
        """Ask as `user` in `chat`; the text the bot sent (the limit notice included), or None for silence."""
        out: list[str] = []

        async def send(reply: Reply) -> None:
            out.append(reply.text)

        async def notify(notice: str) -> None:
            out.append(notice)

        self.said.append((f"user {user}", text))
        await self.core.turn(Incoming(text, user, chat, chat_type), send, notify)
        for line in out:
            self.said.append(("bot", line))
        return "\n".join(out) if out else None
