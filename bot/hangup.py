"""SIGHUPs that arrive while `scrbot run` starts: counted, to become one reload once the bot runs.

A SIGHUP's default action ends the process; operators send it to reload the data, sometimes just
after a (re)start. So `python -m bot run` installs this before anything else is imported, and
`scrbot run` as its first step; the running bot then replaces it with its reload handler.
"""

from __future__ import annotations

import signal

received: list[int] = []


def defer() -> list[int]:
    """Count SIGHUPs from now on instead of dying of them; the list of those received."""
    if hasattr(signal, "SIGHUP") and signal.getsignal(signal.SIGHUP) is not _count:
        signal.signal(signal.SIGHUP, _count)
    return received


def _count(signum: int, frame: object) -> None:
    received.append(signum)
