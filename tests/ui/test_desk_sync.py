"""The signed-in desk syncs: claims go through leases, the first sync fills an empty desk and
its queue, and the status bar says so, and says for good when the connection is not verified."""

# The central-server fixtures of tests/sync are imported by name, so the test arguments
# that use them "redefine" the imports.
# ruff: noqa: F811

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, create_engine, func, select, text
from sqlalchemy.orm import Session

from agent_app.config import Settings, load_settings
from agent_app.domain.enums import Role, TaskStatus
from agent_app.domain.views import StaffAccount
from agent_app.store.engine import check_server, create_server_engine, open_local_store
from agent_app.store.migrate import upgrade_to_head
from agent_app.store.repositories.staff import list_accounts
from agent_app.store.repositories.tasks import QueueScope, count_queue
from agent_app.store.schema import FollowupTask, Patient
from agent_app.sync.leases import LocalTaskLeases
from agent_app.sync.logins import provision_staff_login
from agent_app.sync.pull import pull_changes
from agent_app.sync.push import push_pending
from agent_app.ui.desk_sync import attach_sync, desk_leases, server_engine
from agent_app.ui.first_sync_dialog import FirstSyncDialog
from agent_app.ui.main_window import ALL_OPEN, MainWindow
from agent_app.ui.qt import Qt
from agent_app.ui.sync_status import SyncStatusWidget
from tests.sync.conftest import as_staff, hospital_template, local, server  # noqa: F401
from tests.sync.desk_actions import open_tasks, save_call_result
from tests.sync.small_hospital import seed_small_hospital
from tests.tls_certs import TlsServer
from tests.ui.conftest import seeded_sqlite


@pytest.fixture
def desk_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    yield from seeded_sqlite(tmp_path_factory, 40, seed=4)


def test_without_a_server_next_follow_up_is_claimed_in_the_local_store(
    qtbot: QtBot, desk_store: Engine, tmp_path: Path
) -> None:
    agent = next(
        a
        for a in list_accounts(desk_store)
        if a.role is Role.AGENT and count_queue(desk_store, QueueScope.for_account(a))
    )
    leases = desk_leases(Settings(), desk_store, None, agent)
    assert isinstance(leases, LocalTaskLeases)
    window = MainWindow(desk_store, agent, "", drafts_dir=tmp_path, leases=leases)
    qtbot.addWidget(window)
    window.open_next()
    qtbot.waitUntil(lambda: window.followup is not None, timeout=5000)
    assert window.followup is not None
    assert window.writer.wait()  # the screen marks the task in progress off the GUI thread
    with Session(desk_store) as session:
        task = session.get_one(FollowupTask, window.followup.work.task_id)
        assert task.lease_owner_id == agent.id
        assert task.status is TaskStatus.IN_PROGRESS


def test_first_sync_fills_an_empty_desk_and_its_queue(
    qtbot: QtBot,
    server: Engine,
    local: Engine,
    as_staff: Callable[[str], Engine],
    tmp_path: Path,
) -> None:
    nurse = StaffAccount(1, "nurse1", "护士1", Role.AGENT, 2, "外科")
    central = as_staff(nurse.username)
    leases = desk_leases(Settings(), local, central, nurse)
    window = MainWindow(local, nurse, "", drafts_dir=tmp_path, leases=leases)
    qtbot.addWidget(window)
    window.window_box.setCurrentIndex(window.window_box.findData(ALL_OPEN))
    assert window.model.rowCount() == 0  # nothing on the desk yet
    window.show()
    controller = attach_sync(window, Settings(), central, leases)
    dialog = window.findChild(FirstSyncDialog)
    assert dialog is not None and dialog.isVisible()
    # Before the cycle reports its end, the queue is asked to show its first page: the dialog
    # closes and the queue is counted again (off the GUI thread), finding the first page's rows.
    early: list[tuple[bool, bool]] = []
    counted: list[int] = []
    controller.sig_queue_ready.connect(
        lambda: early.append((controller.status.last_success_at is None, dialog.isVisible()))
    )
    window.model.sig_counted.connect(lambda rows: counted.append(rows) if early else None)
    qtbot.waitUntil(lambda: controller.status.last_success_at is not None, timeout=30_000)
    assert early == [(True, False)]  # the sync still running, the dialog closed
    qtbot.waitUntil(lambda: bool(counted), timeout=15_000)
    assert counted[0] > 0
    with Session(local) as session:
        assert session.scalar(select(func.count()).select_from(Patient)) > 0
    qtbot.waitUntil(lambda: window.model.rowCount() > 0, timeout=5000)
    status = window.findChild(SyncStatusWidget)
    assert status is not None and not window.server_label.isVisible()
    assert any(a.shortcut().toString() == "F9" for a in window.menus.followup.actions())
    controller.shutdown()


@pytest.fixture(scope="module")
def tls_hospital(tls_pg_server: TlsServer) -> Iterator[TlsServer]:
    """The small hospital on the PostgreSQL that speaks TLS, with nurse1's own login."""
    server = tls_pg_server.server
    admin = create_engine(server.url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text('CREATE DATABASE "followup"'))
    admin.dispose()
    engine = create_server_engine(server.url("followup"))
    upgrade_to_head(engine)
    seed_small_hospital(engine)
    provision_staff_login(engine, "nurse1", "pw-nurse1")
    engine.dispose()
    yield tls_pg_server


