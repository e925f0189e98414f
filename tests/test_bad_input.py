"""Bad input, tested: the engine and the Telegram rendering never fail, whatever they are sent.

Property-based tests (hypothesis, derandomized so CI is reproducible) over any unicode text up to
10,000 characters and over the hostile material of `fuzz_inputs`: empty and whitespace-only text,
control characters, NUL, zero-width and bidi marks, combining characters, emoji floods, HTML and
Markdown specials, absurd periods and numbers. For every input, alone and inside a conversation:

* the engine returns a `Reply` (kind answer/clarify/decline, intent None exactly when declining,
  0 <= confidence <= 1, JSON-serialisable), never an exception;
* every Telegram message rendered from it is valid Telegram HTML (the emulator's port of Telegram's
  parser), non-empty, and at most 4096 UTF-16 code units; every button's callback data fits 64 bytes;
* nothing the user wrote becomes markup, a link or a mention in the reply.

The soak run at the end pushes `SCRBOT_SOAK` generated inputs (default 300) through the same checks:
`SCRBOT_SOAK=100000 .venv/bin/python -m pytest -q tests/test_bad_input.py -k soak`.
"""

from __future__ import annotations

import json
import os
import random
import time

import pytest
from fuzz_inputs import INJECTIONS, MAX_CHARS, ODD_CHARS, ON_TOPIC, PERIODS, generate, text_strategy
from hypothesis import example, given, settings
from hypothesis import strategies as st

from benchmarks.botapi_emulator import TelegramHTML, find_auto_entities, utf16_len
from bot.conversation import Context
from bot.engine import Engine
from bot.reply import Reply
from bot.telegram import render

PARSER = TelegramHTML()
TELEGRAM_SPACE = " \t\r\n\x0b\x0c"  # what Telegram trims from a message (see the emulator's TextFormatter)
LINKS = {"mention", "url", "text_link", "text_mention", "email", "hashtag", "bot_command"}
FAST = settings(max_examples=500, deadline=None, database=None, derandomize=True)

# -- strategies -------------------------------------------------------------------------------

chars = st.characters(blacklist_categories=("Cs",))  # what Telegram can deliver (no lone surrogates)
texts = st.one_of(text_strategy(), st.text(max_size=200))  # raw text with surrogates too: the engine can't care


# -- the checks -------------------------------------------------------------------------------


def check_reply(reply: Reply, question: str) -> None:
    """Everything a reply to any input must satisfy, in the engine and as Telegram messages."""
    assert isinstance(reply, Reply)
    assert reply.kind in ("answer", "clarify", "decline"), reply.kind
    assert (reply.intent is None) == (reply.kind == "decline"), (reply.intent, reply.kind)
    assert 0.0 <= reply.confidence <= 1.0, reply.confidence
    assert reply.text.strip(), "empty reply text"
    payload = json.loads(json.dumps(reply.to_json(question)))
    assert payload["kind"] == reply.kind and payload["answer"] == reply.text

    chunks = render.messages(reply)
    assert chunks
    for i, chunk in enumerate(chunks):
        assert utf16_len(chunk) <= render.MAX_MESSAGE, utf16_len(chunk)
        shown, entities = PARSER.parse(chunk)  # raises HTMLParseError where Telegram answers 400
        assert shown.strip(TELEGRAM_SPACE), f"message {i} is empty: {chunk!r}"
        assert utf16_len(shown) <= render.MAX_MESSAGE
        # The only markup the bot makes: a did-you-mean's first line in bold, and a blockquote around a
        # sentence of the article it cites. Nothing links or mentions.
        for entity in entities:
            if entity["type"] == "blockquote":
                quoted = shown.encode("utf-16-le")[2 * entity["offset"] : 2 * (entity["offset"] + entity["length"])]
                inner = quoted.decode("utf-16-le").strip("“”")
                assert any(inner in " ".join(s.text.split()) for s in reply.sources), (inner, reply.sources)
                continue
            assert entity["type"] == "bold" and reply.kind == "clarify" and i == 0, entity
            assert entity["offset"] == 0 and entity["length"] == utf16_len(reply.text.split("\n", 1)[0])
        assert not [e for e in find_auto_entities(shown) if e["type"] in LINKS], shown
    markup = render.keyboard(reply)
    for row in markup.inline_keyboard if markup else ():
        for button in row:
            assert button.text.strip()
            assert 0 < len(button.callback_data.encode()) <= render.MAX_CALLBACK_BYTES


