"""A desk of the hospital day without its windows: the encrypted local store, the staff
member's own login on the central server, leases claimed there, and the sync worker's cycle.

What the follow-up screen, the call bar and the call log do between them is done here through
the same core functions they call (``load_followup``, ``start_task``, ``start_outbound``,
``mark_answered``, ``finish_attempt``, ``add_recording``, ``save_wrapup``), in the same order,
on the calling thread instead of the GUI's serial writer.
"""

from __future__ import annotations

import datetime as dt
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Engine, select

from agent_app.dialer.events import Answered, Ended, PhoneEvent
from agent_app.dialer.phone import Phone
from agent_app.dialer.transcode import transcode_to_opus
from agent_app.domain.answer_sheet import AnswerSheet
from agent_app.domain.enums import Disposition
from agent_app.domain.finished_recording import FinishedRecording
from agent_app.domain.views import StaffAccount
from agent_app.store.engine import create_server_engine, open_local_store
from agent_app.store.repositories.attempts import (
    add_recording,
    finish_attempt,
    mark_answered,
    start_outbound,
    suggested_disposition,
)
from agent_app.store.repositories.followups import (
    FollowupWork,
    SavedWrapUp,
    WrapUp,
    load_followup,
    save_wrapup,
    start_task,
)
from agent_app.store.repositories.tasks import QueueScope
from agent_app.store.schema import FollowupTask, Patient
from agent_app.sync.desk_sync import build_sync_worker
from agent_app.sync.server_leases import ServerTaskLeases
from agent_app.sync.sign_in import verify_with_server
from agent_app.sync.worker import SyncStatus, SyncWorker
from tests.e2e.central import Member, login_engine

E = TypeVar("E", bound=PhoneEvent)
Answers = Sequence[tuple[str, object]]  # (question id, what the agent entered), in order


@dataclass
class Desk:
    local: Engine
    server: Engine  # the central database as this desk's staff member
    account: StaffAccount
    leases: ServerTaskLeases
    worker: SyncWorker
    recordings: Path

    def sync(self) -> SyncStatus:
        """One cycle of the desk's sync worker (push, pull, leases, uploads); it must work."""
        status = self.worker.run_once()
        assert status.online and not status.last_error, status
        return status

    def task_of(self, mrn: str, level: int = 1) -> int:
        """The desk's copy of the patient's follow-up task at ``level``."""
        with self.local.connect() as connection:
            return int(
                connection.execute(
                    select(FollowupTask.id)
                    .join(Patient, Patient.id == FollowupTask.patient_id)
                    .where(Patient.mrn == mrn, FollowupTask.level == level)
                ).scalar_one()
            )

    def close(self) -> None:
        self.local.dispose()
        self.server.dispose()


def open_desk(folder: Path, central: Engine, who: Member) -> Desk:
    """A new desk for ``who``: the first sync under their login, then their sign-in, which the
    server checks."""
    folder.mkdir(parents=True, exist_ok=True)
    local = open_local_store(folder / "desk.sqlite3")
    server = login_engine(central, who)
    leases = ServerTaskLeases(local, server, who.id)
    worker = build_sync_worker(local, server, leases=leases)
    status = worker.run_once()
    assert status.online and not status.last_error, status

    def login(username: str, password: str) -> Engine:
        return create_server_engine(server.url.set(username=username, password=password))

    account = verify_with_server(local, login, who.username, who.password)
    return Desk(local, server, account, leases, worker, folder / "recordings")


