"""The one word for each role, wherever the desk names one (sign-in list, title bar, …).

In Chinese: 随访员, 护士长, 质控员, 管理员, 医生 — the words the README uses too."""

from __future__ import annotations

from agent_app.domain.enums import Role
from agent_app.ui.qt import QCoreApplication


def role_name(role: Role) -> str:
    names = {
        Role.AGENT: QCoreApplication.translate("RoleNames", "Follow-up agent"),
        Role.SUPERVISOR: QCoreApplication.translate("RoleNames", "Supervisor"),
        Role.QUALITY: QCoreApplication.translate("RoleNames", "Quality staff"),
        Role.ADMIN: QCoreApplication.translate("RoleNames", "Administrator"),
        Role.DOCTOR: QCoreApplication.translate("RoleNames", "Doctor"),
    }
    return names[role]
