"""Tests for the Bot API emulator, driven by the real python-telegram-bot client.

The point is to prove that the unmodified PTB stack (request encoding, HTTP, error mapping,
long polling, webhooks) works against the emulator exactly as it would against Telegram, so
scrbot's own tests can rely on it.
"""

from __future__ import annotations

import asyncio
import datetime as dtm
import json
import queue
import ssl
import threading
import time
import urllib.error
import urllib.request
from collections.abc import AsyncIterator, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from telegram import (
    Bot,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    Update,
)
from telegram.error import BadRequest, Conflict, InvalidToken, NetworkError, RetryAfter, TimedOut
from telegram.ext import (
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
)
from telegram.request import HTTPXRequest

from benchmarks.botapi_emulator import (
    DEFAULT_BOT_USER,
    DEFAULT_GROUP_ID,
    DEFAULT_USER,
    BotAPIEmulator,
    HTMLParseError,
    TelegramHTML,
    UploadedFile,
    tiny_png,
    utf16_len,
)

USER_ID = DEFAULT_USER["id"]
# httpx builds (and loads CA certificates into) a fresh SSL context per client, ~50 ms each and
# PTB makes two clients per Bot; sharing one context keeps this file fast.
_SSL_CONTEXT = ssl.create_default_context()


def _request() -> HTTPXRequest:
    return HTTPXRequest(httpx_kwargs={"verify": _SSL_CONTEXT})


def _bot(emu: BotAPIEmulator, token: str | None = None) -> Bot:
    return Bot(
        token or emu.token,
        base_url=emu.base_url,
        base_file_url=emu.base_file_url,
        request=_request(),
        get_updates_request=_request(),
    )


@pytest.fixture
async def bot(emu: BotAPIEmulator) -> AsyncIterator[Bot]:
    async with _bot(emu) as b:
        yield b


def _raw_call(emu: BotAPIEmulator, method: str, body: bytes, content_type: str) -> Any:
    """POST without PTB, to cover the JSON/form encodings other clients (and curl) use."""
    request = urllib.request.Request(
        f"{emu.base_url}{emu.token}/{method}",
        data=body,
        headers={"Content-Type": content_type},
    )
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(request, timeout=5) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


