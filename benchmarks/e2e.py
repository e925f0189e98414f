"""`scrbot bench` end to end: the real Telegram application against the local Bot API emulator.

Three bots run as separate processes, each long-polling its own emulator (tests/botapi_emulator.py,
127.0.0.1 only) that runs in the benchmark's process:

* scrbot: `bot.telegram.app.build_application` with a `Settings` pointing at the emulator and its
  state in a temporary SQLite file, exactly what `scrbot run` builds;
* echo: a minimal python-telegram-bot bot whose one `MessageHandler` replies with the same text;
* echo+limiter: the same echo bot with the `AIORateLimiter` scrbot uses, to tell the cost of
  answering from the cost of rate limiting;
* scrbot-nolimiter: scrbot with Telegram's flood limiter off (SCRBOT_TELEGRAM_LIMITER=off), set up
  exactly as the echo bot is, so the two differ only in the bot's own work. The shipped scrbot keeps
  Telegram's documented 30 messages a second, which the minimal echo bot ignores; beside it, the
  shipped bot's throughput measures the limiter, not the bot.

Every update is a private message from a new user, so its reply is found by chat id. A run pushes
N updates keeping at most `window` unanswered; the throughput is N over the time from the first push
to the last reply, and a reply's latency is from its push to the emulator's record of the
sendMessage call. Before that, a few updates are sent one at a time, 20 a second (under Telegram's
30 a second, after a pause that lets a rate limiter's bucket drain) for the latency of an idle bot. The
repetitions alternate between the bots, so a slow moment of the machine hits all of them.

Run as `python -m benchmarks.e2e worker KIND ...` this module is one of those bot processes.
"""

from __future__ import annotations

import argparse
import itertools
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bot import config

BOTS = ("echo", "echo+limiter", "scrbot", "scrbot-nolimiter")
LIMITED = ("echo+limiter", "scrbot")  # held to Telegram's 30 messages a second: fewer updates tell as much
LIMITED_UPDATES = 300
READY_TIMEOUT = 60.0
PACE = 0.05  # seconds between updates sent one at a time: 20/s, under the 30/s of Telegram's (and PTB's) limit
QUIET = 1.1  # seconds of silence before a paced run, so a rate limiter's bucket has drained
FIRST_USER_ID = 50_000_000


def _emulator_module():
    """The Bot API emulator the tests use too (benchmarks/botapi_emulator.py)."""
    from . import botapi_emulator

    return botapi_emulator


