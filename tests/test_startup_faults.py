"""`scrbot run` refuses a bad start in one line with exit code 3 (issue 11, items 17 and 18).

A corrupt or unwritable database, a webhook port in use, a `.env` that is not UTF-8 or starts with
a byte-order mark, an empty token, and every numeric setting out of range (inf, nan, 1e300, a port
past 65535): each is named on one line of stderr, exit code 3, no traceback, before Telegram is called.
"""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest
from telegram_harness import clean_env

TOKEN = "7654321:AAH-startup_SECRET-token_value"


def scrbot_run(cwd: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    env.setdefault("SCRBOT_DB", str(cwd / "bot.db"))
    return subprocess.run(
        [sys.executable, "-m", "bot", "run", *args],
        cwd=cwd,
        env=clean_env(TELEGRAM_BASE_URL="http://127.0.0.1:9/bot", **env),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        stdin=subprocess.DEVNULL,
    )


def one_line_exit_3(result: subprocess.CompletedProcess[str], *needles: str) -> str:
    assert result.returncode == 3, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]
    assert TOKEN not in result.stderr + result.stdout
    assert "cannot reach Telegram" not in lines[0]  # refused before Telegram was called
    return lines[0]


def test_a_corrupt_database(tmp_path: Path) -> None:
    (tmp_path / "bot.db").write_bytes(b"this is not an SQLite file, just text " * 200)
    one_line_exit_3(scrbot_run(tmp_path, TELEGRAM_BOT_TOKEN=TOKEN), "SCRBOT_DB", "not a usable SQLite database")


def test_a_database_that_cannot_be_written(tmp_path: Path) -> None:
    # root may write anywhere, so the write is made impossible another way: the journal cannot be created
    db = tmp_path / "bot.db"
    db.write_bytes(b"")
    (tmp_path / "bot.db-journal").mkdir()
    (tmp_path / "bot.db-wal").mkdir()
    one_line_exit_3(scrbot_run(tmp_path, TELEGRAM_BOT_TOKEN=TOKEN), "SCRBOT_DB", "cannot be")


def test_the_webhook_port_in_use(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = scrbot_run(
            tmp_path,
            "--webhook",
            TELEGRAM_BOT_TOKEN=TOKEN,
            SCRBOT_WEBHOOK_URL=f"https://example.org/{port}",
            SCRBOT_WEBHOOK_SECRET="s3cret",
            SCRBOT_WEBHOOK_LISTEN="127.0.0.1",
            SCRBOT_WEBHOOK_PORT=str(port),
        )
    one_line_exit_3(result, "SCRBOT_WEBHOOK_PORT", str(port))


def test_a_dotenv_that_is_not_utf8(tmp_path: Path) -> None:
    (tmp_path / ".env").write_bytes(b"# settings\nSCRBOT_ADMIN_IDS=1\nNAME=caf\xe9\n")
    one_line_exit_3(scrbot_run(tmp_path), ".env", "not UTF-8", "line 3")


def test_a_dotenv_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    (tmp_path / ".env").write_bytes("\ufeffTELEGRAM_BOT_TOKEN=oops\n".encode())
    one_line_exit_3(scrbot_run(tmp_path), "TELEGRAM_BOT_TOKEN is malformed")  # read, not the console


@pytest.mark.parametrize("where", ["env", "dotenv"])
def test_a_token_set_but_empty_is_an_error_not_the_console(tmp_path: Path, where: str) -> None:
    if where == "dotenv":
        (tmp_path / ".env").write_text("TELEGRAM_BOT_TOKEN=\n", encoding="utf-8")
        result = scrbot_run(tmp_path)
    else:
        result = scrbot_run(tmp_path, TELEGRAM_BOT_TOKEN="  ")
    one_line_exit_3(result, "TELEGRAM_BOT_TOKEN is set but empty")


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("SCRBOT_RETENTION_DAYS", "inf"),
        ("SCRBOT_RETENTION_DAYS", "nan"),
        ("SCRBOT_RETENTION_DAYS", "1e300"),
        ("SCRBOT_SEND_TIMEOUT", "nan"),
        ("SCRBOT_SEND_TIMEOUT", "0"),
        ("SCRBOT_SEND_BACKOFF", "0.2,inf"),
        ("SCRBOT_WEBHOOK_PORT", "99999"),
        ("SCRBOT_WEBHOOK_PORT", "0"),
        ("PORT", "-1"),
        ("SCRBOT_CONTEXT_TTL", "inf"),
        ("SCRBOT_CONTEXT_TTL", "-5"),
        ("SCRBOT_LOG_BELOW", "nan"),
        ("SCRBOT_USER_RATE", "1e9"),
        ("SCRBOT_GROUP_RATE", "2.5"),
        ("SCRBOT_LOG_LEVEL", "verbose"),
        ("SCRBOT_WEBHOOK_INSECURE", "maybe"),
    ],
)
def test_every_setting_is_validated_at_start(tmp_path: Path, name: str, value: str) -> None:
    one_line_exit_3(scrbot_run(tmp_path, TELEGRAM_BOT_TOKEN=TOKEN, **{name: value}), name)


@pytest.mark.parametrize("command", ["stats", "misses"])
def test_the_maintainers_commands_refuse_a_dotenv_that_is_not_utf8_in_one_line(tmp_path: Path, command: str) -> None:
    (tmp_path / ".env").write_bytes(b"SCRBOT_LOG_BELOW=0.8\nNAME=caf\xe9\n")
    result = subprocess.run(
        [sys.executable, "-m", "bot", command], cwd=tmp_path, env=clean_env(), capture_output=True, text=True,
        timeout=60,
    )
    one_line_exit_3(result, ".env", "not UTF-8", "line 2")
