"""A number the desk unsubscribed by text message, later blacklisted on the server too."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from agent_app.domain.enums import BlacklistKind
from agent_app.store.engine import open_local_store
from agent_app.store.repositories.sms_replies import unsubscribe
from agent_app.store.schema import Blacklist
from agent_app.sync.single_rows import upsert_rows
from tests.screenpop.known_hospital import build_known_hospital

NUMBER = "+8613512345678"  # not on the known hospital's blacklist


def test_a_pulled_blacklist_row_replaces_the_desks_own_for_that_number(tmp_path: Path) -> None:
    engine = open_local_store(tmp_path / "store.sqlite3")
    nurse = build_known_hospital(engine).cardiology_nurse.id
    assert unsubscribe(engine, NUMBER, nurse, dt.datetime(2026, 12, 3, tzinfo=dt.UTC))
    pulled = {
        "id": 40, "number_e164": NUMBER, "reason": "骚扰电话", "added_by_id": None,
        "added_at": dt.datetime(2026, 12, 4, tzinfo=dt.UTC), "kind": "call", "change_seq": 9,
    }  # fmt: skip
    with engine.begin() as connection:
        upsert_rows(connection, Blacklist.__table__, [pulled])  # type: ignore[arg-type]
    with Session(engine) as session:
        (row,) = session.scalars(select(Blacklist).where(Blacklist.number_e164 == NUMBER)).all()
    assert row.id == 40 and row.kind is BlacklistKind.CALL
    engine.dispose()
