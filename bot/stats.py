"""`scrbot stats`: questions per day, how many were answered, declined or met with "did you mean", top intents."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from .misses import MissGroup, group_misses
from .state.questions import Asked, DayCount

TOP = 5


@dataclass
class Stats:
    since_days: float
    days: dict[str, Counter[str]]  # day -> kind -> questions
    chat_types: Counter[str]
    intents: Counter[str]  # answered intents
    unsure: int  # answers kept as misses because their confidence was low
    top_misses: list[MissGroup]

    @property
    def kinds(self) -> Counter[str]:
        total: Counter[str] = Counter()
        for kinds in self.days.values():
            total.update(kinds)
        return total

    @property
    def total(self) -> int:
        return sum(self.kinds.values())

    def share(self, kind: str) -> float:
        return self.kinds[kind] / self.total if self.total else 0.0


def compute(counts: list[DayCount], misses: list[Asked], since_days: float) -> Stats:
    days: dict[str, Counter[str]] = {}
    chat_types: Counter[str] = Counter()
    intents: Counter[str] = Counter()
    for row in counts:
        days.setdefault(row.day, Counter())[row.kind] += row.count
        chat_types[row.chat_type] += row.count
        if row.kind == "answer" and row.intent:
            intents[row.intent] += row.count
    unsure = sum(1 for m in misses if m.kind == "answer")
    # A question rightly told that no source has figures for its year was understood: not a miss.
    missed = [m for m in misses if not (m.action or "").startswith("declined: no figures")]
    return Stats(since_days, dict(sorted(days.items())), chat_types, intents, unsure, group_misses(missed)[:TOP])


def _pct(part: int, whole: int) -> str:
    return f"{part / whole:.0%}" if whole else "0%"


def render_stats(stats: Stats) -> str:
    days = f"{stats.since_days:g} day{'s' if stats.since_days != 1 else ''}"
    if not stats.total:
        return f"No questions recorded in the last {days}."
    kinds, total = stats.kinds, stats.total
    out = [
        f"{total} question{'s' if total != 1 else ''} in the last {days}: "
        f"answered {kinds['answer']} ({_pct(kinds['answer'], total)}), "
        f"did you mean {kinds['clarify']} ({_pct(kinds['clarify'], total)}), "
        f"declined {kinds['decline']} ({_pct(kinds['decline'], total)}); "
        f"{stats.unsure} answer{'s' if stats.unsure != 1 else ''} below the confidence threshold.",
        "By chat type: " + ", ".join(f"{t} {n}" for t, n in stats.chat_types.most_common()),
        "",
        f"{'day':<12}{'questions':>10}{'answered':>10}{'did you mean':>14}{'declined':>10}",
    ]
    for day, counts in stats.days.items():
        n = sum(counts.values())
        out.append(f"{day:<12}{n:>10}{counts['answer']:>10}{counts['clarify']:>14}{counts['decline']:>10}")
    if stats.intents:
        out += ["", "Top intents:"]
        width = max(len(i) for i, _ in stats.intents.most_common(TOP))
        out += [f"  {intent:<{width}}  {n}" for intent, n in stats.intents.most_common(TOP)]
    if stats.top_misses:
        out += ["", "Top misses (scrbot misses says what to edit):"]
        out += [f'  {g.count}x "{g.text}"' for g in stats.top_misses]
    return "\n".join(out)


def stats_json(stats: Stats) -> dict[str, Any]:
    total = stats.total
    kinds = stats.kinds
    return {
        "since_days": stats.since_days,
        "questions": total,
        "answered": kinds["answer"],
        "clarified": kinds["clarify"],
        "declined": kinds["decline"],
        "share": {k: round(kinds[k] / total, 4) if total else 0.0 for k in ("answer", "clarify", "decline")},
        "unsure_answers": stats.unsure,
        "by_day": [
            {
                "day": day,
                "questions": sum(c.values()),
                "answered": c["answer"],
                "clarified": c["clarify"],
                "declined": c["decline"],
            }
            for day, c in stats.days.items()
        ],
        "by_chat_type": dict(stats.chat_types.most_common()),
        "top_intents": [{"intent": i, "count": n} for i, n in stats.intents.most_common(TOP)],
        "top_misses": [{"text": g.text, "count": g.count, "kinds": dict(g.kinds)} for g in stats.top_misses],
    }
