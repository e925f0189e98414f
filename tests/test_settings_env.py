"""Settings come from the environment and `.env`, read in one module (bot/settings.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.settings import SettingsError, load_dotenv

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("line", "key", "value"),
    [
        ("KEY=plain", "KEY", "plain"),
        ("KEY='single quoted'", "KEY", "single quoted"),
        ('KEY="double quoted"', "KEY", "double quoted"),
        ("export KEY=exported", "KEY", "exported"),
        ("export\tKEY=tabbed", "KEY", "tabbed"),
        ("KEY=value # a comment", "KEY", "value"),
        ('KEY="quoted" # a comment', "KEY", "quoted"),
        ("  KEY = spaced  ", "KEY", "spaced"),
        ("\ufeffKEY=after a byte-order mark", "KEY", "after a byte-order mark"),
        ("KEY=with=equals", "KEY", "with=equals"),
        ("KEY=", "KEY", ""),
        ("# KEY=commented out", "KEY", None),
    ],
)
def test_common_env_file_shapes_read_as_a_shell_would(tmp_path, monkeypatch, line, key, value) -> None:
    monkeypatch.delenv(key, raising=False)
    env = tmp_path / ".env"
    env.write_text(line + "\n", encoding="utf-8")
    load_dotenv(env)
    assert os.environ.get(key) == value
    monkeypatch.delenv(key, raising=False)


def test_a_set_variable_wins_over_the_file(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("SCRBOT_LOG_LEVEL", "WARNING")
    (tmp_path / ".env").write_text("SCRBOT_LOG_LEVEL=DEBUG\n", encoding="utf-8")
    load_dotenv(tmp_path / ".env")
    assert os.environ["SCRBOT_LOG_LEVEL"] == "WARNING"


def test_a_file_that_is_not_utf8_is_one_clear_error(tmp_path) -> None:
    (tmp_path / ".env").write_bytes(b"KEY=ok\nOTHER=caf\xe9\n")
    with pytest.raises(SettingsError, match=r"not UTF-8 text \(line 2\)"):
        load_dotenv(tmp_path / ".env")


def test_environment_variables_are_read_in_two_modules() -> None:
    """bot.environ (what `scrbot ask` needs, kept light) and bot.settings (the typed Settings): nowhere else."""
    signs = ("os.environ", "getenv(", "environment()", 'env.get("')
    readers = sorted(
        str(p.relative_to(ROOT)) for p in (ROOT / "bot").rglob("*.py")
        if any(sign in p.read_text(encoding="utf-8") for sign in signs)
    )
    assert readers == ["bot/environ.py", "bot/settings.py"]


def test_every_bad_setting_is_reported_at_once_one_line_each() -> None:
    from bot.settings import Settings

    with pytest.raises(SettingsError) as caught:
        Settings.from_env({"TELEGRAM_BOT_TOKEN": "123456:abcdefghijk", "SCRBOT_USER_RATE": "lots",
                           "SCRBOT_WEBHOOK_PORT": "99999", "SCRBOT_LOG_IDS": "maybe"})  # fmt: skip
    lines = str(caught.value).splitlines()
    assert [line.split()[0] for line in lines] == ["SCRBOT_WEBHOOK_PORT", "SCRBOT_LOG_IDS", "SCRBOT_USER_RATE"]


def test_one_store_url_chooses_the_database() -> None:
    from bot.settings import log_options

    assert log_options({"SCRBOT_STORE": "sqlite:////srv/scrbot/state.db"}).db == "/srv/scrbot/state.db"
    assert log_options({"SCRBOT_STORE": "sqlite:var/other.db"}).db == "var/other.db"
    assert log_options({"SCRBOT_DB": "var/old.db"}).db == "var/old.db"  # the older setting still works
    redis = log_options({"SCRBOT_STORE": "redis://127.0.0.1:6379/0"})
    assert (redis.db, redis.store) == ("", "redis://127.0.0.1:6379/0")  # no SQLite file when Redis keeps the state
    with pytest.raises(ValueError, match="SCRBOT_STORE must be sqlite:///ABSOLUTE/PATH"):
        log_options({"SCRBOT_STORE": "mysql://127.0.0.1/scrbot"})


def test_scrbot_run_with_a_store_it_cannot_open_stops_with_one_line(tmp_path) -> None:
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith(("SCRBOT_", "TELEGRAM_"))}
    env.update(TELEGRAM_BOT_TOKEN="123456:abcdefghijklmnop", SCRBOT_STORE="postgres://db/x", PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-m", "bot", "run"], env=env, cwd=tmp_path, capture_output=True,
                          text=True, timeout=60, check=False)
    assert done.returncode == 3, done.stderr
    assert done.stderr.strip().count("\n") == 0 and "SCRBOT_STORE must be" in done.stderr
