"""Row-level security: each staff login sees and writes only its own part of the hospital."""

from __future__ import annotations

import uuid
from collections.abc import Callable

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import ProgrammingError

Connect = Callable[..., Engine]
# Departments: patient n and its tasks belong to department 1 + n % 2; nurse1 and nurse3 are
# agents of department 2, nurse2 an agent of department 1 who is also assigned tasks of
# department 2; nurse4 supervises department 1; nurse5 is hospital quality; nurse6 the admin.


def _ids(engine: Engine, sql: str, **params: object) -> set[object]:
    with engine.connect() as connection:
        return set(connection.execute(text(sql), params).scalars())


def _expected_tasks(server: Engine, staff_id: int, department_id: int) -> set[object]:
    return _ids(
        server,
        "SELECT id FROM followup_task WHERE department_id = :d OR assigned_staff_id = :s",
        d=department_id,
        s=staff_id,
    )


def test_agent_sees_its_department_and_its_own_assignments_only(
    server: Engine, as_staff: Connect
) -> None:
    nurse2 = as_staff("nurse2")
    tasks = _ids(nurse2, "SELECT id FROM followup_task")
    assert tasks == _expected_tasks(server, 2, 1)
    assert _ids(nurse2, "SELECT department_id FROM followup_task") == {1, 2}  # own elsewhere
    patients = _ids(nurse2, "SELECT id FROM patient")
    assert patients == _ids(
        server, "SELECT patient_id FROM followup_task WHERE id = ANY(:t)", t=list(tasks)
    )
    assert _ids(nurse2, "SELECT patient_id FROM contact") == patients
    outsider = next(iter(_ids(server, "SELECT id FROM patient") - patients))
    assert _ids(nurse2, "SELECT id FROM patient WHERE id = :p", p=outsider) == set()
    assert _ids(nurse2, "SELECT id FROM contact WHERE patient_id = :p", p=outsider) == set()


def test_supervisor_sees_the_department_and_quality_sees_the_hospital(
    server: Engine, as_staff: Connect
) -> None:
    assert _ids(as_staff("nurse4"), "SELECT DISTINCT department_id FROM followup_task") == {1}
    quality = as_staff("nurse5")
    assert _ids(quality, "SELECT id FROM patient") == _ids(server, "SELECT id FROM patient")
    assert _ids(quality, "SELECT id FROM followup_task") == _ids(
        server, "SELECT id FROM followup_task"
    )


def test_admin_manages_staff_but_sees_no_patients(server: Engine, as_staff: Connect) -> None:
    admin = as_staff("nurse6")
    assert _ids(admin, "SELECT id FROM patient") == set()
    assert _ids(admin, "SELECT id FROM followup_task") == set()
    with admin.begin() as connection:
        connection.execute(text("UPDATE staff SET title = '主管护师' WHERE id = 1"))
    assert _ids(server, "SELECT title FROM staff WHERE id = 1") == {"主管护师"}
    with pytest.raises(ProgrammingError, match="permission denied"), admin.begin() as c:
        c.execute(text("UPDATE patient SET notes = 'x'"))


def test_agent_cannot_write_across_the_department_line(server: Engine, as_staff: Connect) -> None:
    nurse1 = as_staff("nurse1")
    foreign = min(_ids(server, "SELECT id FROM followup_task WHERE department_id = 1 AND "
                               "assigned_staff_id IS DISTINCT FROM 1"))  # fmt: skip
    with nurse1.begin() as connection:
        moved = connection.execute(
            text("UPDATE followup_task SET status = 'done' WHERE id = :t"), {"t": foreign}
        )
        assert moved.rowcount == 0
    with pytest.raises(ProgrammingError, match="permission denied"), nurse1.begin() as c:
        c.execute(text("UPDATE followup_task SET assigned_staff_id = 1 WHERE id = :t"),
                  {"t": foreign})  # fmt: skip
    with pytest.raises(ProgrammingError, match="row-level security"), nurse1.begin() as c:
        c.execute(
            text(
                "INSERT INTO call_attempt (id, staff_id, direction, line, number, started_at,"
                " end_reason) VALUES (:id, 2, 'outbound', 'sip', '1', now(), '')"
            ),
            {"id": uuid.uuid4()},
        )  # an attempt in another agent's name


def test_audit_log_is_insert_only_and_read_by_quality_and_admin(
    server: Engine, as_staff: Connect
) -> None:
    nurse1 = as_staff("nurse1")
    with nurse1.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO audit_log (id, staff_id, action, object_type, object_id, detail, at)"
                " VALUES (:id, 1, 'view', 'patient', '3', '{}', now())"
            ),
            {"id": uuid.uuid4()},
        )
    for forbidden in ("SELECT id FROM audit_log", "DELETE FROM audit_log",
                      "UPDATE audit_log SET action = 'x'"):  # fmt: skip
        with pytest.raises(ProgrammingError, match="permission denied"), nurse1.begin() as c:
            c.execute(text(forbidden))
    for reader in ("nurse5", "nurse6"):
        assert _ids(as_staff(reader), "SELECT action FROM audit_log") == {"view"}
    with (
        pytest.raises(ProgrammingError, match="permission denied"),
        as_staff("nurse5").begin() as c,
    ):
        c.execute(text("DELETE FROM audit_log"))


def test_new_episode_makes_an_old_patient_visible_to_the_next_pull(
    server: Engine, as_staff: Connect
) -> None:
    nurse4 = as_staff("nurse4")  # department 1
    outsider = min(_ids(server, "SELECT id FROM patient") - _ids(nurse4, "SELECT id FROM patient"))
    with nurse4.connect() as connection:
        before = connection.execute(text("SELECT max(change_seq) FROM patient")).scalar_one()
    with server.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO episode (patient_id, department_id, ward, admitted_on, discharged_on,"
                " diagnosis_code, diagnosis_name, discharge_disposition, change_seq) VALUES"
                " (:p, 1, '2', '2026-11-12', '2026-11-18', 'K35', '阑尾炎', 'home', 0)"
            ),
            {"p": outsider},
        )
    with nurse4.connect() as connection:
        seq = connection.execute(
            text("SELECT change_seq FROM patient WHERE id = :p"), {"p": outsider}
        ).scalar_one()
        contact_seq = connection.execute(
            text("SELECT change_seq FROM contact WHERE patient_id = :p"), {"p": outsider}
        ).scalar_one()
    assert seq > before and contact_seq > before  # re-stamped: the cursor hands them out
