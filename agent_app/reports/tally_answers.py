"""Satisfaction, re-visits and answer counts read from the tallies (same figures as the raw
queries in ``answer_stats``, which decides when these answer)."""

from __future__ import annotations

import re
from collections import defaultdict

from sqlalchemy import Connection, case, func, select

from agent_app.reports.answer_records import (
    MonthlySatisfaction,
    ReturnVisitStats,
    SatisfactionStats,
)
from agent_app.reports.filters import StatsFilter
from agent_app.reports.tally_filter import current_tally, date_of, tally_conditions
from agent_app.store.schema import (
    QuestionnaireTemplate,
    StatsAnswerTally,
    StatsRevisitTally,
    StatsSatisfactionTally,
)
from agent_app.store.tallies.dialect import LAYOUT_KEYS, QUESTION_PATTERN

_QUESTION = re.compile(QUESTION_PATTERN)


def satisfaction_distribution(connection: Connection, flt: StatsFilter) -> SatisfactionStats:
    s = current_tally(connection, StatsSatisfactionTally)
    query = (
        select(s.satisfaction, func.sum(s.results))
        .where(*tally_conditions(s, flt), s.results != 0)
        .group_by(s.satisfaction)
        .having(func.sum(s.results) > 0)
        .order_by(s.satisfaction)
    )
    rows = tuple((int(score), int(n)) for score, n in connection.execute(query))
    return SatisfactionStats(sum(n for _, n in rows), rows)


def satisfaction_trend(connection: Connection, flt: StatsFilter) -> list[MonthlySatisfaction]:
    s = current_tally(connection, StatsSatisfactionTally)
    query = (
        select(s.day, s.satisfaction, func.sum(s.results))
        .where(*tally_conditions(s, flt), s.results != 0)
        .group_by(s.day, s.satisfaction)
    )
    months: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # results, total, satisfied
    for day, score, n in connection.execute(query):
        month = months[date_of(int(day)).strftime("%Y-%m")]
        month[0] += int(n)
        month[1] += int(score) * int(n)
        month[2] += int(n) if score >= 4 else 0
    return [
        MonthlySatisfaction(m, n, round(total / n, 3), ok)
        for m, (n, total, ok) in sorted(months.items())
        if n
    ]


def return_visit_rate(connection: Connection, flt: StatsFilter) -> ReturnVisitStats:
    v = current_tally(connection, StatsRevisitTally)
    query = select(
        func.sum(v.results),
        func.sum(case((v.known == 1, v.results), else_=0)),
        func.sum(case((v.booked == 1, v.results), else_=0)),
    ).where(*tally_conditions(v, flt))
    row = connection.execute(query).one()
    return ReturnVisitStats(int(row[0] or 0), int(row[1] or 0), int(row[2] or 0))


def question_tallied(question_id: str) -> bool:
    """Whether the tallies count the answers to this question id."""
    return (
        bool(_QUESTION.match(question_id))
        and question_id.lower() != "null"
        and question_id not in LAYOUT_KEYS
    )


def grouped_answers(
    connection: Connection, flt: StatsFilter, template_code: str, question_id: str
) -> list[tuple[str, int]] | None:
    """``(answer text, results)`` as the raw query groups them; None when the tallies cannot
    say (an answer too long to tally, or a question id they do not count)."""
    if not question_tallied(question_id):
        return None
    a, template = current_tally(connection, StatsAnswerTally), QuestionnaireTemplate
    query = (
        select(a.long, a.value, func.sum(a.results))
        .join(template, template.id == a.template_id)
        .where(
            *tally_conditions(a, flt),
            a.question_id == question_id,
            template.code == template_code,
            a.results != 0,
        )
        .group_by(a.long, a.value)
        .having(func.sum(a.results) > 0)
    )
    rows = connection.execute(query).all()
    if any(long for long, _, _ in rows):
        return None
    return [(str(value), int(n)) for _, value, n in rows]
