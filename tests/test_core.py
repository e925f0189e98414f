"""The conversation core, through the tiny test adapter: what every platform gets without writing it."""

from __future__ import annotations

from typing import Any

import pytest
from testbot import TestBot

from bot.core import Conversation, Incoming
from bot.engine import Engine
from bot.limits import NOTICE, Limiter, RateLimits
from bot.recording import LogOptions, Recorder
from bot.state import CONTEXT, LocalStore, StoreError
from bot.state.questions import MemoryQuestionLog

QUESTION = "how many SCRs were published in 2013/14?"


class CountingStore(LocalStore):
    """A LocalStore that counts context writes and can be made to fail."""

    def __init__(self) -> None:
        super().__init__(None)
        self.writes = 0
        self.down = False

    async def get(self, namespace: str, key: str) -> Any:
        if self.down:
            raise StoreError("the store is down")
        return await super().get(namespace, key)

    async def put_versioned(self, namespace: str, key: str, value: dict, ttl: float | None = None) -> bool:
        self.writes += namespace == CONTEXT
        return await super().put_versioned(namespace, key, value, ttl)


@pytest.fixture
def store() -> CountingStore:
    return CountingStore()


async def test_a_follow_up_uses_the_context_the_core_kept(engine: Engine, store: CountingStore) -> None:
    bot = TestBot(Conversation(engine, store))
    assert await bot.ask(QUESTION) == "In 2013/14, 71 SCRs were published."
    assert await bot.ask("and the previous year?") == "In 2012/13, 31 SCRs were published."
    assert store.writes == 2  # the context is written once per turn, not twice


async def test_each_group_member_has_a_context_of_their_own(engine: Engine, store: CountingStore) -> None:
    bot = TestBot(Conversation(engine, store))
    await bot.ask(QUESTION, user=1, chat=-5, chat_type="group")
    await bot.ask("how many SCRs were commissioned in 2013/14?", user=2, chat=-5, chat_type="group")
    assert await bot.ask("and the previous year?", user=2, chat=-5, chat_type="group") == (
        "In 2012/13, 81 SCRs were commissioned."
    )
    assert await bot.ask("and the previous year?", user=1, chat=-5, chat_type="group") == (
        "In 2012/13, 31 SCRs were published."
    )


async def test_over_the_limit_one_notice_then_silence(engine: Engine, store: CountingStore) -> None:
    bot = TestBot(Conversation(engine, store, Limiter(store, RateLimits(user=2, group=0))))
    said = [await bot.ask(QUESTION) for _ in range(5)]
    assert said[:2] == ["In 2013/14, 71 SCRs were published."] * 2
    assert said[2:] == [NOTICE, None, None]


async def test_every_question_is_recorded_once_with_where_it_was_asked(engine: Engine, store: CountingStore) -> None:
    log = MemoryQuestionLog()
    recorder = Recorder.of(log, LogOptions(), background=False)
    bot = TestBot(Conversation(engine, store, recorder=recorder))
    await bot.ask(QUESTION, chat=-5, chat_type="supergroup")
    await bot.ask("how many trains were there?")
    kinds = sorted((c.chat_type, c.kind, c.count) for c in log.counts(0))
    assert kinds == [("private", "decline", 1), ("supergroup", "answer", 1)]
    assert [m.text for m in log.misses(0)] == ["how many trains were there"]


async def test_an_older_context_never_replaces_a_newer_one(engine: Engine, store: CountingStore) -> None:
    """Two replicas answering one member at once: the context written second does not undo the first."""
    core = Conversation(engine, store)
    incoming = Incoming(QUESTION, 1, 1)
    first, version = await core.context(incoming)
    assert version == 0
    _, newer = engine.reply(QUESTION, first)
    await core.keep(incoming, newer, version)  # version 1
    await core.keep(incoming, engine.reply("how many trains?", first)[1], version)  # also from version 0: refused
    kept, now = await core.context(incoming)
    assert now == 1 and kept.periods == newer.periods


async def test_a_store_outage_sends_nothing_and_raises_for_the_adapter(engine: Engine, store: CountingStore) -> None:
    sent: list[str] = []

    async def send(reply: Any) -> None:
        sent.append(reply.text)

    store.down = True
    with pytest.raises(StoreError):
        await Conversation(engine, store).turn(Incoming(QUESTION, 1, 1), send)
    assert sent == []  # the platform retries (a webhook answers 5xx): nothing half-done to undo


async def test_inline_lookup_keeps_no_context(engine: Engine, store: CountingStore) -> None:
    core = Conversation(engine, store)
    verdict, found = await core.lookup(Incoming(QUESTION, 1, None, "inline"), ["x"])
    assert verdict.value == "answer"
    assert [reply.text for _, reply in found] == ["In 2013/14, 71 SCRs were published."]
    assert store.writes == 0 and store.sync.items(CONTEXT) == {}
