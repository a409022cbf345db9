"""Words for the knowledge base: category names, the patient-reading badge, and each
:class:`~agent_app.domain.knowledge.KnowledgeError` code as a sentence in the desk's language."""

from __future__ import annotations

import html

from agent_app.domain.knowledge import ArticleCategory, ArticleState, KnowledgeError
from agent_app.ui.qt import QCoreApplication


def category_name(category: ArticleCategory) -> str:
    names = {
        ArticleCategory.MEDICATION: QCoreApplication.translate("KnowledgeTexts", "Medication"),
        ArticleCategory.WOUND_CARE: QCoreApplication.translate("KnowledgeTexts", "Wound care"),
        ArticleCategory.DIET: QCoreApplication.translate("KnowledgeTexts", "Diet"),
        ArticleCategory.REVISIT: QCoreApplication.translate("KnowledgeTexts", "Re-visits"),
        ArticleCategory.INSURANCE: QCoreApplication.translate(
            "KnowledgeTexts", "Insurance and reimbursement"
        ),
        ArticleCategory.URGENT_CARE: QCoreApplication.translate(
            "KnowledgeTexts", "Urgent and night care"
        ),
        ArticleCategory.SYMPTOMS: QCoreApplication.translate("KnowledgeTexts", "Symptoms at home"),
        ArticleCategory.DAILY_LIFE: QCoreApplication.translate("KnowledgeTexts", "Daily life"),
    }
    return names[category]


def state_name(state: ArticleState) -> str:
    names = {
        ArticleState.DRAFT: QCoreApplication.translate("KnowledgeTexts", "Draft"),
        ArticleState.APPROVED: QCoreApplication.translate("KnowledgeTexts", "Approved"),
        ArticleState.RETIRED: QCoreApplication.translate("KnowledgeTexts", "Retired"),
    }
    return names[state]


def badge_html(may_read_to_patient: bool) -> str:
    """A coloured badge saying whether the text may be read to the patient."""
    if may_read_to_patient:
        words, colour = (
            QCoreApplication.translate("KnowledgeTexts", "May be read to the patient"),
            "#2e7d32",
        )
    else:
        words, colour = (
            QCoreApplication.translate(
                "KnowledgeTexts", "Internal only: do not read to the patient"
            ),
            "#c62828",
        )
    return (
        f"<span style='background:{colour};color:white;padding:1px 4px'>"
        f"&nbsp;{html.escape(words)}&nbsp;</span>"
    )


def knowledge_error_text(error: KnowledgeError) -> str:
    p = error.params
    source = p.get("source", "")
    sentences = {
        "kb_no_front_matter": QCoreApplication.translate(
            "KnowledgeTexts", "{0}: the file must start with a '---' front matter block."
        ),
        "kb_front_matter_unclosed": QCoreApplication.translate(
            "KnowledgeTexts", "{0}: the front matter has no closing '---' line."
        ),
        "kb_bad_front_line": QCoreApplication.translate(
            "KnowledgeTexts", "{0}, line {1}: expected 'name: value'."
        ),
        "kb_unknown_field": QCoreApplication.translate(
            "KnowledgeTexts", "{0}: unknown front matter field '{1}'."
        ),
        "kb_missing_field": QCoreApplication.translate(
            "KnowledgeTexts", "{0}: the front matter has no '{1}'."
        ),
        "kb_bad_slug": QCoreApplication.translate(
            "KnowledgeTexts",
            "{0}: the short name {1} must be 1–60 lower-case letters, digits and '-'.",
        ),
        "kb_bad_title": QCoreApplication.translate(
            "KnowledgeTexts", "{0}: the title must be 1 to 120 characters."
        ),
        "kb_bad_category": QCoreApplication.translate(
            "KnowledgeTexts", "{0}: unknown category '{1}'."
        ),
        "kb_bad_state": QCoreApplication.translate("KnowledgeTexts", "{0}: unknown state '{1}'."),
        "kb_bad_flag": QCoreApplication.translate(
            "KnowledgeTexts", "{0}: may_read_to_patient must be yes or no, not '{1}'."
        ),
        "kb_bad_date": QCoreApplication.translate(
            "KnowledgeTexts", "{0}: review date '{1}' is not a date (YYYY-MM-DD)."
        ),
        "kb_empty_body": QCoreApplication.translate(
            "KnowledgeTexts", "{0}: the article has no text."
        ),
        "kb_body_too_long": QCoreApplication.translate(
            "KnowledgeTexts", "{0}: the article is longer than {1} characters."
        ),
        "kb_duplicate_slug": QCoreApplication.translate(
            "KnowledgeTexts", "{0}: the short name '{1}' is used by another file."
        ),
        "kb_unknown_department": QCoreApplication.translate(
            "KnowledgeTexts", "{0}: there is no department '{1}'."
        ),
        "kb_not_allowed": QCoreApplication.translate(
            "KnowledgeTexts",
            "Only a supervisor of the owning department or an administrator may change "
            "this article.",
        ),
        "kb_not_found": QCoreApplication.translate(
            "KnowledgeTexts", "There is no article '{0}' on this desk."
        ),
        "kb_no_files": QCoreApplication.translate(
            "KnowledgeTexts", "The folder {0} holds no article files (*.md)."
        ),
    }
    second = {
        "kb_bad_front_line": p.get("line", ""),
        "kb_unknown_field": p.get("name", ""),
        "kb_missing_field": p.get("name", ""),
        "kb_bad_slug": p.get("value", ""),
        "kb_bad_category": p.get("value", ""),
        "kb_bad_state": p.get("value", ""),
        "kb_bad_flag": p.get("value", ""),
        "kb_bad_date": p.get("value", ""),
        "kb_body_too_long": p.get("limit", ""),
        "kb_duplicate_slug": p.get("slug", ""),
        "kb_unknown_department": p.get("department", ""),
    }
    if error.code == "kb_not_found":
        return sentences[error.code].format(p.get("slug", ""))
    return sentences[error.code].format(source, second.get(error.code, ""))
