"""The sentences around what the bot quotes from the article come from intents/replies/passages.yaml: rewording one
there rewords the answer."""

from __future__ import annotations

from pathlib import Path

from wording import reword

from bot.conversation import Context
from bot.engine import Engine

ROOT = Path(__file__).resolve().parent.parent


def test_a_quoted_answer_is_worded_as_the_data_says(data):
    question = "is Woolmore the one who said SCRs dropped sharply in 2011?"
    before, _ = Engine.load(data / "facts", data / "intents").reply(question, Context())
    assert before.text.startswith("No: the article doesn't report Sue Woolmore saying that. The article says: “In 2011")
    reword(data, "passages", '"No: the article doesn\'t report {name} saying that."',
           '"No: {name} is not reported saying so."')
    reword(data, "passages", '"The article says: {sentence}"', '"In the article\'s words: {sentence}"')
    reply, _ = Engine.load(data / "facts", data / "intents").reply(question, Context())
    assert reply.text.startswith("No: Sue Woolmore is not reported saying so. In the article's words: “In 2011")
    assert reply.text.endswith(before.text.split("“", 1)[1])
