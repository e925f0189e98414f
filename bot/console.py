"""The offline console chat: the same engine as Telegram, in a terminal or a pipe."""

from __future__ import annotations

import contextlib
import os
import sys
from typing import TYPE_CHECKING, Any, TextIO

from .answers.replies import CONSOLE, speaking
from .engine import Engine
from .knowledge.article import Sentence
from .reply import Reply, Suggestion

if TYPE_CHECKING:  # the recorder (and logging) are only imported by the commands that record
    from .recording import Recorder

QUIT = {"quit", "exit", ":q", "/quit", "/exit", "bye"}


def render_text(reply: Reply, show_sources: bool = False) -> str:
    """Plain text for a terminal: the answer, suggestions, and optionally the source sentences."""
    out = [reply.text]
    if show_sources and reply.sources:
        out.append(_sources(reply))
    if reply.kind == "answer" and reply.suggestions:
        out.append(CONSOLE.say("ask_next") + " " + " | ".join(s.text for s in reply.suggestions))
    return "\n".join(out)


WIDTH = 80  # the banner and answers are wrapped here at most (narrower terminals: their width)


def _prompt() -> str:
    """What the chat shows before the user's line ("you> ")."""
    return CONSOLE.say("you") + " "


def _bot() -> str:
    """What the chat shows before an answer ("bot> "); its continuation lines line up after it."""
    return CONSOLE.say("bot") + " "


def _width() -> int:
    """The terminal's width, at most WIDTH; WIDTH when output is not a terminal (os, not shutil: `scrbot ask`
    need not import shutil and the compression modules it brings)."""
    try:
        columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
    except (OSError, ValueError, AttributeError):
        columns = WIDTH
    return max(40, min(WIDTH, columns))


def _where(sentence: Sentence) -> str:
    """The source document and line: "article line 3", "example-2015 line 1"."""
    return CONSOLE.say("where", source=sentence.source, line=sentence.line)


def _wrap(text: str, width: int | None = None, indent: str | None = None) -> str:
    """Wrap each line at `width`; continuation lines line up under the text after 'bot> ' (unless `indent`)."""
    import textwrap

    width = width or _width()
    indent = " " * len(_bot()) if indent is None else indent
    lines = text.split("\n")
    return "\n".join(
        textwrap.fill(line, width, subsequent_indent=indent, break_on_hyphens=False) if line else line
        for line in lines
    )


def banner(width: int = WIDTH) -> str:
    """The interactive chat's first lines, wrapped at `width` (80 columns at most)."""
    from . import __version__

    return _wrap(CONSOLE.say("banner", version=__version__), width, indent="")


def numbered(reply: Reply, show_sources: bool = False) -> tuple[str, list[Suggestion]]:
    """The reply as text with its "did you mean" and "Ask next" questions numbered, and those questions.

    Typing a number then asks that question, as a button does in Telegram.
    """
    options = list(reply.suggestions)
    if reply.kind == "clarify" and options:
        lines = reply.text.split("\n")
        texts = {s.text: n for n, s in enumerate(options, 1)}
        lines = [f"{texts[line[2:]]}. {line[2:]}" if line.startswith("• ") and line[2:] in texts else line
                 for line in lines]
        text = "\n".join(lines)
        if show_sources and reply.sources:
            text += "\n" + _sources(reply)
        return text, options
    if reply.kind == "answer" and options:
        base = render_text(reply._replace(suggestions=()), show_sources)
        asked = " | ".join(f"{n}) {s.text}" for n, s in enumerate(options, 1))
        return f"{base}\n{CONSOLE.say('ask_next')} {asked}", options
    return render_text(reply, show_sources), []


def _sources(reply: Reply) -> str:
    return "\n".join([CONSOLE.say("source"), *(f"  [{_where(s)}] {s.text}" for s in reply.sources)])


def pick(line: str, options: list[Suggestion], engine: Engine) -> str | None:
    """The question a number stands for, after a reply that offered numbered questions; else None."""
    if not options or not (line.isascii() and line.isdigit()):
        return None
    n = int(line)
    if not 1 <= n <= len(options):
        return None
    chosen = options[n - 1]
    intent = engine.intents.get(chosen.intent) if chosen.intent else None
    return intent.suggestion if intent is not None else chosen.text


def about_text(engine: Engine) -> str:
    """/about in the console: what Telegram's /about says, without the Telegram parts."""
    from . import __version__

    facts = engine.facts
    with speaking(engine.replies):
        return CONSOLE.say("about", version=__version__, about=engine.about(), figures=len(facts.figures),
                           years=len(facts.periods), reasons=len(facts.reasons), events=len(facts.events))


def write_chart(engine: Engine, target: str = "") -> str:
    """/chart in the console: write the PNG (default scrbot-chart.png here) and say where."""
    from .chart import ChartError, save_chart

    try:
        path = save_chart(engine.facts, target or "scrbot-chart.png")
    except ChartError as exc:
        with speaking(engine.replies):
            return CONSOLE.say("chart_failed", error=exc)
    with speaking(engine.replies):
        return CONSOLE.say("chart_written", path=path)


