"""Commands that do not talk to Telegram import neither python-telegram-bot, matplotlib nor prometheus_client.

They are heavy (start-up time and memory of every `scrbot ask`); the Telegram adapter, the chart,
the webhook server's metrics and the benchmark's end-to-end section import them only when they run.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PROGRAM = """
import contextlib, io, json, sys
import bot.cli, bot.engine, bot.metrics, benchmarks.run, benchmarks.data
from bot import config
from bot.conversation import Context
from bot.engine import Engine

engine = Engine.load(config.facts_dir(), config.intents_dir())
reply, _ = engine.reply("how many SCRs were published in 2013/14?", Context())
assert "71" in reply.text, reply.text
with contextlib.redirect_stdout(io.StringIO()) as out:
    assert bot.cli.main(["ask", "--json", "why did SCRs rise?"]) == 0
    assert bot.cli.main(["check"]) == 0
assert "ok:" in out.getvalue()
bot.metrics.answered("answer")  # recording while the metrics are off is a no-op, without prometheus_client
heavy = sorted(m for m in sys.modules if m.split(".")[0] in ("telegram", "matplotlib", "prometheus_client"))
print(json.dumps(heavy))
"""


def test_answering_a_question_imports_neither_telegram_nor_matplotlib() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SCRBOT_", "TELEGRAM_"))}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    done = subprocess.run(
        [sys.executable, "-c", PROGRAM], capture_output=True, text=True, timeout=60, cwd=ROOT, env=env, check=False
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []


CACHED_ASK = """
import contextlib, io, json, sys
import bot.cli
with contextlib.redirect_stdout(io.StringIO()) as out:
    assert bot.cli.main(["ask", "how many SCRs were published in 2013/14?"]) == 0
assert "71" in out.getvalue(), out.getvalue()
print(json.dumps(sorted(m for m in ("yaml", "dataclasses", "bot.knowledge.facts", "argparse", "shutil")
                        if m in sys.modules)))
"""


def test_a_start_from_the_compiled_cache_skips_yaml_and_dataclasses(tmp_path) -> None:
    """The start-up budget of `scrbot ask QUESTION`: with the cache warm, no YAML parser, no dataclass machinery,
    no argparse (a plain question needs no parser) and no shutil (the width of a terminal comes from os)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SCRBOT_", "TELEGRAM_"))}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env["SCRBOT_CACHE_DIR"] = str(tmp_path / "cache")
    command = [sys.executable, "-c", CACHED_ASK]
    # the first builds the cache, the second starts from it
    runs = [subprocess.run(command, capture_output=True, text=True, timeout=60, cwd=ROOT, env=env) for _ in range(2)]
    assert all(run.returncode == 0 for run in runs), runs[-1].stderr
    # (writing the cache uses tempfile, which brings shutil; only the first start writes it)
    assert json.loads(runs[0].stdout.strip().splitlines()[-1]) == ["bot.knowledge.facts", "shutil", "yaml"]
    assert json.loads(runs[1].stdout.strip().splitlines()[-1]) == []


def test_the_bot_never_edits_sys_path_nor_imports_the_benchmarks() -> None:
    """The benchmarks live in benchmarks/ and import the bot as any client would; the bot reaches them only
    when `scrbot bench` is asked for (one lazy import), and nothing under bot/ edits sys.path."""
    edits, imports = [], []
    for path in sorted((ROOT / "bot").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if "sys.path" in text:
            edits.append(path.name)
        imports += [f"{path.name}: {line.strip()}" for line in text.splitlines() if "benchmarks" in line
                    and "import" in line]
    assert edits == []
    assert imports == ["cli.py: from benchmarks.run import main as bench_main  # outside the bot: imported only "
                       "when asked for"]


def test_sqlite_is_imported_only_under_bot_state() -> None:
    """Storage is chosen in bot/state/: no other module of the bot knows it is SQLite."""
    users = sorted(
        str(path.relative_to(ROOT))
        for path in (ROOT / "bot").rglob("*.py")
        if "import sqlite3" in path.read_text(encoding="utf-8")
    )
    assert users and all(u.startswith("bot/state/") for u in users), users
