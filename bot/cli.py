"""The `scrbot` command: ask, chat, run, webhook, check, chart, misses, stats, eval, bench.

Its JSON output is a contract: only add keys.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__, config, environ

if TYPE_CHECKING:
    import argparse

EXIT_DATA = 2  # data in facts/ or intents/ is invalid
EXIT_USAGE = 2  # as argparse: the command line itself is wrong
EXIT_CONFIG = 3  # a setting (token, webhook URL ...) is missing or malformed


def fraction(text: str) -> float:
    """An argparse type: a number from 0 to 1 (a share, such as 0.95), so "99" is refused, not read as 9900%."""
    import argparse

    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number; give a share from 0 to 1, such as 0.95") from None
    if not 0.0 <= value <= 1.0:  # also refuses nan
        raise argparse.ArgumentTypeError(f"{text} is not between 0 and 1; give a share such as 0.95 (for 95%)")
    return value


def positive_int(text: str) -> int:
    """An argparse type: a whole number of 1 or more."""
    import argparse

    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text} must be 1 or more")
    return value


def _load_engine(args: argparse.Namespace, cached: bool = False):
    """Load the engine or print the data problems (no traceback) and exit 2.

    `cached` reuses the compiled engine of the last start when the data is unchanged (ask, chat, run);
    `check` and `eval` always load and validate afresh.
    """
    from .engine import Engine
    from .knowledge.errors import DataError

    load = Engine.load_cached if cached else Engine.load
    try:
        return load(config.facts_dir(args.facts), config.intents_dir(args.intents))
    except DataError as exc:
        print(exc.report(), file=sys.stderr)
        print(f"The bot will not start until the data is fixed. Run '{_check_command(args)}' after editing.",
              file=sys.stderr)
        raise SystemExit(EXIT_DATA) from None


def _check_command(args: argparse.Namespace) -> str:
    """`scrbot check` with the same data folders as the command that failed."""
    import shlex

    flags = [f"--{name} {shlex.quote(value)}" for name in ("facts", "intents") if (value := getattr(args, name, None))]
    return " ".join(["scrbot check", *flags])


def cmd_ask(args: argparse.Namespace) -> int:
    if not args.question and sys.stdin.isatty():  # nothing piped in: say how, rather than wait silently
        print(
            'usage: scrbot ask "QUESTION"   (or pipe questions in, one per line: scrbot ask < questions.txt)',
            file=sys.stderr,
        )
        return EXIT_USAGE
    from .gcpause import no_gc_pauses

    with no_gc_pauses(freeze=True):  # the imports and the load: a tenth of the start-up goes to the collector otherwise
        from .answers.replies import speaking
        from .console import render_text
        from .conversation import Context

        engine = _load_engine(args, cached=True)
    questions = [" ".join(args.question)] if args.question else (line.rstrip("\n") for line in sys.stdin)
    for question in questions:
        if not args.question and not question.strip():
            continue
        try:
            reply, _ = engine.reply(question, Context())
        except Exception as exc:  # a bug must not end the run or show a traceback: say so, go on to the next
            print(f"Sorry, I couldn't answer that one (an internal error: {type(exc).__name__}).", flush=True)
            continue
        if args.json:
            import json  # only for --json: json costs ~1.5 ms of start-up
            print(json.dumps(reply.to_json(question), ensure_ascii=False), flush=True)
        else:
            with speaking(engine.replies):  # the console's labels in this engine's wording (not the shipped YAML)
                print(render_text(reply, show_sources=args.sources), flush=True)
    return 0


def cmd_chat(args: argparse.Namespace, engine=None) -> int:
    from .console import chat
    from .maintain import recorder_from_env

    engine = engine or _load_engine(args, cached=True)
    recorder = recorder_from_env()  # counts every question, keeps the misses in SCRBOT_DB (`scrbot misses`)
    try:
        return chat(engine, as_json=args.json, show_sources=args.sources, recorder=recorder)
    finally:
        recorder.close()


def cmd_run(args: argparse.Namespace) -> int:
    from .environ import load_dotenv
    from .hangup import defer

    hangups = defer()  # a SIGHUP while starting is a reload to do once running, not a kill
    from .settings import Settings, SettingsError, check_paths

    try:
        load_dotenv()
    except SettingsError as exc:
        print(f"scrbot: {exc}", file=sys.stderr)
        return EXIT_CONFIG
    if environ.token_is_set() and not environ.token().strip():
        print("scrbot: TELEGRAM_BOT_TOKEN is set but empty: set the token, or unset it for the console.",
              file=sys.stderr)
        return EXIT_CONFIG
    if not environ.token().strip():
        if args.webhook:
            print("scrbot run --webhook needs TELEGRAM_BOT_TOKEN and SCRBOT_WEBHOOK_URL.", file=sys.stderr)
            return EXIT_CONFIG
        engine = _load_engine(args, cached=True)  # bad data stops here, before anything says it is starting
        print("TELEGRAM_BOT_TOKEN is not set: starting the offline console chat instead.", file=sys.stderr)
        return cmd_chat(args, engine)
    from .telegram.startup import InstanceLock, check_database, check_webhook

    lock = None
    try:
        settings = Settings.from_env()
        check_paths(settings.state_path, config.facts_dir(args.facts), config.intents_dir(args.intents))
        if args.webhook:
            check_webhook(settings)
        if not settings.store:  # one process per SQLite file; replicas sharing Redis need no such lock
            check_database(settings.state_path)
            lock = InstanceLock(settings.state_path)
            lock.acquire()  # held until the process ends: a second `scrbot run` on this database refuses to start
    except SettingsError as exc:  # every bad setting, one line each
        for line in str(exc).splitlines():
            print(f"scrbot: {line}", file=sys.stderr)
        return EXIT_CONFIG
    engine = _load_engine(args, cached=True)  # refuse to start on invalid data, with the same messages as `check`
    engine.context_ttl = settings.context_ttl
    from telegram.error import InvalidToken, NetworkError

    from .telegram.app import run

    try:
        run(settings, engine, webhook=args.webhook, hangups=hangups)
    except SettingsError as exc:  # found once running: the webhook port is taken ...
        print(f"scrbot: {exc}", file=sys.stderr)
        return EXIT_CONFIG
    except InvalidToken:
        print("scrbot: Telegram rejected TELEGRAM_BOT_TOKEN. Check it with @BotFather.", file=sys.stderr)
        return EXIT_CONFIG
    except NetworkError as exc:
        print(
            f"scrbot: cannot reach Telegram ({type(exc).__name__}). Check the network and TELEGRAM_BASE_URL.",
            file=sys.stderr,
        )
        return 1
    return 0


def cmd_webhook(args: argparse.Namespace) -> int:
    from .telegram.registration import main as webhook_main

    return webhook_main(args.action, drop_pending=args.drop_pending, as_json=args.json)


def cmd_check(args: argparse.Namespace) -> int:
    from .reload import summary

    engine = _load_engine(args)
    documents = engine.facts.sources
    names = ", ".join(d.path.name for d in documents)
    quotes = f"its source ({names})" if len(documents) == 1 else f"one of {len(documents)} sources ({names})"
    print(f"ok: {summary(engine)}; every fact quotes {quotes}.")
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from .evaluation import evaluate, render

    engine = _load_engine(args)
    path = Path(args.file) if args.file else config.default_eval_file()
    from .knowledge.errors import DataError

    try:
        report = evaluate(engine, path)
    except DataError as exc:
        print(exc.report(f"the evaluation file {path.name}"), file=sys.stderr)
        return EXIT_DATA
    if args.json:
        import json  # only for --json: json costs ~1.5 ms of start-up
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        print(render(report))
    if args.min_accuracy is not None and report.accuracy < args.min_accuracy:
        print(f"accuracy {report.accuracy:.1%} is below the required {args.min_accuracy:.1%}", file=sys.stderr)
        return 1
    return 0


def cmd_chart(args: argparse.Namespace) -> int:
    from .chart import ChartError, save_chart

    engine = _load_engine(args, cached=True)
    try:
        path = save_chart(engine.facts, args.output)
    except ChartError as exc:
        print(f"scrbot chart: {exc}", file=sys.stderr)
        return 1
    print(path)
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    from benchmarks.run import main as bench_main  # outside the bot: imported only when asked for

    return bench_main(args)


COMMANDS = ("ask", "chat", "run", "webhook", "check", "chart", "misses", "stats", "eval", "bench")


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The `scrbot` parser; with `command`, only that subcommand is built.

    argparse's cost is in building parsers (a help formatter and gettext lookups per argument): a
    whole parser took about 9 ms of the ~70 ms of `scrbot ask`, one command's takes a third of that.
    """
    import argparse  # not at the top: `scrbot ask QUESTION` answers without it


    def wanted(name: str) -> bool:
        return command is None or command == name

    parser = argparse.ArgumentParser(
        prog="scrbot", description="Answers questions about the rise in serious case reviews (SCRs)."
    )
    parser.add_argument("--version", action="version", version=f"scrbot {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--facts", metavar="DIR", help="facts folder (default: SCRBOT_FACTS_DIR or the repo's facts/)")
    common.add_argument(
        "--intents", metavar="DIR", help="intents folder (default: SCRBOT_INTENTS_DIR or the repo's intents/)"
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    if wanted("ask"):
        ask = sub.add_parser("ask", parents=[common], help="answer one question, or one per stdin line")
        ask.add_argument("question", nargs="*", help="the question (omit to read questions from stdin)")
        ask.add_argument("--json", action="store_true", help="one JSON object per answer")
        ask.add_argument("--sources", action="store_true", help="show the source sentences")
        ask.set_defaults(func=cmd_ask)

    if wanted("chat"):
        chat = sub.add_parser("chat", parents=[common], help="a console conversation (follow-ups keep context)")
        chat.add_argument("--json", action="store_true", help="read stdin lines as one conversation, print JSON")
        chat.add_argument("--sources", action="store_true", help="show the source sentences")
        chat.set_defaults(func=cmd_chat)

    if wanted("run"):
        run = sub.add_parser(
            "run", parents=[common], help="run the bot: Telegram with TELEGRAM_BOT_TOKEN, else the console"
        )
        run.add_argument("--webhook", action="store_true", help="receive updates on a webhook (SCRBOT_WEBHOOK_URL ...)")
        run.add_argument("--sources", action="store_true", help=argparse.SUPPRESS)
        run.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
        run.set_defaults(func=cmd_run)

    if wanted("webhook"):
        webhook = sub.add_parser(
            "webhook", help="register the webhook with Telegram (a deploy step): set, info or delete"
        )
        actions = webhook.add_subparsers(dest="action", required=True, metavar="ACTION")
        hooked = actions.add_parser(
            "set", help="setWebhook: SCRBOT_WEBHOOK_URL with SCRBOT_WEBHOOK_SECRET, all update types, 40 connections"
        )
        hooked.add_argument("--drop-pending", action="store_true", help="drop the updates Telegram holds for the bot")
        hooked.set_defaults(json=False)
        info = actions.add_parser("info", help="what Telegram says of the webhook: URL, pending updates, last error")
        info.add_argument("--json", action="store_true", help="one JSON object")
        info.set_defaults(drop_pending=False)
        unhooked = actions.add_parser("delete", help="deleteWebhook: scrbot run (without --webhook) can poll again")
        unhooked.add_argument("--drop-pending", action="store_true", help="drop the updates Telegram holds for the bot")
        unhooked.set_defaults(json=False)
        webhook.set_defaults(func=cmd_webhook)

    if wanted("check"):
        check = sub.add_parser("check", parents=[common], help="validate facts/ and intents/")
        check.set_defaults(func=cmd_check)

    if wanted("chart"):
        chart = sub.add_parser("chart", parents=[common], help="draw the figures as a bar chart (PNG)")
        chart.add_argument(
            "-o", "--output", default="scrbot-chart.png", metavar="FILE", help="the PNG (default: scrbot-chart.png)"
        )
        chart.set_defaults(func=cmd_chart)

    if wanted("misses") or wanted("stats"):
        from .maintain import add_commands

        add_commands(sub, common)  # misses, stats

    if wanted("eval"):
        ev = sub.add_parser("eval", parents=[common], help="score a labelled question file")
        ev.add_argument("file", nargs="?", help="questions YAML (default: tests/eval/questions.yaml)")
        ev.add_argument("--json", action="store_true", help="the report as JSON")
        ev.add_argument("--min-accuracy", type=fraction, metavar="X", help="exit 1 if accuracy is below X (0..1)")
        ev.set_defaults(func=cmd_eval)

    if wanted("bench"):
        bench = sub.add_parser(
            "bench", parents=[common], help="time the engine, start-up, scaling and Telegram end to end"
        )
        bench.add_argument("--json", metavar="PATH", help="also write the results as JSON to PATH")
        bench.add_argument(
            "--repeat", type=positive_int, metavar="N", help="repetitions per figure (default 5; 1 with --quick)"
        )
        bench.add_argument(
            "--quick", action="store_true", help="tiny sizes: 1 repetition, 20 questions, 1x/2x, 50 updates"
        )
        bench.add_argument(
            "--only", metavar="SECTIONS", help="comma list of engine,startup,scaling,e2e,load,replicas (default: all)"
        )
        bench.set_defaults(func=cmd_bench)
    return parser


def _plain_ask(argv: list[str]) -> object | None:
    """`scrbot ask how many ...?` with no options: the arguments without argparse, whose parser and message
    catalogue lookups cost a one-shot answer about 4 ms. Anything else goes through the full parser."""
    if len(argv) < 2 or argv[0] != "ask" or any(a.startswith("-") for a in argv[1:]):
        return None
    from types import SimpleNamespace

    return SimpleNamespace(command="ask", question=argv[1:], json=False, sources=False, facts=None, intents=None,
                           func=cmd_ask)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = _plain_ask(argv) or build_parser(argv[0] if argv and argv[0] in COMMANDS else None).parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # e.g. `scrbot ask ... | head`
        sys.stderr.close()
        return 0
    except Exception as exc:  # no traceback reaches a user, whatever the command
        print(f"scrbot: an internal error stopped the command ({type(exc).__name__}: {exc})", file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
