"""Per-instance memo caches that stay out of pickles (the compiled-engine cache) and are rebuilt on load."""

from __future__ import annotations

from functools import lru_cache
from typing import ClassVar


class Memoised:
    """Mix-in: `MEMOS` maps a cache attribute to the method it memoises, e.g. {"_rank_cached": "_rank"}."""

    MEMOS: ClassVar[dict[str, str]] = {}
    MEMO_SIZE: ClassVar[int] = 4096

    def _build_memos(self) -> None:
        for attribute, method in self.MEMOS.items():
            setattr(self, attribute, lru_cache(maxsize=self.MEMO_SIZE)(getattr(self, method)))

    def clear_cache(self) -> None:
        for attribute in self.MEMOS:
            getattr(self, attribute).cache_clear()

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        for attribute in self.MEMOS:
            state.pop(attribute, None)
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._build_memos()
