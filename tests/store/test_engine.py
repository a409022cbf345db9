"""Opening stores: newer schemas are refused untouched, bad files and dead servers explained."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine

from agent_app.store.encryption import connect_local_store
from agent_app.store.engine import check_server, create_server_engine, open_local_store
from agent_app.store.errors import SchemaTooNewError, StoreCorruptError, StoreUnavailableError
from tests.pg_server import free_port


def test_store_from_a_newer_version_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    open_local_store(path).dispose()
    with connect_local_store(path) as db:
        db.execute("UPDATE alembic_version SET version_num = '9999_future'")
        db.execute("CREATE TABLE future_table (x INTEGER)")
    before = path.read_bytes()
    with pytest.raises(SchemaTooNewError, match="newer version"):
        open_local_store(path)
    assert path.read_bytes() == before
    with connect_local_store(path) as db:
        assert db.execute("SELECT version_num FROM alembic_version").fetchone() == ("9999_future",)


def test_a_file_that_is_not_a_store_is_reported_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    path.write_bytes(b"this is a spreadsheet, not a database" * 200)
    before = path.read_bytes()
    with pytest.raises(StoreCorruptError, match="not a follow-up desk data store"):
        open_local_store(path)
    assert path.read_bytes() == before


def test_unreachable_server_gives_one_plain_sentence() -> None:
    port = free_port()  # nothing listens here
    engine = create_server_engine(
        f"postgresql+psycopg://nurse@127.0.0.1:{port}/followup", connect_timeout=2
    )
    with pytest.raises(StoreUnavailableError) as caught:
        check_server(engine)
    message = str(caught.value)
    assert message.startswith(f"Cannot reach the central database at 127.0.0.1:{port}")
    assert "working offline" in message
    assert "\n" not in message


def test_reachable_server_passes_the_check(pg_url: str) -> None:
    check_server(create_server_engine(pg_url))


def test_server_url_carries_the_staff_role_and_tls_mode() -> None:
    from agent_app.config import ServerSettings
    from agent_app.store.engine import server_url

    url = server_url(
        ServerSettings(host="db.local", port=6432, database="fu", sslmode="verify-full"),
        "wangfang",
        "s3cret",
    )
    assert (url.username, url.host, url.port, url.database) == ("wangfang", "db.local", 6432, "fu")
    assert url.query["sslmode"] == "verify-full"
    assert "s3cret" not in repr(url)  # SQLAlchemy masks the password when printed


def test_sql_errors_hide_their_bound_parameters(store_engine: Engine) -> None:
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    with pytest.raises(DBAPIError) as caught, store_engine.connect() as connection:
        connection.execute(
            text("SELECT id FROM contact WHERE number_e164 = :n AND no_such_column = :id"),
            {"n": "+8613812345678", "id": "110105195103021234"},
        )
    message = str(caught.value)
    assert "no_such_column" in message
    assert "13812345678" not in message and "110105195103021234" not in message
