"""The supervision side of the demo's past: QA reviews of recorded calls and complaints at
every stage of their handling.

Both go through the supervision package's own functions (``save_review`` checks the scores
against the QA criteria, the complaint steps enforce the workflow), so the rows are exactly
what supervisors make. Those functions stamp the present time and queue each row for the
server; the past is then dated back to when it happened, keyed from the seed, and taken out
of the outbox, since it is history rather than work waiting to be sent.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Engine, delete, func, select, update
from sqlalchemy.orm import Session

from agent_app.demo.history_context import StoreContext
from agent_app.demo.history_followups import CallRecord
from agent_app.demo.rows import uuid_hex
from agent_app.domain.enums import CheckLevel, Disposition
from agent_app.store.schema import Complaint, Outbox, QaReview
from agent_app.supervision.complaints import (
    assign_complaint,
    close_complaint,
    register_complaint,
    reply_complaint,
)
from agent_app.supervision.qa_criteria import QaCriteria, load_criteria
from agent_app.supervision.qa_reviews import save_review

_DEDUCTIONS = {
    "identity_confirmed": ("开场未核对患者身份", "家属接听时未确认与患者的关系"),
    "introduction": ("未说明科室和来电目的", "自我介绍语速过快"),
    "no_medical_advice": ("在电话中建议患者自行调整药量", "对症状做了诊断性解释"),
    "revisit_reminded": ("未提醒复诊时间", "未告知复诊需携带的资料"),
    "attitude": ("语速偏快,略显催促", "打断了患者讲话"),
    "completeness": ("漏问用药情况", "部分记录与录音不一致"),
}
_REASONS = {
    "attitude": "护士服务态度生硬",
    "communication": "医生对病情解释不够清楚",
    "waiting": "门诊和检查等候时间太长",
    "environment": "病房环境嘈杂,卫生间不够干净",
    "cost": "住院费用偏高,费用清单看不明白",
    "other": "对出院手续办理有意见",
}
_BY_HAND = (
    ("suggestion", "建议增加周末专家门诊号源"),
    ("suggestion", "希望出院带药说明写得更详细"),
    ("suggestion", "建议住院部增加停车位"),
    ("praise", "感谢病区医护人员住院期间的细心照顾"),
    ("praise", "随访护士很耐心,解答了很多问题"),
    ("complaint", "出院后复印病历等了很久"),
)
_REPLIES = {
    "complaint": "已与当事人员沟通并加强培训,已电话向患者说明情况并致歉。",
    "suggestion": "已转相关部门评估,感谢患者的建议。",
    "praise": "已转达科室全体人员,感谢患者的认可。",
}


@dataclass(frozen=True)
class SupervisionReport:
    reviews: int
    complaints: int


def _scores(rng: random.Random, criteria: QaCriteria) -> tuple[dict[str, int], dict[str, str]]:
    scores: dict[str, int] = {}
    notes: dict[str, str] = {}
    for criterion in criteria.criteria:
        scores[criterion.code] = criterion.max_score
        if rng.random() < 0.2:
            scores[criterion.code] -= rng.randint(1, max(1, criterion.max_score // 2))
            notes[criterion.code] = rng.choice(_DEDUCTIONS.get(criterion.code, ("有待改进",)))
    return scores, notes


def add_reviews(
    engine: Engine,
    rng: random.Random,
    context: StoreContext,
    records: Sequence[CallRecord],
    now: dt.datetime,
) -> list[tuple[uuid.UUID, dt.datetime]]:
    """Review most recorded calls (the department's supervisor, L2; sometimes quality staff
    too, L3); calls of the last day or two are not reviewed yet. Returns (id, when) pairs."""
    criteria = load_criteria()
    supervisors = {team.department_id: team.supervisor for team in context.teams}
    made: list[tuple[uuid.UUID, dt.datetime]] = []
    for record in records:
        if not record.recorded or record.disposition is not Disposition.REACHED:
            continue
        reviewers: list[tuple[int, CheckLevel, dt.datetime]] = []
        at = record.saved_at + dt.timedelta(hours=rng.uniform(20, 120))
        supervisor = supervisors.get(record.department_id)
        if supervisor is not None and rng.random() < 0.75:
            reviewers.append((supervisor, CheckLevel.DEPARTMENT, at))
        if context.quality and rng.random() < 0.3:
            later = at + dt.timedelta(hours=rng.uniform(24, 240))
            reviewers.append((rng.choice(context.quality), CheckLevel.HOSPITAL, later))
        for reviewer, level, when in reviewers:
            if when >= now:
                continue
            scores, notes = _scores(rng, criteria)
            share = sum(scores.values()) / criteria.max_total
            summary = "整体规范,继续保持。" if share >= 0.9 else "请对照扣分项改进。"
            review = save_review(
                engine,
                reviewer,
                uuid.UUID(hex=record.attempt_id),
                level,
                scores,
                criteria,
                criterion_comments=notes,
                comments=summary,
            )
            made.append((review.id, when))
    return made


def add_complaints(
    engine: Engine,
    rng: random.Random,
    context: StoreContext,
    records: Sequence[CallRecord],
    now: dt.datetime,
    count: int,
) -> list[tuple[uuid.UUID, list[dt.datetime]]]:
    """Complaints raised on calls with a low satisfaction score, and suggestions and praise
    registered by hand, each taken as far through open → assigned → replied → closed as the
    time since it came in allows. Returns each complaint's id and the times of its steps."""
    unhappy = [r for r in records if r.satisfaction is not None and r.satisfaction <= 2]
    from_calls = rng.sample(unhappy, min(len(unhappy), count - max(1, count // 3)))
    supervisors = {team.department_id: team.supervisor for team in context.teams}
    desk = context.quality[0] if context.quality else None
    made: list[tuple[uuid.UUID, list[dt.datetime]]] = []
    for record in sorted(from_calls, key=lambda r: r.saved_at):
        reasons = [_REASONS[r] for r in record.dissatisfied if r in _REASONS]
        summary = "随访时患者反映:" + (";".join(reasons) or "对本次住院服务不满意") + "。"
        view = register_complaint(
            engine,
            record.staff_id,
            summary,
            attempt_id=uuid.UUID(hex=record.attempt_id),
        )
        at = record.saved_at + dt.timedelta(minutes=rng.randint(1, 5))
        department = record.department_id
        steps = _handle(engine, rng, view.id, "complaint", at, now, desk, department, supervisors)
        made.append((view.id, [at, *steps]))
    if desk is None:
        return made
    for n in range(max(1, count // 3)):
        kind, summary = rng.choice(_BY_HAND)
        team = rng.choice(context.teams)
        # The newest came in this morning and waits for the quality office to assign it.
        hours = rng.uniform(0.5, 1.5) if n == 0 else rng.uniform(12, 24 * 180)
        at = now - dt.timedelta(hours=hours)
        view = register_complaint(
            engine, desk, summary, kind=kind, department_id=team.department_id
        )
        department = team.department_id
        steps = _handle(engine, rng, view.id, kind, at, now, desk, department, supervisors)
        made.append((view.id, [at, *steps]))
    return made


def _handle(
    engine: Engine,
    rng: random.Random,
    complaint_id: uuid.UUID,
    kind: str,
    registered: dt.datetime,
    now: dt.datetime,
    desk: int | None,
    department: int,
    supervisors: dict[int, int | None],
) -> list[dt.datetime]:
    """Take a complaint through the steps whose time has come (the quality office assigns
    it to the department, whose supervisor replies); the times of the steps taken."""
    supervisor = supervisors.get(department)
    if desk is None or supervisor is None:
        return []
    assigned = registered + dt.timedelta(hours=rng.uniform(2, 48))
    replied = assigned + dt.timedelta(hours=rng.uniform(24, 168))
    closed = replied + dt.timedelta(hours=rng.uniform(24, 96))
    done: list[dt.datetime] = []
    if assigned < now:
        assign_complaint(engine, desk, complaint_id, department, "请科室核实并回复。")
        done.append(assigned)
    if done and replied < now and rng.random() < 0.9:
        reply_complaint(engine, supervisor, complaint_id, _REPLIES[kind])
        done.append(replied)
    if len(done) == 2 and closed < now and rng.random() < 0.9:
        close_complaint(engine, desk, complaint_id, "已回访,患者表示理解,结案。")
        done.append(closed)
    return done


def outbox_mark(engine: Engine) -> int:
    """The last outbox entry now, so the entries the past adds can be taken out again (a
    server store has no outbox: 0)."""
    if engine.dialect.name != "sqlite":
        return 0
    with engine.connect() as connection:
        return int(connection.execute(select(func.coalesce(func.max(Outbox.seq), 0))).scalar_one())


def date_back(
    engine: Engine,
    rng: random.Random,
    reviews: Sequence[tuple[uuid.UUID, dt.datetime]],
    complaints: Sequence[tuple[uuid.UUID, list[dt.datetime]]],
    outbox_after: int,
) -> None:
    """Give the reviews and complaints their past times and ids drawn from the seed, and drop
    the outbox entries they queued (one transaction)."""
    with Session(engine) as session, session.begin():
        for review_id, at in reviews:
            session.execute(
                update(QaReview)
                .where(QaReview.id == review_id)
                .values(id=uuid.UUID(hex=uuid_hex(rng)), created_at=at)
            )
        for complaint_id, times in complaints:
            row = session.get_one(Complaint, complaint_id)
            history = [
                {**event, "at": when.isoformat()}
                for event, when in zip(row.replies, times, strict=True)
            ]
            closed = times[-1] if row.closed_at is not None else None
            session.expunge(row)
            session.execute(
                update(Complaint)
                .where(Complaint.id == complaint_id)
                .values(
                    id=uuid.UUID(hex=uuid_hex(rng)),
                    created_at=times[0],
                    closed_at=closed,
                    replies=history,
                )
            )
        if session.get_bind().dialect.name == "sqlite":
            session.execute(delete(Outbox).where(Outbox.seq > outbox_after))
