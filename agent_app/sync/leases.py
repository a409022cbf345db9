"""Task leases: which desk works which task right now, so two agents never call one patient.

A lease is claimed for a while (``lease_seconds``), renewed by ``heartbeat`` while the task is
open, released when the agent is done, and simply runs out if the desk disappears. The desk
remembers its own leases in the local store (``followup_task.lease_owner_id`` and
``lease_expires_at``, never sent to the server), so an offline desk keeps working the tasks it
holds until they expire.

``LocalTaskLeases`` keeps leases in the SQLite store only (demo, or a desk without a server);
``ServerTaskLeases`` (``agent_app.sync.server_leases``) claims them on the central database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import ClassVar, Protocol

from sqlalchemy import Connection, Engine, and_, or_, select, text, update

from agent_app.domain.coded_error import CodedError
from agent_app.domain.enums import Role
from agent_app.store.repositories.tasks import QueueScope
from agent_app.store.schema import FollowupTask, Staff
from agent_app.store.schema.followup import OPEN_TASK_SQL

DEFAULT_LEASE_SECONDS = 15 * 60
Clock = Callable[[], dt.datetime]


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class Lease:
    """``owner_id`` holds ``task_id`` until ``expires_at`` (UTC) unless renewed."""

    task_id: int
    owner_id: int
    expires_at: dt.datetime


class LeaseError(CodedError):
    """A task could not be claimed; ``code`` says why, for the desk's screens."""

    ENGLISH: ClassVar[dict[str, str]] = {
        "task_taken": "Task {task} is being worked by {holder} until {until}; choose another task.",
        "task_closed": "Task {task} is not open any more.",
        "task_not_in_queue": "Task {task} is not open or not in your queue.",
        "task_unreadable": "Task {task} cannot be read from the server.",
    }

    def english(self) -> str:
        params = dict(self.params)
        if not params.get("holder"):
            params["holder"] = "another agent"
        return self.ENGLISH[self.code].format(**params)


class TaskTakenError(LeaseError):
    """Another agent holds the task (``holder``, empty when unknown) until ``until``
    (the desk's local time, HH:MM)."""

    def __init__(self, task_id: int, holder: str, until: dt.datetime) -> None:
        local = until.astimezone().strftime("%H:%M")
        super().__init__("task_taken", task=task_id, holder=holder, until=local)


class TaskUnavailableError(LeaseError):
    """The task is closed, unknown, or outside the agent's queue."""


class TaskLeases(Protocol):
    def claim_next(self, scope: QueueScope) -> Lease | None: ...

    def claim(self, task_id: int) -> Lease: ...

    def heartbeat(self) -> list[Lease]: ...

    def release(self, task_id: int) -> None: ...


def claim_first_free(leases: TaskLeases, task_ids: Iterable[int]) -> Lease | None:
    """Claim the first of ``task_ids`` nobody else holds (None: all taken or closed)."""
    for task_id in task_ids:
        try:
            return leases.claim(task_id)
        except LeaseError:  # taken since the order was read, or closed: try the next one
            continue
    return None


def held_leases(connection: Connection, staff_id: int, now: dt.datetime) -> list[Lease]:
    """Leases the desk holds for ``staff_id`` that have not run out, on open tasks."""
    task = FollowupTask
    rows = connection.execute(
        select(task.id, task.lease_expires_at)
        .where(task.lease_owner_id == staff_id, task.lease_expires_at > now, text(OPEN_TASK_SQL))
        .order_by(task.id)
    )
    return [Lease(task_id, staff_id, expires) for task_id, expires in rows if expires is not None]


def record_lease(connection: Connection, lease: Lease) -> None:
    connection.execute(
        update(FollowupTask)
        .where(FollowupTask.id == lease.task_id)
        .values(lease_owner_id=lease.owner_id, lease_expires_at=lease.expires_at)
    )


def forget_lease(connection: Connection, task_id: int) -> None:
    connection.execute(
        update(FollowupTask)
        .where(FollowupTask.id == task_id)
        .values(lease_owner_id=None, lease_expires_at=None)
    )


