"""Installed the ordinary way (`pip install .`, not editable), the bot finds its data from any folder
and keeps its cache and database in the user's folders, never inside the installation.

Building a wheel needs the package index, so the test lays out what the wheel holds (checked by
`test_the_wheel_layout_is_what_pyproject_declares`): the package, with facts/ and intents/ as
bot/_data/facts and bot/_data/intents."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from fnmatch import fnmatch
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_the_wheel_layout_is_what_pyproject_declares() -> None:
    tool = PYPROJECT["tool"]["setuptools"]
    packages = set(tool["packages"])
    on_disk = {str(p.parent.relative_to(ROOT)).replace("/", ".") for p in (ROOT / "bot").rglob("__init__.py")}
    assert on_disk <= packages, f"missing from [tool.setuptools] packages: {on_disk - packages}"
    assert tool["package-dir"] == {"bot._data.facts": "facts", "bot._data.intents": "intents"}
    for package, folder in tool["package-dir"].items():  # every data file, in subfolders too, is shipped
        patterns = tool["package-data"][package]
        for path in (ROOT / folder).rglob("*.*"):
            relative = path.relative_to(ROOT / folder).as_posix()
            assert any(fnmatch(relative, p) and relative.count("/") == p.count("/") for p in patterns), \
                f"{folder}/{relative} is not in [tool.setuptools.package-data] {package}"
    assert "platformdirs" in " ".join(PYPROJECT["project"]["dependencies"])


def test_an_installed_copy_finds_its_data_and_writes_only_to_user_folders(tmp_path: Path) -> None:
    site = tmp_path / "site-packages"
    shutil.copytree(ROOT / "bot", site / "bot", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "facts", site / "bot" / "_data" / "facts")
    shutil.copytree(ROOT / "intents", site / "bot" / "_data" / "intents")
    elsewhere = tmp_path / "somewhere"
    elsewhere.mkdir()
    home = tmp_path / "home"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SCRBOT_", "TELEGRAM_", "XDG_"))}
    env.update(PYTHONPATH=str(site), HOME=str(home), PYTHONIOENCODING="utf-8", PYTHONDONTWRITEBYTECODE="1")

    def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "bot", *args], cwd=elsewhere, env=env, input=stdin,
                              capture_output=True, text=True, timeout=60)

    before = sorted(p.relative_to(site) for p in site.rglob("*"))
    asked = run("ask", "how many SCRs were published in 2013/14?")
    assert asked.returncode == 0, asked.stderr
    assert "71" in asked.stdout
    chat = run("chat", stdin="how many trains were there?\n")
    assert chat.returncode == 0, chat.stderr
    check = run("check")
    assert check.returncode == 0 and check.stdout.startswith("ok:"), check.stderr
    assert sorted(p.relative_to(site) for p in site.rglob("*")) == before, "wrote inside the installation"
    assert not any(elsewhere.iterdir()), "wrote into the current folder"
    assert list((home / ".cache" / "scrbot").glob("engine-*.pickle")), "no compiled engine in the user's cache"
    assert (home / ".local" / "state" / "scrbot" / "scrbot.db").is_file(), "no database in the user's state folder"
    misses = run("misses")
    assert misses.returncode == 0 and '"how many trains were there"' in misses.stdout, misses.stderr
