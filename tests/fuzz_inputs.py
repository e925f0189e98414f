"""Generated hostile input for the bot: the reliability tests, the soak run and benchmarks share it.

Only the standard library: `inputs(count, seed)` is reproducible for a given seed, and `generate(rng)`
makes one input from any `random.Random`. The building blocks (`PIECES`, `ON_TOPIC`, `INJECTIONS`, ...)
are public so hypothesis strategies can be composed from the same material.

An input mixes real questions with the things that break chat bots: empty and whitespace-only text,
control characters and NUL, zero-width and right-to-left marks, combining characters, emoji floods,
HTML and Markdown special characters, absurd periods and numbers, and text far beyond any real
question (up to `MAX_CHARS`).
"""

from __future__ import annotations

import random
import sys
from collections.abc import Iterator
from typing import Any

MAX_CHARS = 10_000

ON_TOPIC = [
    "how many SCRs were published in 2013/14?",
    "How many serious case reviews were commissioned in 2012/13?",
    "and the previous year?",
    "what about commissioned ones?",
    "how much did they rise?",
    "did it double?",
    "why?",
    "why is that?",
    "who's he?",
    "who is Sue Woolmore?",
    "what did Eileen Munro recommend?",
    "what is an LSCB?",
    "what happened in July 2012?",
    "publication rate in 2011/12",
    "which year had the most SCRs?",
    "total commissioned over all years",
    "what is the trend?",
    "no. of scrs pub'd 13/14 pls",
    "sreious case reveiws relased 2012-13",
    "and 2011/12?",
    "the latest year",
    "the first two years",
    "between April 2013 and March 2014",
    "the year to March 2014",
    "FY14",
    "2013",
    "what about Scotland?",
    "how many schools?",
    "how many trains were cancelled in 2013/14?",
    "show me the source",
    "hi",
    "thanks!",
    "/ask how many SCRs in 2013/14",
    "/start",
    "@scr_test_bot what drove the rise?",
]

PERIODS = [
    "2013/14",
    "2013-14",
    "2013–14",
    "2013/2014",
    "13/14",
    "FY2013/14",
    "fy14",
    "fy00",
    "fy 0000",
    "2013/1400000",
    "2013/15",
    "2013/14/15",
    "0/0",
    "0000/01",
    "9999/10000",
    "1999/00",
    "2099/00",
    "99/00",
    "00/01",
    "year 0",
    "0",
    "-1",
    "-2013",
    "-2013/14",
    "2013/-14",
    "in 0 AD",
    "March 0000",
    "April 9999 to March 10000",
    "between April 2013 and March 2013",
    "the year to March 1900",
    "July 2099",
    "2013 14",
    "2013 to 2019",
    "the last 4 years",
    "the first 3 years",
    "the previous year",
    "the next year",
    "last year",
    "this year",
    "99999999999999999999999999",
    "1e309",
    "NaN",
    "-0.0",
    "3.14159",
    "1,000,000",
    "٢٠١٣/١٤",  # Arabic-Indic digits
    "２０１３／１４",  # full-width
    "𝟐𝟎𝟏𝟑/𝟏𝟒",  # mathematical bold digits
    "²⁰¹³/¹⁴",
]

INJECTIONS = [
    "<b>bold</b>",
    "<i>",
    "</b>",
    "<a href='https://evil.example'>click</a>",
    '<a href="tg://user?id=1">me</a>',
    "tg://user?id=1",
    "@someone",
    "@scr_test_bot",
    "#hashtag",
    "/figures",
    "https://evil.example/x",
    "&lt;",
    "&amp;",
    "&gt;b&lt;",
    "&#60;b&#62;",
    "&#x3c;",
    "&#0;",
    "&#xD800;",
    "&",
    "<",
    ">",
    "<<>>",
    "<script>alert(1)</script>",
    "<tg-spoiler>x</tg-spoiler>",
    '<span class="tg-spoiler">x</span>',
    "<pre><code class='language-python'>x</code></pre>",
    "*bold* _italic_ [link](http://x.example) `code` ~strike~ ||spoiler||",
    "*_[]()~`>#+-=|{}.!",
    "\\",
    "'; DROP TABLE contexts; --",
    "{{7*7}}",
    "${jndi:ldap://x}",
    "%s%s%n",
    '"quoted"',
    "’curly’ “double”",
]

