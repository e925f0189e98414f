"""The real `scrbot run` process attacked through the Bot API emulator and raw HTTP (issue 11).

Access and secrets, each update answered once, no chat stalling the others, the database never
stopping the answers, start-up faults: each test drives `python -m bot run` as an operator would.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from telegram_harness import QUESTION, BotProcess, assert_clean_exit, free_port, raw_request, wait_for_port

from benchmarks.botapi_emulator import BotAPIEmulator, Call

TOKEN = "7654321:AAH-reliab_SECRET-token_value"
SECRET = "webhook-Secret_4u"
ANSWER = "In 2013/14, 71 SCRs were published."
PREVIOUS = "In 2012/13, 31 SCRs were published."
MISS = "what colour is the sky over the river"


@pytest.fixture
def emu() -> Iterator[BotAPIEmulator]:
    with BotAPIEmulator(token=TOKEN, webhook_max_attempts=20, webhook_retry_delay=0.05) as emulator:
        yield emulator


@pytest.fixture
def launch(emu: BotAPIEmulator, tmp_path: Path) -> Iterator[Callable[..., BotProcess]]:
    started: list[BotProcess] = []

    def _launch(webhook: bool = False, ready: str = "setMyCommands", **env: str) -> BotProcess:
        env.setdefault("SCRBOT_DB", str(tmp_path / "bot.db"))
        bot = BotProcess.for_emulator(emu, tmp_path, webhook=webhook, **env)
        started.append(bot)
        return bot.start(emu, ready=ready)

    yield _launch
    for bot in started:
        bot.kill()


def answers(emu: BotAPIEmulator) -> list[Call]:
    return [c for c in emu.calls_to("sendMessage") if c.ok]


def answered_texts(emu: BotAPIEmulator, chat_id: int | None = None) -> list[str]:
    return [c.result["text"] for c in answers(emu) if chat_id is None or c.result["chat"]["id"] == chat_id]


def webhook_env(port: int, **extra: str) -> dict[str, str]:
    return {
        "SCRBOT_WEBHOOK_URL": f"http://127.0.0.1:{port}/hook",
        "SCRBOT_WEBHOOK_PORT": str(port),
        "SCRBOT_WEBHOOK_LISTEN": "127.0.0.1",
        "SCRBOT_WEBHOOK_SECRET": SECRET,
        **extra,
    }


def post_update(port: int, update: dict, secret: str = SECRET) -> int:
    body = json.dumps(update).encode()
    head = (
        f"POST /hook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        f"X-Telegram-Bot-Api-Secret-Token: {secret}\r\nContent-Length: {len(body)}\r\nConnection: close"
    )
    return raw_request(port, head, body, timeout=30)[0]


def fds(bot: BotProcess) -> int:
    assert bot.proc is not None
    return len(os.listdir(f"/proc/{bot.proc.pid}/fd"))


# -- 1 to 4: access and secrets -------------------------------------------------------------------


def test_webhook_without_a_secret_refuses_to_start_unless_opted_out(emu: BotAPIEmulator, launch, tmp_path) -> None:
    port = free_port()
    env = {k: v for k, v in webhook_env(port).items() if k != "SCRBOT_WEBHOOK_SECRET"}
    bot = BotProcess.for_emulator(emu, tmp_path, webhook=True, SCRBOT_DB=str(tmp_path / "x.db"), **env)
    result = subprocess.run(bot.args, cwd=tmp_path, env=bot.env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 3, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "SCRBOT_WEBHOOK_SECRET" in lines[0] and "forged" in lines[0]
    assert emu.calls_to("setWebhook") == []

    opted = launch(webhook=True, ready="setWebhook", SCRBOT_WEBHOOK_INSECURE="1", **env)
    assert "without a secret" in opted.output
    assert_clean_exit(opted.stop(), TOKEN)


def test_webhook_checks_the_secret_before_the_body_and_caps_its_size(emu: BotAPIEmulator, launch) -> None:
    port = free_port()
    bot = launch(webhook=True, ready="setWebhook", **webhook_env(port))
    wait_for_port(port)
    huge = "POST /hook HTTP/1.1\r\nHost: x\r\nContent-Length: 100000000"
    # no body is sent at all: an answer proves it was not waited for
    status, took = raw_request(port, huge + "\r\nX-Telegram-Bot-Api-Secret-Token: guess")
    assert status == 403 and took < 2
    status, took = raw_request(port, huge + f"\r\nX-Telegram-Bot-Api-Secret-Token: {SECRET}")
    assert status == 413 and took < 2
    rss_kib = int(
        next(line for line in Path(f"/proc/{bot.proc.pid}/status").read_text().splitlines() if line.startswith("VmRSS"))
        .split()[1]
    )
    assert rss_kib < 200_000
    assert_clean_exit(bot.stop(), TOKEN)
    assert answers(emu) == []


def test_idle_connections_cannot_lock_telegram_out(emu: BotAPIEmulator, launch) -> None:
    port = free_port()
    bot = launch(webhook=True, ready="setWebhook", **webhook_env(port))
    wait_for_port(port)
    before = fds(bot)
    idle = [socket.create_connection(("127.0.0.1", port)) for _ in range(400)]
    try:
        time.sleep(0.5)
        emu.push_update(emu.private_message(QUESTION))
        emu.wait_for(lambda: answers(emu), timeout=10)
        assert answered_texts(emu) == [ANSWER]
        held = fds(bot) - before
        assert held <= 210, f"{held} descriptors held for idle sockets"
    finally:
        for sock in idle:
            sock.close()
    result = bot.stop()
    assert_clean_exit(result, TOKEN)
    assert "accept" not in result.output.lower()
    print(f"\n400 idle sockets: {held} descriptors held; the update was answered once")


def test_an_idle_connection_is_closed_after_the_header_timeout(emu: BotAPIEmulator, launch) -> None:
    from bot.telegram.webhook import HEADER_TIMEOUT

    port = free_port()
    bot = launch(webhook=True, ready="setWebhook", **webhook_env(port))
    wait_for_port(port)
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.settimeout(HEADER_TIMEOUT + 5)
        started = time.monotonic()
        sock.sendall(b"POST /hook HTTP/1.1\r\n")  # a request head that never ends
        assert sock.recv(1024) == b""  # closed by the bot, not by this test's timeout
        waited = time.monotonic() - started
    assert HEADER_TIMEOUT - 1 < waited < HEADER_TIMEOUT + 4
    assert_clean_exit(bot.stop(), TOKEN)


def test_debug_log_keeps_out_the_secret_names_and_text(emu: BotAPIEmulator, launch) -> None:
    port = free_port()
    bot = launch(webhook=True, ready="setWebhook", SCRBOT_LOG_LEVEL="DEBUG", **webhook_env(port))
    wait_for_port(port)
    user = {"id": 4242, "is_bot": False, "first_name": "Zebulon", "last_name": "Quimby", "username": "zquimby"}
    emu.push_update(emu.private_message("how many SCRs were published in 2013/14 xylophone?", user=user))
    emu.wait_for(lambda: answers(emu), timeout=10)
    result = bot.stop()
    assert_clean_exit(result, TOKEN)
    assert "DEBUG" in result.output
    for private in (SECRET, "Zebulon", "Quimby", "zquimby", "xylophone"):
        assert private not in result.output, private


# -- 5 to 8: each update answered once --------------------------------------------------------------


def test_webhook_answers_after_handling_and_once_per_update_id(emu: BotAPIEmulator, launch, tmp_path) -> None:
    port = free_port()
    bot = launch(webhook=True, ready="setWebhook", **webhook_env(port))
    wait_for_port(port)
    update = {**emu.private_message(QUESTION), "update_id": 777_001}
    emu.push_update(emu.private_message("/start"))  # the emulator learns the chat
    emu.wait_for(lambda: answers(emu), timeout=10)
    emu.reset_calls()
    emu.inject_fault("sendMessage", None, delay=1.0)  # the reply takes a second
    started = time.monotonic()
    assert post_update(port, update) == 200
    took = time.monotonic() - started
    assert len(answers(emu)) == 1 and took >= 1.0  # the 200 came after the reply, not before
    threads = [threading.Thread(target=post_update, args=(port, update)) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert answered_texts(emu) == [ANSWER]
    assert_clean_exit(bot.stop(), TOKEN)

    again = launch(webhook=True, ready="setWebhook", **webhook_env(port))  # remembered across a restart
    wait_for_port(port)
    assert post_update(port, update) == 200
    assert answered_texts(emu) == [ANSWER]
    assert_clean_exit(again.stop(), TOKEN)


def test_sigkill_mid_batch_answers_nothing_twice(emu: BotAPIEmulator, launch) -> None:
    bot = launch()
    emu.wait_for(emu.polling_clients)
    slow_user = {"id": 9001, "is_bot": False, "first_name": "Slow"}
    emu.inject_fault("sendMessage", 502, delay=30)  # the first reply hangs in Telegram
    users = [{"id": 9100 + n, "is_bot": False, "first_name": f"U{n}"} for n in range(8)]
    emu.push_updates(
        [emu.private_message(QUESTION, user=slow_user)] + [emu.private_message(QUESTION, user=u) for u in users]
    )
    emu.wait_for(lambda: len(answers(emu)) == 8, timeout=15)  # the others were not held up by the slow one
    time.sleep(0.3)  # the handled ones are written down
    assert bot.proc is not None
    bot.proc.send_signal(signal.SIGKILL)
    bot.proc.wait(5)
    assert emu.pending_updates() >= 1, "the update being handled was confirmed"
    emu.clear_faults()
    emu.reset_calls()
    again = launch()
    emu.wait_for(lambda: answers(emu), timeout=10)
    time.sleep(1.0)
    assert [c.result["chat"]["id"] for c in answers(emu)] == [slow_user["id"]]  # only the unfinished one
    assert_clean_exit(again.stop(), TOKEN)
    assert emu.pending_updates() == 0


def test_a_second_bot_on_the_same_database_refuses_to_start(emu: BotAPIEmulator, launch, tmp_path) -> None:
    first = launch()
    second = BotProcess.for_emulator(emu, tmp_path, SCRBOT_DB=str(tmp_path / "bot.db"))
    result = subprocess.run(second.args, cwd=tmp_path, env=second.env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 3
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "already uses this database" in lines[0] and str(first.proc.pid) in lines[0]
    emu.push_update(emu.private_message(QUESTION))
    emu.wait_for(lambda: answers(emu), timeout=10)
    time.sleep(0.5)
    assert answered_texts(emu) == [ANSWER]
    assert_clean_exit(first.stop(), TOKEN)


def test_a_poison_update_is_skipped_once_without_its_text(emu: BotAPIEmulator, launch) -> None:
    bot = launch()
    emu.wait_for(emu.polling_clients)
    poison = {"message": {"message_id": 5, "date": 1700000000, "chat": {"id": 77, "type": "private"},
                          "text": "poisonous secret words", "entities": [{"type": "mention"}]}}  # fmt: skip
    calls_before = len(emu.calls_to("getUpdates"))
    emu.push_update(poison)
    emu.push_update(emu.private_message(QUESTION))
    emu.wait_for(lambda: answers(emu), timeout=10)
    time.sleep(1.0)
    result = bot.stop()
    assert_clean_exit(result, TOKEN)
    assert answered_texts(emu) == [ANSWER]
    assert len(emu.calls_to("getUpdates")) - calls_before < 10
    assert result.output.count("could not be read") == 1
    assert "poisonous" not in result.output and "CRITICAL" not in result.output


# -- 9: no chat stalls the others -------------------------------------------------------------------


def test_a_429_in_one_chat_does_not_hold_up_another(emu: BotAPIEmulator, launch) -> None:
    bot = launch()
    emu.wait_for(emu.polling_clients)
    emu.inject_fault("sendMessage", 429, retry_after=6)
    waiting = {"id": 9201, "is_bot": False, "first_name": "Waits"}
    emu.push_update(emu.private_message(QUESTION, user=waiting))
    emu.wait_for(lambda: emu.calls_to("sendMessage"), timeout=5)
    asked = time.monotonic()
    other = {"id": 9202, "is_bot": False, "first_name": "Other"}
    emu.push_update(emu.private_message(QUESTION, user=other))
    emu.wait_for(lambda: answered_texts(emu, other["id"]), timeout=10)
    took = time.monotonic() - asked
    emu.wait_for(lambda: answered_texts(emu, waiting["id"]), timeout=15)
    assert_clean_exit(bot.stop(), TOKEN)
    assert took < 3, f"the other chat waited {took:.1f}s behind a 429 of 6 s"
    print(f"\nanother chat answered {took:.2f}s after asking, during a 6 s retry_after")


# -- 11: the database never stops the answers ------------------------------------------------------


def test_a_locked_or_deleted_database_does_not_stop_the_answers(emu: BotAPIEmulator, launch, tmp_path) -> None:
    db = tmp_path / "bot.db"
    bot = launch(SCRBOT_DB=str(db))
    emu.wait_for(emu.polling_clients)
    holder = sqlite3.connect(db, timeout=1, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another process holds the write lock
    try:
        asked = time.monotonic()
        emu.push_update(emu.private_message(QUESTION))
        emu.wait_for(lambda: answers(emu), timeout=10)
        emu.push_update(emu.private_message("and the previous year?"))
        emu.wait_for(lambda: len(answers(emu)) == 2, timeout=10)
        took = time.monotonic() - asked
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert answered_texts(emu) == [ANSWER, PREVIOUS]
    assert took < 3, f"two answers took {took:.1f}s under a held lock"

    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    emu.push_update(emu.private_message(QUESTION))
    emu.wait_for(lambda: len(answers(emu)) == 3, timeout=10)
    emu.push_update(emu.private_message(MISS))  # the question log is recreated too
    emu.wait_for(lambda: len(answers(emu)) == 4, timeout=10)
    deadline = time.monotonic() + 10
    while not db.exists() or not _rows(db, "ctx") or not _misses(db):
        assert time.monotonic() < deadline, "the deleted database was not recreated"
        time.sleep(0.1)
    result = bot.stop()
    assert_clean_exit(result, TOKEN)
    assert result.output.count("vanished") == 2  # the state and the question log, once each
    print(f"\ntwo answers in {took:.2f}s while another process held the write lock")


def _misses(db: Path) -> list[str]:
    try:
        with sqlite3.connect(db, timeout=1) as conn:
            return [r[0] for r in conn.execute("SELECT text FROM missed_questions")]
    except sqlite3.Error:
        return []


def _rows(db: Path, namespace: str) -> list[str]:
    try:
        with sqlite3.connect(db, timeout=1) as conn:
            return [r[0] for r in conn.execute("SELECT key FROM kv WHERE namespace=?", (namespace,))]
    except sqlite3.Error:
        return []


# -- 16: SIGHUP while starting ---------------------------------------------------------------------


def test_sighup_while_starting_is_a_reload_not_a_kill(emu: BotAPIEmulator, tmp_path) -> None:
    emu.inject_fault("getMe", None, delay=1.5)  # Telegram is slow to answer
    bot = BotProcess.for_emulator(emu, tmp_path, SCRBOT_DB=str(tmp_path / "bot.db"))
    with bot.log.open("wb") as out:
        bot.proc = subprocess.Popen(bot.args, cwd=tmp_path, env=bot.env, stdout=out, stderr=subprocess.STDOUT)
    try:
        for delay in (0.3, 0.5, 0.3):
            time.sleep(delay)
            bot.proc.send_signal(signal.SIGHUP)
        emu.wait_for(lambda: emu.calls_to("setMyCommands"), timeout=20)
        emu.push_update(emu.private_message(QUESTION))
        emu.wait_for(lambda: answers(emu), timeout=10)
        assert answered_texts(emu) == [ANSWER]
        assert_clean_exit(bot.stop(), TOKEN)
    finally:
        bot.kill()
