"""Dialer exceptions; each message is a sentence the agent can read."""

from __future__ import annotations


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
