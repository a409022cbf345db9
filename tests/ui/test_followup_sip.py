"""The follow-up flow over a real SIP call: the desk's headset line (pjsua2) dials the patient's
number, a sipp peer on 127.0.0.1 answers and plays speech, the agent answers the questionnaire
and hangs up; the attempt, the result and the recording land in the store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from agent_app.dialer.sip import SipPhone
from agent_app.dialer.sip_config import SipLineConfig
from agent_app.domain.enums import Disposition, LineType, TaskStatus
from agent_app.store.recording_crypto import is_encrypted, plain_size
from agent_app.store.schema import CallAttempt, FollowupResult, FollowupTask, Recording
from agent_app.ui.call_bar import CallBar
from agent_app.ui.main_window import MainWindow
from agent_app.ui.phone_bridge import PhoneBridge
from agent_app.ui.qt import QMessageBox, Qt
from tests.dialer.sip_peers import LOCALHOST, PeerSet
from tests.ui.conftest import seeded_sqlite
from tests.ui.test_followup_flow import cardiology_agent, open_next


@pytest.fixture
def sip_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    yield from seeded_sqlite(tmp_path_factory, 60, seed=23)


def test_a_follow_up_over_a_real_sip_call_is_recorded_and_saved(
    qtbot: QtBot, sip_store: Engine, tmp_path: Path
) -> None:
    with PeerSet(tmp_path / "peers") as peers:
        patient = peers.sipp("uas_answer_wait")  # speaks, then waits for the agent to hang up
        phone = SipPhone(
            SipLineConfig(
                user="agent",
                domain=f"{LOCALHOST}:{patient.port}",  # the number is dialled at the peer
                bound_address=LOCALHOST,
                null_audio=True,
                no_answer_timeout=10,
                log_path=tmp_path / "pjsua.log",
            )
        )
        bridge = PhoneBridge(phone)
        window = MainWindow(
            sip_store,
            cardiology_agent(sip_store),
            "Line: SIP",
            CallBar(bridge, tmp_path / "recordings"),
            drafts_dir=tmp_path / "drafts",
            line=LineType.SIP,
        )
        qtbot.addWidget(window)
        window.show()
        try:
            view = open_next(qtbot, window)
            task_id = view.work.task_id
            with qtbot.waitSignal(view.call_log.sig_answered, timeout=15_000):  # type: ignore[union-attr]
                qtbot.mouseClick(view.patient.dial_buttons[0], Qt.MouseButton.LeftButton)
            form = view.form
            form.boxes["identity_confirmed"].editor.pick(1)
            form.boxes["chest_pain"].editor.pick(2)  # no: the chest-pain details stay hidden
            assert not form.boxes["chest_pain_duration"].isVisibleTo(form)
            qtbot.wait(1500)  # a moment of the patient's voice on the recording
            with qtbot.waitSignal(view.call_log.sig_ended, timeout=10_000):  # type: ignore[union-attr]
                window.call_bar.hangup()  # type: ignore[union-attr]
            assert view.wrapup.chosen() is Disposition.REACHED
            QMessageBox.question = lambda *a: QMessageBox.StandardButton.Yes  # type: ignore[method-assign,assignment,misc]
            with qtbot.waitSignal(view.sig_finished, timeout=10_000):
                qtbot.mouseClick(view.wrapup.save_button, Qt.MouseButton.LeftButton)
            attempt_id = view.attempt_id
            qtbot.waitUntil(lambda: _recording(sip_store, attempt_id) is not None, timeout=30_000)
        finally:
            window.writer.wait()
            window.close()
            bridge.stop()
            phone.close()
        assert peers.peers[0].wait(10) == 0, patient.describe()  # sipp saw INVITE, ACK, BYE

    with Session(sip_store) as session:
        task = session.get_one(FollowupTask, task_id)
        assert task.status is TaskStatus.DONE
        attempt = session.get_one(CallAttempt, attempt_id)
        assert attempt.answered_at is not None and attempt.ended_at is not None
        assert attempt.disposition is Disposition.REACHED
        result = session.scalars(
            select(FollowupResult).where(FollowupResult.task_id == task_id)
        ).one()
        assert result.answers["answers"]["chest_pain"]["value"] == "no"
    recording = _recording(sip_store, attempt_id)
    assert recording is not None and recording.duration_ms >= 1000
    assert "identity_confirmed" in recording.markers
    path = Path(recording.local_path)
    assert is_encrypted(path) and plain_size(path) == recording.size_bytes  # encrypted at rest


def _recording(engine: Engine, attempt_id: object) -> Recording | None:
    with Session(engine) as session:
        return session.scalars(select(Recording).where(Recording.attempt_id == attempt_id)).first()
