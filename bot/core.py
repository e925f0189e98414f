"""One conversation turn, the same on every platform: limits, the engine, the question log, the context.

An adapter (Telegram, the console, the test adapter in tests/) turns what arrived into an
`Incoming`, calls `Conversation.turn` with a function that sends a `Reply` its own way, and
renders; nothing else. The turn reads the asker's context from the store, answers, records the
question, sends, and only then writes the new context (once), so an update delivered again after a
crash is answered from the same context, not from one that already moved on. A store failure before
the send raises `StoreError` (nothing was said: the platform may deliver the question again); one
while writing the context after the send does not (it was answered: a retry would answer it twice).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from . import metrics
from .conversation import Context
from .limits import NOTICE, Limiter, Verdict
from .reply import Reply
from .state import CONTEXT, Store, StoreError

if TYPE_CHECKING:
    from .engine import Engine
    from .recording import Recorder

log = logging.getLogger("scrbot.core")

Send = Callable[[Reply], Awaitable[Any]]
Notify = Callable[[str], Awaitable[Any]]


@dataclass(frozen=True, slots=True)
class Incoming:
    """What arrived, as every platform can say it."""

    text: str = ""
    user: int | None = None  # who asked (an anonymous admin or a channel: the chat that spoke)
    chat: int | str | None = None  # where; None for an inline query
    chat_type: str = "private"  # "private", "group", "supergroup", "channel", "inline", "console"
    update_id: int | None = None  # the platform's id for this delivery: counted once if delivered again
    intent: str | None = None  # a command that names what is asked (/figures): answered without reading text

    @property
    def group(self) -> bool:
        return self.chat_type in ("group", "supergroup")

    @property
    def context_key(self) -> str:
        """Context is per chat, and per member within a group, so two members' follow-ups don't mix."""
        return f"{self.chat}:{self.user if self.user is not None else 'chat'}"


class Conversation:
    """Runs turns over one engine (swapped by /reload), one store, the limits and the question log."""

    def __init__(
        self,
        engine: Engine | Callable[[], Engine],
        store: Store,
        limiter: Limiter | None = None,
        recorder: Recorder | None = None,
    ) -> None:
        self._engine = engine if callable(engine) else (lambda: engine)
        self.store = store
        self.limiter = limiter
        self.recorder = recorder

    @property
    def engine(self) -> Engine:
        return self._engine()

    async def verdict(self, incoming: Incoming) -> Verdict:
        """Count this question against its asker's (and group's) limits."""
        if self.limiter is None:
            return Verdict.ANSWER
        if incoming.chat_type == "inline":
            return await self.limiter.check_inline(incoming.user)
        return await self.limiter.check(incoming.user, incoming.chat if incoming.group else None, incoming.group)

    async def admit(self, incoming: Incoming, notify: Notify | None = None) -> bool:
        """True to answer; over the limit, one polite notice (through `notify`) for the window, then silence."""
        verdict = await self.verdict(incoming)
        if verdict is Verdict.NOTICE and notify is not None:
            metrics.limit_notice()
            await notify(NOTICE)
        return verdict is Verdict.ANSWER

    async def context(self, incoming: Incoming) -> tuple[Context, int]:
        """The asker's context and its version (0 when there is none); expired ones are gone already."""
        stored = await self.store.get(CONTEXT, incoming.context_key)
        if not isinstance(stored, dict):
            return Context(), 0
        version = stored.get("version")
        return Context.from_dict(stored), version if isinstance(version, int) else 0

    async def keep(self, incoming: Incoming, context: Context, version: int) -> None:
        """Write the context once, one version on; a newer one written by another replica is not replaced."""
        document = context.to_dict()
        document["version"] = version + 1
        await self.store.put_versioned(CONTEXT, incoming.context_key, document, self.engine.context_ttl)

    async def turn(self, incoming: Incoming, send: Send, notify: Notify | None = None) -> Reply | None:
        """Answer one question: limits, context, engine, record, send, keep. None when over the limit."""
        if not await self.admit(incoming, notify):
            return None
        asked_in, version = await self.context(incoming)
        engine = self.engine
        if incoming.intent is not None:
            reply, context = engine.answer_intent(incoming.intent, asked_in)
        else:
            reply, context = engine.reply(incoming.text, asked_in)
            self.record(engine, incoming, asked_in, reply)
        await send(reply)
        metrics.answered(reply.kind)
        try:
            await self.keep(incoming, context, version)
        except StoreError as exc:
            # Sent already: raising now would have the platform deliver the question again (a webhook's
            # 503) and answer it twice. The next follow-up reads the context this turn started from.
            metrics.store_error()
            log.warning("the answer was sent but its context could not be kept (%s)", exc)
        return reply

    def record(self, engine: Engine, incoming: Incoming, asked_in: Context, reply: Reply) -> None:
        """Hand the turn to the question log (counted; kept if a miss). Never raises, never waits."""
        if self.recorder is None:
            return
        self.recorder.observe(
            engine,
            incoming.text,
            asked_in,
            reply,
            incoming.chat_type,
            user_id=incoming.user,
            chat_id=incoming.chat if isinstance(incoming.chat, int) else None,
            update_id=incoming.update_id,
        )

    async def lookup(self, incoming: Incoming, examples: list[str]) -> tuple[Verdict, list[tuple[str, Reply]]]:
        """Inline mode: titled candidate answers, from no context and kept nowhere.

        An empty query gets the `examples`; an ambiguous one, each question it might mean; else its answer.
        """
        verdict = await self.verdict(incoming)
        if verdict is not Verdict.ANSWER:
            return verdict, []
        engine = self.engine
        query = incoming.text.strip()
        if not query:
            return verdict, [(example, engine.reply(example, Context())[0]) for example in examples]
        reply, _ = engine.reply(query, Context())
        if reply.kind == "clarify" and reply.suggestions:
            return verdict, [(s.text, engine.reply(s.text, Context())[0]) for s in reply.suggestions]
        return verdict, [(reply.text.split("\n", 1)[0], reply)]
