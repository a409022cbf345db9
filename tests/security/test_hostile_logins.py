"""Hostile staff logins against a real PostgreSQL: each role tries to read, write and call
across the department line, and each attempt is refused (or touches nothing).

The small hospital: patient n belongs to department 1 + n % 2; nurse1 (agent) is in
department 2, nurse4 (supervisor) in department 1, nurse5 is hospital quality, nurse6 the
admin. A "foreign" row is one the role's rules do not reach, computed as the superuser.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import uuid
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

Connect = Callable[..., Engine]
AGENT, SUPERVISOR, QUALITY, ADMIN = "nurse1", "nurse4", "quality", "nurse6"
STAFF_ID = {"nurse1": 1, "nurse4": 4, "nurse5": 5, "nurse6": 6}
DEPT = {"nurse1": 2, "nurse4": 1}
REFUSED = "row-level security|permission denied|not open or not in your queue|violates"

# For agents and supervisors: the rows of each patient table their department does not reach.
FOREIGN_ROWS = {
    "patient": "SELECT id FROM patient p WHERE NOT EXISTS (SELECT 1 FROM episode e "
    "WHERE e.patient_id = p.id AND e.department_id = :d) AND NOT EXISTS (SELECT 1 "
    "FROM followup_task t WHERE t.patient_id = p.id AND (t.department_id = :d "
    "OR t.assigned_staff_id = :s))",
    "contact": "SELECT c.id FROM contact c WHERE c.patient_id IN ({patient})",
    "episode": "SELECT id FROM episode e WHERE e.department_id <> :d AND NOT EXISTS (SELECT 1 "
    "FROM followup_task t WHERE t.episode_id = e.id AND t.assigned_staff_id = :s)",
    "followup_task": "SELECT id FROM followup_task WHERE department_id <> :d "
    "AND assigned_staff_id IS DISTINCT FROM :s",
    "followup_result": "SELECT r.id FROM followup_result r "
    "JOIN followup_task t ON t.id = r.task_id WHERE t.department_id <> :d "
    "AND t.assigned_staff_id IS DISTINCT FROM :s AND r.staff_id <> :s",
    "call_attempt": "SELECT a.id FROM call_attempt a JOIN followup_task t ON t.id = a.task_id "
    "WHERE t.department_id <> :d AND t.assigned_staff_id IS DISTINCT FROM :s AND a.staff_id <> :s",
    "red_flag_alert": "SELECT id FROM red_flag_alert WHERE department_id <> :d "
    "AND doctor_id IS DISTINCT FROM :s AND raised_by_id <> :s",
    "complaint": "SELECT id FROM complaint WHERE department_id IS DISTINCT FROM :d "
    "AND created_by_id <> :s",
    "sampling_run": "SELECT id FROM sampling_run WHERE department_id IS DISTINCT FROM :d "
    "AND created_by_id <> :s",
}  # fmt: skip


def _rows(engine: Engine, sql: str, **params: Any) -> list[Any]:
    with engine.connect() as connection:
        return list(connection.execute(text(sql), params).scalars())


def _one(engine: Engine, sql: str, **params: Any) -> Any:
    with engine.begin() as connection:
        return connection.execute(text(sql), params).scalar()


def _work_done_everywhere(server: Engine) -> None:
    """Calls, results, alerts, complaints and a sampling run in both departments, written as
    the owner, so there is something foreign to reach for."""
    with server.begin() as c:
        for task_id, patient_id, dept, staff in c.execute(
            text(
                "SELECT t.id, t.patient_id, t.department_id, CASE t.department_id WHEN 1 "
                "THEN 2 ELSE 3 END FROM followup_task t WHERE t.id <= 8"
            )
        ).all():
            attempt, result = uuid.uuid4(), uuid.uuid4()
            c.execute(
                text(
                    "INSERT INTO call_attempt (id, task_id, patient_id, staff_id, direction, "
                    "line, number, started_at, end_reason) VALUES (:a, :t, :p, :s, 'outbound', "
                    "'fake', '13800000000', now(), '')"
                ),
                {"a": attempt, "t": task_id, "p": patient_id, "s": staff},
            )
            c.execute(
                text(
                    "INSERT INTO followup_result (id, task_id, attempt_id, staff_id, template_id,"
                    " template_version, answers, outcome, vital_status, notes, created_at, "
                    "flagged_reason) VALUES (:r, :t, :a, :s, 1, 1, '{}', 'completed', 'alive',"
                    " '', now(), '')"
                ),
                {"r": result, "t": task_id, "a": attempt, "s": staff},
            )
            c.execute(
                text(
                    "INSERT INTO red_flag_alert (id, result_id, task_id, patient_id, "
                    "department_id, raised_by_id, rule_id, severity, message, created_at) VALUES"
                    " (:i, :r, :t, :p, :d, :s, 'chest_pain', 'high', 'chest_pain', now())"
                ),
                {"i": uuid.uuid4(), "r": result, "t": task_id, "p": patient_id, "d": dept,
                 "s": staff},
            )  # fmt: skip
            c.execute(
                text(
                    "INSERT INTO complaint (id, patient_id, attempt_id, department_id, kind, "
                    "summary, state, replies, created_by_id, created_at) VALUES (:i, :p, :a, :d,"
                    " 'complaint', 'x', 'open', '[]', :s, now())"
                ),
                {"i": uuid.uuid4(), "p": patient_id, "a": attempt, "d": dept, "s": staff},
            )
        for dept in (1, 2):
            c.execute(
                text(
                    "INSERT INTO sampling_run (level, seed, period_start, period_end, "
                    "department_id, quotas, counts, picks, template_code, created_by_id, "
                    "created_at) VALUES (2, 1, '2026-11-01', '2026-11-30', :d, '{}', '{}', '[]',"
                    " 'x', 5, now())"
                ),
                {"d": dept},
            )


@pytest.mark.parametrize("login", [AGENT, SUPERVISOR])
@pytest.mark.parametrize("table", sorted(FOREIGN_ROWS))
def test_no_foreign_row_is_visible(
    server: Engine, as_staff: Connect, login: str, table: str
) -> None:
    _work_done_everywhere(server)
    params = {"d": DEPT[login], "s": STAFF_ID[login]}
    sql = FOREIGN_ROWS[table].replace("{patient}", FOREIGN_ROWS["patient"])
    foreign = _rows(server, sql, **params)
    assert foreign, f"the small hospital must hold foreign {table} rows"
    try:
        seen = _rows(as_staff(login), f"SELECT id FROM {table} WHERE id = ANY(:ids)", ids=foreign)
    except DBAPIError as error:  # no grant at all: refused outright
        assert "permission denied" in str(error)
        seen = []
    assert seen == []


@pytest.mark.parametrize(
    "table",
    ["patient", "contact", "episode", "followup_task", "followup_result", "call_attempt",
     "red_flag_alert"],
)  # fmt: skip
def test_the_admin_sees_no_patient_data(server: Engine, as_staff: Connect, table: str) -> None:
    _work_done_everywhere(server)
    assert _rows(as_staff(ADMIN), f"SELECT id FROM {table}") == []


def _foreign_task(server: Engine, login: str) -> tuple[int, int, int]:
    """(task, patient, department) of an open task out of ``login``'s reach, whose patient is
    out of its sight too."""
    row = (
        server.connect()
        .execute(
            text(
                "SELECT id, patient_id, department_id FROM followup_task WHERE "
                "department_id <> :d AND assigned_staff_id IS DISTINCT FROM :s "
                f"AND patient_id IN ({FOREIGN_ROWS['patient']}) ORDER BY id LIMIT 1"
            ),
            {"d": DEPT[login], "s": STAFF_ID[login]},
        )
        .one()
    )
    return int(row[0]), int(row[1]), int(row[2])


def _change(table: str, payload: dict[str, Any], op: str = "insert") -> dict[str, Any]:
    return {"change_id": str(uuid.uuid4()), "table": table, "op": op,
            "row_id": str(payload.get("id", "")), "payload": payload}  # fmt: skip


def test_an_agent_cannot_push_a_result_a_death_or_a_red_flag_into_another_department(
    server: Engine, as_staff: Connect
) -> None:
    task, patient, dept = _foreign_task(server, AGENT)
    attempt, result = str(uuid.uuid4()), str(uuid.uuid4())
    now = dt.datetime.now(dt.UTC).isoformat()
    changes = [
        _change("call_attempt", {"id": attempt, "task_id": task, "patient_id": patient,
                                 "staff_id": 1, "direction": "outbound", "line": "fake",
                                 "number": "13800000000", "started_at": now, "end_reason": ""}),
        _change("followup_result", {"id": result, "task_id": task, "attempt_id": None,
                                    "staff_id": 1, "template_id": 1, "template_version": 1,
                                    "answers": {}, "outcome": "completed",
                                    "vital_status": "deceased", "death_date": "2026-11-30",
                                    "notes": "", "created_at": now, "flagged_reason": ""}),
        _change("red_flag_alert", {"id": str(uuid.uuid4()), "result_id": result, "task_id": task,
                                   "patient_id": patient, "department_id": dept,
                                   "raised_by_id": 1, "rule_id": "x", "severity": "high",
                                   "message": "x", "created_at": now}),
        _change("followup_task", {"id": task, "status": "done", "attempt_count": 1}, "update"),
    ]  # fmt: skip
    with as_staff(AGENT).begin() as connection:
        answers = connection.execute(
            text("SELECT status FROM sync_push(CAST(:c AS jsonb))"), {"c": json.dumps(changes)}
        ).scalars()
        assert list(answers) == ["refused"] * 4
    for table in ("call_attempt", "followup_result", "red_flag_alert"):
        assert _rows(server, f"SELECT id FROM {table} WHERE task_id = :t", t=task) == []
    assert _one(server, "SELECT status FROM followup_task WHERE id = :t", t=task) == "pending"


INSERTS = {
    "call_attempt": "INSERT INTO call_attempt (id, task_id, patient_id, staff_id, direction, line,"
    " number, started_at, end_reason) VALUES (gen_random_uuid(), :t, :p, :s, 'outbound', 'fake',"
    " '1', now(), '')",
    "call_attempt_patient_only": "INSERT INTO call_attempt (id, patient_id, staff_id, direction, "
    "line, number, started_at, end_reason) VALUES (gen_random_uuid(), :p, :s, 'inbound', 'fake', "
    "'1', now(), '')",
    "followup_result": "INSERT INTO followup_result (id, task_id, staff_id, template_id, "
    "template_version, answers, outcome, vital_status, notes, created_at, flagged_reason) VALUES "
    "(gen_random_uuid(), :t, :s, 1, 1, '{}', 'completed', 'deceased', '', now(), '')",
    "sms_message": "INSERT INTO sms_message (id, task_id, number_e164, body, state, created_at) "
    "VALUES (gen_random_uuid(), :t, '+8613800000000', 'x', 'queued', now())",
    "sms_message_reply": "INSERT INTO sms_message (id, task_id, patient_id, direction, "
    "number_e164, body, state, created_at) VALUES (gen_random_uuid(), NULL, :p, 'in', "
    "'+8613800000000', 'x', 'received', now())",
    "complaint": "INSERT INTO complaint (id, patient_id, department_id, kind, summary, state, "
    "replies, created_by_id, created_at) VALUES (gen_random_uuid(), :p, :d, 'complaint', 'x', "
    "'open', '[]', :s, now())",
    "followup_task": "INSERT INTO followup_task (patient_id, episode_id, plan_id, department_id, "
    "offset_days, due_at, level, parent_task_id, status, attempt_count, updated_at, change_seq) "
    "SELECT :p, :p, 1, :d, 3, now(), 2, 1, 'pending', 0, now(), 0",
    "task_lease": "INSERT INTO task_lease (task_id, owner_id, expires_at) VALUES (:t, :s, now())",
    "staff": "INSERT INTO staff (username, full_name, role, department_id, password_hash, "
    "sip_account, extension, active, change_seq) VALUES ('evil', 'x', 'quality', 1, 'x', '', '', "
    "true, 0)",
    "patient": "INSERT INTO patient (mrn, name, sex, birth_date, id_number, notes, change_seq) "
    "VALUES ('X', 'x', 'F', '1950-01-01', '', '', 0)",
}  # fmt: skip


@pytest.mark.parametrize("login", [AGENT, SUPERVISOR])
@pytest.mark.parametrize("what", sorted(INSERTS))
def test_inserts_across_the_department_line_are_refused(
    server: Engine, as_staff: Connect, login: str, what: str
) -> None:
    task, patient, dept = _foreign_task(server, login)
    hostile = as_staff(login)
    with pytest.raises(DBAPIError, match=REFUSED), hostile.begin() as connection:
        connection.execute(
            text(INSERTS[what]), {"t": task, "p": patient, "d": dept, "s": STAFF_ID[login]}
        )


UPDATES = {
    "followup_task": "UPDATE followup_task SET status = 'cancelled' WHERE id = :t",
    "call_attempt": "UPDATE call_attempt SET disposition = 'deceased' WHERE task_id = :t",
    "complaint": "UPDATE complaint SET state = 'closed' WHERE patient_id = :p",
    "red_flag_alert": "UPDATE red_flag_alert SET acknowledged_at = now() WHERE task_id = :t",
    "applied_change": "UPDATE applied_change SET outcome = 'x'",
}
DELETES = (
    "followup_task", "call_attempt", "followup_result", "complaint", "patient", "contact",
    "episode", "red_flag_alert", "audit_log", "recording", "applied_change", "staff",
)  # fmt: skip


@pytest.mark.parametrize("login", [AGENT, SUPERVISOR])
@pytest.mark.parametrize("what", sorted(UPDATES))
def test_updates_across_the_department_line_touch_nothing(
    server: Engine, as_staff: Connect, login: str, what: str
) -> None:
    _work_done_everywhere(server)
    task, patient, _ = _foreign_task(server, login)
    with server.begin() as connection:  # someone else's sync history
        connection.execute(
            text("INSERT INTO applied_change (change_id, table_name, row_id, operation, "
                 "applied_by) VALUES (gen_random_uuid(), 'x', 'x', 'insert', 'nurse3')")
        )  # fmt: skip
    try:
        with as_staff(login).begin() as connection:
            changed = connection.execute(text(UPDATES[what]), {"t": task, "p": patient}).rowcount
    except DBAPIError as error:
        assert "permission denied" in str(error)
    else:
        assert changed == 0


@pytest.mark.parametrize(
    ("login", "table"),
    # The administrator manages staff (test_row_security covers it).
    [(login, table) for login in (AGENT, SUPERVISOR, "nurse5", ADMIN) for table in DELETES
     if (login, table) != (ADMIN, "staff")],
)  # fmt: skip
def test_no_desk_login_deletes_patient_data_or_history(
    server: Engine, as_staff: Connect, login: str, table: str
) -> None:
    _work_done_everywhere(server)
    try:
        with as_staff(login).begin() as connection:
            deleted = connection.execute(text(f"DELETE FROM {table}")).rowcount
    except DBAPIError as error:
        assert "permission denied" in str(error)
    else:
        assert deleted == 0


def test_a_supervisor_cannot_open_the_hospital_through_spot_check_inserts(
    server: Engine, as_staff: Connect
) -> None:
    """The finding: one INSERT ... SELECT of spot-checks naming every patient made the whole
    hospital visible. Now a spot-check must copy its parent, which the supervisor must see."""
    with server.begin() as connection:
        connection.execute(text("UPDATE followup_task SET status = 'done' WHERE level = 1"))
        plan = connection.execute(text("SELECT desk_spot_check_plan()")).scalar_one()
    supervisor = as_staff(SUPERVISOR)
    before = set(_rows(supervisor, "SELECT id FROM patient"))
    own_parent = _one(server, "SELECT min(id) FROM followup_task WHERE department_id = 1")
    with pytest.raises(DBAPIError, match=REFUSED), supervisor.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO followup_task (patient_id, episode_id, plan_id, department_id, "
                "offset_days, due_at, level, parent_task_id, status, attempt_count, updated_at,"
                " change_seq) SELECT p.id, NULL, :plan, 1, 3, now(), 2, :parent, 'pending', 0,"
                " now(), 0 FROM generate_series(1, 20) AS p(id)"
            ),
            {"plan": plan, "parent": own_parent},
        )
    foreign_parent = _one(server, "SELECT min(id) FROM followup_task WHERE department_id = 2")
    parent = (
        server.connect()
        .execute(
            text("SELECT patient_id, episode_id, offset_days FROM followup_task WHERE id = :t"),
            {"t": foreign_parent},
        )
        .one()
    )
    with pytest.raises(DBAPIError, match=REFUSED), supervisor.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO followup_task (patient_id, episode_id, plan_id, department_id, "
                "offset_days, due_at, level, parent_task_id, status, attempt_count, updated_at,"
                " change_seq) VALUES (:p, :e, :plan, 1, :o, now(), 2, :parent, 'pending', 0, "
                "now(), 0)"
            ),
            {"p": parent[0], "e": parent[1], "o": parent[2], "plan": plan,
             "parent": foreign_parent},
        )  # fmt: skip
    assert set(_rows(supervisor, "SELECT id FROM patient")) == before


def test_forged_audit_rows_get_the_servers_time_and_the_callers_id(
    server: Engine, as_staff: Connect
) -> None:
    agent = as_staff(AGENT)
    with agent.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO audit_log (id, staff_id, action, object_type, object_id, detail, at)"
                " VALUES (gen_random_uuid(), 2, 'export', 'report', 'x', '{}', "
                "'2020-01-01T00:00:00Z')"
            )
        )
    row = server.connect().execute(text("SELECT staff_id, at, detail FROM audit_log")).one()
    assert row[0] == 1
    assert abs((row[1] - dt.datetime.now(dt.UTC)).total_seconds()) < 60
    assert row[2]["desk_at"].startswith("2020-01-01") and row[2]["desk_staff_id"] == 2


def test_sync_task_state_neither_reveals_nor_locks_another_departments_task(
    server: Engine, as_staff: Connect
) -> None:
    task, _, _ = _foreign_task(server, AGENT)
    agent = as_staff(AGENT)
    with agent.begin() as connection:
        state = connection.execute(
            text("SELECT id, status FROM sync_task_state(:t, true)"), {"t": task}
        ).one()
        assert state == (None, None)
        locked = threading.Event()

        def other_desk_locks() -> None:
            with server.begin() as other:
                other.execute(text("SET lock_timeout = '2s'"))
                other.execute(text("SELECT 1 FROM followup_task WHERE id = :t FOR UPDATE"),
                              {"t": task})  # fmt: skip
                locked.set()

        thread = threading.Thread(target=other_desk_locks)
        thread.start()
        thread.join(5)
        assert locked.is_set()


# Every SECURITY DEFINER function a desk role may call, with the most hostile call an agent can
# make to it (another department's task, patient, recording or lease) and what must come of
# it: "refused" (an error), False, None, or "own" (the caller's own staff row, nobody else's).
# test_server_catalog fails when such a function has no entry here.
HOSTILE_CALLS: dict[str, tuple[str, object]] = {
    "desk_staff()": ("SELECT id FROM desk_staff()", "own"),
    "desk_staff_id()": ("SELECT desk_staff_id()", "own"),
    "desk_staff_department()": ("SELECT desk_staff_department() = 2", True),
    "desk_is_staff_login()": ("SELECT desk_is_staff_login()", True),
    # The gate and the schema revision, the same for every desk; nothing else.
    "desk_sync_gate()": ("SELECT min_version FROM desk_sync_gate()", "0.1.0"),
    "kb_grams(text)": ("SELECT cardinality(kb_grams('伤口'))", 3),  # reads no table
    # approved articles only (test_knowledge_hostile.py writes drafts for it to leave out)
    "desk_kb_search(text[],text,boolean,integer)": (
        "SELECT count(*) FROM desk_kb_search(ARRAY['伤'], '伤', false, 30)", 0),
    # It only moves sums between tables no agent may read (test_tally_deltas_hostile).
    "stats_fold_deltas()": ("SELECT stats_fold_deltas()", True),
    "desk_task_in_reach(bigint,bigint,bigint)": ("SELECT desk_task_in_reach(:t, :p, :d)", False),
    "sync_result_flag(bigint,bigint)": ("SELECT sync_result_flag(:t, 3)", None),
    "sync_task_state(bigint,boolean)": ("SELECT (sync_task_state(:t, true)).status", None),
    "desk_spot_check_parent(bigint,bigint,bigint,bigint,integer)": (
        "SELECT desk_spot_check_parent(:t, :p, :p, :d, 3)", "refused"),
    "desk_spot_check_plan()": ("SELECT desk_spot_check_plan()", "refused"),
    "lease_claim(bigint,integer)": ("SELECT * FROM lease_claim(:t, 60)", "refused"),
    "lease_claim_card(bigint,integer,jsonb)": (
        "SELECT * FROM lease_claim_card(:t, 60, '{}')", "refused"),
    "lease_claim_next_card(integer,timestamp with time zone,jsonb)": (
        "SELECT count(*) FROM lease_claim_next_card(60, NULL, '{}') l, jsonb_each(l.card) c, "
        "jsonb_array_elements(c.value) r WHERE c.key IN ('followup_task', 'episode') "
        "AND (r->>'department_id')::bigint <> 2", 0),
    "desk_task_card(bigint,jsonb)": (
        "SELECT count(*) FROM jsonb_each(desk_task_card(:t, '{}')) c, "
        "jsonb_array_elements(c.value) r", 0),
    "lease_claim_next(integer,timestamp with time zone)": (
        "SELECT count(*) FROM lease_claim_next(60) l "
        "JOIN followup_task t ON t.id = l.task_id WHERE t.department_id <> 2", 0),
    "lease_heartbeat(integer)": (
        "SELECT count(*) FROM lease_heartbeat(60) WHERE task_id = :t", 0),
    "lease_release(bigint)": ("SELECT count(*) FROM (SELECT lease_release(:t)) AS released", 1),
    "recording_upload_offset(uuid)": ("SELECT * FROM recording_upload_offset(:r)", "refused"),
    "recording_put_chunk(uuid,bigint,bytea)": (
        "SELECT recording_put_chunk(:r, 0, '\\x00')", "refused"),
    "recording_finish(uuid)": ("SELECT * FROM recording_finish(:r)", "refused"),
    # 0023 (test_red_flag_hostile.py tries every role): an agent acknowledges nothing, and an
    # escalation hands out no patient (nor anything when nothing is due)
    "red_flag_acknowledge(uuid,text,text)": (
        "SELECT red_flag_acknowledge(gen_random_uuid(), 'called_back', '')", "refused"),
    "red_flag_escalate(boolean)": ("SELECT count(*) FROM red_flag_escalate(true)", 0),
    "sync_add_contact(jsonb)": (
        "SELECT sync_add_contact(jsonb_build_object('patient_id', :p, 'client_uuid', "
        "gen_random_uuid(), 'name', 'x', 'relation', 'other', 'kind', 'mobile', "
        "'number_raw', '1', 'number_e164', '+8613500000000'))", "refused"),
}  # fmt: skip


def _foreign_recording_and_lease(server: Engine, task: int) -> uuid.UUID:
    """Another department's call recorded, and its task leased by nurse2, as the owner."""
    recording = uuid.uuid4()
    with server.begin() as c:
        attempt = c.execute(
            text("SELECT id FROM call_attempt WHERE task_id = :t"), {"t": task}
        ).scalar_one()
        c.execute(
            text("INSERT INTO recording (id, attempt_id, codec, duration_ms, size_bytes, sha256,"
                 " local_path, upload_state, markers) VALUES (:r, :a, 'opus', 1000, 10, '', '',"
                 " 'pending', '{}')"),
            {"r": recording, "a": attempt},
        )  # fmt: skip
        c.execute(
            text("INSERT INTO task_lease (task_id, owner_id, expires_at) "
                 "VALUES (:t, 2, now() + interval '10 minutes')"),
            {"t": task},
        )  # fmt: skip
    return recording


