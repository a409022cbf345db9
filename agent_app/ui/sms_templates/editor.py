"""The supervisor's and administrator's text message template editor: list, edit, approve,
retire.

A supervisor edits their own department's templates, an administrator every template and the
hospital's own (the repository and the server's row security refuse anything else; the screen
only spares people a refusal). Every save is checked as the plan checks before sending:
placeholders, length, and no medical advice, with the refusal named in the desk's language.
A new template starts as a draft; only approved ones are sent.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Engine

from agent_app.domain.coded_error import CodedError
from agent_app.domain.enums import Role
from agent_app.domain.sms_template import (
    MAX_UCS2,
    SMS_PLACEHOLDERS,
    SmsTemplateError,
    SmsTemplateKind,
    SmsTemplateState,
    SmsTemplateText,
    checked_template,
)
from agent_app.domain.views import StaffAccount
from agent_app.store.repositories.knowledge import DepartmentChoice, department_choices
from agent_app.store.repositories.sms_templates import (
    StoredTemplate,
    list_templates,
    save_template,
    set_state,
)
from agent_app.ui.qt import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QTableWidgetItem, QWidget
from agent_app.ui.reviewed_editor import ReviewedEditor
from agent_app.ui.sms_templates.texts import kind_name, state_name, template_error_text


class SmsTemplateEditor(ReviewedEditor[StoredTemplate]):
    refusal = SmsTemplateError

    def __init__(
        self, engine: Engine, account: StaffAccount, parent: QWidget | None = None
    ) -> None:
        headers = [self.tr("Title"), self.tr("Kind"), self.tr("Department"), self.tr("State")]
        super().__init__(engine, account, parent, headers=headers,
                         approved=SmsTemplateState.APPROVED,
                         retired=SmsTemplateState.RETIRED)  # fmt: skip
        self.setWindowTitle(self.tr("Text message templates"))
        self.table.horizontalHeader().setStretchLastSection(True)
        self.code = QLineEdit(self)
        self.title = QLineEdit(self)
        self.kind = QComboBox(self)
        for kind in SmsTemplateKind:
            self.kind.addItem(kind_name(kind), kind.value)
        self.department = QComboBox(self)
        self.state = QLabel(self)
        self.body = QPlainTextEdit(self)
        self.help = QLabel(
            self.tr("Placeholders: {0}. At most {1} characters once filled.").format(
                " ".join(f"{{{name}}}" for name in SMS_PLACEHOLDERS), MAX_UCS2
            ),
            self,
        )
        self.help.setWordWrap(True)
        self.form.addRow(self.tr("Code"), self.code)
        self.form.addRow(self.tr("Title"), self.title)
        self.form.addRow(self.tr("Kind"), self.kind)
        self.form.addRow(self.tr("Department"), self.department)
        self.form.addRow(self.tr("State"), self.state)
        self.form.addRow(self.tr("Text"), self.body)
        self.form.addRow("", self.help)
        self.lay_out((460, 600))
        self.resize(1080, 640)
        self.reload()

    @property
    def templates(self) -> list[StoredTemplate]:
        return self.items

    def new_template(self) -> None:
        self.new_item()

    @property
    def is_admin(self) -> bool:
        return self.account.role is Role.ADMIN

    # The store and the fields ------------------------------------------------------------
    def load(self) -> tuple[list[DepartmentChoice], list[StoredTemplate]]:
        return department_choices(self.engine), list_templates(self.engine)

    def key(self, item: StoredTemplate | SmsTemplateText) -> str:
        return item.code

    def fill_departments(self, departments: list[DepartmentChoice]) -> None:
        self.department.clear()
        if self.is_admin:
            self.department.addItem(self.tr("Whole hospital"), "")
        for department in departments:
            if self.is_admin or department.id == self.account.department_id:
                self.department.addItem(department.name, department.code)

    def cells(self, item: StoredTemplate) -> list[QTableWidgetItem]:
        names = {d.code: d.name for d in self.departments}
        owner = names.get(item.department_code or "", self.tr("Whole hospital"))
        texts = (item.title, kind_name(item.kind), owner, state_name(item.state))
        return [QTableWidgetItem(text) for text in texts]

    def show_item(self, item: StoredTemplate) -> None:
        self.code.setText(item.code)
        self.code.setReadOnly(True)
        self.title.setText(item.title)
        self.kind.setCurrentIndex(self.kind.findData(item.kind.value))
        self.department.setCurrentIndex(self.department.findData(item.department_code or ""))
        self.state.setText(state_name(item.state))
        self.body.setPlainText(item.body)

    def clear_fields(self) -> None:
        for field in (self.code, self.title):
            field.clear()
        self.code.setReadOnly(False)
        self.body.clear()
        self.kind.setCurrentIndex(self.kind.findData(SmsTemplateKind.HEALTH_EDUCATION.value))
        self.department.setCurrentIndex(0)
        self.state.setText(state_name(SmsTemplateState.DRAFT))
        self.code.setFocus()

    def may_edit(self, item: StoredTemplate) -> bool:
        own = next((d.code for d in self.departments if d.id == self.account.department_id), "")
        return self.is_admin or (
            self.account.role is Role.SUPERVISOR and item.department_code == own
        )

    def read_only_text(self) -> str:
        return self.tr("You may read this template but not change it.")

    def state_of(self, item: StoredTemplate | None) -> SmsTemplateState:
        return item.state if item is not None else SmsTemplateState.DRAFT

    def checked(self, state: SmsTemplateState) -> SmsTemplateText:
        return checked_template(
            code=self.code.text().strip(),
            kind=str(self.kind.currentData()),
            title=self.title.text(),
            body=self.body.toPlainText(),
            department_code=str(self.department.currentData() or "") or None,
            state=state.value,
        )

    def writer(self, checked: SmsTemplateText) -> Callable[[], object]:
        engine, staff = self.engine, self.account.id
        return lambda: save_template(engine, checked, staff_id=staff)

    def state_writer(self, key: str, state: SmsTemplateState) -> Callable[[], object]:
        engine, staff = self.engine, self.account.id
        return lambda: set_state(engine, key, state, staff_id=staff)

    def error_text(self, error: CodedError) -> str:
        assert isinstance(error, SmsTemplateError)
        return template_error_text(error)
