"""Every demo follow-up's call script is filled: no value the nurse needs is missing.

Field test: every demo call showed "【未知:revisit_date】" and "【未知:hospital_phone】", so
the nurse had no re-visit date and no number to give.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from agent_app.config import load_settings
from agent_app.demo.seed import seed_store
from agent_app.domain.call_script import parse_script, render_script, script_values
from agent_app.store.engine import open_local_store
from agent_app.store.repositories.patients import patient_card
from agent_app.store.schema import CallScript, FollowupPlan, FollowupTask
from tests.conftest import DEMO_TODAY


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    engine = open_local_store(tmp_path_factory.mktemp("demo") / "demo.sqlite3")
    seed_store(engine, 120, seed=5, today=DEMO_TODAY, history=False)
    yield engine
    engine.dispose()


def test_every_demo_call_script_has_every_value(demo_store: Engine, tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text("", encoding="utf-8")
    settings = load_settings({"AGENT_APP_CONFIG": str(tmp_path / "config.toml")}, demo=True)
    assert settings.hospital_phone  # the demo hospital has an enquiry line
    with Session(demo_store) as session:
        rows = session.execute(
            select(FollowupTask.patient_id, CallScript.body)
            .join(FollowupPlan, FollowupPlan.id == FollowupTask.plan_id)
            .join(CallScript, CallScript.id == FollowupPlan.script_id)
            .limit(60)
        ).all()
    assert len(rows) == 60
    for patient_id, body in rows:
        card = patient_card(demo_store, patient_id)
        assert card is not None and card.episode is not None
        assert (
            card.episode.revisit_on is not None
            and card.episode.revisit_on > card.episode.discharged_on
        )
        values = script_values(
            card,
            agent_name="李护士",
            hospital_name=settings.hospital_name,
            today=DEMO_TODAY,
            hospital_phone=settings.hospital_phone,
        )
        rendered = render_script(parse_script(body), values)
        assert rendered.missing == (), (patient_id, rendered.missing)
