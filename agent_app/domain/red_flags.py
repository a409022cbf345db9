"""Red-flag alerts after the wrap-up: who acknowledges them, with what, and when they escalate.

Pure rules; the server applies the same ones (migration 0023) and is the judge of time.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from typing import ClassVar

from agent_app.domain.coded_error import CodedError
from agent_app.domain.enums import Role


class AckAction(enum.StrEnum):
    """What the doctor (or the supervisor) did about an alert; ``NOTED`` needs a note."""

    NOTED = "noted"
    CALLED_BACK = "called_back"
    TOLD_TO_COME_IN = "told_to_come_in"
    REFERRED_TO_EMERGENCY = "referred_to_emergency"


class EscalationStage(enum.StrEnum):
    """Where an unacknowledged alert stands: with the doctor, with the supervisor too, and
    finally texted to the department's on-duty number."""

    DOCTOR = "doctor"
    SUPERVISOR = "supervisor"
    ON_DUTY_SMS = "on_duty_sms"


# Who acknowledges: the alert's doctor (or a doctor of its department) and its department's
# supervisor. Agents raise alerts; quality staff read them all but act on none.
ACKNOWLEDGING_ROLES = frozenset({Role.DOCTOR, Role.SUPERVISOR})
NOTE_MAX = 500


class AckError(CodedError):
    """An acknowledgement that cannot be recorded; ``code`` says why."""

    ENGLISH: ClassVar[dict[str, str]] = {
        "note_required": "Write a note, or choose the action taken.",
        "note_too_long": "The note is longer than {limit} characters.",
        "not_yours": "This alert is not one you may acknowledge.",
        "already_acknowledged": "This alert was already acknowledged.",
    }


@dataclass(frozen=True)
class Acknowledgement:
    action: AckAction
    note: str


def check_acknowledgement(action: AckAction, note: str) -> Acknowledgement:
    """The acknowledgement to store, or AckError: ``note_required`` (a bare "noted" says
    nothing), ``note_too_long`` (over ``NOTE_MAX`` characters)."""
    text = note.strip()
    if action is AckAction.NOTED and not text:
        raise AckError("note_required")
    if len(text) > NOTE_MAX:
        raise AckError("note_too_long", limit=NOTE_MAX)
    return Acknowledgement(action, text)


def may_acknowledge(
    role: Role, staff_id: int, department_id: int, alert_doctor: int | None, alert_dept: int
) -> bool:
    """Whether this staff member may acknowledge the alert (the server's rule too)."""
    if role is Role.DOCTOR:
        return alert_doctor == staff_id or alert_dept == department_id
    return role is Role.SUPERVISOR and alert_dept == department_id


def escalation_stage(
    escalated_at: dt.datetime | None, on_duty_sms_at: dt.datetime | None
) -> EscalationStage:
    """The stage the server's stamps put an alert at."""
    if on_duty_sms_at is not None:
        return EscalationStage.ON_DUTY_SMS
    if escalated_at is not None:
        return EscalationStage.SUPERVISOR
    return EscalationStage.DOCTOR


def minutes_to_acknowledge(created_at: dt.datetime, acknowledged_at: dt.datetime) -> float:
    """Minutes from the wrap-up that raised the alert to its acknowledgement (never negative:
    a desk clock ahead of the server's does not make a negative wait)."""
    return max((acknowledged_at - created_at).total_seconds() / 60.0, 0.0)


def on_duty_text(department: str, waited_minutes: int) -> str:
    """The text the department's on-duty number gets for an alert nobody acknowledged. It names
    no patient (a text can be read by anyone holding the phone): the desk shows who."""
    return (
        f"【随访红旗警报】{department}有一条红旗警报已{waited_minutes}分钟无人确认,"
        "请立即登录随访台查看并处理。"
    )
