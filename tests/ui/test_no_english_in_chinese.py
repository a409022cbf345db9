"""Every screen in zh_CN shows no English word outside a short allowlist.

Field test: "You ended the call.", "Simulated line", "outbound · reached · completed",
complaint states, template and import errors and start-up errors reached a Chinese screen.
This opens every window each role can open, in zh_CN, and reads every visible text.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from agent_app.config import ScreenPopSettings
from agent_app.dialer.fake import FakeOdds, FakePhone
from agent_app.domain.enums import LineType, Role
from agent_app.store.engine import open_local_store
from agent_app.store.repositories.staff import list_accounts
from agent_app.store.schema import (
    Contact,
    Department,
    Episode,
    KnowledgeArticle,
    Patient,
    QuestionnaireTemplate,
    Staff,
)
from agent_app.ui.call_bar import CallBar
from agent_app.ui.desk_tools import add_tools
from agent_app.ui.login_dialog import LoginDialog
from agent_app.ui.main_window import MainWindow
from agent_app.ui.phone_bridge import PhoneBridge
from agent_app.ui.qt import (
    QAbstractItemView,
    QApplication,
    QCoreApplication,
    QFileDialog,
    QLabel,
    Qt,
    QWidget,
)
from agent_app.ui.screen_pop import ScreenPop
from tests.screenpop.known_hospital import WANG_HOME, WANG_MOBILE, build_known_hospital
from tests.ui.visible_words import english_on

SHIPPED = Path(__file__).resolve().parents[2] / "resources" / "questionnaires"
# Names of standards and file types, units, and key names: the same in Chinese screens.
ALLOWED = frozenset(
    {"SIP", "ICD", "PDF", "CSV", "XLSX", "MRN", "HL7", "HIS", "QA", "ID", "SMS", "Ctrl"}
    | {"Shift", "Alt", "Enter", "Esc", "Tab", "Space", "mmHg", "kg", "cm", "bpm", "WAV"}
    | {"English"}  # the language menu names each language in itself
    | {"chinesecalendar"}  # the holiday data package IT upgrades, named as pip knows it
    | {"TD"}  # the unsubscribe keyword of Chinese text messages (回复TD退订)
)


def _data_words(engine: Engine) -> frozenset[str]:
    """Words that are the hospital's own data (foreign patients' names, staff user names)."""
    with Session(engine) as session:
        texts = [
            *session.scalars(select(Patient.name)),
            *session.scalars(select(Patient.address)),
            *session.scalars(select(Contact.name)),
            *session.scalars(select(Staff.full_name)),
            *session.scalars(select(Staff.username)),
            *session.scalars(select(Department.name)),
            *session.scalars(select(Department.code)),
            # an article's slug is its identifier, as a department's code is
            *(
                w
                for slug in session.scalars(select(KnowledgeArticle.slug))
                for w in slug.split("-")
            ),
            *session.scalars(select(Episode.diagnosis_name)),
            *session.scalars(select(Episode.ward)),
            *session.scalars(select(QuestionnaireTemplate.code)),  # the admin's own names
            *(json.loads(p.read_text("utf-8"))["code"] for p in SHIPPED.glob("*.json")),
        ]
    return frozenset(
        word.lower() for text in texts if text for word in text.replace(".", " ").split()
    )


def _main_window(qtbot: QtBot, engine: Engine, role: Role) -> MainWindow:
    account = next(a for a in list_accounts(engine) if a.role is role)
    line = QCoreApplication.translate("DeskSession", "Line: simulated (demo)")
    window = MainWindow(engine, account, line)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    add_tools(window)
    return window


def _open_every_tool(qtbot: QtBot, window: MainWindow) -> list[QWidget]:
    menus = [m for m in (window.menus.supervision, window.menus.admin) if m is not None]
    entries = [a for m in menus for a in m.actions()]
    entries += [a for a in window.menus.followup.actions() if a.text().endswith("…")]
    for entry in entries:
        if entry.text().endswith("…"):
            entry.trigger()
    qtbot.wait(1500)  # the tools load their tables in the background
    return [w for w in QApplication.topLevelWidgets() if w.isVisible()] + [
        w for w in window.findChildren(QWidget) if w.isWindow() and w.isVisible()
    ]


@pytest.mark.parametrize("role", [Role.AGENT, Role.SUPERVISOR, Role.QUALITY, Role.ADMIN])
def test_every_window_of_a_role_speaks_chinese(
    qtbot: QtBot, ui_store: Engine, chinese: None, role: Role
) -> None:
    window = _main_window(qtbot, ui_store, role)
    if role is Role.AGENT:
        window.next_action.trigger()
        qtbot.waitUntil(lambda: window.followup is not None, timeout=5000)
    windows = _open_every_tool(qtbot, window)
    assert len(windows) > (1 if role is Role.AGENT else 3)
    wrong = english_on(set(windows), ALLOWED, _data_words(ui_store), lambda: qtbot.wait(400))
    assert wrong == [], "\n".join(wrong)


def test_the_sign_in_dialog_speaks_chinese(qtbot: QtBot, ui_store: Engine, chinese: None) -> None:
    dialog = LoginDialog(ui_store, list_accounts(ui_store))
    qtbot.addWidget(dialog)
    dialog.show()
    assert english_on([dialog], ALLOWED, _data_words(ui_store)) == []


def test_a_callback_pop_and_an_ended_call_speak_chinese(
    qtbot: QtBot, tmp_path: Path, chinese: None
) -> None:
    """The callback card of a patient with history, then the call bar after the call ended."""
    engine = open_local_store(tmp_path / "desk.sqlite3")
    hospital = build_known_hospital(engine)
    phone = FakePhone(voice_cache=tmp_path / "voices")
    bridge = PhoneBridge(phone)
    try:
        pop = ScreenPop(
            bridge, engine, hospital.cardiology_nurse, ScreenPopSettings(), line=LineType.FAKE
        )
        bar = CallBar(bridge, tmp_path / "recordings")
        qtbot.addWidget(pop.card)
        qtbot.addWidget(bar)
        bar.show()
        with qtbot.waitSignal(pop.sig_shown, timeout=5000):
            phone.simulate_incoming(WANG_MOBILE)
        assert english_on([pop.card], ALLOWED, _data_words(engine)) == []

        with qtbot.waitSignal(bridge.sig_ended, timeout=5000):
            qtbot.mouseClick(pop.card.reject_button, Qt.MouseButton.LeftButton)
        phone.odds = FakeOdds(answer=0, no_answer=0, busy=1, wrong_number=0)
        with qtbot.waitSignal(bar.sig_call_ended, timeout=5000):
            bar.dial(WANG_HOME)
        wrong = english_on([bar, pop.card], ALLOWED, _data_words(engine))
        assert wrong == [], "\n".join(wrong)
    finally:
        bridge.stop()
        engine.dispose()


def test_the_file_dialog_speaks_chinese(qtbot: QtBot, tmp_path: Path, chinese: None) -> None:
    """Qt's own catalog misses Qt 6's "&Look in:" and "Files of &type:"; the desk fills them."""
    (tmp_path / "exports").mkdir()
    (tmp_path / "discharges.csv").write_text("", encoding="utf-8")
    dialog = QFileDialog(None, "", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    types = dialog.findChild(QAbstractItemView, "treeView")
    assert types is not None
    qtbot.waitUntil(lambda: types.model().rowCount(types.rootIndex()) == 2, timeout=5000)
    shown = [label.text() for label in dialog.findChildren(QLabel)]
    shown += [types.model().index(r, 2, types.rootIndex()).data() for r in range(2)]
    wrong = [t for t in shown if re.search(r"[A-Za-z]{3,}", t.replace("CSV", ""))]
    assert wrong == [], wrong
    assert any("查找范围" in t for t in shown) and any("文件类型" in t for t in shown)
