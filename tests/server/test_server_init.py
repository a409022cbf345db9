"""``python -m agent_app.server init`` on a fresh PostgreSQL: database, group roles, schema,
TLS report and the first administrator; run twice it changes nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from agent_app.store.desk_versions import read_min_version
from agent_app.store.migrate import head_revision
from tests.pg_server import PgServer
from tests.server.conftest import run_tool

ROOT = Path(__file__).resolve().parents[2]
GROUPS = [
    "desk_admin",
    "desk_agent",
    "desk_doctor",
    "desk_quality",
    "desk_sms_station",
    "desk_staff",
    "desk_supervisor",
]


def _state(server: PgServer, database: str) -> dict[str, object]:
    engine = create_engine(server.url(database))
    with engine.connect() as c:
        state = {
            "revision": c.execute(text("SELECT version_num FROM alembic_version")).scalar(),
            "staff": c.execute(text("SELECT username, role FROM staff ORDER BY id")).all(),
            "departments": c.execute(text("SELECT code, name FROM department")).all(),
            "verifier": c.execute(
                text("SELECT rolpassword FROM pg_authid WHERE rolname = 'itadmin'")
            ).scalar(),
            "admin_groups": c.execute(
                text("SELECT array_agg(g.rolname ORDER BY g.rolname) FROM pg_auth_members m "
                     "JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member "
                     "WHERE u.rolname = 'itadmin'")
            ).scalar(),
            "groups": c.execute(
                text("SELECT array_agg(rolname ORDER BY rolname) FROM pg_roles "
                     "WHERE rolname LIKE 'desk\\_%' AND NOT rolcanlogin")
            ).scalar(),
            "gate": read_min_version(c),
        }  # fmt: skip
    engine.dispose()
    return state


def test_init_makes_a_fresh_server_ready_and_a_second_run_changes_nothing(
    fresh_pg: PgServer, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The first run as IT types it: libpq's environment, the password on stdin.
    env = {**os.environ, "PGHOST": fresh_pg.host, "PGPORT": str(fresh_pg.port),
           "PGUSER": fresh_pg.superuser, "PYTHONPATH": str(ROOT)}  # fmt: skip
    first = subprocess.run(
        [sys.executable, "-m", "agent_app.server", "--database", "followup", "init",
         "--admin", "itadmin", "--admin-name", "信息科", "--password-stdin"],
        input="it-admin-password\n", env=env, capture_output=True, text=True, cwd=ROOT,
        check=False, timeout=120,
    )  # fmt: skip
    assert first.returncode == 3, first.stderr  # done, but this test server has no TLS
    assert "Database followup: created." in first.stdout
    assert f"Schema: migrated from empty to {head_revision()}." in first.stdout
    assert "Text message templates: 8 added." in first.stdout
    assert "Administrator itadmin: login created." in first.stdout
    assert "RED   ssl = off" in first.stdout
    made = _state(fresh_pg, "followup")
    assert made["revision"] == head_revision()
    assert made["staff"] == [("itadmin", "admin")]
    assert made["departments"] == [("FUC", "随访中心")]
    assert made["groups"] == GROUPS
    assert made["admin_groups"] == ["desk_admin"]
    assert str(made["verifier"]).startswith("SCRAM-SHA-256$")
    assert made["gate"] == "0.1.0"

    again = run_tool(fresh_pg, "followup", "init", "--admin", "itadmin",
                     capsys=capsys, monkeypatch=monkeypatch)  # fmt: skip
    assert again.code == 3, again.err
    assert "Database followup: exists." in again.out
    assert f"Schema: at {head_revision()}, nothing to do." in again.out
    assert "Text message templates: 0 added." in again.out
    assert "Administrator itadmin: has a login already; left unchanged." in again.out
    assert _state(fresh_pg, "followup") == made  # no second admin, same password


def test_a_password_in_the_connection_string_is_refused(
    fresh_pg: PgServer, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from agent_app.server.__main__ import main

    code = main(["--dsn", f"host={fresh_pg.host} password=secret", "check-tls"])
    assert code == 1
    assert "PGPASSWORD" in capsys.readouterr().err


def test_a_short_password_makes_no_administrator_login(
    fresh_pg: PgServer, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    done = run_tool(fresh_pg, "shortpw", "init", "--admin", "shortadmin", "--password-stdin",
                    stdin="short\n", capsys=capsys, monkeypatch=monkeypatch)  # fmt: skip
    assert done.code == 1 and "too short" in done.err
    engine = create_engine(fresh_pg.url())
    with engine.connect() as c:
        assert (
            c.execute(text("SELECT 1 FROM pg_roles WHERE rolname = 'shortadmin'")).first() is None
        )
    engine.dispose()


def test_the_gate_is_set_by_it_and_a_typo_is_refused(
    fresh_pg: PgServer, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    run_tool(fresh_pg, "gated", "init", "--admin", "gateadmin", "--password-stdin",
             stdin="gate-admin-password\n", capsys=capsys, monkeypatch=monkeypatch)  # fmt: skip
    done = run_tool(fresh_pg, "gated", "set-min-version", "0.4.2",
                    capsys=capsys, monkeypatch=monkeypatch)  # fmt: skip
    assert done.code == 0 and "0.1.0 -> 0.4.2" in done.out
    typo = run_tool(fresh_pg, "gated", "set-min-version", "0.4",
                    capsys=capsys, monkeypatch=monkeypatch)  # fmt: skip
    assert typo.code == 1 and "X.Y.Z" in typo.err
    assert _state(fresh_pg, "gated")["gate"] == "0.4.2"
