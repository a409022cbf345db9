"""Every look at a patient's card is in the audit log before the card is shown."""

from __future__ import annotations

from sqlalchemy import Engine, select

from agent_app.store.repositories.audit import audit_entries
from agent_app.store.repositories.followups import load_followup
from agent_app.store.repositories.patients import patient_card
from agent_app.store.schema import FollowupTask


def test_opening_a_follow_up_records_who_viewed_which_patient(demo_engine: Engine) -> None:
    with demo_engine.connect() as connection:
        task_id, patient_id = connection.execute(
            select(FollowupTask.id, FollowupTask.patient_id).order_by(FollowupTask.id).limit(1)
        ).one()
    staff_id = 1
    load_followup(demo_engine, task_id, viewer_id=staff_id)
    views = audit_entries(demo_engine, object_type="patient", object_id=str(patient_id))
    assert [(v.staff_id, v.action, v.detail) for v in views] == [
        (staff_id, "view", {"seen_in": "followup"})
    ]


def test_a_card_read_without_a_viewer_is_not_a_view(demo_engine: Engine) -> None:
    """Background reads (reports, the pop's own lookups) name no viewer and leave no row."""
    with demo_engine.connect() as connection:
        patient_id = connection.execute(select(FollowupTask.patient_id).limit(1)).scalar_one()
    before = len(audit_entries(demo_engine, object_type="patient"))
    patient_card(demo_engine, patient_id)
    assert len(audit_entries(demo_engine, object_type="patient")) == before
