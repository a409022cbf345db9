"""A PostgreSQL of its own for the server tool's tests (fresh roles: init starts from none),
and a way to run the tool as IT does."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from agent_app.server.__main__ import main
from tests.pg_server import PgServer, running_server


@pytest.fixture(scope="module")
def fresh_pg() -> Iterator[PgServer]:
    with running_server() as server:
        yield server


def dsn(server: PgServer) -> str:
    """libpq conninfo as IT passes it with --dsn: no password."""
    return f"host={server.host} port={server.port} user={server.superuser}"


@dataclass
class ToolRun:
    code: int
    out: str
    err: str


def run_tool(
    server: PgServer,
    database: str,
    *args: str,
    stdin: str = "",
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> ToolRun:
    """``python -m agent_app.server --dsn … --database DATABASE ARGS`` in this process."""
    capsys.readouterr()
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(["--dsn", dsn(server), "--database", database, *args])
    captured = capsys.readouterr()
    return ToolRun(code, captured.out, captured.err)


def init_database(server: PgServer, database: str, admin: str, password: str) -> None:
    """``init`` as IT runs it (outside any test's capture), failing on anything but success
    or the harness's missing TLS (status 3)."""
    import sys

    stdin, sys.stdin = sys.stdin, io.StringIO(password + "\n")
    try:
        code = main(["--dsn", dsn(server), "--database", database, "init", "--admin", admin,
                     "--password-stdin"])  # fmt: skip
    finally:
        sys.stdin = stdin
    assert code == 3