class BotRun:
    """One emulator plus one bot process polling it."""

    def __init__(self, kind: str, options: Any, workdir: Path, users: itertools.count) -> None:
        emulator = _emulator_module()
        self.kind = kind
        self.users = users
        self.emu = emulator.BotAPIEmulator().start()
        self.last_reply = 0.0
        self.log_path = workdir / f"{kind.replace('+', '-')}.log"
        args = [
            sys.executable, "-m", "benchmarks.e2e", "worker", kind,
            "--token", self.emu.token, "--base-url", self.emu.base_url, "--base-file-url", self.emu.base_file_url,
            "--state", str(workdir / f"{kind.replace('+', '-')}-state.db"),
            "--facts", str(options.facts), "--intents", str(options.intents),
        ]  # fmt: skip
        proxies = ("http_proxy", "https_proxy", "all_proxy")
        env = {k: v for k, v in os.environ.items() if not k.startswith(("SCRBOT_", "TELEGRAM_"))}
        env = {k: v for k, v in env.items() if k.lower() not in proxies}
        env.update(PYTHONPATH=str(config.REPO), NO_PROXY="127.0.0.1,localhost", PYTHONUNBUFFERED="1")
        with self.log_path.open("wb") as out:
            self.proc = subprocess.Popen(args, cwd=workdir, env=env, stdout=out, stderr=subprocess.STDOUT)

    def wait_ready(self) -> None:
        """Until the bot long-polls (scrbot also registers its commands first)."""
        deadline = time.monotonic() + READY_TIMEOUT
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the {self.kind} bot exited with {self.proc.returncode}:\n{self.output()[-2000:]}")
            registered = not self.kind.startswith("scrbot") or self.emu.calls_to("setMyCommands")
            if self.emu.polling_clients() > 0 and registered:
                return
            if time.monotonic() > deadline:
                raise TimeoutError(f"the {self.kind} bot did not start polling within {READY_TIMEOUT:.0f}s")
            time.sleep(0.05)

    def output(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace") if self.log_path.exists() else ""

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        self.emu.stop()

    def exchange(self, texts: list[str], window: int, timeout: float, pace: float = 0.0) -> dict[str, Any]:
        """Push `texts` as private messages from new users, at most `window` unanswered and at least `pace`
        seconds apart; time the replies."""
        emu = self.emu
        emu.reset_calls()
        cpu_before = _cpu_seconds(self.proc.pid)
        pushed_at: dict[int, float] = {}
        latencies: list[float] = []
        failed = 0
        seen = 0
        next_text = 0
        answered = 0
        first_push = last_push = last_reply = 0.0
        deadline = time.monotonic() + timeout
        while answered + failed < len(texts):
            while next_text < len(texts) and next_text - answered - failed < window:
                if pace and first_push:
                    time.sleep(max(0.0, last_push + pace - time.time()))
                uid = next(self.users)
                update = emu.private_message(texts[next_text], user=emu.user(uid, f"user{uid}", None))
                now = time.time()
                emu.push_update(update)
                pushed_at[uid] = now
                first_push = first_push or now
                last_push = now
                next_text += 1
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(
                    f"the {self.kind} bot answered {answered} of {len(texts)} updates within {timeout:.0f}s"
                )
            count = seen
            try:
                emu.wait_for(lambda count=count: emu.call_count() > count, timeout=min(remaining, 5.0))
            except TimeoutError:
                if self.proc.poll() is not None:
                    raise RuntimeError(f"the {self.kind} bot exited:\n{self.output()[-2000:]}") from None
                continue
            fresh = emu.calls_since(seen)
            for call in fresh:
                if call.method != "sendMessage":
                    continue
                try:
                    chat = int(call.params.get("chat_id"))
                except (TypeError, ValueError):
                    continue
                start = pushed_at.pop(chat, None)
                if start is None:
                    continue  # a second message of a long answer
                if call.ok:
                    answered += 1
                    latencies.append((call.time - start) * 1000)
                    last_reply = max(last_reply, call.time)
                else:
                    failed += 1
            seen += len(fresh)
        span = max(last_reply - first_push, 1e-9)
        self.last_reply = last_reply
        return {
            "answered": answered,
            "failed": failed,
            "updates_per_s": answered / span,
            "latency_median_ms": statistics.median(latencies) if latencies else float("nan"),
            "latency_p95_ms": _percentile(latencies, 95) if latencies else float("nan"),
            "cpu_ms_per_update": _per_update(cpu_before, _cpu_seconds(self.proc.pid), answered),
        }


def _per_update(before: float | None, after: float | None, answered: int) -> float | None:
    """CPU milliseconds per answered update, or None where /proc cannot tell (or counted no tick)."""
    if before is None or after is None or after <= before or not answered:
        return None
    return (after - before) * 1000 / answered


def _cpu_seconds(pid: int) -> float | None:
    """User + system CPU seconds of a process so far (Linux /proc; None elsewhere).

    On a busy 2-core machine throughput swings with whatever else runs; the CPU a bot spends per
    update does not, so it tells the bot's own work from HTTP's more steadily.
    """
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def _percentile(values: list[float], q: float) -> float:
    from .run import percentile

    return percentile(values, q)


def bench_e2e(options: Any, questions: list[str]) -> dict[str, Any]:
    from .run import figure

    texts = [q for q in questions if q.strip()]
    n, window, idle = options.updates, options.window, options.one_by_one
    batches = [[texts[(rep * n + i) % len(texts)] for i in range(n)] for rep in range(options.repeat)]
    users = itertools.count(FIRST_USER_ID)
    timeout = max(60.0, n / 5.0)  # no bot here is slower than 5 answers a second unless something is wrong
    per_bot: dict[str, list[dict[str, Any]]] = {kind: [] for kind in BOTS}
    with tempfile.TemporaryDirectory(prefix="scrbot-bench-e2e-") as tmp:
        runs: dict[str, BotRun] = {}
        try:
            for kind in BOTS:
                runs[kind] = BotRun(kind, options, Path(tmp), users)
            for kind in BOTS:
                runs[kind].wait_ready()
            for kind in BOTS:  # warm-up: connections, imports, the state file
                runs[kind].exchange(texts[:window], window, timeout)
            for rep in range(options.repeat):
                options.log(f"  e2e: repetition {rep + 1}/{options.repeat}")
                for kind in BOTS:
                    run = runs[kind]
                    time.sleep(max(0.0, run.last_reply + QUIET - time.time()))
                    one = run.exchange(batches[rep][-idle:], 1, timeout, pace=PACE)
                    batch = batches[rep][: _updates_for(kind, n)]
                    loaded = run.exchange(batch, window, timeout)
                    loaded["idle_latency_median_ms"] = one["latency_median_ms"]
                    loaded["idle_latency_p95_ms"] = one["latency_p95_ms"]
                    loaded["failed"] += one["failed"]
                    per_bot[kind].append(loaded)
            errors = {kind: run.emu.internal_errors for kind, run in runs.items() if run.emu.internal_errors}
        finally:
            for run in runs.values():
                run.stop()
    if errors:
        raise RuntimeError(f"the emulator met internal errors: {errors}")

    keys = ("updates_per_s", "latency_median_ms", "latency_p95_ms", "idle_latency_median_ms", "idle_latency_p95_ms")
    bots = {
        kind: {key: figure([r[key] for r in rows], 2) for key in keys}
        | {"failed": sum(r["failed"] for r in rows), "updates": _updates_for(kind, n)}
        | _cpu_figure(rows)
        for kind, rows in per_bot.items()
    }
    pairs = list(zip(per_bot["scrbot"], per_bot["echo"], per_bot["echo+limiter"], strict=True))
    alike = list(zip(per_bot["scrbot-nolimiter"], per_bot["echo"], strict=True))
    return {
        "updates": n,
        "updates_limited": _updates_for(LIMITED[0], n),
        "window": window,
        "one_at_a_time": idle,
        "one_at_a_time_rate": 1 / PACE,
        "repeat": options.repeat,
        "method": (
            "each bot a separate process long-polling its own emulator; throughput = answered / (last reply - "
            "first push); latency = push to the emulator's record of sendMessage"
        ),
        "bots": bots,
        "ratio": {
            "throughput": figure([s["updates_per_s"] / e["updates_per_s"] for s, e, _ in pairs]),
            "latency_median": figure([s["latency_median_ms"] / e["latency_median_ms"] for s, e, _ in pairs]),
            "throughput_vs_limited": figure([s["updates_per_s"] / lim["updates_per_s"] for s, _, lim in pairs]),
            # like for like: neither bot throttles itself to Telegram's limits
            "throughput_alike": figure([s["updates_per_s"] / e["updates_per_s"] for s, e in alike]),
            "latency_median_alike": figure([s["latency_median_ms"] / e["latency_median_ms"] for s, e in alike]),
        }
        | _cpu_ratio(alike),
    }


def _updates_for(kind: str, n: int) -> int:
    """Updates per throughput run for one bot: the bots held to Telegram's 30/s get fewer."""
    return min(n, LIMITED_UPDATES) if kind in LIMITED else n


def _cpu_figure(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """{"cpu_ms_per_update": figure} when every run could be measured, else nothing (the key is optional)."""
    from .run import figure

    values = [r["cpu_ms_per_update"] for r in rows]
    return {"cpu_ms_per_update": figure(values, 2)} if values and None not in values else {}


def _cpu_ratio(pairs: list[tuple[dict[str, Any], dict[str, Any]]]) -> dict[str, Any]:
    from .run import figure

    values = [(s["cpu_ms_per_update"], e["cpu_ms_per_update"]) for s, e in pairs]
    if not values or any(a is None or b is None for a, b in values):
        return {}
    return {"cpu_per_update_alike": figure([a / b for a, b in values])}


# -- the bot processes ---------------------------------------------------------------------------------


def worker(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.e2e worker")
    parser.add_argument("kind", choices=BOTS)
    for name in ("--token", "--base-url", "--base-file-url", "--state", "--facts", "--intents"):
        parser.add_argument(name, required=True)
    args = parser.parse_args(argv)

    from telegram import Update
    from telegram.ext import AIORateLimiter, Application, MessageHandler, filters

    if args.kind.startswith("scrbot"):
        from bot.engine import Engine
        from bot.settings import Settings
        from bot.telegram.app import build_application

        engine = Engine.load(Path(args.facts), Path(args.intents))
        settings = Settings(
            token=args.token,
            base_url=args.base_url,
            base_file_url=args.base_file_url,
            state_path=args.state,
            telegram_limiter=args.kind == "scrbot",
        )
        app = build_application(settings, engine)
    else:
        builder = Application.builder().token(args.token).base_url(args.base_url).base_file_url(args.base_file_url)
        if args.kind == "echo+limiter":
            builder = builder.rate_limiter(AIORateLimiter(max_retries=3))
        app = builder.build()

        async def echo(update: Update, context: Any) -> None:
            await update.message.reply_text(update.message.text)

        app.add_handler(MessageHandler(filters.TEXT, echo))
    app.run_polling(allowed_updates=Update.ALL_TYPES)
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "worker":
        raise SystemExit(worker(sys.argv[2:]))
    raise SystemExit("usage: python -m benchmarks.e2e worker KIND --token ... (started by scrbot bench)")
