"""Configuration from environment variables and an optional `.env` file; the token is never printed."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..envnum import read_number
from ..limits import RateLimits
from ..recording import LogOptions
from ..settings import SettingsError, environment, load_dotenv  # noqa: F401 - re-exported for the adapter
from .delivery import DeliveryPolicy

TOKEN_SHAPE = re.compile(r"^\d{3,}:[A-Za-z0-9_-]{8,}$")
DEFAULT_BASE_URL = "https://api.telegram.org/bot"
DEFAULT_BASE_FILE_URL = "https://api.telegram.org/file/bot"
DAY = 86400.0
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


@dataclass(frozen=True)
class Settings:
    token: str = field(repr=False)
    base_url: str = DEFAULT_BASE_URL
    base_file_url: str = DEFAULT_BASE_FILE_URL
    admin_ids: frozenset[int] = frozenset()
    state_path: str = "var/scrbot.db"  # SCRBOT_DB (or the older SCRBOT_STATE): context and the question log
    store: str = ""  # SCRBOT_STORE when it names Redis (shared by several replicas); "" for the SQLite file
    store_prefix: str = "scrbot"  # SCRBOT_STORE_PREFIX: every Redis key starts with it
    context_ttl: float = 30 * 60
    log_below: float = 0.8  # answers below this confidence are recorded as misses
    log_ids: bool = False  # record user and chat ids with misses
    retention_days: float = 90.0  # question log rows older than this are deleted
    webhook_url: str = ""
    webhook_listen: str = "0.0.0.0"
    webhook_port: int = 8443
    webhook_secret: str = field(default="", repr=False)
    webhook_lease: float = 60.0  # SCRBOT_WEBHOOK_LEASE: seconds other replicas leave an update one of them claimed
    webhook_insecure: bool = False  # SCRBOT_WEBHOOK_INSECURE=1: a webhook without a secret, for a local test only
    log_level: str = "INFO"
    delivery: DeliveryPolicy = field(default_factory=DeliveryPolicy)  # SCRBOT_SEND_BACKOFF, SCRBOT_SEND_TIMEOUT
    limits: RateLimits = field(default_factory=RateLimits)  # SCRBOT_USER_RATE, SCRBOT_GROUP_RATE
    # Telegram's own limits (30 messages a second, 20 a minute per group), kept by AIORateLimiter.
    # Only benchmarks against a local Bot API emulator turn this off (SCRBOT_TELEGRAM_LIMITER=off).
    telegram_limiter: bool = True

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> Settings:
        env = dict(environment() if env is None else env)
        token = env.get("TELEGRAM_BOT_TOKEN", "").strip()
        if not token:
            raise SettingsError("TELEGRAM_BOT_TOKEN is not set. Get a token from @BotFather and set it.")
        if not TOKEN_SHAPE.match(token):
            raise SettingsError(
                "TELEGRAM_BOT_TOKEN is malformed: expected digits, a colon and a secret, as @BotFather gives it."
            )
        try:
            admins = frozenset(int(x) for x in re.split(r"[,\s]+", env.get("SCRBOT_ADMIN_IDS", "").strip()) if x)
        except ValueError:
            raise SettingsError("SCRBOT_ADMIN_IDS must be Telegram user ids separated by commas.") from None
        try:
            port_name = "SCRBOT_WEBHOOK_PORT" if env.get("SCRBOT_WEBHOOK_PORT") else "PORT"
            port = int(read_number(env, port_name, 8443, 1, 65535, integer=True, hint=" (a TCP port)"))
            lease = read_number(env, "SCRBOT_WEBHOOK_LEASE", 60.0, 0.1, 3600.0, hint=" seconds")
            ttl = read_number(env, "SCRBOT_CONTEXT_TTL", 30 * 60, 0, 30 * DAY, low_open=True, hint=" seconds")
        except ValueError as exc:
            raise SettingsError(str(exc)) from None
        level = (env.get("SCRBOT_LOG_LEVEL") or "INFO").strip().upper()
        if level not in LOG_LEVELS:
            raise SettingsError(f"SCRBOT_LOG_LEVEL must be one of {', '.join(LOG_LEVELS)}.")
        insecure = (env.get("SCRBOT_WEBHOOK_INSECURE") or "0").strip().lower()
        if insecure not in {"0", "1", "yes", "no", "true", "false", "on", "off"}:
            raise SettingsError("SCRBOT_WEBHOOK_INSECURE must be 1 (no webhook secret: local tests only) or 0.")
        try:
            recording = LogOptions.from_env(env)
        except ValueError as exc:
            raise SettingsError(str(exc)) from None
        try:
            delivery = DeliveryPolicy.from_env(env)
            limits = RateLimits.from_env(env)
        except ValueError as exc:
            raise SettingsError(str(exc)) from None
        secret = env.get("SCRBOT_WEBHOOK_SECRET", "")
        if secret and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", secret):
            raise SettingsError("SCRBOT_WEBHOOK_SECRET may only contain letters, digits, _ and - (1 to 256 of them).")
        return cls(
            token=token,
            base_url=env.get("TELEGRAM_BASE_URL") or DEFAULT_BASE_URL,
            base_file_url=env.get("TELEGRAM_BASE_FILE_URL") or DEFAULT_BASE_FILE_URL,
            admin_ids=admins,
            state_path=recording.db,
            store=recording.store,
            store_prefix=getattr(recording, "prefix", "scrbot"),
            context_ttl=ttl,
            log_below=recording.below,
            log_ids=recording.ids,
            retention_days=recording.retention_days,
            webhook_url=env.get("SCRBOT_WEBHOOK_URL", ""),
            webhook_listen=env.get("SCRBOT_WEBHOOK_LISTEN") or "0.0.0.0",
            webhook_port=port,
            webhook_secret=secret,
            webhook_lease=lease,
            webhook_insecure=insecure in {"1", "yes", "true", "on"},
            log_level=level,
            delivery=delivery,
            limits=limits,
            telegram_limiter=(env.get("SCRBOT_TELEGRAM_LIMITER") or "on").strip().lower() not in ("off", "0", "no"),
        )


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


def check_paths(state_path: str, facts: Path, intents: Path, env: dict[str, str] | None = None) -> None:
    """Check the configured paths before anything is opened; raises SettingsError with one line."""
    env = dict(environment() if env is None else env)
    db_name = next((n for n in ("SCRBOT_STORE", "SCRBOT_DB", "SCRBOT_STATE") if env.get(n)), "SCRBOT_DB")
    if state_path:  # "" when the store is Redis: no file to write
        _writable_file(Path(state_path).expanduser(), db_name)
    for folder, variable in ((facts, "SCRBOT_FACTS_DIR"), (intents, "SCRBOT_INTENTS_DIR")):
        name = variable if env.get(variable) else "the data folder"
        if not folder.exists():
            raise SettingsError(f"{name} ({folder}) does not exist.")
        if not folder.is_dir():
            raise SettingsError(f"{name} ({folder}) is not a folder.")
