"""The parts of a backup that need no second server: which roles it keeps, and the refusal
when a new cluster's transaction counter is too far behind to advance."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine

from agent_app.server.backup import keep_desk_roles
from agent_app.server.connection import ServerToolError
from agent_app.server.xid_counter import advance_past, next_xid
from tests.pg_server import PgServer

# pg_dumpall --roles-only as PostgreSQL 16+ writes it (15 has no WITH INHERIT).
DUMPED = """\
\\restrict abc
SET default_transaction_read_only = off;
CREATE ROLE postgres;
ALTER ROLE postgres WITH SUPERUSER INHERIT CREATEROLE CREATEDB LOGIN REPLICATION BYPASSRLS;
CREATE ROLE desk_agent;
ALTER ROLE desk_agent WITH NOSUPERUSER INHERIT NOCREATEROLE NOCREATEDB NOLOGIN;
CREATE ROLE "o'brien";
ALTER ROLE "o'brien" WITH LOGIN CONNECTION LIMIT 12 PASSWORD 'SCRAM-SHA-256$4096:x';
CREATE ROLE reporting;
ALTER ROLE reporting WITH LOGIN PASSWORD 'SCRAM-SHA-256$4096:y';
GRANT desk_agent TO "o'brien" WITH INHERIT TRUE GRANTED BY postgres;
GRANT desk_agent TO reporting GRANTED BY postgres;
\\unrestrict abc
"""


def test_a_roles_file_keeps_only_the_desks_roles_and_creates_each_once() -> None:
    kept = keep_desk_roles(DUMPED, {"desk_agent", "o'brien"})
    assert "postgres" not in kept and "reporting" not in kept and "\\restrict" not in kept
    assert (
        "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'o''brien') "
        'THEN CREATE ROLE "o\'brien"; END IF; END $$;' in kept
    )
    assert 'ALTER ROLE "o\'brien" WITH LOGIN CONNECTION LIMIT 12 PASSWORD' in kept
    assert 'GRANT desk_agent TO "o\'brien" WITH INHERIT TRUE;' in kept.splitlines()


def test_a_counter_in_another_epoch_is_refused_with_the_command_that_moves_it(
    fresh_pg: PgServer,
) -> None:
    engine = create_engine(fresh_pg.url(), isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        now = next_xid(connection)
    with pytest.raises(ServerToolError, match=r"pg_resetwal -e 2 -x \d+ -D"):
        advance_past(engine, (2 << 32) + 5, lambda _: None)
    with engine.connect() as connection:
        assert next_xid(connection) - now < 10  # nothing was spent on it
    engine.dispose()
