"""Statistics tallies: counts the supervisor's dashboard reads instead of scanning raw rows.

A month of a million-patient hospital is some 700,000 tasks, 1.4 million calls and 600,000
results; the dashboard's figures are sums over them, so they are kept summed. Triggers on the
source tables (``agent_app.store.tallies``) keep every tally exact whoever writes the rows —
the desk's repositories, a sync pull, the server's ``sync_apply``, the discharge import.

Two kinds of tables:

* **facts**, one row per task (``stats_task_fact``) or per followed-up episode
  (``stats_episode_fact``): what that row currently adds to the tallies, so a change can take
  the old contribution away before adding the new one;
* **tallies**, keyed by local day and by everything the dashboard filters on (level,
  department, staff, plan, diagnosis code), each row a count.

Keys never hold NULL (a unique key would not match it): no assignee or plan is 0, no episode
is the empty diagnosis code. Days are days since 1970-01-01 in hospital time (UTC+8, like
``reports.filters.HOSPITAL_TZ``); a filter in another time zone reads the raw rows instead.
A tally row can fall to zero and stay; readers skip rows with a zero count.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Boolean, Float, Integer, Numeric, SmallInteger, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from agent_app.store.schema.base import Base, IdType

# A talk-time sum: exact NUMERIC on PostgreSQL (as EXTRACT(EPOCH …) gives it), REAL on SQLite.
TalkType = Float().with_variant(Numeric(), "postgresql")
# Clustered by key on SQLite, so a day range is one contiguous read.
_CLUSTERED: dict[str, Any] = {"sqlite_with_rowid": False}


def _key(type_: Any = IdType) -> Mapped[Any]:
    return mapped_column(type_, primary_key=True, autoincrement=False)


def _count() -> Mapped[int]:
    return mapped_column(IdType, default=0)


class StatsTallyState(Base):
    """One row: whether the tallies are complete (false while a bulk load has them paused)."""

    __tablename__ = "stats_tally_state"

    id: Mapped[int] = _key(SmallInteger)
    complete: Mapped[bool] = mapped_column(Boolean, default=False)


class _TaskFactColumns:
    task_id: Mapped[int] = _key()
    level: Mapped[int] = mapped_column(SmallInteger)
    due_day: Mapped[int] = mapped_column(Integer)
    start_day: Mapped[int] = mapped_column(
        Integer
    )  # discharge (else due) day: reach counts from it
    department_id: Mapped[int] = mapped_column(IdType)
    staff_id: Mapped[int] = mapped_column(IdType)  # the assignee
    plan_id: Mapped[int] = mapped_column(IdType)
    diagnosis_code: Mapped[str] = mapped_column(String(12))
    status_class: Mapped[int] = mapped_column(SmallInteger)  # 0 other, 1 done, 2 cancelled
    reach: Mapped[int] = mapped_column(SmallInteger)  # 0 never, 1 ≤7 d, 2 ≤30 d, 3 later
    attempts: Mapped[int] = mapped_column(Integer)


class StatsTaskFact(_TaskFactColumns, Base):
    """What each task adds to ``stats_task_tally``, and the attributes its calls and results
    are tallied under."""

    __tablename__ = "stats_task_fact"


class StatsTaskNext(_TaskFactColumns, Base):
    """Scratch rows of a task refresh: the new facts while the old ones are taken away. Empty
    between statements."""

    __tablename__ = "stats_task_next"


class StatsTaskTally(Base):
    """Tasks by due day: follow-up rates and attempts per reach."""

    __tablename__ = "stats_task_tally"
    __table_args__ = _CLUSTERED

    level: Mapped[int] = _key(SmallInteger)
    due_day: Mapped[int] = _key(Integer)
    department_id: Mapped[int] = _key()
    staff_id: Mapped[int] = _key()
    plan_id: Mapped[int] = _key()
    diagnosis_code: Mapped[str] = _key(String(12))
    status_class: Mapped[int] = _key(SmallInteger)
    reach: Mapped[int] = _key(SmallInteger)
    attempts: Mapped[int] = _key(Integer)
    tasks: Mapped[int] = _count()


class StatsCallTally(Base):
    """Calls by start day and caller (every level; no task: department, plan 0)."""

    __tablename__ = "stats_call_tally"
    __table_args__ = _CLUSTERED

    day: Mapped[int] = _key(Integer)
    staff_id: Mapped[int] = _key()
    department_id: Mapped[int] = _key()
    plan_id: Mapped[int] = _key()
    diagnosis_code: Mapped[str] = _key(String(12))
    attempts: Mapped[int] = _count()
    reached: Mapped[int] = _count()
    talk_seconds: Mapped[float] = mapped_column(TalkType, default=0)


class StatsCallSpan(Base):
    """Distinct tasks a caller worked on, countable over any period.

    For each caller and task, every day with a call is one row-count at (that day, the
    previous day with a call, or -1,000,000). The tasks called in [a, b] are then the counts
    with ``a <= day <= b`` and ``prev_day < a``: each pair counted once, on its first day in
    the period.
    """

    __tablename__ = "stats_call_span"
    __table_args__ = _CLUSTERED

    day: Mapped[int] = _key(Integer)
    staff_id: Mapped[int] = _key()
    prev_day: Mapped[int] = _key(Integer)
    department_id: Mapped[int] = _key()
    plan_id: Mapped[int] = _key()
    diagnosis_code: Mapped[str] = _key(String(12))
    pairs: Mapped[int] = _count()


class _ResultKey:
    day: Mapped[int] = _key(Integer)
    level: Mapped[int] = _key(SmallInteger)
    department_id: Mapped[int] = _key()
    staff_id: Mapped[int] = _key()  # the task's assignee
    plan_id: Mapped[int] = _key()
    diagnosis_code: Mapped[str] = _key(String(12))


class StatsSatisfactionTally(_ResultKey, Base):
    """Results with a satisfaction score, by creation day and score."""

    __tablename__ = "stats_satisfaction_tally"
    __table_args__ = _CLUSTERED

    satisfaction: Mapped[int] = _key(SmallInteger)
    results: Mapped[int] = _count()


class StatsRevisitTally(_ResultKey, Base):
    """Results that asked about the re-visit: whether it was known and whether booked."""

    __tablename__ = "stats_revisit_tally"
    __table_args__ = _CLUSTERED

    known: Mapped[int] = _key(SmallInteger)
    booked: Mapped[int] = _key(SmallInteger)
    results: Mapped[int] = _count()


class StatsAnswerTally(Base):
    """Answers per question, template and value. Values longer than 200 characters are
    counted with ``long = 1`` and an empty value: a question that has any is read raw."""

    __tablename__ = "stats_answer_tally"
    __table_args__ = _CLUSTERED

    question_id: Mapped[str] = _key(String(40))
    template_id: Mapped[int] = _key()
    day: Mapped[int] = _key(Integer)
    level: Mapped[int] = _key(SmallInteger)
    department_id: Mapped[int] = _key()
    staff_id: Mapped[int] = _key()
    plan_id: Mapped[int] = _key()
    diagnosis_code: Mapped[str] = _key(String(12))
    long: Mapped[int] = _key(SmallInteger)
    value: Mapped[str] = _key(Text)
    results: Mapped[int] = _count()


class StatsWriterTally(Base):
    """Results by creation day and the staff member who wrote them."""

    __tablename__ = "stats_writer_tally"
    __table_args__ = _CLUSTERED

    day: Mapped[int] = _key(Integer)
    staff_id: Mapped[int] = _key()
    results: Mapped[int] = _count()


class StatsEpisodeFact(Base):
    """One survival subject: a discharged episode with at least one result."""

    __tablename__ = "stats_episode_fact"

    episode_id: Mapped[int] = _key()
    discharge_day: Mapped[int] = mapped_column(Integer)
    department_id: Mapped[int] = mapped_column(IdType)
    diagnosis_code: Mapped[str] = mapped_column(String(12))
    diagnosis_name: Mapped[str] = mapped_column(String(120))
    days: Mapped[int] = mapped_column(Integer)
    died: Mapped[int] = mapped_column(SmallInteger)


class StatsSurvivalTally(Base):
    """Survival subjects by discharge day, diagnosis, follow-up days and outcome."""

    __tablename__ = "stats_survival_tally"
    __table_args__ = _CLUSTERED

    discharge_day: Mapped[int] = _key(Integer)
    department_id: Mapped[int] = _key()
    diagnosis_code: Mapped[str] = _key(String(12))
    diagnosis_name: Mapped[str] = _key(String(120))
    days: Mapped[int] = _key(Integer)
    died: Mapped[int] = _key(SmallInteger)
    episodes: Mapped[int] = _count()
