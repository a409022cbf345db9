"""Transfer from the desk: the call bar's Transfer… button opens the directory and hands the
call over on the line; a caller of another department pops with "Transfer to <department>"."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from agent_app.config import ScreenPopSettings
from agent_app.dialer.fake import FakeOutcome, FakePhone
from agent_app.domain.enums import EndReason, LineType
from agent_app.domain.transfer_targets import TransferTargetKind
from agent_app.store.engine import open_local_store
from agent_app.store.schema import TransferTarget
from agent_app.ui.call_bar import CallBar
from agent_app.ui.call_transfer import CallTransfer
from agent_app.ui.phone_bridge import PhoneBridge
from agent_app.ui.qt import QApplication, QMainWindow, Qt
from agent_app.ui.screen_pop import ScreenPop
from agent_app.ui.transfer_dialog import TransferDialog
from tests.screenpop.known_hospital import ORTHO_MOBILE, KnownHospital, build_known_hospital

ORTHO_LINE = "6002"
PATIENT = "13800000001"


@pytest.fixture
def hospital(tmp_path: Path) -> Iterator[KnownHospital]:
    engine = open_local_store(tmp_path / "desk.sqlite3")
    hospital = build_known_hospital(engine)
    yield hospital
    engine.dispose()


def _ortho_line(engine: Engine, hospital: KnownHospital) -> int:
    with Session(engine) as session:
        target = TransferTarget(
            department_id=hospital.ortho_nurse.department_id,
            kind=TransferTargetKind.FOLLOWUP_LINE,
            label="骨科随访专线",
            number=ORTHO_LINE,
        )
        session.add(target)
        session.commit()
        return target.id


@pytest.fixture
def phone(tmp_path: Path) -> FakePhone:
    return FakePhone(
        ring_seconds=(0.1, 0.1),
        outcomes={PATIENT: FakeOutcome.ANSWER, ORTHO_LINE: FakeOutcome.ANSWER},
        voice_cache=tmp_path / "voices",
    )


def _desk(
    qtbot: QtBot, hospital: KnownHospital, phone: FakePhone, tmp_path: Path
) -> tuple[QMainWindow, CallBar, CallTransfer, ScreenPop]:
    bridge = PhoneBridge(phone)
    window = QMainWindow()
    qtbot.addWidget(window)
    bar = CallBar(bridge, tmp_path / "recordings")
    window.setCentralWidget(bar)
    transfer = CallTransfer(bar, hospital.engine, window)
    pop = ScreenPop(
        bridge, hospital.engine, hospital.cardiology_nurse, ScreenPopSettings(),
        line=LineType.FAKE, host=window,
    )  # fmt: skip
    pop.sig_transfer_asked.connect(lambda target_id: transfer.ask(target_id))
    window.show()
    window.destroyed.connect(lambda: bridge.stop())
    return window, bar, transfer, pop


def test_the_transfer_button_hands_the_connected_call_to_the_chosen_line(
    qtbot: QtBot, hospital: KnownHospital, phone: FakePhone, tmp_path: Path
) -> None:
    target_id = _ortho_line(hospital.engine, hospital)
    window, bar, transfer, _pop = _desk(qtbot, hospital, phone, tmp_path)
    assert not bar.transfer_button.isEnabled()  # no call yet
    bar.dial(PATIENT)
    qtbot.waitUntil(lambda: bar.connected_call() is not None, timeout=5000)
    assert bar.transfer_button.isEnabled()
    ended: list[object] = []
    bar.sig_call_ended.connect(ended.append)
    qtbot.mouseClick(bar.transfer_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(transfer.dialog, TransferDialog), timeout=5000)
    dialog = transfer.dialog
    assert dialog is not None and dialog.isVisible()
    chosen = dialog.chosen_target()
    assert chosen is not None and chosen.id == target_id and chosen.number == ORTHO_LINE
    qtbot.mouseClick(dialog.blind_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(ended), timeout=5000)
    assert ended[0].reason is EndReason.TRANSFERRED  # type: ignore[attr-defined]
    qtbot.waitUntil(
        lambda: window.statusBar().currentMessage() == "The call was transferred.", timeout=5000
    )


def test_transfer_without_an_answered_call_is_refused_in_words(
    qtbot: QtBot, hospital: KnownHospital, phone: FakePhone, tmp_path: Path
) -> None:
    window, _bar, transfer, _pop = _desk(qtbot, hospital, phone, tmp_path)
    transfer.ask()
    assert window.statusBar().currentMessage() == "Only an answered call can be transferred."
    assert transfer.dialog is None


def test_a_caller_of_another_department_is_offered_a_transfer_to_it(
    qtbot: QtBot, hospital: KnownHospital, phone: FakePhone, tmp_path: Path
) -> None:
    target_id = _ortho_line(hospital.engine, hospital)
    _window, _bar, transfer, pop = _desk(qtbot, hospital, phone, tmp_path)
    with qtbot.waitSignal(pop.sig_shown, timeout=5000):
        phone.simulate_incoming(ORTHO_MOBILE, "")
    card = pop.card
    qtbot.waitUntil(lambda: card.transfer_button.isVisible(), timeout=5000)
    assert card.transfer_button.text() == "Transfer to 骨科"
    with qtbot.waitSignal(pop.sig_transfer_asked) as asked:
        qtbot.mouseClick(card.transfer_button, Qt.MouseButton.LeftButton)
    assert asked.args == [target_id]
    # Before the call is answered the desk says so instead of opening the directory.
    assert transfer.dialog is None


def test_no_transfer_is_offered_when_the_department_has_no_line(
    qtbot: QtBot, hospital: KnownHospital, phone: FakePhone, tmp_path: Path
) -> None:
    _window, _bar, _transfer, pop = _desk(qtbot, hospital, phone, tmp_path)
    with qtbot.waitSignal(pop.sig_shown, timeout=5000):
        phone.simulate_incoming(ORTHO_MOBILE, "")
    qtbot.wait(300)  # the directory lookup runs off the GUI thread
    QApplication.processEvents()
    assert "骨科" in pop.card.details.text()
    assert not pop.card.transfer_button.isVisible()


def test_a_transferred_caller_leaves_the_pop_card_finished(
    qtbot: QtBot, hospital: KnownHospital, phone: FakePhone, tmp_path: Path
) -> None:
    target_id = _ortho_line(hospital.engine, hospital)
    _window, bar, transfer, pop = _desk(qtbot, hospital, phone, tmp_path)
    pop.sig_answer.connect(bar.answer_incoming)
    with qtbot.waitSignal(pop.sig_shown, timeout=5000):
        phone.simulate_incoming(ORTHO_MOBILE, "")
    card = pop.card
    qtbot.waitUntil(lambda: card.transfer_button.isVisible(), timeout=5000)
    qtbot.mouseClick(card.answer_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bar.connected_call() is not None, timeout=5000)
    qtbot.mouseClick(card.transfer_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: transfer.dialog is not None, timeout=5000)
    assert transfer.dialog is not None
    chosen = transfer.dialog.chosen_target()
    assert chosen is not None and chosen.id == target_id
    qtbot.mouseClick(transfer.dialog.blind_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bar.call_id == "", timeout=5000)
    qtbot.waitUntil(lambda: card.state_label.text() == "The call was transferred.", timeout=5000)
    assert not card.transfer_button.isVisible()
