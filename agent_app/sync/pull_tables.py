"""Which tables and columns a desk pulls from the central server, and which it keeps itself."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Column, Table

# What the task queue and the patient card need, parents before children.
PULL_TABLES: tuple[str, ...] = (
    "department",
    "staff",
    "call_script",
    "questionnaire_template",
    "followup_plan",
    "calling_exception",  # the hospital's closure and extra working days (work_calendar)
    "patient",
    "contact",
    "episode",
    "followup_task",
    "red_flag_alert",  # the doctor's and the supervisor's inbox (0023)
    "blacklist",
    "transfer_target",  # departments' follow-up lines and doctors on duty (transfer dialog)
    "sms_template",  # the plan's notices and the agents' health-education texts
    "knowledge_article",  # last: the queue's first page does not wait for it
)

# Columns the desk keeps for itself: the server never sets them (its leases live in the
# server-only task_lease table), so a pulled row must not blank the desk's own lease.
DESK_KEPT_COLUMNS: dict[str, frozenset[str]] = {
    "followup_task": frozenset({"lease_owner_id", "lease_expires_at"}),
    "staff": frozenset({"password_hash"}),  # the desk's own verifier for offline sign-in
}
# Columns no desk login may read on the server (migration 0009): never asked for.
SERVER_ONLY_COLUMNS: dict[str, frozenset[str]] = {"staff": frozenset({"password_hash"})}


def pulled_columns(table: Table) -> list[Column[Any]]:
    """The columns of ``table`` a desk reads from the server."""
    hidden = SERVER_ONLY_COLUMNS.get(table.name, frozenset())
    return [c for c in table.c if c.name not in hidden]
