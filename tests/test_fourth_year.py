"""Adding a year is a data change only: a copy of facts/ with a second source document holding 2014/15
is understood at once, and its answers cite that document."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from bot.conversation import Context
from bot.engine import Engine

ROOT = Path(__file__).resolve().parent.parent
SENTENCE = ("Between April 2014 and March 2015 there were 200 serious case reviews commissioned "
            "and 90 published.")


@pytest.fixture(scope="module")
def four_years(tmp_path_factory) -> Engine:
    facts = tmp_path_factory.mktemp("four_years") / "facts"
    shutil.copytree(ROOT / "facts", facts)

    # A new source document holds the new year; the article is not touched.
    (facts / "example-2015.txt").write_text(SENTENCE + "\n", encoding="utf-8")
    sources = facts / "sources.yaml"
    sources.write_text(sources.read_text(encoding="utf-8") + (
        "  - id: example-2015\n"
        "    file: example-2015.txt\n"
        '    title: "An example"\n'
        '    publisher: ""\n'
        '    date: ""\n'
        '    url: ""\n'
    ), encoding="utf-8")

    periods = facts / "periods.yaml"
    periods.write_text(periods.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + (
        '  - id: "2014/15"\n'
        '    label: "2014/15"\n'
        "    start: 2014-04-01\n"
        "    end: 2015-03-31\n"
        "    aliases: []\n"
        '    source: "Between April 2014 and March 2015 there were 200 serious case reviews commissioned"\n'
    ), encoding="utf-8")

    # The figures: list is the last thing in figures.yaml: a new row is appended at the end.
    figures = facts / "figures.yaml"
    figures.write_text(figures.read_text(encoding="utf-8") + (
        '  - period: "2014/15"\n'
        "    commissioned: 200\n"
        "    published: 90\n"
        f'    source: "{SENTENCE}"\n'
    ), encoding="utf-8")

    return Engine.load(facts, ROOT / "intents")


def ask(engine: Engine, question: str, context: Context | None = None):
    return engine.reply(question, context or Context(), now=1_000_000.0)


def test_the_copy_has_four_periods(four_years):
    assert [p.id for p in four_years.facts.periods] == ["2011/12", "2012/13", "2013/14", "2014/15"]
    assert four_years.facts.value("2014/15", "published").value == 90
    assert four_years.facts.value("2014/15", "commissioned").value == 200


@pytest.mark.parametrize("spelling", ["2014/15", "2014-15", "2014/2015", "14/15", "fy15",
                                      "between April 2014 and March 2015", "the year to March 2015"])
def test_published_in_the_new_year(four_years, spelling):
    reply, _ = ask(four_years, f"how many SCRs were published in {spelling}?")
    assert reply.intent == "figures.count"
    assert reply.entities["periods"] == ["2014/15"]
    assert re.search(r"\b90\b", reply.text)
    assert any(SENTENCE.rstrip(".") in s.text and s.source == "example-2015" for s in reply.sources)


def test_latest_year_is_now_2014_15(four_years):
    reply, _ = ask(four_years, "how many SCRs were commissioned in the latest year?")
    assert reply.entities["periods"] == ["2014/15"]
    assert re.search(r"\b200\b", reply.text)


def test_the_previous_year_of_the_new_one(four_years):
    _, context = ask(four_years, "how many SCRs were published in 2014/15?")
    reply, _ = ask(four_years, "and the previous year?", context)
    assert reply.entities["periods"] == ["2013/14"]
    assert re.search(r"\b71\b", reply.text)


def test_change_into_the_new_year(four_years):
    reply, _ = ask(four_years, "how much did published SCRs rise from 2013/14 to 2014/15?")
    assert reply.intent == "figures.change"
    assert re.search(r"\b19\b", reply.text)  # 90 - 71
    assert "26.8%" in reply.text  # 19 / 71


def test_totals_and_coverage_include_the_new_year(four_years):
    total, _ = ask(four_years, "how many SCRs were commissioned in total?")
    assert re.search(r"\b450\b", total.text)  # 55 + 81 + 114 + 200
    covered, _ = ask(four_years, "which years do you have figures for?")
    assert "2014/15" in covered.text
    assert re.search(r"\b4\b", covered.text)


def test_calendar_2014_now_spans_two_years_with_data(four_years):
    reply, _ = ask(four_years, "how many SCRs were published in 2014?")
    assert reply.entities["periods"] == ["2013/14", "2014/15"]
    assert "71" in reply.text and "90" in reply.text


def test_no_invented_numbers_with_the_new_year(four_years):
    from test_answers import assert_figures_are_sourced, assert_no_invented_numbers

    for question in ["what is the trend?", "how much did SCRs rise year on year?",
                     "what was the publication rate each year?", "How many SCRs in total?",
                     "which year had the most SCRs published?"]:
        reply, _ = ask(four_years, question)
        assert reply.kind == "answer", question
        assert_no_invented_numbers(reply, four_years.facts)
        assert_figures_are_sourced(reply, four_years.facts)


def test_the_shipped_engine_still_declines_2014_15(engine):
    reply, _ = ask(engine, "how many SCRs were published in 2014/15?")
    assert reply.intent is None
    assert "2014/15" in reply.text
    for label in ("2011/12", "2012/13", "2013/14"):
        assert label in reply.text
    assert "90" not in reply.text


def test_the_shipped_latest_year_is_still_2013_14(engine):
    reply, _ = ask(engine, "how many SCRs were published in the latest year?")
    assert reply.entities["periods"] == ["2013/14"]
