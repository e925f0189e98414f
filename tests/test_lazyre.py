"""`LazyPattern`: a regex compiled when first used, behaving as `re.compile` would."""

from __future__ import annotations

import re

from bot.lazyre import LazyPattern


def test_a_lazy_pattern_compiles_on_first_use_and_behaves_like_the_compiled_one():
    lazy = LazyPattern(r"\b(\d+) years?\b", re.IGNORECASE)
    assert lazy._compiled is None  # nothing compiled at import
    text = "up to 20 YEARS, not 10 years"
    assert [m.group(1) for m in lazy.finditer(text)] == ["20", "10"]
    assert lazy.sub("N years", text) == re.compile(r"\b(\d+) years?\b", re.IGNORECASE).sub("N years", text)
    assert lazy.pattern == r"\b(\d+) years?\b" and lazy._compiled is not None
