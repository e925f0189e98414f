"""Every `scrbot` command fails with a message, never a traceback; options are range-checked; the
console-mode `scrbot run` survives SIGHUP; `scrbot ask` on a terminal with no question says how."""

from __future__ import annotations

import os
import pty
import select
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_cli import ROOT, scrbot


def _clean(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr + result.stdout, result.stderr


@pytest.mark.parametrize("command", ["misses", "stats"])
@pytest.mark.parametrize("since", ["inf", "1e6", "nan", "-1", "0", "soon"])
def test_since_is_range_checked(command, since, tmp_path):
    result = scrbot(command, "--since", since, "--db", str(tmp_path / "none.db"), cwd=tmp_path)
    _clean(result)
    assert result.returncode == 2
    assert "--since" in result.stderr and "days" in result.stderr


@pytest.mark.parametrize("command", ["misses", "stats"])
def test_a_long_but_sane_since_works(command, tmp_path):
    db = tmp_path / "q.db"
    from bot.state.questions import SQLiteQuestionLog

    SQLiteQuestionLog(db).close()
    result = scrbot(command, "--since", "36500", "--db", str(db), cwd=tmp_path)
    _clean(result)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("command", ["misses", "stats"])
@pytest.mark.parametrize("what", ["text file", "folder", "other database"])
def test_db_that_is_not_the_question_log_is_one_line(command, what, tmp_path):
    path = tmp_path / "thing"
    if what == "text file":
        path.write_text("not a database at all\n" * 20, encoding="utf-8")
    elif what == "folder":
        path.mkdir()
    else:
        with sqlite3.connect(path) as db:
            db.execute("CREATE TABLE missed_questions (something_else TEXT)")
    result = scrbot(command, "--db", str(path), cwd=tmp_path)
    _clean(result)
    assert result.returncode == 3
    assert str(path) in result.stderr and len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    "args, says",
    [
        (["eval", "--min-accuracy", "99"], "between 0 and 1"),
        (["eval", "--min-accuracy", "nan"], "between 0 and 1"),
        (["eval", "--min-accuracy", "-0.5"], "between 0 and 1"),
        (["misses", "--limit", "-1"], "--limit: -1 must be 1 or more"),
        (["misses", "--limit", "0"], "--limit: 0 must be 1 or more"),
        (["bench", "--repeat", "0"], "--repeat: 0 must be 1 or more"),
    ],
)
def test_options_are_range_checked(args, says, tmp_path):
    result = scrbot(*args, cwd=tmp_path)
    _clean(result)
    assert result.returncode == 2
    assert says in result.stderr


def test_eval_file_errors_speak_of_the_evaluation_file(tmp_path):
    bad = tmp_path / "labels.yaml"
    bad.write_text("- nope: 1\n", encoding="utf-8")
    result = scrbot("eval", str(bad), cwd=tmp_path)
    assert result.returncode == 2
    assert "in the evaluation file labels.yaml" in result.stderr
    assert "the bot's data" not in result.stderr


# -- on a terminal ---------------------------------------------------------------------------------
def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SCRBOT_", "TELEGRAM_"))}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env["PYTHONIOENCODING"] = "utf-8"
    env["COLUMNS"], env["LINES"] = "120", "40"
    return env


def _controlling_terminal() -> None:
    """In the child: a session of its own whose controlling terminal is the pty, so Ctrl-C sends SIGINT.

    SIGINT back to its default, as at a user's keyboard: a test run started in the background (`cmd &` in a
    script) ignores SIGINT, and a child would inherit that and never see its Ctrl-C."""
    import fcntl
    import signal
    import termios

    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)
    signal.signal(signal.SIGINT, signal.SIG_DFL)


class Terminal:
    """`python -m bot ARGS` on a pseudo-terminal, as a user at a keyboard runs it."""

    def __init__(self, *args: str, cwd: Path, env: dict[str, str] | None = None) -> None:
        self.master, slave = pty.openpty()
        self.proc = subprocess.Popen([sys.executable, "-m", "bot", *args], stdin=slave, stdout=slave,
                                     stderr=slave, cwd=cwd, env={**_env(), **(env or {})}, close_fds=True,
                                     preexec_fn=_controlling_terminal)
        os.close(slave)
        self.seen = b""

    def read_until(self, wanted: bytes, timeout: float = 20.0, message=lambda: "") -> bytes:
        deadline = time.monotonic() + timeout
        while wanted not in self.seen and time.monotonic() < deadline:
            ready, _, _ = select.select([self.master], [], [], 0.2)
            if ready:
                try:
                    self.seen += os.read(self.master, 65536)
                except OSError:
                    break
        assert wanted in self.seen, self.seen.decode("utf-8", "replace") + message()
        return self.seen

    def type(self, text: str) -> None:
        os.write(self.master, text.encode("utf-8"))

    def close(self) -> int:
        try:
            return self.proc.wait(timeout=20)
        finally:
            os.close(self.master)


def test_ask_with_no_question_on_a_terminal_prints_usage(tmp_path):
    term = Terminal("ask", cwd=tmp_path)
    term.read_until(b"usage: scrbot ask", timeout=20)
    assert term.close() == 2


def test_sighup_reloads_the_console_mode_run_instead_of_ending_it(tmp_path):
    proc = subprocess.Popen([sys.executable, "-m", "bot", "run"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=tmp_path,
                            env={**_env(), "SCRBOT_DB": str(tmp_path / "q.db")})
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write("how many SCRs were published in 2013/14?\n")
    proc.stdin.flush()
    assert "71" in proc.stdout.readline()
    proc.stdout.readline()  # Ask next
    proc.send_signal(signal.SIGHUP)
    time.sleep(1.0)
    assert proc.poll() is None, "SIGHUP ended the console chat"
    proc.stdin.write("and the previous year?\n")
    proc.stdin.flush()
    assert "31" in proc.stdout.readline()
    proc.stdin.close()
    assert proc.wait(timeout=20) == 0
    stderr = proc.stderr.read() if proc.stderr else ""
    assert "SIGHUP: Reloaded" in stderr and "Traceback" not in stderr


def test_make_help_lists_the_targets_with_what_they_do():
    result = subprocess.run(["make", "-s", "help"], cwd=ROOT, capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    for target, words in [("run", "start the bot"), ("test", "test suite"), ("check", "validate"),
                          ("bench", "time the engine"), ("clean", "caches"), ("help", "list")]:
        line = next((ln for ln in result.stdout.splitlines() if ln.split()[1:2] == [target]), "")
        assert words in line, (target, result.stdout)


def test_make_clean_removes_the_compiled_engine_cache(tmp_path):
    work = tmp_path / "checkout"
    (work / "var" / "cache").mkdir(parents=True)
    (work / "var" / "cache" / "engine-x.pickle").write_bytes(b"x")
    (work / "var" / "scrbot.db").write_bytes(b"keep")
    (work / "bot").mkdir()
    (work / "tests").mkdir()
    (work / "Makefile").write_text((ROOT / "Makefile").read_text(encoding="utf-8"), encoding="utf-8")
    result = subprocess.run(["make", "-s", "clean"], cwd=work, capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    assert not (work / "var" / "cache").exists()
    assert (work / "var" / "scrbot.db").exists()
