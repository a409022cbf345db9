"""Survival after discharge by diagnosis group: Kaplan–Meier curves with confidence bands.

Each discharged episode with at least one follow-up result is one subject. Time runs in days
from the discharge date. The event is death as the follow-up recorded it (``vital_status``
deceased, at ``death_date``, or the day of that result when no date was given); everyone else
is censored on the day of their latest result, the last time they were known alive. Patients
who died in hospital are left out: they were never at risk after discharge. The estimate
itself is lifelines' ``KaplanMeierFitter`` (Greenwood variance, log(-log) bands).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Engine, case, func, select

from agent_app.domain.enums import DischargeDisposition, VitalStatus
from agent_app.reports import tally_survival
from agent_app.reports.errors import ReportError
from agent_app.reports.filters import StatsFilter, date_day, day_of
from agent_app.reports.survival_records import KmCurve, SurvivalSubject
from agent_app.reports.tally_filter import tallies_usable
from agent_app.store.schema import Episode, FollowupResult, FollowupTask


def kaplan_meier(
    days: Sequence[float],
    died: Sequence[bool],
    *,
    group: str = "all",
    label: str = "",
    alpha: float = 0.05,
    counts: Sequence[int] | None = None,
) -> KmCurve:
    """The Kaplan–Meier estimate of one group, with a (1 - alpha) confidence band.

    ``counts`` (optional) says how many identical subjects each (day, died) pair stands for,
    so a large cohort can be passed already grouped.
    """
    if len(days) != len(died) or (counts is not None and len(counts) != len(days)):
        raise ReportError("Each survival time needs exactly one event flag.")
    if not days:
        raise ReportError(f"Group {group} has no patients to estimate survival from.")
    if any(d < 0 for d in days):
        raise ReportError(f"Group {group} has a negative survival time; check the dates.")
    from lifelines import KaplanMeierFitter  # imported late: it pulls in pandas and scipy

    fitter = KaplanMeierFitter(alpha=alpha)
    weights = list(counts) if counts is not None else None
    fitter.fit(list(days), event_observed=[bool(d) for d in died], label=group, weights=weights)
    frame = fitter.survival_function_
    band = fitter.confidence_interval_
    table = fitter.event_table
    median = float(fitter.median_survival_time_)
    return KmCurve(
        group=group,
        label=label or group,
        subjects=sum(weights) if weights else len(days),
        events=sum(w for w, d in zip(weights or [1] * len(died), died, strict=True) if d),
        times=tuple(float(t) for t in frame.index),
        survival=tuple(float(v) for v in frame.iloc[:, 0]),
        lower=tuple(_finite(v, 1.0) for v in band.iloc[:, 0]),
        upper=tuple(_finite(v, 1.0) for v in band.iloc[:, 1]),
        at_risk=tuple(int(v) for v in table["at_risk"]),
        median=None if median == float("inf") else median,
    )


def _finite(value: Any, fallback: float) -> float:
    number = float(value)
    return fallback if number != number else number  # NaN at t=0 means "certain"


def survival_subjects(
    engine: Engine, flt: StatsFilter, group_chars: int = 3
) -> list[tuple[SurvivalSubject, int, str]]:
    """Episodes discharged in the period as ``(subject, how many alike, diagnosis name)``:
    grouped in SQL by diagnosis group, days and outcome, so a cohort of a million episodes
    comes back as a few thousand rows."""
    if flt.plan_id is None:  # the tallies count episodes, which have no plan
        with engine.connect() as connection:
            if tallies_usable(connection, flt):
                return tally_survival.survival_subjects(connection, flt, group_chars)
    episode, result, task = Episode, FollowupResult, FollowupTask
    deceased = result.vital_status == VitalStatus.DECEASED
    death_day = func.min(
        case(
            (
                deceased,
                func.coalesce(date_day(result.death_date), day_of(result.created_at, flt)),
            ),
            else_=None,
        )
    )
    conditions: list[Any] = [
        episode.discharged_on >= flt.start,
        episode.discharged_on <= flt.end,
        episode.discharge_disposition != DischargeDisposition.DECEASED,
    ]
    if flt.department_id is not None:
        conditions.append(episode.department_id == flt.department_id)
    if flt.diagnosis_prefix:
        conditions.append(episode.diagnosis_code.startswith(flt.diagnosis_prefix.strip()))
    if flt.plan_id is not None:
        conditions.append(task.plan_id == flt.plan_id)
    code = episode.diagnosis_code
    per_episode = (
        select(
            (func.substr(code, 1, group_chars) if group_chars > 0 else code).label("grp"),
            episode.diagnosis_name.label("name"),
            date_day(episode.discharged_on).label("start"),
            death_day.label("died_on"),
            func.max(day_of(result.created_at, flt)).label("seen"),
        )
        .select_from(episode)
        .join(task, task.episode_id == episode.id)
        .join(result, result.task_id == task.id)
        .where(*conditions)
        .group_by(episode.id, code, episode.diagnosis_name, episode.discharged_on)
        .subquery()
    )
    end = func.coalesce(per_episode.c.died_on, per_episode.c.seen) - per_episode.c.start
    days = case((end < 0, 0), else_=end)
    died = case((per_episode.c.died_on.is_not(None), 1), else_=0)
    query = select(
        per_episode.c.grp, days, died, func.count(), func.min(per_episode.c.name)
    ).group_by(per_episode.c.grp, days, died)
    with engine.connect() as connection:
        return [
            (SurvivalSubject(str(group), float(d), bool(dead)), int(n), str(name))
            for group, d, dead, n, name in connection.execute(query)
        ]


def survival_by_diagnosis(
    engine: Engine,
    flt: StatsFilter,
    *,
    group_chars: int = 3,
    max_groups: int = 6,
    min_subjects: int = 5,
    alpha: float = 0.05,
) -> list[KmCurve]:
    """Kaplan–Meier curves per diagnosis group (ICD-10 code cut to ``group_chars``), the
    ``max_groups`` largest groups with at least ``min_subjects`` patients each."""
    by_group: dict[str, list[tuple[SurvivalSubject, int]]] = defaultdict(list)
    names: dict[str, str] = {}
    for subject, n, name in survival_subjects(engine, flt, group_chars):
        by_group[subject.group].append((subject, n))
        names[subject.group] = min(name, names.get(subject.group, name))
    sizes = {group: sum(n for _, n in members) for group, members in by_group.items()}
    ranked = sorted(by_group.items(), key=lambda item: (-sizes[item[0]], item[0]))
    curves = []
    for group, members in ranked[:max_groups]:
        if sizes[group] < min_subjects:
            continue
        curves.append(
            kaplan_meier(
                [m.days for m, _ in members],
                [m.died for m, _ in members],
                counts=[n for _, n in members],
                group=group,
                label=f"{group} {names[group]}",
                alpha=alpha,
            )
        )
    return curves
