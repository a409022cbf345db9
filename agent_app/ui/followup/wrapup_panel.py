"""The wrap-up: how the follow-up ended, when to call again, notes, a re-visit reminder and the
health-education texts to send the patient."""

from __future__ import annotations

import datetime as dt
from typing import Any

from agent_app.domain.enums import Disposition
from agent_app.domain.hospital_zone import HOSPITAL_TZ
from agent_app.ui.enum_names import DISPOSITION_ORDER, disposition_name
from agent_app.ui.qt import (
    QCheckBox,
    QComboBox,
    QDateTime,
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QKeySequence,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    Qt,
    QWidget,
    Signal,
)


def _hospital_now() -> QDateTime:
    """Now on the hospital's wall clock, as the callback field shows times."""
    return _wall(dt.datetime.now(HOSPITAL_TZ))


def _wall(moment: dt.datetime) -> QDateTime:
    return QDateTime.fromString(moment.strftime("%Y-%m-%dT%H:%M"), "yyyy-MM-ddTHH:mm")


CALL_BACK_AFTER = dt.timedelta(hours=2)
DAYTIME = (8, 20)  # a default call-back falls inside these hours, the next morning at the latest
MORNING = dt.time(9, 0)


def default_call_back(now: dt.datetime) -> dt.datetime:
    """Two hours from ``now`` (the hospital's clock), or 09:00 when that falls in the night:
    the agent may still pick any time, but the default never rings a patient at 02:53."""
    later = now + CALL_BACK_AFTER
    start, end = DAYTIME
    if later.hour < start:
        return later.replace(hour=MORNING.hour, minute=MORNING.minute)
    if later.hour >= end:
        following = later.date() + dt.timedelta(days=1)
        return dt.datetime.combine(following, MORNING, later.tzinfo)
    return later


class WrapUpPanel(QGroupBox):
    sig_save = Signal()
    sig_later = Signal()
    sig_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Wrap-up"), parent)
        self.disposition = QComboBox()
        # Nothing is chosen before a call: the outcome follows the call, or the agent picks it.
        self.disposition.addItem(self.tr("— choose how the follow-up ended —"), "")
        for disposition in DISPOSITION_ORDER:
            self.disposition.addItem(disposition_name(disposition), disposition.value)
        self.callback = QDateTimeEdit()
        self.callback.setCalendarPopup(True)
        self.callback.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.callback.setDateTime(_wall(default_call_back(dt.datetime.now(HOSPITAL_TZ))))
        self.callback.setToolTip(self.tr("In the hospital's time"))
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(self.tr("Notes for the next caller and the doctor"))
        self.notes.setMaximumHeight(70)
        self.reminder = QCheckBox(self.tr("Send a re-visit reminder by SMS"))
        # The approved health-education texts; each ticked one is sent when the follow-up is
        # saved (the list is hidden when there is none).
        self.education = QListWidget()
        self.education.setMaximumHeight(90)
        self.education.setToolTip(
            self.tr("Tick the texts to send the patient by SMS when the follow-up is saved")
        )
        self.save_button = QPushButton(self.tr("Save and close (Ctrl+S)"))
        self.save_button.setShortcut(QKeySequence("Ctrl+S"))
        self.save_button.setDefault(True)
        self.later_button = QPushButton(self.tr("Leave for later"))
        self.later_button.setToolTip(self.tr("Back to the queue; the answers stay saved here"))

        form = QFormLayout(self)
        form.addRow(self.tr("Outcome"), self.disposition)
        form.addRow(self.tr("Call back at"), self.callback)
        form.addRow(self.tr("Notes"), self.notes)
        form.addRow("", self.reminder)
        form.addRow(self.tr("Health-education SMS"), self.education)
        self._form = form
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.later_button)
        buttons.addWidget(self.save_button)
        form.addRow(buttons)

        self.disposition.currentIndexChanged.connect(self._disposition_changed)
        self.callback.dateTimeChanged.connect(lambda _v: self.sig_changed.emit())
        self.notes.textChanged.connect(self.sig_changed.emit)
        self.reminder.toggled.connect(lambda _on: self.sig_changed.emit())
        self.education.itemChanged.connect(lambda _item: self.sig_changed.emit())
        self.set_education(())
        self.save_button.clicked.connect(self.sig_save.emit)
        self.later_button.clicked.connect(self.sig_later.emit)
        self._disposition_changed()

    def set_education(self, choices: tuple[tuple[str, str], ...]) -> None:
        """Offer the texts ``choices`` ((code, title) each), none ticked."""
        self.education.blockSignals(True)
        self.education.clear()
        for code, title in choices:
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.education.addItem(item)
        self.education.blockSignals(False)
        self._form.setRowVisible(self.education, bool(choices))

    def education_codes(self) -> tuple[str, ...]:
        """The codes of the ticked texts, in list order."""
        items = (self.education.item(row) for row in range(self.education.count()))
        return tuple(
            str(item.data(Qt.ItemDataRole.UserRole))
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        )

    def tick_education(self, codes: tuple[str, ...]) -> None:
        for row in range(self.education.count()):
            item = self.education.item(row)
            ticked = item.data(Qt.ItemDataRole.UserRole) in codes
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)

    def _disposition_changed(self) -> None:
        later = self.chosen() is Disposition.CALL_BACK_LATER
        self.callback.setEnabled(later)
        if later and self.callback.dateTime() <= _hospital_now():
            self.callback.setDateTime(_wall(default_call_back(dt.datetime.now(HOSPITAL_TZ))))
        self.sig_changed.emit()

    def chosen(self) -> Disposition | None:
        """The outcome, or None while nothing is chosen (no call yet)."""
        value = str(self.disposition.currentData() or "")
        return Disposition(value) if value else None

    def choose(self, disposition: Disposition | None) -> None:
        self.disposition.setCurrentIndex(
            self.disposition.findData(disposition.value if disposition else "")
        )

    def callback_at(self) -> dt.datetime | None:
        if self.chosen() is not Disposition.CALL_BACK_LATER:
            return None
        moment = self.callback.dateTime().toPython()
        assert isinstance(moment, dt.datetime)
        # The field shows the hospital's wall clock, whatever zone the desk's computer is in.
        return moment.replace(tzinfo=HOSPITAL_TZ).astimezone(dt.UTC)

    def draft(self) -> dict[str, Any]:
        return {
            "disposition": chosen.value if (chosen := self.chosen()) else "",
            "callback": self.callback.dateTime().toString("yyyy-MM-ddTHH:mm"),
            "reminder": self.reminder.isChecked(),
            "education": list(self.education_codes()),
        }

    def restore(self, data: dict[str, Any]) -> None:
        if data.get("disposition") in {d.value for d in Disposition}:
            self.choose(Disposition(data["disposition"]))
        if isinstance(data.get("callback"), str):
            moment = QDateTime.fromString(data["callback"], "yyyy-MM-ddTHH:mm")
            if moment.isValid():
                self.callback.setDateTime(moment)
        self.reminder.setChecked(bool(data.get("reminder")))
        codes = data.get("education")
        if isinstance(codes, list):
            self.tick_education(tuple(str(c) for c in codes))

    def set_busy(self, busy: bool) -> None:
        for widget in (self.save_button, self.later_button, self.disposition):
            widget.setEnabled(not busy)
