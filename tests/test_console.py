"""The console has what Telegram has: /about, /chart, /source with its citation, picking an offered
question by its number; on a terminal the banner fits 80 columns and Ctrl-C clears the line."""

from __future__ import annotations

import re
import time

from test_cli import scrbot
from test_commands_fail_cleanly import Terminal

from bot.console import banner


def _chat(tmp_path, *lines: str):
    result = scrbot("chat", stdin="".join(line + "\n" for line in lines), cwd=tmp_path,
                    env={"SCRBOT_DB": str(tmp_path / "q.db")})
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    return result.stdout


def test_about_says_what_telegram_about_says(tmp_path):
    out = _chat(tmp_path, "/about")
    assert "Could you say a bit more" not in out
    assert out.startswith("scrbot ") and "serious case reviews" in out and "figures over" in out


def test_chart_writes_a_png_and_prints_its_path(tmp_path):
    out = _chat(tmp_path, "/chart")
    assert "Woolmore" not in out
    path = tmp_path / "scrbot-chart.png"
    assert f"written to {path}" in out
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    out = _chat(tmp_path, f"/chart {tmp_path / 'other.png'}")
    assert (tmp_path / "other.png").exists() and "other.png" in out
    out = _chat(tmp_path, "/chart /no/such/folder/x.png")
    assert "Could not draw the chart: the folder /no/such/folder does not exist" in out


def test_an_ask_next_suggestion_is_picked_by_its_number(tmp_path):
    out = _chat(tmp_path, "how many SCRs were published in 2013/14?", "1")
    assert "Ask next: 1) And the previous year?" in out
    assert "(And the previous year?)\nIn 2012/13, 31 SCRs were published." in out


def test_a_did_you_mean_option_is_picked_by_its_number(tmp_path):
    out = _chat(tmp_path, "rise", "2")
    numbered = re.findall(r"^(\d)\. (.+)$", out, re.M)
    assert [n for n, _ in numbered][:2] == ["1", "2"], out
    chosen = numbered[1][1]
    assert f"({chosen})" in out
    after = out.split(f"({chosen})", 1)[1]
    assert "not sure what you mean" not in after.splitlines()[1]


def test_a_number_with_nothing_offered_is_an_ordinary_question(tmp_path):
    out = _chat(tmp_path, "7")
    assert not out.startswith("(")


def test_source_names_the_document(tmp_path):
    out = _chat(tmp_path, "how many SCRs were published in 2013/14?", "/source")
    assert "That comes from article.txt (its title, publisher, date and address are not recorded):" in out
    assert "“Between April 2013 and March 2014" in out


def test_banner_fits_80_columns_with_aligned_lines():
    lines = banner(80).splitlines()
    assert len(lines) >= 2 and all(len(line) <= 80 for line in lines)
    assert all(not line.startswith(" ") for line in lines)


def test_on_a_terminal_banner_wraps_and_ctrl_c_clears_the_half_typed_line(tmp_path):
    term = Terminal("chat", cwd=tmp_path, env={"SCRBOT_DB": str(tmp_path / "q.db")})
    seen = term.read_until(b"you> ")
    head = seen.decode("utf-8").split("you> ")[0]
    assert all(len(line) <= 80 for line in head.replace("\r", "").splitlines())
    term.type("how many were commiss")
    term.read_until(b"commiss")
    time.sleep(0.3)  # let readline settle after echoing
    term.type("\x03")
    term.read_until(b"line cleared", message=lambda: f"exit code {term.proc.poll()}")
    term.type("how many SCRs were published in 2013/14?\r")
    term.read_until(b"71 SCRs were published")
    assert term.proc.poll() is None
    term.type("quit\r")
    assert term.close() == 0


def test_a_digit_that_is_not_ascii_is_an_ordinary_question_not_a_crash(tmp_path):
    out = _chat(tmp_path, "how many SCRs were published in 2013/14?", "²", "³")
    assert "In 2013/14, 71 SCRs were published." in out
    assert "(And the previous year?)" not in out
