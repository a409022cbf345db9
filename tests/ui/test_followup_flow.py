"""A whole follow-up through the real widgets: next task, dial, script, questionnaire with
branching and a red flag, wrap-up; then the result in the store and the outbox."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, delete, select
from sqlalchemy.orm import Session

from agent_app.dialer.fake import FakeOdds, FakePhone
from agent_app.domain.enums import Disposition, LineType, Role, SmsState, TaskStatus
from agent_app.domain.views import StaffAccount
from agent_app.store.repositories.audit import audit_entries
from agent_app.store.repositories.patients import patient_card
from agent_app.store.repositories.sms import messages_for_patient
from agent_app.store.repositories.staff import list_accounts
from agent_app.store.schema import (
    Blacklist,
    CallAttempt,
    Department,
    FollowupResult,
    FollowupTask,
    Outbox,
    Recording,
    RedFlagAlert,
    SmsMessage,
)
from agent_app.ui.call_bar import CallBar
from agent_app.ui.followup.followup_view import FollowupView
from agent_app.ui.followup.patient_panel import PatientPanel
from agent_app.ui.followup.result_dialog import RED_FLAG, ResultDialog
from agent_app.ui.followup.sms_history import SmsHistoryBox
from agent_app.ui.language import LANGUAGE_PROPERTY
from agent_app.ui.main_window import MainWindow
from agent_app.ui.phone_bridge import PhoneBridge
from agent_app.ui.qt import QApplication, QMessageBox, Qt
from tests.ui.conftest import seeded_sqlite


@pytest.fixture
def desk_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    yield from seeded_sqlite(tmp_path_factory, 60, seed=21)


def cardiology_agent(engine: Engine) -> StaffAccount:
    with Session(engine) as session:
        card = session.scalars(select(Department.id).where(Department.code == "CARD")).one()
    return next(
        a for a in list_accounts(engine) if a.role is Role.AGENT and a.department_id == card
    )


@pytest.fixture
def desk(
    qtbot: QtBot, desk_store: Engine, tmp_path: Path
) -> Iterator[tuple[MainWindow, FakePhone]]:
    phone = FakePhone(
        FakeOdds(answer=1, no_answer=0, busy=0, wrong_number=0),
        ring_seconds=(0.2, 0.2),
        voice_cache=tmp_path / "voices",
    )
    bridge = PhoneBridge(phone)
    bar = CallBar(bridge, tmp_path / "recordings")
    QApplication.instance().setProperty(LANGUAGE_PROPERTY, "zh_CN")  # type: ignore[union-attr]
    window = MainWindow(
        desk_store,
        cardiology_agent(desk_store),
        "Line: simulated (demo)",
        bar,
        drafts_dir=tmp_path / "drafts",
        line=LineType.FAKE,
        hospital=("示范医院", "0571-88888888"),
    )
    qtbot.addWidget(window)
    window.show()
    yield window, phone
    window.writer.wait()
    bridge.stop()
    QApplication.instance().setProperty(LANGUAGE_PROPERTY, "")  # type: ignore[union-attr]


def open_next(qtbot: QtBot, window: MainWindow) -> FollowupView:
    window.next_action.trigger()
    qtbot.waitUntil(lambda: window.followup is not None, timeout=5000)
    assert window.followup is not None
    return window.followup


def test_next_dial_questionnaire_red_flag_and_wrap_up_land_in_store_and_outbox(
    qtbot: QtBot, desk: tuple[MainWindow, FakePhone], desk_store: Engine
) -> None:
    window, _phone = desk
    view = open_next(qtbot, window)
    task_id = view.work.task_id
    assert view.work.template.code == "cardiology"
    # The script is filled from the patient and the agent, with the no-advice warning.
    script = view.script.toPlainText()
    assert view.work.card.episode is not None
    assert window.account.full_name in script and "请勿" in script
    assert "示范医院" in script and "0571-88888888" in script

    # Dial the first number with the card's button; the simulated patient answers.
    with qtbot.waitSignal(view.call_log.sig_answered, timeout=5000):  # type: ignore[union-attr]
        qtbot.mouseClick(view.patient.dial_buttons[0], Qt.MouseButton.LeftButton)
    assert view.attempt_id is not None

    form = view.form
    # Branching: the chest-pain details are hidden until chest pain is answered "yes".
    assert not form.boxes["chest_pain_duration"].isVisibleTo(form)
    form.boxes["identity_confirmed"].editor.pick(1)
    form.boxes["chest_pain"].editor.pick(1)  # yes
    assert form.boxes["chest_pain_duration"].isVisibleTo(form)
    duration = form.boxes["chest_pain_duration"]
    over_20 = next(i for i, v in enumerate(duration.editor.values, 1) if v == "over_20")  # type: ignore[attr-defined]
    duration.editor.pick(over_20)
    # The red flag shows at once, critical, and outlines the question.
    assert view.banner.isVisible() and "120" in view.banner.text()
    assert "c62828" in duration.styleSheet()
    # A number out of range is refused beside the question and kept on screen.
    weight = form.boxes["weight_gain"]
    form.boxes["edema"].editor.pick(1)
    weight.editor.edit.setText("25")  # type: ignore[attr-defined]
    weight.editor.edit.textEdited.emit("25")  # type: ignore[attr-defined]
    assert weight.problem.isVisible()
    assert form.sheet.entry("weight_gain") is None and form.raw_texts["weight_gain"] == "25"

    # Hang up; the wrap-up suggests "reached".
    with qtbot.waitSignal(view.call_log.sig_ended, timeout=5000):  # type: ignore[union-attr]
        window.call_bar.hangup()  # type: ignore[union-attr]
    assert view.wrapup.chosen() is Disposition.REACHED

    # Required questions are left: the agent chooses to save as partial.
    asked: list[str] = []

    def answer_yes(*args: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.Yes

    QMessageBox.question = answer_yes  # type: ignore[method-assign,assignment]
    view.wrapup.notes.setPlainText("已建议立即拨打120")
    with qtbot.waitSignal(view.sig_finished, timeout=10_000) as finished:
        qtbot.mouseClick(view.wrapup.save_button, Qt.MouseButton.LeftButton)
    assert asked and "required questions" in asked[0]
    assert finished.args[0] == task_id
    qtbot.waitUntil(lambda: window.followup is None, timeout=2000)

    with Session(desk_store) as session:
        task = session.get_one(FollowupTask, task_id)
        assert task.status is TaskStatus.DONE and task.attempt_count >= 1
        result = session.scalars(
            select(FollowupResult).where(FollowupResult.task_id == task_id)
        ).one()
        assert result.answers["answers"]["chest_pain_duration"]["value"] == "over_20"
        assert result.answers["answers"]["chest_pain"]["offset_s"] is not None
        assert result.outcome.value == "partial"
        assert result.notes == "已建议立即拨打120"
        attempt = session.get_one(CallAttempt, view.attempt_id)
        assert attempt.task_id == task_id and attempt.answered_at is not None
        assert attempt.disposition is Disposition.REACHED
        alert = session.scalars(select(RedFlagAlert).where(RedFlagAlert.task_id == task_id)).one()
        assert alert.rule_id == "possible_acute_coronary"
        tables = {row.table_name for row in session.scalars(select(Outbox))}
    assert {"call_attempt", "followup_result", "red_flag_alert", "followup_task"} <= tables
    # The recording arrives after the call and is stored with the answer markers.
    qtbot.waitUntil(lambda: _recording(desk_store, view.attempt_id) is not None, timeout=30_000)
    recording = _recording(desk_store, view.attempt_id)
    assert recording is not None and "chest_pain" in recording.markers
    assert not (window.drafts.path(task_id)).exists()
    _card_shows_the_result_and_plays_the_recording(qtbot, desk_store, view, str(recording.id))
    _the_recording_plays_from_the_card_and_is_audited(qtbot, window, recording.id)


def _the_recording_plays_from_the_card_and_is_audited(
    qtbot: QtBot, window: MainWindow, recording_id: uuid.UUID
) -> None:
    from agent_app.ui.supervisor.recording_player import RecordingPlayer

    window.play_recording(str(recording_id))
    player = window.findChild(RecordingPlayer)
    assert player is not None and player.isWindow()
    with qtbot.waitSignal(player.sig_opened, timeout=10_000):
        pass
    qtbot.waitUntil(lambda: player.player.position() > 0, timeout=10_000)
    played = [
        e
        for e in audit_entries(window.engine)
        if e.action == "play" and e.object_id == str(recording_id)
    ]
    assert [e.staff_id for e in played] == [window.account.id]
    player.close()


def _card_shows_the_result_and_plays_the_recording(
    qtbot: QtBot, engine: Engine, view: FollowupView, recording_id: str
) -> None:
    """The next time the patient's card opens, the call plays and the answers read back."""
    card = patient_card(engine, view.work.card.id)
    assert card.past_results and card.past_results[0].notes == "已建议立即拨打120"
    panel = PatientPanel()
    qtbot.addWidget(panel)
    panel.show_card(card, dt.date.today())
    recorded = panel.history.item(0)
    assert recorded.text().startswith("▶")
    with qtbot.waitSignal(panel.sig_play_recording) as played:
        panel.history.itemActivated.emit(recorded)
    assert played.args == [recording_id]
    with qtbot.waitSignal(panel.sig_show_result) as shown:
        panel.results.itemActivated.emit(panel.results.item(0))
    dialog = ResultDialog(shown.args[0])
    qtbot.addWidget(dialog)
    cells = {
        dialog.table.item(row, 0).text(): dialog.table.item(row, 1)
        for row in range(dialog.table.rowCount())
    }
    duration = view.work.template.question("chest_pain_duration")
    over_20 = duration.option("over_20")
    assert over_20 is not None
    answer = cells[duration.text.zh_CN]
    assert answer.text() == over_20.label.zh_CN
    assert answer.background().color() == RED_FLAG


