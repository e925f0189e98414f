"""Number and list formatting, so every answer writes figures the same way; the words of a change ("up 40 (+129%)",
"more than doubled") are said from intents/replies/format.yaml."""

from __future__ import annotations

from .replies import section

SAY = section("format", {
    "not_available": set(),
    "unchanged": set(),
    "up": {"by", "percent"},
    "down": {"by", "percent"},
    "up_from_none": {"by"},
    "down_from_none": {"by"},
    "more_than_doubled": set(),
    "more_than_tripled": set(),
    "times_as_many": {"times"},
    "nearly_times_as_many": {"times"},
    "more_than_times_as_many": {"times"},
    "span": {"first", "last"},
})


def number(value: int) -> str:
    return f"{value:,}"


def decimal(value: float) -> str:
    """A whole number as one ("38"), anything else to one decimal place ("83.3")."""
    return number(int(value)) if float(value).is_integer() else f"{value:,.1f}"


def percent(value: float) -> str:
    """At most one decimal place, no trailing '.0': 129%, 40.7%."""
    text = f"{value:.1f}"
    return (text[:-2] if text.endswith(".0") else text) + "%"


def share(part: int, whole: int) -> str:
    return percent(100.0 * part / whole) if whole else SAY.say("not_available")


def change(old: int, new: int) -> str:
    """'up 40 (+129%)' / 'down 3 (-10%)' / 'unchanged'."""
    diff = new - old
    if diff == 0:
        return SAY.say("unchanged")
    if not old:
        return SAY.say("up_from_none" if diff > 0 else "down_from_none", by=number(abs(diff)))
    return SAY.say("up" if diff > 0 else "down", by=number(abs(diff)), percent=percent(abs(100.0 * diff / old)))


def multiple(old: int, new: int) -> str:
    """A plain-words ratio for big rises: 'more than doubled', 'nearly six times as many'."""
    if old <= 0 or new < 2 * old:
        return ""
    ratio = new / old
    if ratio < 3:
        return SAY.say("more_than_doubled")
    if ratio < 4:
        return SAY.say("more_than_tripled")
    whole = round(ratio)
    times = words(whole)  # "four" ... "ten", then figures
    if abs(ratio - whole) < 0.05:
        return SAY.say("times_as_many", times=times)
    return SAY.say("nearly_times_as_many" if ratio < whole else "more_than_times_as_many", times=times)


def words(n: int) -> str:
    """Small counts in words, as in prose ('two reasons')."""
    return (
        ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"][n]
        if 0 <= n <= 10
        else str(n)
    )


def join(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def period_span(labels: list[str]) -> str:
    if not labels:
        return ""
    return labels[0] if len(labels) == 1 else SAY.say("span", first=labels[0], last=labels[-1])