class _WebhookReceiver:
    """A tiny local HTTP server standing in for the bot's webhook endpoint."""

    def __init__(self, statuses: list[int] | None = None) -> None:
        self.received: queue.Queue[tuple[str | None, dict[str, Any]]] = queue.Queue()
        statuses_left = list(statuses or [])
        received = self.received

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                secret = self.headers.get("X-Telegram-Bot-Api-Secret-Token")
                received.put((secret, json.loads(body)))
                self.send_response(statuses_left.pop(0) if statuses_left else 200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                return

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/hook"

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


@pytest.fixture
def receiver() -> Iterator[_WebhookReceiver]:
    r = _WebhookReceiver()
    yield r
    r.close()


# -- identity and auth ---------------------------------------------------------------------------


async def test_get_me_returns_configured_bot_user(bot: Bot, emu: BotAPIEmulator) -> None:
    me = await bot.get_me()
    assert me.id == DEFAULT_BOT_USER["id"]
    assert me.username == "scr_test_bot"
    assert me.first_name == "SCR Bot"
    assert me.is_bot and me.can_join_groups and me.supports_inline_queries
    assert me.can_read_all_group_messages is False
    # Bot.initialize() already called getMe once.
    assert [call.method for call in emu.calls] == ["getMe", "getMe"]


async def test_wrong_token_is_unauthorized(emu: BotAPIEmulator) -> None:
    wrong = _bot(emu, token="999:WRONG")
    try:
        with pytest.raises(InvalidToken):
            await wrong.initialize()
    finally:
        await wrong.shutdown()  # closes the httpx clients initialize() opened
    assert emu.calls[-1].status == 401
    status, payload = _raw_call(emu, "getMe", b"", "application/json")
    assert status == 200 and payload["ok"] is True
    status, payload = _raw_call(emu, "noSuchMethod", b"", "application/json")
    assert (status, payload["description"]) == (404, "Not Found: method not found")


# -- sending -------------------------------------------------------------------------------------


async def test_send_message_html_parses_entities_and_echoes_markup(
    bot: Bot, emu: BotAPIEmulator
) -> None:
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Sources", callback_data="src:1")]])
    html = "<b>Serious</b> case &amp; <i>reviews</i> 🏟 <a href='https://example.org/x'>src</a>"
    message = await bot.send_message(USER_ID, html, parse_mode="HTML", reply_markup=keyboard)

    assert message.text == "Serious case & reviews 🏟 src"
    kinds = [(e.type, e.offset, e.length) for e in message.entities]
    link_offset = utf16_len("Serious case & reviews 🏟 ")
    assert kinds == [("bold", 0, 7), ("italic", 15, 7), ("text_link", link_offset, 3)]
    assert message.entities[2].url == "https://example.org/x"
    assert message.reply_markup == keyboard
    assert message.from_user.id == DEFAULT_BOT_USER["id"]
    assert message.chat.type == "private"

    call = emu.calls_to("sendMessage")[0]
    # PTB sends form fields with JSON-encoded non-strings; the emulator types them again.
    assert call.params["chat_id"] == USER_ID
    assert call.params["parse_mode"] == "HTML"
    assert call.params["reply_markup"] == keyboard.to_dict()
    assert emu.sent_texts(USER_ID) == [message.text]


async def test_reply_uses_stored_message_and_known_chat(bot: Bot, emu: BotAPIEmulator) -> None:
    update = emu.group_message("/ask@scr_test_bot why did reviews rise?", title="SCR Group")
    emu.push_update(update)
    asked = update["message"]
    reply = await bot.send_message(
        DEFAULT_GROUP_ID, "Because…", reply_to_message_id=asked["message_id"]
    )
    assert reply.chat.title == "SCR Group" and reply.chat.type == "supergroup"
    assert reply.reply_to_message.text == asked["text"]
    assert reply.message_id == asked["message_id"] + 1
    with pytest.raises(BadRequest, match=r"(?i)message to be replied not found"):
        await bot.send_message(DEFAULT_GROUP_ID, "x", reply_to_message_id=999)
    with pytest.raises(BadRequest, match=r"(?i)chat not found"):
        await bot.send_message("@nobody_here", "x")
    chat = await bot.get_chat(DEFAULT_GROUP_ID)
    assert chat.title == "SCR Group"


@pytest.mark.parametrize(
    ("html", "error"),
    [
        ("a < b", 'unsupported start tag "" at byte offset 2'),
        ("line<br>break", 'unsupported start tag "br" at byte offset 4'),
        ("<b>bold</i>", 'unmatched end tag at byte offset 7, expected "</b>", found "</i>"'),
        ("<b>never closed", 'can\'t find end tag corresponding to start tag "b"'),
        ('<span class="x">s</span>', 'tag "span" must have class "tg-spoiler" at byte offset 0'),
    ],
)
async def test_malformed_html_is_rejected_like_telegram(
    bot: Bot, emu: BotAPIEmulator, html: str, error: str
) -> None:
    with pytest.raises(BadRequest) as excinfo:
        await bot.send_message(USER_ID, html, parse_mode="HTML")
    # PTB strips "Bad Request: " and capitalize()s the rest, so compare case-insensitively.
    assert excinfo.value.message.lower() == f"can't parse entities: {error}".lower()
    call = emu.calls_to("sendMessage")[-1]
    assert call.status == 400 and call.error.startswith("Bad Request: can't parse entities: ")


async def test_length_and_keyboard_limits(bot: Bot) -> None:
    # The limit applies to the text after tags are stripped and entities decoded.
    await bot.send_message(USER_ID, "<b>" + "x" * 4095 + "&amp;</b>", parse_mode="HTML")
    with pytest.raises(BadRequest, match=r"(?i)message is too long"):
        await bot.send_message(USER_ID, "x" * 4097)
    with pytest.raises(BadRequest, match=r"(?i)message text is empty"):
        await bot.send_message(USER_ID, "<b>  </b>", parse_mode="HTML")
    too_long = InlineKeyboardMarkup([[InlineKeyboardButton("b", callback_data="d" * 65)]])
    with pytest.raises(BadRequest, match=r"(?i)BUTTON_DATA_INVALID"):
        await bot.send_message(USER_ID, "pick", reply_markup=too_long)


async def test_send_photo_upload_download_and_file_id(bot: Bot, emu: BotAPIEmulator) -> None:
    png = tiny_png(640, 480)
    message = await bot.send_photo(USER_ID, photo=png, caption="<i>Chart</i>", parse_mode="HTML")
    assert message.caption == "Chart"
    assert message.caption_entities[0].type == "italic"
    largest = message.photo[-1]
    assert (largest.width, largest.height) == (640, 480)
    assert len(message.photo) >= 2  # thumbnails like Telegram

    uploaded = emu.calls_to("sendPhoto")[0].params["photo"]
    assert isinstance(uploaded, UploadedFile) and uploaded.data == png

    file = await bot.get_file(largest.file_id)
    assert bytes(await file.download_as_bytearray()) == png

    again = await bot.send_photo(USER_ID, photo=largest.file_id)
    assert [p.file_id for p in again.photo] == [p.file_id for p in message.photo]
    with pytest.raises(BadRequest, match=r"(?i)wrong file identifier"):
        await bot.send_photo(USER_ID, photo="not-a-file-id")


async def test_edit_delete_and_misc_methods(bot: Bot, emu: BotAPIEmulator) -> None:
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("x", callback_data="x")]])
    sent = await bot.send_message(USER_ID, "v1", reply_markup=keyboard)
    with pytest.raises(BadRequest, match=r"(?i)message is not modified"):
        await bot.edit_message_text("v1", USER_ID, sent.message_id, reply_markup=keyboard)
    edited = await bot.edit_message_text("v2", USER_ID, sent.message_id)
    assert edited.text == "v2" and edited.edit_date is not None
    assert edited.reply_markup is None  # omitting reply_markup drops the keyboard, as on Telegram
    marked = await bot.edit_message_reply_markup(USER_ID, sent.message_id, reply_markup=keyboard)
    assert marked.reply_markup == keyboard
    assert await bot.delete_message(USER_ID, sent.message_id)
    with pytest.raises(BadRequest, match=r"(?i)message to delete not found"):
        await bot.delete_message(USER_ID, sent.message_id)

    assert await bot.send_chat_action(USER_ID, "typing")
    assert await bot.set_my_commands([("start", "Start"), ("ask", "Ask a question")])
    assert [c.command for c in await bot.get_my_commands()] == ["start", "ask"]
    with pytest.raises(BadRequest, match=r"(?i)BOT_COMMAND_INVALID"):
        await bot.set_my_commands([("Bad-Command", "x")])
    assert await bot.delete_my_commands()
    assert await bot.get_my_commands() == ()


