"""Building and running the Telegram application: polling by default, a webhook when configured."""

from __future__ import annotations

import logging
import re
from urllib.parse import urlsplit

from telegram import BotCommand, Update
from telegram.error import InvalidToken, NetworkError
from telegram.ext import (
    AIORateLimiter,
    Application,
    CallbackQueryHandler,
    CommandHandler,
    InlineQueryHandler,
    MessageHandler,
    filters,
)
from telegram.request import HTTPXRequest

from ..engine import Engine
from ..recording import LogOptions, Recorder
from ..state import open_store
from . import admin
from . import handlers as h
from .limits import Limiter
from .persistence import StorePersistence
from .polling import ConfirmingApplication, ConfirmingBot
from .settings import Settings

COMMANDS = [
    BotCommand("start", "What I know, with example questions"),
    BotCommand("help", "How to ask me"),
    BotCommand("ask", "Ask a question about serious case reviews"),
    BotCommand("figures", "The figures by year"),
    BotCommand("why", "Why the numbers rose"),
    BotCommand("chart", "A chart of the figures"),
    BotCommand("source", "The source sentence behind my last answer"),
    BotCommand("about", "About this bot"),
]


class RedactToken(logging.Filter):
    """Keep the bot token out of every log line and traceback.

    Token and network failures get no traceback at all: `scrbot run` explains them in one line.
    """

    def __init__(self, token: str) -> None:
        super().__init__()
        self._pattern = re.compile(re.escape(token)) if token else None

    def _redact(self, text: str) -> str:
        return self._pattern.sub("[token]", text) if self._pattern is not None else text

    def filter(self, record: logging.LogRecord) -> bool:
        message = self._redact(record.getMessage())
        if record.exc_info and isinstance(record.exc_info[1], (InvalidToken, NetworkError)):
            message = f"{message} ({type(record.exc_info[1]).__name__}: {self._redact(str(record.exc_info[1]))})"
            record.exc_info, record.exc_text = None, None
        elif record.exc_info:
            record.exc_text = self._redact(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        record.msg, record.args = message, ()
        return True


def configure_logging(settings: Settings) -> None:
    logging.basicConfig(format="%(asctime)s %(levelname)s %(name)s: %(message)s", level=settings.log_level)
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    redact = RedactToken(settings.token)
    for handler in logging.getLogger().handlers:
        handler.addFilter(redact)


async def _post_init(app: Application) -> None:
    await app.bot.set_my_commands(COMMANDS)
    await admin.post_init(app, COMMANDS)  # retention sweep; the admin commands in the admins' chats only


def build_application(settings: Settings, engine: Engine) -> Application:
    """The PTB application with every handler registered; nothing runs until `run` is called."""
    store = open_store(settings.state_path)
    bot = ConfirmingBot(  # confirms a polled update only once handled (see polling.py)
        token=settings.token,
        base_url=settings.base_url,
        base_file_url=settings.base_file_url,
        request=HTTPXRequest(connection_pool_size=256),  # what ApplicationBuilder would build
        get_updates_request=HTTPXRequest(connection_pool_size=1),
        # waits out 429 retry_after, up to 3 times, and keeps Telegram's flood limits
        rate_limiter=AIORateLimiter(max_retries=3) if settings.telegram_limiter else None,
    )
    app = (
        Application.builder()
        .application_class(ConfirmingApplication)
        .bot(bot)
        .persistence(StorePersistence(store))
        .post_init(_post_init)
        .build()
    )
    app.bot_data["engine"] = engine  # /reload and SIGHUP swap this reference; handlers read it per update
    app.bot_data["admin_ids"] = settings.admin_ids
    app.bot_data["delivery"] = settings.delivery  # retries of failed sends (see delivery.py)
    app.bot_data["limiter"] = Limiter(store, settings.limits, settings.admin_ids)  # questions per minute
    options = LogOptions(settings.state_path, settings.log_below, settings.log_ids, settings.retention_days)
    app.bot_data["recorder"] = Recorder.sqlite(options)

    private = filters.ChatType.PRIVATE
    groups = filters.ChatType.GROUPS
    fresh = filters.UpdateType.MESSAGE  # edited messages and channel posts are ignored on purpose
    for name, callback in [
        ("start", h.on_start),
        ("help", h.on_help),
        ("ask", h.on_ask),
        ("figures", h.on_figures),
        ("why", h.on_why),
        ("chart", h.on_chart),
        ("source", h.on_source),
        ("about", h.on_about),
    ]:
        app.add_handler(CommandHandler(name, callback, filters=fresh))
    for name, callback in [("stats", admin.on_stats), ("misses", admin.on_misses), ("reload", admin.on_reload)]:
        app.add_handler(CommandHandler(name, callback, filters=fresh))  # admins only; silence for anyone else
    app.add_handler(MessageHandler(fresh & private & filters.TEXT & ~filters.COMMAND, h.on_private_text))
    app.add_handler(MessageHandler(fresh & groups & filters.TEXT & ~filters.COMMAND, h.on_group_text))
    app.add_handler(MessageHandler(fresh & filters.StatusUpdate.NEW_CHAT_MEMBERS, h.on_added_to_group))
    app.add_handler(MessageHandler(fresh & private & ~filters.TEXT & ~filters.StatusUpdate.ALL, h.on_non_text))
    app.add_handler(CallbackQueryHandler(h.on_button))
    app.add_handler(InlineQueryHandler(h.on_inline))
    app.add_error_handler(h.on_error)
    return app


def run(settings: Settings, engine: Engine, webhook: bool = False) -> None:
    """Run until SIGINT/SIGTERM: long polling, or a webhook server when asked for."""
    configure_logging(settings)
    app = build_application(settings, engine)
    log = logging.getLogger("scrbot")
    started = app.post_init

    async def post_init(application: Application) -> None:
        if admin.install_sighup(application):
            log.info("SIGHUP reloads facts/ and intents/")
        if started is not None:
            await started(application)

    async def post_shutdown(application: Application) -> None:
        admin.close(application)  # write the questions still queued

    app.post_init = post_init
    app.post_shutdown = post_shutdown
    if webhook:
        path = urlsplit(settings.webhook_url).path.strip("/")  # Telegram calls exactly this URL
        log.info("starting webhook on %s:%s/%s", settings.webhook_listen, settings.webhook_port, path)
        app.run_webhook(
            listen=settings.webhook_listen,
            port=settings.webhook_port,
            url_path=path,
            webhook_url=settings.webhook_url,
            secret_token=settings.webhook_secret or None,
            allowed_updates=Update.ALL_TYPES,
        )
    else:
        log.info("starting long polling")
        app.run_polling(allowed_updates=Update.ALL_TYPES)
