"""A busy group's stored contexts stay the size of its recently active members, not of everyone who ever asked."""

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
        contexts = app.chat_data[DEFAULT_GROUP_ID]["contexts"]
        assert len(contexts) == 5
        await asyncio.sleep(0.5)  # every one of them is now older than the TTL
        await tg.send(emu.group_message(QUESTION, user=member(99)))
        assert list(app.chat_data[DEFAULT_GROUP_ID]["contexts"]) == [str(member(99)["id"])]
