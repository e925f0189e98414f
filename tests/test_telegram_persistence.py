"""Conversation context survives a restart: answer, shut the Application down, build a new one on the
same state file, and the follow-up still knows what was asked."""

from __future__ import annotations

from pathlib import Path

from telegram_harness import BOT_USERNAME, QUESTION, Harness, make_settings, texts

from benchmarks.botapi_emulator import BotAPIEmulator
from bot.engine import Engine
from bot.state import SQLiteStore
from bot.telegram.app import build_application
from bot.telegram.persistence import StorePersistence

BOB = {"id": 222222, "is_bot": False, "first_name": "Bob"}


async def ask(emu: BotAPIEmulator, engine: Engine, state: Path, *updates: dict) -> list[str]:
    """Run a fresh Application on `state` for these updates, then stop and shut it down."""
    app = build_application(make_settings(emu, state), engine)
    answers = []
    async with app:
        await app.start()
        tg = Harness(emu, app)
        for update in updates:
            answers += texts(await tg.send(update))
        await app.stop()
    return answers


async def test_context_survives_a_restart(emu: BotAPIEmulator, engine: Engine, tmp_path: Path) -> None:
    state = tmp_path / "s.db"
    assert await ask(emu, engine, state, emu.private_message(QUESTION)) == ["In 2013/14, 71 SCRs were published."]
    after = await ask(emu, engine, state, emu.private_message("and the previous year?"))
    assert after == ["In 2012/13, 31 SCRs were published."]


async def test_without_the_state_file_the_follow_up_has_no_context(
    emu: BotAPIEmulator, engine: Engine, tmp_path: Path
) -> None:
    await ask(emu, engine, tmp_path / "one.db", emu.private_message(QUESTION))
    after = await ask(emu, engine, tmp_path / "other.db", emu.private_message("and the previous year?"))
    assert "31" not in after[0]  # so the test above really depends on what was kept


async def test_each_group_members_context_survives_a_restart(
    emu: BotAPIEmulator, engine: Engine, tmp_path: Path
) -> None:
    state = tmp_path / "s.db"
    await ask(
        emu,
        engine,
        state,
        emu.group_message(f"@{BOT_USERNAME} how many SCRs were published in 2013/14?"),
        emu.group_message(f"@{BOT_USERNAME} how many SCRs were commissioned in 2013/14?", user=BOB),
    )
    after = await ask(
        emu,
        engine,
        state,
        emu.group_message(f"@{BOT_USERNAME} and the previous year?", user=BOB),
        emu.group_message(f"@{BOT_USERNAME} and the previous year?"),
    )
    assert after == ["In 2012/13, 81 SCRs were commissioned.", "In 2012/13, 31 SCRs were published."]


async def test_store_persistence_round_trips_chat_data(tmp_path: Path) -> None:
    persistence = StorePersistence(SQLiteStore(tmp_path / "s.db"))
    await persistence.update_chat_data(-100123, {"contexts": {"42": {"intent": "figures.count"}}})
    await persistence.update_chat_data(7, {"contexts": {}})
    await persistence.drop_chat_data(7)
    await persistence.flush()
    reopened = StorePersistence(SQLiteStore(tmp_path / "s.db"))
    assert await reopened.get_chat_data() == {-100123: {"contexts": {"42": {"intent": "figures.count"}}}}
    await reopened.flush()
