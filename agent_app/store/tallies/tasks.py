"""Task facts and the task tally, and moving a task's calls and results when its attributes
change.

Refreshing a set of tasks works out their facts afresh into ``stats_task_next``; where a
task's level, department, assignee, plan or diagnosis changed, its results (and for the last
three its calls) move from the old attributes to the new; then the old facts leave the task
tally and the new ones enter it.
"""

from __future__ import annotations

from agent_app.store.tallies.calls import CALL_ATTRS, call_sums, span_points
from agent_app.store.tallies.dialect import TallySql
from agent_app.store.tallies.results import RESULT_ATTRS, result_tallies
from agent_app.store.tallies.upsert import add_to, group_by, within

FACT_COLUMNS = ("task_id", "level", "due_day", "start_day", "department_id", "staff_id",
                "plan_id", "diagnosis_code", "status_class", "reach", "attempts")  # fmt: skip
TALLY_KEYS = tuple(c for c in FACT_COLUMNS[1:] if c != "start_day")


def _reach(first_reach: str, delay: str) -> str:
    """0 never reached, 1 within 7 days, 2 within 30, 3 later (the follow-up rate's bands)."""
    return (
        f"CASE WHEN {first_reach} IS NULL THEN 0 WHEN {delay} <= 7 THEN 1 "
        f"WHEN {delay} <= 30 THEN 2 ELSE 3 END"
    )


def task_facts(sql: TallySql, ids: str | None) -> str:
    """SELECT of the facts of tasks ``ids`` (None: all) as they are now."""
    due = sql.local_day("t.due_at")
    start = f"COALESCE({sql.date_day('e.discharged_on')}, {due})"
    delay = f"{sql.local_day('a.first_reach')} - {start}"
    return (
        f"SELECT t.id, t.level, {due}, {start}, t.department_id, "
        "COALESCE(t.assigned_staff_id, 0), COALESCE(t.plan_id, 0), "
        "COALESCE(e.diagnosis_code, ''), "
        "CASE t.status WHEN 'done' THEN 1 WHEN 'cancelled' THEN 2 ELSE 0 END, "
        f"{_reach('a.first_reach', delay)}, COALESCE(a.n, 0) "
        "FROM followup_task t LEFT JOIN episode e ON e.id = t.episode_id "
        "LEFT JOIN (SELECT c.task_id AS task_id, "
        "min(CASE WHEN c.disposition = 'reached' THEN c.started_at END) AS first_reach, "
        f"count(*) AS n FROM call_attempt c WHERE {within('c.task_id', ids)} "
        "GROUP BY c.task_id) a ON a.task_id = t.id "
        f"WHERE {within('t.id', ids)}"
    )


def tally_facts(sql: TallySql, table: str, sign: int, ids: str | None) -> str:
    """Add ``sign`` × the facts in ``table`` of tasks ``ids`` to the task tally."""
    keys = ", ".join(TALLY_KEYS)
    select = (
        f"SELECT {keys}, {sign} * count(*) FROM {table} "
        f"WHERE {within('task_id', ids)} {group_by(len(TALLY_KEYS))}"
    )
    return add_to(sql, "stats_task_tally", TALLY_KEYS, ("tasks",), select)


def _moved(sql: TallySql, ids: str, attrs: tuple[tuple[str, str], ...]) -> str:
    """Tasks among ``ids`` whose ``attrs`` differ between the old facts and the new."""
    pairs = [(f"f.{name}", f"COALESCE(n.{name}, {none})") for name, none in attrs]
    return (
        "SELECT f.task_id FROM stats_task_fact f "
        "LEFT JOIN stats_task_next n ON n.task_id = f.task_id "
        f"WHERE f.task_id IN ({ids}) AND {sql.any_differs(pairs)} "
        "UNION SELECT n.task_id FROM stats_task_next n "
        f"WHERE n.task_id IN ({ids}) AND NOT EXISTS "
        "(SELECT 1 FROM stats_task_fact f WHERE f.task_id = n.task_id)"
    )


def _moves(sql: TallySql, ids: str) -> list[str]:
    old, new = "stats_task_fact", "stats_task_next"
    by_results = f"r.task_id IN ({_moved(sql, ids, RESULT_ATTRS)})"
    by_calls = _moved(sql, ids, CALL_ATTRS)
    return [
        *result_tallies(sql, "followup_result", old, -1, by_results),
        *result_tallies(sql, "followup_result", new, 1, by_results),
        call_sums(sql, "call_attempt", old, -1, f"a.task_id IN ({by_calls})"),
        call_sums(sql, "call_attempt", new, 1, f"a.task_id IN ({by_calls})"),
        span_points(sql, by_calls, old, -1),
        span_points(sql, by_calls, new, 1),
    ]


def refresh_tasks(sql: TallySql, ids: str, *, moves: bool = True) -> list[str]:
    """Statements bringing the tallies up to date for tasks ``ids`` (an SQL list or
    subquery of task ids, read several times: it must not depend on the tallies).

    Without ``moves`` the tasks' level, department, assignee, plan and diagnosis are known
    not to have changed (only their state or due time did, or they are new or gone), so
    their calls and results stay where they are counted.
    """
    columns = ", ".join(FACT_COLUMNS)
    old, new = "stats_task_fact", "stats_task_next"
    if not moves:
        return [
            tally_facts(sql, old, -1, ids),
            f"DELETE FROM {old} WHERE task_id IN ({ids})",
            f"INSERT INTO {old} ({columns}) {task_facts(sql, ids)}",
            tally_facts(sql, old, 1, ids),
        ]
    return [
        f"DELETE FROM {new} WHERE task_id IN ({ids})",
        f"INSERT INTO {new} ({columns}) {task_facts(sql, ids)}",
        *_moves(sql, ids),
        tally_facts(sql, old, -1, ids),
        f"DELETE FROM {old} WHERE task_id IN ({ids})",
        f"INSERT INTO {old} ({columns}) SELECT {columns} FROM {new} WHERE task_id IN ({ids})",
        tally_facts(sql, old, 1, ids),
        f"DELETE FROM {new} WHERE task_id IN ({ids})",
    ]


def recount_task(sql: TallySql, task: str) -> list[str]:
    """Statements for a call of ``task`` that came, went or changed: only the task's reach
    and call count can have moved."""
    me = "stats_task_fact.task_id"
    first = (
        f"(SELECT min(c.started_at) FROM call_attempt c WHERE c.task_id = {me} "
        "AND c.disposition = 'reached')"
    )
    delay = f"{sql.local_day(first)} - stats_task_fact.start_day"
    return [
        tally_facts(sql, "stats_task_fact", -1, task),
        f"UPDATE stats_task_fact SET reach = {_reach(first, delay)}, "
        f"attempts = (SELECT count(*) FROM call_attempt c WHERE c.task_id = {me}) "
        f"WHERE task_id IN ({task})",
        tally_facts(sql, "stats_task_fact", 1, task),
    ]


def rebuild_tasks(sql: TallySql) -> list[str]:
    """Statements filling the (emptied) task facts and tally from every task."""
    return [
        f"INSERT INTO stats_task_fact ({', '.join(FACT_COLUMNS)}) {task_facts(sql, None)}",
        tally_facts(sql, "stats_task_fact", 1, None),
    ]
