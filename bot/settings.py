"""Every setting of a running bot in one typed `Settings`, read once from the environment (and `.env`).

With `bot.environ` (the few settings `scrbot ask` needs at start), the only module that reads
environment variables. Each bad value is one line naming the variable and what it accepts (never
the value: it may be a secret pasted into the wrong variable); `Settings.from_env` reports every bad
value at once, one per line, so a deploy is fixed in one pass. `scrbot run` exits 3 on any of them.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .environ import SettingsError, environment, load_dotenv
from .limits import DEFAULT_GROUP_RATE, DEFAULT_USER_RATE, RateLimits
from .recording import DEFAULT_BELOW, DEFAULT_PREFIX, DEFAULT_RETENTION_DAYS, MAX_RETENTION_DAYS, LogOptions

if TYPE_CHECKING:
    from .telegram.delivery import DeliveryPolicy

__all__ = ["Settings", "SettingsError", "check_paths", "db_path", "delivery_policy", "environment",
           "load_dotenv", "log_options", "rate_limits", "read_number"]  # fmt: skip

TOKEN_SHAPE = re.compile(r"^\d{3,}:[A-Za-z0-9_-]{8,}$")
PREFIX = re.compile(r"[A-Za-z0-9_.:-]{1,64}")
DEFAULT_BASE_URL = "https://api.telegram.org/bot"
DEFAULT_BASE_FILE_URL = "https://api.telegram.org/file/bot"
DAY = 86400.0
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
SWITCH = {"0", "1", "true", "false", "yes", "no", "on", "off"}
PER_MINUTE = " questions per minute (0: no limit)"


def _on(value: str) -> bool:
    return value.strip().lower() in {"1", "true", "yes", "on"}


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

    `inf`, `nan` and `1e300` all parse as floats, and each would break the bot later and quietly,
    so they are refused here. `low_open` excludes `low` itself (a timeout of 0 s is no timeout).
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


# -- the parts, each read from a mapping (tests hand them one) ----------------------------------------
def db_path(env: Mapping[str, str] | None = None) -> str:
    """SCRBOT_STORE's SQLite path ("" for Redis), else SCRBOT_DB, else the older SCRBOT_STATE, else
    var/scrbot.db beside the data in use."""
    env = environment() if env is None else env
    url = (env.get("SCRBOT_STORE") or "").strip()
    if url:  # the one URL that chooses the store (bot/state); SCRBOT_DB, a plain path, keeps working
        from .state import store_path

        return store_path(url)
    from .config import default_db

    return (env.get("SCRBOT_DB") or "").strip() or (env.get("SCRBOT_STATE") or "").strip() or default_db()


def log_options(env: Mapping[str, str] | None = None) -> LogOptions:
    """SCRBOT_STORE / SCRBOT_DB, SCRBOT_STORE_PREFIX, SCRBOT_LOG_BELOW, SCRBOT_LOG_IDS, SCRBOT_RETENTION_DAYS."""
    env = environment() if env is None else env
    below = read_number(env, "SCRBOT_LOG_BELOW", DEFAULT_BELOW, 0.0, 1.0, hint=" (a confidence, such as 0.8)")
    days = read_number(
        env, "SCRBOT_RETENTION_DAYS", DEFAULT_RETENTION_DAYS, 0.0, MAX_RETENTION_DAYS, low_open=True,
        hint=" (days, such as 90)",
    )  # fmt: skip
    ids = (env.get("SCRBOT_LOG_IDS") or "0").strip().lower()
    if ids not in SWITCH:
        raise ValueError("SCRBOT_LOG_IDS must be 1 (keep user and chat ids with misses) or 0 (the default).")
    url = (env.get("SCRBOT_STORE") or "").strip()
    store = url if url and not url.lower().startswith("sqlite:") else ""
    prefix = (env.get("SCRBOT_STORE_PREFIX") or "").strip() or DEFAULT_PREFIX
    if not PREFIX.fullmatch(prefix):
        raise ValueError(
            "SCRBOT_STORE_PREFIX must be 1 to 64 letters, digits, '_', '-', '.' or ':' (such as scrbot-staging)."
        )
    return LogOptions(db_path(env), below, _on(ids), days, store=store, prefix=prefix)


def rate_limits(env: Mapping[str, str] | None = None) -> RateLimits:
    """SCRBOT_USER_RATE and SCRBOT_GROUP_RATE: questions per minute, 0 for no limit."""
    env = environment() if env is None else env
    user = int(read_number(env, "SCRBOT_USER_RATE", DEFAULT_USER_RATE, 0, 10_000, integer=True, hint=PER_MINUTE))
    group = int(read_number(env, "SCRBOT_GROUP_RATE", DEFAULT_GROUP_RATE, 0, 10_000, integer=True, hint=PER_MINUTE))
    return RateLimits(user=user, group=group)


def delivery_policy(env: Mapping[str, str] | None = None) -> DeliveryPolicy:
    """SCRBOT_SEND_BACKOFF ("0.2,0.5,1": seconds between attempts) and SCRBOT_SEND_TIMEOUT (seconds)."""
    from .telegram.delivery import DEFAULT_BACKOFF, DEFAULT_TIMEOUT, DeliveryPolicy

    env = environment() if env is None else env
    message = "SCRBOT_SEND_BACKOFF must be at most 10 waits of 0 to 60 seconds, separated by commas (0.2,0.5,1)."
    raw = (env.get("SCRBOT_SEND_BACKOFF") or "").strip()
    try:
        backoff = tuple(float(x) for x in raw.replace(" ", "").split(",") if x) if raw else DEFAULT_BACKOFF
    except ValueError:
        raise ValueError(message) from None
    if len(backoff) > 10 or not all(math.isfinite(b) and 0 <= b <= 60 for b in backoff):
        raise ValueError(message)
    timeout = read_number(env, "SCRBOT_SEND_TIMEOUT", DEFAULT_TIMEOUT, 0.0, 300.0, low_open=True, hint=" seconds")
    return DeliveryPolicy(backoff=backoff, timeout=timeout)


def _admin_ids(env: Mapping[str, str]) -> frozenset[int]:
    try:
        return frozenset(int(x) for x in re.split(r"[,\s]+", env.get("SCRBOT_ADMIN_IDS", "").strip()) if x)
    except ValueError:
        raise ValueError("SCRBOT_ADMIN_IDS must be Telegram user ids separated by commas.") from None


def _default_delivery() -> DeliveryPolicy:
    from .telegram.delivery import DeliveryPolicy

    return DeliveryPolicy()


# -- the whole --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Settings:
    """What `scrbot run` runs with; built once at start (`from_env`) and handed to what needs it."""

    token: str = field(repr=False)
    base_url: str = DEFAULT_BASE_URL
    base_file_url: str = DEFAULT_BASE_FILE_URL
    admin_ids: frozenset[int] = frozenset()
    state_path: str = "var/scrbot.db"  # the SQLite file (SCRBOT_STORE=sqlite:..., SCRBOT_DB); "" with Redis
    store: str = ""  # SCRBOT_STORE when it names Redis (shared by several replicas); "" for the SQLite file
    store_prefix: str = DEFAULT_PREFIX  # SCRBOT_STORE_PREFIX: every Redis key starts with it
    context_ttl: float = 30 * 60
    log_below: float = DEFAULT_BELOW  # answers below this confidence are recorded as misses
    log_ids: bool = False  # record user and chat ids with misses
    retention_days: float = DEFAULT_RETENTION_DAYS  # question log rows older than this are deleted
    webhook_url: str = ""
    webhook_listen: str = "0.0.0.0"
    webhook_port: int = 8443
    webhook_secret: str = field(default="", repr=False)
    webhook_lease: float = 60.0  # SCRBOT_WEBHOOK_LEASE: seconds other replicas leave an update one of them claimed
    webhook_insecure: bool = False  # SCRBOT_WEBHOOK_INSECURE=1: a webhook without a secret, for a local test only
    log_level: str = "INFO"
    delivery: DeliveryPolicy = field(default_factory=_default_delivery)  # SCRBOT_SEND_BACKOFF, SCRBOT_SEND_TIMEOUT
    limits: RateLimits = field(default_factory=RateLimits)  # SCRBOT_USER_RATE, SCRBOT_GROUP_RATE
    # Telegram's own limits (30 messages a second, 20 a minute per group), kept by AIORateLimiter.
    # Only benchmarks against a local Bot API emulator turn this off (SCRBOT_TELEGRAM_LIMITER=off).
    telegram_limiter: bool = True

    @property
    def log(self) -> LogOptions:
        """The question log's options, as the recorder takes them."""
        return LogOptions(self.state_path, self.log_below, self.log_ids, self.retention_days,
                          store=self.store, prefix=self.store_prefix)  # fmt: skip

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Read and check every setting; a SettingsError lists each bad one on a line of its own."""
        env = dict(environment() if env is None else env)
        problems: list[str] = []

        def check(read, default):
            try:
                return read()
            except (ValueError, SettingsError) as exc:
                problems.extend(str(exc).splitlines())
                return default

        token = env.get("TELEGRAM_BOT_TOKEN", "").strip()
        if not token:
            problems.append("TELEGRAM_BOT_TOKEN is not set. Get a token from @BotFather and set it.")
        elif not TOKEN_SHAPE.match(token):
            problems.append(
                "TELEGRAM_BOT_TOKEN is malformed: expected digits, a colon and a secret, as @BotFather gives it."
            )
        admins = check(lambda: _admin_ids(env), frozenset())
        port_name = "SCRBOT_WEBHOOK_PORT" if env.get("SCRBOT_WEBHOOK_PORT") else "PORT"
        port = check(lambda: int(read_number(env, port_name, 8443, 1, 65535, integer=True, hint=" (a TCP port)")), 8443)
        lease = check(lambda: read_number(env, "SCRBOT_WEBHOOK_LEASE", 60.0, 0.1, 3600.0, hint=" seconds"), 60.0)
        ttl = check(lambda: read_number(env, "SCRBOT_CONTEXT_TTL", 30 * 60, 0, 30 * DAY, low_open=True,
                                        hint=" seconds"), 30 * 60)  # fmt: skip
        level = (env.get("SCRBOT_LOG_LEVEL") or "INFO").strip().upper()
        if level not in LOG_LEVELS:
            problems.append(f"SCRBOT_LOG_LEVEL must be one of {', '.join(LOG_LEVELS)}.")
        insecure = (env.get("SCRBOT_WEBHOOK_INSECURE") or "0").strip().lower()
        if insecure not in SWITCH:
            problems.append("SCRBOT_WEBHOOK_INSECURE must be 1 (no webhook secret: local tests only) or 0.")
        recording = check(lambda: log_options(env), None)
        delivery = check(lambda: delivery_policy(env), None)
        limits = check(lambda: rate_limits(env), RateLimits())
        secret = env.get("SCRBOT_WEBHOOK_SECRET", "")
        if secret and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", secret):
            problems.append("SCRBOT_WEBHOOK_SECRET may only contain letters, digits, _ and - (1 to 256 of them).")
        if problems or recording is None or delivery is None:
            raise SettingsError("\n".join(dict.fromkeys(problems)))
        return cls(
            token=token,
            base_url=env.get("TELEGRAM_BASE_URL") or DEFAULT_BASE_URL,
            base_file_url=env.get("TELEGRAM_BASE_FILE_URL") or DEFAULT_BASE_FILE_URL,
            admin_ids=admins,
            state_path=recording.db,
            store=recording.store,
            store_prefix=recording.prefix,
            context_ttl=ttl,
            log_below=recording.below,
            log_ids=recording.ids,
            retention_days=recording.retention_days,
            webhook_url=env.get("SCRBOT_WEBHOOK_URL", ""),
            webhook_listen=env.get("SCRBOT_WEBHOOK_LISTEN") or "0.0.0.0",
            webhook_port=port,
            webhook_secret=secret,
            webhook_lease=lease,
            webhook_insecure=_on(insecure),
            log_level=level,
            delivery=delivery,
            limits=limits,
            telegram_limiter=(env.get("SCRBOT_TELEGRAM_LIMITER") or "on").strip().lower() not in ("off", "0", "no"),
        )


# -- paths, checked before anything is opened ---------------------------------------------------------
def _writable_file(path: Path, name: str) -> None:
    """The database file can be created or opened for writing, or a one-line SettingsError saying why not."""
    if path.is_dir():
        raise SettingsError(f"{name} ({path}) is a directory: it must be a file path, such as var/scrbot.db.")
    if path.exists():
        if not os.access(path, os.R_OK | os.W_OK):
            raise SettingsError(f"{name} ({path}) cannot be written: check its permissions.")
        return
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent  # the nearest existing ancestor: where the missing folders will be created
    if not folder.is_dir():
        raise SettingsError(f"{name} ({path}) is under {folder}, which is not a directory.")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise SettingsError(f"{name} ({path}) cannot be written: {folder} is not writable.")


def check_paths(state_path: str, facts: Path, intents: Path, env: Mapping[str, str] | None = None) -> None:
    """Check the configured paths before anything is opened; raises SettingsError with one line."""
    env = environment() if env is None else env
    db_name = next((n for n in ("SCRBOT_STORE", "SCRBOT_DB", "SCRBOT_STATE") if env.get(n)), "SCRBOT_DB")
    if state_path:  # "" when the store is Redis: no file to write
        _writable_file(Path(state_path).expanduser(), db_name)
    for folder, variable in ((facts, "SCRBOT_FACTS_DIR"), (intents, "SCRBOT_INTENTS_DIR")):
        name = variable if env.get(variable) else "the data folder"
        if not folder.exists():
            raise SettingsError(f"{name} ({folder}) does not exist.")
        if not folder.is_dir():
            raise SettingsError(f"{name} ({folder}) is not a folder.")
