"""What `scrbot run` checks before it talks to Telegram: each problem is one line and exit code 3.

* the database opens, is SQLite, and can be written (a corrupt file or a read-only folder is
  named here, not in a traceback later);
* no other `scrbot run` uses the same database: an exclusive lock on `<db>.lock`, held for the
  life of the process (the kernel releases it when the process dies, even by SIGKILL), so two
  processes never answer the same updates twice;
* a webhook has a secret, unless the operator opted out for a local test.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from pathlib import Path
from typing import IO

from ..settings import Settings, SettingsError


def check_database(path: str, name: str = "SCRBOT_DB") -> None:
    """Open the database and write to it once, or raise SettingsError with one line saying why not."""
    from ..state.check import UnusableDatabase, check_writable

    file = Path(path).expanduser()
    try:
        check_writable(file)
    except UnusableDatabase as exc:
        if exc.corrupt:
            raise SettingsError(
                f"{name} ({file}) is not a usable SQLite database ({exc}): move it away and start again."
            ) from None
        raise SettingsError(f"{name} ({file}) cannot be written ({exc}): check the file and its folder.") from None


class InstanceLock:
    """An exclusive, non-blocking lock on `<db>.lock`; the holder's pid is written in it."""

    def __init__(self, db_path: str) -> None:
        self.path = Path(db_path).expanduser().with_name(Path(db_path).name + ".lock")
        self._file: IO[str] | None = None

    def acquire(self) -> None:
        """Take the lock, or raise SettingsError naming the process that holds it."""
        try:
            handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 (held until release)
        except OSError as exc:
            raise SettingsError(f"cannot create the lock file {self.path}: {exc.strerror}.") from None
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            handle.close()
            raise SettingsError(
                f"another scrbot run (pid {holder}) already uses this database ({self.path.with_suffix('')}): "
                "stop it first; two would answer every message twice."
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        self._file = handle

    def release(self) -> None:
        if self._file is not None:
            with contextlib.suppress(OSError):
                fcntl.flock(self._file.fileno(), fcntl.LOCK_UN)
            self._file.close()
            self._file = None


def check_webhook(settings: Settings, who: str = "--webhook") -> None:
    """A webhook without a secret accepts forged updates from anyone: refuse it unless opted out.

    The rule of `scrbot run --webhook` and of `scrbot webhook set` (`who` names which asks)."""
    if not settings.webhook_url:
        raise SettingsError(f"{who} needs SCRBOT_WEBHOOK_URL (the public https URL Telegram should call).")
    if not settings.webhook_secret and not settings.webhook_insecure:
        raise SettingsError(
            f"{who} needs SCRBOT_WEBHOOK_SECRET (1 to 256 letters, digits, _ or -): without it anyone can "
            "post forged updates. For a local test only, SCRBOT_WEBHOOK_INSECURE=1 allows it without one."
        )
