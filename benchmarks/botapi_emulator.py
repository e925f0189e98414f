"""A small but real Telegram Bot API server for scrbot's tests, benchmarks and fault injection.

Why this exists: mocking ``telegram.Bot`` methods only proves that the bot *called* a Python
function.  Pointing the unmodified bot (``scrbot run`` in a subprocess, or an in-process PTB
``Application``) at this emulator via ``base_url`` / ``base_file_url`` exercises the whole stack
instead: PTB's request encoding, HTTP, long polling / webhooks, error mapping and retries.  The
emulator also validates requests the way Telegram does (HTML parse mode, message length, inline
keyboard and inline-query limits) so bugs that only show up in production fail the tests.

Only the standard library is used, the server binds 127.0.0.1 only, and webhook delivery refuses
any host that is not the local machine, so the tests never touch the network.

Typical use::

    with BotAPIEmulator() as emu:
        app = (
            ApplicationBuilder()
            .token(emu.token)
            .base_url(emu.base_url)
            .base_file_url(emu.base_file_url)
            .build()
        )
        ...  # start polling (or run ``scrbot run`` with the same URLs in a subprocess)
        emu.push_update(emu.private_message("/start"))
        await asyncio.to_thread(emu.wait_for_calls, "sendMessage")  # from async code
        assert "Welcome" in emu.sent_texts()[0]

``wait_for*`` block the calling thread; from a coroutine that shares its event loop with the
bot, call them through ``asyncio.to_thread`` so the bot keeps running while the test waits.

Concurrency model: every piece of state sits behind one re-entrant lock, used by the HTTP
handler threads, the webhook delivery thread and the pytest thread alike.  Two condition
variables share that lock: one is notified on every change (so ``wait_for*`` helpers wake up at
once instead of sleeping in loops), the other only when updates or the webhook change (so long
polls and the webhook thread are not woken by every unrelated ``sendMessage`` of a benchmark).
"""

from __future__ import annotations

import contextlib
import email.utils
import http.client
import itertools
import json
import re
import secrets
import socket
import ssl
import struct
import threading
import time
import traceback
import urllib.parse
import zlib
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar

__all__ = [
    "DEFAULT_BOT_USER",
    "DEFAULT_CHANNEL_ID",
    "DEFAULT_GROUP_ID",
    "DEFAULT_TOKEN",
    "DEFAULT_USER",
    "BotAPIEmulator",
    "BotAPIError",
    "Call",
    "HTMLParseError",
    "TelegramHTML",
    "UploadedFile",
    "WebhookDelivery",
    "find_auto_entities",
    "tiny_png",
    "utf16_len",
]


def _words(text: str) -> frozenset[str]:
    """Split a whitespace-separated word list (keeps long name tables compact)."""
    return frozenset(text.split())


DEFAULT_TOKEN = "123456:TEST-TOKEN"
DEFAULT_BOT_USER: dict[str, Any] = {
    "id": 123456,
    "is_bot": True,
    "first_name": "SCR Bot",
    "username": "scr_test_bot",
    "can_join_groups": True,
    "can_read_all_group_messages": False,
    "supports_inline_queries": True,
    "can_connect_to_business": False,
    "has_main_web_app": False,
}
DEFAULT_USER: dict[str, Any] = {
    "id": 111111,
    "is_bot": False,
    "first_name": "Alice",
    "last_name": "Tester",
    "username": "alice_tester",
    "language_code": "en",
}
DEFAULT_GROUP_ID = -1001234567890
DEFAULT_CHANNEL_ID = -1009876543210

MAX_MESSAGE_LENGTH = 4096
MAX_CAPTION_LENGTH = 1024
MAX_CALLBACK_DATA_BYTES = 64
MAX_INLINE_RESULTS = 50
MAX_INLINE_RESULT_ID_BYTES = 64
MAX_BUTTONS = 100
MAX_BODY_BYTES = 64 * 1024 * 1024
MAX_UPLOAD_BYTES = 50 * 1024 * 1024

# Update types Telegram delivers when allowed_updates is empty/unspecified.
_OPT_IN_UPDATE_TYPES = frozenset({"chat_member", "message_reaction", "message_reaction_count"})
_LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
_CHAT_ACTIONS = _words(
    "typing upload_photo record_video upload_video record_voice upload_voice upload_document "
    "choose_sticker find_location record_video_note upload_video_note"
)
_INLINE_RESULT_TYPES = _words(
    "article photo gif mpeg4_gif video audio voice document location venue contact game sticker"
)
_BUTTON_ACTIONS = (
    "url",
    "callback_data",
    "web_app",
    "login_url",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "copy_text",
    "callback_game",
    "pay",
)
_COMMAND_SCOPES = _words(
    "default all_private_chats all_group_chats all_chat_administrators chat "
    "chat_administrators chat_member"
)
_MESSAGE_UPDATE_KEYS = (
    "message",
    "edited_message",
    "channel_post",
    "edited_channel_post",
    "business_message",
    "edited_business_message",
)
_SEND_METHODS = frozenset({"sendMessage", "sendPhoto", "sendDocument"})


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, the unit Telegram uses for entity offsets and lengths."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _now() -> int:
    return int(time.time())


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"


# --------------------------------------------------------------------------------------------
# Errors and records
# --------------------------------------------------------------------------------------------


class BotAPIError(Exception):
    """A Bot API failure; turned into ``{"ok": false, ...}`` with HTTP status ``error_code``."""

    def __init__(
        self,
        error_code: int,
        description: str,
        *,
        retry_after: int | None = None,
        migrate_to_chat_id: int | None = None,
    ) -> None:
        super().__init__(description)
        self.error_code = error_code
        self.description = description
        self.retry_after = retry_after
        self.migrate_to_chat_id = migrate_to_chat_id

    def to_payload(self) -> dict[str, Any]:
        payload: dict[str, Any] = {
            "ok": False,
            "error_code": self.error_code,
            "description": self.description,
        }
        parameters: dict[str, Any] = {}
        if self.retry_after is not None:
            parameters["retry_after"] = self.retry_after
        if self.migrate_to_chat_id is not None:
            parameters["migrate_to_chat_id"] = self.migrate_to_chat_id
        if parameters:
            payload["parameters"] = parameters
        return payload


def bad_request(detail: str) -> BotAPIError:
    return BotAPIError(400, f"Bad Request: {detail}")


@dataclass(frozen=True)
class UploadedFile:
    """One multipart file part as received (PTB uploads photos/documents this way)."""

    field: str
    filename: str
    content_type: str
    data: bytes = field(repr=False)

    @property
    def size(self) -> int:
        return len(self.data)


@dataclass(frozen=True)
class Call:
    """One Bot API request the bot made, with decoded parameters and the outcome."""

    method: str
    params: dict[str, Any]
    time: float
    status: int = 200
    result: Any = None
    error: str | None = None
    injected: bool = False

    @property
    def ok(self) -> bool:
        return self.status == 200


@dataclass(frozen=True)
class WebhookDelivery:
    """One attempt to POST an update to the bot's webhook."""

    update_id: int
    url: str
    attempt: int
    status: int | None
    error: str | None
    time: float

    @property
    def ok(self) -> bool:
        return self.status is not None and 200 <= self.status < 300


@dataclass
class _Fault:
    status: int | None
    retry_after: int | None
    delay: float | None
    description: str | None

    def to_error(self) -> BotAPIError:
        assert self.status is not None
        if self.description:
            description = self.description
        elif self.status == 429:
            description = f"Too Many Requests: retry after {self.retry_after}"
        else:
            phrase = _phrase(self.status)
            description = f"{phrase}: injected fault" if self.status < 500 else phrase
        return BotAPIError(self.status, description, retry_after=self.retry_after)


@dataclass(frozen=True)
class _Response:
    status: int
    content_type: str
    body: bytes


@dataclass(frozen=True)
class _Described:
    """A successful result that Telegram accompanies with a ``description`` (webhook methods)."""

    result: Any
    description: str


# --------------------------------------------------------------------------------------------
# Request decoding
# --------------------------------------------------------------------------------------------


class RequestDecoder:
    """Turns JSON, urlencoded and multipart bodies into one typed parameter dict.

    PTB (via httpx) sends every parameter as a form field whose value is the JSON encoding of
    anything that is not already a string, so ``chat_id`` arrives as ``"42"`` and ``reply_markup``
    as a JSON string; with file uploads the same fields travel as multipart text parts.  Telegram
    infers the types from the method signature; we approximate that with per-name field lists.
    """

    JSON_FIELDS = _words(
        "reply_markup entities caption_entities reply_parameters link_preview_options results "
        "button commands scope allowed_updates media menu_button options explanation_entities "
        "prices rights permissions message_ids reaction"
    )
    INT_FIELDS = _words(
        "chat_id from_chat_id message_id message_thread_id reply_to_message_id offset limit "
        "cache_time max_connections user_id width height duration"
    )
    FLOAT_FIELDS = frozenset({"timeout", "latitude", "longitude"})
    BOOL_FIELDS = _words(
        "disable_notification protect_content allow_sending_without_reply show_alert "
        "is_personal drop_pending_updates disable_web_page_preview has_spoiler "
        "show_caption_above_media disable_content_type_detection allow_paid_broadcast "
        "revoke_messages"
    )
    _INT_RE = re.compile(r"-?\d+")
    _DISPOSITION_PARAM_RE = re.compile(r';\s*([\w*]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)')

    @classmethod
    def decode(cls, content_type: str, body: bytes, query: str) -> dict[str, Any]:
        params: dict[str, Any] = {}
        if query:
            params.update(urllib.parse.parse_qsl(query, keep_blank_values=True))
        mime = content_type.split(";", 1)[0].strip().lower()
        if body:
            if mime == "application/json":
                try:
                    decoded = json.loads(body)
                except ValueError:
                    raise bad_request("can't parse JSON encoded request") from None
                if not isinstance(decoded, dict):
                    raise bad_request("request body must be a JSON object")
                params.update(decoded)
            elif mime == "multipart/form-data":
                params.update(cls._parse_multipart(content_type, body))
            else:
                try:
                    text = body.decode("utf-8")
                except UnicodeDecodeError:
                    raise bad_request("request must be encoded in UTF-8") from None
                params.update(urllib.parse.parse_qsl(text, keep_blank_values=True))
        return {name: cls._coerce(name, value) for name, value in params.items()}

    @classmethod
    def _coerce(cls, name: str, value: Any) -> Any:
        if not isinstance(value, str):
            return value
        if name in cls.JSON_FIELDS:
            try:
                return json.loads(value)
            except ValueError:
                raise bad_request(f"can't parse {name} JSON object") from None
        if name in cls.INT_FIELDS and cls._INT_RE.fullmatch(value.strip()):
            return int(value)
        if name in cls.FLOAT_FIELDS:
            try:
                number = float(value)
            except ValueError:
                return value
            return int(number) if number.is_integer() else number
        if name in cls.BOOL_FIELDS:
            lowered = value.strip().lower()
            if lowered in ("true", "1"):
                return True
            if lowered in ("false", "0", ""):
                return False
        return value

    @classmethod
    def _parse_multipart(cls, content_type: str, body: bytes) -> dict[str, Any]:
        match = re.search(r'boundary="?([^";]+)"?', content_type, re.IGNORECASE)
        if not match:
            raise bad_request("multipart boundary is missing")
        delimiter = b"--" + match.group(1).encode("latin-1")
        fields: dict[str, Any] = {}
        for part in body.split(delimiter)[1:]:
            if part.startswith(b"--"):
                break
            part = part.removeprefix(b"\r\n").removesuffix(b"\r\n")
            raw_headers, _, content = part.partition(b"\r\n\r\n")
            headers: dict[str, str] = {}
            for line in raw_headers.decode("utf-8", "replace").split("\r\n"):
                key, sep, value = line.partition(":")
                if sep:
                    headers[key.strip().lower()] = value.strip()
            disposition = cls._disposition_params(headers.get("content-disposition", ""))
            name = disposition.get("name")
            if not name:
                continue
            filename = disposition.get("filename")
            if filename is None:
                fields[name] = content.decode("utf-8", "replace")
            else:
                fields[name] = UploadedFile(
                    field=name,
                    filename=filename,
                    content_type=headers.get("content-type", "application/octet-stream"),
                    data=content,
                )
        return fields

    @classmethod
    def _disposition_params(cls, header: str) -> dict[str, str]:
        result: dict[str, str] = {}
        for key, raw in cls._DISPOSITION_PARAM_RE.findall(header):
            key = key.lower()
            value = raw.strip()
            if key.endswith("*"):  # RFC 5987: charset''percent-encoded
                key = key[:-1]
                _, _, encoded = value.strip('"').partition("''")
                result[key] = urllib.parse.unquote(encoded)
                continue
            if value.startswith('"') and value.endswith('"') and len(value) >= 2:
                value = value[1:-1]
            # httpx uses the HTML5 form encoding: '"' -> %22, control chars -> %XX, '\' -> '\\'.
            value = re.sub(
                r"%(22|[01][0-9A-Fa-f])", lambda m: chr(int(m.group(1), 16)), value
            ).replace("\\\\", "\\")
            result.setdefault(key, value)
        return result


