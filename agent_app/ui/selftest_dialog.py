"""Help → Self-test: the pre-shift check of this desk, one row per check as results come.

Checks that block (store, keyring, disk, server) run on the thread pool through
``run_in_background``. Checks that drive pjsua2 or widgets run on the window's thread in
steps (``Check.steps``): a timer takes each step, so the window keeps painting the
microphone's level bar and the SIP line keeps being pumped by the desk. After the tone the
agent says whether it was heard: only a person can.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from sqlalchemy import Engine

from agent_app.config import Settings
from agent_app.dialer.phone import Phone
from agent_app.selftest.result import CheckName, CheckResult, Status
from agent_app.selftest.runner import Check, SelfTestContext, Steps, crashed, run_one
from agent_app.ui.background import run_in_background
from agent_app.ui.line_status import FAILED_COLOUR, READY_COLOUR, WAITING_COLOUR
from agent_app.ui.qt import (
    QAbstractItemView,
    QCloseEvent,
    QColor,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QObject,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from agent_app.ui.selftest_texts import check_label, prompt_text, result_text, status_word

log = logging.getLogger(__name__)

COLOURS = {Status.GREEN: READY_COLOUR, Status.AMBER: WAITING_COLOUR, Status.RED: FAILED_COLOUR}


class SelfTestRun(QObject):
    """Runs checks one after another, each where it must run; ``sig_result`` per verdict,
    ``sig_finished`` at the end. ``stop()`` ends a stepped check at its next step."""

    sig_result = Signal(object)  # CheckResult
    sig_finished = Signal()

    def __init__(
        self, checks: Sequence[Check], context: SelfTestContext, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.checks = list(checks)
        self.context = context
        self.results: list[CheckResult] = []
        self.running = False
        self._next = 0
        self._steps: Steps | None = None
        self._current: Check | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._step)
        # The speaker's verdict waits for the agent's answer before the run goes on.
        self.waiting_for_answer: CheckResult | None = None

    def start(self) -> None:
        self.results.clear()
        self._next = 0
        self.running = True
        self._run_next()

    def stop(self) -> None:
        """Stop after closing what a stepped check holds (its recorder, its call)."""
        self._timer.stop()
        if self._steps is not None:
            self._steps.close()
            self._steps = None
        self.running = False
        self.context.close()

    def _run_next(self) -> None:
        if not self.running:
            return
        if self._next >= len(self.checks):
            self.running = False
            self.context.close()
            self.sig_finished.emit()
            return
        check = self.checks[self._next]
        self._next += 1
        self._current = check
        if check.on_owner_thread:
            self._steps = check.steps(self.context)
            self._timer.start(0)
        else:
            run_in_background(
                lambda: run_one(check, self.context),
                self._done,
                lambda error: self._done(crashed(check.name, error)),
                owner=self,
            )

    def _step(self) -> None:
        steps, check = self._steps, self._current
        if steps is None or check is None:
            return
        try:
            delay = next(steps)
        except StopIteration as stop:
            self._steps = None
            self._done(stop.value)
            return
        except Exception as exc:  # the check's own red verdict, never a broken run
            self._steps = None
            self._done(crashed(check.name, exc))
            return
        self._timer.start(max(0, int(delay * 1000)))

    def _done(self, result: CheckResult) -> None:
        if not self.running:
            return
        if result.name is CheckName.SPEAKER and result.status is Status.GREEN:
            self.waiting_for_answer = result
            self.sig_result.emit(result)
            return
        self._record(result)

    def _record(self, result: CheckResult) -> None:
        self.results.append(result)
        self.sig_result.emit(result)
        self._run_next()

    def answer_heard(self, heard: bool) -> None:
        """The agent's answer after the tone: heard it (green stays) or not (red)."""
        played = self.waiting_for_answer
        if played is None:
            return
        self.waiting_for_answer = None
        if heard:
            self._record(played)
        else:
            self._record(CheckResult.of(CheckName.SPEAKER, Status.RED, "speaker_not_heard"))


