"""The patient card lists the patient's text messages with where each stands, in Chinese."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from agent_app.dialer.fake import FakePhone
from agent_app.domain.enums import SmsDirection, SmsState
from agent_app.store.engine import open_local_store
from agent_app.store.repositories.sms import messages_for_patient
from agent_app.store.repositories.sms_replies import record_incoming
from agent_app.store.schema import Contact, SmsMessage
from agent_app.ui.followup.patient_panel import PatientPanel
from agent_app.ui.main_window import MainWindow
from tests.screenpop.known_hospital import KnownHospital, build_known_hospital
from tests.ui.test_followup_flow import desk, desk_store, open_next  # noqa: F401

NOW = dt.datetime(2026, 12, 3, 2, 0, tzinfo=dt.UTC)


@pytest.fixture
def hospital(tmp_path: Path) -> Iterator[KnownHospital]:
    engine = open_local_store(tmp_path / "store.sqlite3")
    yield build_known_hospital(engine)
    engine.dispose()


def _sent(engine: Engine, task_id: int, body: str, state: SmsState, minutes: int) -> None:
    with Session(engine) as session, session.begin():
        session.add(
            SmsMessage(
                id=uuid.uuid4(), task_id=task_id, number_e164="+8613812345678", body=body,
                state=state, created_at=NOW + dt.timedelta(minutes=minutes),
            )
        )  # fmt: skip


def test_each_message_says_where_it_stands_in_chinese(
    qtbot: QtBot, chinese: None, hospital: KnownHospital
) -> None:
    engine = hospital.engine
    _sent(engine, hospital.wang_task, "请明天复诊", SmsState.DELIVERED, 0)
    _sent(engine, hospital.wang_task, "复诊时间有变", SmsState.UNKNOWN, 5)
    record_incoming(engine, "+8613812345678", "好的", hospital.wang, NOW + dt.timedelta(hours=1))
    panel = PatientPanel()
    qtbot.addWidget(panel)
    panel.sms.show_messages(messages_for_patient(engine, hospital.wang))
    lines = [panel.sms.list.item(i).text() for i in range(panel.sms.list.count())]
    assert panel.sms.title() == "短信"
    assert "← 好的" in lines[0] and "回复" in lines[0]
    assert "复诊时间有变" in lines[1] and "请核实后再决定是否重发" in lines[1]
    assert "请明天复诊" in lines[2] and "已送达手机" in lines[2]
    assert [m.direction for m in messages_for_patient(engine, hospital.wang)] == [
        SmsDirection.IN, SmsDirection.OUT, SmsDirection.OUT,
    ]  # fmt: skip


def test_a_message_the_platform_refused_shows_the_platforms_code(
    qtbot: QtBot, chinese: None, hospital: KnownHospital
) -> None:
    engine = hospital.engine
    _sent(engine, hospital.wang_task, "请明天复诊", SmsState.FAILED, 0)
    with Session(engine) as session, session.begin():
        refused = session.scalars(select(SmsMessage)).one()
        refused.error = "sms_platform_refused:SIGNATURE_MISMATCH"
    _sent(engine, hospital.wang_task, "复诊时间有变", SmsState.FAILED, 5)
    panel = PatientPanel()
    qtbot.addWidget(panel)
    panel.sms.show_messages(messages_for_patient(engine, hospital.wang))
    lines = [panel.sms.list.item(i).text() for i in range(panel.sms.list.count())]
    assert "短信平台拒收" in lines[1] and "SIGNATURE_MISMATCH" in lines[1]
    assert "短信平台" not in lines[0] and "未送达" in lines[0]


def test_an_empty_history_says_so(qtbot: QtBot, chinese: None) -> None:
    panel = PatientPanel()
    qtbot.addWidget(panel)
    assert panel.sms.list.item(0).text() == "暂无短信。"


def test_a_reply_shows_on_the_card_when_the_follow_up_opens(
    qtbot: QtBot,
    desk: tuple[MainWindow, FakePhone],  # noqa: F811
    desk_store: Engine,  # noqa: F811
) -> None:
    with Session(desk_store) as session:
        patients = session.scalars(select(Contact.patient_id).distinct()).all()
    for patient_id in patients:
        record_incoming(desk_store, "+8613900000000", f"回复{patient_id}", patient_id, NOW)
    window, _phone = desk
    view = open_next(qtbot, window)
    wanted = f"回复{view.work.card.id}"
    items = view.patient.sms.list
    qtbot.waitUntil(
        lambda: any(wanted in items.item(i).text() for i in range(items.count())), timeout=5000
    )
