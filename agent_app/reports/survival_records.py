"""Survival figures: the Kaplan–Meier curves ``survival`` estimates and the subjects it
estimates them from (read raw there, or from the tally in ``tally_survival``)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class KmCurve:
    """A Kaplan–Meier estimate: S(t) just after each time in ``times`` (first time 0)."""

    group: str
    label: str
    subjects: int
    events: int
    times: tuple[float, ...]
    survival: tuple[float, ...]
    lower: tuple[float, ...]
    upper: tuple[float, ...]
    at_risk: tuple[int, ...]
    median: float | None  # None while survival stays above one half

    def survival_at(self, t: float) -> float:
        """S(t): the step function's value at ``t``."""
        value = 1.0
        for time, s in zip(self.times, self.survival, strict=True):
            if time > t:
                break
            value = s
        return value


@dataclass(frozen=True)
class SurvivalSubject:
    group: str
    days: float
    died: bool
