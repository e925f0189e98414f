"""Each update answered once, and no chat waiting for another.

**Confirming per update.** Telegram forgets an update once `getUpdates` asks for a higher
`offset`. python-telegram-bot asks for the next batch (confirming the previous one) as soon as the
batch is queued, so a SIGKILL lost what was queued. Here the `offset` sent is never above the lowest
update still being handled, while the updates above it that are already handled are remembered in
the store (`WriteBehindStore.remember_update`, kept a day): after a kill Telegram delivers again
from the first unfinished update, and those already answered are skipped, not answered twice. The
same record makes a webhook's re-delivery (and a duplicate `update_id`) a no-op.

**Poison updates.** An update python-telegram-bot cannot parse is skipped at once and logged once,
with its id and the error's type only (never its text); it no longer blocks polling.

**Concurrency.** Updates of different chats are handled concurrently (`ChatOrderedProcessor`);
those of one chat, one at a time in the order they came, so a conversation's follow-ups stay in order.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dtm
import logging
from collections import OrderedDict
from collections.abc import Awaitable
from typing import Any

from telegram import Update
from telegram._utils.defaultvalue import DEFAULT_NONE, DefaultValue
from telegram.error import TelegramError
from telegram.ext import Application, BaseUpdateProcessor, ExtBot
from telegram.ext._utils.types import RT

log = logging.getLogger("scrbot.polling")

MAX_CONCURRENT = 8  # updates of different chats handled at once (more open more HTTP connections, each costing CPU)
OWN_LIMIT = 100_000  # handled ids kept in memory by a tracker without a store
MAX_PENDING = 1000  # updates fetched and not yet handled before getUpdates waits
SETTLE = 0.02  # seconds to wait after one finishes, before asking again
PENDING_POLL = 0.25  # seconds between getUpdates while the only updates waiting are still being handled


class Tracker:
    """Update ids received and not yet handled, and (through the store) those already handled."""

    def __init__(self, store: Any = None) -> None:
        self.store = store
        self._own: OrderedDict[int, None] = OrderedDict()  # handled, when the store cannot remember them
        self.pending: dict[int, asyncio.Event] = {}
        self.failed: set[int] = set()  # the store failed while handling these: not handled, to be delivered again
        self._progress: asyncio.Event | None = None

    def handled(self, update_id: int) -> bool:
        check = getattr(self.store, "handled", None)
        return check(update_id) if check is not None else update_id in self._own

    def receive(self, update_id: int) -> bool:
        """Note an update as being handled; False when it is already handled or being handled."""
        if update_id in self.pending or self.handled(update_id):
            return False
        self.pending[update_id] = asyncio.Event()
        return True

    def done(self, update_id: int) -> None:
        remember = getattr(self.store, "remember_update", None)
        if remember is not None:
            remember(update_id)
        else:
            self._own[update_id] = None
            if len(self._own) > OWN_LIMIT:
                self._own.popitem(last=False)
        event = self.pending.pop(update_id, None)
        if event is not None:
            event.set()
        self.progress().set()

    def release(self, update_id: int) -> None:
        """No longer being handled, and not handled either (the store failed): a re-delivery is handled."""
        event = self.pending.pop(update_id, None)
        if event is not None:
            event.set()
        self.progress().set()

    def progress(self) -> asyncio.Event:
        if self._progress is None:
            self._progress = asyncio.Event()
        return self._progress

    def lowest(self) -> int | None:
        return min(self.pending) if self.pending else None


class ConfirmingBot(ExtBot):
    """getUpdates that confirms only what was handled, and skips updates it cannot parse."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        with self._unfrozen():  # PTB freezes its objects after __init__
            self.tracker = Tracker()
            self._seen: int | None = None  # the highest update id getUpdates returned

    async def get_updates(  # type: ignore[override]
        self,
        offset: int | None = None,
        limit: int | None = None,
        timeout: float | dtm.timedelta | None = None,
        allowed_updates: Any = None,
        *,
        read_timeout: Any = DEFAULT_NONE,
        write_timeout: Any = DEFAULT_NONE,
        connect_timeout: Any = DEFAULT_NONE,
        pool_timeout: Any = DEFAULT_NONE,
        api_kwargs: Any = None,
    ) -> tuple[Update, ...]:
        tracker = self.tracker
        while len(tracker.pending) >= MAX_PENDING:  # the bot is behind: fetch more only as it catches up
            tracker.progress().clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(tracker.progress().wait(), PENDING_POLL)
        if self._seen is not None and (offset is None or offset <= self._seen):
            offset = self._seen + 1  # past re-deliveries that were skipped (PTB only counts what it was given)
        lowest = tracker.lowest()
        if lowest is not None and (offset is None or lowest < offset):
            offset = lowest  # not above an update still being handled: a kill now loses nothing
        seconds = timeout.total_seconds() if isinstance(timeout, dtm.timedelta) else (timeout or 0)
        base_read = (read_timeout or 0) if not isinstance(read_timeout, DefaultValue) else self._request[0].read_timeout
        tracker.progress().clear()
        result = await self._post(
            "getUpdates",
            {"timeout": timeout, "offset": offset, "limit": limit, "allowed_updates": allowed_updates},
            read_timeout=(base_read or 0) + seconds,
            write_timeout=write_timeout,
            connect_timeout=connect_timeout,
            pool_timeout=pool_timeout,
            api_kwargs=api_kwargs,
        )
        fresh: list[Update] = []
        for raw in result or []:
            update_id = raw.get("update_id") if isinstance(raw, dict) else None
            if isinstance(update_id, int):
                self._seen = update_id if self._seen is None else max(self._seen, update_id)
            if not isinstance(update_id, int) or not tracker.receive(update_id):
                continue  # being handled, or handled before (a re-delivery)
            try:
                update = Update.de_json(raw, self)
            except Exception as exc:  # a poison update: skipped once, never its text in the log
                log.warning("skipped update %d: it could not be read (%s)", update_id, type(exc).__name__)
                tracker.done(update_id)
                continue
            self.insert_callback_data(update)
            fresh.append(update)
        if result and not fresh and tracker.pending:
            # Only updates still being handled came back, so Telegram answers at once instead of long
            # polling: ask again after a short pause (or as soon as one of them is done).
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(tracker.progress().wait(), PENDING_POLL)
            await asyncio.sleep(SETTLE)  # let the updates finishing together be confirmed by one call
        return tuple(fresh)


    async def confirm_handled(self) -> None:
        """Tell Telegram what was handled (at shutdown, once every running handler has finished)."""
        if self._seen is None:
            return
        lowest = self.tracker.lowest()
        offset = lowest if lowest is not None else self._seen + 1
        with contextlib.suppress(TelegramError):
            await self._post("getUpdates", {"offset": offset, "timeout": 0, "limit": 1})


