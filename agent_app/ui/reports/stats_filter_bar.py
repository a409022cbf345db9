"""The dashboard's filter: period (with quick picks), department, plan, diagnosis, check level
and how the follow-up rate is grouped.

It opens on the last complete month: the unit hospitals report follow-up work in (the monthly
PDF is one), whose figures do not move from one day to the next, where the current month can
hold two days and a rolling 30 days cuts months in two."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from agent_app.domain.views import StaffAccount
from agent_app.reports.errors import FilterError
from agent_app.reports.filters import StatsFilter
from agent_app.reports.followup_records import Grouping
from agent_app.ui.language import desk_language
from agent_app.ui.qt import (
    QComboBox,
    QDate,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
    Signal,
)
from agent_app.ui.reports.dashboard_options import DashboardOptions, fixed_department


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def months_before(day: dt.date, months: int) -> dt.date:
    """The first day of the month ``months`` before the month of ``day``."""
    index = day.year * 12 + day.month - 1 - months
    return dt.date(index // 12, index % 12 + 1, 1)


def quick_period(kind: str, today: dt.date) -> tuple[dt.date, dt.date]:
    """``this_month``, ``last_month``, ``last_3_months`` (this one and the two before),
    ``last_30_days`` (up to today) or ``this_year``, each up to its natural end."""
    if kind == "last_30_days":
        return today - dt.timedelta(days=29), today
    if kind == "this_month":
        return month_start(today), months_before(today, -1) - dt.timedelta(days=1)
    if kind == "last_month":
        return months_before(today, 1), month_start(today) - dt.timedelta(days=1)
    if kind == "last_3_months":
        return months_before(today, 2), months_before(today, -1) - dt.timedelta(days=1)
    if kind == "this_year":
        return dt.date(today.year, 1, 1), dt.date(today.year, 12, 31)
    raise ValueError(f"Unknown quick period {kind!r}.")


OPENING_PERIOD = "last_month"  # see the module docstring


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class StatsFilterBar(QWidget):
    """The filter as typed; ``stats_filter()`` reads it (FilterError when it makes no sense)
    and never changes what was typed."""

    sig_changed = Signal()  # any part of the filter changed, typed or set from code

    def __init__(
        self,
        account: StaffAccount,
        today: Callable[[], dt.date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._account = account
        self._today = today
        self._setting_period = False
        self._options = DashboardOptions((), (), ())

        self.date_from = QDateEdit(self)
        self.date_to = QDateEdit(self)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(self._typed_period)
        self.quick = QComboBox(self)
        for kind, text in (
            ("", self.tr("Chosen dates")),
            ("this_month", self.tr("This month")),
            ("last_month", self.tr("Last month")),
            ("last_30_days", self.tr("Last 30 days")),
            ("last_3_months", self.tr("Last 3 months")),
            ("this_year", self.tr("This year")),
        ):
            self.quick.addItem(text, kind)
        self.quick.activated.connect(self._quick_chosen)

        self.department = QComboBox(self)
        self.plan = QComboBox(self)
        self.diagnosis = QLineEdit(self)
        self.diagnosis.setPlaceholderText(self.tr("ICD-10 code start, e.g. I21"))
        self.diagnosis.setMaxLength(8)
        self.level = QComboBox(self)
        for level, text in (
            (1, self.tr("L1 own follow-up")),
            (2, self.tr("L2 department spot-check")),
            (3, self.tr("L3 hospital spot-check")),
        ):
            self.level.addItem(text, level)
        self.grouping = QComboBox(self)
        for grouping, text in (
            (Grouping.DEPARTMENT, self.tr("By department")),
            (Grouping.HOSPITAL, self.tr("Whole hospital")),
            (Grouping.STAFF, self.tr("By person")),
        ):
            self.grouping.addItem(text, grouping.value)
        self.set_options(DashboardOptions((), (), ()))

        period = QHBoxLayout()
        period.addWidget(self.date_from)
        period.addWidget(QLabel("–", self))
        period.addWidget(self.date_to)
        period.addWidget(self.quick)
        period.addStretch(1)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        period_label = QLabel(self.tr("&Period:"), self)
        period_label.setBuddy(self.date_from)
        form.addRow(period_label, period)
        row = QHBoxLayout()
        for label, widget in (
            (self.tr("&Department:"), self.department),
            (self.tr("P&lan:"), self.plan),
            (self.tr("Dia&gnosis:"), self.diagnosis),
            (self.tr("Le&vel:"), self.level),
            (self.tr("G&roup by:"), self.grouping),
        ):
            buddy = QLabel(label, self)
            buddy.setBuddy(widget)
            row.addWidget(buddy)
            row.addWidget(widget, 1)
        form.addRow(row)
        self.set_quick_period(OPENING_PERIOD)
        for combo in (self.department, self.plan, self.level, self.grouping):
            combo.currentIndexChanged.connect(self.sig_changed)
        self.diagnosis.textChanged.connect(self.sig_changed)

    # Choices ------------------------------------------------------------------------------

    def set_options(self, options: DashboardOptions) -> None:
        """Fill the department and plan lists, keeping the current choice when still there."""
        self._options = options
        english = desk_language().startswith("en")
        fixed = fixed_department(self._account)
        wanted = self.department.currentData()
        self.department.clear()
        if fixed is None:
            self.department.addItem(self.tr("All departments"), None)
            for choice in options.departments:
                self.department.addItem(
                    choice.name_en if english and choice.name_en else choice.name, choice.id
                )
        else:
            # A supervisor's statistics are their department's, whatever the list holds.
            self.department.addItem(self._account.department_name, fixed)
        self.department.setEnabled(fixed is None)
        self._reselect(self.department, wanted)
        wanted = self.plan.currentData()
        self.plan.clear()
        self.plan.addItem(self.tr("All plans"), None)
        for plan in options.plans:
            self.plan.addItem(plan.name, plan.id)
        self._reselect(self.plan, wanted)

    @staticmethod
    def _reselect(combo: QComboBox, data: object) -> None:
        index = combo.findData(data) if data is not None else 0
        combo.setCurrentIndex(max(index, 0))

    # Period -------------------------------------------------------------------------------

    def set_period(self, start: dt.date, end: dt.date) -> None:
        """Set both dates as if typed (the quick pick shows "Chosen dates")."""
        self.date_from.setDate(_qdate(start))
        self.date_to.setDate(_qdate(end))

    def set_quick_period(self, kind: str) -> None:
        start, end = quick_period(kind, self._today())
        self._setting_period = True
        try:
            self.set_period(start, end)
        finally:
            self._setting_period = False
        self.quick.setCurrentIndex(max(self.quick.findData(kind), 0))

    def _quick_chosen(self, index: int) -> None:
        kind = self.quick.itemData(index)
        if kind:
            self.set_quick_period(str(kind))

    def _typed_period(self) -> None:
        if not self._setting_period:
            self.quick.setCurrentIndex(0)
        self.sig_changed.emit()

    def period(self) -> tuple[dt.date, dt.date]:
        return self.date_from.date().toPython(), self.date_to.date().toPython()  # type: ignore[return-value]

    # Reading ------------------------------------------------------------------------------

    def stats_filter(self) -> StatsFilter:
        """The filter as typed (not yet narrowed to the account)."""
        start, end = self.period()
        if end < start:
            raise FilterError(self.tr("The period ends before it starts; swap the two dates."))
        diagnosis = self.diagnosis.text().strip().upper() or None
        department = self.department.currentData()
        plan = self.plan.currentData()
        return StatsFilter(
            start,
            end,
            department_id=None if department is None else int(department),
            plan_id=None if plan is None else int(plan),
            diagnosis_prefix=diagnosis,
            level=int(self.level.currentData()),
        )

    def chosen_grouping(self) -> Grouping:
        return Grouping(str(self.grouping.currentData()))

    def department_name(self) -> str:
        """The chosen department's Chinese name (as reports print it), "" for the hospital."""
        chosen = self.department.currentData()
        if chosen is None:
            return ""
        names = {d.id: d.name for d in self._options.departments}
        return names.get(int(chosen), self.department.currentText())