def _recording(engine: Engine, attempt_id: object) -> Recording | None:
    with Session(engine) as session:
        return session.scalars(select(Recording).where(Recording.attempt_id == attempt_id)).first()


def test_no_answer_wrap_up_reschedules_and_returns_to_the_queue(
    qtbot: QtBot, desk: tuple[MainWindow, FakePhone], desk_store: Engine
) -> None:
    window, _phone = desk
    view = open_next(qtbot, window)
    task_id = view.work.task_id
    before = view.work.attempts
    view.wrapup.choose(Disposition.NO_ANSWER)
    with qtbot.waitSignal(view.sig_finished, timeout=10_000):
        view.finish()
    with Session(desk_store) as session:
        task = session.get_one(FollowupTask, task_id)
        # No call was placed from the screen, so the attempt count stays.
        assert (task.status, task.attempt_count) == (TaskStatus.PENDING, before)
        assert task.due_at > dt.datetime.now(dt.UTC)
    assert "next call is due" in window.statusBar().currentMessage()


def _dial_and_wait(qtbot: QtBot, view: FollowupView, signal_name: str) -> None:
    signal = getattr(view.call_log, signal_name)
    with qtbot.waitSignal(signal, timeout=10_000):
        qtbot.mouseClick(view.patient.dial_buttons[0], Qt.MouseButton.LeftButton)


