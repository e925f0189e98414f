"""Which templates are worth a fuzzy score: an inverted index of template words kept as bitsets.

With thousands of templates, scoring each with rapidfuzz costs milliseconds, and looping over
posting lists in Python costs as much again. Here each word owns one integer whose bit `i` says
"template i contains me", so the questions "which templates share a word with the question" and
"how many of its words does each share" are a handful of big-integer operations (a bit-sliced
counter), done in C whatever the number of templates.

When too many templates share a word, the ones kept are those whose words best cover the question
or are best covered by it (shared words over the shorter side: the overlap coefficient, which is
what token_set_ratio rewards), then those sharing more words, then those closest to the question
in length, then the earlier ones. Below the cap nothing is pruned.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence


def _bitset(indices: Iterable[int], size: int) -> int:
    """An int with the given bits set, built in a bytearray: OR-ing into a growing int is quadratic."""
    flags = bytearray((size + 7) // 8)
    for i in indices:
        flags[i >> 3] |= 1 << (i & 7)
    return int.from_bytes(flags, "little")


def _indices(mask: int, limit: int) -> list[int]:
    """The positions of the first `limit` set bits of `mask`, lowest first."""
    bits = format(mask, "b")[::-1]
    out: list[int] = []
    at = bits.find("1")
    while at != -1 and len(out) < limit:
        out.append(at)
        at = bits.find("1", at + 1)
    return out


class WordIndex:
    """Templates (given as word sets, in order) by the words they contain."""

    def __init__(self, templates: Sequence[frozenset[str]]) -> None:
        size = len(templates)
        postings: dict[str, list[int]] = {}
        lengths: dict[int, list[int]] = {}
        for i, words in enumerate(templates):
            lengths.setdefault(len(words), []).append(i)
            for word in words:
                postings.setdefault(word, []).append(i)
        self._with = {word: _bitset(idxs, size) for word, idxs in postings.items()}
        self._length = {n: _bitset(idxs, size) for n, idxs in sorted(lengths.items())}

    def sharing(self, words: Iterable[str], cap: int) -> list[int]:
        """Indices (ascending) of at most `cap` templates sharing a word with `words`, the best covered kept."""
        words = set(words)
        present = [self._with[w] for w in words if w in self._with]
        if not present:
            return []
        anyone = 0
        for bits in present:
            anyone |= bits
        if anyone.bit_count() <= cap:
            return _indices(anyone, cap)
        # planes[j] holds bit j of "how many of the question's words template i contains".
        planes: list[int] = []
        for carry in present:
            for j, plane in enumerate(planes):
                planes[j], carry = plane ^ carry, plane & carry
                if not carry:
                    break
            if carry:
                planes.append(carry)
        asked = len(words)
        groups = []
        for shared in range(min(len(present), (1 << len(planes)) - 1), 0, -1):  # no template shares more
            exactly = anyone
            for j, plane in enumerate(planes):
                exactly &= plane if shared >> j & 1 else ~plane
            if not exactly:
                continue
            for length, of_length in self._length.items():
                group = exactly & of_length
                if group:
                    groups.append((shared / min(asked, length), shared, -abs(length - asked), group))
        groups.sort(key=lambda g: g[:3], reverse=True)
        kept: list[int] = []
        for *_, group in groups:
            kept += _indices(group, cap - len(kept))
            if len(kept) >= cap:
                break
        return sorted(kept)
