"""facts/article.txt is the project's own copy of the source article; it must not drift from it."""

from pathlib import Path

import pytest
from conftest import FACTS

SHARED = Path(__file__).resolve().parents[2] / "shared" / "source" / "scr-article.txt"


@pytest.mark.skipif(not SHARED.exists(), reason="the shared source folder is not beside this checkout")
def test_the_fact_base_quotes_the_published_article_word_for_word():
    assert (FACTS / "article.txt").read_text(encoding="utf-8") == SHARED.read_text(encoding="utf-8")
