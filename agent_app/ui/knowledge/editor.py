"""The supervisor's and administrator's article editor: list, edit, approve, retire, set the
review date, and import a folder of article files.

A supervisor edits the articles of their own department, an administrator every article (the
repository and the server's row security refuse anything else; the screen only saves people
a refusal). A new article starts as a draft; "Approve" makes it visible to every desk's
search, "Retire" takes it out. Saves go to this desk's store and its outbox, like a call.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine

from agent_app.domain.knowledge import (
    ArticleCategory,
    ArticleState,
    KnowledgeError,
    checked_article,
)
from agent_app.domain.views import StaffAccount
from agent_app.store.repositories.knowledge import (
    DepartmentChoice,
    StoredArticle,
    department_choices,
    list_articles,
    may_edit,
    save_article,
    set_state,
)
from agent_app.store.repositories.knowledge_import import ImportReport, import_folder
from agent_app.ui.background import run_in_background
from agent_app.ui.knowledge.texts import category_name, knowledge_error_text, state_name
from agent_app.ui.qt import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCoreApplication,
    QDate,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
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

FolderChooser = Callable[[QWidget], Path | None]


def choose_article_folder(parent: QWidget) -> Path | None:
    name = QFileDialog.getExistingDirectory(
        parent, QCoreApplication.translate("KnowledgeEditor", "Import a folder of articles")
    )
    return Path(name) if name else None


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class KnowledgeEditor(QWidget):
    sig_loaded = Signal()
    sig_saved = Signal(str)  # slug

    def __init__(
        self,
        engine: Engine,
        account: StaffAccount,
        parent: QWidget | None = None,
        *,
        choose_folder: FolderChooser = choose_article_folder,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self.engine, self.account = engine, account
        self.choose_folder, self.today = choose_folder, today
        self.setWindowTitle(self.tr("Knowledge base articles"))
        self.articles: list[StoredArticle] = []
        self.departments: list[DepartmentChoice] = []
        self.current: StoredArticle | None = None
        self._shown: str | None = None  # the slug whose fields are shown

        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Title"), self.tr("Category"), self.tr("Department"), self.tr("State"),
             self.tr("Review by")]
        )  # fmt: skip
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.currentCellChanged.connect(lambda row, *_: self._pick(row))

        self.slug = QLineEdit(self)
        self.title = QLineEdit(self)
        self.category = QComboBox(self)
        for category in ArticleCategory:
            self.category.addItem(category_name(category), category.value)
        self.department = QComboBox(self)
        self.may_read = QCheckBox(self.tr("May be read to the patient"), self)
        self.review = QDateEdit(self)
        self.review.setCalendarPopup(True)
        self.review.setDisplayFormat("yyyy-MM-dd")
        self.state = QLabel(self)
        self.body = QPlainTextEdit(self)
        form = QFormLayout()
        form.addRow(self.tr("Short name"), self.slug)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Department"), self.department)
        form.addRow("", self.may_read)
        form.addRow(self.tr("Review by"), self.review)
        form.addRow(self.tr("State"), self.state)
        form.addRow(self.tr("Text"), self.body)

        self.new_button = QPushButton(self.tr("&New"), self)
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.approve_button = QPushButton(self.tr("&Approve"), self)
        self.retire_button = QPushButton(self.tr("&Retire"), self)
        self.import_button = QPushButton(self.tr("&Import a folder…"), self)
        self.new_button.clicked.connect(self.new_article)
        self.save_button.clicked.connect(self.save)
        self.approve_button.clicked.connect(lambda: self.change_state(ArticleState.APPROVED))
        self.retire_button.clicked.connect(lambda: self.change_state(ArticleState.RETIRED))
        self.import_button.clicked.connect(self.import_files)
        QShortcut(QKeySequence("Ctrl+S"), self).activated.connect(self.save)
        QShortcut(QKeySequence("Ctrl+N"), self).activated.connect(self.new_article)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.save_button, self.approve_button,
                       self.retire_button, self.import_button):  # fmt: skip
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.status = QLabel(self)
        self.status.setWordWrap(True)

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.addLayout(form, 1)
        right_layout.addLayout(buttons)
        right_layout.addWidget(self.status)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setSizes([520, 620])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.resize(1180, 720)
        self.reload()

    # Loading -------------------------------------------------------------------------------
    def reload(self, keep: str = "") -> None:
        engine = self.engine
        run_in_background(
            lambda: (department_choices(engine), list_articles(engine)),
            lambda loaded: self._loaded(loaded[0], loaded[1], keep),
            self._failed,
            owner=self,
        )

    def _loaded(
        self, departments: list[DepartmentChoice], articles: list[StoredArticle], keep: str
    ) -> None:
        self.departments, self.articles = departments, articles
        self.department.clear()
        for department in departments:
            if may_edit(self.account.role, self.account.department_id, department.id):
                self.department.addItem(department.name, department.code)
        today = self.today()
        self.table.setRowCount(len(articles))
        for row, article in enumerate(articles):
            review = article.review_date.isoformat()
            if article.review_overdue(today):
                review = self.tr("{0} (overdue)").format(review)
            cells = (article.title, category_name(article.category), article.department_name,
                     state_name(article.state), review)  # fmt: skip
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if column == 4 and article.review_overdue(today):
                    item.setForeground(Qt.GlobalColor.red)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        slugs = [a.slug for a in articles]
        if keep in slugs:
            self.table.selectRow(slugs.index(keep))
        elif articles and self.current is None:
            self.table.selectRow(0)
        self.sig_loaded.emit()

    def _pick(self, row: int) -> None:
        if not 0 <= row < len(self.articles):
            return
        article = self.current = self.articles[row]
        again, self._shown = self._shown == article.slug, article.slug  # reselected on reload
        self.slug.setText(article.slug)
        self.slug.setReadOnly(True)
        self.title.setText(article.title)
        self.category.setCurrentIndex(self.category.findData(article.category.value))
        self.department.setCurrentIndex(self.department.findText(article.department_name))
        self.may_read.setChecked(article.may_read_to_patient)
        self.review.setDate(_qdate(article.review_date))
        self.state.setText(state_name(article.state))
        self.body.setPlainText(article.body)
        editable = may_edit(self.account.role, self.account.department_id, article.department_id)
        for widget in (self.save_button, self.approve_button, self.retire_button):
            widget.setEnabled(editable)
        if not editable:
            self._say(self.tr("You may read this article but not change it."))
        elif not again:  # a message about this article (saved, refused) stays after a reload
            self._say("")

    def new_article(self) -> None:
        self.current = self._shown = None
        self.table.clearSelection()
        self.slug.clear()
        self.slug.setReadOnly(False)
        self.title.clear()
        self.body.clear()
        self.may_read.setChecked(True)
        own = next((d.code for d in self.departments if d.id == self.account.department_id), None)
        self.department.setCurrentIndex(max(0, self.department.findData(own)))
        self.review.setDate(_qdate(self.today() + dt.timedelta(days=365)))
        self.state.setText(state_name(ArticleState.DRAFT))
        for widget in (self.save_button, self.approve_button, self.retire_button):
            widget.setEnabled(True)
        self._say("")
        self.slug.setFocus()

    # Writing -------------------------------------------------------------------------------
    def save(self) -> None:
        state = self.current.state if self.current is not None else ArticleState.DRAFT
        self._write(state)

    def change_state(self, state: ArticleState) -> None:
        if self.current is None:
            self._write(state)
            return
        engine, slug, staff = self.engine, self.current.slug, self.account.id
        run_in_background(
            lambda: set_state(engine, slug, state, staff_id=staff),
            lambda _: self._saved(slug),
            self._failed,
            owner=self,
        )

    def _write(self, state: ArticleState) -> None:
        try:
            article = checked_article(
                "",
                slug=self.slug.text().strip(),
                title=self.title.text(),
                category=str(self.category.currentData()),
                department_code=str(self.department.currentData() or ""),
                may_read=self.may_read.isChecked(),
                review_date=self.review.date().toPython(),  # type: ignore[arg-type]
                body=self.body.toPlainText(),
                state=state.value,
            )
        except KnowledgeError as error:
            self._say(knowledge_error_text(error), error=True)
            return
        engine, staff = self.engine, self.account.id
        self._shown = article.slug  # a new article's fields now show that slug
        run_in_background(
            lambda: save_article(engine, article, staff_id=staff),
            lambda saved: self._saved(saved.slug),
            self._failed,
            owner=self,
        )

    def _saved(self, slug: str) -> None:
        self._say(self.tr("Saved. It reaches the other desks with the next sync."))
        self.current = None
        self.reload(keep=slug)
        self.sig_saved.emit(slug)

    def import_files(self) -> None:
        folder = self.choose_folder(self)
        if folder is None:
            return
        engine, staff = self.engine, self.account.id
        run_in_background(
            lambda: import_folder(engine, folder, staff_id=staff),
            self._imported,
            self._failed,
            owner=self,
        )

    def _imported(self, report: ImportReport) -> None:
        self._say(
            self.tr("Imported: {0} new, {1} replaced.").format(report.created, report.updated)
        )
        self.reload()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, KnowledgeError):
            self._say(knowledge_error_text(error), error=True)
        else:
            self._say(self.tr("Could not save: {0}").format(error), error=True)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.status.setStyleSheet("color:#c62828" if error else "color:#2e7d32")
        self.status.setText(text)
