"""The operators' side of the Telegram bot: /stats, /misses and /reload, SIGHUP, and recording questions.

The admin commands answer only the user ids in SCRBOT_ADMIN_IDS, and only in a private chat; anyone
else gets no reply at all (not even "not allowed"), and the commands appear in the command menu only
in the admins' own chats.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import time
from collections.abc import Awaitable, Callable
from html import escape
from typing import TypeVar

from telegram import BotCommand, BotCommandScopeChat, Message, Update
from telegram.constants import ChatType, ParseMode
from telegram.error import TelegramError
from telegram.ext import Application, ContextTypes

from ..answers.replies import TELEGRAM
from ..engine import Engine
from ..misses import MissesReport, misses_report
from ..recording import DAY, Recorder
from ..reload import Outcome, reload
from ..stats import Stats, compute
from . import render

T = TypeVar("T")

log = logging.getLogger("scrbot.admin")

ADMIN_COMMANDS = [
    BotCommand("stats", "Usage: questions per day, answered and declined (admins)"),
    BotCommand("misses", "Questions I could not answer well, and what to edit (admins)"),
    BotCommand("reload", "Reload facts/ and intents/ without a restart (admins)"),
]
STATS_DAYS = 7.0
MISSES_DAYS = 30.0
MISSES_SHOWN = 5
MAX_DAYS = 3650.0
PRE_CHUNK = 3000  # plain characters per <pre> message, before escaping

Handler = Callable[[Update, ContextTypes.DEFAULT_TYPE], Awaitable[None]]


# -- recording (called by the question handlers) -------------------------------------------------


def _recorder(app: Application) -> Recorder | None:
    """The question log of the conversation core (None before the application is built)."""
    core = app.bot_data.get("core")
    return core.recorder if core is not None else None


def privacy_note(context: ContextTypes.DEFAULT_TYPE) -> str:
    """What the bot keeps, for /about: the truth for the settings it runs with (in the wording in use)."""
    engine: Engine | None = context.application.bot_data.get("engine")
    kept = TELEGRAM.say("privacy", ttl=duration(engine.context_ttl if engine is not None else 1800))
    recorder: Recorder | None = _recorder(context.application)
    if recorder is None:
        return kept
    who = TELEGRAM.say("recorded_with_ids" if recorder.options.ids else "recorded_without_ids")
    return TELEGRAM.say("privacy_recording", privacy=kept, days=f"{recorder.options.retention_days:g}", who=who)


def duration(seconds: float) -> str:
    """30 minutes, 2 hours, 45 seconds: for people (in the wording in use)."""
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if (seconds >= size and seconds % size == 0) or seconds >= 2 * size:
            n = round(seconds / size)
            if unit == "day":
                return TELEGRAM.say("day" if n == 1 else "days", n=n)
            if unit == "hour":
                return TELEGRAM.say("hour" if n == 1 else "hours", n=n)
            return TELEGRAM.say("minute" if n == 1 else "minutes", n=n)
    n = round(seconds)
    return TELEGRAM.say("second" if n == 1 else "seconds", n=n)


# -- who may ---------------------------------------------------------------------------------------


def is_admin(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    user, chat = update.effective_user, update.effective_chat
    admins = context.application.bot_data.get("admin_ids", frozenset())
    return user is not None and chat is not None and chat.type == ChatType.PRIVATE and user.id in admins


def admins_only(callback: Handler) -> Handler:
    """Run `callback` for an admin in a private chat; for anyone else do nothing at all."""

    async def guarded(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        if not is_admin(update, context):
            log.debug("ignored an admin command from someone who is not an admin, or outside a private chat")
            return
        await callback(update, context)

    guarded.__name__ = guarded.__qualname__ = callback.__name__
    guarded.__doc__ = callback.__doc__
    return guarded


def _days(context: ContextTypes.DEFAULT_TYPE, default: float) -> float | None:
    args = context.args or []
    if not args:
        return default
    try:
        days = float(args[0])
    except ValueError:
        return None
    return days if 0 < days <= MAX_DAYS else None  # inf, nan and 1e300 are not a number of days


def _utf16(text: str) -> int:
    """Length as Telegram counts it (UTF-16 code units)."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


