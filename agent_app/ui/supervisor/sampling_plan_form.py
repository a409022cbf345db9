"""The form a sampling plan is read from: level, department, month, quotas (the seed is in
the folded details, ``sampling_details``).

Choices the account may not make (level 3, another department) stay visible but disabled,
so a supervisor sees what exists and that it is not theirs to run; ``read()`` refuses them
again in case a choice was set from code.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from agent_app.domain.enums import CheckLevel
from agent_app.domain.hospital_zone import HOSPITAL_TZ
from agent_app.supervision.sampling import Quota, SamplingPlan
from agent_app.ui.qt import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDate,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QStandardItemModel,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)
from agent_app.ui.supervisor.sampling_access import SamplingAccess

ALL_DEPARTMENTS = -1  # the department choice meaning "every department"
_PERCENT, _MINIMUM = 1, 2


class PlanFormError(ValueError):
    """The form holds something that is not a plan; the message is for the user."""


def set_choice_enabled(combo: QComboBox, index: int, enabled: bool) -> None:
    """Grey out (or bring back) one entry of a combo box; a greyed entry stays listed."""
    model = combo.model()
    if isinstance(model, QStandardItemModel):
        item = model.item(index)
        if item is not None:
            item.setEnabled(enabled)


def disable_choice(combo: QComboBox, index: int) -> None:
    set_choice_enabled(combo, index, False)


def choice_enabled(combo: QComboBox, index: int) -> bool:
    model = combo.model()
    return bool(model.flags(model.index(index, 0)) & Qt.ItemFlag.ItemIsEnabled)


def fill_department_choices(
    combo: QComboBox,
    departments: Sequence[tuple[int, str]],
    access: SamplingAccess,
    all_label: str,
) -> None:
    """ "All departments" then each department (id, name); what ``access`` forbids is shown
    but cannot be chosen."""
    combo.clear()
    combo.addItem(all_label, ALL_DEPARTMENTS)
    for department_id, name in departments:
        combo.addItem(name, department_id)
    for index in range(combo.count()):
        value = combo.itemData(index)
        if not access.allows_department(None if value == ALL_DEPARTMENTS else value):
            disable_choice(combo, index)


def qdate_to_date(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def month_bounds(day: dt.date) -> tuple[dt.date, dt.date]:
    first = day.replace(day=1)
    last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    return first, last


def last_month(today: dt.date) -> dt.date:
    """Spot-checks look back: the month before ``today``'s."""
    return (today.replace(day=1) - dt.timedelta(days=1)).replace(day=1)


