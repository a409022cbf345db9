"""Scrolling the queue: repaint time per page, over a whole hospital's open follow-ups.

    python -m bench.queue_scroll --patients 1000000 --pages 300

A quality nurse's main window shows every open follow-up (1.7 million in the 1M-patient
store). The benchmark pages down through the table and jumps to random places (as dragging
the scroll bar does), timing each step from the scroll until the rows in view are painted
with their data, once the page keys have been walked (before that, a deep jump reads by
offset). The model reads pages off the GUI thread, so a step is the frame (the repaint,
never blocked by the store) plus, for a page not yet in memory, the wait for its read; the
longest frame is printed too, as the GUI thread's own share. The floor is the same QTableView
over a model that answers every cell from memory with the same row count, in the same run.

Then the queue is sorted by patient name (a header click): the time to take the whole order
off the GUI thread, and the same page-down and jump steps in that order.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from agent_app.domain.enums import Role
from agent_app.store.engine import open_local_store
from agent_app.store.repositories.queue_order import QueueSort
from agent_app.store.repositories.staff import list_accounts
from agent_app.ui.main_window import ALL_OPEN, MainWindow
from agent_app.ui.qt import (
    QAbstractTableModel,
    QApplication,
    QModelIndex,
    Qt,
    QTableView,
)
from agent_app.ui.task_queue_model import TaskQueueModel
from bench.startup import prepare


class MemoryModel(QAbstractTableModel):
    """Same shape as the queue, every cell a constant string: Qt's own cost."""

    def __init__(self, rows: int, columns: int) -> None:
        super().__init__()
        self.rows, self.columns = rows, columns

    def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.rows

    def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.columns

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return "2026-11-23 09:30" if index.column() == 0 else "心血管内科出院随访"
        return None


FRAMES: list[float] = []  # every repaint of the desk's table, in milliseconds


def _shown(table: QTableView) -> bool:
    """Whether the rows in view have their data (always, for a model held in memory)."""
    model = table.model()
    if not isinstance(model, TaskQueueModel):
        return True
    top = max(table.rowAt(0), 0)
    bottom = table.rowAt(table.viewport().height() - 1)
    return model.rows_in_memory(top, bottom if bottom >= 0 else model.rowCount() - 1)


def _frame(table: QTableView) -> None:
    started = time.perf_counter()
    table.viewport().repaint()
    if isinstance(table.model(), TaskQueueModel):
        FRAMES.append((time.perf_counter() - started) * 1000)


def _step(table: QTableView, value: int) -> float:
    """Scroll to ``value``; milliseconds until the rows in view are painted with their data:
    the frame right after the scroll, then (for a page not in memory) the wait for the reader
    thread while the event loop runs, and the frame that paints the rows it brought."""
    app = QApplication.instance()
    assert app is not None
    started = time.perf_counter()
    table.verticalScrollBar().setValue(value)
    _frame(table)
    app.processEvents()
    if not _shown(table):
        while not _shown(table):
            time.sleep(0.0005)  # the page is on its way from the reader thread
            app.processEvents()
        _frame(table)
    return (time.perf_counter() - started) * 1000


def steps(table: QTableView, pages: int, rng: random.Random) -> tuple[list[float], list[float]]:
    """(page-down times, random-jump times) in milliseconds."""
    bar = table.verticalScrollBar()
    page_down = [_step(table, bar.value() + bar.pageStep()) for _ in range(pages)]
    jumps = [_step(table, rng.randrange(bar.maximum() + 1)) for _ in range(pages)]
    return page_down, jumps


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--patients", type=int, default=1_000_000)
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--store", type=Path, default=None)
    args = parser.parse_args()
    store = args.store or prepare(args.patients)
    app = QApplication([])
    engine = open_local_store(store)
    nurse = next(a for a in list_accounts(engine) if a.role is Role.QUALITY)
    window = MainWindow(engine, nurse, "Line: simulated (demo)")
    window.window_box.setCurrentIndex(window.window_box.findData(ALL_OPEN))
    window.show()
    walk_started = time.perf_counter()
    # The count and the page-key walk run off the GUI thread.
    while window.model.counting or not window.model.seeks_pages:
        app.processEvents()
        time.sleep(0.005)
    walk = time.perf_counter() - walk_started
    rows = window.model.rowCount()
    desk = steps(window.table, args.pages, random.Random(args.seed))
    page_reads = window.model.pages_loaded

    sort_started = time.perf_counter()
    window.table.horizontalHeader().setSortIndicator(
        window.model.COLUMNS.index(QueueSort.PATIENT), Qt.SortOrder.AscendingOrder
    )
    while window.model.sorting:
        app.processEvents()
        time.sleep(0.005)
    sort_seconds = time.perf_counter() - sort_started
    window.table.scrollToTop()
    by_name = steps(window.table, args.pages, random.Random(args.seed))

    floor_view = QTableView()
    floor_view.setModel(MemoryModel(rows, window.model.columnCount()))
    floor_view.resize(window.table.size())
    floor_view.verticalHeader().setVisible(False)
    floor_view.verticalHeader().setDefaultSectionSize(26)
    floor_view.show()
    app.processEvents()
    floor = steps(floor_view, args.pages, random.Random(args.seed))

    print(
        f"{rows:,} follow-ups in the queue; page keys walked in {walk:.2f} s (off the GUI "
        f"thread); {page_reads} page reads from the store"
    )
    print(f"sorted by patient name in {sort_seconds:.2f} s (off the GUI thread)")
    print(
        f"GUI thread: {len(FRAMES)} frames of the queue, p95 {p95(FRAMES):.2f} ms, longest "
        f"{max(FRAMES):.2f} ms (no store read on it)"
    )
    for label, (down, jump) in (("desk", desk), ("name", by_name), ("floor", floor)):
        print(
            f"{label:>5}: page down p50 {statistics.median(down):.2f} ms p95 {p95(down):.2f} ms; "
            f"random jump p50 {statistics.median(jump):.2f} ms p95 {p95(jump):.2f} ms"
        )
    print(
        f"queue_scroll page_p95_ms={p95(desk[0]):.2f} jump_p95_ms={p95(desk[1]):.2f} "
        f"floor_page_p95_ms={p95(floor[0]):.2f} floor_jump_p95_ms={p95(floor[1]):.2f} "
        f"ratio_page={p95(desk[0]) / p95(floor[0]):.2f} "
        f"ratio_jump={p95(desk[1]) / p95(floor[1]):.2f} sort_s={sort_seconds:.2f} "
        f"name_page_p95_ms={p95(by_name[0]):.2f} name_jump_p95_ms={p95(by_name[1]):.2f}"
    )
    app.processEvents()
    window.close()


if __name__ == "__main__":
    main()
