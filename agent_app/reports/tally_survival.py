"""Survival subjects read from the survival tally (the same rows as the raw query in
``survival.survival_subjects``, which decides when this answers)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, func, select

from agent_app.reports.filters import StatsFilter
from agent_app.reports.survival_records import SurvivalSubject
from agent_app.reports.tally_filter import current_tally, day_number
from agent_app.store.schema import StatsSurvivalTally


def survival_subjects(
    connection: Connection, flt: StatsFilter, group_chars: int
) -> list[tuple[SurvivalSubject, int, str]]:
    v = current_tally(connection, StatsSurvivalTally)
    conditions: list[Any] = [
        v.discharge_day >= day_number(flt.start),
        v.discharge_day <= day_number(flt.end),
        v.episodes > 0,  # a zero row may have a name that no subject has any more
    ]
    if flt.department_id is not None:
        conditions.append(v.department_id == flt.department_id)
    if flt.diagnosis_prefix:
        conditions.append(v.diagnosis_code.startswith(flt.diagnosis_prefix.strip()))
    code = v.diagnosis_code
    group = func.substr(code, 1, group_chars) if group_chars > 0 else code
    query = (
        select(group, v.days, v.died, func.sum(v.episodes), func.min(v.diagnosis_name))
        .where(*conditions)
        .group_by(group, v.days, v.died)
    )
    return [
        (SurvivalSubject(str(g), float(d), bool(dead)), int(n), str(name))
        for g, d, dead, n, name in connection.execute(query)
    ]
