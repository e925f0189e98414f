"""The bot's state in Redis, shared by every replica of `scrbot run --webhook` (SCRBOT_STORE=redis://...).

`RedisStore` is the async `Store` (context, limits, claimed and handled updates, locks);
`RedisQuestionLog` is the synchronous `QuestionLog` the recorder's writer thread uses. Every key
starts with the prefix (SCRBOT_STORE_PREFIX, default "scrbot"), so deployments can share a server:

    {prefix}:{namespace}:{key}           a JSON value (context, counters), with Redis's own expiry
    {prefix}:update:lease:{id}           an update being handled (SET NX PX: one replica at a time)
    {prefix}:update:done:{id}            an update handled (kept a day)
    {prefix}:lock:{name}                 a named lock
    {prefix}:questions:counts:{day}      the question counters of a UTC day (a hash)
    {prefix}:questions:days              the days that have counters (a set)
    {prefix}:questions:misses            the misses, scored by time (a sorted set)
    {prefix}:questions:seq               a sequence that makes each miss unique and keeps their order
    {prefix}:questions:update:{id}       an update already counted (kept a day)

Every check-then-write happens in Redis (a Lua script or a MULTI), so replicas never race. Timeouts
are short (connect 1 s, a command 2 s) so an outage fails fast with `StoreError`; the client
reconnects by itself when the server is back. No error message ever contains the URL's password.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import socket
import time
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import redis
import redis.asyncio
from redis.backoff import NoBackoff

from .base import DAY, Claim, StoreError
from .questions import Asked, DayCount, day_of

CONNECT_TIMEOUT = 1.0  # seconds to open a connection: a server that is down fails at once or within this
COMMAND_TIMEOUT = 2.0  # seconds for one command's answer
# One immediate retry on a broken connection (a server that restarted leaves stale pooled connections);
# none on a timeout, so an unanswering server costs one timeout, not several.
RETRIES = 1

ERRORS = (redis.RedisError, OSError, TimeoutError)

# put_versioned: write unless the stored dict's integer "version" is at least as high (as LocalStore).
# ARGV: value, its version, expiry in ms (0: never, -1: already expired).
_PUT_VERSIONED = """
local current = redis.call('GET', KEYS[1])
if current and string.sub(current, 1, 1) == '{' then
  local ok, doc = pcall(cjson.decode, current)
  if ok and type(doc) == 'table' then
    local stored = doc['version']
    if type(stored) ~= 'number' or stored ~= math.floor(stored) then stored = 0 end
    if stored >= tonumber(ARGV[2]) then return 0 end
  end
end
local ms = tonumber(ARGV[3])
if ms > 0 then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ms)
elseif ms == 0 then
  redis.call('SET', KEYS[1], ARGV[1])
else
  redis.call('DEL', KEYS[1])
