"""The tools each role opens from the menu bar, added once the main window exists.

Each tool is its own window, so an agent's follow-up on screen is never disturbed; a tool is
built on first use and shown again after that. Tools read the desk's local store (offline
first), except where the desk's copy cannot hold the answer: statistics and reports count every
desk's calls and results, which a desk never pulls, and spot-check sampling writes its tasks
where every desk will see them; both use the central server when one is configured.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine

from agent_app.config import Settings
from agent_app.domain.enums import Role
from agent_app.domain.national_holidays import holiday_data_status
from agent_app.ui.desk_menus import SUPERVISING
from agent_app.ui.main_window import MainWindow
from agent_app.ui.qt import QCoreApplication, QPushButton, Qt, QWidget


class _Tools:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.open_tools: dict[str, QWidget] = {}

    def opener(self, name: str, make: Callable[[], QWidget]) -> Callable[[], None]:
        def show() -> None:
            tool = self.open_tools.get(name)
            if tool is None:
                tool = self.open_tools[name] = make()
            tool.show()
            tool.raise_()
            tool.activateWindow()

        return show


def add_tools(
    window: MainWindow, server: Engine | None = None, settings: Settings | None = None
) -> None:
    """Every role: complaints and its own QA feedback. Supervisors and quality staff:
    recordings with QA scoring, statistics and reports, spot-check sampling. Administrators:
    questionnaires and scripts, the discharge import, and the calling calendar (whose
    warning, when the holiday data runs out, sits in the administrator's status bar).
    Supervisors and administrators: the knowledge base articles and the text message
    templates."""
    tools = _Tools(window)  # kept alive by the menu entries' callbacks
    cache = settings.data_dir / "recording-cache" if settings is not None else None
    window.recording_server, window.recording_cache = server, cache
    if window.account.role is Role.DOCTOR:
        return  # a doctor's desk is the red-flag inbox alone (ui/red_flags/desk_inbox.py)
    _add_everyones(window, tools)
    if window.account.role in SUPERVISING:
        _add_supervision(window, tools, server, cache)
    if window.account.role is Role.ADMIN:
        _add_admin(window, tools, server)
    if window.account.role in (Role.SUPERVISOR, Role.ADMIN):
        _add_knowledge_editor(window, tools)
        _add_sms_template_editor(window, tools)


def _add_everyones(window: MainWindow, tools: _Tools) -> None:
    from agent_app.ui.supervisor.complaints_screen import ComplaintsScreen
    from agent_app.ui.supervisor.my_feedback import MyFeedbackView

    engine, account, menus = window.engine, window.account, window.menus
    complaints = tools.opener(
        "complaints",
        lambda: _as_window(
            ComplaintsScreen(engine, account),
            window,
            QCoreApplication.translate("DeskTools", "Complaints and suggestions"),
        ),
    )
    menu = menus.supervision if account.role in SUPERVISING else menus.followup
    menus.add(
        menu, QCoreApplication.translate("DeskTools", "Complaints and suggestions…"), complaints
    )
    if account.role in (Role.AGENT, Role.SUPERVISOR):
        menus.add(
            menus.followup,
            QCoreApplication.translate("DeskTools", "QA feedback on my calls…"),
            tools.opener(
                "feedback",
                lambda: _as_window(
                    MyFeedbackView(engine, account),
                    window,
                    QCoreApplication.translate("DeskTools", "QA feedback on my calls"),
                ),
            ),
        )


def _add_supervision(
    window: MainWindow, tools: _Tools, server: Engine | None, cache: Path | None
) -> None:
    from agent_app.ui.reports.dashboard import StatsDashboard
    from agent_app.ui.supervisor.recordings_screen import RecordingsScreen
    from agent_app.ui.supervisor.sampling_screen import SamplingScreen
    from agent_app.ui.supervisor.sms_settle_screen import SmsSettleScreen

    engine, account, menus = window.engine, window.account, window.menus
    menus.add(
        menus.supervision,
        QCoreApplication.translate("DeskTools", "Recordings and QA scoring…"),
        tools.opener(
            "recordings",
            lambda: _as_window(
                RecordingsScreen(engine, account, server=server, cache_dir=cache),
                window,
                QCoreApplication.translate("DeskTools", "Recordings and QA scoring"),
            ),
        ),
        "Ctrl+Shift+R",
    )
    menus.add(
        menus.supervision,
        QCoreApplication.translate("DeskTools", "Statistics and reports…"),
        tools.opener(
            "statistics", lambda: _as_window(StatsDashboard(server or engine, account), window)
        ),
        "Ctrl+Shift+S",
    )
    menus.add(
        menus.supervision,
        QCoreApplication.translate("DeskTools", "Spot-check sampling…"),
        tools.opener(
            "sampling",
            lambda: _as_window(
                SamplingScreen(server or engine, account),
                window,
                QCoreApplication.translate("DeskTools", "Spot-check sampling"),
            ),
        ),
    )
    menus.add(
        menus.supervision,
        QCoreApplication.translate("DeskTools", "Text messages to check…"),
        tools.opener(
            "sms_settle",
            lambda: _as_window(SmsSettleScreen(engine, account), window, size=(980, 520)),
        ),
    )


def _add_admin(window: MainWindow, tools: _Tools, server: Engine | None) -> None:
    from agent_app.ui.admin.calendar_page import (
        CalendarPage,
        holiday_data_warning,
        hospital_today,
    )
    from agent_app.ui.template_editor import TemplateEditor

    engine, account, menus = window.engine, window.account, window.menus
    menus.add(
        menus.admin,
        QCoreApplication.translate("DeskTools", "Questionnaires and call scripts…"),
        tools.opener("templates", lambda: TemplateEditor(engine, account, window)),
    )
    menus.add(
        menus.admin,
        QCoreApplication.translate("DeskTools", "Discharge import and plans…"),
        tools.opener("his", lambda: _his_admin(window)),
    )
    # Exceptions are written where every desk pulls them from: the central server when there
    # is one, else this desk's store.
    calendar = tools.opener(
        "calendar",
        lambda: _as_window(
            CalendarPage(server or engine, account),
            window,
            QCoreApplication.translate("DeskTools", "Calling calendar"),
            (900, 560),
        ),
    )
    menus.add(menus.admin, QCoreApplication.translate("DeskTools", "Calling calendar…"), calendar)
    warning = holiday_data_warning(holiday_data_status(hospital_today()))
    if warning:  # only the administrator can act on it: agents are not told
        notice = QPushButton(
            QCoreApplication.translate("DeskTools", "Holiday data runs out"), window
        )
        notice.setObjectName("holidayDataWarning")
        notice.setFlat(True)
        notice.setStyleSheet("color: #b71c1c; font-weight: bold;")
        notice.setToolTip(warning)
        notice.clicked.connect(calendar)
        window.statusBar().addPermanentWidget(notice)
        window.statusBar().showMessage(warning, 60_000)


def _add_knowledge_editor(window: MainWindow, tools: _Tools) -> None:
    """Supervisors edit their department's articles, administrators every article."""
    from agent_app.ui.knowledge.editor import KnowledgeEditor

    engine, account, menus = window.engine, window.account, window.menus
    menu = menus.admin if account.role is Role.ADMIN else menus.supervision
    menus.add(
        menu,
        QCoreApplication.translate("DeskTools", "Knowledge base articles…"),
        tools.opener(
            "knowledge",
            lambda: _as_window(KnowledgeEditor(engine, account), window, size=(1180, 720)),
        ),
    )


def _add_sms_template_editor(window: MainWindow, tools: _Tools) -> None:
    """Supervisors edit and approve their department's text message templates,
    administrators every template and the hospital's own."""
    from agent_app.ui.sms_templates.editor import SmsTemplateEditor

    engine, account, menus = window.engine, window.account, window.menus
    menu = menus.admin if account.role is Role.ADMIN else menus.supervision
    menus.add(
        menu,
        QCoreApplication.translate("DeskTools", "Text message templates…"),
        tools.opener(
            "sms_templates",
            lambda: _as_window(SmsTemplateEditor(engine, account), window, size=(1080, 640)),
        ),
    )


def _his_admin(window: MainWindow) -> QWidget:
    from agent_app.ui.his_admin import HisAdminWidget

    widget = HisAdminWidget(window.engine)
    widget.sig_message.connect(lambda text: window.statusBar().showMessage(text, 30_000))
    return _as_window(
        widget, window, QCoreApplication.translate("DeskTools", "Discharge import"), (1000, 620)
    )


def _as_window(
    widget: QWidget, owner: MainWindow, title: str = "", size: tuple[int, int] | None = None
) -> QWidget:
    """A plain widget shown as its own window, closed with the main window."""
    widget.setParent(owner, Qt.WindowType.Window)
    if title:
        widget.setWindowTitle(title)
    if size is not None:
        widget.resize(*size)
    elif not widget.testAttribute(Qt.WidgetAttribute.WA_Resized):  # the screen chose none
        widget.resize(1100, 700)
    return widget
