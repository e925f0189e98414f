"""The load test: thousands of messages from hundreds of users in groups and private chats, through the
real Application and the Bot API emulator over HTTP.

It checks what a busy deployment needs: every message that should be answered is answered exactly once,
nothing that should be ignored is, and memory stops growing after a warm-up. Telegram's own flood
limits and the bot's per-user limits are off here (they would turn a throughput test into a test of
the limiter, which tests/test_rate_limits.py and the e2e section cover). The bot runs as its own process,
so its memory is measured apart from the emulator's. Users are otherwise realistic:
private questions, group mentions, /ask, chatter the bot must ignore, and commands for another bot.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

QUESTIONS = (
    "how many SCRs were published in 2013/14?",
    "and the previous year?",
    "what drove the increase?",
    "what was the publication rate?",
    "who is Sue Woolmore?",
    "how much did commissioned SCRs rise since 2011/12?",
    "when did Ofsted stop evaluating SCRs?",
    "what is an LSCB?",
)
CHATTER = ("morning all", "see you at the board meeting", "thanks for the papers", "lol", "👍")


def _rss_kib(pid: int | str = "self") -> int:
    """Current (not peak) resident memory of a process, from /proc; 0 where there is no /proc."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def plan(messages: int, users: int, groups: int, seed: int = 7) -> list[tuple[str, int, int, str, bool]]:
    """(kind, user, group, text, should_answer) for each message, in sending order."""
    rng = random.Random(seed)
    out = []
    for _ in range(messages):
        user = rng.randrange(users)
        membership = (user % groups, (user * 7 + 3) % groups)  # each user talks in two groups, as people do
        roll = rng.random()
        if roll < 0.3:
            out.append(("private", user, -1, rng.choice(QUESTIONS), True))
        elif roll < 0.55:
            out.append(("mention", user, rng.choice(membership), "@{bot} " + rng.choice(QUESTIONS), True))
        elif roll < 0.7:
            out.append(("ask", user, rng.choice(membership), "/ask@{bot} " + rng.choice(QUESTIONS), True))
        elif roll < 0.9:
            out.append(("chatter", user, rng.choice(membership), rng.choice(CHATTER), False))
        else:
            out.append(("other_bot", user, rng.choice(membership), "/ask@other_bot " + rng.choice(QUESTIONS), False))
    return out


def _send_all(
    emu: Any,
    bot_pid: int,
    messages: int,
    users: int,
    groups: int,
    sent_before: int,
    expected: dict[int, tuple[int, str]],
    rss: dict[str, int],
) -> float:
    """Push the planned messages in batches of 200, waiting for each batch's answers; the seconds taken."""
    bot_name = emu.bot_user["username"]
    warm = max(1, messages // 10)
    started = time.perf_counter()
    batch: list[tuple[dict[str, Any], bool, str]] = []
    for i, (kind, user, group, text, answer) in enumerate(plan(messages, users, groups)):
        sender = {"id": 5_000_000 + user, "is_bot": False, "first_name": f"User{user}"}
        text = text.format(bot=bot_name)
        if kind == "private":
            update = emu.private_message(text, user=sender)
        else:
            update = emu.group_message(text, chat_id=-100_000_000 - group, user=sender)
        batch.append((update, answer, kind))
        if len(batch) == 200 or i == messages - 1:
            ids = emu.push_updates([u for u, _, _ in batch])
            for update_id, (update, answer, kind) in zip(ids, batch, strict=True):
                if answer:
                    expected[update_id] = (update["message"]["chat"]["id"], kind)
            batch = []
            target = sent_before + len(expected)
            emu.wait_for(lambda target=target: len(emu.calls_to("sendMessage")) >= target, 120)
            if i + 1 >= warm and "after_warmup" not in rss:
                rss["after_warmup"] = _rss_kib(bot_pid)
            if i + 1 >= messages // 2 and "half_way" not in rss:
                rss["half_way"] = _rss_kib(bot_pid)
    return time.perf_counter() - started


def _report(
    emu: Any,
    messages: int,
    users: int,
    groups: int,
    sent_before: int,
    expected: dict[int, tuple[int, str]],
    ignored: int,
    elapsed: float,
    rss: dict[str, int],
) -> dict[str, Any]:
    sends = emu.calls_to("sendMessage")[sent_before:]
    per_chat = Counter(int(c.params["chat_id"]) for c in sends if c.ok)
    wanted = Counter(chat for chat, _ in expected.values())
    return {
        "messages": messages,
        "users": users,
        "groups": groups,
        "should_answer": len(expected),
        "should_ignore": ignored,
        "replies": len(sends),
        "failed_sends": sum(1 for c in sends if not c.ok),
        "chats": len(wanted),
        "chats_answered_exactly": sum(1 for chat, n in wanted.items() if per_chat.get(chat) == n),
        "extra_replies": sum(max(0, per_chat.get(chat, 0) - n) for chat, n in wanted.items())
        + sum(n for chat, n in per_chat.items() if chat not in wanted),
        "seconds": round(elapsed, 2),
        "messages_per_second": round(messages / elapsed, 1),
        "rss_kib": rss,
        "rss_growth_kib": rss.get("end", 0) - rss.get("after_warmup", 0),
        "rss_growth_second_half_kib": rss.get("end", 0) - rss.get("half_way", 0),
    }


def run_load(engine: Any = None, messages: int = 10_000, users: int = 500, groups: int = 50) -> dict[str, Any]:
    """Run the load test: a fresh emulator in this process, the unmodified bot (`python -m bot run`) in its own.

    `engine` is unused (the bot process loads its own); kept so callers can pass what they have.
    """
    from .botapi_emulator import BotAPIEmulator

    with tempfile.TemporaryDirectory(prefix="scrbot-load-") as tmp, BotAPIEmulator() as emu:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("SCRBOT_", "TELEGRAM_"))}
        env.update(
            TELEGRAM_BOT_TOKEN=emu.token, TELEGRAM_BASE_URL=emu.base_url, TELEGRAM_BASE_FILE_URL=emu.base_file_url,
            SCRBOT_DB=str(Path(tmp) / "state.db"), SCRBOT_CACHE_DIR=str(Path(tmp) / "cache"),
            SCRBOT_USER_RATE="0", SCRBOT_GROUP_RATE="0", SCRBOT_TELEGRAM_LIMITER="off", SCRBOT_LOG_LEVEL="WARNING",
            PYTHONPATH=str(Path(__file__).resolve().parent.parent),
        )  # fmt: skip
        bot = subprocess.Popen([sys.executable, "-m", "bot", "run"], env=env, cwd=tmp,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)  # fmt: skip
        try:
            emu.wait_for_calls("setMyCommands", timeout=60)
            sent_before = len(emu.calls_to("sendMessage"))
            expected: dict[int, tuple[int, str]] = {}
            rss: dict[str, int] = {}
            elapsed = _send_all(emu, bot.pid, messages, users, groups, sent_before, expected, rss)
            time.sleep(0.5)  # anything wrongly answered late would show up now
            rss["end"] = _rss_kib(bot.pid)
        finally:
            bot.send_signal(signal.SIGTERM)
            try:
                bot.wait(timeout=20)
            except subprocess.TimeoutExpired:
                bot.kill()
        return _report(emu, messages, users, groups, sent_before, expected, messages - len(expected), elapsed, rss)
