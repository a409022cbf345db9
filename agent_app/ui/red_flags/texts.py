"""The inbox's words for the domain's codes: actions taken, escalation stages, severities and
why an acknowledgement was refused."""

from __future__ import annotations

from agent_app.domain.enums import RedFlagSeverity
from agent_app.domain.red_flags import AckAction, AckError, EscalationStage
from agent_app.ui.qt import QCoreApplication


def ack_action_name(action: AckAction) -> str:
    names = {
        AckAction.NOTED: QCoreApplication.translate("RedFlagTexts", "Seen, with a note"),
        AckAction.CALLED_BACK: QCoreApplication.translate(
            "RedFlagTexts", "Called the patient back"
        ),
        AckAction.TOLD_TO_COME_IN: QCoreApplication.translate(
            "RedFlagTexts", "Told the patient to come in"
        ),
        AckAction.REFERRED_TO_EMERGENCY: QCoreApplication.translate(
            "RedFlagTexts", "Referred to the emergency department"
        ),
    }
    return names[action]


def stage_name(stage: EscalationStage) -> str:
    names = {
        EscalationStage.DOCTOR: QCoreApplication.translate("RedFlagTexts", "With the doctor"),
        EscalationStage.SUPERVISOR: QCoreApplication.translate(
            "RedFlagTexts", "Escalated to the supervisor"
        ),
        EscalationStage.ON_DUTY_SMS: QCoreApplication.translate(
            "RedFlagTexts", "Escalated: on-duty phone texted"
        ),
    }
    return names[stage]


def severity_name(severity: RedFlagSeverity) -> str:
    names = {
        RedFlagSeverity.CRITICAL: QCoreApplication.translate("RedFlagTexts", "Critical"),
        RedFlagSeverity.URGENT: QCoreApplication.translate("RedFlagTexts", "Urgent"),
        RedFlagSeverity.ATTENTION: QCoreApplication.translate("RedFlagTexts", "Attention"),
    }
    return names[severity]


def ack_error_text(error: AckError) -> str:
    if error.code == "note_required":
        return QCoreApplication.translate(
            "RedFlagTexts", "Write a note, or choose the action you took."
        )
    if error.code == "note_too_long":
        return QCoreApplication.translate(
            "RedFlagTexts", "The note is longer than {0} characters."
        ).format(error.params.get("limit", ""))
    if error.code == "already_acknowledged":
        return QCoreApplication.translate("RedFlagTexts", "This alert was already acknowledged.")
    return QCoreApplication.translate("RedFlagTexts", "This alert is not one you may acknowledge.")
