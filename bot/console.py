"""The offline console chat: the same engine as Telegram, in a terminal or a pipe."""

from __future__ import annotations

import contextlib
import json
import sys
from typing import TYPE_CHECKING, TextIO

from .conversation import Context
from .engine import Engine
from .reply import Reply

if TYPE_CHECKING:  # the recorder (and logging) are only imported by the commands that record
    from .recording import Recorder

PROMPT = "you> "
QUIT = {"quit", "exit", ":q", "/quit", "/exit", "bye"}


def render_text(reply: Reply, show_sources: bool = False) -> str:
    """Plain text for a terminal: the answer, suggestions, and optionally the source sentences."""
    out = [reply.text]
    if show_sources and reply.sources:
        out.append("Source:")
        out += [f"  [line {s.line}] {s.text}" for s in reply.sources]
    if reply.kind == "answer" and reply.suggestions:
        out.append("Ask next: " + " | ".join(s.text for s in reply.suggestions))
    return "\n".join(out)


def _wrap(text: str) -> str:
    """Wrap each line to the terminal's width, so words are not cut at the edge."""
    import shutil  # only the interactive chat wraps; `scrbot ask` need not import these
    import textwrap

    width = max(40, shutil.get_terminal_size((100, 24)).columns - 1)
    lines = text.split("\n")
    return "\n".join(textwrap.fill(line, width, subsequent_indent="   ") if line else line for line in lines)


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
    line loads facts/ and intents/ again, keeping the old data if the new is invalid.
    """
    interactive = stdin.isatty() and stdout.isatty() and not as_json
    if interactive:
        with contextlib.suppress(ImportError):  # not on every platform
            import readline  # noqa: F401 - enables line editing and history for input()
        print(
            "scrbot — ask about serious case reviews. "
            "Type 'help' for ideas, '/source' for the source, 'quit' to leave.",
            file=stdout,
        )
    context = Context()
    last: Reply | None = None
    while True:
        try:
            line = input(PROMPT) if interactive else stdin.readline()
        except (EOFError, KeyboardInterrupt):
            if interactive:
                print(file=stdout)
            return 0
        if not interactive and line == "":
            return 0
        line = line.strip()
        if interactive and line.lower() in QUIT:
            return 0
        if interactive and not line:
            continue
        if interactive and line.lower() in {"/source", "source?"} and last is not None and last.sources:
            print("\n".join(f"[line {s.line}] {s.text}" for s in last.sources), file=stdout)
            continue
        if not as_json and line.lower() == "/reload":
            from .reload import reload

            outcome = reload(engine)
            engine = outcome.engine or engine
            failed = "" if outcome.ok else "Reload failed, still using the previous data:\n"
            print(failed + outcome.message, file=stdout, flush=True)
            continue
        asked_in = context
        reply, context = engine.reply(line, context)
        if recorder is not None:
            recorder.observe(engine, line, asked_in, reply, "console")
        last = reply
        if as_json:
            print(json.dumps(reply.to_json(line), ensure_ascii=False), file=stdout, flush=True)
        else:
            text = render_text(reply, show_sources)
            if interactive:
                text = _wrap("bot> " + text)
            print(text, file=stdout, flush=True)
            if interactive:
                print(file=stdout)
