"""The red-flag inbox's server side on the desk: the details of an alert raised elsewhere, and
the escalation every sync cycle asks the server for.

A desk pulls alerts, not results, calls or recordings: opening an alert raised on another desk
brings its result, its call and its recording row in from the server (``bring_alert_details``),
as far as the signed-in staff member may see them, so the answers read and the recording plays
through the same local paths as everywhere.

Escalation is decided by the server (``red_flag_escalate``, migration 0023), once however many
desks ask. Only a desk that sends text messages asks for the on-duty texts; an alert the server
hands it is queued here with ``queue_sms`` (naming no patient), so its sender sends it and the
server keeps the record.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from dataclasses import dataclass

from sqlalchemy import Engine, select, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from agent_app.domain.red_flags import on_duty_text
from agent_app.store.repositories.sms_queue import queue_sms
from agent_app.store.schema import Base, Department, RedFlagAlert
from agent_app.sync.errors import as_sync_error
from agent_app.sync.single_rows import fetch_rows, store_page

log = logging.getLogger(__name__)

ESCALATE_SQL = text(
    "SELECT alert, department, phone, waited_minutes FROM red_flag_escalate(:texts)"
)
ON_DUTY_PURPOSE = "red_flag_on_duty"


def bring_alert_details(local: Engine, server: Engine, alert_id: uuid.UUID) -> bool:
    """Store the alert's result, call attempt and recording rows from the server (those the
    signed-in login may read); whether the result is here now. Raises SyncError children when
    the server cannot be read."""
    tables = Base.metadata.tables
    with local.connect() as connection:
        found = connection.execute(
            select(RedFlagAlert.result_id).where(RedFlagAlert.id == alert_id)
        ).first()
    if found is None:
        return False
    results = fetch_rows(server, tables["followup_result"], "id", [found[0]])
    attempts = [row["attempt_id"] for row in results if row["attempt_id"] is not None]
    calls = fetch_rows(server, tables["call_attempt"], "id", attempts)
    recordings = fetch_rows(server, tables["recording"], "attempt_id", attempts)
    for recording in recordings:
        recording["local_path"] = ""  # the raising desk's path means nothing here
    store_page(local, tables["call_attempt"], calls, None)
    store_page(local, tables["followup_result"], results, None)
    store_page(local, tables["recording"], recordings, None)
    return bool(results)


@dataclass(frozen=True)
class OnDutyText:
    alert_id: uuid.UUID
    number: str


def escalate_red_flags(
    local: Engine,
    server: Engine,
    staff_id: int,
    *,
    texts: bool,
    now: dt.datetime | None = None,
) -> list[OnDutyText]:
    """Ask the server to escalate what is due; with ``texts`` (this desk sends text messages)
    queue the on-duty texts it hands this desk. Raises SyncError children when the server
    cannot be reached (nothing was decided then)."""
    try:
        with server.begin() as connection:
            claimed = connection.execute(ESCALATE_SQL, {"texts": texts}).all()
    except SQLAlchemyError as exc:
        raise as_sync_error(exc, server) from exc
    queued: list[OnDutyText] = []
    if not claimed:
        return queued
    moment = now or dt.datetime.now(dt.UTC)
    with Session(local) as session, session.begin():
        for alert_id, department_id, number, minutes in claimed:
            department = session.scalar(
                select(Department.name).where(Department.id == department_id)
            )
            queue_sms(
                session,
                number_e164=str(number),
                body=on_duty_text(department or "", int(minutes)),
                purpose=ON_DUTY_PURPOSE,
                staff_id=staff_id,
                now=moment,
                patient_id=None,  # the text is for staff and names no patient
            )
            queued.append(OnDutyText(alert_id, str(number)))
    log.info("red-flag alerts texted to the on-duty number: %d", len(queued))
    return queued
