"""Regular expressions compiled on first use, from code kept between starts.

`scrbot ask` starts in about 50 ms. Python compiles a pattern in pure Python (parse, then code
generation), 0.05 to 0.5 ms each: the ~170 patterns a first question meets cost ~7 ms. So patterns are
compiled only when first used (`LazyPattern`), and `compile` keeps the generated code, which is plain
data, in the cache folder beside the compiled engine (`SCRBOT_CACHE_DIR`, `off` disables both). The
next start hands it straight to `_sre.compile`, as `re` itself would. The file is keyed by Python's
version and the regex engine's MAGIC; anything unexpected falls back to `re.compile`.
"""

from __future__ import annotations

import marshal
import os
import re
import sys
from typing import Any

try:  # CPython's regex engine and compiler, as `re.compile` uses them (3.11 to 3.13 share this interface)
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover - another Python: plain re.compile
    _sre = None

_Key = tuple[str, int]
_codes: dict[_Key, tuple[Any, ...]] | None = None  # loaded on first compile
_fresh = False  # a pattern was compiled here that the file does not hold yet


def _file() -> str | None:
    from . import compiled

    folder = compiled.cache_folder()
    if folder is None or _sre is None:
        return None
    tag = f"{sys.implementation.cache_tag}-{_sre.MAGIC}"
    return os.path.join(folder, f"regex-{tag}.marshal")


def _load() -> dict[_Key, tuple[Any, ...]]:
    global _codes
    _codes = {}
    try:
        path = _file()
        if path:
            with open(path, "rb") as handle:
                loaded = marshal.loads(handle.read())  # marshal.load(file) reads object by object: 15x slower
            if isinstance(loaded, dict):
                _codes = loaded
    except Exception:  # missing, unreadable or from another build: compile afresh
        pass
    return _codes


def save() -> None:
    """Write the code of every pattern compiled so far, if any is new (atomically; failures ignored)."""
    global _fresh
    if not _fresh or _codes is None:
        return
    try:
        path = _file()
        if path is None:
            return
        os.makedirs(os.path.dirname(path), exist_ok=True)
        temporary = f"{path}.{os.getpid()}.tmp"
        try:
            with open(temporary, "wb") as handle:
                marshal.dump(_codes, handle)
            os.replace(temporary, path)
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)
        _fresh = False
    except Exception:
        return


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile`, from the kept code when this pattern was compiled on an earlier start."""
    flags = int(flags)
    codes = _codes if _codes is not None else _load()
    key = (pattern, flags)
    kept = codes.get(key)
    if kept is not None:
        try:
            return _sre.compile(pattern, *kept)
        except Exception:
            codes.pop(key, None)
    if _sre is None or not isinstance(pattern, str) or flags & re.DEBUG:
        return re.compile(pattern, flags)
    parsed = _parser.parse(pattern, flags)
    state = parsed.state
    indexgroup = [None] * state.groups
    for name, index in state.groupdict.items():
        indexgroup[index] = name
    code = [int(op) for op in _compiler._code(parsed, flags)]  # plain ints: the opcodes are an int subclass
    kept = (flags | state.flags, code, state.groups - 1, dict(state.groupdict), tuple(indexgroup))
    compiled = _sre.compile(pattern, *kept)
    global _fresh
    if not _fresh:
        import atexit

        atexit.register(save)
        _fresh = True
    codes[key] = kept
    return compiled


def _rebuild(pattern: str, flags: int) -> re.Pattern[str]:
    return compile(pattern, flags)


def reduce_pattern(pattern: re.Pattern[str]) -> tuple[Any, ...]:
    """How a pickled engine stores a pattern: rebuilt through `compile`, so from the kept code."""
    return _rebuild, (pattern.pattern, pattern.flags)


class LazyPattern:
    """A `re.Pattern` stand-in: the same methods (`search`, `match`, `sub`, `finditer` ...), compiled when
    first called."""

    # The pattern's methods are copied into slots when it is compiled, so later calls skip `__getattr__`.
    _METHODS = ("search", "match", "fullmatch", "sub", "subn", "split", "findall", "finditer")
    __slots__ = ("_args", "_compiled", *_METHODS)

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._args = (pattern, flags)
        self._compiled: re.Pattern[str] | None = None

    def __reduce__(self) -> tuple[Any, ...]:
        return LazyPattern, self._args

    def __getattr__(self, name: str) -> Any:
        if self._compiled is None:
            self._compiled = compile(*self._args)
            for method in self._METHODS:
                setattr(self, method, getattr(self._compiled, method))
        return getattr(self._compiled, name)
