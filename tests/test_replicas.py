"""Two replicas of `scrbot run --webhook` sharing one real redis-server, behind a real nginx.

Every process is real and on 127.0.0.1: the Bot API emulator (Telegram), redis-server, nginx
(tests/replica_harness.py writes its config), and `python -m bot run --webhook` twice. What is shown:

1. a follow-up's context is shared: asked through one replica, followed up through the other;
2. a per-user limit holds across replicas, with one notice;
3. one update delivered to both replicas at once is answered once;
4. 600 updates over 20 chats through nginx, one replica SIGKILLed a third of the way through: every
   question answered, in order per chat, none twice except within the documented window, and the
   shared question log counts each question once;
5. SIGTERM drains: the update being handled gets its 200, new ones get 503 (or find the port closed),
   the process exits 0;
6. Redis stopped: /readyz says 503 and updates get 5xx, so Telegram keeps them; Redis back on the
   same port: they are answered and /readyz is 200 again.

The documented window (bot/telegram/webhook.py): a replica killed after sending a reply and before
marking the update handled in the store leaves the update's lease to expire (SCRBOT_WEBHOOK_LEASE, 2 s
here), after which another replica answers it again. It can happen only to the updates that replica
had in flight; the emulator delivers one update at a time, so at most one.
"""

from __future__ import annotations

import signal
import threading
import time
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from redis_server import RedisServer
from replica_harness import (
    KeptAlive,
    handled,
    post,
    question_count,
    register,
    request,
    sample,
    start_nginx,
    wait_until,
)

from benchmarks.botapi_emulator import BotAPIEmulator, Call
from benchmarks.replicas import Replica, free_port, http_get, replica_env, start_replicas
from bot.limits import NOTICE

TOKEN = "7654321:AAH-replica_SECRET-token_value"
QUESTION = "how many SCRs were published in 2013/14?"
ANSWER = "In 2013/14, 71 SCRs were published."
FOLLOW_UP = "and the previous year?"
PREVIOUS = "In 2012/13, 31 SCRs were published."
LEASE = "2"  # seconds: how long a killed replica's update waits before another replica takes it


@pytest.fixture
def emu() -> Iterator[BotAPIEmulator]:
    # Telegram retries a failed delivery for a long while; the emulator's 200 attempts, the n-th after
    # n x 20 ms, cover the 2 s lease and a Redis outage of several seconds.
    with BotAPIEmulator(token=TOKEN, webhook_max_attempts=200, webhook_retry_delay=0.02) as emulator:
        yield emulator
        assert emulator.internal_errors == []


@pytest.fixture(scope="module")
def redis(tmp_path_factory) -> Iterator[RedisServer]:
    server = RedisServer(tmp_path_factory.mktemp("redis")).start()
    yield server
    server.stop()


Deploy = Callable[..., list[Replica]]


@pytest.fixture
def deploy(emu: BotAPIEmulator, tmp_path: Path) -> Iterator[Deploy]:
    """deploy(store, count=2, public_port=None, **settings): replicas of one deployment, started and ready.

    Each gets the same settings (one key prefix per test), its own port; at the end of the test every
    one still running is stopped, and none may have printed a traceback.
    """
    started: list[Replica] = []
    prefix = f"replicas-{uuid.uuid4().hex[:10]}"

    def _deploy(store: str, count: int = 2, public_port: int | None = None, **settings: str) -> list[Replica]:
        public = f"http://127.0.0.1:{public_port or free_port()}/hook"
        settings = {"SCRBOT_WEBHOOK_LEASE": LEASE, "SCRBOT_USER_RATE": "0", "SCRBOT_GROUP_RATE": "0", **settings}
        env = replica_env(emu, store, prefix, public, **settings)
        replicas = [Replica(env, tmp_path, name) for name in "AB"[:count]]
        started.extend(replicas)
        start_replicas(replicas)
        return replicas

    _deploy.prefix = prefix  # type: ignore[attr-defined]
    _deploy.settings = lambda store, public: replica_env(emu, store, prefix, public)  # type: ignore[attr-defined]
    yield _deploy
    for replica in started:
        replica.kill()
    for replica in started:
        assert "Traceback" not in replica.output, replica.output
        assert TOKEN.split(":")[1] not in replica.output


def user(n: int) -> dict:
    return {"id": 6_100_000 + n, "is_bot": False, "first_name": f"Member{n}"}


def known(emu: BotAPIEmulator, update: dict) -> dict:
    """The update with the id the emulator gave it; the emulator now knows its chat and message.

    No webhook is registered in tests 1, 2, 3 and 5, so the emulator keeps it: the test delivers it.
    """
    return {**update, "update_id": emu.push_update(update)}


