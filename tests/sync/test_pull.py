"""Pull by change cursor: nothing committed late is skipped, nothing is handed out twice."""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy import Engine, select, text

from agent_app.store.schema import Contact, FollowupTask, Patient
from agent_app.sync.pull import PULL_TABLES, pull_changes
from agent_app.sync.push import push_pending
from tests.sync.desk_actions import open_tasks, save_call_result


def _dsn(server: Engine) -> str:
    return server.url.set(drivername="postgresql").render_as_string(hide_password=False)


def _local_notes(local: Engine, *ids: int) -> list[str]:
    with local.connect() as connection:
        rows = connection.execute(select(Patient.id, Patient.notes).where(Patient.id.in_(ids)))
        return [notes for _, notes in sorted(rows)]


def test_first_pull_copies_every_table_the_queue_needs(server: Engine, local: Engine) -> None:
    report = pull_changes(local, server, page_size=7)
    for name in PULL_TABLES:
        with server.connect() as remote, local.connect() as mine:
            expected = remote.execute(text(f"SELECT count(*) FROM {name}")).scalar_one()
            assert mine.execute(text(f"SELECT count(*) FROM {name}")).scalar_one() == expected
        assert report.rows.get(name, 0) == expected
    assert report.pages > len(PULL_TABLES)  # small pages: several per table
    assert pull_changes(local, server).total == 0


@pytest.mark.parametrize("later_takes_xid_first", [False, True])
def test_late_commit_with_lower_sequence_is_pulled_exactly_once(
    server: Engine, local: Engine, later_takes_xid_first: bool
) -> None:
    pull_changes(local, server)
    with psycopg.connect(_dsn(server)) as slow, psycopg.connect(_dsn(server)) as quick:
        if later_takes_xid_first:
            quick.execute("SELECT pg_current_xact_id()")  # quick's xid is now the older one
        slow.execute("UPDATE patient SET notes = 'slow' WHERE id = 1")
        quick.execute("UPDATE patient SET notes = 'quick' WHERE id = 2")
        quick.commit()
        slow_seq = slow.execute("SELECT change_seq FROM patient WHERE id = 1").fetchone()
        quick_seq = quick.execute("SELECT change_seq FROM patient WHERE id = 2").fetchone()
        assert slow_seq is not None and quick_seq is not None
        # A cursor on change_seq alone would now stand past the slow row and never see it.
        assert slow_seq[0] < quick_seq[0]
        early = pull_changes(local, server, tables=("patient",))
        slow.commit()
    late = pull_changes(local, server, tables=("patient",))
    # Held back while an older transaction runs, or handed out when it is the older one.
    assert early.rows.get("patient", 0) == (1 if later_takes_xid_first else 0)
    assert early.total + late.total == 2
    assert _local_notes(local, 1, 2) == ["slow", "quick"]
    assert pull_changes(local, server, tables=("patient",)).total == 0


def test_updated_row_comes_back_once_with_its_new_values(server: Engine, local: Engine) -> None:
    pull_changes(local, server)
    with server.begin() as connection:
        connection.execute(text("UPDATE patient SET notes = 'moved house' WHERE id = 3"))
        connection.execute(text("UPDATE patient SET notes = 'new phone' WHERE id = 4"))
    report = pull_changes(local, server, page_size=1)
    assert report.rows == {"patient": 2} and report.pages == 2
    assert _local_notes(local, 3, 4) == ["moved house", "new phone"]


def test_child_row_arriving_before_its_parent_is_kept(server: Engine, local: Engine) -> None:
    pull_changes(local, server)
    with server.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO patient (id, mrn, name, sex, birth_date, id_number, address, notes,"
                " change_seq) VALUES (9001, 'MRN9001', 'New Patient', 'F', '1950-01-01', '',"
                " '', '', 0)"
            )
        )
        connection.execute(
            text(
                "INSERT INTO contact (id, patient_id, name, relation, kind, number_raw,"
                " number_e164, number_national, priority, change_seq) VALUES (9001, 9001,"
                " 'New Patient', 'self', 'mobile', '13800000001', '+8613800000001',"
                " '13800000001', 0, 0)"
            )
        )
    assert pull_changes(local, server, tables=("contact",)).rows == {"contact": 1}
    with local.connect() as connection:
        assert connection.execute(select(Contact.patient_id).where(Contact.id == 9001)).one()
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    pull_changes(local, server)
    with local.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_key_check").all() == []


def test_row_with_an_unpushed_local_change_is_not_overwritten(
    server: Engine, local: Engine
) -> None:
    pull_changes(local, server)
    task_id, staff_id = open_tasks(local)[0]
    save_call_result(local, task_id, staff_id)  # task done locally, not pushed yet
    with server.begin() as connection:
        connection.execute(
            text("UPDATE followup_task SET due_at = due_at + interval '1 day' WHERE id = :t"),
            {"t": task_id},
        )
    report = pull_changes(local, server, tables=("followup_task",))
    assert report.kept_local == 1
    with local.connect() as connection:
        status = connection.execute(select(FollowupTask.status).where(FollowupTask.id == task_id))
        assert status.scalar_one() == "done"
    push_pending(local, server)
    report = pull_changes(local, server, tables=("followup_task",))
    assert report.rows == {"followup_task": 1} and report.kept_local == 0
    with local.connect() as connection, server.connect() as remote:
        query = select(FollowupTask.status, FollowupTask.due_at).where(FollowupTask.id == task_id)
        assert connection.execute(query).one() == remote.execute(query).one()