class LocalTaskLeases:
    """Leases kept in the desk's SQLite store: for the demo and a desk with no server.

    SQLite runs one writer at a time and each claim is a single conditional UPDATE, so two
    threads (or two desks sharing the file) never both win a task.
    """

    def __init__(
        self,
        local: Engine,
        staff_id: int,
        *,
        lease_seconds: int = DEFAULT_LEASE_SECONDS,
        clock: Clock = utc_now,
    ) -> None:
        self.local = local
        self.staff_id = staff_id
        self.lease_seconds = lease_seconds
        self.clock = clock

    def _free(self, now: dt.datetime) -> object:
        task = FollowupTask
        return or_(
            task.lease_owner_id.is_(None),
            task.lease_owner_id == self.staff_id,
            task.lease_expires_at <= now,
        )

    def _take(self, connection: Connection, task_id: int, now: dt.datetime) -> Lease | None:
        expires = now + dt.timedelta(seconds=self.lease_seconds)
        done = connection.execute(
            update(FollowupTask)
            .where(FollowupTask.id == task_id, self._free(now), text(OPEN_TASK_SQL))  # type: ignore[arg-type]
            .values(lease_owner_id=self.staff_id, lease_expires_at=expires)
        )
        return Lease(task_id, self.staff_id, expires) if done.rowcount == 1 else None

    def claim_next(self, scope: QueueScope) -> Lease | None:
        """Lease the first due task of ``scope`` that nobody (this desk included) holds."""
        task = FollowupTask
        now = self.clock()
        if scope.role is Role.AGENT:
            in_scope = or_(
                task.assigned_staff_id == scope.staff_id,
                and_(task.department_id == scope.department_id, task.assigned_staff_id.is_(None)),
            )
        elif scope.role is Role.SUPERVISOR:
            in_scope = task.department_id == scope.department_id
        elif scope.role is Role.DOCTOR:
            return None  # doctors claim no follow-up
        else:
            in_scope = text("1 = 1")  # type: ignore[assignment]
        candidate = (
            select(task.id)
            .where(
                text(OPEN_TASK_SQL),
                in_scope,
                or_(task.lease_owner_id.is_(None), task.lease_expires_at <= now),
            )
            .order_by(task.due_at, task.id)
            .limit(1)
        )
        if scope.due_before is not None:
            candidate = candidate.where(task.due_at < scope.due_before)
        expires = now + dt.timedelta(seconds=self.lease_seconds)
        # One statement that writes from its start: SQLite takes the write lock first (waiting
        # its busy timeout for another claimer), so the choice and the claim cannot interleave.
        claim = (
            update(task)
            .where(task.id == candidate.scalar_subquery())
            .values(lease_owner_id=self.staff_id, lease_expires_at=expires)
            .returning(task.id)
        )
        with self.local.begin() as connection:
            task_id = connection.execute(claim).scalar_one_or_none()
        return None if task_id is None else Lease(task_id, self.staff_id, expires)

    def claim(self, task_id: int) -> Lease:
        """Lease ``task_id`` (or renew this desk's lease on it)."""
        now = self.clock()
        with self.local.begin() as connection:
            lease = self._take(connection, task_id, now)
            if lease is not None:
                return lease
            row = connection.execute(
                select(FollowupTask.status, Staff.full_name, FollowupTask.lease_expires_at)
                .outerjoin(Staff, Staff.id == FollowupTask.lease_owner_id)
                .where(FollowupTask.id == task_id)
            ).first()
        if row is None or not row.status.is_open:
            raise TaskUnavailableError("task_closed", task=task_id)
        until = row.lease_expires_at or now
        raise TaskTakenError(task_id, row.full_name or "", until)

    def heartbeat(self) -> list[Lease]:
        """Renew every lease this desk holds on an open task; drop those on closed tasks."""
        now = self.clock()
        expires = now + dt.timedelta(seconds=self.lease_seconds)
        task = FollowupTask
        with self.local.begin() as connection:
            connection.execute(
                update(task)
                .where(task.lease_owner_id == self.staff_id, text(f"NOT ({OPEN_TASK_SQL})"))
                .values(lease_owner_id=None, lease_expires_at=None)
            )
            connection.execute(
                update(task)
                .where(task.lease_owner_id == self.staff_id, text(OPEN_TASK_SQL))
                .values(lease_expires_at=expires)
            )
            return held_leases(connection, self.staff_id, now)

    def release(self, task_id: int) -> None:
        """Give ``task_id`` back (only if this desk holds it)."""
        with self.local.begin() as connection:
            connection.execute(
                update(FollowupTask)
                .where(FollowupTask.id == task_id, FollowupTask.lease_owner_id == self.staff_id)
                .values(lease_owner_id=None, lease_expires_at=None)
            )

    def held(self) -> list[Lease]:
        """Leases this desk holds now (works offline)."""
        with self.local.connect() as connection:
            return held_leases(connection, self.staff_id, self.clock())
