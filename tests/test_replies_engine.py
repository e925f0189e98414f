"""The answers the engine composes itself (who said words put to it, follow-ups on the last answer) are worded from
intents/replies/answers_engine.yaml: rewording one in a copied data folder changes the bot's answer and nothing
else."""

from __future__ import annotations

from pathlib import Path

from wording import reword

from bot.conversation import Context
from bot.engine import Engine

ROOT = Path(__file__).resolve().parent.parent


WOOLMORE = "Sue Woolmore (chair of the Association of Independent Local Safeguarding Children Board Chairs)"
QUOTE = ("“Commissioning and publishing a SCR was a big challenge as the process was very prescriptive for Local "
         "Safeguarding Children Boards (LSCBs).”")


def test_a_quote_put_to_the_bot_and_its_verdict_are_worded_as_the_data_says(data):
    question = "Did Woolmore call it 'a big challenge'?"
    shipped, _ = Engine.load(data / "facts", data / "intents").reply(question, Context())
    assert shipped.text == f"Yes. {WOOLMORE} said it: {QUOTE}"
    reword(data, "answers_engine", 'confirmed: "Yes. {answer}"', 'confirmed: "Quite right. {answer}"')
    reword(data, "answers_engine", 'said_it: "{name} ({role}) said it: “{quote}”"',
           'said_it: "In the words of {name}, {role}: “{quote}”"')
    reworded, _ = Engine.load(data / "facts", data / "intents").reply(question, Context())
    assert reworded.text == ("Quite right. In the words of Sue Woolmore, chair of the Association of Independent "
                             f"Local Safeguarding Children Board Chairs: {QUOTE}")


def test_a_follow_up_on_the_last_figure_and_a_choice_word_are_worded_as_the_data_says(data):
    reword(data, "answers_engine", 'highest: "highest"', 'highest: "largest"')
    reword(data, "answers_engine", "The article doesn't judge it; set against",
           "Whether that is a lot is not said; beside")
    engine = Engine.load(data / "facts", data / "intents")
    _, context = engine.reply("How many were published in 2013/14?", Context())
    highest, _ = engine.reply("Is that the highest?", context)
    assert highest.text == "Yes: 71 is the largest number of SCRs published in any year the article gives."
    judged, _ = engine.reply("is that a lot?", context)
    assert judged.text.startswith("Whether that is a lot is not said; beside the other years it gives:\nSCRs published")
