"""The store writes of a call's life, as jobs for the desk's one writer thread.

Each job commits to the local store and queues the same row in the outbox in one transaction
(the repositories do both), so an attempt is on record even if the desk dies during the call.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from dataclasses import dataclass

from sqlalchemy import Engine

from agent_app.dialer.events import EndReason
from agent_app.domain.enums import LineType
from agent_app.domain.views import StaffAccount
from agent_app.screenpop.inbound import record_inbound
from agent_app.screenpop.lookup import PopDecision, PopKind, decide
from agent_app.screenpop.normalize import CallerId
from agent_app.store.repositories.attempts import close_open_attempts

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
