"""A cache of the compiled engine, so a start-up after the first skips YAML parsing and compilation.

The cache is keyed by a fingerprint of every file in `facts/` and `intents/` and of every module of
the bot itself (path, size, modification time), and of the bot's and Python's versions, so any edit
to the data or the code builds and validates afresh.
`scrbot check` never uses it. The file lives in the checkout's `var/cache/` (the user's cache folder
for an installed copy), or `SCRBOT_CACHE_DIR` (`off` disables it): it is a pickle, trusted like the
code next to it, and never read from anywhere else.
"""

from __future__ import annotations

import os
import pickle
import sys
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__, config, environ

if TYPE_CHECKING:
    from .engine import Engine

FORMAT = 8  # bump when the pickled classes change shape
CODE = Path(__file__).resolve().parent  # the bot's own modules: editing one must not be answered from the cache


def _cache_dir() -> Path | None:
    configured = environ.cache_dir()
    if configured.lower() in ("off", "0", "no", "false"):
        return None
    return Path(configured).expanduser() if configured else config.cache_dir()


def fingerprint(facts_dir: Path, intents_dir: Path) -> str:
    """A key that changes with any data file (path, size, modification time) or version.

    Two CRC-32s rather than a cryptographic hash: it only has to tell our own states apart, and
    zlib is already loaded where hashlib would add to every start-up.
    """
    parts = [f"{FORMAT}|{__version__}|{sys.version}"]
    for folder, pattern in ((facts_dir, "*"), (intents_dir, "*"), (CODE, "*.py")):
        parts.append(str(folder.resolve()))
        for path in sorted(p for p in folder.rglob(pattern) if p.is_file()):
            stat = path.stat()
            parts.append(f"{path.relative_to(folder)}|{stat.st_size}|{stat.st_mtime_ns}")
    text = "\n".join(parts).encode()
    return f"{zlib.crc32(text):08x}{zlib.adler32(text[::-1]):08x}{len(text):x}"


def _path(facts_dir: Path, intents_dir: Path) -> Path | None:
    folder = _cache_dir()
    if folder is None:
        return None
    try:
        return folder / f"engine-{fingerprint(facts_dir, intents_dir)}.pickle"
    except OSError:
        return None


def load(facts_dir: Path, intents_dir: Path) -> Engine | None:
    """The cached engine for exactly this data, or None (no cache, stale, unreadable: never an error)."""
    path = _path(facts_dir, intents_dir)
    if path is None or not path.is_file():
        return None
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except Exception:  # a cache must never stop the bot: rebuild instead
        return None


def store(engine: Engine, facts_dir: Path, intents_dir: Path) -> None:
    """Write the cache atomically; any failure (read-only disk, full disk) is silently ignored."""
    path = _path(facts_dir, intents_dir)
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for old in path.parent.glob("engine-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
        import tempfile  # only when writing: it costs ~3 ms of every start-up otherwise

        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as handle:
            pickle.dump(engine, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, path)
    except Exception:
        return
