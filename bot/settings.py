"""Where every setting comes from: the process environment and an optional `.env` file.

This is the one module that reads the environment; every other module asks `environment()` (and
is handed the mapping in tests). `.env` is parsed with python-dotenv, so `export KEY=...`, comments
after values and quoted values read as a shell would; it never overrides what is already set.
"""

from __future__ import annotations

import io
import os
from collections.abc import Mapping
from pathlib import Path


class SettingsError(ValueError):
    """A setting is missing or malformed; the message is safe to show (it never contains a secret)."""


def environment() -> Mapping[str, str]:
    """The settings the process was started with (and any `.env` already loaded)."""
    return os.environ


def load_dotenv(path: Path = Path(".env")) -> None:
    """Read `.env` into the environment without overriding what is already set.

    A byte-order mark (Windows editors add one) is skipped; a file that is not UTF-8 text, or a `.env`
    that is not a file, is refused with a `SettingsError` naming what to fix, never a traceback.
    """
    if not path.exists():
        return
    if not path.is_file():
        raise SettingsError(f"{path} in the working directory is not a file: remove it or make it a KEY=VALUE file.")
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise SettingsError(f"{path} is not UTF-8 text (line {line}): save it as UTF-8.") from None
    from dotenv import dotenv_values  # only when there is a .env to read: it costs start-up otherwise

    for key, value in dotenv_values(stream=io.StringIO(text.replace("export\t", "export "))).items():
        if key and value is not None:
            os.environ.setdefault(key.strip().lstrip("\ufeff"), value)
