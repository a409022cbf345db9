"""Typed errors of the discharge import; every message is a sentence a person can act on."""

from __future__ import annotations


class HisError(Exception):
    """Base of every discharge-import error."""


class MappingError(HisError):
    """A column mapping or import file that cannot be used."""


class SourceError(HisError):
    """The HIS source (database, file) could not be read."""


class PlanRuleError(HisError):
    """A follow-up plan whose rules or settings cannot be used."""


class HisSettingsError(HisError):
    """The [his] settings cannot be used."""
