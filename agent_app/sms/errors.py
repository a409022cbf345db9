"""What can go wrong sending a text message, split by whether it may have left.

``NotSentError``: the modem never took the message (no prompt, no answer before the PDU was
written, ``+CMS ERROR``); trying again cannot send it twice. ``OutcomeUnknownError``: the PDU
was written but no answer came (timeout, port lost); the message may be on its way, so it is
never sent again without a person deciding.
"""

from __future__ import annotations

from typing import ClassVar

from agent_app.domain.coded_error import CodedError


class SmsModemError(CodedError):
    ENGLISH: ClassVar[dict[str, str]] = {
        "sms_port_unavailable": "The text message modem at {port} cannot be opened: {reason}.",
        "sms_no_answer": "The text message modem did not answer {command}.",
        "sms_refused": "The text message modem refused {command}: {answer}.",
        "sms_port_lost": "The text message modem went away: {reason}.",
        "sms_no_prompt": "The text message modem did not ask for the message.",
        "sms_sent_no_answer": "The text message modem took the message but gave no reference.",
    }


class NotSentError(SmsModemError):
    """The modem did not take the message; safe to try again later."""


class OutcomeUnknownError(SmsModemError):
    """The message may have left; never resend it automatically."""