# Calls ------------------------------------------------------------------------------------
@dataclass
class LineEvents:
    """What a phone reported, with bounded waits that pump it as the GUI's timer does."""

    phone: Phone
    seen: list[PhoneEvent] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.phone.add_listener(self.seen.append)

    def wait(
        self, kinds: tuple[type[E], ...], call_id: str | None = None, timeout: float = 15.0
    ) -> E:
        deadline = time.monotonic() + timeout
        while True:
            self.phone.pump()
            for event in self.seen:
                if isinstance(event, kinds) and call_id in (None, event.call_id):
                    return event
            if time.monotonic() > deadline:
                raise AssertionError(f"no {kinds} for {call_id} in {timeout} s: {self.seen}")
            time.sleep(0.005)

    def run(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            self.phone.pump()
            time.sleep(0.005)

    def detach(self) -> None:
        self.phone.remove_listener(self.seen.append)


@dataclass(frozen=True)
class FinishedCall:
    attempt_id: uuid.UUID
    answered_at: dt.datetime | None
    ended: Ended
    recording: FinishedRecording | None
    sheet: AnswerSheet


def open_followup(desk: Desk, task_id: int | None = None) -> FollowupWork:
    """Claim a follow-up on the server (the next due one when ``task_id`` is None, as Ctrl+N
    does) and open it."""
    if task_id is None:
        lease = desk.leases.claim_next(QueueScope.for_account(desk.account))
        assert lease is not None, "no follow-up is due"
    else:
        lease = desk.leases.claim(task_id)
    work = load_followup(desk.local, lease.task_id, desk.account.id)
    start_task(desk.local, lease.task_id)
    return work


def call_patient(
    desk: Desk,
    line: LineEvents,
    work: FollowupWork,
    answers: Answers = (),
    *,
    talk_seconds: float = 1.0,
) -> FinishedCall:
    """Dial the patient's first number; when they answer, record the call and enter
    ``answers`` while it runs, then hang up. Every step is written as the call log writes it."""
    phone, contact = line.phone, work.card.contacts[0]
    call_id = phone.dial(contact.number_display)
    attempt_id = start_outbound(
        desk.local,
        staff_id=desk.account.id,
        number=contact.number_display,
        line=phone.line,
        task_id=work.task_id,
        patient_id=work.card.id,
        contact_id=contact.id,
    )
    sheet = AnswerSheet(work.template)
    first = line.wait((Answered, Ended), call_id)
    answered_at: dt.datetime | None = None
    wav: Path | None = None
    if isinstance(first, Answered):
        answered_at = dt.datetime.now(dt.UTC)
        mark_answered(desk.local, attempt_id, answered_at)
        wav = desk.recordings / f"{call_id}-{uuid.uuid4().hex[:6]}.wav"
        phone.start_recording(call_id, wav)
        sheet.start_call(answered_at)
        line.run(talk_seconds / 2)
        for question_id, raw in answers:
            sheet.answer(question_id, raw, dt.datetime.now(dt.UTC))
        line.run(talk_seconds / 2)
        phone.hangup(call_id)
    ended = line.wait((Ended,), call_id)
    if wav is not None:
        wav = phone.stop_recording(call_id) or wav
    finish_attempt(
        desk.local,
        attempt_id,
        answered_at=answered_at,
        ended_at=dt.datetime.now(dt.UTC),
        end_reason=ended.reason.value,
    )
    recording = None
    if wav is not None and wav.exists():
        recording = transcode_to_opus(wav)
        markers = {
            e.question_id: offset
            for e in sheet.counted_entries()
            if (offset := e.offset_seconds(sheet.call_started_at)) is not None
        }
        add_recording(desk.local, attempt_id, recording, markers)
    return FinishedCall(attempt_id, answered_at, ended, recording, sheet)


def wrap_up(desk: Desk, work: FollowupWork, call: FinishedCall) -> SavedWrapUp:
    """Save the follow-up as the screen's "Save and close" does, then give the lease back."""
    answered = call.answered_at is not None
    disposition = (
        Disposition.REACHED if answered else suggested_disposition(call.ended.reason, False)
    )
    sheet = call.sheet
    wrap = WrapUp(
        task_id=work.task_id,
        staff_id=desk.account.id,
        disposition=disposition,
        attempt_id=call.attempt_id,
        answers=sheet.to_json() if answered else None,
        satisfaction=sheet.satisfaction(),
        vital_status=sheet.vital_status(),
        death_date=sheet.death_date(),
        red_flags=sheet.red_flags() if answered else (),
        other_numbers_left=len(work.card.contacts) > 1,
    )
    saved = save_wrapup(desk.local, work, wrap)
    desk.leases.release(work.task_id)
    return saved