end
return 1
"""

# incr: the window starts at the first hit and is not extended by the others.
_INCR = """
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return count
"""

# claim: KEYS = done marker, lease; ARGV = lease in ms, who holds it.
_CLAIM = """
if redis.call('EXISTS', KEYS[1]) == 1 then return 'done' end
if redis.call('SET', KEYS[2], ARGV[2], 'NX', 'PX', ARGV[1]) then return 'mine' end
return 'busy'
"""

# add to the question log: each row counted unless its update id was counted before, in one script.
# KEYS = seq, misses, days, then per row: its update key (or the seq key when it has none), its day's hash.
# ARGV = update ttl (s), then per row: has update id ("1"/""), day, counter field, miss JSON (or ""), time.
_ADD = """
local added = 0
for i = 0, (#KEYS - 3) / 2 - 1 do
  local a = 2 + i * 5
  local fresh = true
  if ARGV[a] == '1' then
    fresh = redis.call('SET', KEYS[4 + i * 2], '1', 'NX', 'EX', ARGV[1]) and true or false
  end
  if fresh then
    redis.call('HINCRBY', KEYS[5 + i * 2], ARGV[a + 2], 1)
    redis.call('SADD', KEYS[3], ARGV[a + 1])
    if ARGV[a + 3] ~= '' then
      local seq = redis.call('INCR', KEYS[1])
      redis.call('ZADD', KEYS[2], ARGV[a + 4], string.format('%016d', seq) .. '|' .. ARGV[a + 3])
    end
    added = added + 1
  end
end
return added
"""


def describe_url(url: str) -> str:
    """Where a Redis URL points, for messages and logs: host:port/db, never a user name or password."""
    try:
        parts = urlsplit(url)
        if parts.scheme == "unix":
            return f"unix:{parts.path}"
        port = parts.port or 6379
    except ValueError:
        return "Redis (its URL is malformed)"
    database = parts.path.strip("/") or "0"
    return f"{parts.hostname or 'localhost'}:{port}/{database}"


def _secrets(url: str) -> list[str]:
    """The password (and user name) in a URL, raw and decoded, as they could appear in an error."""
    found: list[str] = []
    with contextlib.suppress(ValueError):
        parts = urlsplit(url)
        query = parse_qs(parts.query)
        for value in [parts.password, parts.username, *query.get("password", []), *query.get("username", [])]:
            if value:
                found += [value, unquote(value)]
    return sorted({s for s in found if s}, key=len, reverse=True)


class _Errors:
    """Turns every Redis or socket error into a one-line `StoreError` without the URL's secrets."""

    def __init__(self, url: str) -> None:
        self.where = describe_url(url)
        self._secrets = _secrets(url)

    def message(self, what: str, exc: BaseException) -> str:
        detail = str(exc) or "no detail"
        for secret in self._secrets:
            detail = detail.replace(secret, "***")
        detail = " ".join(detail.split())[:200]
        return f"Redis at {self.where} could not {what} ({type(exc).__name__}: {detail})"

    @contextlib.contextmanager
    def raised_as_store_error(self, what: str) -> Iterator[None]:
        try:
            yield
        except ERRORS as exc:
            raise StoreError(self.message(what, exc)) from None


def _client_options() -> dict[str, Any]:
    return {
        "socket_connect_timeout": CONNECT_TIMEOUT,
        "socket_timeout": COMMAND_TIMEOUT,
        "decode_responses": True,
        "health_check_interval": 30,
    }


def _ms(ttl: float | None) -> int:
    """An expiry for Redis in milliseconds: 0 for none (None or 0, as MemoryStore), -1 when already past."""
    if not ttl:
        return 0
    return max(1, math.ceil(ttl * 1000)) if ttl > 0 else -1


def _version(value: dict[str, Any]) -> int:
    version = value.get("version")
    return version if isinstance(version, int) and not isinstance(version, bool) else 0


class RedisStore:
    """The async `Store` in Redis. One object per process; it is safe to share between tasks."""

    def __init__(self, url: str, prefix: str = "scrbot", clock: Callable[[], float] = time.time) -> None:
        self.prefix = prefix
        self._clock = clock  # Redis expires keys by its own clock; kept for the interface's sake
        self._errors = _Errors(url)
        self.where = self._errors.where
        from redis.asyncio.retry import Retry

        with self._errors.raised_as_store_error("be opened"):
            try:
                self._redis = redis.asyncio.Redis.from_url(
                    url, retry=Retry(NoBackoff(), RETRIES, supported_errors=(redis.ConnectionError,)),
                    **_client_options(),
                )  # fmt: skip
            except ValueError as exc:  # the URL itself: say so without repeating it
                raise StoreError(f"Redis at {self.where} could not be opened: its URL is not valid") from exc
        self._put_versioned = self._redis.register_script(_PUT_VERSIONED)
        self._incr = self._redis.register_script(_INCR)
        self._claim = self._redis.register_script(_CLAIM)
        self._holder = f"{socket.gethostname()}:{os.getpid()}"  # who holds a lease or lock, for an operator

    def _key(self, namespace: str, key: str) -> str:
        return f"{self.prefix}:{namespace}:{key}"

    def _lease(self, update_id: int) -> str:
        return f"{self.prefix}:update:lease:{int(update_id)}"

    def _done(self, update_id: int) -> str:
        return f"{self.prefix}:update:done:{int(update_id)}"

    async def get(self, namespace: str, key: str) -> Any | None:
        with self._errors.raised_as_store_error("read a value"):
            raw = await self._redis.get(self._key(namespace, key))
        return None if raw is None else json.loads(raw)

    async def put(self, namespace: str, key: str, value: Any, ttl: float | None = None) -> None:
        text, ms = json.dumps(value, separators=(",", ":")), _ms(ttl)
        with self._errors.raised_as_store_error("write a value"):
            if ms >= 0:
                await self._redis.set(self._key(namespace, key), text, px=ms or None)
            else:
                await self._redis.delete(self._key(namespace, key))

    async def put_versioned(self, namespace: str, key: str, value: dict[str, Any], ttl: float | None = None) -> bool:
        text = json.dumps(value, separators=(",", ":"))
        with self._errors.raised_as_store_error("write a versioned value"):
            written = await self._put_versioned(
                keys=[self._key(namespace, key)], args=[text, _version(value), _ms(ttl)]
            )
        return bool(written)

    async def delete(self, namespace: str, key: str) -> None:
        with self._errors.raised_as_store_error("delete a value"):
            await self._redis.delete(self._key(namespace, key))

    async def incr(self, namespace: str, key: str, window: float) -> int:
        with self._errors.raised_as_store_error("count"):
            return int(await self._incr(keys=[self._key(namespace, key)], args=[max(0, math.ceil(window * 1000))]))

    async def claim(self, update_id: int, lease: float) -> Claim:
        with self._errors.raised_as_store_error("claim an update"):
            keys = [self._done(update_id), self._lease(update_id)]
            found = await self._claim(keys=keys, args=[max(1, math.ceil(lease * 1000)), self._holder])
        return Claim(found)

    async def finish(self, update_id: int) -> None:
        with self._errors.raised_as_store_error("mark an update handled"):
            async with self._redis.pipeline(transaction=True) as pipe:
                pipe.set(self._done(update_id), "1", px=int(DAY * 1000))
                pipe.delete(self._lease(update_id))
                await pipe.execute()

    async def release(self, update_id: int) -> None:
        with self._errors.raised_as_store_error("release an update"):
            await self._redis.delete(self._lease(update_id))

    async def lock(self, name: str, ttl: float) -> bool:
        with self._errors.raised_as_store_error("take a lock"):
            taken = await self._redis.set(
                f"{self.prefix}:lock:{name}", self._holder, nx=True, px=max(1, math.ceil(ttl * 1000))
            )
        return bool(taken)

    async def ping(self) -> None:
        with self._errors.raised_as_store_error("answer"):
            await self._redis.ping()

    async def prune(self) -> int:
        return 0  # Redis expires keys itself

    async def aclose(self) -> None:
        with contextlib.suppress(*ERRORS):
            await self._redis.aclose()


class RedisQuestionLog:
    """The `QuestionLog` in Redis, synchronous: the recorder calls it from its writer thread.

    Counters are a hash per UTC day (field: JSON [chat type, kind, intent]); misses a sorted set
    scored by time whose members are a sequence number and the miss as JSON (two equal misses are
    both kept, in the order they came); an update id is counted once (a key kept a day).
    """

    def __init__(self, url: str, prefix: str = "scrbot") -> None:
        from redis.retry import Retry

        self.prefix = prefix
        self._errors = _Errors(url)
        self.where = self._errors.where
        try:
            self._redis = redis.Redis.from_url(
                url, retry=Retry(NoBackoff(), RETRIES, supported_errors=(redis.ConnectionError,)), **_client_options()
            )
        except ValueError as exc:
            raise StoreError(f"Redis at {self.where} could not be opened: its URL is not valid") from exc
        self._add = self._redis.register_script(_ADD)
        base = f"{prefix}:questions"
        self._seq, self._misses, self._days = f"{base}:seq", f"{base}:misses", f"{base}:days"
        self._counts, self._updates = f"{base}:counts:", f"{base}:update:"

    def add(self, *asked: Asked) -> None:
        if not asked:
            return
        keys, args = [self._seq, self._misses, self._days], [int(DAY)]
        for a in asked:
            day = day_of(a.time)
            counted_once = self._updates + str(int(a.update_id)) if a.update_id is not None else self._seq
            keys += [counted_once, self._counts + day]
            field = json.dumps([a.chat_type, a.kind, a.intent or ""], ensure_ascii=False)
            miss = _miss_json(a) if a.is_miss else ""
            args += ["1" if a.update_id is not None else "", day, field, miss, repr(float(a.time))]
        with self._errors.raised_as_store_error("record questions"):
            self._add(keys=keys, args=args)

    def misses(self, since: float) -> list[Asked]:
        with self._errors.raised_as_store_error("read the misses"):
            members = self._redis.zrangebyscore(self._misses, repr(float(since)), "+inf")
        return [_miss_from_json(member.partition("|")[2]) for member in members]

    def counts(self, since: float) -> list[DayCount]:
        first = day_of(since)
        with self._errors.raised_as_store_error("read the counters"):
            days = sorted(day for day in self._redis.smembers(self._days) if day >= first)
            pipe = self._redis.pipeline(transaction=False)
            for day in days:
                pipe.hgetall(self._counts + day)
            tables = pipe.execute() if days else []
        rows = []
        for day, table in zip(days, tables, strict=True):
            for field, n in table.items():
                chat_type, kind, intent = json.loads(field)
                rows.append((day, chat_type, kind, intent, int(n)))
        return [DayCount(day, chat_type, kind, intent or None, n) for day, chat_type, kind, intent, n in sorted(rows)]

    def may_sweep(self, interval: float) -> bool:
        """Take the retention sweep for `interval` seconds, unless another replica took it (a lock in Redis)."""
        with self._errors.raised_as_store_error("take the sweep lock"):
            return bool(self._redis.set(f"{self.prefix}:lock:sweep", os.getpid(), nx=True, px=int(interval * 1000)))

    def prune(self, before: float) -> int:
        first = day_of(before)
        with self._errors.raised_as_store_error("prune the question log"):
            old = sorted(day for day in self._redis.smembers(self._days) if day < first)
            pipe = self._redis.pipeline(transaction=True)
            pipe.zremrangebyscore(self._misses, "-inf", f"({float(before)!r}")
            for day in old:
                pipe.hlen(self._counts + day)
                pipe.delete(self._counts + day)
                pipe.srem(self._days, day)
            done = pipe.execute()
        # the update ids expire by themselves, a day after they were counted
        return int(done[0]) + sum(int(n) for n in done[1::3])

    def ping(self) -> None:
        """Return when Redis answers; `StoreError` otherwise (the maintainers' commands check first)."""
        with self._errors.raised_as_store_error("answer"):
            self._redis.ping()

    def close(self) -> None:
        with contextlib.suppress(*ERRORS):
            self._redis.close()


def _miss_json(a: Asked) -> str:
    return json.dumps(
        {
            "time": float(a.time),
            "chat_type": a.chat_type,
            "kind": a.kind,
            "intent": a.intent,
            "confidence": float(a.confidence),
            "text": a.text,
            "candidates": [[i, s] for i, s in a.candidates],
            "action": a.action,
            "user_id": a.user_id,
            "chat_id": a.chat_id,
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


def _miss_from_json(text: str) -> Asked:
    d = json.loads(text)
    return Asked(
        time=float(d["time"]),
        chat_type=d["chat_type"],
        kind=d["kind"],
        intent=d["intent"],
        confidence=float(d["confidence"]),
        text=d["text"],
        candidates=tuple((str(i), float(s)) for i, s in d["candidates"]),
        action=d["action"],
        user_id=d["user_id"],
        chat_id=d["chat_id"],
    )


__all__ = ["RedisQuestionLog", "RedisStore", "describe_url"]