class SelfTestDialog(QDialog):
    """One row per check: its name, its colour's word, and what to do."""

    def __init__(
        self,
        checks: Sequence[Check],
        context: SelfTestContext,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Self-test"))
        self.resize(820, 520)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Check"), self.tr("Result"), self.tr("What to do")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.prompt = QLabel(self)
        self.prompt.setWordWrap(True)
        self.level = QProgressBar(self)
        self.level.setRange(0, 100)
        self.level.setFormat(self.tr("Microphone level: %p %"))
        self.level.hide()
        self.heard_button = QPushButton(self.tr("I heard the tone"), self)
        self.not_heard_button = QPushButton(self.tr("I heard nothing"), self)
        answer = QHBoxLayout()
        answer.addWidget(self.heard_button)
        answer.addWidget(self.not_heard_button)
        answer.addStretch(1)
        self.summary = QLabel(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.again_button = self.buttons.addButton(
            self.tr("Run again"), QDialogButtonBox.ButtonRole.ActionRole
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.prompt)
        layout.addWidget(self.level)
        layout.addLayout(answer)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)

        context.on_level = self._show_level
        context.on_prompt = self._show_prompt
        self.run = SelfTestRun(checks, context, self)
        self.run.sig_result.connect(self._show_result)
        self.run.sig_finished.connect(self._finished)
        self.heard_button.clicked.connect(lambda: self._answer(True))
        self.not_heard_button.clicked.connect(lambda: self._answer(False))
        self.again_button.clicked.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        self._rows: dict[CheckName, int] = {}
        self._show_answer(False)

    def start(self) -> None:
        """Run every check afresh."""
        self.table.setRowCount(0)
        self._rows.clear()
        self.summary.clear()
        self.prompt.setText(self.tr("Checking…"))
        self.again_button.setEnabled(False)
        self.run.start()

    def _show_answer(self, shown: bool) -> None:
        self.heard_button.setVisible(shown)
        self.not_heard_button.setVisible(shown)

    def _show_level(self, level: float) -> None:
        self.level.show()
        self.level.setValue(round(level * 100))

    def _show_prompt(self, code: str) -> None:
        self.prompt.setText(prompt_text(code))

    def _show_result(self, result: CheckResult) -> None:
        row = self._rows.get(result.name)
        if row is None:
            row = self._rows[result.name] = self.table.rowCount()
            self.table.insertRow(row)
        colour = QColor(COLOURS[result.status])
        cells = (check_label(result.name), status_word(result.status), result_text(result))
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            if column == 1:
                item.setForeground(colour)
            self.table.setItem(row, column, item)
        self.table.resizeRowToContents(row)
        self.level.hide()
        waiting = self.run.waiting_for_answer is not None
        self.prompt.setText(self.tr("Did you hear the tone in the headset?") if waiting else "")
        self._show_answer(waiting)
        if waiting:
            self.heard_button.setFocus()

    def _answer(self, heard: bool) -> None:
        self._show_answer(False)
        self.run.answer_heard(heard)

    def _finished(self) -> None:
        results = self.run.results
        red = sum(r.status is Status.RED for r in results)
        amber = sum(r.status is Status.AMBER for r in results)
        if red:
            text = self.tr("{0} checks failed: fix them before the shift starts.").format(red)
        elif amber:
            text = self.tr("Ready, with {0} warnings.").format(amber)
        else:
            text = self.tr("Ready: every check passed.")
        self.summary.setText(text)
        self.prompt.clear()
        self.again_button.setEnabled(True)

    def reject(self) -> None:
        self.run.stop()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.run.stop()
        super().closeEvent(event)


def desk_self_test(
    settings: Settings,
    local: Engine,
    server: Engine | None,
    phone: Phone | None,
    parent: QWidget | None = None,
) -> SelfTestDialog:
    """The dialog for a signed-in desk: its own store, line and server login are lent to the
    checks (the sign-in screen is not checked: the agent is past it)."""
    from agent_app.ui.selftest_qt import self_test_checks

    context = SelfTestContext(settings, local=local, server=server, phone=phone)
    return SelfTestDialog(self_test_checks(settings, sign_in=False), context, parent)
