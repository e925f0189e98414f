"""Scoring the engine against a labelled question file (`scrbot eval`).

Two kinds of label, which may be mixed in one file:

- by intent (the tuned sets): the bot takes the labelled action (answer with the labelled intent,
  "clarify", or decline for `intent: null`) and its reply meets `expect`'s periods, measure and
  `contains`;
- by behaviour (`expect: {kind: answer|no_answer, ...}`, what a blind author can write from the
  article alone): the bot answers (or says it has no answer), and the reply contains every string
  of `contains`, one of each `any_of` list, none of `excludes`, and opens with Yes or No for `verdict`.

A reply that gives no answer is also checked for invented figures: it must state no number from
the fact base that the question did not. Conversations pass only when every turn passes.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .conversation import Context
from .engine import Engine
from .knowledge.errors import DataError, Problem
from .knowledge.yamlfile import load_yaml
from .reply import Reply


@dataclass
class Turn:
    question: str
    intent: str | None
    category: str
    expect: dict[str, Any]

    @property
    def wants_no_answer(self) -> bool:
        if "kind" in self.expect:
            return self.expect["kind"] == "no_answer"
        return self.intent is None


@dataclass
class Outcome:
    turn: Turn
    reply: Reply
    problems: list[str]
    invented: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class Report:
    outcomes: list[Outcome] = field(default_factory=list)

    conversations: list[list[Outcome]] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return sum(o.ok for o in self.outcomes) / len(self.outcomes) if self.outcomes else 0.0

    def whole_conversations(self) -> tuple[int, int]:
        """Conversations of more than one turn that passed at every turn, and how many there are."""
        multi = [c for c in self.conversations if len(c) > 1]
        return sum(all(o.ok for o in c) for c in multi), len(multi)

    def by_category(self) -> dict[str, tuple[int, int]]:
        table: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for o in self.outcomes:
            table[o.turn.category][0] += o.ok
            table[o.turn.category][1] += 1
        return {k: (v[0], v[1]) for k, v in sorted(table.items())}

    def out_of_scope(self) -> tuple[float, float]:
        """Precision and recall of declining, over items labelled `intent: null`."""
        declined = [o for o in self.outcomes if o.reply.intent is None]
        should = [o for o in self.outcomes if o.turn.wants_no_answer]
        hit = [o for o in declined if o.turn.wants_no_answer]
        precision = len(hit) / len(declined) if declined else 1.0
        recall = len(hit) / len(should) if should else 1.0
        return precision, recall

    def confusions(self) -> list[tuple[tuple[str, str], int]]:
        pairs = Counter(
            (str(o.turn.intent), str(o.reply.intent))
            for o in self.outcomes
            if str(o.turn.intent) != str(o.reply.intent)
        )
        return pairs.most_common()

    @property
    def invented(self) -> int:
        return sum(o.invented for o in self.outcomes)

    def to_json(self) -> dict[str, Any]:
        precision, recall = self.out_of_scope()
        return {
            "total": len(self.outcomes),
            "passed": sum(o.ok for o in self.outcomes),
            "accuracy": round(self.accuracy, 4),
            "by_category": {k: {"passed": a, "total": b} for k, (a, b) in self.by_category().items()},
            "out_of_scope": {"precision": round(precision, 4), "recall": round(recall, 4)},
            "invented_figures": self.invented,
            "conversations": dict(zip(("passed", "total"), self.whole_conversations(), strict=True)),
            "confusions": [{"expected": a, "got": b, "count": n} for (a, b), n in self.confusions()],
            "misses": [
                {
                    "question": o.turn.question,
                    "expected": o.turn.intent,
                    "got": o.reply.intent,
                    "category": o.turn.category,
                    "problems": o.problems,
                }
                for o in self.outcomes
                if not o.ok
            ],
        }


def load_items(path: Path) -> list[list[Turn]]:
    """Items as conversations: a single question is a conversation of one turn."""
    doc = load_yaml(path)
    if not isinstance(doc, list):
        raise DataError(
            [Problem(path, None, "the evaluation file must be a list of items", "start each item with '- q:'")]
        )
    conversations: list[list[Turn]] = []
    for item in doc:
        if not isinstance(item, dict) or not ("q" in item or "conversation" in item):
            line = getattr(item, "line", None)
            raise DataError(
                [
                    Problem(
                        path,
                        line,
                        "each item needs 'q' or 'conversation'",
                        "see tests/eval/questions.yaml for the format",
                    )
                ]
            )
        category = str(item.get("category", "uncategorised"))
        turns = item.get("conversation", [item])
        conversations.append(
            [
                Turn(str(t["q"]), t.get("intent"), str(t.get("category", category)), dict(t.get("expect") or {}))
                for t in turns
            ]
        )
    return conversations


def _numbers(text: str) -> set[str]:
    return set(re.findall(r"(?<![\d/])\d[\d,]*(?:\.\d+)?(?![\d/])", text))


def check(engine: Engine, turn: Turn, reply: Reply) -> tuple[list[str], bool]:
    problems = _check_behaviour(turn, reply) if "kind" in turn.expect else _check_intent(turn, reply)
    invented = False
    if reply.intent is None:
        figures = {str(f.value) for f in engine.facts.figures.values()}
        stated = _numbers(reply.text) - _numbers(turn.question)
        if stated & figures:
            invented = True
            problems.append(f"no answer, yet states figures {sorted(stated & figures)}")
    return problems, invented


def _check_intent(turn: Turn, reply: Reply) -> list[str]:
    problems: list[str] = []
    want = turn.intent
    if want is None:
        if reply.intent is not None:
            problems.append(f"should decline, answered {reply.intent}")
    elif want == "clarify":
        if reply.kind != "clarify":
            problems.append(f"should ask 'did you mean', gave {reply.kind} {reply.intent}")
    elif reply.intent != want:
        problems.append(f"expected {want}, got {reply.kind} {reply.intent}")
    exp = turn.expect
    if reply.kind == "answer" and want not in (None, "clarify"):
        if "periods" in exp and sorted(reply.entities.get("periods", [])) != sorted(exp["periods"]):
            problems.append(f"periods {reply.entities.get('periods')} != {exp['periods']}")
        if "measure" in exp and reply.entities.get("measure") != exp["measure"]:
            problems.append(f"measure {reply.entities.get('measure')} != {exp['measure']}")
        problems += _check_text(exp, reply.text)
    return problems


def _check_behaviour(turn: Turn, reply: Reply) -> list[str]:
    exp = turn.expect
    if exp["kind"] == "no_answer":
        return [] if reply.intent is None else [f"should say it has no answer, gave {reply.kind} {reply.intent}"]
    if reply.kind != "answer":
        return [f"should answer, gave {reply.kind}"]
    return _check_text(exp, reply.text)


def _check_text(exp: dict[str, Any], text: str) -> list[str]:
    problems: list[str] = []
    lower = text.lower()
    for needle in exp.get("contains", []):
        if str(needle).lower() not in lower:
            problems.append(f"answer lacks {needle!r}")
    for options in exp.get("any_of", []):
        if not any(str(o).lower() in lower for o in options):
            problems.append(f"answer has none of {options!r}")
    for needle in exp.get("excludes", []):
        if str(needle).lower() in lower:
            problems.append(f"answer has {needle!r}")
    verdict = exp.get("verdict")
    if verdict is not None:
        want = "yes" if verdict in (True, "yes", "Yes") else "no"
        opening = re.match(r"\W*(\w+)", lower)
        if not opening or opening.group(1) != want:
            problems.append(f"answer does not open with {want.capitalize()}")
    return problems


def evaluate(engine: Engine, path: Path) -> Report:
    report = Report()
    for conversation in load_items(path):
        context = Context()
        outcomes = []
        for turn in conversation:
            reply, context = engine.reply(turn.question, context, now=0.0)
            problems, invented = check(engine, turn, reply)
            outcomes.append(Outcome(turn, reply, problems, invented))
        report.outcomes += outcomes
        report.conversations.append(outcomes)
    return report


def render(report: Report) -> str:
    precision, recall = report.out_of_scope()
    lines = [
        f"accuracy: {report.accuracy:.1%} ({sum(o.ok for o in report.outcomes)}/{len(report.outcomes)})",
        f"out of scope: precision {precision:.1%}, recall {recall:.1%}",
        f"invented figures: {report.invented}",
        "whole conversations: {}/{}".format(*report.whole_conversations()),
        "",
        "by category:",
    ]
    for cat, (ok, total) in report.by_category().items():
        lines.append(f"  {cat:<16} {ok:>4}/{total:<4} {ok / total:.1%}")
    confusions = report.confusions()
    if confusions:
        lines += ["", "confusions (expected -> got):"]
        lines += [f"  {a} -> {b}: {n}" for (a, b), n in confusions]
    misses = [o for o in report.outcomes if not o.ok]
    if misses:
        lines += ["", "misses:"]
        lines += [f"  [{o.turn.category}] {o.turn.question!r}: {'; '.join(o.problems)}" for o in misses]
    return "\n".join(lines)
