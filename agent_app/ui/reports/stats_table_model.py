"""A read-only Qt model over one statistics table (reports.tables.Table)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from agent_app.reports.tables import Cell, Table
from agent_app.ui.language import desk_language
from agent_app.ui.qt import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

_NO_INDEX = QModelIndex()
CellRole = Qt.ItemDataRole.UserRole  # the cell as the core computed it (int, float, …)


def _english_headers() -> dict[str, str]:
    """The core's Chinese column words and what an English desk shows instead."""

    def t(text: str) -> str:
        return QCoreApplication.translate("StatsTableModel", text)

    return {
        "名称": t("Name"),
        "应随访": t("Due"),
        "已完成": t("Done"),
        "完成率%": t("Done %"),
        "7天内联系上": t("Reached ≤7 d"),
        "7天率%": t("≤7 d %"),
        "30天内联系上": t("Reached ≤30 d"),
        "30天率%": t("≤30 d %"),
        "人员": t("Staff"),
        "科室": t("Department"),
        "呼叫次数": t("Calls"),
        "接通次数": t("Reached"),
        "接通率%": t("Reached %"),
        "涉及任务": t("Tasks"),
        "问卷份数": t("Questionnaires"),
        "通话分钟": t("Talk minutes"),
        "任务数": t("Tasks"),
        "评分": t("Score"),
        "份数": t("Results"),
        "占比%": t("Share %"),
        "月份": t("Month"),
        "平均分": t("Mean score"),
        "满意(4-5分)": t("Satisfied (4–5)"),
        "满意率%": t("Satisfied %"),
        "询问复诊": t("Asked about re-visit"),
        "知晓复诊": t("Knew the re-visit"),
        "知晓率%": t("Knew %"),
        "已预约复诊": t("Re-visit booked"),
        "预约率%": t("Booked %"),
        "答案": t("Answer"),
        "次数": t("Count"),
        "占作答%": t("Share of answers %"),
        "类别": t("Kind"),
        "状态": t("State"),
        "件数": t("Count"),
        "诊断组": t("Diagnosis group"),
        "例数": t("Patients"),
        "死亡": t("Deaths"),
        "30天生存率%": t("30-day survival %"),
        "90天生存率%": t("90-day survival %"),
        "中位生存(天)": t("Median survival (days)"),
    }


def cell_text(cell: Cell) -> str:
    """How a cell reads on screen and on paper."""
    if cell is None:
        return ""
    if isinstance(cell, dt.datetime | dt.date):
        return cell.isoformat()
    return str(cell)


class StatsTableModel(QAbstractTableModel):
    """Shows a Table; the headers follow the desk's language, the cells stay as computed."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.table: Table | None = None
        self._headers: list[str] = []

    def set_table(self, table: Table | None) -> None:
        self.beginResetModel()
        self.table = table
        self._headers = self.header_words(table)
        self.endResetModel()

    @staticmethod
    def header_words(table: Table | None) -> list[str]:
        """The column headers as the desk shows them."""
        if table is None:
            return []
        if desk_language().startswith("zh"):
            # The core's own words, identical to the exported files and the printed report.
            return list(table.columns)
        english = _english_headers()
        return [english.get(column, column) for column in table.columns]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _NO_INDEX) -> int:
        return 0 if parent.isValid() or self.table is None else len(self.table.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or self.table is None:
            return None
        cell = self.table.rows[index.row()][index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return cell_text(cell)
        if role == CellRole:
            return cell
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(cell, int | float):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None
