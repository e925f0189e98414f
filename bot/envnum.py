"""Reading a number from the environment: finite, in range, or one ValueError naming the setting.

`float("inf")`, `float("nan")` and `1e300` all parse; each would break the bot later and quietly
(nothing recorded again, no reply delivered, a port that wraps around), so they are refused here.
"""

from __future__ import annotations

import math
from collections.abc import Mapping


def read_number(
    env: Mapping[str, str],
    name: str,
    default: float,
    low: float,
    high: float,
    *,
    integer: bool = False,
    low_open: bool = False,
    hint: str = "",
) -> float:
    """The value of `name` (or `default` when unset or blank), checked to lie in [low, high].

    `low_open` excludes `low` itself (a timeout of 0 s is no timeout). Raises ValueError with a
    one-line message that names the setting and its range (never echoes the value: it may be a secret
    pasted into the wrong variable).
    """
    raw = (env.get(name) or "").strip()
    if not raw:
        return int(default) if integer else default
    unit = "a whole number" if integer else "a number"
    lower = f"above {low:g}" if low_open else f"from {low:g}"
    message = f"{name} must be {unit} {lower} to {high:g}{hint}."
    try:
        value = int(raw) if integer else float(raw)
    except ValueError:
        raise ValueError(message) from None
    if not math.isfinite(value) or value < low or value > high or (low_open and value == low):
        raise ValueError(message)
    return value
