"""Rows an agent makes at the desk while the line is down reach the server exactly once.

A contact's id is the server's, so the desk holds it under a provisional id until the push
answers the server's; a call to that number, and a complaint about that call, are queued
naming it. Real server, real staff logins, a real TCP line that is cut (tcp_proxy.py): before
the push, and after the server committed but before the desk heard.

The small hospital: patient n is in department 1 + n % 2; nurse1 (agent) and nurse3 are in
department 2 (odd patients), nurse2 in department 1.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import Engine, select, text

from agent_app.domain.enums import LineType, OutboxState, Relation
from agent_app.domain.phone_numbers import parse_caller
from agent_app.screenpop.lookup import PopKind, decide
from agent_app.store.outbox import count_by_state
from agent_app.store.repositories.attempts import start_outbound
from agent_app.store.repositories.contacts import add_contact
from agent_app.store.repositories.staff import account_by_username
from agent_app.store.schema import CallAttempt, Complaint, Contact, Outbox
from agent_app.supervision.complaints import register_complaint
from agent_app.sync.errors import SyncOfflineError
from agent_app.sync.pull import pull_changes
from agent_app.sync.push import push_pending
from tests.sync.tcp_proxy import TcpProxy

Connect = Callable[..., Engine]
AGENT = "nurse1"  # staff 1, department 2
PATIENT = 1  # department 2
OTHER_PATIENT = 2  # department 1
# Out of reach: patient 4 (department 1, its tasks assigned to nurse2 or in the pool) for
# nurse1; patient 1 (department 2) for nurse4; every patient for nurse6, the administrator.
OUT_OF_REACH = {"nurse1": 4, "nurse4": 1, "nurse6": 1}
IN_REACH = {"nurse1": ("nurse1", 1), "nurse4": ("nurse4", 2), "nurse6": ("nurse5", 1)}
NUMBER = "135-1111-2222"
E164 = "+8613511112222"


def _one(engine: Engine, sql: str, **params: Any) -> Any:
    with engine.connect() as connection:
        return connection.execute(text(sql), params).scalar()


def _server_contacts(server: Engine) -> list[tuple[int, uuid.UUID | None]]:
    with server.connect() as connection:
        return [
            (int(i), u)
            for i, u in connection.execute(
                text("SELECT id, client_uuid FROM contact WHERE number_e164 = :n"), {"n": E164}
            )
        ]


def _desk_contacts(local: Engine) -> list[int]:
    with local.connect() as connection:
        return list(
            connection.execute(
                select(Contact.id).where(Contact.number_e164 == E164).order_by(Contact.id)
            ).scalars()
        )


def _work_offline(local: Engine) -> tuple[int, uuid.UUID, uuid.UUID]:
    """The agent saves the caller's number for the patient, calls it back and registers the
    patient's complaint about that call, all on the desk."""
    provisional = add_contact(local, PATIENT, "赵小红", Relation.DAUGHTER, NUMBER)
    attempt = start_outbound(
        local, staff_id=1, number=E164, line=LineType.FAKE, patient_id=PATIENT,
        contact_id=provisional,
    )  # fmt: skip
    complaint = register_complaint(local, 1, "等候太久", attempt_id=attempt).id
    return provisional, attempt, complaint


def _assert_once_everywhere(
    local: Engine, server: Engine, attempt: uuid.UUID, complaint: uuid.UUID
) -> int:
    """One contact on the server, the desk holding it under the server's id; the call and the
    complaint once each on the server, naming it. Returns the contact's server id."""
    on_server = _server_contacts(server)
    assert len(on_server) == 1
    server_id = on_server[0][0]
    assert _desk_contacts(local) == [server_id]
    with local.connect() as connection:
        assert (
            connection.execute(
                select(CallAttempt.contact_id).where(CallAttempt.id == attempt)
            ).scalar_one()
            == server_id
        )
        assert connection.execute(select(Contact.id).where(Contact.id < 0)).all() == []
        assert list(connection.execute(select(Complaint.id)).scalars()) == [complaint]
    assert _one(server, "SELECT count(*) FROM call_attempt WHERE id = :a", a=attempt) == 1
    assert _one(server, "SELECT contact_id FROM call_attempt WHERE id = :a", a=attempt) == (
        server_id
    )
    assert _one(server, "SELECT count(*) FROM complaint WHERE id = :c", c=complaint) == 1
    assert _one(server, "SELECT attempt_id FROM complaint WHERE id = :c", c=complaint) == attempt
    counts = count_by_state(local)
    assert counts[OutboxState.PENDING] == counts[OutboxState.QUARANTINED] == 0
    return int(server_id)


