"""The administrator's editor for questionnaire templates and call scripts.

Construct it with the store the admin works on and the signed-in admin, and show it from the
admin menu::

    from agent_app.ui.template_editor import TemplateEditor
    editor = TemplateEditor(engine, account, parent)   # account: the signed-in StaffAccount
    editor.show()                                       # non-modal; or editor.exec()

Two tabs: *Questionnaire templates* (list with the number of plans using each, a JSON editor
checked as you type, a live preview, "Save as new version", "Import from file…") and *Call
scripts* (list, text editor checked as you type, a preview with sample values, save). Saving
is refused with the exact reason when the text is not valid, and the repository refuses anyone
but an administrator. Keys: Ctrl+S save, Ctrl+N new, Ctrl+O import a template file,
Ctrl+Tab switch tabs, F5 reload the lists.

``choose_file`` and ``confirm`` can be replaced (tests, or a site-specific file dialog).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog  # not in ui/qt.py; only admin screens need it
from sqlalchemy import Engine

from agent_app.domain.views import StaffAccount
from agent_app.ui.admin.editing import Confirm, FileChooser
from agent_app.ui.admin.script_tab import ScriptTab
from agent_app.ui.admin.template_tab import TemplateTab
from agent_app.ui.qt import (
    QCoreApplication,
    QDialog,
    QKeySequence,
    QMessageBox,
    QShortcut,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)


def choose_template_file(parent: QWidget) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("TemplateEditor", "Import a questionnaire template"),
        "",
        QCoreApplication.translate("TemplateEditor", "JSON (*.json)"),
    )
    return Path(name) if name else None


def ask_yes_no(parent: QWidget, title: str, question: str) -> bool:
    answer = QMessageBox.question(
        parent,
        title,
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,  # a slip of Enter must not discard or save
    )
    return answer == QMessageBox.StandardButton.Yes


class TemplateEditor(QDialog):
    def __init__(
        self,
        engine: Engine,
        account: StaffAccount,
        parent: QWidget | None = None,
        *,
        choose_file: FileChooser = choose_template_file,
        confirm: Confirm = ask_yes_no,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Questionnaire templates and call scripts"))
        self.resize(1280, 800)
        self.templates = TemplateTab(engine, account, choose_file, confirm, self)
        self.scripts = ScriptTab(engine, account, confirm, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.templates, self.tr("Questionnaire &templates"))
        self.tabs.addTab(self.scripts, self.tr("Call &scripts"))
        column = QVBoxLayout(self)
        column.addWidget(self.tabs)

        for keys, action in (
            (QKeySequence.StandardKey.Save, self._save),
            (QKeySequence.StandardKey.New, self._new),
            (QKeySequence.StandardKey.Open, self.templates.import_file),
            (QKeySequence.StandardKey.Refresh, self._reload),
        ):
            QShortcut(QKeySequence(keys), self, action)

    def _save(self) -> None:
        if self.tabs.currentWidget() is self.scripts:
            self.scripts.save()
        else:
            self.templates.save()

    def _new(self) -> None:
        if self.tabs.currentWidget() is self.scripts:
            self.scripts.new_script()
        else:
            self.templates.new_template()

    def _reload(self) -> None:
        self.templates.reload()
        self.scripts.reload()
