"""What patients answered: satisfaction, re-visits, any template question, and complaints.

Answers are read with SQLAlchemy's JSON paths, which compile to ``json_extract`` on SQLite and
``#>>`` on PostgreSQL. Both stored layouts are read: the answer sheet's
``{"format": 1, "answers": {id: {"value": …}}}`` and the older flat ``{id: value}``.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import Engine, and_, case, func, select

from agent_app.domain.enums import ComplaintState
from agent_app.domain.questionnaire_model import YES_NO_OPTIONS, QuestionType
from agent_app.reports import tally_answers
from agent_app.reports.answer_labels import (
    answer_items,
    find_question,
    natural_order,
    template_body,
)
from agent_app.reports.answer_records import (
    AnswerCount,
    AnswerDistribution,
    ComplaintCount,
    MonthlySatisfaction,
    ReturnVisitStats,
    SatisfactionStats,
)
from agent_app.reports.filters import StatsFilter, month_of
from agent_app.reports.followup_stats import task_conditions
from agent_app.reports.tally_filter import tallies_usable
from agent_app.store.schema import (
    Complaint,
    Department,
    Episode,
    FollowupResult,
    FollowupTask,
    QuestionnaireTemplate,
)

# Where the shipped templates record the re-visit (resources/questionnaires/*.json).
REVISIT_KNOWN_QUESTIONS = ("revisit_known", "xray_revisit_known")
REVISIT_DATE_QUESTION = "revisit_date"


def answer_path(question_id: str) -> tuple[Any, Any]:
    """The answer to a question as text, in the sheet layout and in the flat layout."""
    col = FollowupResult.answers
    return (
        col[("answers", question_id, "value")].as_string(),
        col[(question_id,)].as_string(),
    )


def answer_text(question_id: str) -> Any:
    sheet, flat = answer_path(question_id)
    return func.coalesce(sheet, flat)


def _results(flt: StatsFilter, *columns: Any) -> Any:
    """Results created in the period whose task matches the filter."""
    result, task = FollowupResult, FollowupTask
    query = select(*columns).select_from(result).join(task, task.id == result.task_id)
    if flt.diagnosis_prefix:  # the episode is read only when a diagnosis is asked for
        query = query.outerjoin(Episode, Episode.id == task.episode_id)
    return query.where(
        result.created_at >= flt.utc_from,
        result.created_at < flt.utc_before,
        *task_conditions(flt, by_due=False),
    )


def satisfaction_distribution(engine: Engine, flt: StatsFilter) -> SatisfactionStats:
    """How many results gave each satisfaction score in the period."""
    with engine.connect() as connection:
        if tallies_usable(connection, flt):
            return tally_answers.satisfaction_distribution(connection, flt)
    score = FollowupResult.satisfaction
    query = (
        _results(flt, score, func.count()).where(score.is_not(None)).group_by(score).order_by(score)
    )
    with engine.connect() as connection:
        rows = tuple((int(s), int(n)) for s, n in connection.execute(query))
    return SatisfactionStats(sum(n for _, n in rows), rows)


def satisfaction_trend(engine: Engine, flt: StatsFilter) -> list[MonthlySatisfaction]:
    """Mean satisfaction and the satisfied count (4–5) per local calendar month."""
    with engine.connect() as connection:
        if tallies_usable(connection, flt):
            return tally_answers.satisfaction_trend(connection, flt)
    score = FollowupResult.satisfaction
    month = month_of(FollowupResult.created_at, flt)
    query = (
        _results(
            flt,
            month,
            func.count(),
            func.avg(score),
            func.sum(case((score >= 4, 1), else_=0)),
        )
        .where(score.is_not(None))
        .group_by(month)
        .order_by(month)
    )
    with engine.connect() as connection:
        return [
            MonthlySatisfaction(str(m), int(n), round(float(mean), 3), int(ok or 0))
            for m, n, mean, ok in connection.execute(query)
        ]


def return_visit_rate(engine: Engine, flt: StatsFilter) -> ReturnVisitStats:
    """Re-visit awareness and bookings among results that asked about them."""
    with engine.connect() as connection:
        if tallies_usable(connection, flt):
            return tally_answers.return_visit_rate(connection, flt)
    known = func.coalesce(*(answer_text(q) for q in REVISIT_KNOWN_QUESTIONS))
    date = answer_text(REVISIT_DATE_QUESTION)
    asked = and_(known.is_not(None)) | date.is_not(None)
    query = _results(
        flt,
        func.sum(case((asked, 1), else_=0)),
        func.sum(case((known == "yes", 1), else_=0)),
        func.sum(case((and_(date.is_not(None), date != ""), 1), else_=0)),
    )
    with engine.connect() as connection:
        row = connection.execute(query).one()
    return ReturnVisitStats(int(row[0] or 0), int(row[1] or 0), int(row[2] or 0))


def answer_distribution(
    engine: Engine, flt: StatsFilter, template_code: str, question_id: str
) -> AnswerDistribution:
    """How often each answer was given to one question of one template in the period.

    A multi-choice answer counts once for every option picked; free text is counted as is.
    """
    grouped = _grouped_answers(engine, flt, template_code, question_id)
    counts: Counter[str] = Counter()
    for raw, n in grouped:
        for item in answer_items(raw):
            counts[item] += n
    question = find_question(template_body(engine, template_code), question_id)
    options = {str(o.get("value")): o.get("label", {}) for o in question.get("options", []) or []}
    if question.get("type") == QuestionType.YES_NO.value:
        # A template lists no options for a yes/no question: the questionnaire owns its words.
        options = {o.value: {"zh_CN": o.label.zh_CN, "en": o.label.en} for o in YES_NO_OPTIONS}
    order = list(options) + sorted(set(counts) - set(options), key=natural_order)
    text = question.get("text", {})
    return AnswerDistribution(
        question_id,
        str(text.get("zh_CN", question_id)),
        str(text.get("en", question_id)),
        sum(n for _, n in grouped),
        tuple(
            AnswerCount(
                v,
                str(options.get(v, {}).get("zh_CN", v)),
                str(options.get(v, {}).get("en", v)),
                counts[v],
            )
            for v in order
            if counts[v] or v in options
        ),
    )


def _grouped_answers(
    engine: Engine, flt: StatsFilter, template_code: str, question_id: str
) -> list[tuple[str, int]]:
    """``(answer text, results)``: one row per distinct answer text."""
    with engine.connect() as connection:
        if tallies_usable(connection, flt):
            tallied = tally_answers.grouped_answers(connection, flt, template_code, question_id)
            if tallied is not None:
                return tallied
        value = answer_text(question_id)
        query = (
            _results(flt, value, func.count())
            .join(QuestionnaireTemplate, QuestionnaireTemplate.id == FollowupResult.template_id)
            .where(QuestionnaireTemplate.code == template_code, value.is_not(None))
            .group_by(value)
        )
        return [(str(v), int(n)) for v, n in connection.execute(query)]


def choice_questions(engine: Engine, template_code: str) -> list[tuple[str, str, str]]:
    """``(question id, Chinese text, English text)`` of the template's countable questions."""
    body = template_body(engine, template_code)
    return [
        (str(q["id"]), str(q["text"].get("zh_CN", "")), str(q["text"].get("en", "")))
        for section in body.get("sections", [])
        for q in section.get("questions", [])
        if q.get("type") in ("single", "multi", "yes_no", "scale")
    ]


def complaint_counts(engine: Engine, flt: StatsFilter) -> list[ComplaintCount]:
    """Complaints and suggestions registered in the period, by department, kind and state."""
    c = Complaint
    conditions: list[Any] = [c.created_at >= flt.utc_from, c.created_at < flt.utc_before]
    if flt.department_id is not None:
        conditions.append(c.department_id == flt.department_id)
    query = (
        select(c.department_id, Department.name, c.kind, c.state, func.count())
        .outerjoin(Department, Department.id == c.department_id)
        .where(*conditions)
        .group_by(c.department_id, Department.name, c.kind, c.state)
    )
    with engine.connect() as connection:
        counts = [
            ComplaintCount(d, name or "未分派", kind, ComplaintState(state), int(n))
            for d, name, kind, state, n in connection.execute(query)
        ]
    order = list(ComplaintState)
    # Departments in id order (unassigned last), states in workflow order.
    return sorted(
        counts,
        key=lambda c: (c.department_id is None, c.department_id or 0, c.kind, order.index(c.state)),
    )
