"""The agent's own QA feedback: every review of the calls they made, newest first, with the
score and comment per criterion. Read-only; an agent sees only their own calls."""

from __future__ import annotations

from sqlalchemy import Engine

from agent_app.domain.views import StaffAccount
from agent_app.supervision.errors import SupervisionError
from agent_app.supervision.qa_criteria import QaCriteria, load_criteria
from agent_app.supervision.qa_reviews import AgentFeedback, agent_feedback
from agent_app.ui.background import run_in_background
from agent_app.ui.language import desk_language
from agent_app.ui.qt import QHBoxLayout, QKeySequence, QLabel, QPushButton, QVBoxLayout, QWidget
from agent_app.ui.supervisor.recordings_reviews import ReviewsTree

FEEDBACK_LIMIT = 200


class MyFeedbackView(QWidget):
    def __init__(
        self, engine: Engine, account: StaffAccount, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.engine = engine
        self.account = account
        self.feedback: list[AgentFeedback] = []
        criteria: QaCriteria | None
        try:
            criteria = load_criteria()
        except SupervisionError:  # labels fall back to the criterion codes
            criteria = None
        self.setWindowTitle(self.tr("My QA feedback"))
        self.summary = QLabel(self.tr("Reading your feedback…"))
        self.summary.setWordWrap(True)
        self.tree = ReviewsTree(criteria, desk_language().startswith("en"), with_call=True)
        self.refresh_button = QPushButton(self.tr("Refresh (F5)"))
        self.refresh_button.setShortcut(QKeySequence("F5"))
        self.refresh_button.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        self.refresh()

    def refresh(self) -> None:
        """Read the reviews of this agent's calls again (in the background)."""
        engine, staff_id = self.engine, self.account.id
        self.refresh_button.setEnabled(False)
        run_in_background(
            lambda: agent_feedback(engine, staff_id, limit=FEEDBACK_LIMIT),
            self._loaded,
            self._failed,
            owner=self,
        )

    def _loaded(self, feedback: list[AgentFeedback]) -> None:
        self.refresh_button.setEnabled(True)
        self.feedback = feedback
        self.tree.show_feedback(feedback)
        if feedback:
            mean = sum(f.review.percent for f in feedback) / len(feedback)
            self.summary.setText(
                self.tr(
                    "%n review(s) of your calls; average score {0:.0f}%.", "", len(feedback)
                ).format(mean)
            )
        else:
            self.summary.setText(self.tr("None of your calls has been reviewed yet."))

    def _failed(self, error: BaseException) -> None:
        self.refresh_button.setEnabled(True)
        self.summary.setText(self.tr("Your feedback could not be read: {0}").format(error))
