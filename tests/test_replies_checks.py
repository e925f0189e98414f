"""The yes/no checks' sentences come from intents/replies/checks.yaml: rewording one there rewords the answer."""

from __future__ import annotations

from pathlib import Path

from wording import reword

from bot.conversation import Context
from bot.engine import Engine

ROOT = Path(__file__).resolve().parent.parent


def test_a_check_is_worded_as_the_data_says(data):
    question = "how many months between Ofsted stopping and the Working Together revision?"
    before, _ = Engine.load(data / "facts", data / "intents").reply(question, Context())
    assert before.text.startswith("8 months apart. Ofsted stopped evaluating SCRs: July 2012.")
    reword(data, "checks", '"{months} months apart. {dates}"', '"{months} months lie between them. {dates}"')
    reword(data, "checks", 'verdict_yes: "Yes"', 'verdict_yes: "Indeed"')
    engine = Engine.load(data / "facts", data / "intents")
    reply, _ = engine.reply(question, Context())
    assert reply.text == before.text.replace("8 months apart.", "8 months lie between them.")
    order, _ = engine.reply("did Ofsted stop evaluating SCRs before the Working Together revisions?", Context())
    assert order.text.startswith("Indeed: Ofsted stopped evaluating SCRs came before Working Together guidance")
