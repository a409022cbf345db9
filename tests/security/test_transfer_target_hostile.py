"""The transfer directory on the central server: every staff login reads all of it (a call
for another department is transferred there), only the administrator writes it; agents,
supervisors and quality staff are refused every write, for their own department and across
the department line, through SQL and through the repository."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from agent_app.domain.transfer_targets import TransferTargetKind
from agent_app.store.repositories.templates import EditNotAllowedError
from agent_app.store.repositories.transfer_targets import (
    list_targets,
    remove_target,
    save_target,
)

Connect = Callable[..., Engine]
# agent (department 2), supervisor (department 1), quality (department 2)
LOGINS = {"nurse1": (1, 2), "nurse4": (4, 1), "nurse5": (5, 2)}


def _seed(server: Engine) -> dict[int, int]:
    """One follow-up line per department; returns {department: row id}."""
    ids = {}
    with server.begin() as connection:
        for department, number in ((1, "8001"), (2, "8002")):
            ids[department] = int(
                connection.execute(
                    text(
                        "INSERT INTO transfer_target (department_id, kind, label, number, "
                        "active, changed_at, change_seq) VALUES (:d, 'followup_line', '随访专线', "
                        ":n, true, now(), 0) RETURNING id"
                    ),
                    {"d": department, "n": number},
                ).scalar_one()
            )
    return ids


@pytest.mark.parametrize("login", sorted(LOGINS))
def test_staff_read_every_department_but_cannot_write_the_directory(
    server: Engine, as_staff: Connect, login: str
) -> None:
    rows = _seed(server)
    staff_id, own = LOGINS[login]
    other = 3 - own
    hostile = as_staff(login)
    assert sorted(t.id for t in list_targets(hostile)) == sorted(rows.values())
    for sql in (
        "INSERT INTO transfer_target (department_id, kind, label, number, active, changed_at, "
        f"change_seq) VALUES ({own}, 'doctor_on_duty', 'x', '9999', true, now(), 0)",
        "INSERT INTO transfer_target (department_id, kind, label, number, active, changed_at, "
        f"change_seq) VALUES ({other}, 'doctor_on_duty', 'x', '9999', true, now(), 0)",
        f"UPDATE transfer_target SET number = '9999' WHERE id = {rows[own]}",
        f"UPDATE transfer_target SET number = '9999' WHERE id = {rows[other]}",
        f"DELETE FROM transfer_target WHERE id = {rows[other]}",
        "DELETE FROM transfer_target",
    ):
        with pytest.raises(DBAPIError, match="permission denied"), hostile.begin() as c:
            c.execute(text(sql))
    # The repository refuses them before the server has to.
    with pytest.raises(EditNotAllowedError):
        save_target(
            hostile, staff_id=staff_id, department_id=own,
            kind=TransferTargetKind.DOCTOR_ON_DUTY, label="李医生", number="8101",
        )  # fmt: skip
    with pytest.raises(EditNotAllowedError):
        remove_target(hostile, rows[other], staff_id=staff_id)
    with server.connect() as connection:
        assert connection.execute(
            text("SELECT count(*), bool_and(active), min(number) FROM transfer_target")
        ).one() == (2, True, "8001")


def test_the_admin_writes_the_directory_and_each_change_is_audited(
    server: Engine, as_staff: Connect
) -> None:
    admin = as_staff("nurse6")
    entry = save_target(
        admin, staff_id=6, department_id=2, kind=TransferTargetKind.FOLLOWUP_LINE,
        label="外科随访专线", number="8002",
    )  # fmt: skip
    remove_target(admin, entry.id, staff_id=6)
    with server.connect() as connection:
        row = connection.execute(
            text("SELECT department_id, active, changed_by_id, change_seq > 0 FROM transfer_target")
        ).one()
        audited = connection.execute(
            text(
                "SELECT count(*) FROM audit_log WHERE object_type = 'transfer_target' "
                "AND object_id = :i AND staff_id = 6"
            ),
            {"i": str(entry.id)},
        ).scalar_one()
    assert tuple(row) == (2, False, 6, True)
    assert audited == 2
