"""A table model over the agent's queue that reads only the pages the view shows.

The row count comes from one COUNT, read off the GUI thread like every other read (the queue
shows no rows until it arrives, then all of them at once, and ``sig_counted`` says so); rows
arrive a page at a time through the indexed ``queue_page`` query and are kept in a small LRU
cache, so a million-row queue costs a few pages of memory and the scroll bar still spans every
row. Right after a reset, pages are read
by offset; meanwhile the first key of every page is collected off the GUI thread, and from then
on a jump anywhere in the queue is an index seek.

Clicking another column's header sorts by it: the ordered task ids are taken once off the GUI
thread (the rows stay in due order until they arrive), and pages are then read by id. "Best
chance first" orders the same way, with today's calls by who most likely answers now
(``store/repositories/reach_order.py``).

``data()`` never reads the store: a row whose page is not in memory shows empty while the page
is read on the model's own reader thread (one, so a long order or key walk on the shared pool
never holds the rows on screen up), and the rows fill in when it arrives; the next page the
way the agent scrolls is read ahead, so paging on finds it already there.
"""

from __future__ import annotations

import datetime as dt
import logging
from array import array
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine

from agent_app.domain.calling_hours import DEFAULT_ZONE
from agent_app.domain.hospital_zone import HOSPITAL_TZ
from agent_app.domain.views import TaskRow
from agent_app.store.repositories.queue_order import QueueSort, queue_order, rows_by_ids
from agent_app.store.repositories.reach_order import reach_order
from agent_app.store.repositories.tasks import (
    PageKey,
    QueueScope,
    count_queue,
    queue_page,
    queue_page_keys,
    queue_position,
)
from agent_app.ui.background import run_in_background
from agent_app.ui.counted_table_model import CountedTableModel
from agent_app.ui.qt import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QThreadPool,
    Signal,
)

log = logging.getLogger(__name__)
_page_pool: QThreadPool | None = None


def page_pool() -> QThreadPool:
    """The queue's page reader: one thread, kept for the life of the application."""
    global _page_pool
    if _page_pool is None:
        _page_pool = QThreadPool(QCoreApplication.instance())
        _page_pool.setMaxThreadCount(1)
    return _page_pool


Index = QModelIndex | QPersistentModelIndex


