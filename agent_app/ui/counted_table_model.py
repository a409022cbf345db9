"""A flat table model whose size is a row count and a list of column headers.

The paged models (the task queue, the recordings) read their rows page by page; what they
share, how many rows and which columns, lives here.
"""

from __future__ import annotations

from typing import Any

from agent_app.ui.qt import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


class CountedTableModel(QAbstractTableModel):
    """Subclasses keep ``_rows`` (the count) and ``_headers`` (one per column) up to date."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows = 0
        self._headers: list[str] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None
