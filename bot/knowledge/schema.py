"""A small declarative schema for YAML records: types, required keys, typos and article quotes.

Kept deliberately tiny (no jsonschema) so start-up stays fast and messages can say exactly
which line to edit and how.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process

from .article import Article, Library
from .errors import Problems
from .model import Field
from .yamlfile import Node

# kinds: str, int, date, strs (list of str), quote (one article quote), quotes (list of them), text
_KIND_NAMES = {
    "str": "a text",
    "text": "a text",
    "int": "a whole number of 0 or more",
    "date": "a date like 2013-04-01",
    "strs": "a list of texts",
    "quote": "a quote from a source document",
    "quotes": "a list of quotes from the source documents",
}


def did_you_mean(word: str, options: list[str] | tuple[str, ...]) -> str:
    """A ' (did you mean X?)' hint for a likely typo, or an empty string."""
    if not options:
        return ""
    best = process.extractOne(word, list(options), scorer=fuzz.ratio, score_cutoff=60)
    return f" (did you mean {best[0]!r}?)" if best else ""


class RecordReader:
    """Reads records of one file against field lists, collecting problems instead of raising."""

    def __init__(self, path: Path, article: Article | Library | None, problems: Problems) -> None:
        self.path = path
        self.article = article
        self.problems = problems

    def problem(self, line: int | None, message: str, fix: str) -> None:
        self.problems.add(self.path, line, message, fix)

    def section(self, doc: Any, key: str, required: bool = True) -> list[Any]:
        """The list under a top-level key, or [] with a problem when it is missing or not a list."""
        if not isinstance(doc, Node):
            self.problem(None, "the file must be a mapping at the top level", f"start the file with '{key}:'")
            return []
        if key not in doc:
            if required:
                self.problem(doc.line, f"missing the top-level key '{key}'", f"add '{key}:' followed by a list")
            return []
        value = doc[key]
        if not isinstance(value, list):
            self.problem(doc.line_of(key), f"'{key}' must be a list", f"write each entry under '{key}:' as '- ...'")
            return []
        return value

    def check_top_keys(self, doc: Any, allowed: tuple[str, ...]) -> None:
        if not isinstance(doc, Node):
            return
        for key in doc:
            if key not in allowed:
                self.problem(
                    doc.line_of(key),
                    f"unknown top-level key '{key}'{did_you_mean(key, allowed)}",
                    f"use one of: {', '.join(allowed)}",
                )

    def record(
        self,
        item: Any,
        fields: tuple[Field, ...] | list[Field],
        what: str,
        parent_line: int | None = None,
        extra_keys: tuple[str, ...] = (),
    ) -> dict[str, Any] | None:
        """Parse one record; None if anything in it is wrong (the problems are recorded)."""
        if not isinstance(item, Node):
            self.problem(
                parent_line, f"each {what} must be a mapping of keys", f"write the {what} as 'key: value' lines"
            )
            return None
        before = len(self.problems.items)
        known = {f.name for f in fields} | set(extra_keys)
        for key in item:
            if key not in known:
                self.problem(
                    item.line_of(key),
                    f"unknown key '{key}' in {what}{did_you_mean(key, sorted(known))}",
                    f"remove it or use one of: {', '.join(sorted(known))}",
                )
        out: dict[str, Any] = {}
        for spec in fields:
            if spec.name not in item or item[spec.name] is None:
                if spec.required:
                    self.problem(
                        item.line, f"{what} is missing '{spec.name}'", f"add '{spec.name}:' ({_KIND_NAMES[spec.kind]})"
                    )
                else:
                    out[spec.name] = [] if spec.kind in ("strs", "quotes") else ""
                continue
            out[spec.name] = self._value(item, spec, what)
        return out if len(self.problems.items) == before else None

    def _value(self, item: Node, spec: Field, what: str) -> Any:
        value = item[spec.name]
        line = item.line_of(spec.name)
        wrong = f"'{spec.name}' in {what} must be {_KIND_NAMES[spec.kind]}"
        if spec.kind in ("str", "text"):
            if isinstance(value, bool) or not isinstance(value, (str, int, float)) or not str(value).strip():
                self.problem(line, f"{wrong}, not {value!r}", f"write {spec.name}: followed by the text")
                return None
            value = " ".join(str(value).split())
            if spec.choices and value not in spec.choices:
                self.problem(
                    line,
                    f"'{spec.name}' is {value!r}{did_you_mean(value, spec.choices)}",
                    f"use one of: {', '.join(spec.choices)}",
                )
            if spec.pattern and not re.fullmatch(spec.pattern, value):
                self.problem(line, spec.problem.format(value=value), spec.fix)
            return value
        if spec.kind == "int":
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                self.problem(line, f"{wrong}, not {value!r}", f"write the figure as digits only, e.g. {spec.name}: 42")
                return None
            return value
        if spec.kind == "date":
            if not isinstance(value, date):
                self.problem(line, f"{wrong}, not {value!r}", "write the date as YYYY-MM-DD without quotes")
                return None
            return value
        if spec.kind == "strs":
            if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
                self.problem(line, f"{wrong}", 'write it as ["first", "second"] or an empty list []')
                return None
            return [" ".join(v.split()) for v in value]
        if spec.kind == "quote":
            return self.quote(value, line, spec.name)
        if spec.kind == "quotes":
            if not isinstance(value, list) or not value:
                self.problem(line, f"{wrong}", "list one or more quotes from the source documents")
                return None
            return [self.quote(v, line, spec.name) for v in value]
        raise ValueError(spec.kind)  # pragma: no cover - programming error

    def quote(self, value: Any, line: int, name: str) -> Any:
        assert self.article is not None
        names = self.article.names() if hasattr(self.article, "names") else "article.txt"
        folder = self.path.parent
        if not isinstance(value, str) or not value.strip():
            self.problem(
                line,
                f"'{name}' must be a quote from a source document ({names})",
                f"copy the words of the source sentence from {names} in {folder}",
            )
            return None
        sentence = self.article.find(value)
        if sentence is None:
            self.problem(
                line,
                f"the quote {_short(value)!r} is not in {names.replace(', ', ' or ')}",
                f"copy the words exactly from {names} in {folder} (every fact must trace back to its source)",
            )
        return sentence


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
