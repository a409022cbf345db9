"""Dashboard charts as PNG bytes, drawn with matplotlib's Agg backend (no GUI, any thread).

Text uses WenQuanYi Zen Hei so Chinese labels render; ``language`` picks the axis words.
Figures are built with ``matplotlib.figure.Figure`` and an Agg canvas directly, never through
pyplot's global state or backend switch, so worker threads can draw while the GUI runs.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from matplotlib import font_manager, rc_context
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from agent_app.domain.enums import ComplaintState
from agent_app.reports.answer_records import (
    AnswerDistribution,
    ComplaintCount,
    MonthlySatisfaction,
    SatisfactionStats,
)
from agent_app.reports.errors import ReportError
from agent_app.reports.followup_records import AgentWorkload, AttemptsPerReach, FollowupRate
from agent_app.reports.survival_records import KmCurve
from agent_app.reports.tables import COMPLAINT_STATES
from agent_app.shipped_files import cjk_font

CJK_FONT = cjk_font()
_STATES = list(ComplaintState)
_font_lock = threading.Lock()
_font_name: str | None = None

_WORDS = {
    "rate": ("随访率", "Follow-up rate"),
    "done": ("已完成", "Done"),
    "r7": ("7天内联系上", "Reached ≤7 d"),
    "r30": ("30天内联系上", "Reached ≤30 d"),
    "score": ("满意度评分", "Satisfaction score"),
    "results": ("份数", "Results"),
    "mean": ("平均满意度", "Mean satisfaction"),
    "month": ("月份", "Month"),
    "attempts": ("呼叫次数", "Calls"),
    "reached": ("接通", "Reached"),
    "tasks": ("任务数", "Tasks"),
    "days": ("出院后天数", "Days after discharge"),
    "survival": ("生存率", "Survival"),
    "complaints": ("投诉/建议数", "Complaints and suggestions"),
    "empty": ("所选范围内没有数据", "No data in the chosen range"),
}


def _word(key: str, language: str) -> str:
    zh, en = _WORDS[key]
    return en if language.lower().startswith("en") else zh


def cjk_font_name() -> str:
    """Register the CJK font with matplotlib once and return its family name."""
    global _font_name
    with _font_lock:
        if _font_name is None:
            if not CJK_FONT.exists():
                raise ReportError(
                    f"The Chinese font {CJK_FONT} is missing; install fonts-wqy-zenhei."
                )
            font_manager.fontManager.addfont(str(CJK_FONT))
            _font_name = font_manager.FontProperties(fname=str(CJK_FONT)).get_name()
        return _font_name


@contextmanager
def _figure(width: float = 7.0, height: float = 3.6) -> Iterator[tuple[Figure, Axes, list[bytes]]]:
    out: list[bytes] = []
    # WenQuanYi Zen Hei has one weight, "medium"; asking for it avoids a findfont warning.
    style: Any = {
        "font.family": [cjk_font_name()],
        "font.weight": "medium",
        "axes.unicode_minus": False,
    }
    with rc_context(style):
        figure = Figure(figsize=(width, height), dpi=110)
        FigureCanvasAgg(figure)
        axes = figure.add_subplot()
        yield figure, axes, out
        figure.tight_layout()
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png")
        out.append(buffer.getvalue())


def _empty(axes: Axes, language: str) -> None:
    axes.text(0.5, 0.5, _word("empty", language), ha="center", va="center")
    axes.set_axis_off()


def followup_rate_chart(
    rates: Sequence[FollowupRate], title: str = "", language: str = "zh_CN"
) -> bytes:
    """Grouped bars: done, reached within 7 and within 30 days, as shares of the due tasks."""
    with _figure(8.0, 3.8) as (_, axes, out):
        if not rates:
            _empty(axes, language)
        else:
            xs = range(len(rates))
            width = 0.27
            for shift, key, values in (
                (-width, "done", [r.done_rate for r in rates]),
                (0.0, "r7", [r.rate_7d for r in rates]),
                (width, "r30", [r.rate_30d for r in rates]),
            ):
                axes.bar(
                    [x + shift for x in xs],
                    [v * 100 for v in values],
                    width,
                    label=_word(key, language),
                )
            axes.set_xticks(list(xs), [r.name for r in rates], rotation=40, ha="right", fontsize=8)
            axes.set_ylabel(_word("rate", language) + " (%)")
            axes.set_ylim(0, 105)
            axes.legend(fontsize=8)
        axes.set_title(title)
    return out[0]


def satisfaction_chart(stats: SatisfactionStats, title: str = "", language: str = "zh_CN") -> bytes:
    """Bars of how many results gave each satisfaction score."""
    with _figure(5.0, 3.2) as (_, axes, out):
        if not stats.answered:
            _empty(axes, language)
        else:
            scores = [s for s, _ in stats.distribution]
            axes.bar([str(s) for s in scores], [n for _, n in stats.distribution], color="#4c8bc9")
            axes.set_xlabel(_word("score", language))
            axes.set_ylabel(_word("results", language))
        axes.set_title(title)
    return out[0]


def satisfaction_trend_chart(
    months: Sequence[MonthlySatisfaction], title: str = "", language: str = "zh_CN"
) -> bytes:
    """Mean satisfaction per month as a line."""
    with _figure(6.0, 3.2) as (_, axes, out):
        if not months:
            _empty(axes, language)
        else:
            axes.plot([m.month for m in months], [m.mean for m in months], marker="o")
            axes.set_ylim(1, 5.2)
            axes.set_xlabel(_word("month", language))
            axes.set_ylabel(_word("mean", language))
            axes.grid(alpha=0.3)
        axes.set_title(title)
    return out[0]


def workload_chart(
    workloads: Sequence[AgentWorkload], title: str = "", language: str = "zh_CN", top: int = 15
) -> bytes:
    """Horizontal bars of calls and reached calls for the busiest agents."""
    shown = list(workloads[:top])[::-1]
    with _figure(6.5, max(2.5, 0.3 * len(shown) + 1.2)) as (_, axes, out):
        if not shown:
            _empty(axes, language)
        else:
            names = [w.name for w in shown]
            axes.barh(names, [w.attempts for w in shown], label=_word("attempts", language))
            axes.barh(names, [w.reached for w in shown], label=_word("reached", language))
            axes.legend(fontsize=8)
            axes.tick_params(axis="y", labelsize=8)
        axes.set_title(title)
    return out[0]


def attempts_chart(stats: AttemptsPerReach, title: str = "", language: str = "zh_CN") -> bytes:
    """Bars: how many reached tasks needed 1, 2, 3 … calls."""
    with _figure(5.0, 3.2) as (_, axes, out):
        if not stats.tasks_reached:
            _empty(axes, language)
        else:
            axes.bar(
                [str(n) for n, _ in stats.distribution],
                [c for _, c in stats.distribution],
                color="#6aa86a",
            )
            axes.set_xlabel(_word("attempts", language))
            axes.set_ylabel(_word("tasks", language))
        axes.set_title(title)
    return out[0]


def answer_chart(dist: AnswerDistribution, title: str = "", language: str = "zh_CN") -> bytes:
    """Bars of how often each answer to one question was given."""
    english = language.lower().startswith("en")
    with _figure(6.0, 3.4) as (_, axes, out):
        if not dist.answered:
            _empty(axes, language)
        else:
            labels = [c.label_en if english else c.label_zh for c in dist.counts]
            axes.bar(labels, [c.count for c in dist.counts], color="#c98a4c")
            axes.tick_params(axis="x", labelsize=8, rotation=20)
            axes.set_ylabel(_word("results", language))
        axes.set_title(title or (dist.label_en if english else dist.label_zh), fontsize=10)
    return out[0]


def complaint_chart(
    counts: Sequence[ComplaintCount], title: str = "", language: str = "zh_CN"
) -> bytes:
    """Stacked bars of complaints per department, one colour per state."""
    with _figure(6.5, 3.4) as (_, axes, out):
        if not counts:
            _empty(axes, language)
        else:
            departments = sorted({c.department_name for c in counts})
            states = sorted({c.state for c in counts}, key=_STATES.index)
            bottom = [0] * len(departments)
            for state in states:
                values = [
                    sum(c.count for c in counts if c.department_name == d and c.state is state)
                    for d in departments
                ]
                zh, en = COMPLAINT_STATES[state]
                label = en if language.lower().startswith("en") else zh
                axes.bar(departments, values, bottom=bottom, label=label)
                bottom = [b + v for b, v in zip(bottom, values, strict=True)]
            axes.set_ylabel(_word("complaints", language))
            axes.tick_params(axis="x", labelsize=8, rotation=30)
            axes.legend(fontsize=8)
        axes.set_title(title)
    return out[0]


def survival_chart(curves: Sequence[KmCurve], title: str = "", language: str = "zh_CN") -> bytes:
    """Kaplan–Meier step curves per group with their shaded confidence bands."""
    with _figure(7.0, 4.0) as (_, axes, out):
        if not curves:
            _empty(axes, language)
        else:
            for curve in curves:
                line = axes.step(
                    curve.times,
                    curve.survival,
                    where="post",
                    label=f"{curve.label} (n={curve.subjects})",
                )[0]
                axes.fill_between(
                    curve.times,
                    curve.lower,
                    curve.upper,
                    step="post",
                    alpha=0.15,
                    color=line.get_color(),
                )
            axes.set_ylim(0, 1.02)
            axes.set_xlabel(_word("days", language))
            axes.set_ylabel(_word("survival", language))
            axes.legend(fontsize=7, loc="lower left")
            axes.grid(alpha=0.3)
        axes.set_title(title)
    return out[0]
