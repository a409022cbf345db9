"""A strip showing a recording's loudness over time, the play head and the answer markers;
a click on it seeks there.

``loudness_peaks`` reads the audio file with soundfile block by block (so an hour-long call
never sits in memory whole) and is meant to run off the GUI thread.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import soundfile as sf

from agent_app.ui.qt import (
    QColor,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QRectF,
    QSize,
    Qt,
    QWidget,
    Signal,
)

BLOCK_FRAMES = 1 << 16


def loudness_peaks(path: Path, bins: int = 600) -> tuple[float, ...]:
    """The loudest sample of each of ``bins`` equal slices of the file, scaled to 0…1
    against the loudest slice (a silent file gives zeros)."""
    with sf.SoundFile(str(path)) as audio:
        frames = audio.frames
        if frames <= 0 or bins <= 0:
            return ()
        bins = min(bins, frames)
        edges = np.linspace(0, frames, bins + 1).astype(np.int64)
        peaks = np.zeros(bins, dtype=np.float64)
        start = 0
        for block in audio.blocks(blocksize=BLOCK_FRAMES, dtype="float32", always_2d=True):
            level = np.abs(block).max(axis=1)
            end = start + len(level)
            first = int(np.searchsorted(edges, start, side="right")) - 1
            last = min(int(np.searchsorted(edges, end - 1, side="right")) - 1, bins - 1)
            for n in range(first, last + 1):
                lo, hi = max(edges[n], start) - start, min(edges[n + 1], end) - start
                if hi > lo:
                    peaks[n] = max(peaks[n], float(level[lo:hi].max()))
            start = end
    top = float(peaks.max())
    return tuple(float(p) for p in (peaks / top if top > 0 else peaks))


class WaveformStrip(QWidget):
    sig_seek = Signal(int)  # milliseconds

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.peaks: tuple[float, ...] = ()
        self.duration_ms = 0
        self.position_ms = 0
        self.markers_ms: list[int] = []
        self.setMinimumHeight(56)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(self.tr("Click to play from that moment"))

    def sizeHint(self) -> QSize:
        return QSize(480, 64)

    def clear(self) -> None:
        self.peaks, self.duration_ms, self.position_ms, self.markers_ms = (), 0, 0, []
        self.update()

    def set_peaks(self, peaks: tuple[float, ...]) -> None:
        self.peaks = peaks
        self.update()

    def set_duration(self, ms: int) -> None:
        self.duration_ms = max(0, ms)
        self.update()

    def set_position(self, ms: int) -> None:
        self.position_ms = ms
        self.update()

    def set_markers(self, markers_ms: list[int]) -> None:
        self.markers_ms = list(markers_ms)
        self.update()

    def x_of(self, ms: int) -> float:
        return self.width() * ms / self.duration_ms if self.duration_ms else 0.0

    def ms_at(self, x: float) -> int:
        if not self.duration_ms or self.width() <= 0:
            return 0
        return int(min(max(x / self.width(), 0.0), 1.0) * self.duration_ms)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.duration_ms:
            self.sig_seek.emit(self.ms_at(event.position().x()))
            event.accept()
            return
        super().mousePressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.base())
        width, height = self.width(), self.height()
        middle = height / 2
        if self.peaks:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.highlight().color().lighter(130))
            step = width / len(self.peaks)
            for n, peak in enumerate(self.peaks):
                half = max(peak * (middle - 2), 0.5)
                painter.drawRect(QRectF(n * step, middle - half, max(step, 1.0), 2 * half))
        else:
            painter.setPen(palette.mid().color())
            painter.drawLine(0, int(middle), width, int(middle))
        if self.duration_ms:
            painter.setPen(QPen(QColor(230, 126, 34), 2))  # markers: orange, apart from the head
            for ms in self.markers_ms:
                x = self.x_of(ms)
                painter.drawLine(int(x), 0, int(x), height)
            painter.setPen(QPen(palette.text().color(), 2))
            x = self.x_of(self.position_ms)
            painter.drawLine(int(x), 0, int(x), height)
        painter.end()
