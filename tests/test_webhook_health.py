"""/healthz, /readyz and /metrics on the webhook's port, and draining.

In-process: a `WebhookServer` whose `_handle` is a stand-in the test holds open, so "in flight" is
exact, not timed. End to end: the real `scrbot run --webhook` against the Bot API emulator, its
counters read over HTTP after Telegram delivered an update.
"""

from __future__ import annotations

import asyncio
import json
import re
import socket
import urllib.request
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from telegram_harness import QUESTION, BotProcess, assert_clean_exit, free_port, post_json, wait_for_port

from benchmarks.botapi_emulator import BotAPIEmulator
from bot import metrics
from bot.telegram.webhook import WebhookServer

SECRET = "health-Secret_1"
TOKEN = "7654321:AAH-health_SECRET-token_value"
USER = {"id": 734251987, "is_bot": False, "first_name": "Quimby"}


# -- a raw HTTP client (one request per connection) --------------------------------------------------


async def request(port: int, method: str, path: str, body: bytes = b"", headers: dict[str, str] | None = None):
    """(status, headers, body) of one request on a fresh connection."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    head = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", "Connection: close"]
    head += [f"{k}: {v}" for k, v in (headers or {}).items()]
    if method == "POST":
        head.append(f"Content-Length: {len(body)}")
    writer.write(("\r\n".join(head) + "\r\n\r\n").encode() + body)
    await writer.drain()
    raw = await asyncio.wait_for(reader.read(), 10)
    writer.close()
    top, _, payload = raw.partition(b"\r\n\r\n")
    lines = top.decode("latin-1").split("\r\n")
    fields = {k.strip().lower(): v.strip() for k, v in (line.split(":", 1) for line in lines[1:] if ":" in line)}
    return int(lines[0].split(" ")[1]), fields, payload.decode()


def post_update(port: int, update: dict[str, Any], secret: str = SECRET):
    return request(port, "POST", "/hook", json.dumps(update).encode(), {"X-Telegram-Bot-Api-Secret-Token": secret})


def message(update_id: int, chat_id: int = 424242) -> dict[str, Any]:
    return {
        "update_id": update_id,
        "message": {"message_id": 1, "date": 0, "text": "hi", "chat": {"id": chat_id, "type": "private"},
                    "from": {"id": chat_id, "is_bot": False, "first_name": "Zebulon"}},
    }  # fmt: skip


async def get(port: int, path: str) -> tuple[int, str]:
    status, _, body = await request(port, "GET", path)
    return status, body


def sample(text: str, name: str, **labels: str) -> float:
    """The value of one sample in Prometheus text."""
    wanted = ",".join(f'{k}="{v}"' for k, v in labels.items())
    pattern = rf"^{re.escape(name)}{re.escape('{' + wanted + '}') if wanted else ''} (\S+)$"
    found = re.search(pattern, text, re.M)
    assert found, f"no {name} {labels} in:\n{text}"
    return float(found[1])


class Gated(WebhookServer):
    """`_handle` waits for the test to open its gate; the ids it was given, in order."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(SimpleNamespace(running=True), "hook", SECRET, "127.0.0.1", 0, **kwargs)
        self.gate = asyncio.Event()
        self.entered = asyncio.Event()
        self.handled: list[int] = []

    async def _handle(self, data: dict[str, Any]) -> None:
        self.entered.set()
        await self.gate.wait()
        self.handled.append(data["update_id"])


@pytest.fixture
async def serve() -> AsyncIterator[Callable[..., Any]]:
    servers: list[WebhookServer] = []

    async def _serve(**kwargs: Any) -> tuple[Gated, int]:
        server = Gated(metrics=metrics.Metrics(), **kwargs)  # its own registry: counts start at 0
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        sock.listen(16)
        sock.setblocking(False)
        await server.start(sock)
        servers.append(server)
        return server, sock.getsockname()[1]

    yield _serve
    for server in servers:
        server.gate.set()
        await server.stop(grace=1)


# -- in-process --------------------------------------------------------------------------------------


async def test_healthz_readyz_and_the_webhook_path(serve) -> None:
    _, port = await serve()
    status, headers, body = await request(port, "GET", "/healthz")
    assert (status, body) == (200, "ok\n") and headers["content-type"].startswith("text/plain")
    status, _, body = await request(port, "GET", "/readyz")
    assert (status, body) == (200, "ready\n")
    assert (await request(port, "GET", "/hook"))[0] == 405  # the webhook path answers POST only
    assert (await request(port, "POST", "/healthz"))[0] == 405
    assert (await request(port, "GET", "/nothing"))[0] == 404
    assert (await request(port, "GET", "/metrics/../hook"))[0] == 404


