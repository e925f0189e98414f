"""`scrbot webhook set|info|delete`, the real command in a subprocess against the Bot API emulator.

What Telegram is told, what the operator reads, and every failure as one line with its exit code
(3: a setting, or Telegram refused; 1: Telegram cannot be reached), never the token nor the secret.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from telegram import Update
from telegram_harness import clean_env, free_port

from benchmarks.botapi_emulator import BotAPIEmulator

TOKEN = "7654321:AAH-register_SECRET-token_value"
SECRET = "register-Secret_9"


@pytest.fixture
def emu() -> Iterator[BotAPIEmulator]:
    # deliveries to a webhook nobody serves keep failing, slowly, so updates stay pending
    with BotAPIEmulator(token=TOKEN, webhook_max_attempts=1000, webhook_retry_delay=0.05) as emulator:
        yield emulator
        assert emulator.internal_errors == []


def webhook(emu: BotAPIEmulator | None, tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """`python -m bot webhook ARGS` with the emulator's URLs, a webhook URL and the secret, unless overridden."""
    settings = {
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "SCRBOT_WEBHOOK_URL": f"http://127.0.0.1:{free_port()}/hook",
        "SCRBOT_WEBHOOK_SECRET": SECRET,
        "SCRBOT_DB": str(tmp_path / "never-opened.db"),
    }
    if emu is not None:
        settings.update(TELEGRAM_BASE_URL=emu.base_url, TELEGRAM_BASE_FILE_URL=emu.base_file_url)
    else:  # never the real Telegram
        settings.update(TELEGRAM_BASE_URL=f"http://127.0.0.1:{free_port()}/bot")
    settings.update(env)
    environ = clean_env(**{k: v for k, v in settings.items() if v is not None})
    result = subprocess.run(
        [sys.executable, "-m", "bot", "webhook", *args], cwd=tmp_path, env=environ, capture_output=True, text=True,
        encoding="utf-8", timeout=60, check=False,
    )  # fmt: skip
    shown = result.stdout + result.stderr
    assert "Traceback" not in shown, shown
    for secret in (TOKEN, TOKEN.split(":", 1)[1], SECRET):
        assert secret not in shown, shown
    return result


