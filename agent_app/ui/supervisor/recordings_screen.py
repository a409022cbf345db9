"""The supervisor's recordings screen: the browser on the left; the player and the QA form for
the selected call on the right.

Keys: Enter plays the selected recording, Space pauses and resumes, Ctrl+S saves the review
(while typing in the form), F5 reads the list again.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine

from agent_app.domain.hospital_zone import HOSPITAL_TZ
from agent_app.domain.views import StaffAccount
from agent_app.store.repositories.recordings import RecordingRow
from agent_app.supervision.qa_reviews import QaReviewRecord
from agent_app.ui.qt import QHBoxLayout, QSplitter, Qt, QWidget
from agent_app.ui.supervisor.qa_review_form import QaReviewForm
from agent_app.ui.supervisor.recording_player import RecordingPlayer
from agent_app.ui.supervisor.recordings_browser import RecordingsBrowser


class RecordingsScreen(QWidget):
    def __init__(
        self,
        engine: Engine,
        account: StaffAccount,
        parent: QWidget | None = None,
        *,
        server: Engine | None = None,
        cache_dir: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Recordings and QA"))
        self.browser = RecordingsBrowser(engine, account)
        self.player = RecordingPlayer(
            engine, account, server=server, cache_dir=cache_dir, key_host=self
        )
        self.form = QaReviewForm(engine, account)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.player)
        right.addWidget(self.form)
        right.setStretchFactor(1, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.browser)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QHBoxLayout(self)
        layout.addWidget(split)
        self.resize(1280, 760)

        self.browser.sig_selected.connect(self._selected)
        self.browser.sig_open.connect(self.player.open_row)
        self.form.sig_saved.connect(self._review_saved)

    def _selected(self, row: RecordingRow) -> None:
        self.player.show_recording(row)
        started = row.started_at.astimezone(HOSPITAL_TZ).strftime("%Y-%m-%d %H:%M")
        self.form.set_call(
            row.attempt_id,
            self.tr("Review of {agent}'s call to {patient} on {started}").format(
                agent=row.agent_name, patient=row.patient_name or "—", started=started
            ),
        )

    def _review_saved(self, _record: QaReviewRecord) -> None:
        self.browser.refresh()  # the review count and the QA-state filter change
