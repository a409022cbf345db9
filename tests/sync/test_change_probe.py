"""The probe before the pull: an idle pull is one server read, and moving idle cursors up to
the horizon never loses a row that becomes visible later."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import psycopg
import pytest
from sqlalchemy import Engine, event, select, text

from agent_app.store.schema import Patient
from agent_app.sync.change_probe import (
    ADVANCE_AFTER_XIDS,
    advance_cursors,
    load_cursors,
    tables_with_news,
)
from agent_app.sync.cursor import PullCursor, save_cursor
from agent_app.sync.pull import PULL_TABLES, pull_changes

Connect = Callable[..., Engine]


def _burn_transactions(server: Engine, count: int = ADVANCE_AFTER_XIDS + 1) -> None:
    """Move the server's horizon ``count`` transactions on, touching no pulled row."""
    dsn = server.url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(dsn, autocommit=True) as connection:
        for _ in range(count):
            connection.execute("SELECT pg_current_xact_id()")


def _statements(engine: Engine) -> list[str]:
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    return seen


def test_an_idle_pull_asks_the_server_one_question(
    server: Engine, local: Engine, as_staff: Connect
) -> None:
    nurse1 = as_staff("nurse1")
    pull_changes(local, nurse1)
    seen = _statements(nurse1)
    report = pull_changes(local, nurse1)
    assert report.total == 0
    assert len(seen) == 1 and "EXISTS" in seen[0]


def test_the_probe_names_only_the_tables_with_news_this_login_sees(
    server: Engine, local: Engine, as_staff: Connect
) -> None:
    nurse1 = as_staff("nurse1")  # department 2
    pull_changes(local, nurse1)
    with server.begin() as connection:
        connection.execute(
            text(
                "UPDATE followup_task SET due_at = due_at "
                "WHERE department_id = 1 AND assigned_staff_id IS DISTINCT FROM 1"
            )
        )
        connection.execute(text("UPDATE episode SET ward = ward WHERE department_id = 2"))
    answer = tables_with_news(nurse1, load_cursors(local, list(PULL_TABLES)))
    assert answer.tables == {"episode"}
    assert pull_changes(local, nurse1).rows == {"episode": 10}


def test_idle_cursors_move_to_the_horizon_and_a_patient_seen_later_still_arrives(
    server: Engine, local: Engine, as_staff: Connect
) -> None:
    nurse1 = as_staff("nurse1")  # department 2
    pull_changes(local, nurse1)
    with server.begin() as connection:
        newcomer = connection.execute(
            text(
                "INSERT INTO patient (mrn, name, sex, birth_date, id_number, address, notes) "
                "VALUES ('MRN-NEW', '新病人', 'F', '1960-01-01', '', '', '') RETURNING id"
            )
        ).scalar_one()
        connection.execute(
            text(
                "INSERT INTO episode (patient_id, department_id, ward, admitted_on, discharged_on,"
                " diagnosis_code, diagnosis_name, discharge_disposition) VALUES"
                " (:p, 1, '2', '2026-11-12', '2026-11-18', 'K35', '阑尾炎', 'home')"
            ),
            {"p": newcomer},
        )
    before = load_cursors(local, ["patient"])["patient"]
    assert pull_changes(local, nurse1).total == 0  # department 1's patient: not for nurse1
    moved = load_cursors(local, ["patient"])["patient"]
    assert moved.xid > before.xid and moved.seq == 0  # past the newcomer's transaction
    with server.begin() as connection:  # now an episode in nurse1's department
        connection.execute(
            text(
                "INSERT INTO episode (patient_id, department_id, ward, admitted_on, discharged_on,"
                " diagnosis_code, diagnosis_name, discharge_disposition) VALUES"
                " (:p, 2, '3', '2026-11-19', '2026-11-25', 'K35', '阑尾炎', 'home')"
            ),
            {"p": newcomer},
        )
    assert pull_changes(local, nurse1).rows.get("patient") == 1
    with local.connect() as connection:
        assert connection.execute(select(Patient.mrn).where(Patient.id == newcomer)).scalar() == (
            "MRN-NEW"
        )


def test_a_cursor_is_never_moved_back(local: Engine) -> None:
    ahead = {"patient": PullCursor(500, 3), "contact": PullCursor(10, 9)}
    with local.begin() as connection:
        for name, cursor in ahead.items():
            save_cursor(connection, name, cursor)
    assert advance_cursors(local, ahead, 100, after=90) == 0  # only 90 ahead of contact
    assert advance_cursors(local, ahead, 100, after=0) == 1
    assert load_cursors(local, ["patient", "contact"]) == {
        "patient": PullCursor(500, 3),
        "contact": PullCursor(100, 0),
    }


@pytest.mark.parametrize("held_back", [True, False])
def test_a_table_written_by_a_running_transaction_is_not_skipped(
    server: Engine, local: Engine, held_back: bool
) -> None:
    """Rows of a transaction still open at the probe are above its horizon: the cursor moved
    up to the horizon stays below them, and the next pull hands them out."""
    pull_changes(local, server)
    dsn = server.url.set(drivername="postgresql").render_as_string(hide_password=False)
    _burn_transactions(server)  # the horizon is far ahead of every cursor
    with psycopg.connect(dsn) as slow:
        slow.execute("UPDATE patient SET notes = 'late' WHERE id = 3")
        row = slow.execute("SELECT pg_current_xact_id()::text").fetchone()
        assert row is not None
        if held_back:
            _burn_transactions(server, 10)  # settled after the open one: xmin stays at it
            assert pull_changes(local, server).total == 0
            moved = load_cursors(local, ["patient"])["patient"]
            assert moved == PullCursor(int(row[0]), 0)  # up to the horizon, not past it
        slow.commit()
    assert pull_changes(local, server).rows == {"patient": 1}


def test_a_table_read_to_its_end_leaves_no_unseen_row_below_its_cursor(
    server: Engine, local: Engine, as_staff: Connect
) -> None:
    nurse1 = as_staff("nurse1")  # department 2
    pull_changes(local, nurse1)
    with server.begin() as connection:
        connection.execute(text("UPDATE followup_task SET due_at = due_at WHERE id = 1"))
    with server.begin() as connection:  # later, and not nurse1's to see
        connection.execute(
            text(
                "UPDATE followup_task SET due_at = due_at "
                "WHERE department_id = 1 AND assigned_staff_id IS DISTINCT FROM 1"
            )
        )
        unseen = int(connection.execute(text("SELECT pg_current_xact_id()::text")).scalar_one())
    assert pull_changes(local, nurse1).rows == {"followup_task": 1}
    assert load_cursors(local, ["followup_task"])["followup_task"] > PullCursor(unseen, 0)