def one_line(result: subprocess.CompletedProcess[str], code: int) -> str:
    """The failure's single line on stderr, after checking the exit code and an empty stdout."""
    assert result.returncode == code, (result.returncode, result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("scrbot: ") and result.stdout == "", result.stderr
    return lines[0]


def test_set_info_and_delete(emu: BotAPIEmulator, tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}/hook"  # nothing listens there: deliveries fail
    result = webhook(emu, tmp_path, "set", SCRBOT_WEBHOOK_URL=url)
    assert result.returncode == 0, result.stderr
    assert url in result.stdout and "all update types" in result.stdout and "40 connections" in result.stdout
    (call,) = emu.calls_to("setWebhook")
    assert call.ok and call.params["url"] == url and call.params["secret_token"] == SECRET
    assert call.params["max_connections"] == 40
    assert set(call.params["allowed_updates"]) == set(Update.ALL_TYPES)
    assert "drop_pending_updates" not in call.params or not call.params["drop_pending_updates"]
    assert emu.webhook_url == url

    emu.push_update(emu.private_message("hello"))
    emu.wait_for(lambda: emu.webhook_deliveries)  # one failed delivery: Telegram now has a last error
    info = webhook(emu, tmp_path, "info", "--json")
    assert info.returncode == 0, info.stderr
    (line,) = info.stdout.splitlines()
    data = json.loads(line)
    assert set(data) == {"url", "pending_update_count", "last_error_date", "last_error_message", "max_connections",
                         "ip_address"}  # fmt: skip
    assert data["url"] == url and data["pending_update_count"] == 1 and data["max_connections"] == 40
    assert isinstance(data["last_error_date"], int) and "Connection" in data["last_error_message"]
    assert data["ip_address"] is None

    text = webhook(emu, tmp_path, "info")
    assert text.returncode == 0, text.stderr
    lines = dict(line.split(":", 1) for line in text.stdout.splitlines())
    assert set(lines) == {"url", "pending updates", "last error", "max connections", "ip address"}
    assert lines["url"].strip() == url and lines["pending updates"].strip() == "1"
    assert lines["max connections"].strip() == "40" and "UTC: " in lines["last error"]

    gone = webhook(emu, tmp_path, "delete", "--drop-pending")
    assert gone.returncode == 0, gone.stderr
    assert "webhook deleted" in gone.stdout and "dropped" in gone.stdout
    (call,) = emu.calls_to("deleteWebhook")
    assert call.ok and call.params.get("drop_pending_updates") is True
    assert emu.webhook_url == "" and emu.pending_updates() == 0
    data = json.loads(webhook(emu, tmp_path, "info", "--json").stdout)
    assert data["url"] == "" and data["pending_update_count"] == 0 and data["last_error_date"] is None
    assert "no webhook is set" in webhook(emu, tmp_path, "info").stdout


def test_set_can_drop_the_pending_updates(emu: BotAPIEmulator, tmp_path: Path) -> None:
    emu.push_update(emu.private_message("queued while no one polled"))
    assert emu.pending_updates() == 1
    result = webhook(emu, tmp_path, "set", "--drop-pending")
    assert result.returncode == 0 and "pending updates dropped" in result.stdout, result.stderr
    assert emu.calls_to("setWebhook")[0].params["drop_pending_updates"] is True
    assert emu.pending_updates() == 0


def test_set_needs_a_url_and_a_secret_unless_opted_out(emu: BotAPIEmulator, tmp_path: Path) -> None:
    line = one_line(webhook(emu, tmp_path, "set", SCRBOT_WEBHOOK_URL=None), 3)
    assert "SCRBOT_WEBHOOK_URL" in line
    line = one_line(webhook(emu, tmp_path, "set", SCRBOT_WEBHOOK_SECRET=None), 3)
    assert "SCRBOT_WEBHOOK_SECRET" in line and "forged" in line
    assert emu.calls_to("setWebhook") == []

    opted = webhook(emu, tmp_path, "set", SCRBOT_WEBHOOK_SECRET=None, SCRBOT_WEBHOOK_INSECURE="1")
    assert opted.returncode == 0 and "WITHOUT a secret" in opted.stdout, opted.stderr
    (call,) = emu.calls_to("setWebhook")
    assert call.ok and not call.params.get("secret_token")


def test_info_and_delete_need_no_url_nor_secret(emu: BotAPIEmulator, tmp_path: Path) -> None:
    bare = {"SCRBOT_WEBHOOK_URL": None, "SCRBOT_WEBHOOK_SECRET": None}
    assert webhook(emu, tmp_path, "info", **bare).returncode == 0
    assert webhook(emu, tmp_path, "delete", **bare).returncode == 0


@pytest.mark.parametrize("action", ["set", "info", "delete"])
def test_a_token_telegram_rejects_is_one_line_exit_3(emu: BotAPIEmulator, tmp_path: Path, action: str) -> None:
    other = "1234567:AAH-someone_ELSES-token"
    line = one_line(webhook(emu, tmp_path, action, TELEGRAM_BOT_TOKEN=other), 3)
    assert "TELEGRAM_BOT_TOKEN" in line and other.split(":")[1] not in line


@pytest.mark.parametrize("action", ["set", "info", "delete"])
def test_no_telegram_to_reach_is_one_line_exit_1(tmp_path: Path, action: str) -> None:
    down = f"http://127.0.0.1:{free_port()}/bot"  # nothing listens there
    line = one_line(webhook(None, tmp_path, action, TELEGRAM_BASE_URL=down), 1)
    assert "cannot reach Telegram" in line and "TELEGRAM_BASE_URL" in line


def test_telegram_refusing_the_url_is_one_line_exit_3(emu: BotAPIEmulator, tmp_path: Path) -> None:
    line = one_line(webhook(emu, tmp_path, "set", SCRBOT_WEBHOOK_URL="ftp://example.org/hook"), 3)
    assert "Telegram refused setWebhook" in line and "bad webhook" in line.lower()
    assert emu.webhook_url == ""


def test_telegram_failing_or_asking_to_wait_is_one_line_exit_1(emu: BotAPIEmulator, tmp_path: Path) -> None:
    emu.inject_fault("setWebhook", 502)
    line = one_line(webhook(emu, tmp_path, "set"), 1)
    assert "Bad Gateway" in line
    emu.inject_fault("getWebhookInfo", 429, retry_after=7)
    line = one_line(webhook(emu, tmp_path, "info"), 1)
    assert "getWebhookInfo" in line and "7" in line


def test_a_malformed_setting_is_one_line_exit_3(tmp_path: Path) -> None:
    line = one_line(webhook(None, tmp_path, "set", SCRBOT_WEBHOOK_SECRET="has spaces in it"), 3)
    assert "SCRBOT_WEBHOOK_SECRET" in line
    line = one_line(webhook(None, tmp_path, "info", TELEGRAM_BOT_TOKEN=None), 3)
    assert "TELEGRAM_BOT_TOKEN" in line
