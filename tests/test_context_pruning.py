"""A busy group's stored contexts stay the size of its recently active members, not of everyone who ever asked.

Each member's context is a row of its own with the context's lifetime, so an expired one is gone when read."""

from __future__ import annotations

import asyncio
from pathlib import Path

from telegram_harness import Harness, make_settings

from benchmarks.botapi_emulator import DEFAULT_GROUP_ID, BotAPIEmulator
from bot.engine import Engine
from bot.telegram.app import build_application

QUESTION = "@scr_test_bot how many SCRs were published in 2013/14?"


def member(n: int) -> dict:
    return {"id": 700_000 + n, "is_bot": False, "first_name": f"Member{n}"}


async def test_expired_member_contexts_are_dropped_when_the_group_is_next_used(
    emu: BotAPIEmulator, engine: Engine, tmp_path: Path
) -> None:
    short = Engine(engine.facts, engine.intents, context_ttl=0.3)
    async with build_application(make_settings(emu, tmp_path / "s.db"), short) as app:
        tg = Harness(emu, app)
        for n in range(5):
            await tg.send(emu.group_message(QUESTION, user=member(n)))
        store = app.bot_data["core"].store
        group = {k for k in store.sync.items("ctx") if k.startswith(f"{DEFAULT_GROUP_ID}:")}
        assert len(group) == 5  # one context per member
        await asyncio.sleep(0.5)  # every one of them is now older than the TTL
        await tg.send(emu.group_message(QUESTION, user=member(99)))
        assert list(store.sync.items("ctx")) == [f"{DEFAULT_GROUP_ID}:{member(99)['id']}"]
