"""Reading periods (`read_periods`) and finding them in the data (`resolve`).

Inputs go through `normalise` first, as they do in the engine, so unicode dashes and capitals
are covered too.
"""

from __future__ import annotations

import re

import pytest

from bot.understanding.normalise import normalise
from bot.understanding.periods import PeriodRef, fy_label, read_periods, resolve


@pytest.fixture(scope="module")
def periods(engine):
    return engine.facts.periods


def read(text: str) -> tuple[list[PeriodRef], str]:
    return read_periods(normalise(text))


def one(text: str) -> PeriodRef:
    refs, _ = read(text)
    assert len(refs) == 1, f"{text!r} gave {refs}"
    return refs[0]


def test_shipped_periods_are_the_three_financial_years(periods):
    assert [p.id for p in periods] == ["2011/12", "2012/13", "2013/14"]


# -- every spelling of a financial year --------------------------------------------------------
FY_2013_14 = [
    "2013/14",
    "2013-14",
    "2013–14",  # en dash, folded by normalise
    "2013—14",  # em dash
    "2013/2014",
    "2013-2014",
    "2013 to 2014",
    "2013 14",
    "13/14",
    "13-14",
    "FY2013/14",
    "FY 2013/14",
    "fy-2013/14",
    "F/Y 2013/14",
    "financial year 2013/14",
    "FY 13/14",
    "fy14",
    "FY14",
    "fy2014",
    "between April 2013 and March 2014",
    "from April 2013 to March 2014",
    "April 2013 to March 2014",
    "between Apr 2013 and Mar 2014",
    "between 2013 and 2014",
    "the year to March 2014",
    "year ending March 2014",
    "the year ended March 2014",
    "the financial year ending March 2014",
    "the 12 months to March 2014",
]


@pytest.mark.parametrize("spelling", FY_2013_14)
def test_every_spelling_of_a_financial_year_is_read(spelling: str, periods):
    ref = one(spelling)
    assert ref.kind == "fy"
    assert ref.year == 2013
    assert ref.label == "2013/14"
    assert resolve(ref, periods).ids == ("2013/14",)
    assert resolve(ref, periods).missing == ()


@pytest.mark.parametrize("spelling", FY_2013_14)
def test_a_period_is_cut_out_of_the_question(spelling: str):
    refs, rest = read(f"how many SCRs were published in {spelling}?")
    assert [r.kind for r in refs] == ["fy"]
    assert rest.startswith("how many scrs were published")
    assert not re.search(r"\d", rest), rest


@pytest.mark.parametrize(
    ("spelling", "period"),
    [("2011/12", "2011/12"), ("11/12", "2011/12"), ("2011-2012", "2011/12"), ("fy12", "2011/12"),
     ("2012/13", "2012/13"), ("12-13", "2012/13"), ("the year to March 2013", "2012/13"),
     ("between April 2012 and March 2013", "2012/13"), ("2012 to 2013", "2012/13")],
)
def test_spellings_of_the_other_years(spelling: str, period: str, periods):
    assert resolve(one(spelling), periods).ids == (period,)


def test_several_periods_are_read_in_the_order_asked():
    refs, rest = read("compare 2013/14 with 2011/12")
    assert [r.label for r in refs] == ["2013/14", "2011/12"]
    assert rest == "compare with"


@pytest.mark.parametrize("text", ["how many SCRs were published", "71 were published", "up to 20 years",
                                  "she gives 2 reasons", "what does LSCB stand for"])
def test_text_without_a_period_reads_none(text: str):
    refs, rest = read(text)
    assert refs == []
    assert rest == normalise(text)


@pytest.mark.parametrize(("start", "label"), [(2013, "2013/14"), (1999, "1999/00"), (2009, "2009/10")])
def test_fy_label(start: int, label: str):
    assert fy_label(start) == label


# -- latest, first, all ------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["latest year", "the latest figures", "most recent year", "the most recent figures",
                                  "the newest data", "the latest year in the data", "most recent"])
def test_latest(text: str, periods):
    ref = one(text)
    assert ref.kind == "latest"
    assert resolve(ref, periods).ids == ("2013/14",)


@pytest.mark.parametrize("text", ["first year", "the first year", "the earliest year", "earliest", "the oldest period"])
def test_first(text: str, periods):
    ref = one(text)
    assert ref.kind == "first"
    assert resolve(ref, periods).ids == ("2011/12",)


@pytest.mark.parametrize("text", ["each year", "every year", "all years", "by year", "year on year", "over time"])
def test_all_years(text: str, periods):
    ref = one(text)
    assert ref.kind == "all"
    assert resolve(ref, periods).ids == ("2011/12", "2012/13", "2013/14")


