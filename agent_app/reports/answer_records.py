"""What patients answered, as the raw queries in ``answer_stats`` and the tally reads in
``tally_answers`` both give it."""

from __future__ import annotations

from dataclasses import dataclass

from agent_app.domain.enums import ComplaintState


@dataclass(frozen=True)
class SatisfactionStats:
    answered: int
    distribution: tuple[tuple[int, int], ...]  # (score, results)

    @property
    def mean(self) -> float:
        total = sum(score * n for score, n in self.distribution)
        return total / self.answered if self.answered else 0.0


@dataclass(frozen=True)
class MonthlySatisfaction:
    month: str  # YYYY-MM, local time
    answered: int
    mean: float
    satisfied: int  # scores 4 and 5


@dataclass(frozen=True)
class ReturnVisitStats:
    """Among results whose questionnaire asked about the re-visit: how many knew when and
    where to come back, and how many had a re-visit booked (a date given)."""

    asked: int
    known: int
    booked: int

    @property
    def known_rate(self) -> float:
        return self.known / self.asked if self.asked else 0.0

    @property
    def booked_rate(self) -> float:
        return self.booked / self.asked if self.asked else 0.0


@dataclass(frozen=True)
class AnswerCount:
    value: str
    label_zh: str
    label_en: str
    count: int


@dataclass(frozen=True)
class AnswerDistribution:
    question_id: str
    label_zh: str
    label_en: str
    answered: int  # results that answered the question
    counts: tuple[AnswerCount, ...]  # several per result for a multi-choice question


@dataclass(frozen=True)
class ComplaintCount:
    department_id: int | None
    department_name: str
    kind: str
    state: ComplaintState
    count: int
