"""A small version of the load test `make bench` runs at 10,000 messages: in a busy deployment every
message that should be answered is answered exactly once, and nothing else is."""

from benchmarks.load import plan, run_load


def test_many_users_in_many_chats_get_exactly_their_answers(engine):
    result = run_load(engine, messages=300, users=30, groups=5)
    assert result["should_answer"] > 150 and result["should_ignore"] > 30
    assert result["replies"] == result["should_answer"]
    assert result["extra_replies"] == 0 and result["failed_sends"] == 0
    assert result["chats_answered_exactly"] == result["chats"]


def test_the_plan_mixes_questions_with_messages_to_ignore():
    kinds = {kind for kind, *_ in plan(500, 50, 5)}
    assert kinds == {"private", "mention", "ask", "chatter", "other_bot"}


def test_telegram_flood_limits_are_on_unless_a_load_test_turns_them_off():
    from bot.settings import Settings

    base = {"TELEGRAM_BOT_TOKEN": "123456:TEST-TOKEN"}
    assert Settings.from_env(base).telegram_limiter is True
    assert Settings.from_env({**base, "SCRBOT_TELEGRAM_LIMITER": "off"}).telegram_limiter is False
