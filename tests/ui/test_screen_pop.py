"""The pop on the simulated line: card, chooser, unknown caller, withheld, blacklist, answer."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session

from agent_app.calls.call import CallState
from agent_app.config import BlacklistAction, PopPlacement, ScreenPopSettings
from agent_app.demo.hospital import RESOURCES
from agent_app.dialer.fake import FakePhone
from agent_app.domain.enums import CallWaiting, Direction, Disposition, EndReason, LineType
from agent_app.screenpop.inbound import BLOCKED, BUSY_HERE, DECLINED
from agent_app.store.engine import open_local_store
from agent_app.store.schema import CallAttempt, Contact, QuestionnaireTemplate
from agent_app.ui.call_bar import CallBar
from agent_app.ui.main_window import MainWindow
from agent_app.ui.phone_bridge import PhoneBridge
from agent_app.ui.pop_card import CHOOSER_PAGE, PATIENT_PAGE, UNKNOWN_PAGE, WITHHELD_PAGE
from agent_app.ui.qt import QDockWidget, Qt
from agent_app.ui.screen_pop import ScreenPop
from tests.screenpop.known_hospital import (
    BLOCKED_PATIENT,
    NOBODY,
    ORTHO_MOBILE,
    SHARED_PHONE,
    WANG_DAUGHTER,
    KnownHospital,
    build_known_hospital,
)


@dataclasses.dataclass
class Desk:
    hospital: KnownHospital
    phone: FakePhone
    bridge: PhoneBridge
    pop: ScreenPop


@pytest.fixture
def make_desk(qtbot: QtBot, tmp_path: Path) -> Iterator[object]:
    made: list[Desk] = []

    def make(settings: ScreenPopSettings | None = None) -> Desk:
        engine = open_local_store(tmp_path / "desk.sqlite3")
        hospital = build_known_hospital(engine)
        phone = FakePhone(voice_cache=tmp_path / "voices")
        bridge = PhoneBridge(phone)
        pop = ScreenPop(
            bridge, engine, hospital.cardiology_nurse, settings or ScreenPopSettings(),
            line=LineType.FAKE, pbx_prefixes=("9",),
        )  # fmt: skip
        qtbot.addWidget(pop.card)
        desk = Desk(hospital, phone, bridge, pop)
        made.append(desk)
        return desk

    yield make
    for desk in made:
        desk.bridge.stop()
        desk.hospital.engine.dispose()


def _ring(qtbot: QtBot, desk: Desk, number: str, name: str = "") -> str:
    with qtbot.waitSignal(desk.pop.sig_shown, timeout=5000) as shown:
        call_id = desk.phone.simulate_incoming(number, name)
    assert shown.args == [call_id]
    return call_id


def _attempt(desk: Desk) -> CallAttempt:
    with desk.hospital.engine.connect() as c:
        return c.execute(select(CallAttempt)).one()  # type: ignore[return-value]


def _wait_for_attempt(qtbot: QtBot, desk: Desk, ended: bool = True) -> CallAttempt:
    """The inbound attempt once written (and closed, with ``ended``) off the GUI thread."""

    def ready() -> None:
        with desk.hospital.engine.connect() as c:
            row = c.execute(select(CallAttempt)).first()
        assert row is not None and (row.ended_at is not None or not ended)

    qtbot.waitUntil(ready, timeout=5000)
    return _attempt(desk)


def test_patient_card_pops_while_ringing_and_answer_goes_to_the_call_bar(
    qtbot: QtBot, make_desk, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    desk: Desk = make_desk()
    bar = CallBar(desk.bridge, tmp_path / "recordings")
    qtbot.addWidget(bar)
    desk.pop.sig_answer.connect(bar.answer_incoming)
    call_id = _ring(qtbot, desk, "9" + WANG_DAUGHTER, "Li Na")
    card = desk.pop.card
    assert card.isVisible() and card.pages.currentIndex() == PATIENT_PAGE
    text = card.details.text()
    assert "王秀英" in text and "李娜, daughter of 王秀英" in text
    assert "急性心肌梗死" in text and "心内科出院随访" in text and "attempt 1/3" in text
    assert "Questionnaire stopped at 2 of 5 questions" in text
    assert "110105********1234" in text and "1951" not in text.split("ID")[1][:20]
    assert card.caller_label.text().startswith("Incoming call · 9" + WANG_DAUGHTER + " · Li Na")
    assert card.open_button.isEnabled() and not card.warning_label.isVisible()

    qtbot.mouseClick(card.answer_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: card.state_label.text() == "Connected", timeout=5000)
    assert bar.call_id == call_id and bar.hangup_button.isEnabled()
    qtbot.mouseClick(bar.hangup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not card.answer_button.isEnabled() and bar.call_id == "")
    attempt = _wait_for_attempt(qtbot, desk)
    assert attempt.direction is Direction.INBOUND and attempt.task_id == desk.hospital.wang_task
    assert attempt.answered_at is not None and attempt.disposition is None
    assert attempt.number == "+86" + WANG_DAUGHTER


def test_open_followup_names_the_patient_and_task(qtbot: QtBot, make_desk) -> None:  # type: ignore[no-untyped-def]
    desk: Desk = make_desk()
    _ring(qtbot, desk, WANG_DAUGHTER)
    with qtbot.waitSignal(desk.pop.sig_open_followup) as opened:
        qtbot.mouseClick(desk.pop.card.open_button, Qt.MouseButton.LeftButton)
    assert opened.args == [desk.hospital.wang, desk.hospital.wang_task]


def test_shared_number_offers_the_chooser_and_the_pick_is_recorded(qtbot: QtBot, make_desk) -> None:  # type: ignore[no-untyped-def]
    desk: Desk = make_desk()
    _ring(qtbot, desk, SHARED_PHONE)
    card = desk.pop.card
    assert card.pages.currentIndex() == CHOOSER_PAGE and card.chooser.count() == 2
    assert card.chooser.item(0).text().startswith("张伟")
    assert not card.open_button.isEnabled()
    _wait_for_attempt(qtbot, desk, ended=False)
    second = card.chooser.item(1)
    card.chooser.itemClicked.emit(second)
    qtbot.waitUntil(lambda: "张强" in card.chooser_details.text(), timeout=5000)
    qtbot.waitUntil(lambda: _attempt(desk).patient_id == desk.hospital.zhang_qiang)


def test_unknown_caller_can_be_saved_as_a_family_contact(qtbot: QtBot, make_desk) -> None:  # type: ignore[no-untyped-def]
    desk: Desk = make_desk()
    _ring(qtbot, desk, NOBODY)
    card = desk.pop.card
    assert card.pages.currentIndex() == UNKNOWN_PAGE
    qtbot.mouseClick(card.create_button, Qt.MouseButton.LeftButton)
    assert "Search for the patient" in card.state_label.text()
    card.search_edit.setText("王秀")  # QTest can only type Latin-1 keys
    qtbot.keyClick(card.search_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: card.results.count() == 1, timeout=5000)
    card.results.setCurrentRow(0)
    card.contact_name.setText("王小明")
    card.relation_box.setCurrentIndex(card.relation_box.findText("son"))
    qtbot.mouseClick(card.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Saved 王小明" in card.state_label.text(), timeout=5000)
    assert card.pages.currentIndex() == PATIENT_PAGE
    assert "Caller: 王小明, son of 王秀英" in card.details.text()
    qtbot.waitUntil(lambda: _attempt(desk).patient_id == desk.hospital.wang, timeout=5000)
    with desk.hospital.engine.connect() as c:
        row = c.execute(select(Contact).where(Contact.name == "王小明")).one()
    assert row.patient_id == desk.hospital.wang and row.number_e164 == "+86" + NOBODY


def test_withheld_caller_says_so(qtbot: QtBot, make_desk) -> None:  # type: ignore[no-untyped-def]
    desk: Desk = make_desk()
    _ring(qtbot, desk, "anonymous")
    card = desk.pop.card
    assert card.pages.currentIndex() == WITHHELD_PAGE
    assert "withheld their number" in card.withheld_label.text()


def test_other_departments_patient_pops_without_details(qtbot: QtBot, make_desk) -> None:  # type: ignore[no-untyped-def]
    desk: Desk = make_desk()
    _ring(qtbot, desk, ORTHO_MOBILE)
    text = desk.pop.card.details.text()
    assert "骨科" in text and "赵刚" not in text and "You may not see" in text
    assert not desk.pop.card.open_button.isEnabled()


def test_agent_decline_is_recorded_as_declined(qtbot: QtBot, make_desk) -> None:  # type: ignore[no-untyped-def]
    desk: Desk = make_desk()
    _ring(qtbot, desk, WANG_DAUGHTER)
    with qtbot.waitSignal(desk.bridge.sig_ended) as ended:
        qtbot.mouseClick(desk.pop.card.reject_button, Qt.MouseButton.LeftButton)
    assert ended.args[0].reason is EndReason.REJECTED
    attempt = _wait_for_attempt(qtbot, desk)
    assert attempt.end_reason == DECLINED and attempt.disposition is Disposition.NO_ANSWER


def test_blacklisted_number_pops_with_a_warning_by_default(qtbot: QtBot, make_desk) -> None:  # type: ignore[no-untyped-def]
    desk: Desk = make_desk()
    _ring(qtbot, desk, BLOCKED_PATIENT)
    card = desk.pop.card
    assert not card.warning_label.isHidden()
    assert "曾辱骂医护" in card.warning_label.text()


def test_blacklisted_number_is_rejected_when_set_so(qtbot: QtBot, make_desk) -> None:  # type: ignore[no-untyped-def]
    desk: Desk = make_desk(ScreenPopSettings(blacklist=BlacklistAction.REJECT))
    messages: list[str] = []
    desk.pop.sig_message.connect(messages.append)
    with qtbot.waitSignal(desk.bridge.sig_ended, timeout=5000) as ended:
        desk.phone.simulate_incoming(BLOCKED_PATIENT)
    assert ended.args[0].reason is EndReason.REJECTED
    assert not desk.pop.card.isVisible()
    assert _wait_for_attempt(qtbot, desk).end_reason == BLOCKED
    assert messages and "blacklisted" in messages[0]


def test_dock_placement_shows_the_card_and_opens_the_callers_follow_up(
    qtbot: QtBot, make_desk, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    desk: Desk = make_desk(ScreenPopSettings(placement=PopPlacement.DOCK))
    hospital = desk.hospital
    bar = CallBar(desk.bridge, tmp_path / "recordings")
    window = MainWindow(hospital.engine, hospital.cardiology_nurse, "", bar)
    qtbot.addWidget(window)
    window.show()
    pop = ScreenPop(
        desk.bridge, hospital.engine, hospital.cardiology_nurse, ScreenPopSettings(
            placement=PopPlacement.DOCK), line=LineType.FAKE, host=window,
    )  # fmt: skip
    desk.pop.bridge.sig_incoming.disconnect(desk.pop._incoming)
    window.attach_screen_pop(pop)
    dock = window.findChild(QDockWidget, "screenPopDock")
    assert dock is not None and not dock.isVisible()
    with qtbot.waitSignal(pop.sig_shown, timeout=5000):
        desk.phone.simulate_incoming(WANG_DAUGHTER)
    assert dock.isVisible() and "王秀英" in pop.card.details.text()
    _install_real_questionnaire(hospital.engine)
    pop.card.open_button.click()  # the caller's follow-up opens where it stopped
    qtbot.waitUntil(lambda: window.followup is not None, timeout=5000)
    assert window.followup is not None and window.followup.work.task_id == hospital.wang_task


def _install_real_questionnaire(engine: Engine) -> None:
    """The known hospital's placeholder questionnaire becomes the shipped general one."""
    body = json.loads((RESOURCES / "questionnaires" / "general_discharge.json").read_text("utf-8"))
    with Session(engine) as session, session.begin():
        session.execute(update(QuestionnaireTemplate).values(body=body, version=body["version"]))


