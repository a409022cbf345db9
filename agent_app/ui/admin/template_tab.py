"""The templates tab: the list, a JSON editor checked as you type, a preview, save and import.

The editor always holds a *new* version: choosing a template loads a copy of its latest
version numbered as the next one, so "Save as new version" adds a row and never changes what
stored results were answered with.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine

from agent_app.domain.questionnaire import QuestionnaireError, Template
from agent_app.domain.views import StaffAccount
from agent_app.store.repositories.templates import (
    SavedTemplate,
    StoredTemplate,
    TemplateSummary,
    VersionCheck,
    check_new_version,
    format_body,
    list_templates,
    load_template,
    read_template_file,
    read_template_text,
    save_template_version,
)
from agent_app.ui.admin.editing import (
    Confirm,
    FileChooser,
    monospace_editor,
    show_result,
)
from agent_app.ui.admin.live_check import LiveCheck
from agent_app.ui.admin.skeletons import NEW_TEMPLATE
from agent_app.ui.admin.template_preview import TemplatePreview
from agent_app.ui.admin.text_table import TextTable, select_key, table_view
from agent_app.ui.background import run_in_background
from agent_app.ui.enum_names import specialty_name
from agent_app.ui.qt import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
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


class TemplateTab(QWidget):
    sig_loaded = Signal()  # the list was refreshed
    sig_saved = Signal(object)  # SavedTemplate
    sig_refused = Signal(str)  # a save was refused; the reason

    def __init__(
        self,
        engine: Engine,
        account: StaffAccount,
        choose_file: FileChooser,
        confirm: Confirm,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self._account = account
        self._choose_file = choose_file
        self._confirm = confirm
        self._code: str | None = None  # the code whose next version is in the editor
        self._template: Template | None = None  # the last valid parse of the editor
        self._dirty = False
        self._setting = False
        self._saving = False

        self.model = TextTable(
            [
                self.tr("Code"),
                self.tr("Version"),
                self.tr("Title"),
                self.tr("Specialty"),
                self.tr("Plans"),
                self.tr("Active"),
            ],
            self,
        )
        self.table = table_view(self.model, self)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.new_button = QPushButton(self.tr("&New template"), self)
        self.new_button.clicked.connect(self.new_template)
        self.import_button = QPushButton(self.tr("&Import from file…"), self)
        self.import_button.clicked.connect(self.import_file)

        self.editing_label = QLabel(self)
        self.editing_label.setWordWrap(True)
        self.editor = monospace_editor(self)
        self.editor.textChanged.connect(self._edited)
        self.status = QLabel(self)
        self.check = LiveCheck(
            self.editor, self.status, self._check_text, (QuestionnaireError,), refusal_words
        )
        self.check.sig_checked.connect(self._checked)
        self.preview = TemplatePreview(self)
        self.retire = QCheckBox(
            self.tr("&Retire the previous version and move its plans to the new one"), self
        )
        self.save_button = QPushButton(self.tr("&Save as new version"), self)
        self.save_button.setToolTip(self.tr("Ctrl+S"))
        self.save_button.clicked.connect(self.save)
        self.result = QLabel(self)
        self.result.setWordWrap(True)

        left = QWidget(self)
        left_column = QVBoxLayout(left)
        left_column.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.import_button)
        left_column.addLayout(buttons)
        middle = QWidget(self)
        middle_column = QVBoxLayout(middle)
        middle_column.addWidget(self.editing_label)
        middle_column.addWidget(self.editor, 1)
        middle_column.addWidget(self.status)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        for part, stretch in ((left, 3), (middle, 3), (self.preview, 2)):
            splitter.addWidget(part)
            splitter.setStretchFactor(splitter.count() - 1, stretch)
        splitter.setSizes([500, 460, 320])  # room for every column of the list
        bottom = QHBoxLayout()
        bottom.addWidget(self.retire)
        bottom.addStretch(1)
        bottom.addWidget(self.save_button)
        column = QVBoxLayout(self)
        column.addWidget(splitter, 1)
        column.addLayout(bottom)
        column.addWidget(self.result)
        self.setTabOrder(self.table, self.editor)
        self.setTabOrder(self.editor, self.retire)
        self.setTabOrder(self.retire, self.save_button)
        self.reload()

    # The list --------------------------------------------------------------------------------
    def reload(self, select: str | None = None) -> None:
        run_in_background(
            lambda: list_templates(self._engine),
            lambda rows: self._listed(rows, select),
            self._store_failed,
            owner=self,
        )

    def _listed(self, rows: list[TemplateSummary], select: str | None) -> None:
        yes, no = self.tr("yes"), self.tr("no")
        self.model.set_rows(
            [
                (
                    s.code,
                    (
                        s.code,
                        str(s.version),
                        s.title,
                        specialty_name(s.specialty),
                        str(s.plans),
                        yes if s.active else no,
                    ),
                )
                for s in rows
            ]
        )
        wanted = select or self._code or (rows[0].code if rows else None)
        if wanted is not None and self._code is None and not self._dirty:
            select_key(self.table, self.model, wanted)  # nothing in the editor yet: open it
        elif wanted is not None:
            self._quietly(lambda: select_key(self.table, self.model, wanted))
        self.sig_loaded.emit()

    def _quietly(self, action: Callable[[], object]) -> None:
        model = self.table.selectionModel()
        model.blockSignals(True)
        try:
            action()
        finally:
            model.blockSignals(False)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        code = self.model.keys[current.row()]
        if code == self._code and not self._dirty:
            return
        if self._dirty and not self._confirm(
            self,
            self.tr("Discard changes?"),
            self.tr("The template in the editor is not saved. Discard it and open {0}?").format(
                code
            ),
        ):
            return
        self.open_template(code)

    def open_template(self, code: str) -> None:
        """Put a copy of ``code``'s latest version in the editor, numbered as the next one."""
        run_in_background(
            lambda: load_template(self._engine, code),
            self._opened,
            self._store_failed,
            owner=self,
        )

    def _opened(self, stored: StoredTemplate) -> None:
        body: dict[str, Any] = dict(stored.body)
        body["version"] = stored.version + 1
        self._code = stored.code
        self.editing_label.setText(
            self.tr(
                "New version {2} of '{0}', copied from version {1}. Saving adds it; "
                "version {1} and the results answered with it stay as they are."
            ).format(stored.code, stored.version, stored.version + 1)
        )
        self._set_text(format_body(body))

    def new_template(self) -> None:
        if self._dirty and not self._confirm(
            self,
            self.tr("Discard changes?"),
            self.tr("The template in the editor is not saved. Discard it?"),
        ):
            return
        self._code = None
        self.editing_label.setText(
            self.tr("A new template: give it its own code; it is saved as version 1.")
        )
        self._set_text(format_body(NEW_TEMPLATE))

    def import_file(self) -> None:
        path = self._choose_file(self)
        if path is None:
            return
        try:
            text = read_template_file(path)
        except QuestionnaireError as exc:
            self._show_result(refusal_words(exc), ok=False)
            return
        self._code = None
        self.editing_label.setText(
            self.tr("Imported from {0}; check it, then save it as a new version.").format(path.name)
        )
        self._set_text(text)
        self._dirty = True

    # The editor ------------------------------------------------------------------------------
    def _set_text(self, text: str) -> None:
        self._setting = True
        try:
            self.editor.setPlainText(text)
        finally:
            self._setting = False
        self._dirty = False
        self.check.check_now()

    def _edited(self) -> None:
        if not self._setting:
            self._dirty = True

    def _check_text(self, text: str) -> str:
        self._template = None
        _, template = read_template_text(text)
        self._template = template
        return self.tr("OK — {0} questions, {1} red-flag rules").format(
            len(template.questions), len(template.red_flags)
        )

    def _checked(self, ok: bool) -> None:
        if ok and self._template is not None:
            self.preview.show_template(self._template)
        else:
            self.preview.set_stale()

    # Saving ----------------------------------------------------------------------------------
    def save(self) -> None:
        """Save the editor as a new version, refused with the reason when it is not valid."""
        if self._saving:
            return
        if not self.check.check_now():
            reason = self.check.error or ""
            self._show_result(self.tr("Not saved: {0}").format(reason), ok=False)
            self.sig_refused.emit(reason)
            return
        text = self.editor.toPlainText()
        self._set_saving(True)
        run_in_background(
            lambda: check_new_version(self._engine, text),
            lambda check: self._confirm_and_save(text, check),
            self._save_failed,
            owner=self,
        )

    def _confirm_and_save(self, text: str, check: VersionCheck) -> None:
        diff = check.diff
        if diff is not None and not diff.compatible:
            problems = [self.tr("Removed: {0}").format(q) for q in diff.removed]
            problems += [f"{c.question_id}: {c.reason}" for c in diff.changed]
            question = self.tr(
                "Answers stored under version {0} may not fit version {1}:\n\n{2}\n\n"
                "Those results keep pointing at version {0}. Save version {1} anyway?"
            ).format(check.previous_version, check.template.version, "\n".join(problems))
            if not self._confirm(self, self.tr("Incompatible with stored answers"), question):
                self._set_saving(False)
                self._show_result(self.tr("Not saved."), ok=False)
                return
        retire = self.retire.isChecked()
        staff_id = self._account.id
        run_in_background(
            lambda: save_template_version(
                self._engine,
                text,
                staff_id=staff_id,
                deactivate_previous=retire,
                move_plans=retire,
            ),
            self._saved,
            self._save_failed,
            owner=self,
        )

    def _saved(self, saved: SavedTemplate) -> None:
        self._set_saving(False)
        self._dirty = False
        self._code = saved.code
        words = self.tr("Saved version {1} of '{0}'.").format(saved.code, saved.version)
        if saved.plans_moved:
            words += " " + self.tr("{0} plans now use it.").format(saved.plans_moved)
        self.reload(select=saved.code)
        self.open_template(saved.code)
        self._show_result(words, ok=True)
        self.sig_saved.emit(saved)

    def _save_failed(self, exc: BaseException) -> None:
        self._set_saving(False)
        if isinstance(exc, QuestionnaireError | LookupError):
            reason = refusal_words(exc)
        else:
            log.error("saving a template failed", exc_info=exc)
            reason = self.tr("the store could not be written ({0})").format(exc)
        self._show_result(self.tr("Not saved: {0}").format(reason), ok=False)
        self.sig_refused.emit(reason)

    def _store_failed(self, exc: BaseException) -> None:
        log.error("reading the templates failed", exc_info=exc)
        self._show_result(
            self.tr("The templates could not be read: {0}").format(refusal_words(exc)), ok=False
        )

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        self.save_button.setEnabled(not saving)

    def _show_result(self, words: str, *, ok: bool) -> None:
        show_result(self.result, words, ok=ok)
