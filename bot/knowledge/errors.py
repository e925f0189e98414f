"""Data errors that name the file, the line and the fix, so a maintainer can mend YAML without a traceback."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple


class Problem(NamedTuple):
    """One thing wrong with a data file."""

    path: Path
    line: int | None
    message: str
    fix: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else f"{self.path}"
        return f"{where}: {self.message}\n    fix: {self.fix}"


class DataError(Exception):
    """Raised when `facts/` or `intents/` cannot be used; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(self.report())

    def report(self, what: str = "the bot's data") -> str:
        """Every problem, under a heading that says what was read (`what`: the data, or an evaluation file)."""
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in {what}:"
        return "\n".join([head, *(str(p) for p in self.problems)])


class Problems:
    """Collects problems while validating, so one run reports them all."""

    def __init__(self) -> None:
        self.items: list[Problem] = []

    def add(self, path: Path, line: int | None, message: str, fix: str) -> None:
        self.items.append(Problem(path, line, message, fix))

    def raise_if_any(self) -> None:
        if self.items:
            raise DataError(self.items)
