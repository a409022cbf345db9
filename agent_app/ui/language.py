"""Which language the questionnaire and script texts are shown in (they carry both)."""

from __future__ import annotations

from agent_app.ui.qt import QApplication, QLocale

LANGUAGE_PROPERTY = "desk_language"


def desk_language() -> str:
    """``zh_CN`` or ``en``: the language chosen at start-up, else the system's."""
    app = QApplication.instance()
    chosen = app.property(LANGUAGE_PROPERTY) if app is not None else None
    if isinstance(chosen, str) and chosen:
        return chosen
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"
