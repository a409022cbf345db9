"""Dialer exceptions; each message is a sentence the agent can read."""

from __future__ import annotations

import enum


class DialerError(Exception):
    """Base of every phone-line failure."""


class LineUnavailableError(DialerError):
    """The line cannot be used at all: backend not installed, port missing, device gone."""


class NotRegisteredError(DialerError):
    """The SIP account is not registered, so calls are refused until it is."""


class CallStateError(DialerError):
    """The action does not fit the call's state (e.g. hold on a call that ended)."""


class RecordingError(DialerError):
    """A recording could not be written, repaired or transcoded."""


class TransferRefusal(enum.StrEnum):
    """Why a line cannot transfer or conference; ui/ words each in the agent's language."""

    NOT_SUPPORTED = "not_supported"  # this kind of line has no transfer at all
    NO_FLASH = "no_flash"  # a modem line without a hook-flash sequence configured
    NO_CONFERENCE = "no_conference"  # the line cannot bridge calls (a modem has one line)
    BAD_TARGET = "bad_target"  # the target is not a number or address this line can dial
    NOT_ANSWERED = "not_answered"  # transfer, consult and conference need answered calls
    SAME_CALL = "same_call"  # a call cannot be transferred to or conferenced with itself
    BUSY = "busy"  # a transfer of this call is already under way


class TransferError(DialerError):
    """A transfer, consultation or conference cannot be done; ``code`` says why and
    ``param`` names what it concerns (the target, the call id)."""

    def __init__(self, code: TransferRefusal, message: str, param: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.param = param
