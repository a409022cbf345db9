"""Which language the desk speaks: load its Qt catalogs, follow the OS, switch at run time.

The catalogs are built from resources/translations/*.ts by ``pyside6-lrelease`` at set-up.
A fresh clone that skipped set-up still gets them: a missing or stale ``.qm`` is compiled
on first use by the same lrelease from the venv (a subprocess, no Qt in the build). We
chose that over reading the ``.ts`` in Python because a compiled catalog is what Qt looks
strings up in natively (no Python call per ``tr()``), and it is the same file the installer
ships.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

# Not in ui/qt.py yet (owned by the lead); only the language code needs these three.
from agent_app import APP_NAME
from agent_app.config import default_config_path
from agent_app.shipped_files import RESOURCES_DIR
from agent_app.ui.language import LANGUAGE_PROPERTY
from agent_app.ui.qt import (
    QAction,
    QActionGroup,
    QApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QMenu,
    QTranslator,
    QWidget,
    Signal,
)

log = logging.getLogger(__name__)

TRANSLATIONS_DIR = RESOURCES_DIR / "translations"
CATALOG = "agent_app"
LANGUAGES = ("zh_CN", "en")
# Shown in their own language so a user who cannot read the current one still finds theirs.
LANGUAGE_NAMES = {"zh_CN": "中文", "en": "English"}
_QT_LOCALES = {"zh_CN": "zh_CN", "en": "en_US"}

# Qt does not own installed translators; they must outlive the call that installs them.
_installed: list[QTranslator] = []


def system_language() -> str:
    """``zh_CN`` when the OS speaks Chinese, else ``en``."""
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def resolve_language(setting: str) -> str:
    """Map a setting ("", "zh_CN", "zh-cn", "zh", "en_US", …) to one of LANGUAGES."""
    wanted = setting.strip().replace("-", "_").lower()
    if not wanted:
        return system_language()
    if wanted.startswith("zh"):
        return "zh_CN"
    if wanted.startswith("en"):
        return "en"
    log.warning("Unknown language setting %r; following the system language", setting)
    return system_language()


def chosen_language_path() -> Path:
    """The per-user file that keeps the language picked in View → Language."""
    return default_config_path().parent / "language"


def remember_language(language: str) -> None:
    """Keep the user's choice for the next start; a read-only config dir only logs."""
    path = chosen_language_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(language + "\n", encoding="utf-8")
    except OSError as exc:
        log.warning("Could not remember the language choice in %s: %s", path, exc)


def preferred_language(setting: str) -> str:
    """The user's menu choice if any, else ``Settings.language``, else the OS language."""
    try:
        remembered = chosen_language_path().read_text(encoding="utf-8").strip()
    except OSError:
        remembered = ""
    return resolve_language(remembered or setting)


def _lrelease() -> str | None:
    beside_python = Path(sys.executable).parent / "pyside6-lrelease"
    for candidate in (beside_python, beside_python.with_suffix(".exe")):
        if candidate.exists():
            return str(candidate)
    return shutil.which("pyside6-lrelease")


def _compile(source: Path, target: Path) -> bool:
    tool = _lrelease()
    if tool is None:
        log.warning("pyside6-lrelease is not installed; %s cannot be compiled", source.name)
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    # Compile beside the target and rename, so a second desk starting at the same time
    # never loads a half-written catalog.
    handle, partial = tempfile.mkstemp(suffix=".qm", dir=target.parent)
    os.close(handle)
    try:
        subprocess.run(
            [tool, "-silent", str(source), "-qm", partial],
            check=True,
            capture_output=True,
            timeout=120,
        )
        os.replace(partial, target)
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("Could not compile %s: %s", source.name, exc)
        Path(partial).unlink(missing_ok=True)
        return False
    return True


def compiled_catalog(language: str, directory: Path = TRANSLATIONS_DIR) -> Path | None:
    """The ``.qm`` for ``language``, compiled now if missing or older than its ``.ts``."""
    source = directory / f"{CATALOG}_{language}.ts"
    target = directory / f"{CATALOG}_{language}.qm"
    if not source.exists():
        return target if target.exists() else None
    if target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
        return target
    if os.access(directory, os.W_OK) and _compile(source, target):
        return target
    # An installed, read-only tree: keep the build in the user's temp dir instead.
    fallback = Path(tempfile.gettempdir()) / f"{APP_NAME}-translations" / target.name
    if fallback.exists() and fallback.stat().st_mtime >= source.stat().st_mtime:
        return fallback
    return fallback if _compile(source, fallback) else None


def _load(app: QApplication, name: str, directory: str) -> QTranslator | None:
    translator = QTranslator()
    if not translator.load(name, directory):
        log.warning("Translation catalog %s not found in %s", name, directory)
        return None
    return translator


def remove_translations(app: QApplication) -> None:
    """Take out every catalog ``install_translations`` put in."""
    while _installed:
        app.removeTranslator(_installed.pop())


def install_translations(app: QApplication, language: str) -> str:
    """Speak ``language`` ("" = the OS language); return the one chosen, ``zh_CN`` or ``en``.

    Loads our catalog and, for Chinese, Qt's own (standard buttons such as OK/Cancel),
    replacing whatever an earlier call installed, and sets the ``desk_language`` property
    that questionnaire and script texts follow.
    """
    chosen = resolve_language(language)
    remove_translations(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ours = compiled_catalog(chosen)
    candidates = []
    if ours is not None:
        candidates.append(_load(app, ours.name, str(ours.parent)))
    else:
        log.warning("No %s catalog for the desk; its texts stay in English", chosen)
    if chosen != "en":
        candidates.append(_load(app, f"qtbase_{chosen}", qt_dir))
    for translator in candidates:
        if translator is not None:
            app.installTranslator(translator)
            _installed.append(translator)
    QLocale.setDefault(QLocale(_QT_LOCALES[chosen]))
    app.setProperty(LANGUAGE_PROPERTY, chosen)
    log.info("Desk language: %s", chosen)
    return chosen


def switch_language(app: QApplication, language: str) -> str:
    """Change the language now and for the next start.

    Widgets that handle ``QEvent.LanguageChange`` re-translate at once; texts set once at
    construction change when their window is built again (the next sign-in).
    """
    chosen = install_translations(app, language)
    remember_language(chosen)
    return chosen


class LanguageMenu(QMenu):
    """View → Language: one checkable entry per language; emits the language picked."""

    sig_language_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._group = QActionGroup(self)
        self._group.setExclusive(True)
        self.language_actions: dict[str, QAction] = {}
        app = QApplication.instance()
        current = app.property(LANGUAGE_PROPERTY) if app is not None else None
        for language in LANGUAGES:
            action = QAction(LANGUAGE_NAMES[language], self)
            action.setCheckable(True)
            action.setChecked(language == current)
            action.triggered.connect(lambda _=False, lang=language: self._choose(lang))
            self._group.addAction(action)
            self.addAction(action)
            self.language_actions[language] = action
        self._retranslate()

    def _retranslate(self) -> None:
        self.setTitle(self.tr("&Language"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _choose(self, language: str) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            switch_language(app, language)
        self.sig_language_chosen.emit(language)

    def notice(self) -> str:
        """What to tell the user after a switch (already in the new language)."""
        return self.tr("Language changed. Every window shows it from your next sign-in.")