ODD_CHARS = [
    "\x00",
    "\x01",
    "\x07",
    "\x08",
    "\x1b[31m",
    "\x7f",
    "\x85",
    "\t",
    "\n",
    "\r\n",
    "\r",
    "\x0b",
    "\x0c",
    "\u2028",
    "\u2029",
    "\u200b",  # zero-width space
    "\u200c",
    "\u200d",
    "\u2060",
    "\ufeff",
    "\u00ad",  # soft hyphen
    "\u200e",  # left-to-right mark
    "\u200f",  # right-to-left mark
    "\u202e",  # right-to-left override
    "\u202a",
    "\u2066",
    "\u2069",
    "\u0301",  # combining acute
    "\u0336",  # combining long stroke overlay
    "Z\u0351\u0352\u0353\u0354\u0355\u0356\u0357\u0358\u0359\u035a",  # zalgo
    "\ufffd",
    "\ufffe",
    "\uffff",
    "\U0010ffff",
    "\U000e0001",  # language tag
    "\u3000",  # ideographic space
    "\u00a0",
    "ﬁ",  # ligature: NFKC makes it "fi"
    "ǅ",
    "İ",  # lower() grows it
    "ß",
    "Ⅻ",
    "①",
    "½",
    "㎏",
    "ﷺ",  # NFKC expands one character into many
    "\U0001d7ce",
]

EMOJI = ["😀", "👍🏽", "👨‍👩‍👧‍👦", "🇬🇧", "🏴󠁧󠁢󠁥󠁮󠁧󠁿", "❤️", "🔥", "1️⃣", "🤷‍♀️", "𝕊ℂℝ"]

SCRIPTS = [
    "сколько SCR опубликовано",  # Cyrillic
    "كم عدد المراجعات",  # Arabic (right to left)
    "כמה סקירות",  # Hebrew
    "多少个案件审查",  # Chinese
    "何件ですか",  # Japanese
    "Ελληνικά",
    "ᚠᛇᚻ",
    "नमस्ते",
    "สวัสดี",
]

WORDS = [
    "how",
    "many",
    "scr",
    "scrs",
    "serious",
    "case",
    "reviews",
    "published",
    "commissioned",
    "rise",
    "why",
    "who",
    "and",
    "the",
    "in",
    "what",
    "about",
    "ofsted",
    "munro",
    "woolmore",
    "timpson",
    "lscb",
    "working together",
    "percent",
    "%",
    "doubled",
    "total",
    "trend",
    "he",
    "she",
    "it",
    "previous",
    "year",
    "scotland",
    "schools",
    "trains",
    "?",
    "!",
    ".",
    ",",
    "'s",
    "-",
    "/",
]

PIECES = ON_TOPIC + PERIODS + INJECTIONS + ODD_CHARS + EMOJI + SCRIPTS + WORDS


def _random_chars(rng: random.Random, size: int) -> str:
    """Any code points, surrogates excepted (a Telegram update can't carry them: JSON from UTF-8)."""
    out = []
    for _ in range(size):
        band = rng.random()
        if band < 0.5:
            cp = rng.randrange(0x20, 0x7F)
        elif band < 0.6:
            cp = rng.randrange(0, 0x20)
        elif band < 0.85:
            cp = rng.randrange(0x80, 0xD800)
        elif band < 0.95:
            cp = rng.randrange(0xE000, 0x10000)
        else:
            cp = rng.randrange(0x10000, sys.maxunicode + 1)
        out.append(chr(cp))
    return "".join(out)


def _mixed(rng: random.Random, parts: int) -> str:
    pieces = []
    for _ in range(parts):
        kind = rng.random()
        if kind < 0.75:
            pieces.append(rng.choice(PIECES))
        else:
            pieces.append(_random_chars(rng, rng.randrange(1, 12)))
    separator = rng.choice([" ", "", "\n", " ", " "])
    return separator.join(pieces)


