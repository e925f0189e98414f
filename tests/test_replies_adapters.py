"""The adapters' own sentences (the console's labels, Telegram's /start, help and buttons) and the words of a change
come from intents/replies/: rewording one in a copied data folder changes what the user reads, for the engine
loaded from that folder only."""

from __future__ import annotations

import io
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from telegram_harness import QUESTION, Harness, make_settings
from wording import reword

from benchmarks.botapi_emulator import BotAPIEmulator
from bot.console import chat
from bot.conversation import Context
from bot.engine import Engine
from bot.telegram.app import build_application

ROOT = Path(__file__).resolve().parent.parent


def _console(engine: Engine, lines: str) -> str:
    out = io.StringIO()
    chat(engine, io.StringIO(lines), out)
    return out.getvalue()


def test_the_console_says_its_labels_as_the_data_says(data: Path, engine: Engine) -> None:
    reword(data, "console", '"Ask next:"', '"You could ask next:"')
    reword(data, "console", '"Could not draw the chart: {error}"', '"No chart this time ({error})."')
    reworded = Engine.load(data / "facts", data / "intents")
    said = _console(reworded, f"{QUESTION}\n/chart /no/such/folder/chart.png\n")
    assert "In 2013/14, 71 SCRs were published.\nYou could ask next: 1) And the previous year?" in said
    assert "No chart this time (the folder /no/such/folder does not exist)." in said
    shipped = _console(engine, f"{QUESTION}\n")  # the shipped engine keeps the shipped words
    assert "\nAsk next: 1) And the previous year?" in shipped and "You could ask" not in shipped


def test_the_words_of_a_change_are_the_data_s(data: Path) -> None:
    reword(data, "format", '"up {by} (+{percent})"', '"{by} higher (+{percent})"')
    reword(data, "format", '"nearly {times} times as many"', '"almost {times} times the number"')
    reworded = Engine.load(data / "facts", data / "intents")
    text = reworded.reply("How much did published SCRs rise since 2011/12?", Context())[0].text
    assert "to 71 in 2013/14: 59 higher (+491.7%), almost six times the number." in text


@pytest.fixture
async def reworded_tg(emu: BotAPIEmulator, data: Path, tmp_path: Path) -> AsyncIterator[Harness]:
    reword(data, "telegram", "Ask me anything, or tap a question:", "Type a question, or pick one below:")
    reword(data, "telegram", '"None of these"', '"Something else"')
    app = build_application(make_settings(emu, tmp_path / "s.db"), Engine.load(data / "facts", data / "intents"))
    async with app:
        await app.start()
        yield Harness(emu, app)
        await app.stop()


async def test_telegram_says_start_and_its_buttons_as_the_data_says(reworded_tg: Harness) -> None:
    [start] = await reworded_tg.send(reworded_tg.emu.private_message("/start"))
    assert start.ok, start.error
    assert start.result["text"].endswith("\n\nType a question, or pick one below:")
    [clarify] = await reworded_tg.send(reworded_tg.emu.private_message("ofsted?"))
    rows = clarify.params["reply_markup"]["inline_keyboard"]
    assert rows[-1] == [{"text": "Something else", "callback_data": "x"}]
