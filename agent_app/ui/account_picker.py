"""The sign-in's account list: a search field over a short list grouped by department.

Typing filters by name, by pinyin initials of the name or the department (``zs`` for 张三,
``xnk`` for 心内科), by department or by user name; Up and Down in the search field move
through the accounts shown, Enter hands over to the password."""

from __future__ import annotations

from collections.abc import Sequence

from agent_app.domain.pinyin_initials import initials_match
from agent_app.domain.views import StaffAccount
from agent_app.ui.qt import (
    QEvent,
    QKeyEvent,
    QLabel,
    QLineEdit,
    QObject,
    Qt,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)
from agent_app.ui.role_names import role_name

VISIBLE_ROWS = 8  # the list stays this tall however many accounts there are


def account_matches(query: str, account: StaffAccount) -> bool:
    """Whether typing ``query`` should keep ``account`` in the list."""
    wanted = query.strip().lower()
    if not wanted:
        return True
    texts = (account.full_name, account.department_name)
    return (
        any(wanted in text.lower() for text in texts)
        or wanted in account.username.lower()
        or any(initials_match(wanted, text) for text in texts)
    )


class AccountPicker(QWidget):
    """``username()`` is the chosen account's ("" while none is shown)."""

    sig_chosen = Signal(str)  # another user name is chosen ("" when the search hides them all)
    sig_done = Signal()  # Enter in the search field: go on to the password

    def __init__(self, accounts: Sequence[StaffAccount], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Type a name, its initials or a department"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.filter)
        self.search.returnPressed.connect(self.sig_done)
        self.search.installEventFilter(self)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setItemsExpandable(False)
        self.tree.setUniformRowHeights(True)
        self.tree.currentItemChanged.connect(self._current_changed)
        self.tree.itemActivated.connect(lambda *_: self.sig_done.emit())
        self.nothing = QLabel(self)  # said when the search hides every account
        self.nothing.setWordWrap(True)
        self.nothing.setStyleSheet("color: #616161;")
        self.nothing.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.nothing)
        layout.addWidget(self.tree)
        self._accounts: list[tuple[StaffAccount, QTreeWidgetItem]] = []
        self._chosen = ""
        self._fill(accounts)
        self.setFocusProxy(self.search)

    def _fill(self, accounts: Sequence[StaffAccount]) -> None:
        departments: dict[str, QTreeWidgetItem] = {}
        for account in sorted(accounts, key=lambda a: (a.department_name, a.full_name)):
            group = departments.get(account.department_name)
            if group is None:
                group = QTreeWidgetItem(self.tree, [account.department_name])
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)  # a heading: not choosable
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                departments[account.department_name] = group
            item = QTreeWidgetItem(group, [f"{account.full_name} · {role_name(account.role)}"])
            item.setData(0, Qt.ItemDataRole.UserRole, account.username)
            self._accounts.append((account, item))
        self._groups = {
            group: [item for account, item in self._accounts if account.department_name == name]
            for name, group in departments.items()
        }
        self.tree.expandAll()
        rows = min(len(self._accounts) + len(departments), VISIBLE_ROWS)
        self.tree.setFixedHeight(max(rows, 1) * self.tree.fontMetrics().height() * 3 // 2 + 8)

    # Choosing -----------------------------------------------------------------------------

    def username(self) -> str:
        item = self.tree.currentItem()
        data = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        return str(data) if data and not item.isHidden() else ""  # type: ignore[union-attr]

    def choose(self, username: str) -> bool:
        """Make ``username`` the chosen account (clearing a search that hides it)."""
        for account, item in self._accounts:
            if account.username == username:
                if item.isHidden():
                    self.search.clear()
                self.tree.setCurrentItem(item)
                self.tree.scrollToItem(item)
                return True
        return False

    def shown(self) -> list[str]:
        """The user names the list shows now, top to bottom."""
        return [account.username for account, item in self._accounts if not item.isHidden()]

    def filter(self, query: str) -> None:
        """Show only the accounts ``query`` matches, under their departments."""
        for account, item in self._accounts:
            item.setHidden(not account_matches(query, account))
        for group, members in self._groups.items():
            group.setHidden(all(member.isHidden() for member in members))
        current = self.tree.currentItem()
        if current is None or current.isHidden() or current.parent() is None:
            self._step(0)
        found = bool(self.shown())
        self.nothing.setText(
            ""
            if found
            else self.tr(
                "No account matches “{0}”. Check the spelling, or clear the search."
            ).format(query.strip())
        )
        self.nothing.setVisible(not found)
        self._current_changed()

    def _step(self, by: int) -> None:
        """Move the choice ``by`` accounts among those shown (0: the first shown)."""
        shown = [item for _, item in self._accounts if not item.isHidden()]
        if not shown:
            self.tree.clearSelection()
            self.tree.setCurrentIndex(self.tree.rootIndex())  # no current item
            return
        current = self.tree.currentItem()
        at = next((i for i, item in enumerate(shown) if item is current), None)
        at = 0 if by == 0 or at is None else max(0, min(len(shown) - 1, at + by))
        target = shown[at]
        self.tree.setCurrentItem(target)
        self.tree.scrollToItem(target)

    def _current_changed(self, *_: object) -> None:
        chosen = self.username()
        if chosen != self._chosen:
            self._chosen = chosen
            self.sig_chosen.emit(chosen)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Down:
                self._step(1)
                return True
            if event.key() == Qt.Key.Key_Up:
                self._step(-1)
                return True
        return super().eventFilter(watched, event)
