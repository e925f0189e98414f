"""The sentences around what the bot quotes from the article come from intents/replies/passages.yaml: rewording one
there rewords the answer."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.conversation import Context
from bot.engine import Engine

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def data(tmp_path: Path) -> Path:
    for folder in ("facts", "intents"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    return tmp_path


def _edit(data: Path, old: str, new: str) -> None:
    """Replace one line's text in the copied intents/replies/passages.yaml."""
    path = data / "intents" / "replies" / "passages.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if old in line)
    lines[at] = lines[at].replace(old, new)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_a_quoted_answer_is_worded_as_the_data_says(data):
    question = "is Woolmore the one who said SCRs dropped sharply in 2011?"
    before, _ = Engine.load(data / "facts", data / "intents").reply(question, Context())
    assert before.text.startswith("No: the article doesn't report Sue Woolmore saying that. The article says: “In 2011")
    _edit(data, '"No: the article doesn\'t report {name} saying that."', '"No: {name} is not reported saying so."')
    _edit(data, '"The article says: {sentence}"', '"In the article\'s words: {sentence}"')
    reply, _ = Engine.load(data / "facts", data / "intents").reply(question, Context())
    assert reply.text.startswith("No: Sue Woolmore is not reported saying so. In the article's words: “In 2011")
    assert reply.text.endswith(before.text.split("“", 1)[1])
