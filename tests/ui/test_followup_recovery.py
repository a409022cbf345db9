"""Never lose typed work: a desk killed mid-questionnaire reopens the follow-up with every
answer; a follow-up can be completed from the keyboard alone."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from agent_app.domain.enums import Disposition, TaskStatus
from agent_app.store.schema import FollowupResult, FollowupTask
from agent_app.ui.main_window import MainWindow
from agent_app.ui.qt import QApplication, Qt
from tests.ui.conftest import seeded_sqlite
from tests.ui.test_followup_flow import cardiology_agent

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def desk_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    yield from seeded_sqlite(tmp_path_factory, 60, seed=21)


def test_killed_mid_questionnaire_reopens_with_every_answer(
    qtbot: QtBot, desk_store: Engine, tmp_path: Path
) -> None:
    agent = cardiology_agent(desk_store)
    store = Path(str(desk_store.url.database))
    child = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.ui.followup_then_die",
            str(store),
            str(tmp_path),
            str(agent.department_id),
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.startswith("READY"), line
        task_id = int(line.split()[1])
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(10)
    assert child.returncode == -signal.SIGKILL

    window = MainWindow(desk_store, agent, "Line: simulated (demo)", drafts_dir=tmp_path)
    qtbot.addWidget(window)
    window.restore_unfinished()
    qtbot.waitUntil(lambda: window.followup is not None, timeout=5000)
    view = window.followup
    assert view is not None and view.work.task_id == task_id
    sheet = view.form.sheet
    assert sheet.value("identity_confirmed") is not None
    assert sheet.value("chest_pain") == "no"
    assert sheet.value("edema") == "yes"
    weight = view.form.boxes["weight_gain"]
    assert weight.editor.edit.text() == "25"  # type: ignore[attr-defined]
    assert view.form.raw_texts == {"weight_gain": "25"}
    assert view.wrapup.notes.toPlainText() == "患者下午方便"
    assert "restored" in window.statusBar().currentMessage()


def test_a_follow_up_can_be_completed_from_the_keyboard_alone(
    qtbot: QtBot, desk_store: Engine, tmp_path: Path
) -> None:
    agent = cardiology_agent(desk_store)
    window = MainWindow(desk_store, agent, "Line: simulated (demo)", drafts_dir=tmp_path)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.followup is not None, timeout=5000)
    view = window.followup
    assert view is not None
    form = view.form
    done = []
    form.sig_done.connect(lambda: done.append(True))
    qtbot.waitUntil(lambda: form.current_id is not None, timeout=2000)
    if QApplication.activeWindow() is not window:  # the offscreen platform drops activation
        with qtbot.waitActive(window):
            window.activateWindow()
        form.focus_first()
    # Each shown question: a digit picks an option, a number is typed; Enter moves on.
    for _ in range(60):
        if done:
            break
        qid = form.current_id
        assert qid is not None
        box = form.boxes[qid]
        focus = focused_in(box)
        if box.question.type.value in ("number", "date", "text"):
            typed = {"number": "60", "date": "2026-11-20", "text": "ok"}[box.question.type.value]
            if box.question.minimum is not None:
                typed = str(int(box.question.minimum))
            qtbot.keyClicks(focus, typed)
        else:
            qtbot.keyClick(focus, Qt.Key.Key_1)
        qtbot.keyClick(focus, Qt.Key.Key_Return)
    assert done, "Enter on the last question moves on to the wrap-up"
    assert form.sheet.can_finish
    assert view.wrapup.disposition.hasFocus()
    # No call on this screen: the agent picks the outcome, first in the list after the prompt.
    qtbot.keyClick(view.wrapup.disposition, Qt.Key.Key_Down)
    assert view.wrapup.chosen() is Disposition.REACHED
    with qtbot.waitSignal(view.sig_finished, timeout=10_000):
        qtbot.keyClick(view.wrapup.disposition, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    with Session(desk_store) as session:
        task = session.get_one(FollowupTask, view.work.task_id)
        assert task.status is TaskStatus.DONE
        result = session.scalars(
            select(FollowupResult).where(FollowupResult.task_id == task.id)
        ).one()
        assert result.outcome.value == "completed"


def focused_in(box: object) -> object:
    widget = QApplication.focusWidget()
    assert widget is not None and box.isAncestorOf(widget), "focus is in the current question"  # type: ignore[attr-defined]
    return widget
