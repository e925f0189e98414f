"""Number and list formatting, so every answer writes figures the same way."""

from __future__ import annotations


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
    return percent(100.0 * part / whole) if whole else "n/a"


def change(old: int, new: int) -> str:
    """'up 40 (+129%)' / 'down 3 (-10%)' / 'unchanged'."""
    diff = new - old
    if diff == 0:
        return "unchanged"
    direction = "up" if diff > 0 else "down"
    pct = f" ({'+' if diff > 0 else '-'}{percent(abs(100.0 * diff / old))})" if old else ""
    return f"{direction} {number(abs(diff))}{pct}"


def multiple(old: int, new: int) -> str:
    """A plain-words ratio for big rises: 'more than doubled', 'nearly six times as many'."""
    if old <= 0 or new < 2 * old:
        return ""
    ratio = new / old
    if ratio < 3:
        return "more than doubled"
    if ratio < 4:
        return "more than tripled"
    whole = round(ratio)
    word = {4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten"}.get(whole, str(whole))
    if abs(ratio - whole) < 0.05:
        return f"{word} times as many"
    return f"{'nearly' if ratio < whole else 'more than'} {word} times as many"


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
    return labels[0] if len(labels) == 1 else f"{labels[0]} to {labels[-1]}"
