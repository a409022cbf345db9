"""Text messages on every desk (migration 0022) against hostile staff logins on a real
PostgreSQL: who reads which messages, pushed and direct updates across the department line,
states moved back, texts changed, and the SMS station's claim with and without its right.

The small hospital: nurse1 is an agent of department 2, nurse4 the supervisor of
department 1, nurse5 hospital quality, nurse6 the administrator.
"""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

Connect = Callable[..., Engine]
LOGINS = {"agent": "nurse1", "supervisor": "nurse4", "quality": "nurse5", "admin": "nurse6"}
DESK_LOGINS = ("agent", "supervisor")  # the two that read by department
COLUMNS = (
    "id, task_id, patient_id, number_e164, body, state, created_at, direction, part_refs, "
    "delivered_refs, attempts, error"
)


@pytest.fixture
def grant_station(server: Engine) -> Iterator[Callable[..., None]]:
    """Grant logins the SMS-station right; taken back after the test (roles are cluster-wide:
    a membership left behind would follow the login into every other test's database)."""
    granted: list[str] = []

    def grant(*logins: str) -> None:
        with server.begin() as connection:
            for login in logins:
                connection.execute(text(f"GRANT desk_sms_station TO {login}"))
                granted.append(login)

    yield grant
    with server.begin() as connection:
        for login in granted:
            connection.execute(text(f"REVOKE desk_sms_station FROM {login}"))


def _messages(server: Engine) -> dict[uuid.UUID, tuple[int | None, int]]:
    """As the owner: a sent message for each of the first 12 tasks and a reply without a task
    from each of the first 6 patients; id -> (task, patient)."""
    made: dict[uuid.UUID, tuple[int | None, int]] = {}
    with server.begin() as c:
        tasks = c.execute(text("SELECT id, patient_id FROM followup_task WHERE id <= 12")).all()
        rows: list[tuple[int | None, int, str, str]] = [(t, p, "sent", "out") for t, p in tasks]
        rows += [(None, p, "received", "in") for p in range(1, 7)]
        for task, patient, state, direction in rows:
            sms_id = uuid.uuid4()
            c.execute(
                text(
                    f"INSERT INTO sms_message ({COLUMNS}) VALUES (:i, :t, :p, '+8613800000001',"
                    " '明天回访', :s, now(), :d, '[7]', '[]', 1, '')"
                ),
                {"i": sms_id, "t": task, "p": patient, "s": state, "d": direction},
            )
            made[sms_id] = (task, patient)
    return made


def _ids(engine: Engine, sql: str) -> set[Any]:
    with engine.connect() as connection:
        return set(connection.execute(text(sql)).scalars())


def _push(engine: Engine, payload: dict[str, Any]) -> tuple[str, str]:
    change = {"change_id": str(uuid.uuid4()), "table": "sms_message", "op": "update",
              "row_id": payload["id"], "payload": payload}  # fmt: skip
    with engine.begin() as connection:
        row = connection.execute(
            text("SELECT status, detail FROM sync_push(CAST(:c AS jsonb))"),
            {"c": json.dumps([change])},
        ).one()
    return str(row[0]), str(row[1])


def _payload(server: Engine, sms_id: uuid.UUID, **changes: Any) -> dict[str, Any]:
    with server.connect() as connection:
        row = connection.execute(
            text(f"SELECT {COLUMNS} FROM sms_message WHERE id = :i"), {"i": sms_id}
        ).one()
    payload = {k: (str(v) if isinstance(v, uuid.UUID) else v) for k, v in row._mapping.items()}
    payload["created_at"] = str(payload["created_at"])
    return payload | changes


def _state(server: Engine, sms_id: uuid.UUID) -> tuple[str, str]:
    with server.connect() as connection:
        state, body = connection.execute(
            text("SELECT state, body FROM sms_message WHERE id = :i"), {"i": sms_id}
        ).one()
    return str(state), str(body)


@pytest.mark.parametrize("role", DESK_LOGINS)
def test_a_desk_login_reads_the_messages_of_its_tasks_and_patients_only(
    server: Engine, as_staff: Connect, role: str
) -> None:
    made = _messages(server)
    login = as_staff(LOGINS[role])
    tasks = _ids(login, "SELECT id FROM followup_task")
    patients = _ids(login, "SELECT id FROM patient")
    expected = {
        sms_id
        for sms_id, (task, patient) in made.items()
        if (task in tasks if task is not None else patient in patients)
    }
    seen = _ids(login, "SELECT id FROM sms_message")
    assert seen == expected
    assert set(made) - seen, "some messages must be out of this login's sight"
    assert any(made[i][0] is None for i in seen), "replies without a task are read by patient"


def test_quality_reads_every_message_and_the_administrator_none(
    server: Engine, as_staff: Connect
) -> None:
    made = _messages(server)
    assert _ids(as_staff(LOGINS["quality"]), "SELECT id FROM sms_message") == set(made)
    assert _ids(as_staff(LOGINS["admin"]), "SELECT id FROM sms_message") == set()


@pytest.mark.parametrize("role", [*DESK_LOGINS, "admin"])
def test_an_update_of_a_message_out_of_sight_is_refused(
    server: Engine, as_staff: Connect, role: str
) -> None:
    made = _messages(server)
    login = as_staff(LOGINS[role])
    foreign = next(iter(set(made) - _ids(login, "SELECT id FROM sms_message")))
    before = _state(server, foreign)
    status, detail = _push(login, _payload(server, foreign, state="delivered"))
    assert (status, "not on the server" in detail) == ("refused", True)
    with login.begin() as connection:  # and straight at the table: no row to change
        changed = connection.execute(
            text("UPDATE sms_message SET state = 'failed' WHERE id = :i"), {"i": foreign}
        ).rowcount
    assert changed == 0
    assert _state(server, foreign) == before


