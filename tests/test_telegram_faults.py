"""Telegram failing under the bot, in-process: faults injected into the Bot API emulator.

* 429 with retry_after: `AIORateLimiter` waits it out; the reply is delivered once, after the wait.
* 500 / 502: `delivery.deliver` retries with backoff and either delivers once or gives up with one
  log line; the next question is answered either way.
* a send that times out while waiting for Telegram's answer is *not* retried (it may have been
  delivered): the emulator shows the reply arriving late, exactly once.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from telegram_harness import QUESTION, Harness, make_settings

from benchmarks.botapi_emulator import BotAPIEmulator
from bot.engine import Engine
from bot.settings import delivery_policy
from bot.telegram.app import build_application
from bot.telegram.delivery import DeliveryPolicy

BACKOFF = (0.05, 0.1, 0.2)
TIMEOUT = 0.5
ANSWER = "In 2013/14, 71 SCRs were published."


@pytest.fixture
async def tg(emu: BotAPIEmulator, engine: Engine, tmp_path: Path) -> AsyncIterator[Harness]:
    settings = make_settings(emu, tmp_path / "s.db", delivery=DeliveryPolicy(backoff=BACKOFF, timeout=TIMEOUT))
    app = build_application(settings, engine)
    async with app:
        await app.start()
        yield Harness(emu, app)
        await app.stop()


def gave_up(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.getMessage().startswith("gave up delivering")]


async def answered_next(tg: Harness) -> None:
    """The bot is still serving: the next question gets its answer."""
    calls = await tg.send(tg.emu.private_message(QUESTION))
    assert [(c.method, c.ok) for c in calls] == [("sendMessage", True)]
    assert calls[0].result["text"] == ANSWER


async def test_429_reply_is_delivered_once_after_retry_after(tg: Harness) -> None:
    tg.emu.inject_fault("sendMessage", 429, retry_after=1)
    calls = await tg.send(tg.emu.private_message(QUESTION))
    assert [(c.method, c.status) for c in calls] == [("sendMessage", 429), ("sendMessage", 200)]
    refused, delivered = calls
    assert delivered.result["text"] == ANSWER
    assert delivered.time - refused.time >= 1.0  # not before Telegram's retry_after


@pytest.mark.parametrize("status", [500, 502])
async def test_5xx_is_retried_with_backoff_and_delivered_once(
    tg: Harness, status: int, caplog: pytest.LogCaptureFixture
) -> None:
    tg.emu.inject_fault("sendMessage", status, count=2)
    with caplog.at_level(logging.WARNING):
        calls = await tg.send(tg.emu.private_message(QUESTION))
    assert [c.status for c in calls] == [status, status, 200]
    assert [c.result["text"] for c in calls if c.ok] == [ANSWER]
    waits = [b.time - a.time for a, b in itertools.pairwise(calls)]
    assert waits[0] >= BACKOFF[0] and waits[1] >= BACKOFF[1]
    assert gave_up(caplog) == []


async def test_persistent_502_gives_up_with_one_log_line_and_keeps_serving(
    tg: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    tg.emu.inject_fault("sendMessage", 502, count=10)
    with caplog.at_level(logging.WARNING):
        calls = await tg.send(tg.emu.private_message(QUESTION))
    assert [c.status for c in calls] == [502] * 4  # 1 + len(BACKOFF) attempts, then no more
    (line,) = gave_up(caplog)
    assert line.startswith("gave up delivering a reply to chat type private after 4 attempts: NetworkError")
    assert not any("error while handling an update" in r.getMessage() for r in caplog.records)
    tg.emu.clear_faults()
    await answered_next(tg)


async def test_a_read_timeout_is_not_retried_because_the_reply_may_have_been_delivered(
    tg: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    tg.emu.inject_fault("sendMessage", status=None, delay=TIMEOUT + 1.0)  # answered, but too late
    with caplog.at_level(logging.WARNING):
        await tg.send(tg.emu.private_message(QUESTION))
    (line,) = gave_up(caplog)
    assert "after 1 attempt: TimedOut" in line and "may have reached Telegram" in line
    delivered = await asyncio.to_thread(tg.emu.wait_for_calls, "sendMessage", 1, 5.0)
    assert [c.result["text"] for c in delivered if c.ok] == [ANSWER]  # arrived late, and exactly once
    await answered_next(tg)
    assert len([c for c in tg.emu.calls_to("sendMessage") if c.ok]) == 2


async def test_a_timeout_on_a_failing_send_gives_up_and_keeps_serving(
    tg: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    tg.emu.inject_fault("sendMessage", status=502, delay=TIMEOUT + 0.5)
    with caplog.at_level(logging.WARNING):
        await tg.send(tg.emu.private_message(QUESTION))
    assert len(gave_up(caplog)) == 1
    await answered_next(tg)
    await asyncio.to_thread(tg.emu.wait_for, lambda: len(tg.emu.calls_to("sendMessage")) == 2, 5.0)
    assert [c.status for c in tg.emu.calls_to("sendMessage")] == [200, 502]  # the slow failure recorded last


async def test_forbidden_is_not_retried(tg: Harness) -> None:
    tg.emu.inject_fault("sendMessage", 403, description="Forbidden: bot was blocked by the user", count=5)
    calls = await tg.send(tg.emu.private_message(QUESTION))
    # the reply once, then the error handler's apology once (also refused): no retry loop
    assert [c.status for c in calls] == [403, 403]
    tg.emu.clear_faults()
    await answered_next(tg)


def test_delivery_settings_from_env() -> None:
    assert delivery_policy({}) == DeliveryPolicy()
    policy = delivery_policy({"SCRBOT_SEND_BACKOFF": "0.1, 0.3", "SCRBOT_SEND_TIMEOUT": "4"})
    assert policy.backoff == (0.1, 0.3) and policy.attempts == 3 and policy.timeout == 4.0
    for bad in ({"SCRBOT_SEND_BACKOFF": "fast"}, {"SCRBOT_SEND_BACKOFF": "-1"}, {"SCRBOT_SEND_TIMEOUT": "0"}):
        with pytest.raises(ValueError, match="SCRBOT_SEND"):
            delivery_policy(bad)
