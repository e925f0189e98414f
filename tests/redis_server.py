"""A real redis-server for the tests, on a free port of 127.0.0.1, in a temporary folder, nothing saved.

`RedisServer` starts one, waits until it answers PING, and can be stopped and started again on the
same port (outage tests). Without the `redis-server` binary the tests that need it are skipped, unless
SCRBOT_REQUIRE_SERVERS=1 (CI), where that is a failure telling what to install.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

START_TIMEOUT = 10.0


def redis_server_binary() -> str:
    """The path of redis-server; skips the test (or fails it when servers are required) without one."""
    found = shutil.which("redis-server")
    if found:
        return found
    if os.environ.get("SCRBOT_REQUIRE_SERVERS") == "1":
        pytest.fail("redis-server is not installed, and SCRBOT_REQUIRE_SERVERS=1: install it "
                    "(Debian/Ubuntu: apt-get install redis-server) to run the Redis store tests.")
    pytest.skip("redis-server is not installed (Debian/Ubuntu: apt-get install redis-server)")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class RedisServer:
    """One redis-server process; `url` stays the same across `stop()` and `start()`."""

    def __init__(self, folder: Path, password: str | None = None) -> None:
        self.binary = redis_server_binary()
        self.folder = folder
        self.folder.mkdir(parents=True, exist_ok=True)
        self.password = password
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> RedisServer:
        command = [
            self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
            "--dir", str(self.folder), "--daemonize", "no", "--logfile", str(self.folder / "redis.log"),
        ]  # fmt: skip
        if self.password:
            command += ["--requirepass", self.password]
        self.process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.STDOUT, cwd=self.folder)
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"redis-server exited with {self.process.returncode}: {self.log()}")
            if self._answers():
                return self
            time.sleep(0.02)
        self.stop()
        raise RuntimeError(f"redis-server did not answer PING on port {self.port} within {START_TIMEOUT:g} s")

    def _answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as s:
                s.sendall(b"PING\r\n")
                reply = s.recv(64)
        except OSError:
            return False
        return reply.startswith((b"+PONG", b"-NOAUTH"))  # with a password, PING is refused: it answers

    def stop(self) -> None:
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(5)
        self.process = None

    def log(self) -> str:
        with contextlib.suppress(OSError):
            return (self.folder / "redis.log").read_text(errors="replace")[-2000:]
        return ""

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
