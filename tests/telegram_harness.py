"""Shared helpers for the Telegram tests (not a test module).

* `Harness` feeds update JSON built by the Bot API emulator to an in-process PTB `Application`
  (the real one from `bot.telegram.app.build_application`); every Bot API call a handler makes has
  completed when `Harness.send` returns, so "no call" is an exact check, not a timed guess.
* `BotProcess` runs the unmodified bot (`python -m bot run [--webhook]`) as a subprocess against
  the emulator, and stops it with SIGTERM the way a process manager does.

Everything binds or connects to 127.0.0.1 only.
"""

from __future__ import annotations

import contextlib
import json
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from telegram import Update
from telegram.ext import Application

from benchmarks.botapi_emulator import BotAPIEmulator, Call
from benchmarks.replicas import bot_env
from bot.limits import RateLimits
from bot.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
BOT_USERNAME = "scr_test_bot"
QUESTION = "how many SCRs were published in 2013/14?"  # answered with 71
SOURCE_SENTENCE = "Between April 2013 and March 2014 there were 114 serious case reviews commissioned and 71 published"


# -- reading the calls the bot made -------------------------------------------------------------


def quoted_id(call: Call) -> int | None:
    """The message id a send call replies to (reply_parameters or the older reply_to_message_id)."""
    parameters = call.params.get("reply_parameters")
    if isinstance(parameters, dict):
        return parameters.get("message_id")
    return call.params.get("reply_to_message_id")


def buttons(call: Call) -> list[tuple[str, str]]:
    """(text, callback_data) of every inline button of a send call, in order."""
    markup = call.params.get("reply_markup") or {}
    return [(b["text"], b.get("callback_data", "")) for row in markup.get("inline_keyboard", []) for b in row]


def sends(calls: list[Call]) -> list[Call]:
    """The calls that put something in a chat."""
    return [c for c in calls if c.method in ("sendMessage", "sendPhoto", "sendDocument")]


def texts(calls: list[Call]) -> list[str]:
    """The text as users see it (after Telegram parsed the HTML) of each successful send."""
    return [c.result.get("text", c.result.get("caption", "")) for c in sends(calls) if c.ok]


# -- in-process ---------------------------------------------------------------------------------


def make_settings(emu: BotAPIEmulator, state: Path, **extra: Any) -> Settings:
    """Settings for `build_application` that point the bot at the emulator.

    Without question limits unless `limits=` is given: many tests ask far more than 10 questions a
    minute as one user (tests/test_rate_limits.py tests the limits themselves).
    """
    extra.setdefault("limits", RateLimits(user=0, group=0))
    return Settings(
        token=emu.token, base_url=emu.base_url, base_file_url=emu.base_file_url, state_path=str(state), **extra
    )


class Harness:
    """One emulator plus one started `Application`."""

    def __init__(self, emu: BotAPIEmulator, app: Application) -> None:
        self.emu = emu
        self.app = app

    async def send(self, update: dict[str, Any]) -> list[Call]:
        """Process one update as Telegram would deliver it; return the Bot API calls it caused.

        The update is also queued in the emulator (nobody polls it in-process), which is how the
        emulator learns its chat and message, so replies quoting the message are accepted.
        """
        update_id = self.emu.push_update(update)
        start = len(self.emu.calls)
        await self.app.process_update(Update.de_json({**update, "update_id": update_id}, self.app.bot))
        return self.emu.calls[start:]


# -- subprocess ---------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for_port(port: int, timeout: float = 10.0) -> None:
    """Until something accepts connections on 127.0.0.1:port (the bot's webhook server)."""
    deadline = time.monotonic() + timeout
    while True:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return
        if time.monotonic() > deadline:
            raise TimeoutError(f"nothing listens on port {port}")
        time.sleep(0.02)


def clean_env(**extra: str) -> dict[str, str]:
    """The test runner's environment without any bot settings or proxies, plus `extra` (as the bench's)."""
    return bot_env(extra)


def post_json(url: str, payload: dict[str, Any], headers: dict[str, str] | None = None) -> int:
    """POST JSON like Telegram does (no proxy); the HTTP status."""
    request = urllib.request.Request(
        url, data=json.dumps(payload).encode(), headers={"Content-Type": "application/json", **(headers or {})}
    )
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(request, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


@dataclass(frozen=True)
class Exit:
    code: int | None  # None: it did not exit within the timeout and was killed
    seconds: float
    output: str


class BotProcess:
    """`python -m bot run [--webhook]` pointed at an emulator; output goes to a file (no pipe to fill)."""

    def __init__(self, env: dict[str, str], cwd: Path, webhook: bool = False) -> None:
        self.env = env
        self.cwd = cwd
        self.args = [sys.executable, "-m", "bot", "run", *(["--webhook"] if webhook else [])]
        self.log = cwd / f"bot-{time.monotonic_ns()}.log"
        self.proc: subprocess.Popen[bytes] | None = None

    @classmethod
    def for_emulator(
        cls, emu: BotAPIEmulator, tmp_path: Path, state: Path | None = None, webhook: bool = False, **extra: str
    ) -> BotProcess:
        defaults = {
            "TELEGRAM_BOT_TOKEN": emu.token,
            "TELEGRAM_BASE_URL": emu.base_url,
            "TELEGRAM_BASE_FILE_URL": emu.base_file_url,
            "SCRBOT_STATE": str(state or tmp_path / "state.db"),
        }
        env = clean_env(**{**defaults, **extra})
        return cls(env, tmp_path, webhook)

    def start(self, emu: BotAPIEmulator, ready: str = "setMyCommands", timeout: float = 20.0) -> BotProcess:
        """Start and wait until the bot made its `ready` call (its post-init), failing fast if it dies."""
        with self.log.open("wb") as out:
            self.proc = subprocess.Popen(self.args, cwd=self.cwd, env=self.env, stdout=out, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while not emu.calls_to(ready):
            if self.proc.poll() is not None:
                raise AssertionError(f"the bot exited with {self.proc.returncode}:\n{self.output}")
            if time.monotonic() > deadline:
                raise TimeoutError(f"no {ready} call within {timeout}s:\n{self.output}")
            with contextlib.suppress(TimeoutError):
                emu.wait_for(lambda: emu.calls_to(ready), timeout=0.25)
        return self

    @property
    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace") if self.log.exists() else ""

    def stop(self, timeout: float = 10.0) -> Exit:
        """SIGTERM, as systemd, Docker and Heroku send it; kill only if it does not exit in time."""
        assert self.proc is not None
        started = time.monotonic()
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            code: int | None = self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            code = None
        return Exit(code, time.monotonic() - started, self.output)

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(5)


def assert_clean_exit(result: Exit, token: str, within: float = 5.0) -> None:
    """Exit code 0 soon after SIGTERM, no traceback, and the token (or its secret half) never shown."""
    assert result.code == 0, f"exit code {result.code}:\n{result.output}"
    assert result.seconds < within, f"took {result.seconds:.1f}s to stop"
    assert "Traceback" not in result.output, result.output
    assert token not in result.output
    assert token.split(":", 1)[1] not in result.output


def raw_request(port: int, head: str, body: bytes = b"", timeout: float = 5.0) -> tuple[int, float]:
    """Send a request head (and body) on a fresh socket; the status and the seconds it took."""
    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(head.encode() + b"\r\n\r\n" + body)
        reply = b""
        while b"\r\n" not in reply:
            chunk = sock.recv(1024)
            if not chunk:
                break
            reply += chunk
    status = int(reply.split(b" ")[1]) if reply else 0
    return status, time.monotonic() - started
