"""The spot-check sampling screen: preview, create, past runs drawn again, and who may run what."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from agent_app.domain.enums import CheckLevel, TaskStatus
from agent_app.store.schema import FollowupTask
from agent_app.supervision.sampling import SamplingResult, draw_sample, run_sampling
from agent_app.ui.qt import QMessageBox, Qt, QTableWidget
from agent_app.ui.supervisor.sampling_plan_form import choice_enabled
from agent_app.ui.supervisor.sampling_screen import SamplingScreen
from tests.reports.tiny_hospital import NURSE_A, NURSE_B, QUALITY
from tests.ui.supervisor.spot_checks import SUPERVISOR, account, october_plan, tiny_store

WAIT = 10_000


class Questions(list[str]):
    """The questions QMessageBox.question asked, each answered with ``answer``."""

    answer = QMessageBox.StandardButton.Yes


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> Questions:
    questions = Questions()

    def ask(_parent: object, _title: str, text: str, *_args: object) -> object:
        questions.append(text)
        return questions.answer

    monkeypatch.setattr(QMessageBox, "question", ask)
    return questions


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Engine]:
    """The tiny hospital of spot_checks.py in a desk store."""
    yield from tiny_store(tmp_path)


def _screen(qtbot: QtBot, engine: Engine, staff_id: int) -> SamplingScreen:
    screen = SamplingScreen(engine, account(engine, staff_id))
    qtbot.addWidget(screen)
    screen.show()  # laid out, so clicks land on the buttons
    with qtbot.waitSignal(screen.runs.sig_loaded, timeout=WAIT):
        pass  # departments, names, then the past runs
    return screen


def _october(screen: SamplingScreen, seed: int, percent: float = 10, minimum: int = 2) -> None:
    screen.form.set_month(dt.date(2026, 10, 1))
    screen.form.percent.setValue(percent)
    screen.form.minimum.setValue(minimum)
    screen.details.set_seed(seed)


def _rows(table: QTableWidget) -> list[tuple[str, ...]]:
    return [
        tuple(table.item(r, c).text() for c in range(table.columnCount()))  # type: ignore[union-attr]
        for r in range(table.rowCount())
    ]


def _spot_checks(engine: Engine) -> list[FollowupTask]:
    with Session(engine) as s:
        return list(s.scalars(select(FollowupTask).where(FollowupTask.level > 1)))


def test_preview_shows_the_strata_the_core_draws_for_the_same_seed(
    qtbot: QtBot, store: Engine
) -> None:
    screen = _screen(qtbot, store, QUALITY)
    _october(screen, seed=99)

    with qtbot.waitSignal(screen.sig_previewed, timeout=WAIT):
        qtbot.mouseClick(screen.preview_button, Qt.MouseButton.LeftButton)

    expected = draw_sample(store, october_plan(), 99)
    names = {NURSE_A: "护士甲", NURSE_B: "护士乙", None: "Department pool (unassigned)"}
    departments = {1: "心内科", 2: "外科"}
    assert _rows(screen.strata) == [
        (departments[s.department_id], names[s.staff_id], str(s.population), str(len(s.picked)))
        for s in expected
    ]
    assert _rows(screen.strata) == [
        ("心内科", "Department pool (unassigned)", "4", "2"),
        ("心内科", "护士甲", "27", "3"),
        ("外科", "护士乙", "9", "2"),
    ]
    assert screen.status.text() == (
        "7 of 40 completed follow-ups are picked: 7 new spot-check tasks. Nothing is created yet."
    )
    picked = sorted(p for s in expected for p in s.picked)
    assert screen.details.picks.text() == ", ".join(str(p) for p in picked)
    assert _spot_checks(store) == []  # a preview writes nothing


def test_the_seed_and_task_numbers_are_only_under_the_folded_details(
    qtbot: QtBot, store: Engine
) -> None:
    screen = _screen(qtbot, store, QUALITY)
    _october(screen, seed=99)
    with qtbot.waitSignal(screen.sig_previewed, timeout=WAIT):
        qtbot.mouseClick(screen.preview_button, Qt.MouseButton.LeftButton)
    picked = [p for s in draw_sample(store, october_plan(), 99) for p in s.picked]

    assert not screen.details.is_open()
    assert not screen.details.seed_edit.isVisible() and not screen.details.picks.isVisible()
    shown = [screen.status.text(), screen.summary.text()]
    shown += [screen.strata.horizontalHeaderItem(c).text()  # type: ignore[union-attr]
              for c in range(screen.strata.columnCount())]  # fmt: skip
    shown += [cell for row in _rows(screen.strata) for cell in row]
    assert not any("99" in text or "seed" in text.lower() for text in shown)
    assert not any(str(p) in text.split(", ") for p in picked for text in shown)

    qtbot.mouseClick(screen.details.toggle, Qt.MouseButton.LeftButton)
    assert screen.details.seed_edit.isVisible() and screen.details.seed_edit.text() == "99"
    assert screen.details.picks.isVisible()
    assert screen.details.picks.text() == ", ".join(str(p) for p in sorted(picked))


def test_creating_asks_once_naming_the_count_and_a_no_creates_nothing(
    qtbot: QtBot, store: Engine, asked: Questions
) -> None:
    asked.answer = QMessageBox.StandardButton.No
    screen = _screen(qtbot, store, QUALITY)
    _october(screen, seed=20261101)

    qtbot.mouseClick(screen.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.create_button.isEnabled(), timeout=WAIT)

    assert len(asked) == 1
    assert asked[0].startswith("Create 7 spot-check tasks?")
    assert _spot_checks(store) == []
    assert screen.status.text() == "Nothing was created."
    assert [r[1] for r in _rows(screen.strata)] == [
        "Department pool (unassigned)", "护士甲", "护士乙"
    ]  # fmt: skip


def test_creating_tasks_adds_level_2_spot_checks_linked_to_their_parents(
    qtbot: QtBot, store: Engine, asked: Questions
) -> None:
    screen = _screen(qtbot, store, QUALITY)
    _october(screen, seed=20261101)

    with qtbot.waitSignal(screen.sig_created, timeout=WAIT) as created:
        screen.create_button.click()  # no event processing: the busy state is still on
        assert not screen.progress.isHidden() and not screen.create_button.isEnabled()
    with qtbot.waitSignal(screen.runs.sig_loaded, timeout=WAIT):
        pass
    assert len(asked) == 1 and asked[0].startswith("Create 7 spot-check tasks?")

    result = created.args[0]
    assert isinstance(result, SamplingResult) and len(result.created) == 7
    children = _spot_checks(store)
    assert sorted((c.parent_task_id, c.id) for c in children) == sorted(result.created)
    picked = {p for s in draw_sample(store, october_plan(), 20261101) for p in s.picked}
    assert {c.parent_task_id for c in children} == picked
    assert {(c.level, c.status, c.assigned_staff_id) for c in children} == {
        (2, TaskStatus.PENDING, QUALITY)
    }
    assert screen.status.text() == "Created 7 spot-check tasks for 7 picked follow-ups."
    assert screen.progress.isHidden() and screen.create_button.isEnabled()
    (run,) = _rows(screen.runs.table)
    assert (run[0], run[3], run[7]) == (str(result.run_id), "L2 department", "7 / 40 / 7")
    assert "20261101" not in run
    screen.runs.select_run(result.run_id)
    assert screen.runs.details_text.text().startswith("Seed 20261101; picked follow-up tasks:")


def test_creating_again_asks_nothing_when_every_pick_is_already_checked(
    qtbot: QtBot, store: Engine, asked: Questions
) -> None:
    run_sampling(store, QUALITY, october_plan(), seed=4)
    screen = _screen(qtbot, store, QUALITY)
    _october(screen, seed=4)

    qtbot.mouseClick(screen.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.create_button.isEnabled(), timeout=WAIT)

    assert asked == []
    assert screen.status.text() == (
        "7 of 40 completed follow-ups are picked: 0 new spot-check tasks. 7 already have a"
        " spot-check at this level. There is nothing to create."
    )


def test_a_past_run_draws_again_to_the_same_picks_and_refills_the_form(
    qtbot: QtBot, store: Engine
) -> None:
    earlier = run_sampling(store, QUALITY, october_plan(CheckLevel.HOSPITAL, 20), seed=5)
    screen = _screen(qtbot, store, QUALITY)
    screen.runs.select_run(earlier.run_id)

    with qtbot.waitSignal(screen.runs.sig_redrawn, timeout=WAIT) as redrawn:
        qtbot.mouseClick(screen.runs.redraw_button, Qt.MouseButton.LeftButton)

    run_id, picks, same = redrawn.args
    assert run_id == earlier.run_id and same
    assert picks == tuple(sorted(p for p, _ in earlier.created))
    assert len(picks) == 9  # 20% of 31 and of 9, rounded up
    assert screen.runs.outcome.text() == f"Run {earlier.run_id} drawn again: the same 9 follow-ups."

    qtbot.mouseClick(screen.runs.reuse_button, Qt.MouseButton.LeftButton)
    assert screen.tabs.currentIndex() == 0
    assert screen.details.seed_edit.text() == "5"
    assert screen.form.level.currentData() == int(CheckLevel.HOSPITAL)
    assert screen.form.percent.value() == 20
    with qtbot.waitSignal(screen.sig_previewed, timeout=WAIT) as previewed:
        qtbot.mouseClick(screen.preview_button, Qt.MouseButton.LeftButton)
    assert previewed.args[0] == earlier.strata


def test_a_supervisor_may_only_sample_level_2_of_their_own_department(
    qtbot: QtBot, store: Engine
) -> None:
    hospital_wide = run_sampling(store, QUALITY, october_plan(), seed=3)  # not theirs to see
    screen = _screen(qtbot, store, SUPERVISOR)
    form = screen.form
    level_3 = form.level.findData(int(CheckLevel.HOSPITAL))
    assert not choice_enabled(form.level, level_3)
    assert form.level.currentData() == int(CheckLevel.DEPARTMENT)
    enabled = [form.department.itemText(i) for i in range(form.department.count())
               if choice_enabled(form.department, i)]  # fmt: skip
    assert enabled == ["外科"] and form.department.currentText() == "外科"
    assert form.overrides.rowCount() == 1
    assert screen.runs.table.rowCount() == 0
    _october(screen, seed=8)

    with qtbot.waitSignal(screen.sig_previewed, timeout=WAIT) as previewed:
        qtbot.mouseClick(screen.preview_button, Qt.MouseButton.LeftButton)
    assert [(s.department_id, s.staff_id) for s in previewed.args[0]] == [(2, NURSE_B)]

    # Choices set from code are refused again when the form is read.
    form.level.setCurrentIndex(level_3)
    with qtbot.waitSignal(screen.sig_failed, timeout=WAIT) as failed:
        qtbot.mouseClick(screen.preview_button, Qt.MouseButton.LeftButton)
    assert failed.args[0] == "Your role may not run this level of spot-check."
    form.level.setCurrentIndex(0)
    form.department.setCurrentIndex(form.department.findText("心内科"))
    with qtbot.waitSignal(screen.sig_failed, timeout=WAIT) as failed:
        qtbot.mouseClick(screen.create_button, Qt.MouseButton.LeftButton)
    assert failed.args[0] == "You may only spot-check your own department."
    assert screen.status.text() == failed.args[0]
    assert len(_spot_checks(store)) == len(hospital_wide.created)


def test_a_bad_seed_is_said_and_kept_and_an_agent_cannot_sample(
    qtbot: QtBot, store: Engine
) -> None:
    screen = _screen(qtbot, store, QUALITY)
    screen.details.seed_edit.setText("12ab")
    with qtbot.waitSignal(screen.sig_failed, timeout=WAIT) as failed:
        qtbot.mouseClick(screen.create_button, Qt.MouseButton.LeftButton)
    assert failed.args[0] == "The seed must be a whole number."
    assert screen.details.seed_edit.text() == "12ab"

    agent = _screen(qtbot, store, NURSE_A)
    assert not agent.form.isEnabled() and not agent.create_button.isEnabled()
    assert not agent.agreement.isEnabled()
    assert "Only supervisors and quality staff" in agent.status.text()
