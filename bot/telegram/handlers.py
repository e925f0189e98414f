"""Telegram handlers: private chats, groups (mention, reply, /ask), inline mode, buttons, commands.

Each handler turns an update into a question for the engine and renders the `Reply`; no knowledge
lives here.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from html import escape
from typing import Any

from telegram import (
    InlineQueryResultArticle,
    InlineQueryResultsButton,
    InputTextMessageContent,
    Message,
    MessageEntity,
    Update,
)
from telegram.constants import ChatAction, ChatType, ParseMode
from telegram.ext import ContextTypes

from .. import __version__, metrics
from ..answers.replies import TELEGRAM
from ..core import Conversation, Incoming
from ..engine import Engine
from ..limits import NOTICE, Verdict
from ..reply import Reply, Suggestion
from ..state import StoreError
from . import render
from .admin import privacy_note
from .delivery import deliver, policy_of

log = logging.getLogger("scrbot.telegram")

INLINE_CACHE_SECONDS = 300  # answers only change when the fact base does


def engine_of(context: ContextTypes.DEFAULT_TYPE) -> Engine:
    return context.application.bot_data["engine"]


def core_of(context: ContextTypes.DEFAULT_TYPE) -> Conversation:
    return context.application.bot_data["core"]


def incoming_of(update: Update, text: str = "", intent: str | None = None) -> Incoming:
    """The update as the conversation core sees it: who, where, which delivery."""
    chat, user, message = update.effective_chat, update.effective_user, update.effective_message
    who = user.id if user else None
    if message is not None and message.sender_chat is not None:
        # an anonymous admin (all share one user id, GroupAnonymousBot) or a channel: counted as that chat
        who = message.sender_chat.id
    if update.inline_query is not None:
        return Incoming(text, who, None, "inline", update.update_id)
    where, kind = (chat.id, str(chat.type)) if chat else (None, "unknown")
    return Incoming(text, who, where, kind, update.update_id, intent)


def addressed_to_bot(message: Message, username: str, bot_id: int) -> bool:
    """In a group: a mention of the bot anywhere, or a reply to one of its messages."""
    if (
        message.reply_to_message
        and message.reply_to_message.from_user
        and message.reply_to_message.from_user.id == bot_id
    ):
        return True
    mention = f"@{username}".lower()
    try:
        entities = message.parse_entities([MessageEntity.MENTION, MessageEntity.TEXT_MENTION])
    except (UnicodeDecodeError, ValueError, IndexError):  # an offset that splits a character: not a mention of us
        return False
    for entity, text in entities.items():
        if entity.type == MessageEntity.MENTION and text.lower() == mention:
            return True
        if entity.type == MessageEntity.TEXT_MENTION and entity.user and entity.user.id == bot_id:
            return True
    return False


async def say(context: ContextTypes.DEFAULT_TYPE, message: Message, text: str, **kwargs: Any) -> Message | None:
    """`message.reply_text` through `delivery.deliver`: retried while nothing was sent; None when given up."""

    def send(timeout: float) -> Awaitable[Message]:
        return message.reply_text(text, read_timeout=timeout, write_timeout=timeout, **kwargs)

    return await deliver(send, message.chat.type, policy_of(context.bot_data))


async def send_reply(message: Message, reply: Reply, quote: bool, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Send the reply as HTML in chunks under the limit; buttons go on the last chunk.

    If a chunk cannot be delivered (see `delivery`), the rest is not sent: no reply with a hole in it.
    """
    chunks = render.messages(reply)
    with render.wording(context):
        markup = render.keyboard(reply)
    for i, chunk in enumerate(chunks):
        last = i == len(chunks) - 1
        sent = await say(
            context,
            message,
            chunk,
            parse_mode=ParseMode.HTML,
            reply_markup=markup if last else None,
            do_quote=quote and i == 0,
        )
        if sent is None:
            return


def notifier(context: ContextTypes.DEFAULT_TYPE, message: Message | None) -> Callable[[str], Awaitable[None]]:
    """How the limit notice is said in this chat: once, quoting the asker outside private chats."""

    async def notify(text: str) -> None:
        if message is not None:
            log.info("rate limited chat_type=%s (a notice now, silence for the rest of the minute)", message.chat.type)
            await say(context, message, text, do_quote=message.chat.type != ChatType.PRIVATE)

    return notify


async def within_limits(update: Update, context: ContextTypes.DEFAULT_TYPE, message: Message | None) -> bool:
    """True to answer; over the limit, one polite notice for the window's first excess, then silence."""
    return await core_of(context).admit(incoming_of(update), notifier(context, message))


