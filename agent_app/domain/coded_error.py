"""An error that carries a code and its parameters, so that ui/ can say it in any language.

The English sentence (``str(error)``) is for logs and command-line tools only; a screen turns
``code`` and ``params`` into the agent's language, and a store keeps the code, not the sentence.
"""

from __future__ import annotations

from typing import Any, ClassVar


class CodedError(Exception):
    """Base of coded errors: subclasses give ``ENGLISH``, one sentence template per code."""

    ENGLISH: ClassVar[dict[str, str]] = {}

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params: dict[str, str] = {key: str(value) for key, value in params.items()}
        super().__init__(self.english())

    def english(self) -> str:
        """The English sentence; a subclass whose parameters hold codes (a place, a kind of
        value) puts those into words here."""
        return self.ENGLISH[self.code].format(**self.params)

    def as_json(self) -> dict[str, Any]:
        """The code and parameters, as a store keeps them."""
        return {"code": self.code, "params": dict(self.params)}
