"""The bot's sentences come from intents/replies/ (one file per kind of answer): rewording one is a data edit,
and a broken one is reported at start-up with its file, line and fix."""

from __future__ import annotations

from pathlib import Path

import pytest
from wording import reword

from bot.conversation import Context
from bot.engine import Engine
from bot.knowledge.errors import DataError

ROOT = Path(__file__).resolve().parent.parent


def test_a_refusal_is_worded_as_the_data_says(data):
    reword(data, "engine", "Sorry, that's outside what I know.", "That is beyond this article, sorry.")
    engine = Engine.load(data / "facts", data / "intents")
    reply, _ = engine.reply("who won the world cup in 1966?", Context())
    assert reply.kind == "decline" and reply.text.startswith("That is beyond this article, sorry. I answer")


def test_did_you_mean_and_a_part_left_unanswered_are_worded_as_the_data_says(data):
    reword(data, "engine", "I'm not sure what you mean. Did you mean:", "Which of these?")
    reword(data, "engine", "I can't answer that from the article.", "the article has nothing on that.")
    engine = Engine.load(data / "facts", data / "intents")
    clarify, _ = engine.reply("ofsted?", Context())
    assert clarify.kind == "clarify" and clarify.text.startswith("Which of these?\n• ")
    parts, _ = engine.reply("How many SCRs were published in 2013/14, and what is the capital of Peru?", Context())
    assert "71" in parts.text and "the article has nothing on that." in parts.text


def test_a_name_the_bot_does_not_fill_is_reported_with_file_line_and_fix(data):
    line = reword(data, "engine", "I don't have figures for {missing}.", "I don't have figures for {year}.")
    with pytest.raises(DataError) as caught:
        Engine.load(data / "facts", data / "intents")
    report = caught.value.report()
    assert f"engine.yaml:{line}" in report and "uses {year}, which the bot does not fill" in report
    assert "fix: use only: {have_figures}, {missing}" in report


def test_a_missing_reply_and_a_stray_brace_are_both_reported(data):
    reword(data, "engine", "  vague: ", "  vaguer: ")
    line = reword(data, "engine", "{names}. {about}", "{names. {about}")
    with pytest.raises(DataError) as caught:
        Engine.load(data / "facts", data / "intents")
    report = caught.value.report()
    assert "unknown reply 'vaguer'" in report and "reply 'vague' is missing" in report
    assert f"engine.yaml:{line}: reply 'not_named' has a stray brace" in report


def _say_calls() -> list[tuple[str, int, str, str, set[str] | None]]:
    """Every `SECTION.say("reply", name=...)` in the bot's code: (file, line, section, reply, names passed;
    None when it passes **fields)."""
    import ast

    from bot.answers import replies

    calls = []
    for path in sorted((ROOT / "bot").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        # declared in replies.py, imported where used
        sections = {"ENGINE": "engine", "CONSOLE": "console", "TELEGRAM": "telegram"}
        for node in ast.walk(tree):
            if (isinstance(node, ast.Assign) and isinstance(node.value, ast.Call)
                    and getattr(node.value.func, "id", None) == "section" and len(node.targets) == 1):
                sections[node.targets[0].id] = node.value.args[0].value
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "say"
                    and isinstance(node.func.value, ast.Name) and node.func.value.id in sections and node.args):
                said = node.args[0]  # "a" or ("a" if ... else "b")
                options = [said.body, said.orelse] if isinstance(said, ast.IfExp) else [said]
                names = None if any(k.arg is None for k in node.keywords) else {k.arg for k in node.keywords}
                for option in options:
                    if not isinstance(option, ast.Constant) and names is None:
                        continue  # meta's example questions, each given the names it uses (counted below)
                    assert isinstance(option, ast.Constant), f"{path.name}:{node.lineno}: say a reply by its name"
                    calls.append((path.name, node.lineno, sections[node.func.value.id], option.value, names))
    assert replies.SECTIONS and calls
    return calls


def test_every_reply_the_code_says_is_declared_and_given_exactly_its_names():
    """A reply said with a name missing would fail mid-conversation, on the one path that says it: checked here
    for every call in the code, not only the paths the evaluation sets happen to take."""
    from bot.answers import replies

    wrong = []
    for file, line, section, reply, names in _say_calls():
        declared = replies.SECTIONS.get(section, {}).get(reply)
        if declared is None:
            wrong.append(f"{file}:{line}: {section}.{reply} is not declared")
        elif names is not None and names != declared:
            wrong.append(f"{file}:{line}: {section}.{reply} is given {sorted(names)}, declared {sorted(declared)}")
    assert not wrong, "\n".join(wrong)


def test_every_declared_reply_is_said_somewhere():
    from bot.answers import replies

    said = {(section, reply) for _, _, section, reply, _ in _say_calls()}
    said |= {("meta", e) for e in __import__("bot.answers.meta", fromlist=["EXAMPLES"]).EXAMPLES}
    unused = [f"{s}.{r}" for s, names in replies.SECTIONS.items() for r in names if (s, r) not in said]
    assert not unused, f"declared but never said: {unused}"
