"""Which template question the answer-distribution tab counts."""

from __future__ import annotations

from agent_app.ui.language import desk_language
from agent_app.ui.qt import QComboBox, QHBoxLayout, QLabel, QWidget, Signal
from agent_app.ui.reports.dashboard_options import TemplateChoice


class AnswerPicker(QWidget):
    """A questionnaire and one of its countable (choice or scale) questions."""

    sig_question_changed = Signal()  # the user picked another question (or template)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._templates: dict[str, TemplateChoice] = {}
        self.template = QComboBox(self)
        self.question = QComboBox(self)
        self.question.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.template.currentIndexChanged.connect(self._template_changed)
        self.question.activated.connect(lambda _index: self.sig_question_changed.emit())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for text, combo in (
            (self.tr("&Questionnaire:"), self.template),
            (self.tr("Q&uestion:"), self.question),
        ):
            label = QLabel(text, self)
            label.setBuddy(combo)
            layout.addWidget(label)
            layout.addWidget(combo)
        layout.addStretch(1)

    def set_templates(self, templates: tuple[TemplateChoice, ...]) -> None:
        """Offer these templates; the first question of the first one is picked."""
        english = desk_language().startswith("en")
        self._templates = {t.code: t for t in templates if t.questions}
        self.template.blockSignals(True)
        self.template.clear()
        for choice in self._templates.values():
            self.template.addItem(choice.title_en if english else choice.title_zh, choice.code)
        self.template.blockSignals(False)
        self._fill_questions()

    def _template_changed(self) -> None:
        self._fill_questions()
        self.sig_question_changed.emit()

    def _fill_questions(self) -> None:
        english = desk_language().startswith("en")
        self.question.clear()
        choice = self._templates.get(str(self.template.currentData()))
        for question in choice.questions if choice else ():
            self.question.addItem(question.text_en if english else question.text_zh, question.id)

    def choose(self, template_code: str, question_id: str) -> None:
        """Pick a question programmatically (no change signal)."""
        self.template.blockSignals(True)
        self.template.setCurrentIndex(max(self.template.findData(template_code), 0))
        self.template.blockSignals(False)
        self._fill_questions()
        self.question.setCurrentIndex(max(self.question.findData(question_id), 0))

    def chosen(self) -> tuple[str | None, str | None]:
        """``(template code, question id)``; Nones when there is nothing to count."""
        code, question = self.template.currentData(), self.question.currentData()
        return (None, None) if not code or not question else (str(code), str(question))