# -- receiving updates ---------------------------------------------------------------------------


async def test_long_poll_wakes_on_push_and_offset_confirms(bot: Bot, emu: BotAPIEmulator) -> None:
    timer = threading.Timer(0.2, lambda: emu.push_update(emu.private_message("hello")))
    timer.start()
    started = time.monotonic()
    updates = await bot.get_updates(timeout=3)
    elapsed = time.monotonic() - started
    timer.join()
    assert 0.15 < elapsed < 2
    assert [u.message.text for u in updates] == ["hello"]
    assert isinstance(updates[0], Update)

    # Unconfirmed updates are delivered again; an offset confirms them.
    again = await bot.get_updates(timeout=0)
    assert [u.update_id for u in again] == [updates[0].update_id]
    assert emu.pending_updates() == 1
    assert await bot.get_updates(offset=updates[0].update_id + 1, timeout=0) == ()
    assert emu.pending_updates() == 0

    started = time.monotonic()
    assert await bot.get_updates(timeout=dtm.timedelta(milliseconds=300)) == ()
    assert 0.25 < time.monotonic() - started < 1.5


def test_stop_unblocks_long_poll_quickly() -> None:
    emulator = BotAPIEmulator().start()
    outcome: list[Any] = []

    def poll() -> None:
        body = json.dumps({"timeout": 30}).encode()
        try:
            outcome.append(_raw_call(emulator, "getUpdates", body, "application/json"))
        except OSError as exc:  # the connection may be closed during shutdown
            outcome.append(exc)

    thread = threading.Thread(target=poll)
    thread.start()
    emulator.wait_for(emulator.polling_clients, timeout=2)
    started = time.monotonic()
    emulator.stop()
    thread.join(2)
    assert not thread.is_alive()
    assert time.monotonic() - started < 1.0
    assert outcome