@pytest.mark.parametrize("role", [*DESK_LOGINS, "quality"])
def test_a_state_moves_forward_and_never_back(server: Engine, as_staff: Connect, role: str) -> None:
    made = _messages(server)
    login = as_staff(LOGINS[role])
    own = next(i for i in _ids(login, "SELECT id FROM sms_message") if made[i][0] is not None)
    assert _push(login, _payload(server, own, state="delivered"))[0] == "applied"
    assert _state(server, own)[0] == "delivered"
    status, detail = _push(login, _payload(server, own, state="sent"))
    assert (status, "does not go back" in detail) == ("refused", True)
    with pytest.raises(DBAPIError, match="does not go back"), login.begin() as connection:
        connection.execute(text("UPDATE sms_message SET state = 'queued' WHERE id = :i"),
                           {"i": own})  # fmt: skip
    assert _state(server, own)[0] == "delivered"


@pytest.mark.parametrize("role", [*DESK_LOGINS, "quality"])
def test_the_text_number_and_patient_of_a_message_never_change(
    server: Engine, as_staff: Connect, role: str
) -> None:
    made = _messages(server)
    login = as_staff(LOGINS[role])
    own = next(i for i in _ids(login, "SELECT id FROM sms_message") if made[i][0] is not None)
    for change in ({"body": "请转账"}, {"number_e164": "+8613999999999"}, {"patient_id": 99}):
        status, detail = _push(login, _payload(server, own, state="delivered", **change))
        assert (status, "never change" in detail) == ("refused", True), change
    with pytest.raises(DBAPIError, match="permission denied"), login.begin() as connection:
        connection.execute(text("UPDATE sms_message SET body = '请转账' WHERE id = :i"),
                           {"i": own})  # fmt: skip
    assert _state(server, own) == ("sent", "明天回访")


def _queued(server: Engine, count: int, task: int = 1) -> set[uuid.UUID]:
    ids = {uuid.uuid4() for _ in range(count)}
    with server.begin() as c:
        for sms_id in ids:
            c.execute(
                text(
                    "INSERT INTO sms_message (id, task_id, number_e164, body, state, created_at, "
                    "direction) VALUES (:i, :t, '+8613800000002', '复诊提醒', 'queued', now(), "
                    "'out')"
                ),
                {"i": sms_id, "t": task},
            )
    return ids


@pytest.mark.parametrize("role", sorted(LOGINS))
def test_no_login_without_the_station_right_claims_messages(
    server: Engine, as_staff: Connect, role: str
) -> None:
    queued = _queued(server, 3)
    login = as_staff(LOGINS[role])
    with pytest.raises(DBAPIError, match="permission denied"), login.begin() as connection:
        connection.execute(text("SELECT * FROM sms_claim_queued(10)"))
    assert {_state(server, i)[0] for i in queued} == {"queued"}


def test_two_stations_claiming_at_once_never_take_the_same_message(
    server: Engine, as_staff: Connect, grant_station: Callable[..., None]
) -> None:
    queued = _queued(server, 40)
    stations = {name: as_staff(name) for name in ("nurse1", "nurse2")}
    grant_station("nurse1", "nurse2")
    got: dict[str, list[uuid.UUID]] = {name: [] for name in stations}
    start = threading.Barrier(len(stations))

    def claim(name: str) -> None:
        start.wait()
        # Until the server holds nothing queued (a claim may come back short while the other
        # station's rows are locked: they are skipped, not waited for).
        for _ in range(100):
            with stations[name].begin() as connection:
                rows = connection.execute(text("SELECT id FROM sms_claim_queued(3)")).scalars()
                got[name].extend(rows)
            with server.connect() as connection:
                left = connection.execute(
                    text("SELECT count(*) FROM sms_message WHERE state = 'queued'")
                ).scalar_one()
            if left == 0:
                break

    threads = [threading.Thread(target=claim, args=(name,)) for name in stations]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    # A station's later claims hand back what it claimed before: count each once per station.
    first, second = set(got["nurse1"]), set(got["nurse2"])
    assert first & second == set()
    assert first | second == queued
    with server.connect() as connection:
        senders = dict(
            connection.execute(
                text("SELECT id, sender_id FROM sms_message WHERE state = 'sending'")
            ).all()
        )
    assert {senders[i] for i in first} == {1} and {senders[i] for i in second} == {2}


def test_a_station_reads_and_reports_on_what_it_claimed_outside_its_department(
    server: Engine, as_staff: Connect, grant_station: Callable[..., None]
) -> None:
    station = as_staff("nurse1")
    foreign = min(
        _ids(server, "SELECT id FROM followup_task") - _ids(station, "SELECT id FROM followup_task")
    )
    (sms_id,) = _queued(server, 1, foreign)
    assert sms_id not in _ids(station, "SELECT id FROM sms_message")
    grant_station("nurse1")
    with station.begin() as connection:
        claimed = connection.execute(text("SELECT id FROM sms_claim_queued(5)")).scalars().all()
    assert claimed == [sms_id]
    assert _push(station, _payload(server, sms_id, state="sent"))[0] == "applied"
    assert _state(server, sms_id)[0] == "sent"
    with station.begin() as connection:  # nothing more to claim, nothing handed back twice
        assert connection.execute(text("SELECT id FROM sms_claim_queued(5)")).all() == []
