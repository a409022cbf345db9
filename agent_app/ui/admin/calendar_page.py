"""The administrator's calling calendar: the hospital's exceptions and the holiday data's range.

The page lists the hospital's own closure days and extra working days (add with a date, a kind
and a reason; remove the selected one), says for which years China's public holidays and
swapped working days are known, and shows a banner when that data runs out within 60 days or
already has (calls then follow plain weekdays). :func:`holiday_data_warning` gives the same
words for the administrator's status bar.
"""

from __future__ import annotations

import datetime as dt
import logging
from zoneinfo import ZoneInfo

from sqlalchemy import Engine

from agent_app.domain.calling_hours import DEFAULT_ZONE
from agent_app.domain.coded_error import CodedError
from agent_app.domain.national_holidays import DataState, HolidayDataStatus, holiday_data_status
from agent_app.domain.views import StaffAccount
from agent_app.domain.work_calendar import ExceptionKind
from agent_app.store.repositories.calendar_exceptions import (
    MAX_REASON,
    CalendarEntry,
    add_exception,
    list_exceptions,
    remove_exception,
)
from agent_app.ui.admin.editing import show_result
from agent_app.ui.admin.text_table import TextTable, table_view
from agent_app.ui.background import run_in_background
from agent_app.ui.qt import (
    QComboBox,
    QCoreApplication,
    QDate,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    Signal,
)

log = logging.getLogger(__name__)

_BANNER_SOON = "background: #fff3cd; color: #7a4f01; padding: 8px; font-weight: bold;"
_BANNER_ENDED = "background: #fdecea; color: #b71c1c; padding: 8px; font-weight: bold;"


def hospital_today() -> dt.date:
    """Today in the hospital's time zone (the calendar's days are the hospital's days)."""
    return dt.datetime.now(ZoneInfo(DEFAULT_ZONE)).date()


def holiday_data_warning(status: HolidayDataStatus) -> str:
    """The warning for an administrator when the holiday data runs out; empty when fine."""
    end = f"{status.last_year}-12-31"
    if status.state is DataState.ENDS_SOON:
        return QCoreApplication.translate(
            "CalendarPage",
            "The national holiday data ends on {0} ({1} days left). Upgrade chinesecalendar "
            "once the State Council publishes next year's holidays; until then, add the known "
            "holidays as closure days.",
        ).format(end, status.days_left)
    if status.state is DataState.ENDED:
        return QCoreApplication.translate(
            "CalendarPage",
            "The national holiday data ended on {0}: calls now follow plain weekdays and "
            "public holidays are not skipped. Upgrade chinesecalendar, or add the holidays as "
            "closure days.",
        ).format(end)
    return ""


def _kind_words(kind: ExceptionKind) -> str:
    if kind is ExceptionKind.CLOSED:
        return QCoreApplication.translate("CalendarPage", "Closure day (no calls)")
    return QCoreApplication.translate("CalendarPage", "Extra working day")


def _refusal_words(error: BaseException) -> str:
    if isinstance(error, CodedError):
        sentences = {
            "calendar_day_taken": QCoreApplication.translate(
                "CalendarPage", "{day} already has an exception; remove it first."
            ),
            "calendar_reason_too_long": QCoreApplication.translate(
                "CalendarPage", "The reason is longer than {limit} characters."
            ),
            "calendar_no_such_exception": QCoreApplication.translate(
                "CalendarPage", "That exception is no longer in the calendar."
            ),
            "edit_not_admin": QCoreApplication.translate(
                "CalendarPage", "Only an administrator may change the calendar."
            ),
        }
        sentence = sentences.get(error.code)
        if sentence is not None:
            return sentence.format(**error.params)
    log.error("the calendar could not be read or written", exc_info=error)
    return QCoreApplication.translate(
        "CalendarPage", "The calendar could not be read or written ({0})."
    ).format(error)