async def test_webhook_delivery_with_secret(
    bot: Bot, emu: BotAPIEmulator, receiver: _WebhookReceiver
) -> None:
    assert await bot.set_webhook(receiver.url, secret_token="s3cret-token")
    assert (await bot.get_webhook_info()).url == receiver.url
    update_id = emu.push_update(emu.private_message("via webhook"))

    secret, payload = await asyncio.to_thread(receiver.received.get, timeout=3)
    assert secret == "s3cret-token"
    assert payload["update_id"] == update_id
    assert payload["message"]["text"] == "via webhook"
    deliveries = emu.wait_for(lambda: emu.webhook_deliveries, timeout=2)
    assert [(d.update_id, d.status) for d in deliveries] == [(update_id, 200)]
    emu.wait_for(lambda: emu.pending_updates() == 0, timeout=2)

    with pytest.raises(Conflict, match="webhook is active"):
        await bot.get_updates()
    with pytest.raises(BadRequest, match=r"(?i)bad webhook"):
        await bot.set_webhook("https://example.com/hook")  # refused, never contacted
    assert emu.webhook_url == receiver.url
    assert await bot.delete_webhook()
    assert await bot.get_updates(timeout=0) == ()


async def test_webhook_failures_are_retried_then_dropped(bot: Bot, emu: BotAPIEmulator) -> None:
    failing = _WebhookReceiver(statuses=[500, 500, 500])
    try:
        await bot.set_webhook(failing.url)
        update_id = emu.push_update(emu.private_message("doomed"))
        emu.wait_for(lambda: len(emu.webhook_deliveries) >= 3, timeout=3)
        assert [(d.update_id, d.attempt, d.status) for d in emu.webhook_deliveries] == [
            (update_id, 1, 500),
            (update_id, 2, 500),
            (update_id, 3, 500),
        ]
        emu.wait_for(lambda: emu.pending_updates() == 0, timeout=2)
        info = await bot.get_webhook_info()
        assert info.last_error_message and "500" in info.last_error_message
    finally:
        failing.close()


