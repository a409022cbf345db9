"""planned text messages: the episode and the plan key must be the writer's own

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-03 17:30:00

**Server only.** A desk may insert ``sms_message`` for a task it reaches or a patient it can
read (0019). Since 0020 a message also names an ``episode_id`` and a ``plan_key`` unique across
the hospital; left open, a desk could name another department's episode, or take the key of
another department's notice (``pre_call_notice:task:12``) so that department's own notice is
dropped at its push as a duplicate. The write policy now also requires that the episode is
one the writer can read (the subquery runs under the writer's own rules), and that a plan key
is the one its own row stands for: ``<purpose>:task:<task_id>`` or
``<purpose>:episode:<episode_id>``, both of which the checks above put in reach.
"""

from __future__ import annotations

from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None

BEFORE = (
    "(task_id IS NULL OR desk_task_in_reach(task_id)) AND (patient_id IS NULL OR "
    "EXISTS (SELECT 1 FROM patient p WHERE p.id = sms_message.patient_id))"
)
AFTER = (
    f"{BEFORE} AND (episode_id IS NULL OR "
    "EXISTS (SELECT 1 FROM episode e WHERE e.id = sms_message.episode_id)) AND ("
    "plan_key IS NULL "
    "OR (task_id IS NOT NULL AND plan_key = purpose || ':task:' || task_id) "
    "OR (episode_id IS NOT NULL AND plan_key = purpose || ':episode:' || episode_id))"
)


def _write_policy(check: str) -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP POLICY sms_message_write ON sms_message")
    op.execute(
        "CREATE POLICY sms_message_write ON sms_message FOR INSERT TO desk_staff "
        f"WITH CHECK ({check})"
    )


def upgrade() -> None:
    _write_policy(AFTER)


def downgrade() -> None:
    _write_policy(BEFORE)
