"""The self-test's checks that need Qt: the translations, the platform and multimedia plugins,
and the sign-in screen. A bundle that left out a plugin or a catalog fails these offscreen,
which is why packaging runs them as its smoke test.

They run on the thread that owns the QApplication (``Check.on_owner_thread``).
"""

from __future__ import annotations

import sys

from agent_app.config import Settings
from agent_app.selftest.result import CheckName, CheckResult, Status
from agent_app.selftest.runner import Check, SelfTestContext
from agent_app.ui.qt import QApplication, QTranslator
from agent_app.ui.translations import LANGUAGES, compiled_catalog


def application() -> QApplication:
    """The running QApplication, created (on the platform QT_QPA_PLATFORM names) if none."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    return app


def check_translations(_context: SelfTestContext) -> CheckResult:
    """Every language's compiled catalog loads and holds texts."""
    for language in LANGUAGES:
        catalog = compiled_catalog(language)
        translator = QTranslator()
        if catalog is None or not translator.load(catalog.name, str(catalog.parent)):
            return CheckResult.of(
                CheckName.TRANSLATIONS, Status.RED, "translations_missing", language=language
            )
        if translator.isEmpty():
            return CheckResult.of(
                CheckName.TRANSLATIONS, Status.RED, "translations_missing", language=language
            )
    return CheckResult.of(CheckName.TRANSLATIONS, Status.GREEN, "translations_ok")


def check_platform(_context: SelfTestContext) -> CheckResult:
    """Qt found a platform plugin (without one, creating the application already aborts)."""
    platform = application().platformName()
    if not platform:
        return CheckResult.of(CheckName.QT_PLATFORM, Status.RED, "qt_platform_failed")
    return CheckResult.of(CheckName.QT_PLATFORM, Status.GREEN, "qt_platform_ok", platform=platform)


def check_multimedia(_context: SelfTestContext) -> CheckResult:
    """Qt Multimedia and its backend plugin load: the recordings player needs them. A player
    without a backend says it is not available; sound devices are not needed for that."""
    application()
    try:
        from agent_app.ui.qt_media import QMediaPlayer
    except ImportError as exc:
        return CheckResult.of(
            CheckName.QT_MULTIMEDIA, Status.RED, "qt_multimedia_failed", cause=exc
        )
    player = QMediaPlayer()
    try:
        available = player.isAvailable()
    finally:
        player.deleteLater()
    if not available:
        return CheckResult.of(CheckName.QT_MULTIMEDIA, Status.RED, "qt_multimedia_failed")
    return CheckResult.of(CheckName.QT_MULTIMEDIA, Status.GREEN, "qt_multimedia_ok")


def check_sign_in(context: SelfTestContext) -> CheckResult:
    """The sign-in screen of the store the store check opened is built, shown and closed."""
    if context.store is None:  # the store check already said why, in red or amber
        return CheckResult.of(CheckName.SIGN_IN, Status.AMBER, "sign_in_no_store")
    from agent_app.store.repositories.staff import list_accounts
    from agent_app.ui.login_dialog import LoginDialog

    app = application()
    try:
        engine = context.store.engine
        dialog = LoginDialog(engine, list_accounts(engine), rules=context.settings.sign_in)
    except Exception as exc:  # the store answered but the screen could not be built
        detail = f"{type(exc).__name__}: {exc}"
        return CheckResult.of(CheckName.SIGN_IN, Status.RED, "sign_in_failed", detail=detail)
    try:
        dialog.show()
        app.processEvents()
        shown = dialog.isVisible()
    finally:
        dialog.close()
        dialog.deleteLater()
        app.processEvents()
    if not shown:
        return CheckResult.of(CheckName.SIGN_IN, Status.RED, "sign_in_failed", detail="not shown")
    return CheckResult.of(CheckName.SIGN_IN, Status.GREEN, "sign_in_ok")


TRANSLATIONS = Check(CheckName.TRANSLATIONS, check_translations)
QT_PLATFORM = Check(CheckName.QT_PLATFORM, check_platform, on_owner_thread=True)
QT_MULTIMEDIA = Check(CheckName.QT_MULTIMEDIA, check_multimedia, on_owner_thread=True)
SIGN_IN = Check(CheckName.SIGN_IN, check_sign_in, on_owner_thread=True)


def self_test_checks(settings: Settings, *, sign_in: bool = True) -> list[Check]:
    """Every check in order: this computer, then Qt, then the headset, line and server.
    ``sign_in``: include the sign-in screen (not inside a desk that is already signed in)."""
    from agent_app.selftest.catalog import LOCAL_CHECKS, connected_checks

    qt = [TRANSLATIONS, QT_PLATFORM, QT_MULTIMEDIA, *([SIGN_IN] if sign_in else [])]
    return [*LOCAL_CHECKS, *qt, *connected_checks(settings)]
