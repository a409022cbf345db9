"""A table model over recorded calls that reads its rows a page at a time, off the GUI thread.

A query first counts the matching recordings (so the scroll bar spans them all), then pages
of ``browse_recordings`` are read when the view first asks for one of their rows. Until a page
arrives its rows show a placeholder; results of a query the user has since replaced are
dropped.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from typing import Any

from sqlalchemy import Engine

from agent_app.domain.enums import Disposition
from agent_app.domain.hospital_zone import HOSPITAL_TZ
from agent_app.store.repositories.recordings import (
    RecordingFilter,
    RecordingRow,
    RecordingSort,
    browse_recordings,
    count_recordings,
)
from agent_app.ui.background import run_in_background
from agent_app.ui.counted_table_model import CountedTableModel
from agent_app.ui.enum_names import disposition_name
from agent_app.ui.qt import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

log = logging.getLogger(__name__)
Index = QModelIndex | QPersistentModelIndex


def clock(seconds: float) -> str:
    """``m:ss`` (or ``h:mm:ss``) for a duration or a position in a recording."""
    total = max(0, int(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class RecordingsTableModel(CountedTableModel):
    PAGE_SIZE = 100
    MAX_PAGES = 20

    sig_counted = Signal(int)  # the new query's row count is known
    sig_page_loaded = Signal(int)  # page number
    sig_failed = Signal(str)  # a plain sentence

    def __init__(self, engine: Engine, parent: Any = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self._filter = RecordingFilter()
        self._sort = RecordingSort.NEWEST
        self._rows = 0
        self._pages: OrderedDict[int, list[RecordingRow]] = OrderedDict()
        self._asked: set[int] = set()
        self._generation = 0
        self.pages_loaded = 0  # page reads made, for tests
        self._headers = [
            self.tr("Started"),
            self.tr("Length"),
            self.tr("Agent"),
            self.tr("Department"),
            self.tr("Patient"),
            self.tr("MRN"),
            self.tr("Level"),
            self.tr("Outcome"),
            self.tr("QA reviews"),
        ]

    @property
    def query(self) -> tuple[RecordingFilter, RecordingSort]:
        return self._filter, self._sort

    def set_query(self, flt: RecordingFilter, sort: RecordingSort) -> None:
        """Show the recordings ``flt`` matches in ``sort`` order (counted in the background)."""
        self._generation += 1
        generation, engine = self._generation, self._engine
        self.beginResetModel()
        self._filter, self._sort = flt, sort
        self._rows = 0
        self._pages.clear()
        self._asked.clear()
        self.endResetModel()

        def counted(count: int) -> None:
            if generation != self._generation:
                return
            self.beginResetModel()
            self._rows = count
            self.endResetModel()
            self.sig_counted.emit(count)
            if count:
                self._ask(0)

        run_in_background(
            lambda: count_recordings(engine, flt),
            counted,
            lambda exc: self._failed(generation, exc),
            owner=self,
        )

    def refresh(self) -> None:
        self.set_query(self._filter, self._sort)

    def _ask(self, number: int) -> None:
        if number in self._asked:
            return
        self._asked.add(number)
        generation, engine, flt, sort = self._generation, self._engine, self._filter, self._sort
        size = self.PAGE_SIZE

        def arrived(rows: list[RecordingRow]) -> None:
            if generation != self._generation:
                return
            self.pages_loaded += 1
            self._pages[number] = rows
            while len(self._pages) > self.MAX_PAGES:
                dropped, _ = self._pages.popitem(last=False)
                self._asked.discard(dropped)
            first = number * size
            last = min(first + size, self._rows) - 1
            if last >= first:
                self.dataChanged.emit(
                    self.index(first, 0), self.index(last, self.columnCount() - 1)
                )
            self.sig_page_loaded.emit(number)

        run_in_background(
            lambda: browse_recordings(engine, flt, offset=number * size, limit=size, sort=sort),
            arrived,
            lambda exc: self._failed(generation, exc, number),
            owner=self,
        )

    def _failed(self, generation: int, error: BaseException, page: int | None = None) -> None:
        if generation != self._generation:
            return
        if page is not None:
            self._asked.discard(page)  # asked again when the view next shows its rows
        log.warning("recordings could not be read: %s", error)
        self.sig_failed.emit(
            self.tr("The recordings could not be read from the store: {0}").format(error)
        )

    def row_at(self, row: int) -> RecordingRow | None:
        """The recording on ``row``, or None while its page is still being read."""
        if not 0 <= row < self._rows:
            return None
        number, offset = divmod(row, self.PAGE_SIZE)
        page = self._pages.get(number)
        if page is None:
            self._ask(number)
            return None
        self._pages.move_to_end(number)
        return page[offset] if offset < len(page) else None

    def row_of(self, recording_id: object) -> int | None:
        """The row of a recording among the pages already read, if it is there."""
        for number, page in self._pages.items():
            for offset, row in enumerate(page):
                if row.recording_id == recording_id:
                    return number * self.PAGE_SIZE + offset
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.UserRole:
            return self.row_at(index.row())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (1, 8):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self.row_at(index.row())
        if row is None:
            return "…" if index.column() == 0 else None
        return self._cell(row, index.column())

    def _cell(self, row: RecordingRow, column: int) -> str:
        if column == 0:
            return row.started_at.astimezone(HOSPITAL_TZ).strftime("%Y-%m-%d %H:%M")
        if column == 1:
            return clock(row.duration_s)
        if column == 7:
            return disposition_name(Disposition(row.disposition)) if row.disposition else ""
        if column == 8:
            return str(row.reviews) if row.reviews else "—"
        values = {
            2: row.agent_name,
            3: row.department_name,
            4: row.patient_name,
            5: row.mrn,
            6: f"L{row.level}" if row.level else "",
        }
        return values[column]