# --------------------------------------------------------------------------------------------
# Text formatting: Telegram's HTML parse mode and automatic entities
# --------------------------------------------------------------------------------------------


class HTMLParseError(ValueError):
    """Raised with Telegram's own wording (the part after "can't parse entities: ")."""


class TelegramHTML:
    """A port of tdlib's ``parse_html`` (what the Bot API runs for ``parse_mode="HTML"``).

    Why a port and not ``html.parser``: Telegram is much stricter than browsers.  Any tag outside
    its small whitelist, a bare ``<`` (``"a < b"``), or mismatched nesting is a hard 400 error,
    while a bare ``&`` or an unknown ``&entity;`` is kept literally.  Reproducing those rules,
    including error messages with UTF-8 byte offsets, is what makes the emulator catch the
    "can't parse entities" bugs that otherwise only appear in production.
    """

    TAGS = _words("a b strong i em s strike del u ins tg-spoiler tg-emoji span pre code blockquote")
    _ENTITY_TYPES: ClassVar[dict[str, str]] = {
        "b": "bold",
        "strong": "bold",
        "i": "italic",
        "em": "italic",
        "u": "underline",
        "ins": "underline",
        "s": "strikethrough",
        "strike": "strikethrough",
        "del": "strikethrough",
        "tg-spoiler": "spoiler",
        "span": "spoiler",
        "code": "code",
        "pre": "pre",
    }
    _SPACE = frozenset(b" \t\r\n\x0b\x00")
    _NAMED_ENTITIES: ClassVar[dict[bytes, int]] = {
        b"lt": 0x3C,
        b"gt": 0x3E,
        b"amp": 0x26,
        b"quot": 0x22,
    }

    def parse(self, text: str) -> tuple[str, list[dict[str, Any]]]:
        """Return (plain text, entities) or raise :class:`HTMLParseError`."""
        try:
            data = text.encode("utf-8")
        except UnicodeEncodeError:
            raise HTMLParseError("Strings must be encoded in UTF-8") from None
        n = len(data)

        def at(pos: int) -> int:
            return data[pos] if pos < n else 0

        out = bytearray()
        utf16 = 0
        entities: list[dict[str, Any]] = []
        stack: list[tuple[str, str, int, int]] = []  # tag, argument, utf16 offset, out position
        i = 0
        while i < n:
            c = data[i]
            if c == 0x26:  # '&'
                decoded = self._decode_entity(data, i)
                if decoded is not None:
                    codepoint, i = decoded
                    out += chr(codepoint).encode("utf-8")
                    utf16 += 2 if codepoint > 0xFFFF else 1
                    continue
            if c != 0x3C:  # not '<'
                out.append(c)
                if (c & 0xC0) != 0x80:
                    utf16 += 2 if c >= 0xF0 else 1
                i += 1
                continue

            begin = i
            i += 1
            if at(i) != 0x2F:  # start tag
                while at(i) not in self._SPACE and at(i) != 0x3E:
                    i += 1
                if i >= n:
                    raise HTMLParseError(f"Unclosed start tag at byte offset {begin}")
                tag = data[begin + 1 : i].decode("utf-8", "replace").lower()
                if tag not in self.TAGS:
                    raise HTMLParseError(f'Unsupported start tag "{tag}" at byte offset {begin}')
                argument, i = self._parse_attributes(data, i, tag, begin)
                if tag == "span" and argument != "spoiler":
                    raise HTMLParseError(
                        f'Tag "span" must have class "tg-spoiler" at byte offset {begin}'
                    )
                stack.append((tag, argument, utf16, len(out)))
                i += 1  # skip '>'
                continue

            # end tag
            if not stack:
                raise HTMLParseError(f"Unexpected end tag at byte offset {begin}")
            i += 1
            name_begin = i
            while at(i) not in self._SPACE and at(i) != 0x3E:
                i += 1
            end_name = data[name_begin:i].decode("utf-8", "replace").lower()
            while i < n and at(i) in self._SPACE:
                i += 1
            if at(i) != 0x3E:
                raise HTMLParseError(f"Unclosed end tag at byte offset {begin}")
            i += 1
            tag, argument, start, out_pos = stack.pop()
            if end_name and end_name != tag:
                raise HTMLParseError(
                    f'Unmatched end tag at byte offset {begin}, expected "</{tag}>", '
                    f'found "</{end_name}>"'
                )
            if utf16 > start:
                entity = self._make_entity(tag, argument, start, utf16 - start, out[out_pos:])
                if entity is not None:
                    entities.append(entity)
        if stack:
            raise HTMLParseError(f'Can\'t find end tag corresponding to start tag "{stack[-1][0]}"')
        return out.decode("utf-8"), self._merge_pre_code(entities)

    def _parse_attributes(self, data: bytes, i: int, tag: str, begin: int) -> tuple[str, int]:
        n = len(data)

        def at(pos: int) -> int:
            return data[pos] if pos < n else 0

        argument = ""
        while at(i) != 0x3E:
            while i < n and at(i) in self._SPACE:
                i += 1
            if at(i) == 0x3E:
                break
            if i >= n:
                raise HTMLParseError(f"Unclosed start tag at byte offset {begin}")
            name_begin = i
            while at(i) not in self._SPACE and at(i) not in (0x3D, 0x3E):
                i += 1
            name = data[name_begin:i].decode("utf-8", "replace").lower()
            if not name:
                raise HTMLParseError(
                    f'Empty attribute name in the tag "{tag}" at byte offset {begin}'
                )
            while i < n and at(i) in self._SPACE:
                i += 1
            if at(i) != 0x3D:  # '='
                if tag == "blockquote" and name == "expandable":
                    argument = "1"
                    continue
                raise HTMLParseError(
                    "Expected equal sign in declaration of an attribute of the tag "
                    f'"{tag}" at byte offset {begin}'
                )
            i += 1
            while i < n and at(i) in self._SPACE:
                i += 1
            if i >= n:
                raise HTMLParseError(f'Unclosed start tag "{tag}" at byte offset {begin}')
            value = bytearray()
            if at(i) not in (0x22, 0x27):
                token_begin = i
                while chr(at(i)).isascii() and (chr(at(i)).isalnum() or at(i) in (0x2E, 0x2D)):
                    i += 1
                value += data[token_begin:i].lower()
                if at(i) not in self._SPACE and at(i) != 0x3E:
                    raise HTMLParseError(
                        f"Unexpected end of name token at byte offset {token_begin}"
                    )
            else:
                quote = at(i)
                i += 1
                while i < n and at(i) != quote:
                    if at(i) == 0x26:
                        decoded = self._decode_entity(data, i)
                        if decoded is not None:
                            value += chr(decoded[0]).encode("utf-8")
                            i = decoded[1]
                            continue
                    value.append(at(i))
                    i += 1
                if at(i) == quote:
                    i += 1
                if i >= n:
                    raise HTMLParseError(f"Unclosed start tag at byte offset {begin}")
            attr_value = value.decode("utf-8", "replace")
            if tag == "a" and name == "href":
                argument = attr_value
            elif tag == "code" and name == "class" and attr_value.startswith("language-"):
                argument = attr_value[len("language-") :]
            elif tag == "span" and name == "class" and attr_value.startswith("tg-"):
                argument = attr_value[len("tg-") :]
            elif tag == "tg-emoji" and name == "emoji-id":
                argument = attr_value
            elif tag == "blockquote" and name == "expandable":
                argument = "1"
        return argument, i

    def _decode_entity(self, data: bytes, pos: int) -> tuple[int, int] | None:
        """tdlib's decode_html_entity: only lt/gt/amp/quot and numeric refs, ';' optional."""
        n = len(data)
        end = pos + 1
        if end < n and data[end] == 0x23:  # '#'
            end += 1
            value = 0
            if end < n and data[end] in (0x78, 0x58):  # 'x'
                end += 1
                while end < n and chr(data[end]) in "0123456789abcdefABCDEF":
                    value = value * 16 + int(chr(data[end]), 16)
                    end += 1
                    if value >= 0x10FFFF:
                        return None
            else:
                while end < n and 0x30 <= data[end] <= 0x39:
                    value = value * 10 + data[end] - 0x30
                    end += 1
                    if value >= 0x10FFFF:
                        return None
            if value == 0 or end - pos >= 10:
                return None
            if 0xD800 <= value <= 0xDFFF:
                raise HTMLParseError(
                    "Text contains invalid Unicode characters after decoding HTML entities, "
                    "check for unmatched surrogate code units"
                )
        else:
            while end < n and chr(data[end]).isascii() and chr(data[end]).isalpha():
                end += 1
            value = self._NAMED_ENTITIES.get(data[pos + 1 : end], 0)
            if not value:
                return None
        if end < n and data[end] == 0x3B:  # ';'
            end += 1
        return value, end

    def _make_entity(
        self, tag: str, argument: str, offset: int, length: int, content: bytes
    ) -> dict[str, Any] | None:
        entity: dict[str, Any] = {"offset": offset, "length": length}
        if tag in self._ENTITY_TYPES:
            entity["type"] = self._ENTITY_TYPES[tag]
            if tag == "code" and argument:
                entity["_language"] = argument
            return entity
        if tag == "blockquote":
            entity["type"] = "expandable_blockquote" if argument else "blockquote"
            return entity
        if tag == "tg-emoji":
            if not argument:
                return None
            entity.update(type="custom_emoji", custom_emoji_id=argument)
            return entity
        # <a>: href, or the link text itself when no href is given
        url = argument or content.decode("utf-8", "replace")
        match = re.fullmatch(r"tg://user\?id=(\d+)", url)
        if match:
            entity.update(
                type="text_mention",
                user={"id": int(match.group(1)), "is_bot": False, "first_name": "User"},
            )
            return entity
        normalized = self._normalize_url(url)
        if normalized is None:
            return None
        entity.update(type="text_link", url=normalized)
        return entity

    @staticmethod
    def _normalize_url(url: str) -> str | None:
        if not url or any(ch.isspace() for ch in url):
            return None
        if "://" not in url and not url.startswith(("tg:", "mailto:")):
            if "." not in url:
                return None
            url = "http://" + url
        parts = urllib.parse.urlsplit(url)
        if parts.scheme in ("http", "https") and not parts.path:
            url = urllib.parse.urlunsplit(parts._replace(path="/"))
        return url

    @staticmethod
    def _merge_pre_code(entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """``<pre><code class="language-x">`` over the same range becomes one pre(language=x)."""
        ranges = {(e["offset"], e["length"]): e for e in entities if e["type"] == "pre"}
        merged: list[dict[str, Any]] = []
        for entity in entities:
            language = entity.pop("_language", None)
            if language is not None:
                pre = ranges.get((entity["offset"], entity["length"]))
                if pre is not None:
                    pre["language"] = language
                    continue
            merged.append(entity)
        merged.sort(key=lambda e: (e["offset"], -e["length"]))
        return merged


_COMMAND_RE = re.compile(r"(?<![\w/])/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?(?![\w@/])")
_MENTION_RE = re.compile(r"(?<![\w@/])@[A-Za-z0-9_]{5,32}(?![\w@])")
_HASHTAG_RE = re.compile(r"(?<![\w#])#[^\W\d]\w{0,255}")
_URL_RE = re.compile(r"(?<![\w@/])https?://[^\s<>\"]+", re.IGNORECASE)


def find_auto_entities(text: str) -> list[dict[str, Any]]:
    """Entities Telegram's clients/servers attach to plain incoming text.

    Telegram always reports ``bot_command``/``mention``/``hashtag``/``url`` entities with offsets
    in UTF-16 code units.  PTB's ``CommandHandler`` only fires when a ``bot_command`` entity sits
    at offset 0, so pushed messages need them or commands would silently not match.
    """
    found: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in (
        ("url", _URL_RE),
        ("bot_command", _COMMAND_RE),
        ("mention", _MENTION_RE),
        ("hashtag", _HASHTAG_RE),
    ):
        for match in pattern.finditer(text):
            start, end = match.span()
            if kind == "url":
                while end > start and text[end - 1] in ".,;:!?)]'":
                    end -= 1
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            taken.append((start, end))
            found.append((start, end, kind))
    found.sort()
    return [
        {"type": kind, "offset": utf16_len(text[:start]), "length": utf16_len(text[start:end])}
        for start, end, kind in found
    ]


class TextFormatter:
    """Applies parse_mode / entities and Telegram's length rules to message texts and captions."""

    _WHITESPACE = " \t\r\n\x0b\x0c"

    def __init__(self) -> None:
        self._html = TelegramHTML()

    def format(
        self,
        text: Any,
        parse_mode: Any,
        entities: Any,
        *,
        max_length: int,
        caption: bool = False,
    ) -> tuple[str, list[dict[str, Any]]]:
        what = "message caption" if caption else "message text"
        if text is None or text == "":
            if caption:
                return "", []
            raise bad_request(f"{what} is empty")
        if not isinstance(text, str):
            text = json.dumps(text) if not isinstance(text, int | float) else str(text)
        if entities is not None:
            plain, parsed = text, self._check_entities(text, entities)
        elif parse_mode:
            mode = str(parse_mode).lower()
            if mode == "html":
                try:
                    plain, parsed = self._html.parse(text)
                except HTMLParseError as exc:
                    raise bad_request(f"can't parse entities: {exc}") from None
            elif mode in ("markdown", "markdownv2"):
                plain, parsed = text, []  # not validated by the emulator
            else:
                raise bad_request("unsupported parse_mode")
        else:
            plain, parsed = text, []
        plain, parsed = self._trim(plain, parsed)
        if not plain and not caption:
            raise bad_request(f"{what} is empty")
        if len(plain) > max_length:
            raise bad_request("message caption is too long" if caption else "message is too long")
        return plain, parsed

    @staticmethod
    def _check_entities(text: str, entities: Any) -> list[dict[str, Any]]:
        if not isinstance(entities, list):
            raise bad_request("can't parse entities JSON object")
        total = utf16_len(text)
        checked = []
        for entity in entities:
            if not isinstance(entity, dict) or not isinstance(entity.get("type"), str):
                raise bad_request("can't parse MessageEntity JSON object")
            offset, length = entity.get("offset"), entity.get("length")
            if not isinstance(offset, int) or not isinstance(length, int) or offset < 0:
                raise bad_request("can't parse MessageEntity JSON object")
            if length > 0 and offset < total:
                checked.append(dict(entity, length=min(length, total - offset)))
        return checked

    def _trim(self, text: str, entities: list[dict[str, Any]]) -> tuple[str, list[dict[str, Any]]]:
        """Telegram strips leading/trailing whitespace and shifts entities accordingly."""
        stripped = text.strip(self._WHITESPACE)
        if stripped == text:
            return text, entities
        lead = utf16_len(text[: len(text) - len(text.lstrip(self._WHITESPACE))])
        end = lead + utf16_len(stripped)
        result = []
        for entity in entities:
            start = max(entity["offset"], lead)
            stop = min(entity["offset"] + entity["length"], end)
            if stop > start:
                result.append(dict(entity, offset=start - lead, length=stop - start))
        return stripped, result


class MarkupValidator:
    """Checks reply_markup the way Telegram rejects it (and decides what is echoed back)."""

    def validate(self, markup: Any) -> dict[str, Any] | None:
        """Return the markup to echo in the sent Message (inline keyboards only) or None."""
        if markup is None:
            return None
        if not isinstance(markup, dict):
            raise bad_request("can't parse reply keyboard markup JSON object")
        if "inline_keyboard" in markup:
            return self.inline_keyboard(markup)
        if "keyboard" in markup:
            rows = markup["keyboard"]
            if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
                raise bad_request('field "keyboard" must be an Array of Arrays')
            for row in rows:
                for button in row:
                    text = button.get("text") if isinstance(button, dict) else button
                    if not isinstance(text, str) or not text:
                        raise bad_request("can't parse keyboard button: text is empty")
            return None
        if markup.get("remove_keyboard") is True or markup.get("force_reply") is True:
            return None
        raise bad_request("can't parse reply keyboard markup JSON object")

    def inline_keyboard(self, markup: dict[str, Any]) -> dict[str, Any]:
        rows = markup.get("inline_keyboard")
        if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
            raise bad_request('field "inline_keyboard" must be an Array of Arrays')
        count = 0
        for row in rows:
            for button in row:
                count += 1
                self._check_button(button)
        if count > MAX_BUTTONS:
            raise bad_request("reply markup is too long")
        return {"inline_keyboard": rows}

    @staticmethod
    def _check_button(button: Any) -> None:
        if not isinstance(button, dict):
            raise bad_request(
                "can't parse inline keyboard button: InlineKeyboardButton must be an Object"
            )
        text = button.get("text")
        if not isinstance(text, str) or not text:
            raise bad_request(
                'can\'t parse inline keyboard button: Field "text" must be of type String'
            )
        actions = [key for key in _BUTTON_ACTIONS if key in button]
        if not actions:
            raise bad_request(
                "can't parse inline keyboard button: "
                "Text buttons are unallowed in the inline keyboard"
            )
        data = button.get("callback_data")
        if "callback_data" in button and (
            not isinstance(data, str)
            or not data
            or len(data.encode("utf-8")) > MAX_CALLBACK_DATA_BYTES
        ):
            raise bad_request("BUTTON_DATA_INVALID")
        url = button.get("url")
        if "url" in button and (not isinstance(url, str) or not url or " " in url):
            raise bad_request("BUTTON_URL_INVALID")


# --------------------------------------------------------------------------------------------
# State stores (callers hold the emulator lock)
# --------------------------------------------------------------------------------------------


class ChatRegistry:
    """Chats seen in pushed updates, so replies carry the right type/title/username."""

    def __init__(self) -> None:
        self._chats: dict[int, dict[str, Any]] = {}

    def remember(self, chat: Mapping[str, Any]) -> None:
        if isinstance(chat, Mapping) and isinstance(chat.get("id"), int):
            self._chats[chat["id"]] = dict(chat)

    def get(self, chat_id: int) -> dict[str, Any] | None:
        return self._chats.get(chat_id)

    def resolve(self, chat_id: Any) -> dict[str, Any]:
        """Known chat, ``@username`` of a known chat, or any non-zero integer id."""
        if isinstance(chat_id, bool) or chat_id is None or chat_id == "":
            raise bad_request("chat_id is empty" if chat_id in (None, "") else "chat not found")
        if isinstance(chat_id, str):
            stripped = chat_id.strip()
            if stripped.startswith("@"):
                wanted = stripped[1:].lower()
                for chat in self._chats.values():
                    if str(chat.get("username", "")).lower() == wanted:
                        return chat
                raise bad_request("chat not found")
            if not re.fullmatch(r"-?\d+", stripped):
                raise bad_request("chat not found")
            chat_id = int(stripped)
        if not isinstance(chat_id, int) or chat_id == 0:
            raise bad_request("chat not found")
        known = self._chats.get(chat_id)
        if known is not None:
            return known
        return self._synthesize(chat_id)

    def _synthesize(self, chat_id: int) -> dict[str, Any]:
        if chat_id > 0:
            chat = {"id": chat_id, "type": "private", "first_name": f"User {chat_id}"}
        elif str(chat_id).startswith("-100"):
            chat = {"id": chat_id, "type": "supergroup", "title": f"Supergroup {chat_id}"}
        else:
            chat = {"id": chat_id, "type": "group", "title": f"Group {chat_id}"}
        self._chats[chat_id] = chat
        return chat


class MessageStore:
    """Messages per chat (pushed and sent), with Telegram-style per-chat increasing ids."""

    def __init__(self) -> None:
        self._messages: dict[tuple[int, int], dict[str, Any]] = {}
        self._last_id: dict[int, int] = {}
        self._last_bot_message: dict[int, dict[str, Any]] = {}

    def next_id(self, chat_id: int) -> int:
        value = self._last_id.get(chat_id, 0) + 1
        self._last_id[chat_id] = value
        return value

    def put(self, message: dict[str, Any], *, from_bot: bool = False) -> None:
        chat_id = message["chat"]["id"]
        message_id = message["message_id"]
        self._messages[(chat_id, message_id)] = message
        if message_id > self._last_id.get(chat_id, 0):
            self._last_id[chat_id] = message_id
        if from_bot:
            self._last_bot_message[chat_id] = message

    def get(self, chat_id: int, message_id: int) -> dict[str, Any] | None:
        return self._messages.get((chat_id, message_id))

    def delete(self, chat_id: int, message_id: int) -> bool:
        return self._messages.pop((chat_id, message_id), None) is not None

    def last_bot_message(self, chat_id: int | None = None) -> dict[str, Any] | None:
        if chat_id is not None:
            return self._last_bot_message.get(chat_id)
        if not self._last_bot_message:
            return None
        return max(self._last_bot_message.values(), key=lambda m: m["date"])


@dataclass
class _FileRecord:
    file_id: str
    file_unique_id: str
    file_path: str
    data: bytes = field(repr=False)
    mime_type: str


class FileStore:
    """Uploaded/placeholder files, addressable by file_id (getFile) and path (download URL)."""

    _PREFIX: ClassVar[dict[str, str]] = {
        "photos": "AgACAgIAAxkBAAI",
        "documents": "BQACAgIAAxkBAAI",
        "stickers": "CAACAgIAAxkBAAI",
    }

    def __init__(self) -> None:
        self._by_id: dict[str, _FileRecord] = {}
        self._by_path: dict[str, _FileRecord] = {}
        self._photo_sets: dict[str, list[dict[str, Any]]] = {}
        self._counter = itertools.count(1)

    def add(self, data: bytes, kind: str, extension: str, mime_type: str) -> _FileRecord:
        number = next(self._counter)
        prefix = self._PREFIX.get(kind, "BAACAgIAAxkBAAI")
        record = _FileRecord(
            file_id=f"{prefix}{number:06d}{secrets.token_hex(8)}",
            file_unique_id=f"AQAD{number:06d}{secrets.token_hex(2)}",
            file_path=f"{kind}/file_{number}.{extension}",
            data=data,
            mime_type=mime_type,
        )
        self._by_id[record.file_id] = record
        self._by_path[record.file_path] = record
        return record

    def by_id(self, file_id: str) -> _FileRecord | None:
        return self._by_id.get(file_id)

    def by_path(self, path: str) -> _FileRecord | None:
        return self._by_path.get(path)

    def add_photo(self, data: bytes, width: int, height: int) -> list[dict[str, Any]]:
        """Store a photo and return Telegram-like PhotoSize variants (thumbnails + original)."""
        longest = max(width, height, 1)
        dims: list[tuple[int, int]] = []
        for target in (90, 320, 800, 1280):
            if target < longest:
                scale = target / longest
                dims.append((max(1, round(width * scale)), max(1, round(height * scale))))
        scale = min(1.0, 2560 / longest)
        dims.append((max(1, round(width * scale)), max(1, round(height * scale))))
        sizes = []
        for w, h in dims:
            record = self.add(data, "photos", "jpg", "image/jpeg")
            ratio = (w * h) / float(max(1, dims[-1][0] * dims[-1][1]))
            sizes.append(
                {
                    "file_id": record.file_id,
                    "file_unique_id": record.file_unique_id,
                    "file_size": max(1, int(len(data) * ratio)),
                    "width": w,
                    "height": h,
                }
            )
        for size in sizes:
            self._photo_sets[size["file_id"]] = sizes
        return sizes

    def photo_set(self, file_id: str) -> list[dict[str, Any]] | None:
        return self._photo_sets.get(file_id)


class QueryRegistry:
    """Inline and callback query ids the bot may answer (each exactly once)."""

    def __init__(self) -> None:
        self._open: dict[str, set[str]] = {"inline": set(), "callback": set()}
        self._counter = itertools.count(1)

    def new_id(self) -> str:
        return str(4_200_000_000_000_000 + next(self._counter) * 7919)

    def open(self, kind: str, query_id: str) -> None:
        self._open[kind].add(str(query_id))

    def answer(self, kind: str, query_id: Any) -> None:
        try:
            self._open[kind].remove(str(query_id))
        except KeyError:
            raise bad_request(
                "query is too old and response timeout expired or query ID is invalid"
            ) from None


class UpdateStore:
    """The pending-update queue behind getUpdates and webhook delivery.

    Mirrors Telegram: updates stay until confirmed by a later ``offset`` (polling) or a 2xx
    webhook response; ``allowed_updates`` persists between calls and drops filtered types.
    """

    def __init__(self, first_update_id: int = 1) -> None:
        self._pending: deque[dict[str, Any]] = deque()
        self._next_id = first_update_id
        self._allowed: frozenset[str] | None = None
        self.poll_generation = 0
        self.waiting = 0  # getUpdates requests currently blocked in a long poll

    def push(self, update: dict[str, Any]) -> int:
        explicit = update.get("update_id")
        if isinstance(explicit, int):
            if explicit < self._next_id:
                raise ValueError(f"update_id {explicit} is not greater than the last one")
            self._next_id = explicit
        update["update_id"] = self._next_id
        self._next_id += 1
        self._pending.append(update)
        return update["update_id"]

    def set_allowed(self, allowed: Any) -> None:
        if allowed is None:
            return
        if not isinstance(allowed, list):
            raise bad_request("can't parse allowed_updates JSON object")
        self._allowed = frozenset(allowed) or None

    def confirm(self, offset: int) -> None:
        if offset < 0:
            keep = -offset
            while len(self._pending) > keep:
                self._pending.popleft()
            return
        while self._pending and self._pending[0]["update_id"] < offset:
            self._pending.popleft()

    def remove(self, update_id: int) -> None:
        if self._pending and self._pending[0]["update_id"] == update_id:
            self._pending.popleft()
            return
        for index, update in enumerate(self._pending):
            if update["update_id"] == update_id:
                del self._pending[index]
                return

    def clear(self) -> None:
        self._pending.clear()

    def batch(self, limit: int) -> list[dict[str, Any]]:
        """Deliverable updates in order; updates filtered out by allowed_updates are dropped.

        Only the scanned prefix is touched, so taking one update at a time (webhook delivery)
        stays O(1) even with a large backlog in benchmarks.
        """
        result: list[dict[str, Any]] = []
        scanned = 0
        dropped = False
        for update in self._pending:
            scanned += 1
            if not self._is_allowed(update):
                dropped = True
                continue
            result.append(update)
            if len(result) >= limit:
                break
        if dropped:
            for _ in range(scanned):
                self._pending.popleft()
            self._pending.extendleft(reversed(result))
        return result

    def _is_allowed(self, update: Mapping[str, Any]) -> bool:
        kind = next((key for key in update if key != "update_id"), "")
        if self._allowed is None:
            return kind not in _OPT_IN_UPDATE_TYPES
        return kind in self._allowed

    def __len__(self) -> int:
        return len(self._pending)

    @property
    def allowed(self) -> list[str] | None:
        return sorted(self._allowed) if self._allowed else None


@dataclass
class WebhookConfig:
    url: str = ""
    has_custom_certificate: bool = False
    secret_token: str | None = None
    max_connections: int = 40
    ip_address: str | None = None
    allowed_updates: list[str] | None = None
    last_error_date: int | None = None
    last_error_message: str | None = None


class CallLog:
    """Every Bot API request, in arrival order, for assertions and benchmarks."""

    def __init__(self, max_calls: int | None) -> None:
        self._calls: deque[Call] = deque(maxlen=max_calls)

    def append(self, call: Call) -> None:
        self._calls.append(call)

    def snapshot(self) -> list[Call]:
        return list(self._calls)

    def __len__(self) -> int:
        return len(self._calls)

    def since(self, start: int) -> list[Call]:
        """Calls from position ``start`` on, without copying the ones before (benchmarks poll this)."""
        return list(itertools.islice(self._calls, start, None))

    def matching(self, method: str) -> list[Call]:
        wanted = method.lower()
        return [call for call in self._calls if call.method.lower() == wanted]

    def clear(self) -> None:
        self._calls.clear()


class FaultInjector:
    """Queued failures/delays per method name (case-insensitive, ``"*"`` matches any)."""

    def __init__(self) -> None:
        self._faults: dict[str, deque[_Fault]] = {}

    def add(self, method: str, fault: _Fault, count: int) -> None:
        self._faults.setdefault(method.lower(), deque()).extend(
            _Fault(fault.status, fault.retry_after, fault.delay, fault.description)
            for _ in range(count)
        )

    def take(self, method: str) -> _Fault | None:
        for key in (method.lower(), "*"):
            queue = self._faults.get(key)
            if queue:
                return queue.popleft()
        return None

    def clear(self) -> None:
        self._faults.clear()


@dataclass
class _State:
    """Everything shared between HTTP threads, the webhook thread and the test thread."""

    token: str
    bot_user: dict[str, Any]
    lock: threading.RLock
    cond: threading.Condition  # "something changed": wakes wait_for() in tests
    updates_cond: threading.Condition  # "updates/webhook changed": wakes long polls, webhook
    stopping: threading.Event
    chats: ChatRegistry
    messages: MessageStore
    files: FileStore
    queries: QueryRegistry
    updates: UpdateStore
    webhook: WebhookConfig
    calls: CallLog
    faults: FaultInjector
    deliveries: list[WebhookDelivery] = field(default_factory=list)
    internal_errors: list[str] = field(default_factory=list)
    commands: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    profile: dict[str, str] = field(default_factory=dict)

    def notify_all(self) -> None:
        """Wake everyone: long polls, the webhook thread and test-side waiters."""
        self.updates_cond.notify_all()
        self.cond.notify_all()

    def observe_update(self, update: Mapping[str, Any]) -> None:
        """Learn chats, messages and query ids from an update pushed by a test."""
        for key in _MESSAGE_UPDATE_KEYS:
            message = update.get(key)
            if isinstance(message, dict):
                self._observe_message(message)
        callback = update.get("callback_query")
        if isinstance(callback, dict):
            self.queries.open("callback", callback.get("id", ""))
            message = callback.get("message")
            # keep the stored (possibly edited) version if we already know the message
            if (
                isinstance(message, dict)
                and isinstance(message.get("chat"), dict)
                and self.messages.get(message["chat"]["id"], message.get("message_id", 0)) is None
            ):
                self._observe_message(message)
        inline = update.get("inline_query")
        if isinstance(inline, dict):
            self.queries.open("inline", inline.get("id", ""))
        for key in ("my_chat_member", "chat_member", "chat_join_request"):
            member_update = update.get(key)
            if isinstance(member_update, dict) and isinstance(member_update.get("chat"), dict):
                self.chats.remember(member_update["chat"])

    def _observe_message(self, message: dict[str, Any]) -> None:
        chat = message.get("chat")
        if not isinstance(chat, dict) or not isinstance(message.get("message_id"), int):
            return
        self.chats.remember(chat)
        from_bot = (message.get("from") or {}).get("id") == self.bot_user["id"]
        self.messages.put(message, from_bot=from_bot)
        reply = message.get("reply_to_message")
        if (
            isinstance(reply, dict)
            and isinstance(reply.get("message_id"), int)
            and self.messages.get(chat["id"], reply["message_id"]) is None
        ):
            self._observe_message(reply)


# --------------------------------------------------------------------------------------------
# Bot API methods
# --------------------------------------------------------------------------------------------

MethodHandler = Callable[[dict[str, Any]], Any]


def _int_param(params: Mapping[str, Any], name: str, *, what: str | None = None) -> int:
    value = params.get(name)
    if value is None or value == "":
        raise bad_request(what or f"{name} is empty")
    if isinstance(value, bool) or not isinstance(value, int):
        raise bad_request(f"invalid {name} specified")
    return value


def _image_size(data: bytes) -> tuple[int, int] | None:
    """Width/height of PNG, GIF or JPEG data, so returned PhotoSizes look plausible."""
    if data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) >= 24:
        width, height = struct.unpack(">II", data[16:24])
        return width, height
    if data[:6] in (b"GIF87a", b"GIF89a") and len(data) >= 10:
        width, height = struct.unpack("<HH", data[6:10])
        return width, height
    if data[:2] == b"\xff\xd8":
        pos = 2
        while pos + 9 < len(data):
            if data[pos] != 0xFF:
                pos += 1
                continue
            marker = data[pos + 1]
            if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
                pos += 2
                continue
            (segment,) = struct.unpack(">H", data[pos + 2 : pos + 4])
            if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
                height, width = struct.unpack(">HH", data[pos + 5 : pos + 9])
                return width, height
            pos += 2 + segment
    return None


