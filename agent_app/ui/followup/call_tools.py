"""What the follow-up screen opens beside itself: an earlier call's recording in a player
window (audited like every playback), and a complaint registered from the call on screen."""

from __future__ import annotations

import uuid
from pathlib import Path

from sqlalchemy import Engine

from agent_app.domain.views import StaffAccount
from agent_app.ui.qt import QCoreApplication, Qt, QWidget


def play_recording(
    host: QWidget,
    engine: Engine,
    account: StaffAccount,
    recording_id: str,
    *,
    server: Engine | None = None,
    cache_dir: Path | None = None,
) -> QWidget:
    """A player window for one recording; opening it writes the audit row first."""
    from agent_app.ui.supervisor.recording_player import RecordingPlayer  # loads Multimedia

    player = RecordingPlayer(engine, account, host, server=server, cache_dir=cache_dir)
    player.setWindowFlag(Qt.WindowType.Window)
    player.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    player.setWindowTitle(QCoreApplication.translate("CallTools", "Recording of an earlier call"))
    player.resize(720, 420)
    player.show()
    player.open(uuid.UUID(recording_id))
    return player


def register_complaint(
    host: QWidget,
    engine: Engine,
    account: StaffAccount,
    patient_id: int,
    attempt_id: uuid.UUID | None,
) -> QWidget:
    """The complaint form for this patient (and call, when one was placed), non-modal."""
    from agent_app.ui.supervisor.register_complaint_dialog import RegisterComplaintDialog

    dialog = RegisterComplaintDialog(engine, account, patient_id, attempt_id, host)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
