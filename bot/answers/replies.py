"""The bot's own sentences around answers (refusals, "did you mean", parts it cannot answer), read from
`intents/replies.yaml`: the wording is data, and this module only checks it and fills in its {names}.

Each reply may use only the names the engine fills for it, so a typo in a brace is reported at start-up
with its file and line rather than raised as a `KeyError` in the middle of a conversation.
"""

from __future__ import annotations

import string
from functools import cache
from pathlib import Path
from typing import Any

from ..knowledge.errors import DataError, Problem

REPLIES_FILE = Path(__file__).resolve().parents[2] / "intents" / "replies.yaml"

# Every reply, with the names it may use. `have_figures` is filled first and may be used by the others.
FIELDS: dict[str, frozenset[str]] = {
    "have_figures": frozenset({"years"}),
    "no_data": frozenset({"missing", "have_figures"}),
    "no_data_example": frozenset({"latest"}),
    "bad_period": frozenset({"typed", "latest", "have_figures"}),
    "not_covered": frozenset({"shown", "about"}),
    "not_counted": frozenset({"have_figures"}),
    "not_named": frozenset({"names", "about"}),
    "not_named_by_area": frozenset({"names", "about"}),
    "empty": frozenset({"about"}),
    "off_topic": frozenset({"about"}),
    "clarify": frozenset(),
    "vague": frozenset(),
    "part_unanswered": frozenset({"part"}),
    "part_doesnt_say": frozenset({"part", "said"}),
}


class Replies:
    """The checked reply templates, by name."""

    def __init__(self, templates: dict[str, str]) -> None:
        self.templates = templates

    def say(self, name: str, **fields: Any) -> str:
        """The reply `name` with its names filled in (each template was checked against `FIELDS` at load)."""
        return self.templates[name].format(**fields)


def load_replies(path: Path = REPLIES_FILE) -> Replies:
    """Read and check the replies file; a `DataError` names the file, the line and the fix."""
    from ..knowledge.yamlfile import Node, load_yaml  # YAML only when loading, never on a cached start

    doc = load_yaml(path)
    if not isinstance(doc, Node) or not isinstance(doc.get("replies"), Node):
        raise DataError([Problem(path, None, "the file must hold a mapping 'replies:'",
                                 "start it with 'replies:' and give each reply as name: \"text\"")])
    replies: Node = doc["replies"]
    problems: list[Problem] = []
    for name, text in replies.items():
        line = replies.line_of(name)
        if name not in FIELDS:
            problems.append(Problem(path, line, f"unknown reply '{name}'", f"use one of: {', '.join(FIELDS)}"))
        elif not isinstance(text, str) or not text.strip():
            problems.append(Problem(path, line, f"reply '{name}' must be a sentence", f'write {name}: "..."'))
        else:
            problems += _check_names(path, line, name, text)
    for name in FIELDS:
        if name not in replies:
            problems.append(Problem(path, replies.line, f"reply '{name}' is missing", f'add {name}: "..."'))
    if problems:
        raise DataError(problems)
    return Replies({name: replies[name].strip() for name in FIELDS})


def _check_names(path: Path, line: int, name: str, text: str) -> list[Problem]:
    allowed = FIELDS[name]
    try:
        used = {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}
    except ValueError as exc:  # an unmatched brace
        return [Problem(path, line, f"reply '{name}' has a stray brace ({exc})", "write {{ and }} for a brace itself")]
    unknown = sorted(used - allowed)
    if unknown:
        names = ", ".join("{" + u + "}" for u in unknown)
        return [Problem(path, line, f"reply '{name}' uses {names}, which the bot does not fill",
                        "use only: " + (", ".join("{" + a + "}" for a in sorted(allowed)) or "no names"))]
    return []


@cache
def shipped_replies() -> Replies:
    """The replies file that ships with the bot, read once (for engines built without one)."""
    return load_replies(REPLIES_FILE)