class SamplingPlanForm(QWidget):
    """Edits one sampling plan for the account's ``SamplingAccess``."""

    def __init__(self, access: SamplingAccess, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._access = access
        self.level = QComboBox(self)
        self.level.addItem(self.tr("Level 2: department spot-check"), int(CheckLevel.DEPARTMENT))
        self.level.addItem(self.tr("Level 3: hospital spot-check"), int(CheckLevel.HOSPITAL))
        for index in range(self.level.count()):
            if CheckLevel(self.level.itemData(index)) not in access.levels:
                disable_choice(self.level, index)
        self.department = QComboBox(self)
        self.month = QDateEdit(self)
        self.month.setDisplayFormat("yyyy-MM")
        self.month.setCalendarPopup(True)
        self.set_month(last_month(dt.datetime.now(HOSPITAL_TZ).date()))
        self.percent = QDoubleSpinBox(self)
        self.percent.setRange(0, 100)
        self.percent.setDecimals(1)
        self.percent.setSuffix(" %")
        self.percent.setValue(10)
        self.minimum = QSpinBox(self)
        self.minimum.setRange(0, 10_000)
        self.minimum.setValue(2)
        self.overrides = QTableWidget(0, 3, self)
        self.overrides.setHorizontalHeaderLabels(
            [self.tr("Department (own quota)"), self.tr("Percent"), self.tr("At least")]
        )
        self.overrides.verticalHeader().setVisible(False)
        self.overrides.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.overrides.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.overrides.setMaximumHeight(120)
        self.assign_to_me = QCheckBox(self.tr("Assign the new spot-checks to me"), self)
        self.assign_to_me.setChecked(True)
        self.assign_to_me.setToolTip(
            self.tr("Unassigned spot-checks go to the department's pool, where agents work.")
        )

        quota = QHBoxLayout()
        quota.addWidget(self.percent)
        quota.addWidget(self.minimum)
        self.minimum.setPrefix(self.tr("at least "))
        form = QFormLayout(self)
        form.addRow(self.tr("&Level"), self.level)
        form.addRow(self.tr("&Department"), self.department)
        form.addRow(self.tr("&Month"), self.month)
        quota_label = QLabel(self.tr("Default &quota"), self)
        quota_label.setBuddy(self.percent)
        form.addRow(quota_label, quota)
        form.addRow(self.tr("Per department"), self.overrides)
        form.addRow("", self.assign_to_me)
        for before, after in (
            (self.level, self.department),
            (self.department, self.month),
            (self.month, self.percent),
            (self.percent, self.minimum),
            (self.minimum, self.overrides),
            (self.overrides, self.assign_to_me),
        ):
            QWidget.setTabOrder(before, after)
        self._select_first_enabled(self.level)

    # Filling ------------------------------------------------------------------------------
    def set_departments(self, departments: Sequence[tuple[int, str]]) -> None:
        """The departments to choose from (id, name), e.g. from ``list_departments``."""
        fill_department_choices(
            self.department, departments, self._access, self.tr("All departments")
        )
        self._select_first_enabled(self.department)
        self.overrides.setRowCount(0)
        for department_id, name in departments:
            if not self._access.allows_department(department_id):
                continue
            row = self.overrides.rowCount()
            self.overrides.insertRow(row)
            item = QTableWidgetItem(name)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, department_id)
            self.overrides.setItem(row, 0, item)
            percent = QDoubleSpinBox(self.overrides)
            percent.setRange(0, 100)
            percent.setDecimals(1)
            percent.setSuffix(" %")
            percent.setValue(self.percent.value())
            minimum = QSpinBox(self.overrides)
            minimum.setRange(0, 10_000)
            minimum.setValue(self.minimum.value())
            self.overrides.setCellWidget(row, _PERCENT, percent)
            self.overrides.setCellWidget(row, _MINIMUM, minimum)

    def set_month(self, day: dt.date) -> None:
        self.month.setDate(QDate(day.year, day.month, 1))

    def set_override(self, department_id: int, quota: Quota | None) -> None:
        """Give one department its own quota (None: back to the default)."""
        for row in range(self.overrides.rowCount()):
            item = self.overrides.item(row, 0)
            if item is None or item.data(Qt.ItemDataRole.UserRole) != department_id:
                continue
            item.setCheckState(Qt.CheckState.Checked if quota else Qt.CheckState.Unchecked)
            if quota is not None:
                percent, minimum = self._row_spins(row)
                percent.setValue(quota.percent)
                minimum.setValue(quota.minimum)

    def load(self, plan: SamplingPlan) -> None:
        """Show a recorded plan, to run (or preview) it again."""
        self.level.setCurrentIndex(max(0, self.level.findData(int(plan.level))))
        only = (
            plan.department_ids[0]
            if plan.department_ids and len(plan.department_ids) == 1
            else None
        )
        found = self.department.findData(ALL_DEPARTMENTS if only is None else only)
        if found >= 0:
            self.department.setCurrentIndex(found)
        self.set_month(plan.period_start)
        self.percent.setValue(plan.quota.percent)
        self.minimum.setValue(plan.quota.minimum)
        for row in range(self.overrides.rowCount()):
            item = self.overrides.item(row, 0)
            if item is not None:
                department_id = int(item.data(Qt.ItemDataRole.UserRole))
                self.set_override(department_id, plan.department_quotas.get(department_id))

    # Reading ------------------------------------------------------------------------------
    def read(self) -> SamplingPlan:
        """The plan the form shows; raises ``PlanFormError`` (or the core's
        ``SamplingError``) with a sentence for the user."""
        level = CheckLevel(self.level.currentData())
        if level not in self._access.levels or not choice_enabled(
            self.level, self.level.currentIndex()
        ):
            raise PlanFormError(self.tr("Your role may not run this level of spot-check."))
        chosen = self.department.currentData()
        if chosen is None:
            raise PlanFormError(self.tr("The departments are still loading; try again."))
        department_id = None if chosen == ALL_DEPARTMENTS else int(chosen)
        if not self._access.allows_department(department_id):
            raise PlanFormError(self.tr("You may only spot-check your own department."))
        start, end = month_bounds(qdate_to_date(self.month.date()))
        overrides = {}
        for row in range(self.overrides.rowCount()):
            item = self.overrides.item(row, 0)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                percent, minimum = self._row_spins(row)
                overrides[int(item.data(Qt.ItemDataRole.UserRole))] = Quota(
                    percent.value(), minimum.value()
                )
        plan = SamplingPlan(
            level,
            start,
            end,
            Quota(self.percent.value(), self.minimum.value()),
            overrides,
            None if department_id is None else (department_id,),
        )
        return plan

    def _row_spins(self, row: int) -> tuple[QDoubleSpinBox, QSpinBox]:
        percent = self.overrides.cellWidget(row, _PERCENT)
        minimum = self.overrides.cellWidget(row, _MINIMUM)
        assert isinstance(percent, QDoubleSpinBox) and isinstance(minimum, QSpinBox)
        return percent, minimum

    @staticmethod
    def _select_first_enabled(combo: QComboBox) -> None:
        if choice_enabled(combo, combo.currentIndex()):
            return
        for index in range(combo.count()):
            if choice_enabled(combo, index):
                combo.setCurrentIndex(index)
                return
