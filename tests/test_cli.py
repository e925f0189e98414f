"""The `scrbot` command, run as a user runs it: a subprocess, stdin in, stdout/stderr and exit code out."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CONTRACT = {"question", "intent", "confidence", "answer", "entities", "sources", "suggestions"}
FIGURES = {"55", "81", "114", "12", "31", "71"}


def scrbot(*args: str, stdin: str | None = None, cwd: Path | None = None,
           env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run `python -m bot ARGS` with no SCRBOT_* variables unless given; never a TTY."""
    environ = {k: v for k, v in os.environ.items() if not k.startswith("SCRBOT_") and k != "TELEGRAM_BOT_TOKEN"}
    environ["PYTHONPATH"] = str(ROOT) + os.pathsep + environ.get("PYTHONPATH", "")
    environ["PYTHONIOENCODING"] = "utf-8"
    environ.update(env or {})
    return subprocess.run([sys.executable, "-m", "bot", *args], input=stdin if stdin is not None else "",
                          capture_output=True, text=True, encoding="utf-8", timeout=60, cwd=cwd or ROOT, env=environ)


def json_lines(result: subprocess.CompletedProcess[str]) -> list[dict]:
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    return [json.loads(line) for line in lines]


def check_contract(obj: dict, question: str) -> None:
    assert set(obj) >= CONTRACT, f"missing keys {CONTRACT - set(obj)}"
    assert obj["question"] == question
    assert obj["intent"] is None or isinstance(obj["intent"], str)
    assert isinstance(obj["confidence"], (int, float)) and not isinstance(obj["confidence"], bool)
    assert 0.0 <= obj["confidence"] <= 1.0
    assert isinstance(obj["answer"], str) and obj["answer"].strip()
    assert not re.search(r"</?[a-zA-Z][^>]*>", obj["answer"]), "answers are plain text, not HTML"
    assert not re.search(r"[*_`]{2}", obj["answer"]), "answers are plain text, not Markdown"
    assert isinstance(obj["entities"], dict)
    assert isinstance(obj["sources"], list)
    for source in obj["sources"]:
        assert isinstance(source, dict) and isinstance(source.get("text"), str) and source["text"]
    assert isinstance(obj["suggestions"], list)
    for suggestion in obj["suggestions"]:
        assert isinstance(suggestion, dict) and isinstance(suggestion.get("text"), str)
    if "kind" in obj:  # intent is null exactly when the bot declines
        assert (obj["intent"] is None) == (obj["kind"] == "decline")


@pytest.fixture(scope="module")
def broken_facts(tmp_path_factory) -> Path:
    facts = tmp_path_factory.mktemp("broken") / "facts"
    shutil.copytree(ROOT / "facts", facts)
    figures = facts / "figures.yaml"
    figures.write_text(figures.read_text(encoding="utf-8").replace("published: 71", "published: seventy", 1),
                       encoding="utf-8")
    return facts


@pytest.fixture(scope="module")
def changed_facts(tmp_path_factory) -> Path:
    """A valid copy of facts/ (a test rewords one sentence of its article)."""
    facts = tmp_path_factory.mktemp("changed") / "facts"
    shutil.copytree(ROOT / "facts", facts)
    return facts


# -- ask --json --------------------------------------------------------------------------------
QUESTIONS = [
    "how many SCRs were published in 2013/14?",
    "<b>how many</b> SCRs were commissioned in 2012/13?",
    "why did the number of SCRs rise?",
    "how many SCRs were published in 2014/15?",
    "what's the weather like?",
]


def test_ask_json_prints_one_contract_object(tmp_path):
    question = QUESTIONS[0]
    objs = json_lines(scrbot("ask", "--json", question, cwd=tmp_path))
    assert len(objs) == 1
    obj = objs[0]
    check_contract(obj, question)
    assert obj["intent"] == "figures.count"
    assert "71" in obj["answer"]
    assert obj["entities"]["periods"] == ["2013/14"]
    assert any("71 published" in s["text"] for s in obj["sources"])


