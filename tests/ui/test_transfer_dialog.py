"""The transfer dialog: choosing a place and a way, carrying it out on the simulated line, the
screen-pop's department lookup, and the dialog in Chinese."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from agent_app.dialer.errors import TransferError, TransferRefusal
from agent_app.dialer.events import (
    Answered,
    ConferenceChanged,
    Ended,
    EndReason,
    PhoneEvent,
    TransferDone,
    TransferOutcome,
    TransferProgress,
)
from agent_app.dialer.fake import FakeOutcome, FakePhone
from agent_app.domain.enums import LineType
from agent_app.domain.transfer_targets import DirectoryTarget, TransferTargetKind
from agent_app.store.repositories.transfer_targets import list_targets
from agent_app.ui.phone_bridge import PhoneBridge
from agent_app.ui.qt import Qt
from agent_app.ui.transfer_dialog import (
    TransferChoice,
    TransferDialog,
    TransferRequest,
    TransferWords,
    department_transfer_text,
    find_department_target,
    start_transfer,
    transfer_choices,
)
from tests.ui.visible_words import english_on

CARDIO_LINE = DirectoryTarget(
    1, 1, "心内科", TransferTargetKind.FOLLOWUP_LINE, "心内科随访专线", "6001"
)
SURGEON = DirectoryTarget(2, 2, "外科", TransferTargetKind.DOCTOR_ON_DUTY, "李明", "1012")
TARGETS = [CARDIO_LINE, SURGEON]


def _dialog(qtbot: QtBot, **options: object) -> tuple[TransferDialog, list[TransferRequest]]:
    dialog = TransferDialog(TARGETS, **options)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    chosen: list[TransferRequest] = []
    dialog.sig_chosen.connect(chosen.append)
    dialog.show()
    return dialog, chosen


def test_the_filter_narrows_the_directory_and_transfer_hands_over_the_chosen_entry(
    qtbot: QtBot,
) -> None:
    dialog, chosen = _dialog(qtbot)
    dialog.filter.setText("外科")  # QTest cannot type Chinese keys
    assert dialog.chosen_target() == SURGEON
    qtbot.mouseClick(dialog.blind_button, Qt.MouseButton.LeftButton)
    assert chosen == [TransferRequest(TransferChoice.BLIND, "1012", SURGEON)]
    assert not dialog.isVisible()


def test_a_typed_number_wins_and_a_bad_one_is_refused_without_choosing(qtbot: QtBot) -> None:
    dialog, chosen = _dialog(qtbot, preselect=SURGEON.id)
    assert dialog.chosen_target() == SURGEON
    qtbot.keyClicks(dialog.number, "ward seven")
    qtbot.mouseClick(dialog.consult_button, Qt.MouseButton.LeftButton)
    assert chosen == [] and dialog.isVisible()
    assert dialog.problem.text() == "That is not a number that can be dialled."
    dialog.number.setText("8008")
    qtbot.mouseClick(dialog.conference_button, Qt.MouseButton.LeftButton)
    assert chosen == [TransferRequest(TransferChoice.CONFERENCE, "8008", None)]


def test_a_phone_line_offers_blind_transfer_only(qtbot: QtBot) -> None:
    dialog, _ = _dialog(qtbot, choices=transfer_choices(LineType.MODEM))
    assert not dialog.conference_button.isVisible()
    assert not dialog.consult_button.isVisible()
    assert dialog.blind_button.isVisible()
    assert transfer_choices(LineType.SIP) == tuple(TransferChoice)


def _answered_call(phone: FakePhone, qtbot: QtBot, events: list[PhoneEvent]) -> str:
    call = phone.dial("5551")
    qtbot.waitUntil(lambda: phone.pump() >= 0 and Answered(call) in events, timeout=5000)
    return call


@pytest.fixture
def phone(tmp_path: Path) -> FakePhone:
    return FakePhone(
        ring_seconds=(0.1, 0.1),
        outcomes={"5551": FakeOutcome.ANSWER, "6001": FakeOutcome.ANSWER},
        voice_cache=tmp_path / "voices",
    )


def test_blind_transfer_on_the_line_ends_the_call_as_transferred(
    qtbot: QtBot, phone: FakePhone
) -> None:
    events: list[PhoneEvent] = []
    phone.add_listener(events.append)
    call = _answered_call(phone, qtbot, events)
    assert start_transfer(phone, call, TransferRequest(TransferChoice.BLIND, "6001")) == ""
    qtbot.waitUntil(lambda: phone.pump() >= 0 and any(isinstance(e, Ended) for e in events))
    done = [e for e in events if isinstance(e, TransferDone)]
    assert done == [TransferDone(call, TransferOutcome.ACCEPTED, 200)]
    ended = [e for e in events if isinstance(e, Ended)]
    assert [(e.call_id, e.reason) for e in ended] == [(call, EndReason.TRANSFERRED)]
    assert TransferWords().event_text(done[0]) == "The call was transferred."


def test_a_conference_calls_the_target_and_joins_the_three_once_it_answers(
    qtbot: QtBot, phone: FakePhone
) -> None:
    events: list[PhoneEvent] = []
    phone.add_listener(events.append)
    call = _answered_call(phone, qtbot, events)
    consult = start_transfer(phone, call, TransferRequest(TransferChoice.CONFERENCE, "6001"))
    assert consult and consult != call
    qtbot.waitUntil(
        lambda: phone.pump() >= 0 and ConferenceChanged(call, (call, consult)) in events,
        timeout=5000,
    )
    assert [e for e in events if isinstance(e, Ended)] == []


def test_the_refusal_of_a_line_is_worded_for_the_agent(qtbot: QtBot, phone: FakePhone) -> None:
    events: list[PhoneEvent] = []
    phone.add_listener(events.append)
    call = phone.dial("5551")  # still ringing
    with pytest.raises(TransferError) as refused:
        start_transfer(phone, call, TransferRequest(TransferChoice.BLIND, "6001"))
    assert refused.value.code is TransferRefusal.NOT_ANSWERED
    words = TransferWords()
    assert words.refusal(refused.value.code) == "Only an answered call can be transferred."
    assert all(words.refusal(code) for code in TransferRefusal)


def test_the_screen_pop_finds_another_departments_line_off_the_gui_thread(
    qtbot: QtBot, ui_store: Engine
) -> None:
    found: list[DirectoryTarget | None] = []
    errors: list[BaseException] = []
    find_department_target(ui_store, 1, found.append, errors.append)
    qtbot.waitUntil(lambda: bool(found or errors), timeout=5000)
    assert errors == []
    target = found[0]
    assert target is not None and target.kind is TransferTargetKind.FOLLOWUP_LINE
    assert target.department_id == 1
    assert department_transfer_text(target) == f"Transfer to {target.department_name}"


def test_the_dialog_speaks_chinese(qtbot: QtBot, ui_store: Engine, chinese: None) -> None:
    dialog = TransferDialog(list_targets(ui_store))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.number.setText("x")
    qtbot.mouseClick(dialog.blind_button, Qt.MouseButton.LeftButton)  # shows the problem line
    assert english_on([dialog], frozenset(), frozenset()) == []
    target = list_targets(ui_store)[0]
    assert department_transfer_text(target) == f"转接至{target.department_name}"


def test_the_bridge_hands_transfer_events_to_the_window(qtbot: QtBot, phone: FakePhone) -> None:
    bridge = PhoneBridge(phone)
    heard: list[object] = []
    bridge.sig_transfer.connect(heard.append)
    try:
        with qtbot.waitSignal(bridge.sig_answered, timeout=5000):
            call = phone.dial("5551")
        start_transfer(phone, call, TransferRequest(TransferChoice.BLIND, "6001"))
        with qtbot.waitSignal(bridge.sig_ended, timeout=5000):
            pass
    finally:
        bridge.stop()
    assert TransferDone(call, TransferOutcome.ACCEPTED, 200) in heard
    assert [e.code for e in heard if isinstance(e, TransferProgress)] == [100, 180, 200]
