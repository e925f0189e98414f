"""The sentences of the figures, people, events, reasons and terms answers come from intents/replies/ (one file
per section): rewording one in a copied data folder changes what the bot answers, with no code changed."""

from __future__ import annotations

from pathlib import Path

from wording import reword

from bot.conversation import Context
from bot.engine import Engine

ROOT = Path(__file__).resolve().parent.parent


def _answer(data: Path, question: str) -> str:
    reply, _ = Engine.load(data / "facts", data / "intents").reply(question, Context())
    return reply.text


def test_a_figures_answer_is_worded_as_the_data_says(data):
    question = "Which year had the most SCRs commissioned?"
    assert _answer(data, question).startswith("Most SCRs commissioned: 114 in 2013/14.")
    reword(data, "figures", "Most SCRs {measure}: {n} in {periods}.", "The peak for SCRs {measure}: {n}, in {periods}.")
    assert _answer(data, question).startswith("The peak for SCRs commissioned: 114, in 2013/14.")


def test_a_people_answer_and_its_follow_up_are_worded_as_the_data_says(data):
    reword(data, "people", "The people named in the article:", "The article names these people:")
    reword(data, "people", "What did she say?", "And what did she say?")
    engine = Engine.load(data / "facts", data / "intents")
    named, _ = engine.reply("Which people are named in the article?", Context())
    assert named.text.startswith("The article names these people:\n• Edward Timpson: children's minister")
    who, _ = engine.reply("Who is Sue Woolmore?", Context())
    assert [s.text for s in who.suggestions] == ["And what did she say?"]


def test_the_timeline_is_worded_as_the_data_says(data):
    reword(data, "events", "Key events, in order:", "The key events, oldest first:")
    assert _answer(data, "show me a timeline").startswith("The key events, oldest first:\n• 2011: ")


def test_the_reasons_are_worded_as_the_data_says(data):
    reword(data, "reasons", "{speaker}, gives {n} reasons for the rise:", "{speaker}, names {n} causes of the rise:")
    text = _answer(data, "why did the number of SCRs rise?")
    assert text.startswith("Sue Woolmore, chair of the Association of Independent Local Safeguarding Children Board "
                           "Chairs, names two causes of the rise:\n1. ")


def test_a_definition_is_worded_as_the_data_says(data):
    reword(data, "terms", "{term} stands for {stands_for}. {about}", "{term} is short for {stands_for}. {about}")
    reword(data, "terms", "Yes. {line}", "Quite right. {line}")
    engine = Engine.load(data / "facts", data / "intents")
    asked, _ = engine.reply("what does LSCB stand for?", Context())
    assert asked.text.startswith("LSCB is short for Local Safeguarding Children Board. ")
    checked, _ = engine.reply("does LSCB stand for Local Safeguarding Children Board?", Context())
    assert checked.text.startswith("Quite right. LSCB is short for Local Safeguarding Children Board. ")
