"""`scrbot run` refuses to start on broken data with the same report as `scrbot check`, before touching Telegram."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FACTS, INTENTS
from test_validation import CASES, ROOT, Case, Data, run_check

TOKEN = "123456:TEST-TOKEN-never-used"
SAMPLE = [c for c in CASES if c.id in {c.id for c in CASES[::5]}]  # every fifth kind keeps it quick


@pytest.fixture
def data(tmp_path: Path) -> Data:
    shutil.copytree(FACTS, tmp_path / "facts")
    shutil.copytree(INTENTS, tmp_path / "intents")
    return Data(tmp_path / "facts", tmp_path / "intents")


@pytest.mark.parametrize("case", SAMPLE, ids=[c.id for c in SAMPLE])
def test_the_bot_will_not_start_on_broken_data(case: Case, data: Data) -> None:
    case.breaker(data)
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("SCRBOT_", "TELEGRAM_"))}
    environ.update(
        PYTHONPATH=str(ROOT), TELEGRAM_BOT_TOKEN=TOKEN, SCRBOT_CACHE_DIR="off",
        TELEGRAM_BASE_URL="http://127.0.0.1:9/bot",  # never reached: the data is checked first
        SCRBOT_DB=str(data.facts.parent / "scrbot.db"),
    )  # fmt: skip
    run = subprocess.run(
        [sys.executable, "-m", "bot", "run", "--facts", str(data.facts), "--intents", str(data.intents)],
        capture_output=True, text=True, timeout=60, env=environ, cwd=data.facts.parent,
    )  # fmt: skip
    check = run_check(data.facts, data.intents)
    assert run.returncode == 2
    assert check.stderr.strip() in run.stderr
    assert "will not start" in run.stderr
    assert "Traceback" not in run.stderr + run.stdout
    assert TOKEN not in run.stderr + run.stdout
