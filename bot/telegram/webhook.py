"""The webhook server: a small HTTP/1.1 server on asyncio, written for what Telegram sends and nothing more.

Why not python-telegram-bot's (tornado) server: it reads a body of any size before checking the
secret, keeps idle connections for ever, and answers 200 as soon as an update is queued, so a
kill loses what was queued and a slow bot gets the same update delivered again. Here:

* the secret header is checked before a byte of the body is read (403, connection closed);
* a body over `MAX_BODY` is refused from its Content-Length (413), unread;
* a connection gets `HEADER_TIMEOUT` seconds for its request head, `BODY_TIMEOUT` for its body and
  `IDLE_TIMEOUT` between requests; at `MAX_CONNECTIONS` open ones, a new one replaces the one idle
  the longest, so a crowd of idle sockets can neither exhaust file descriptors nor lock Telegram out;
* Telegram gets its 200 only once the update was handled, and a re-delivered `update_id` (handled
  before, or being handled) is answered 200 without being handled again (`polling.Tracker`).

On the same port, for the operator and the load balancer (no secret needed; they show nothing but
counters and one-line reasons):

* `GET /healthz`: 200 `ok` while the process serves;
* `GET /readyz`: 200 `ready`, or 503 with the reason: `draining`, the application not running yet,
  or what the `ready` check returned;
* `GET /metrics`: the Prometheus text of `bot.metrics` (updates by kind and outcome, handling time ...).

`drain()` (and `stop()`, which drains first) makes the server refuse new updates with 503, which
Telegram delivers again later (to another replica, when there are several), while the updates being
handled finish and get their 200.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import inspect
import json
import logging
import resource
import socket
import time
from collections.abc import Awaitable, Callable
from typing import Any

from telegram import Update
from telegram.ext import Application

from ..metrics import OUTCOMES, Metrics, enable, update_kind
from ..settings import SettingsError
from ..state import Claim, Store, StoreError

log = logging.getLogger("scrbot.webhook")

MAX_BODY = 256 * 1024  # bytes; Telegram's updates are a few KiB
MAX_HEAD = 16 * 1024  # bytes of request line and headers
HEADER_TIMEOUT = 10.0  # seconds for the request line and headers, once the first byte arrived
IDLE_TIMEOUT = 30.0  # seconds a kept-alive connection may wait for its next request
BODY_TIMEOUT = 10.0
MAX_CONNECTIONS = 200  # Telegram opens at most 40 (setWebhook max_connections)
SECRET_HEADER = "x-telegram-bot-api-secret-token"
OPS_PATHS = ("/healthz", "/readyz", "/metrics")  # GET only, no secret; the webhook's own path wins a clash
LEASE = 60.0  # seconds an update claimed by one replica is left alone by the others (Telegram's own re-delivery)
READY_TIMEOUT = 2.0  # seconds the `ready` check may take before /readyz says it timed out
TEXT = "text/plain; charset=utf-8"

_REASONS = {200: "OK", 400: "Bad Request", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed",
            411: "Length Required", 413: "Content Too Large", 500: "Internal Server Error",
            503: "Service Unavailable"}  # fmt: skip


def raise_open_files_limit() -> None:
    """Use the hard limit on open files, so the connection cap is reached long before it."""
    with contextlib.suppress(ValueError, OSError):
        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        if hard != resource.RLIM_INFINITY and soft < hard:
            resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


def bind(listen: str, port: int) -> socket.socket:
    """A listening socket; a port in use (or not allowed) is a SettingsError naming the setting.

    `scrbot run` binds before it logs or calls Telegram, so this is its one line on stderr.
    """
    try:
        infos = socket.getaddrinfo(listen or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
        family, kind, proto, _, address = infos[0]
        sock = socket.socket(family, kind, proto)
    except OSError as exc:
        raise SettingsError(f"SCRBOT_WEBHOOK_LISTEN {listen} cannot be used ({exc.strerror or exc}).") from None
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)
    except OSError as exc:
        sock.close()
        raise SettingsError(
            f"SCRBOT_WEBHOOK_PORT {port} on {listen} cannot be used ({exc.strerror or exc}): "
            "is another program listening there?"
        ) from None
    sock.setblocking(False)
    return sock


class WebhookServer:
    """`ready` returns None when the bot can serve, else a one-line reason (checked on each /readyz);
    `metrics` defaults to the process's (`bot.metrics.enable()`, which imports prometheus_client)."""

    def __init__(
        self,
        app: Application,
        path: str,
        secret: str,
        listen: str,
        port: int,
        ready: Callable[[], Awaitable[str | None]] | None = None,
        metrics: Metrics | None = None,
        store: Store | None = None,
        lease: float = LEASE,
        settle: Callable[[], Awaitable[Any]] | None = None,
    ) -> None:
        self.app = app
        self.path = "/" + path.strip("/")
        self.secret = secret
        self.listen = listen
        self.port = port
        self.ready = ready
        self.store = store  # claims each update there first (several replicas share it)
        self.lease = lease
        self.settle = settle  # awaited after a turn, before the update is marked handled (the question log)
        self.metrics = metrics if metrics is not None else enable()
        self.draining = False
        self._server: asyncio.base_events.Server | None = None
        self._connections: set[asyncio.StreamWriter] = set()
        self._idle: dict[asyncio.StreamWriter, None] = {}  # insertion-ordered: the longest idle first
        self._busy = 0  # requests being handled

    async def start(self, sock: socket.socket | None = None) -> None:
        """Serve on `sock` (from `bind`), or bind now."""
        raise_open_files_limit()
        sock = sock or bind(self.listen, self.port)
        self._server = await asyncio.start_server(self._client, sock=sock, limit=MAX_HEAD)

    def drain(self) -> None:
        """From now on refuse new updates with 503 and say "draining" on /readyz; those being handled finish."""
        self.draining = True

    async def stop(self, grace: float = 5.0) -> None:
        """Drain, stop accepting, let the requests being handled finish (up to `grace` s), close the rest."""
        self.drain()  # a kept-alive connection cannot slip a new update in during the grace
        if self._server is not None:
            self._server.close()
        deadline = asyncio.get_running_loop().time() + grace
        while self._busy and asyncio.get_running_loop().time() < deadline:
            await asyncio.sleep(0.05)
        for writer in list(self._connections):
            writer.close()

    # -- one connection ----------------------------------------------------------------------------
    async def _client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if len(self._connections) >= MAX_CONNECTIONS:
            # Full: close the connection idle the longest (no request under way), so idle sockets
            # cannot lock Telegram out; if every one is busy with a request, refuse this one.
            oldest = next(iter(self._idle), None)
            if oldest is None:
                writer.close()
                return
            self._idle.pop(oldest, None)
            oldest.close()
        self._connections.add(writer)
        try:
            first = True
            while True:
                self._idle[writer] = None  # waiting for a request head: the first to go when full
                if not await self._request(reader, writer, HEADER_TIMEOUT if first else IDLE_TIMEOUT):
                    break
                first = False
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, TimeoutError, ValueError):
            pass
        finally:
            self._idle.pop(writer, None)
            self._connections.discard(writer)
            writer.close()

    async def _request(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, wait: float) -> bool:
        """Serve one request; True to keep the connection open for the next."""
        head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), wait)
        self._idle.pop(writer, None)
        lines = head.decode("latin-1").split("\r\n")
        parts = lines[0].split(" ")
        if len(parts) != 3:
            await self._respond(writer, 400)
            return False
        method, target, version = parts
        headers: dict[str, str] = {}
        for line in lines[1:]:
            if ":" in line:
                name, value = line.split(":", 1)
                headers[name.strip().lower()] = value.strip()
        route = target.split("?", 1)[0].rstrip("/")
        if route != self.path.rstrip("/"):
            if route in OPS_PATHS:
                return await self._operator(writer, method, route, version, headers)
            await self._respond(writer, 404)
            return False
        if method != "POST":
            await self._respond(writer, 405)
            return False
        if self.secret and not hmac.compare_digest(headers.get(SECRET_HEADER, "").encode(), self.secret.encode()):
            return await self._refuse(writer, 403)  # before the body is read: a stranger's body costs nothing
        if self.draining:
            return await self._refuse(writer, 503, "busy")  # Telegram delivers it again later
        if "transfer-encoding" in headers:
            return await self._refuse(writer, 411)
        try:
            length = int(headers.get("content-length", ""))
        except ValueError:
            return await self._refuse(writer, 411)
        if length < 0 or length > MAX_BODY:
            return await self._refuse(writer, 413)
        body = await asyncio.wait_for(reader.readexactly(length), BODY_TIMEOUT)
        try:
            data = json.loads(body)
        except ValueError:
            data = None
        if not isinstance(data, dict) or not isinstance(data.get("update_id"), int):
            return await self._refuse(writer, 400, kind=update_kind(data))
        kind = update_kind(data)
        if self.draining:  # began while the body was read
            return await self._refuse(writer, 503, "busy", kind)
        status = await self._dispatch(data, kind)
        keep = status == 200 and version == "HTTP/1.1" and headers.get("connection", "").lower() != "close"
        await self._respond(writer, status, keep)
        return keep

    async def _refuse(self, writer: asyncio.StreamWriter, status: int, outcome: str = "rejected",
                      kind: str = "other") -> bool:  # fmt: skip
        """Answer a POST to the webhook that is not handled, count it, and close the connection."""
        self.metrics.update(kind, outcome)
        await self._respond(writer, status)
        return False

    async def _dispatch(self, data: dict[str, Any], kind: str) -> int:
        """Handle one update through `_handle`, counting it by kind and outcome; the status for Telegram.

        The outcome is what `_handle` returns when that is one of `bot.metrics.OUTCOMES` (a "busy" is
        answered 503, so Telegram delivers the update again); otherwise "duplicate" when the update id
        was handled or being handled before the call, else "handled". An exception is "failed", 500.
        """
        seen = await self._seen(data["update_id"])
        started = time.perf_counter()
        self._busy += 1
        try:
            result = await self._handle(data)
        except Exception as exc:  # Telegram delivers it again; the log line has no text of the update
            log.warning("update %d could not be handled (%s)", data["update_id"], type(exc).__name__)
            self.metrics.update(kind, "failed", time.perf_counter() - started)
            return 500
        finally:
            self._busy -= 1
        outcome = result if result in OUTCOMES else ("duplicate" if seen else "handled")
        self.metrics.update(kind, outcome, time.perf_counter() - started if outcome == "handled" else None)
        return 503 if outcome == "busy" else 200

    async def _seen(self, update_id: int) -> bool:
        """Whether the update id is being handled or was handled (for the metrics only: never raises)."""
        tracker = getattr(self.app, "tracker", None)
        if tracker is None:
            return False
        try:
            if update_id in getattr(tracker, "pending", {}):
                return True
            handled = tracker.handled(update_id)
            if inspect.isawaitable(handled):
                handled = await handled
            return bool(handled)
        except Exception:
            return False

    # -- the operator's endpoints ------------------------------------------------------------------
    async def readiness(self) -> str | None:
        """None when ready to take updates, else why not, in one line."""
        if self.draining:
            return "draining"
        if not getattr(self.app, "running", True):
            return "not running"
        if self.ready is None:
            return None
        try:
            reason = await asyncio.wait_for(self.ready(), READY_TIMEOUT)
        except TimeoutError:
            return f"readiness check timed out after {READY_TIMEOUT:g} s"
        except Exception as exc:
            return f"readiness check failed ({type(exc).__name__})"
        if reason is None:
            return None
        return " ".join(str(reason).split())[:200] or "not ready"

    async def _operator(
        self, writer: asyncio.StreamWriter, method: str, route: str, version: str, headers: dict[str, str]
    ) -> bool:
        """GET /healthz, /readyz or /metrics."""
        if method != "GET":
            await self._respond(writer, 405)
            return False
        keep = (
            version == "HTTP/1.1"
            and headers.get("connection", "").lower() != "close"
            and "transfer-encoding" not in headers
            and headers.get("content-length", "0").strip() in ("", "0")  # a body we would have to read: close
        )
        if route == "/healthz":
            status, body, content_type = 200, b"ok\n", TEXT
        elif route == "/readyz":
            reason = await self.readiness()
            status, body, content_type = 200 if reason is None else 503, f"{reason or 'ready'}\n".encode(), TEXT
        else:
            body, content_type = self.metrics.render()
            status = 200
        await self._respond(writer, status, keep, body, content_type)
        return keep

    async def _handle(self, data: dict[str, Any]) -> str | None:
        """Handle the update, commit it, and only then let Telegram have its 200.

        With a store shared by several replicas the update is first claimed there for `lease`
        seconds: one replica handles it, another delivery of it gets 503 while it is being handled
        and 200 once it was. When the store fails before the reply (or while the turn reads it) the
        claim is given back and Telegram gets 503, so it delivers the update again. Before the update
        is marked handled, `settle` is awaited: with the question log in Redis, the turn's question is
        written there first, so a replica killed after `finish` has lost no count (and one killed
        before it is answered again elsewhere, counted once by update id).

        The window: a replica killed after the reply went out and before `finish` leaves its lease to
        expire, and then another replica answers the update again. Only the updates it had in flight.
        """
        tracker = self.app.tracker  # type: ignore[attr-defined]
        update_id: int = data["update_id"]
        waiting = tracker.pending.get(update_id)
        if waiting is not None:  # delivered again while being handled here: answer when that one is done
            await waiting.wait()
            return "duplicate" if tracker.handled(update_id) else "busy"  # that one failed: deliver it again
        if self.store is not None:
            try:
                claim = await self.store.claim(update_id, self.lease)
            except StoreError as exc:
                return self._store_failed(update_id, exc)
            if claim is Claim.DONE:
                return "duplicate"
            if claim is Claim.BUSY:
                return "busy"  # another replica has it: 503, and Telegram asks again later
        if not tracker.receive(update_id):
            if self.store is not None:  # handled here before, but the store missed its `finish`: mark it now,
                with contextlib.suppress(StoreError):  # or another replica answers it once this lease expires
                    await self.store.finish(update_id)
            return "duplicate"
        try:
            try:
                update = Update.de_json(data, self.app.bot)
            except Exception as exc:  # a poison update: skipped, logged with its id and error type only
                log.warning("skipped update %d: it could not be read (%s)", update_id, type(exc).__name__)
                update = None
            if update is not None:
                await self.app.update_processor.process_update(update, self.app.process_update(update))
        finally:
            failed = update_id in tracker.failed
            if update_id in tracker.pending:
                tracker.release(update_id) if failed else tracker.done(update_id)
            tracker.failed.discard(update_id)
        if failed:  # the store failed during the turn: nothing was committed
            if self.store is not None:
                with contextlib.suppress(StoreError):
                    await self.store.release(update_id)
            return "busy"
        if self.settle is not None:  # what the turn handed to writers of its own is written before it counts as done
            try:
                await self.settle()
            except Exception as exc:  # answered already: only the record of it may be missing
                log.warning("update %d: could not wait for the question log (%s)", update_id, type(exc).__name__)
        if self.store is not None:
            try:
                await self.store.finish(update_id)
            except StoreError as exc:  # answered already: a 503 now would answer it twice
                self._store_failed(update_id, exc, retried=False)
        return None

    def _store_failed(self, update_id: int, exc: StoreError, retried: bool = True) -> str:
        then = "Telegram will deliver it again" if retried else "it was answered; its handled mark is missing"
        log.warning("update %d: the store failed (%s); %s", update_id, exc, then)
        self.metrics.store_error()
        return "busy"

    @staticmethod
    async def _respond(
        writer: asyncio.StreamWriter, status: int, keep: bool = False, body: bytes = b"", content_type: str = TEXT
    ) -> None:
        head = (
            f"HTTP/1.1 {status} {_REASONS.get(status, 'Error')}\r\n"
            + (f"Content-Type: {content_type}\r\n" if body else "")
            + f"Content-Length: {len(body)}\r\nConnection: {'keep-alive' if keep else 'close'}\r\n\r\n"
        )
        writer.write(head.encode("ascii") + body)
        with contextlib.suppress(ConnectionError):
            await asyncio.wait_for(writer.drain(), BODY_TIMEOUT)
