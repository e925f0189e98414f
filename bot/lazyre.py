"""Regular expressions compiled on first use.

`scrbot ask` starts in about 70 ms, and every pattern compiled at import costs 0.1 to 0.5 ms whether or
not the question needs it; most questions need few of the rarer patterns.
"""

from __future__ import annotations

import re
from typing import Any


class LazyPattern:
    """A `re.Pattern` stand-in: the same methods (`search`, `match`, `sub`, `finditer` ...), compiled when
    first called."""

    __slots__ = ("_args", "_compiled")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._args = (pattern, flags)
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        if self._compiled is None:
            self._compiled = re.compile(*self._args)
        return getattr(self._compiled, name)
