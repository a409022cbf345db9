"""Store-layer exceptions; each message is one sentence a person can act on."""

from __future__ import annotations


class StoreError(Exception):
    """Base of every store failure."""


class SchemaTooNewError(StoreError):
    """The store was written by a newer version of the desk; it is left untouched."""


class StoreUnavailableError(StoreError):
    """The database cannot be reached or opened."""


class StoreCorruptError(StoreError):
    """The file is not a usable store."""
