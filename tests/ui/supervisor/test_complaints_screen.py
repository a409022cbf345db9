"""The complaints screen: register → assign → reply → close through the UI, refused steps said
in the core's words with the typed text kept, and each role's choices."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from agent_app.domain.enums import ComplaintState
from agent_app.supervision.complaints import (
    assign_complaint,
    close_complaint,
    list_complaints,
    register_complaint,
    reply_complaint,
)
from agent_app.ui.qt import Qt
from agent_app.ui.supervisor.complaints_screen import ComplaintsScreen
from agent_app.ui.supervisor.register_complaint_dialog import RegisterComplaintDialog
from agent_app.ui.supervisor.sampling_plan_form import choice_enabled
from tests.reports.tiny_hospital import NURSE_B, QUALITY
from tests.ui.supervisor.spot_checks import SUPERVISOR, account, call_of_task, tiny_store

WAIT = 10_000


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Engine]:
    """The tiny hospital of spot_checks.py in a desk store."""
    yield from tiny_store(tmp_path)


def _screen(qtbot: QtBot, engine: Engine, staff_id: int) -> ComplaintsScreen:
    screen = ComplaintsScreen(engine, account(engine, staff_id))
    qtbot.addWidget(screen)
    screen.show()  # laid out, so clicks land on the buttons
    with qtbot.waitSignal(screen.sig_loaded, timeout=WAIT):
        pass
    return screen


def _click(qtbot: QtBot, button: object) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]


def test_register_assign_reply_close_through_the_screen_ends_closed_with_four_events(
    qtbot: QtBot, store: Engine
) -> None:
    screen = _screen(qtbot, store, QUALITY)
    _click(qtbot, screen.new_button)
    dialog = screen.register_dialog
    assert dialog is not None
    dialog.form.search.setText("MRN0002")
    with qtbot.waitSignal(dialog.form.sig_searched, timeout=WAIT):
        _click(qtbot, dialog.form.search_button)
    dialog.form.hits.setCurrentRow(0)
    dialog.form.kind.setCurrentIndex(dialog.form.kind.findData("suggestion"))
    dialog.form.text.setPlainText("停车位太少")
    with qtbot.waitSignal(screen.sig_loaded, timeout=WAIT):
        _click(qtbot, dialog.register_button)
    detail = screen.detail
    complaint = detail.complaint
    assert complaint is not None and complaint.summary == "停车位太少"
    assert (complaint.patient_id, complaint.kind) == (2, "suggestion")
    qtbot.waitUntil(lambda: detail.patient.text() == "患者2 (MRN0002)", timeout=WAIT)
    assert not detail.reply_button.isEnabled() and not detail.close_button.isEnabled()

    detail.assign_department.setCurrentIndex(detail.assign_department.findText("外科"))
    detail.assign_note.setText("请外科答复")
    with qtbot.waitSignal(screen.sig_changed, timeout=WAIT) as changed:
        _click(qtbot, detail.assign_button)
    assert changed.args[0].state is ComplaintState.ASSIGNED
    assert changed.args[0].department_name == "外科"
    detail.reply_text.setPlainText("下月起开放新停车场")
    with qtbot.waitSignal(screen.sig_changed, timeout=WAIT):
        _click(qtbot, detail.reply_button)
    assert detail.reply_text.toPlainText() == ""  # it is in the history now
    with qtbot.waitSignal(screen.sig_changed, timeout=WAIT):
        _click(qtbot, detail.close_button)

    (stored,) = [c for c in list_complaints(store) if c.id == complaint.id]
    assert stored.state is ComplaintState.CLOSED
    assert [e.step for e in stored.history] == ["register", "assign", "reply", "close"]
    assert detail.history.rowCount() == 4
    steps = [detail.history.item(r, 2).text() for r in range(4)]  # type: ignore[union-attr]
    assert steps == ["Registered", "Assigned", "Replied", "Closed"]
    assert detail.history.item(1, 1).text() == "质控丙"  # type: ignore[union-attr]
    row = screen.complaints.index(detail.complaint)  # type: ignore[arg-type]
    assert screen.table.item(row, 2).text() == "Closed"  # type: ignore[union-attr]
    for button in (detail.assign_button, detail.reply_button, detail.close_button):
        assert not button.isEnabled()


def test_replying_to_a_complaint_closed_elsewhere_says_why_and_keeps_the_reply(
    qtbot: QtBot, store: Engine
) -> None:
    view = register_complaint(store, QUALITY, "护士态度不好", department_id=1)
    assign_complaint(store, QUALITY, view.id, 1)
    reply_complaint(store, QUALITY, view.id, "已批评教育")
    screen = _screen(qtbot, store, QUALITY)
    assert screen.select(view.id)
    detail = screen.detail
    assert detail.reply_button.isEnabled()
    close_complaint(store, NURSE_B, view.id)  # someone else closes it meanwhile

    detail.reply_text.setPlainText("再次向患者致歉")
    with qtbot.waitSignal(screen.sig_failed, timeout=WAIT) as failed:
        _click(qtbot, detail.reply_button)
    with qtbot.waitSignal(screen.sig_loaded, timeout=WAIT):
        pass  # the list is read again after a refusal

    message = "This complaint is closed; assign it to a department before replying."
    assert failed.args[0] == message
    assert detail.message.text() == message
    assert detail.reply_text.toPlainText() == "再次向患者致歉"
    assert detail.complaint is not None and detail.complaint.state is ComplaintState.CLOSED
    assert not detail.reply_button.isEnabled()


def test_a_supervisor_sees_their_department_and_assigns_only_within_it(
    qtbot: QtBot, store: Engine
) -> None:
    screen = _screen(qtbot, store, SUPERVISOR)  # department 2, 外科
    assert [c.department_id for c in screen.complaints] == [2]
    enabled = [screen.department.itemText(i) for i in range(screen.department.count())
               if choice_enabled(screen.department, i)]  # fmt: skip
    assert enabled == ["All departments", "外科"]
    assert screen.select(screen.complaints[0].id)
    detail = screen.detail
    assert detail.assign_button.isEnabled() and not detail.close_button.isEnabled()
    choices = detail.assign_department
    allowed = [choices.itemText(i) for i in range(choices.count()) if choice_enabled(choices, i)]
    assert allowed == ["外科"]

    agent = _screen(qtbot, store, NURSE_B)
    assert agent.select(agent.complaints[0].id)
    assert not agent.detail.assign_button.isEnabled()


def test_a_complaint_from_a_call_takes_its_patient_and_is_not_lost_when_refused(
    qtbot: QtBot, store: Engine
) -> None:
    call = call_of_task(store, 4)
    dialog = RegisterComplaintDialog(store, account(store, NURSE_B), 4, call)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.form.patient_label.text() == "患者4 (MRN0004)", timeout=WAIT)
    assert not dialog.form.search_box.isVisible()
    dialog.form.text.setPlainText("   ")
    with qtbot.waitSignal(dialog.sig_failed, timeout=WAIT) as failed:
        _click(qtbot, dialog.register_button)
    assert failed.args[0] == "Write what the complaint or suggestion is about."
    assert dialog.isVisible() and dialog.registered is None

    dialog.form.text.setPlainText("病房夜间太吵")
    with qtbot.waitSignal(dialog.sig_registered, timeout=WAIT) as registered:
        _click(qtbot, dialog.register_button)

    view = registered.args[0]
    assert (view.patient_id, view.department_id, view.attempt_id) == (4, 2, call)
    assert view.summary == "病房夜间太吵" and not dialog.isVisible()