class CalendarPage(QWidget):
    """Local exceptions, the national data's range, and its warning."""

    sig_loaded = Signal()
    sig_changed = Signal()
    sig_refused = Signal(str)

    def __init__(
        self,
        engine: Engine,
        account: StaffAccount,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self._account = account
        self._entries: list[CalendarEntry] = []
        self.status = holiday_data_status(today or hospital_today())

        self.banner = QLabel(self)
        self.banner.setObjectName("calendarBanner")
        self.banner.setWordWrap(True)
        warning = holiday_data_warning(self.status)
        self.banner.setText(warning)
        self.banner.setStyleSheet(
            _BANNER_ENDED if self.status.state is DataState.ENDED else _BANNER_SOON
        )
        self.banner.setVisible(bool(warning))
        self.data_range = QLabel(
            self.tr(
                "China's public holidays and swapped working days are known for {0}–{1}. "
                "Beyond that, calls follow plain weekdays."
            ).format(self.status.first_year, self.status.last_year),
            self,
        )
        self.data_range.setWordWrap(True)

        self.model = TextTable([self.tr("Date"), self.tr("Kind"), self.tr("Reason")], self)
        self.table = table_view(self.model, self)
        self.day = QDateEdit(self)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        start = today or hospital_today()
        self.day.setDate(QDate(start.year, start.month, start.day))
        self.kind = QComboBox(self)
        for kind in ExceptionKind:
            self.kind.addItem(_kind_words(kind), kind.value)
        self.reason = QLineEdit(self)
        self.reason.setMaxLength(MAX_REASON)
        self.reason.setPlaceholderText(self.tr("Reason, e.g. hospital-wide power maintenance"))
        self.reason.returnPressed.connect(self.add)
        self.add_button = QPushButton(self.tr("&Add"), self)
        self.add_button.clicked.connect(self.add)
        self.remove_button = QPushButton(self.tr("&Remove selected"), self)
        self.remove_button.clicked.connect(self.remove_selected)
        self.result = QLabel(self)
        self.result.setWordWrap(True)

        form = QHBoxLayout()
        form.addWidget(QLabel(self.tr("Date"), self))
        form.addWidget(self.day)
        form.addWidget(self.kind)
        form.addWidget(self.reason, 1)
        form.addWidget(self.add_button)
        column = QVBoxLayout(self)
        column.addWidget(self.banner)
        column.addWidget(self.data_range)
        column.addWidget(QLabel(self.tr("The hospital's own exceptions"), self))
        column.addWidget(self.table, 1)
        column.addLayout(form)
        bottom = QHBoxLayout()
        bottom.addWidget(self.result, 1)
        bottom.addWidget(self.remove_button)
        column.addLayout(bottom)
        self.setWindowTitle(self.tr("Calling calendar"))
        self.reload()

    def reload(self) -> None:
        run_in_background(
            lambda: list_exceptions(self._engine), self._listed, self._failed, owner=self
        )

    def _listed(self, entries: list[CalendarEntry]) -> None:
        self._entries = entries
        self.model.set_rows(
            [(str(e.id), (e.day.isoformat(), _kind_words(e.kind), e.reason)) for e in entries]
        )
        self.sig_loaded.emit()

    def add(self) -> None:
        """Add the exception in the form (refused with the reason when the day has one)."""
        chosen = self.day.date()
        day = dt.date(chosen.year(), chosen.month(), chosen.day())
        kind = ExceptionKind(self.kind.currentData())
        reason, staff_id = self.reason.text(), self._account.id
        run_in_background(
            lambda: add_exception(self._engine, day, kind, reason, staff_id=staff_id),
            lambda entry: self._changed(
                self.tr("Added {0}: {1}.").format(entry.day.isoformat(), _kind_words(entry.kind))
            ),
            self._failed,
            owner=self,
        )

    def remove_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            show_result(self.result, self.tr("Select an exception to remove."), ok=False)
            return
        entry = self._entries[rows[0].row()]
        staff_id = self._account.id
        run_in_background(
            lambda: remove_exception(self._engine, entry.id, staff_id=staff_id),
            lambda _none: self._changed(self.tr("Removed {0}.").format(entry.day.isoformat())),
            self._failed,
            owner=self,
        )

    def _changed(self, words: str) -> None:
        self.reason.clear()
        show_result(self.result, words, ok=True)
        self.reload()
        self.sig_changed.emit()

    def _failed(self, error: BaseException) -> None:
        words = _refusal_words(error)
        show_result(self.result, words, ok=False)
        self.sig_refused.emit(words)
