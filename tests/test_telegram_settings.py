"""Telegram settings from the environment and `.env`, and what `scrbot run` does with them.

The CLI cases run `python -m bot run` as a user would, in a temporary directory (so no stray
`.env` is read) with every TELEGRAM_*/SCRBOT_* variable removed from the environment.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from telegram_harness import QUESTION, clean_env, free_port

from benchmarks.botapi_emulator import BotAPIEmulator
from bot.settings import DEFAULT_BASE_FILE_URL, DEFAULT_BASE_URL, Settings, SettingsError, load_dotenv
from bot.telegram.app import RedactToken

GOOD = "123456789:AAHfake-Token_for-tests"


def run(tmp_path: Path, *args: str, stdin: str = "", **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", "run", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        cwd=tmp_path,
        env=clean_env(**env),
    )


def one_line_error(result: subprocess.CompletedProcess[str], secret: str = "") -> str:
    """The only line on stderr, after checking nothing else was printed and nothing leaked."""
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert result.stdout == ""
    if secret:
        assert secret not in result.stderr
    return lines[0]


# -- Settings.from_env ---------------------------------------------------------------------------


def test_defaults_with_only_a_token() -> None:
    s = Settings.from_env({"TELEGRAM_BOT_TOKEN": f"  {GOOD}\n"})
    assert s.token == GOOD
    assert (s.base_url, s.base_file_url) == (DEFAULT_BASE_URL, DEFAULT_BASE_FILE_URL)
    assert s.state_path == str(Path(__file__).resolve().parent.parent / "var" / "scrbot.db")
    assert s.context_ttl == 30 * 60
    assert (s.webhook_url, s.webhook_listen, s.webhook_port, s.webhook_secret) == ("", "0.0.0.0", 8443, "")
    assert s.admin_ids == frozenset()
    assert s.log_level == "INFO"


def test_every_variable_is_read() -> None:
    s = Settings.from_env(
        {
            "TELEGRAM_BOT_TOKEN": GOOD,
            "TELEGRAM_BASE_URL": "http://127.0.0.1:1/bot",
            "TELEGRAM_BASE_FILE_URL": "http://127.0.0.1:1/file/bot",
            "SCRBOT_ADMIN_IDS": "1, 2 3,,",
            "SCRBOT_STATE": "/tmp/x.db",
            "SCRBOT_CONTEXT_TTL": "90.5",
            "SCRBOT_WEBHOOK_URL": "https://example.org/hook",
            "SCRBOT_WEBHOOK_LISTEN": "127.0.0.1",
            "SCRBOT_WEBHOOK_PORT": "8080",
            "SCRBOT_WEBHOOK_SECRET": "s3cret_-X",
            "SCRBOT_LOG_LEVEL": "debug",
        }
    )
    assert s.base_url == "http://127.0.0.1:1/bot" and s.base_file_url == "http://127.0.0.1:1/file/bot"
    assert s.admin_ids == {1, 2, 3}
    assert s.state_path == "/tmp/x.db" and s.context_ttl == 90.5
    assert (s.webhook_url, s.webhook_listen, s.webhook_port) == ("https://example.org/hook", "127.0.0.1", 8080)
    assert s.webhook_secret == "s3cret_-X" and s.log_level == "DEBUG"


def test_port_falls_back_to_PORT_as_platforms_set_it() -> None:
    assert Settings.from_env({"TELEGRAM_BOT_TOKEN": GOOD, "PORT": "5000"}).webhook_port == 5000
    both = {"TELEGRAM_BOT_TOKEN": GOOD, "PORT": "5000", "SCRBOT_WEBHOOK_PORT": "7000"}
    assert Settings.from_env(both).webhook_port == 7000


@pytest.mark.parametrize("token", ["", "   "])
def test_missing_token_is_explained(token: str) -> None:
    with pytest.raises(SettingsError, match=r"TELEGRAM_BOT_TOKEN is not set\..*@BotFather"):
        Settings.from_env({"TELEGRAM_BOT_TOKEN": token})


@pytest.mark.parametrize("token", ["not-a-token", "123456", "12:abcdefghij", "123456:short", "123456:has space inside"])
def test_malformed_token_is_rejected_without_echoing_it(token: str) -> None:
    with pytest.raises(SettingsError) as info:
        Settings.from_env({"TELEGRAM_BOT_TOKEN": token})
    assert "malformed" in str(info.value)
    assert token not in str(info.value)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("SCRBOT_ADMIN_IDS", "alice"),
        ("SCRBOT_WEBHOOK_PORT", "eighty"),
        ("SCRBOT_CONTEXT_TTL", "soon"),
        ("SCRBOT_WEBHOOK_SECRET", "s3cret!"),
        ("SCRBOT_WEBHOOK_SECRET", "has space"),
        ("SCRBOT_WEBHOOK_SECRET", "x" * 257),
    ],
)
def test_malformed_settings_are_rejected_with_their_name(name: str, value: str) -> None:
    with pytest.raises(SettingsError, match=name):
        Settings.from_env({"TELEGRAM_BOT_TOKEN": GOOD, name: value})


def test_longest_allowed_webhook_secret() -> None:
    assert Settings.from_env({"TELEGRAM_BOT_TOKEN": GOOD, "SCRBOT_WEBHOOK_SECRET": "x" * 256}).webhook_secret


def test_repr_never_shows_the_token_or_the_webhook_secret() -> None:
    s = Settings.from_env({"TELEGRAM_BOT_TOKEN": GOOD, "SCRBOT_WEBHOOK_SECRET": "hunter2secret"})
    for text in (repr(s), str(s)):
        assert GOOD not in text and GOOD.split(":")[1] not in text and "hunter2secret" not in text


# -- .env ----------------------------------------------------------------------------------------


@pytest.fixture
def environ(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """A private copy of os.environ for load_dotenv to write to."""
    copy = {k: v for k, v in os.environ.items() if not k.startswith(("SCRBOT_", "TELEGRAM_"))}
    monkeypatch.setattr(os, "environ", copy)
    return copy


def test_dotenv_lines_are_read(tmp_path: Path, environ: dict[str, str]) -> None:
    dotenv = tmp_path / ".env"
    dotenv.write_text(
        "# comment\n\n"
        f"TELEGRAM_BOT_TOKEN={GOOD}\n"
        "export SCRBOT_STATE = '/tmp/state.db'\n"
        'SCRBOT_WEBHOOK_URL="https://example.org/hook?a=b"\n'
        "not a setting\n",
        encoding="utf-8",
    )
    load_dotenv(dotenv)
    assert environ["TELEGRAM_BOT_TOKEN"] == GOOD
    assert environ["SCRBOT_STATE"] == "/tmp/state.db"
    assert environ["SCRBOT_WEBHOOK_URL"] == "https://example.org/hook?a=b"
    assert "not a setting" not in environ
    assert Settings.from_env().token == GOOD


def test_exported_variables_win_over_dotenv(tmp_path: Path, environ: dict[str, str]) -> None:
    (tmp_path / ".env").write_text("SCRBOT_STATE=from-file.db\n", encoding="utf-8")
    environ["SCRBOT_STATE"] = "from-env.db"
    load_dotenv(tmp_path / ".env")
    assert environ["SCRBOT_STATE"] == "from-env.db"


def test_no_dotenv_is_fine(tmp_path: Path, environ: dict[str, str]) -> None:
    before = dict(environ)
    load_dotenv(tmp_path / ".env")
    assert environ == before


# -- logging -------------------------------------------------------------------------------------


def test_log_filter_replaces_the_token() -> None:
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "POST %s/getMe failed", (f"/bot{GOOD}",), None)
    assert RedactToken(GOOD).filter(record)
    assert record.getMessage() == "POST /bot[token]/getMe failed"
    untouched = logging.LogRecord("x", logging.INFO, __file__, 1, "nothing %s", ("here",), None)
    assert RedactToken("").filter(untouched) and untouched.getMessage() == "nothing here"


# -- scrbot run ----------------------------------------------------------------------------------


def test_run_without_a_token_falls_back_to_the_console(tmp_path: Path) -> None:
    result = run(tmp_path, stdin=QUESTION + "\n")
    assert result.returncode == 0, result.stderr
    assert "TELEGRAM_BOT_TOKEN is not set: starting the offline console chat instead." in result.stderr
    assert "In 2013/14, 71 SCRs were published." in result.stdout
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("token", ["not-a-token", "123456:short", "123456:has space inside"])
def test_run_with_a_malformed_token_fails_in_one_line(tmp_path: Path, token: str) -> None:
    result = run(tmp_path, TELEGRAM_BOT_TOKEN=token)
    assert result.returncode == 3
    line = one_line_error(result, secret=token)
    assert line.startswith("scrbot: TELEGRAM_BOT_TOKEN is malformed")


def test_run_with_a_bad_setting_fails_in_one_line(tmp_path: Path) -> None:
    result = run(tmp_path, TELEGRAM_BOT_TOKEN=GOOD, SCRBOT_WEBHOOK_PORT="eighty")
    assert result.returncode == 3
    assert "SCRBOT_WEBHOOK_PORT" in one_line_error(result, secret=GOOD)


def test_webhook_without_url_exits_3(tmp_path: Path) -> None:
    result = run(tmp_path, "--webhook", TELEGRAM_BOT_TOKEN=GOOD)
    assert result.returncode == 3
    assert "SCRBOT_WEBHOOK_URL" in one_line_error(result, secret=GOOD)


def test_webhook_without_token_exits_3_instead_of_starting_the_console(tmp_path: Path) -> None:
    result = run(tmp_path, "--webhook", stdin=QUESTION + "\n")
    assert result.returncode == 3
    assert "TELEGRAM_BOT_TOKEN" in one_line_error(result)


def test_run_reads_dotenv_from_the_working_directory(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text(f"TELEGRAM_BOT_TOKEN={GOOD}\n", encoding="utf-8")
    result = run(tmp_path, "--webhook")  # the token comes from .env, so only the URL is missing
    assert result.returncode == 3
    assert "--webhook needs SCRBOT_WEBHOOK_URL" in one_line_error(result, secret=GOOD)
    (tmp_path / ".env").write_text("TELEGRAM_BOT_TOKEN=oops\n", encoding="utf-8")
    result = run(tmp_path)
    assert result.returncode == 3
    assert "malformed" in one_line_error(result, secret="oops")


# -- scrbot run against a server -----------------------------------------------------------------

REJECTED = "999999:WRONGtoken_abcdef"


def test_run_with_a_token_telegram_rejects_exits_3(tmp_path: Path) -> None:
    with BotAPIEmulator() as emu:
        result = run(
            tmp_path, TELEGRAM_BOT_TOKEN=REJECTED, TELEGRAM_BASE_URL=emu.base_url, SCRBOT_STATE=str(tmp_path / "s.db")
        )
        assert emu.calls and all(c.status == 401 for c in emu.calls)
    assert result.returncode == 3
    assert (
        result.stderr.strip().splitlines()[-1]
        == "scrbot: Telegram rejected TELEGRAM_BOT_TOKEN. Check it with @BotFather."
    )


def test_rejected_token_is_never_printed(tmp_path: Path) -> None:
    with BotAPIEmulator() as emu:
        result = run(
            tmp_path, TELEGRAM_BOT_TOKEN=REJECTED, TELEGRAM_BASE_URL=emu.base_url, SCRBOT_STATE=str(tmp_path / "s.db")
        )
    assert result.returncode == 3
    output = result.stdout + result.stderr
    assert REJECTED not in output and REJECTED.split(":")[1] not in output
    assert "Traceback" not in output


def test_run_when_telegram_is_unreachable_exits_1_without_the_token(tmp_path: Path) -> None:
    result = run(
        tmp_path,
        TELEGRAM_BOT_TOKEN=GOOD,
        TELEGRAM_BASE_URL=f"http://127.0.0.1:{free_port()}/bot",
        SCRBOT_STATE=str(tmp_path / "s.db"),
    )
    assert result.returncode == 1
    assert "scrbot: cannot reach Telegram (NetworkError)" in result.stderr
    assert GOOD not in result.stderr + result.stdout
    assert GOOD.split(":")[1] not in result.stderr + result.stdout
