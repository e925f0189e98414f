"""Start-up without cyclic garbage collection.

Importing the bot and loading its engine allocate hundreds of thousands of long-lived objects
(modules, classes, the unpickled engine) and free none in cycles; the cyclic collector would keep
re-scanning them all: a quarter of the load time at 100x the intents, and about 5 ms (a tenth) of a
cached `scrbot ask`. Kept free of imports so that it can wrap the bot's own.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def no_gc_pauses(freeze: bool = False) -> Iterator[None]:
    """Switch the cyclic collector off for the block, and back on after it if it was on.

    The switch is process-wide: during a `/reload` (a thread) the running bot also goes without cyclic
    collection for those milliseconds, which costs nothing but a slightly later sweep.
    `freeze` (for a process's start, never a reload) then moves everything allocated so far out of the
    collector's reach: otherwise the first collection after the block, during the first answer, still
    scans it all (~3 ms of `scrbot ask`)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if enabled:
            gc.enable()
