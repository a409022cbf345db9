"""The central server of the hospital day: a fresh PostgreSQL database at the current schema,
the demo hospital's departments, staff and questionnaires, and two discharge plans, with each
staff member who works that day signing in under their own login (row-level security)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, select

from agent_app.demo.hospital import TEMPLATE_CODES
from agent_app.domain.enums import Role
from agent_app.store.engine import create_server_engine
from agent_app.store.migrate import upgrade_to_head
from agent_app.store.schema import Staff
from agent_app.sync.logins import provision_staff_login
from tests.his.conftest import load_reference

HOSPITAL_TZ = dt.timezone(dt.timedelta(hours=8))
EVERY_DAY = {"days": [1, 2, 3, 4, 5, 6, 7], "windows": [["00:00", "23:59"]]}
CARDIOLOGY = TEMPLATE_CODES.index("cardiology") + 1  # template and script ids of the demo
GENERAL = TEMPLATE_CODES.index("general_discharge") + 1
FOLLOW_UP_DAY = 3  # both plans call once, three days after discharge
PLANS: tuple[dict[str, Any], ...] = (
    {
        "id": 201,
        "name": "心内科出院随访",
        "rules": {"department": "CARD", "assign": "nurse"},
        "offsets_days": [FOLLOW_UP_DAY],
        "template_id": CARDIOLOGY,
        "script_id": CARDIOLOGY,
        "calling_hours": EVERY_DAY,  # the day's story must not depend on the weekday
    },
    {
        "id": 202,
        "name": "通用出院随访",
        "rules": {"fallback": True, "assign": "pool"},
        "offsets_days": [FOLLOW_UP_DAY],
        "template_id": GENERAL,
        "script_id": GENERAL,
        "calling_hours": EVERY_DAY,
    },
)


@dataclass(frozen=True)
class Member:
    id: int
    username: str
    role: Role
    department_id: int

    @property
    def password(self) -> str:
        return f"pw-{self.username}-day"


def build_central(url: str) -> Engine:
    """The central database at ``url``, migrated and holding the hospital's reference data."""
    engine = create_server_engine(url)
    upgrade_to_head(engine)
    load_reference(engine, PLANS)  # also moves the id sequences past the loaded ids
    return engine


def member(server: Engine, username: str) -> Member:
    with server.connect() as connection:
        row = connection.execute(
            select(Staff.id, Staff.username, Staff.role, Staff.department_id).where(
                Staff.username == username
            )
        ).one()
    return Member(row.id, row.username, Role(row.role), row.department_id)


def login_engine(server: Engine, who: Member) -> Engine:
    """The central database as ``who``'s own login (created or updated here)."""
    provision_staff_login(server, who.username, who.password)
    return create_server_engine(server.url.set(username=who.username, password=who.password))
