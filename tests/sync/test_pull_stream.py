"""The pull streamed with COPY: the same rows as the desk's own writes, resumable after a cut
mid-stream, the queue's first page before the rest, progress against an estimate."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from agent_app.domain.enums import Role
from agent_app.store.engine import open_local_store
from agent_app.store.repositories.tasks import QueueScope, queue_page
from agent_app.store.schema import Base
from agent_app.store.tallies import TALLY_TABLES, drop_triggers, set_complete, tallies_complete
from agent_app.sync.chunk_store import secondary_indexes
from agent_app.sync.errors import SyncOfflineError
from agent_app.sync.first_page import first_page_task_ids
from agent_app.sync.pull import PULL_TABLES, PullProgress, fetch_rows, pull_changes, store_page

StaffEngine = Callable[[str], Engine]
NURSE1 = QueueScope(staff_id=1, role=Role.AGENT, department_id=2)  # small_hospital's agent


def _raw_rows(engine: Engine, table: str) -> list[tuple[object, ...]]:
    """Every stored value as SQLite holds it, with its storage class."""
    columns = [c.name for c in Base.metadata.tables[table].c]
    values = ", ".join(f"{c}, typeof({c})" for c in columns)
    with engine.connect() as connection:
        return [
            tuple(row)
            for row in connection.exec_driver_sql(f"SELECT {values} FROM {table} ORDER BY 1")
        ]


def _count(engine: Engine, table: str) -> int:
    with engine.connect() as connection:
        return int(connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())


def test_streamed_rows_are_stored_exactly_as_the_desk_writes_them_itself(
    server: Engine, local: Engine, tmp_path: Path
) -> None:
    with server.begin() as connection:  # text COPY escapes these: they must come back whole
        connection.execute(
            text("UPDATE patient SET notes = :n WHERE id = 3"), {"n": "tab\there\nline \\ 引号'"}
        )
        connection.execute(text("UPDATE episode SET revisit_on = DATE '2026-12-24' WHERE id = 2"))
        connection.execute(
            text(
                'UPDATE followup_plan SET calling_hours = \'{"周一": ["08:00", "12:00"]}\','
                " sms_before_call = true"
            )
        )
    pull_changes(local, server)
    by_rows = open_local_store(tmp_path / "by_rows.sqlite3")
    for name in PULL_TABLES:  # the other way in: rows read and upserted through SQLAlchemy
        table = Base.metadata.tables[name]
        key = next(iter(table.primary_key.columns)).name
        with server.connect() as connection:
            ids = list(connection.execute(text(f"SELECT {key} FROM {name}")).scalars())
        store_page(by_rows, table, fetch_rows(server, table, key, ids), None)
    for name in PULL_TABLES:
        assert _raw_rows(local, name) == _raw_rows(by_rows, name), name
    assert _raw_rows(local, "patient")[2][2 * 7] == "tab\there\nline \\ 引号'"
    by_rows.dispose()


def test_pull_cut_mid_stream_resumes_after_the_last_stored_chunk(
    server: Engine, local: Engine, as_staff: StaffEngine
) -> None:
    with server.begin() as connection:  # large enough that the server is still sending
        connection.execute(
            text(
                "INSERT INTO patient (id, mrn, name, sex, birth_date, id_number, address, notes,"
                " change_seq) SELECT n, 'M' || n, '患者' || n, 'F', DATE '1950-01-01', '',"
                " repeat('地址', 40), '', 0 FROM generate_series(1000, 40999) AS n"
            )
        )
    quality = as_staff("nurse5")  # sees the whole hospital, row-level security on
    chunks: list[int] = []

    def cut_after_two(_table: str, rows: int) -> None:
        chunks.append(rows)
        if len(chunks) == 2:
            with server.connect() as connection:
                killed = connection.execute(
                    text(
                        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                        " WHERE usename = 'nurse5' AND query LIKE 'COPY%'"
                        " AND datname = current_database()"  # not another test's database
                    )
                ).scalar_one()
                connection.commit()
            assert killed >= 1  # the COPY (and an idle connection whose last query was one)

    with pytest.raises(SyncOfflineError):
        pull_changes(local, quality, tables=("patient",), page_size=1000, on_page=cut_after_two)
    stored = _count(local, "patient")
    assert chunks[:2] == [1000, 1000] and stored == sum(chunks)
    assert 2000 <= stored < 40_020  # cut mid-stream: part stored, the rest still to come
    resumed = pull_changes(local, quality, tables=("patient",), page_size=1000)
    assert resumed.total == 40_020 - stored  # nothing fetched twice
    with local.connect() as mine, server.connect() as remote:
        query = text("SELECT id FROM patient ORDER BY id")
        assert list(mine.execute(query).scalars()) == list(remote.execute(query).scalars())


def test_queue_first_page_is_in_the_store_before_the_rest_of_the_pull(
    server: Engine, local: Engine, as_staff: StaffEngine
) -> None:
    nurse1 = as_staff("nurse1")
    expected = first_page_task_ids(nurse1, NURSE1, 5)
    seen: list[tuple[list[int], int, int]] = []

    def on_progress(step: PullProgress) -> None:
        if step.queue_ready and not seen:
            lines = [row.task_id for row in queue_page(local, NURSE1, 0, 50)]
            seen.append((lines, _count(local, "followup_task"), _count(local, "contact")))

    pull_changes(local, nurse1, first_page=NURSE1, first_page_size=5, on_progress=on_progress)
    (lines, tasks_then, contacts_then), *_ = seen
    assert len(expected) == 5 and lines == expected  # the queue showed its first page
    assert tasks_then == 5 and contacts_then > 0  # with contacts, before the rest came
    full = [row.task_id for row in queue_page(local, NURSE1, 0, 50)]
    assert full[:5] == expected and len(full) > 5
    later: list[PullProgress] = []
    pull_changes(local, nurse1, first_page=NURSE1, on_progress=later.append)
    assert not later  # a desk that has its tasks pulls no first page again


def test_progress_counts_rows_done_against_the_servers_estimate(
    server: Engine, local: Engine, as_staff: StaffEngine
) -> None:
    with server.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.exec_driver_sql("ANALYZE")
    steps: list[PullProgress] = []
    report = pull_changes(local, as_staff("nurse5"), page_size=10, on_progress=steps.append)
    done = [step.rows_done for step in steps]
    assert done == sorted(done) and done[-1] == report.total
    assert report.total / 2 <= steps[0].rows_expected <= report.total * 2


def test_bulk_pull_rebuilds_the_tallies_and_indexes_row_by_row_writes_keep(
    server: Engine, local: Engine, tmp_path: Path
) -> None:
    pull_changes(local, server, page_size=7)  # full chunks: tallies paused, rebuilt once
    row_by_row = open_local_store(tmp_path / "row_by_row.sqlite3")
    pull_changes(row_by_row, server, page_size=100_000)  # never a full chunk: triggers
    with local.connect() as connection:
        assert tallies_complete(connection)
        assert connection.exec_driver_sql(
            "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"
        ).scalar_one() == _trigger_count(row_by_row)
    assert _trigger_count(row_by_row) > 0
    for name in TALLY_TABLES:
        assert _raw_rows_any(local, name) == _raw_rows_any(row_by_row, name), name
    assert _index_sql(local) == _index_sql(row_by_row)  # the deferred indexes are back
    assert _raw_rows_any(local, "stats_task_tally")
    row_by_row.dispose()


def _trigger_count(engine: Engine) -> int:
    with engine.connect() as connection:
        return int(
            connection.exec_driver_sql(
                "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"
            ).scalar_one()
        )


def _raw_rows_any(engine: Engine, table: str) -> list[tuple[object, ...]]:
    with engine.connect() as connection:
        return sorted(
            (tuple(row) for row in connection.exec_driver_sql(f"SELECT * FROM {table}")),
            key=repr,
        )


def test_a_pull_finishes_the_tallies_and_indexes_of_a_bulk_pull_killed_midway(
    server: Engine, local: Engine
) -> None:
    pull_changes(local, server, page_size=100_000)
    triggers, indexes = _trigger_count(local), _index_sql(local)
    with local.begin() as connection:  # what a desk killed mid-pull leaves behind
        drop_triggers(connection)
        set_complete(connection, False)
        for index in secondary_indexes(Base.metadata.tables["followup_task"]):
            index.drop(connection)
    assert _index_sql(local) != indexes
    assert pull_changes(local, server).total == 0  # nothing new, but the tallies are redone
    with local.connect() as connection:
        assert tallies_complete(connection)
    assert _trigger_count(local) == triggers
    assert _index_sql(local) == indexes


def _index_sql(engine: Engine) -> list[str]:
    with engine.connect() as connection:
        return sorted(
            connection.exec_driver_sql(
                "SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
            ).scalars()
        )
