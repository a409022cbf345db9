"""QA reviews of recorded calls as a tree: one line per review (when, who, level, score,
comment) with its criterion scores beneath. Used by the scoring form and the agent's own
feedback view."""

from __future__ import annotations

from collections.abc import Sequence

from agent_app.domain.hospital_zone import HOSPITAL_TZ
from agent_app.supervision.qa_criteria import QaCriteria
from agent_app.supervision.qa_reviews import AgentFeedback, QaReviewRecord
from agent_app.ui.qt import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget


class ReviewsTree(QTreeWidget):
    def __init__(
        self,
        criteria: QaCriteria | None,
        english: bool,
        parent: QWidget | None = None,
        *,
        with_call: bool = False,
    ) -> None:
        super().__init__(parent)
        self.criteria = criteria
        self.english = english
        self.with_call = with_call
        headers = [self.tr("Call"), self.tr("Patient")] if with_call else []
        headers += [
            self.tr("Reviewed"),
            self.tr("Reviewer"),
            self.tr("Level"),
            self.tr("Score"),
            self.tr("Comment"),
        ]
        self.setHeaderLabels(headers)
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(True)
        self.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.header().setStretchLastSection(True)

    def _criterion(self, code: str) -> tuple[str, str]:
        criterion = self.criteria.get(code) if self.criteria else None
        if criterion is None:  # the criteria file changed since: the code is all we know
            return code, ""
        label = criterion.label_en if self.english else criterion.label_zh
        return label, str(criterion.max_score)

    def _add(self, record: QaReviewRecord, call: list[str]) -> QTreeWidgetItem:
        reviewed = record.created_at.astimezone(HOSPITAL_TZ).strftime("%Y-%m-%d %H:%M")
        score = self.tr("{0} / {1} ({2:.0f}%)").format(
            record.total, record.max_total, record.percent
        )
        item = QTreeWidgetItem(
            [*call, reviewed, record.reviewer_name, f"L{int(record.level)}", score, record.comments]
        )
        first = len(call)
        for part in record.items:
            label, top = self._criterion(part.code)
            cells = [""] * (first + 5)
            cells[first] = label
            cells[first + 3] = f"{part.score} / {top}" if top else str(part.score)
            cells[first + 4] = part.comment
            item.addChild(QTreeWidgetItem(cells))
        self.addTopLevelItem(item)
        return item

    def show_reviews(self, records: Sequence[QaReviewRecord]) -> None:
        """Reviews of one call, newest first."""
        self.clear()
        for record in sorted(records, key=lambda r: r.created_at, reverse=True):
            self._add(record, [])
        if not records:
            self.show_problem(self.tr("This call has not been reviewed yet."))

    def show_feedback(self, feedback: Sequence[AgentFeedback]) -> None:
        """Reviews of the agent's calls, in the order given (newest first)."""
        self.clear()
        for entry in feedback:
            started = entry.call_started_at.astimezone(HOSPITAL_TZ).strftime("%Y-%m-%d %H:%M")
            self._add(entry.review, [started, entry.patient_name])
        if not feedback:
            self.show_problem(self.tr("None of your calls has been reviewed yet."))

    def show_problem(self, text: str) -> None:
        """One line saying why there is nothing to list."""
        self.clear()
        item = QTreeWidgetItem([text])
        self.addTopLevelItem(item)
        item.setFirstColumnSpanned(True)
