"""Write a supervision row the way the connection needs it.

On the desk's local store the row goes into the outbox in the same transaction (it reaches
the server at the next push); on the central server (a supervisor working online) it is
written directly, as there is no outbox there.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from agent_app.store.outbox import enqueue
from agent_app.store.schema import Base


def is_local(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def persist(session: Session, row: Base, operation: str, actor_id: int) -> None:
    """Flush ``row`` and, on the local store, queue it for the server."""
    if operation == "insert":
        session.add(row)
    if is_local(session):
        enqueue(session, row, operation, actor_id=actor_id)
    else:
        session.flush()