def _sync_over_tls(
    qtbot: QtBot, hospital: TlsServer, local: Engine, tmp_path: Path, env: dict[str, str]
) -> SyncStatusWidget:
    """Sign nurse1's desk in with these [server] settings and wait for a complete sync."""
    server = hospital.server
    settings = load_settings(
        {
            "AGENT_APP_SERVER_HOST": server.host,
            "AGENT_APP_SERVER_PORT": str(server.port),
            **{f"AGENT_APP_SERVER_{name.upper()}": value for name, value in env.items()},
        }
    )
    nurse = StaffAccount(1, "nurse1", "护士1", Role.AGENT, 2, "外科")
    central = server_engine(settings, nurse, "pw-nurse1")
    assert central is not None
    check_server(central)
    leases = desk_leases(settings, local, central, nurse)
    window = MainWindow(local, nurse, "", drafts_dir=tmp_path, leases=leases)
    qtbot.addWidget(window)
    window.show()
    controller = attach_sync(window, settings, central, leases)
    window.destroyed.connect(central.dispose)
    qtbot.waitUntil(lambda: controller.status.last_success_at is not None, timeout=30_000)
    status = window.findChild(SyncStatusWidget)
    assert status is not None
    return status


def test_a_weak_tls_allowed_in_the_settings_connects_and_the_status_bar_says_so_for_good(
    qtbot: QtBot, tls_hospital: TlsServer, local: Engine, tmp_path: Path
) -> None:
    status = _sync_over_tls(
        qtbot, tls_hospital, local, tmp_path, {"sslmode": "require", "allow_weak_tls": "1"}
    )
    assert status.tls_warning.isVisible()
    assert status.tls_warning.text() == "Connection to the server is not verified"
    assert "allow_weak_tls" in status.tls_warning.toolTip()
    qtbot.mouseClick(status.button, Qt.MouseButton.LeftButton)  # a later cycle keeps it
    qtbot.waitUntil(lambda: status.status.cycles >= 2 and not status.status.syncing)
    assert status.tls_warning.isVisible()


def test_a_verified_connection_shows_no_tls_warning(
    qtbot: QtBot, tls_hospital: TlsServer, local: Engine, tmp_path: Path
) -> None:
    status = _sync_over_tls(
        qtbot, tls_hospital, local, tmp_path, {"ca_file": str(tls_hospital.ca_file)}
    )
    assert status.label.isVisible() and not status.tls_warning.isVisible()


def test_a_supervisors_statistics_count_the_calls_and_results_other_desks_pushed(
    qtbot: QtBot,
    server: Engine,
    local: Engine,
    as_staff: Callable[[str], Engine],
    tmp_path: Path,
) -> None:
    """Desks never pull each other's calls and results, so the supervisor's statistics tool
    on a desk with a central server reads the server (as the supervisor's own login)."""
    from agent_app.ui.desk_tools import add_tools
    from agent_app.ui.reports.dashboard import StatsDashboard, hospital_today
    from agent_app.ui.reports.dashboard_figures import Page

    agent_desk = open_local_store(tmp_path / "agent.sqlite3")
    nurse2 = as_staff("nurse2")  # an agent of department 1
    pull_changes(agent_desk, nurse2)
    with agent_desk.connect() as connection:
        in_department_1 = set(
            connection.execute(
                select(FollowupTask.id).where(FollowupTask.department_id == 1)
            ).scalars()
        )
    task_id = next(t for t, staff in open_tasks(agent_desk) if staff == 2 and t in in_department_1)
    save_call_result(agent_desk, task_id, 2)
    assert push_pending(agent_desk, nurse2).quarantined == 0
    agent_desk.dispose()

    supervisor = StaffAccount(4, "nurse4", "护士4", Role.SUPERVISOR, 1, "心内科")
    central = as_staff(supervisor.username)
    pull_changes(local, central)
    window = MainWindow(local, supervisor, "", drafts_dir=tmp_path / "drafts")
    qtbot.addWidget(window)
    add_tools(window, central)
    assert window.menus.supervision is not None
    entry = next(a for a in window.menus.supervision.actions() if "Statistics" in a.text())
    entry.trigger()
    dashboard = window.findChild(StatsDashboard)
    assert dashboard is not None
    qtbot.waitUntil(lambda: dashboard.pages[Page.WORKLOAD].table is not None, timeout=60_000)
    dashboard.filter_bar.set_period(dt.date(2026, 11, 1), hospital_today())  # calls made now
    with qtbot.waitSignal(dashboard.sig_refreshed, timeout=60_000):
        dashboard.refresh_action.trigger()
    workload = dashboard.pages[Page.WORKLOAD].model
    rows = [
        [workload.index(r, c).data() for c in range(workload.columnCount())]
        for r in range(workload.rowCount())
    ]
    assert [(row[0], row[2], row[6]) for row in rows] == [("护士2", "1", "1")]  # calls, results
    satisfaction = dashboard.pages[Page.SATISFACTION].model
    assert satisfaction.rowCount() > 0 and satisfaction.index(0, 1).data() == "1"
