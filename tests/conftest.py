"""Shared fixtures: one engine over the shipped data (loaded once per session), a copy of the data to edit, and
a Bot API emulator."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from wording import copy_data

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


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A copy of facts/ and intents/ to edit (the replies' tests reword it), the shipped data untouched."""
    return copy_data(tmp_path)
