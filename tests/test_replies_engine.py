"""The answers the engine composes itself (who said words put to it, follow-ups on the last answer) are worded from
intents/replies/answers_engine.yaml: rewording one in a copied data folder changes the bot's answer and nothing
else."""

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
    """Replace one line's text in the copied intents/replies/answers_engine.yaml."""
    path = data / "intents" / "replies" / "answers_engine.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if old in line)
    lines[at] = lines[at].replace(old, new)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


WOOLMORE = "Sue Woolmore (chair of the Association of Independent Local Safeguarding Children Board Chairs)"
QUOTE = ("“Commissioning and publishing a SCR was a big challenge as the process was very prescriptive for Local "
         "Safeguarding Children Boards (LSCBs).”")


def test_a_quote_put_to_the_bot_and_its_verdict_are_worded_as_the_data_says(data):
    question = "Did Woolmore call it 'a big challenge'?"
    shipped, _ = Engine.load(data / "facts", data / "intents").reply(question, Context())
    assert shipped.text == f"Yes. {WOOLMORE} said it: {QUOTE}"
    _edit(data, 'confirmed: "Yes. {answer}"', 'confirmed: "Quite right. {answer}"')
    _edit(data, 'said_it: "{name} ({role}) said it: “{quote}”"', 'said_it: "In the words of {name}, {role}: “{quote}”"')
    reworded, _ = Engine.load(data / "facts", data / "intents").reply(question, Context())
    assert reworded.text == ("Quite right. In the words of Sue Woolmore, chair of the Association of Independent "
                             f"Local Safeguarding Children Board Chairs: {QUOTE}")


def test_a_follow_up_on_the_last_figure_and_a_choice_word_are_worded_as_the_data_says(data):
    _edit(data, 'highest: "highest"', 'highest: "largest"')
    _edit(data, "The article doesn't judge it; set against", "Whether that is a lot is not said; beside")
    engine = Engine.load(data / "facts", data / "intents")
    _, context = engine.reply("How many were published in 2013/14?", Context())
    highest, _ = engine.reply("Is that the highest?", context)
    assert highest.text == "Yes: 71 is the largest number of SCRs published in any year the article gives."
    judged, _ = engine.reply("is that a lot?", context)
    assert judged.text.startswith("Whether that is a lot is not said; beside the other years it gives:\nSCRs published")
