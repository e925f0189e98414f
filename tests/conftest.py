"""Shared fixtures: one engine over the shipped data, loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.engine import Engine

ROOT = Path(__file__).resolve().parent.parent
FACTS = ROOT / "facts"
INTENTS = ROOT / "intents"


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine.load(FACTS, INTENTS)
