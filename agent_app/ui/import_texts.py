"""The discharge import's codes in the agent's language: plan problems, run kinds and states.

The core (``his.errors.PlanRuleError``, ``his_import_run``) keeps codes with parameters; this
module is the one place that says them, so the admin screen and the status bar agree.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from agent_app.ui.qt import QCoreApplication


def _sentences() -> dict[str, str]:
    return {
        "plan_rules_not_object": QCoreApplication.translate(
            "ImportTexts", "the rules must be a JSON object"
        ),
        "plan_unknown_rule": QCoreApplication.translate(
            "ImportTexts", 'it has a rule this version does not know: "{rule}"'
        ),
        "plan_bad_icd": QCoreApplication.translate(
            "ImportTexts", '"{text}" is not an ICD-10 code, prefix or range'
        ),
        "plan_bad_icd_range": QCoreApplication.translate(
            "ImportTexts", 'the ICD-10 range "{text}" is not a range like C00-C97'
        ),
        "plan_not_texts": QCoreApplication.translate(
            "ImportTexts", '"{rule}" must be a text or a list of texts'
        ),
        "plan_bad_bounds": QCoreApplication.translate(
            "ImportTexts", '"{rule}" must look like {{"min": 18, "max": 80}}'
        ),
        "plan_bounds_not_whole": QCoreApplication.translate(
            "ImportTexts", 'the bounds of "{rule}" must be whole numbers'
        ),
        "plan_min_above_max": QCoreApplication.translate(
            "ImportTexts", '"{rule}": the minimum {low} is above the maximum {high}'
        ),
        "plan_bad_value": QCoreApplication.translate(
            "ImportTexts", '"{rule}" has a value that is not allowed: {value}'
        ),
        "plan_points_not_list": QCoreApplication.translate(
            "ImportTexts", "the follow-up days must be a list, like [3, 30]"
        ),
        "plan_points_not_days": QCoreApplication.translate(
            "ImportTexts", "the follow-up days must be whole days from 0 up"
        ),
        "hours_bad_time": QCoreApplication.translate(
            "ImportTexts", 'calling window {window}: "{text}" is not a time like 08:30'
        ),
        "hours_bad_days": QCoreApplication.translate(
            "ImportTexts", "the calling days must be weekdays 1 (Monday) to 7 (Sunday)"
        ),
        "hours_no_window": QCoreApplication.translate(
            "ImportTexts", "the calling hours need at least one time window"
        ),
        "hours_window_reversed": QCoreApplication.translate(
            "ImportTexts", "the calling window {start}–{stop} ends before it starts"
        ),
        "hours_windows_overlap": QCoreApplication.translate(
            "ImportTexts", "the calling windows must be in order and not overlap"
        ),
        "hours_bad_zone": QCoreApplication.translate("ImportTexts", '"{zone}" is not a time zone'),
        "hours_bad_window": QCoreApplication.translate(
            "ImportTexts", "calling window {window} must be a start and an end"
        ),
        "hours_bad_windows": QCoreApplication.translate(
            "ImportTexts", "the calling windows must be a list of start and end times"
        ),
        "hours_bad_holidays": QCoreApplication.translate(
            "ImportTexts", '"skip_holidays" must be true or false'
        ),
        "hours_bad_best_time": QCoreApplication.translate(
            "ImportTexts", '"best_time" must be true or false'
        ),
        "hours_no_calling_day": QCoreApplication.translate(
            "ImportTexts", "no calling day in the next {days} days: every day is closed"
        ),
    }


def plan_problem_text(problem: Mapping[str, Any]) -> str:
    """Why a plan cannot be used, from its stored ``{"code", "params"}``."""
    template = _sentences().get(str(problem.get("code", "")))
    if template is None:
        return QCoreApplication.translate("ImportTexts", "the plan cannot be used ({0})").format(
            problem.get("code", "")
        )
    params = {key: str(value) for key, value in dict(problem.get("params") or {}).items()}
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


def skipped_plans_text(skipped: Sequence[Mapping[str, Any]]) -> str:
    """One line per plan a run left out: the plan's name and why."""
    return "\n".join(
        QCoreApplication.translate("ImportTexts", "Plan “{0}” was skipped: {1}").format(
            item.get("plan", ""), plan_problem_text(item)
        )
        for item in skipped
    )


