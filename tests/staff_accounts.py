"""A store with one department and one nurse, for sign-in tests that need no hospital."""

from __future__ import annotations

from pathlib import Path

from argon2 import PasswordHasher
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from agent_app.domain.enums import Role
from agent_app.store.engine import open_local_store
from agent_app.store.schema import Department, Staff

NURSE_PASSWORD = "right horse battery"
NURSE_ID = 7
NURSE = "nurse"


def store_with_nurse(path: Path) -> Engine:
    """Open (creating and migrating if needed) the store at ``path`` holding the nurse."""
    engine = open_local_store(path)
    cheap = PasswordHasher(time_cost=1, memory_cost=64, parallelism=1)  # tests need no cost
    with Session(engine) as session, session.begin():
        if session.scalar(select(Staff.id)) is None:
            session.add(Department(id=1, code="D1", name="心内科"))
            session.add(
                Staff(
                    id=NURSE_ID,
                    username=NURSE,
                    full_name="王护士",
                    role=Role.AGENT,
                    department_id=1,
                    password_hash=cheap.hash(NURSE_PASSWORD),
                )
            )
    return engine
