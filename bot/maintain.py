"""The maintainers' commands: `scrbot misses` (what to teach the bot next) and `scrbot stats` (usage).

Both read the question log that `scrbot run` and `scrbot chat` write (SCRBOT_DB, default var/scrbot.db
beside the data folders; in Redis, shared by every replica, when SCRBOT_STORE names Redis).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TypeVar

if TYPE_CHECKING:  # the recorder pulls in logging and SQLite; building the CLI parser must not
    from .recording import LogOptions, Recorder
    from .state.questions import QuestionLog

T = TypeVar("T")

EXIT_CONFIG = 3
DEFAULT_DAYS = 30.0


def log_options() -> LogOptions:
    """The recording settings from the environment (and .env); a malformed one stops with exit code 3."""
    from . import settings
    from .environ import load_dotenv  # the same .env `scrbot run` reads

    try:
        load_dotenv()  # a .env that is not UTF-8 is a one-line error too
        return settings.log_options()
    except ValueError as exc:
        print(f"scrbot: {exc}", file=sys.stderr)
        raise SystemExit(EXIT_CONFIG) from None


def recorder_from_env() -> Recorder:
    """The recorder `scrbot chat` uses: SQLite at SCRBOT_DB (or Redis, SCRBOT_STORE), the retention period
    applied at start."""
    from .recording import Recorder

    recorder = Recorder.open(log_options())
    recorder.start()
    return recorder


MAX_DAYS = 36500.0  # a hundred years: anything longer is a typo, and would reach before 1970


def days(text: str) -> float:
    """An argparse type for --since: a number of days above 0 and at most a hundred years (no nan, no inf)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of days, such as 7 or 0.5") from None
    if not 0.0 < value <= MAX_DAYS:  # also refuses nan and inf
        raise argparse.ArgumentTypeError(f"{text} is not a number of days above 0 and at most {MAX_DAYS:g}")
    return value


def _open(args: argparse.Namespace) -> tuple[LogOptions, QuestionLog | None]:
    """The question log read by misses and stats, or None when nothing was recorded yet.

    A path that is not an SQLite database (a text file, a folder, someone else's database) stops
    with one line and exit code 3, never a traceback.
    """
    from .state.questions import UnusableLog, open_existing

    options = log_options()
    if options.store and not args.db:  # Redis: every replica's questions (--db still reads a file)
        from .state.base import StoreError
        from .state.redis import RedisQuestionLog

        try:
            db = RedisQuestionLog(options.store, options.prefix)
            db.ping()
        except StoreError as exc:
            _unavailable(exc)
        return options, db
    path = Path(args.db or options.db)
    try:
        return options, open_existing(path)
    except UnusableLog as exc:
        problem = str(exc)
    print(f"scrbot: {path} {problem}. Point --db or SCRBOT_DB at the bot's database.", file=sys.stderr)
    raise SystemExit(EXIT_CONFIG)


def _unavailable(exc: Exception) -> NoReturn:
    print(f"scrbot: {exc}. Check SCRBOT_STORE and that Redis is running.", file=sys.stderr)
    raise SystemExit(EXIT_CONFIG)


def _read(db: QuestionLog, query: Callable[[QuestionLog], T]) -> T:
    """A query on the open log, which is closed after; a store that fails stops with one line, exit code 3."""
    from .state.base import StoreError

    try:
        return query(db)
    except StoreError as exc:
        _unavailable(exc)
    finally:
        db.close()


def _since(args: argparse.Namespace) -> tuple[float, float]:
    from .recording import DAY

    days = args.since if args.since is not None else DEFAULT_DAYS
    return days, max(0.0, time.time() - days * DAY)


def _nothing(args: argparse.Namespace, options: LogOptions) -> str:
    return (
        f"No questions recorded yet: {args.db or options.db} does not exist. "
        "`scrbot run` and `scrbot chat` create it when they answer their first question."
    )


def cmd_misses(args: argparse.Namespace) -> int:
    from . import cli
    from .misses import misses_json, misses_report, render_misses

    days, since = _since(args)
    options, db = _open(args)
    engine = cli._load_engine(args)
    misses = []
    if db is not None:
        misses = _read(db, lambda log: log.misses(since))
    elif not args.json:
        print(_nothing(args, options))
        return 0
    report = misses_report(misses, engine, days, options.below)
    if args.json:
        import json  # only for --json: json costs ~1.5 ms of start-up
        print(json.dumps(misses_json(report), ensure_ascii=False, indent=2))
    else:
        print(render_misses(report, limit=args.limit))
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from .stats import compute, render_stats, stats_json

    days, since = _since(args)
    options, db = _open(args)
    counts, misses = [], []
    if db is not None:
        counts, misses = _read(db, lambda log: (log.counts(since), log.misses(since)))
    elif not args.json:
        print(_nothing(args, options))
        return 0
    stats = compute(counts, misses, days)
    if args.json:
        import json  # only for --json: json costs ~1.5 ms of start-up
        print(json.dumps(stats_json(stats), ensure_ascii=False, indent=2))
    else:
        print(render_stats(stats))
    return 0


def _positive_int(text: str) -> int:
    from .cli import positive_int

    return positive_int(text)


def add_commands(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Register `misses` and `stats` with the `scrbot` parser."""
    misses = sub.add_parser(
        "misses",
        parents=[common],
        help="questions the running bot did not answer well, grouped, with what is needed (edits proven first)",
    )
    misses.add_argument("--since", type=days, metavar="DAYS", help=f"the last DAYS days (default {DEFAULT_DAYS:g})")
    misses.add_argument("--json", action="store_true", help="the report as JSON")
    misses.add_argument(
        "--limit", type=_positive_int, default=20, metavar="N", help="show at most N open groups (default 20)"
    )
    misses.add_argument("--db", metavar="PATH", help="the database (default: SCRBOT_DB or var/scrbot.db by the data)")
    misses.set_defaults(func=cmd_misses)

    stats = sub.add_parser("stats", parents=[common], help="questions per day, answered/declined shares, top intents")
    stats.add_argument("--since", type=days, metavar="DAYS", help=f"the last DAYS days (default {DEFAULT_DAYS:g})")
    stats.add_argument("--json", action="store_true", help="the report as JSON")
    stats.add_argument("--db", metavar="PATH", help="the database (default: SCRBOT_DB or var/scrbot.db by the data)")
    stats.set_defaults(func=cmd_stats)
