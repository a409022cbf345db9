"""The QA scoring form for one call, built from the criteria file: a score and a comment per
criterion, an overall comment and the check level; the call's earlier reviews below.

What the reviewer types is kept per call while they move between calls, and kept after a
refused save; only a saved review clears it. Save is Ctrl+S.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from functools import partial

from sqlalchemy import Engine

from agent_app.domain.enums import CheckLevel, Role
from agent_app.domain.views import StaffAccount
from agent_app.supervision.errors import SupervisionError
from agent_app.supervision.qa_criteria import QaCriteria, load_criteria
from agent_app.supervision.qa_reviews import QaReviewRecord, reviews_for_attempt, save_review
from agent_app.ui.background import run_in_background
from agent_app.ui.language import desk_language
from agent_app.ui.qt import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QShortcut,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from agent_app.ui.supervisor.recordings_reviews import ReviewsTree
from agent_app.ui.supervisor.recordings_scoring import PROBLEM_STYLE, ScoreSheet

REVIEWER_ROLES = (Role.SUPERVISOR, Role.QUALITY, Role.ADMIN)


@dataclass(frozen=True)
class ReviewDraft:
    scores: tuple[int, ...]
    comments: tuple[str, ...]
    overall: str
    level: int


def default_level(role: Role) -> CheckLevel:
    """Supervisors check their department (L2); quality staff check for the hospital (L3)."""
    if role is Role.SUPERVISOR:
        return CheckLevel.DEPARTMENT
    if role in (Role.QUALITY, Role.ADMIN):
        return CheckLevel.HOSPITAL
    return CheckLevel.OWN


class QaReviewForm(QWidget):
    sig_saved = Signal(object)  # QaReviewRecord

    def __init__(
        self,
        engine: Engine,
        account: StaffAccount,
        parent: QWidget | None = None,
        *,
        criteria: QaCriteria | None = None,
    ) -> None:
        super().__init__(parent)
        self.engine = engine
        self.account = account
        self.attempt_id: uuid.UUID | None = None
        self._drafts: dict[uuid.UUID, ReviewDraft] = {}
        self._saving = False
        english = desk_language().startswith("en")
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(PROBLEM_STYLE)
        self.criteria = criteria
        if self.criteria is None:
            try:
                self.criteria = load_criteria()
            except SupervisionError as error:
                self.problem.setText(self.tr("The QA criteria cannot be used: {0}").format(error))
        self.heading = QLabel(self.tr("Choose a call to review."))
        self.heading.setWordWrap(True)
        self.sheet = ScoreSheet(self.criteria.criteria if self.criteria else (), english)
        self.scores, self.notes, self.total = self.sheet.scores, self.sheet.notes, self.sheet.total
        self.overall = QPlainTextEdit()
        self.overall.setPlaceholderText(self.tr("Overall comment for the agent"))
        self.overall.setMaximumHeight(70)
        self.level = QComboBox()
        self.level.addItem(self.tr("L1 own follow-up"), int(CheckLevel.OWN))
        self.level.addItem(self.tr("L2 department spot-check"), int(CheckLevel.DEPARTMENT))
        self.level.addItem(self.tr("L3 hospital spot-check"), int(CheckLevel.HOSPITAL))
        self.level.setCurrentIndex(self.level.findData(int(default_level(account.role))))
        self.saved_note = QLabel()
        self.save_button = QPushButton(self.tr("Save review (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        QShortcut(
            QKeySequence("Ctrl+S"), self, self.save, Qt.ShortcutContext.WidgetWithChildrenShortcut
        )
        self.reviews = ReviewsTree(self.criteria, english)

        scoring = QGroupBox(self.tr("Score this call"))
        box = QVBoxLayout(scoring)
        box.addWidget(self.sheet)
        box.addWidget(self.overall)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(self.tr("Level:")))
        bottom.addWidget(self.level)
        bottom.addWidget(self.total, 1)
        bottom.addWidget(self.save_button)
        box.addLayout(bottom)
        box.addWidget(self.problem)
        box.addWidget(self.saved_note)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(scoring)
        layout.addWidget(QLabel(self.tr("Reviews of this call:")))
        layout.addWidget(self.reviews, 1)
        self._update_enabled()

    # The call being reviewed ---------------------------------------------------------------
    def set_call(self, attempt_id: uuid.UUID, title: str = "") -> None:
        """Review this call; what was typed for the previous one is kept for when it returns."""
        if attempt_id != self.attempt_id:
            if self.attempt_id is not None:
                self._drafts[self.attempt_id] = self.draft()
            self._restore(self._drafts.pop(attempt_id, None))
            self.attempt_id = attempt_id
            self.problem.clear()
            self.saved_note.clear()
        self.heading.setText(title or self.tr("Review of the chosen call"))
        self._update_enabled()
        self.load_reviews()

    def load_reviews(self) -> None:
        attempt_id, engine = self.attempt_id, self.engine
        if attempt_id is None:
            return

        def loaded(records: list[QaReviewRecord]) -> None:
            if attempt_id == self.attempt_id:
                self.reviews.show_reviews(records)

        run_in_background(
            lambda: reviews_for_attempt(engine, attempt_id),
            loaded,
            lambda error: self.reviews.show_problem(
                self.tr("The reviews of this call could not be read: {0}").format(error)
            ),
            owner=self,
        )

    def draft(self) -> ReviewDraft:
        scores, comments = self.sheet.values()
        return ReviewDraft(
            scores, comments, self.overall.toPlainText(), int(self.level.currentData())
        )

    def _restore(self, draft: ReviewDraft | None) -> None:
        self.sheet.set_values(draft.scores if draft else None, draft.comments if draft else None)
        self.overall.setPlainText(draft.overall if draft else "")
        level = draft.level if draft else int(default_level(self.account.role))
        self.level.setCurrentIndex(self.level.findData(level))

    def _update_enabled(self) -> None:
        allowed = self.account.role in REVIEWER_ROLES and self.criteria is not None
        if self.account.role not in REVIEWER_ROLES:
            self.problem.setText(self.tr("Only supervisors and quality staff score calls."))
        self.save_button.setEnabled(allowed and self.attempt_id is not None and not self._saving)

    # Saving --------------------------------------------------------------------------------
    def save(self) -> None:
        """Check the review here, then store it in the background; a refusal keeps the form."""
        criteria, attempt = self.criteria, self.attempt_id
        if not self.save_button.isEnabled() or criteria is None or attempt is None:
            return
        self.saved_note.clear()
        problem = self.sheet.problem()
        self.problem.setText(problem)
        if problem:
            return
        scores, notes = self.sheet.scored()
        engine, staff = self.engine, self.account.id
        level, overall = CheckLevel(self.level.currentData()), self.overall.toPlainText()
        self._saving = True
        self._update_enabled()
        job = partial(save_review, engine, staff, attempt, level, scores, criteria)
        run_in_background(
            partial(job, criterion_comments=notes, comments=overall),
            lambda record: self._saved(attempt, record),
            self._save_failed,
            owner=self,
        )

    def _saved(self, attempt_id: uuid.UUID, record: QaReviewRecord) -> None:
        self._saving = False
        if attempt_id == self.attempt_id:
            self._restore(None)
            self.saved_note.setText(
                self.tr("Review saved: {0} / {1}.").format(record.total, record.max_total)
            )
            self.load_reviews()
        else:  # the reviewer moved on while it saved: drop that call's now-saved draft
            self._drafts.pop(attempt_id, None)
        self._update_enabled()
        self.sig_saved.emit(record)

    def _save_failed(self, error: BaseException) -> None:
        self._saving = False
        self._update_enabled()
        self.problem.setText(self.tr("The review was not saved: {0}").format(error))
