"""The Redis store against a real redis-server (tests/redis_server.py), never a fake.

The `Store` contract runs on LocalStore and RedisStore alike; the rest is what only a shared store
must do: prefixes keep deployments apart, no password in an error, an outage fails fast and heals by
itself, and several processes (separate interpreters, as replicas are) never race on a counter, a
claim or a versioned write. The Redis question log is checked against SQLiteQuestionLog, and
`scrbot chat`, `scrbot stats` and `scrbot misses` share it across processes.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from telegram_harness import clean_env

from bot.recording import DAY, LogOptions, Recorder
from bot.settings import log_options
from bot.state import Claim, LocalStore, StoreError
from bot.state.questions import Asked, SQLiteQuestionLog

if TYPE_CHECKING:
    from redis_server import RedisServer

pytest_plugins = ["redis_server"]  # its fixtures: redis_server (the session's), redis_prefix, own_redis

ROOT = Path(__file__).resolve().parent.parent
T0 = 1_700_000_000.0  # 2023-11-14 22:13:20 UTC
OUTAGE_BUDGET = 3.0  # seconds a call may take to fail while Redis is down or frozen


def redis_store(url: str, prefix: str):
    from bot.state.redis import RedisStore

    return RedisStore(url, prefix=prefix)


def read_value(url: str, prefix: str, namespace: str, key: str):
    """One value, read by a store of its own (outside any test's event loop)."""

    async def read():
        store = redis_store(url, prefix)
        try:
            return await store.get(namespace, key)
        finally:
            await store.aclose()

    return asyncio.run(read())


@pytest.fixture(params=["local", "redis"])
async def store(request, tmp_path):
    """A LocalStore (SQLite behind memory) or a RedisStore with a prefix of its own, on the real clock."""
    if request.param == "local":
        made = LocalStore(tmp_path / "state.db")
    else:
        server = request.getfixturevalue("redis_server")
        made = redis_store(server.url, request.getfixturevalue("redis_prefix"))
    yield made
    await made.aclose()


# -- the Store contract, on both ------------------------------------------------------------------


async def test_values_round_trip_as_json_and_can_be_deleted(store) -> None:
    value = {"periods": ["2013/14"], "measure": None, "n": 3, "text": "café"}
    await store.put("ctx", "1:2", value)
    assert await store.get("ctx", "1:2") == value
    assert await store.get("ctx", "1:3") is None
    await store.delete("ctx", "1:2")
    await store.delete("ctx", "never-there")
    assert await store.get("ctx", "1:2") is None


async def test_a_value_expires_after_its_ttl(store) -> None:
    await store.put("ctx", "a", {"x": 1}, ttl=0.3)
    await store.put("ctx", "b", {"x": 2})  # no ttl: kept
    assert await store.get("ctx", "a") == {"x": 1}
    await asyncio.sleep(0.45)
    assert await store.get("ctx", "a") is None
    assert await store.get("ctx", "b") == {"x": 2}


async def test_put_versioned_refuses_an_older_or_equal_version(store) -> None:
    assert await store.put_versioned("ctx", "m", {"version": 2, "said": "two"})
    assert not await store.put_versioned("ctx", "m", {"version": 1, "said": "one"})
    assert not await store.put_versioned("ctx", "m", {"version": 2, "said": "two again"})
    assert await store.get("ctx", "m") == {"version": 2, "said": "two"}
    assert await store.put_versioned("ctx", "m", {"version": 3, "said": "three"}, ttl=0.3)
    assert await store.get("ctx", "m") == {"version": 3, "said": "three"}
    await asyncio.sleep(0.45)
    assert await store.get("ctx", "m") is None  # expired: any version is written again
    assert await store.put_versioned("ctx", "m", {"version": 1, "said": "one"})


async def test_put_versioned_over_a_value_without_a_version(store) -> None:
    await store.put("ctx", "m", {"said": "no version"})  # counts as version 0
    assert not await store.put_versioned("ctx", "m", {"said": "none either"})
    assert await store.put_versioned("ctx", "m", {"version": 1})
    await store.put("ctx", "m", {"version": 5})  # a plain put replaces whatever was there
    assert not await store.put_versioned("ctx", "m", {"version": 5})
    assert await store.put_versioned("ctx", "m", {"version": 6})


async def test_a_counter_counts_within_its_window_then_starts_again(store) -> None:
    assert [await store.incr("rate", "u7", window=0.5) for _ in range(3)] == [1, 2, 3]
    assert await store.incr("rate", "u8", window=0.5) == 1  # another key, another counter
    await asyncio.sleep(0.3)
    assert await store.incr("rate", "u7", window=0.5) == 4  # a later hit does not extend the window
    await asyncio.sleep(0.35)
    assert await store.incr("rate", "u7", window=0.5) == 1


async def test_claim_finish_and_release(store) -> None:
    assert await store.claim(101, lease=30) is Claim.MINE
    assert await store.claim(101, lease=30) is Claim.BUSY
    await store.finish(101)
    assert await store.claim(101, lease=30) is Claim.DONE
    assert await store.claim(102, lease=30) is Claim.MINE
    await store.release(102)  # given back unhandled: a retry takes it
    assert await store.claim(102, lease=30) is Claim.MINE
    await store.release(999)  # never claimed: no error


async def test_an_expired_lease_lets_another_handler_claim(store) -> None:
    assert await store.claim(7, lease=0.3) is Claim.MINE
    assert await store.claim(7, lease=0.3) is Claim.BUSY
    await asyncio.sleep(0.45)  # the handler died without finish or release
    assert await store.claim(7, lease=30) is Claim.MINE
    await store.finish(7)
    assert await store.claim(7, lease=30) is Claim.DONE


async def test_a_lock_is_held_until_its_ttl(store) -> None:
    assert await store.lock("sweep", ttl=0.3)
    assert not await store.lock("sweep", ttl=0.3)
    assert await store.lock("other", ttl=0.3)
    await asyncio.sleep(0.45)
    assert await store.lock("sweep", ttl=0.3)


async def test_ping_and_prune_answer(store) -> None:
    assert await store.ping() is None
    assert isinstance(await store.prune(), int)


# -- only a shared store ------------------------------------------------------------------------


async def test_prefixes_keep_two_deployments_apart(redis_server) -> None:
    import redis

    one, two = redis_store(redis_server.url, "deploy-one"), redis_store(redis_server.url, "deploy-two")
    redis_server.flushall()
    try:
        await one.put("ctx", "1", {"who": "one"})
        assert await two.get("ctx", "1") is None
        assert await one.incr("rate", "u", 60) == 1 and await two.incr("rate", "u", 60) == 1
        assert await one.claim(5, 60) is Claim.MINE and await two.claim(5, 60) is Claim.MINE
        await one.finish(5)
        assert await two.claim(5, 60) is Claim.BUSY  # two's own lease, not one's done marker
        assert await one.lock("sweep", 60) and await two.lock("sweep", 60)
    finally:
        await one.aclose()
        await two.aclose()
    client = redis.Redis.from_url(redis_server.url, decode_responses=True)
    keys = sorted(client.scan_iter())
    client.close()
    assert keys and all(k.startswith(("deploy-one:", "deploy-two:")) for k in keys), keys


async def test_no_error_message_contains_the_password(own_redis: RedisServer, tmp_path) -> None:
    from redis_server import RedisServer

    from bot.state.redis import RedisQuestionLog

    secret = "s3cr3t-Pa55word"
    guarded = RedisServer(tmp_path / "guarded", password=secret).start()
    good = f"redis://:{secret}@127.0.0.1:{guarded.port}/0"
    messages = []
    try:
        works = redis_store(good, "p")
        await works.put("ctx", "1", 1)
        assert await works.get("ctx", "1") == 1
        await works.aclose()
        for url in (
            f"redis://:{secret}x@127.0.0.1:{guarded.port}/0",  # wrong password
            f"redis://default:{secret}x@127.0.0.1:{guarded.port}/0",  # user and wrong password
            f"redis://127.0.0.1:{guarded.port}/0?password={secret}x",  # the password in the query
            f"redis://:{secret}@127.0.0.1:{own_redis.port}/0",  # a server that has no password
        ):
            store = redis_store(url, "p")
            with pytest.raises(StoreError) as raised:
                await store.get("ctx", "1")
            await store.aclose()
            messages.append(str(raised.value))
        guarded.stop()  # the right password, and the server is down
        store = redis_store(good, "p")
        with pytest.raises(StoreError) as raised:
            await store.ping()
        await store.aclose()
        messages.append(str(raised.value))
        log = RedisQuestionLog(good, "p")
        with pytest.raises(StoreError) as raised:
            log.add(Asked(T0, "private", "answer", "x", 1.0))
        log.close()
        messages.append(str(raised.value))
    finally:
        guarded.stop()
    assert len(messages) == 6
    assert all(secret not in m and "\n" not in m for m in messages), messages
    assert all(m.startswith("Redis at 127.0.0.1:") for m in messages), messages
    assert "AuthenticationError" in messages[0], messages[0]


async def test_an_outage_fails_fast_and_the_same_store_works_again(own_redis: RedisServer) -> None:
    store = redis_store(own_redis.url, "p")
    await store.put("ctx", "1", {"v": 1})
    assert await store.claim(1, 60) is Claim.MINE

    own_redis.stop()
    timings = {}
    for name, call in {
        "get": lambda: store.get("ctx", "1"),
        "put_versioned": lambda: store.put_versioned("ctx", "1", {"version": 9}),
        "incr": lambda: store.incr("rate", "u", 60),
        "claim": lambda: store.claim(2, 60),
        "finish": lambda: store.finish(1),
        "ping": lambda: store.ping(),
    }.items():
        started = time.monotonic()
        with pytest.raises(StoreError):
            await call()
        timings[name] = time.monotonic() - started
    assert max(timings.values()) < OUTAGE_BUDGET, timings

    own_redis.start()  # same port, empty (nothing is saved): the same object reconnects by itself
    await store.ping()
    await store.put("ctx", "1", {"v": 2})
    assert await store.get("ctx", "1") == {"v": 2}
    assert await store.put_versioned("ctx", "2", {"version": 1})  # the scripts are loaded again
    assert await store.incr("rate", "u", 60) == 1
    assert await store.claim(2, 60) is Claim.MINE
    await store.aclose()
    print(f"\noutage: StoreError after {', '.join(f'{k} {v * 1000:.1f} ms' for k, v in timings.items())}")


async def test_a_frozen_server_times_out_instead_of_hanging(own_redis: RedisServer) -> None:
    """A server that accepts connections but never answers (SIGSTOP): a timeout, then recovery on SIGCONT."""
    store = redis_store(own_redis.url, "p")
    await store.put("ctx", "1", 1)
    os.kill(own_redis.process.pid, signal.SIGSTOP)
    try:
        started = time.monotonic()
        with pytest.raises(StoreError, match="Timeout"):
            await store.get("ctx", "1")
        frozen = time.monotonic() - started
    finally:
        os.kill(own_redis.process.pid, signal.SIGCONT)
    assert frozen < OUTAGE_BUDGET, frozen
    assert await store.get("ctx", "1") == 1
    await store.aclose()
    print(f"\nfrozen server: StoreError after {frozen * 1000:.0f} ms")


# -- several processes at once --------------------------------------------------------------------

WORKER = r"""
import asyncio, json, random, sys
from bot.state import Claim
from bot.state.redis import RedisQuestionLog, RedisStore
from bot.state.questions import Asked

url, prefix, job, me = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])

async def main():
    store = RedisStore(url, prefix)
    await store.ping()
    print("ready", flush=True)
    sys.stdin.readline()  # all start together
    out = []
    if job == "incr":
        for _ in range(500):
            out.append(await store.incr("rate", "shared", 60))
    elif job == "claim":
        ids = list(range(1, 301))
        random.Random(me).shuffle(ids)  # each process its own order: they collide all along, not at one front
        for update_id in ids:
            if await store.claim(update_id, 60) is Claim.MINE:
                out.append(update_id)
                if update_id % 2:
                    await store.finish(update_id)  # odd ids done, even ids left leased
    elif job == "versioned":
        for version in range(1 + me, 2001, 2):  # one process the odd versions, the other the even, rising
            if await store.put_versioned("ctx", "member", {"version": version, "by": me}):
                out.append(version)
    elif job == "log":
        log = RedisQuestionLog(url, prefix)
        for update_id in range(1, 201):
            log.add(Asked(1700000000.0 + update_id, "private", "decline", None, 0.1, f"q{update_id}",
                          update_id=update_id))
        log.close()
    await store.aclose()
    print(json.dumps(out), flush=True)

asyncio.run(main())
"""


def run_together(url: str, prefix: str, job: str, processes: int) -> list[list[int]]:
    """`processes` interpreters doing `job` at the same moment; what each returned."""
    env = clean_env()
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, url, prefix, job, str(i)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT,
        )
        for i in range(processes)
    ]
    try:
        for worker in workers:
            assert worker.stdout.readline().strip() == "ready", worker.stderr.read()
        for worker in workers:
            worker.stdin.write("go\n")
            worker.stdin.flush()
        results = []
        for worker in workers:
            out, err = worker.communicate(timeout=60)
            assert worker.returncode == 0, err
            results.append(json.loads(out.strip().splitlines()[-1]))
        return results
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.kill()
                worker.wait()