def test_a_second_call_during_a_call_is_turned_away_busy_and_no_attempt_stays_open(
    qtbot: QtBot, make_desk
) -> None:  # type: ignore[no-untyped-def]
    desk: Desk = make_desk()
    messages: list[str] = []
    desk.pop.sig_message.connect(messages.append)
    first = _ring(qtbot, desk, WANG_DAUGHTER)
    with qtbot.waitSignal(desk.bridge.sig_ended, timeout=5000) as ended:
        second = desk.phone.simulate_incoming(ORTHO_MOBILE)
    assert ended.args[0].call_id == second and ended.args[0].reason is EndReason.REJECTED
    assert desk.pop.current is not None and desk.pop.current.call_id == first  # card stays
    assert messages and ORTHO_MOBILE in messages[-1]

    def attempts() -> dict[str, tuple[bool, str]]:
        with desk.hospital.engine.connect() as c:
            rows = c.execute(select(CallAttempt.number, CallAttempt.ended_at,
                                    CallAttempt.end_reason)).all()  # fmt: skip
        return {n[-11:]: (at is not None, reason) for n, at, reason in rows}

    qtbot.waitUntil(lambda: attempts().get(ORTHO_MOBILE) == (True, BUSY_HERE), timeout=5000)
    assert attempts()[WANG_DAUGHTER][0] is False  # the first call is still ringing
    with qtbot.waitSignal(desk.bridge.sig_ended, timeout=5000):
        qtbot.mouseClick(desk.pop.card.reject_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: attempts()[WANG_DAUGHTER] == (True, DECLINED), timeout=5000)
    assert all(closed for closed, _ in attempts().values())  # no attempt left open


