"""Text message templates against hostile staff logins on a real PostgreSQL: who reads drafts,
who writes across the department line, a hospital-wide template, and a pushed edit.

The small hospital: nurse1 is an agent of department 2, nurse4 the supervisor of
department 1, nurse5 hospital quality, nurse6 the administrator.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

Connect = Callable[..., Engine]
REFUSED = "row-level security|permission denied|violates"
TEMPLATES = {  # code -> (department or None for the hospital's, state)
    "hospital_ok": (None, "approved"),
    "hospital_draft": (None, "draft"),
    "dept1_ok": (1, "approved"),
    "dept1_draft": (1, "draft"),
    "dept2_ok": (2, "approved"),
    "dept2_retired": (2, "retired"),
}
INSERT = (
    "INSERT INTO sms_template (id, code, kind, title, body, department_id, state, updated_by) "
    "VALUES (gen_random_uuid(), :c, 'health_education', 't', '正文', :d, 'approved', :w)"
)


def _templates(server: Engine) -> dict[str, uuid.UUID]:
    ids = {code: uuid.uuid4() for code in TEMPLATES}
    with server.begin() as connection:
        for code, (department, state) in TEMPLATES.items():
            connection.execute(
                text(
                    "INSERT INTO sms_template (id, code, kind, title, body, department_id, "
                    "state) VALUES (:i, :c, 'health_education', :c, '饮食清淡', :d, :s)"
                ),
                {"i": ids[code], "c": code, "d": department, "s": state},
            )
    return ids


def _visible(engine: Engine) -> set[str]:
    with engine.connect() as connection:
        return set(connection.execute(text("SELECT code FROM sms_template")).scalars())


def _titles(server: Engine) -> dict[str, str]:
    with server.connect() as connection:
        return dict(connection.execute(text("SELECT code, title FROM sms_template")).all())


APPROVED = {"hospital_ok", "dept1_ok", "dept2_ok"}


@pytest.mark.parametrize(
    ("login", "sees"),
    [
        ("nurse1", APPROVED),  # an agent
        ("nurse5", APPROVED),  # quality staff
        ("nurse4", APPROVED | {"dept1_draft"}),  # the supervisor of department 1
        ("nurse6", set(TEMPLATES)),  # the administrator
    ],
)
def test_drafts_reach_only_their_editors(
    server: Engine, as_staff: Connect, login: str, sees: set[str]
) -> None:
    _templates(server)
    assert _visible(as_staff(login)) == sees


@pytest.mark.parametrize(("login", "staff_id"), [("nurse1", 1), ("nurse5", 5)])
def test_agents_and_quality_staff_write_no_template(
    server: Engine, as_staff: Connect, login: str, staff_id: int
) -> None:
    ids = _templates(server)
    hostile = as_staff(login)
    for sql, values in (
        ("UPDATE sms_template SET body = '停药' WHERE id = :i", {"i": ids["dept2_ok"]}),
        (INSERT, {"c": "mine", "d": 2, "w": staff_id}),
        ("DELETE FROM sms_template WHERE id = :i", {"i": ids["dept2_ok"]}),
    ):
        with pytest.raises(DBAPIError, match=REFUSED), hostile.begin() as connection:
            connection.execute(text(sql), values)
    assert _visible(server) == set(TEMPLATES)
    assert _titles(server)["dept2_ok"] == "dept2_ok"


def test_a_supervisor_writes_only_their_own_departments_templates(
    server: Engine, as_staff: Connect
) -> None:
    ids = _templates(server)
    supervisor = as_staff("nurse4")
    with supervisor.begin() as connection:
        own = connection.execute(
            text("UPDATE sms_template SET title = '改', updated_by = 4 WHERE id = :i"),
            {"i": ids["dept1_ok"]},
        )
        assert own.rowcount == 1
        for other in ("dept2_ok", "hospital_ok"):  # readable, but not theirs to change
            changed = connection.execute(
                text("UPDATE sms_template SET title = '改', updated_by = 4 WHERE id = :i"),
                {"i": ids[other]},
            )
            assert changed.rowcount == 0
    for sql, values in (
        ("UPDATE sms_template SET department_id = 2, updated_by = 4 WHERE id = :i",
         {"i": ids["dept1_ok"]}),  # moving its own template to another department
        ("UPDATE sms_template SET department_id = NULL, updated_by = 4 WHERE id = :i",
         {"i": ids["dept1_ok"]}),  # or making it the hospital's
        ("UPDATE sms_template SET title = 'y', updated_by = 6 WHERE id = :i",
         {"i": ids["dept1_ok"]}),  # signing the administrator's name
        (INSERT, {"c": "new2", "d": 2, "w": 4}),
        (INSERT, {"c": "new_hospital", "d": None, "w": 4}),
        ("DELETE FROM sms_template WHERE id = :i", {"i": ids["dept1_ok"]}),
    ):  # fmt: skip
        with pytest.raises(DBAPIError, match=REFUSED), supervisor.begin() as connection:
            connection.execute(text(sql), values)
    titles = _titles(server)
    assert titles["dept1_ok"] == "改"
    assert titles["dept2_ok"] == "dept2_ok" and titles["hospital_ok"] == "hospital_ok"


def test_the_administrator_writes_the_hospitals_templates(
    server: Engine, as_staff: Connect
) -> None:
    ids = _templates(server)
    with as_staff("nurse6").begin() as connection:
        connection.execute(
            text("UPDATE sms_template SET title = '全院', updated_by = 6 WHERE id = :i"),
            {"i": ids["hospital_draft"]},
        )
        connection.execute(text(INSERT), {"c": "new_hospital", "d": None, "w": 6})
    assert _titles(server)["hospital_draft"] == "全院"
    assert "new_hospital" in _visible(server)


def _push(engine: Engine, payload: dict[str, object], op: str = "update") -> str:
    change = {"change_id": str(uuid.uuid4()), "table": "sms_template", "op": op,
              "row_id": str(payload["id"]), "payload": payload}  # fmt: skip
    with engine.begin() as connection:
        row = connection.execute(
            text("SELECT * FROM sync_push(CAST(:c AS jsonb))"), {"c": json.dumps([change])}
        ).one()
    return str(row[1])


def _payload(template_id: uuid.UUID, code: str, department: int | None) -> dict[str, object]:
    return {"id": str(template_id), "code": code, "kind": "health_education", "title": "改过",
            "body": "新的正文", "department_id": department, "state": "approved",
            "updated_by": 1, "updated_at": None, "change_seq": 0}  # fmt: skip


def test_a_pushed_template_is_applied_for_the_own_department_and_refused_across_the_line(
    server: Engine, as_staff: Connect
) -> None:
    ids = _templates(server)
    supervisor, agent = as_staff("nurse4"), as_staff("nurse1")
    assert _push(supervisor, _payload(ids["dept1_draft"], "dept1_draft", 1)) == "applied"
    assert _push(supervisor, _payload(ids["dept2_ok"], "dept2_ok", 2)) == "refused"
    assert _push(supervisor, _payload(ids["hospital_ok"], "hospital_ok", None)) == "refused"
    assert _push(agent, _payload(ids["dept2_ok"], "dept2_ok", 2)) == "refused"
    assert _push(supervisor, _payload(uuid.uuid4(), "new1", 1), "insert") == "applied"
    with server.connect() as connection:
        rows = {code: (title, writer) for code, title, writer in connection.execute(
            text("SELECT code, title, updated_by FROM sms_template"))}  # fmt: skip
    assert rows["dept1_draft"] == ("改过", 4)  # the writer's own id, whatever the desk says
    assert rows["dept2_ok"] == ("dept2_ok", None)
    assert rows["new1"] == ("改过", 4)
