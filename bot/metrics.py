"""The bot's Prometheus metrics, defined once: what `GET /metrics` on the webhook's port shows.

Counters only ever carry the fixed labels below (the kind of an update or answer, an outcome):
never a user id, chat id, name or text, so what the endpoint shows cannot identify anyone.

prometheus_client is imported only when metrics are switched on, which building the webhook server
does (`enable()`); until then every recording function here is a check of its arguments and a no-op,
so `scrbot ask`, the console and long polling never import it. The metrics live in their own
`CollectorRegistry`, not prometheus_client's global one, so tests (and several servers in one
process) never collide over metric names.

Recording, from anywhere in the bot::

    from bot import metrics
    metrics.answered("clarify")      # an answer of that kind was sent
    metrics.limit_notice()           # someone was told to slow down
    metrics.store_error()            # the store failed to read or write

The webhook server records each update itself (`update(kind, outcome, seconds)`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

UPDATE_KINDS = ("message", "callback", "inline", "other")
# handled: handled here; duplicate: handled before or being handled (answered 200, not handled again);
# busy: refused for now, to be delivered again (the server is draining, or the handler said so);
# failed: handling raised; rejected: not a valid update from Telegram (wrong secret, bad body, too big).
OUTCOMES = ("handled", "duplicate", "busy", "failed", "rejected")
ANSWER_KINDS = ("answer", "clarify", "decline", "notice")
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)  # seconds

_MESSAGES = ("message", "edited_message", "channel_post", "edited_channel_post")
_INLINE = ("inline_query", "chosen_inline_result")


def update_kind(data: Mapping[str, Any] | None) -> str:
    """The kind label of a raw update (the JSON Telegram posts): message, callback, inline or other."""
    if not isinstance(data, Mapping):
        return "other"
    if any(key in data for key in _MESSAGES):
        return "message"
    if "callback_query" in data:
        return "callback"
    if any(key in data for key in _INLINE):
        return "inline"
    return "other"


def _check(value: str, allowed: tuple[str, ...], what: str) -> None:
    if value not in allowed:
        raise ValueError(f"{what} must be one of {', '.join(allowed)}, not {value!r}")


class Metrics:
    """Every metric of the bot, in one registry of its own."""

    def __init__(self) -> None:
        from prometheus_client import CollectorRegistry, Counter, Histogram

        self.registry = CollectorRegistry()
        self.updates = Counter(
            "scrbot_updates", "Updates received on the webhook, by kind and outcome.", ["kind", "outcome"],
            registry=self.registry,
        )
        self.answers = Counter("scrbot_answers", "Replies sent, by kind.", ["kind"], registry=self.registry)
        self.update_seconds = Histogram(
            "scrbot_update_seconds", "Seconds from an update's arrival to the end of its handling.",
            buckets=LATENCY_BUCKETS, registry=self.registry,
        )
        self.store_errors = Counter(
            "scrbot_store_errors", "Failed reads or writes of the store.", registry=self.registry
        )
        self.limit_notices = Counter(
            "scrbot_limit_notices", "Notices that a rate limit was reached.", registry=self.registry
        )
        for kind in UPDATE_KINDS:  # every series exists from the start, at 0, so rates work from the first scrape
            for outcome in OUTCOMES:
                self.updates.labels(kind, outcome)
        for kind in ANSWER_KINDS:
            self.answers.labels(kind)

    def update(self, kind: str, outcome: str, seconds: float | None = None) -> None:
        _check(kind, UPDATE_KINDS, "an update's kind")
        _check(outcome, OUTCOMES, "an update's outcome")
        self.updates.labels(kind, outcome).inc()
        if seconds is not None:
            self.update_seconds.observe(seconds)

    def answered(self, kind: str) -> None:
        _check(kind, ANSWER_KINDS, "an answer's kind")
        self.answers.labels(kind).inc()

    def store_error(self) -> None:
        self.store_errors.inc()

    def limit_notice(self) -> None:
        self.limit_notices.inc()

    def render(self) -> tuple[bytes, str]:
        """The exposition text and its Content-Type."""
        from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

        return generate_latest(self.registry), CONTENT_TYPE_LATEST


_current: Metrics | None = None


def enable() -> Metrics:
    """Switch the process's metrics on (imports prometheus_client) and return them; idempotent."""
    global _current
    if _current is None:
        _current = Metrics()
    return _current


def current() -> Metrics | None:
    """The process's metrics, or None while they are off."""
    return _current


def update(kind: str, outcome: str, seconds: float | None = None) -> None:
    """One update of `kind` ended with `outcome`; `seconds` is its handling time, when it was handled."""
    if _current is not None:
        _current.update(kind, outcome, seconds)
    else:
        _check(kind, UPDATE_KINDS, "an update's kind")
        _check(outcome, OUTCOMES, "an update's outcome")


def answered(kind: str) -> None:
    """A reply was sent: answer, clarify (did you mean), decline, or notice (help, limits, hints)."""
    if _current is not None:
        _current.answered(kind)
    else:
        _check(kind, ANSWER_KINDS, "an answer's kind")


def store_error() -> None:
    """The store failed to read or write (the bot carried on)."""
    if _current is not None:
        _current.store_error()


def limit_notice() -> None:
    """Someone was told they reached a question limit."""
    if _current is not None:
        _current.limit_notice()