def tiny_png(width: int = 1, height: int = 1) -> bytes:
    """A valid grey PNG of the given size (placeholder bytes for photos and tests)."""

    def chunk(kind: bytes, payload: bytes) -> bytes:
        return (
            struct.pack(">I", len(payload))
            + kind
            + payload
            + struct.pack(">I", zlib.crc32(kind + payload) & 0xFFFFFFFF)
        )

    row = b"\x00" + b"\x80" * width
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(row * height))
        + chunk(b"IEND", b"")
    )


class BotAPIMethods:
    """Implementations of the Bot API methods, keyed case-insensitively like Telegram."""

    def __init__(self, state: _State) -> None:
        self._s = state
        self._text = TextFormatter()
        self._markup = MarkupValidator()
        self._table: dict[str, tuple[str, MethodHandler]] = {}
        names = _words(
            "getMe logOut close getUpdates setWebhook deleteWebhook getWebhookInfo "
            "sendMessage sendPhoto sendDocument sendChatAction editMessageText "
            "editMessageCaption editMessageReplyMarkup deleteMessage answerCallbackQuery "
            "answerInlineQuery setMyCommands getMyCommands deleteMyCommands setMyDescription "
            "getMyDescription setMyShortDescription getMyShortDescription setMyName getMyName "
            "setChatMenuButton getChatMenuButton getChat getFile"
        )
        for name in names:
            handler = getattr(self, "_" + re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower())
            self._table[name.lower()] = (name, handler)

    def lookup(self, method: str) -> tuple[str, MethodHandler] | None:
        return self._table.get(method.lower())

    def add(self, name: str, handler: MethodHandler) -> None:
        self._table[name.lower()] = (name, handler)

    # -- bot identity ------------------------------------------------------------------------

    def _get_me(self, params: dict[str, Any]) -> Any:
        return dict(self._s.bot_user)

    def _log_out(self, params: dict[str, Any]) -> Any:
        return True

    def _close(self, params: dict[str, Any]) -> Any:
        return True

    # -- updates -----------------------------------------------------------------------------

    def _get_updates(
        self, params: dict[str, Any], client_gone: Callable[[], bool] | None = None
    ) -> Any:
        """Real long polling: wait on the condition until updates, timeout, conflict or stop."""
        s = self._s
        if s.webhook.url:
            raise self._webhook_conflict()
        offset = params.get("offset")
        if isinstance(offset, int) and not isinstance(offset, bool):
            s.updates.confirm(offset)
        s.updates.set_allowed(params.get("allowed_updates"))
        limit = params.get("limit", 100)
        limit = min(100, max(1, limit)) if isinstance(limit, int) else 100
        timeout = params.get("timeout", 0)
        timeout = max(0.0, float(timeout)) if isinstance(timeout, int | float) else 0.0
        s.updates.poll_generation += 1
        generation = s.updates.poll_generation
        deadline = time.monotonic() + timeout
        s.updates.waiting += 1
        s.notify_all()  # supersedes older polls; lets tests wait_for(emu.polling_clients)
        try:
            return self._poll(generation, limit, deadline, client_gone or (lambda: False))
        finally:
            s.updates.waiting -= 1

    def _poll(
        self, generation: int, limit: int, deadline: float, client_gone: Callable[[], bool]
    ) -> list[dict[str, Any]]:
        s = self._s
        while True:
            if s.stopping.is_set():
                return []
            if s.webhook.url:
                raise self._webhook_conflict()
            if generation != s.updates.poll_generation:
                if client_gone():  # the client already gave up on this request (e.g. cancelled)
                    return []
                raise BotAPIError(
                    409,
                    "Conflict: terminated by other getUpdates request; "
                    "make sure that only one bot instance is running",
                )
            batch = s.updates.batch(limit)
            remaining = deadline - time.monotonic()
            if batch or remaining <= 0:
                return batch
            s.updates_cond.wait(remaining)

    @staticmethod
    def _webhook_conflict() -> BotAPIError:
        return BotAPIError(
            409,
            "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook "
            "to delete the webhook first",
        )

    def _set_webhook(self, params: dict[str, Any]) -> Any:
        s = self._s
        url = params.get("url", "")
        if not isinstance(url, str):
            raise bad_request("bad webhook: url must be a string")
        if not url:
            return self._delete_webhook(params)
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise bad_request("bad webhook: An HTTPS URL must be provided for webhook")
        if (parts.hostname or "").lower() not in _LOCAL_HOSTS:
            raise bad_request(
                "bad webhook: Failed to resolve host: "
                "the emulator only delivers to 127.0.0.1/localhost"
            )
        secret = params.get("secret_token")
        if secret is not None and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", str(secret)):
            raise bad_request("secret token contains unallowed characters")
        max_connections = params.get("max_connections", 40)
        if not isinstance(max_connections, int) or not 1 <= max_connections <= 100:
            raise bad_request("invalid max_connections specified")
        s.updates.set_allowed(params.get("allowed_updates"))
        if params.get("drop_pending_updates"):
            s.updates.clear()
        unchanged = s.webhook.url == url
        s.webhook.url = url
        s.webhook.secret_token = str(secret) if secret else None
        s.webhook.max_connections = max_connections
        s.webhook.ip_address = params.get("ip_address")
        s.webhook.has_custom_certificate = isinstance(params.get("certificate"), UploadedFile)
        s.webhook.allowed_updates = s.updates.allowed
        s.updates_cond.notify_all()  # long polls now answer 409; the deliverer starts
        return _Described(True, "Webhook is already set" if unchanged else "Webhook was set")

    def _delete_webhook(self, params: dict[str, Any]) -> Any:
        s = self._s
        if params.get("drop_pending_updates"):
            s.updates.clear()
        had_url = bool(s.webhook.url)
        s.webhook = WebhookConfig()
        s.updates_cond.notify_all()
        return _Described(True, "Webhook was deleted" if had_url else "Webhook is already deleted")

    def _get_webhook_info(self, params: dict[str, Any]) -> Any:
        s = self._s
        info: dict[str, Any] = {
            "url": s.webhook.url,
            "has_custom_certificate": s.webhook.has_custom_certificate,
            "pending_update_count": len(s.updates),
        }
        if s.webhook.url:
            info["max_connections"] = s.webhook.max_connections
            if s.webhook.ip_address:
                info["ip_address"] = s.webhook.ip_address
            if s.webhook.allowed_updates:
                info["allowed_updates"] = s.webhook.allowed_updates
            if s.webhook.last_error_date:
                info["last_error_date"] = s.webhook.last_error_date
                info["last_error_message"] = s.webhook.last_error_message
        return info

    # -- sending -----------------------------------------------------------------------------

    def _new_bot_message(
        self, chat: dict[str, Any], params: dict[str, Any], **content: Any
    ) -> dict[str, Any]:
        """Build, store and return a Message sent by the bot (reply/markup/thread handled)."""
        s = self._s
        markup = self._markup.validate(params.get("reply_markup"))
        reply = self._reply_target(chat, params)
        message: dict[str, Any] = {"message_id": s.messages.next_id(chat["id"])}
        if chat.get("type") == "channel":
            message["sender_chat"] = chat
        else:
            message["from"] = dict(s.bot_user)
        message.update(chat=chat, date=_now())
        thread_id = params.get("message_thread_id")
        if isinstance(thread_id, int) and chat.get("type") == "supergroup":
            message.update(message_thread_id=thread_id, is_topic_message=True)
        message.update({key: value for key, value in content.items() if value})
        message.update(reply or {})
        if isinstance(params.get("link_preview_options"), dict) and "text" in message:
            message["link_preview_options"] = params["link_preview_options"]
        if markup is not None:
            message["reply_markup"] = markup
        s.messages.put(message, from_bot=True)
        return message

    def _reply_target(self, chat: dict[str, Any], params: dict[str, Any]) -> dict[str, Any] | None:
        s = self._s
        reply_parameters = params.get("reply_parameters")
        if reply_parameters is None and params.get("reply_to_message_id") is not None:
            reply_parameters = {
                "message_id": params["reply_to_message_id"],
                "allow_sending_without_reply": params.get("allow_sending_without_reply", False),
            }
        if reply_parameters is None:
            return None
        if not isinstance(reply_parameters, dict) or not isinstance(
            reply_parameters.get("message_id"), int
        ):
            raise bad_request("can't parse reply parameters JSON object")
        target_chat = chat
        if reply_parameters.get("chat_id") is not None:
            target_chat = s.chats.resolve(reply_parameters["chat_id"])
        original = s.messages.get(target_chat["id"], reply_parameters["message_id"])
        if original is None:
            if reply_parameters.get("allow_sending_without_reply"):
                return None
            raise bad_request("message to be replied not found")
        if target_chat["id"] != chat["id"]:
            return {
                "external_reply": {
                    "origin": {
                        "type": "chat",
                        "sender_chat": target_chat,
                        "date": original["date"],
                    },
                    "chat": target_chat,
                    "message_id": original["message_id"],
                }
            }
        quoted = {key: value for key, value in original.items() if key != "reply_to_message"}
        return {"reply_to_message": quoted}

    def _send_message(self, params: dict[str, Any]) -> Any:
        chat = self._s.chats.resolve(params.get("chat_id"))
        text, entities = self._text.format(
            params.get("text"),
            params.get("parse_mode"),
            params.get("entities"),
            max_length=MAX_MESSAGE_LENGTH,
        )
        return self._new_bot_message(chat, params, text=text, entities=entities)

    def _uploaded(self, params: dict[str, Any], name: str) -> UploadedFile | str | None:
        value = params.get(name)
        if isinstance(value, str) and value.startswith("attach://"):
            attached = params.get(value[len("attach://") :])
            if not isinstance(attached, UploadedFile):
                raise bad_request(f'can\'t find attached file "{value}"')
            return attached
        return value

    def _caption(self, params: dict[str, Any]) -> tuple[str, list[dict[str, Any]]]:
        return self._text.format(
            params.get("caption"),
            params.get("parse_mode"),
            params.get("caption_entities"),
            max_length=MAX_CAPTION_LENGTH,
            caption=True,
        )

    def _send_photo(self, params: dict[str, Any]) -> Any:
        s = self._s
        chat = s.chats.resolve(params.get("chat_id"))
        photo = self._uploaded(params, "photo")
        if isinstance(photo, UploadedFile):
            if not photo.data:
                raise bad_request("file must be non-empty")
            if photo.size > 10 * 1024 * 1024:
                raise bad_request("PHOTO_INVALID_DIMENSIONS")
            width, height = _image_size(photo.data) or (800, 600)
            sizes = s.files.add_photo(photo.data, width, height)
        elif isinstance(photo, str) and photo:
            sizes = s.files.photo_set(photo)
            if sizes is None:
                if not re.match(r"https?://", photo):
                    raise bad_request("wrong file identifier/HTTP URL specified")
                sizes = s.files.add_photo(tiny_png(), 800, 600)  # URLs are never fetched
        else:
            raise bad_request("there is no photo in the request")
        caption, entities = self._caption(params)
        return self._new_bot_message(
            chat,
            params,
            photo=sizes,
            caption=caption,
            caption_entities=entities,
            has_media_spoiler=bool(params.get("has_spoiler")),
        )

    def _send_document(self, params: dict[str, Any]) -> Any:
        s = self._s
        chat = s.chats.resolve(params.get("chat_id"))
        document = self._uploaded(params, "document")
        if isinstance(document, UploadedFile):
            if not document.data:
                raise bad_request("file must be non-empty")
            if document.size > MAX_UPLOAD_BYTES:
                raise BotAPIError(413, "Request Entity Too Large")
            extension = document.filename.rsplit(".", 1)[-1] if "." in document.filename else "bin"
            record = s.files.add(document.data, "documents", extension, document.content_type)
            info = {"file_name": document.filename, "mime_type": document.content_type}
        elif isinstance(document, str) and s.files.by_id(document) is not None:
            record = s.files.by_id(document)
            assert record is not None
            info = {"mime_type": record.mime_type}
        elif isinstance(document, str) and re.match(r"https?://", document):
            record = s.files.add(b"", "documents", "bin", "application/octet-stream")
            info = {"file_name": document.rsplit("/", 1)[-1] or "file"}
        elif document:
            raise bad_request("wrong file identifier/HTTP URL specified")
        else:
            raise bad_request("there is no document in the request")
        caption, entities = self._caption(params)
        doc = {
            "file_id": record.file_id,
            "file_unique_id": record.file_unique_id,
            "file_size": len(record.data),
            **info,
        }
        return self._new_bot_message(
            chat, params, document=doc, caption=caption, caption_entities=entities
        )

    def _send_chat_action(self, params: dict[str, Any]) -> Any:
        self._s.chats.resolve(params.get("chat_id"))
        if params.get("action") not in _CHAT_ACTIONS:
            raise bad_request("wrong parameter action in request")
        return True

    # -- editing -----------------------------------------------------------------------------

    def _editable(self, params: dict[str, Any]) -> dict[str, Any] | None:
        """The stored bot message addressed by chat_id+message_id (None for inline messages)."""
        if params.get("inline_message_id"):
            return None
        chat = self._s.chats.resolve(params.get("chat_id"))
        message_id = _int_param(params, "message_id", what="message identifier is not specified")
        message = self._s.messages.get(chat["id"], message_id)
        if message is None:
            raise bad_request("message to edit not found")
        sender = message.get("from") or {}
        if sender.get("id") != self._s.bot_user["id"] and chat.get("type") != "channel":
            raise bad_request("message can't be edited")
        return message

    def _store_edit(self, message: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
        """Copy-on-write so messages already returned/recorded never change under a test."""
        edited = {key: value for key, value in message.items() if key not in changes}
        edited.update({key: value for key, value in changes.items() if value})
        edited["edit_date"] = _now()
        self._s.messages.put(edited, from_bot=True)
        return edited

    @staticmethod
    def _not_modified() -> BotAPIError:
        return bad_request(
            "message is not modified: specified new message content and reply markup are "
            "exactly the same as a current content and reply markup of the message"
        )

    def _edit_message_text(self, params: dict[str, Any]) -> Any:
        message = self._editable(params)
        text, entities = self._text.format(
            params.get("text"),
            params.get("parse_mode"),
            params.get("entities"),
            max_length=MAX_MESSAGE_LENGTH,
        )
        # Like Telegram, omitting reply_markup on an edit removes the inline keyboard.
        markup = self._markup.validate(params.get("reply_markup"))
        if message is None:
            return True
        if "text" not in message:
            raise bad_request("there is no text in the message to edit")
        if (
            message.get("text") == text
            and message.get("entities", []) == entities
            and message.get("reply_markup") == markup
        ):
            raise self._not_modified()
        return self._store_edit(
            message, {"text": text, "entities": entities, "reply_markup": markup}
        )

    def _edit_message_caption(self, params: dict[str, Any]) -> Any:
        message = self._editable(params)
        caption, entities = self._caption(params)
        markup = self._markup.validate(params.get("reply_markup"))
        if message is None:
            return True
        if "text" in message:
            raise bad_request("there is no caption in the message to edit")
        if (
            message.get("caption", "") == caption
            and message.get("caption_entities", []) == entities
            and message.get("reply_markup") == markup
        ):
            raise self._not_modified()
        return self._store_edit(
            message,
            {"caption": caption, "caption_entities": entities, "reply_markup": markup},
        )

    def _edit_message_reply_markup(self, params: dict[str, Any]) -> Any:
        message = self._editable(params)
        markup = self._markup.validate(params.get("reply_markup"))
        if message is None:
            return True
        if message.get("reply_markup") == markup:
            raise self._not_modified()
        return self._store_edit(message, {"reply_markup": markup})

    def _delete_message(self, params: dict[str, Any]) -> Any:
        chat = self._s.chats.resolve(params.get("chat_id"))
        message_id = _int_param(params, "message_id", what="message identifier is not specified")
        if not self._s.messages.delete(chat["id"], message_id):
            raise bad_request("message to delete not found")
        return True

    # -- queries -----------------------------------------------------------------------------

    def _answer_callback_query(self, params: dict[str, Any]) -> Any:
        text = params.get("text")
        if text is not None and len(str(text)) > 200:
            raise bad_request("MESSAGE_TOO_LONG")
        self._s.queries.answer("callback", params.get("callback_query_id"))
        return True

    def _answer_inline_query(self, params: dict[str, Any]) -> Any:
        results = params.get("results")
        if not isinstance(results, list):
            raise bad_request("can't parse inline query results JSON object")
        if len(results) > MAX_INLINE_RESULTS:
            raise bad_request("RESULTS_TOO_MUCH")
        seen: set[str] = set()
        for result in results:
            self._check_inline_result(result, seen)
        next_offset = params.get("next_offset")
        if next_offset is not None and len(str(next_offset).encode("utf-8")) > 64:
            raise bad_request("NEXT_OFFSET_INVALID")
        self._s.queries.answer("inline", params.get("inline_query_id"))
        return True

    def _check_inline_result(self, result: Any, seen: set[str]) -> None:
        if not isinstance(result, dict):
            raise bad_request("can't parse InlineQueryResult JSON object")
        result_id = result.get("id")
        if not isinstance(result_id, str) or not result_id:
            raise bad_request("RESULT_ID_EMPTY")
        if len(result_id.encode("utf-8")) > MAX_INLINE_RESULT_ID_BYTES:
            raise bad_request("RESULT_ID_INVALID")
        if result_id in seen:
            raise bad_request("RESULT_ID_DUPLICATE")
        seen.add(result_id)
        if result.get("type") not in _INLINE_RESULT_TYPES:
            raise bad_request("RESULT_TYPE_INVALID")
        content = result.get("input_message_content")
        if result["type"] == "article":
            if not isinstance(result.get("title"), str) or not result["title"]:
                raise bad_request("RESULT_TITLE_EMPTY")
            if not isinstance(content, dict):
                raise bad_request("can't parse InputMessageContent JSON object")
        if isinstance(content, dict) and "message_text" in content:
            self._text.format(
                content.get("message_text"),
                content.get("parse_mode"),
                content.get("entities"),
                max_length=MAX_MESSAGE_LENGTH,
            )
        if "reply_markup" in result:
            markup = result["reply_markup"]
            if not isinstance(markup, dict) or "inline_keyboard" not in markup:
                raise bad_request("REPLY_MARKUP_INVALID")
            self._markup.inline_keyboard(markup)

    # -- commands and profile ----------------------------------------------------------------

    @staticmethod
    def _command_key(params: dict[str, Any]) -> str:
        scope = params.get("scope") or {"type": "default"}
        if not isinstance(scope, dict) or scope.get("type") not in _COMMAND_SCOPES:
            raise bad_request("can't parse BotCommandScope JSON object")
        language = params.get("language_code") or ""
        if language and not re.fullmatch(r"[a-z]{2}", str(language)):
            raise bad_request("invalid language code specified")
        return json.dumps([scope, language], sort_keys=True)

    def _set_my_commands(self, params: dict[str, Any]) -> Any:
        commands = params.get("commands")
        if not isinstance(commands, list):
            raise bad_request("can't parse commands JSON object")
        if len(commands) > 100:
            raise bad_request("too many commands specified")
        for command in commands:
            if not isinstance(command, dict):
                raise bad_request("can't parse BotCommand JSON object")
            if not re.fullmatch(r"[a-z0-9_]{1,32}", str(command.get("command", ""))):
                raise bad_request("BOT_COMMAND_INVALID")
            description = command.get("description")
            if not isinstance(description, str) or not 1 <= len(description) <= 256:
                raise bad_request("command description must be non-empty")
        key = self._command_key(params)
        self._s.commands[key] = [
            {"command": c["command"], "description": c["description"]} for c in commands
        ]
        return True

    def _get_my_commands(self, params: dict[str, Any]) -> Any:
        return list(self._s.commands.get(self._command_key(params), []))

    def _delete_my_commands(self, params: dict[str, Any]) -> Any:
        self._s.commands.pop(self._command_key(params), None)
        return True

    def _set_profile(self, params: dict[str, Any], name: str, limit: int) -> Any:
        value = params.get(name) or ""
        if len(str(value)) > limit:
            raise bad_request(f"{name} is too long")
        self._s.profile[f"{name}:{params.get('language_code') or ''}"] = str(value)
        return True

    def _get_profile(self, params: dict[str, Any], name: str) -> Any:
        key = f"{name}:{params.get('language_code') or ''}"
        default = self._s.bot_user["first_name"] if name == "name" else ""
        return {name: self._s.profile.get(key, default)}

    def _set_my_description(self, params: dict[str, Any]) -> Any:
        return self._set_profile(params, "description", 512)

    def _get_my_description(self, params: dict[str, Any]) -> Any:
        return self._get_profile(params, "description")

    def _set_my_short_description(self, params: dict[str, Any]) -> Any:
        return self._set_profile(params, "short_description", 120)

    def _get_my_short_description(self, params: dict[str, Any]) -> Any:
        return self._get_profile(params, "short_description")

    def _set_my_name(self, params: dict[str, Any]) -> Any:
        return self._set_profile(params, "name", 64)

    def _get_my_name(self, params: dict[str, Any]) -> Any:
        return self._get_profile(params, "name")

    def _set_chat_menu_button(self, params: dict[str, Any]) -> Any:
        button = params.get("menu_button") or {"type": "default"}
        if not isinstance(button, dict) or button.get("type") not in (
            "default",
            "commands",
            "web_app",
        ):
            raise bad_request("can't parse MenuButton JSON object")
        self._s.profile[f"menu_button:{params.get('chat_id', '')}"] = json.dumps(button)
        return True

    def _get_chat_menu_button(self, params: dict[str, Any]) -> Any:
        stored = self._s.profile.get(f"menu_button:{params.get('chat_id', '')}")
        return json.loads(stored) if stored else {"type": "default"}

    # -- chats and files ---------------------------------------------------------------------

    def _get_chat(self, params: dict[str, Any]) -> Any:
        chat = dict(self._s.chats.resolve(params.get("chat_id")))
        chat.update(
            accent_color_id=0,
            max_reaction_count=11,
            accepted_gift_types={
                "unlimited_gifts": False,
                "limited_gifts": False,
                "unique_gifts": False,
                "premium_subscription": False,
                "gifts_from_channels": False,
            },
        )
        return chat

    def _get_file(self, params: dict[str, Any]) -> Any:
        record = self._s.files.by_id(str(params.get("file_id", "")))
        if record is None:
            raise bad_request("invalid file_id")
        return {
            "file_id": record.file_id,
            "file_unique_id": record.file_unique_id,
            "file_size": len(record.data),
            "file_path": record.file_path,
        }


# --------------------------------------------------------------------------------------------
# Routing: HTTP request -> method call -> recorded Call + HTTP response
# --------------------------------------------------------------------------------------------


def _json_response(status: int, payload: Mapping[str, Any]) -> _Response:
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    try:
        body = text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates sent by a client: escape instead of failing
        body = json.dumps(payload, separators=(",", ":")).encode("ascii")
    return _Response(status, "application/json", body)


class BotAPIRouter:
    """Maps ``/bot<token>/<method>`` and ``/file/bot<token>/<path>`` onto the method table.

    Also the single place where calls are recorded and faults injected, so every request,
    including rejected and injected ones, shows up in :attr:`BotAPIEmulator.calls`.
    """

    def __init__(self, state: _State, methods: BotAPIMethods) -> None:
        self._s = state
        self._methods = methods

    def handle(
        self,
        target: str,
        headers: Mapping[str, str],
        body: bytes,
        client_gone: Callable[[], bool],
    ) -> _Response:
        """Never raises: emulator bugs become HTTP 500 plus an entry in internal_errors."""
        try:
            return self._handle(target, headers, body, client_gone)
        except Exception as exc:
            with self._s.cond:
                self._s.internal_errors.append(traceback.format_exc())
                self._s.cond.notify_all()
            error = BotAPIError(500, f"Internal Server Error: emulator failed: {exc!r}")
            return _json_response(500, error.to_payload())

    def _handle(
        self,
        target: str,
        headers: Mapping[str, str],
        body: bytes,
        client_gone: Callable[[], bool],
    ) -> _Response:
        parts = urllib.parse.urlsplit(target)
        path = parts.path
        if path.startswith("/file/bot"):
            return self._serve_file(path[len("/file/bot") :])
        if not path.startswith("/bot"):
            return _json_response(404, {"ok": False, "error_code": 404, "description": "Not Found"})
        token, _, method = path[len("/bot") :].partition("/")
        if urllib.parse.unquote(token) != self._s.token:
            return self._finish(method, {}, BotAPIError(401, "Unauthorized"))
        if not method:
            return self._finish(method, {}, BotAPIError(404, "Not Found: method not found"))
        try:
            params = RequestDecoder.decode(headers.get("Content-Type", ""), body, parts.query)
        except BotAPIError as exc:
            return self._finish(method, {}, exc)
        entry = self._methods.lookup(method)
        name = entry[0] if entry else method
        with self._s.lock:
            fault = self._s.faults.take(name)
        injected = fault is not None
        if fault is not None:
            if fault.delay:
                self._s.stopping.wait(fault.delay)
            if fault.status is not None:
                return self._finish(name, params, fault.to_error(), injected=True)
        if entry is None:
            return self._finish(name, params, BotAPIError(404, "Not Found: method not found"))
        handler = entry[1]
        with self._s.lock:
            try:
                if handler == self._methods._get_updates:
                    result = self._methods._get_updates(params, client_gone)
                else:
                    result = handler(params)
            except BotAPIError as exc:
                return self._finish(name, params, exc, injected=injected)
            except Exception as exc:  # an emulator bug: report it loudly, keep serving
                self._s.internal_errors.append(traceback.format_exc())
                error = BotAPIError(500, f"Internal Server Error: emulator failed: {exc!r}")
                return self._finish(name, params, error, injected=injected)
            return self._finish(name, params, result, injected=injected)

    def _finish(
        self, method: str, params: dict[str, Any], outcome: Any, *, injected: bool = False
    ) -> _Response:
        if isinstance(outcome, BotAPIError):
            status, result, error = outcome.error_code, None, outcome.description
            response = _json_response(status, outcome.to_payload())
        else:
            payload: dict[str, Any] = {"ok": True}
            if isinstance(outcome, _Described):
                payload.update(result=outcome.result, description=outcome.description)
                outcome = outcome.result
            else:
                payload["result"] = outcome
            status, result, error = 200, outcome, None
            response = _json_response(200, payload)
        call = Call(method, params, time.time(), status, result, error, injected)
        with self._s.cond:
            self._s.calls.append(call)
            self._s.cond.notify_all()
        return response

    def _serve_file(self, rest: str) -> _Response:
        token, _, file_path = rest.partition("/")
        if urllib.parse.unquote(token) != self._s.token:
            return _json_response(
                401, {"ok": False, "error_code": 401, "description": "Unauthorized"}
            )
        with self._s.lock:
            record = self._s.files.by_path(urllib.parse.unquote(file_path))
        if record is None:
            return _json_response(404, {"ok": False, "error_code": 404, "description": "Not Found"})
        return _Response(200, record.mime_type, record.data)


# --------------------------------------------------------------------------------------------
# Webhook delivery
# --------------------------------------------------------------------------------------------


class WebhookDeliverer:
    """Background thread that POSTs pending updates to the webhook, in order, with retries.

    Uses ``http.client`` directly (no proxies, no redirects) and re-checks that the host is the
    local machine right before connecting, so a test can never make the emulator call out.
    """

    def __init__(
        self, state: _State, *, max_attempts: int, retry_delay: float, timeout: float
    ) -> None:
        self._s = state
        self._max_attempts = max(1, max_attempts)
        self._retry_delay = retry_delay
        self._timeout = timeout
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="botapi-emu-webhook", daemon=True)
        self._thread.start()

    def join(self, timeout: float) -> None:
        if self._thread is not None:
            self._thread.join(timeout)

    def _run(self) -> None:
        s = self._s
        attempts: dict[int, int] = {}
        while True:
            with s.lock:
                while not s.stopping.is_set():
                    if s.webhook.url:
                        batch = s.updates.batch(1)
                        if batch:
                            break
                    s.updates_cond.wait()
                if s.stopping.is_set():
                    return
                update = batch[0]
                url, secret = s.webhook.url, s.webhook.secret_token
                body = json.dumps(update, ensure_ascii=False).encode("utf-8")
            update_id = update["update_id"]
            attempt = attempts.get(update_id, 0) + 1
            status, error = self._post(url, body, secret)
            delivery = WebhookDelivery(update_id, url, attempt, status, error, time.time())
            with s.cond:
                s.deliveries.append(delivery)
                if delivery.ok:
                    s.updates.remove(update_id)
                    attempts.pop(update_id, None)
                else:
                    s.webhook.last_error_date = _now()
                    s.webhook.last_error_message = error or (
                        f"Wrong response from the webhook: {status} {_phrase(status or 0)}"
                    )
                    if attempt >= self._max_attempts:
                        s.updates.remove(update_id)  # give up, like Telegram eventually does
                        attempts.pop(update_id, None)
                    else:
                        attempts[update_id] = attempt
                s.cond.notify_all()
            if not delivery.ok and attempt < self._max_attempts:
                s.stopping.wait(self._retry_delay * attempt)

    def _post(self, url: str, body: bytes, secret: str | None) -> tuple[int | None, str | None]:
        parts = urllib.parse.urlsplit(url)
        host = (parts.hostname or "").lower()
        if host not in _LOCAL_HOSTS:
            return None, "refused: webhook host is not local"
        headers = {"Content-Type": "application/json", "Content-Length": str(len(body))}
        if secret:
            headers["X-Telegram-Bot-Api-Secret-Token"] = secret
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        connection: http.client.HTTPConnection
        if parts.scheme == "https":
            context = ssl.create_default_context()
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
            connection = http.client.HTTPSConnection(
                host, parts.port or 443, timeout=self._timeout, context=context
            )
        else:
            connection = http.client.HTTPConnection(host, parts.port or 80, timeout=self._timeout)
        try:
            connection.request("POST", path, body, headers)
            response = connection.getresponse()
            response.read()
            return response.status, None
        except (OSError, http.client.HTTPException) as exc:
            return None, f"{type(exc).__name__}: {exc}"
        finally:
            connection.close()