def test_four_processes_count_every_hit_exactly_once(redis_server, redis_prefix) -> None:
    results = run_together(redis_server.url, redis_prefix, "incr", 4)
    seen = sorted(n for result in results for n in result)
    assert seen == list(range(1, 2001))  # every value handed out once: no lost or doubled increment
    assert all(result == sorted(result) for result in results)
    interleaved = sum(result[-1] - result[0] + 1 != len(result) for result in results)
    assert read_value(redis_server.url, redis_prefix, "rate", "shared") == 2000
    print(f"\n4 x 500 incr: final count {seen[-1]}, per process {[len(r) for r in results]}, "
          f"{interleaved} of 4 processes' values interleaved with another's")


def test_four_processes_claim_each_update_exactly_once(redis_server, redis_prefix) -> None:
    results = run_together(redis_server.url, redis_prefix, "claim", 4)
    mine = sorted(u for result in results for u in result)
    assert mine == list(range(1, 301)), f"{len(mine)} claims for 300 updates"
    print(f"\n4 processes x 300 updates: MINE {len(mine)} times, {len(set(mine))} distinct, "
          f"per process {[len(r) for r in results]}")


def test_two_processes_writing_versions_keep_the_highest(redis_server, redis_prefix) -> None:
    """Both write one member's context with rising, interleaved versions. Redis's MONITOR lists every write the
    server made, in its order: the versions written must only ever rise (a read-then-write race would show as
    a fall), and the last is the highest."""
    import threading

    import redis

    key, sentinel = f"{redis_prefix}:ctx:member", f"{redis_prefix}:monitor-done"
    writes: list[int] = []
    watching = threading.Event()

    def monitor() -> None:
        client = redis.Redis.from_url(redis_server.url, decode_responses=True)
        with client.monitor() as server:
            watching.set()
            for command in server.listen():
                text = command["command"]
                if text.startswith(f"SET {key} "):
                    writes.append(json.JSONDecoder().raw_decode(text[len(key) + 5 :])[0]["version"])
                elif sentinel in text:
                    break
        client.close()

    watcher = threading.Thread(target=monitor, daemon=True)
    watcher.start()
    assert watching.wait(10)
    results = run_together(redis_server.url, redis_prefix, "versioned", 2)
    read_value(redis_server.url, redis_prefix, "monitor-done", "")  # ends the watch
    watcher.join(30)
    assert not watcher.is_alive()

    final = read_value(redis_server.url, redis_prefix, "ctx", "member")
    assert final["version"] == 2000 and final["by"] == 1, final  # the highest written, never overwritten
    written = sorted(v for result in results for v in result)
    assert writes == written, "the server's writes are not the ones reported accepted, or not in rising order"
    assert written[-1] == 2000 and len(written) == len(set(written))
    print(f"\n2 processes x 1000 put_versioned: final version {final['version']}, written {len(written)} "
          f"(per process {[len(r) for r in results]}), refused {2000 - len(written)}, versions in the server's "
          f"order of writes always rising")


