"""Statistics as plain tables: what the UI shows in grids and what CSV, XLSX and PDF write."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from agent_app.domain.enums import ComplaintState
from agent_app.reports.answer_records import (
    AnswerDistribution,
    ComplaintCount,
    MonthlySatisfaction,
    ReturnVisitStats,
    SatisfactionStats,
)
from agent_app.reports.followup_records import AgentWorkload, AttemptsPerReach, FollowupRate
from agent_app.reports.red_flag_stats import AckTime
from agent_app.reports.survival_records import KmCurve

Cell = str | int | float | dt.date | dt.datetime | None


@dataclass(frozen=True)
class Table:
    """A titled grid; ``columns`` are the header words (Chinese, as in the printed report)."""

    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    name: str = "table"  # short ASCII id, used in file and sheet names and the audit row


def _pct(value: float) -> float:
    return round(value * 100, 1)


def followup_rate_table(rates: Sequence[FollowupRate], title: str = "随访率") -> Table:
    return Table(
        title,
        ("名称", "应随访", "已完成", "完成率%", "7天内联系上", "7天率%", "30天内联系上", "30天率%"),
        tuple(
            (
                r.name,
                r.due,
                r.done,
                _pct(r.done_rate),
                r.reached_7d,
                _pct(r.rate_7d),
                r.reached_30d,
                _pct(r.rate_30d),
            )
            for r in rates
        ),
        "followup_rate",
    )


def workload_table(workloads: Sequence[AgentWorkload], title: str = "随访人员工作量") -> Table:
    return Table(
        title,
        ("人员", "科室", "呼叫次数", "接通次数", "接通率%", "涉及任务", "问卷份数", "通话分钟"),
        tuple(
            (
                w.name,
                w.department_name,
                w.attempts,
                w.reached,
                _pct(w.reach_rate),
                w.tasks,
                w.results,
                round(w.talk_seconds / 60, 1),
            )
            for w in workloads
        ),
        "workload",
    )


def attempts_table(stats: AttemptsPerReach, title: str = "每次联系上所需呼叫次数") -> Table:
    rows: list[tuple[Cell, ...]] = [(str(n), c) for n, c in stats.distribution]
    rows.append(("平均", round(stats.mean, 2)))
    return Table(title, ("呼叫次数", "任务数"), tuple(rows), "attempts_per_reach")


def satisfaction_table(stats: SatisfactionStats, title: str = "满意度分布") -> Table:
    rows: list[tuple[Cell, ...]] = [
        (score, n, _pct(n / stats.answered) if stats.answered else 0.0)
        for score, n in stats.distribution
    ]
    rows.append(("平均", round(stats.mean, 2), None))
    return Table(title, ("评分", "份数", "占比%"), tuple(rows), "satisfaction")


def satisfaction_trend_table(
    months: Sequence[MonthlySatisfaction], title: str = "满意度月度趋势"
) -> Table:
    return Table(
        title,
        ("月份", "份数", "平均分", "满意（4-5分）", "满意率%"),
        tuple(
            (m.month, m.answered, m.mean, m.satisfied, _pct(m.satisfied / m.answered))
            for m in months
            if m.answered
        ),
        "satisfaction_trend",
    )


def return_visit_table(stats: ReturnVisitStats, title: str = "复诊情况") -> Table:
    return Table(
        title,
        ("询问复诊", "知晓复诊", "知晓率%", "已预约复诊", "预约率%"),
        (
            (
                stats.asked,
                stats.known,
                _pct(stats.known_rate),
                stats.booked,
                _pct(stats.booked_rate),
            ),
        ),
        "return_visit",
    )


def ack_time_table(rows: Sequence[AckTime], title: str = "红旗警报确认时效") -> Table:
    return Table(
        title,
        ("科室", "警报数", "已确认", "升级", "确认用时中位数（分钟）", "90%在（分钟）内确认"),
        tuple(
            (r.name, r.raised, r.acknowledged, r.escalated, r.median_minutes, r.p90_minutes)
            for r in rows
        ),
        "red_flag_ack_time",
    )


def answer_table(dist: AnswerDistribution, title: str = "") -> Table:
    return Table(
        title or dist.label_zh,
        ("答案", "次数", "占作答%"),
        tuple(
            (c.label_zh, c.count, _pct(c.count / dist.answered) if dist.answered else 0.0)
            for c in dist.counts
        ),
        f"answers_{dist.question_id}",
    )


# A complaint's state and kind in the printed report's words (Chinese, English), the same words
# the complaints screen uses; the store keeps the codes.
COMPLAINT_STATES: dict[ComplaintState, tuple[str, str]] = {
    ComplaintState.OPEN: ("待处理", "Open"),
    ComplaintState.ASSIGNED: ("已分派", "Assigned"),
    ComplaintState.REPLIED: ("已回复", "Replied"),
    ComplaintState.CLOSED: ("已结案", "Closed"),
}
COMPLAINT_KINDS: dict[str, tuple[str, str]] = {
    "complaint": ("投诉", "Complaint"),
    "suggestion": ("建议", "Suggestion"),
    "praise": ("表扬", "Praise"),
}


def complaint_table(counts: Sequence[ComplaintCount], title: str = "投诉与建议") -> Table:
    return Table(
        title,
        ("科室", "类别", "状态", "件数"),
        tuple(
            (
                c.department_name,
                COMPLAINT_KINDS.get(c.kind, (c.kind, c.kind))[0],
                COMPLAINT_STATES[c.state][0],
                c.count,
            )
            for c in counts
        ),
        "complaints",
    )


def survival_table(curves: Sequence[KmCurve], title: str = "出院后生存分析") -> Table:
    return Table(
        title,
        ("诊断组", "例数", "死亡", "30天生存率%", "90天生存率%", "中位生存（天）"),
        tuple(
            (
                c.label,
                c.subjects,
                c.events,
                _pct(c.survival_at(30)),
                _pct(c.survival_at(90)),
                c.median if c.median is not None else "未达到",
            )
            for c in curves
        ),
        "survival",
    )
