"""Translations: both catalogs complete and current, placeholders kept, widgets speak them."""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine

from agent_app.domain.enums import Role
from agent_app.domain.views import StaffAccount
from agent_app.ui.language import LANGUAGE_PROPERTY, desk_language
from agent_app.ui.login_dialog import LoginDialog
from agent_app.ui.qt import QApplication, QDialogButtonBox, QLocale
from agent_app.ui.translations import (
    LANGUAGES,
    TRANSLATIONS_DIR,
    LanguageMenu,
    chosen_language_path,
    compiled_catalog,
    install_translations,
    preferred_language,
    remove_translations,
    resolve_language,
)

ROOT = Path(__file__).resolve().parents[2]
LUPDATE = ROOT / ".venv" / "bin" / "pyside6-lupdate"
FIX = "run `bash scripts/update_translations.sh`, then translate what it lists"
PLACEHOLDER = re.compile(r"\{[A-Za-z_]\w*(?::[^{}]*)?\}|\{\d*(?::[^{}]*)?\}|%n|%L?\d+")
Key = tuple[str, str, str]


def catalog(language: str) -> Path:
    return TRANSLATIONS_DIR / f"agent_app_{language}.ts"


def messages(path: Path) -> Iterator[tuple[Key, ET.Element]]:
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.findall("message"):
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            yield key, message


def translations(message: ET.Element) -> list[str]:
    node = message.find("translation")
    assert node is not None
    forms = node.findall("numerusform")
    return [form.text or "" for form in forms] if forms else [node.text or ""]


@pytest.fixture
def speaking(qapp: QApplication) -> Iterator[QApplication]:
    """Leave the app as other tests expect it: no catalogs, default locale, no language."""
    locale = QLocale()
    yield qapp
    remove_translations(qapp)
    QLocale.setDefault(locale)
    qapp.setProperty(LANGUAGE_PROPERTY, None)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_in_the_catalog_is_finished(language: str) -> None:
    unfinished = []
    for (context, source, _), message in messages(catalog(language)):
        node = message.find("translation")
        kind = node.get("type") if node is not None else "missing"
        if kind is not None or not all(form.strip() for form in translations(message)):
            unfinished.append(f"{context}: {source!r} ({kind or 'empty'})")
    assert not unfinished, (
        f"{len(unfinished)} {language} entries are not finished; {FIX}:\n" + "\n".join(unfinished)
    )


def test_the_catalogs_hold_every_translatable_string_in_the_ui(tmp_path: Path) -> None:
    for language in LANGUAGES:
        shipped = catalog(language)
        fresh = tmp_path / shipped.name
        shutil.copy(shipped, fresh)
        scan = [str(LUPDATE), "-silent", "-extensions", "py", "-no-obsolete", "-locations", "none"]
        subprocess.run(
            [*scan, "agent_app/ui", "-ts", str(fresh)],
            cwd=ROOT,
            check=True,
            capture_output=True,
            timeout=120,
        )
        before = {key for key, _ in messages(shipped)}
        after = {key for key, _ in messages(fresh)}
        missing = sorted(after - before)
        stale = sorted(before - after)
        listing = [f"  new in the code: {c}: {s!r}" for c, s, _ in missing]
        listing += [f"  gone from the code: {c}: {s!r}" for c, s, _ in stale]
        assert not listing, f"{shipped.name} is out of date; {FIX}:\n" + "\n".join(listing)


def test_chinese_translations_keep_the_placeholders_and_accelerators() -> None:
    wrong = []
    for (context, source, _), message in messages(catalog("zh_CN")):
        for form in translations(message):
            if Counter(PLACEHOLDER.findall(form)) != Counter(PLACEHOLDER.findall(source)):
                wrong.append(f"{context}: {source!r} -> {form!r} (placeholders)")
            if ("&" in source.replace("&&", "")) != ("&" in form.replace("&&", "")):
                wrong.append(f"{context}: {source!r} -> {form!r} (accelerator)")
    assert not wrong, "\n".join(wrong)


def _login(qtbot: QtBot) -> LoginDialog:
    account = StaffAccount(1, "wang", "王芳", Role.SUPERVISOR, 1, "心内科")
    dialog = LoginDialog(create_engine("sqlite://"), [account])
    qtbot.addWidget(dialog)
    return dialog


