"""The score sheet of a recorded call: one row per QA criterion (a score and a comment), the
live total, and what is wrong with the typed scores, in plain words."""

from __future__ import annotations

from agent_app.supervision.qa_criteria import QaCriterion
from agent_app.ui.qt import (
    QAbstractSpinBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
    Signal,
)

PROBLEM_STYLE = "color: #c0392b;"
TYPED_LIMIT = 999
NOT_SCORED = -1


class ScoreBox(QSpinBox):
    """One criterion's score: "—" until scored. The arrows stop at the criterion's maximum, but
    a larger number typed is kept as typed, so the form can say why it is refused."""

    def __init__(self, max_score: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.max_score = max_score
        self.setRange(NOT_SCORED, TYPED_LIMIT)
        self.setSpecialValueText("—")
        self.setValue(NOT_SCORED)

    def score(self) -> int | None:
        return None if self.value() == NOT_SCORED else self.value()

    def stepBy(self, steps: int) -> None:
        wanted = self.value() + steps
        if steps > 0:  # never further past the maximum than what was typed
            wanted = min(wanted, max(self.max_score, self.value()))
        self.setValue(max(wanted, NOT_SCORED))

    def stepEnabled(self) -> QAbstractSpinBox.StepEnabledFlag:
        flags = QAbstractSpinBox.StepEnabledFlag.StepNone
        if self.value() < self.max_score:
            flags |= QAbstractSpinBox.StepEnabledFlag.StepUpEnabled
        if self.value() > NOT_SCORED:
            flags |= QAbstractSpinBox.StepEnabledFlag.StepDownEnabled
        return flags


class ScoreSheet(QWidget):
    sig_changed = Signal()

    def __init__(
        self, criteria: tuple[QaCriterion, ...], english: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.criteria = criteria
        self.english = english
        self.scores: list[ScoreBox] = []
        self.notes: list[QLineEdit] = []
        self.total = QLabel()  # placed by the form, kept up to date here
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for row, criterion in enumerate(criteria):
            label = QLabel(self.label(criterion))
            label.setToolTip(criterion.hint_en if english else criterion.hint_zh)
            score = ScoreBox(criterion.max_score)
            score.setAccessibleName(label.text())
            score.setToolTip(
                self.tr("0 to {0}; empty (—) when not scored").format(criterion.max_score)
            )
            label.setBuddy(score)
            note = QLineEdit()
            note.setPlaceholderText(self.tr("Comment"))
            note.setAccessibleName(self.tr("Comment on {0}").format(label.text()))
            score.valueChanged.connect(self._changed)
            note.textChanged.connect(self.sig_changed)
            grid.addWidget(label, row, 0)
            grid.addWidget(score, row, 1)
            grid.addWidget(QLabel(self.tr("/ {0}").format(criterion.max_score)), row, 2)
            grid.addWidget(note, row, 3)
            self.scores.append(score)
            self.notes.append(note)
        self._changed()

    def label(self, criterion: QaCriterion) -> str:
        return criterion.label_en if self.english else criterion.label_zh

    def values(self) -> tuple[tuple[int, ...], tuple[str, ...]]:
        """What is typed: the scores (NOT_SCORED where empty) and the comments."""
        return tuple(b.value() for b in self.scores), tuple(n.text() for n in self.notes)

    def set_values(self, scores: tuple[int, ...] | None, comments: tuple[str, ...] | None) -> None:
        """Show these values; None clears the sheet."""
        for n, (box, note) in enumerate(zip(self.scores, self.notes, strict=True)):
            box.setValue(scores[n] if scores else NOT_SCORED)
            note.setText(comments[n] if comments else "")

    def scored(self) -> tuple[dict[str, int], dict[str, str]]:
        """The scores given and the comments on them, by criterion code."""
        scores: dict[str, int] = {}
        notes: dict[str, str] = {}
        for criterion, box, note in zip(self.criteria, self.scores, self.notes, strict=True):
            score = box.score()
            if score is not None:
                scores[criterion.code] = score
                if note.text().strip():
                    notes[criterion.code] = note.text().strip()
        return scores, notes

    def _changed(self) -> None:
        total = top = 0
        for criterion, box in zip(self.criteria, self.scores, strict=True):
            score = box.score()
            over = score is not None and score > criterion.max_score
            box.setStyleSheet(PROBLEM_STYLE if over else "")
            if score is not None and not over:
                total += score
                top += criterion.max_score
        if top:
            self.total.setText(
                self.tr("Total {0} / {1} ({2:.0f}%)").format(total, top, 100 * total / top)
            )
        else:
            self.total.setText(self.tr("Total: nothing scored yet"))
        self.sig_changed.emit()

    def problem(self) -> str:
        """Why the typed scores cannot be saved, in plain words ('' when they can)."""
        missing = []
        for criterion, box, note in zip(self.criteria, self.scores, self.notes, strict=True):
            score = box.score()
            if score is not None and score > criterion.max_score:
                return self.tr(
                    "The score for “{0}” must be between 0 and {1}; {2} was typed."
                ).format(self.label(criterion), criterion.max_score, score)
            if score is None and note.text().strip():
                return self.tr("Give “{0}” a score, or clear its comment.").format(
                    self.label(criterion)
                )
            if score is None and criterion.required:
                missing.append(self.label(criterion))
        if missing:
            return self.tr("Score every required criterion; missing: {0}.").format(
                ", ".join(missing)
            )
        return ""
