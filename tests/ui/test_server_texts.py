"""Every failure of the central database reaches a Chinese screen in Chinese."""

from __future__ import annotations

import datetime as dt

from agent_app.store.server_errors import ServerCode, ServerUnavailableError
from agent_app.store.server_tls import ServerNotTrustedError, TlsProblem
from agent_app.sync.errors import SyncFullError, SyncNotTrustedError, SyncServerError
from agent_app.sync.leases import TaskTakenError, TaskUnavailableError
from agent_app.sync.recording_stream import RecordingUnavailableError
from agent_app.sync.version_gate import DeskTooOldError
from agent_app.sync.worker import DeskSyncError, SyncCancelledError
from agent_app.ui.server_texts import server_error_text
from tests.ui.visible_words import ENGLISH_WORD

WHERE = "10.8.0.5:5432"
# Settings keys the sentences name as they are written in the settings file.
SETTING_WORDS = {"server", "ca_file", "host", "TLS"}


def _failures() -> list[Exception]:
    where = {"where": WHERE}
    return [
        ServerUnavailableError(ServerCode.UNREACHABLE, reason="连接超时", **where),
        ServerUnavailableError(ServerCode.FULL, reason="连接过多", **where),
        SyncFullError(ServerCode.FULL, reason="连接过多", **where),
        SyncFullError(ServerCode.LOGIN_LIMIT, reason="连接过多", **where),
        SyncServerError(ServerCode.INCOMPLETE, reason="锁等待超时"),
        SyncServerError(ServerCode.NO_ANSWER, change="7d2c"),
        SyncCancelledError(),
        DeskSyncError("磁盘已满"),
        RecordingUnavailableError(ServerCode.RECORDING_MISSING),
        RecordingUnavailableError(ServerCode.RECORDING_INCOMPLETE),
        RecordingUnavailableError(ServerCode.RECORDING_MISMATCH),
        DeskTooOldError(ServerCode.DESK_TOO_OLD, version="0.1.0", min_version="0.2.0"),
        DeskTooOldError(ServerCode.SCHEMA_UNKNOWN, version="0.1.0", revision="0017"),
        *(ServerNotTrustedError(problem, WHERE) for problem in TlsProblem),
        *(SyncNotTrustedError(ServerNotTrustedError(problem, WHERE)) for problem in TlsProblem),
    ]


def test_every_server_failure_is_said_in_chinese(chinese: None) -> None:
    seen_codes = set()
    for failure in _failures():
        text = server_error_text(failure)
        english = set(ENGLISH_WORD.findall(text)) - SETTING_WORDS
        assert not english, (failure.code, text)  # type: ignore[attr-defined]
        assert WHERE in text or failure.code not in (ServerCode.UNREACHABLE, ServerCode.FULL)  # type: ignore[attr-defined]
        seen_codes.add(failure.code)  # type: ignore[attr-defined]
    assert seen_codes == set(ServerCode)


def test_a_full_server_is_not_said_to_be_unreachable(chinese: None) -> None:
    full = server_error_text(SyncFullError(ServerCode.FULL, where=WHERE, reason="x"))
    down = server_error_text(
        ServerUnavailableError(ServerCode.UNREACHABLE, where=WHERE, reason="x")
    )
    assert "已满" in full and "无法连接" not in full
    assert "无法连接" in down


def test_a_refused_claim_is_said_in_chinese(chinese: None) -> None:
    until = dt.datetime(2026, 12, 3, 2, 30, tzinfo=dt.UTC)
    refusals = [
        TaskTakenError(41, "王护士", until),
        TaskTakenError(41, "", until),
        TaskUnavailableError("task_closed", task=41),
        TaskUnavailableError("task_not_in_queue", task=41),
        TaskUnavailableError("task_unreadable", task=41),
    ]
    for refusal in refusals:
        text = server_error_text(refusal)
        assert not ENGLISH_WORD.findall(text), text
        assert "41" in text
    assert "王护士" in server_error_text(refusals[0])


def test_english_desks_read_the_same_failures_in_english() -> None:
    text = server_error_text(SyncFullError(ServerCode.FULL, where=WHERE, reason="x"))
    assert text.startswith(f"The central database at {WHERE} is full")
