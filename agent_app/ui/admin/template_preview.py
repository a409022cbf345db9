"""The live preview of the template being edited: the agent's questionnaire form, rebuilt
whenever the editor holds a new valid template, greyed out while it holds an invalid one."""

from __future__ import annotations

from agent_app.domain.questionnaire import Template
from agent_app.ui.followup.questionnaire_form import QuestionnaireForm
from agent_app.ui.qt import QLabel, Qt, QVBoxLayout, QWidget


class TemplatePreview(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form: QuestionnaireForm | None = None
        self._shown: Template | None = None
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.addWidget(QLabel(self.tr("Preview (try the answers; nothing is saved)")))

    def show_template(self, template: Template) -> None:
        if self.form is not None:
            self.form.setEnabled(True)
            if template == self._shown:
                return
            self._column.removeWidget(self.form)
            self.form.deleteLater()
        # The agent's own form, so the admin sees exactly what agents will get, skip logic
        # and red-flag outlines included; answers typed here go nowhere.
        self.form = QuestionnaireForm(template, self)
        self.form.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._column.addWidget(self.form, 1)
        self._shown = template

    def set_stale(self) -> None:
        """The editor no longer holds a valid template: grey out the last good preview."""
        if self.form is not None:
            self.form.setEnabled(False)
