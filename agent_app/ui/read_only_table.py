"""How the desk's read-only lists look and select: whole rows, no editing, no row numbers,
columns sized to their contents with the last one taking the rest."""

from __future__ import annotations

from typing import TypeVar

from agent_app.ui.qt import QAbstractItemView, QHeaderView, QTableView

View = TypeVar("View", bound=QTableView)


def read_only_rows(view: View, *, single: bool = True) -> View:
    """Set ``view`` (a QTableView or QTableWidget) up as a read-only list and return it;
    ``single``: one row at a time can be selected."""
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    if single:
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return view
