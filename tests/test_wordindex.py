"""The bitset word index must pick exactly the templates a plain Python scan would pick."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.understanding.wordindex import WordIndex

VOCAB = [f"w{i}" for i in range(12)]
templates_st = st.lists(st.frozensets(st.sampled_from(VOCAB), min_size=1, max_size=7), min_size=1, max_size=120)
question_st = st.sets(st.sampled_from([*VOCAB, "unknown"]), min_size=1, max_size=8)


def reference(templates: list[frozenset[str]], words: set[str], cap: int) -> list[int]:
    """The specification, written the slow obvious way."""
    sharing = [i for i, t in enumerate(templates) if t & words]

    def key(i: int) -> tuple[float, int, int, int]:
        shared = len(templates[i] & words)
        return (-shared / min(len(words), len(templates[i])), -shared, abs(len(templates[i]) - len(words)), i)

    return sorted(sorted(sharing, key=key)[:cap])


@settings(max_examples=300, deadline=None)
@given(templates_st, question_st, st.integers(min_value=1, max_value=60))
def test_the_index_keeps_what_a_plain_scan_keeps(templates, words, cap):
    assert WordIndex(templates).sharing(words, cap) == reference(templates, words, cap)


def test_below_the_cap_every_template_sharing_a_word_is_kept():
    templates = [frozenset(t.split()) for t in ["how many scr", "who is person", "why rise", "how many published"]]
    assert WordIndex(templates).sharing({"how", "many", "published"}, cap=10) == [0, 3]
    assert WordIndex(templates).sharing({"trains"}, cap=10) == []


def test_above_the_cap_a_fully_covered_template_beats_long_partial_ones():
    # Many long templates share two of the question's words; one short template is all question words.
    noise = [frozenset({"person", "scr", f"made{i}", f"up{i}", f"x{i}"}) for i in range(300)]
    templates = [*noise, frozenset({"person", "recommend"})]
    kept = WordIndex(templates).sharing({"person", "recommend", "relaxing", "scr", "procedures"}, cap=20)
    assert len(kept) == 20 and len(templates) - 1 in kept
