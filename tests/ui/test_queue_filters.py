"""The queue's filter bar: search by MRN, name or phone, and narrow by status, level, department."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from agent_app.domain.enums import Role, TaskStatus
from agent_app.store.repositories.staff import list_accounts
from agent_app.store.schema import Contact, FollowupTask, Patient
from agent_app.ui.main_window import ALL_OPEN, MainWindow
from tests.ui.conftest import queue_counted


def _window(qtbot: QtBot, engine: Engine, role: Role) -> MainWindow:
    account = next(a for a in list_accounts(engine) if a.role is role)
    window = MainWindow(engine, account, "Line: simulated (demo)")
    qtbot.addWidget(window)
    window.window_box.setCurrentIndex(window.window_box.findData(ALL_OPEN))
    return queue_counted(qtbot, window)


def _patient_with_open_task(engine: Engine) -> tuple[int, str, str]:
    with Session(engine) as session:
        row = session.execute(
            select(Patient.id, Patient.mrn, Contact.number_e164)
            .join(FollowupTask, FollowupTask.patient_id == Patient.id)
            .join(Contact, Contact.patient_id == Patient.id)
            .where(FollowupTask.status == TaskStatus.PENDING)
            .limit(1)
        ).one()
    return row[0], row[1], row[2]


def _shown_patients(window: MainWindow) -> set[int]:
    return {window.model.task_at(r).patient_id for r in range(window.model.rowCount())}  # type: ignore[union-attr]


def test_search_by_mrn_or_phone_narrows_the_queue_to_that_patient(
    qtbot: QtBot, ui_store: Engine
) -> None:
    window = _window(qtbot, ui_store, Role.QUALITY)
    everyone = window.model.rowCount()
    patient_id, mrn, number = _patient_with_open_task(ui_store)
    for text in (mrn, number):
        window.filter_bar.search.setText(text)
        with qtbot.waitSignal(window.filter_bar.sig_changed, timeout=5000):
            window.filter_bar.search.returnPressed.emit()
        queue_counted(qtbot, window)
        assert 0 < window.model.rowCount() < everyone
        assert patient_id in _shown_patients(window)
    window.filter_bar.search.clear()
    queue_counted(qtbot, window)
    assert window.model.rowCount() == everyone


def test_status_level_and_department_filters_each_narrow_the_queue(
    qtbot: QtBot, ui_store: Engine
) -> None:
    window = _window(qtbot, ui_store, Role.QUALITY)
    everyone = window.model.rowCount()
    bar = window.filter_bar
    bar.status.setCurrentIndex(bar.status.findData(TaskStatus.PENDING.value))
    queue_counted(qtbot, window)
    pending = window.model.rowCount()
    assert 0 < pending <= everyone
    assert all(
        window.model.task_at(r).status is TaskStatus.PENDING  # type: ignore[union-attr]
        for r in range(pending)
    )
    bar.status.setCurrentIndex(0)
    bar.level.setCurrentIndex(bar.level.findData(1))
    queue_counted(qtbot, window)
    assert all(
        window.model.task_at(r).level == 1
        for r in range(window.model.rowCount())  # type: ignore[union-attr]
    )
    bar.level.setCurrentIndex(0)
    assert not bar.department.isHidden()
    qtbot.waitUntil(lambda: bar.department.count() > 1, timeout=5000)  # read off the GUI thread
    bar.department.setCurrentIndex(1)
    queue_counted(qtbot, window)
    name = bar.department.currentText()
    shown = window.model.rowCount()
    assert 0 < shown < everyone
    assert {window.model.task_at(r).department_name for r in range(shown)} == {name}  # type: ignore[union-attr]


def test_agents_do_not_get_a_department_filter(qtbot: QtBot, ui_store: Engine) -> None:
    window = _window(qtbot, ui_store, Role.AGENT)
    assert window.filter_bar.department.isHidden()