class TaskQueueModel(CountedTableModel):
    PAGE_SIZE = 200
    MAX_PAGES = 50
    COLUMNS = tuple(QueueSort)
    sig_sorting = Signal(bool)  # True while a new order is being taken, False once shown
    sig_reach_order = Signal(bool)  # "best chance first" turned on or off
    sig_page_arrived = Signal(int)  # a page read for data() is in memory and shown
    sig_counted = Signal(int)  # the rows of a new scope are counted and shown (-1: not read)

    def __init__(self, engine: Engine, scope: QueueScope, parent: Any = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self._scope = scope
        self._pages: OrderedDict[int, list[TaskRow]] = OrderedDict()
        self._asked: set[int] = set()  # pages being read for data()
        self._shown_page = -1  # the page data() last served, for the direction of reading ahead
        self._page_generation = 0  # a reset makes pages still being read stale
        self.pages_loaded = 0  # how many page reads the model has made (for tests and bench)
        self._count_generation = 0
        self.counting = False  # True until the scope's row count has arrived
        self._keys: list[PageKey] | None = None
        self._generation = 0
        self._sort = QueueSort.DUE
        self._descending = False
        self._order: array[int] | None = None  # task ids in the picked order; None: due order
        self._order_generation = 0
        self._order_pending = False
        self._reach = False  # today's calls by the chance of an answer now
        self.clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC)
        self._count()
        self._collect_keys()
        self._headers = [
            self.tr("Due"),
            self.tr("Patient"),
            self.tr("MRN"),
            self.tr("Department"),
            self.tr("Diagnosis"),
            self.tr("Plan"),
            self.tr("Level"),
            self.tr("Attempts"),
            self.tr("Status"),
        ]
        self._status_names = {
            "pending": self.tr("Pending"),
            "in_progress": self.tr("In progress"),
            "done": self.tr("Done"),
            "failed": self.tr("Failed"),
            "cancelled": self.tr("Cancelled"),
        }

    @property
    def scope(self) -> QueueScope:
        return self._scope

    def set_scope(self, scope: QueueScope) -> None:
        self.beginResetModel()
        self._scope = scope
        self._forget_pages()
        self._rows = 0
        self._keys = None
        self._order = None
        self.endResetModel()
        self._count()
        self._collect_keys()
        if self._reach or self.sorted_by != (QueueSort.DUE, False):
            self._take_order()

    @property
    def sorted_by(self) -> tuple[QueueSort, bool]:
        """The column the queue is ordered by, and whether descending."""
        return self._sort, self._descending

    @property
    def sorting(self) -> bool:
        """Whether a new order is still being taken."""
        return self._order_pending

    @property
    def reach_ordered(self) -> bool:
        """Whether today's calls come first by the chance of an answer now."""
        return self._reach

    def reach_leaders(self, count: int) -> list[int]:
        """The first ``count`` task ids of the "best chance first" order (empty: not taken)."""
        if not self._reach or self._order is None:
            return []
        return list(self._order[:count])

    def order_by_reach(self, on: bool) -> None:
        """Put today's calls first by who most likely answers now (off: due order again)."""
        if on == self._reach:
            return
        self._reach = on
        self._sort, self._descending = QueueSort.DUE, False
        if on:
            self._take_order()
        else:
            self._order_generation += 1
            self._show_order(None)
        self.sig_reach_order.emit(on)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the queue by ``column`` (called by the header view on a click)."""
        if not 0 <= column < len(self.COLUMNS):  # the header's indicator taken away
            return
        sort, descending = self.COLUMNS[column], order == Qt.SortOrder.DescendingOrder
        if (sort, descending) == self.sorted_by and not self._reach:
            return
        if self._reach:
            self._reach = False
            self.sig_reach_order.emit(False)
        self._sort, self._descending = sort, descending
        if (sort, descending) == (QueueSort.DUE, False):
            self._order_generation += 1  # an order still being taken is not wanted any more
            self._show_order(None)
        else:
            self._take_order()

    def _take_order(self) -> None:
        self._order_generation += 1
        self._order_pending = True
        generation, engine, scope = self._order_generation, self._engine, self._scope
        sort, descending, reach, now = self._sort, self._descending, self._reach, self.clock()

        def take() -> array[int]:
            if reach:
                return reach_order(engine, scope, DEFAULT_ZONE, now)
            return queue_order(engine, scope, sort, descending)

        def done(order: array[int]) -> None:
            if generation == self._order_generation:  # not an order since replaced
                self._show_order(order)

        def failed(error: BaseException) -> None:
            if generation == self._order_generation:
                self._order_failed(error)

        self.sig_sorting.emit(True)
        run_in_background(take, done, failed, self)

    def _show_order(self, order: array[int] | None) -> None:
        self._order_pending = False
        self.beginResetModel()
        self._order = order
        self._forget_pages()
        if order is not None:
            self._rows = len(order)
        self.endResetModel()
        self.sig_sorting.emit(False)

    def _order_failed(self, error: BaseException) -> None:
        log.warning("queue order could not be read: %s", error)
        self._sort, self._descending = QueueSort.DUE, False
        if self._reach:
            self._reach = False
            self.sig_reach_order.emit(False)
        self._order_pending = False
        self.sig_sorting.emit(False)

    def _count(self) -> None:
        """Count the scope's rows on the reader thread and show them when the count arrives."""
        self._count_generation += 1
        self.counting = True
        generation, engine, scope = self._count_generation, self._engine, self._scope

        def done(rows: int) -> None:
            if generation != self._count_generation:  # a scope the agent has since left
                return
            self.counting = False
            if self._order is None and rows > 0:  # an order arrived first shows its own rows
                self.beginInsertRows(QModelIndex(), 0, rows - 1)
                self._rows = rows
                self.endInsertRows()
            self.sig_counted.emit(self._rows)

        def failed(error: BaseException) -> None:
            if generation == self._count_generation:
                self.counting = False
                log.warning("queue rows could not be counted: %s", error)
                self.sig_counted.emit(-1)

        run_in_background(lambda: count_queue(engine, scope), done, failed, self, page_pool(), 2)

    def _collect_keys(self) -> None:
        self._generation += 1
        generation, engine, scope = self._generation, self._engine, self._scope

        def done(keys: list[PageKey]) -> None:
            if generation == self._generation:  # not a scope the agent has since left
                self._keys = keys

        run_in_background(
            lambda: queue_page_keys(engine, scope, self.PAGE_SIZE), done, self._keys_failed, self
        )

    def _keys_failed(self, error: BaseException) -> None:
        # Pages are still read by offset: slower deep in the queue, never wrong.
        log.warning("queue page keys could not be read: %s", error)

    @property
    def seeks_pages(self) -> bool:
        """Whether pages are found by key (after the background walk finished)."""
        return self._keys is not None

    def refresh(self) -> None:
        self.set_scope(self._scope)

    def find_task(self, task_id: int, found: Callable[[int | None], None]) -> None:
        """Call ``found`` on the GUI thread with the row showing ``task_id`` (None: not in this
        queue). The position is read on the reader thread after the scope's count, so the
        answer fits the rows shown; an answer for a scope since left is dropped."""
        if self._order is not None:
            try:
                found(self._order.index(task_id))
            except ValueError:
                found(None)
            return
        generation, engine, scope = self._count_generation, self._engine, self._scope

        def done(row: int | None) -> None:
            if generation == self._count_generation:
                found(row if row is not None and row < self._rows else None)

        def failed(error: BaseException) -> None:
            log.warning("queue position could not be read: %s", error)
            if generation == self._count_generation:
                found(None)

        run_in_background(
            lambda: queue_position(engine, scope, task_id), done, failed, self, page_pool(), 2
        )

    def task_at(self, row: int) -> TaskRow | None:
        """The row, its page read now if it is not in memory: for tests and tools, never for
        the view (``data()`` asks for pages off the GUI thread instead)."""
        if not 0 <= row < self._rows:
            return None
        number, offset = divmod(row, self.PAGE_SIZE)
        page = self._pages.get(number)
        if page is None:
            page = self._page_reader(number)()
            self._keep(number, page)
        else:
            self._pages.move_to_end(number)
        return page[offset] if offset < len(page) else None

    def cached_task(self, row: int) -> TaskRow | None:
        """The row if its page is in memory; else None, and the page is read off the GUI
        thread (the row is shown once it arrives)."""
        if not 0 <= row < self._rows:
            return None
        number, offset = divmod(row, self.PAGE_SIZE)
        page = self._pages.get(number)
        if page is None:
            self._ask_page(number)
            return None
        self._pages.move_to_end(number)
        if number != self._shown_page:  # read ahead the next page the way the agent scrolls
            near = number - 1 if number < self._shown_page else number + 1
            self._shown_page = number
            if 0 <= near * self.PAGE_SIZE < self._rows and near not in self._pages:
                self._ask_page(near, ahead=True)
        return page[offset] if offset < len(page) else None

    def rows_in_memory(self, first: int, last: int) -> bool:
        """Whether rows ``first``..``last`` can be shown without waiting for a read."""
        pages = range(max(first, 0) // self.PAGE_SIZE, max(last, 0) // self.PAGE_SIZE + 1)
        return all(number in self._pages for number in pages)

    def _page_reader(self, number: int) -> Callable[[], list[TaskRow]]:
        """A read of page ``number`` as the queue stands now, to run on any thread."""
        engine, scope, first = self._engine, self._scope, number * self.PAGE_SIZE
        if self._order is not None:
            ids = self._order[first : first + self.PAGE_SIZE]
            return lambda: rows_by_ids(engine, ids)
        keys = self._keys
        start = keys[number] if keys is not None and number < len(keys) else None
        return lambda: queue_page(engine, scope, first, self.PAGE_SIZE, start)

    def _keep(self, number: int, page: list[TaskRow]) -> None:
        self.pages_loaded += 1
        self._pages[number] = page
        while len(self._pages) > self.MAX_PAGES:
            self._pages.popitem(last=False)

    def _ask_page(self, number: int, *, ahead: bool = False) -> None:
        """Read page ``number`` off the GUI thread; a page the view waits for goes before the
        pages read ahead still queued (after a jump, the old read-ahead is not wanted first)."""
        if number in self._asked:
            return
        self._asked.add(number)
        generation = self._page_generation

        def arrived(page: list[TaskRow]) -> None:
            if generation != self._page_generation:  # the queue was reset meanwhile
                return
            self._asked.discard(number)
            self._keep(number, page)
            first = number * self.PAGE_SIZE
            last = min(first + len(page), self._rows) - 1
            if last >= first:
                right = self.columnCount() - 1
                self.dataChanged.emit(self.index(first, 0), self.index(last, right))
            self.sig_page_arrived.emit(number)

        def failed(error: BaseException) -> None:
            if generation == self._page_generation:
                self._asked.discard(number)  # asked again when the rows are shown again
                log.warning("queue page %d could not be read: %s", number, error)

        run_in_background(
            self._page_reader(number), arrived, failed, self, page_pool(), 0 if ahead else 1
        )

    def _forget_pages(self) -> None:
        self._pages.clear()
        self._asked.clear()
        self._page_generation += 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.UserRole:
            return self.cached_task(index.row())
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        task = self.cached_task(index.row())
        if task is None:
            return None
        column = index.column()
        if column == 0:
            return task.due_at.astimezone(HOSPITAL_TZ).strftime("%Y-%m-%d %H:%M")
        values = (
            None,
            task.patient_name,
            task.mrn,
            task.department_name,
            task.diagnosis,
            task.plan_name,
            f"L{task.level.value}",
            f"{task.attempts}/{task.max_attempts}",
            self._status_names.get(task.status.value, task.status.value),
        )
        return values[column]
