"""The figures the bot works out are worded from intents/replies/algebra.yaml: rewording a sentence, or the
verdict word before it, in a copied data folder changes the bot's answer and nothing else."""

from __future__ import annotations

from pathlib import Path

from wording import reword

from bot.conversation import Context
from bot.engine import Engine

ROOT = Path(__file__).resolve().parent.parent


def test_a_worked_out_figure_and_its_verdict_are_worded_as_the_data_says(data):
    question = "Did published SCRs more than double between 2012/13 and 2013/14?"
    shipped, _ = Engine.load(data / "facts", data / "intents").reply(question, Context())
    assert shipped.text == "Yes. SCRs published: 31 in 2012/13 to 71 in 2013/14, 2.3 times as many (more than double)."
    reword(data, "algebra", '"yes": "Yes"', '"yes": "Indeed"')
    reword(data, "algebra", "{times} times as many ({against}).", "{times} times the earlier figure ({against}).")
    reworded, _ = Engine.load(data / "facts", data / "intents").reply(question, Context())
    assert reworded.text == ("Indeed. SCRs published: 31 in 2012/13 to 71 in 2013/14, 2.3 times the earlier figure "
                             "(more than double).")


def test_a_choice_word_inside_a_sentence_is_worded_as_the_data_says(data):
    reword(data, "algebra", 'not_published: "not published"', 'not_published: "left unpublished"')
    reword(data, "algebra", 'published: "published"', 'published: "that were published"')
    engine = Engine.load(data / "facts", data / "intents")
    reply, _ = engine.reply("What share of SCRs commissioned in 2013/14 were published?", Context())
    assert reply.text == ("In 2013/14, 71 SCRs were published and 114 commissioned: 62.3% that were published "
                          "(as a share of commissioned in the same year).")
