"""The row triggers that keep the tallies exact, as SQLite triggers or PL/pgSQL functions.

Every write to a task, call attempt, result or episode runs the statements below in the
writer's transaction, whatever the writer: repositories, the sync pull (an upsert fires the
insert or update trigger), the server's ``sync_apply``, the discharge import. Updates that
touch none of the columns the statistics read (leases, heartbeats, notes) do nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from agent_app.store.tallies.calls import CALL_COLUMNS, call_sums, span_change
from agent_app.store.tallies.dialect import TallySql
from agent_app.store.tallies.episodes import refresh_episodes
from agent_app.store.tallies.results import RESULT_COLUMNS, result_tallies, row_of, writer_tally
from agent_app.store.tallies.tasks import recount_task, refresh_tasks

TASK_STATE = ("due_at", "status")
TASK_PLACE = ("level", "department_id", "assigned_staff_id", "plan_id")  # where it is counted
CALL_READ = ("task_id", "staff_id", "started_at", "answered_at", "ended_at", "disposition")
RESULT_READ = ("task_id", "staff_id", "template_id", "answers", "satisfaction", "created_at",
               "vital_status", "death_date")  # fmt: skip
EPISODE_READ = ("discharged_on", "diagnosis_code", "diagnosis_name", "department_id",
                "discharge_disposition")  # fmt: skip
SPAN_READ = ("task_id", "staff_id", "started_at")
SOURCE_TABLES = ("followup_task", "call_attempt", "followup_result", "episode")


@dataclass(frozen=True)
class Trigger:
    name: str
    table: str
    event: str  # INSERT, UPDATE or DELETE
    changed: tuple[str, ...]  # UPDATE: only when one of these columns changed
    statements: tuple[str, ...]
    only_if: str = ""  # and only when this holds (it may query tables)
    unchanged: tuple[str, ...] = ()  # UPDATE: and none of these changed


def _episodes_of_tasks(*records: str) -> str:
    ids = ", ".join(f"{r}.task_id" for r in records)
    return f"SELECT episode_id FROM followup_task WHERE id IN ({ids})"


def _tasks_of_episode(record: str) -> str:
    return f"SELECT id FROM followup_task WHERE episode_id = {record}.id"


def _result_change(sql: TallySql, record: str, sign: int) -> list[str]:
    row = row_of(record, RESULT_COLUMNS)
    return [
        *result_tallies(sql, row, "stats_task_fact", sign),
        writer_tally(sql, row, sign),
    ]


def _call_change(sql: TallySql, record: str, sign: int) -> str:
    return call_sums(sql, row_of(record, CALL_COLUMNS), "stats_task_fact", sign)


def triggers(sql: TallySql) -> list[Trigger]:
    """Every tally trigger, for one dialect."""
    task = "followup_task"
    return [
        # A new or deleted task has no calls or results (foreign keys): nothing to move.
        Trigger("stats_task_ins", task, "INSERT", (), (
            *refresh_tasks(sql, "NEW.id", moves=False),
        )),
        # A wrap-up moves a task's state and due time; a transfer moves where it is counted
        # (and so its calls and results): that refresh covers the state too, and must see
        # the old facts, so the state trigger stands aside (triggers run in no set order).
        Trigger("stats_task_state", task, "UPDATE", TASK_STATE, (
            *refresh_tasks(sql, "NEW.id", moves=False),
        ), unchanged=(*TASK_PLACE, "episode_id")),
        Trigger("stats_task_upd", task, "UPDATE", TASK_PLACE, tuple(refresh_tasks(sql, "NEW.id"))),
        Trigger("stats_task_move", task, "UPDATE", ("episode_id",), (
            *refresh_tasks(sql, "NEW.id"),
            *refresh_episodes(sql, "OLD.episode_id, NEW.episode_id"),
        )),
        Trigger("stats_task_del", task, "DELETE", (), (
            *refresh_tasks(sql, "OLD.id", moves=False),
        )),
        Trigger("stats_call_ins", "call_attempt", "INSERT", (), (
            *recount_task(sql, "NEW.task_id"),
            _call_change(sql, "NEW", 1),
            span_change(sql, "NEW", 1),
        )),
        Trigger("stats_call_upd", "call_attempt", "UPDATE", CALL_READ, (
            *recount_task(sql, "OLD.task_id, NEW.task_id"),
            _call_change(sql, "OLD", -1),
            _call_change(sql, "NEW", 1),
        )),
        Trigger("stats_call_respan", "call_attempt", "UPDATE", SPAN_READ, (
            span_change(sql, "OLD", -1),
            span_change(sql, "NEW", 1),
        )),
        Trigger("stats_call_del", "call_attempt", "DELETE", (), (
            *recount_task(sql, "OLD.task_id"),
            _call_change(sql, "OLD", -1),
            span_change(sql, "OLD", -1),
        )),
        Trigger("stats_result_ins", "followup_result", "INSERT", (), (
            *_result_change(sql, "NEW", 1),
            *refresh_episodes(sql, _episodes_of_tasks("NEW")),
        )),
        Trigger("stats_result_upd", "followup_result", "UPDATE", RESULT_READ, (
            *_result_change(sql, "OLD", -1),
            *_result_change(sql, "NEW", 1),
            *refresh_episodes(sql, _episodes_of_tasks("OLD", "NEW")),
        )),
        Trigger("stats_result_del", "followup_result", "DELETE", (), (
            *_result_change(sql, "OLD", -1),
            *refresh_episodes(sql, _episodes_of_tasks("OLD")),
        )),
        # An episode counts only through its tasks; most arrive before any task of theirs.
        Trigger("stats_episode_ins", "episode", "INSERT", (), (
            *refresh_tasks(sql, _tasks_of_episode("NEW")),
            *refresh_episodes(sql, "NEW.id"),
        ), f"EXISTS ({_tasks_of_episode('NEW')})"),
        Trigger("stats_episode_upd", "episode", "UPDATE", EPISODE_READ, (
            *refresh_tasks(sql, _tasks_of_episode("NEW")),
            *refresh_episodes(sql, "NEW.id"),
        ), f"EXISTS ({_tasks_of_episode('NEW')})"),
        Trigger("stats_episode_del", "episode", "DELETE", (), (
            *refresh_tasks(sql, _tasks_of_episode("OLD")),
            *refresh_episodes(sql, "OLD.id"),
        )),
    ]  # fmt: skip


def _when(sql: TallySql, trigger: Trigger) -> str:
    if not trigger.changed:
        return ""
    when = sql.any_differs([(f"OLD.{c}", f"NEW.{c}") for c in trigger.changed])
    if trigger.unchanged:
        kept = sql.any_differs([(f"OLD.{c}", f"NEW.{c}") for c in trigger.unchanged])
        when = f"{when} AND NOT {kept}"
    return when


def create_sql(sql: TallySql, trigger: Trigger) -> list[str]:
    """The DDL that creates one trigger (and on PostgreSQL its function)."""
    when = _when(sql, trigger)
    on = f"AFTER {trigger.event} ON {trigger.table} FOR EACH ROW"
    if sql.is_sqlite:
        body = "".join(f"{s};\n" for s in trigger.statements)
        test = " AND ".join(c for c in (when, trigger.only_if) if c)
        condition = f" WHEN {test}" if test else ""
        return [f"CREATE TRIGGER {trigger.name} {on}{condition} BEGIN\n{body}END"]
    body = "".join(f"    {s};\n" for s in trigger.statements)
    if trigger.only_if:  # a PostgreSQL trigger's WHEN cannot query tables
        body = f"    IF {trigger.only_if} THEN\n{body}    END IF;\n"
    condition = f" WHEN ({when})" if when else ""
    return [
        # Every statement looks rows up by the trigger row's keys: one generic plan each,
        # instead of planning them again on every call (a third of the time).
        f"CREATE FUNCTION {trigger.name}() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER "
        "SET search_path = public, pg_temp SET plan_cache_mode = force_generic_plan "
        f"AS $$\nBEGIN\n{body}    RETURN NULL;\nEND $$",
        f"CREATE TRIGGER {trigger.name} {on}{condition} EXECUTE FUNCTION {trigger.name}()",
    ]


def drop_sql(sql: TallySql, trigger: Trigger) -> list[str]:
    if sql.is_sqlite:
        return [f"DROP TRIGGER IF EXISTS {trigger.name}"]
    return [
        f"DROP TRIGGER IF EXISTS {trigger.name} ON {trigger.table}",
        f"DROP FUNCTION IF EXISTS {trigger.name}()",
    ]
