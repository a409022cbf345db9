"""Errors of the reports package; messages are plain sentences for the user."""

from __future__ import annotations


class ReportError(Exception):
    """A statistic, chart or report cannot be made; ``str(error)`` says why."""


class FilterError(ReportError):
    """A statistics filter does not make sense (for instance a period that ends before it
    starts)."""


class ExportError(ReportError):
    """A table could not be written to the file asked for."""
