"""Complaints: registered from a call or by hand, moved open → assigned → replied → closed."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import Engine, select

from agent_app.domain.enums import ComplaintState
from agent_app.store.schema import Outbox
from agent_app.supervision.complaints import (
    assign_complaint,
    close_complaint,
    list_complaints,
    register_complaint,
    reply_complaint,
)
from agent_app.supervision.errors import ComplaintError, ComplaintStateError, NotFoundError
from tests.reports.tiny_hospital import NURSE_B, QUALITY, TinyHospital


def test_a_complaint_from_a_call_takes_the_patient_and_department_of_the_call(
    store_engine: Engine, tiny: TinyHospital
) -> None:
    view = register_complaint(
        store_engine, NURSE_B, "  病房夜间太吵 ", attempt_id=tiny.attempts["t4"]
    )
    assert (view.patient_id, view.department_id, view.department_name) == (4, 2, "外科")
    assert (view.state, view.summary, view.kind) == (
        ComplaintState.OPEN,
        "病房夜间太吵",
        "complaint",
    )
    assert [e.step for e in view.history] == ["register"]


def test_the_workflow_runs_forward_to_closed_and_is_queued(
    store_engine: Engine, tiny: TinyHospital
) -> None:
    view = register_complaint(store_engine, QUALITY, "建议增加停车位", kind="suggestion")
    view = assign_complaint(store_engine, QUALITY, view.id, 1, "请心内科答复")
    assert (view.state, view.department_name) == (ComplaintState.ASSIGNED, "心内科")
    view = reply_complaint(store_engine, QUALITY, view.id, "已转后勤处")
    view = reply_complaint(store_engine, QUALITY, view.id, "下月起开放新停车场")
    view = close_complaint(store_engine, QUALITY, view.id)
    assert view.state is ComplaintState.CLOSED and view.closed_at is not None
    assert [e.step for e in view.history] == ["register", "assign", "reply", "reply", "close"]
    assert view.history[1].department_id == 1
    closed = list_complaints(store_engine, state=ComplaintState.CLOSED, department_id=1)
    assert view.id in {c.id for c in closed}  # with the tiny hospital's closed one
    assert all(c.state is ComplaintState.CLOSED and c.department_id == 1 for c in closed)
    assert list_complaints(store_engine, state=ComplaintState.REPLIED) == []
    if store_engine.dialect.name == "sqlite":
        with store_engine.connect() as connection:
            ops = (
                connection.execute(select(Outbox.operation).where(Outbox.table_name == "complaint"))
                .scalars()
                .all()
            )
        assert ops == ["insert", "update", "update", "update", "update"]


@pytest.mark.parametrize(
    ("steps", "message"),
    [
        (("close",), "This complaint is open; a complaint is closed only after"),
        (("reply",), "This complaint is open; assign it to a department before replying"),
        (("assign", "close"), "This complaint is assigned; a complaint is closed only after"),
        (("assign", "reply", "close", "reply"), "This complaint is closed; assign it"),
        (("assign", "reply", "close", "assign"), "only an open or assigned complaint"),
    ],
)
def test_illegal_moves_are_refused_in_plain_words(
    store_engine: Engine, tiny: TinyHospital, steps: tuple[str, ...], message: str
) -> None:
    view = register_complaint(store_engine, QUALITY, "态度不好")
    actions = {
        "assign": lambda: assign_complaint(store_engine, QUALITY, view.id, 2),
        "reply": lambda: reply_complaint(store_engine, QUALITY, view.id, "已道歉"),
        "close": lambda: close_complaint(store_engine, QUALITY, view.id),
    }
    for step in steps[:-1]:
        actions[step]()
    with pytest.raises(ComplaintStateError, match=message):
        actions[steps[-1]]()


def test_bad_registrations_are_refused(store_engine: Engine, tiny: TinyHospital) -> None:
    with pytest.raises(ComplaintError, match="Write what"):
        register_complaint(store_engine, QUALITY, "   ")
    with pytest.raises(ComplaintError, match="not a kind"):
        register_complaint(store_engine, QUALITY, "x", kind="rant")
    with pytest.raises(NotFoundError):
        register_complaint(store_engine, QUALITY, "x", attempt_id=uuid.uuid4())
    with pytest.raises(NotFoundError):
        assign_complaint(store_engine, QUALITY, uuid.uuid4(), 1)