class _Hangup:
    """SIGHUP reloads the data, as it does for the Telegram bot (`kill -HUP`), instead of ending the chat."""

    def __init__(self, engine: Engine, out: TextIO) -> None:
        self.engine = engine
        self.out = out
        self.previous: object = None

    def __enter__(self) -> _Hangup:
        import signal
        import threading

        if hasattr(signal, "SIGHUP") and threading.current_thread() is threading.main_thread():
            self.previous = signal.signal(signal.SIGHUP, self._on_hup)
        return self

    def __exit__(self, *exc: object) -> None:
        import signal

        if self.previous is not None:
            signal.signal(signal.SIGHUP, self.previous)  # type: ignore[arg-type]

    def _on_hup(self, signum: int, frame: object) -> None:
        from .reload import reload

        outcome = reload(self.engine)
        self.engine = outcome.engine or self.engine
        with speaking(self.engine.replies):
            said = CONSOLE.say("sighup_reloaded" if outcome.ok else "sighup_failed", message=outcome.message)
        print(said, file=self.out, flush=True)


def chat(
    engine: Engine,
    stdin: TextIO = sys.stdin,
    stdout: TextIO = sys.stdout,
    as_json: bool = False,
    show_sources: bool = False,
    recorder: Recorder | None = None,
) -> int:
    """Run one conversation until end of input or 'quit'; context carries between lines.

    With a `recorder`, every question is counted and the misses kept (`scrbot chat`); a `/reload`
    line or SIGHUP loads facts/ and intents/ again, keeping the old data if the new is invalid.
    A number picks one of the questions the last reply offered. On a terminal, Ctrl-C clears the
    line being typed (twice in a row leaves), as in a shell.
    """
    with _Hangup(engine, sys.stderr) as hangup:
        return _chat(hangup, stdin, stdout, as_json, show_sources, recorder)


def _chat(
    hangup: _Hangup,
    stdin: TextIO,
    stdout: TextIO,
    as_json: bool,
    show_sources: bool,
    recorder: Recorder | None,
) -> int:
    import asyncio  # only the chat runs turns through the conversation core; `scrbot ask` need not import it

    from .core import Conversation, Incoming
    from .state import LocalStore

    interactive = stdin.isatty() and stdout.isatty() and not as_json
    if interactive:
        with contextlib.suppress(ImportError):  # not on every platform
            import readline  # noqa: F401 - enables line editing and history for input()
        with speaking(hangup.engine.replies):
            print(banner(_width()), file=stdout)
    # the same turn as Telegram's (context, recording); the context lives in memory for this chat only
    core = Conversation(lambda: hangup.engine, LocalStore(None), recorder=recorder)
    with asyncio.Runner() as runner:
        return _lines(hangup, core, runner, Incoming, stdin, stdout, as_json, show_sources, interactive)


def _turn(runner: Any, core: Any, incoming: Any) -> Reply:
    """Run one turn of the conversation core and hand back the reply it sent."""
    sent: list[Reply] = []

    async def send(reply: Reply) -> None:
        sent.append(reply)

    try:
        runner.run(core.turn(incoming, send))
    except Exception as exc:  # a bug answering one line must not end the chat or show a traceback
        return Reply(CONSOLE.say("internal_error", error=type(exc).__name__), "error", 0.0, "decline")
    return sent[0]


def _lines(
    hangup: _Hangup,
    core: Any,
    runner: Any,
    incoming: Any,
    stdin: TextIO,
    stdout: TextIO,
    as_json: bool,
    show_sources: bool,
    interactive: bool,
) -> int:
    options: list[Suggestion] = []
    interrupted = False
    while True:
        with speaking(hangup.engine.replies):  # this engine's wording, also after a /reload or SIGHUP
            try:
                line = input(_prompt()) if interactive else stdin.readline()
            except KeyboardInterrupt:
                if not interactive or interrupted:
                    if interactive:
                        print(file=stdout)
                    return 0
                interrupted = True  # like a shell: the half-typed line is dropped; a second Ctrl-C leaves
                print("\n" + CONSOLE.say("line_cleared"), file=stdout, flush=True)
                continue
            except EOFError:
                if interactive:
                    print(file=stdout)
                return 0
            interrupted = False
            engine = hangup.engine
            if not interactive and line == "":
                return 0
            line = line.strip()
            if interactive and line.lower() in QUIT:
                return 0
            if interactive and not line:
                continue
            command, _, argument = line.partition(" ")
            command = command.lower()
            if not as_json and command in {"/source", "source?"}:  # as Telegram's /source: sentences and citation
                reply = _turn(runner, core, incoming(chat="console", chat_type="console", intent="meta.source"))
                print(_wrap(reply.text, indent="") if interactive else reply.text, file=stdout, flush=True)
                continue
            if not as_json and command == "/about":
                about = about_text(engine)
                print(_wrap(about, indent="") if interactive else about, file=stdout, flush=True)
                continue
            if not as_json and command == "/chart":
                print(write_chart(engine, argument.strip()), file=stdout, flush=True)
                continue
            if not as_json and command == "/reload":
                from .reload import reload

                outcome = reload(engine)
                hangup.engine = engine = outcome.engine or engine
                said = outcome.message if outcome.ok else CONSOLE.say("reload_failed", message=outcome.message)
                print(said, file=stdout, flush=True)
                continue
            chosen = pick(line, options, engine)
            question = chosen or line
            reply = _turn(runner, core, incoming(question, chat="console", chat_type="console"))
            if as_json:
                options = list(reply.suggestions)
                import json  # only for --json: json costs ~1.5 ms of start-up
                print(json.dumps(reply.to_json(question), ensure_ascii=False), file=stdout, flush=True)
            else:
                text, options = numbered(reply, show_sources)
                if chosen:
                    text = f"({chosen})\n{text}"
                if interactive:
                    text = _wrap(_bot() + text)
                print(text, file=stdout, flush=True)
                if interactive:
                    print(file=stdout)
