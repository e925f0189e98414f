"""Conversations: follow-ups lean on the last answer; new questions, idle time and noise behave."""

from __future__ import annotations

import re

import pytest

import bot.engine
from bot.conversation import Context
from bot.reply import Reply

START = 1_000_000.0  # a fixed clock, so context expiry is deterministic
IDLE_TTL = getattr(bot.engine, "CONTEXT_TTL", 30 * 60)


class Wait:
    """A pause in a transcript: `say(engine, "q1", Wait(3600), "q2")`."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds


def say(engine, *lines: str | Wait, context: Context | None = None, roundtrip: bool = False) -> list[Reply]:
    """Run a conversation, carrying the context between turns; one reply per line.

    Turns are a second apart unless a `Wait` says otherwise. With `roundtrip`, the context goes
    through `to_dict`/`from_dict` between turns, as an adapter's store would keep it.
    """
    context = context or Context()
    now = START
    replies: list[Reply] = []
    for line in lines:
        if isinstance(line, Wait):
            now += line.seconds
            continue
        reply, context = engine.reply(line, context, now=now)
        if roundtrip:
            context = Context.from_dict(context.to_dict())
        replies.append(reply)
        now += 1.0
    return replies


def numbers(reply: Reply) -> set[str]:
    text = re.sub(r"\d{4}/\d{2}", " ", reply.text)  # period labels are not figures
    return set(re.findall(r"\d[\d,]*(?:\.\d+)?", text))


# -- figures follow-ups ------------------------------------------------------------------------
def test_previous_year_then_the_other_measure(engine):
    replies = say(
        engine,
        "how many SCRs were published in 2013/14?",
        "and the previous year?",
        "and the year before that?",
        "what about commissioned ones?",
    )
    latest, previous, before, commissioned = replies
    assert "71" in numbers(latest)
    assert previous.intent == "figures.count"
    assert previous.entities["periods"] == ["2012/13"] and "31" in numbers(previous)
    assert "81" not in numbers(previous)  # the measure carried: published only
    assert before.entities["periods"] == ["2011/12"] and "12" in numbers(before)
    assert commissioned.entities["periods"] == ["2011/12"]
    assert commissioned.entities["measure"] == "commissioned"
    assert "55" in numbers(commissioned) and "12" not in numbers(commissioned)


@pytest.mark.parametrize("followup", ["and the previous year?", "and the year before?", "what about the year before?",
                                      "and 2012/13?", "what about 2012/13?", "and in 2012/13?"])
def test_ways_of_asking_for_another_year(engine, followup):
    _, reply = say(engine, "how many SCRs were published in 2013/14?", followup)
    assert reply.intent == "figures.count"
    assert reply.entities["periods"] == ["2012/13"]
    assert "31" in numbers(reply)


@pytest.mark.parametrize("followup", ["what about commissioned ones?", "and commissioned?",
                                      "how about commissioned?", "and how many were commissioned?"])
def test_ways_of_asking_for_the_other_measure(engine, followup):
    _, reply = say(engine, "how many SCRs were published in 2012/13?", followup)
    assert reply.intent == "figures.count"
    assert reply.entities["periods"] == ["2012/13"]
    assert "81" in numbers(reply) and "31" not in numbers(reply)


def test_next_year_past_the_latest_is_declined_naming_the_years(engine):
    _, _, past = say(engine, "how many SCRs were published in 2012/13?", "and the next year?", "and the next year?")
    assert past.intent is None
    assert "2014/15" in past.text
    assert "2013/14" in past.text  # says which years it does have
    assert not numbers(past) & {"12", "31", "71", "55", "81", "114"}


def test_change_follow_up_carries_period_and_measure(engine):
    _, rise, commissioned = say(engine, "how many SCRs were published in 2013/14?", "how much did they rise?",
                                    "and commissioned?")
    assert rise.intent == "figures.change"
    assert "129%" in rise.text and "31" in numbers(rise)
    assert commissioned.intent == "figures.change"
    assert "40.7%" in commissioned.text and "81" in numbers(commissioned)


def test_rate_follow_up_uses_the_year_being_discussed(engine):
    _, rate = say(engine, "how many SCRs were published in 2013/14?", "what was the publication rate then?")
    assert rate.intent == "figures.rate"
    assert "62.3%" in rate.text
    assert "21.8%" not in rate.text


def test_last_year_in_a_follow_up_is_the_previous_year(engine):
    _, reply = say(engine, "how many SCRs were published in 2013/14?", "how many were published last year?")
    assert reply.intent == "figures.count"
    assert reply.entities["periods"] == ["2012/13"]


# -- reasons and people ------------------------------------------------------------------------
@pytest.mark.parametrize("why", ["why is that?", "why?", "why did that happen?"])
def test_why_after_a_figure(engine, why):
    _, reply = say(engine, "how many SCRs were published in 2013/14?", why)
    assert reply.intent == "reasons.why"
    assert "Woolmore" in reply.text and "Ofsted" in reply.text


@pytest.mark.parametrize("first", ["what is the trend?", "who is Timpson?", "who revealed the figures?"])
def test_whos_he_after_an_answer_naming_timpson(engine, first):
    answer, reply = say(engine, first, "who's he?")
    assert "Timpson" in answer.text
    assert reply.intent == "people.who"
    assert "Edward Timpson" in reply.text
    assert "Woolmore" not in reply.text and "Munro" not in reply.text


def test_what_did_he_say_after_who_is(engine):
    _, reply = say(engine, "who is Timpson?", "what did he say?")
    assert reply.intent == "people.said"
    assert "Edward Timpson" in reply.text and "dramatic increase" in reply.text


def test_whos_she_after_the_reasons(engine):
    _, reply = say(engine, "why did the number of SCRs rise?", "who's she?")
    assert reply.intent == "people.who"
    assert "Sue Woolmore" in reply.text


def test_she_follows_the_most_recent_woman(engine):
    _, _, reply = say(engine, "who is Sue Woolmore?", "who is Munro?", "what did she recommend?")
    assert reply.intent == "people.said"
    assert "Munro" in reply.text and "Woolmore" not in reply.text


def test_pronoun_with_nobody_to_point_at_asks_instead_of_guessing(engine):
    (reply,) = say(engine, "who's he?")
    assert reply.intent == "people.who"
    assert "not sure who you mean" in reply.text
    assert all(name in reply.text for name in ("Edward Timpson", "Sue Woolmore", "Eileen Munro"))


# -- what resets the context -------------------------------------------------------------------
def test_a_new_full_question_resets_the_context(engine):
    replies = say(
        engine,
        "how many SCRs were published in 2012/13?",
        "and the previous year?",
        "how many SCRs were commissioned in 2013/14?",
        "and the previous year?",
    )
    new, previous = replies[2], replies[3]
    assert new.entities["periods"] == ["2013/14"] and new.entities["measure"] == "commissioned"
    assert numbers(new) == {"114"}
    assert previous.entities["periods"] == ["2012/13"]
    assert previous.entities["measure"] == "commissioned"
    assert "81" in numbers(previous) and "31" not in numbers(previous)


def test_a_new_question_of_another_kind_does_not_inherit_the_year(engine):
    _, extreme = say(engine, "how many SCRs were published in 2012/13?", "which year had the most SCRs published?")
    assert extreme.intent == "figures.extreme"
    assert "2013/14" in extreme.text and "71" in numbers(extreme)


def test_a_question_on_another_topic_replaces_the_figures_context(engine):
    _, term, again = say(engine, "how many SCRs were published in 2013/14?", "what does LSCB stand for?",
                         "and the previous year?")
    assert term.intent == "terms.define"
    assert again.intent is None or again.intent.startswith("figures.")
    assert "31" not in numbers(again)  # no figure for a year nobody asked about in this context


def test_off_topic_in_the_middle_keeps_the_thread(engine):
    _, off, joke, reply = say(engine, "how many SCRs were published in 2013/14?", "what is the capital of France?",
                                  "tell me a joke", "and the previous year?")
    assert off.intent is None and joke.intent is None
    assert reply.intent == "figures.count"
    assert reply.entities["periods"] == ["2012/13"] and "31" in numbers(reply)


def test_not_covered_in_the_middle_keeps_the_thread(engine):
    _, scotland, reply = say(engine, "how many SCRs were published in 2013/14?", "and in Scotland?",
                             "and the previous year?")
    assert scotland.intent is None and "Scotland" in scotland.text
    assert reply.entities["periods"] == ["2012/13"]


def test_a_follow_up_with_no_conversation_does_not_invent_a_year(engine):
    (reply,) = say(engine, "and the previous year?")
    assert reply.intent is None or reply.kind != "answer"
    assert not numbers(reply) & {"12", "31", "71", "55", "81", "114"}


# -- idle expiry -------------------------------------------------------------------------------
def test_context_expires_after_the_idle_ttl(engine):
    _, reply = say(engine, "how many SCRs were published in 2013/14?", Wait(2 * 60 * 60), "and the previous year?")
    assert reply.kind != "answer" or reply.entities["periods"] != ["2012/13"]
    assert "31" not in numbers(reply)


def test_context_survives_a_short_pause(engine):
    _, reply = say(engine, "how many SCRs were published in 2013/14?", Wait(60), "and the previous year?")
    assert reply.entities["periods"] == ["2012/13"] and "31" in numbers(reply)


@pytest.mark.parametrize(("gap", "kept"), [(IDLE_TTL - 5, True), (IDLE_TTL + 5, False)])
def test_context_expiry_boundary(engine, gap, kept):
    _, reply = say(engine, "how many SCRs were published in 2013/14?", Wait(gap), "and the previous year?")
    assert (reply.kind == "answer" and reply.entities["periods"] == ["2012/13"]) is kept


def test_each_answer_refreshes_the_idle_clock(engine):
    half = IDLE_TTL * 0.6
    *_, reply = say(engine, "how many SCRs were published in 2013/14?", Wait(half), "and the previous year?",
                    Wait(half), "and the year before?")
    assert reply.entities["periods"] == ["2011/12"]


# -- adapters store the context ----------------------------------------------------------------
def test_context_survives_a_round_trip_through_a_store(engine):
    lines = ["how many SCRs were published in 2013/14?", "and the previous year?", "what about commissioned ones?",
             "why is that?", "who's she?"]
    direct = say(engine, *lines)
    stored = say(engine, *lines, roundtrip=True)
    assert [(r.intent, r.text) for r in direct] == [(r.intent, r.text) for r in stored]


@pytest.mark.parametrize("junk", [None, "nonsense", 42, {"intent": 7, "periods": "2013/14", "updated": "soon"}])
def test_unreadable_stored_context_gives_a_fresh_conversation(engine, junk):
    context = Context.from_dict(junk)  # type: ignore[arg-type]
    reply, _ = engine.reply("how many SCRs were published in 2013/14?", context, now=START)
    assert "71" in numbers(reply)
