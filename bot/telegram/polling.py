"""Long polling that confirms an update to Telegram only after it was handled.

Telegram forgets an update once a `getUpdates` call asks for a higher `offset`. python-telegram-bot
asks for the next batch (confirming the previous one) as soon as the batch is *queued*, before any
of it is handled, so a process killed with SIGKILL (out of memory, a host crash) silently loses the
updates it had queued. Here the next `getUpdates` waits until every update of the previous batch has
been handled (or `CONFIRM_WAIT` seconds passed), so after a kill Telegram delivers them again.

The price is the at-least-once window: an update whose reply was sent but which was killed before
the next `getUpdates` is handled again after the restart, and that reply is sent a second time.

Webhook mode is not covered: there Telegram counts an update as delivered when the bot's web server
answers 200, which python-telegram-bot does as soon as the update is queued.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable
from typing import Any

from telegram import Update
from telegram.ext import Application, ExtBot

log = logging.getLogger("scrbot.polling")

CONFIRM_WAIT = 120.0  # seconds the next getUpdates waits for the previous batch before confirming it anyway


class Unconfirmed:
    """Update ids fetched by getUpdates and not yet fully handled."""

    def __init__(self) -> None:
        self._open: set[int] = set()
        self._idle: asyncio.Event | None = None

    def _event(self) -> asyncio.Event:
        if self._idle is None:
            self._idle = asyncio.Event()
            self._idle.set()
        return self._idle

    def fetched(self, update_ids: Iterable[int]) -> None:
        self._open.update(update_ids)
        if self._open:
            self._event().clear()

    def done(self, update_id: int) -> None:
        self._open.discard(update_id)
        if not self._open:
            self._event().set()

    def __len__(self) -> int:
        return len(self._open)

    async def wait(self, timeout: float = CONFIRM_WAIT) -> None:
        if not self._open:
            return
        try:
            await asyncio.wait_for(self._event().wait(), timeout)
        except TimeoutError:
            log.warning("%d update(s) still being handled after %.0fs; confirming them anyway", len(self), timeout)
            self._open.clear()
            self._event().set()


class ConfirmingBot(ExtBot):
    """An `ExtBot` whose getUpdates first waits until the previous batch was handled."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        with self._unfrozen():  # PTB freezes its objects after __init__
            self.unconfirmed = Unconfirmed()

    async def get_updates(self, *args: Any, **kwargs: Any) -> tuple[Update, ...]:
        await self.unconfirmed.wait()
        updates = await super().get_updates(*args, **kwargs)
        self.unconfirmed.fetched(u.update_id for u in updates)
        return updates


class ConfirmingApplication(Application):
    """Marks each update handled (whatever the handlers did) so the next getUpdates may confirm it."""

    async def process_update(self, update: object) -> None:
        try:
            await super().process_update(update)
        finally:
            if isinstance(update, Update) and isinstance(self.bot, ConfirmingBot):
                self.bot.unconfirmed.done(update.update_id)