# --------------------------------------------------------------------------------------------
# HTTP server
# --------------------------------------------------------------------------------------------


class _RequestHandler(BaseHTTPRequestHandler):
    """HTTP/1.1 keep-alive handler; one thread per connection (httpx pools connections)."""

    protocol_version = "HTTP/1.1"
    server_version = "nginx/1.18.0"
    sys_version = ""
    server: _Server

    def setup(self) -> None:
        super().setup()
        # Headers and body go out in one write, and Nagle is off: otherwise delayed ACKs
        # add ~40 ms per request, which would dominate throughput benchmarks.
        with contextlib.suppress(OSError):
            self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format: str, *args: Any) -> None:
        return

    def do_GET(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        self._serve()

    def _serve(self) -> None:
        try:
            body = self._read_body()
        except ValueError as exc:
            self._write(
                _json_response(400, {"ok": False, "error_code": 400, "description": str(exc)})
            )
            self.close_connection = True
            return
        response = self.server.router.handle(self.path, self.headers, body, self._client_gone)
        self._write(response)

    def _read_body(self) -> bytes:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            chunks = []
            total = 0
            while True:
                size = int(self.rfile.readline().split(b";", 1)[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return b"".join(chunks)
                total += size
                if total > MAX_BODY_BYTES:
                    raise ValueError("Request Entity Too Large")
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY_BYTES:
            raise ValueError("Request Entity Too Large")
        return self.rfile.read(length) if length > 0 else b""

    def _client_gone(self) -> bool:
        """True once the client closed its end (e.g. PTB cancelled a long poll on shutdown)."""
        try:
            data = self.connection.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT)
        except BlockingIOError:
            return False
        except OSError:
            return True
        return data == b""

    def _write(self, response: _Response) -> None:
        head = (
            f"HTTP/1.1 {response.status} {_phrase(response.status)}\r\n"
            f"Server: {self.server_version}\r\n"
            f"Date: {email.utils.formatdate(usegmt=True)}\r\n"
            f"Content-Type: {response.content_type}\r\n"
            f"Content-Length: {len(response.body)}\r\n"
            f"Connection: {'close' if self.close_connection else 'keep-alive'}\r\n\r\n"
        )
        try:
            self.wfile.write(head.encode("latin-1") + response.body)
        except OSError:
            self.close_connection = True


class _Server(ThreadingHTTPServer):
    """ThreadingHTTPServer that tracks live connections so stop() can close and join them."""

    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 256

    def __init__(self, address: tuple[str, int], router: BotAPIRouter) -> None:
        self.router = router
        self._connections: dict[threading.Thread, socket.socket] = {}
        self._connections_lock = threading.Lock()
        self._closing = False
        super().__init__(address, _RequestHandler)

    def serve(self) -> None:
        """Blocking accept loop.  Unlike serve_forever() there is no select() poll interval:
        stop_accepting() shuts the listening socket down, which wakes accept() at once."""
        while True:
            try:
                request, client_address = self.get_request()
            except OSError:
                return
            if self._closing:
                self.shutdown_request(request)
                return
            self.process_request(request, client_address)

    def stop_accepting(self) -> None:
        self._closing = True
        with contextlib.suppress(OSError):
            self.socket.shutdown(socket.SHUT_RDWR)
        self.server_close()

    def process_request(self, request: Any, client_address: Any) -> None:
        thread = threading.Thread(
            target=self._serve_connection,
            args=(request, client_address),
            name="botapi-emu-conn",
            daemon=True,
        )
        with self._connections_lock:
            self._connections[thread] = request
        thread.start()

    def _serve_connection(self, request: Any, client_address: Any) -> None:
        try:
            self.finish_request(request, client_address)
        except Exception:  # a dropped client connection is not an emulator error
            pass
        finally:
            self.shutdown_request(request)
            with self._connections_lock:
                self._connections.pop(threading.current_thread(), None)

    def handle_error(self, request: Any, client_address: Any) -> None:
        return

    def close_connections(self, timeout: float) -> None:
        with self._connections_lock:
            live = list(self._connections.items())
        for _, sock in live:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
        deadline = time.monotonic() + timeout
        for thread, _ in live:
            thread.join(max(0.0, deadline - time.monotonic()))


# --------------------------------------------------------------------------------------------
# Update builders
# --------------------------------------------------------------------------------------------


class UpdateFactory:
    """Builds realistic Update payloads; message ids come from the same per-chat counter the
    bot's own messages use, so ids interleave like in a real chat.  Builders return dicts and
    do not push them, so tests can tweak a payload before :meth:`BotAPIEmulator.push_update`.
    """

    def __init__(self, state: _State) -> None:
        self._s = state

    @staticmethod
    def user(
        user_id: int = DEFAULT_USER["id"],
        first_name: str = DEFAULT_USER["first_name"],
        username: str | None = DEFAULT_USER["username"],
        **extra: Any,
    ) -> dict[str, Any]:
        user: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": first_name}
        if username:
            user["username"] = username
        user.update(extra)
        return user

    @staticmethod
    def private_chat(user: Mapping[str, Any]) -> dict[str, Any]:
        chat = {"id": user["id"], "type": "private", "first_name": user.get("first_name", "")}
        for key in ("last_name", "username"):
            if user.get(key):
                chat[key] = user[key]
        return chat

    def _message(
        self,
        chat: dict[str, Any],
        sender: Mapping[str, Any] | None,
        *,
        text: str | None = None,
        entities: list[dict[str, Any]] | None = None,
        reply_to: int | Mapping[str, Any] | None = None,
        **content: Any,
    ) -> dict[str, Any]:
        message: dict[str, Any] = {"message_id": self._s.messages.next_id(chat["id"])}
        if sender is not None:
            message["from"] = dict(sender)
        message.update(chat=dict(chat), date=_now())
        if text is not None:
            message["text"] = text
            auto = find_auto_entities(text) if entities is None else entities
            if auto:
                message["entities"] = auto
        if reply_to is not None:
            message["reply_to_message"] = self._reply(chat, reply_to)
        message.update(content)
        return message

    def _reply(self, chat: Mapping[str, Any], reply_to: int | Mapping[str, Any]) -> dict[str, Any]:
        if isinstance(reply_to, Mapping):
            original: Mapping[str, Any] | None = reply_to
        else:
            original = self._s.messages.get(chat["id"], int(reply_to))
            if original is None:
                original = {
                    "message_id": int(reply_to),
                    "chat": dict(chat),
                    "date": _now(),
                    "text": "",
                }
        return {key: value for key, value in original.items() if key != "reply_to_message"}

    def private_message(
        self,
        text: str,
        user: Mapping[str, Any] | None = None,
        chat: Mapping[str, Any] | None = None,
        *,
        entities: list[dict[str, Any]] | None = None,
        reply_to: int | Mapping[str, Any] | None = None,
        **extra: Any,
    ) -> dict[str, Any]:
        sender = dict(user or DEFAULT_USER)
        the_chat = dict(chat) if chat else self.private_chat(sender)
        message = self._message(
            the_chat, sender, text=text, entities=entities, reply_to=reply_to, **extra
        )
        return {"message": message}

    def _group_chat(
        self, chat_id: int, chat_type: str, title: str | None, username: str | None
    ) -> dict[str, Any]:
        known = self._s.chats.get(chat_id)
        chat = dict(known) if known else {"id": chat_id, "type": chat_type}
        chat["type"] = chat_type
        chat["title"] = title or chat.get("title") or "SCR Test Group"
        if username:
            chat["username"] = username
        return chat

    def group_message(
        self,
        text: str,
        chat_id: int = DEFAULT_GROUP_ID,
        entities: list[dict[str, Any]] | None = None,
        reply_to: int | Mapping[str, Any] | None = None,
        chat_type: str = "supergroup",
        *,
        user: Mapping[str, Any] | None = None,
        title: str | None = None,
        username: str | None = None,
        **extra: Any,
    ) -> dict[str, Any]:
        chat = self._group_chat(chat_id, chat_type, title, username)
        message = self._message(
            chat, user or DEFAULT_USER, text=text, entities=entities, reply_to=reply_to, **extra
        )
        return {"message": message}

    def edited_message(
        self,
        text: str,
        message: int | Mapping[str, Any] | None = None,
        user: Mapping[str, Any] | None = None,
        chat: Mapping[str, Any] | None = None,
        *,
        entities: list[dict[str, Any]] | None = None,
    ) -> dict[str, Any]:
        """Edit of an earlier message (dict or message_id in ``chat``), or a fresh one."""
        sender = dict(user or DEFAULT_USER)
        the_chat = dict(chat) if chat else self.private_chat(sender)
        original: Mapping[str, Any] | None = None
        if isinstance(message, Mapping):
            original = message
        elif isinstance(message, int):
            original = self._s.messages.get(the_chat["id"], message)
        if original is None:
            edited = self._message(the_chat, sender, text=text, entities=entities)
        else:
            edited = {k: v for k, v in original.items() if k not in ("text", "entities")}
            edited["text"] = text
            auto = find_auto_entities(text) if entities is None else entities
            if auto:
                edited["entities"] = auto
        edited["edit_date"] = _now()
        return {"edited_message": edited}

    def inline_query(
        self,
        query: str,
        user: Mapping[str, Any] | None = None,
        *,
        offset: str = "",
        chat_type: str | None = "private",
    ) -> dict[str, Any]:
        inline: dict[str, Any] = {
            "id": self._s.queries.new_id(),
            "from": dict(user or DEFAULT_USER),
            "query": query,
            "offset": offset,
        }
        if chat_type:
            inline["chat_type"] = chat_type
        return {"inline_query": inline}

    def callback_query(
        self,
        data: str,
        message: Mapping[str, Any] | None = None,
        user: Mapping[str, Any] | None = None,
        *,
        inline_message_id: str | None = None,
    ) -> dict[str, Any]:
        """A button press; by default on the bot's latest message in the user's chat."""
        sender = dict(user or DEFAULT_USER)
        query: dict[str, Any] = {
            "id": self._s.queries.new_id(),
            "from": sender,
            "chat_instance": str(abs(hash((sender["id"], "chat"))) % 10**18),
            "data": data,
        }
        if inline_message_id is not None:
            query["inline_message_id"] = inline_message_id
            return {"callback_query": query}
        if message is None:
            message = self._s.messages.last_bot_message(sender["id"])
            if message is None:
                message = self._s.messages.last_bot_message()
        elif "chat" in message and "message_id" in message:
            stored = self._s.messages.get(message["chat"]["id"], message["message_id"])
            message = stored or message
        if message is None:
            chat = self.private_chat(sender)
            keyboard = {"inline_keyboard": [[{"text": data, "callback_data": data}]]}
            message = self._message(
                chat, self._s.bot_user, text="Choose:", entities=[], reply_markup=keyboard
            )
        query["message"] = dict(message)
        return {"callback_query": query}

    def sticker_message(
        self,
        emoji: str = "👍",
        user: Mapping[str, Any] | None = None,
        chat: Mapping[str, Any] | None = None,
        *,
        set_name: str = "scr_test_stickers",
    ) -> dict[str, Any]:
        sender = dict(user or DEFAULT_USER)
        the_chat = dict(chat) if chat else self.private_chat(sender)
        record = self._s.files.add(
            b"RIFF\x00\x00\x00\x00WEBPVP8 ", "stickers", "webp", "image/webp"
        )
        sticker = {
            "file_id": record.file_id,
            "file_unique_id": record.file_unique_id,
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "emoji": emoji,
            "set_name": set_name,
            "file_size": len(record.data),
        }
        return {"message": self._message(the_chat, sender, sticker=sticker)}

    def photo_message(
        self,
        caption: str | None = None,
        user: Mapping[str, Any] | None = None,
        chat: Mapping[str, Any] | None = None,
        *,
        width: int = 1280,
        height: int = 720,
    ) -> dict[str, Any]:
        sender = dict(user or DEFAULT_USER)
        the_chat = dict(chat) if chat else self.private_chat(sender)
        sizes = self._s.files.add_photo(tiny_png(), width, height)
        content: dict[str, Any] = {"photo": sizes}
        if caption:
            content["caption"] = caption
            entities = find_auto_entities(caption)
            if entities:
                content["caption_entities"] = entities
        return {"message": self._message(the_chat, sender, **content)}

    def channel_post(
        self,
        text: str,
        chat_id: int = DEFAULT_CHANNEL_ID,
        *,
        title: str = "SCR Channel",
        username: str | None = "scr_channel",
        entities: list[dict[str, Any]] | None = None,
    ) -> dict[str, Any]:
        chat: dict[str, Any] = {"id": chat_id, "type": "channel", "title": title}
        if username:
            chat["username"] = username
        message = self._message(chat, None, text=text, entities=entities, sender_chat=chat)
        return {"channel_post": message}

    def new_chat_members(
        self,
        members: Iterable[Mapping[str, Any]] | None = None,
        chat_id: int = DEFAULT_GROUP_ID,
        *,
        user: Mapping[str, Any] | None = None,
        chat_type: str = "supergroup",
        title: str | None = None,
    ) -> dict[str, Any]:
        """Service message; default: the bot itself was added to the group by ``user``."""
        chat = self._group_chat(chat_id, chat_type, title, None)
        new = [dict(m) for m in members] if members is not None else [dict(self._s.bot_user)]
        message = self._message(chat, user or DEFAULT_USER, new_chat_members=new)
        return {"message": message}


# --------------------------------------------------------------------------------------------
# Facade
# --------------------------------------------------------------------------------------------


class BotAPIEmulator:
    """The Bot API server plus the test-side API (push updates, inspect calls, inject faults).

    All public methods are thread-safe and may be called from the pytest thread while the bot
    talks to the server from its own threads or processes.
    """

    def __init__(
        self,
        token: str = DEFAULT_TOKEN,
        *,
        port: int = 0,
        bot_user: Mapping[str, Any] | None = None,
        first_update_id: int = 1,
        webhook_max_attempts: int = 3,
        webhook_retry_delay: float = 0.05,
        webhook_timeout: float = 5.0,
        max_recorded_calls: int | None = None,
    ) -> None:
        user = dict(DEFAULT_BOT_USER)
        prefix = token.split(":", 1)[0]
        if prefix.isdigit():
            user["id"] = int(prefix)
        user.update(bot_user or {})
        lock = threading.RLock()
        self._state = _State(
            token=token,
            bot_user=user,
            lock=lock,
            cond=threading.Condition(lock),
            updates_cond=threading.Condition(lock),
            stopping=threading.Event(),
            chats=ChatRegistry(),
            messages=MessageStore(),
            files=FileStore(),
            queries=QueryRegistry(),
            updates=UpdateStore(first_update_id),
            webhook=WebhookConfig(),
            calls=CallLog(max_recorded_calls),
            faults=FaultInjector(),
        )
        self._methods = BotAPIMethods(self._state)
        self._router = BotAPIRouter(self._state, self._methods)
        self._factory = UpdateFactory(self._state)
        self._webhook = WebhookDeliverer(
            self._state,
            max_attempts=webhook_max_attempts,
            retry_delay=webhook_retry_delay,
            timeout=webhook_timeout,
        )
        self._requested_port = port
        self._server: _Server | None = None
        self._serve_thread: threading.Thread | None = None

    # -- lifecycle ---------------------------------------------------------------------------

    def start(self) -> BotAPIEmulator:
        if self._server is not None:
            raise RuntimeError("emulator already started")
        self._server = _Server(("127.0.0.1", self._requested_port), self._router)
        self._serve_thread = threading.Thread(
            target=self._server.serve,
            name="botapi-emu-server",
            daemon=True,
        )
        self._serve_thread.start()
        self._webhook.start()
        return self

    def stop(self, timeout: float = 2.0) -> None:
        """Wake long polls, stop accepting, close client connections and join all threads."""
        server = self._server
        if server is None or self._state.stopping.is_set():
            return
        with self._state.cond:
            self._state.stopping.set()
            self._state.notify_all()
        server.stop_accepting()
        server.close_connections(timeout)
        self._webhook.join(timeout)
        if self._serve_thread is not None:
            self._serve_thread.join(timeout)

    def __enter__(self) -> BotAPIEmulator:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # -- addresses ---------------------------------------------------------------------------

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("emulator not started")
        return int(self._server.server_address[1])

    @property
    def token(self) -> str:
        return self._state.token

    @property
    def bot_user(self) -> dict[str, Any]:
        return dict(self._state.bot_user)

    @property
    def base_url(self) -> str:
        """For PTB's ``base_url``: PTB appends ``<token>/<method>``."""
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def base_file_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/file/bot"

    # -- pushing updates ---------------------------------------------------------------------

    def push_update(self, update: Mapping[str, Any]) -> int:
        """Queue an update (update_id assigned automatically) and return its update_id."""
        return self.push_updates([update])[0]

    def push_updates(self, updates: Iterable[Mapping[str, Any]]) -> list[int]:
        """Queue many updates with a single wake-up (cheap enough for throughput benchmarks)."""
        copies = [json.loads(json.dumps(update)) for update in updates]
        with self._state.cond:
            ids = []
            for update in copies:
                self._state.observe_update(update)
                ids.append(self._state.updates.push(update))
            self._state.notify_all()
        return ids

    def polling_clients(self) -> int:
        """getUpdates requests currently blocked in a long poll (i.e. "the bot is polling")."""
        with self._state.lock:
            return self._state.updates.waiting

    def pending_updates(self) -> int:
        """Updates not yet confirmed by getUpdates offset or delivered to the webhook."""
        with self._state.lock:
            return len(self._state.updates)

    # -- builders (see UpdateFactory) ----------------------------------------------------------

    def user(
        self,
        user_id: int = DEFAULT_USER["id"],
        first_name: str = "Alice",
        username: str | None = "alice_tester",
        **extra: Any,
    ) -> dict[str, Any]:
        return UpdateFactory.user(user_id, first_name, username, **extra)

    def private_message(
        self,
        text: str,
        user: Mapping[str, Any] | None = None,
        chat: Mapping[str, Any] | None = None,
        **kwargs: Any,
    ) -> dict[str, Any]:
        with self._state.lock:
            return self._factory.private_message(text, user, chat, **kwargs)

    def group_message(
        self,
        text: str,
        chat_id: int = DEFAULT_GROUP_ID,
        entities: list[dict[str, Any]] | None = None,
        reply_to: int | Mapping[str, Any] | None = None,
        chat_type: str = "supergroup",
        **kwargs: Any,
    ) -> dict[str, Any]:
        with self._state.lock:
            return self._factory.group_message(
                text, chat_id, entities, reply_to, chat_type, **kwargs
            )

    def edited_message(
        self,
        text: str,
        message: int | Mapping[str, Any] | None = None,
        user: Mapping[str, Any] | None = None,
        chat: Mapping[str, Any] | None = None,
        **kwargs: Any,
    ) -> dict[str, Any]:
        with self._state.lock:
            return self._factory.edited_message(text, message, user, chat, **kwargs)

    def inline_query(
        self, query: str, user: Mapping[str, Any] | None = None, **kwargs: Any
    ) -> dict[str, Any]:
        with self._state.lock:
            return self._factory.inline_query(query, user, **kwargs)

    def callback_query(
        self,
        data: str,
        message: Mapping[str, Any] | None = None,
        user: Mapping[str, Any] | None = None,
        **kwargs: Any,
    ) -> dict[str, Any]:
        with self._state.lock:
            return self._factory.callback_query(data, message, user, **kwargs)

    def sticker_message(
        self,
        emoji: str = "👍",
        user: Mapping[str, Any] | None = None,
        chat: Mapping[str, Any] | None = None,
        **kwargs: Any,
    ) -> dict[str, Any]:
        with self._state.lock:
            return self._factory.sticker_message(emoji, user, chat, **kwargs)

    def photo_message(
        self,
        caption: str | None = None,
        user: Mapping[str, Any] | None = None,
        chat: Mapping[str, Any] | None = None,
        **kwargs: Any,
    ) -> dict[str, Any]:
        with self._state.lock:
            return self._factory.photo_message(caption, user, chat, **kwargs)

    def channel_post(
        self, text: str, chat_id: int = DEFAULT_CHANNEL_ID, **kwargs: Any
    ) -> dict[str, Any]:
        with self._state.lock:
            return self._factory.channel_post(text, chat_id, **kwargs)

    def new_chat_members(
        self,
        members: Iterable[Mapping[str, Any]] | None = None,
        chat_id: int = DEFAULT_GROUP_ID,
        **kwargs: Any,
    ) -> dict[str, Any]:
        with self._state.lock:
            return self._factory.new_chat_members(members, chat_id, **kwargs)

    # -- inspecting calls ----------------------------------------------------------------------

    @property
    def calls(self) -> list[Call]:
        with self._state.lock:
            return self._state.calls.snapshot()

    def call_count(self) -> int:
        with self._state.lock:
            return len(self._state.calls)

    def calls_since(self, start: int) -> list[Call]:
        """``calls[start:]`` without copying the whole log: a long benchmark polls it thousands of times."""
        with self._state.lock:
            return self._state.calls.since(start)

    def calls_to(self, method: str) -> list[Call]:
        with self._state.lock:
            return self._state.calls.matching(method)

    def reset_calls(self) -> None:
        with self._state.cond:
            self._state.calls.clear()
            self._state.cond.notify_all()

    def sent_messages(self, chat_id: int | str | None = None) -> list[dict[str, Any]]:
        """Messages the bot successfully sent (as returned to it), oldest first."""
        messages = [
            call.result
            for call in self.calls
            if call.method in _SEND_METHODS and call.ok and isinstance(call.result, dict)
        ]
        if chat_id is None:
            return messages
        return [m for m in messages if self._chat_matches(m["chat"], chat_id)]

    def sent_texts(self, chat_id: int | str | None = None) -> list[str]:
        return [m.get("text", m.get("caption", "")) for m in self.sent_messages(chat_id)]

    @staticmethod
    def _chat_matches(chat: Mapping[str, Any], wanted: int | str) -> bool:
        if isinstance(wanted, str) and wanted.startswith("@"):
            return str(chat.get("username", "")).lower() == wanted[1:].lower()
        return str(chat["id"]) == str(wanted)

    def wait_for(self, predicate: Callable[[], Any], timeout: float = 5.0) -> Any:
        """Block until ``predicate()`` is truthy (re-checked on every state change).

        Returns the predicate's value; raises TimeoutError otherwise.  The predicate runs with
        the emulator lock held, so it may freely call other emulator methods.
        """
        deadline = time.monotonic() + timeout
        with self._state.cond:
            while True:
                value = predicate()
                if value:
                    return value
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    methods = [call.method for call in self._state.calls.snapshot()]
                    raise TimeoutError(
                        f"condition not met within {timeout}s; calls so far: {methods[-20:]}"
                    )
                self._state.cond.wait(remaining)

    def wait_for_calls(self, method: str, count: int = 1, timeout: float = 5.0) -> list[Call]:
        """Block until at least ``count`` calls to ``method`` were recorded; return them."""

        def enough() -> list[Call] | None:
            calls = self._state.calls.matching(method)
            return calls if len(calls) >= count else None

        try:
            return self.wait_for(enough, timeout)
        except TimeoutError as exc:
            raise TimeoutError(f"expected {count} call(s) to {method}: {exc}") from None

    # -- webhook -------------------------------------------------------------------------------

    @property
    def webhook_url(self) -> str:
        with self._state.lock:
            return self._state.webhook.url

    @property
    def webhook_deliveries(self) -> list[WebhookDelivery]:
        with self._state.lock:
            return list(self._state.deliveries)

    # -- faults and extension ------------------------------------------------------------------

    def inject_fault(
        self,
        method: str,
        status: int | None = 500,
        *,
        retry_after: int | None = None,
        count: int = 1,
        delay: float | None = None,
        description: str | None = None,
    ) -> None:
        """Make the next ``count`` calls to ``method`` (``"*"``: any method) misbehave.

        ``status`` 429 gets ``parameters.retry_after`` (default 1) like Telegram's flood
        control; other statuses get Telegram-like descriptions (override with
        ``description``, e.g. ``status=403, description="Forbidden: bot was blocked by the
        user"``).  ``delay`` seconds are waited before answering (to provoke client timeouts);
        with ``status=None`` the call is only delayed and then handled normally.
        """
        if status is None and not delay:
            raise ValueError("a fault needs a status, a delay, or both")
        if status == 429 and retry_after is None:
            retry_after = 1
        fault = _Fault(status, retry_after, delay, description)
        with self._state.lock:
            self._state.faults.add(method, fault, count)

    def clear_faults(self) -> None:
        with self._state.lock:
            self._state.faults.clear()

    def add_method(self, name: str, handler: Callable[[dict[str, Any]], Any]) -> None:
        """Serve an extra Bot API method: ``handler(params) -> result`` (raise BotAPIError)."""
        with self._state.lock:
            self._methods.add(name, handler)

    @property
    def internal_errors(self) -> list[str]:
        """Tracebacks of emulator bugs (answered as HTTP 500); tests can assert it is empty."""
        with self._state.lock:
            return list(self._state.internal_errors)

    # -- read-only views -----------------------------------------------------------------------

    def message(self, chat_id: int, message_id: int) -> dict[str, Any] | None:
        """Current stored state of a message (after edits), None if unknown or deleted."""
        with self._state.lock:
            return self._state.messages.get(chat_id, message_id)

    def commands(
        self, scope: Mapping[str, Any] | None = None, language_code: str = ""
    ) -> list[dict[str, str]]:
        key = json.dumps([dict(scope or {"type": "default"}), language_code], sort_keys=True)
        with self._state.lock:
            return list(self._state.commands.get(key, []))