def test_with_call_waiting_a_second_call_pops_and_answering_it_holds_the_first(
    qtbot: QtBot, make_desk, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    desk: Desk = make_desk()
    desk.bridge.calls.waiting = CallWaiting.WAIT
    bar = CallBar(desk.bridge, tmp_path / "recordings")
    qtbot.addWidget(bar)
    desk.pop.sig_answer.connect(bar.answer_incoming)
    messages: list[str] = []
    desk.pop.sig_message.connect(messages.append)
    card = desk.pop.card
    first = _ring(qtbot, desk, WANG_DAUGHTER)
    qtbot.mouseClick(card.answer_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bar.state_label.text() == "Connected", timeout=5000)

    second = _ring(qtbot, desk, ORTHO_MOBILE)  # pops like any other call
    assert "骨科" in card.details.text() and "waiting" in messages[-1]
    qtbot.mouseClick(card.answer_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: card.state_label.text() == "Connected", timeout=5000)
    held = desk.bridge.calls.get(first)
    assert held is not None and held.state is CallState.HELD
    assert bar.call_id == second and bar.state_label.text() == "Connected"

    qtbot.mouseClick(bar.hangup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bar.call_id == first, timeout=5000)
    assert bar.state_label.text() == "On hold" and bar.hold_button.isChecked()
    bar.hold_button.click()  # resume the first call
    qtbot.waitUntil(lambda: bar.state_label.text() == "Connected", timeout=5000)
    qtbot.mouseClick(bar.hangup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bar.call_id == "", timeout=5000)

    def closed() -> list[tuple[bool, str | None]]:
        with desk.hospital.engine.connect() as c:
            rows = c.execute(select(CallAttempt.answered_at, CallAttempt.end_reason)).all()
        return [(at is not None, reason) for at, reason in rows]

    qtbot.waitUntil(lambda: closed() == [(True, "local_hangup")] * 2, timeout=5000)


def test_call_waiting_on_a_line_without_hold_turns_the_caller_away_and_says_why(
    qtbot: QtBot, make_desk, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    desk: Desk = make_desk()
    desk.phone.supports_hold = False  # as the phone-line box
    desk.bridge.calls.waiting = CallWaiting.WAIT
    bar = CallBar(desk.bridge, tmp_path / "recordings")
    qtbot.addWidget(bar)
    desk.pop.sig_answer.connect(bar.answer_incoming)
    messages: list[str] = []
    desk.pop.sig_message.connect(messages.append)
    first = _ring(qtbot, desk, WANG_DAUGHTER)
    qtbot.mouseClick(desk.pop.card.answer_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bar.state_label.text() == "Connected", timeout=5000)
    with qtbot.waitSignal(desk.bridge.sig_ended, timeout=5000) as ended:
        second = desk.phone.simulate_incoming(ORTHO_MOBILE)
    assert ended.args[0].call_id == second and ended.args[0].reason is EndReason.REJECTED
    assert any("cannot hold" in m for m in messages) and ORTHO_MOBILE in messages[-1]
    assert bar.call_id == first and desk.pop.current is not None
    assert desk.pop.current.call_id == first  # the card stays on the call in progress