async def send_pre(message: Message, title: str, body: str) -> None:
    """A bold title and a preformatted body, escaped, split into messages under Telegram's limit."""
    pieces: list[str] = []
    for piece in render.split(body, PRE_CHUNK):
        if _utf16(escape(piece, quote=False)) > render.SAFE_CHUNK:  # many '&', '<' or emoji: split finer
            pieces.extend(render.split(piece, PRE_CHUNK // 5))
        else:
            pieces.append(piece)
    for i, piece in enumerate(pieces or [""]):
        head = f"<b>{escape(title, quote=False)}</b>\n" if i == 0 else ""
        text = head + (f"<pre>{escape(piece, quote=False)}</pre>" if piece.strip() else "")
        await message.reply_text(text, parse_mode=ParseMode.HTML)


# -- /stats and /misses ----------------------------------------------------------------------------


def short_stats(stats: Stats) -> str:
    total, kinds = stats.total, stats.kinds

    def pct(kind: str) -> str:
        return f"{kinds[kind]} ({stats.share(kind):.0%})"

    per_day = ", ".join(f"{day[5:]} {sum(c.values())}" for day, c in list(stats.days.items())[-7:])
    lines = [
        TELEGRAM.say("stats_kinds", answered=pct("answer"), clarified=pct("clarify"), declined=pct("decline")),
        TELEGRAM.say("stats_unsure", n=stats.unsure),
        TELEGRAM.say("stats_per_day", days=per_day),
    ]
    if stats.intents:
        intents = ", ".join(f"{i} {n}" for i, n in stats.intents.most_common(3))
        lines.append(TELEGRAM.say("stats_top_intents", intents=intents))
    if stats.top_misses:
        misses = "; ".join(f'{g.count}x "{g.text}"' for g in stats.top_misses[:3])
        lines.append(TELEGRAM.say("stats_top_misses", misses=misses))
    return "\n".join(lines) if total else TELEGRAM.say("stats_nothing")


def short_misses(report: MissesReport, shown: int = MISSES_SHOWN) -> str:
    lines: list[str] = []
    for n, (group, advice) in enumerate(report.open[:shown], 1):
        lines.append(f'{n}. {group.count}x "{group.text}" ({", ".join(sorted(group.kinds))})')
        if advice.action == "add_template":
            fix = TELEGRAM.say("miss_add_template", intent=advice.nearest, file=advice.file)
        elif advice.action == "lexicon":
            fix = TELEGRAM.say("miss_lexicon")
        elif advice.action == "outside":
            fix = TELEGRAM.say("miss_outside")
        elif advice.action == "nothing":
            fix = TELEGRAM.say("miss_nothing")
        else:
            fix = TELEGRAM.say("miss_no_intent")
        lines.append("   " + fix)
    if len(report.open) > shown:
        lines.append(TELEGRAM.say("misses_more", n=len(report.open) - shown))
    if report.fixed:
        lines.append(TELEGRAM.say("misses_fixed", n=len(report.fixed)))
    lines.append(TELEGRAM.say("misses_details"))
    return "\n".join(lines)


async def _query_log(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    default_days: float,
    usage: str,
    read: Callable[[Recorder, float, float], T | None],
) -> tuple[float, T] | None:
    """Read `[DAYS]`, run `read(recorder, since, days)` off the event loop; None once the admin is told why not
    (`usage`: the reply saying how to give DAYS)."""
    days = _days(context, default_days)
    if days is None:
        await update.effective_message.reply_text(usage)
        return None
    recorder: Recorder | None = _recorder(context.application)
    since = time.time() - days * DAY
    result = await asyncio.to_thread(lambda: None if recorder is None else read(recorder, since, days))
    if result is None:
        with render.wording(context):
            text = TELEGRAM.say("no_log")
        await update.effective_message.reply_text(text)
        return None
    return days, result


@admins_only
async def on_stats(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/stats [DAYS]: questions per day, answered, "did you mean", declined, top intents and misses."""
    with render.wording(context):
        usage = TELEGRAM.say("stats_usage")
    found = await _query_log(
        update, context, STATS_DAYS, usage,
        lambda recorder, since, days: recorder.read(lambda db: compute(db.counts(since), db.misses(since), days)),
    )  # fmt: skip
    if found is None:
        return
    days, stats = found
    with render.wording(context):
        title, body = TELEGRAM.say("stats_title", days=f"{days:g}", total=stats.total), short_stats(stats)
    await send_pre(update.effective_message, title, body)


@admins_only
async def on_misses(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/misses [DAYS]: the most frequent questions the bot did not answer well, grouped."""
    engine: Engine = context.application.bot_data["engine"]

    def read(recorder: Recorder, since: float, days: float) -> MissesReport | None:
        misses = recorder.read(lambda db: db.misses(since))
        return None if misses is None else misses_report(misses, engine, days, recorder.options.below)

    with render.wording(context):
        usage = TELEGRAM.say("misses_usage")
    found = await _query_log(update, context, MISSES_DAYS, usage, read)
    if found is None:
        return
    days, report = found
    if not report.groups:
        with render.wording(context):
            text = TELEGRAM.say("no_misses", days=f"{days:g}")
        await update.effective_message.reply_text(text)
        return
    with render.wording(context):
        title = TELEGRAM.say("misses_title", days=f"{days:g}", questions=report.questions, groups=len(report.open))
        body = short_misses(report)
    await send_pre(update.effective_message, title, body)


# -- reloading -------------------------------------------------------------------------------------


async def reload_data(app: Application) -> Outcome:
    """Validate facts/ and intents/ again and swap the engine in one assignment; keep the old one on error."""
    lock = app.bot_data.setdefault("reload_lock", asyncio.Lock())
    async with lock:
        current: Engine = app.bot_data["engine"]
        outcome = await asyncio.to_thread(reload, current)
        if outcome.engine is not None:
            app.bot_data["engine"] = outcome.engine  # updates from now on use the new data
            log.info("%s", outcome.message.replace("\n", " "))
        else:
            log.error("reload failed, still serving the previous data:\n%s", outcome.message)
    return outcome


@admins_only
async def on_reload(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/reload: load facts/ and intents/ again; on any problem keep serving the old data and say what is wrong."""
    outcome = await reload_data(context.application)
    if outcome.ok:
        await update.effective_message.reply_text(escape(outcome.message, quote=False), parse_mode=ParseMode.HTML)
    else:
        with render.wording(context):  # the engine still serving: its words
            title = TELEGRAM.say("reload_failed")
        await send_pre(update.effective_message, title, outcome.message)


def request_reload(app: Application, loop: asyncio.AbstractEventLoop) -> None:
    """Schedule one reload on `loop` (which may not be running yet: it runs once it does)."""
    running: set[asyncio.Task] = app.bot_data.setdefault("reload_tasks", set())
    task = loop.create_task(reload_data(app))  # not app.create_task: SIGHUP may come before the app runs
    running.add(task)  # a reference until done, so the task is not collected mid-reload
    task.add_done_callback(running.discard)


def install_sighup(app: Application, loop: asyncio.AbstractEventLoop | None = None) -> bool:
    """Reload on SIGHUP (`kill -HUP PID`), on `loop` (default: the running one); False where unsupported."""
    if not hasattr(signal, "SIGHUP"):
        return False
    loop = loop or asyncio.get_running_loop()

    def on_hup() -> None:
        log.info("SIGHUP: reloading facts/ and intents/")
        request_reload(app, loop)

    try:
        loop.add_signal_handler(signal.SIGHUP, on_hup)
    except (NotImplementedError, RuntimeError):
        return False
    return True


# -- start-up ----------------------------------------------------------------------------------------


async def post_init(app: Application, commands: list[BotCommand]) -> None:
    """Apply the retention period now, and give each admin a command menu with the admin commands."""
    recorder: Recorder | None = _recorder(app)
    if recorder is not None:
        recorder.start()
    for admin in sorted(app.bot_data.get("admin_ids", ())):
        try:
            await app.bot.set_my_commands([*commands, *ADMIN_COMMANDS], scope=BotCommandScopeChat(admin))
        except TelegramError as exc:  # e.g. the admin has not started a chat with the bot yet
            log.warning("could not show the admin commands to user %s: %s", admin, exc)


def close(app: Application) -> None:
    """Write what the recorder still holds (at shutdown)."""
    recorder: Recorder | None = _recorder(app)
    if recorder is not None:
        with contextlib.suppress(Exception):
            recorder.close()
