"""Each intent's suggestion is what its "did you mean" button asks: it must work on its own."""

import pytest

from bot.conversation import Context


@pytest.fixture(scope="module")
def intents(engine):
    return engine.intents.intents


def test_every_suggestion_is_answered_by_its_own_intent_without_context(engine, intents):
    for intent in intents:
        reply, _ = engine.reply(intent.suggestion, Context())
        assert (reply.kind, reply.intent) == ("answer", intent.id), intent.suggestion


def test_every_suggestion_fits_a_button(intents):
    """Buttons carry the intent id as callback data, which Telegram caps at 64 bytes."""
    for intent in intents:
        assert len(f"i:{intent.id}".encode()) <= 64
