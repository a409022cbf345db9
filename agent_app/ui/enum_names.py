"""The core's codes for calls and results, in the desk's language: one place, so the callback
card, the result dialog and the reports say each the same way."""

from __future__ import annotations

from agent_app.domain.enums import Direction, Disposition, EndReason, Outcome
from agent_app.ui.qt import QCoreApplication


def outcome_name(outcome: Outcome) -> str:
    return {
        Outcome.COMPLETED: QCoreApplication.translate("EnumNames", "Completed"),
        Outcome.PARTIAL: QCoreApplication.translate("EnumNames", "Partly answered"),
        Outcome.REFUSED: QCoreApplication.translate("EnumNames", "Refused"),
    }[outcome]


def direction_name(direction: Direction) -> str:
    return {
        Direction.OUTBOUND: QCoreApplication.translate("EnumNames", "Outgoing call"),
        Direction.INBOUND: QCoreApplication.translate("EnumNames", "Incoming call"),
    }[direction]


def end_reason_text(reason: EndReason) -> str:
    """How a call ended, as the call bar and the callback card say it."""
    return {
        EndReason.LOCAL_HANGUP: QCoreApplication.translate("EnumNames", "You ended the call."),
        EndReason.REMOTE_HANGUP: QCoreApplication.translate("EnumNames", "The other side hung up."),
        EndReason.BUSY: QCoreApplication.translate("EnumNames", "The line was busy."),
        EndReason.NO_ANSWER: QCoreApplication.translate("EnumNames", "Nobody answered."),
        EndReason.REJECTED: QCoreApplication.translate("EnumNames", "The call was declined."),
        EndReason.NOT_FOUND: QCoreApplication.translate(
            "EnumNames", "The number does not exist or cannot be reached."
        ),
        EndReason.CANCELLED: QCoreApplication.translate(
            "EnumNames", "The call was cancelled before it was answered."
        ),
        EndReason.NO_DIALTONE: QCoreApplication.translate(
            "EnumNames", "The phone line has no dial tone; check the cable."
        ),
        EndReason.NOT_REGISTERED: QCoreApplication.translate(
            "EnumNames", "The phone account is not registered; calls cannot be made."
        ),
        EndReason.NETWORK: QCoreApplication.translate(
            "EnumNames", "The connection to the other side was lost."
        ),
        EndReason.DEVICE_LOST: QCoreApplication.translate(
            "EnumNames", "The phone device was disconnected during the call."
        ),
        EndReason.FAILED: QCoreApplication.translate("EnumNames", "The call failed."),
        EndReason.TRANSFERRED: QCoreApplication.translate("EnumNames", "The call was transferred."),
        EndReason.MISSED: QCoreApplication.translate(
            "EnumNames", "Nobody answered the incoming call in time; it is kept as a missed call."
        ),
        EndReason.DESK_STOPPED: QCoreApplication.translate(
            "EnumNames", "The desk stopped during the call."
        ),
    }[reason]


def specialty_name(code: str) -> str:
    """A questionnaire's specialty code as a word; an unknown code is shown as it is."""
    names = {
        "cardiology": QCoreApplication.translate("EnumNames", "Cardiology"),
        "general": QCoreApplication.translate("EnumNames", "General"),
        "neurology": QCoreApplication.translate("EnumNames", "Neurology"),
        "obstetrics": QCoreApplication.translate("EnumNames", "Obstetrics"),
        "oncology": QCoreApplication.translate("EnumNames", "Oncology"),
        "orthopedics": QCoreApplication.translate("EnumNames", "Orthopedics"),
        "quality": QCoreApplication.translate("EnumNames", "Quality control"),
        "general_surgery": QCoreApplication.translate("EnumNames", "General surgery"),
    }
    return names.get(code, code)


DISPOSITION_ORDER = (
    Disposition.REACHED,
    Disposition.NO_ANSWER,
    Disposition.BUSY,
    Disposition.CALL_BACK_LATER,
    Disposition.REFUSED,
    Disposition.WRONG_NUMBER,
    Disposition.NUMBER_INVALID,
    Disposition.DECEASED,
    Disposition.LINE_FAILED,
)


def disposition_name(disposition: Disposition) -> str:
    """How a call ended, in the desk's language (wrap-up choices and call history)."""
    names = {
        Disposition.REACHED: QCoreApplication.translate("WrapUpPanel", "Reached — follow-up done"),
        Disposition.NO_ANSWER: QCoreApplication.translate("WrapUpPanel", "No answer"),
        Disposition.BUSY: QCoreApplication.translate("WrapUpPanel", "Busy"),
        Disposition.CALL_BACK_LATER: QCoreApplication.translate("WrapUpPanel", "Call back later"),
        Disposition.REFUSED: QCoreApplication.translate("WrapUpPanel", "Refused the follow-up"),
        Disposition.WRONG_NUMBER: QCoreApplication.translate("WrapUpPanel", "Wrong number"),
        Disposition.NUMBER_INVALID: QCoreApplication.translate(
            "WrapUpPanel", "Number does not exist"
        ),
        Disposition.DECEASED: QCoreApplication.translate("WrapUpPanel", "Patient deceased"),
        Disposition.LINE_FAILED: QCoreApplication.translate("WrapUpPanel", "Our line failed"),
    }
    return names[disposition]
