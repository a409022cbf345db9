"""The red-flag inbox on screen (offscreen Qt, a real store): the doctor sees the alert with the
answers that raised it, acknowledges it through the dialog, and it leaves the inbox; a new
alert shows the toast."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from agent_app.demo.seed import seed_store
from agent_app.domain.enums import Role
from agent_app.domain.red_flags import AckAction
from agent_app.store.engine import open_local_store
from agent_app.store.schema import RedFlagAlert
from agent_app.ui.main_window import MainWindow
from agent_app.ui.qt import QApplication, QDialogButtonBox, QTimer
from agent_app.ui.red_flags.ack_dialog import AckDialog
from agent_app.ui.red_flags.alert_toast import AlertToast
from agent_app.ui.red_flags.desk_inbox import add_red_flag_inbox
from agent_app.ui.red_flags.inbox_screen import RedFlagInbox
from tests.conftest import DEMO_TODAY
from tests.store.red_flag_alerts import account, raise_chest_pain_alert, staff_of


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Engine]:
    engine = open_local_store(tmp_path / "desk.sqlite3")
    seed_store(engine, 40, seed=5, today=DEMO_TODAY, history=False)
    yield engine
    engine.dispose()


def _inbox(qtbot: QtBot, store: Engine, staff_id: int) -> RedFlagInbox:
    inbox = RedFlagInbox(store, account(store, staff_id))
    qtbot.addWidget(inbox)
    inbox.show()
    return inbox


def test_the_doctor_sees_the_alert_and_the_answers_that_raised_it(
    qtbot: QtBot, store: Engine
) -> None:
    raised = raise_chest_pain_alert(store)
    inbox = _inbox(qtbot, store, raised.doctor_id)
    qtbot.waitUntil(lambda: inbox.alerts.rowCount() == 1 and inbox.answers.rowCount() == 1)
    assert inbox.alerts.item(0, 2).text() == inbox.rows[0].message
    assert "(" in inbox.alerts.item(0, 1).text()  # the patient's name and MRN
    assert inbox.answers.item(0, 0).text() == "How long does each episode last?"
    assert inbox.answers.item(0, 1).text() == "Over 20 minutes, or not relieved by nitroglycerin"
    assert inbox.ack_button.isEnabled()
    assert not inbox.dial_button.isEnabled()  # no phone line on this desk
    assert not inbox.play_button.isEnabled()  # the fake line recorded nothing


def test_acknowledging_through_the_dialog_takes_the_alert_out_of_the_inbox(
    qtbot: QtBot, store: Engine
) -> None:
    raised = raise_chest_pain_alert(store)
    inbox = _inbox(qtbot, store, raised.doctor_id)
    qtbot.waitUntil(lambda: inbox.answers.rowCount() == 1)

    def fill_in() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, AckDialog)
        buttons = dialog.findChild(QDialogButtonBox)
        assert buttons is not None
        buttons.button(QDialogButtonBox.StandardButton.Ok).click()  # no note for "noted"
        assert dialog.problem.isVisible() and dialog.isVisible()
        dialog.action_box.setCurrentIndex(
            dialog.action_box.findData(AckAction.REFERRED_TO_EMERGENCY.value)
        )
        dialog.note.setPlainText("已嘱立即急诊就诊")
        buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    def choose_noted_first() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, AckDialog)
        dialog.action_box.setCurrentIndex(dialog.action_box.findData(AckAction.NOTED.value))
        fill_in()

    QTimer.singleShot(0, choose_noted_first)
    inbox.acknowledge()
    qtbot.waitUntil(lambda: inbox.alerts.rowCount() == 0)
    assert "Acknowledged" in inbox.status.text()
    with Session(store) as session:
        alert = session.get_one(RedFlagAlert, raised.alert_id)
        assert (alert.ack_action, alert.ack_note, alert.acknowledged_by_id) == (
            AckAction.REFERRED_TO_EMERGENCY,
            "已嘱立即急诊就诊",
            raised.doctor_id,
        )


def test_after_an_acknowledgement_the_next_alert_shows_its_own_details(
    qtbot: QtBot, store: Engine
) -> None:
    first = raise_chest_pain_alert(store)
    second = raise_chest_pain_alert(store)
    assert first.doctor_id == second.doctor_id and first.alert_id != second.alert_id
    inbox = _inbox(qtbot, store, first.doctor_id)
    qtbot.waitUntil(lambda: inbox.alerts.rowCount() == 2 and inbox.details is not None)
    shown = inbox.current()
    assert shown is not None and inbox.alerts.currentRow() == 0
    inbox.record_acknowledgement(shown.id, AckAction.CALLED_BACK, "")
    qtbot.waitUntil(lambda: inbox.alerts.rowCount() == 1)
    left = inbox.rows[0]
    assert left.id != shown.id
    qtbot.waitUntil(lambda: inbox.details is not None and inbox.details.alert_id == left.id)
    assert inbox.title.text().startswith(left.patient_name)


def test_an_agent_sees_no_alert_and_a_new_one_shows_the_toast_on_the_doctors_desk(
    qtbot: QtBot, store: Engine
) -> None:
    first = raise_chest_pain_alert(store)
    agent = _inbox(qtbot, store, staff_of(store, Role.AGENT, first.department_id))
    window = MainWindow(store, account(store, first.doctor_id), "Line: simulated (demo)")
    qtbot.addWidget(window)
    window.show()
    inbox = add_red_flag_inbox(window)
    assert inbox is not None
    assert window.pages.currentWidget() is inbox and not window.queue_toolbar.isVisible()
    qtbot.waitUntil(lambda: inbox.alerts.rowCount() == 1)
    toast = window.findChild(AlertToast, "redFlagToast")
    assert toast is not None and not toast.isVisible()  # alerts already there are no news
    raise_chest_pain_alert(store)
    inbox.refresh()
    qtbot.waitUntil(lambda: inbox.alerts.rowCount() == 2)
    assert toast.isVisible() and "New red flag" in toast.label.text()
    assert agent.alerts.rowCount() == 0
