"""The recordings browser: the filter bar over a lazily paged table of recorded calls.

Selecting a row announces it (``sig_selected``); Enter or a double click asks to open it
(``sig_open``). Opening, and the audit row that goes with it, is the player's business.
"""

from __future__ import annotations

import uuid

from sqlalchemy import Engine

from agent_app.domain.views import StaffAccount
from agent_app.store.repositories.recordings import RecordingRow
from agent_app.ui.qt import (
    QAbstractItemView,
    QHeaderView,
    QKeyEvent,
    QKeySequence,
    QLabel,
    QModelIndex,
    QPushButton,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
    Signal,
)
from agent_app.ui.supervisor.recordings_filters import RecordingsFilterBar
from agent_app.ui.supervisor.recordings_model import RecordingsTableModel


class RecordingsTable(QTableView):
    """A table where Enter opens the current row (rather than moving the cursor on)."""

    sig_enter = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.sig_enter.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class RecordingsBrowser(QWidget):
    sig_selected = Signal(object)  # RecordingRow
    sig_open = Signal(object)  # RecordingRow

    def __init__(
        self, engine: Engine, account: StaffAccount, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.engine = engine
        self.account = account
        self._keep: uuid.UUID | None = None  # recording to select again after a refresh
        self.filter_bar = RecordingsFilterBar(engine, account)
        self.model = RecordingsTableModel(engine, self)
        self.table = RecordingsTable()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("Recordings"))
        self.summary = QLabel(self.tr("Reading the recordings…"))
        self.summary.setWordWrap(True)
        self.refresh_button = QPushButton(self.tr("Refresh (F5)"))
        self.refresh_button.setShortcut(QKeySequence("F5"))
        self.refresh_button.clicked.connect(self.refresh)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignRight)
        self.setTabOrder(self.filter_bar, self.table)

        self.filter_bar.sig_changed.connect(self.refresh)
        self.model.sig_counted.connect(self._counted)
        self.model.sig_page_loaded.connect(self._page_loaded)
        self.model.sig_failed.connect(self.summary.setText)
        self.model.modelReset.connect(self._reset)
        self._reset()
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.sig_enter.connect(self.open_current)
        self.table.doubleClicked.connect(lambda _index: self.open_current())
        self.refresh()

    def refresh(self) -> None:
        """Query again with what the filter bar says; the selected recording stays selected
        when it is still among the first rows read."""
        current = self.current_row()
        if current is not None:
            self._keep = current.recording_id
        self.summary.setText(self.tr("Reading the recordings…"))
        self.model.set_query(self.filter_bar.recording_filter(), self.filter_bar.recording_sort())

    def _reset(self) -> None:
        self.table.scrollToTop()
        # Rows are read lazily, so widths cannot follow the contents: size the date to fit.
        width = self.table.fontMetrics().horizontalAdvance("2026-12-31 23:59") + 24
        self.table.horizontalHeader().resizeSection(0, max(width, self.table.columnWidth(0)))

    def _counted(self, count: int) -> None:
        if count:
            self.summary.setText(self.tr("%n recording(s)", "", count))
        else:
            self.summary.setText(self.tr("No recording matches these filters."))

    def _page_loaded(self, _number: int) -> None:
        if self._keep is None:
            return
        row = self.model.row_of(self._keep)
        self._keep = None
        if row is not None:
            self.table.selectRow(row)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.model.row_at(current.row()) if current.isValid() else None
        if row is not None:
            self.sig_selected.emit(row)

    def current_row(self) -> RecordingRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)
        self.table.setFocus()

    def open_current(self) -> None:
        row = self.current_row()
        if row is not None:
            self.sig_open.emit(row)
