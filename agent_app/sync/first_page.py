"""The queue's first page, brought in before the rest of a new desk's first pull.

A new desk's full pull can take a while; the agent needs only the first screen of the queue
to start calling. These are the tasks the queue would show first (the same scope and order,
asked of the server, where row-level security limits them to what this login may see) with
the patients, contacts and episodes their lines and cards need. They are written like any
pulled row, without moving a cursor: the full pull hands the same row versions (or newer)
again later, and the upsert takes them.
"""

from __future__ import annotations

from sqlalchemy import Engine, select
from sqlalchemy.exc import SQLAlchemyError

from agent_app.store.repositories.tasks import QueueScope, scope_task_ids
from agent_app.store.schema import Base
from agent_app.sync.errors import as_sync_error
from agent_app.sync.single_rows import fetch_rows, store_page

# The tables the first page fills, parents before children.
QUEUE_TABLES = ("patient", "contact", "episode", "followup_task")


def first_page_task_ids(server: Engine, scope: QueueScope, size: int) -> list[int]:
    """Ids of the first ``size`` tasks of ``scope``'s queue on the server, in queue order."""
    ids = scope_task_ids(scope).subquery()
    query = select(ids.c.id).order_by(ids.c.due_at, ids.c.id).limit(size)
    try:
        with server.connect() as connection:
            found = [int(task_id) for task_id in connection.execute(query).scalars()]
            connection.rollback()
    except SQLAlchemyError as exc:
        raise as_sync_error(exc, server) from exc
    return found


def pull_first_page(local: Engine, server: Engine, scope: QueueScope, size: int) -> int:
    """Bring in the first ``size`` tasks of ``scope``'s queue with their patients, contacts
    and episodes; returns how many tasks."""
    tables = Base.metadata.tables
    tasks = fetch_rows(
        server, tables["followup_task"], "id", first_page_task_ids(server, scope, size)
    )
    patients = sorted({task["patient_id"] for task in tasks})
    episodes = sorted({task["episode_id"] for task in tasks if task["episode_id"] is not None})
    fetched = {
        "patient": fetch_rows(server, tables["patient"], "id", patients),
        "contact": fetch_rows(server, tables["contact"], "patient_id", patients),
        "episode": fetch_rows(server, tables["episode"], "id", episodes),
        "followup_task": tasks,
    }
    for name in QUEUE_TABLES:
        if fetched[name]:
            store_page(local, tables[name], fetched[name], None)
    return len(tasks)