def test_two_processes_recording_the_same_updates_count_them_once(redis_server, redis_prefix) -> None:
    from bot.state.redis import RedisQuestionLog

    run_together(redis_server.url, redis_prefix, "log", 2)
    log = RedisQuestionLog(redis_server.url, redis_prefix)
    try:
        assert sum(c.count for c in log.counts(0)) == 200
        assert [m.text for m in log.misses(0)] == [f"q{i}" for i in range(1, 201)]
    finally:
        log.close()


# -- the question log: the same answers as SQLite ----------------------------------------------------


def scenario(log) -> dict:
    """The same writes on a question log, and everything read back."""
    miss = Asked(T0 + 5, "group", "decline", None, 0.25, "how many trains", (("figures.count", 0.25),), "declined")
    log.add(Asked(T0, "private", "answer", "figures.count", 1.0), Asked(T0 + 1, "private", "answer", "figures.count"))
    log.add(miss, miss)  # two equal misses at the same time: both kept
    log.add(Asked(T0 + 6, "supergroup", "clarify", "clarify", 0.6, "rise?", (("reasons.why", 0.6), ("x.y", 0.4)),
                  "asked: did you mean reasons.why", user_id=7, chat_id=-100, update_id=41))
    log.add(Asked(T0 + 7, "private", "answer", "reasons.why", 0.95, update_id=41))  # re-delivered: not counted
    log.add(Asked(T0 + 8, "private", "answer", "reasons.why", 0.5, "why é", update_id=42),
            Asked(T0 + 8, "private", "answer", "reasons.why", 0.5, "why é", update_id=42))
    for days in (1, 2, 3):
        log.add(Asked(T0 + days * DAY, "console", "decline", None, 0.0, f"day {days}"))
        log.add(Asked(T0 + days * DAY + 1, "console", "answer", None, 0.9))
    seen = {
        "counts": [log.counts(since) for since in (0, T0, T0 + DAY, T0 + 2.5 * DAY, T0 + 9 * DAY)],
        "misses": [log.misses(since) for since in (0, T0 + 5, T0 + 5.5, T0 + 2 * DAY, T0 + 9 * DAY)],
    }
    seen["pruned"] = [log.prune(T0 - DAY), log.prune(T0 + 6), log.prune(T0 + 2 * DAY)]
    seen["after"] = [log.counts(0), log.misses(0)]
    return seen