@pytest.mark.parametrize("function", sorted(HOSTILE_CALLS))
def test_each_server_function_refuses_or_ignores_a_hostile_call(
    server: Engine, as_staff: Connect, function: str
) -> None:
    _work_done_everywhere(server)
    task, patient, dept = _foreign_task(server, AGENT)
    recording = _foreign_recording_and_lease(server, task)
    sql, expected = HOSTILE_CALLS[function]
    params = {"t": task, "p": patient, "d": dept, "r": recording}
    agent = as_staff(AGENT)
    if expected == "refused":
        with pytest.raises(DBAPIError), agent.begin() as connection:
            connection.execute(text(sql), params)
        return
    got = _one(agent, sql, **params)
    assert got == (STAFF_ID[AGENT] if expected == "own" else expected)
    assert _one(server, "SELECT owner_id FROM task_lease WHERE task_id = :t", t=task) == 2


@pytest.mark.parametrize(
    "call",
    [
        "SELECT desk_lease_seconds(999999)",
        "SELECT desk_patient_in_reach(1)",
        "SELECT * FROM lease_caller()",
        "SELECT recording_for_upload(gen_random_uuid(), true)",
        "SELECT sync_notify_change()",
    ],
)
def test_inner_server_functions_cannot_be_called_at_all(
    server: Engine, as_staff: Connect, call: str
) -> None:
    with pytest.raises(DBAPIError, match="permission denied"), as_staff(AGENT).begin() as c:
        c.execute(text(call))