def test_ask_json_from_stdin_answers_each_line_independently(tmp_path):
    lines = [*QUESTIONS, "and the previous year?"]
    objs = json_lines(scrbot("ask", "--json", stdin="\n".join(lines) + "\n", cwd=tmp_path))
    assert [o["question"] for o in objs] == lines
    for obj, question in zip(objs, lines, strict=True):
        check_contract(obj, question)
    by_question = dict(zip(lines, objs, strict=True))
    assert by_question[QUESTIONS[0]]["intent"] == "figures.count"
    assert "<b>" not in by_question[QUESTIONS[1]]["answer"] and "81" in by_question[QUESTIONS[1]]["answer"]
    assert by_question[QUESTIONS[2]]["intent"] == "reasons.why"
    assert by_question[QUESTIONS[3]]["intent"] is None  # no data for 2014/15
    assert by_question[QUESTIONS[4]]["intent"] is None  # off topic
    # The follow-up must not use the previous line's context: no 2012/13 figure for it.
    followup = by_question["and the previous year?"]
    assert followup["entities"].get("periods") != ["2012/13"]
    assert "31" not in re.sub(r"\d{4}/\d{2}", "", followup["answer"])


def test_ask_from_stdin_skips_blank_lines(tmp_path):
    objs = json_lines(scrbot("ask", "--json", stdin="\n\nhow many SCRs were published in 2013/14?\n\n   \n",
                             cwd=tmp_path))
    assert len(objs) == 1