# -- relative to an anchor ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "anchor", "ids", "missing"),
    [
        ("the previous year", "2013/14", ("2012/13",), ()),
        ("the previous year", "2012/13", ("2011/12",), ()),
        ("the year before", "2013/14", ("2012/13",), ()),
        ("before that", "2012/13", ("2011/12",), ()),
        ("the prior year", "2013/14", ("2012/13",), ()),
        ("the previous year", "2011/12", (), ("2010/11",)),  # before the first year: named, not invented
        ("the next year", "2011/12", ("2012/13",), ()),
        ("the following year", "2012/13", ("2013/14",), ()),
        ("the year after", "2011/12", ("2012/13",), ()),
        ("after that", "2012/13", ("2013/14",), ()),
        ("the next year", "2013/14", (), ("2014/15",)),  # after the latest year
    ],
)
def test_previous_and_next_relative_to_an_anchor(text, anchor, ids, missing, periods):
    ref = one(text)
    assert ref.kind in ("previous", "next")
    found = resolve(ref, periods, anchor)
    assert found.ids == ids
    assert found.missing == missing


@pytest.mark.parametrize("text", ["the previous year", "the next year", "the year before"])
def test_previous_and_next_without_an_anchor_find_nothing(text: str, periods):
    found = resolve(one(text), periods, None)
    assert found.ids == ()
    assert found.missing  # reported as missing, so the bot can say so


@pytest.mark.parametrize(("anchor", "ids"), [("2013/14", ("2012/13",)), ("2012/13", ("2011/12",))])
def test_last_year_in_a_follow_up_means_the_previous_year(anchor: str, ids: tuple[str, ...], periods):
    ref = one("last year")
    assert ref.kind == "last"
    assert resolve(ref, periods, anchor).ids == ids


@pytest.mark.parametrize("anchor", [None, "2099/00"])
def test_last_year_without_an_anchor_is_not_a_year_in_the_data(anchor, periods):
    found = resolve(one("last year"), periods, anchor)
    assert found.ids == ()
    assert found.missing


# -- calendar years and months -----------------------------------------------------------------
def test_calendar_year_2013_is_both_financial_years_with_a_note(periods):
    ref = one("2013")
    assert ref.kind == "cy"
    found = resolve(ref, periods)
    assert found.ids == ("2012/13", "2013/14")
    assert found.missing == ()
    assert "calendar year" in found.note
    assert "2012/13" in found.note and "2013/14" in found.note


def test_calendar_year_2011_has_one_financial_year_and_names_the_missing_one(periods):
    found = resolve(one("in 2011"), periods)
    assert found.ids == ("2011/12",)
    assert found.missing == ("2010/11",)
    assert "2010/11" in found.note and "2011/12" in found.note


def test_calendar_year_2014_has_one_financial_year_and_names_the_missing_one(periods):
    found = resolve(one("in 2014"), periods)
    assert found.ids == ("2013/14",)
    assert found.missing == ("2014/15",)


def test_calendar_year_with_no_data(periods):
    found = resolve(one("2010"), periods)
    assert found.ids == ()
    assert found.missing == ("2009/10", "2010/11")


@pytest.mark.parametrize(("text", "period"), [("July 2012", "2012/13"), ("March 2013", "2012/13"),
                                              ("April 2013", "2013/14"), ("in jan 2012", "2011/12")])
def test_a_month_falls_in_its_financial_year(text: str, period: str, periods):
    ref = one(text)
    assert ref.kind == "month"
    found = resolve(ref, periods)
    assert found.ids == (period,)
    assert period in found.note


# -- years with no data and unreadable periods -------------------------------------------------
@pytest.mark.parametrize(("text", "label"), [("2010/11", "2010/11"), ("2014/15", "2014/15"), ("2015-16", "2015/16"),
                                             ("fy2016", "2015/16"), ("the year to March 2011", "2010/11"),
                                             ("between April 2020 and March 2021", "2020/21"), ("1999/00", "1999/00")])
def test_years_with_no_data_are_named_as_missing(text: str, label: str, periods):
    ref = one(text)
    assert ref.kind == "fy"
    found = resolve(ref, periods)
    assert found.ids == ()
    assert found.missing == (label,)


@pytest.mark.parametrize("text", ["2013/1400000", "2013/15", "2013/2015", "2012/14", "2014/13", "14/13", "2013/4",
                                  "12345", "between April 2013 and March 2015", "between March 2013 and April 2014"])
def test_unreadable_periods_are_bad(text: str, periods):
    ref = one(text)
    assert ref.kind == "bad"
    assert resolve(ref, periods).ids == ()


def test_a_triple_year_is_unreadable():
    # Regression: at bd04f32 this was not read at all, so the question was answered for every year.
    refs, _ = read("published in 2013/14/15")
    assert [r.kind for r in refs] == ["bad"]


def test_two_digit_years_across_the_century():
    # Regression: at bd04f32 '99/00' was read as 2099/00.
    ref = one("99/00")
    assert ref.kind == "fy"
    assert ref.year == 1999
