"""A refused template in the admin's own language.

Most template refusals are exact English sentences from the checker (they quote JSON keys
and ids). The size and depth limits carry a code and numbers instead, so they are put into
words here.
"""

from __future__ import annotations

from agent_app.domain.questionnaire import TemplateLimit, TemplateLimitError
from agent_app.ui.qt import QCoreApplication


def refusal_words(error: BaseException) -> str:
    """What to show for a refused template body."""
    if not isinstance(error, TemplateLimitError):
        return str(error)
    if error.code is TemplateLimit.BODY_BYTES:
        return QCoreApplication.translate(
            "TemplateRefusal", "The template is larger than {0} MB; it cannot be checked or saved."
        ).format(error.maximum // (1024 * 1024))
    if error.code is TemplateLimit.DEPTH:
        return QCoreApplication.translate(
            "TemplateRefusal", "The template nests objects and lists more than {0} levels deep."
        ).format(error.maximum)
    if error.code is TemplateLimit.QUESTIONS:
        return QCoreApplication.translate(
            "TemplateRefusal", "The template has more than {0} questions."
        ).format(error.maximum)
    return QCoreApplication.translate(
        "TemplateRefusal", "Question '{0}' in section '{1}' has more than {2} options."
    ).format(error.question_id, error.section_id, error.maximum)