def generate(rng: random.Random) -> str:
    """One input; about half are near real questions, the rest noise of every kind, some very long."""
    shape = rng.random()
    if shape < 0.05:
        text = rng.choice(["", " ", "\n", "\t \n", "\u200b", "\u3000\u00a0", "?", "...", "\x00"])
    elif shape < 0.35:  # a real question with something hostile dropped in
        words = rng.choice(ON_TOPIC).split(" ")
        for _ in range(rng.randrange(1, 4)):
            words.insert(rng.randrange(len(words) + 1), rng.choice(PERIODS + INJECTIONS + ODD_CHARS + EMOJI))
        text = " ".join(words)
    elif shape < 0.7:
        text = _mixed(rng, rng.randrange(1, 10))
    elif shape < 0.8:
        text = " ".join(rng.choice(WORDS + PERIODS) for _ in range(rng.randrange(1, 15)))
    elif shape < 0.88:
        text = _random_chars(rng, rng.randrange(0, 200))
    elif shape < 0.93:  # floods: one piece repeated to the size limit
        piece = rng.choice(EMOJI + INJECTIONS + ODD_CHARS + ["&", "<", "a", " ", "2013/14 "])
        text = piece * rng.randrange(1, MAX_CHARS // len(piece) + 1)
    elif shape < 0.97:
        text = _mixed(rng, rng.randrange(50, 400))
    else:
        text = _random_chars(rng, rng.randrange(1000, MAX_CHARS))
    return text[:MAX_CHARS]


def inputs(count: int, seed: int = 0) -> Iterator[str]:
    """`count` inputs, the same ones for the same seed."""
    rng = random.Random(seed)
    for _ in range(count):
        yield generate(rng)


def text_strategy(max_chars: int = MAX_CHARS, surrogates: bool = False) -> Any:
    """The same material as a hypothesis strategy (hypothesis is imported only here: a test extra).

    Any text (lone surrogates only when asked: Telegram can't deliver them), the pieces above joined
    in any order, real questions with hostile pieces dropped in, numbers and period-like shapes,
    floods of one piece, and long text; each cut to `max_chars`.
    """
    from hypothesis import strategies as st

    chars = st.characters() if surrogates else st.characters(blacklist_categories=("Cs",))
    numbers = st.one_of(
        st.integers(-(10**30), 10**30).map(str),
        st.floats().map(str),
        st.from_regex(r"-?\d{1,7}[/\-–]-?\d{1,8}", fullmatch=True),
        st.from_regex(r"(?:fy|FY) ?-?\d{1,6}", fullmatch=True),
    )
    pieces = st.one_of(st.sampled_from(PIECES), numbers, st.text(chars, max_size=8))
    composed = st.tuples(st.lists(pieces, max_size=25), st.sampled_from([" ", "", "\n", "\u200b"])).map(
        lambda t: t[1].join(t[0])
    )
    hostile = st.sampled_from(PERIODS + INJECTIONS + ODD_CHARS + EMOJI + SCRIPTS)
    noisy_questions = st.tuples(st.sampled_from(ON_TOPIC), st.lists(hostile, max_size=4)).map(
        lambda t: " ".join([t[0], *t[1]])
    )
    floods = st.tuples(
        st.sampled_from(EMOJI + INJECTIONS + ODD_CHARS + ["&", "<", "2013/14 "]), st.integers(1, max_chars)
    ).map(lambda t: t[0] * t[1])
    strategies = [st.text(chars, max_size=200), composed, noisy_questions, numbers, floods]
    if max_chars > 1000:
        strategies.append(st.text(chars, min_size=1000, max_size=max_chars))
    return st.one_of(*strategies).map(lambda text: text[:max_chars])


if __name__ == "__main__":  # a look at what it makes: python tests/fuzz_inputs.py [COUNT] [SEED]
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    for sample in inputs(n, int(sys.argv[2]) if len(sys.argv) > 2 else 0):
        print(repr(sample[:200]))
