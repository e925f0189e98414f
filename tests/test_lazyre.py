"""`LazyPattern`: a regex compiled when first used, behaving as `re.compile` would."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from conftest import ROOT

from bot.lazyre import LazyPattern


def test_a_lazy_pattern_compiles_on_first_use_and_behaves_like_the_compiled_one():
    lazy = LazyPattern(r"\b(\d+) years?\b", re.IGNORECASE)
    assert lazy._compiled is None  # nothing compiled at import
    text = "up to 20 YEARS, not 10 years"
    assert [m.group(1) for m in lazy.finditer(text)] == ["20", "10"]
    assert lazy.sub("N years", text) == re.compile(r"\b(\d+) years?\b", re.IGNORECASE).sub("N years", text)
    assert lazy.pattern == r"\b(\d+) years?\b" and lazy._compiled is not None


# -- the kept regex code: a start compiles from what an earlier one generated ------------------------
PATTERNS = (
    (r"(?P<year>(?:19|20)\d\d)/(?P<end>\d\d)", 0),
    (r"\b(?:commissioned|published)\b", re.IGNORECASE),
    (r"^\s*(?:why|how come)\b.*\?$", re.MULTILINE),
)
PROGRAM = """
import re, sys
from bot import compiled, lazyre  # noqa: F401 - imported (and its own patterns compiled) before parsing is switched off
parse = re._parser.parse
if sys.argv[1] == "reuse":  # the kept code must be used: parsing a pattern again would fail
    re._parser.parse = None
built = [(lazyre.compile(pattern, flags), pattern, flags) for pattern, flags in {patterns!r}]
re._parser.parse = parse
for compiled, pattern, flags in built:
    assert compiled == re.compile(pattern, flags), pattern  # same flags, same generated code
    print(compiled.groupindex and dict(compiled.groupindex), bool(compiled.search("Published 2013/14?")))
"""


def _run(mode: str, cache) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SCRBOT_CACHE_DIR": str(cache), "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-c", PROGRAM.format(patterns=PATTERNS), mode],
        capture_output=True, text=True, env=env, timeout=60, cwd=ROOT,
    )


def test_a_second_start_builds_its_patterns_from_the_kept_code(tmp_path):
    first = _run("compile", tmp_path)
    assert first.returncode == 0, first.stderr
    assert len(list(tmp_path.glob("regex-*.marshal"))) == 1
    second = _run("reuse", tmp_path)
    assert second.returncode == 0, second.stderr
    assert second.stdout == first.stdout
    assert "{'year': 1, 'end': 2} True" in second.stdout


def test_a_damaged_regex_file_is_compiled_afresh(tmp_path):
    assert _run("compile", tmp_path).returncode == 0
    for path in tmp_path.glob("regex-*.marshal"):
        path.write_bytes(b"\x00not marshal data")
    again = _run("compile", tmp_path)
    assert again.returncode == 0, again.stderr
    assert "{'year': 1, 'end': 2} True" in again.stdout
    assert _run("reuse", tmp_path).returncode == 0  # and rewritten whole


def test_the_switched_off_cache_keeps_no_regex_code(tmp_path):
    result = _run("compile", "off")
    assert result.returncode == 0, result.stderr
    assert not list(ROOT.glob("off")) and not list(tmp_path.iterdir())


def test_every_pattern_the_bot_keeps_is_the_pattern_re_would_compile(tmp_path):
    """The bot's own patterns, after a real question: kept code and `re.compile` agree on each."""
    env = {**os.environ, "SCRBOT_CACHE_DIR": str(tmp_path), "PYTHONPATH": str(ROOT)}
    ask = [sys.executable, "-m", "bot", "ask", "how many more were commissioned than published in 2012/13?"]
    assert "50" in subprocess.run(ask, capture_output=True, text=True, env=env, timeout=120, cwd=ROOT).stdout
    check = (
        "import re, marshal, glob, _sre, sys\n"
        f"kept = marshal.loads(open(glob.glob({str(tmp_path / 'regex-*.marshal')!r})[0], 'rb').read())\n"
        "assert len(kept) > 50, len(kept)\n"
        "for (pattern, flags), args in kept.items():\n"
        "    assert _sre.compile(pattern, *args) == re.compile(pattern, flags), pattern\n"
        "print(len(kept))\n"
    )
    result = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
