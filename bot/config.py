"""Where the data lives and other settings, from flags and environment variables."""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _default_dir(env: str, name: str) -> Path:
    if os.environ.get(env):
        return Path(os.environ[env]).expanduser().resolve()
    here = Path.cwd() / name
    return here if (here / "lexicon.yaml").exists() or (here / "periods.yaml").exists() else REPO / name


def facts_dir(flag: str | None = None) -> Path:
    """--facts, else SCRBOT_FACTS_DIR, else ./facts when it holds a fact base, else the repo's facts/."""
    return Path(flag).expanduser().resolve() if flag else _default_dir("SCRBOT_FACTS_DIR", "facts")


def intents_dir(flag: str | None = None) -> Path:
    """--intents, else SCRBOT_INTENTS_DIR, else ./intents when it holds intents, else the repo's intents/."""
    return Path(flag).expanduser().resolve() if flag else _default_dir("SCRBOT_INTENTS_DIR", "intents")


def default_eval_file() -> Path:
    return REPO / "tests" / "eval" / "questions.yaml"
