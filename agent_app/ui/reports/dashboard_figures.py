"""Every figure the dashboard shows, computed in one go on a worker thread (Qt-free).

Each page is one table (reports.tables) and, where the core draws one, its chart as PNG.
Tables keep the core's Chinese titles and headers, so what is exported is what the printed
monthly report says; the chart titles follow the desk's language.
"""

from __future__ import annotations

import enum
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import TypeVar

from sqlalchemy import Engine

from agent_app.reports import charts, tables
from agent_app.reports.answer_records import AnswerDistribution
from agent_app.reports.answer_stats import (
    answer_distribution,
    complaint_counts,
    return_visit_rate,
    satisfaction_distribution,
    satisfaction_trend,
)
from agent_app.reports.filters import Progress, StatsFilter
from agent_app.reports.followup_records import Grouping
from agent_app.reports.followup_stats import agent_workload, attempts_per_reach, followup_rates
from agent_app.reports.red_flag_stats import time_to_acknowledge
from agent_app.reports.survival import survival_by_diagnosis

T = TypeVar("T")


class Page(enum.StrEnum):
    """The dashboard's tabs, in the order they are shown."""

    RATE = "rate"
    ATTEMPTS = "attempts"
    WORKLOAD = "workload"
    SATISFACTION = "satisfaction"
    TREND = "trend"
    RETURN_VISITS = "return_visits"
    ACK_TIME = "ack_time"  # red-flag alerts: time to acknowledge
    ANSWERS = "answers"
    COMPLAINTS = "complaints"
    SURVIVAL = "survival"


@dataclass(frozen=True)
class PageFigures:
    table: tables.Table
    chart: bytes | None  # PNG; None where the core has no chart for the table


@dataclass(frozen=True)
class DashboardRequest:
    """What to compute: the filter (already narrowed to the account), the grouping of the
    follow-up rate, the question whose answers are counted, and the charts' words."""

    filter: StatsFilter
    grouping: Grouping
    template_code: str | None
    question_id: str | None
    language: str
    titles: Mapping[Page, str]

    def for_question(self, template_code: str | None, question_id: str | None) -> DashboardRequest:
        return replace(self, template_code=template_code, question_id=question_id)


class RefreshCancelled(Exception):
    """The user cancelled the refresh; nothing computed so far is kept."""


NO_ANSWERS = AnswerDistribution("", "", "", 0, ())


def compute_answers(engine: Engine, request: DashboardRequest) -> PageFigures:
    """The answer distribution of the request's question (an empty page without one)."""
    dist = NO_ANSWERS
    if request.template_code and request.question_id:
        dist = answer_distribution(
            engine, request.filter, request.template_code, request.question_id
        )
    table = tables.answer_table(dist, title="" if dist.question_id else "答案分布")
    title = request.titles.get(Page.ANSWERS, "")
    if dist.question_id:
        english = request.language.lower().startswith("en")
        title = dist.label_en if english else dist.label_zh
    return PageFigures(table, charts.answer_chart(dist, title, request.language))


def _return_visits(engine: Engine, r: DashboardRequest) -> PageFigures:
    # The core draws no chart for these two figures; the table says it all.
    return PageFigures(tables.return_visit_table(return_visit_rate(engine, r.filter)), None)


def _ack_time(engine: Engine, r: DashboardRequest) -> PageFigures:
    return PageFigures(tables.ack_time_table(time_to_acknowledge(engine, r.filter)), None)


Builder = Callable[[Engine, DashboardRequest], PageFigures]


def _page(
    page: Page,
    query: Callable[[Engine, DashboardRequest], T],
    table: Callable[[T], tables.Table],
    chart: Callable[[T, str, str], bytes],
) -> Builder:
    """A page whose figures are one query, then its table and its chart."""

    def build(engine: Engine, r: DashboardRequest) -> PageFigures:
        figures = query(engine, r)
        return PageFigures(table(figures), chart(figures, r.titles.get(page, ""), r.language))

    return build


BUILDERS: dict[Page, Builder] = {
    Page.RATE: _page(
        Page.RATE,
        lambda e, r: followup_rates(e, r.filter, r.grouping),
        tables.followup_rate_table,
        charts.followup_rate_chart,
    ),
    Page.ATTEMPTS: _page(
        Page.ATTEMPTS,
        lambda e, r: attempts_per_reach(e, r.filter),
        tables.attempts_table,
        charts.attempts_chart,
    ),
    Page.WORKLOAD: _page(
        Page.WORKLOAD,
        lambda e, r: agent_workload(e, r.filter),
        tables.workload_table,
        charts.workload_chart,
    ),
    Page.SATISFACTION: _page(
        Page.SATISFACTION,
        lambda e, r: satisfaction_distribution(e, r.filter),
        tables.satisfaction_table,
        charts.satisfaction_chart,
    ),
    Page.TREND: _page(
        Page.TREND,
        lambda e, r: satisfaction_trend(e, r.filter),
        tables.satisfaction_trend_table,
        charts.satisfaction_trend_chart,
    ),
    Page.RETURN_VISITS: _return_visits,
    Page.ACK_TIME: _ack_time,
    Page.ANSWERS: compute_answers,
    Page.COMPLAINTS: _page(
        Page.COMPLAINTS,
        lambda e, r: complaint_counts(e, r.filter),
        tables.complaint_table,
        charts.complaint_chart,
    ),
    Page.SURVIVAL: _page(
        Page.SURVIVAL,
        lambda e, r: survival_by_diagnosis(e, r.filter),
        tables.survival_table,
        charts.survival_chart,
    ),
}


def compute_dashboard(
    engine: Engine,
    request: DashboardRequest,
    progress: Progress | None = None,
    cancelled: threading.Event | None = None,
) -> dict[Page, PageFigures]:
    """Run every query and draw every chart, page by page; ``progress(done, total, label)``
    before each page and once at the end. Raises RefreshCancelled as soon as ``cancelled``
    is set, so a cancelled refresh stops using the database."""
    figures: dict[Page, PageFigures] = {}
    total = len(Page)
    for done, key in enumerate(Page):
        if cancelled is not None and cancelled.is_set():
            raise RefreshCancelled("The refresh was cancelled.")
        if progress is not None:
            progress(done, total, key.value)
        figures[key] = BUILDERS[key](engine, request)
    if progress is not None:
        progress(total, total, "done")
    return figures
