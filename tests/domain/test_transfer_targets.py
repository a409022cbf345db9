"""Which directory entry a department's calls go to."""

from __future__ import annotations

import datetime as dt

import pytest

from agent_app.domain.transfer_targets import (
    DirectoryTarget,
    TransferTargetKind,
    best_for_department,
    is_dialable,
)

NOW = dt.datetime(2026, 12, 3, 4, 0, tzinfo=dt.UTC)
HOUR = dt.timedelta(hours=1)
LINE, DOCTOR = TransferTargetKind.FOLLOWUP_LINE, TransferTargetKind.DOCTOR_ON_DUTY


def _entry(
    id_: int, dept: int, kind: TransferTargetKind, start: int = 0, end: int = 0
) -> DirectoryTarget:
    return DirectoryTarget(
        id_, dept, f"科{dept}", kind, f"entry {id_}", f"80{id_:02d}",
        NOW + start * HOUR if start else None, NOW + end * HOUR if end else None,
    )  # fmt: skip


def test_the_follow_up_line_comes_before_the_doctor_on_duty() -> None:
    entries = [_entry(1, 1, DOCTOR, -1, 5), _entry(2, 1, LINE), _entry(3, 2, LINE)]
    assert best_for_department(entries, 1, NOW) == entries[1]


def test_without_a_line_the_doctor_on_duty_now_whose_shift_ends_last() -> None:
    entries = [
        _entry(1, 1, DOCTOR, -8, -1),  # went home
        _entry(2, 1, DOCTOR, -2, 1),
        _entry(3, 1, DOCTOR, -2, 6),
        _entry(4, 1, DOCTOR, 1, 9),  # not yet on duty
        _entry(5, 2, DOCTOR, -2, 12),  # another department
    ]
    assert best_for_department(entries, 1, NOW) == entries[2]
    assert best_for_department(entries, 3, NOW) is None


@pytest.mark.parametrize(
    ("number", "dialable"),
    [("8001", True), ("+86 10 1234-5678", True), ("sip:ward7@pbx.local", True), ("*2#", True),
     ("", False), ("ward seven", False), ("1", False), ("sip:nohost", False)],
)  # fmt: skip
def test_only_numbers_and_sip_addresses_are_dialable(number: str, dialable: bool) -> None:
    assert is_dialable(number) is dialable
