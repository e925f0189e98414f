"""Memo caches: per-instance ones that stay out of pickles (the compiled-engine cache) and are rebuilt on load;
a bounded one for the few inputs a question's readers share; and what is worked out once per word list."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from functools import lru_cache
from typing import Any, ClassVar, TypeVar

V = TypeVar("V")


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


class Recent(dict):  # type: ignore[type-arg]
    """The last few results of work that every question asks of the same few inputs (a message's words, its
    padded text, the frame its checks and its composer both read): a plain dict, read with `get`, that empties
    itself when full, so it never grows and a hit costs one lookup."""

    __slots__ = ("size",)

    def __init__(self, size: int) -> None:
        super().__init__()
        self.size = size

    def keep(self, key: Hashable, value: V) -> V:
        """Remember `value` for `key` and return it."""
        if len(self) >= self.size:
            self.clear()
        self[key] = value
        return value


def per_list(phrases: tuple[str, ...], build: Callable[[tuple[str, ...]], V]) -> V:
    """What `build` works out from a word list (its single words, its phrases by first word, its phrases longest
    first ...), kept while the list itself is alive: the data's lists, and a few literal ones, are asked about
    by every question. Keyed by identity; the list is kept with it, so its id cannot pass to another list."""
    key = (id(phrases), build)
    kept = _PER_LIST.get(key)
    if kept is None or kept[0] is not phrases:
        if len(_PER_LIST) > 1024:  # only the data's lists and a few literal ones are ever asked: never grows
            _PER_LIST.clear()
        kept = _PER_LIST[key] = (phrases, build(phrases))
    return kept[1]


_PER_LIST: dict[tuple[int, Callable[..., Any]], tuple[tuple[str, ...], Any]] = {}
