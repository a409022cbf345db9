"""Turn what went wrong in a statistics job into one sentence a supervisor can act on."""

from __future__ import annotations

import errno
import logging

from sqlalchemy.exc import SQLAlchemyError

from agent_app.reports.errors import ReportError
from agent_app.ui.qt import QCoreApplication

log = logging.getLogger(__name__)


def _t(text: str) -> str:
    return QCoreApplication.translate("StatsErrors", text)


def _disk_full(error: BaseException) -> bool:
    cause = error if isinstance(error, OSError) else error.__cause__
    return isinstance(cause, OSError) and cause.errno == errno.ENOSPC


def plain_message(error: BaseException) -> str:
    """A plain sentence for ``error``; the details go to the log only."""
    if _disk_full(error):
        return _t(
            "The disk is full, so the file could not be written. "
            "Free some space or choose another place."
        )
    if isinstance(error, ReportError):
        return str(error)  # the core's messages are already sentences for people
    if isinstance(error, SQLAlchemyError):
        log.warning("statistics query failed: %s", error)
        return _t("The database cannot be reached right now. Check the connection and try again.")
    if isinstance(error, OSError):
        return _t("The file could not be written: {reason}.").format(
            reason=error.strerror or str(error)
        )
    log.error("statistics job failed", exc_info=error)
    return _t("Something unexpected went wrong: {reason}").format(reason=error)
