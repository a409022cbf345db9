"""The store writes of a call's life, queued in order on the desk's one writer thread.

Each job commits to the local store and queues the same row in the outbox in one transaction
(the repositories do both), so an attempt is on record even if the desk dies during the call.
"""

from __future__ import annotations

import datetime as dt
import logging
import queue
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from agent_app.calls.call import Call
from agent_app.calls.writer import StoreWriter
from agent_app.domain.enums import EndReason, LineType
from agent_app.domain.phone_numbers import CallerId
from agent_app.domain.views import StaffAccount
from agent_app.screenpop.inbound import link_inbound, record_inbound
from agent_app.screenpop.lookup import PopDecision, PopKind, decide
from agent_app.store.repositories.attempts import (
    add_recording,
    close_open_attempts,
    finish_attempt,
    mark_answered,
    start_outbound,
)

if TYPE_CHECKING:
    from agent_app.domain.finished_recording import FinishedRecording

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DeskStore:
    """Where the model writes, and as whom: the signed-in staff member and the desk's line."""

    engine: Engine
    viewer: StaffAccount
    line: LineType


@dataclass(frozen=True)
class Identified:
    """The inbound caller looked up and the attempt stored; ``lookup_error`` when the lookup
    failed and the call was stored as an unknown caller."""

    decision: PopDecision
    lookup_error: BaseException | None = None


def store_inbound(
    store: DeskStore, caller: CallerId, attempt_id: uuid.UUID, rang_at: dt.datetime
) -> Identified:
    """Look the caller up and store the ringing call, linked to who it is when known."""
    error: BaseException | None = None
    try:
        decision = decide(store.engine, caller, store.viewer)
    except Exception as exc:  # a failed lookup still stores the call, as an unknown caller
        log.error("caller lookup failed: %s", exc)
        decision, error = PopDecision(PopKind.UNKNOWN, caller), exc
    record_inbound(
        store.engine,
        decision,
        staff_id=store.viewer.id,
        line=store.line,
        now=rang_at,
        attempt_id=attempt_id,
    )
    return Identified(decision, error)


def close_abandoned(engine: Engine) -> int:
    """Close attempts a killed desk left open (code ``desk_stopped``); returns how many."""
    closed = close_open_attempts(engine, EndReason.DESK_STOPPED.value)
    if closed:
        log.warning("closed %d call attempts left open when the desk stopped", len(closed))
    return len(closed)


Failed = Callable[[BaseException], None]


class CallWrites:
    """A call's writes, queued in order on the desk's one writer thread. Their outcomes (the
    inbound caller identified, a write that failed) wait in a queue until ``pump()`` runs them
    on the caller's thread. With no store set, nothing is written."""

    def __init__(self, writer: StoreWriter, failed: Failed) -> None:
        self.writer = writer
        self.store: DeskStore | None = None
        self._failed = failed
        self._outcomes: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()

    def use(self, store: DeskStore) -> None:
        """Write to ``store`` from now on; a new store is started first (attempts a killed desk
        left open are closed)."""
        new = self.store is None or self.store.engine is not store.engine
        self.store = store
        if new:
            engine = store.engine
            self._submit(lambda: close_abandoned(engine))

    def opened(self, call: Call, identified: Callable[[Identified], None]) -> None:
        store = self.store
        if store is None:
            return
        attempt_id, context, started = call.attempt_id, call.context, call.started_at
        if call.inbound:
            caller = call.caller
            assert caller is not None
            self._submit(lambda: store_inbound(store, caller, attempt_id, started), identified)
            return
        number = call.number
        self._submit(
            lambda: start_outbound(
                store.engine,
                staff_id=store.viewer.id,
                number=number,
                line=store.line,
                task_id=context.task_id,
                patient_id=context.patient_id,
                contact_id=context.contact_id,
                started_at=started,
                attempt_id=attempt_id,
            )
        )

    def answered(self, call: Call) -> None:
        store, attempt_id, at = self.store, call.attempt_id, call.answered_at
        if store is not None and at is not None:
            self._submit(lambda: mark_answered(store.engine, attempt_id, at))

    def ended(self, call: Call) -> None:
        store, attempt_id, answered = self.store, call.attempt_id, call.answered_at
        at, code = call.ended_at, call.end_code
        if store is not None and at is not None:
            self._submit(
                lambda: finish_attempt(
                    store.engine, attempt_id, answered_at=answered, ended_at=at, end_reason=code
                )
            )

    def linked(self, call: Call, patient_id: int, task_id: int | None) -> None:
        store, attempt_id = self.store, call.attempt_id
        if store is not None:
            self._submit(lambda: link_inbound(store.engine, attempt_id, patient_id, task_id))

    def recorded(self, call: Call, finished: FinishedRecording) -> bool:
        store, attempt_id = self.store, call.attempt_id
        if store is None:
            return False
        markers = call.context.markers() if call.context.markers is not None else {}
        self._submit(lambda: add_recording(store.engine, attempt_id, finished, markers))
        return True

    def pump(self) -> int:
        """Run the outcomes of finished writes here; returns how many."""
        done = 0
        while True:
            try:
                outcome = self._outcomes.get_nowait()
            except queue.Empty:
                return done
            done += 1
            outcome()

    def _submit(
        self, job: Callable[[], object], on_done: Callable[[Identified], None] | None = None
    ) -> None:
        def done(result: object, error: BaseException | None) -> None:
            if error is not None:
                self._outcomes.put(lambda: self._failed(error))
            elif on_done is not None:
                assert isinstance(result, Identified)
                self._outcomes.put(lambda: on_done(result))

        self.writer.submit(job, done)
