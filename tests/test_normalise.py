"""Normalisation: what a question looks like before it is read, whatever the user typed or pasted."""

from __future__ import annotations

import time

import pytest

from bot.conversation import Context
from bot.understanding.normalise import normalise, tokens


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # case
        ("How MANY SCRs", "how many scrs"),
        ("HOW MANY SCRS WERE PUBLISHED", "how many scrs were published"),
        # punctuation
        ("how many SCRs?!", "how many scrs"),
        ("how many SCRs???", "how many scrs"),
        ("...how many, SCRs; were published!", "how many scrs were published"),
        ("(how many) [SCRs] {published}", "how many scrs published"),
        ("how many scrs - published", "how many scrs published"),
        # repeated spaces, tabs, newlines
        ("how   many\t\tSCRs\n\nwere  published", "how many scrs were published"),
        ("   how many SCRs   ", "how many scrs"),
        # unicode quotes become ASCII apostrophes; double quotes go
        ("children’s minister", "children's minister"),
        ("who’s Timpson", "who's timpson"),
        ("what does “LSCB” mean", "what does lscb mean"),
        ("‘Working Together’", "working together"),
        # word hyphens split words; accents fold; full-width letters fold
        ("serious-case reviews", "serious case reviews"),
        ("café", "cafe"),
        ("ｈｏｗ ｍａｎｙ", "how many"),
        # & and % are words
        ("commissioned & published", "commissioned and published"),
        ("what % were published", "what percent were published"),
    ],
)
def test_case_punctuation_spaces_and_quotes(raw: str, expected: str):
    assert normalise(raw) == expected


@pytest.mark.parametrize("dash", ["-", "–", "—", "‐", "‑", "‒", "―", "−", "－"])
def test_unicode_dashes_in_a_financial_year_become_a_hyphen(dash: str):
    assert normalise(f"published in 2013{dash}14") == "published in 2013-14"


@pytest.mark.parametrize("slash", ["/", "⁄", "∕", "／"])
def test_unicode_slashes_in_a_financial_year_become_a_slash(slash: str):
    assert normalise(f"published in 2013{slash}14") == "published in 2013/14"


@pytest.mark.parametrize("text", ["2013/14", "2013-14", "13/14", "fy2013/14", "2013/2014"])
def test_period_punctuation_survives(text: str):
    assert normalise(f"in {text}?") == f"in {text}"


def test_possessive_apostrophe_survives_and_stays_with_its_word():
    assert normalise("Timpson's view") == "timpson's view"
    assert tokens(normalise("Timpson's view.")) == ["timpson's", "view"]


@pytest.mark.parametrize(
    "raw",
    [
        "how many 😀 SCRs 🎉 were published",
        "how many SCRs 👍🏽 were published",  # emoji with a skin-tone modifier
        "how many SCRs 👨‍👩‍👧 were published",  # a ZWJ sequence
        "how many SCRs 🇬🇧 were published",  # a flag (regional indicators)
        "how many ★ SCRs ☺ were published ✔",
    ],
)
def test_emoji_and_symbols_are_dropped(raw: str):
    assert normalise(raw) == "how many scrs were published"


@pytest.mark.parametrize(
    "raw",
    [
        "@scrbot how many SCRs were published",
        "@ScrBot how many SCRs were published",
        "how many SCRs were published @scrbot",
        "/ask how many SCRs were published",
        "/ASK how many SCRs were published",
        "/ask@scrbot how many SCRs were published",
        "/ask@SCR_Bot how many SCRs were published",
        "  /ask   how many SCRs were published",
        "/ask @scrbot how many SCRs were published",
    ],
)
def test_bot_mentions_and_command_prefixes_are_removed(raw: str):
    assert normalise(raw) == "how many scrs were published"


def test_ask_in_the_middle_of_a_sentence_is_just_a_word():
    assert normalise("can I ask how many were published") == "can i ask how many were published"


@pytest.mark.parametrize(
    "raw",
    [
        "<b>how many</b> SCRs were <i>published</i>",
        "how many <a href=\"https://example.org\">SCRs</a> were published",
        "how many<br/>SCRs were published",
        "<p>how many SCRs were published</p>",
        "how many <span class='x'>SCRs</span> were published",
    ],
)
def test_html_tags_are_removed(raw: str):
    assert normalise(raw) == "how many scrs were published"


@pytest.mark.parametrize(
    "char",
    ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u200e", "\u200f", "\u202a", "\u202b",
     "\u202c", "\u202e", "\u2066", "\u2067", "\u2069"],
    ids=lambda c: f"U+{ord(c):04X}",
)
def test_invisible_characters_between_words_vanish(char: str):
    assert normalise(f"{char}how many{char} SCRs {char}were published{char}") == "how many scrs were published"


# Regression: at bd04f32 these became spaces and split the word ("Tim\u200dpson" -> "tim pson").
@pytest.mark.parametrize(
    "char",
    ["\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u200e", "\u200f", "\u202c", "\u2069"],
    ids=lambda c: f"U+{ord(c):04X}",
)
def test_invisible_characters_inside_a_word_do_not_split_it(char: str):
    assert normalise(f"who is Tim{char}pson") == "who is timpson"


# Regression: at bd04f32 "who is Tim\u200dpson?" was declined and "2013/1\u200e4" was "not a period".
@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("who is Tim\u200dpson?", "people.who"),
        ("who is Wool\u00admore?", "people.who"),
        ("how many SCRs were published in 2013/1\u200e4?", "figures.count"),
    ],
)
def test_invisible_characters_inside_words_do_not_change_the_answer(engine, question: str, intent: str):
    reply, _ = engine.reply(question, Context())
    assert reply.intent == intent


def test_rtl_marks_around_a_question_do_not_change_the_answer(engine):
    reply, _ = engine.reply("\u200fhow many SCRs were published in 2013/14?\u200f", Context())
    assert reply.intent == "figures.count"
    assert "71" in reply.text


@pytest.mark.parametrize("raw", ["", "   ", "?!?", "😀😀😀", "<b></b>", "@scrbot", "/ask", "\u200b\u200f"])
def test_nothing_left_gives_an_empty_string(raw: str):
    assert normalise(raw) == ""


def test_ten_thousand_emoji_return_quickly():
    start = time.perf_counter()
    assert normalise("😀" * 10_000) == ""
    assert time.perf_counter() - start < 0.5


def test_ten_thousand_emoji_through_the_engine_is_a_polite_reply(engine):
    start = time.perf_counter()
    reply, _ = engine.reply("😀" * 10_000, Context())
    assert time.perf_counter() - start < 1.0
    assert reply.intent is None
    assert reply.text


def test_very_long_text_is_cut_and_returns_quickly(engine):
    start = time.perf_counter()
    text = normalise("how many SCRs were published " * 2_000)
    assert len(text) <= 1_000
    engine.reply("how many SCRs were published in 2013/14 " * 500, Context())
    assert time.perf_counter() - start < 2.0


@pytest.mark.parametrize(
    "raw",
    ["How many SCRs were published in 2013–14?", "  how MANY scrs   were published in 2013-14 ",
     "/ask@scrbot how many SCRs were published in 2013—14 😀", "<b>how many SCRs</b> were published in 2013-14"],
)
def test_normalise_is_idempotent(raw: str):
    once = normalise(raw)
    assert normalise(once) == once
