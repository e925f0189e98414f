"""What the tests of intents/replies/ share: a copy of the shipped data to reword, and the rewording of one reply."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def copy_data(to: Path) -> Path:
    """facts/ and intents/ copied under `to`, to be edited without touching the shipped data."""
    for folder in ("facts", "intents"):
        shutil.copytree(ROOT / folder, to / folder)
    return to


def reword(data: Path, section: str, old: str, new: str) -> int:
    """Replace `old` on the first reply line (not a comment) of the copied intents/replies/<section>.yaml that
    holds it; returns that line's number."""
    path = data / "intents" / "replies" / f"{section}.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if old in line and not line.lstrip().startswith("#"))
    lines[at] = lines[at].replace(old, new)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return at + 1
