"""`scrbot webhook set|info|delete`: register the webhook with Telegram as a deploy step.

Registering once per deploy, rather than at each start, lets several replicas serve one webhook URL
without each of them calling setWebhook. Settings come from the environment (and `.env`) through
`Settings.from_env`, as for `scrbot run`. The token and the webhook secret are never printed; every
failure is one line on stderr and an exit code: 3 for a setting (or anything Telegram refuses), 1 when
Telegram cannot be reached.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from collections.abc import Callable, Coroutine
from typing import Any

from ..settings import Settings, SettingsError, load_dotenv
from .startup import check_webhook

EXIT_NETWORK = 1
EXIT_CONFIG = 3
MAX_CONNECTIONS = 40  # what `scrbot run --webhook` asked for; the webhook server takes up to 200
TIMEOUT = 15.0  # seconds for each request to Telegram


class RegistrationError(Exception):
    """A one-line message (never a secret) and the exit code to leave with."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


def hide(text: str, settings: Settings) -> str:
    """`text` without the token or the webhook secret (a webhook URL may carry either in its path)."""
    for secret in (settings.token, settings.token.partition(":")[2], settings.webhook_secret):
        if secret:
            text = text.replace(secret, "[hidden]")
    return text


def _bot(settings: Settings) -> Any:
    from telegram import Bot
    from telegram.request import HTTPXRequest

    request = HTTPXRequest(connect_timeout=TIMEOUT, read_timeout=TIMEOUT, write_timeout=TIMEOUT)
    return Bot(settings.token, base_url=settings.base_url, base_file_url=settings.base_file_url, request=request)


def _call(settings: Settings, method: str, call: Callable[[Any], Coroutine[Any, Any, Any]]) -> Any:
    """Run one Bot API call; Telegram's and the network's failures become a RegistrationError."""
    from telegram.error import BadRequest, InvalidToken, NetworkError, RetryAfter, TelegramError, TimedOut

    def clean(text: str) -> str:
        return hide(" ".join(text.split()), settings)

    async def run() -> Any:
        async with _bot(settings) as bot:  # getMe first: a token Telegram rejects is named as such
            return await call(bot)

    try:
        return asyncio.run(run())
    except InvalidToken:
        message = "Telegram rejected TELEGRAM_BOT_TOKEN. Check it with @BotFather."
        raise RegistrationError(message, EXIT_CONFIG) from None
    except RetryAfter as exc:
        raise RegistrationError(f"Telegram refused {method} for now: {clean(exc.message)}", EXIT_NETWORK) from None
    except BadRequest as exc:  # before NetworkError: python-telegram-bot makes it one
        raise RegistrationError(f"Telegram refused {method}: {clean(exc.message)}", EXIT_CONFIG) from None
    except TimedOut:
        raise RegistrationError(
            f"Telegram did not answer {method} within {TIMEOUT:g} s. Check the network and TELEGRAM_BASE_URL.",
            EXIT_NETWORK,
        ) from None
    except NetworkError as exc:
        raise RegistrationError(
            f"cannot reach Telegram ({type(exc).__name__}: {clean(exc.message)}). "
            "Check the network and TELEGRAM_BASE_URL.",
            EXIT_NETWORK,
        ) from None
    except TelegramError as exc:  # Forbidden, Conflict ...: Telegram answered, and said no
        raise RegistrationError(f"Telegram refused {method}: {clean(exc.message)}", EXIT_CONFIG) from None


def set_webhook(settings: Settings, drop_pending: bool = False) -> str:
    from telegram import Update

    check_webhook(settings, "scrbot webhook set")
    _call(
        settings,
        "setWebhook",
        lambda bot: bot.set_webhook(
            url=settings.webhook_url,
            secret_token=settings.webhook_secret or None,
            allowed_updates=Update.ALL_TYPES,
            max_connections=MAX_CONNECTIONS,
            drop_pending_updates=drop_pending,
        ),
    )
    secret = "with the secret token" if settings.webhook_secret else "WITHOUT a secret token (local tests only)"
    dropped = "; pending updates dropped" if drop_pending else ""
    return (
        f"webhook set: {settings.webhook_url} ({secret}, all update types, "
        f"up to {MAX_CONNECTIONS} connections{dropped})"
    )


def delete_webhook(settings: Settings, drop_pending: bool = False) -> str:
    _call(settings, "deleteWebhook", lambda bot: bot.delete_webhook(drop_pending_updates=drop_pending))
    dropped = "; pending updates dropped" if drop_pending else ""
    return f"webhook deleted{dropped} (scrbot run without --webhook can poll again)"


def webhook_info(settings: Settings) -> dict[str, Any]:
    """What getWebhookInfo says, as plain JSON values (a date is a Unix time, as Telegram gives it)."""
    info = _call(settings, "getWebhookInfo", lambda bot: bot.get_webhook_info())
    date = info.last_error_date
    return {
        "url": info.url or "",
        "pending_update_count": info.pending_update_count,
        "last_error_date": int(date.timestamp()) if date is not None else None,
        "last_error_message": info.last_error_message,
        "max_connections": info.max_connections,
        "ip_address": info.ip_address,
    }


def render_info(info: dict[str, Any]) -> str:
    if info["last_error_date"] is None:
        error = "none"
    else:
        when = time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime(info["last_error_date"]))
        error = f"{when}: {info['last_error_message'] or '(no message)'}"
    lines = [
        ("url", info["url"] or "(none: no webhook is set; scrbot run polls)"),
        ("pending updates", str(info["pending_update_count"])),
        ("last error", error),
        ("max connections", "-" if info["max_connections"] is None else str(info["max_connections"])),
        ("ip address", info["ip_address"] or "-"),
    ]
    return "\n".join(f"{name + ':':<17}{value}" for name, value in lines)


def main(action: str, drop_pending: bool = False, as_json: bool = False) -> int:
    """`scrbot webhook ACTION`: what it did on stdout; a failure as one line on stderr, and its exit code."""
    try:
        load_dotenv()
        settings = Settings.from_env()
        if action == "set":
            out = set_webhook(settings, drop_pending)
        elif action == "delete":
            out = delete_webhook(settings, drop_pending)
        else:
            info = webhook_info(settings)
            out = json.dumps(info, ensure_ascii=False) if as_json else render_info(info)
        print(hide(out, settings))
    except SettingsError as exc:
        print(f"scrbot: {exc}", file=sys.stderr)
        return EXIT_CONFIG
    except RegistrationError as exc:
        print(f"scrbot: {exc}", file=sys.stderr)
        return exc.code
    return 0
