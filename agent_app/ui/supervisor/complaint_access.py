"""Which complaints an account sees and which steps it may take, as the server allows them.

The complaint workflow in ``agent_app.supervision.complaints`` checks states, not people; on
a site the server's row rules (migrations 0003 and 0005) decide who: hospital quality staff
see and change every complaint; supervisors and agents see and change those of their
department and those they registered; only supervisors and quality staff may move a
complaint to a department (a supervisor: to their own, or anywhere for one they registered,
since the changed row must stay theirs). Agents may register and reply; closing is for
supervisors and quality staff. Administrators see no patients on the server, so no
complaints either.
"""

from __future__ import annotations

from dataclasses import dataclass

from agent_app.domain.enums import ComplaintState, Role
from agent_app.domain.views import StaffAccount
from agent_app.supervision.complaints import ComplaintView

# From which states each step starts (the core refuses the others; these only grey buttons).
STEP_STATES = {
    "assign": frozenset({ComplaintState.OPEN, ComplaintState.ASSIGNED}),
    "reply": frozenset({ComplaintState.ASSIGNED, ComplaintState.REPLIED}),
    "close": frozenset({ComplaintState.REPLIED}),
}


@dataclass(frozen=True)
class ComplaintAccess:
    staff_id: int
    role: Role
    department_id: int

    @property
    def sees_all(self) -> bool:
        return self.role is Role.QUALITY

    @property
    def may_register(self) -> bool:
        return self.role is not Role.ADMIN

    def may_see(self, complaint: ComplaintView) -> bool:
        if self.role is Role.ADMIN:
            return False
        return (
            self.sees_all
            or complaint.department_id == self.department_id
            or complaint.created_by_id == self.staff_id
        )

    def may_assign_to(self, complaint: ComplaintView, department_id: int) -> bool:
        if self.role is Role.QUALITY:
            return True
        if self.role is Role.SUPERVISOR:
            return department_id == self.department_id or complaint.created_by_id == self.staff_id
        return False

    def may(self, step: str, complaint: ComplaintView) -> bool:
        """Whether the account may take ``step`` (assign, reply, close) on ``complaint`` in
        its current state."""
        if not self.may_see(complaint) or complaint.state not in STEP_STATES[step]:
            return False
        if step == "assign":
            return self.role in (Role.SUPERVISOR, Role.QUALITY)
        if step == "close":
            return self.role in (Role.SUPERVISOR, Role.QUALITY)
        return True


def complaint_access(account: StaffAccount) -> ComplaintAccess:
    return ComplaintAccess(account.id, account.role, account.department_id)
