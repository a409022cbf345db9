"""Errors of the supervision package; messages are plain sentences for the user."""

from __future__ import annotations


class SupervisionError(Exception):
    """Base of the supervision errors; ``str(error)`` says what is wrong."""


class CriteriaError(SupervisionError):
    """The QA criteria file is malformed."""


class ReviewError(SupervisionError):
    """A QA review cannot be saved as given (unknown criterion, score out of range, …)."""


class SamplingError(SupervisionError):
    """A spot-check sampling cannot run with the quotas or period given."""


class ComplaintError(SupervisionError):
    """A complaint cannot be registered or moved as asked."""


class ComplaintStateError(ComplaintError):
    """The complaint's state does not allow this step (e.g. closing one never replied to)."""


class NotFoundError(SupervisionError, LookupError):
    """The call, complaint or run asked for is not in this store."""
