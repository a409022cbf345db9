"""The QA scoring form: one row per criterion, live total, refusals in plain words that keep
what was typed, and a saved review listed under the call."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from agent_app.domain.enums import CheckLevel
from agent_app.supervision.qa_criteria import load_criteria
from agent_app.supervision.qa_reviews import reviews_for_attempt
from agent_app.ui.qt import Qt, QTreeWidget
from agent_app.ui.supervisor.qa_review_form import QaReviewForm
from tests.ui.supervisor.recorded_calls import (
    HEAD_NURSE_D,
    NURSE_A,
    QUALITY,
    RecordedCalls,
    account,
    local_store,
)

TYPED = [10, 8, 20, 10, 18, 20]  # the shipped criteria, in file order (maxima 10 10 20 15 20 25)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[tuple[Engine, RecordedCalls]]:
    engine, calls = local_store(tmp_path)
    yield engine, calls
    engine.dispose()


def _form(qtbot: QtBot, engine: Engine, staff_id: int) -> QaReviewForm:
    form = QaReviewForm(engine, account(engine, staff_id))
    qtbot.addWidget(form)
    form.show()
    return form


def _type(qtbot: QtBot, form: QaReviewForm, scores: list[int]) -> None:
    for box, score in zip(form.scores, scores, strict=False):
        box.lineEdit().selectAll()
        qtbot.keyClicks(box, str(score))


def _top_level(tree: QTreeWidget) -> list[list[str]]:
    return [
        [tree.topLevelItem(n).text(c) for c in range(tree.columnCount())]
        for n in range(tree.topLevelItemCount())
    ]


def test_the_form_has_a_row_per_criterion_and_a_live_total(
    qtbot: QtBot, store: tuple[Engine, RecordedCalls]
) -> None:
    engine, calls = store
    form = _form(qtbot, engine, QUALITY)
    form.set_call(calls.attempt("a1"), "a1")
    assert [box.max_score for box in form.scores] == [c.max_score for c in load_criteria().criteria]
    assert form.total.text() == "Total: nothing scored yet"
    _type(qtbot, form, [8, 6])  # the first two only
    assert form.total.text() == "Total 14 / 20 (70%)"
    assert form.level.currentData() == int(CheckLevel.HOSPITAL)  # quality staff: L3
    # The arrows stop at the criterion's maximum.
    form.scores[0].stepBy(5)
    assert form.scores[0].value() == 10


def test_an_out_of_range_score_is_refused_with_its_reason_and_the_typing_kept(
    qtbot: QtBot, store: tuple[Engine, RecordedCalls]
) -> None:
    engine, calls = store
    form = _form(qtbot, engine, QUALITY)
    form.set_call(calls.attempt("a1"), "a1")
    _type(qtbot, form, [15, 8, 20, 10, 18, 20])
    form.notes[1].setText("自我介绍不完整")
    form.overall.setPlainText("整体不错")
    assert form.total.text() == "Total 76 / 90 (84%)"  # the refused score is not counted
    with qtbot.waitActive(form):
        form.activateWindow()
    form.scores[2].setFocus()
    qtbot.keyClick(form.scores[2], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert form.problem.text() == (
        "The score for “Identity confirmed” must be between 0 and 10; 15 was typed."
    )
    assert [box.value() for box in form.scores] == [15, 8, 20, 10, 18, 20]
    assert form.notes[1].text() == "自我介绍不完整"
    assert form.overall.toPlainText() == "整体不错"
    assert "c0392b" in form.scores[0].styleSheet()
    qtbot.wait(200)
    assert reviews_for_attempt(engine, calls.attempt("a1")) == []

    form.scores[1].setValue(-1)  # a comment without a score is refused too, not dropped
    form.scores[0].setValue(10)
    form.save()
    assert form.problem.text() == "Give “Introduction” a score, or clear its comment."
    form.notes[1].clear()
    form.save()
    assert form.problem.text() == "Score every required criterion; missing: Introduction."


def test_a_valid_review_is_saved_then_listed_under_the_call(
    qtbot: QtBot, store: tuple[Engine, RecordedCalls]
) -> None:
    engine, calls = store
    form = _form(qtbot, engine, QUALITY)
    form.set_call(calls.attempt("a1"), "a1")
    qtbot.waitUntil(lambda: form.reviews.topLevelItemCount() == 1)
    assert form.reviews.topLevelItem(0).text(0) == "This call has not been reviewed yet."
    _type(qtbot, form, TYPED)
    form.notes[4].setText("语气亲切")
    form.overall.setPlainText("很好")
    with qtbot.waitSignal(form.sig_saved, timeout=5000) as saved:
        form.save()
    assert saved.args[0].total == 86
    assert form.problem.text() == ""
    assert form.saved_note.text() == "Review saved: 86 / 100."
    assert [box.value() for box in form.scores] == [-1] * 6  # cleared for the next review
    stored = reviews_for_attempt(engine, calls.attempt("a1"))
    assert [(r.total, r.max_total, r.level, r.comments) for r in stored] == [
        (86, 100, CheckLevel.HOSPITAL, "很好")
    ]
    assert {i.code: i.comment for i in stored[0].items}["attitude"] == "语气亲切"
    qtbot.waitUntil(lambda: "质控丙" in _top_level(form.reviews)[0])
    row = _top_level(form.reviews)[0]
    assert row[1:] == ["质控丙", "L3", "86 / 100 (86%)", "很好"]
    review = form.reviews.topLevelItem(0)
    assert review.childCount() == 6
    attitude = review.child(4)
    assert [attitude.text(c) for c in (0, 3, 4)] == ["Attitude", "18 / 20", "语气亲切"]


def test_moving_between_calls_keeps_what_was_typed_for_each(
    qtbot: QtBot, store: tuple[Engine, RecordedCalls]
) -> None:
    engine, calls = store
    form = _form(qtbot, engine, HEAD_NURSE_D)
    assert form.level.currentData() == int(CheckLevel.DEPARTMENT)  # a supervisor: L2
    form.set_call(calls.attempt("b1"), "b1")
    _type(qtbot, form, [9, 9])
    form.overall.setPlainText("待补充")
    form.set_call(calls.attempt("b2"), "b2")
    assert [box.value() for box in form.scores] == [-1] * 6
    assert form.overall.toPlainText() == ""
    form.set_call(calls.attempt("b1"), "b1")
    assert [box.value() for box in form.scores][:2] == [9, 9]
    assert form.overall.toPlainText() == "待补充"


def test_an_agent_cannot_score_calls(qtbot: QtBot, store: tuple[Engine, RecordedCalls]) -> None:
    engine, calls = store
    form = _form(qtbot, engine, NURSE_A)
    form.set_call(calls.attempt("a1"), "a1")
    assert not form.save_button.isEnabled()
    assert form.problem.text() == "Only supervisors and quality staff score calls."