async def answer(
    update: Update, context: ContextTypes.DEFAULT_TYPE, question: str, intent: str | None = None, via: str = ""
) -> None:
    """One turn through the conversation core; this adapter only sends the reply (and the limit notice)."""
    message = update.effective_message
    chat = update.effective_chat
    if message is None or chat is None:
        return
    quote = chat.type != ChatType.PRIVATE and not via

    async def send(reply: Reply) -> None:
        await send_reply(message, reply, quote=quote, context=context)

    reply = await core_of(context).turn(incoming_of(update, question, intent), send, notifier(context, message))
    if reply is not None and intent is None:
        log.info(
            "answered chat_type=%s intent=%s kind=%s confidence=%.2f%s",
            chat.type, reply.intent, reply.kind, reply.confidence, f" via={via}" if via else "",
        )  # fmt: skip


# -- messages -------------------------------------------------------------------------------
async def on_private_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """In a private chat every text message is a question."""
    await answer(update, context, update.effective_message.text or "")


async def on_group_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """In a group, answer only when mentioned or replied to; stay silent otherwise."""
    message = update.effective_message
    bot = context.bot
    if not addressed_to_bot(message, bot.username, bot.id):
        return
    await answer(update, context, message.text or "")


async def on_ask(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/ask QUESTION, in any chat (also /ask@botname)."""
    question = " ".join(context.args or [])
    if not question.strip():
        if not await within_limits(update, context, update.effective_message):
            return
        with render.wording(context):
            text = TELEGRAM.say("ask_how", example=examples_line(context))
        await say(context, update.effective_message, text, do_quote=True)
        return
    await answer(update, context, question)


async def on_non_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Stickers, photos, voice in a private chat get a short hint; in groups, silence."""
    chat = update.effective_chat
    if chat and chat.type == ChatType.PRIVATE:
        if not await within_limits(update, context, update.effective_message):
            return
        with render.wording(context):
            text = TELEGRAM.say("text_only", example=examples_line(context))
        await say(context, update.effective_message, text)


async def on_added_to_group(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Introduce the bot once when it is added to a group."""
    members = update.effective_message.new_chat_members or []
    if any(m.id == context.bot.id for m in members):
        with render.wording(context):
            text = TELEGRAM.say("added_to_group", example=examples_line(context))
        await say(context, update.effective_message, text)


def examples_line(context: ContextTypes.DEFAULT_TYPE) -> str:
    return engine_of(context).examples()[0]


# -- commands --------------------------------------------------------------------------------
async def on_start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """What the bot knows, with example questions as buttons."""
    if not await within_limits(update, context, update.effective_message):
        return
    engine = engine_of(context)
    tips = tuple(Suggestion(e) for e in engine.examples())
    with render.wording(context):
        reply = Reply(TELEGRAM.say("start", about=engine.about()), "meta.help", 1.0, "answer", suggestions=tips)
        markup = render.keyboard(reply, limit=4)
    await say(context, update.effective_message, render.html(reply), parse_mode=ParseMode.HTML, reply_markup=markup)


async def on_help(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """How to ask, in private chats, groups and inline."""
    if not await within_limits(update, context, update.effective_message):
        return
    with render.wording(context):
        text = TELEGRAM.say("help", about=escape(engine_of(context).about(), quote=False),
                            username=escape(context.bot.username))
    await say(context, update.effective_message, text, parse_mode=ParseMode.HTML)


async def _intent_command(update: Update, context: ContextTypes.DEFAULT_TYPE, intent: str) -> None:
    await answer(update, context, "", intent=intent)


async def on_figures(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The whole table of figures by year."""
    await _intent_command(update, context, "figures.count")


async def on_why(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The reasons given for the rise, attributed."""
    await _intent_command(update, context, "reasons.why")


async def on_source(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The article sentence(s) behind the last answer in this chat."""
    await _intent_command(update, context, "meta.source")


async def on_about(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Version, what the bot knows, what it keeps."""
    if not await within_limits(update, context, update.effective_message):
        return
    engine = engine_of(context)
    facts = engine.facts
    with render.wording(context):
        text = TELEGRAM.say("about", version=escape(__version__), about=escape(engine.about(), quote=False),
                            figures=len(facts.figures), years=len(facts.periods), reasons=len(facts.reasons),
                            events=len(facts.events), privacy=escape(privacy_note(context), quote=False))
    await say(context, update.effective_message, text, parse_mode=ParseMode.HTML)


async def on_chart(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A PNG bar chart of commissioned and published SCRs by year."""
    from ..chart import source_line

    if not await within_limits(update, context, update.effective_message):
        return
    engine = engine_of(context)
    await context.bot.send_chat_action(update.effective_chat.id, ChatAction.UPLOAD_PHOTO)
    png = await chart_png(context, engine)
    with render.wording(context):  # the figures' own source, not whatever the chat's last answer quoted
        caption = TELEGRAM.say("chart_caption", first=engine.facts.periods[0].label,
                               latest=engine.facts.periods[-1].label, source=source_line(engine.facts))
    await update.effective_message.reply_photo(png, caption=caption[:1024], do_quote=False)


async def chart_png(context: ContextTypes.DEFAULT_TYPE, engine: Engine) -> bytes:
    """The chart for this engine's facts: drawn once off the event loop, then cached until a reload."""
    from ..chart import figures_chart

    lock = context.bot_data.setdefault("chart_lock", asyncio.Lock())
    async with lock:  # a hundred /chart at once draw it once
        cached = context.bot_data.get("chart")
        if cached is None or cached[0] is not engine.facts:
            cached = (engine.facts, await asyncio.to_thread(figures_chart, engine.facts))
            context.bot_data["chart"] = cached
    return cached[1]


# -- buttons and inline mode -------------------------------------------------------------------
async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A did-you-mean or follow-up button: acknowledge at once, then answer that question."""
    query = update.callback_query
    await query.answer()  # always acknowledged, even over the limit, so the button stops spinning
    if query.message is None:  # a button on an inline message: no chat of ours to answer in
        return
    data = query.data or ""
    if data == render.NONE_OF_THESE:
        if not await within_limits(update, context, query.message):
            return
        with render.wording(context):
            text = TELEGRAM.say("rephrase", example=examples_line(context))
        await say(context, query.message, text)
        return
    engine = engine_of(context)
    question = data[2:] if data.startswith("q:") else None
    if data.startswith("i:") and (intent := engine.intents.get(data[2:])) is not None:
        question = intent.suggestion
    if question and query.message is not None:
        await answer(update, context, question, via="button")


def _article(result_id: str, title: str, reply: Reply) -> InlineQueryResultArticle:
    text = render.messages(reply)[0]
    description = reply.text.replace("\n", " ")[:120]
    return InlineQueryResultArticle(
        id=result_id,
        title=title[:100],
        description=description,
        input_message_content=InputTextMessageContent(text, parse_mode=ParseMode.HTML),
    )


async def on_inline(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """`@bot question` from any chat: the answer as a result (the top candidates when ambiguous)."""
    core = core_of(context)
    incoming = incoming_of(update, update.inline_query.query or "")
    verdict, found = await core.lookup(incoming, core.engine.examples())
    if verdict is not Verdict.ANSWER:  # no results, not cached; the notice as the button above them, once
        notice = InlineQueryResultsButton(text=NOTICE, start_parameter="slow") if verdict is Verdict.NOTICE else None
        await update.inline_query.answer([], cache_time=0, is_personal=True, button=notice)
        return
    prefix = "ex" if not (update.inline_query.query or "").strip() else "s" if len(found) > 1 else "a"
    results = [_article(f"{prefix}{i}", title, reply) for i, (title, reply) in enumerate(found)]
    if prefix != "ex" and found:
        log.info("inline intent=%s kind=%s", found[0][1].intent, found[0][1].kind)
    await update.inline_query.answer(results, cache_time=INLINE_CACHE_SECONDS, is_personal=False)


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the failure (never the token) and tell the user something went wrong, once.

    A store failure on a webhook says nothing to the user: the update is given back (503) and
    Telegram delivers it again, to be answered once the store is back."""
    if isinstance(context.error, StoreError) and isinstance(update, Update):
        metrics.store_error()
        log.warning("update %d: the store failed (%s)", update.update_id, context.error)
        if context.bot_data.get("webhook"):
            context.application.tracker.failed.add(update.update_id)  # type: ignore[attr-defined]
            return
    else:
        log.error("error while handling an update: %s", context.error, exc_info=context.error)
    if isinstance(update, Update) and update.effective_message and update.effective_chat:
        with render.wording(context):
            text = TELEGRAM.say("error")
        try:
            await update.effective_message.reply_text(text)
        except Exception:  # the network may be what failed; nothing more to do
            log.warning("could not tell the user about the error")