@pytest.mark.parametrize(
    "call",
    [
        "SELECT expires_at - now() FROM lease_claim(:t, 2000000000)",
        "SELECT expires_at - now() FROM lease_claim_next(2000000000)",
    ],
)
def test_leases_are_clamped_to_the_hospitals_longest(
    server: Engine, as_staff: Connect, call: str
) -> None:
    own = _one(server, "SELECT min(id) FROM followup_task WHERE department_id = 2 "
                       "AND assigned_staff_id IS NULL")  # fmt: skip
    agent = as_staff(AGENT)
    length = _one(agent, call, t=own)
    assert dt.timedelta(minutes=59) < length <= dt.timedelta(hours=1)
    renewed = _one(agent, "SELECT max(expires_at - now()) FROM lease_heartbeat(2000000000)")
    assert renewed <= dt.timedelta(hours=1)
    assert _one(agent, "SELECT min(expires_at - now()) FROM lease_heartbeat(1)") >= (
        dt.timedelta(seconds=59)
    )


def test_a_change_id_taken_first_by_another_login_is_refused_not_dropped(
    server: Engine, as_staff: Connect
) -> None:
    stolen = str(uuid.uuid4())
    with as_staff("nurse3").begin() as connection:
        connection.execute(
            text("INSERT INTO applied_change (change_id, table_name, row_id, operation) "
                 "VALUES (:c, 'x', 'x', 'insert')"),
            {"c": stolen},
        )  # fmt: skip
    change = _change("audit_log", {"id": str(uuid.uuid4()), "staff_id": 1, "action": "view",
                                   "object_type": "patient", "object_id": "1", "detail": {},
                                   "at": dt.datetime.now(dt.UTC).isoformat()})  # fmt: skip
    change["change_id"] = stolen
    with as_staff(AGENT).begin() as connection:
        answer = connection.execute(
            text("SELECT status, detail FROM sync_push(CAST(:c AS jsonb))"),
            {"c": json.dumps([change])},
        ).one()
    assert answer == ("refused", "this change id was already used by another login")


