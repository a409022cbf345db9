"""The demo hospital's transfer directory: each department's follow-up line and its attending
doctors, as an administrator would have entered them."""

from __future__ import annotations

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from agent_app.demo import catalog
from agent_app.domain.transfer_targets import TransferTargetKind
from agent_app.store.schema import Department, Staff, TransferTarget

DOCTOR_TITLE = "主治医师"  # the attending doctors demo.hospital gives each department


def seed_transfer_directory(engine: Engine) -> int:
    """Add the directory to a seeded store; returns how many entries were added."""
    with Session(engine) as session, session.begin():
        departments = session.execute(
            select(Department.id, Department.name).where(
                Department.code != catalog.FOLLOWUP_CENTER.code
            )
        ).all()
        entries = [
            TransferTarget(
                department_id=dept_id,
                kind=TransferTargetKind.FOLLOWUP_LINE,
                label=f"{name}随访专线",
                number=f"6{dept_id:03d}",
                active=True,
            )
            for dept_id, name in departments
        ]
        doctors = session.execute(
            select(Staff.department_id, Staff.full_name, Staff.extension)
            .where(Staff.title == DOCTOR_TITLE, Staff.active.is_(True))
            .order_by(Staff.id)
        ).all()
        entries += [
            TransferTarget(
                department_id=dept_id,
                kind=TransferTargetKind.DOCTOR_ON_DUTY,
                label=name,
                number=extension,
                active=True,
            )
            for dept_id, name, extension in doctors
            if extension
        ]
        session.add_all(entries)
    return len(entries)
