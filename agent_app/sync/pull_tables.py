"""Which tables and columns a desk pulls from the central server, and which it keeps itself."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Column, Table

from agent_app.domain.sms_progress import rank_sql

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
    "sms_message",  # every desk's texts and replies, for the patient card; the station's queue
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
# Columns whose desk value means something only on that desk: never pulled, so a pulled row
# gets the column's default on insert and keeps the desk's own value on update. A message's
# ``sender_id`` is set on a desk only for what that desk sends (queued there, or claimed by
# its station): another desk's queued message pulled here is never sent from here.
DESK_ONLY_COLUMNS: dict[str, frozenset[str]] = {"sms_message": frozenset({"sender_id"})}


def pulled_columns(table: Table) -> list[Column[Any]]:
    """The columns of ``table`` a desk reads from the server."""
    hidden = SERVER_ONLY_COLUMNS.get(table.name, frozenset()) | DESK_ONLY_COLUMNS.get(
        table.name, frozenset()
    )
    return [c for c in table.c if c.name not in hidden]


def pulled_row_applies(table_name: str) -> str | None:
    """The SQL condition (SQLite upsert, ``excluded`` the pulled row) under which a pulled
    version replaces the desk's row; None: always. A text message the desk sends itself is
    the desk's to move; any other moves only forward (``sms_progress``), so a late pull never
    takes a message back from ``delivered`` to ``sent``."""
    if table_name != "sms_message":
        return None
    return (
        f"sms_message.sender_id IS NULL AND "
        f"{rank_sql('excluded.state')} >= {rank_sql('sms_message.state')}"
    )
