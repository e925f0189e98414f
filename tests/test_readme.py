"""The README is part of the product: every `$ scrbot ...` example in it is run here, on a copy of the
shipped data, and its output must be what the README shows. Walkthroughs that edit data (a ```diff
block naming its file, or a block marked `new-file=PATH` or `append-to=PATH`) are performed on the copy
exactly as written, so the README cannot go stale again."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
_FENCE = re.compile(r"^( *)```(\w*)([^\n]*)\n(.*?)^\1```", re.M | re.S)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

# Sections whose examples are run, each as one session on a fresh copy of the data, in order.
SESSIONS = {
    "loop": ["### The loop, step by step", "### Usage"],
    "year": ["## Adding a year of figures"],
}


def sections() -> dict[str, str]:
    """Heading line -> the text under it, up to the next heading of any level."""
    parts = re.split(r"^(#{2,3} .+)$", README, flags=re.M)
    return {parts[i].strip(): parts[i + 1] for i in range(1, len(parts) - 1, 2)}


def blocks(text: str) -> list[tuple[str, str, str]]:
    """Fenced blocks as (language, info after it, body without the fence's indentation)."""
    def body(indent: str, text: str) -> str:
        return "".join(line[len(indent):] if line.startswith(indent) else line for line in text.splitlines(True))

    return [(m[2], m[3].strip(), body(m[1], m[4])) for m in _FENCE.finditer(text)]


def is_transcript(body: str) -> bool:
    return any(line.startswith("$ ") for line in body.splitlines())


def commands(body: str) -> list[tuple[str, str]]:
    """A transcript as (command line, expected output) pairs."""
    pairs: list[tuple[str, list[str]]] = []
    for line in body.rstrip("\n").split("\n"):
        if line.startswith("$ "):
            pairs.append((line[2:], []))
        else:
            assert pairs, f"output before the first command: {line!r}"
            pairs[-1][1].append(line)
    return [(command, "\n".join(out)) for command, out in pairs]


def _normal(text: str) -> str:
    return "\n".join(line.rstrip() for line in _DATE.sub("YYYY-MM-DD", text).rstrip("\n").split("\n"))


class Session:
    """A folder holding a copy of facts/ and intents/, and a `scrbot` on the PATH that runs this checkout."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        shutil.copytree(ROOT / "facts", folder / "facts")
        shutil.copytree(ROOT / "intents", folder / "intents")
        bin_dir = folder / "bin"
        bin_dir.mkdir()
        shim = bin_dir / "scrbot"
        shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m bot "$@"\n', encoding="utf-8")
        shim.chmod(0o755)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("SCRBOT_", "TELEGRAM_"))}
        env.update(PATH=f"{bin_dir}{os.pathsep}{env.get('PATH', '')}", PYTHONIOENCODING="utf-8",
                   PYTHONPATH=str(ROOT), SCRBOT_CACHE_DIR=str(folder / "cache"), COLUMNS="100")
        self.env = env

    def run(self, command: str) -> str:
        done = subprocess.run(["bash", "-c", command], cwd=self.folder, env=self.env, capture_output=True,
                              text=True, encoding="utf-8", timeout=120)
        assert "Traceback" not in done.stderr, done.stderr
        assert done.returncode == 0, f"$ {command}\n{done.stdout}{done.stderr}"
        return done.stdout

    def apply(self, language: str, info: str, body: str) -> bool:
        """Perform an edit the README shows; False when the block is not an edit."""
        target = re.search(r"\b(new-file|append-to)=(\S+)", info)
        if target:
            path = self.folder / target[2]
            if target[1] == "new-file":
                assert not path.exists(), f"{target[2]} already exists"
                path.write_text(body, encoding="utf-8")
            else:
                text = path.read_text(encoding="utf-8")
                path.write_text(text + ("" if text.endswith("\n") else "\n") + body, encoding="utf-8")
            return True
        if language == "diff":
            self.patch(body)
            return True
        return False

    def patch(self, body: str) -> None:
        lines = body.rstrip("\n").split("\n")
        assert lines[0].startswith("--- ") and lines[1].startswith("+++ "), "a README diff names its file"
        path = self.folder / lines[1][4:].strip()
        context = [line[1:] for line in lines[2:] if line.startswith(" ")]
        added = [line[1:] for line in lines[2:] if line.startswith("+")]
        current = path.read_text(encoding="utf-8").split("\n")
        at = next(i for i in range(len(current)) if current[i:i + len(context)] == context)
        end = at + len(context)
        assert current[end:end + len(added)] != added, f"the edit in {path.name} is already made"
        path.write_text("\n".join(current[:end] + added + current[end:]), encoding="utf-8")


@pytest.mark.parametrize("name", sorted(SESSIONS))
def test_readme_walkthrough_reproduces(name: str, tmp_path: Path) -> None:
    session = Session(tmp_path)
    found = sections()
    ran = 0
    for heading in SESSIONS[name]:
        for language, info, body in blocks(found[heading]):
            if session.apply(language, info, body) or not is_transcript(body):
                continue
            for command, expected in commands(body):
                actual = session.run(command)
                shown = f"$ {command}\n--- README\n{expected}\n--- actual\n{actual}"
                assert _normal(actual) == _normal(expected), shown
                ran += 1
    assert ran >= 3


def test_every_scrbot_example_in_the_readme_is_run() -> None:
    covered = {heading for headings in SESSIONS.values() for heading in headings}
    found = sections()
    examples = [heading for heading, text in found.items()
                for _, _, body in blocks(text) if is_transcript(body) and "scrbot" in body]
    assert examples and set(examples) <= covered, set(examples) - covered


def test_the_check_sample_lines_match_the_shipped_data(tmp_path: Path) -> None:
    """The README's `scrbot check` line for the shipped data, and the reload log's counts, are current."""
    session = Session(tmp_path)
    shipped = session.run("scrbot check").strip()
    summary = shipped.removeprefix("ok: ").split("; ")[:2]
    assert "Before: " + "; ".join(summary) + "." in README


def test_the_readme_says_how_to_run_scrbot_and_lists_make_help() -> None:
    """After `make venv`, `scrbot` is in .venv/bin, not on the PATH: the README must say so."""
    setup = sections()["## Two commands"]
    assert ".venv/bin/scrbot" in setup and ". .venv/bin/activate" in setup
    assert "`make help`" in setup
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "\nhelp:" in makefile and "$(BIN)/scrbot" in makefile


def test_the_opening_conversation_is_what_the_console_says(tmp_path: Path) -> None:
    """The README's first example (you>/bot>, abridged with "...") matches a real console chat."""
    intro = README.split("## ", 1)[0]
    [(_, _, body)] = [b for b in blocks(intro) if "you> " in b[2]]
    asked = [line[5:] for line in body.splitlines() if line.startswith("you> ")]
    session = Session(tmp_path)
    actual = session.run("printf '%s\\n' " + " ".join(f"'{q}'" for q in asked) + " | scrbot chat")
    said = [line[5:] for line in body.splitlines() if not line.startswith("you> ")]
    for line in said:
        shown = line.split(" ...")[0].strip()
        assert shown in actual, f"{shown!r} is not in what the console said:\n{actual}"


def update_readme() -> int:
    """Rewrite the README's example outputs with what the commands print now (after a deliberate change:
    review the diff). Run: `.venv/bin/python tests/test_readme.py --update`."""
    import tempfile

    text = README
    changed = 0
    for headings in SESSIONS.values():
        with tempfile.TemporaryDirectory() as tmp:
            session = Session(Path(tmp))
            found = sections()
            for heading in headings:
                for fence in _FENCE.finditer(found[heading]):
                    indent, language, info, raw = fence[1], fence[2], fence[3].strip(), fence[4]
                    body = "".join(line[len(indent):] if line.startswith(indent) else line
                                   for line in raw.splitlines(True))
                    if session.apply(language, info, body) or not is_transcript(body):
                        continue
                    for command, expected in commands(body):
                        actual = session.run(command).rstrip("\n")
                        if _normal(actual) == _normal(expected):
                            continue
                        old = _indented(indent, f"$ {command}\n{expected}")
                        new = _indented(indent, f"$ {command}\n{actual}")
                        assert text.count(old) == 1, f"cannot place the output of $ {command}"
                        text = text.replace(old, new)
                        changed += 1
    with tempfile.TemporaryDirectory() as tmp:  # the reload log's counts: the shipped data, one template before
        summary = Session(Path(tmp)).run("scrbot check").strip().removeprefix("ok: ").split("; ")[:2]
    log = re.compile(r"(Reloaded in [\d.]+s: )[^.]*?(\. Before: )[^.]*?\.(?=\n)")
    templates = re.search(r"(\d+) templates", summary[1])
    if templates is not None and log.search(text):
        after = "; ".join([summary[0], summary[1].replace(templates[0], f"{int(templates[1]) + 1} templates")])
        text = log.sub(lambda m: f"{m[1]}{after}{m[2]}{'; '.join(summary)}.", text, count=1)
    (ROOT / "README.md").write_text(text, encoding="utf-8")
    print(f"{changed} example output(s) updated in README.md")
    return 0


def _indented(indent: str, text: str) -> str:
    return "\n".join(indent + line if line else line for line in text.split("\n"))


if __name__ == "__main__":
    sys.exit(update_readme() if "--update" in sys.argv else 0)
