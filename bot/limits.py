"""Per-user and per-group question limits, so one member cannot flood a group (or the bot) through it.

Each question (an answered message, /ask, a command that answers, a button, an inline query) adds
one to a counter in the `Store` (`incr` with a window, keys namespaced `rate`: atomic in Redis, so
the limit holds across several replicas): one per user, and one per group chat. Over the limit,
the first question of the window gets one short, polite notice; the rest of the window is silent.
Admins (SCRBOT_ADMIN_IDS) are never limited. Telegram's own limits are handled separately, by
python-telegram-bot's `AIORateLimiter`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from .state import Store

NAMESPACE = "rate"
NOTICE = "You're asking faster than I can answer well — try again in a minute."
DEFAULT_USER_RATE = 10  # questions per user per window
DEFAULT_GROUP_RATE = 20  # questions per group chat per window: Telegram's own limit for a group
INLINE_SESSION = 10.0  # seconds: inline queries closer together than this are one question being typed
INLINE_KEYSTROKES = 12  # ... counted once more every this many queries, so endless typing is not free
WINDOW = 60.0  # seconds


class Verdict(Enum):
    ANSWER = "answer"
    NOTICE = "notice"  # the first question over the limit in this window: say so, once
    SILENCE = "silence"  # the rest of the window


@dataclass(frozen=True)
class RateLimits:
    user: int = DEFAULT_USER_RATE  # 0: no per-user limit
    group: int = DEFAULT_GROUP_RATE  # 0: no per-group limit
    window: float = WINDOW


class Limiter:
    def __init__(self, store: Store, limits: RateLimits, exempt: frozenset[int] = frozenset()) -> None:
        self.store = store
        self.limits = limits
        self.exempt = exempt

    async def _count(self, key: str, limit: int) -> Verdict:
        if limit <= 0:
            return Verdict.ANSWER
        count = await self.store.incr(NAMESPACE, key, self.limits.window)
        if count <= limit:
            return Verdict.ANSWER
        return Verdict.NOTICE if count == limit + 1 else Verdict.SILENCE

    async def check_inline(self, user_id: int | None) -> Verdict:
        """An inline query: counted once per typing session (queries less than INLINE_SESSION s apart).

        Telegram sends a query for every keystroke; counting each one spent a user's whole budget on
        one question.
        """
        if user_id is None or user_id in self.exempt:
            return Verdict.ANSWER
        key = f"i:{user_id}"
        session = await self.store.get(NAMESPACE, key)
        typed = session["n"] + 1 if isinstance(session, dict) else 0
        verdict = await self.check(user_id) if typed % INLINE_KEYSTROKES == 0 else Verdict(session["v"])
        await self.store.put(NAMESPACE, key, {"v": verdict.value, "n": typed}, ttl=INLINE_SESSION)
        return verdict

    async def check(self, user_id: int | None, chat_id: int | None = None, group: bool = False) -> Verdict:
        """Count one question by `user_id` (in group `chat_id` when `group`); what to do with it."""
        if user_id is not None and user_id in self.exempt:
            return Verdict.ANSWER
        if user_id is not None:
            verdict = await self._count(f"u:{user_id}", self.limits.user)
            if verdict is not Verdict.ANSWER:
                return verdict  # the group's budget is not spent on a member who is over theirs
        if group and chat_id is not None:
            return await self._count(f"g:{chat_id}", self.limits.group)
        return Verdict.ANSWER
