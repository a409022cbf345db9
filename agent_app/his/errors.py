"""Typed errors of the discharge import; every message is a sentence a person can act on."""

from __future__ import annotations

from typing import Any, ClassVar

from agent_app.domain.calling_hours import CallingHoursError
from agent_app.domain.coded_error import CodedError


class HisError(Exception):
    """Base of every discharge-import error."""


class MappingError(HisError):
    """A column mapping or import file that cannot be used."""


class SourceError(HisError):
    """The HIS source (database, file) could not be read."""


class PlanRuleError(CodedError, HisError):
    """A follow-up plan whose rules or settings cannot be used; ``plan`` names it once known.

    A calling-hours problem keeps the calling-hours code (``hours_…``) with its parameters.
    """

    ENGLISH: ClassVar[dict[str, str]] = {
        **CallingHoursError.ENGLISH,
        "plan_rules_not_object": "plan rules must be a JSON object",
        "plan_unknown_rule": 'unknown plan rule "{rule}"',
        "plan_bad_icd": "'{text}' is not an ICD-10 code, prefix or range",
        "plan_bad_icd_range": "the ICD-10 range '{text}' is not a range like C00-C97",
        "plan_not_texts": '"{rule}" must be a text or a list of texts',
        "plan_bad_bounds": '"{rule}" must be an object like {{"min": 18, "max": 80}}',
        "plan_bounds_not_whole": '"{rule}" bounds must be whole numbers',
        "plan_min_above_max": '"{rule}": min {low} is above max {high}',
        "plan_bad_value": '"{rule}" has a value that is not allowed: {value}',
        "plan_points_not_list": "the follow-up points must be a list of days, like [3, 30]",
        "plan_points_not_days": "follow-up points must be whole days from 0 up",
    }

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code, **params)
        self.plan = ""

    def for_plan(self, plan: str) -> PlanRuleError:
        """This error, naming the plan it came from."""
        self.plan = plan
        self.args = (f"The follow-up plan '{plan}' cannot be used: {self.args[0]}",)
        return self

    def as_json(self) -> dict[str, Any]:
        return {**super().as_json(), "plan": self.plan}


class HisSettingsError(HisError):
    """The [his] settings cannot be used."""