def test_the_redis_question_log_answers_as_sqlite_does(tmp_path, redis_server, redis_prefix) -> None:
    from bot.state.redis import RedisQuestionLog

    sqlite, redis = SQLiteQuestionLog(tmp_path / "q.db"), RedisQuestionLog(redis_server.url, redis_prefix)
    try:
        expected, found = scenario(sqlite), scenario(redis)
    finally:
        sqlite.close()
        redis.close()
    assert found == expected
    assert len(expected["misses"][0]) == 7 and expected["pruned"] == [0, 2, 9]  # the scenario means something
    assert [m.text for m in found["misses"][0][:2]] == ["how many trains", "how many trains"]


def test_the_recorder_writes_the_redis_log_and_survives_an_outage(own_redis, engine, caplog) -> None:
    from bot.conversation import Context
    from bot.reply import Reply

    options = LogOptions(db="", store=own_redis.url, prefix="rec")
    recorder = Recorder.open(options, background=False)
    declined = Reply("no", None, 0.0, "decline")
    recorder.observe(engine, "how many trains", Context(), declined, "private", update_id=1)
    own_redis.stop()
    with caplog.at_level(logging.WARNING, logger="scrbot.questions"):
        started = time.monotonic()
        recorder.observe(engine, "lost while redis is down", Context(), declined, "private", update_id=2)
        assert time.monotonic() - started < OUTAGE_BUDGET
    assert "cannot record questions in Redis at 127.0.0.1" in caplog.text
    own_redis.start()  # empty again: nothing is saved
    recorder.observe(engine, "after the outage", Context(), declined, "private", update_id=3)
    assert [m.text for m in recorder.read(lambda log: log.misses(0))] == ["after the outage"]
    recorder.close()
    path = str(own_redis.folder / "never-opened.db")
    sqlite = Recorder.open(LogOptions(db=path))
    assert sqlite._file == path and sqlite._where == path  # no store: exactly Recorder.sqlite
    sqlite.close()


