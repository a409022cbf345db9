"""The screen for text messages whose sending is unknown: listed in zh_CN with why, settled by
a button, gone from the list afterwards; send-again asks first."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from agent_app.domain.enums import SmsState
from agent_app.store.engine import open_local_store
from agent_app.store.schema import SmsMessage
from agent_app.ui.qt import QMessageBox
from agent_app.ui.supervisor.sms_settle_screen import SmsSettleScreen
from tests.screenpop.known_hospital import KnownHospital, build_known_hospital


@pytest.fixture
def hospital(tmp_path: Path) -> Iterator[KnownHospital]:
    engine = open_local_store(tmp_path / "store.sqlite3")
    known = build_known_hospital(engine)
    with Session(engine) as session, session.begin():
        for body, error in (("请周五复诊", "sms_interrupted"), ("请按时服药", "sms_port_lost")):
            session.add(
                SmsMessage(
                    id=uuid.uuid4(),
                    task_id=known.wang_task,
                    number_e164="+8613511112222",
                    body=body,
                    state=SmsState.UNKNOWN,
                    error=error,
                )
            )
    yield known
    engine.dispose()


def _open(qtbot: QtBot, known: KnownHospital) -> SmsSettleScreen:
    screen = SmsSettleScreen(known.engine, known.quality)
    qtbot.addWidget(screen)
    with qtbot.waitSignal(screen.sig_loaded, timeout=15000):
        screen.show()
    return screen


def _states(engine: Engine) -> dict[str, SmsState]:
    with Session(engine) as session:
        return dict(session.execute(select(SmsMessage.body, SmsMessage.state)).all())


def test_unknown_messages_show_with_the_reason_in_chinese(
    qtbot: QtBot, hospital: KnownHospital, chinese: None
) -> None:
    screen = _open(qtbot, hospital)
    assert screen.table.rowCount() == 2
    texts = {screen.table.item(r, 3).text(): screen.table.item(r, 4).text() for r in range(2)}
    assert texts["请周五复诊"] == "发送过程中本机停止运行。"
    assert texts["请按时服药"] == "发送过程中短信猫断开了。"
    assert screen.table.item(0, 1).text() == "王秀英"
    assert not screen.was_sent_button.isEnabled()  # nothing chosen yet


def test_it_was_sent_settles_the_chosen_message_and_the_list_shrinks(
    qtbot: QtBot, hospital: KnownHospital, chinese: None
) -> None:
    screen = _open(qtbot, hospital)
    screen.table.selectRow([m.body for m in screen.messages].index("请周五复诊"))
    with qtbot.waitSignal(screen.sig_loaded, timeout=15000):
        screen.was_sent_button.click()
    assert _states(hospital.engine)["请周五复诊"] is SmsState.SENT
    assert [m.body for m in screen.messages] == ["请按时服药"]
    assert screen.status.text() == "已标记为已发送。"


def test_send_again_asks_first_and_no_leaves_it_unknown(
    qtbot: QtBot, hospital: KnownHospital, chinese: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = _open(qtbot, hospital)
    screen.table.selectRow(0)
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: answers.pop(0))
    screen.send_again_button.click()
    assert set(_states(hospital.engine).values()) == {SmsState.UNKNOWN}
    with qtbot.waitSignal(screen.sig_loaded, timeout=15000):
        screen.send_again_button.click()
    with Session(hospital.engine) as session:
        states = sorted(s.value for s in session.scalars(select(SmsMessage.state)))
    assert states == ["failed", "queued", "unknown"]
    assert screen.table.rowCount() == 1
