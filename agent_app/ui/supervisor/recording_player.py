"""The recording player: play/pause (Space), seek, speed, a loudness strip and the moments the
agent entered each answer (a click jumps there).

Opening a recording writes the audit row first (``fetch_recording``); a recording that is not
on this computer is fetched from the central server into the cache folder when the desk has a
server connection. Reading, fetching and the loudness strip all happen off the GUI thread.
"""

from __future__ import annotations

import logging
import uuid
from pathlib import Path

from sqlalchemy import Engine

from agent_app.domain.hospital_zone import HOSPITAL_TZ
from agent_app.domain.views import StaffAccount
from agent_app.store.recording_crypto import RecordingDecryptError
from agent_app.store.recordings_at_rest import discard_play_copy
from agent_app.store.repositories.recordings import RecordingNotFoundError, RecordingRow
from agent_app.sync.errors import SyncError
from agent_app.ui.background import run_in_background
from agent_app.ui.language import desk_language
from agent_app.ui.qt import (
    QHideEvent,
    QKeySequence,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QShortcut,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from agent_app.ui.server_texts import server_error_text
from agent_app.ui.supervisor.recordings_fetch import (
    OpenedRecording,
    RecordingMissingError,
    fetch_recording,
)
from agent_app.ui.supervisor.recordings_model import clock
from agent_app.ui.supervisor.recordings_playback import PlaybackBar
from agent_app.ui.supervisor.waveform import WaveformStrip, loudness_peaks

log = logging.getLogger(__name__)
WAVEFORM_BINS = 600


class RecordingPlayer(QWidget):
    sig_opened = Signal(object)  # OpenedRecording: the audio is loaded and playing
    sig_failed = Signal(str)  # a plain sentence

    def __init__(
        self,
        engine: Engine,
        account: StaffAccount,
        parent: QWidget | None = None,
        *,
        server: Engine | None = None,
        cache_dir: Path | None = None,
        key_host: QWidget | None = None,
    ) -> None:
        """``key_host``: the widget whose focus area Space works in (default: the player)."""
        super().__init__(parent)
        self.engine = engine
        self.account = account
        self.server = server
        self.cache_dir = cache_dir
        self.opened: OpenedRecording | None = None
        self._chosen: uuid.UUID | None = None  # shown, not opened yet
        self._generation = 0

        self.title = QLabel(self.tr("Choose a recording and press Enter to play it."))
        self.title.setWordWrap(True)
        self.bar = PlaybackBar()
        self.player = self.bar.player  # the QMediaPlayer
        self.waveform = WaveformStrip()
        self.markers = QListWidget()
        self.markers.setAccessibleName(self.tr("Answer moments"))
        self.markers.setToolTip(self.tr("Click an answer to hear that moment"))
        self.markers.setMaximumHeight(120)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(8)
        self.busy.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.waveform)
        layout.addWidget(self.bar)
        layout.addWidget(self.busy)
        layout.addWidget(self.status)
        layout.addWidget(QLabel(self.tr("Answers in this call:")))
        layout.addWidget(self.markers)

        space = QShortcut(QKeySequence(Qt.Key.Key_Space), key_host or self)
        space.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        space.activated.connect(self.toggle)
        self.player.durationChanged.connect(self.waveform.set_duration)
        self.player.positionChanged.connect(self.waveform.set_position)
        self.bar.sig_error.connect(self._media_error)
        self.waveform.sig_seek.connect(self.seek)
        self.markers.itemClicked.connect(self._marker_chosen)
        self.markers.itemActivated.connect(self._marker_chosen)

    # Opening -------------------------------------------------------------------------------
    def show_recording(self, row: RecordingRow) -> None:
        """Show which recording Space or Enter will play, without opening it (no audit)."""
        self.title.setText(
            self.tr("{patient} ({mrn}) · {agent} · {started} · {length}").format(
                patient=row.patient_name or self.tr("no patient"),
                mrn=row.mrn,
                agent=row.agent_name,
                started=row.started_at.astimezone(HOSPITAL_TZ).strftime("%Y-%m-%d %H:%M"),
                length=clock(row.duration_s),
            )
        )
        opened = self.opened.media.recording_id if self.opened is not None else None
        if row.recording_id in (opened, self._chosen):  # playing or opening it already
            return
        self._close_media()
        self._chosen = row.recording_id
        self.status.setText(self.tr("Press Enter or Space to play this recording."))

    def open_row(self, row: RecordingRow) -> None:
        self.show_recording(row)
        self.open(row.recording_id)

    def open(self, recording_id: uuid.UUID) -> None:
        """Write the audit row, find (or fetch) the audio, then play it."""
        self._close_media()
        self._chosen = recording_id
        self._generation += 1
        generation = self._generation
        engine, staff_id, server, cache = self.engine, self.account.id, self.server, self.cache_dir
        self.busy.show()
        self.status.setText(self.tr("Opening the recording…"))
        run_in_background(
            lambda: fetch_recording(engine, staff_id, recording_id, server=server, cache_dir=cache),
            lambda opened: self._opened(generation, opened),
            lambda error: self._open_failed(generation, error),
            owner=self,
        )

    def _close_media(self) -> None:
        self._generation += 1  # results of an earlier open are not for this recording
        self.bar.unload()
        if self.opened is not None:
            discard_play_copy(self.opened.path)  # the plaintext copy lives only while it plays
        self.opened = None
        self._chosen = None
        self.busy.hide()
        self.status.clear()
        self.markers.clear()
        self.waveform.clear()

    def _opened(self, generation: int, opened: OpenedRecording) -> None:
        if generation != self._generation:
            return
        self.busy.hide()
        self.opened = opened
        self.status.setText(
            self.tr("Fetched from the central server.") if opened.downloaded else ""
        )
        english = desk_language().startswith("en")
        for marker in opened.markers:
            label = marker.label_en if english else marker.label_zh
            item = QListWidgetItem(f"{clock(marker.offset_s)}  {label}")
            item.setData(Qt.ItemDataRole.UserRole, int(marker.offset_s * 1000))
            self.markers.addItem(item)
        self.waveform.set_markers([int(m.offset_s * 1000) for m in opened.markers])
        self.waveform.set_duration(int(opened.media.duration_s * 1000))
        self.bar.load(opened.path)
        path = opened.path
        run_in_background(
            lambda: loudness_peaks(path, WAVEFORM_BINS),
            lambda peaks: self._peaks(generation, peaks),
            self._peaks_failed,
            owner=self,
        )
        self.sig_opened.emit(opened)

    def _open_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self.busy.hide()
        message = self._plain(error)
        self.status.setText(message)
        self.sig_failed.emit(message)

    def _plain(self, error: BaseException) -> str:
        if isinstance(error, RecordingMissingError):
            return self.tr(
                "This recording is not on this computer, and the desk is not connected to the "
                "central server to fetch it."
            )
        if isinstance(error, RecordingNotFoundError):
            return self.tr("This recording is no longer in the store.")
        if isinstance(error, RecordingDecryptError):
            return self.tr(
                "This recording cannot be decrypted with this computer's key, and the central "
                "server has no copy to play instead."
            )
        if isinstance(error, SyncError):
            return self.tr(
                "The recording could not be fetched from the central server: {0}"
            ).format(server_error_text(error))
        if isinstance(error, OSError):
            return self.tr("The recording could not be saved on this computer: {0}").format(
                error.strerror or error
            )
        log.error("recording could not be opened", exc_info=error)
        return self.tr("The recording could not be opened: {0}").format(error)

    def _peaks(self, generation: int, peaks: tuple[float, ...]) -> None:
        if generation == self._generation:
            self.waveform.set_peaks(peaks)

    def _peaks_failed(self, error: BaseException) -> None:
        # Playback does not need the strip; say why it stays flat and carry on.
        log.warning("loudness strip not drawn: %s", error)
        self.waveform.setToolTip(self.tr("The loudness of this recording could not be read."))

    # Playing -------------------------------------------------------------------------------
    def toggle(self) -> None:
        """Play or pause; with a recording chosen but not opened yet, open it."""
        if self.opened is None:
            if self._chosen is not None and not self.busy.isVisible():
                self.open(self._chosen)
            return
        self.bar.toggle()

    def seek(self, ms: int) -> None:
        """Play from ``ms`` milliseconds into the recording."""
        if self.opened is not None:
            self.bar.play_from(ms)

    def set_speed(self, rate: float) -> None:
        self.bar.set_speed(rate)

    def _marker_chosen(self, item: QListWidgetItem) -> None:
        self.seek(int(item.data(Qt.ItemDataRole.UserRole)))

    def _media_error(self, message: str) -> None:
        self.status.setText(message)
        self.sig_failed.emit(message)

    def hideEvent(self, event: QHideEvent) -> None:
        # A closed supervisor window must not go on playing a patient's call to the room.
        if not event.spontaneous():  # minimising the window is not closing it
            self.player.pause()
        super().hideEvent(event)