# -- the commands, across processes -------------------------------------------------------------------


def scrbot(args: list[str], env: dict[str, str], cwd: Path, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bot", *args], input=stdin, capture_output=True, text=True,
                          timeout=120, cwd=cwd, env=env)


def test_stats_and_misses_show_what_another_process_recorded(tmp_path, redis_server, redis_prefix) -> None:
    env = clean_env(SCRBOT_STORE=redis_server.url, SCRBOT_STORE_PREFIX=redis_prefix, SCRBOT_DB=str(tmp_path / "q.db"))
    chat = scrbot(["chat"], env, tmp_path, "how many SCRs were published in 2013/14?\nhow many trains left london?\n")
    assert chat.returncode == 0, chat.stderr
    assert not (tmp_path / "q.db").exists()  # SCRBOT_STORE chose Redis: nothing went to an SQLite file

    stats = scrbot(["stats", "--json"], env, tmp_path)
    assert stats.returncode == 0, stats.stderr
    numbers = json.loads(stats.stdout)
    assert numbers["questions"] == 2 and numbers["answered"] == 1 and numbers["declined"] == 1, numbers
    assert numbers["by_chat_type"] == {"console": 2}

    misses = scrbot(["misses", "--json"], env, tmp_path)
    assert misses.returncode == 0, misses.stderr
    assert "how many trains left london" in misses.stdout

    other = scrbot(["stats", "--json"], {**env, "SCRBOT_STORE_PREFIX": redis_prefix + "-other"}, tmp_path)
    assert json.loads(other.stdout)["questions"] == 0  # another deployment's prefix sees nothing


