"""A real redis-server for the tests, on a free port of 127.0.0.1, in a temporary folder, nothing saved.

`RedisServer` starts one, waits until it answers PING, and can be stopped and started again on the
same port (outage tests). Without the `redis-server` binary the tests that need it are skipped, unless
SCRBOT_REQUIRE_SERVERS=1 (CI), where that is a failure telling what to install.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from benchmarks.replicas import RedisServer as _RedisServer
from benchmarks.replicas import free_port  # noqa: F401 - for the tests that need a port


def redis_server_binary() -> str:
    """The path of redis-server; skips the test (or fails it when servers are required) without one."""
    found = shutil.which("redis-server")
    if found:
        return found
    if os.environ.get("SCRBOT_REQUIRE_SERVERS") == "1":
        pytest.fail("redis-server is not installed, and SCRBOT_REQUIRE_SERVERS=1: install it "
                    "(Debian/Ubuntu: apt-get install redis-server) to run the Redis store tests.")
    pytest.skip("redis-server is not installed (Debian/Ubuntu: apt-get install redis-server)")


class RedisServer(_RedisServer):
    """The benchmark's redis-server (benchmarks/replicas.py), found or skipped as above."""

    def __init__(self, folder: Path, password: str | None = None) -> None:
        super().__init__(redis_server_binary(), folder, password)

    def flushall(self) -> None:
        import redis

        client = redis.Redis.from_url(self.url, password=self.password)
        try:
            client.flushall()
        finally:
            client.close()


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory) -> Iterator[RedisServer]:
    """One server for the session; tests keep apart by a prefix of their own (`redis_prefix`)."""
    server = RedisServer(tmp_path_factory.mktemp("redis")).start()
    yield server
    server.stop()


@pytest.fixture
def redis_prefix() -> str:
    return f"test-{uuid.uuid4().hex[:12]}"


@pytest.fixture
def own_redis(tmp_path) -> Iterator[RedisServer]:
    """A server for one test alone (to stop and start again)."""
    server = RedisServer(tmp_path / "redis").start()
    yield server
    server.stop()
