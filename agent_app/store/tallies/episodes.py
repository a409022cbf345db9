"""Survival subjects: one fact per discharged episode with a follow-up result, summed in the
survival tally by discharge day, diagnosis, days followed and outcome.

As ``reports.survival`` reads it: time runs from the discharge date to death (the result's
death date, or the day of that result) or else to the latest result; episodes that ended in
death in hospital are left out.
"""

from __future__ import annotations

from agent_app.store.tallies.dialect import TallySql
from agent_app.store.tallies.upsert import add_to, group_by, within

FACT_COLUMNS = ("episode_id", "discharge_day", "department_id", "diagnosis_code",
                "diagnosis_name", "days", "died")  # fmt: skip
TALLY_KEYS = FACT_COLUMNS[1:]


def episode_facts(sql: TallySql, ids: str | None) -> str:
    """SELECT of the facts of episodes ``ids`` (None: all) as they are now."""
    seen_day = sql.local_day("r.created_at")
    death_day = f"COALESCE({sql.date_day('r.death_date')}, {seen_day})"
    start = sql.date_day("e.discharged_on")
    end = f"COALESCE(x.died_on, x.seen) - {start}"
    return (
        f"SELECT e.id, {start}, e.department_id, e.diagnosis_code, e.diagnosis_name, "
        f"CASE WHEN {end} < 0 THEN 0 ELSE {end} END, "
        "CASE WHEN x.died_on IS NULL THEN 0 ELSE 1 END "
        "FROM episode e JOIN (SELECT t.episode_id AS episode_id, "
        f"min(CASE WHEN r.vital_status = 'deceased' THEN {death_day} END) AS died_on, "
        f"max({seen_day}) AS seen "
        "FROM followup_task t JOIN followup_result r ON r.task_id = t.id "
        f"WHERE t.episode_id IS NOT NULL AND {within('t.episode_id', ids)} "
        "GROUP BY t.episode_id) x ON x.episode_id = e.id "
        f"WHERE {within('e.id', ids)} AND e.discharge_disposition <> 'deceased'"
    )


def _tally(sql: TallySql, sign: int, ids: str | None) -> str:
    keys = ", ".join(TALLY_KEYS)
    select = (
        f"SELECT {keys}, {sign} * count(*) FROM stats_episode_fact "
        f"WHERE {within('episode_id', ids)} {group_by(len(TALLY_KEYS))}"
    )
    return add_to(sql, "stats_survival_tally", TALLY_KEYS, ("episodes",), select)


def refresh_episodes(sql: TallySql, ids: str) -> list[str]:
    """Statements bringing the survival tally up to date for episodes ``ids``."""
    return [
        _tally(sql, -1, ids),
        f"DELETE FROM stats_episode_fact WHERE episode_id IN ({ids})",
        f"INSERT INTO stats_episode_fact ({', '.join(FACT_COLUMNS)}) {episode_facts(sql, ids)}",
        _tally(sql, 1, ids),
    ]


def rebuild_episodes(sql: TallySql) -> list[str]:
    return [
        f"INSERT INTO stats_episode_fact ({', '.join(FACT_COLUMNS)}) {episode_facts(sql, None)}",
        _tally(sql, 1, None),
    ]
