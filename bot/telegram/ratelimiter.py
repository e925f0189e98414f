"""python-telegram-bot's `AIORateLimiter`, except that a 429 holds back only the chat it came for.

The stock limiter pauses every request of the bot while it waits out one chat's `retry_after`, so
one flooded group made everyone wait (20 s for `retry_after=20`). Telegram's flood limits are per
chat (and kept here per group and overall by the same limiters as before); only the wait is local.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from telegram.error import RetryAfter
from telegram.ext import AIORateLimiter

log = logging.getLogger("scrbot.ratelimit")


class ChatRetryLimiter(AIORateLimiter):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._paused: dict[object, float] = {}  # chat id -> loop time until which its requests wait

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, Any]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> Any:
        retries = rate_limit_args or self._max_retries
        chat_id = data.get("chat_id")
        with contextlib.suppress(ValueError, TypeError):
            chat_id = int(chat_id)  # type: ignore[arg-type]
        group = chat_id if (isinstance(chat_id, int) and chat_id < 0) or isinstance(chat_id, str) else False
        loop = asyncio.get_running_loop()
        for attempt in range(retries + 1):
            until = self._paused.get(chat_id, 0.0)
            if until > loop.time():
                await asyncio.sleep(until - loop.time())
            try:
                return await self._run_request(
                    chat=chat_id is not None,
                    group=group,
                    allow_paid_broadcast=bool(data.get("allow_paid_broadcast", False)),
                    callback=callback,
                    args=args,
                    kwargs=kwargs,
                )
            except RetryAfter as exc:
                if attempt == retries:
                    log.warning("gave up after %d waits for Telegram's flood limit (%s)", retries, endpoint)
                    raise
                wait = exc._retry_after.total_seconds()  # the timedelta, without the deprecation warning
                log.info("Telegram asked to wait %.1f s before %s in one chat; other chats go on", wait, endpoint)
                self._paused[chat_id] = loop.time() + wait + 0.1
            finally:
                if self._paused.get(chat_id, 0.0) <= loop.time():
                    self._paused.pop(chat_id, None)
        return None
