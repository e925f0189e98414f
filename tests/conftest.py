"""Shared fixtures: one engine over the shipped data (loaded once per session), and a Bot API emulator."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from benchmarks.botapi_emulator import BotAPIEmulator
from bot.engine import Engine

ROOT = Path(__file__).resolve().parent.parent
FACTS = ROOT / "facts"
INTENTS = ROOT / "intents"


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine.load(FACTS, INTENTS)


@pytest.fixture
def emu() -> Iterator[BotAPIEmulator]:
    """A Bot API emulator on 127.0.0.1 for one test; it must have met no internal error."""
    with BotAPIEmulator() as emulator:
        yield emulator
        assert emulator.internal_errors == []