async def test_readyz_gives_the_reason_of_the_ready_check(serve) -> None:
    reasons: list[str | None] = ["store unreachable\n(redis: connection refused)", None]

    async def ready() -> str | None:
        return reasons.pop(0)

    server, port = await serve(ready=ready)
    status, _, body = await request(port, "GET", "/readyz")
    assert status == 503 and body == "store unreachable (redis: connection refused)\n"  # one line
    assert await get(port, "/readyz") == (200, "ready\n")

    async def broken() -> str | None:
        raise RuntimeError("password=hunter2 in a message that must not be shown")

    server.ready = broken
    status, _, body = await request(port, "GET", "/readyz")
    assert status == 503 and body == "readiness check failed (RuntimeError)\n"
    server.app.running = False
    assert await get(port, "/readyz") == (503, "not running\n")
    assert (await get(port, "/healthz"))[0] == 200


async def test_draining_refuses_new_updates_while_the_one_in_flight_completes(serve) -> None:
    server, port = await serve()
    in_flight = asyncio.create_task(post_update(port, message(1)))
    await asyncio.wait_for(server.entered.wait(), 5)
    server.drain()
    assert await get(port, "/readyz") == (503, "draining\n")
    assert await get(port, "/healthz") == (200, "ok\n")  # alive, only not ready
    assert (await post_update(port, message(2)))[0] == 503  # Telegram delivers it again later
    assert (await post_update(port, message(3), secret="guess"))[0] == 403  # strangers still get 403
    assert not in_flight.done()
    server.gate.set()
    assert (await asyncio.wait_for(in_flight, 5))[0] == 200
    assert server.handled == [1]
    text = (await request(port, "GET", "/metrics"))[2]
    assert sample(text, "scrbot_updates_total", kind="message", outcome="handled") == 1
    assert sample(text, "scrbot_updates_total", kind="other", outcome="busy") == 1
    assert sample(text, "scrbot_updates_total", kind="other", outcome="rejected") == 1


