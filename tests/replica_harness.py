"""Helpers for tests/test_replicas.py (not a test module): nginx, replicas, raw webhook posts.

The processes themselves are `benchmarks.replicas`'s (the benchmark runs the same ones). Without the
nginx binary the tests that need it are skipped, unless SCRBOT_REQUIRE_SERVERS=1 (CI), where that is a
failure telling what to install, as tests/redis_server.py does for redis-server.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from telegram_harness import raw_request

from benchmarks.replicas import SECRET, Nginx, bot_env, find_nginx, http_get

ROOT = Path(__file__).resolve().parent.parent


def nginx_binary() -> str:
    """The path of nginx; skips the test (or fails it when servers are required) without one."""
    found = find_nginx()
    if found:
        return found
    if os.environ.get("SCRBOT_REQUIRE_SERVERS") == "1":
        pytest.fail("nginx is not installed, and SCRBOT_REQUIRE_SERVERS=1: install it "
                    "(Debian/Ubuntu: apt-get install nginx-light) to run the replica tests.")  # fmt: skip
    pytest.skip("nginx is not installed (Debian/Ubuntu: apt-get install nginx-light)")


def start_nginx(folder: Path, upstreams: list[int], **options: Any) -> Nginx:
    return Nginx(nginx_binary(), folder, upstreams, **options).start()


def request(port: int, head: str, body: bytes = b"", timeout: float = 30.0) -> int:
    """Send one request on a fresh connection; its status (0 when the connection was refused or reset)."""
    try:
        return raw_request(port, head, body, timeout)[0]
    except OSError:
        return 0


def post_head(body: bytes, secret: str = SECRET, keep: bool = False) -> str:
    return (
        f"POST /hook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        f"X-Telegram-Bot-Api-Secret-Token: {secret}\r\nContent-Length: {len(body)}\r\n"
        f"Connection: {'keep-alive' if keep else 'close'}"
    )


def post(port: int, update: dict[str, Any], secret: str = SECRET, timeout: float = 30.0) -> int:
    """POST an update to a webhook as Telegram does; the HTTP status (0: no connection)."""
    body = json.dumps(update).encode()
    return request(port, post_head(body, secret), body, timeout)


class KeptAlive:
    """One HTTP/1.1 connection kept open across requests (as nginx's upstream keepalive keeps them)."""

    def __init__(self, port: int) -> None:
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=30)
        self._buffer = b""

    def _read(self) -> int:
        while b"\r\n\r\n" not in self._buffer:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise ConnectionError("closed")
            self._buffer += chunk
        head, _, rest = self._buffer.partition(b"\r\n\r\n")
        length = int(re.search(rb"Content-Length: (\d+)", head, re.I)[1])
        while len(rest) < length:
            rest += self.sock.recv(4096)
        self._buffer = rest[length:]
        return int(head.split(b" ")[1])

    def get(self, path: str) -> int:
        self.sock.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
        return self._read()

    def post(self, update: dict[str, Any]) -> int:
        body = json.dumps(update).encode()
        self.sock.sendall(post_head(body, keep=True).encode() + b"\r\n\r\n" + body)
        return self._read()

    def close(self) -> None:
        self.sock.close()


def sample(text: str, name: str, **labels: str) -> float:
    """The value of one sample in Prometheus text (0 when absent)."""
    wanted = ",".join(f'{k}="{v}"' for k, v in labels.items())
    pattern = rf"^{re.escape(name)}{re.escape('{' + wanted + '}') if wanted else ''} (\S+)$"
    found = re.search(pattern, text, re.M)
    return float(found[1]) if found else 0.0


def handled(port: int, outcome: str = "handled") -> int:
    """How many message updates the replica on `port` counted with this outcome (its /metrics)."""
    return int(sample(http_get(port, "/metrics")[1], "scrbot_updates_total", kind="message", outcome=outcome))


def scrbot(args: list[str], settings: dict[str, str], cwd: Path, timeout: float = 60) -> subprocess.CompletedProcess:
    """`python -m bot ARGS` with exactly these settings (no other SCRBOT_ or TELEGRAM_ variable)."""
    return subprocess.run([sys.executable, "-m", "bot", *args], capture_output=True, text=True, timeout=timeout,
                          cwd=cwd, env=bot_env(settings), check=False)  # fmt: skip


def register(settings: dict[str, str], cwd: Path) -> None:
    """`scrbot webhook set`: the deploy step that points Telegram (the emulator) at the public URL."""
    done = scrbot(["webhook", "set"], settings, cwd)
    assert done.returncode == 0, done.stdout + done.stderr


def question_count(store: str, prefix: str, cwd: Path) -> int:
    """The questions the shared question log counted (`scrbot stats --json` with the same store)."""
    done = scrbot(["stats", "--json"], {"SCRBOT_STORE": store, "SCRBOT_STORE_PREFIX": prefix}, cwd)
    assert done.returncode == 0, done.stderr
    return int(json.loads(done.stdout)["questions"])


def wait_until(predicate: Any, timeout: float, what: str, every: float = 0.05) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what}: not within {timeout:g} s")
        time.sleep(every)
