"""Proving an edit before `scrbot misses` suggests it: apply it to a temporary copy of the data, load
and validate the copy, answer the group's questions again, and answer the whole evaluation set again.

An edit is shown only when every question of the group is then answered by the intended intent and
not one answer of the evaluation set changes. Nothing is written to the real data.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .conversation import Context
from .knowledge.errors import DataError

if TYPE_CHECKING:
    from .engine import Engine
    from .knowledge.model import Intent

_PLAIN = re.compile(r"^[a-z0-9][a-z0-9 '\-]*$")


@dataclass(frozen=True)
class Proof:
    """What trying one edit showed: `ok` when it works and harms nothing; else why not, in words."""

    ok: bool
    why: str = ""


def yaml_item(text: str) -> str:
    """A template as a YAML list item's value: plain when safe, else quoted."""
    return text if _PLAIN.match(text) and not text.endswith(" ") else json.dumps(text, ensure_ascii=False)


def insert_template(source: str, intent_line: int, template: str) -> str | None:
    """The intents file's text with `template` added at the end of the `templates:` list of the intent
    that starts at `intent_line` (1-based); None when that list cannot be found."""
    lines = source.splitlines(keepends=True)
    start = intent_line - 1
    if not 0 <= start < len(lines):
        return None
    intent_indent = len(lines[start]) - len(lines[start].lstrip())
    at = None
    for i in range(start + 1, len(lines)):
        stripped = lines[i].strip()
        indent = len(lines[i]) - len(lines[i].lstrip())
        if stripped and indent <= intent_indent:  # the next intent or section: no templates: list here
            break
        if stripped == "templates:":
            at = i
            break
    if at is None:
        return None
    item_indent = None
    last = at
    for i in range(at + 1, len(lines)):
        stripped = lines[i].strip()
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(lines[i]) - len(lines[i].lstrip())
        if stripped.startswith("- ") and (item_indent is None or indent == item_indent):
            item_indent = indent
            last = i
            continue
        break
    if item_indent is None:
        return None
    if not lines[last].endswith("\n"):
        lines[last] += "\n"
    lines.insert(last + 1, " " * item_indent + "- " + yaml_item(template) + "\n")
    return "".join(lines)


class Prover:
    """Tries edits on copies of one engine's data; the evaluation set's answers are computed once."""

    def __init__(self, engine: Engine, eval_file: Path | None, below: float) -> None:
        from .reload import data_dirs

        self.engine = engine
        self.facts_dir, self.intents_dir = data_dirs(engine)
        self.eval_file = eval_file if eval_file is not None and eval_file.is_file() else None
        self.below = below
        self._conversations: list[list[str]] | None = None
        self._baseline: list[tuple[str, str | None, str]] | None = None

    def _eval(self, engine: Engine) -> list[tuple[str, str | None, str]]:
        if self._conversations is None:
            from .evaluation import load_items

            try:
                items = load_items(self.eval_file) if self.eval_file else []
            except DataError:
                items = []
                self.eval_file = None
            self._conversations = [[t.question for t in conversation] for conversation in items]
        answers = []
        for conversation in self._conversations:
            context = Context()
            for question in conversation:
                reply, context = engine.reply(question, context, now=0.0)
                answers.append((reply.kind, reply.intent, reply.text))
        return answers

    def baseline(self) -> list[tuple[str, str | None, str]]:
        if self._baseline is None:
            self._baseline = self._eval(self.engine)
        return self._baseline

    def answers_as(self, engine: Engine, question: str, intent: str) -> bool:
        reply, _ = engine.reply(question, Context(), now=0.0)
        return reply.kind == "answer" and reply.intent == intent and reply.confidence >= self.below

    def try_template(self, intent: Intent, template: str, questions: list[str]) -> Proof:
        """Add `template` to `intent` in a copy of intents/, then check the group and the evaluation set."""
        from .engine import Engine

        if self.eval_file is None:
            return Proof(False, "the evaluation set was not found, so the edit could not be checked against it")
        with tempfile.TemporaryDirectory(prefix="scrbot-proof-") as tmp:
            copy = Path(tmp) / "intents"
            shutil.copytree(self.intents_dir, copy)
            target = copy / intent.path.relative_to(self.intents_dir)
            edited = insert_template(target.read_text(encoding="utf-8"), intent.line, template)
            if edited is None:
                return Proof(False, f"the templates: list of {intent.id} could not be found")
            target.write_text(edited, encoding="utf-8")
            try:
                trial = Engine.load(self.facts_dir, copy)
            except DataError as exc:
                first = exc.problems[0]
                return Proof(False, f"`scrbot check` would refuse it: {first.message}")
            wrong = [q for q in questions if not self.answers_as(trial, q, intent.id)]
            if wrong:
                reply, _ = trial.reply(wrong[0], Context(), now=0.0)
                if reply.kind == "answer":
                    got = f"answered as {reply.intent}" + (" (unsure)" if reply.intent == intent.id else "")
                else:
                    got = "met with did you mean" if reply.kind == "clarify" else "declined"
                return Proof(False, f'"{wrong[0]}" would still be {got}')
            changed = [i for i, (a, b) in enumerate(zip(self.baseline(), self._eval(trial), strict=True)) if a != b]
            if changed:
                n = len(changed)
                return Proof(False, f"{n} answer{'s' if n != 1 else ''} of the evaluation set would change")
            return Proof(True)