def replies(emu: BotAPIEmulator, chat_id: int) -> list[Call]:
    return [c for c in emu.calls_to("sendMessage") if c.ok and c.result["chat"]["id"] == chat_id]


def texts(emu: BotAPIEmulator, chat_id: int) -> list[str]:
    return [c.result["text"] for c in replies(emu, chat_id)]


def quoted(call: Call) -> int | None:
    parameters = call.params.get("reply_parameters")
    return parameters.get("message_id") if isinstance(parameters, dict) else call.params.get("reply_to_message_id")


# -- 1 to 3: two replicas, posted to directly ------------------------------------------------------------


def test_a_context_set_through_one_replica_is_used_by_the_other(emu, redis, deploy) -> None:
    a, b = deploy(redis.url)
    asker = user(1)
    assert post(a.port, known(emu, emu.private_message(QUESTION, user=asker))) == 200
    assert post(b.port, known(emu, emu.private_message(FOLLOW_UP, user=asker))) == 200
    assert texts(emu, asker["id"]) == [ANSWER, PREVIOUS]
    assert (handled(a.port), handled(b.port)) == (1, 1)  # each replica answered one of them


def test_a_per_user_limit_holds_across_replicas_with_one_notice(emu, redis, deploy) -> None:
    a, b = deploy(redis.url, SCRBOT_USER_RATE="3")
    asker = user(2)
    statuses = [post(replica.port, known(emu, emu.private_message(QUESTION, user=asker))) for replica in (a, b) * 3]
    assert statuses == [200] * 6  # a limited question is handled (silently) too: Telegram must not retry it
    assert texts(emu, asker["id"]) == [ANSWER] * 3 + [NOTICE]  # A, B, A answered; B's notice; A, B silent
    notices = [sample(http_get(r.port, "/metrics")[1], "scrbot_limit_notices_total") for r in (a, b)]
    assert notices == [0, 1]