def test_the_sign_in_dialog_speaks_chinese_then_english(
    qtbot: QtBot, speaking: QApplication
) -> None:
    assert install_translations(speaking, "zh_CN") == "zh_CN"
    dialog = _login(qtbot)
    assert dialog.windowTitle() == "登录"  # Qt adds " — 随访工作台" itself
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).text() == "登录"
    # Qt's own catalog translates the standard buttons.
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"
    assert dialog.user_picker.tree.topLevelItem(0).child(0).text(0) == "王芳 · 护士长"
    assert desk_language() == "zh_CN"

    assert install_translations(speaking, "en") == "en"
    dialog = _login(qtbot)
    assert dialog.windowTitle() == "Sign in"
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancel"
    assert dialog.user_picker.tree.topLevelItem(0).child(0).text(0) == "王芳 · Supervisor"
    assert desk_language() == "en"


@pytest.mark.parametrize(
    ("setting", "language"),
    [("zh_CN", "zh_CN"), ("zh-cn", "zh_CN"), ("zh", "zh_CN"), ("en_US", "en"), ("EN", "en")],
)
def test_a_language_setting_is_read_in_any_usual_spelling(setting: str, language: str) -> None:
    assert resolve_language(setting) == language


def test_the_language_picked_in_the_menu_wins_over_the_setting_and_retitles_the_menu(
    qtbot: QtBot, speaking: QApplication
) -> None:
    install_translations(speaking, "en")
    menu = LanguageMenu()
    qtbot.addWidget(menu)
    assert menu.title() == "&Language" and menu.language_actions["en"].isChecked()
    with qtbot.waitSignal(menu.sig_language_chosen) as chosen:
        menu.language_actions["zh_CN"].trigger()
    assert chosen.args == ["zh_CN"]
    qtbot.waitUntil(lambda: menu.title() == "语言(&L)", timeout=2000)
    assert menu.notice().startswith("界面语言已切换")
    assert chosen_language_path().read_text(encoding="utf-8").strip() == "zh_CN"
    assert preferred_language("en") == "zh_CN"


def test_a_missing_or_stale_catalog_is_compiled_on_first_use(tmp_path: Path) -> None:
    shutil.copy(catalog("zh_CN"), tmp_path)
    built = compiled_catalog("zh_CN", tmp_path)
    assert built == tmp_path / "agent_app_zh_CN.qm"
    translator = QTranslator()
    assert translator.load(str(built))
    assert translator.translate("LoginDialog", "Sign in") == "登录"

    os.utime(built, (1_000_000, 1_000_000))  # older than its .ts: a translator changed it
    assert compiled_catalog("zh_CN", tmp_path) == built
    assert built.stat().st_mtime > 1_000_000


def _contexts_looked_up_at_run_time() -> set[str]:
    """Class names in ui/ (``self.tr`` looks up the class and its bases) and the contexts
    named in ``translate("Context", ...)`` calls."""
    contexts = set()
    for path in (ROOT / "agent_app" / "ui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                contexts.add(node.name)
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute | ast.Name)
                and getattr(node.func, "attr", getattr(node.func, "id", "")) == "translate"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                contexts.add(str(node.args[0].value))
    return contexts


def test_every_catalog_context_is_one_the_code_looks_up() -> None:
    wanted = _contexts_looked_up_at_run_time()
    dead = sorted({(c, s) for (c, s, _), _ in messages(catalog("zh_CN")) if c not in wanted})
    assert not dead, (
        "These strings are filed under a context Qt never asks for, so they always show in "
        "English. `x.tr()` on another object or an aliased `tr` makes lupdate take the variable "
        "name as the context; use QCoreApplication.translate('ClassName', '...') instead:\n"
        + "\n".join(f"  {c or '(empty)'}: {s!r}" for c, s in dead)
    )


ROLE_WORDS = {"Follow-up agent": "随访员", "Supervisor": "护士长", "Quality staff": "质控员",
              "Administrator": "管理员", "Doctor": "医生"}  # fmt: skip


def test_each_role_has_one_word_in_the_app_and_the_readme() -> None:
    names = {
        source: translations(message)
        for (context, source, _), message in messages(catalog("zh_CN"))
        if context == "RoleNames"
    }
    assert names == {english: [chinese] for english, chinese in ROLE_WORDS.items()}
    zh = [form for _, message in messages(catalog("zh_CN")) for form in translations(message)]
    # The word the supervisor role lost (主管护师, a nurse's title, is another word).
    assert not [form for form in zh if re.search("主管(?!护师|医师)", form)]
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    for english, chinese in ROLE_WORDS.items():
        assert f"{chinese}" in readme, english
    assert "主管" not in readme
