"""Building and running the Telegram application: polling by default, a webhook when configured."""

from __future__ import annotations

import asyncio
import logging
import re
import signal
import socket
from urllib.parse import urlsplit

from telegram import BotCommand, Update
from telegram.error import InvalidToken, NetworkError
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    InlineQueryHandler,
    MessageHandler,
    filters,
)
from telegram.request import HTTPXRequest

from ..core import Conversation
from ..engine import Engine
from ..limits import Limiter
from ..recording import LogOptions, Recorder
from ..settings import Settings
from ..state import StoreError, open_store
from . import admin
from . import handlers as h
from .polling import ChatOrderedProcessor, ConfirmingApplication, ConfirmingBot
from .ratelimiter import ChatRetryLimiter
from .webhook import WebhookServer, bind

SWEEP_EVERY = 60.0  # seconds between sweeps of expired state
SETTLE_TIMEOUT = 2.0  # seconds a webhook update waits for its question to be written to a shared log

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
    """Keep the bot token and the webhook secret out of every log line and traceback.

    Token and network failures get no traceback at all: `scrbot run` explains them in one line.
    """

    def __init__(self, token: str, *secrets: str) -> None:
        super().__init__()
        hidden = [re.escape(s) for s in (token, *secrets) if s]
        self._pattern = re.compile("|".join(hidden)) if hidden else None

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


