"""The supervisor's and administrator's text message template editor: list, edit, approve,
retire.

A supervisor edits their own department's templates, an administrator every template and the
hospital's own (the repository and the server's row security refuse anything else; the screen
only spares people a refusal). Every save is checked as the plan checks before sending:
placeholders, length, and no medical advice, with the refusal named in the desk's language.
A new template starts as a draft; only approved ones are sent.
"""

from __future__ import annotations

from sqlalchemy import Engine

from agent_app.domain.enums import Role
from agent_app.domain.sms_template import (
    MAX_UCS2,
    SMS_PLACEHOLDERS,
    SmsTemplateError,
    SmsTemplateKind,
    SmsTemplateState,
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
from agent_app.ui.background import run_in_background
from agent_app.ui.qt import (
    QAbstractItemView,
    QComboBox,
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
from agent_app.ui.sms_templates.texts import kind_name, state_name, template_error_text


class SmsTemplateEditor(QWidget):
    sig_loaded = Signal()
    sig_saved = Signal(str)  # code

    def __init__(
        self, engine: Engine, account: StaffAccount, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.engine, self.account = engine, account
        self.setWindowTitle(self.tr("Text message templates"))
        self.templates: list[StoredTemplate] = []
        self.departments: list[DepartmentChoice] = []
        self.current: StoredTemplate | None = None
        self._shown: str | None = None  # the code whose fields are shown

        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Title"), self.tr("Kind"), self.tr("Department"), self.tr("State")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.currentCellChanged.connect(lambda row, *_: self._pick(row))

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
        form = QFormLayout()
        form.addRow(self.tr("Code"), self.code)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Department"), self.department)
        form.addRow(self.tr("State"), self.state)
        form.addRow(self.tr("Text"), self.body)
        form.addRow("", self.help)

        self.new_button = QPushButton(self.tr("&New"), self)
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.approve_button = QPushButton(self.tr("&Approve"), self)
        self.retire_button = QPushButton(self.tr("&Retire"), self)
        self.new_button.clicked.connect(self.new_template)
        self.save_button.clicked.connect(self.save)
        self.approve_button.clicked.connect(lambda: self.change_state(SmsTemplateState.APPROVED))
        self.retire_button.clicked.connect(lambda: self.change_state(SmsTemplateState.RETIRED))
        QShortcut(QKeySequence("Ctrl+S"), self).activated.connect(self.save)
        QShortcut(QKeySequence("Ctrl+N"), self).activated.connect(self.new_template)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.save_button, self.approve_button,
                       self.retire_button):  # fmt: skip
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
        splitter.setSizes([460, 600])
        QVBoxLayout(self).addWidget(splitter)
        self.resize(1080, 640)
        self.reload()

    @property
    def is_admin(self) -> bool:
        return self.account.role is Role.ADMIN

    def _may_edit(self, template: StoredTemplate) -> bool:
        own = next((d.code for d in self.departments if d.id == self.account.department_id), "")
        return self.is_admin or (
            self.account.role is Role.SUPERVISOR and template.department_code == own
        )

    # Loading -------------------------------------------------------------------------------
    def reload(self, keep: str = "") -> None:
        engine = self.engine
        run_in_background(
            lambda: (department_choices(engine), list_templates(engine)),
            lambda loaded: self._loaded(loaded[0], loaded[1], keep),
            self._failed,
            owner=self,
        )

    def _loaded(
        self, departments: list[DepartmentChoice], templates: list[StoredTemplate], keep: str
    ) -> None:
        self.departments, self.templates = departments, templates
        names = {d.code: d.name for d in departments}
        whole = self.tr("Whole hospital")
        self.department.clear()
        if self.is_admin:
            self.department.addItem(whole, "")
        for department in departments:
            if self.is_admin or department.id == self.account.department_id:
                self.department.addItem(department.name, department.code)
        self.table.setRowCount(len(templates))
        for row, template in enumerate(templates):
            owner = names.get(template.department_code or "", whole)
            cells = (template.title, kind_name(template.kind), owner, state_name(template.state))
            for column, value in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        codes = [t.code for t in templates]
        if keep in codes:
            self.table.selectRow(codes.index(keep))
        elif templates and self.current is None:
            self.table.selectRow(0)
        self.sig_loaded.emit()

    def _pick(self, row: int) -> None:
        if not 0 <= row < len(self.templates):
            return
        template = self.current = self.templates[row]
        again, self._shown = self._shown == template.code, template.code  # reselected on reload
        self.code.setText(template.code)
        self.code.setReadOnly(True)
        self.title.setText(template.title)
        self.kind.setCurrentIndex(self.kind.findData(template.kind.value))
        self.department.setCurrentIndex(self.department.findData(template.department_code or ""))
        self.state.setText(state_name(template.state))
        self.body.setPlainText(template.body)
        editable = self._may_edit(template)
        for widget in (self.save_button, self.approve_button, self.retire_button):
            widget.setEnabled(editable)
        if not editable:
            self._say(self.tr("You may read this template but not change it."))
        elif not again:  # a message about this template (saved, refused) stays after a reload
            self._say("")

    def new_template(self) -> None:
        self.current = self._shown = None
        self.table.clearSelection()
        for field in (self.code, self.title):
            field.clear()
        self.code.setReadOnly(False)
        self.body.clear()
        self.kind.setCurrentIndex(self.kind.findData(SmsTemplateKind.HEALTH_EDUCATION.value))
        self.department.setCurrentIndex(0)
        self.state.setText(state_name(SmsTemplateState.DRAFT))
        for widget in (self.save_button, self.approve_button, self.retire_button):
            widget.setEnabled(True)
        self._say("")
        self.code.setFocus()

    # Writing -------------------------------------------------------------------------------
    def save(self) -> None:
        self._write(self.current.state if self.current is not None else SmsTemplateState.DRAFT)

    def change_state(self, state: SmsTemplateState) -> None:
        if self.current is None:
            self._write(state)
            return
        engine, code, staff = self.engine, self.current.code, self.account.id
        run_in_background(
            lambda: set_state(engine, code, state, staff_id=staff),
            lambda _: self._saved(code),
            self._failed,
            owner=self,
        )

    def _write(self, state: SmsTemplateState) -> None:
        try:
            template = checked_template(
                code=self.code.text().strip(),
                kind=str(self.kind.currentData()),
                title=self.title.text(),
                body=self.body.toPlainText(),
                department_code=str(self.department.currentData() or "") or None,
                state=state.value,
            )
        except SmsTemplateError as error:
            self._say(template_error_text(error), error=True)
            return
        engine, staff = self.engine, self.account.id
        self._shown = template.code  # a new template's fields now show that code
        run_in_background(
            lambda: save_template(engine, template, staff_id=staff),
            lambda _created: self._saved(template.code),
            self._failed,
            owner=self,
        )

    def _saved(self, code: str) -> None:
        self._say(self.tr("Saved. It reaches the other desks with the next sync."))
        self.current = None
        self.reload(keep=code)
        self.sig_saved.emit(code)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, SmsTemplateError):
            self._say(template_error_text(error), error=True)
        else:
            self._say(self.tr("Could not save: {0}").format(error), error=True)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.status.setStyleSheet("color:#c62828" if error else "color:#2e7d32")
        self.status.setText(text)