def test_an_alert_is_acknowledged_only_in_the_acknowledgers_own_name(
    server: Engine, as_staff: Connect
) -> None:
    _work_done_everywhere(server)
    # 0023: nobody updates an alert directly, not even in their own name; acknowledging goes
    # through red_flag_acknowledge, which names the caller (test_red_flag_hostile.py).
    for by in (2, 4):
        with pytest.raises(DBAPIError, match=REFUSED), as_staff(SUPERVISOR).begin() as c:
            c.execute(
                text("UPDATE red_flag_alert SET acknowledged_at = now(), acknowledged_by_id = :b "
                     "WHERE department_id = 1"), {"b": by}
            )  # fmt: skip
    alert = _one(server, "SELECT id FROM red_flag_alert WHERE department_id = 1 LIMIT 1")
    _one(as_staff(SUPERVISOR), "SELECT red_flag_acknowledge(:a, 'called_back', '')", a=alert)
    by = _one(server, "SELECT acknowledged_by_id FROM red_flag_alert WHERE id = :a", a=alert)
    assert by == STAFF_ID[SUPERVISOR]


PLANNED = (
    "INSERT INTO sms_message (id, task_id, patient_id, episode_id, purpose, plan_key, "
    "number_e164, body, state, created_at) VALUES (gen_random_uuid(), :t, NULL, :e, :u, :k, "
    "'+8613800000000', 'x', 'queued', now())"
)


