"""The red-flag inbox: open alerts for the signed-in doctor or supervisor, the answers that
raised the selected one, its call recording, a call-back button and the acknowledgement.

Every read and write runs off the GUI thread. An alert raised on another desk arrives with the
pull; its result and recording are brought from the server when it is opened
(``sync.red_flag_sync``). New alerts (ones this screen has not listed before) are announced
through ``sig_new_alerts``, which the desk turns into a toast.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

from agent_app.domain.answer_text import AnswerLine, answer_lines
from agent_app.domain.enums import NonAnswer
from agent_app.domain.hospital_zone import HOSPITAL_TZ
from agent_app.domain.questionnaire_model import QuestionnaireError
from agent_app.domain.questionnaire_parse import parse_template
from agent_app.domain.red_flags import AckAction, AckError, EscalationStage
from agent_app.domain.views import StaffAccount
from agent_app.store.repositories.red_flags import (
    AlertResult,
    AlertRow,
    PatientNumber,
    acknowledge_alert,
    alert_result,
    open_alerts,
    patient_numbers,
)
from agent_app.sync.red_flag_sync import bring_alert_details
from agent_app.ui.background import run_in_background
from agent_app.ui.followup.call_tools import play_recording
from agent_app.ui.language import desk_language
from agent_app.ui.qt import (
    QAbstractItemView,
    QBrush,
    QColor,
    QHBoxLayout,
    QHeaderView,
    QKeySequence,
    QLabel,
    QPushButton,
    QShortcut,
    QSplitter,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from agent_app.ui.red_flags.ack_dialog import AckDialog
from agent_app.ui.red_flags.texts import ack_error_text, severity_name, stage_name
from agent_app.ui.server_texts import server_error_text

# The safety net behind the pull's signal (and a desk without a server): re-read the local
# store this often.
REREAD_MS = 60_000
ESCALATED = QColor("#fde2e1")
Dial = Callable[[str, int, int], None]  # number, patient id, contact id


@dataclass(frozen=True)
class _Details:
    alert_id: uuid.UUID
    result: AlertResult | None
    numbers: list[PatientNumber]


class RedFlagInbox(QWidget):
    sig_new_alerts = Signal(int, str)  # how many new, the first one's patient

    def __init__(
        self,
        engine: Engine,
        account: StaffAccount,
        *,
        server: Engine | None = None,
        cache_dir: Path | None = None,
        dial: Dial | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.engine, self.account, self.server = engine, account, server
        self.cache_dir, self.dial = cache_dir, dial
        self.rows: list[AlertRow] = []
        self.details: _Details | None = None
        self._known: set[uuid.UUID] | None = None  # None until the first read
        self.player: QWidget | None = None

        self.alerts = QTableWidget(0, 6)
        self.alerts.setHorizontalHeaderLabels(
            [
                self.tr("Severity"),
                self.tr("Patient"),
                self.tr("Red flag"),
                self.tr("Raised"),
                self.tr("Stage"),
                self.tr("Raised by"),
            ]
        )
        self.alerts.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.alerts.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.alerts.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.alerts.verticalHeader().setVisible(False)
        header = self.alerts.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.alerts.itemSelectionChanged.connect(self._selected)

        self.title = QLabel()
        self.title.setWordWrap(True)
        self.answers = QTableWidget(0, 2)
        self.answers.setHorizontalHeaderLabels([self.tr("Question"), self.tr("Answer")])
        self.answers.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.answers.setWordWrap(True)
        self.answers.verticalHeader().setVisible(False)
        for column in (0, 1):
            self.answers.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.Stretch
            )
        self.play_button = QPushButton(self.tr("&Play the call"))
        self.play_button.clicked.connect(self.play)
        self.dial_button = QPushButton(self.tr("&Call back"))
        self.dial_button.clicked.connect(self.call_back)
        self.ack_button = QPushButton(self.tr("&Acknowledge…"))
        self.ack_button.clicked.connect(self.acknowledge)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.acknowledge)
        buttons = QHBoxLayout()
        for button in (self.play_button, self.dial_button, self.ack_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.status = QLabel()
        self.status.setWordWrap(True)

        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.title)
        detail_layout.addWidget(self.answers, 1)
        detail_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.alerts)
        splitter.addWidget(detail)
        splitter.setSizes([300, 300])
        layout = QVBoxLayout(self)
        self.heading = QLabel()
        layout.addWidget(self.heading)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        self._reread = QTimer(self)
        self._reread.timeout.connect(self.refresh)
        self._reread.start(REREAD_MS)
        self._show_details(None)
        self.refresh()

    # Reading --------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the open alerts (off the GUI thread)."""
        engine, account = self.engine, self.account
        run_in_background(
            lambda: open_alerts(engine, account), self._listed, self._failed, owner=self
        )

    def _listed(self, rows: list[AlertRow]) -> None:
        selected = self._selected_id()
        self.rows = rows
        fresh = [] if self._known is None else [r for r in rows if r.id not in self._known]
        self._known = (self._known or set()) | {r.id for r in rows}
        self.heading.setText(self.tr("Open red flags: {0}").format(len(rows)))
        self.alerts.blockSignals(True)
        self.alerts.setRowCount(len(rows))
        for n, row in enumerate(rows):
            raised = row.created_at.astimezone(HOSPITAL_TZ).strftime("%m-%d %H:%M")
            cells = (
                severity_name(row.severity),
                f"{row.patient_name} ({row.mrn})",
                row.message,
                raised,
                stage_name(row.stage),
                row.raised_by_name,
            )
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if row.stage is not EscalationStage.DOCTOR:
                    item.setBackground(QBrush(ESCALATED))
                self.alerts.setItem(n, column, item)
        self.alerts.blockSignals(False)
        again = next((n for n, r in enumerate(rows) if r.id == selected), None)
        if again is not None:
            self.alerts.selectRow(again)
        elif rows:
            self.alerts.selectRow(0)
            # The first row may have been selected already (the acknowledged alert's row): the
            # selection did not change, so its details are asked for here.
            self._selected()
        else:
            self._show_details(None)
        if fresh:
            self.sig_new_alerts.emit(len(fresh), fresh[0].patient_name)

    def _selected_id(self) -> uuid.UUID | None:
        row = self.current()
        return row.id if row is not None else None

    def current(self) -> AlertRow | None:
        n = self.alerts.currentRow()
        return self.rows[n] if 0 <= n < len(self.rows) and self.alerts.selectedItems() else None

    def _selected(self) -> None:
        row = self.current()
        if row is None:
            self._show_details(None)
            return
        self.title.setText(
            self.tr("{0} · {1} · attending doctor: {2}").format(
                row.patient_name, row.department_name, row.doctor_name or "—"
            )
        )
        engine, server = self.engine, self.server

        def load() -> _Details:
            result = alert_result(engine, row.id)
            if (result is None or result.recording_id is None) and server is not None:
                bring_alert_details(engine, server, row.id)
                result = alert_result(engine, row.id)
            return _Details(row.id, result, patient_numbers(engine, row.patient_id))

        run_in_background(load, self._show_details, self._failed, owner=self)

    def _show_details(self, details: _Details | None) -> None:
        current = self.current()
        if details is not None and (current is None or current.id != details.alert_id):
            return  # another alert was chosen meanwhile
        self.details = details
        lines = self._lines(details.result) if details is not None else []
        self.answers.setRowCount(len(lines))
        for n, line in enumerate(lines):
            question, answer = QTableWidgetItem(line.question), QTableWidgetItem(self._words(line))
            if line.red_flag:
                for item in (question, answer):
                    item.setBackground(QBrush(ESCALATED))
            self.answers.setItem(n, 0, question)
            self.answers.setItem(n, 1, answer)
        self.answers.resizeRowsToContents()
        result = details.result if details is not None else None
        self.play_button.setEnabled(result is not None and result.recording_id is not None)
        self.dial_button.setEnabled(
            self.dial is not None and details is not None and bool(details.numbers)
        )
        self.ack_button.setEnabled(current is not None and current.may_acknowledge)
        if details is not None and result is None:
            self.status.setText(self.tr("The answers of this alert are not on this desk yet."))

    def _lines(self, result: AlertResult | None) -> list[AnswerLine]:
        """The answers that raised the alert (every answer when none is marked)."""
        if result is None:
            return []
        try:
            template = parse_template(result.body)
        except QuestionnaireError:
            return []
        lines = answer_lines(template, result.answers, desk_language())
        return [line for line in lines if line.red_flag] or lines

    def _words(self, line: AnswerLine) -> str:
        if line.declined is NonAnswer.UNABLE:
            return self.tr("(patient unable to answer)")
        if line.declined is NonAnswer.REFUSED:
            return self.tr("(refused to answer)")
        return line.answer

    # Acting ---------------------------------------------------------------------------------
    def play(self) -> None:
        """Open the selected alert's call in the (audited) recording player."""
        details = self.details
        if details is None or details.result is None or details.result.recording_id is None:
            return
        self.player = play_recording(
            self,
            self.engine,
            self.account,
            str(details.result.recording_id),
            server=self.server,
            cache_dir=self.cache_dir,
        )

    def call_back(self) -> None:
        """Dial the patient's first number through the desk's call bar."""
        details, row = self.details, self.current()
        if self.dial is None or details is None or not details.numbers or row is None:
            return
        number = details.numbers[0]
        self.dial(number.number, row.patient_id, number.contact_id)

    def acknowledge(self) -> None:
        row = self.current()
        if row is None or not row.may_acknowledge:
            return
        dialog = AckDialog(row.patient_name, self)
        if dialog.exec() != AckDialog.DialogCode.Accepted:
            return
        self.record_acknowledgement(row.id, dialog.action(), dialog.note_text())

    def record_acknowledgement(self, alert_id: uuid.UUID, action: AckAction, note: str) -> None:
        """Store the acknowledgement (off the GUI thread), then re-read the inbox."""
        engine, account = self.engine, self.account
        now = dt.datetime.now(dt.UTC)
        run_in_background(
            lambda: acknowledge_alert(engine, account, alert_id, action, note, now),
            lambda _none: self._acknowledged(),
            self._failed,
            owner=self,
        )

    def _acknowledged(self) -> None:
        self.status.setText(self.tr("Acknowledged. The central database keeps its own time."))
        self.refresh()

    def _failed(self, error: BaseException) -> None:
        text = ack_error_text(error) if isinstance(error, AckError) else server_error_text(error)
        self.status.setText(text)
