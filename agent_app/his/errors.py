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


class RowRefused(CodedError, HisError):
    """A source row that cannot be imported, with a code a screen can say in any language.

    The rejected row keeps ``code`` (``his_rejected_row.reason``) and ``params``; the English
    sentence goes only to logs and to the HIS machine in an HL7 acknowledgement.
    """

    ENGLISH: ClassVar[dict[str, str]] = {
        "row_no_patient_id": (
            "The patient identifier (MRN) is missing; the mapping names no other identifier "
            "to use instead."
        ),
        # ``field`` is the imported field's name (discharged_on, birth_date…), a code too.
        "row_missing": "The {field} is missing.",
        "row_bad_date": "The {field} '{value}' is not a date.",
        "row_bad_phones": "No valid phone number (not a number: {numbers}).",
        "row_no_phone": "No phone number for the patient or a contact.",
        "row_unknown_department": "Unknown department '{department}'.",
        "row_no_birth_date": "The birth date is missing (and no ID number to read it from).",
        "row_bad_sex": "The sex '{value}' is not one of 男, 女, M, F.",
        "row_admitted_after_discharge": "Admitted on {admitted} after the discharge on "
        "{discharged}.",
        "row_revisit_before_discharge": "The re-visit on {revisit} is before the discharge on "
        "{discharged}.",
        "row_born_after_discharge": "Born on {birth}, after the discharge on {discharged}.",
        "row_bad_icd": "The diagnosis code '{icd}' is not an ICD-10 code.",
        "row_bad_disposition": "Unknown discharge disposition '{value}'.",
        "row_too_long": "The {field} is longer than {limit} characters.",
    }
    _FIELD_WORDS: ClassVar[dict[str, str]] = {
        "visit_number": "visit number (住院号)",
        "discharged_on": "discharge date",
        "admitted_on": "admission date",
        "birth_date": "birth date",
        "revisit_on": "re-visit date",
        "name": "patient's name",
    }

    def english(self) -> str:
        """The code stays in ``params``; the sentence gets the field's words."""
        field = self.params.get("field")
        if field is None:
            return super().english()
        words = self._FIELD_WORDS.get(field, field.replace("_", " "))
        return self.ENGLISH[self.code].format(**{**self.params, "field": words})


class MessageRefused(CodedError, HisError):
    """An HL7 message that cannot be taken; answered AE (or AR) and kept as a rejected row."""

    ENGLISH: ClassVar[dict[str, str]] = {
        "hl7_no_msh": "The message does not start with an MSH segment.",
        "hl7_bad_separators": "The message declares unusable separators '{found}' in MSH-1/MSH-2.",
        "hl7_unsupported_type": (
            "Only ADT^A03, ADT^A08, ADT^A13 and ADT^A40 messages are accepted, not {kind}."
        ),
        "hl7_missing_segment": "An {kind} message needs a {segment} segment.",
        "hl7_no_patient_id": (
            "The message has no patient identifier ({where}); the mapping names no other "
            "identifier to use instead."
        ),
        "hl7_no_visit": "An {kind} message needs the visit number in PV1-19.",
        "hl7_no_prior_id": "An ADT^A40 message needs the prior patient identifier in MRG-1.",
        "hl7_unreadable": "The message could not be read ({error}).",
        "hl7_not_stored": "The follow-up store could not save the message ({error}); resend it.",
        "hl7_not_text": "The message is not {encoding} text.",
        "hl7_no_start_byte": "The block does not start with the MLLP start byte.",
        "hl7_too_large": "The message is larger than 1 MiB.",
    }
    # HL7 table 0008: AR when the message type is not supported or the fault is ours (the
    # sender may resend it later); AE when the content is wrong.
    REJECT: ClassVar[frozenset[str]] = frozenset({"hl7_unsupported_type", "hl7_not_stored"})

    @property
    def ack_code(self) -> str:
        return "AR" if self.code in self.REJECT else "AE"