def _episode_of(server: Engine, task: int) -> int:
    return int(_one(server, "SELECT episode_id FROM followup_task WHERE id = :t", t=task))


@pytest.mark.parametrize("login", [AGENT, SUPERVISOR])
@pytest.mark.parametrize(
    "what",
    ["another department's episode", "another department's notice key",
     "another department's reminder key", "a key its own row does not stand for"],
)  # fmt: skip
def test_planned_messages_across_the_department_line_are_refused(
    server: Engine, as_staff: Connect, login: str, what: str
) -> None:
    task, _patient, _ = _foreign_task(server, login)
    episode = _episode_of(server, task)
    own_task = _one(server, "SELECT min(id) FROM followup_task WHERE department_id = :d",
                    d=DEPT[login])  # fmt: skip
    values = {
        "another department's episode": (None, episode, "revisit_reminder", None),
        "another department's notice key": (None, None, "pre_call_notice",
                                            f"pre_call_notice:task:{task}"),
        "another department's reminder key": (None, None, "revisit_reminder",
                                              f"revisit_reminder:episode:{episode}"),
        "a key its own row does not stand for": (own_task, None, "pre_call_notice",
                                                 f"pre_call_notice:task:{task}"),
    }[what]  # fmt: skip
    with pytest.raises(DBAPIError, match=REFUSED), as_staff(login).begin() as connection:
        connection.execute(text(PLANNED), dict(zip("teuk", values, strict=True)))
    assert _rows(server, "SELECT id FROM sms_message WHERE plan_key IS NOT NULL") == []


@pytest.mark.parametrize("login", [AGENT, SUPERVISOR])
def test_a_planned_notice_for_the_writers_own_task_is_taken(
    server: Engine, as_staff: Connect, login: str
) -> None:
    own_task = _one(server, "SELECT min(id) FROM followup_task WHERE department_id = :d",
                    d=DEPT[login])  # fmt: skip
    key = f"pre_call_notice:task:{own_task}"
    with as_staff(login).begin() as connection:
        connection.execute(text(PLANNED), {"t": own_task, "e": None, "u": "pre_call_notice",
                                           "k": key})  # fmt: skip
    assert _rows(server, "SELECT plan_key FROM sms_message") == [key]
