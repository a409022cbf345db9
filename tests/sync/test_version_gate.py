"""The server's version gate: a desk below it, or one that does not know the server's schema,
sends nothing and keeps its outbox; once the gate allows it, the same work goes through."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, text

from agent_app import __version__
from agent_app.domain.enums import OutboxState
from agent_app.store.desk_versions import (
    canonical_version,
    parse_version,
    raise_min_version_sql,
    set_min_version,
)
from agent_app.store.migrate import head_revision
from agent_app.store.outbox import count_by_state
from agent_app.store.server_errors import ServerCode
from agent_app.sync.pull import pull_changes
from agent_app.sync.version_gate import DeskTooOldError, check_desk_may_sync, read_gate
from agent_app.sync.worker import SyncWorker
from tests.sync.desk_actions import open_tasks, save_call_result


def _results_on_server(server: Engine) -> int:
    with server.connect() as connection:
        return int(connection.execute(text("SELECT count(*) FROM followup_result")).scalar_one())


def _outbox(local: Engine) -> list[tuple[str, str, str]]:
    with local.connect() as connection:
        rows = connection.execute(text("SELECT change_id, table_name, state FROM outbox"))
        return [(str(a), str(b), str(c)) for a, b, c in rows]


def _set_gate(server: Engine, version: str) -> None:
    with server.begin() as connection:
        set_min_version(connection, version)


def test_the_migration_starts_the_gate_at_this_version_and_names_the_revision(
    server: Engine, as_staff: object
) -> None:
    gate = read_gate(server)
    assert gate.min_version == "0.1.0"
    assert gate.schema_revision == head_revision()
    assert parse_version(__version__) >= parse_version(gate.min_version)


def test_a_desk_below_the_gate_pushes_nothing_keeps_its_outbox_and_goes_through_once_lowered(
    server: Engine, local: Engine
) -> None:
    pull_changes(local, server)
    task_id, staff_id = open_tasks(local)[0]
    save_call_result(local, task_id, staff_id)
    queued = _outbox(local)
    assert len(queued) == 3 and {state for *_, state in queued} == {OutboxState.PENDING}
    _set_gate(server, "99.0.0")

    refused = SyncWorker(local, server).run_once()

    assert isinstance(refused.failure, DeskTooOldError)
    assert refused.failure.code == ServerCode.DESK_TOO_OLD
    assert refused.failure.params == {"version": __version__, "min_version": "99.0.0"}
    assert refused.pending == 3 and refused.last_success_at is None
    assert _outbox(local) == queued  # untouched: same entries, still pending
    assert _results_on_server(server) == 0

    _set_gate(server, __version__)
    done = SyncWorker(local, server).run_once()
    assert done.failure is None and done.pending == 0
    assert _results_on_server(server) == 1
    assert count_by_state(local)[OutboxState.PENDING] == 0


def test_a_server_schema_the_desk_does_not_know_stops_the_push(
    server: Engine, local: Engine
) -> None:
    pull_changes(local, server)
    task_id, staff_id = open_tasks(local)[0]
    save_call_result(local, task_id, staff_id)
    queued = _outbox(local)
    with server.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0099'"))

    status = SyncWorker(local, server).run_once()

    assert isinstance(status.failure, DeskTooOldError)
    assert status.failure.code == ServerCode.SCHEMA_UNKNOWN
    assert status.failure.params["revision"] == "0099"
    assert _outbox(local) == queued
    assert _results_on_server(server) == 0


def test_a_staff_login_reads_the_gate_in_one_call(server: Engine, as_staff: object) -> None:
    agent = as_staff("nurse1")  # type: ignore[operator]
    assert check_desk_may_sync(agent).min_version == "0.1.0"
    with pytest.raises(DeskTooOldError):
        check_desk_may_sync(agent, desk_version="0.0.9")


def test_a_migration_only_raises_the_gate(server: Engine) -> None:
    with server.begin() as connection:
        connection.execute(text(raise_min_version_sql("0.3.0")))
        connection.execute(text(raise_min_version_sql("0.2.9")))
    assert read_gate(server).min_version == "0.3.0"


@pytest.mark.parametrize("typo", ["1.2", "1.2.3.4", "v1.2.3", "1.2.3'; DROP TABLE staff; --"])
def test_a_version_that_is_not_x_y_z_is_refused(typo: str) -> None:
    with pytest.raises(ValueError):
        canonical_version(typo)
    with pytest.raises(ValueError):
        raise_min_version_sql(typo)
