"""The first demo start generates the hospital behind a progress dialog that moves."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from agent_app.store.engine import open_local_store
from agent_app.store.schema import FollowupResult, Patient
from agent_app.ui import app as desk_app
from agent_app.ui.qt import QApplication, QProgressDialog


class _Watched(QProgressDialog):
    seen: ClassVar[list[tuple[int, int]]] = []

    def setValue(self, progress: int) -> None:
        _Watched.seen.append((progress, self.maximum()))
        super().setValue(progress)


def test_first_demo_start_seeds_the_hospital_and_its_past_with_progress(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(desk_app, "QProgressDialog", _Watched)
    engine = open_local_store(tmp_path / "demo.sqlite3")
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    desk_app.seed_demo_if_empty(app, engine, 60)
    with engine.connect() as connection:
        patients = connection.execute(select(func.count()).select_from(Patient)).scalar_one()
        results = connection.execute(select(func.count()).select_from(FollowupResult)).scalar()
    assert patients > 60  # today's 60 and the past's patients
    assert results  # the past's follow-ups were answered
    values = [value for value, _ in _Watched.seen]
    assert values == sorted(values) and len(set(values)) >= 2  # the bar moved forward
    assert _Watched.seen[-1] == (patients, patients)  # and ended full, past included
    assert (tmp_path / "recordings").is_dir()  # the demo's recorded calls beside the store
    desk_app.seed_demo_if_empty(app, engine, 60)  # a second start leaves the store alone
    with engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(Patient)).scalar() == patients
    engine.dispose()
