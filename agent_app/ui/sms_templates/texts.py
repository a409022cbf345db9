"""Names of template kinds and states, and the template check's refusals, in the desk's
language."""

from __future__ import annotations

from agent_app.domain.sms_template import SmsTemplateError, SmsTemplateKind, SmsTemplateState
from agent_app.ui.qt import QCoreApplication


def kind_name(kind: SmsTemplateKind) -> str:
    names = {
        SmsTemplateKind.PRE_CALL_NOTICE: QCoreApplication.translate(
            "SmsTemplateTexts", "Notice before the first call"
        ),
        SmsTemplateKind.REVISIT_REMINDER: QCoreApplication.translate(
            "SmsTemplateTexts", "Re-visit reminder"
        ),
        SmsTemplateKind.HEALTH_EDUCATION: QCoreApplication.translate(
            "SmsTemplateTexts", "Health education"
        ),
    }
    return names[kind]


def state_name(state: SmsTemplateState) -> str:
    names = {
        SmsTemplateState.DRAFT: QCoreApplication.translate("SmsTemplateTexts", "Draft"),
        SmsTemplateState.APPROVED: QCoreApplication.translate("SmsTemplateTexts", "Approved"),
        SmsTemplateState.RETIRED: QCoreApplication.translate("SmsTemplateTexts", "Retired"),
    }
    return names[state]


def _advice_reason(code: str) -> str:
    reasons = {
        "dose": QCoreApplication.translate(
            "SmsTemplateTexts", "a dose is the prescriber's to give, never a text message's"
        ),
        "dose_change": QCoreApplication.translate(
            "SmsTemplateTexts", "raising or lowering a dose changes the prescription"
        ),
        "stop": QCoreApplication.translate(
            "SmsTemplateTexts", "stopping a medicine is a prescription decision"
        ),
        "switch": QCoreApplication.translate(
            "SmsTemplateTexts", "switching or adding a medicine is a prescription"
        ),
        "amount": QCoreApplication.translate("SmsTemplateTexts", "an amount of medicine is a dose"),
        "frequency": QCoreApplication.translate(
            "SmsTemplateTexts", "how often to take a medicine is part of the prescription"
        ),
        "tablets": QCoreApplication.translate("SmsTemplateTexts", "a number of tablets is a dose"),
        "diagnosis": QCoreApplication.translate(
            "SmsTemplateTexts", "a diagnosis is given by a doctor who saw the patient"
        ),
    }
    return reasons[code]


def template_error_text(error: SmsTemplateError) -> str:
    """The refusal as a sentence in the desk's language."""
    p = error.params
    if error.code == "sms_tpl_medical_advice":
        return QCoreApplication.translate(
            "SmsTemplateTexts",
            "The text gives medical advice (“{0}”): {1}. Send medicine and diagnosis "
            "questions to the doctor instead.",
        ).format(p["phrase"], _advice_reason(p["reason"]))
    sentences = {
        "sms_tpl_bad_code": QCoreApplication.translate(
            "SmsTemplateTexts",
            "The code {0} must be 1–40 lower-case letters, digits and _ starting with a letter.",
        ).format(p.get("value", "")),
        "sms_tpl_bad_title": QCoreApplication.translate(
            "SmsTemplateTexts", "The title must be 1 to 120 characters."
        ),
        "sms_tpl_bad_kind": QCoreApplication.translate(
            "SmsTemplateTexts", "Unknown template kind “{0}”."
        ).format(p.get("value", "")),
        "sms_tpl_bad_state": QCoreApplication.translate(
            "SmsTemplateTexts", "Unknown template state “{0}”."
        ).format(p.get("value", "")),
        "sms_tpl_empty": QCoreApplication.translate("SmsTemplateTexts", "The text is empty."),
        "sms_tpl_lone_brace": QCoreApplication.translate(
            "SmsTemplateTexts", "A lone “{0}”: write “{1}” for a brace in the text."
        ).format(p.get("brace", ""), p.get("braces", "")),
        "sms_tpl_unknown_placeholder": QCoreApplication.translate(
            "SmsTemplateTexts", "Unknown placeholder “{{{0}}}”; the known ones are {1}."
        ).format(p.get("name", ""), p.get("known", "")),
        "sms_tpl_too_long": QCoreApplication.translate(
            "SmsTemplateTexts",
            "Filled with the longest values the text has {0} characters; a message may have "
            "at most {1} ({2} parts).",
        ).format(p.get("length", ""), p.get("limit", ""), p.get("parts", "")),
        "sms_tpl_not_allowed": QCoreApplication.translate(
            "SmsTemplateTexts",
            "Only a supervisor of the owning department or an administrator may change this "
            "template.",
        ),
        "sms_tpl_not_found": QCoreApplication.translate(
            "SmsTemplateTexts", "There is no template “{0}”."
        ).format(p.get("template", "")),
        "sms_tpl_unknown_department": QCoreApplication.translate(
            "SmsTemplateTexts", "There is no department “{0}”."
        ).format(p.get("department", "")),
        "sms_tpl_not_approved": QCoreApplication.translate(
            "SmsTemplateTexts", "Template “{0}” is not approved."
        ).format(p.get("template", "")),
    }
    return sentences[error.code]
