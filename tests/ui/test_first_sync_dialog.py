"""The first-sync dialog: table and rows so far, a cancel that waits for the worker, errors."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from agent_app.sync.pull import PULL_TABLES, PullProgress
from agent_app.sync.worker import SyncStatus
from agent_app.ui.first_sync_dialog import FirstSyncDialog
from agent_app.ui.qt import QDialog, QPushButton, Qt


def _click_cancel(qtbot: QtBot, dialog: FirstSyncDialog) -> None:
    button = dialog.findChild(QPushButton)
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _dialog(qtbot: QtBot) -> FirstSyncDialog:
    dialog = FirstSyncDialog(PULL_TABLES)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_pages_show_the_table_and_the_rows_so_far(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    dialog.on_page("patient", 1000)
    dialog.on_page("patient", 500)
    assert dialog.labelText() == "Fetching patients: 1,500 so far"
    assert dialog.value() == PULL_TABLES.index("patient")
    dialog.on_page("followup_task", 7)
    assert dialog.labelText() == "Fetching follow-up tasks: 7 so far"
    assert dialog.maximum() == len(PULL_TABLES)


def test_cancel_asks_once_and_the_dialog_closes_when_the_worker_stops(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    with qtbot.waitSignal(dialog.sig_cancel_requested):
        _click_cancel(qtbot, dialog)
    with qtbot.assertNotEmitted(dialog.sig_cancel_requested):
        _click_cancel(qtbot, dialog)
    assert dialog.isVisible() and dialog.labelText() == "Stopping after the current page…"
    dialog.on_failed("The sync was cancelled; it continues where it stopped at the next sync.")
    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible()


def test_a_failure_is_shown_and_close_dismisses_it(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    dialog.on_failed("Cannot reach the central database at db:5432 (timeout); working offline.")
    assert dialog.labelText().startswith("The first sync stopped: Cannot reach the central")
    assert dialog.isVisible()
    assert dialog.findChild(QPushButton).text() == "Close"  # type: ignore[union-attr]
    _click_cancel(qtbot, dialog)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected


def test_success_fills_the_bar_and_accepts(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    dialog.on_finished(SyncStatus(online=True, cycles=1))
    assert dialog.value() == dialog.maximum()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_progress_counts_rows_against_the_estimate_and_pages_no_longer_move_the_bar(
    qtbot: QtBot,
) -> None:
    dialog = _dialog(qtbot)
    dialog.on_progress(PullProgress("contact", 50_000, 200_000, queue_ready=False))
    dialog.on_page("contact", 20_000)
    assert dialog.labelText() == "Fetching phone numbers: 50,000 of about 200,000 rows"
    assert (dialog.value(), dialog.maximum()) == (250, 1000)


def test_the_dialog_closes_once_the_queue_first_page_is_in(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    dialog.on_progress(PullProgress("followup_task", 30, 200_000, queue_ready=True))
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()
