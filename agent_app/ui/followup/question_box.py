"""One question on the form: number and text, the editor, unable/refused, and its verdict."""

from __future__ import annotations

from agent_app.domain.enums import NonAnswer
from agent_app.domain.questionnaire import AnswerEntry, Question
from agent_app.ui.followup.question_editors import LineEditor, QuestionEditor, editor_for
from agent_app.ui.language import desk_language
from agent_app.ui.qt import (
    QFrame,
    QHBoxLayout,
    QKeyEvent,
    QLabel,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)

RED_FLAG_STYLE = "QFrame#questionBox { border: 2px solid #c62828; background: #fff3f3; }"
CURRENT_STYLE = "QFrame#questionBox { border: 2px solid #1565c0; }"


class QuestionBox(QFrame):
    sig_edited = Signal(str, object)  # question id, raw entry
    sig_declined = Signal(str, object)  # question id, NonAnswer or None to take it back
    sig_next = Signal(str)  # Enter: on to the next question

    def __init__(self, number: int, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("questionBox")
        self.question = question
        language = desk_language()
        required = " *" if question.required else ""
        self._title_text = f"{question.text.in_language(language)}{required}"
        self.number = number
        self.title = QLabel(f"{number}. {self._title_text}")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.editor: QuestionEditor = editor_for(question, self)
        self.editor.sig_edited.connect(lambda raw: self.sig_edited.emit(question.id, raw))
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #c62828;")
        self.problem.setWordWrap(True)
        self.problem.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        # The title shares its line with "unable" and "refused", so the options below keep the
        # whole width and the form is never wider than a 1024-pixel screen allows.
        heading = QHBoxLayout()
        heading.addWidget(self.title, 1)
        layout.addLayout(heading)
        if question.hint is not None:
            hint = QLabel(question.hint.in_language(language))
            hint.setStyleSheet("color: #616161;")
            hint.setWordWrap(True)
            layout.addWidget(hint)
        self.unable = QPushButton(self.tr("Unable to answer"))
        self.refused = QPushButton(self.tr("Refused"))
        for button, reason in ((self.unable, NonAnswer.UNABLE), (self.refused, NonAnswer.REFUSED)):
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setVisible(question.allow_unable)
            button.clicked.connect(lambda on, r=reason: self._decline(r, on))
            heading.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.editor)
        layout.addWidget(self.problem)

    def set_number(self, number: int) -> None:
        """The question's number among those shown (skipped questions are not counted)."""
        if number != self.number:
            self.number = number
            self.title.setText(f"{number}. {self._title_text}")

    def _decline(self, reason: NonAnswer, on: bool) -> None:
        other = self.refused if reason is NonAnswer.UNABLE else self.unable
        if on:
            other.setChecked(False)
        self.sig_declined.emit(self.question.id, reason if on else None)

    def show_entry(self, entry: AnswerEntry | None) -> None:
        """Show what the sheet holds (on restore), without reporting edits."""
        self.editor.set_value(entry.value if entry is not None else None)
        declined = entry.declined if entry is not None else None
        self.unable.setChecked(declined is NonAnswer.UNABLE)
        self.refused.setChecked(declined is NonAnswer.REFUSED)

    def show_raw(self, text: str) -> None:
        if isinstance(self.editor, LineEditor):
            self.editor.set_raw(text)

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def mark(self, *, red_flag: bool, current: bool) -> None:
        self.setStyleSheet(RED_FLAG_STYLE if red_flag else CURRENT_STYLE if current else "")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.sig_next.emit(self.question.id)
            return
        typing = isinstance(self.editor, LineEditor)
        if not typing and Qt.Key.Key_1 <= key <= Qt.Key.Key_9 and self.editor.pick(key - 48):
            return
        super().keyPressEvent(event)