def _screen_pop_finds(local: Engine, server_id: int) -> None:
    viewer = account_by_username(local, AGENT)
    assert viewer is not None
    pop = decide(local, parse_caller(E164), viewer)
    assert pop.kind is PopKind.PATIENT and pop.patient is not None
    assert pop.patient.patient_id == PATIENT
    assert pop.patient.match is not None and pop.patient.match.contact_id == server_id


@pytest.fixture
def agent_line(as_staff: Connect, server_via_line: Engine) -> Engine:
    """The agent's own login, reaching the server through the line."""
    return as_staff(AGENT, via=server_via_line.url)


def test_a_contact_made_offline_reaches_the_server_once_after_reconnect(
    server: Engine, agent_line: Engine, line: TcpProxy, local: Engine
) -> None:
    pull_changes(local, agent_line)
    line.cut()
    provisional, attempt, complaint = _work_offline(local)
    assert provisional < 0
    with pytest.raises(SyncOfflineError):
        push_pending(local, agent_line)
    assert _server_contacts(server) == []
    line.restore()
    report = push_pending(local, agent_line)
    assert (report.applied, report.quarantined) == (report.pushed, 0)
    (server_id, client_key), *_ = _server_contacts(server)
    assert server_id > 0 and client_key is not None
    assert _assert_once_everywhere(local, server, attempt, complaint) == server_id
    pull_changes(local, agent_line)
    assert _assert_once_everywhere(local, server, attempt, complaint) == server_id
    _screen_pop_finds(local, server_id)


@pytest.mark.parametrize("pull_first", [False, True], ids=["resend", "pull-then-resend"])
def test_a_push_whose_acknowledgement_is_lost_adds_the_contact_once(
    server: Engine, agent_line: Engine, line: TcpProxy, local: Engine, pull_first: bool
) -> None:
    pull_changes(local, agent_line)
    provisional, attempt, complaint = _work_offline(local)
    # The COMMIT message itself: after a pull, BEGIN names "READ COMMITTED" too.
    fired = line.cut_after(b"COMMIT\x00", delay=0.3)
    with pytest.raises(SyncOfflineError):
        push_pending(local, agent_line)
    assert fired.is_set()
    assert len(_server_contacts(server)) == 1  # committed there, unheard here
    assert _desk_contacts(local) == [provisional]
    if pull_first:
        # The server's row comes back before the desk heard its id: it takes the row's
        # place, under the server's id, not beside it.
        pull_changes(local, agent_line)
        assert _desk_contacts(local) == [_server_contacts(server)[0][0]]
    report = push_pending(local, agent_line)
    assert report.duplicate == 1 and report.quarantined == 0
    server_id = _assert_once_everywhere(local, server, attempt, complaint)
    pull_changes(local, agent_line)
    assert _assert_once_everywhere(local, server, attempt, complaint) == server_id
    _screen_pop_finds(local, server_id)


def test_two_desks_adding_one_number_make_one_contact(
    server: Engine, as_staff: Connect, local: Engine, tmp_path: Any
) -> None:
    from agent_app.store.engine import open_local_store

    other = open_local_store(tmp_path / "other-desk.sqlite3")
    try:
        desks = ((local, as_staff(AGENT)), (other, as_staff("nurse3")))
        for desk, login in desks:
            pull_changes(desk, login)
            add_contact(desk, PATIENT, "赵小红", Relation.DAUGHTER, NUMBER)
        for desk, login in desks:
            push_pending(desk, login)
        (server_id, _), *more = _server_contacts(server)
        assert more == []
        for desk, login in desks:
            pull_changes(desk, login)
            assert _desk_contacts(desk) == [server_id]
    finally:
        other.dispose()


def _contact_change(patient: int, client_key: uuid.UUID) -> dict[str, Any]:
    payload = {"id": -1, "patient_id": patient, "name": "x", "relation": "other",
               "kind": "mobile", "number_raw": NUMBER, "number_e164": E164,
               "number_national": "13511112222", "priority": 0, "change_seq": 0,
               "client_uuid": str(client_key)}  # fmt: skip
    return {"change_id": str(uuid.uuid4()), "table": "contact", "op": "insert",
            "row_id": "-1", "payload": payload}  # fmt: skip


def _push_as(login: Engine, *changes: dict[str, Any]) -> list[tuple[str, str]]:
    with login.begin() as connection:
        rows = connection.execute(
            text("SELECT status, detail FROM sync_push(CAST(:c AS jsonb))"),
            {"c": json.dumps(list(changes))},
        ).all()
    return [(str(status), str(detail)) for status, detail in rows]


