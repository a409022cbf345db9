"""The call scripts tab: the list, a text editor checked as you type, a rendered preview, save.

A script is one row per code, so saving overwrites it; the replaced text is kept in the audit
log by the repository.
"""

from __future__ import annotations

import logging

from sqlalchemy import Engine

from agent_app.domain.call_script import PLACEHOLDERS, CallScriptText, ScriptError, parse_script
from agent_app.domain.questionnaire import QuestionnaireError
from agent_app.domain.views import StaffAccount
from agent_app.store.repositories.call_scripts import (
    SavedScript,
    ScriptSummary,
    StoredScript,
    list_scripts,
    load_script,
    save_script,
)
from agent_app.ui.admin.editing import Confirm, monospace_editor, show_result
from agent_app.ui.admin.live_check import LiveCheck
from agent_app.ui.admin.skeletons import NEW_SCRIPT, SAMPLE_VALUES
from agent_app.ui.admin.text_table import TextTable, select_key, table_view
from agent_app.ui.background import run_in_background
from agent_app.ui.followup.script_panel import ScriptPanel
from agent_app.ui.language import desk_language
from agent_app.ui.qt import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QModelIndex,
    QPushButton,
    QSplitter,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from agent_app.ui.template_refusals import refusal_words

log = logging.getLogger(__name__)


