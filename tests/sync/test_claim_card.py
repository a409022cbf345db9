"""A claim brings the task's card with it: one server statement, one local transaction, and
nothing the claiming login could not read itself."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event, func, select, text

from agent_app.domain.enums import Role
from agent_app.store.repositories.followups import load_followup
from agent_app.store.repositories.tasks import QueueScope
from agent_app.store.schema import Contact, Episode, FollowupTask, Patient, Staff
from agent_app.sync import server_leases
from agent_app.sync.pull import pull_changes
from agent_app.sync.server_leases import ServerTaskLeases

Connect = Callable[..., Engine]
SCOPE_1 = QueueScope(1, Role.AGENT, 2)  # nurse1, an agent of department 2
RESOURCES = Path(__file__).parents[2] / "resources"
TEMPLATE = RESOURCES / "questionnaires" / "cardiology.json"
SCRIPT = RESOURCES / "scripts" / "cardiology.txt"


@pytest.fixture
def hospital(server: Engine) -> Engine:
    """The small hospital with a questionnaire and a script the follow-up screen can open."""
    with server.begin() as connection:
        connection.execute(
            text("UPDATE questionnaire_template SET body = CAST(:b AS jsonb) WHERE id = 1"),
            {"b": TEMPLATE.read_text("utf-8")},
        )
        connection.execute(
            text("UPDATE call_script SET body = :b WHERE id = 1"), {"b": SCRIPT.read_text("utf-8")}
        )
    return server


@contextlib.contextmanager
def _write_commits(engine: Engine) -> Iterator[list[int]]:
    """Counts the local transactions that wrote something and committed."""
    counted = [0]
    wrote = [False]

    def statement(_c: Any, _cur: Any, sql: str, *_args: Any) -> None:
        if sql.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
            wrote[0] = True

    def commit(_connection: Any) -> None:
        counted[0] += wrote[0]
        wrote[0] = False

    def rollback(_connection: Any) -> None:
        wrote[0] = False

    event.listen(engine, "before_cursor_execute", statement)
    event.listen(engine, "commit", commit)
    event.listen(engine, "rollback", rollback)
    yield counted
    event.remove(engine, "before_cursor_execute", statement)
    event.remove(engine, "commit", commit)
    event.remove(engine, "rollback", rollback)


@contextlib.contextmanager
def _statements(engine: Engine) -> Iterator[list[str]]:
    sent: list[str] = []

    def statement(_c: Any, _cur: Any, sql: str, *_args: Any) -> None:
        sent.append(sql)

    event.listen(engine, "before_cursor_execute", statement)
    yield sent
    event.remove(engine, "before_cursor_execute", statement)


def _count(local: Engine, table: Any, *where: Any) -> int:
    with local.connect() as connection:
        return int(
            connection.execute(select(func.count()).select_from(table).where(*where)).scalar_one()
        )


def test_a_new_task_comes_in_one_server_statement_and_one_local_commit(
    hospital: Engine, as_staff: Connect, local: Engine
) -> None:
    nurse1 = as_staff("nurse1")
    leases = ServerTaskLeases(local, nurse1, 1)
    assert leases.claim_next(SCOPE_1) is not None  # the desk's clock offset is noted once
    with _statements(nurse1) as sent, _write_commits(local) as commits:
        lease = leases.claim_next(SCOPE_1)
    assert lease is not None
    assert len(sent) == 1 and "lease_claim_next_card" in sent[0]
    assert commits == [1]
    with local.connect() as connection:
        task = connection.execute(
            select(FollowupTask.patient_id, FollowupTask.lease_owner_id).where(
                FollowupTask.id == lease.task_id
            )
        ).one()
    assert task.lease_owner_id == 1
    assert _count(local, Contact, Contact.patient_id == task.patient_id) == 1


def test_a_release_with_nothing_waiting_is_one_server_statement_and_one_local_commit(
    hospital: Engine, as_staff: Connect, local: Engine
) -> None:
    nurse1 = as_staff("nurse1")
    leases = ServerTaskLeases(local, nurse1, 1)
    lease = leases.claim_next(SCOPE_1)
    assert lease is not None
    with _statements(nurse1) as sent, _write_commits(local) as commits:
        leases.release(lease.task_id)
    assert len(sent) == 1 and "lease_release" in sent[0]
    assert commits == [1]
    assert leases.held() == []
    with hospital.connect() as connection:
        held = connection.execute(
            text("SELECT count(*) FROM task_lease WHERE task_id = :t"), {"t": lease.task_id}
        ).scalar_one()
    assert held == 0


def test_a_card_and_its_lease_are_stored_together_or_not_at_all(
    hospital: Engine, as_staff: Connect, local: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    def lease_fails(*_args: Any) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(server_leases, "record_lease", lease_fails)
    leases = ServerTaskLeases(local, as_staff("nurse1"), 1)
    with pytest.raises(OSError, match="disk full"):
        leases.claim_next(SCOPE_1)
    for table in (FollowupTask, Patient, Contact, Episode):
        assert _count(local, table) == 0, table.__tablename__


@pytest.mark.parametrize("how", ["next", "by_id"])
def test_a_claimed_task_opens_complete_on_a_fresh_desk(
    hospital: Engine, as_staff: Connect, local: Engine, how: str
) -> None:
    # A patient moved from cardiology (department 1): nurse1 of department 2 follows them up
    # (the task is assigned to her), so the card shows the other department's episode.
    task = _transferred_patient_task(hospital, assigned_to=1)
    leases = ServerTaskLeases(local, as_staff("nurse1"), 1)
    lease = leases.claim_next(SCOPE_1) if how == "next" else leases.claim(task)
    assert lease is not None and lease.task_id == task
    work = load_followup(local, task)
    assert work.card.name == "转科患者"
    assert [c.number_e164 for c in work.card.contacts] == ["+8613900000900"]
    assert work.card.episode is not None
    assert (work.card.episode.department_name, work.card.episode.diagnosis_name) == (
        "心内科",
        "心肌梗死",
    )
    assert work.plan_name == "出院随访"
    assert work.template.code == json.loads(TEMPLATE.read_text("utf-8"))["code"]
    assert work.script is not None


def test_a_desk_holding_the_reference_rows_is_not_sent_them_again(
    hospital: Engine, as_staff: Connect, local: Engine
) -> None:
    nurse1 = as_staff("nurse1")
    pull_changes(local, nurse1)
    with nurse1.begin() as connection:
        card = connection.execute(
            text("SELECT card FROM lease_claim_next_card(60, NULL, CAST(:k AS jsonb))"),
            {"k": json.dumps({"questionnaire_template": [1], "call_script": [1],
                              "followup_plan": [1], "department": [1, 2]})},
        ).scalar_one()  # fmt: skip
    for table in ("questionnaire_template", "call_script", "followup_plan", "department"):
        assert card[table] == [], table
    assert len(card["followup_task"]) == 1 and card["patient"] and card["contact"]


def _transferred_patient_task(server: Engine, assigned_to: int | None = None) -> int:
    """A task of department 2, due first, whose episode belongs to department 1 and names
    department 1's staff. In the pool, nurse1 may claim the task but not read the episode;
    assigned to her, she reads the episode too."""
    with server.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO patient (id, mrn, name, sex, birth_date, id_number, address, notes,"
                " change_seq) VALUES (900, 'MRN900', '转科患者', 'F', '1950-01-01', '', '', '', 0)"
            )
        )
        connection.execute(
            text(
                "INSERT INTO contact (id, patient_id, name, relation, kind, number_raw, "
                "number_e164, number_national, priority, change_seq) VALUES (900, 900, '本人', "
                "'self', 'mobile', '13900000900', '+8613900000900', '13900000900', 0, 0)"
            )
        )
        connection.execute(
            text(
                "INSERT INTO episode (id, patient_id, department_id, ward, admitted_on, "
                "discharged_on, diagnosis_code, diagnosis_name, attending_doctor_id, "
                "attending_nurse_id, discharge_disposition, change_seq) VALUES (900, 900, 1, "
                "'3', '2026-11-01', '2026-11-09', 'I21', '心肌梗死', 4, 2, 'home', 0)"
            )
        )
        connection.execute(
            text(
                "INSERT INTO followup_task (id, patient_id, episode_id, plan_id, department_id, "
                "offset_days, due_at, level, assigned_staff_id, status, attempt_count, "
                "change_seq) VALUES (900, 900, 900, 1, 2, 3, '2026-11-01T00:00:00Z', 1, :a, "
                "'pending', 0, 0)"
            ),
            {"a": assigned_to},
        )
    return 900


def test_a_card_holds_no_row_the_login_could_not_select_itself(
    hospital: Engine, as_staff: Connect, local: Engine
) -> None:
    task = _transferred_patient_task(hospital)
    nurse1 = as_staff("nurse1")
    with nurse1.begin() as connection:
        task_id, card = connection.execute(
            text("SELECT task_id, card FROM lease_claim_next_card(60, NULL, '{}')")
        ).one()
    assert task_id == task
    assert card["episode"] == [] and card["followup_task"][0]["episode_id"] == 900
    assert {row["id"] for row in card["staff"]} == {1}  # not department 1's doctor or nurse
    assert all("password_hash" not in row for row in card["staff"])
    with nurse1.connect() as connection:
        for table, rows in card.items():
            for row in rows:
                seen = connection.execute(
                    text(f"SELECT count(*) FROM {table} WHERE id = :i"), {"i": row["id"]}
                ).scalar_one()
                assert seen == 1, (table, row["id"])
    # And through the desk: the foreign episode and staff never reach the store.
    with hospital.begin() as connection:
        connection.execute(text("DELETE FROM task_lease"))
    lease = ServerTaskLeases(local, nurse1, 1).claim_next(SCOPE_1)
    assert lease is not None and lease.task_id == task
    assert _count(local, Episode, Episode.id == 900) == 0
    assert _count(local, Staff, Staff.id.in_([2, 4])) == 0
    assert _count(local, Contact, Contact.patient_id == 900) == 1
