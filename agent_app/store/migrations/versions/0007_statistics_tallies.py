"""statistics tallies kept by triggers

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23 15:00:00

The dashboard's figures as running sums (``store/schema/tallies.py``): task and episode facts,
tallies by day and by what the dashboard filters on, and a one-row state saying whether they
are complete. Row triggers on ``followup_task``, ``call_attempt``, ``followup_result`` and
``episode`` keep them exact (``store/tallies``; PL/pgSQL functions, SECURITY DEFINER, on
PostgreSQL); upgrade works them out once from the rows already stored. Only hospital quality
staff may read them on the server (their policies show every row the tallies count); other
desk logins, which row-level security shows part of the hospital, read the raw rows.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

from agent_app.store import tallies

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
TALK = sa.Float().with_variant(sa.Numeric(), "postgresql")
CLUSTERED: dict[str, Any] = {"sqlite_with_rowid": False}
_HAS_QUALITY = "SELECT count(*) FROM pg_roles WHERE rolname = 'desk_quality'"


def _col(name: str, type_: Any = ID) -> sa.Column[Any]:
    return sa.Column(name, type_, nullable=False)


def _fact_columns() -> list[sa.Column[Any]]:
    return [
        _col("task_id"), _col("level", sa.SmallInteger()), _col("due_day", sa.Integer()),
        _col("start_day", sa.Integer()), _col("department_id"), _col("staff_id"), _col("plan_id"),
        _col("diagnosis_code", sa.String(length=12)), _col("status_class", sa.SmallInteger()),
        _col("reach", sa.SmallInteger()), _col("attempts", sa.Integer()),
    ]  # fmt: skip


def _result_key() -> list[sa.Column[Any]]:
    return [
        _col("day", sa.Integer()), _col("level", sa.SmallInteger()), _col("department_id"),
        _col("staff_id"), _col("plan_id"), _col("diagnosis_code", sa.String(length=12)),
    ]  # fmt: skip


def _table(name: str, columns: list[sa.Column[Any]], key: list[str], **kw: Any) -> None:
    op.create_table(name, *columns, sa.PrimaryKeyConstraint(*key, name=op.f(f"pk_{name}")), **kw)


def _keys(columns: list[sa.Column[Any]], sums: int) -> list[str]:
    return [c.name for c in columns[: len(columns) - sums]]


def upgrade() -> None:
    _table("stats_tally_state", [_col("id", sa.SmallInteger()), _col("complete", sa.Boolean())],
           ["id"])  # fmt: skip
    _table("stats_task_fact", _fact_columns(), ["task_id"])
    _table("stats_task_next", _fact_columns(), ["task_id"])
    task = [c for c in _fact_columns()[1:] if c.name != "start_day"] + [_col("tasks")]
    _table("stats_task_tally", task, _keys(task, 1), **CLUSTERED)
    call = [
        _col("day", sa.Integer()), _col("staff_id"), _col("department_id"), _col("plan_id"),
        _col("diagnosis_code", sa.String(length=12)), _col("attempts"), _col("reached"),
        _col("talk_seconds", TALK),
    ]  # fmt: skip
    _table("stats_call_tally", call, _keys(call, 3), **CLUSTERED)
    span = [
        _col("day", sa.Integer()), _col("staff_id"), _col("prev_day", sa.Integer()),
        _col("department_id"), _col("plan_id"), _col("diagnosis_code", sa.String(length=12)),
        _col("pairs"),
    ]  # fmt: skip
    _table("stats_call_span", span, _keys(span, 1), **CLUSTERED)
    sat = [*_result_key(), _col("satisfaction", sa.SmallInteger()), _col("results")]
    _table("stats_satisfaction_tally", sat, _keys(sat, 1), **CLUSTERED)
    revisit = [*_result_key(), _col("known", sa.SmallInteger()),
               _col("booked", sa.SmallInteger()), _col("results")]  # fmt: skip
    _table("stats_revisit_tally", revisit, _keys(revisit, 1), **CLUSTERED)
    answer = [
        _col("question_id", sa.String(length=40)), _col("template_id"), *_result_key(),
        _col("long", sa.SmallInteger()), _col("value", sa.Text()), _col("results"),
    ]  # fmt: skip
    _table("stats_answer_tally", answer, _keys(answer, 1), **CLUSTERED)
    writer = [_col("day", sa.Integer()), _col("staff_id"), _col("results")]
    _table("stats_writer_tally", writer, _keys(writer, 1), **CLUSTERED)
    _table("stats_episode_fact", [
        _col("episode_id"), _col("discharge_day", sa.Integer()), _col("department_id"),
        _col("diagnosis_code", sa.String(length=12)),
        _col("diagnosis_name", sa.String(length=120)), _col("days", sa.Integer()),
        _col("died", sa.SmallInteger()),
    ], ["episode_id"])  # fmt: skip
    survival = [
        _col("discharge_day", sa.Integer()), _col("department_id"),
        _col("diagnosis_code", sa.String(length=12)),
        _col("diagnosis_name", sa.String(length=120)), _col("days", sa.Integer()),
        _col("died", sa.SmallInteger()), _col("episodes"),
    ]  # fmt: skip
    _table("stats_survival_tally", survival, _keys(survival, 1), **CLUSTERED)
    connection = op.get_bind()
    tallies.install_triggers(connection)
    tallies.rebuild_tallies(connection)  # the backfill; marks them complete
    if (
        connection.dialect.name == "postgresql"
        and connection.exec_driver_sql(_HAS_QUALITY).scalar()
    ):
        tables = ", ".join((*tallies.TALLY_TABLES, "stats_tally_state"))
        op.execute(f"GRANT SELECT ON {tables} TO desk_quality")


def downgrade() -> None:
    tallies.drop_triggers(op.get_bind())
    for table in (*tallies.TALLY_TABLES, "stats_tally_state"):
        op.drop_table(table)
