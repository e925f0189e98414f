"""The bot's sentences, read from `intents/replies/`: the wording is data, and this module only checks it and
fills in its {names}.

Each kind of answer declares its section (`section("people", {...})`) with the names its code fills for each
reply; `intents/replies/<section>.yaml` holds the wording. A reply may use only its declared names, so a typo in
a brace is reported at start-up with its file and line rather than raised as a `KeyError` mid-conversation.

The engine makes its own wording the one in use for each turn (`speaking`), so an engine loaded from another
data folder answers in that folder's words; outside a turn the shipped wording is used.
"""

from __future__ import annotations

import string
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from typing import Any

from ..knowledge.errors import DataError, Problem

REPLIES_DIR = Path(__file__).resolve().parents[2] / "intents" / "replies"

# Every section's replies, with the names each may use: filled by `section()` as the answer modules load.
SECTIONS: dict[str, dict[str, frozenset[str]]] = {}


class Section:
    """One kind of answer's replies: `say(name, **fields)` words one in the wording of the turn being answered."""

    def __init__(self, name: str) -> None:
        self.name = name

    def say(self, reply: str, **fields: Any) -> str:
        wording = _speaking.get() or shipped_replies()
        return wording.templates[self.name][reply].format(**fields)

    def names(self, reply: str) -> frozenset[str]:
        """The names a reply may use (for wording that fills only some: an example question)."""
        return SECTIONS[self.name][reply]


def section(name: str, fields: dict[str, set[str] | frozenset[str]]) -> Section:
    """Declare a section's replies and the names the code fills for each (`have_figures` first if used)."""
    SECTIONS[name] = {reply: frozenset(names) for reply, names in fields.items()}
    return Section(name)


class Replies:
    """The checked reply templates, by section and name."""

    def __init__(self, templates: dict[str, dict[str, str]]) -> None:
        self.templates = templates


_speaking: ContextVar[Replies | None] = ContextVar("scrbot_replies", default=None)


@contextmanager
def speaking(wording: Replies) -> Iterator[None]:
    """Answer in `wording` inside the block (one engine's turn)."""
    token = _speaking.set(wording)
    try:
        yield
    finally:
        _speaking.reset(token)


def load_replies(folder: Path = REPLIES_DIR) -> Replies:
    """Read and check every declared section's file; a `DataError` names each file, line and fix."""
    # every answer module declares its section as it loads (the package imports only the composers)
    from ..knowledge.yamlfile import Node, load_yaml  # YAML only when loading, never on a cached start
    from . import algebra, checks, events, figures, meta, passages, people, reasons, terms  # noqa: F401

    templates: dict[str, dict[str, str]] = {}
    problems: list[Problem] = []
    for name, fields in SECTIONS.items():
        path = Path(folder) / f"{name}.yaml"
        if not path.is_file():
            problems.append(Problem(path, None, f"the replies of '{name}' are missing",
                                    f"restore {path.name}: the bot's sentences for that kind of answer"))
            continue
        try:
            doc = load_yaml(path)
        except DataError as exc:
            problems.extend(exc.problems)
            continue
        if not isinstance(doc, Node) or not isinstance(doc.get("replies"), Node):
            problems.append(Problem(path, None, "the file must hold a mapping 'replies:'",
                                    "start it with 'replies:' and give each reply as name: \"text\""))
            continue
        found, wrong = _check_section(path, doc["replies"], fields)
        templates[name] = found
        problems += wrong
    if problems:
        raise DataError(problems)
    return Replies(templates)


def _check_section(path: Path, replies: Any, fields: dict[str, frozenset[str]]) -> tuple[dict[str, str], list[Problem]]:
    problems: list[Problem] = []
    for name, text in replies.items():
        line = replies.line_of(name)
        if name not in fields:
            problems.append(Problem(path, line, f"unknown reply '{name}'", f"use one of: {', '.join(fields)}"))
        elif not isinstance(text, str) or not text.strip():
            problems.append(Problem(path, line, f"reply '{name}' must be a sentence", f'write {name}: "..."'))
        else:
            problems += _check_names(path, line, name, text, fields[name])
    for name in fields:
        if name not in replies:
            problems.append(Problem(path, replies.line, f"reply '{name}' is missing", f'add {name}: "..."'))
    return {name: replies[name].strip() for name in fields if isinstance(replies.get(name), str)}, problems


def _check_names(path: Path, line: int, name: str, text: str, allowed: frozenset[str]) -> list[Problem]:
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
    """The replies that ship with the bot, read once (outside a turn, or for engines built without any)."""
    return load_replies(REPLIES_DIR)


# The engine's own sentences: refusals, "did you mean", parts of a message it cannot answer.
ENGINE = section("engine", {
    "have_figures": {"years"},
    "no_data": {"missing", "have_figures"},
    "no_data_example": {"latest"},
    "bad_period": {"typed", "latest", "have_figures"},
    "not_covered": {"shown", "about"},
    "not_counted": {"have_figures"},
    "not_named": {"names", "about"},
    "not_named_by_area": {"names", "about"},
    "empty": {"about"},
    "off_topic": {"about"},
    "clarify": set(),
    "vague": set(),
    "part_unanswered": {"part"},
    "part_doesnt_say": {"part", "said"},
})

# The adapters' own sentences, declared here rather than in their modules so every load reads and checks them
# (the engine is loaded before `scrbot run` imports the Telegram adapter, and a cached engine may have been
# compiled by another command); each adapter says them in its engine's wording (`speaking(engine.replies)`).
CONSOLE = section("console", {
    "you": set(),
    "bot": set(),
    "banner": {"version"},
    "source": set(),
    "where": {"source", "line"},
    "ask_next": set(),
    "about": {"version", "about", "figures", "years", "reasons", "events"},
    "chart_failed": {"error"},
    "chart_written": {"path"},
    "sighup_reloaded": {"message"},
    "sighup_failed": {"message"},
    "reload_failed": {"message"},
    "internal_error": {"error"},
    "line_cleared": set(),
})

TELEGRAM = section("telegram", {
    "start": {"about"},
    "help": {"about", "username"},
    "about": {"version", "about", "figures", "years", "reasons", "events", "privacy"},
    "ask_how": {"example"},
    "text_only": {"example"},
    "added_to_group": {"example"},
    "rephrase": {"example"},
    "chart_caption": {"first", "latest", "source"},
    "error": set(),
    "none_of_these": set(),
    "privacy": {"ttl"},
    "privacy_recording": {"privacy", "days", "who"},
    "recorded_with_ids": set(),
    "recorded_without_ids": set(),
    "day": {"n"},
    "days": {"n"},
    "hour": {"n"},
    "hours": {"n"},
    "minute": {"n"},
    "minutes": {"n"},
    "second": {"n"},
    "seconds": {"n"},
    "stats_usage": set(),
    "misses_usage": set(),
    "no_log": set(),
    "stats_title": {"days", "total"},
    "stats_kinds": {"answered", "clarified", "declined"},
    "stats_unsure": {"n"},
    "stats_per_day": {"days"},
    "stats_top_intents": {"intents"},
    "stats_top_misses": {"misses"},
    "stats_nothing": set(),
    "misses_title": {"days", "questions", "groups"},
    "no_misses": {"days"},
    "miss_add_template": {"intent", "file"},
    "miss_lexicon": set(),
    "miss_outside": set(),
    "miss_nothing": set(),
    "miss_no_intent": set(),
    "misses_more": {"n"},
    "misses_fixed": {"n"},
    "misses_details": set(),
    "reload_failed": set(),
})