def ask(engine: Engine, text: str, context: Context | None = None) -> tuple[Reply, Context]:
    reply, context = engine.reply(text, context or Context())
    check_reply(reply, text)
    assert isinstance(context, Context)
    json.dumps(context.to_dict())  # what the state store keeps between turns
    return reply, context


# -- the engine, one message --------------------------------------------------------------------


@FAST
@given(text=texts)
@example(text="")
@example(text=" \t\n\u3000\u00a0")
@example(text="\x00")
@example(text="\u200b\u200e\u200f\u202e\ufeff")
@example(text="e\u0301\u0301\u0301" * 50)
@example(text="😀" * 5000)
@example(text="<b>how many SCRs were published in 2013/14?</b>")
@example(text="&<>*_[]()~`|")
@example(text="how many SCRs were published in 2013/1400000")
@example(text="SCRs in year 0 and -2013 and 0000/01 and 9999/10000")
@example(text="x" * MAX_CHARS)
def test_any_text_gets_a_sound_reply(engine: Engine, text: str) -> None:
    ask(engine, text)


UNREADABLE = "I couldn't read “"
NO_DATA = "I don't have figures for "


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("how many SCRs were published in 2013/1400000?", UNREADABLE + "2013/1400000”"),
        ("SCRs published in 0000/01", UNREADABLE + "0000/01”"),
        ("SCRs published in 9999/10000", UNREADABLE + "9999/10000”"),
        ("SCRs published in 2013/14/15", UNREADABLE + "2013/14/15”"),
        ("SCRs published in 99999999999999999999999", UNREADABLE + "99999999999999999999999”"),
        ("SCRs published between April 2013 and March 2013", UNREADABLE),
        ("SCRs published in the year to March 1900", NO_DATA + "1899/00."),
        ("SCRs published in July 2099", NO_DATA + "2099/00."),
        ("SCRs published in 2099/2100", NO_DATA + "2099/00."),
        ("SCRs published in year 0", None),
        ("SCRs published in -2013", None),
        ("SCRs published in -2013/14", None),
        ("SCRs published in 2013/-14", None),
        ("SCRs published in fy0", None),
        ("SCRs published in fy 0000", None),
        ("SCRs published in the last 4 years", None),
        ("SCRs published in 1e309 NaN -0.0 -1", None),
    ],
)
def test_absurd_periods_are_declined_or_answered_from_the_data(engine: Engine, text: str, expected: str | None) -> None:
    reply, _ = ask(engine, text)
    if expected is not None:
        assert reply.kind == "decline" and reply.text.startswith(expected), reply.text
    have = {p.id for p in engine.facts.periods}
    assert set(reply.entities["periods"]) <= have  # a figure only ever for a period in the data


# -- the engine, conversations --------------------------------------------------------------------


@settings(max_examples=200, deadline=None, database=None, derandomize=True)
@given(turns=st.lists(st.one_of(texts, st.sampled_from(ON_TOPIC)), min_size=2, max_size=8))
def test_random_conversations_carry_context_without_failing(engine: Engine, turns: list[str]) -> None:
    context = Context()
    for text in turns:
        _, context = ask(engine, text, context)


def test_follow_ups_after_hostile_turns(engine: Engine) -> None:
    """Each follow-up kind, straight after every kind of bad turn (context from a decline, a clarify...)."""
    follow_ups = ["and the previous year?", "and the next year?", "why?", "who's he?", "did it double?", "and 2011/12?"]
    for bad in [*INJECTIONS, *PERIODS, *ODD_CHARS, "", "numbers", "Scotland"]:
        for follow_up in follow_ups:
            _, context = ask(engine, "how many SCRs were published in 2013/14?")
            _, context = ask(engine, bad, context)
            _, context = ask(engine, follow_up, context)


# -- user text never becomes markup -----------------------------------------------------------------

