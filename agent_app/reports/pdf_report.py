"""The monthly follow-up analysis report as PDF: Chinese text, tables and the dashboard charts.

reportlab embeds WenQuanYi Zen Hei (subfont 0 of the .ttc, TrueType outlines); Noto CJK
cannot be embedded by reportlab (PostScript outlines), see DESIGN.md.
"""

from __future__ import annotations

import datetime as dt
import io
import threading
from collections.abc import Callable
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    Flowable,
    Image,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    TableStyle,
)
from reportlab.platypus import Table as PdfTable
from sqlalchemy import Engine

from agent_app.reports import charts, tables
from agent_app.reports.charts import CJK_FONT
from agent_app.reports.errors import ReportError
from agent_app.reports.filters import Progress
from agent_app.reports.monthly import MonthlyFigures, gather_monthly
from agent_app.store.repositories.audit import AuditAction, record_audit

FONT = "WQY-ZenHei"
_font_lock = threading.Lock()


def register_cjk_font() -> str:
    """Register the embedded CJK font with reportlab once; returns its name."""
    with _font_lock:
        if FONT not in pdfmetrics.getRegisteredFontNames():
            if not CJK_FONT.exists():
                raise ReportError(
                    f"The Chinese font {CJK_FONT} is missing; install fonts-wqy-zenhei."
                )
            pdfmetrics.registerFont(TTFont(FONT, str(CJK_FONT), subfontIndex=0))
    return FONT


def _styles() -> dict[str, ParagraphStyle]:
    font = register_cjk_font()
    return {
        "title": ParagraphStyle("title", fontName=font, fontSize=18, leading=24, alignment=1),
        "sub": ParagraphStyle("sub", fontName=font, fontSize=10, leading=14, alignment=1),
        "h2": ParagraphStyle("h2", fontName=font, fontSize=13, leading=18, spaceBefore=8),
        "body": ParagraphStyle("body", fontName=font, fontSize=9.5, leading=14),
        "cell": ParagraphStyle("cell", fontName=font, fontSize=8, leading=10),
    }


def _table(table: tables.Table, styles: dict[str, ParagraphStyle]) -> Flowable:
    def cell(value: tables.Cell) -> Paragraph:
        return Paragraph("" if value is None else str(value), styles["cell"])

    data = [[cell(c) for c in table.columns]] + [[cell(c) for c in row] for row in table.rows]
    grid = PdfTable(data, repeatRows=1, hAlign="LEFT")
    grid.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dfe8f3")),
                ("GRID", (0, 0), (-1, -1), 0.3, colors.grey),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    if not table.rows:
        return Paragraph(f"{table.title}：本期无数据。", styles["body"])
    return grid


def _chart(png: bytes, width_mm: float = 165) -> Image:
    image = Image(io.BytesIO(png))
    ratio = image.imageHeight / image.imageWidth
    image.drawWidth = width_mm * mm
    image.drawHeight = width_mm * mm * ratio
    return image


def _summary(figures: MonthlyFigures) -> str:
    h = figures.hospital
    if h is None:
        return "本月没有到期的随访任务。"
    s = figures.satisfaction
    return (
        f"本月应随访 {h.due} 人次，已完成 {h.done} 人次（完成率 {h.done_rate * 100:.1f}%）；"
        f"出院 7 天内联系上 {h.reached_7d} 人次（{h.rate_7d * 100:.1f}%），"
        f"30 天内联系上 {h.reached_30d} 人次（{h.rate_30d * 100:.1f}%）。"
        f"平均每联系上一位患者呼叫 {figures.attempts.mean:.2f} 次。"
        f"满意度调查 {s.answered} 份，平均 {s.mean:.2f} 分。"
        f"登记投诉与建议 {sum(c.count for c in figures.complaints)} 件。" + _ack_sentence(figures)
    )


def _ack_sentence(figures: MonthlyFigures) -> str:
    hospital = figures.ack_times[-1] if figures.ack_times else None
    if hospital is None:
        return "本月无红旗警报。"
    if hospital.median_minutes is None:
        return f"红旗警报 {hospital.raised} 条，均未确认。"
    return (
        f"红旗警报 {hospital.raised} 条，已确认 {hospital.acknowledged} 条，"
        f"确认用时中位数 {hospital.median_minutes:g} 分钟。"
    )


