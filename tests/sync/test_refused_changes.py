"""Refused changes as the desk lists them: the kind of refusal as a code, the patient each
concerns, sent again only on request, and an IT report without patient data."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from agent_app.demo.seed import seed_store
from agent_app.domain.enums import OutboxState
from agent_app.store.engine import open_local_store
from agent_app.store.schema import FollowupTask, Patient
from agent_app.store.schema.local import Outbox
from agent_app.sync.refused import it_report, refusal_kind, refused_changes, send_again
from tests.conftest import DEMO_TODAY

RLS = 'new row violates row-level security policy for table "complaint"'
OLD_STYLE = "The server refused this change: task 9 does not exist on the server."


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Engine]:
    engine = open_local_store(tmp_path / "store.sqlite3")
    seed_store(engine, 5, seed=3, today=DEMO_TODAY, history=False)
    yield engine
    engine.dispose()


def _entry(table: str, payload: dict[str, object], state: OutboxState, error: str) -> Outbox:
    return Outbox(
        change_id=uuid.uuid4(),
        table_name=table,
        row_id=str(payload.get("id", 1)),
        operation="insert",
        payload=payload,
        state=state,
        error=error,
    )


@pytest.mark.parametrize(
    ("words", "kind"),
    [
        (RLS, "not_allowed"),
        ("the server does not accept update of patient from the desk", "not_taken"),
        ("task 9 does not exist on the server", "missing_row"),
        ('insert or update on table "call_attempt" violates foreign key constraint', "missing_row"),
        ('new row for relation "complaint" violates check constraint "ck_state"', "invalid_value"),
        ('duplicate key value violates unique constraint "uq_x"', "conflict"),
        ("something no rule knows", "other"),
    ],
)
def test_the_servers_words_are_named_by_a_code(words: str, kind: str) -> None:
    assert refusal_kind(words) == kind


def test_refused_changes_name_their_patient_and_keep_the_servers_words(store: Engine) -> None:
    with Session(store) as session:
        task = session.scalars(select(FollowupTask).limit(1)).one()
        patient = session.get(Patient, task.patient_id)
        assert patient is not None
        refused = OutboxState.QUARANTINED
        session.add_all(
            [
                _entry("followup_result", {"id": 70, "task_id": task.id}, refused, RLS),
                _entry("complaint", {"id": 71, "patient_id": patient.id}, refused, OLD_STYLE),
                _entry("followup_result", {"id": 72, "task_id": task.id}, OutboxState.PENDING, ""),
            ]
        )
        session.commit()
        name = patient.name
    refused = refused_changes(store)
    assert [(c.table, c.kind, c.patient_name) for c in refused] == [
        ("followup_result", "not_allowed", name),  # its patient found through its task
        ("complaint", "missing_row", name),
    ]
    assert refused[0].server_words == RLS
    assert refused[1].server_words == "task 9 does not exist on the server"
    report = it_report(refused)
    assert str(refused[0].change_id) in report and RLS in report
    assert name not in report


def test_sending_again_puts_only_the_chosen_refused_changes_back_in_line(store: Engine) -> None:
    with Session(store) as session:
        entries = [
            _entry("complaint", {"id": n}, OutboxState.QUARANTINED, RLS) for n in (81, 82)
        ] + [_entry("complaint", {"id": 83}, OutboxState.PUSHED, "")]
        session.add_all(entries)
        session.commit()
        first, _second, pushed = (e.seq for e in entries)
    assert send_again(store, [first, pushed]) == 1
    with store.connect() as connection:
        states = dict(connection.execute(select(Outbox.seq, Outbox.state)).all())
    assert states[first] == OutboxState.PENDING
    assert states[pushed] == OutboxState.PUSHED
    assert [c.seq for c in refused_changes(store)] == [_second]
