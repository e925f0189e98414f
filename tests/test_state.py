"""The state interface behaves the same in memory and in SQLite, so a future shared store has a contract to meet."""

import pytest

from bot.state import MemoryStore, SQLiteStore


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(params=["memory", "sqlite"])
def store_and_clock(request, tmp_path):
    clock = Clock()
    store = MemoryStore(clock) if request.param == "memory" else SQLiteStore(tmp_path / "s.db", clock)
    yield store, clock
    store.close()


def test_values_round_trip_as_json(store_and_clock):
    store, _ = store_and_clock
    store.put("ctx", "42", {"periods": ["2013/14"], "measure": None})
    assert store.get("ctx", "42") == {"periods": ["2013/14"], "measure": None}
    assert store.get("ctx", "43") is None
    assert store.items("ctx") == {"42": {"periods": ["2013/14"], "measure": None}}


def test_values_expire_after_their_ttl(store_and_clock):
    store, clock = store_and_clock
    store.put("ctx", "1", "soon gone", ttl=60)
    clock.now += 59
    assert store.get("ctx", "1") == "soon gone"
    clock.now += 2
    assert store.get("ctx", "1") is None
    assert store.items("ctx") == {}


def test_counters_count_within_their_window_then_reset(store_and_clock):
    store, clock = store_and_clock
    assert [store.incr("rate", "user:7", window=10) for _ in range(3)] == [1, 2, 3]
    clock.now += 11
    assert store.incr("rate", "user:7", window=10) == 1


def test_delete_forgets(store_and_clock):
    store, _ = store_and_clock
    store.put("ctx", "1", 1)
    store.delete("ctx", "1")
    store.delete("ctx", "never-there")
    assert store.get("ctx", "1") is None


def test_sqlite_keeps_values_across_connections(tmp_path):
    SQLiteStore(tmp_path / "s.db").put("ctx", "1", {"a": 1})
    assert SQLiteStore(tmp_path / "s.db").get("ctx", "1") == {"a": 1}
