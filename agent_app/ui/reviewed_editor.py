"""What the knowledge base's and the text message templates' editors share: a list on the left,
the chosen item's fields on the right, New / Save / Approve / Retire, and a status line.

An item starts as a draft and is used only once approved; retiring takes it out of use. The
loading and the saving run off the GUI thread. A message about the item just saved or refused
stays when the list reloads and selects it again, so the nurse sees "已保存" whatever the
speed of the reload. A subclass gives the fields, the columns, and the store calls.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from sqlalchemy import Engine

from agent_app.domain.coded_error import CodedError
from agent_app.domain.views import StaffAccount
from agent_app.store.repositories.knowledge import DepartmentChoice
from agent_app.ui.background import run_in_background
from agent_app.ui.qt import (
    QAbstractItemView,
    QCoreApplication,
    QFormLayout,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QPushButton,
    QShortcut,
    QSplitter,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)

Item = TypeVar("Item")
ERROR_COLOUR, DONE_COLOUR = "#c62828", "#2e7d32"


class ReviewedEditor(QWidget, Generic[Item]):
    sig_loaded = Signal()
    sig_saved = Signal(str)  # the item's key

    #: The domain's coded error for a refused item (its text comes from ``error_text``).
    refusal: type[CodedError] = CodedError

    def __init__(
        self,
        engine: Engine,
        account: StaffAccount,
        parent: QWidget | None,
        *,
        headers: Sequence[str],
        approved: enum.Enum,
        retired: enum.Enum,
    ) -> None:
        super().__init__(parent)
        self.engine, self.account = engine, account
        self.items: list[Item] = []
        self.departments: list[DepartmentChoice] = []
        self.current: Item | None = None
        self._shown: str | None = None  # the key whose fields are shown

        self.table = QTableWidget(0, len(headers), self)
        self.table.setHorizontalHeaderLabels(list(headers))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.currentCellChanged.connect(lambda row, *_: self._pick(row))
        self.form = QFormLayout()

        self.new_button = QPushButton(QCoreApplication.translate("ReviewedEditor", "&New"), self)
        self.save_button = QPushButton(QCoreApplication.translate("ReviewedEditor", "&Save"), self)
        self.approve_button = QPushButton(
            QCoreApplication.translate("ReviewedEditor", "&Approve"), self
        )
        self.retire_button = QPushButton(
            QCoreApplication.translate("ReviewedEditor", "&Retire"), self
        )
        self.new_button.clicked.connect(self.new_item)
        self.save_button.clicked.connect(self.save)
        self.approve_button.clicked.connect(lambda: self.change_state(approved))
        self.retire_button.clicked.connect(lambda: self.change_state(retired))
        QShortcut(QKeySequence("Ctrl+S"), self).activated.connect(self.save)
        QShortcut(QKeySequence("Ctrl+N"), self).activated.connect(self.new_item)
        self.buttons = QHBoxLayout()
        for button in (self.new_button, self.save_button, self.approve_button,
                       self.retire_button):  # fmt: skip
            self.buttons.addWidget(button)
        self.status = QLabel(self)
        self.status.setWordWrap(True)

    def lay_out(self, sizes: tuple[int, int]) -> None:
        """Place the list, the form the subclass filled, the buttons and the status line."""
        self.buttons.addStretch(1)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.addLayout(self.form, 1)
        right_layout.addLayout(self.buttons)
        right_layout.addWidget(self.status)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setSizes(list(sizes))
        QVBoxLayout(self).addWidget(splitter)

    # What a subclass gives ---------------------------------------------------------------
    def load(self) -> tuple[list[DepartmentChoice], list[Item]]:
        """The departments and the items, read off the GUI thread."""
        raise NotImplementedError

    def key(self, item: Any) -> str:
        """The key of a stored item or of a checked one (slug, code)."""
        raise NotImplementedError

    def fill_departments(self, departments: list[DepartmentChoice]) -> None:
        raise NotImplementedError

    def cells(self, item: Item) -> list[QTableWidgetItem]:
        raise NotImplementedError

    def show_item(self, item: Item) -> None:
        raise NotImplementedError

    def clear_fields(self) -> None:
        """Empty fields for a new draft, the key field focused."""
        raise NotImplementedError

    def may_edit(self, item: Item) -> bool:
        raise NotImplementedError

    def read_only_text(self) -> str:
        raise NotImplementedError

    def checked(self, state: Any) -> Any:
        """The fields as the domain checks them (raises ``refusal``)."""
        raise NotImplementedError

    def writer(self, checked: Any) -> Callable[[], object]:
        """The store call that saves ``checked``, to run off the GUI thread."""
        raise NotImplementedError

    def state_writer(self, key: str, state: Any) -> Callable[[], object]:
        raise NotImplementedError

    def state_of(self, item: Item | None) -> Any:
        """The state a save keeps (a new item: draft)."""
        raise NotImplementedError

    def error_text(self, error: CodedError) -> str:
        raise NotImplementedError

    # Loading -------------------------------------------------------------------------------
    def reload(self, keep: str = "") -> None:
        run_in_background(
            self.load,
            lambda loaded: self._loaded(loaded[0], loaded[1], keep),
            self._failed,
            owner=self,
        )

    def _loaded(self, departments: list[DepartmentChoice], items: list[Item], keep: str) -> None:
        self.departments, self.items = departments, items
        self.fill_departments(departments)
        self.table.setRowCount(len(items))
        for row, item in enumerate(items):
            for column, cell in enumerate(self.cells(item)):
                self.table.setItem(row, column, cell)
        self.table.resizeColumnsToContents()
        keys = [self.key(item) for item in items]
        if keep in keys:
            self.table.selectRow(keys.index(keep))
        elif items and self.current is None:
            self.table.selectRow(0)
        self.sig_loaded.emit()

    def _pick(self, row: int) -> None:
        if not 0 <= row < len(self.items):
            return
        item = self.current = self.items[row]
        again, self._shown = self._shown == self.key(item), self.key(item)  # on a reload
        self.show_item(item)
        editable = self.may_edit(item)
        for widget in (self.save_button, self.approve_button, self.retire_button):
            widget.setEnabled(editable)
        if not editable:
            self.say(self.read_only_text())
        elif not again:  # a message about this item (saved, refused) stays after a reload
            self.say("")

    def new_item(self) -> None:
        self.current = self._shown = None
        self.table.clearSelection()
        self.clear_fields()
        for widget in (self.save_button, self.approve_button, self.retire_button):
            widget.setEnabled(True)
        self.say("")

    # Writing -------------------------------------------------------------------------------
    def save(self) -> None:
        self._write(self.state_of(self.current))

    def change_state(self, state: Any) -> None:
        if self.current is None:
            self._write(state)
            return
        key = self.key(self.current)
        run_in_background(
            self.state_writer(key, state), lambda _: self.saved(key), self._failed, owner=self
        )

    def _write(self, state: Any) -> None:
        try:
            checked = self.checked(state)
        except self.refusal as error:
            self.say(self.error_text(error), error=True)
            return
        key = self._shown = self.key(checked)  # a new item's fields now show that key
        run_in_background(self.writer(checked), lambda _: self.saved(key), self._failed, owner=self)

    def saved(self, key: str) -> None:
        self.say(
            QCoreApplication.translate(
                "ReviewedEditor", "Saved. It reaches the other desks with the next sync."
            )
        )
        self.current = None
        self.reload(keep=key)
        self.sig_saved.emit(key)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, self.refusal):
            self.say(self.error_text(error), error=True)
        else:
            self.say(
                QCoreApplication.translate("ReviewedEditor", "Could not save: {0}").format(error),
                error=True,
            )

    def say(self, text: str, *, error: bool = False) -> None:
        self.status.setStyleSheet(f"color:{ERROR_COLOUR if error else DONE_COLOUR}")
        self.status.setText(text)