def _raise_chest_pain_flag(view: FollowupView) -> None:
    form = view.form
    form.boxes["identity_confirmed"].editor.pick(1)
    form.boxes["chest_pain"].editor.pick(1)
    duration = form.boxes["chest_pain_duration"]
    over_20 = next(i for i, v in enumerate(duration.editor.values, 1) if v == "over_20")  # type: ignore[attr-defined]
    duration.editor.pick(over_20)


def test_the_outcome_follows_the_call_and_a_contradiction_is_asked_once(
    qtbot: QtBot, desk: tuple[MainWindow, FakePhone], desk_store: Engine
) -> None:
    window, phone = desk
    phone.no_answer_seconds = 0.6
    view = open_next(qtbot, window)
    # Before any call nothing is chosen, and saving asks for the outcome instead.
    assert view.wrapup.chosen() is None
    view.finish()
    assert not view.saving and view.notice.isVisibleTo(view)
    assert "Outcome" in view.notice.text() or "结果" in view.notice.text()

    phone.odds = FakeOdds(answer=0, no_answer=1, busy=0, wrong_number=0)
    _dial_and_wait(qtbot, view, "sig_ended")
    assert view.wrapup.chosen() is Disposition.NO_ANSWER
    assert not view.notice.isVisibleTo(view)  # an outcome is chosen: the prompt went

    phone.odds = FakeOdds(answer=1, no_answer=0, busy=0, wrong_number=0)
    _dial_and_wait(qtbot, view, "sig_answered")
    assert view.wrapup.chosen() is Disposition.REACHED  # connected: reached, before hang-up
    view.form.boxes["identity_confirmed"].editor.pick(1)
    with qtbot.waitSignal(view.call_log.sig_ended, timeout=5000):  # type: ignore[union-attr]
        window.call_bar.hangup()  # type: ignore[union-attr]
    assert view.wrapup.chosen() is Disposition.REACHED

    # The nurse picks "no answer" although answers were typed: one question, and "no" keeps
    # the screen with every answer.
    asked: list[str] = []

    def answer_no(*args: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.No

    QMessageBox.question = answer_no  # type: ignore[method-assign,assignment]
    view.wrapup.choose(Disposition.NO_ANSWER)
    view.finish()
    assert len(asked) == 1 and not view.saving and window.followup is view
    assert view.form.sheet.entry("identity_confirmed") is not None


def test_the_red_flag_banner_stays_whatever_else_is_said(
    qtbot: QtBot, desk: tuple[MainWindow, FakePhone]
) -> None:
    window, _phone = desk
    view = open_next(qtbot, window)
    _dial_and_wait(qtbot, view, "sig_answered")
    _raise_chest_pain_flag(view)
    flag_text = view.banner.text()
    assert view.banner.isVisible() and "120" in flag_text

    view.wrapup.save_button.click()  # what Ctrl+S presses
    assert view.notice.isVisible() and view.notice.text() != flag_text  # "hang up first"
    assert view.banner.isVisible() and view.banner.text() == flag_text

    with qtbot.waitSignal(view.call_log.sig_ended, timeout=5000):  # type: ignore[union-attr]
        window.call_bar.hangup()  # type: ignore[union-attr]
    assert not view.notice.isVisible()  # no longer true once the call ended
    assert "挂断" not in window.statusBar().currentMessage()  # nor on the status bar
    assert "hang up" not in window.statusBar().currentMessage().lower()
    assert view.banner.isVisible() and view.banner.text() == flag_text


def test_texts_ticked_at_wrap_up_are_queued_from_their_templates_and_shown_in_the_history(
    qtbot: QtBot, desk: tuple[MainWindow, FakePhone], desk_store: Engine
) -> None:
    window, _phone = desk
    view = open_next(qtbot, window)
    patient_id = view.work.card.id
    offered = dict(view.work.education_texts)
    assert {"edu_diet", "edu_wound_care", "edu_emergency"} <= set(offered)
    assert view.wrapup.education.isVisibleTo(view)
    with Session(desk_store) as session:  # the patient's own mobile takes texts
        session.execute(delete(Blacklist))
        session.commit()
    row = next(
        r
        for r in range(view.wrapup.education.count())
        if view.wrapup.education.item(r).data(Qt.ItemDataRole.UserRole) == "edu_diet"
    )
    view.wrapup.education.item(row).setCheckState(Qt.CheckState.Checked)
    assert view.wrapup.education_codes() == ("edu_diet",)
    view.wrapup.reminder.setChecked(True)  # and the hospital's re-visit reminder
    view.wrapup.choose(Disposition.NO_ANSWER)
    with qtbot.waitSignal(view.sig_finished, timeout=10_000):
        view.finish()
    history = messages_for_patient(desk_store, patient_id)
    sent = [m for m in history if "饮食宜清淡" in m.body]
    assert len(sent) == 1 and sent[0].state is SmsState.QUEUED
    assert "【示范医院】" in sent[0].body and "0571-88888888" in sent[0].body
    with Session(desk_store) as session:
        rows = dict(session.execute(select(SmsMessage.purpose, SmsMessage.id)).all())
        assert set(rows) == {"health_education", "revisit_reminder"}
        queued = session.scalars(select(Outbox.row_id).where(Outbox.table_name == "sms_message"))
        assert sorted(queued) == sorted(str(i) for i in rows.values())
    reminder = next(m for m in history if "复诊" in m.body and m is not sent[0])
    assert "【示范医院】" in reminder.body and "{" not in reminder.body
    # The patient card lists it when the patient's follow-up opens again.
    box = SmsHistoryBox()
    qtbot.addWidget(box)
    box.show_messages(history)
    assert any("饮食宜清淡" in box.list.item(r).text() for r in range(box.list.count()))
