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

from agent_app.domain.coded_error import CodedError
from agent_app.domain.knowledge import (
    ArticleCategory,
    ArticleState,
    ArticleText,
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
    QCheckBox,
    QComboBox,
    QCoreApplication,
    QDate,
    QDateEdit,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    Qt,
    QTableWidgetItem,
    QWidget,
)
from agent_app.ui.reviewed_editor import ReviewedEditor

FolderChooser = Callable[[QWidget], Path | None]


def choose_article_folder(parent: QWidget) -> Path | None:
    name = QFileDialog.getExistingDirectory(
        parent, QCoreApplication.translate("KnowledgeEditor", "Import a folder of articles")
    )
    return Path(name) if name else None


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class KnowledgeEditor(ReviewedEditor[StoredArticle]):
    refusal = KnowledgeError

    def __init__(
        self,
        engine: Engine,
        account: StaffAccount,
        parent: QWidget | None = None,
        *,
        choose_folder: FolderChooser = choose_article_folder,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        headers = [self.tr("Title"), self.tr("Category"), self.tr("Department"),
                   self.tr("State"), self.tr("Review by")]  # fmt: skip
        super().__init__(engine, account, parent, headers=headers,
                         approved=ArticleState.APPROVED, retired=ArticleState.RETIRED)  # fmt: skip
        self.choose_folder, self.today = choose_folder, today
        self.setWindowTitle(self.tr("Knowledge base articles"))
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
        self.form.addRow(self.tr("Short name"), self.slug)
        self.form.addRow(self.tr("Title"), self.title)
        self.form.addRow(self.tr("Category"), self.category)
        self.form.addRow(self.tr("Department"), self.department)
        self.form.addRow("", self.may_read)
        self.form.addRow(self.tr("Review by"), self.review)
        self.form.addRow(self.tr("State"), self.state)
        self.form.addRow(self.tr("Text"), self.body)
        self.import_button = QPushButton(self.tr("&Import a folder…"), self)
        self.import_button.clicked.connect(self.import_files)
        self.buttons.addWidget(self.import_button)
        self.lay_out((520, 620))
        self.resize(1180, 720)
        self.reload()

    @property
    def articles(self) -> list[StoredArticle]:
        return self.items

    def new_article(self) -> None:
        self.new_item()

    # The store and the fields ------------------------------------------------------------
    def load(self) -> tuple[list[DepartmentChoice], list[StoredArticle]]:
        return department_choices(self.engine), list_articles(self.engine)

    def key(self, item: StoredArticle | ArticleText) -> str:
        return item.slug

    def fill_departments(self, departments: list[DepartmentChoice]) -> None:
        self.department.clear()
        for department in departments:
            if may_edit(self.account.role, self.account.department_id, department.id):
                self.department.addItem(department.name, department.code)

    def cells(self, item: StoredArticle) -> list[QTableWidgetItem]:
        overdue = item.review_overdue(self.today())
        review = item.review_date.isoformat()
        if overdue:
            review = self.tr("{0} (overdue)").format(review)
        texts = (item.title, category_name(item.category), item.department_name,
                 state_name(item.state), review)  # fmt: skip
        cells = [QTableWidgetItem(text) for text in texts]
        if overdue:
            cells[4].setForeground(Qt.GlobalColor.red)
        return cells

    def show_item(self, item: StoredArticle) -> None:
        self.slug.setText(item.slug)
        self.slug.setReadOnly(True)
        self.title.setText(item.title)
        self.category.setCurrentIndex(self.category.findData(item.category.value))
        self.department.setCurrentIndex(self.department.findText(item.department_name))
        self.may_read.setChecked(item.may_read_to_patient)
        self.review.setDate(_qdate(item.review_date))
        self.state.setText(state_name(item.state))
        self.body.setPlainText(item.body)

    def clear_fields(self) -> None:
        self.slug.clear()
        self.slug.setReadOnly(False)
        self.title.clear()
        self.body.clear()
        self.may_read.setChecked(True)
        own = next((d.code for d in self.departments if d.id == self.account.department_id), None)
        self.department.setCurrentIndex(max(0, self.department.findData(own)))
        self.review.setDate(_qdate(self.today() + dt.timedelta(days=365)))
        self.state.setText(state_name(ArticleState.DRAFT))
        self.slug.setFocus()

    def may_edit(self, item: StoredArticle) -> bool:
        return may_edit(self.account.role, self.account.department_id, item.department_id)

    def read_only_text(self) -> str:
        return self.tr("You may read this article but not change it.")

    def state_of(self, item: StoredArticle | None) -> ArticleState:
        return item.state if item is not None else ArticleState.DRAFT

    def checked(self, state: ArticleState) -> ArticleText:
        return checked_article(
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

    def writer(self, checked: ArticleText) -> Callable[[], object]:
        engine, staff = self.engine, self.account.id
        return lambda: save_article(engine, checked, staff_id=staff)

    def state_writer(self, key: str, state: ArticleState) -> Callable[[], object]:
        engine, staff = self.engine, self.account.id
        return lambda: set_state(engine, key, state, staff_id=staff)

    def error_text(self, error: CodedError) -> str:
        assert isinstance(error, KnowledgeError)
        return knowledge_error_text(error)

    # Importing -----------------------------------------------------------------------------
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
        self.say(self.tr("Imported: {0} new, {1} replaced.").format(report.created, report.updated))
        self.reload()
