"""Who may sample which spot-checks, and how a failed supervision job is said.

The supervision core does not look at roles: on a site the central server's row rules
(migrations 0003 and 0005) decide, and a supervisor's login only sees their own department.
The screens follow the same lines so they never offer what the server would refuse: a
department supervisor samples level 2 in their own department; hospital quality staff
sample levels 2 and 3 in any department; agents and administrators (who see no patients on
the server) do not sample.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.exc import DBAPIError

from agent_app.domain.enums import CheckLevel, Role
from agent_app.domain.views import StaffAccount
from agent_app.supervision.errors import SupervisionError
from agent_app.supervision.sampling import SamplingRunRecord
from agent_app.ui.qt import QCoreApplication

# SQLSTATE of "insufficient privilege": a grant or a row-level policy refused the statement.
_REFUSED = "42501"


@dataclass(frozen=True)
class SamplingAccess:
    """The levels an account may sample and the one department it is held to (None: any)."""

    levels: frozenset[CheckLevel]
    department_id: int | None

    @property
    def may_sample(self) -> bool:
        return bool(self.levels)

    def allows_department(self, department_id: int | None) -> bool:
        """``department_id`` None means "every department"."""
        return self.department_id is None or department_id == self.department_id


def sampling_access(account: StaffAccount) -> SamplingAccess:
    """What ``account`` may sample (see the module docstring)."""
    if account.role is Role.QUALITY:
        return SamplingAccess(frozenset({CheckLevel.DEPARTMENT, CheckLevel.HOSPITAL}), None)
    if account.role is Role.SUPERVISOR:
        return SamplingAccess(frozenset({CheckLevel.DEPARTMENT}), account.department_id)
    return SamplingAccess(frozenset(), account.department_id)


def run_departments(record: SamplingRunRecord) -> tuple[int, ...] | None:
    """The departments a recorded run was limited to (None: every department)."""
    ids = record.quotas.get("department_ids")
    if not isinstance(ids, list) or not ids:
        return None
    return tuple(int(i) for i in ids)


def may_see_run(account: StaffAccount, record: SamplingRunRecord) -> bool:
    """Quality staff see every run; a supervisor the runs of their department and their own."""
    access = sampling_access(account)
    if access.department_id is None and access.may_sample:
        return True
    if record.created_by_id == account.id:
        return True
    return run_departments(record) == (account.department_id,)


def plain_failure(error: BaseException) -> str:
    """A sentence for the user about why a supervision job failed.

    The core's own errors already are such sentences; database refusals and outages get one
    here (their text is for the log, not for a supervisor)."""
    if isinstance(error, SupervisionError | LookupError):
        return str(error)
    if isinstance(error, DBAPIError):
        if getattr(error.orig, "sqlstate", None) == _REFUSED:
            return QCoreApplication.translate(
                "SupervisorFailure", "The server does not allow your account to make this change."
            )
        if error.connection_invalidated:
            return QCoreApplication.translate(
                "SupervisorFailure", "The database could not be reached; try again in a moment."
            )
        return QCoreApplication.translate(
            "SupervisorFailure", "The database refused this; nothing was changed."
        )
    return QCoreApplication.translate("SupervisorFailure", "This did not work: {error}").format(
        error=error
    )
