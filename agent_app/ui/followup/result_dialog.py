"""An earlier follow-up result, read-only: who called, the outcome, and every answer in words."""

from __future__ import annotations

from agent_app.domain.answer_text import AnswerLine, answer_lines
from agent_app.domain.enums import NonAnswer
from agent_app.domain.hospital_zone import HOSPITAL_TZ
from agent_app.domain.questionnaire_model import QuestionnaireError
from agent_app.domain.questionnaire_parse import parse_template
from agent_app.domain.views import PastResult
from agent_app.ui.enum_names import outcome_name
from agent_app.ui.language import desk_language
from agent_app.ui.qt import (
    QAbstractItemView,
    QBrush,
    QColor,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from agent_app.ui.template_refusals import refusal_words

RED_FLAG = QColor("#fde2e1")


class ResultDialog(QDialog):
    def __init__(self, result: PastResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        when = result.created_at.astimezone(HOSPITAL_TZ).strftime("%Y-%m-%d %H:%M")
        self.setWindowTitle(
            self.tr("Follow-up result — {0}, {1}").format(result.template_title, when)
        )
        self.resize(640, 560)
        layout = QVBoxLayout(self)
        facts = QFormLayout()
        facts.addRow(self.tr("Called by"), QLabel(result.agent_name))
        facts.addRow(self.tr("Outcome"), QLabel(outcome_name(result.outcome)))
        facts.addRow(self.tr("Check level"), QLabel(f"L{result.level.value}"))
        if result.satisfaction is not None:
            facts.addRow(self.tr("Satisfaction"), QLabel(str(result.satisfaction)))
        if result.notes:
            notes = QLabel(result.notes)
            notes.setWordWrap(True)
            facts.addRow(self.tr("Notes"), notes)
        layout.addLayout(facts)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)
        layout.addWidget(self.problem)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("Question"), self.tr("Answer")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._fill(result)

    def _fill(self, result: PastResult) -> None:
        try:
            template = parse_template(result.body)
        except QuestionnaireError as error:
            self.problem.setText(
                self.tr("The questionnaire of this result cannot be read: {0}").format(
                    refusal_words(error)
                )
            )
            self.problem.setVisible(True)
            return
        lines = answer_lines(template, result.answers, desk_language())
        self.table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            question = QTableWidgetItem(line.question)
            answer = QTableWidgetItem(self._answer(line))
            if line.red_flag:
                for item in (question, answer):
                    item.setBackground(QBrush(RED_FLAG))
                answer.setToolTip(self.tr("Red flag"))
            self.table.setItem(row, 0, question)
            self.table.setItem(row, 1, answer)
        self.table.resizeRowsToContents()

    def _answer(self, line: AnswerLine) -> str:
        if line.declined is NonAnswer.UNABLE:
            return self.tr("(patient unable to answer)")
        if line.declined is NonAnswer.REFUSED:
            return self.tr("(refused to answer)")
        return line.answer
