"""One dashboard tab: a chart (PNG from reports.charts) above the table of its numbers."""

from __future__ import annotations

from agent_app.reports.tables import Table
from agent_app.ui.qt import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPixmap,
    QResizeEvent,
    QSizePolicy,
    QSplitter,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from agent_app.ui.reports.stats_table_model import StatsTableModel


class ChartView(QLabel):
    """Shows a chart scaled to fit, keeping its proportions; the PNG itself is kept, so a
    resize rescales from the original and never blurs a blurred copy."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.png: bytes | None = None
        self.source = QPixmap()
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Ignored: the label must not ask for the chart's full size, or a window could only
        # ever grow while the chart follows it.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setMinimumSize(160, 100)

    def set_png(self, png: bytes | None) -> None:
        self.png = png
        self.source = QPixmap()
        if png:
            self.source.loadFromData(png, "PNG")
        self._rescale()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._rescale()

    def _rescale(self) -> None:
        if self.source.isNull():
            self.clear()
            return
        self.setPixmap(
            self.source.scaled(
                self.size(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )


class StatsPageView(QWidget):
    """Optional controls on top, then the chart and the table in a splitter."""

    def __init__(self, controls: QWidget | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = ChartView(self)
        self.model = StatsTableModel(self)
        self.table_view = QTableView(self)
        self.table_view.setModel(self.model)
        self.table_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table_view.verticalHeader().hide()
        header = self.table_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.chart)
        self.splitter.addWidget(self.table_view)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([3000, 2000])  # proportions; the splitter scales them to fit
        layout = QVBoxLayout(self)
        if controls is not None:
            layout.addWidget(controls)
        layout.addWidget(self.splitter, 1)

    def show_figures(self, table: Table, png: bytes | None) -> None:
        self.model.set_table(table)
        self.chart.set_png(png)
        self.chart.setVisible(png is not None)

    @property
    def table(self) -> Table | None:
        return self.model.table
