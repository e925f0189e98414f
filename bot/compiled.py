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


def cache_folder() -> str | None:
    """Where the caches live (this engine's and `lazyre`'s kept regex code), or None when disabled."""
    configured = environ.cache_dir()
    if configured.lower() in ("off", "0", "no", "false"):
        return None
    return os.path.expanduser(configured) if configured else str(config.cache_dir())


def _files(folder: str, suffix: str) -> list[str]:
    """Every file under `folder` (ending in `suffix`) as 'relative path|size|mtime', sorted.

    `os.scandir` rather than `Path.rglob`: it is called on every start and is three times faster.
    """
    found: list[str] = []
    pending = [(folder, "")]
    while pending:
        base, prefix = pending.pop()
        with os.scandir(base) as entries:
            for entry in entries:
                if entry.is_dir():
                    if entry.name == "__pycache__":
                        continue
                    pending.append((entry.path, f"{prefix}{entry.name}/"))
                elif entry.name.endswith(suffix) and entry.is_file():
                    stat = entry.stat()
                    found.append(f"{prefix}{entry.name}|{stat.st_size}|{stat.st_mtime_ns}")
    return sorted(found)


def fingerprint(facts_dir: Path, intents_dir: Path) -> str:
    """A key that changes with any data file (path, size, modification time) or version.

    Two CRC-32s rather than a cryptographic hash: it only has to tell our own states apart, and
    zlib is already loaded where hashlib would add to every start-up.
    """
    parts = [f"{FORMAT}|{__version__}|{sys.version}"]
    for folder, suffix in ((facts_dir, ""), (intents_dir, ""), (CODE, ".py")):
        resolved = os.path.realpath(folder)
        parts.append(resolved)
        parts.extend(_files(resolved, suffix))
    text = "\n".join(parts).encode()
    return f"{zlib.crc32(text):08x}{zlib.adler32(text[::-1]):08x}{len(text):x}"


def _path(facts_dir: Path, intents_dir: Path) -> Path | None:
    folder = cache_folder()
    if folder is None:
        return None
    try:
        return Path(folder, f"engine-{fingerprint(facts_dir, intents_dir)}.pickle")
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
        import copyreg
        import re
        import tempfile  # only when writing: it costs ~3 ms of every start-up otherwise

        from . import lazyre

        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as handle:
            pickler = pickle.Pickler(handle, protocol=pickle.HIGHEST_PROTOCOL)
            pickler.dispatch_table = {**copyreg.dispatch_table, re.Pattern: lazyre.reduce_pattern}
            pickler.dump(engine)
        os.replace(handle.name, path)
    except Exception:
        return
