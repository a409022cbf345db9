"""What follow-up results add to the tallies: satisfaction, re-visits, answers, writers.

``rows`` is a FROM item aliased ``r`` with the result columns (the table, or one row made of
a trigger's NEW or OLD); ``attrs`` is the fact table whose row for ``r.task_id`` gives the
level, department, assignee, plan and diagnosis the result is counted under (a task without
facts counts under level 0, which no filter asks for). ``sign`` is ``1`` or ``-1``.
"""

from __future__ import annotations

from agent_app.store.tallies.dialect import LONG_ANSWER, TallySql
from agent_app.store.tallies.upsert import add_to, group_by

RESULT_KEYS = ("day", "level", "department_id", "staff_id", "plan_id", "diagnosis_code")
RESULT_ATTRS = (("level", "0"), ("department_id", "0"), ("staff_id", "0"), ("plan_id", "0"),
                ("diagnosis_code", "''"))  # fmt: skip
REVISIT_KNOWN = ("revisit_known", "xray_revisit_known")
REVISIT_DATE = "revisit_date"
RESULT_COLUMNS = ("task_id", "staff_id", "template_id", "answers", "satisfaction", "created_at")


def row_of(record: str, columns: tuple[str, ...]) -> str:
    """A FROM item of one row holding a trigger record's (NEW/OLD) columns."""
    return "(SELECT " + ", ".join(f"{record}.{c} AS {c}" for c in columns) + ")"


def attrs_of(alias: str = "g") -> str:
    return ", ".join(f"COALESCE({alias}.{name}, {none})" for name, none in RESULT_ATTRS)


def result_tallies(
    sql: TallySql, rows: str, attrs: str, sign: int, where: str = "true"
) -> list[str]:
    """Statements adding ``sign`` × the results in ``rows`` (meeting ``where``) to the
    satisfaction, re-visit and answer tallies."""
    return [
        _satisfaction(sql, rows, attrs, sign, where),
        _revisit(sql, rows, attrs, sign, where),
        _answers(sql, rows, attrs, sign, where, sheet=True),
        _answers(sql, rows, attrs, sign, where, sheet=False),
    ]


def writer_tally(sql: TallySql, rows: str, sign: int, where: str = "true") -> str:
    """Results by day and writer (not by task: no attributes, so never moved)."""
    select = (
        f"SELECT {sql.local_day('r.created_at')}, r.staff_id, {sign} * count(*) "
        f"FROM {rows} AS r WHERE {where} {group_by(2)}"
    )
    return add_to(sql, "stats_writer_tally", ("day", "staff_id"), ("results",), select)


def _satisfaction(sql: TallySql, rows: str, attrs: str, sign: int, where: str) -> str:
    select = (
        f"SELECT {sql.local_day('r.created_at')}, {attrs_of()}, r.satisfaction, {sign} * count(*) "
        f"FROM {rows} AS r LEFT JOIN {attrs} g ON g.task_id = r.task_id "
        f"WHERE {where} AND r.satisfaction IS NOT NULL {group_by(7)}"
    )
    return add_to(
        sql, "stats_satisfaction_tally", (*RESULT_KEYS, "satisfaction"), ("results",), select
    )


def _revisit(sql: TallySql, rows: str, attrs: str, sign: int, where: str) -> str:
    known = "COALESCE(" + ", ".join(sql.fixed_answer("r.answers", q) for q in REVISIT_KNOWN) + ")"
    booked = sql.fixed_answer("r.answers", REVISIT_DATE)
    select = (
        f"SELECT {sql.local_day('v.created_at')}, {attrs_of()}, "
        "CASE WHEN v.known = 'yes' THEN 1 ELSE 0 END, "
        "CASE WHEN v.booked IS NOT NULL AND v.booked <> '' THEN 1 ELSE 0 END, "
        f"{sign} * count(*) "
        f"FROM (SELECT r.task_id AS task_id, r.created_at AS created_at, {known} AS known, "
        f"{booked} AS booked FROM {rows} AS r WHERE {where}) v "
        f"LEFT JOIN {attrs} g ON g.task_id = v.task_id "
        f"WHERE v.known IS NOT NULL OR v.booked IS NOT NULL {group_by(8)}"
    )
    return add_to(
        sql, "stats_revisit_tally", (*RESULT_KEYS, "known", "booked"), ("results",), select
    )


def _answers(sql: TallySql, rows: str, attrs: str, sign: int, where: str, *, sheet: bool) -> str:
    # The sheet's members, then top-level members the sheet does not have: each question
    # once per result, its answer read as the statistics read it (sheet first, then flat).
    countable = sql.countable_key("k.key")
    if sheet:
        answer = (
            f"COALESCE({sql.member_answer(sheet=True)}, {sql.flat_answer('r.answers', 'k.key')})"
        )
        only = ""
    else:
        answer = sql.member_answer(sheet=False)
        in_sheet = sql.in_sheet("r.answers", "k.key")
        only = f" AND NOT (CASE WHEN {countable} THEN {in_sheet} ELSE false END)"
    long = f"length(x.v) > {LONG_ANSWER}"
    select = (
        f"SELECT x.q, x.template_id, {sql.local_day('x.created_at')}, {attrs_of()}, "
        f"CASE WHEN {long} THEN 1 ELSE 0 END, CASE WHEN {long} THEN '' ELSE x.v END, "
        f"{sign} * count(*) "
        f"FROM (SELECT r.task_id AS task_id, r.template_id AS template_id, "
        f"r.created_at AS created_at, k.key AS q, CASE WHEN {countable} THEN {answer} END AS v "
        f"FROM {rows} AS r, {sql.keys_of('r.answers', sheet=sheet)} "
        f"WHERE {where} AND {sql.is_object('r.answers', sheet=sheet)}{only}{sql.unflattened}) x "
        f"LEFT JOIN {attrs} g ON g.task_id = x.task_id "
        f"WHERE x.v IS NOT NULL {group_by(10)}"
    )
    keys = ("question_id", "template_id", *RESULT_KEYS, "long", "value")
    return add_to(sql, "stats_answer_tally", keys, ("results",), select)