async def test_answer_inline_query_validation(bot: Bot, emu: BotAPIEmulator) -> None:
    update = emu.inline_query("rise in reviews")
    emu.push_update(update)
    query_id = update["inline_query"]["id"]

    def article(result_id: str, text: str = "<b>Answer</b>") -> InlineQueryResultArticle:
        content = InputTextMessageContent(text, parse_mode="HTML")
        return InlineQueryResultArticle(result_id, "Title", content)

    with pytest.raises(BadRequest, match=r"(?i)RESULTS_TOO_MUCH"):
        await bot.answer_inline_query(query_id, [article(str(i)) for i in range(51)])
    with pytest.raises(BadRequest, match=r"(?i)RESULT_ID_DUPLICATE"):
        await bot.answer_inline_query(query_id, [article("a"), article("a")])
    with pytest.raises(BadRequest, match=r"(?i)RESULT_ID_INVALID"):
        await bot.answer_inline_query(query_id, [article("x" * 65)])
    with pytest.raises(BadRequest, match=r"(?i)can't parse entities"):
        await bot.answer_inline_query(query_id, [article("a", "<p>no</p>")])

    assert await bot.answer_inline_query(query_id, [article("1"), article("2")], cache_time=0)
    results = emu.calls_to("answerInlineQuery")[-1].params["results"]
    assert [r["id"] for r in results] == ["1", "2"]
    with pytest.raises(BadRequest, match=r"(?i)query id is invalid"):
        await bot.answer_inline_query(query_id, [article("1")])  # each query answers once


# -- fault injection -----------------------------------------------------------------------------


