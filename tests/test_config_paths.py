"""Configured paths are checked at start-up (one line, exit 3, no traceback), and YAML is only ever
loaded with the safe loader: a python-object tag is refused by `scrbot check` with its file and line,
and nothing runs.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from telegram_harness import clean_env

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "7654321:AAH-paths_SECRET-token_value"


def scrbot(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=cwd,
        env=clean_env(TELEGRAM_BASE_URL="http://127.0.0.1:9/bot", **env),
        capture_output=True,
        text=True,
        timeout=60,
    )


def one_line_exit_3(result: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert result.returncode == 3, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]
    assert TOKEN not in result.stderr + result.stdout


def test_db_path_that_is_a_directory(tmp_path: Path) -> None:
    (tmp_path / "db").mkdir()
    result = scrbot(["run"], tmp_path, TELEGRAM_BOT_TOKEN=TOKEN, SCRBOT_DB=str(tmp_path / "db"))
    one_line_exit_3(result, "SCRBOT_DB", "is a directory")


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_db_in_a_folder_that_cannot_be_written(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        result = scrbot(["run"], tmp_path, TELEGRAM_BOT_TOKEN=TOKEN, SCRBOT_STATE=str(locked / "sub" / "s.db"))
    finally:
        locked.chmod(0o700)
    one_line_exit_3(result, "SCRBOT_STATE", "cannot be written")


def test_db_under_a_file(tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("x")
    result = scrbot(["run"], tmp_path, TELEGRAM_BOT_TOKEN=TOKEN, SCRBOT_DB=str(tmp_path / "afile" / "s.db"))
    one_line_exit_3(result, "SCRBOT_DB", "not a directory")


@pytest.mark.parametrize("variable", ["SCRBOT_FACTS_DIR", "SCRBOT_INTENTS_DIR"])
def test_data_folder_that_is_a_file_or_missing(tmp_path: Path, variable: str) -> None:
    (tmp_path / "afile").write_text("x")
    result = scrbot(["run"], tmp_path, TELEGRAM_BOT_TOKEN=TOKEN, **{variable: str(tmp_path / "afile")})
    one_line_exit_3(result, variable, "not a folder")
    result = scrbot(["run"], tmp_path, TELEGRAM_BOT_TOKEN=TOKEN, **{variable: str(tmp_path / "missing")})
    one_line_exit_3(result, variable, "does not exist")


def test_dotenv_that_is_a_directory(tmp_path: Path) -> None:
    (tmp_path / ".env").mkdir()
    result = scrbot(["run"], tmp_path, TELEGRAM_BOT_TOKEN=TOKEN)
    one_line_exit_3(result, ".env", "not a file")


def test_yaml_python_object_tag_is_refused_and_never_executed(tmp_path: Path) -> None:
    facts, intents = tmp_path / "facts", tmp_path / "intents"
    shutil.copytree(ROOT / "facts", facts)
    shutil.copytree(ROOT / "intents", intents)
    marker = tmp_path / "PWNED"
    terms = facts / "terms.yaml"
    lines = terms.read_text(encoding="utf-8").splitlines(keepends=True)
    lines.insert(1, f'evil: !!python/object/apply:os.system ["touch {marker}"]\n')
    terms.write_text("".join(lines), encoding="utf-8")
    result = scrbot(["check", "--facts", str(facts), "--intents", str(intents)], tmp_path)
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    assert "terms.yaml" in result.stderr and ":2" in result.stderr, result.stderr
    assert not marker.exists()


def test_unwritable_folder_in_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same check as above without needing a non-root user: os.access says no."""
    from bot.settings import SettingsError, check_paths

    monkeypatch.setattr(os, "access", lambda path, mode: Path(path) != tmp_path)
    with pytest.raises(SettingsError, match=r"^SCRBOT_DB \(.*\) cannot be written: .* is not writable\.$"):
        check_paths(str(tmp_path / "new" / "s.db"), ROOT / "facts", ROOT / "intents", {"SCRBOT_DB": "x"})
