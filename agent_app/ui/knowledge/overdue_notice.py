"""A line on the supervisor's dashboard naming the knowledge articles past their review date
(a supervisor's own department; every department for quality staff and administrators)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import Engine

from agent_app.domain.enums import Role
from agent_app.domain.views import StaffAccount
from agent_app.store.repositories.knowledge import StoredArticle, overdue_reviews
from agent_app.ui.background import run_in_background
from agent_app.ui.qt import QLabel, QWidget, Signal

SHOWN = 5  # titles named; the rest are counted


class OverdueReviews(QLabel):
    sig_loaded = Signal(int)  # articles overdue

    def __init__(
        self,
        engine: Engine,
        account: StaffAccount,
        today: Callable[[], dt.date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.engine, self.account, self.today = engine, account, today
        self.overdue: list[StoredArticle] = []
        self.setWordWrap(True)
        self.setStyleSheet("background:#fff3e0;border:1px solid #ef6c00;padding:4px")
        self.hide()

    def load(self) -> None:
        engine, today = self.engine, self.today()
        department = self.account.department_id if self.account.role is Role.SUPERVISOR else None
        run_in_background(
            lambda: overdue_reviews(engine, today, department),
            self._show,
            lambda error: self._show([]),
            owner=self,
        )

    def _show(self, overdue: list[StoredArticle]) -> None:
        self.overdue = overdue
        if overdue:
            names = "、".join(f"{a.title} ({a.review_date.isoformat()})" for a in overdue[:SHOWN])
            more = len(overdue) - SHOWN
            if more > 0:
                names += self.tr(" and %n more", "", more)
            self.setText(
                self.tr("%n knowledge article(s) past their review date: ", "", len(overdue))
                + names
            )
        self.setVisible(bool(overdue))
        self.sig_loaded.emit(len(overdue))
