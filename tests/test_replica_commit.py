"""What a webhook replica commits, and when: in-process, each step of `WebhookServer._handle` exact.

Found while testing replicas (tests/test_replicas.py):

* the context written after the reply was sent failing (a Redis blip) raised `StoreError`, so the
  update was given back with 503 and answered a second time;
* the question log (written on the recorder's thread) could still be unwritten when the update was
  marked handled: a replica killed in between lost the count for good; now `settle` comes first;
* a claim taken for an update this replica handled before (its `finish` had failed) was never
  finished, so once that lease expired another replica could answer it again.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from bot import metrics
from bot.core import Conversation, Incoming
from bot.engine import Engine
from bot.state import Claim, LocalStore, StoreError
from bot.telegram.polling import Tracker
from bot.telegram.webhook import WebhookServer

QUESTION = "how many SCRs were published in 2013/14?"


class KeepFails(LocalStore):
    """Reads work; writing a context fails (the store went away during the send)."""

    def __init__(self) -> None:
        super().__init__(None)

    async def put_versioned(self, namespace: str, key: str, value: dict, ttl: float | None = None) -> bool:
        raise StoreError("Redis at 127.0.0.1:6379/0 could not write a versioned value (ConnectionError)")


async def test_a_context_write_failing_after_the_send_does_not_give_the_update_back(engine: Engine) -> None:
    sent: list[str] = []

    async def send(reply: Any) -> None:
        sent.append(reply.text)

    reply = await Conversation(engine, KeepFails()).turn(Incoming(QUESTION, 1, 1, update_id=9), send)
    assert reply is not None and sent == ["In 2013/14, 71 SCRs were published."]  # sent once, and no raise


class Store:
    """A store that says what it was asked, in order; `claim` answers from `claims`."""

    def __init__(self, events: list[str], *claims: Claim) -> None:
        self.events = events
        self.claims = list(claims)

    async def claim(self, update_id: int, lease: float) -> Claim:
        self.events.append(f"claim {update_id}")
        return self.claims.pop(0) if self.claims else Claim.MINE

    async def finish(self, update_id: int) -> None:
        self.events.append(f"finish {update_id}")

    async def release(self, update_id: int) -> None:
        self.events.append(f"release {update_id}")


class App:
    """Just what `_handle` uses of the Application: a tracker, a bot, and a turn that the test controls."""

    def __init__(self, events: list[str]) -> None:
        self.events = events
        self.tracker = Tracker()
        self.bot = None
        self.running = True
        self.fail = False
        self.update_processor = SimpleNamespace(process_update=self._run)

    async def _run(self, update: Any, coroutine: Any) -> None:
        await coroutine

    async def process_update(self, update: Any) -> None:
        self.events.append(f"turn {update.update_id}")
        if self.fail:
            self.tracker.failed.add(update.update_id)  # what handlers.on_error does for a StoreError
        self.tracker.release(update.update_id) if self.fail else self.tracker.done(update.update_id)


def update(update_id: int) -> dict[str, Any]:
    return {"update_id": update_id, "message": {"message_id": 1, "date": 0, "text": "hi",
                                                "chat": {"id": 5, "type": "private"}}}  # fmt: skip


def server(events: list[str], store: Store, settle: Any = None) -> tuple[WebhookServer, App]:
    app = App(events)
    hook = WebhookServer(app, "hook", "", "127.0.0.1", 0, store=store, settle=settle,  # type: ignore[arg-type]
                         metrics=metrics.Metrics())  # fmt: skip
    return hook, app


async def test_the_question_log_is_settled_before_the_update_is_marked_handled() -> None:
    events: list[str] = []

    async def settle() -> None:
        events.append("settle")

    hook, _ = server(events, Store(events), settle)
    assert await hook._dispatch(update(1), "message") == 200
    assert events == ["claim 1", "turn 1", "settle", "finish 1"]


async def test_a_settle_that_fails_still_finishes_an_answered_update() -> None:
    events: list[str] = []

    async def settle() -> None:
        raise TimeoutError

    hook, _ = server(events, Store(events), settle)
    assert await hook._dispatch(update(2), "message") == 200
    assert events == ["claim 2", "turn 2", "finish 2"]


async def test_a_claim_for_an_update_handled_here_before_is_finished() -> None:
    events: list[str] = []
    hook, app = server(events, Store(events))
    app.tracker.done(3)  # handled here; say the store missed its finish, and the lease expired since
    assert await hook._dispatch(update(3), "message") == 200
    assert events == ["claim 3", "finish 3"]  # not answered again, and now marked handled for every replica