async def test_injected_faults(
    bot: Bot, emu: BotAPIEmulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PTB_TIMEDELTA", "true")  # RetryAfter.retry_after as timedelta, no warning
    emu.inject_fault("sendMessage", 429, retry_after=7)
    with pytest.raises(RetryAfter) as excinfo:
        await bot.send_message(USER_ID, "hi")
    assert excinfo.value.retry_after == dtm.timedelta(seconds=7)

    emu.inject_fault("sendMessage", 502, count=2)
    for _ in range(2):
        with pytest.raises(NetworkError, match="Bad Gateway"):
            await bot.send_message(USER_ID, "hi")
    assert (await bot.send_message(USER_ID, "hi")).text == "hi"
    calls = emu.calls_to("sendMessage")
    assert [(c.status, c.injected) for c in calls] == [
        (429, True),
        (502, True),
        (502, True),
        (200, False),
    ]

    emu.inject_fault("getMe", status=None, delay=1.0)
    started = time.monotonic()
    with pytest.raises(TimedOut):
        await bot.get_me(read_timeout=0.2)
    assert time.monotonic() - started < 0.8


# -- builders and parsing ------------------------------------------------------------------------


def test_builders_compute_utf16_entities(emu: BotAPIEmulator) -> None:
    text = "/start@scr_test_bot 🏟 hi @alice_tester #SCR https://gov.uk/x."
    message = emu.group_message(text)["message"]
    assert message["chat"]["type"] == "supergroup"
    assert [(e["type"], e["offset"], e["length"]) for e in message["entities"]] == [
        ("bot_command", 0, 19),
        ("mention", 26, 13),
        ("hashtag", 40, 4),
        ("url", 45, 16),
    ]
    update = emu.callback_query("go", message=emu.private_message("x")["message"])
    assert update["callback_query"]["data"] == "go"

    def parse(payload: dict[str, Any]) -> Update:
        return Update.de_json({"update_id": 1, **payload}, None)

    assert parse(emu.photo_message("pic")).message.photo[-1].width == 1280
    assert parse(emu.sticker_message()).message.sticker.emoji == "👍"
    assert parse(emu.channel_post("news")).channel_post.sender_chat.type == "channel"
    joined = parse(emu.new_chat_members()).message.new_chat_members
    assert joined[0].username == "scr_test_bot"
    edited = emu.edited_message("fixed", message=message)
    assert edited["edited_message"]["message_id"] == message["message_id"]


@pytest.mark.parametrize(
    ("html", "text", "entities"),
    [  # vectors from tdlib's own parse_html tests
        ("➡️ ➡️<i>➡️ ➡️</i>", "➡️ ➡️➡️ ➡️", [("italic", 5, 5)]),
        ("🏟 🏟<i>🏟 &lt🏟</i>", "🏟 🏟🏟 <🏟", [("italic", 5, 6)]),
        ("&lt;&gt;&amp;&quot;&laquo;&#12345678;", '<>&"&laquo;&#12345678;', []),
        ('<pre><code class="language-py">x</code></pre>', "x", [("pre", 0, 1)]),
        ("<blockquote expandable>q</blockquote>", "q", [("expandable_blockquote", 0, 1)]),
        ("a & b > c", "a & b > c", []),
    ],
)
def test_html_parser_matches_tdlib(
    html: str, text: str, entities: list[tuple[str, int, int]]
) -> None:
    plain, parsed = TelegramHTML().parse(html)
    assert plain == text
    assert [(e["type"], e["offset"], e["length"]) for e in parsed] == entities


@pytest.mark.parametrize(
    ("html", "error"),
    [
        ("🏟 🏟&lt;<abacaba", "Unclosed start tag at byte offset 13"),
        ("🏟 🏟&lt;<i    aba>", 'Expected equal sign in declaration of an attribute of the tag "i"'),
        ("🏟 🏟&lt;<i    aba  =  190azAz-.,", "Unexpected end of name token at byte offset 27"),
        ("🏟 🏟&lt;<b></b></", "Unexpected end tag at byte offset 20"),
        ("🏟 🏟&lt;<i>a</i   ", "Unclosed end tag at byte offset 17"),
    ],
)
def test_html_parser_errors_match_tdlib(html: str, error: str) -> None:
    with pytest.raises(HTMLParseError, match=error):
        TelegramHTML().parse(html)


def test_raw_json_and_form_encodings(emu: BotAPIEmulator) -> None:
    markup = {"inline_keyboard": [[{"text": "a", "callback_data": "a"}]]}
    body = json.dumps({"chat_id": USER_ID, "text": "json", "reply_markup": markup}).encode()
    status, payload = _raw_call(emu, "sendMessage", body, "application/json")
    assert status == 200 and payload["result"]["reply_markup"] == markup
    form = urllib.parse.urlencode(
        {"chat_id": str(USER_ID), "text": "form", "reply_markup": json.dumps(markup)}
    ).encode()
    status, payload = _raw_call(emu, "sendmessage", form, "application/x-www-form-urlencoded")
    assert status == 200 and payload["result"]["text"] == "form"
    assert [c.params["chat_id"] for c in emu.calls_to("sendMessage")] == [USER_ID, USER_ID]


# -- a real Application end to end ---------------------------------------------------------------


async def test_application_polling_end_to_end(emu: BotAPIEmulator) -> None:
    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Go", callback_data="go")]])
        await update.effective_message.reply_html("<b>Welcome</b>", reply_markup=keyboard)

    async def button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await update.callback_query.answer("ok")
        await update.callback_query.edit_message_text("Done")

    app = (
        ApplicationBuilder()
        .token(emu.token)
        .base_url(emu.base_url)
        .base_file_url(emu.base_file_url)
        .request(_request())
        .get_updates_request(_request())
        .build()
    )
    app.add_handler(CommandHandler("start", start))
    app.add_handler(CallbackQueryHandler(button))
    async with app:
        await app.start()
        await app.updater.start_polling(poll_interval=0, timeout=1)
        emu.push_update(emu.group_message("/start@scr_test_bot"))
        await asyncio.to_thread(emu.wait_for_calls, "sendMessage", 1, 3)
        welcome = emu.sent_messages(DEFAULT_GROUP_ID)[0]
        assert welcome["text"] == "Welcome"
        assert welcome["reply_to_message"]["text"] == "/start@scr_test_bot"

        emu.push_update(emu.callback_query("go", message=welcome))
        await asyncio.to_thread(emu.wait_for_calls, "editMessageText", 1, 3)
        await app.updater.stop()
        await app.stop()

    methods = [c.method for c in emu.calls]
    assert methods.index("deleteWebhook") < methods.index("getUpdates")
    assert emu.calls_to("answerCallbackQuery")[0].ok
    assert emu.message(DEFAULT_GROUP_ID, welcome["message_id"])["text"] == "Done"
    assert [c for c in emu.calls if not c.ok] == []
