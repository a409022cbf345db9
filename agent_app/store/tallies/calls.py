"""What call attempts add to the tallies: calls, reaches and talk time per caller and day,
and the spans that count the distinct tasks a caller worked on (``StatsCallSpan``).

A call is counted under its task's department, plan and diagnosis (from the task facts ``g``);
a call without a task under department and plan 0.
"""

from __future__ import annotations

from agent_app.store.tallies.dialect import NO_DAY, TallySql
from agent_app.store.tallies.upsert import add_to, group_by, within

CALL_ATTRS = (("department_id", "0"), ("plan_id", "0"), ("diagnosis_code", "''"))
CALL_COLUMNS = ("id", "task_id", "staff_id", "started_at", "answered_at", "ended_at",
                "disposition")  # fmt: skip
_SPAN_KEYS = ("day", "staff_id", "prev_day", "department_id", "plan_id", "diagnosis_code")


def _attrs(alias: str = "g") -> str:
    return ", ".join(f"COALESCE({alias}.{name}, {none})" for name, none in CALL_ATTRS)


def call_sums(sql: TallySql, rows: str, attrs: str, sign: int, where: str = "true") -> str:
    """Add ``sign`` × the calls in ``rows`` (aliased ``a``) to ``stats_call_tally``."""
    talk = (
        "CASE WHEN a.disposition = 'reached' AND a.answered_at IS NOT NULL "
        f"AND a.ended_at IS NOT NULL THEN {sql.seconds('a.answered_at', 'a.ended_at')} "
        "ELSE 0.0 END"
    )
    select = (
        f"SELECT {sql.local_day('a.started_at')}, a.staff_id, {_attrs()}, {sign} * count(*), "
        f"{sign} * sum(CASE WHEN a.disposition = 'reached' THEN 1 ELSE 0 END), "
        f"{sign} * sum({talk}) "
        f"FROM {rows} AS a LEFT JOIN {attrs} g ON g.task_id = a.task_id "
        f"WHERE {where} {group_by(5)}"
    )
    keys = ("day", "staff_id", "department_id", "plan_id", "diagnosis_code")
    return add_to(sql, "stats_call_tally", keys, ("attempts", "reached", "talk_seconds"), select)


def _day_of(sql: TallySql, alias: str) -> str:
    return sql.local_day(f"{alias}.started_at")


def span_points(sql: TallySql, tasks: str | None, attrs: str, sign: int) -> str:
    """Add ``sign`` × every span of the callers of ``tasks`` (None: all tasks), worked out
    from their calls as they are now."""
    day = _day_of(sql, "o")
    prev = (
        f"(SELECT max({day}) FROM call_attempt o WHERE o.task_id = y.task_id "
        f"AND o.staff_id = y.staff_id AND {day} < y.day)"
    )
    select = (
        f"SELECT z.day, z.staff_id, z.prev_day, {_attrs()}, {sign} * count(*) "
        f"FROM (SELECT y.task_id AS task_id, y.staff_id AS staff_id, y.day AS day, "
        f"COALESCE({prev}, {NO_DAY}) AS prev_day "
        f"FROM (SELECT DISTINCT a.task_id AS task_id, a.staff_id AS staff_id, "
        f"{_day_of(sql, 'a')} AS day FROM call_attempt a "
        f"WHERE a.task_id IS NOT NULL AND {within('a.task_id', tasks)}) y) z "
        f"LEFT JOIN {attrs} g ON g.task_id = z.task_id WHERE true {group_by(6)}"
    )
    return add_to(sql, "stats_call_span", _SPAN_KEYS, ("pairs",), select)


def span_change(sql: TallySql, record: str, sign: int) -> str:
    """The spans after one call (a trigger's NEW with ``sign`` 1, OLD with -1) comes or goes,
    the other calls being what the table holds now minus that row.

    A new call day ``d`` between the caller's call days ``p`` and ``n`` on the task splits
    the span (n, p) into (d, p) and (n, d); a day that already had a call changes nothing.
    """
    day = _day_of(sql, "o")
    d = _day_of(sql, record)
    others = (
        f"FROM call_attempt o WHERE o.task_id = {record}.task_id "
        f"AND o.staff_id = {record}.staff_id AND o.id <> {record}.id"
    )
    q = (
        f"SELECT {record}.staff_id AS s, {record}.task_id AS t, {d} AS d, "
        f"(SELECT max({day}) {others} AND {day} < {d}) AS p, "
        f"(SELECT min({day}) {others} AND {day} > {d}) AS n, "
        f"(SELECT count(*) {others} AND {day} = {d}) AS same"
    )
    three = "(SELECT 1 AS i UNION ALL SELECT 2 UNION ALL SELECT 3)"
    select = (
        "SELECT CASE z.i WHEN 1 THEN q.d ELSE q.n END, q.s, "
        f"CASE z.i WHEN 3 THEN q.d ELSE COALESCE(q.p, {NO_DAY}) END, {_attrs()}, "
        f"sum(({sign}) * (CASE z.i WHEN 2 THEN -1 ELSE 1 END)) "
        f"FROM ({q}) q CROSS JOIN {three} z LEFT JOIN stats_task_fact g ON g.task_id = q.t "
        f"WHERE q.t IS NOT NULL AND q.same = 0 AND (z.i = 1 OR q.n IS NOT NULL) {group_by(6)}"
    )
    return add_to(sql, "stats_call_span", _SPAN_KEYS, ("pairs",), select)
