"""The admin's template and script editor: live check, refusals with the reason, saving."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from agent_app.demo.seed import seed_store
from agent_app.domain.enums import Role
from agent_app.domain.views import StaffAccount
from agent_app.store.engine import open_local_store
from agent_app.store.repositories.call_scripts import load_script, script_history
from agent_app.store.repositories.staff import list_accounts
from agent_app.store.repositories.templates import load_template
from agent_app.store.schema import QuestionnaireTemplate
from agent_app.ui.language import LANGUAGE_PROPERTY
from agent_app.ui.qt import QApplication, QLocale, Qt, QWidget
from agent_app.ui.template_editor import TemplateEditor
from agent_app.ui.translations import install_translations, remove_translations
from tests.conftest import DEMO_TODAY
from tests.domain.large_templates import nested_not_text

RESOURCES = Path(__file__).resolve().parents[2] / "resources"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Engine]:
    engine = open_local_store(tmp_path / "store.sqlite3")
    seed_store(engine, 10, seed=3, today=DEMO_TODAY)
    yield engine
    engine.dispose()


class Answers:
    """Stands in for the yes/no message box and the file dialog."""

    def __init__(self) -> None:
        self.yes = True
        self.asked: list[str] = []
        self.file: Path | None = None

    def confirm(self, _parent: QWidget, _title: str, question: str) -> bool:
        self.asked.append(question)
        return self.yes

    def choose(self, _parent: QWidget) -> Path | None:
        return self.file


@pytest.fixture
def answers() -> Answers:
    return Answers()


def _admin(engine: Engine) -> StaffAccount:
    return next(a for a in list_accounts(engine) if a.role is Role.ADMIN)


def _open(qtbot: QtBot, store: Engine, answers: Answers) -> TemplateEditor:
    editor = TemplateEditor(
        store, _admin(store), choose_file=answers.choose, confirm=answers.confirm
    )
    qtbot.addWidget(editor)
    editor.show()
    tab = editor.templates
    # The first template (by code) is opened as a copy numbered as its next version.
    qtbot.waitUntil(lambda: '"version": 2' in tab.editor.toPlainText(), timeout=10_000)
    return editor


def _activate(qtbot: QtBot, editor: TemplateEditor) -> None:
    """Keyboard shortcuts work in the active window; the offscreen platform drops activation
    when the preview is rebuilt, so tests activate the window again before a shortcut."""
    with qtbot.waitActive(editor):
        editor.activateWindow()


def _versions(store: Engine, code: str) -> list[int]:
    with Session(store) as session:
        return list(
            session.scalars(
                select(QuestionnaireTemplate.version)
                .where(QuestionnaireTemplate.code == code)
                .order_by(QuestionnaireTemplate.version)
            )
        )


def _cells(editor: TemplateEditor, row_key: str) -> list[str]:
    model = editor.templates.model
    row = model.keys.index(row_key)
    return [
        model.index(row, c).data(Qt.ItemDataRole.DisplayRole) for c in range(model.columnCount())
    ]


def _body(editor: TemplateEditor) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(editor.templates.editor.toPlainText())
    return data


def test_malformed_body_shows_the_exact_reason_and_save_is_refused(
    qtbot: QtBot, store: Engine, answers: Answers
) -> None:
    editor = _open(qtbot, store, answers)
    tab = editor.templates
    assert tab.status.text().startswith("OK — ")
    tab.editor.setPlainText('{\n  "code": "cardiology",\n  "version": 2,\n  "title": \n}')
    expected = "JSON syntax error at line 5, column 1: Expecting value."
    qtbot.waitUntil(lambda: tab.status.text() == expected, timeout=3000)

    body = json.loads((RESOURCES / "questionnaires" / "cardiology.json").read_text("utf-8"))
    body["version"] = 2
    body["sections"][1]["questions"][0]["type"] = "slider"
    tab.editor.setPlainText(json.dumps(body, ensure_ascii=False, indent=2))
    reason = (
        "Question 'chest_pain' in section 'symptoms': unknown type 'slider'; expected one of "
        "single, multi, scale, number, date, text, yes_no."
    )
    qtbot.waitUntil(lambda: tab.status.text() == reason, timeout=3000)
    assert tab.preview.form is not None and not tab.preview.form.isEnabled()
    with qtbot.waitSignal(tab.sig_refused) as refused:
        qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert refused.args == [reason]
    assert tab.result.text() == f"Not saved: {reason}"
    assert _versions(store, "cardiology") == [1]


def test_valid_new_version_is_saved_and_listed(
    qtbot: QtBot, store: Engine, answers: Answers
) -> None:
    editor = _open(qtbot, store, answers)
    tab = editor.templates
    assert _cells(editor, "cardiology")[:2] == ["cardiology", "1"]
    body = _body(editor)
    body["title"]["zh_CN"] = "心血管内科出院随访问卷(2027版)"
    tab.editor.setPlainText(json.dumps(body, ensure_ascii=False, indent=2))
    qtbot.waitUntil(lambda: tab.status.text().startswith("OK — "), timeout=3000)
    assert tab.status.text() == "OK — 21 questions, 9 red-flag rules"
    assert tab.preview.form is not None and len(tab.preview.form.boxes) == 21
    with qtbot.waitSignal(tab.sig_saved, timeout=10_000) as saved:
        _activate(qtbot, editor)
        qtbot.keyClick(tab.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert saved.args[0].version == 2
    assert answers.asked == []  # a compatible version saves without asking
    qtbot.waitUntil(lambda: _cells(editor, "cardiology")[1] == "2", timeout=10_000)
    assert _cells(editor, "cardiology")[2] == "心血管内科出院随访问卷(2027版)"
    assert _versions(store, "cardiology") == [1, 2]
    assert load_template(store, "cardiology", 1).title == "心血管内科出院随访问卷"
    # The editor moves on to a copy numbered as the version after the saved one.
    qtbot.waitUntil(lambda: _body(editor)["version"] == 3, timeout=10_000)
    assert tab.result.text() == "Saved version 2 of 'cardiology'."


def test_incompatible_version_is_saved_only_after_the_admin_agrees(
    qtbot: QtBot, store: Engine, answers: Answers
) -> None:
    editor = _open(qtbot, store, answers)
    tab = editor.templates
    body = _body(editor)
    body["sections"][1]["questions"] = [
        q for q in body["sections"][1]["questions"] if q["id"] != "syncope"
    ]
    body["red_flags"] = [r for r in body["red_flags"] if r["id"] != "fainting"]
    tab.editor.setPlainText(json.dumps(body, ensure_ascii=False, indent=2))
    answers.yes = False
    tab.save()
    qtbot.waitUntil(lambda: tab.result.text() == "Not saved.", timeout=10_000)
    assert "Removed: syncope" in answers.asked[0]
    assert _versions(store, "cardiology") == [1]
    answers.yes = True
    with qtbot.waitSignal(tab.sig_saved, timeout=10_000):
        tab.save()
    assert _versions(store, "cardiology") == [1, 2]


def test_wrong_version_number_is_refused_with_the_reason(
    qtbot: QtBot, store: Engine, answers: Answers
) -> None:
    editor = _open(qtbot, store, answers)
    tab = editor.templates
    body = _body(editor)
    body["version"] = 5
    tab.editor.setPlainText(json.dumps(body, ensure_ascii=False, indent=2))
    with qtbot.waitSignal(tab.sig_refused, timeout=10_000) as refused:
        tab.save()
    assert refused.args == [
        "Template 'cardiology': the latest stored version is 1, so the new one must be "
        "version 2, not 5."
    ]


def test_template_file_is_imported_into_the_editor_and_saved(
    qtbot: QtBot, store: Engine, answers: Answers, tmp_path: Path
) -> None:
    editor = _open(qtbot, store, answers)
    tab = editor.templates
    # A hospital's own variant of the shipped stroke template, under a code of its own.
    body = json.loads((RESOURCES / "questionnaires" / "neurology_stroke.json").read_text("utf-8"))
    body["code"] = "stroke_rehab"
    answers.file = tmp_path / "stroke_rehab.json"
    answers.file.write_text(json.dumps(body, ensure_ascii=False), "utf-8")
    _activate(qtbot, editor)
    qtbot.keyClick(tab.table, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert _body(editor)["code"] == "stroke_rehab"
    assert tab.status.text().startswith("OK — ")
    with qtbot.waitSignal(tab.sig_saved, timeout=10_000):
        tab.save()
    qtbot.waitUntil(lambda: "stroke_rehab" in tab.model.keys, timeout=10_000)
    assert _cells(editor, "stroke_rehab")[3] == "Neurology"  # the specialty in words


def test_malformed_script_shows_the_reason_and_a_valid_one_is_saved(
    qtbot: QtBot, store: Engine, answers: Answers
) -> None:
    editor = _open(qtbot, store, answers)
    tab = editor.scripts
    editor.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.code.text() == "cardiology", timeout=10_000)
    assert tab.status.text().startswith("OK — 4 sections")
    assert "王先生" in tab.preview.toPlainText()
    old = load_script(store, "cardiology").body
    tab.editor.setPlainText(old.replace("{agent_name}", "{nurse}"))
    qtbot.waitUntil(lambda: "unknown placeholder '{nurse}'" in tab.status.text(), timeout=3000)
    reason = tab.status.text()
    assert reason.startswith("Line 5 (section '[introduction]'): unknown placeholder '{nurse}'")
    with qtbot.waitSignal(tab.sig_refused) as refused:
        _activate(qtbot, editor)
        qtbot.keyClick(tab.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert refused.args == [reason]
    assert load_script(store, "cardiology").body == old

    tab.editor.setPlainText(old.replace("五分钟", "三分钟"))
    with qtbot.waitSignal(tab.sig_saved, timeout=10_000):
        tab.save()
    assert "三分钟" in load_script(store, "cardiology").body
    [edit] = script_history(store, "cardiology")
    assert edit.previous_body == old
    assert tab.result.text() == (
        "Saved script 'cardiology'; the previous text is kept in the audit log."
    )


def test_a_template_nested_too_deep_is_refused_in_the_admins_language(
    qtbot: QtBot, store: Engine, answers: Answers, qapp: QApplication
) -> None:
    editor = _open(qtbot, store, answers)
    tab = editor.templates
    tab.editor.setPlainText(nested_not_text(100_000))
    reason = "The template nests objects and lists more than 32 levels deep."
    qtbot.waitUntil(lambda: tab.status.text() == reason, timeout=5000)
    with qtbot.waitSignal(tab.sig_refused) as refused:
        qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert refused.args == [reason]
    assert _versions(store, "cardiology") == [1]

    locale = QLocale()
    try:
        install_translations(qapp, "zh_CN")
        tab.check.check_now()
        assert tab.status.text() == "模板中对象和列表的嵌套超过 32 层。"
    finally:  # leave the app as other tests expect it
        remove_translations(qapp)
        QLocale.setDefault(locale)
        qapp.setProperty(LANGUAGE_PROPERTY, None)


def test_a_refused_template_and_script_are_said_in_chinese(
    qtbot: QtBot, store: Engine, answers: Answers, qapp: QApplication
) -> None:
    editor = _open(qtbot, store, answers)
    tab = editor.templates
    locale = QLocale()
    try:
        install_translations(qapp, "zh_CN")
        body = _body(editor)
        question = body["sections"][1]["questions"][0]
        kind, question["type"] = question["type"], "slider"
        tab.editor.setPlainText(json.dumps(body, ensure_ascii=False, indent=2))
        reason = (
            "分节“symptoms”中的问题“chest_pain”：未知的类型 'slider'；应为 single, multi, "
            "scale, number, date, text, yes_no 之一。"
        )
        qtbot.waitUntil(lambda: tab.status.text() == reason, timeout=3000)
        with qtbot.waitSignal(tab.sig_refused) as refused:
            qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
        assert refused.args == [reason]
        assert tab.result.text().endswith(reason) and "Not saved" not in tab.result.text()

        # A refusal of the store (the version number) is said in Chinese as well.
        question["type"] = kind
        body["version"] = 5
        tab.editor.setPlainText(json.dumps(body, ensure_ascii=False, indent=2))
        with qtbot.waitSignal(tab.sig_refused, timeout=10_000) as refused:
            tab.save()
        assert refused.args == [
            "模板“cardiology”：已保存的最新版本是 1，新版本必须是 2，不能是 5。"
        ]

        scripts = editor.scripts
        editor.tabs.setCurrentWidget(scripts)
        qtbot.waitUntil(lambda: scripts.code.text() == "cardiology", timeout=10_000)
        old = load_script(store, "cardiology").body
        scripts.editor.setPlainText(old.replace("{agent_name}", "{nurse}"))
        qtbot.waitUntil(lambda: "{nurse}" in scripts.status.text(), timeout=3000)
        assert scripts.status.text().startswith(
            "第 5 行（分节“[introduction]”）：未知的占位符“{nurse}”；已知的占位符有 patient_name"
        )
        assert _versions(store, "cardiology") == [1]
    finally:  # leave the app as other tests expect it
        remove_translations(qapp)
        QLocale.setDefault(locale)
        qapp.setProperty(LANGUAGE_PROPERTY, None)