def render_monthly_pdf(
    figures: MonthlyFigures,
    path: Path,
    *,
    department_name: str = "",
    progress: Progress | None = None,
    generated_at: dt.datetime | None = None,
) -> Path:
    """Write the report for ``figures`` to ``path`` (A4, Chinese, charts embedded)."""
    styles = _styles()
    steps = 9

    def step(done: int, label: str) -> None:
        if progress is not None:
            progress(done, steps, label)

    moment = generated_at or dt.datetime.now().astimezone()
    scope = department_name or "全院"
    story: list[Flowable] = [
        Paragraph(figures.title, styles["title"]),
        Paragraph(
            f"范围：{scope}  统计期间：{figures.filter.describe()}  "
            f"生成时间：{moment.strftime('%Y-%m-%d %H:%M')}",
            styles["sub"],
        ),
        Spacer(1, 6 * mm),
        Paragraph("一、总体情况", styles["h2"]),
        Paragraph(_summary(figures), styles["body"]),
    ]
    sections: list[tuple[str, Callable[[], list[Flowable]]]] = [
        (
            "二、各科室随访率",
            lambda: [
                _table(tables.followup_rate_table(figures.departments), styles),
                _chart(charts.followup_rate_chart(figures.departments, "各科室随访率")),
            ],
        ),
        (
            "三、呼叫效率",
            lambda: [
                _table(tables.attempts_table(figures.attempts), styles),
                _chart(charts.attempts_chart(figures.attempts, "联系上所需呼叫次数"), 110),
            ],
        ),
        (
            "四、随访人员工作量",
            lambda: [
                _table(tables.workload_table(figures.workload[:30]), styles),
                _chart(charts.workload_chart(figures.workload, "工作量前 15 名"), 140),
            ],
        ),
        (
            "五、满意度",
            lambda: [
                _table(tables.satisfaction_table(figures.satisfaction), styles),
                _chart(charts.satisfaction_chart(figures.satisfaction, "满意度分布"), 110),
                _table(tables.satisfaction_trend_table(figures.trend), styles),
                _chart(charts.satisfaction_trend_chart(figures.trend, "满意度趋势"), 130),
            ],
        ),
        (
            "六、复诊情况",
            lambda: [_table(tables.return_visit_table(figures.return_visits), styles)],
        ),
        (
            "七、投诉与建议",
            lambda: [
                _table(tables.complaint_table(figures.complaints), styles),
                _chart(charts.complaint_chart(figures.complaints, "投诉与建议"), 140),
            ],
        ),
        (
            "八、红旗警报确认时效",
            lambda: [_table(tables.ack_time_table(figures.ack_times), styles)],
        ),
        (
            "九、出院后生存分析（Kaplan–Meier）",
            lambda: [
                _table(tables.survival_table(figures.survival), styles),
                _chart(charts.survival_chart(figures.survival, "按诊断分组的生存曲线")),
            ],
        ),
    ]
    for done, (heading, build) in enumerate(sections, 1):
        step(done - 1, heading)
        parts = build()
        story.append(KeepTogether([Paragraph(heading, styles["h2"]), parts[0]]))
        for part in parts[1:]:
            story += [Spacer(1, 2 * mm), part]
    step(len(sections), "writing PDF")
    document = SimpleDocTemplate(
        str(path),
        pagesize=A4,
        title=figures.title,
        author="随访工作台",
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=16 * mm,
    )
    try:
        document.build(story)
    except OSError as error:
        raise ReportError(f"Could not write {path}: {error.strerror or error}.") from error
    step(steps, "done")
    return path


def write_monthly_report(
    engine: Engine,
    staff_id: int,
    year: int,
    month: int,
    path: Path,
    *,
    department_id: int | None = None,
    department_name: str = "",
    progress: Progress | None = None,
) -> MonthlyFigures:
    """Gather the figures, write the PDF to ``path`` and record the export in the audit log.

    ``progress(done, total, label)`` runs once from 0 to ``total`` over both phases, the
    queries and then the rendering.
    """
    queries, rendering = 10, 9
    total = queries + rendering

    def phase(first: int) -> Progress | None:
        if progress is None:
            return None
        report = progress
        return lambda done, _total, label: report(first + done, total, label)

    figures = gather_monthly(engine, year, month, department_id=department_id, progress=phase(0))
    render_monthly_pdf(figures, path, department_name=department_name, progress=phase(queries))
    record_audit(
        engine,
        staff_id,
        AuditAction.EXPORT,
        "monthly_report",
        f"{year}-{month:02d}",
        {"format": "pdf", "department_id": department_id, "file": path.name},
    )
    return figures
