"""The attempt history the best-time model learns from (``domain/reach_model.py``).

Outbound calls only; a call counts as answered when it was picked up. A department's calls of
the last HISTORY_DAYS are read once and kept for CACHE_SECONDS per store, grouped by age band
(the hospital's counts are the sum of the department's groups: a desk holds its own
department's history, and that is the hospital it knows). A patient's own calls are read each
time, by the (patient, started) index.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Iterable

from sqlalchemy import Engine, select

from agent_app.domain.enums import Direction
from agent_app.domain.reach_model import ReachModel, SlotCounts, age_band, merge, slot_of
from agent_app.store.schema import CallAttempt, FollowupTask, Patient

HISTORY_DAYS = 180
CACHE_SECONDS = 1800.0

_cache: dict[tuple[str, int], tuple[float, dict[str, SlotCounts]]] = {}
_lock = threading.Lock()


def department_groups(
    engine: Engine, department_id: int, zone: str, now: dt.datetime
) -> dict[str, SlotCounts]:
    """A department's outbound calls of the last HISTORY_DAYS by age band (kept a while)."""
    key = (engine.url.render_as_string(hide_password=True), department_id)
    with _lock:
        kept = _cache.get(key)
        if kept is not None and time.monotonic() - kept[0] < CACHE_SECONDS:
            return kept[1]
    since = now - dt.timedelta(days=HISTORY_DAYS)
    query = (
        select(CallAttempt.started_at, CallAttempt.answered_at, Patient.birth_date)
        .join(FollowupTask, FollowupTask.id == CallAttempt.task_id)
        .join(Patient, Patient.id == CallAttempt.patient_id)
        .where(
            CallAttempt.started_at >= since,
            CallAttempt.direction == Direction.OUTBOUND,
            FollowupTask.department_id == department_id,
        )
    )
    groups: dict[str, SlotCounts] = {}
    today = now.date()
    with engine.connect() as connection:
        for started, answered, birth in connection.execute(query):
            band = age_band(birth, today)
            groups.setdefault(band, SlotCounts()).add(slot_of(started, zone), answered is not None)
    with _lock:
        _cache[key] = (time.monotonic(), groups)
    return groups


CHUNK = 500  # patient ids per IN list


def patients_counts(engine: Engine, patient_ids: Iterable[int], zone: str) -> dict[int, SlotCounts]:
    """Each patient's own outbound calls by slot, read by the (patient, started) index."""
    ids = sorted(set(patient_ids))
    counts: dict[int, SlotCounts] = {}
    with engine.connect() as connection:
        for start in range(0, len(ids), CHUNK):
            rows = connection.execute(
                select(
                    CallAttempt.patient_id, CallAttempt.started_at, CallAttempt.answered_at
                ).where(
                    CallAttempt.patient_id.in_(ids[start : start + CHUNK]),
                    CallAttempt.direction == Direction.OUTBOUND,
                )
            )
            for patient_id, started, answered in rows:
                if patient_id is not None:
                    counts.setdefault(patient_id, SlotCounts()).add(
                        slot_of(started, zone), answered is not None
                    )
    return counts


def patient_counts(engine: Engine, patient_id: int, zone: str) -> SlotCounts:
    """The patient's own outbound calls, by slot."""
    return patients_counts(engine, [patient_id], zone).get(patient_id, SlotCounts())


def reach_model_for(
    engine: Engine,
    patient_id: int,
    birth: dt.date,
    department_id: int,
    zone: str,
    now: dt.datetime | None = None,
) -> ReachModel:
    """The model for one patient: their calls, their age band's in their department, and the
    department's as the hospital."""
    now = now or dt.datetime.now(dt.UTC)
    groups = department_groups(engine, department_id, zone, now)
    own = patient_counts(engine, patient_id, zone)
    return ReachModel(
        hospital=merge(groups),
        group=groups.get(age_band(birth, now.date())),
        patient=own if own.total else None,
    )


def forget_cached_history() -> None:
    """Drop the kept department histories (tests, and a store opened again)."""
    with _lock:
        _cache.clear()
