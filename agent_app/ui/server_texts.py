"""The central database's failures (sync, sign-in check, recordings) in the desk's language.

The core raises coded errors (``agent_app.store.server_errors.ServerCode``); this module turns
a code and its parameters into the sentence the agent reads.
"""

from __future__ import annotations

from agent_app.domain.coded_error import CodedError
from agent_app.store.server_errors import ServerCode
from agent_app.store.server_tls import TlsProblem
from agent_app.sync.leases import LeaseError
from agent_app.ui.qt import QCoreApplication


def _tls_text(problem: str, where: str) -> str:
    texts = {
        TlsProblem.NO_TLS: QCoreApplication.translate(
            "ServerTexts",
            "The central database at {where} offers no encrypted connection, so the desk did "
            "not connect; ask the administrator to turn on TLS on the server.",
        ),
        TlsProblem.UNTRUSTED: QCoreApplication.translate(
            "ServerTexts",
            "The central database at {where} presented a certificate that the configured "
            "certificate authority did not sign, so the desk did not connect; check [server] "
            "ca_file.",
        ),
        TlsProblem.WRONG_HOST: QCoreApplication.translate(
            "ServerTexts",
            "The central database at {where} presented a certificate for another server name, "
            "so the desk did not connect; check [server] host.",
        ),
        TlsProblem.NO_CA: QCoreApplication.translate(
            "ServerTexts",
            "The certificate authority file for the central database at {where} cannot be "
            "read, so the desk did not connect; check [server] ca_file.",
        ),
    }
    return texts[TlsProblem(problem)].format(where=where)


def _lease_text(error: LeaseError) -> str:
    params = dict(error.params)
    if not params.get("holder"):
        params["holder"] = QCoreApplication.translate("ServerTexts", "another agent")
    texts = {
        "task_taken": QCoreApplication.translate(
            "ServerTexts",
            "Task {task} is being worked by {holder} until {until}; choose another task.",
        ),
        "task_closed": QCoreApplication.translate(
            "ServerTexts", "Task {task} is not open any more."
        ),
        "task_not_in_queue": QCoreApplication.translate(
            "ServerTexts", "Task {task} is not open or not in your queue."
        ),
        "task_unreadable": QCoreApplication.translate(
            "ServerTexts", "Task {task} cannot be read from the server."
        ),
    }
    return texts[error.code].format(**params)


def server_error_text(error: BaseException | None) -> str:
    """One translated sentence for a failure of the central database, of a sync cycle or
    of a claim; an error without a code keeps its own text."""
    if error is None:
        return ""
    if isinstance(error, LeaseError):
        return _lease_text(error)
    if not isinstance(error, CodedError):
        return str(error) or type(error).__name__
    params = error.params
    if error.code == ServerCode.NOT_TRUSTED:
        return _tls_text(params["problem"], params["where"])
    texts = {
        ServerCode.UNREACHABLE: QCoreApplication.translate(
            "ServerTexts",
            "Cannot reach the central database at {where} ({reason}); working offline.",
        ),
        ServerCode.FULL: QCoreApplication.translate(
            "ServerTexts",
            "The central database at {where} is full: it has no free connection for this desk "
            "now. Your work is kept on this computer and sent once a connection frees up; tell "
            "IT if this lasts.",
        ),
        ServerCode.LOGIN_LIMIT: QCoreApplication.translate(
            "ServerTexts",
            "Your account already holds every connection to the central database at {where} "
            "it may have; close the follow-up desk you left open on another computer. Your "
            "work here is kept and sent afterwards.",
        ),
        ServerCode.INCOMPLETE: QCoreApplication.translate(
            "ServerTexts", "The central database could not complete the sync ({reason})."
        ),
        ServerCode.NO_ANSWER: QCoreApplication.translate(
            "ServerTexts", "The central database gave no answer for change {change}."
        ),
        ServerCode.CANCELLED: QCoreApplication.translate(
            "ServerTexts",
            "The sync was cancelled; it continues where it stopped at the next sync.",
        ),
        ServerCode.DESK_FAILED: QCoreApplication.translate(
            "ServerTexts", "The sync stopped on this computer: {detail}."
        ),
        ServerCode.RECORDING_MISSING: QCoreApplication.translate(
            "ServerTexts",
            "This recording is not on the central server, or you may not listen to it.",
        ),
        ServerCode.RECORDING_INCOMPLETE: QCoreApplication.translate(
            "ServerTexts",
            "This recording has not been uploaded completely yet; try again later.",
        ),
        ServerCode.RECORDING_MISMATCH: QCoreApplication.translate(
            "ServerTexts", "The recording fetched from the server does not match its checksum."
        ),
        ServerCode.DESK_TOO_OLD: QCoreApplication.translate(
            "ServerTexts",
            "This desk (version {version}) is older than the central database accepts "
            "(version {min_version} or later), so it sends nothing and keeps your work on this "
            "computer until IT updates it.",
        ),
        ServerCode.SCHEMA_UNKNOWN: QCoreApplication.translate(
            "ServerTexts",
            "The central database runs a newer schema ({revision}) than this desk (version "
            "{version}) knows, so it sends nothing and keeps your work on this computer until "
            "IT updates it.",
        ),
    }
    known = {code.value for code in ServerCode}
    text = texts.get(ServerCode(error.code)) if error.code in known else None
    return str(error) if text is None else text.format(**params)
