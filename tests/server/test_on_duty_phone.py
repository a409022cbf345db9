"""IT keeps each department's on-duty number for red-flag texts with the server tool."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text

from tests.pg_server import PgServer
from tests.server.conftest import run_tool


def _phones(server: PgServer, database: str) -> dict[str, str]:
    engine = create_engine(server.url(database))
    with engine.connect() as connection:
        found = dict(connection.execute(text("SELECT code, on_duty_phone FROM department")).all())
    engine.dispose()
    return {str(k): str(v) for k, v in found.items()}


def test_the_on_duty_number_is_kept_normalized_and_a_bad_one_changes_nothing(
    fresh_pg: PgServer, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    run_tool(fresh_pg, "duty", "init", "--admin", "dutyadmin", "--password-stdin",
             stdin="duty-admin-password\n", capsys=capsys, monkeypatch=monkeypatch)  # fmt: skip
    done = run_tool(fresh_pg, "duty", "set-on-duty-phone", "FUC", "139 0000 0002",
                    capsys=capsys, monkeypatch=monkeypatch)  # fmt: skip
    assert done.code == 0 and "(none) -> 139 0000 0002" in done.out
    assert _phones(fresh_pg, "duty")["FUC"] == "+8613900000002"
    for bad in (("FUC", "not a number"), ("NOPE", "13900000003")):
        refused = run_tool(fresh_pg, "duty", "set-on-duty-phone", *bad,
                           capsys=capsys, monkeypatch=monkeypatch)  # fmt: skip
        assert refused.code == 1 and refused.err
    assert _phones(fresh_pg, "duty")["FUC"] == "+8613900000002"
    cleared = run_tool(fresh_pg, "duty", "set-on-duty-phone", "FUC", "",
                       capsys=capsys, monkeypatch=monkeypatch)  # fmt: skip
    assert cleared.code == 0 and _phones(fresh_pg, "duty")["FUC"] == ""
