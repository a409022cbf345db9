"""The agent's own QA feedback: reviews of their calls, newest first, with the criterion
scores and comments; nobody else's."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, update

from agent_app.domain.enums import CheckLevel
from agent_app.store.schema import QaReview
from agent_app.supervision.qa_criteria import load_criteria
from agent_app.supervision.qa_reviews import save_review
from agent_app.ui.supervisor.my_feedback import MyFeedbackView
from agent_app.ui.supervisor.qa_review_form import QaReviewForm
from tests.ui.supervisor.recorded_calls import (
    HEAD_NURSE_D,
    NURSE_A,
    NURSE_B,
    QUALITY,
    RecordedCalls,
    account,
    local_store,
)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[tuple[Engine, RecordedCalls]]:
    engine, calls = local_store(tmp_path)
    yield engine, calls
    engine.dispose()


def _view(qtbot: QtBot, engine: Engine, staff_id: int) -> MyFeedbackView:
    view = MyFeedbackView(engine, account(engine, staff_id))
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: "Reading" not in view.summary.text(), timeout=5000)
    return view


def test_a_review_saved_in_the_form_reaches_that_agent_and_no_one_else(
    qtbot: QtBot, store: tuple[Engine, RecordedCalls]
) -> None:
    engine, calls = store
    form = QaReviewForm(engine, account(engine, QUALITY))
    qtbot.addWidget(form)
    form.set_call(calls.attempt("a2"), "a2")
    for box, score in zip(form.scores, [10, 10, 20, 15, 20, 25], strict=True):
        box.setValue(score)
    form.notes[5].setText("问卷完整")
    form.overall.setPlainText("满分")
    with qtbot.waitSignal(form.sig_saved, timeout=5000):
        form.save()

    mine = _view(qtbot, engine, NURSE_A)
    assert mine.summary.text() == "1 review(s) of your calls; average score 100%."
    tree = mine.tree
    top = tree.topLevelItem(0)
    assert [top.text(c) for c in range(tree.columnCount())] == [
        "2026-10-02 10:00", "患者2", top.text(2), "质控丙", "L3", "100 / 100 (100%)", "满分",
    ]  # fmt: skip
    assert top.childCount() == 6
    assert [top.child(5).text(c) for c in (2, 5, 6)] == ["Completeness", "25 / 25", "问卷完整"]

    other = _view(qtbot, engine, NURSE_B)
    assert other.summary.text() == "None of your calls has been reviewed yet."
    assert other.tree.topLevelItem(0).text(0) == "None of your calls has been reviewed yet."


def test_feedback_is_listed_newest_first_and_refreshes(
    qtbot: QtBot, store: tuple[Engine, RecordedCalls]
) -> None:
    engine, calls = store
    criteria = load_criteria()
    scores = {c.code: c.max_score // 2 for c in criteria.criteria}
    older = save_review(
        engine, HEAD_NURSE_D, calls.attempt("b1"), CheckLevel.DEPARTMENT, scores, criteria
    )
    with engine.begin() as connection:  # reviewed a day earlier
        connection.execute(
            update(QaReview)
            .where(QaReview.id == older.id)
            .values(created_at=older.created_at - dt.timedelta(days=1))
        )
    save_review(engine, QUALITY, calls.attempt("b3"), CheckLevel.HOSPITAL, scores, criteria)
    view = _view(qtbot, engine, NURSE_B)
    reviewers = [view.tree.topLevelItem(n).text(3) for n in range(view.tree.topLevelItemCount())]
    assert reviewers == ["质控丙", "护士长丁"]

    save_review(engine, QUALITY, calls.attempt("b5"), CheckLevel.HOSPITAL, scores, criteria)
    view.refresh_button.click()
    qtbot.waitUntil(lambda: view.tree.topLevelItemCount() == 3, timeout=5000)
    assert view.summary.text().startswith("3 review(s) of your calls")
