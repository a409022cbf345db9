"""Report descriptors of USB headsets, for the headset tests (sources in README.md)."""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent


def load_descriptor(name: str) -> bytes:
    """The bytes of ``<name>.hex``: hex pairs, ``#`` starts a comment."""
    text = (HERE / f"{name}.hex").read_text("utf-8")
    pairs = [word for line in text.splitlines() for word in line.split("#", 1)[0].split()]
    return bytes(int(word, 16) for word in pairs)
