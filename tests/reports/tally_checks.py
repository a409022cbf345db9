"""Checks that the statistics tallies hold exactly what the raw rows say."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, Engine, text

from agent_app.reports import answer_stats, followup_records, followup_stats, survival
from agent_app.reports.filters import StatsFilter, month_filter
from agent_app.reports.tally_filter import tallies_usable
from agent_app.store.schema import Base
from agent_app.store.tallies import TALLY_TABLES, rebuild_tallies, set_complete
from agent_app.store.tallies.deltas import SUM_TABLES, has_deltas, summed_sql

_FACTS = ("stats_task_fact", "stats_task_next", "stats_episode_fact")
_COUNTS = {"stats_task_tally": ("tasks",), "stats_call_tally": ("attempts", "reached"),
           "stats_call_span": ("pairs",), "stats_survival_tally": ("episodes",)}  # fmt: skip
QUESTIONS = ("symptoms", "general_condition", "identity_confirmed", "revisit_known", "format",
             "odd key", "pain_score")  # fmt: skip


Rows = dict[str, list[tuple[Any, ...]]]


def _read_rows(connection: Connection, *, folded_only: bool) -> Rows:
    rows: Rows = {}
    summed = has_deltas(connection) and not folded_only
    for table in TALLY_TABLES:
        columns = ", ".join(c.name for c in Base.metadata.tables[table].columns)
        read = f"SELECT {columns} FROM {table}"  # in the order summed_sql gives them
        if summed and table in SUM_TABLES:
            read = summed_sql(table)
        result = connection.execute(text(read))
        names = list(result.keys())
        kept = []
        for row in result:
            values = dict(zip(names, row, strict=True))
            if "talk_seconds" in values:
                values["talk_seconds"] = round(float(values["talk_seconds"]), 6)
            counts = _COUNTS.get(table, ("results",))
            if table not in _FACTS and not any(values[k] for k in counts):
                continue  # a tally row that fell back to zero
            kept.append(tuple(values[n] for n in names))
        rows[table] = sorted(kept)
    return rows


def tally_rows(engine: Engine, *, folded_only: bool = False) -> Rows:
    """Every fact and every tally row that counts something, sorted, talk time rounded: on a
    server with deltas, each tally plus its pending deltas (only what was folded with
    ``folded_only``), as the statistics read them."""
    with engine.connect() as connection:
        return _read_rows(connection, folded_only=folded_only)


def recount_rows(engine: Engine) -> Rows:
    """What ``tally_rows`` would be if the tallies were worked out again from the base tables
    now (a rebuild, rolled back: the store keeps its tallies and deltas)."""
    with engine.connect() as connection, connection.begin() as transaction:
        rebuild_tallies(connection)
        rows = _read_rows(connection, folded_only=False)
        transaction.rollback()
    return rows


def assert_tallies_match_a_rebuild(engine: Engine) -> None:
    kept = tally_rows(engine)
    assert not kept["stats_task_next"], "scratch rows left behind"
    with engine.begin() as connection:
        rebuild_tallies(connection)
    rebuilt = tally_rows(engine)
    for table in TALLY_TABLES:
        assert kept[table] == rebuilt[table], table


def figures(
    engine: Engine,
    flt: StatsFilter,
    template: str = "general_discharge",
    questions: tuple[str, ...] = QUESTIONS,
) -> dict[str, Any]:
    """Every dashboard figure for ``flt`` (answers to ``questions`` of ``template``)."""
    out: dict[str, Any] = {
        f"rates {g}": followup_stats.followup_rates(engine, flt, g)
        for g in followup_records.Grouping
    }
    out["attempts"] = followup_stats.attempts_per_reach(engine, flt)
    out["workload"] = followup_stats.agent_workload(engine, flt)
    out["satisfaction"] = answer_stats.satisfaction_distribution(engine, flt)
    out["trend"] = answer_stats.satisfaction_trend(engine, flt)
    out["revisits"] = answer_stats.return_visit_rate(engine, flt)
    for question in questions:
        out[question] = answer_stats.answer_distribution(engine, flt, template, question)
    for chars in (3, 1, 0):
        subjects = survival.survival_subjects(engine, flt, chars)
        out[f"survival {chars}"] = sorted(subjects, key=repr)
    return out


def _raw_figures(engine: Engine, owner: Engine, flt: StatsFilter, **kw: Any) -> dict[str, Any]:
    with owner.begin() as connection:
        set_complete(connection, False)
    try:
        return figures(engine, flt, **kw)
    finally:
        with owner.begin() as connection:
            set_complete(connection, True)


def tiny_filters() -> list[StatsFilter]:
    october = month_filter(2026, 10)
    return [
        october,
        month_filter(2026, 10, department_id=1),
        month_filter(2026, 10, department_id=2, plan_id=2),
        month_filter(2026, 10, staff_id=1),
        month_filter(2026, 10, diagnosis_prefix="I21"),
        month_filter(2026, 10, diagnosis_prefix="k"),  # LIKE ignores case on SQLite only
        month_filter(2026, 10, level=2),
        StatsFilter(dt.date(2026, 9, 1), dt.date(2026, 12, 31)),
        StatsFilter(dt.date(2026, 10, 6), dt.date(2026, 10, 6)),
    ]


def assert_figures_match_the_raw_rows(
    engine: Engine, filters: list[StatsFilter], owner: Engine | None = None, **kw: Any
) -> None:
    """Each figure read from the tallies equals the raw queries' (``kw`` as ``figures``);
    ``owner`` (default ``engine``) may switch the tallies off for the raw reading."""
    for flt in filters:
        with engine.connect() as connection:
            assert tallies_usable(connection, flt), flt
        tallied = figures(engine, flt, **kw)
        raw = _raw_figures(engine, owner or engine, flt, **kw)
        for name, value in tallied.items():
            assert value == raw[name], (name, flt)