def _rejection_sentences() -> dict[str, str]:
    return {
        "row_no_patient_id": QCoreApplication.translate(
            "ImportTexts",
            "no patient identifier (MRN), and the mapping names no other field to use instead",
        ),
        "hl7_no_msh": QCoreApplication.translate(
            "ImportTexts", "the HL7 message does not start with an MSH segment"
        ),
        "hl7_bad_separators": QCoreApplication.translate(
            "ImportTexts", "the HL7 message declares unusable separators: {found}"
        ),
        "hl7_unsupported_type": QCoreApplication.translate(
            "ImportTexts", "HL7 messages of type {kind} are not taken (only A03, A08, A13, A40)"
        ),
        "hl7_missing_segment": QCoreApplication.translate(
            "ImportTexts", "the {kind} message has no {segment} segment"
        ),
        "hl7_no_patient_id": QCoreApplication.translate(
            "ImportTexts",
            "no patient identifier in the message (looked in {where}); it was not imported",
        ),
        "hl7_no_visit": QCoreApplication.translate(
            "ImportTexts", "the {kind} message has no visit number (PV1-19)"
        ),
        "hl7_no_prior_id": QCoreApplication.translate(
            "ImportTexts", "the merge message does not name the prior patient (MRG-1)"
        ),
        "hl7_unreadable": QCoreApplication.translate(
            "ImportTexts", "the HL7 message could not be read ({error})"
        ),
        "hl7_not_stored": QCoreApplication.translate(
            "ImportTexts",
            "the store could not save the HL7 message ({error}); the HIS may resend it",
        ),
        "hl7_not_text": QCoreApplication.translate(
            "ImportTexts", "the HL7 message is not {encoding} text"
        ),
        "hl7_no_start_byte": QCoreApplication.translate(
            "ImportTexts", "an MLLP block without its start byte"
        ),
        "hl7_too_large": QCoreApplication.translate(
            "ImportTexts", "an HL7 message larger than 1 MiB"
        ),
        "row_missing": QCoreApplication.translate("ImportTexts", "the {field} is missing"),
        "row_bad_date": QCoreApplication.translate(
            "ImportTexts", "the {field} “{value}” is not a date"
        ),
        "row_bad_phones": QCoreApplication.translate(
            "ImportTexts", "no usable phone number (not a number: {numbers})"
        ),
        "row_no_phone": QCoreApplication.translate(
            "ImportTexts", "no phone number for the patient or a contact"
        ),
        "row_unknown_department": QCoreApplication.translate(
            "ImportTexts", "the department “{department}” is not known"
        ),
        "row_no_birth_date": QCoreApplication.translate(
            "ImportTexts", "the birth date is missing, and no ID number to read it from"
        ),
        "row_bad_sex": QCoreApplication.translate(
            "ImportTexts", "the sex “{value}” is not one of 男, 女, M, F"
        ),
        "row_admitted_after_discharge": QCoreApplication.translate(
            "ImportTexts", "admitted on {admitted}, after the discharge on {discharged}"
        ),
        "row_revisit_before_discharge": QCoreApplication.translate(
            "ImportTexts", "the re-visit on {revisit} is before the discharge on {discharged}"
        ),
        "row_born_after_discharge": QCoreApplication.translate(
            "ImportTexts", "born on {birth}, after the discharge on {discharged}"
        ),
        "row_bad_icd": QCoreApplication.translate(
            "ImportTexts", "the diagnosis code “{icd}” is not an ICD-10 code"
        ),
        "row_bad_disposition": QCoreApplication.translate(
            "ImportTexts", "the discharge disposition “{value}” is not known"
        ),
        "row_too_long": QCoreApplication.translate(
            "ImportTexts", "the {field} is longer than {limit} characters"
        ),
    }


def field_name(field: str) -> str:
    """An imported field's name (discharged_on, birth_date…) as a word."""
    names = {
        "visit_number": QCoreApplication.translate("ImportTexts", "visit number"),
        "mrn": QCoreApplication.translate("ImportTexts", "medical record number"),
        "name": QCoreApplication.translate("ImportTexts", "patient's name"),
        "id_number": QCoreApplication.translate("ImportTexts", "ID number"),
        "address": QCoreApplication.translate("ImportTexts", "address"),
        "ward": QCoreApplication.translate("ImportTexts", "ward"),
        "department": QCoreApplication.translate("ImportTexts", "department"),
        "birth_date": QCoreApplication.translate("ImportTexts", "birth date"),
        "admitted_on": QCoreApplication.translate("ImportTexts", "admission date"),
        "discharged_on": QCoreApplication.translate("ImportTexts", "discharge date"),
        "revisit_on": QCoreApplication.translate("ImportTexts", "re-visit date"),
        "diagnosis_name": QCoreApplication.translate("ImportTexts", "diagnosis"),
        "diagnosis_code": QCoreApplication.translate("ImportTexts", "diagnosis code"),
        "attending_doctor": QCoreApplication.translate("ImportTexts", "attending doctor"),
        "attending_nurse": QCoreApplication.translate("ImportTexts", "responsible nurse"),
    }
    return names.get(field, field)


