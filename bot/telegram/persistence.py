"""python-telegram-bot persistence on top of the bot's `StateStore`, so follow-up context survives restarts."""

from __future__ import annotations

from typing import Any

from telegram.ext import BasePersistence, PersistenceInput

from ..state import StateStore

_CHAT = "tg.chat_data"


class StorePersistence(BasePersistence):
    """Keeps chat data (where conversation contexts live) as JSON in the store; nothing else is needed."""

    def __init__(self, store: StateStore, update_interval: float = 1.0, ttl: float | None = None) -> None:
        super().__init__(
            store_data=PersistenceInput(bot_data=False, chat_data=True, user_data=False, callback_data=False),
            update_interval=update_interval,
        )
        self.store = store
        self.ttl = ttl  # a chat's row expires this long after its last write (the follow-up context's life)

    def write_chat_now(self, chat_id: int, data: dict[str, Any]) -> None:
        """Write one chat's data at once (one small SQLite write), not on the next interval."""
        self.store.put(_CHAT, str(chat_id), data, self.ttl)

    def is_live(self, chat_id: int) -> bool:
        """The chat's data has not expired."""
        return self.store.get(_CHAT, str(chat_id)) is not None

    async def get_chat_data(self) -> dict[int, Any]:
        return {int(k): v for k, v in self.store.items(_CHAT).items()}

    async def update_chat_data(self, chat_id: int, data: dict[str, Any]) -> None:
        holds = getattr(self.store, "holds", None)
        if not data or (holds is not None and holds(_CHAT, str(chat_id), data)):
            return  # a chat that only chatted leaves no row; one written at once (write_chat_now) is not written again
        self.store.put(_CHAT, str(chat_id), data, self.ttl)

    async def refresh_chat_data(self, chat_id: int, chat_data: dict[str, Any]) -> None:
        return None

    async def drop_chat_data(self, chat_id: int) -> None:
        self.store.delete(_CHAT, str(chat_id))

    async def get_user_data(self) -> dict[int, Any]:
        return {}

    async def update_user_data(self, user_id: int, data: dict[str, Any]) -> None:
        return None

    async def refresh_user_data(self, user_id: int, user_data: dict[str, Any]) -> None:
        return None

    async def drop_user_data(self, user_id: int) -> None:
        return None

    async def get_bot_data(self) -> dict[str, Any]:
        return {}

    async def update_bot_data(self, data: dict[str, Any]) -> None:
        return None

    async def refresh_bot_data(self, bot_data: dict[str, Any]) -> None:
        return None

    async def get_callback_data(self) -> None:
        return None

    async def update_callback_data(self, data: Any) -> None:
        return None

    async def get_conversations(self, name: str) -> dict:
        return {}

    async def update_conversation(self, name: str, key: tuple, new_state: object | None) -> None:
        return None

    async def flush(self) -> None:
        self.store.close()
