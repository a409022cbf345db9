"""The playback bar under a recording: play/pause, a seek slider, position and length, speed
0.5×–2×, through the default sound device (or silently when there is none)."""

from __future__ import annotations

from pathlib import Path

from agent_app.ui.qt import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QStyle,
    Qt,
    QUrl,
    QVBoxLayout,
    QWidget,
    Signal,
)
from agent_app.ui.qt_media import QAudioOutput, QMediaDevices, QMediaPlayer
from agent_app.ui.supervisor.recordings_model import clock

SPEEDS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
PLAYING = QMediaPlayer.PlaybackState.PlayingState


class PlaybackBar(QWidget):
    sig_error = Signal(str)  # a plain sentence: the file cannot be played

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.player = QMediaPlayer(self)
        self.audio = QAudioOutput(self)
        self.devices = QMediaDevices(self)
        self.play_button = QPushButton()
        self.play_button.setToolTip(self.tr("Play or pause (Space)"))
        self.play_button.clicked.connect(self.toggle)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setAccessibleName(self.tr("Position in the recording"))
        self.time_label = QLabel()
        self.speed = QComboBox()
        self.speed.setToolTip(self.tr("Playback speed"))
        for rate in SPEEDS:
            self.speed.addItem(f"{rate:g}×", rate)
        self.speed.setCurrentIndex(SPEEDS.index(1.0))
        self.sound_note = QLabel()
        self.sound_note.setWordWrap(True)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for widget, stretch in ((self.play_button, 0), (self.slider, 1), (self.time_label, 0)):
            row.addWidget(widget, stretch)
        row.addWidget(self.speed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.sound_note)

        self.player.playbackStateChanged.connect(self._state_changed)
        self.player.durationChanged.connect(self._duration_changed)
        self.player.positionChanged.connect(self._position_changed)
        self.player.errorOccurred.connect(self._media_error)
        self.slider.sliderMoved.connect(self.player.setPosition)
        self.slider.actionTriggered.connect(self._slider_action)
        self.speed.currentIndexChanged.connect(
            lambda _index: self.player.setPlaybackRate(self.speed.currentData())
        )
        self.devices.audioOutputsChanged.connect(self._outputs_changed)
        self._outputs_changed()
        self.unload()

    def _outputs_changed(self) -> None:
        """Play through the default sound device; with none, play on silently (position and
        markers still work) rather than have the sound thread complain for every call."""
        device = QMediaDevices.defaultAudioOutput()
        if device.isNull():
            self.player.setAudioOutput(None)  # type: ignore[arg-type]
            self.sound_note.setText(
                self.tr("No sound device is connected: the recording plays without sound.")
            )
            return
        self.audio.setDevice(device)
        self.player.setAudioOutput(self.audio)
        self.sound_note.clear()

    def load(self, path: Path) -> None:
        """Play ``path`` from the start at the chosen speed."""
        self.player.setSource(QUrl.fromLocalFile(str(path)))
        self.player.setPlaybackRate(self.speed.currentData())
        self.player.play()

    def unload(self) -> None:
        self.player.stop()
        self.player.setSource(QUrl())
        self.slider.setRange(0, 0)
        self.slider.setEnabled(False)
        self._show_time(0, 0)
        self._state_changed(self.player.playbackState())

    def loaded(self) -> bool:
        return not self.player.source().isEmpty()

    def toggle(self) -> None:
        if self.player.playbackState() == PLAYING:
            self.player.pause()
        elif self.loaded():
            self.player.play()

    def play_from(self, ms: int) -> None:
        self.player.setPosition(ms)
        if self.player.playbackState() != PLAYING:
            self.player.play()

    def set_speed(self, rate: float) -> None:
        self.speed.setCurrentIndex(SPEEDS.index(rate))

    def _slider_action(self, _action: int) -> None:
        if not self.slider.isSliderDown():  # keys and page clicks; drags go by sliderMoved
            self.player.setPosition(self.slider.sliderPosition())

    def _state_changed(self, state: QMediaPlayer.PlaybackState) -> None:
        playing = state == PLAYING
        pixmap = (
            QStyle.StandardPixmap.SP_MediaPause if playing else QStyle.StandardPixmap.SP_MediaPlay
        )
        self.play_button.setIcon(self.style().standardIcon(pixmap))
        self.play_button.setText(self.tr("Pause") if playing else self.tr("Play"))

    def _duration_changed(self, ms: int) -> None:
        self.slider.setRange(0, ms)
        self.slider.setEnabled(ms > 0)
        self._show_time(self.player.position(), ms)

    def _position_changed(self, ms: int) -> None:
        if not self.slider.isSliderDown():
            self.slider.setValue(ms)
        self._show_time(ms, self.player.duration())

    def _show_time(self, position: int, duration: int) -> None:
        self.time_label.setText(f"{clock(position / 1000)} / {clock(duration / 1000)}")

    def _media_error(self, _error: QMediaPlayer.Error, text: str) -> None:
        self.sig_error.emit(self.tr("This recording cannot be played: {0}").format(text))
