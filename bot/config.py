"""Where the data, the cache and the database live, from flags and environment variables.

From a checkout (or an editable install) the data is the repository's `facts/` and `intents/`,
and the cache and database go in its `var/`. Installed the ordinary way (`pip install .`), the
package carries its own copy of the data (`bot/_data/`), and the cache and database go in the
user's folders (platformdirs, imported only then), never inside the installation.
"""

from __future__ import annotations

from pathlib import Path

from . import environ

PACKAGE = Path(__file__).resolve().parent
REPO = PACKAGE.parent
SHIPPED = PACKAGE / "_data"  # facts/ and intents/ as packaged by pyproject.toml (absent in a checkout)
_MARKERS = {"facts": "periods.yaml", "intents": "lexicon.yaml"}


def in_checkout() -> bool:
    """Run from the source tree (or an editable install of it), not from an installed copy."""
    return (REPO / "pyproject.toml").is_file() and (REPO / "facts" / "periods.yaml").is_file()


def _default_dir(name: str) -> Path:
    configured = environ.data_dir(name)
    if configured:
        return Path(configured).expanduser().resolve()
    here = Path.cwd() / name
    if (here / _MARKERS[name]).exists():
        return here
    if in_checkout() or not (SHIPPED / name).is_dir():
        return REPO / name
    return SHIPPED / name


def facts_dir(flag: str | None = None) -> Path:
    """--facts, else SCRBOT_FACTS_DIR, else ./facts when it holds a fact base, else the repo's (or package's) facts/."""
    return Path(flag).expanduser().resolve() if flag else _default_dir("facts")


def intents_dir(flag: str | None = None) -> Path:
    """--intents, else SCRBOT_INTENTS_DIR, else ./intents when it holds intents, else the repo's (or package's)."""
    return Path(flag).expanduser().resolve() if flag else _default_dir("intents")


def _shipped(path: Path) -> bool:
    return path == SHIPPED or SHIPPED in path.parents


def var_dir() -> Path:
    """Where state goes by default: `var/` beside the data in use, or the user's state folder for shipped data."""
    facts = facts_dir()
    if _shipped(facts):
        from platformdirs import user_state_dir

        return Path(user_state_dir("scrbot"))
    return facts.parent / "var"


def default_db() -> str:
    """The SQLite database when SCRBOT_DB is not set: `var/scrbot.db` beside the data folders in use."""
    return str(var_dir() / "scrbot.db")


def cache_dir() -> Path:
    """The compiled engine's folder when SCRBOT_CACHE_DIR is not set: the checkout's var/cache, else the user's."""
    if in_checkout():
        return REPO / "var" / "cache"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("scrbot"))


def default_eval_file() -> Path:
    return REPO / "tests" / "eval" / "questions.yaml"