def test_stats_says_in_one_line_when_redis_cannot_be_reached(tmp_path) -> None:
    from redis_server import free_port

    url = f"redis://:hunter2-secret@127.0.0.1:{free_port()}/0"
    started = time.monotonic()
    done = scrbot(["stats"], clean_env(SCRBOT_STORE=url), tmp_path)
    assert time.monotonic() - started < 30
    assert done.returncode == 3, done.stderr
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr, done.stderr
    assert "hunter2" not in done.stderr and "Redis at 127.0.0.1:" in done.stderr, done.stderr


# -- settings and imports -----------------------------------------------------------------------------


def test_the_key_prefix_is_read_and_checked() -> None:
    assert log_options({}).prefix == "scrbot"
    assert log_options({"SCRBOT_STORE_PREFIX": " scrbot-staging:eu.1 "}).prefix == "scrbot-staging:eu.1"
    for bad in ("has space", "x" * 65, "star*", "new\nline", "naïve"):
        with pytest.raises(ValueError, match="SCRBOT_STORE_PREFIX must be") as raised:
            log_options({"SCRBOT_STORE_PREFIX": bad})
        assert "\n" not in str(raised.value)


def test_redis_is_imported_only_when_redis_is_chosen(tmp_path) -> None:
    program = (
        "import contextlib, io, sys\n"
        "import bot.cli, bot.state, bot.recording, bot.maintain\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    bot.cli.main(['stats', '--json'])\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'redis' or m == 'bot.state.redis'))\n"
    )
    env = clean_env(SCRBOT_STORE=f"sqlite:{tmp_path / 'q.db'}")
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, env=env, cwd=tmp_path,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
