"""What can go wrong sending a text message, split by whether it may have left.

``NotSentError``: the modem or platform never took the message (no prompt, ``+CMS ERROR``, a
refused connection, a 5xx answer); trying again cannot send it twice. ``OutcomeUnknownError``:
the message was handed over but no answer came (timeout, port lost, connection dropped); it may
be on its way, so it is never sent again without a person deciding. ``RefusedError``: the
platform answered that it will not send this message (a 4xx with its error code); trying again
would be refused again, so the message is failed at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from agent_app.domain.coded_error import CodedError

#: Failures after which the rest of the queue would fail the same way: the round stops and
#: the owner opens the modem or the platform again after a wait.
ROUND_ENDING = frozenset({"sms_port_lost", "sms_platform_unreachable", "sms_platform_busy"})
#: A stored error of a message the platform refused: this, then the platform's own code.
REFUSED_PREFIX = "sms_platform_refused:"


class SmsModemError(CodedError):
    """A text message could not go as asked, through the modem or the hospital's platform.

    ``refs`` are the modem references of the parts that did leave before the failure;
    ``ends_round`` says the next messages would fail the same way."""

    ENGLISH: ClassVar[dict[str, str]] = {
        "sms_port_unavailable": "The text message modem at {port} cannot be opened: {reason}.",
        "sms_no_answer": "The text message modem did not answer {command}.",
        "sms_refused": "The text message modem refused {command}: {answer}.",
        "sms_port_lost": "The text message modem went away: {reason}.",
        "sms_no_prompt": "The text message modem did not ask for the message.",
        "sms_sent_no_answer": "The text message modem took the message but gave no reference.",
        "sms_partly_sent": "Part of the text message left before the modem failed: {reason}.",
        "sms_platform_no_key": "The signing key of the text message platform is not in the "
        "keyring (entry {entry}).",
        "sms_platform_unreachable": "The text message platform at {url} cannot be reached: "
        "{reason}.",
        "sms_platform_busy": "The text message platform did not take the message (HTTP "
        "{status}); it is tried again later.",
        "sms_platform_no_answer": "The text message platform may have taken the message but "
        "did not answer: {reason}.",
        "sms_platform_refused": "The text message platform refused the message (HTTP {status}, "
        "{platform_code}).",
        "sms_platform_refuses_desk": "The text message platform refuses this desk (HTTP "
        "{status}, {platform_code}): check the account and the signing key.",
    }

    def __init__(
        self,
        code: str,
        *,
        refs: Sequence[int] = (),
        ends_round: bool | None = None,
        **params: Any,
    ) -> None:
        super().__init__(code, **params)
        self.refs = list(refs)
        self.ends_round = code in ROUND_ENDING if ends_round is None else ends_round


class NotSentError(SmsModemError):
    """The message did not leave; safe to try again later."""


class DeskRefusedError(NotSentError):
    """The platform refuses the desk itself (401/403: a wrong signing key or account), not the
    message: nothing can go until IT fixes it, so the message stays queued and the try is not
    counted against it (a bad key for a day must not fail a day's reminders)."""

    def __init__(self, **params: Any) -> None:
        super().__init__("sms_platform_refuses_desk", ends_round=True, **params)


class OutcomeUnknownError(SmsModemError):
    """The message may have left; never resend it automatically."""


class RefusedError(SmsModemError):
    """The platform will not send this message; failed with ``stored_code``."""

    @property
    def stored_code(self) -> str:
        """What the store keeps (40 characters at most): the platform's own error code."""
        return f"{REFUSED_PREFIX}{self.params.get('platform_code', '')}"[:40]
