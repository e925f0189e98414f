"""Small things a reader notices: the timeline's order, sentences with verbs, a reading said to be
the bot's, an outside subject named as asked, and the data errors' wording."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
from test_cli import scrbot

from bot.conversation import Context
from bot.engine import Engine
from bot.knowledge.errors import DataError

ROOT = Path(__file__).resolve().parent.parent


def ask(engine: Engine, question: str) -> str:
    return engine.reply(question, Context())[0].text


def test_the_timeline_puts_the_2013_panel_after_march_2013(engine: Engine) -> None:
    text = ask(engine, "timeline")
    assert text.index("March 2013: Working Together") < text.index("2013: Serious Case Review panel")
    assert text.index("2012: The rise began") < text.index("July 2012: Ofsted")


def test_between_2011_and_2012_is_said_to_be_the_bots_reading(engine: Engine) -> None:
    text = ask(engine, "how many SCRs were published in 2011/12?")
    assert "12 SCRs were published" in text
    assert 'The article says "between 2011 and 2012"; I read that as the financial year 2011/12' in text
    assert "I read that" not in ask(engine, "how many SCRs were published in 2013/14?")


def test_a_total_is_a_sentence_with_a_verb(engine: Engine) -> None:
    assert "250 SCRs were commissioned (55 + 81 + 114) and 114 were published (12 + 31 + 71)." in ask(
        engine, "what is the total?")
    assert "In 2013/14, 71 SCRs were published (a single year" in ask(engine, "total published in 2013/14")


def test_terms_and_outside_subjects_read_as_sentences(engine: Engine) -> None:
    working_together = ask(engine, "what is working together?")
    assert "Guidance whose" not in working_together and "It is guidance;" in working_together
    weather = ask(engine, "what's the weather like?")
    assert "Weather" not in weather and "doesn't cover weather." in weather
    assert "doesn't cover Scotland." in ask(engine, "how many SCRs were published in Scotland in 2013/14?")


def _intents_copy(tmp_path: Path) -> Path:
    intents = tmp_path / "intents"
    shutil.copytree(ROOT / "intents", intents)
    past = time.time() - 86400
    for path in intents.iterdir():
        os.utime(path, (past, past))
    return intents


@pytest.mark.parametrize("template", ["why did it rise", "what drove the rise"])
def test_a_colliding_template_is_reported_once_at_the_new_line(tmp_path: Path, template: str) -> None:
    intents = _intents_copy(tmp_path)
    figures = intents / "figures.yaml"
    lines = figures.read_text(encoding="utf-8").split("\n")
    at = lines.index("      - how many did lscbs publish") + 1
    lines.insert(at, f"      - {template}")
    figures.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        Engine.load(ROOT / "facts", intents)
    collisions = [p for p in caught.value.problems if "collides" in p.message]
    assert len(collisions) == 1, caught.value.report()
    assert collisions[0].path == figures and collisions[0].line == at + 1
    assert f"template '{template}' of figures.count collides with" in collisions[0].message


def test_run_with_bad_data_does_not_announce_that_it_is_starting(tmp_path: Path) -> None:
    result = scrbot("run", "--facts", str(tmp_path / "nowhere"), cwd=tmp_path)
    assert result.returncode == 2
    assert "starting" not in result.stderr.lower()
    assert f"Run 'scrbot check --facts {tmp_path / 'nowhere'}' after editing." in result.stderr


def test_did_you_mean_offers_no_unrelated_person(engine: Engine) -> None:
    reply, _ = engine.reply("show me a chart", Context())
    assert "Sue Woolmore" not in reply.text  # "chart" is read as "chair", but nobody was asked about
    assert all("Woolmore" not in s.text for s in reply.suggestions)


def test_did_you_mean_names_the_person_asked_about(engine: Engine) -> None:
    from bot.answers.meta import tailored

    facts = engine.facts
    assert tailored(facts, "Who is Sue Woolmore?", ["edward_timpson"]) == "Who is Edward Timpson?"
    assert tailored(facts, "What did Sue Woolmore say?", ["eileen_munro"]) == "What did Professor Eileen Munro say?"
    assert tailored(facts, "Who is Sue Woolmore?", []) == "Who is Sue Woolmore?"