def test_ask_plain_text_with_sources(tmp_path):
    result = scrbot("ask", "--sources", "how many SCRs were published in 2013/14?", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "71" in result.stdout
    assert "Between April 2013 and March 2014" in result.stdout  # the source sentence
    with pytest.raises(json.JSONDecodeError):
        json.loads(result.stdout.splitlines()[0])


# -- chat --------------------------------------------------------------------------------------
def test_chat_json_carries_context(tmp_path):
    lines = ["how many SCRs were published in 2013/14?", "and the previous year?", "what about commissioned ones?",
             "who is Timpson?", "who's he?"]
    objs = json_lines(scrbot("chat", "--json", stdin="\n".join(lines) + "\n", cwd=tmp_path))
    assert len(objs) == len(lines)
    for obj, question in zip(objs, lines, strict=True):
        check_contract(obj, question)
    assert objs[1]["entities"]["periods"] == ["2012/13"] and "31" in objs[1]["answer"]
    assert objs[2]["entities"]["measure"] == "commissioned" and "81" in objs[2]["answer"]
    assert objs[4]["intent"] == "people.who" and "Edward Timpson" in objs[4]["answer"]


def test_chat_plain_ends_cleanly_at_end_of_input(tmp_path):
    result = scrbot("chat", stdin="hello\nhow many SCRs were published in 2013/14?\n", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "71" in result.stdout
    assert "Traceback" not in result.stderr
    assert result.stderr == ""


@pytest.mark.parametrize("stdin", ["", "how many SCRs were published in 2013/14?"])  # empty; no final newline
def test_chat_plain_handles_empty_and_unterminated_input(tmp_path, stdin):
    result = scrbot("chat", stdin=stdin, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    if stdin:
        assert "71" in result.stdout


# -- where the data comes from -----------------------------------------------------------------
def test_facts_flag_pointing_at_broken_data_exits_2(tmp_path, broken_facts):
    result = scrbot("ask", "--facts", str(broken_facts), "how many SCRs were published in 2013/14?", cwd=tmp_path)
    assert result.returncode == 2
    assert "figures.yaml" in result.stderr and "seventy" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_env_var_pointing_at_broken_data_exits_2(tmp_path, broken_facts):
    result = scrbot("ask", "how many SCRs were published in 2013/14?", cwd=tmp_path,
                    env={"SCRBOT_FACTS_DIR": str(broken_facts)})
    assert result.returncode == 2
    assert "figures.yaml" in result.stderr and "Traceback" not in result.stderr


def test_intents_flag_and_env_var_are_honoured(tmp_path):
    missing = tmp_path / "no-intents-here"
    by_flag = scrbot("check", "--intents", str(missing), cwd=tmp_path)
    by_env = scrbot("check", cwd=tmp_path, env={"SCRBOT_INTENTS_DIR": str(missing)})
    for result in (by_flag, by_env):
        assert result.returncode == 2
        assert "no-intents-here" in result.stderr and "Traceback" not in result.stderr


def test_flag_beats_env_var(tmp_path, broken_facts):
    result = scrbot("check", "--facts", str(ROOT / "facts"), cwd=tmp_path, env={"SCRBOT_FACTS_DIR": str(broken_facts)})
    assert result.returncode == 0, result.stderr


def test_a_valid_copy_given_by_env_var_is_used(tmp_path, changed_facts):
    # A copy with one sentence reworded: answers quote the copy, proving the env var chose the folder.
    article = changed_facts / "article.txt"
    text = article.read_text(encoding="utf-8")
    marker = "being introduced."
    assert marker in text
    article.write_text(text.replace(marker, "being introduced (reworded copy)."), encoding="utf-8")
    result = scrbot("ask", "--json", "what did the CYP Now investigation find?", cwd=tmp_path,
                    env={"SCRBOT_FACTS_DIR": str(changed_facts), "SCRBOT_INTENTS_DIR": str(ROOT / "intents")})
    (obj,) = json_lines(result)
    assert any("(reworded copy)" in s["text"] for s in obj["sources"]), obj


def test_check_on_shipped_data_exits_0(tmp_path):
    result = scrbot("check", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok")


# -- eval --------------------------------------------------------------------------------------
def test_eval_prints_accuracy_and_categories(tmp_path):
    result = scrbot("eval", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert re.search(r"^accuracy: \d+(\.\d+)?% \(\d+/\d+\)", out, flags=re.MULTILINE)
    assert "by category:" in out
    categories = re.findall(r"^\s+(\w+)\s+\d+/\d+\s+\d+(?:\.\d+)?%", out, flags=re.MULTILINE)
    assert {"figures", "periods", "reasons", "followup", "out_of_scope"} <= set(categories)


def test_eval_json_and_min_accuracy(tmp_path):
    small = tmp_path / "small.yaml"
    small.write_text(
        '- q: "how many SCRs were published in 2013/14?"\n'
        "  intent: figures.count\n"
        "  category: figures\n"
        '  expect: {periods: ["2013/14"], contains: ["71"]}\n'
        '- q: "what is the capital of France?"\n'
        "  intent: null\n"
        "  category: out_of_scope\n"
        '- q: "how many SCRs were published in 2013/14?"\n'
        "  intent: figures.count\n"
        "  category: wrong_on_purpose\n"
        '  expect: {contains: ["72"]}\n',
        encoding="utf-8",
    )
    result = scrbot("eval", str(small), "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["total"] == 3 and report["passed"] == 2
    assert report["by_category"]["figures"] == {"passed": 1, "total": 1}
    failing = scrbot("eval", str(small), "--min-accuracy", "0.9", cwd=tmp_path)
    assert failing.returncode == 1
    assert "below" in failing.stderr


def test_eval_with_a_broken_file_exits_2(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("- nope: 1\n", encoding="utf-8")
    result = scrbot("eval", str(bad), cwd=tmp_path)
    assert result.returncode == 2
    assert "bad.yaml" in result.stderr and "Traceback" not in result.stderr


def test_each_command_alone_parses_as_in_the_whole_parser(capsys):
    """`scrbot ask` builds only its own subcommand (start-up): the same arguments either way, and
    `scrbot --help` still lists every command."""
    from bot import cli

    whole = cli.build_parser()
    choices = next(a for a in whole._actions if a.dest == "command").choices
    assert set(choices) == set(cli.COMMANDS)
    for argv in (["ask", "--json", "why?"], ["chat", "--sources"], ["eval", "x.yaml", "--min-accuracy", "0.9"],
                 ["webhook", "info", "--json"], ["stats", "--since", "7"], ["bench", "--quick"]):
        assert vars(cli.build_parser(argv[0]).parse_args(argv)) == vars(whole.parse_args(argv)), argv
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    listed = capsys.readouterr().out
    assert all(name in listed for name in cli.COMMANDS)


def test_an_internal_error_answering_is_one_line_not_a_traceback(monkeypatch, capsys):
    """A bug in the engine on one question: `scrbot ask` says so in a line and goes on; no traceback."""
    from bot import cli
    from bot.engine import Engine

    def broken(self, text, context=None, now=None):
        raise RuntimeError("boom")

    monkeypatch.setattr(Engine, "reply", broken)
    assert cli.main(["ask", "how many SCRs were published in 2013/14?"]) == 0
    out = capsys.readouterr()
    assert "internal error: RuntimeError" in out.out and "Traceback" not in out.out + out.err
