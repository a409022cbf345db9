"""The recordings browser: filters, lazily read pages, a supervisor's fixed department, and
Enter to open."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from agent_app.domain.enums import CheckLevel, Disposition
from agent_app.store.repositories.recordings import RecordingRow
from agent_app.supervision.qa_criteria import load_criteria
from agent_app.supervision.qa_reviews import save_review
from agent_app.ui.qt import QDate, Qt
from agent_app.ui.supervisor.recordings_browser import RecordingsBrowser
from agent_app.ui.supervisor.recordings_model import RecordingsTableModel
from tests.ui.supervisor.recorded_calls import (
    CALLS,
    HEAD_NURSE_D,
    NURSE_A,
    NURSE_B,
    QUALITY,
    CallSpec,
    RecordedCalls,
    account,
    local_store,
)

FULL = {"identity_confirmed": 10, "introduction": 8, "no_medical_advice": 20,
        "revisit_reminded": 10, "attitude": 18, "completeness": 20}  # fmt: skip


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Engine, RecordedCalls]]:
    engine, calls = local_store(tmp_path_factory.mktemp("recorded"))
    # One reviewed call, for the QA-state filter.
    save_review(engine, QUALITY, calls.attempt("b2"), CheckLevel.HOSPITAL, FULL, load_criteria())
    yield engine, calls
    engine.dispose()


def _browser(qtbot: QtBot, engine: Engine, staff_id: int) -> RecordingsBrowser:
    browser = RecordingsBrowser(engine, account(engine, staff_id))
    qtbot.addWidget(browser)
    browser.resize(1000, 600)
    browser.show()
    # The agent list arrives in the background; wait so it does not re-query mid-test.
    qtbot.waitUntil(lambda: browser.filter_bar.agent.count() > 1 or staff_id == NURSE_A)
    _wait_rows(qtbot, browser)
    return browser


def _wait_rows(qtbot: QtBot, browser: RecordingsBrowser) -> list[RecordingRow]:
    """Every row of the current query, once the model has read all of its pages."""
    model = browser.model

    def rows() -> list[RecordingRow | None]:
        return [model.row_at(r) for r in range(model.rowCount())]

    qtbot.waitUntil(lambda: "Reading" not in browser.summary.text(), timeout=5000)
    qtbot.waitUntil(lambda: None not in rows(), timeout=5000)
    return [row for row in rows() if row is not None]


def _requery(qtbot: QtBot, browser: RecordingsBrowser) -> set[uuid.UUID]:
    with qtbot.waitSignal(browser.model.sig_counted, timeout=5000):
        browser.filter_bar.apply_now()
    return {row.recording_id for row in _wait_rows(qtbot, browser)}


def _ids(*specs: CallSpec) -> set[uuid.UUID]:
    return {spec.recording_id for spec in specs}


def test_each_filter_narrows_the_table_to_the_matching_recordings(
    qtbot: QtBot, store: tuple[Engine, RecordedCalls]
) -> None:
    engine, _calls = store
    browser = _browser(qtbot, engine, QUALITY)
    bar = browser.filter_bar
    assert {row.recording_id for row in _wait_rows(qtbot, browser)} == _ids(*CALLS)
    assert browser.summary.text() == "16 recording(s)"

    bar.department.setCurrentIndex(bar.department.findData(2))
    assert _requery(qtbot, browser) == _ids(*(c for c in CALLS if c.department == 2))
    # The agent list follows the department.
    assert [bar.agent.itemData(i) for i in range(bar.agent.count())] == [
        None,
        NURSE_B,
        HEAD_NURSE_D,
    ]
    bar.agent.setCurrentIndex(bar.agent.findData(NURSE_B))
    assert _requery(qtbot, browser) == _ids(*(c for c in CALLS if c.staff == NURSE_B))
    bar.disposition.setCurrentIndex(bar.disposition.findData(Disposition.NO_ANSWER.value))
    expected = _ids(
        *(c for c in CALLS if c.staff == NURSE_B and c.disposition is Disposition.NO_ANSWER)
    )
    assert expected and _requery(qtbot, browser) == expected

    bar.department.setCurrentIndex(0)
    bar.agent.setCurrentIndex(0)
    bar.disposition.setCurrentIndex(0)
    bar.min_seconds.setValue(5)
    bar.max_seconds.setValue(9)
    assert _requery(qtbot, browser) == _ids(*(c for c in CALLS if 5 <= c.seconds <= 9))
    bar.min_seconds.setValue(0)
    bar.max_seconds.setValue(0)

    bar.date_from.setDate(QDate(2026, 10, 9))
    bar.date_to.setDate(QDate(2026, 10, 13))  # inclusive: the hospital's whole day
    assert _requery(qtbot, browser) == _ids(*(c for c in CALLS if 9 <= c.day <= 13))
    bar.date_from.setDate(bar.date_from.minimumDate())
    bar.date_to.setDate(bar.date_to.minimumDate())

    bar.patient.setText("MRN0005")
    assert _requery(qtbot, browser) == _ids(*(c for c in CALLS if c.task == 5))
    bar.patient.setText("患者6")
    assert _requery(qtbot, browser) == _ids(*(c for c in CALLS if c.task == 6))
    bar.patient.clear()

    bar.qa_state.setCurrentIndex(bar.qa_state.findData("reviewed"))
    assert _requery(qtbot, browser) == _ids(*(c for c in CALLS if c.key == "b2"))
    bar.qa_state.setCurrentIndex(bar.qa_state.findData("not_reviewed"))
    assert _requery(qtbot, browser) == _ids(*(c for c in CALLS if c.key != "b2"))


def test_a_burst_of_edits_queries_once_after_a_pause(
    qtbot: QtBot, store: tuple[Engine, RecordedCalls]
) -> None:
    engine, _calls = store
    browser = _browser(qtbot, engine, QUALITY)
    counted: list[int] = []
    browser.model.sig_counted.connect(counted.append)
    browser.filter_bar.min_seconds.setValue(1)
    browser.filter_bar.min_seconds.setValue(12)
    with qtbot.waitSignal(browser.model.sig_counted, timeout=5000):
        pass
    qtbot.wait(400)
    assert counted == [sum(1 for c in CALLS if c.seconds >= 12)]


def test_rows_are_read_a_page_at_a_time_when_the_view_reaches_them(
    qtbot: QtBot, store: tuple[Engine, RecordedCalls], monkeypatch: pytest.MonkeyPatch
) -> None:
    engine, _calls = store
    monkeypatch.setattr(RecordingsTableModel, "PAGE_SIZE", 4)
    browser = RecordingsBrowser(engine, account(engine, QUALITY))
    qtbot.addWidget(browser)  # not shown: only what the test asks for is read
    model = browser.model
    qtbot.waitUntil(lambda: model.pages_loaded == 1, timeout=5000)
    assert model.rowCount() == len(CALLS)
    assert model.row_at(3) is not None
    assert model.row_at(13) is None  # its page is on its way
    assert model.index(13, 0).data() == "…"
    qtbot.waitUntil(lambda: model.row_at(13) is not None, timeout=5000)
    assert model.pages_loaded == 2

    browser.filter_bar.sort.setCurrentIndex(browser.filter_bar.sort.findData("longest"))
    browser.show()
    with qtbot.waitSignal(model.sig_counted, timeout=5000):
        browser.filter_bar.apply_now()
    rows = _wait_rows(qtbot, browser)
    assert [row.duration_s for row in rows] == sorted((c.seconds for c in CALLS), reverse=True)
    assert model.index(0, 1).data() == "0:20"
    assert model.index(0, 2).data() == "护士甲"


def test_a_supervisor_sees_only_their_own_department(
    qtbot: QtBot, store: tuple[Engine, RecordedCalls]
) -> None:
    engine, _calls = store
    browser = _browser(qtbot, engine, HEAD_NURSE_D)
    department = browser.filter_bar.department
    assert not department.isEnabled()
    assert [department.itemData(i) for i in range(department.count())] == [2]
    assert department.currentText() == "外科"
    assert browser.filter_bar.recording_filter().department_id == 2
    rows = _wait_rows(qtbot, browser)
    assert {row.recording_id for row in rows} == _ids(*(c for c in CALLS if c.department == 2))
    agents = browser.filter_bar.agent
    assert {agents.itemData(i) for i in range(agents.count())} == {None, NURSE_B, HEAD_NURSE_D}


def test_an_agent_sees_only_their_own_calls(
    qtbot: QtBot, store: tuple[Engine, RecordedCalls]
) -> None:
    engine, _calls = store
    browser = _browser(qtbot, engine, NURSE_A)
    assert not browser.filter_bar.agent.isEnabled()
    rows = _wait_rows(qtbot, browser)
    assert {row.recording_id for row in rows} == _ids(*(c for c in CALLS if c.staff == NURSE_A))


def test_enter_opens_the_selected_recording(
    qtbot: QtBot, store: tuple[Engine, RecordedCalls]
) -> None:
    engine, _calls = store
    browser = _browser(qtbot, engine, QUALITY)
    selected: list[RecordingRow] = []
    browser.sig_selected.connect(selected.append)
    browser.select_row(2)
    assert [row.recording_id for row in selected] == [browser.model.row_at(2).recording_id]  # type: ignore[union-attr]
    with qtbot.waitSignal(browser.sig_open, timeout=2000) as opened:
        qtbot.keyClick(browser.table, Qt.Key.Key_Return)
    assert opened.args[0] == selected[0]
