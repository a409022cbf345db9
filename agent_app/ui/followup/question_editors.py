"""One editor per question type, all built from the question's description.

Every editor reports what the agent entered as a raw value (``sig_edited``) and never judges
it: the answer sheet validates, and the question box shows its verdict. Digits pick options
(1 = first) so a whole questionnaire can be filled from the keyboard.
"""

from __future__ import annotations

import datetime as dt

from agent_app.domain.questionnaire import AnswerValue, Question, QuestionType
from agent_app.ui.flow_layout import FlowLayout
from agent_app.ui.language import desk_language
from agent_app.ui.qt import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMouseEvent,
    QRadioButton,
    Qt,
    QWidget,
    Signal,
)


class QuestionEditor(QWidget):
    sig_edited = Signal(object)  # the raw entry; None when cleared

    def __init__(
        self, question: Question, parent: QWidget | None = None, *, wrap: bool = False
    ) -> None:
        """``wrap``: options flow onto more lines when narrow, never beyond the form's edge."""
        super().__init__(parent)
        self.question = question
        self.language = desk_language()
        self.row: QHBoxLayout | FlowLayout = FlowLayout(self) if wrap else QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)

    def set_value(self, value: AnswerValue | None) -> None:
        """Show a stored answer without reporting it as an edit."""
        raise NotImplementedError

    def pick(self, digit: int) -> bool:
        """Keyboard choice ``digit`` (1-based); False when the editor has no such option."""
        return False

    def focus_editor(self) -> None:
        self.setFocus()


class _OptionLabel(QLabel):
    """An option's words, wrapped when narrow; a click on them clicks the option."""

    sig_clicked = Signal()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.sig_clicked.emit()
        super().mousePressEvent(event)


def option_widget(button: QAbstractButton, words: str, parent: QWidget) -> QWidget:
    """A radio button or check box with its number, and its words in a label that wraps.

    Qt's buttons never wrap their text, so a long option would make the whole form wider
    than the screen; here the words wrap and the form never scrolls sideways.
    """
    option = QWidget(parent)
    row = QHBoxLayout(option)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(2)
    row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
    if words:
        label = _OptionLabel(words, option)
        label.setWordWrap(True)
        label.sig_clicked.connect(button.click)
        button.setAccessibleName(f"{button.text()} {words}".strip())
        row.addWidget(label, 1)
    return option


class ChoiceEditor(QuestionEditor):
    """Single choice, yes/no and scales: one radio button per option, numbered."""

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(question, parent, wrap=True)
        self.group = QButtonGroup(self)
        self.values: list[object] = []
        for number, (value, label) in enumerate(self._choices(), 1):
            button = QRadioButton(str(number) if number < 10 else "")
            self.group.addButton(button, number - 1)
            self.row.addWidget(option_widget(button, label, self))
            self.values.append(value)
        self.group.idClicked.connect(lambda index: self.sig_edited.emit(self.values[index]))

    def _choices(self) -> list[tuple[object, str]]:
        q = self.question
        if q.type is QuestionType.SCALE:
            labels = {n: text.in_language(self.language) for n, text in q.scale_labels}
            low, high = int(q.minimum or 1), int(q.maximum or 5)
            return [(n, labels.get(n, "")) for n in range(low, high + 1)]
        return [(o.value, o.label.in_language(self.language)) for o in q.options]

    def set_value(self, value: AnswerValue | None) -> None:
        self.group.setExclusive(False)
        for button in self.group.buttons():
            button.setChecked(self.values[self.group.id(button)] == value)
        self.group.setExclusive(True)

    def pick(self, digit: int) -> bool:
        button = self.group.button(digit - 1)
        if button is None:
            return False
        button.click()
        return True

    def focus_editor(self) -> None:
        checked = self.group.checkedButton() or self.group.button(0)
        if checked is not None:
            checked.setFocus()


class MultiEditor(QuestionEditor):
    """Multiple choice; an exclusive option ("none of these") clears the others."""

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(question, parent, wrap=True)
        self.boxes: list[tuple[str, QCheckBox]] = []
        for number, option in enumerate(question.options, 1):
            box = QCheckBox(str(number) if number < 10 else "")
            box.clicked.connect(lambda checked, v=option.value: self._clicked(v, checked))
            self.row.addWidget(option_widget(box, option.label.in_language(self.language), self))
            self.boxes.append((option.value, box))

    def _clicked(self, value: str, checked: bool) -> None:
        option = self.question.option(value)
        if checked and option is not None:
            for other, box in self.boxes:
                other_option = self.question.option(other)
                if other != value and (
                    option.exclusive or (other_option is not None and other_option.exclusive)
                ):
                    box.setChecked(False)
        picked = [v for v, box in self.boxes if box.isChecked()]
        self.sig_edited.emit(picked or None)

    def set_value(self, value: AnswerValue | None) -> None:
        chosen = set(value) if isinstance(value, tuple) else set()
        for option_value, box in self.boxes:
            box.setChecked(option_value in chosen)

    def pick(self, digit: int) -> bool:
        if not 1 <= digit <= len(self.boxes):
            return False
        value, box = self.boxes[digit - 1]
        box.setChecked(not box.isChecked())
        self._clicked(value, box.isChecked())
        return True

    def focus_editor(self) -> None:
        if self.boxes:
            self.boxes[0][1].setFocus()


class LineEditor(QuestionEditor):
    """Numbers, dates and free text: typed, reported on every keystroke (for autosave)."""

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        self.edit = QLineEdit()
        q = question
        if q.type is QuestionType.TEXT:
            self.edit.setMaxLength(q.max_length)
            self.edit.setMinimumWidth(200)  # grows with the form; never forces it wider
        else:
            self.edit.setMaximumWidth(160)
        if q.type is QuestionType.DATE:
            self.edit.setPlaceholderText("2026-11-23")
        elif q.type is QuestionType.NUMBER and q.minimum is not None and q.maximum is not None:
            self.edit.setPlaceholderText(f"{q.minimum:g}–{q.maximum:g}")
        row = self.row
        assert isinstance(row, QHBoxLayout)
        row.addWidget(self.edit, 1 if q.type is QuestionType.TEXT else 0)
        if q.unit is not None:
            row.addWidget(QLabel(q.unit.in_language(self.language)))
        row.addStretch(0 if q.type is QuestionType.TEXT else 1)
        self.edit.textEdited.connect(lambda text: self.sig_edited.emit(text.strip() or None))

    def set_value(self, value: AnswerValue | None) -> None:
        if isinstance(value, dt.date):
            self.edit.setText(value.isoformat())
        elif isinstance(value, float):
            self.edit.setText(f"{value:g}")
        else:
            self.edit.setText("" if value is None else str(value))

    def set_raw(self, text: str) -> None:
        """Put back text that was typed but not yet accepted (restored from a draft)."""
        self.edit.setText(text)

    def focus_editor(self) -> None:
        self.edit.setFocus()
        self.edit.selectAll()


def editor_for(question: Question, parent: QWidget | None = None) -> QuestionEditor:
    """The editor that fits the question's type."""
    if question.type is QuestionType.MULTI:
        return MultiEditor(question, parent)
    if question.type in (QuestionType.NUMBER, QuestionType.DATE, QuestionType.TEXT):
        return LineEditor(question, parent)
    return ChoiceEditor(question, parent)