class KeepUsersOut(logging.Filter):
    """python-telegram-bot's DEBUG lines print whole updates and requests (names, message text): drop them.

    scrbot's own lines never carry a user's name or text, at any level.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= logging.INFO or not record.name.startswith(("telegram", "httpx", "httpcore"))


def configure_logging(settings: Settings) -> None:
    logging.basicConfig(format="%(asctime)s %(levelname)s %(name)s: %(message)s", level=settings.log_level)
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    redact = RedactToken(settings.token, settings.webhook_secret)
    for handler in logging.getLogger().handlers:
        handler.addFilter(KeepUsersOut())
        handler.addFilter(redact)


async def _post_init(app: Application) -> None:
    await app.bot.set_my_commands(COMMANDS)
    await admin.post_init(app, COMMANDS)  # retention sweep; the admin commands in the admins' chats only


def build_application(settings: Settings, engine: Engine) -> Application:
    """The PTB application with every handler registered; nothing runs until `run` is called."""
    store = open_store(settings.store or settings.state_path, settings.store_prefix)  # SQLite, memory or Redis
    bot = ConfirmingBot(  # confirms a polled update only once handled (see polling.py)
        token=settings.token,
        base_url=settings.base_url,
        base_file_url=settings.base_file_url,
        # few connections: httpcore scans every one of them for each request (64 cost 40% of the throughput)
        request=HTTPXRequest(connection_pool_size=16, pool_timeout=10.0),
        get_updates_request=HTTPXRequest(connection_pool_size=1),
        # waits out 429 retry_after (in that chat only), up to 3 times, and keeps Telegram's flood limits
        rate_limiter=ChatRetryLimiter(max_retries=3) if settings.telegram_limiter else None,
    )
    bot.tracker.store = store  # handled update ids are remembered for a day (the embedded store)
    app = (
        Application.builder()
        .application_class(ConfirmingApplication)
        .bot(bot)
        # no PTB persistence: the conversation core reads and writes each context in the store, per turn
        .concurrent_updates(ChatOrderedProcessor())  # chats concurrently, each chat in order
        .post_init(_post_init)
        .build()
    )
    app.bot_data["engine"] = engine  # /reload and SIGHUP swap this reference; handlers read it per update
    app.bot_data["admin_ids"] = settings.admin_ids
    app.bot_data["delivery"] = settings.delivery  # retries of failed sends (see delivery.py)
    limiter = Limiter(store, settings.limits, settings.admin_ids)  # questions per minute
    options = LogOptions(
        settings.state_path, settings.log_below, settings.log_ids, settings.retention_days,
        store=settings.store, prefix=settings.store_prefix,
    )  # fmt: skip
    recorder = Recorder.open(options)  # the question log: in the SQLite file, or in Redis for every replica
    # one conversation core for every kind of update; it reads the engine per turn, so /reload swaps it
    app.bot_data["core"] = Conversation(lambda: app.bot_data["engine"], store, limiter, recorder)

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


class Sweeper:
    """Every `SWEEP_EVERY` seconds: forget expired contexts, counters and update ids, in memory and on disk.

    So what the bot keeps is the size of what is live (its users of the last context TTL), not of
    everyone who ever wrote, and a context is deleted once its TTL has passed.
    """

    def __init__(self, app: Application) -> None:
        self.app = app
        self._handle: asyncio.TimerHandle | None = None
        self._task: asyncio.Task[None] | None = None

    def start(self, loop: asyncio.AbstractEventLoop) -> None:
        self._handle = loop.call_later(SWEEP_EVERY, self._tick, loop)

    def _tick(self, loop: asyncio.AbstractEventLoop) -> None:
        self._task = loop.create_task(self._sweep())
        self._handle = loop.call_later(SWEEP_EVERY, self._tick, loop)

    async def _sweep(self) -> None:
        try:
            await sweep(self.app)
        except Exception as exc:  # upkeep must never take the bot down (a store outage included)
            logging.getLogger("scrbot.state").warning("could not sweep expired state (%s)", type(exc).__name__)

    def stop(self) -> None:
        if self._handle is not None:
            self._handle.cancel()


async def sweep(app: Application) -> int:
    """Drop expired state now (contexts, counters, update ids), where the store does not expire it itself."""
    core = app.bot_data.get("core")
    return await core.store.prune() if core is not None else 0


def run(settings: Settings, engine: Engine, webhook: bool = False, hangups: list[int] | None = None) -> None:
    """Run until SIGINT/SIGTERM: long polling, or a webhook server when asked for.

    `hangups` holds the SIGHUPs received while starting (see cli.py): they become one reload.
    """
    sock = bind(settings.webhook_listen, settings.webhook_port) if webhook else None  # in use: one line, exit 3
    configure_logging(settings)
    app = build_application(settings, engine)
    log = logging.getLogger("scrbot")
    loop = asyncio.new_event_loop()  # PTB's polling runs on the loop set here
    asyncio.set_event_loop(loop)
    if admin.install_sighup(app, loop):  # before Telegram is called: a SIGHUP while it is slow is a reload
        log.info("SIGHUP reloads facts/ and intents/")
        if hangups:
            admin.request_reload(app, loop)
    started = app.post_init
    sweeper = Sweeper(app)

    async def post_init(application: Application) -> None:
        sweeper.start(loop)
        if started is not None:
            await started(application)

    async def post_stop(application: Application) -> None:
        if not webhook and isinstance(application.bot, ConfirmingBot):
            await application.bot.confirm_handled()  # what finished after the updater's own last call

    async def post_shutdown(application: Application) -> None:
        sweeper.stop()
        admin.close(application)  # write the questions still queued

    app.post_init = post_init
    app.post_stop = post_stop
    app.post_shutdown = post_shutdown
    try:
        if webhook:
            if not settings.webhook_secret:
                log.warning("the webhook runs without a secret (SCRBOT_WEBHOOK_INSECURE=1): for local tests only")
            loop.run_until_complete(serve_webhook(app, settings, loop, sock))
        else:
            log.info("starting long polling")
            app.run_polling(allowed_updates=Update.ALL_TYPES, close_loop=False)
    finally:
        core = app.bot_data.get("core")
        if core is not None:
            loop.run_until_complete(core.store.aclose())
        loop.close()


async def serve_webhook(
    app: Application, settings: Settings, loop: asyncio.AbstractEventLoop, sock: socket.socket | None = None
) -> None:
    """Listen first (a port in use stops here), then tell Telegram; until SIGINT or SIGTERM."""
    path = urlsplit(settings.webhook_url).path.strip("/")  # Telegram calls exactly this URL
    stop = asyncio.Event()
    core = app.bot_data["core"]

    async def ready() -> str | None:
        try:
            await core.store.ping()
        except StoreError as exc:
            return f"the store does not answer ({exc})"
        return None

    app.bot_data["webhook"] = True  # a store failure is answered 503 (Telegram retries), not with an apology
    for sig in (signal.SIGINT, signal.SIGTERM):  # stop taking updates at once (503, /readyz fails), then drain
        loop.add_signal_handler(sig, lambda: (server.drain(), stop.set()))
    settle = None
    recorder = core.recorder
    if settings.store and recorder is not None:
        # The question log is shared (Redis): a turn's question is written there before the update is
        # marked handled, so a replica killed in between loses no count (the update is answered again
        # elsewhere and counted once, by its id). The recorder writes on a thread of its own.
        async def settle() -> None:
            await asyncio.to_thread(recorder.flush, SETTLE_TIMEOUT)

    server = WebhookServer(
        app, path, settings.webhook_secret, settings.webhook_listen, settings.webhook_port, ready=ready,
        store=core.store, lease=settings.webhook_lease, settle=settle,
    )  # fmt: skip
    await server.start(sock)
    log = logging.getLogger("scrbot")
    log.info("starting webhook on %s:%s/%s", settings.webhook_listen, settings.webhook_port, path)
    try:
        await app.initialize()
        if app.post_init is not None:
            await app.post_init(app)
        if settings.store:  # replicas: registering is a deploy step (`scrbot webhook set`), not each start's
            log.info("not registering the webhook: with a shared store, run `scrbot webhook set` once per deploy")
        else:
            await app.bot.set_webhook(
                url=settings.webhook_url,
                secret_token=settings.webhook_secret or None,
                allowed_updates=Update.ALL_TYPES,
                max_connections=40,
            )
        await app.start()
        await stop.wait()
    finally:
        await server.stop()
        if app.running:
            await app.stop()
        await app.shutdown()
        if app.post_shutdown is not None:
            await app.post_shutdown(app)
