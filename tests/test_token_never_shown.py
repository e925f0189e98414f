"""The bot token never appears in the logs (at DEBUG), in what users are shown, in /about or in the database,
through a conversation full of failures: flood control, 5xx answers given up on, a rejected message that
reaches the error handler with its traceback, and getUpdates failing. (A token Telegram rejects is
tested in tests/test_telegram_e2e.py.)
"""

from __future__ import annotations

from pathlib import Path

from telegram_harness import QUESTION, BotProcess, assert_clean_exit

from benchmarks.botapi_emulator import BotAPIEmulator

TOKEN = "7654321:AAH-leak_SECRET-token_value"
SECRET = TOKEN.split(":", 1)[1]


def test_token_is_never_shown_in_a_conversation_full_of_errors(tmp_path: Path) -> None:
    with BotAPIEmulator(token=TOKEN) as emu:
        db = tmp_path / "s.db"
        bot = BotProcess.for_emulator(
            emu, tmp_path, SCRBOT_DB=str(db), SCRBOT_LOG_LEVEL="DEBUG", SCRBOT_SEND_BACKOFF="0.05,0.05"
        ).start(emu)
        try:

            def exchange(text: str, replies: int = 1) -> None:
                before = len(emu.calls_to("sendMessage"))
                emu.push_update(emu.private_message(text))
                emu.wait_for_calls("sendMessage", before + replies, timeout=15)

            emu.inject_fault("sendMessage", 429, retry_after=1)
            exchange(QUESTION, replies=2)  # refused, then delivered
            emu.inject_fault("sendMessage", 500, count=3)
            exchange("and the previous year?", replies=3)  # given up after 3 attempts
            emu.inject_fault("sendMessage", 400, description="Bad Request: can't parse entities", count=2)
            exchange("/figures", replies=2)  # rejected, then the error handler's apology (also rejected)
            emu.inject_fault("getUpdates", 502, count=2)
            exchange("/about")
            exchange(f"my token is not {TOKEN[:5]}")  # a question that is a miss, so it is logged
        finally:
            result = bot.stop()
        assert_clean_exit(result, TOKEN)
        assert "gave up delivering a reply" in result.output
        assert "error while handling an update" in result.output and "BadRequest" in result.output
        assert "DEBUG" in result.output  # the debug level was really on
        shown = "\n".join(str(c.params) + str(c.result) + str(c.error) for c in emu.calls)
        assert "scrbot" in shown  # /about was answered
        for text in (result.output, shown, db.read_bytes().decode("utf-8", "replace")):
            assert TOKEN not in text and SECRET not in text
        assert internal_errors_ok(emu)


def internal_errors_ok(emu: BotAPIEmulator) -> bool:
    return emu.internal_errors == []