def rejection_text(reason: str, params: Mapping[str, Any] | None = None) -> str:
    """Why a row was rejected: a stored code in the reader's language (older rows kept a
    sentence, shown as it is)."""
    template = _rejection_sentences().get(reason)
    if template is None:
        return reason
    values = {k: str(v) for k, v in dict(params or {}).items()}
    if "field" in values:
        values["field"] = field_name(values["field"])
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return template


def run_word(code: str) -> str:
    """A run's status, kind or trigger code (ok, file, schedule…) as a word."""
    words = {
        "ok": QCoreApplication.translate("ImportTexts", "finished"),
        "failed": QCoreApplication.translate("ImportTexts", "failed"),
        "running": QCoreApplication.translate("ImportTexts", "running"),
        "file": QCoreApplication.translate("ImportTexts", "file"),
        "sql": QCoreApplication.translate("ImportTexts", "HIS database"),
        "hl7": QCoreApplication.translate("ImportTexts", "HL7 messages"),
        "manual": QCoreApplication.translate("ImportTexts", "by hand"),
        "schedule": QCoreApplication.translate("ImportTexts", "scheduled"),
        "on_demand": QCoreApplication.translate("ImportTexts", "on request"),
        "mllp": QCoreApplication.translate("ImportTexts", "HIS message feed"),
    }
    return words.get(code, code)


def _span(bounds: object) -> str:
    if not isinstance(bounds, dict):
        return str(bounds)
    low, high = bounds.get("min"), bounds.get("max")
    return f"{'' if low is None else low}–{'' if high is None else high}"


def _listed(value: object) -> str:
    return "、".join(str(v) for v in value) if isinstance(value, list) else str(value)


def rules_text(rules: Mapping[str, Any]) -> str:
    """A plan's rules in words, one part per rule, for the plans table."""
    assign = {
        "nurse": QCoreApplication.translate("ImportTexts", "the discharging nurse"),
        "doctor": QCoreApplication.translate("ImportTexts", "the attending doctor"),
        "pool": QCoreApplication.translate("ImportTexts", "the department's pool"),
    }
    parts = []
    for key, value in rules.items():
        if key == "department":
            parts.append(QCoreApplication.translate("ImportTexts", "department {0}"))
        elif key == "ward":
            parts.append(QCoreApplication.translate("ImportTexts", "ward {0}"))
        elif key == "icd10":
            parts.append(QCoreApplication.translate("ImportTexts", "diagnosis ICD-10 {0}"))
        elif key == "icd10_exclude":
            parts.append(QCoreApplication.translate("ImportTexts", "not ICD-10 {0}"))
        elif key == "age":
            parts.append(QCoreApplication.translate("ImportTexts", "age {0}"))
            value = _span(value)
        elif key == "stay_days":
            parts.append(QCoreApplication.translate("ImportTexts", "stay of {0} days"))
            value = _span(value)
        elif key == "disposition":
            parts.append(QCoreApplication.translate("ImportTexts", "discharged as {0}"))
        elif key == "fallback" and value:
            parts.append(QCoreApplication.translate("ImportTexts", "only when no other plan fits"))
        elif key == "assign":
            parts.append(QCoreApplication.translate("ImportTexts", "assigned to {0}"))
            value = assign.get(str(value), str(value))
        elif key == "spot_check" and value:
            parts.append(QCoreApplication.translate("ImportTexts", "spot-check"))
        else:
            parts.append(f"{key}: {{0}}")
        parts[-1] = parts[-1].format(_listed(value))
    return "；".join(parts) or QCoreApplication.translate("ImportTexts", "every discharge")


def hours_text(hours: Mapping[str, Any]) -> str:
    """A plan's calling hours in words: the weekdays and the time windows."""
    if not hours:
        return QCoreApplication.translate("ImportTexts", "the desk's usual hours")
    names = [
        QCoreApplication.translate("ImportTexts", "Mon"),
        QCoreApplication.translate("ImportTexts", "Tue"),
        QCoreApplication.translate("ImportTexts", "Wed"),
        QCoreApplication.translate("ImportTexts", "Thu"),
        QCoreApplication.translate("ImportTexts", "Fri"),
        QCoreApplication.translate("ImportTexts", "Sat"),
        QCoreApplication.translate("ImportTexts", "Sun"),
    ]
    days = hours.get("days", [])
    day_words = "、".join(names[d - 1] for d in days if isinstance(d, int) and 1 <= d <= 7)
    windows = hours.get("windows", [])
    window_words = "、".join(
        f"{w[0]}–{w[1]}" for w in windows if isinstance(w, list) and len(w) == 2
    )
    holidays = (
        QCoreApplication.translate("ImportTexts", "also on public holidays")
        if hours.get("skip_holidays") is False
        else ""
    )
    best = (
        QCoreApplication.translate("ImportTexts", "retries at the patient's best time")
        if hours.get("best_time") is True
        else ""
    )
    return " ".join(part for part in (day_words, window_words, holidays, best) if part)
