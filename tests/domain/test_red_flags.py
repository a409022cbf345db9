"""The red-flag rules every layer shares: what an acknowledgement needs, who gives it, where an
alert stands and how long it waited."""

from __future__ import annotations

import datetime as dt

import pytest

from agent_app.domain.enums import Role
from agent_app.domain.red_flags import (
    NOTE_MAX,
    AckAction,
    AckError,
    EscalationStage,
    check_acknowledgement,
    escalation_stage,
    may_acknowledge,
    minutes_to_acknowledge,
    on_duty_text,
)

T0 = dt.datetime(2026, 12, 3, 2, 0, tzinfo=dt.UTC)


def test_a_bare_noted_needs_a_note_and_an_action_code_does_not() -> None:
    with pytest.raises(AckError) as refused:
        check_acknowledgement(AckAction.NOTED, "   ")
    assert refused.value.code == "note_required"
    ack = check_acknowledgement(AckAction.REFERRED_TO_EMERGENCY, "")
    assert (ack.action, ack.note) == (AckAction.REFERRED_TO_EMERGENCY, "")
    assert check_acknowledgement(AckAction.NOTED, " 已电话告知复诊 ").note == "已电话告知复诊"


def test_a_note_longer_than_the_limit_is_refused_with_the_limit() -> None:
    with pytest.raises(AckError) as refused:
        check_acknowledgement(AckAction.CALLED_BACK, "字" * (NOTE_MAX + 1))
    assert (refused.value.code, refused.value.params) == ("note_too_long", {"limit": "500"})


@pytest.mark.parametrize(
    ("role", "staff", "dept", "doctor", "alert_dept", "allowed"),
    [
        (Role.DOCTOR, 11, 2, 11, 1, True),  # named on the alert, another department
        (Role.DOCTOR, 11, 2, 12, 2, True),  # a doctor of the alert's department
        (Role.DOCTOR, 11, 2, 12, 1, False),
        (Role.SUPERVISOR, 4, 1, None, 1, True),
        (Role.SUPERVISOR, 4, 1, 4, 2, False),  # another department's, even if named
        (Role.AGENT, 1, 2, None, 2, False),
        (Role.QUALITY, 5, 2, None, 2, False),
        (Role.ADMIN, 6, 1, None, 1, False),
    ],
)
def test_only_the_doctor_and_the_departments_supervisor_acknowledge(
    role: Role, staff: int, dept: int, doctor: int | None, alert_dept: int, allowed: bool
) -> None:
    assert may_acknowledge(role, staff, dept, doctor, alert_dept) is allowed


def test_the_servers_stamps_give_the_escalation_stage() -> None:
    assert escalation_stage(None, None) is EscalationStage.DOCTOR
    assert escalation_stage(T0, None) is EscalationStage.SUPERVISOR
    assert escalation_stage(T0, T0) is EscalationStage.ON_DUTY_SMS


def test_time_to_acknowledge_is_in_minutes_and_never_negative() -> None:
    assert minutes_to_acknowledge(T0, T0 + dt.timedelta(minutes=90)) == 90.0
    assert minutes_to_acknowledge(T0, T0 - dt.timedelta(minutes=2)) == 0.0


def test_the_on_duty_text_names_the_department_and_the_wait_but_no_patient() -> None:
    text = on_duty_text("心内科", 65)
    assert "心内科" in text and "65分钟" in text