class ScriptTab(QWidget):
    sig_loaded = Signal()
    sig_saved = Signal(object)  # SavedScript
    sig_refused = Signal(str)

    def __init__(
        self,
        engine: Engine,
        account: StaffAccount,
        confirm: Confirm,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self._account = account
        self._confirm = confirm
        self._script: CallScriptText | None = None
        self._dirty = False
        self._setting = False
        self._saving = False

        self.model = TextTable([self.tr("Code"), self.tr("Title"), self.tr("Plans")], self)
        self.table = table_view(self.model, self)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.new_button = QPushButton(self.tr("New scrip&t"), self)
        self.new_button.clicked.connect(self.new_script)
        self.code = QLineEdit(self)
        self.title = QLineEdit(self)
        self.title.textEdited.connect(self._edited)
        self.placeholders = QComboBox(self)
        self.placeholders.addItem(self.tr("Insert a placeholder…"), "")
        language = desk_language()
        for name, words in PLACEHOLDERS.items():
            self.placeholders.addItem(f"{{{name}}} — {words.in_language(language)}", name)
        self.placeholders.activated.connect(self._insert_placeholder)
        self.editor = monospace_editor(self)
        self.editor.setLineWrapMode(self.editor.LineWrapMode.WidgetWidth)  # sentences, not code
        self.editor.textChanged.connect(self._edited)
        self.status = QLabel(self)
        self.check = LiveCheck(
            self.editor, self.status, self._check_text, (ScriptError,), refusal_words
        )
        self.check.sig_checked.connect(self._checked)
        self.preview = ScriptPanel(self)
        self.save_button = QPushButton(self.tr("&Save script"), self)
        self.save_button.setToolTip(self.tr("Ctrl+S"))
        self.save_button.clicked.connect(self.save)
        self.result = QLabel(self)
        self.result.setWordWrap(True)

        left = QWidget(self)
        left_column = QVBoxLayout(left)
        left_column.addWidget(self.table, 1)
        left_column.addWidget(self.new_button)
        middle = QWidget(self)
        middle_column = QVBoxLayout(middle)
        form = QFormLayout()
        form.addRow(self.tr("Code"), self.code)
        form.addRow(self.tr("Title"), self.title)
        middle_column.addLayout(form)
        middle_column.addWidget(self.placeholders)
        middle_column.addWidget(self.editor, 1)
        middle_column.addWidget(self.status)
        right = QWidget(self)
        right_column = QVBoxLayout(right)
        right_column.addWidget(QLabel(self.tr("Preview with sample values")))
        right_column.addWidget(self.preview, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        for part in (left, middle, right):
            splitter.addWidget(part)
        splitter.setSizes([420, 480, 380])
        bottom = QHBoxLayout()
        bottom.addWidget(self.result, 1)
        bottom.addWidget(self.save_button)
        column = QVBoxLayout(self)
        column.addWidget(splitter, 1)
        column.addLayout(bottom)
        self.reload()

    # The list --------------------------------------------------------------------------------
    def reload(self, select: str | None = None) -> None:
        run_in_background(
            lambda: list_scripts(self._engine),
            lambda rows: self._listed(rows, select),
            self._store_failed,
            owner=self,
        )

    def _listed(self, rows: list[ScriptSummary], select: str | None) -> None:
        self.model.set_rows([(s.code, (s.code, s.title, str(s.plans))) for s in rows])
        wanted = select or self.code.text() or (rows[0].code if rows else None)
        if wanted is not None:
            model = self.table.selectionModel()
            quiet = bool(self.code.text()) or self._dirty
            model.blockSignals(quiet)
            try:
                select_key(self.table, self.model, wanted)
            finally:
                model.blockSignals(False)
        self.sig_loaded.emit()

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        code = self.model.keys[current.row()]
        if self._dirty and not self._confirm(
            self,
            self.tr("Discard changes?"),
            self.tr("The script in the editor is not saved. Discard it and open {0}?").format(code),
        ):
            return
        run_in_background(
            lambda: load_script(self._engine, code),
            self._opened,
            self._store_failed,
            owner=self,
        )

    def _opened(self, stored: StoredScript) -> None:
        self.code.setText(stored.code)
        self.code.setReadOnly(True)
        self._set_text(stored.title, stored.body)

    def new_script(self) -> None:
        if self._dirty and not self._confirm(
            self,
            self.tr("Discard changes?"),
            self.tr("The script in the editor is not saved. Discard it?"),
        ):
            return
        self.table.clearSelection()
        self.code.clear()
        self.code.setReadOnly(False)
        self._set_text(self.tr("New call script"), NEW_SCRIPT)
        self.code.setFocus()

    # The editor ------------------------------------------------------------------------------
    def _set_text(self, title: str, body: str) -> None:
        self._setting = True
        try:
            self.title.setText(title)
            self.editor.setPlainText(body)
        finally:
            self._setting = False
        self._dirty = False
        self.check.check_now()

    def _edited(self) -> None:
        if not self._setting:
            self._dirty = True

    def _insert_placeholder(self, index: int) -> None:
        name = self.placeholders.itemData(index)
        self.placeholders.setCurrentIndex(0)
        if name:
            self.editor.insertPlainText(f"{{{name}}}")
            self.editor.setFocus()

    def _check_text(self, text: str) -> str:
        self._script = None
        script = parse_script(text)
        self._script = script
        return self.tr("OK — {0} sections, {1} placeholders").format(
            len(script.sections), len(script.placeholders)
        )

    def _checked(self, ok: bool) -> None:
        self.preview.setEnabled(ok)
        if ok and self._script is not None:
            values = dict(SAMPLE_VALUES, agent_name=self._account.full_name)
            self.preview.show_script(self._script, values)

    # Saving ----------------------------------------------------------------------------------
    def save(self) -> None:
        """Save the script (overwriting its code), refused with the reason when not valid."""
        if self._saving:
            return
        if not self.check.check_now():
            reason = self.check.error or ""
            self._show_result(self.tr("Not saved: {0}").format(reason), ok=False)
            self.sig_refused.emit(reason)
            return
        code, title, text = self.code.text().strip(), self.title.text(), self.editor.toPlainText()
        staff_id = self._account.id
        self._saving = True
        self.save_button.setEnabled(False)
        run_in_background(
            lambda: save_script(self._engine, code, title, text, staff_id=staff_id),
            self._saved,
            self._save_failed,
            owner=self,
        )

    def _saved(self, saved: SavedScript) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        self._dirty = False
        self.code.setReadOnly(True)
        if saved.created:
            words = self.tr("Created script '{0}'.").format(saved.code)
        else:
            words = self.tr("Saved script '{0}'; the previous text is kept in the audit log.")
            words = words.format(saved.code)
        self._show_result(words, ok=True)
        self.reload(select=saved.code)
        self.sig_saved.emit(saved)

    def _save_failed(self, exc: BaseException) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        if isinstance(exc, QuestionnaireError | LookupError):
            reason = refusal_words(exc)
        else:
            log.error("saving a script failed", exc_info=exc)
            reason = self.tr("the store could not be written ({0})").format(exc)
        self._show_result(self.tr("Not saved: {0}").format(reason), ok=False)
        self.sig_refused.emit(reason)

    def _store_failed(self, exc: BaseException) -> None:
        log.error("reading the scripts failed", exc_info=exc)
        self._show_result(
            self.tr("The scripts could not be read: {0}").format(refusal_words(exc)), ok=False
        )

    def _show_result(self, words: str, *, ok: bool) -> None:
        show_result(self.result, words, ok=ok)
