"""The shipped data loads and the most common question gets the article's figure."""

from bot.conversation import Context


def test_published_in_latest_year_is_answered_from_the_article(engine):
    reply, _ = engine.reply("how many SCRs were published in 2013/14?", Context())
    assert reply.intent == "figures.count"
    assert "71" in reply.text
    assert any("71 published" in s.text for s in reply.sources)


def test_a_reply_survives_pickle_and_deepcopy(engine):
    """Stores copy what they keep; a reply with the default (read-only) entities must copy too."""
    import copy
    import pickle

    from bot.reply import Reply

    bare = Reply("no", None, 0.0, "decline")
    full, _ = engine.reply("how many SCRs were published in 2013/14?", Context())
    for reply in (bare, full):
        assert pickle.loads(pickle.dumps(reply)) == reply
        assert copy.deepcopy(reply).to_json("q") == reply.to_json("q")