async def test_stop_drains_a_kept_alive_connection(serve) -> None:
    """While `stop()` waits for an update in flight, a kept-alive connection cannot slip a new one in."""
    server, port = await serve()
    reader, writer = await asyncio.open_connection("127.0.0.1", port)

    async def ask(head: str, body: bytes = b"") -> int:
        writer.write(head.encode() + body)
        answer = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 5)
        length = int(re.search(rb"Content-Length: (\d+)", answer)[1])
        await reader.readexactly(length)
        return int(answer.split(b" ")[1])

    assert await ask("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n") == 200  # the connection stays open
    in_flight = asyncio.create_task(post_update(port, message(1)))
    await asyncio.wait_for(server.entered.wait(), 5)
    stopping = asyncio.create_task(server.stop(grace=5))
    await asyncio.sleep(0.05)
    body = json.dumps(message(2)).encode()
    head = (
        f"POST /hook HTTP/1.1\r\nHost: x\r\nX-Telegram-Bot-Api-Secret-Token: {SECRET}\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    )
    assert await ask(head, body) == 503
    server.gate.set()
    assert (await asyncio.wait_for(in_flight, 5))[0] == 200
    await asyncio.wait_for(stopping, 5)
    writer.close()
    assert server.handled == [1]


async def test_metrics_count_updates_by_kind_and_outcome_and_never_show_an_id(serve) -> None:
    server, port = await serve()
    server.gate.set()
    chat = 987654321
    assert (await post_update(port, message(10, chat)))[0] == 200
    callback = {"update_id": 11, "callback_query": {"id": "5", "chat_instance": "1", "data": "q:x",
                                                    "from": {"id": chat, "is_bot": False, "first_name": "Z"}}}
    assert (await post_update(port, callback))[0] == 200
    assert (await post_update(port, {"update_id": 12, "inline_query": {"id": "6", "query": "q", "offset": "",
                                                                       "from": {"id": chat, "is_bot": False,
                                                                                "first_name": "Z"}}}))[0] == 200
    assert (await request(port, "POST", "/hook", b"{not json", {"X-Telegram-Bot-Api-Secret-Token": SECRET}))[0] == 400
    status, headers, text = await request(port, "GET", "/metrics")  # no secret needed
    assert status == 200 and headers["content-type"].startswith("text/plain")
    for kind in ("message", "callback", "inline"):
        assert sample(text, "scrbot_updates_total", kind=kind, outcome="handled") == 1
    assert sample(text, "scrbot_updates_total", kind="other", outcome="rejected") == 1
    assert sample(text, "scrbot_updates_total", kind="message", outcome="failed") == 0  # every series from the start
    assert sample(text, "scrbot_update_seconds_count") == 3
    for name in ("scrbot_answers_total", "scrbot_store_errors_total", "scrbot_limit_notices_total"):
        assert name in text
    assert_no_identifiers(text, chat)
    assert "Zebulon" not in text and SECRET not in text


async def test_a_failing_handle_is_a_500_and_counted(serve) -> None:
    server, port = await serve()

    async def failing(data: dict[str, Any]) -> None:
        raise RuntimeError("boom")

    server._handle = failing  # type: ignore[method-assign]
    assert (await post_update(port, message(20)))[0] == 500
    assert (await get(port, "/healthz"))[0] == 200  # the server goes on
    text = (await request(port, "GET", "/metrics"))[2]
    assert sample(text, "scrbot_updates_total", kind="message", outcome="failed") == 1


def assert_no_identifiers(text: str, *ids: int) -> None:
    """Every label value is one of the fixed kinds, outcomes or histogram bounds; no id appears anywhere."""
    allowed = {*metrics.UPDATE_KINDS, *metrics.OUTCOMES, *metrics.ANSWER_KINDS}
    for name, value in re.findall(r'(\w+)="([^"]*)"', text):
        assert value in allowed or name == "le", (name, value)
    for number in ids:
        assert not re.search(rf"\b{number}\b", text), number


def test_the_recording_functions_check_their_labels_and_are_no_ops_while_off() -> None:
    with pytest.raises(ValueError):
        metrics.answered("chat 12345")
    with pytest.raises(ValueError):
        metrics.update("message", "lost")
    own = metrics.Metrics()
    own.answered("clarify")
    own.limit_notice()
    own.store_error()
    text = own.render()[0].decode()
    assert sample(text, "scrbot_answers_total", kind="clarify") == 1
    assert sample(text, "scrbot_limit_notices_total") == 1 and sample(text, "scrbot_store_errors_total") == 1
    assert metrics.update_kind({"update_id": 1, "edited_message": {}}) == "message"
    assert metrics.update_kind({"update_id": 1, "poll": {}}) == "other"


# -- end to end: the real `scrbot run --webhook` ---------------------------------------------------------


@pytest.fixture
def emu() -> Iterator[BotAPIEmulator]:
    with BotAPIEmulator(token=TOKEN, webhook_max_attempts=20, webhook_retry_delay=0.02) as emulator:
        yield emulator
        assert emulator.internal_errors == []


def http_get(port: int, path: str) -> tuple[int, str]:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(f"http://127.0.0.1:{port}{path}", timeout=5) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def test_a_running_bot_serves_its_health_and_counts_what_telegram_delivered(emu: BotAPIEmulator, tmp_path: Path):
    port = free_port()
    url = f"http://127.0.0.1:{port}/hook"
    bot = BotProcess.for_emulator(
        emu, tmp_path, webhook=True, SCRBOT_DB=str(tmp_path / "bot.db"), SCRBOT_WEBHOOK_URL=url,
        SCRBOT_WEBHOOK_PORT=str(port), SCRBOT_WEBHOOK_LISTEN="127.0.0.1", SCRBOT_WEBHOOK_SECRET=SECRET,
    )  # fmt: skip
    try:
        bot.start(emu, ready="setWebhook")
        wait_for_port(port)
        emu.wait_for(lambda: http_get(port, "/readyz")[0] == 200, timeout=10)
        assert http_get(port, "/healthz") == (200, "ok\n")
        assert http_get(port, "/readyz") == (200, "ready\n")

        update_id = emu.push_update(emu.private_message(QUESTION, user=USER))
        emu.wait_for_calls("sendMessage", timeout=10)
        emu.wait_for(lambda: [d for d in emu.webhook_deliveries if d.update_id == update_id and d.status == 200])
        delivered = {**emu.private_message(QUESTION, user=USER), "update_id": update_id}
        headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
        assert post_json(url, delivered, headers) == 200  # delivered again: answered 200, not handled again
        assert post_json(url, {**delivered, "update_id": update_id + 1}) == 403

        status, text = http_get(port, "/metrics")
        assert status == 200
        assert sample(text, "scrbot_updates_total", kind="message", outcome="handled") == 1
        assert sample(text, "scrbot_updates_total", kind="message", outcome="duplicate") == 1
        assert sample(text, "scrbot_updates_total", kind="other", outcome="rejected") == 1
        assert sample(text, "scrbot_update_seconds_count") == 1
        assert_no_identifiers(text, USER["id"])
        assert USER["first_name"] not in text and QUESTION not in text
        assert len(emu.calls_to("sendMessage")) == 1
        assert_clean_exit(bot.stop(), TOKEN)
    finally:
        bot.kill()
