from __future__ import annotations

import pytest
from sqlalchemy import Engine

from tests.reports.tiny_hospital import TinyHospital, build


@pytest.fixture
def tiny(store_engine: Engine) -> TinyHospital:
    """The hand-computed hospital of tests/reports/tiny_hospital.py, on each engine."""
    return build(store_engine)