def test_one_update_delivered_to_both_replicas_at_once_is_answered_once(emu, redis, deploy) -> None:
    a, b = deploy(redis.url)
    asker = user(3)
    update = known(emu, emu.private_message(QUESTION, user=asker))
    emu.inject_fault("sendMessage", None, delay=1.0)  # the first reply takes a second: both are surely in flight
    together = threading.Barrier(2)
    statuses: dict[str, int] = {}

    def deliver(replica: Replica) -> None:
        together.wait()
        statuses[replica.name] = post(replica.port, update)

    threads = [threading.Thread(target=deliver, args=(r,)) for r in (a, b)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(statuses.values()) in ([200, 503], [200, 200]), statuses  # 503: the other one holds it
    assert texts(emu, asker["id"]) == [ANSWER]
    assert handled(a.port) + handled(b.port) == 1
    # delivered again to both once it was handled: 200 each, answered by neither
    assert [post(r.port, update) for r in (a, b)] == [200, 200]
    assert texts(emu, asker["id"]) == [ANSWER]
    assert handled(a.port, "duplicate") + handled(b.port, "duplicate") >= 2


# -- 4: 600 updates through nginx, one replica killed ------------------------------------------------------


def in_flight(store: str, prefix: str, replicas: list[Replica]) -> Replica | None:
    """The replica holding an update's lease now (the store names each lease's holder: host:pid)."""
    import redis

    client = redis.Redis.from_url(store, decode_responses=True)
    try:
        holders = [client.get(key) for key in client.scan_iter(f"{prefix}:update:lease:*")]
    finally:
        client.close()
    pids = {int(h.rsplit(":", 1)[1]) for h in holders if h}
    return next((r for r in replicas if r.process is not None and r.process.pid in pids), None)


def test_600_updates_through_nginx_with_one_replica_killed(emu, redis, deploy, tmp_path) -> None:
    chats, per_chat = 20, 30
    public = free_port()
    a, b = deploy(redis.url, public_port=public)
    nginx = start_nginx(tmp_path / "nginx", [a.port, b.port], port=public)
    try:
        register(deploy.settings(redis.url, nginx.url), tmp_path)
        bot = emu.bot_user["username"]
        updates = [
            emu.group_message(f"@{bot} {QUESTION}", chat_id=-1_006_000_000 - chat, user=user(100 + chat))
            for _ in range(per_chat)
            for chat in range(chats)
        ]
        expected: dict[int, list[int]] = defaultdict(list)  # chat: its message ids, in the order sent
        for update in updates:
            expected[update["message"]["chat"]["id"]].append(update["message"]["message_id"])
        started = time.monotonic()
        emu.push_updates(updates)

        # A third of the way, the next reply is slow to reach Telegram; the replica sending it is
        # SIGKILLed while it waits: the reply goes out, the update is never marked handled (the window).
        emu.wait_for(lambda: len(emu.calls_to("sendMessage")) >= len(updates) // 3, timeout=30)
        emu.inject_fault("sendMessage", None, delay=1.0)
        time.sleep(0.3)
        victim = wait_until(lambda: in_flight(redis.url, deploy.prefix, [a, b]), 5, "an update in flight")
        victim.kill()
        survivor = b if victim is a else a
        killed_at = len(emu.calls_to("sendMessage"))

        emu.wait_for(lambda: emu.pending_updates() == 0, timeout=40)
        took = time.monotonic() - started
        time.sleep(0.3)  # a reply sent late, twice, would show now
        sends = emu.calls_to("sendMessage")
        assert all(c.ok for c in sends)
        assert handled(survivor.port) >= len(updates) - killed_at  # the survivor took the rest

        duplicates = 0
        for chat, ids in expected.items():
            answered = [quoted(c) for c in sends if c.params["chat_id"] == chat]
            assert set(answered) == set(ids), f"chat {chat}: unanswered {sorted(set(ids) - set(answered))}"
            assert answered == sorted(answered), f"chat {chat}: answers out of order {answered}"
            duplicates += len(answered) - len(ids)
        # every delivery ended in a 200 (none given up); those that failed: the kill, then 503s for the lease
        final = {d.update_id: d.status for d in emu.webhook_deliveries}
        assert set(final.values()) == {200}
        retried = sum(1 for d in emu.webhook_deliveries if d.status != 200)
        assert retried >= 1
        # The killed replica's one update in flight, its reply already sent: answered again once its lease
        # expired. Nothing else, and nothing it had committed, is answered twice.
        assert duplicates == 1, f"{duplicates} answered twice; the killed replica had one update in flight"
        assert survivor.stop() == 0  # its question log written out
        # the question log counts by update id: the re-answered update is counted once
        assert question_count(redis.url, deploy.prefix, tmp_path) == len(updates)
        print(f"\n600 updates through nginx in {took:.1f} s; replica {victim.name} killed after {killed_at} replies; "
              f"{duplicates} answered twice; {retried} deliveries retried")  # fmt: skip
    finally:
        nginx.stop()


# -- 5: SIGTERM drains ---------------------------------------------------------------------------------------


def test_sigterm_lets_the_update_in_flight_finish_and_refuses_new_ones(emu, redis, deploy) -> None:
    (a,) = deploy(redis.url, count=1)
    asker = user(5)
    first = known(emu, emu.private_message(QUESTION, user=asker))
    later = [known(emu, emu.private_message(QUESTION, user=asker)) for _ in range(2)]
    kept = KeptAlive(a.port)  # as nginx keeps connections to its upstreams
    assert kept.get("/healthz") == 200
    emu.inject_fault("sendMessage", None, delay=1.5)  # its reply takes 1.5 s
    result: dict[str, float] = {}

    def deliver() -> None:
        begun = time.monotonic()
        result["status"] = post(a.port, first)
        result["seconds"] = time.monotonic() - begun

    in_flight = threading.Thread(target=deliver)
    in_flight.start()
    time.sleep(0.5)  # handled by now, waiting for Telegram to take the reply
    a.signal(signal.SIGTERM)
    time.sleep(0.1)
    try:
        assert kept.get("/readyz") == 503  # draining
        assert kept.post(later[0]) == 503  # Telegram (or nginx) delivers it again, elsewhere or later
    finally:
        kept.close()
    assert post(a.port, later[1], timeout=5) in (0, 503)  # a new connection: refused, or 503
    in_flight.join(10)
    assert result["status"] == 200 and result["seconds"] >= 1.4, result
    assert a.process is not None and a.process.wait(10) == 0
    assert texts(emu, asker["id"]) == [ANSWER]  # the one in flight; neither of the refused ones


# -- 6: Redis stopped and started again ------------------------------------------------------------------------


def test_redis_outage_gives_503s_and_loses_no_update(emu, deploy, tmp_path) -> None:
    redis = RedisServer(tmp_path / "own-redis").start()
    public = free_port()
    nginx = None
    try:
        a, b = deploy(redis.url, public_port=public)
        nginx = start_nginx(tmp_path / "nginx", [a.port, b.port], port=public)
        register(deploy.settings(redis.url, nginx.url), tmp_path)
        first = user(60)
        emu.push_update(emu.private_message(QUESTION, user=first))
        emu.wait_for(lambda: texts(emu, first["id"]) == [ANSWER], timeout=10)

        redis.stop()
        for replica in (a, b):
            status, reason = http_get(replica.port, "/readyz")
            assert status == 503 and "store" in reason, reason
        askers = [user(61 + n) for n in range(3)]
        ids = emu.push_updates([emu.private_message(QUESTION, user=u) for u in askers])
        emu.wait_for(lambda: sum(1 for d in emu.webhook_deliveries if d.update_id == ids[0]) >= 5, timeout=10)
        refused = [d.status for d in emu.webhook_deliveries if d.update_id == ids[0]]
        assert all(s is not None and 500 <= s < 600 for s in refused), refused
        assert emu.pending_updates() == 3  # kept by Telegram, none answered
        assert all(texts(emu, u["id"]) == [] for u in askers)

        redis.start()  # the same port
        emu.wait_for(lambda: emu.pending_updates() == 0, timeout=20)
        assert [texts(emu, u["id"]) for u in askers] == [[ANSWER]] * 3  # each answered, once
        for replica in (a, b):
            assert wait_until(lambda r=replica: http_get(r.port, "/readyz")[0] == 200, 5, "ready again")
        assert request(nginx.port, "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close") == 200
    finally:
        if nginx is not None:
            nginx.stop()
        redis.stop()


# -- the README's nginx block, as written ----------------------------------------------------------------


def readme_site(port: int, upstreams: list[int]) -> str:
    """The README's `upstream` and `server` blocks, with only what a local test must change: the listen
    address (no TLS certificate here), the replicas' ports and the webhook's path."""
    import re

    text = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```nginx\n(.*?)```", text, re.DOTALL)
    assert block, "the README has an nginx block"
    site = block.group(1).replace("listen 443 ssl;", f"listen 127.0.0.1:{port};").replace("/telegram", "/hook")
    for written, real in zip(("127.0.0.1:8081", "127.0.0.1:8082"), upstreams, strict=True):
        assert written in site
        site = site.replace(written, f"127.0.0.1:{real}")
    return site


def test_the_readme_nginx_config_serves_two_replicas_and_survives_one_dying(emu, redis, deploy, tmp_path) -> None:
    public = free_port()
    a, b = deploy(redis.url, public_port=public)
    nginx = start_nginx(tmp_path / "nginx", [a.port, b.port], port=public, site=readme_site(public, [a.port, b.port]))
    try:
        register(deploy.settings(redis.url, nginx.url), tmp_path)
        asker = user(900)
        emu.push_update(emu.private_message(QUESTION, user=asker))
        wait_until(lambda: texts(emu, asker["id"]) == [ANSWER], 20, "the answer through the README's nginx")
        a.kill()  # one replica dies: nginx sends the next update to the other, which has the context
        emu.push_update(emu.private_message(FOLLOW_UP, user=asker))
        wait_until(lambda: texts(emu, asker["id"]) == [ANSWER, PREVIOUS], 20, "the follow-up after a replica died")
        assert http_get(public, "/readyz")[0] == 200  # the load balancer's health check, through nginx
    finally:
        nginx.stop()


# -- polling keeps working with the Redis store (one poller) ----------------------------------------------


def test_polling_with_the_redis_store_keeps_context_across_a_restart(emu, redis, tmp_path) -> None:
    from telegram_harness import BotProcess, assert_clean_exit

    settings = {"SCRBOT_STORE": redis.url, "SCRBOT_STORE_PREFIX": f"polling-{uuid.uuid4().hex[:8]}"}
    asker = user(950)
    first = BotProcess.for_emulator(emu, tmp_path, **settings).start(emu)
    emu.push_update(emu.private_message(QUESTION, user=asker))
    wait_until(lambda: texts(emu, asker["id"]) == [ANSWER], 20, "an answer from a poller on Redis")
    assert_clean_exit(first.stop(), TOKEN)
    second = BotProcess.for_emulator(emu, tmp_path, **settings).start(emu)  # the context is in Redis, not here
    emu.push_update(emu.private_message(FOLLOW_UP, user=asker))
    wait_until(lambda: texts(emu, asker["id"]) == [ANSWER, PREVIOUS], 20, "the follow-up after a restart")
    assert_clean_exit(second.stop(), TOKEN)
    assert not (tmp_path / "state.db").exists()  # Redis keeps the state: no SQLite file was made
