"""The yes/no checks' sentences come from intents/replies/checks.yaml: rewording one there rewords the answer."""

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
    """Replace one line's text in the copied intents/replies/checks.yaml."""
    path = data / "intents" / "replies" / "checks.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if old in line)
    lines[at] = lines[at].replace(old, new)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_a_check_is_worded_as_the_data_says(data):
    question = "how many months between Ofsted stopping and the Working Together revision?"
    before, _ = Engine.load(data / "facts", data / "intents").reply(question, Context())
    assert before.text.startswith("8 months apart. Ofsted stopped evaluating SCRs: July 2012.")
    _edit(data, '"{months} months apart. {dates}"', '"{months} months lie between them. {dates}"')
    _edit(data, 'verdict_yes: "Yes"', 'verdict_yes: "Indeed"')
    engine = Engine.load(data / "facts", data / "intents")
    reply, _ = engine.reply(question, Context())
    assert reply.text == before.text.replace("8 months apart.", "8 months lie between them.")
    order, _ = engine.reply("did Ofsted stop evaluating SCRs before the Working Together revisions?", Context())
    assert order.text.startswith("Indeed: Ofsted stopped evaluating SCRs came before Working Together guidance")
