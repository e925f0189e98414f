"""bot.telegram.render: Reply objects as Telegram HTML, chunks under the size limit, and buttons.

Chunks are checked with the emulator's Telegram HTML parser, which rejects what Telegram rejects.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.botapi_emulator import TelegramHTML, utf16_len
from bot.answers.meta import examples
from bot.conversation import Context
from bot.reply import Reply, Suggestion
from bot.telegram import render

PARSER = TelegramHTML()


def answer(text: str, *suggestions: str, kind: str = "answer") -> Reply:
    return Reply(
        text,
        "figures.count" if kind != "decline" else None,
        1.0,
        kind,
        suggestions=tuple(Suggestion(s) for s in suggestions),
    )


def shown(html: str) -> str:
    """What a user sees for an HTML message text (raises HTMLParseError where Telegram answers 400)."""
    return PARSER.parse(html)[0]


# -- html ----------------------------------------------------------------------------------------


def test_html_escapes_markup_characters_so_they_show_literally() -> None:
    text = 'Figures < 5 & > 2, <b>not bold</b>, "quoted" & it\'s &amp; fine'
    html = render.html(answer(text))
    assert "<b>" not in html
    assert shown(html) == text
    assert PARSER.parse(html)[1] == []  # no formatting at all


def test_html_bolds_only_the_first_line_of_a_did_you_mean() -> None:
    reply = answer("I'm not sure <what> you mean. Did you mean:\n• A & B\n• C", "A & B", "C", kind="clarify")
    html = render.html(reply)
    text, entities = PARSER.parse(html)
    assert text == reply.text
    assert entities == [{"type": "bold", "offset": 0, "length": len("I'm not sure <what> you mean. Did you mean:")}]


def test_html_of_a_one_line_did_you_mean_is_valid() -> None:
    html = render.html(answer("Did you mean <this>?", kind="clarify"))
    assert shown(html) == "Did you mean <this>?"


# -- split ---------------------------------------------------------------------------------------


def test_split_leaves_a_short_text_alone() -> None:
    assert render.split("In 2013/14, 71 SCRs were published.") == ["In 2013/14, 71 SCRs were published."]
    exactly = "x" * render.SAFE_CHUNK
    assert render.split(exactly) == [exactly]


def test_split_cuts_between_lines_and_loses_nothing() -> None:
    lines = [f"{i:04d} " + " ".join(["serious", "case", "review"] * 6) for i in range(300)]
    text = "\n".join(lines)
    chunks = render.split(text)
    assert len(chunks) > 1
    assert all(len(c) <= render.SAFE_CHUNK <= render.MAX_MESSAGE for c in chunks)
    assert "\n".join(chunks) == text  # every cut is at a line break; no line is broken


def test_split_cuts_an_enormous_line_at_spaces() -> None:
    text = " ".join(f"word{i}" for i in range(3000))
    chunks = render.split(text)
    assert len(chunks) > 1
    assert all(len(c) <= render.SAFE_CHUNK for c in chunks)
    assert " ".join(chunks) == text  # no word cut in half


def test_split_respects_a_custom_limit_even_without_spaces() -> None:
    chunks = render.split("x" * 250, limit=100)
    assert chunks == ["x" * 100, "x" * 100, "x" * 50]


@settings(max_examples=200, deadline=None, database=None)
@given(text=st.text(st.sampled_from("ab &<>\n\"'é🙂"), max_size=600), limit=st.integers(20, 200))
def test_split_chunks_fit_the_limit_and_keep_every_visible_character(text: str, limit: int) -> None:
    chunks = render.split(text, limit)
    assert chunks and all(len(c) <= limit for c in chunks)
    if text.strip():
        assert all(c.strip() for c in chunks)
        assert "".join("".join(chunks).split()) == "".join(text.split())


@settings(max_examples=200, deadline=None, database=None)
@given(
    words=st.lists(st.text(st.sampled_from("ab&<>\"'"), min_size=1, max_size=6), max_size=120),
    separators=st.lists(st.sampled_from([" ", "\n"]), min_size=120, max_size=120),
    kind=st.sampled_from(["answer", "clarify", "decline"]),
)
def test_every_chunk_of_ordinary_text_is_valid_telegram_html(
    words: list[str], separators: list[str], kind: str
) -> None:
    text = "".join(w + s for w, s in zip(words, separators, strict=False)).strip() or "x"
    chunks = render.messages(answer(text, kind=kind), limit=80)
    visible = [shown(c) for c in chunks]  # raises if a chunk cuts a tag or an entity
    assert "".join("".join(visible).split()) == "".join(text.split())


def test_split_never_cuts_an_entity_or_a_tag() -> None:
    for reply in (answer("a" + "&" * 3000), answer("Did you mean " + "x" * 5000 + "\n• a", kind="clarify")):
        chunks = render.messages(reply)
        assert all(len(c) <= 4096 for c in chunks)
        assert "".join("".join(shown(c) for c in chunks).split()) == "".join(reply.text.split())


def test_an_emoji_flood_is_measured_in_utf16_code_units() -> None:
    """3000 emoji are 3000 Python characters but 6000 UTF-16 code units: too long for one message."""
    reply = answer("😀" * 3000)
    chunks = render.messages(reply)
    assert len(chunks) > 1 and all(utf16_len(c) <= render.MAX_MESSAGE for c in chunks)
    assert "".join(shown(c) for c in chunks) == reply.text


# -- buttons -------------------------------------------------------------------------------------


def test_keyboard_offers_follow_ups_one_per_row_as_callbacks() -> None:
    reply = answer("In 2013/14, 71 SCRs were published.", "And the previous year?", "What drove the rise?")
    rows = render.keyboard(reply).to_dict()["inline_keyboard"]
    assert rows == [
        [{"text": "And the previous year?", "callback_data": "q:And the previous year?"}],
        [{"text": "What drove the rise?", "callback_data": "q:What drove the rise?"}],
    ]


def test_keyboard_shows_at_most_limit_suggestions() -> None:
    reply = answer("x", "a?", "b?", "c?", "d?", "e?")
    assert len(render.keyboard(reply).inline_keyboard) == 3
    assert len(render.keyboard(reply, limit=4).inline_keyboard) == 4


def test_did_you_mean_keyboard_ends_with_none_of_these() -> None:
    reply = answer("Did you mean:\n• a\n• b", "What is an LSCB?", "What drove the rise in SCRs?", kind="clarify")
    rows = render.keyboard(reply).to_dict()["inline_keyboard"]
    assert rows[-1] == [{"text": "None of these", "callback_data": render.NONE_OF_THESE}]
    assert [r[0]["callback_data"] for r in rows[:-1]] == ["q:What is an LSCB?", "q:What drove the rise in SCRs?"]


def test_no_suggestions_no_keyboard() -> None:
    assert render.keyboard(answer("Sorry.", kind="decline")) is None
    assert render.keyboard(answer("Hmm", kind="clarify")) is None  # never a lone "None of these"


def test_callback_data_never_exceeds_64_bytes() -> None:
    assert render.callback_for(Suggestion("x" * 62)) == "q:" + "x" * 62  # exactly 64 bytes
    assert render.callback_for(Suggestion("x" * 63)) is None
    assert render.callback_for(Suggestion("é" * 31)) is not None  # 2 + 62 bytes
    assert render.callback_for(Suggestion("é" * 32)) is None  # 64 characters but 66 bytes
    # a did-you-mean candidate is sent as its intent, however long its text
    assert render.callback_for(Suggestion("x" * 100, "figures.count", 0.6)) == "i:figures.count"
    reply = answer("x", "y" * 63, "ok?", "é" * 40, kind="clarify")
    rows = render.keyboard(reply).to_dict()["inline_keyboard"]
    assert [r[0]["text"] for r in rows] == ["ok?", "None of these"]
    assert all(len(r[0]["callback_data"].encode()) <= 64 for r in rows)


def test_start_examples_all_fit_in_buttons(engine) -> None:
    assert all(render.callback_for(Suggestion(e)) for e in examples(engine.facts))


def test_every_did_you_mean_candidate_gets_a_button(engine) -> None:
    missing = [i.id for i in engine.intents.intents if render.callback_for(Suggestion(i.suggestion, i.id)) is None]
    assert missing == []
    reply, _ = engine.reply("numbers", Context())
    assert reply.kind == "clarify"
    labels = [b.text for row in render.keyboard(reply).inline_keyboard for b in row]
    assert labels == [s.text for s in reply.suggestions] + ["None of these"]


def test_a_quoted_article_sentence_is_a_blockquote_and_a_look_alike_is_not(engine):

    quoted, _ = engine.reply("What does the article say the Ofsted evaluations did to LSCBs' focus?", Context())
    html = render.messages(quoted)[0]
    assert html.startswith("<blockquote>“When SCRs were being evaluated by Ofsted")
    assert "</blockquote> — Sue Woolmore" in html
    typed = Reply("“<b>made up</b>” — someone", "article.quote", 1.0, "answer")  # quotes no source sentence
    assert "<blockquote>" not in render.messages(typed)[0] and "&lt;b&gt;" in render.messages(typed)[0]


def test_a_long_answer_full_of_escaped_characters_fills_each_message() -> None:
    """21,000 characters with "&" and "<" throughout: as few messages as their escaped size needs, not slivers."""
    text = "\n".join(f"{i:04d} & <b> " + "x&" * 40 for i in range(230))
    chunks = render.messages(Reply(text, "figures.count", 1.0, "answer"))
    escaped = sum(len(c) for c in chunks)
    assert all(utf16_len(c) <= render.MAX_MESSAGE for c in chunks)
    assert len(chunks) <= escaped // render.SAFE_CHUNK + 2, len(chunks)
    assert "\n".join(PARSER.parse(c)[0] for c in chunks) == text
