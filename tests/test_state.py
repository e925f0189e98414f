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


def test_a_schema_1_file_is_migrated_to_one_context_row_per_member(tmp_path) -> None:
    """Files written before the conversation core kept each chat's contexts in one python-telegram-bot row."""
    import json
    import sqlite3

    path = tmp_path / "old.db"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE kv (namespace TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, expires REAL, "
                   "PRIMARY KEY (namespace, key))")  # fmt: skip
        chat = {"contexts": {"42": {"intent": "figures.count", "periods": ["2013/14"]}, "43": {"intent": "x"}}}
        db.execute("INSERT INTO kv VALUES ('tg.chat_data', '-100', ?, 4e9)", (json.dumps(chat),))
        db.execute("INSERT INTO kv VALUES ('tg.chat_data', '7', 'not json', 4e9)")
    store = SQLiteStore(path)
    assert store.items("ctx") == {
        "-100:42": {"intent": "figures.count", "periods": ["2013/14"], "version": 1},
        "-100:43": {"intent": "x", "version": 1},
    }
    assert store.items("tg.chat_data") == {}
    store.close()
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 2


def test_a_file_from_a_newer_scrbot_is_refused_by_name(tmp_path) -> None:
    import sqlite3

    from bot.state.check import UnusableDatabase, check_writable

    path = tmp_path / "new.db"
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 99")
    with pytest.raises(UnusableDatabase, match=r"written by a newer scrbot \(schema 99"):
        check_writable(path)
