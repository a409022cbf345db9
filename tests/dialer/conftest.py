"""Fixtures the phone line tests share."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dialer.fake_modem import FakeModem


@pytest.fixture
def modem(tmp_path: Path) -> Iterator[FakeModem]:
    """A voice modem played on a pseudo-terminal, stopped after the test."""
    fake = FakeModem(tmp_path / "ttyModem")
    yield fake
    fake.stop()
