"""Sending a reply through a flaky network: bounded retries with backoff, then one log line and move on.

python-telegram-bot retries nothing by itself except flood control (429 `RetryAfter`, which the
`AIORateLimiter` waits out). Here a send that failed *before Telegram accepted it* is tried again:

* a 5xx answer from Telegram (500, 502 "Bad Gateway" ...): Telegram did not take the message;
* a connection that could not be opened (connect error, connect timeout, pool timeout): nothing was sent.

It is tried `len(backoff) + 1` times in all, waiting `backoff[i]` seconds before retry i+1, then
one line is logged ("gave up delivering a reply to chat type X after N attempts: ...") and the
handler returns, so the bot keeps serving other updates.

What is *not* retried, on purpose:

* a timeout while waiting for the answer (read or write timeout) or a connection dropped after the
  request went out: Telegram may already have delivered the message, and sendMessage has no
  idempotency key, so a retry could show the user the same reply twice. It is logged once and
  given up: at most once, never twice. (The emulator test shows the case: the reply arrives late
  and exactly once.)
* `BadRequest` (the message itself is wrong) and `Forbidden` (the user blocked the bot): retrying
  cannot help; they go to the error handler as before.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

import httpx
from telegram.error import BadRequest, NetworkError, TimedOut

log = logging.getLogger("scrbot.delivery")

T = TypeVar("T")

DEFAULT_BACKOFF = (0.2, 0.5, 1.0)  # seconds before the 2nd, 3rd and 4th attempt
DEFAULT_TIMEOUT = 10.0  # seconds to wait for Telegram's answer to one send


@dataclass(frozen=True)
class DeliveryPolicy:
    backoff: tuple[float, ...] = DEFAULT_BACKOFF
    timeout: float = DEFAULT_TIMEOUT  # read/write timeout of each send (PTB's default is 5 s)

    @property
    def attempts(self) -> int:
        return len(self.backoff) + 1


def not_sent(exc: BaseException) -> bool:
    """True when the failure proves Telegram did not accept the request, so sending again cannot duplicate it."""
    if isinstance(exc, BadRequest) or not isinstance(exc, NetworkError):
        return False  # BadRequest, Forbidden, RetryAfter (left to AIORateLimiter), InvalidToken ...
    cause = exc.__cause__
    if isinstance(exc, TimedOut):
        return isinstance(cause, (httpx.ConnectTimeout, httpx.PoolTimeout))
    if cause is None:
        return True  # Telegram answered with an error status (5xx): it did not take the message
    return isinstance(cause, httpx.ConnectError)


def policy_of(bot_data: Mapping[str, Any]) -> DeliveryPolicy:
    return bot_data.get("delivery") or DeliveryPolicy()


async def deliver(
    send: Callable[[float], Awaitable[T]], chat_type: str, policy: DeliveryPolicy, what: str = "a reply"
) -> T | None:
    """Run `send(timeout)`; retry only failures that prove nothing was sent; None when it gave up."""
    for attempt in range(1, policy.attempts + 1):
        try:
            return await send(policy.timeout)
        except NetworkError as exc:
            if isinstance(exc, BadRequest):
                raise
            retry = not_sent(exc) and attempt < policy.attempts
            if retry:
                await asyncio.sleep(policy.backoff[attempt - 1])
                continue
            why = "" if not_sent(exc) else " (the request may have reached Telegram, so it is not sent again)"
            log.warning(
                "gave up delivering %s to chat type %s after %d attempt%s: %s: %s%s",
                what,
                chat_type,
                attempt,
                "" if attempt == 1 else "s",
                type(exc).__name__,
                exc,
                why,
            )
            return None
    return None  # not reached
