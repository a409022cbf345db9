"""The transfer directory's rules: which entry a call for a department goes to.

An entry is a department's follow-up line (always reachable in working hours) or a doctor on
duty (reachable between ``duty_starts_at`` and ``duty_ends_at``; no window means always).
The directory lives in the store (``transfer_target``); these rules are pure.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Iterable
from dataclasses import dataclass

#: a number the desk's lines can dial (an extension or phone number), or a SIP address
_DIALABLE = re.compile(r"\+?[0-9*#]{2,32}|sips?:[^\s@]+@[^\s@]+", re.I)
MAX_LABEL = 80
MAX_NUMBER = 120


class TransferTargetKind(enum.StrEnum):
    FOLLOWUP_LINE = "followup_line"  # the department's own follow-up line
    DOCTOR_ON_DUTY = "doctor_on_duty"


@dataclass(frozen=True)
class DirectoryTarget:
    """One entry of the transfer directory, as the dialog and the screen-pop see it."""

    id: int
    department_id: int
    department_name: str
    kind: TransferTargetKind
    label: str  # e.g. "心内科随访专线" or the doctor's name
    number: str  # what the line dials: an extension, a phone number or a sip: address
    duty_starts_at: dt.datetime | None = None
    duty_ends_at: dt.datetime | None = None

    def on_duty(self, now: dt.datetime) -> bool:
        """Whether the entry can take a call at ``now`` (a follow-up line always can)."""
        if self.duty_starts_at is not None and now < self.duty_starts_at:
            return False
        return self.duty_ends_at is None or now < self.duty_ends_at


def is_dialable(number: str) -> bool:
    """Whether ``number`` is something a line can dial (spaces and dashes allowed)."""
    return bool(_DIALABLE.fullmatch(re.sub(r"[\s\-()]", "", number)))


def best_for_department(
    targets: Iterable[DirectoryTarget], department_id: int, now: dt.datetime
) -> DirectoryTarget | None:
    """Where a call for ``department_id`` goes: its follow-up line, else the doctor on duty
    now (the one whose duty ends last, so the transfer is not cut off at a shift change)."""
    mine = [t for t in targets if t.department_id == department_id and t.on_duty(now)]
    lines = [t for t in mine if t.kind is TransferTargetKind.FOLLOWUP_LINE]
    if lines:
        return min(lines, key=lambda t: t.id)
    doctors = [t for t in mine if t.kind is TransferTargetKind.DOCTOR_ON_DUTY]
    far = dt.datetime.max.replace(tzinfo=dt.UTC)
    return max(doctors, key=lambda t: (t.duty_ends_at or far, -t.id), default=None)