PAYLOADS = [
    "<a href='https://evil.example/x'>click</a>",
    '<a href="tg://user?id=1">me</a>',
    "<b>bold</b>",
    "@someone",
    "tg://user?id=1",
    "&lt;b&gt;x&lt;/b&gt;",
    "https://evil.example/x",
    "evil.example",
    "#tag /figures",
]
# Every place a reply repeats something of the question: the unreadable period, the place it doesn't
# cover, the period it has no figures for, plus an ordinary answer and a did-you-mean.
ECHOES = [
    "how many SCRs were published in 2013/1400000{p}?",  # I couldn't read “2013/1400000” as a period
    "how many SCRs were published in {p}2013/14/15{p}",
    "how many SCRs were published in Scotland {p}",  # The article I answer from doesn't cover Scotland
    "{p} how many SCRs were published in 2019/20 {p}",  # I don't have figures for 2019/20
    "how many SCRs were published in the previous year {p}",  # no year to be previous to
    "{p} how many SCRs were published in 2013/14?",
    "{p} numbers {p}",  # did you mean
    "{p}",
]


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("template", ECHOES)
def test_user_text_is_never_echoed_as_markup(engine: Engine, template: str, payload: str) -> None:
    reply, _ = ask(engine, template.format(p=payload))  # check_reply: no links, mentions, foreign entities
    for chunk in render.messages(reply):
        shown, _ = PARSER.parse(chunk)
        for marker in ("evil", "someone", "tg:", "href", "<", ">", "&lt", "#tag"):
            assert marker not in shown, (marker, shown)


def test_the_echoed_period_is_quoted_as_plain_digits(engine: Engine) -> None:
    reply, _ = ask(engine, "SCRs published in <b>2013/1400000</b>&lt;i&gt; @someone")
    assert reply.kind == "decline"
    assert reply.text.startswith("I couldn't read “2013/1400000” as a period.")
    assert PARSER.parse(render.messages(reply)[0]) == (reply.text, [])


@settings(max_examples=200, deadline=None, database=None, derandomize=True)
@given(text=st.text(chars, min_size=1, max_size=300), kind=st.sampled_from(["answer", "decline"]))
@example(text="".join(PAYLOADS), kind="answer")
@example(text="&amp;lt;b&amp;gt; &#60;b&#62; &#x3c;a href=x&#x3e;", kind="answer")
def test_any_text_in_a_reply_shows_literally_and_inert(text: str, kind: str) -> None:
    """Should a reply ever repeat the user's words verbatim, rendering keeps them literal: no entities."""
    reply = Reply(text, None if kind == "decline" else "figures.count", 1.0, kind)
    html = render.html(reply)
    assert PARSER.parse(html) == (text, [])


# -- rendering limits -----------------------------------------------------------------------------


@settings(max_examples=100, deadline=None, database=None, derandomize=True)
@given(
    unit=st.sampled_from(["😀", "👨‍👩‍👧‍👦", "&", "<b>", "é", "a ", "𝟐𝟎𝟏𝟑 ", "\n", "x"]),
    count=st.integers(1, 12_000),
    kind=st.sampled_from(["answer", "clarify", "decline"]),
)
@example(unit="😀", count=3000, kind="answer")  # 3000 characters but 6000 UTF-16 code units
@example(unit="😀", count=3000, kind="clarify")
def test_a_long_reply_splits_into_messages_within_the_limit(unit: str, count: int, kind: str) -> None:
    text = ("Did you mean:\n" if kind == "clarify" else "") + (unit * count)[:12_000] + " end"
    reply = Reply(text, None if kind == "decline" else "figures.count", 1.0, kind)
    check_reply(reply, "q")
    shown = "".join(PARSER.parse(chunk)[0] for chunk in render.messages(reply))
    assert "".join(shown.split()) == "".join(text.split())  # nothing lost


# -- the soak run ---------------------------------------------------------------------------------


def test_soak(engine: Engine) -> None:
    """SCRBOT_SOAK generated inputs (default 300), conversations of 1 to 8 turns, every reply checked."""
    count = int(os.environ.get("SCRBOT_SOAK", "300"))
    seed = int(os.environ.get("SCRBOT_SOAK_SEED", "20240501"))
    rng = random.Random(seed)
    context = Context()
    turns_left = 0
    started = time.perf_counter()
    kinds: dict[str, int] = {}
    for i in range(count):
        if turns_left == 0:
            context, turns_left = Context(), rng.randrange(1, 9)
        turns_left -= 1
        text = generate(rng)
        try:
            reply, context = ask(engine, text, context)
        except Exception as exc:  # name the input, so the failure can be replayed
            raise AssertionError(f"input #{i} (seed {seed}) failed: {text[:300]!r}") from exc
        kinds[reply.kind] = kinds.get(reply.kind, 0) + 1
    elapsed = time.perf_counter() - started
    print(f"\nsoak: {count} inputs in {elapsed:.1f}s ({1000 * elapsed / max(count, 1):.2f} ms each), {kinds}")