@pytest.mark.parametrize("login", ["nurse1", "nurse4", "nurse6"])
def test_no_login_adds_a_contact_or_complaint_for_a_patient_out_of_its_reach(
    server: Engine, as_staff: Connect, login: str
) -> None:
    foreign = OUT_OF_REACH[login]
    staff_id = int(login.removeprefix("nurse"))
    complaint = {"id": str(uuid.uuid4()), "patient_id": foreign, "attempt_id": None,
                 "department_id": None, "kind": "complaint", "summary": "x", "state": "open",
                 "replies": [], "created_by_id": staff_id, "created_at": "2026-12-01T08:00:00Z",
                 "closed_at": None}  # fmt: skip
    answers = _push_as(
        as_staff(login),
        _contact_change(foreign, uuid.uuid4()),
        {"change_id": str(uuid.uuid4()), "table": "complaint", "op": "insert",
         "row_id": complaint["id"], "payload": complaint},
    )  # fmt: skip
    assert [status for status, _ in answers] == ["refused", "refused"]
    assert _server_contacts(server) == []
    assert _one(server, "SELECT count(*) FROM complaint") == 0
    assert _one(server, "SELECT count(*) FROM applied_change") == 0
    # The same door stays open within reach: the login's own patient (quality's, for the
    # administrator, who reaches none).
    colleague, patient = IN_REACH[login]
    (status, detail), *_ = _push_as(as_staff(colleague), _contact_change(patient, uuid.uuid4()))
    assert status == "applied"
    assert [key for key, _ in _server_contacts(server)] == [int(detail)]


def test_a_client_uuid_cannot_be_borrowed_from_another_patients_contact(
    server: Engine, as_staff: Connect
) -> None:
    taken = uuid.uuid4()
    (status, detail), *_ = _push_as(as_staff("nurse2"), _contact_change(OTHER_PATIENT, taken))
    assert status == "applied" and int(detail) > 0
    answers = _push_as(as_staff(AGENT), _contact_change(PATIENT, taken))
    assert answers == [("refused", "this client uuid already names another patient's contact")]
    assert [key for _, key in _server_contacts(server)] == [taken]


def test_a_contact_the_server_refuses_leaves_the_call_to_it_on_the_server(
    server: Engine, as_staff: Connect, local: Engine
) -> None:
    """A contact the server cannot take (here: its number lost on the way) is quarantined;
    the call made to it and the complaint about that call still arrive, naming no contact."""
    agent = as_staff(AGENT)
    pull_changes(local, agent)
    provisional, attempt, complaint = _work_offline(local)
    with local.begin() as connection:
        connection.execute(
            text("UPDATE outbox SET payload = json_set(payload, '$.number_e164', '') "
                 "WHERE table_name = 'contact'")
        )  # fmt: skip
    report = push_pending(local, agent)
    assert report.quarantined == 1
    assert _server_contacts(server) == []
    with local.connect() as connection:
        quarantined = connection.execute(
            select(Outbox.table_name).where(Outbox.state == OutboxState.QUARANTINED)
        ).scalars()
        assert list(quarantined) == ["contact"]
    assert _desk_contacts(local) == [provisional]
    assert _one(server, "SELECT count(*) FROM call_attempt WHERE id = :a", a=attempt) == 1
    assert _one(server, "SELECT contact_id FROM call_attempt WHERE id = :a", a=attempt) is None
    assert _one(server, "SELECT count(*) FROM complaint WHERE id = :c", c=complaint) == 1


def test_a_call_from_a_card_opened_before_the_sync_names_the_servers_contact(
    server: Engine, as_staff: Connect, local: Engine
) -> None:
    agent = as_staff(AGENT)
    pull_changes(local, agent)
    provisional = add_contact(local, PATIENT, "赵小红", Relation.DAUGHTER, NUMBER)
    push_pending(local, agent)
    (server_id, _), *_ = _server_contacts(server)
    attempt = start_outbound(  # the card still shows the contact under its provisional id
        local, staff_id=1, number=E164, line=LineType.FAKE, patient_id=PATIENT,
        contact_id=provisional,
    )  # fmt: skip
    assert push_pending(local, agent).quarantined == 0
    with local.connect() as connection:
        assert (
            connection.execute(
                select(CallAttempt.contact_id).where(CallAttempt.id == attempt)
            ).scalar_one()
            == server_id
        )
    assert _one(server, "SELECT contact_id FROM call_attempt WHERE id = :a", a=attempt) == (
        server_id
    )
