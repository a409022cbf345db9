"""The queue model shows every row of a large queue while reading only the pages in view."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from agent_app.domain.calling_hours import DEFAULT_ZONE
from agent_app.domain.enums import Role
from agent_app.store.repositories.queue_order import QueueSort, queue_order
from agent_app.store.repositories.reach_order import reach_order
from agent_app.store.repositories.staff import list_accounts
from agent_app.store.repositories.tasks import QueueScope, count_queue, queue_page
from agent_app.ui.qt import Qt, QTableView
from agent_app.ui.task_queue_model import TaskQueueModel
from tests.ui.conftest import seeded_sqlite


@pytest.fixture(scope="module")
def large_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    yield from seeded_sqlite(tmp_path_factory, 8000, seed=5)


def counted(qtbot: QtBot, model: TaskQueueModel) -> TaskQueueModel:
    """``model`` once its rows are counted (the count is read off the GUI thread)."""
    qtbot.waitUntil(lambda: not model.counting, timeout=15000)
    return model


def _found(qtbot: QtBot, model: TaskQueueModel, task_id: int) -> int | None:
    rows: list[int | None] = []
    model.find_task(task_id, rows.append)
    qtbot.waitUntil(lambda: bool(rows), timeout=15000)
    return rows[0]


def _hospital_scope(engine: Engine) -> QueueScope:
    quality = next(a for a in list_accounts(engine) if a.role is Role.QUALITY)
    return QueueScope.for_account(quality)


def test_row_count_is_the_whole_queue_but_nothing_is_read_up_front(
    qtbot: QtBot, large_store: Engine
) -> None:
    scope = _hospital_scope(large_store)
    model = TaskQueueModel(large_store, scope)
    assert model.counting and model.rowCount() == 0  # not counted on the GUI thread
    with qtbot.waitSignal(model.sig_counted, timeout=15000) as counted_signal:
        pass
    assert counted_signal.args == [count_queue(large_store, scope)]
    assert model.rowCount() == count_queue(large_store, scope) > 10_000
    assert model.pages_loaded == 0


def test_cells_match_the_store_at_the_top_and_the_bottom_read_off_the_gui_thread(
    qtbot: QtBot, large_store: Engine
) -> None:
    scope = _hospital_scope(large_store)
    model = counted(qtbot, TaskQueueModel(large_store, scope))
    last = model.rowCount() - 1
    expected_last = queue_page(large_store, scope, last, 1)[0]
    expected_first = queue_page(large_store, scope, 0, 1)[0]
    with qtbot.waitSignals([model.sig_page_arrived] * 2, timeout=15000):
        # nothing is read on the GUI thread: the cells are empty until their pages arrive
        assert model.data(model.index(0, 1)) is None
        assert model.data(model.index(last, 2)) is None
    assert model.data(model.index(0, 1)) == expected_first.patient_name
    assert model.data(model.index(last, 2)) == expected_last.mrn
    assert model.data(model.index(last, 0), Qt.ItemDataRole.UserRole) == expected_last
    assert model.pages_loaded == 2


def test_the_next_page_the_way_the_agent_scrolls_is_read_ahead(
    qtbot: QtBot, large_store: Engine
) -> None:
    model = counted(qtbot, TaskQueueModel(large_store, _hospital_scope(large_store)))
    middle = 5 * model.PAGE_SIZE
    with qtbot.waitSignal(model.sig_page_arrived, timeout=15000):
        model.data(model.index(middle, 1))
    with qtbot.waitSignal(model.sig_page_arrived, timeout=15000):
        model.data(model.index(middle, 1))  # shown: page 6 (below) is read ahead
    assert sorted(model._pages) == [5, 6]
    with qtbot.waitSignal(model.sig_page_arrived, timeout=15000):  # page 7 read ahead
        assert model.cached_task(middle + model.PAGE_SIZE) is not None  # page down: no wait
    with qtbot.waitSignal(model.sig_page_arrived, timeout=15000):
        model.data(model.index(middle, 1))  # scrolling back up: page 4 is read ahead
    assert sorted(model._pages) == [4, 5, 6, 7]


def test_scrolling_a_view_to_the_end_reads_only_the_visible_pages(
    qtbot: QtBot, large_store: Engine
) -> None:
    model = counted(qtbot, TaskQueueModel(large_store, _hospital_scope(large_store)))
    view = QTableView()
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.setModel(model)
    view.show()
    qtbot.waitExposed(view)
    view.scrollToBottom()
    bottom_page = (model.rowCount() - 1) // model.PAGE_SIZE
    qtbot.waitUntil(lambda: bottom_page in model._pages, timeout=15000)
    qtbot.wait(200)  # the pages read ahead arrive too
    total_pages = model.rowCount() // model.PAGE_SIZE + 1
    assert 1 <= model.pages_loaded <= 6 < total_pages  # the top's, the bottom's, and neighbours'
    assert view.model().data(model.index(model.rowCount() - 1, 1)) is not None
    bottom = view.rowAt(view.viewport().height() - 2)
    assert bottom >= model.rowCount() - 40


def test_page_cache_stays_bounded(qtbot: QtBot, large_store: Engine) -> None:
    model = counted(qtbot, TaskQueueModel(large_store, _hospital_scope(large_store)))
    for row in range(0, model.rowCount(), model.PAGE_SIZE):
        model.task_at(row)
    assert len(model._pages) <= model.MAX_PAGES
    assert model.pages_loaded == -(-model.rowCount() // model.PAGE_SIZE)


def test_changing_scope_resets_rows(qtbot: QtBot, large_store: Engine) -> None:
    scope = _hospital_scope(large_store)
    model = counted(qtbot, TaskQueueModel(large_store, scope))
    agent = next(a for a in list_accounts(large_store) if a.role is Role.AGENT)
    model.set_scope(QueueScope.for_account(agent))
    assert model.rowCount() == 0 and model.counting
    counted(qtbot, model)
    assert model.rowCount() == count_queue(large_store, QueueScope.for_account(agent))
    assert model.rowCount() < count_queue(large_store, scope)


def test_the_row_of_a_task_is_found_off_the_gui_thread(qtbot: QtBot, large_store: Engine) -> None:
    model = counted(qtbot, TaskQueueModel(large_store, _hospital_scope(large_store)))
    row = 3 * model.PAGE_SIZE + 7
    task = model.task_at(row)
    assert task is not None
    assert _found(qtbot, model, task.task_id) == row
    assert _found(qtbot, model, -1) is None  # not in this queue


def test_after_the_key_walk_pages_are_sought_and_rows_stay_the_same(
    qtbot: QtBot, ui_store: Engine
) -> None:
    nurse = next(a for a in list_accounts(ui_store) if a.role is Role.QUALITY)
    model = counted(qtbot, TaskQueueModel(ui_store, QueueScope.for_account(nurse)))
    rows = model.rowCount()
    last = [model.task_at(r) for r in (0, rows // 2, rows - 1)]
    qtbot.waitUntil(lambda: model.seeks_pages, timeout=5000)
    model._pages.clear()
    assert [model.task_at(r) for r in (0, rows // 2, rows - 1)] == last


def _sortable_view(
    qtbot: QtBot, store: Engine, scope: QueueScope
) -> tuple[QTableView, TaskQueueModel]:
    view = QTableView()
    qtbot.addWidget(view)
    model = counted(qtbot, TaskQueueModel(store, scope, view))
    view.setModel(model)
    view.setSortingEnabled(True)
    return view, model


def test_clicking_the_attempts_header_orders_the_whole_queue_by_attempts(
    qtbot: QtBot, large_store: Engine
) -> None:
    scope = _hospital_scope(large_store)
    view, model = _sortable_view(qtbot, large_store, scope)
    view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
    attempts = model.COLUMNS.index(QueueSort.ATTEMPTS)
    with qtbot.waitSignal(model.sig_sorting, check_params_cb=lambda busy: not busy):
        view.horizontalHeader().setSortIndicator(attempts, Qt.SortOrder.DescendingOrder)
    assert model.sorted_by == (QueueSort.ATTEMPTS, True) and not model.sorting
    assert model.rowCount() == count_queue(large_store, scope)
    last = model.rowCount() - 1
    top, bottom = model.task_at(0), model.task_at(last)
    assert top is not None and bottom is not None
    assert top.attempts == max(t.attempts for t in queue_page(large_store, scope, 0, 100_000))
    assert top.attempts > bottom.attempts
    assert _found(qtbot, model, bottom.task_id) == last

    with qtbot.waitSignal(model.sig_sorting, check_params_cb=lambda busy: not busy):
        view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
    first = model.task_at(0)
    assert first == queue_page(large_store, scope, 0, 1)[0]


def test_best_chance_first_puts_the_reach_order_on_screen_until_a_header_is_clicked(
    qtbot: QtBot, large_store: Engine
) -> None:
    scope = _hospital_scope(large_store)
    view, model = _sortable_view(qtbot, large_store, scope)
    now = dt.datetime(2026, 11, 23, 11, 5, tzinfo=dt.UTC)  # 19:05 in Shanghai
    model.clock = lambda: now
    with qtbot.waitSignal(model.sig_sorting, check_params_cb=lambda busy: not busy):
        model.order_by_reach(True)
    expected = list(reach_order(large_store, scope, DEFAULT_ZONE, now))
    assert model.reach_ordered and model.reach_leaders(20) == expected[:20]
    assert [model.task_at(r).task_id for r in range(5)] == expected[:5]  # type: ignore[union-attr]
    assert expected != list(queue_order(large_store, scope, QueueSort.DUE))

    attempts = model.COLUMNS.index(QueueSort.ATTEMPTS)
    with qtbot.waitSignal(model.sig_reach_order, check_params_cb=lambda on: not on):
        view.horizontalHeader().setSortIndicator(attempts, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: not model.sorting, timeout=15000)
    assert not model.reach_ordered and model.reach_leaders(20) == []
    assert model.sorted_by == (QueueSort.ATTEMPTS, True)
