"""Where every setting comes from: the process environment and an optional `.env` file.

One of the two modules that read environment variables: this one holds what `scrbot ask` needs
at start (the data and cache folders), kept light because every start pays for its imports;
`bot.settings` reads everything else into one typed `Settings`. `.env` is parsed with python-dotenv,
so `export KEY=...`, comments after values and quoted values read as a shell would; it never
overrides what is already set.
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


def data_dir(name: str) -> str:
    """SCRBOT_FACTS_DIR or SCRBOT_INTENTS_DIR (`name` is "facts" or "intents"); "" when unset."""
    return (os.environ.get(f"SCRBOT_{name.upper()}_DIR") or "").strip()


def cache_dir() -> str:
    """SCRBOT_CACHE_DIR: where the compiled engine is kept ("off" for nowhere); "" when unset."""
    return (os.environ.get("SCRBOT_CACHE_DIR") or "").strip()


def token() -> str:
    """TELEGRAM_BOT_TOKEN as set ("" when unset); None when it is not set at all."""
    return os.environ.get("TELEGRAM_BOT_TOKEN", "")


def token_is_set() -> bool:
    return "TELEGRAM_BOT_TOKEN" in os.environ


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
