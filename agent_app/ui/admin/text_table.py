"""A read-only table of text rows under fixed headers, for the admin lists."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from agent_app.ui.qt import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTableView,
    QWidget,
)
from agent_app.ui.read_only_table import read_only_rows

_NO_INDEX = QModelIndex()


class TextTable(QAbstractTableModel):
    """Rows of text; each row keeps a key (e.g. a template code) to find it again."""

    def __init__(self, headers: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._rows: list[tuple[str, ...]] = []
        self.keys: list[str] = []

    def set_rows(self, rows: Sequence[tuple[str, tuple[str, ...]]]) -> None:
        self.beginResetModel()
        self.keys = [key for key, _ in rows]
        self._rows = [cells for _, cells in rows]
        self.endResetModel()

    def set_cells(self, rows: Sequence[tuple[str, ...]]) -> None:
        """Rows without keys of their own (they are keyed by position)."""
        self.set_rows([(str(number), cells) for number, cells in enumerate(rows)])

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole) and index.isValid():
            return self._rows[index.row()][index.column()]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None


def table_view(model: TextTable, parent: QWidget | None = None) -> QTableView:
    """A keyboard-friendly single-row-selection view of ``model``."""
    view = read_only_rows(QTableView(parent))
    view.setModel(model)
    return view


def select_key(view: QTableView, model: TextTable, key: str) -> bool:
    """Select the row whose key is ``key``; False when there is none."""
    if key not in model.keys:
        return False
    view.selectRow(model.keys.index(key))
    return True
