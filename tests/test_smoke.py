"""The shipped data loads and the most common question gets the article's figure."""

from bot.conversation import Context


def test_published_in_latest_year_is_answered_from_the_article(engine):
    reply, _ = engine.reply("how many SCRs were published in 2013/14?", Context())
    assert reply.intent == "figures.count"
    assert "71" in reply.text
    assert any("71 published" in s.text for s in reply.sources)