class ConfirmingApplication(Application):
    """Skips an update handled before; marks each one handled once its handlers are done."""

    @property
    def tracker(self) -> Tracker:
        bot = self.bot
        return bot.tracker if isinstance(bot, ConfirmingBot) else self.bot_data.setdefault("tracker", Tracker())

    async def process_update(self, update: object) -> None:
        if not isinstance(update, Update):
            await super().process_update(update)
            return
        tracker = self.tracker
        if tracker.handled(update.update_id):
            log.info("update %d was handled before; not answered again", update.update_id)
            return
        try:
            await super().process_update(update)
        finally:
            if update.update_id in tracker.failed:
                tracker.release(update.update_id)
            else:
                tracker.done(update.update_id)


def chat_key(update: object) -> object:
    """What orders updates: the chat, else the user (inline queries), else nothing."""
    if isinstance(update, Update):
        if update.effective_chat is not None:
            return ("chat", update.effective_chat.id)
        if update.effective_user is not None:
            return ("user", update.effective_user.id)
    return None


class ChatOrderedProcessor(BaseUpdateProcessor):
    """Different chats concurrently (up to `max_concurrent_updates`); one chat's updates in order."""

    def __init__(self, max_concurrent_updates: int = MAX_CONCURRENT) -> None:
        super().__init__(max_concurrent_updates)
        self._locks: dict[object, tuple[asyncio.Lock, int]] = {}

    def busy(self, key: object) -> bool:
        """An update of this chat is being handled or waits for its turn."""
        return key in self._locks

    async def process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        key = chat_key(update)
        if key is None:
            async with self._semaphore:
                await self.do_process_update(update, coroutine)
            return
        lock, users = self._locks.get(key, (None, 0))
        if lock is None:
            lock = asyncio.Lock()
        self._locks[key] = (lock, users + 1)
        try:
            async with lock, self._semaphore:  # the chat's turn first, then a slot: one chat cannot hold them all
                await self.do_process_update(update, coroutine)
        finally:
            lock, users = self._locks[key]
            if users <= 1:
                del self._locks[key]
            else:
                self._locks[key] = (lock, users - 1)

    async def do_process_update(self, update: object, coroutine: Awaitable[RT]) -> None:
        await coroutine

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None
