"""Task leases claimed on the central database (migration 0003's ``lease_*`` functions).

The server decides who holds what (``FOR NO KEY UPDATE SKIP LOCKED`` plus a conditional
upsert into ``task_lease``); the desk records each lease it wins in its local store, brings
the task's rows in if the pull has not yet, and keeps working a held task while offline until
the lease runs out. A release waits until the task's own changes have been pushed, so the
next agent never sees it open after this one finished it; releases made offline are queued in
``sync_state`` and sent by the next heartbeat.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Engine, delete, select, text
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from agent_app.store.repositories.tasks import QueueScope
from agent_app.store.schema import Base, FollowupTask
from agent_app.store.schema.local import SyncState
from agent_app.sync.errors import SyncError, SyncOfflineError, as_sync_error
from agent_app.sync.leases import (
    DEFAULT_LEASE_SECONDS,
    Clock,
    Lease,
    TaskTakenError,
    TaskUnavailableError,
    forget_lease,
    held_leases,
    record_lease,
    taken_message,
    utc_now,
)
from agent_app.sync.outbox import pending_row_ids
from agent_app.sync.pull import fetch_rows, store_page

log = logging.getLogger(__name__)

RELEASE_PREFIX = "lease-release:"
# How far the server's clock is ahead of this desk's, in milliseconds (kept across restarts,
# so an offline desk still judges its leases by the server's time).
CLOCK_OFFSET_KEY = "server-clock-offset-ms"
_OFFSET_NOTED = dt.timedelta(milliseconds=500)  # smaller changes are not written again


class ServerTaskLeases:
    """Leases on the central server, mirrored in the desk's store for offline work."""

    def __init__(
        self,
        local: Engine,
        server: Engine,
        staff_id: int,
        *,
        lease_seconds: int = DEFAULT_LEASE_SECONDS,
        clock: Clock = utc_now,
    ) -> None:
        self.local = local
        self.server = server
        self.staff_id = staff_id
        self.lease_seconds = lease_seconds
        self.clock = clock
        self._offset: dt.timedelta | None = None

    # The server's clock ------------------------------------------------------------------
    def server_now(self) -> dt.datetime:
        """Now by the server's clock, as last measured (this desk's clock until then): leases
        run out by the server's time, whatever this desk's clock says."""
        if self._offset is None:
            with self.local.connect() as connection:
                stored = connection.execute(
                    select(SyncState.cursor).where(SyncState.name == CLOCK_OFFSET_KEY)
                ).scalar_one_or_none()
            self._offset = dt.timedelta(milliseconds=stored or 0)
        return self.clock() + self._offset

    def _measure_offset(self, connection: Connection) -> None:
        before = self.clock()
        server = connection.execute(text("SELECT clock_timestamp()")).scalar_one()
        after = self.clock()
        offset = server - (before + (after - before) / 2)
        known = self._offset
        self._offset = offset
        if known is not None and abs(offset - known) < _OFFSET_NOTED:
            return
        if abs(offset) > dt.timedelta(minutes=1):
            log.warning("this desk's clock is %s off the server's", offset)
        millis = round(offset / dt.timedelta(milliseconds=1))
        with self.local.begin() as local:
            statement = insert(SyncState).values(name=CLOCK_OFFSET_KEY, cursor=millis)
            local.execute(
                statement.on_conflict_do_update(
                    index_elements=[SyncState.name], set_={"cursor": millis}
                )
            )

    # Server calls -----------------------------------------------------------------------
    def _call(self, sql: str, **params: Any) -> Sequence[Any]:
        try:
            with self.server.begin() as connection:
                self._measure_offset(connection)
                return connection.execute(text(sql), params).all()
        except DBAPIError as exc:
            state = str(getattr(exc.orig, "sqlstate", "") or "")
            if state == "SY003":
                message = str(exc.orig).splitlines()[0].strip()
                raise TaskUnavailableError(message[:1].upper() + message[1:] + ".") from exc
            raise as_sync_error(exc, self.server) from exc
        except SQLAlchemyError as exc:
            raise as_sync_error(exc, self.server) from exc

    # Local mirror -----------------------------------------------------------------------
    def _bring_in(self, task_id: int) -> None:
        """Copy the task and what its card needs from the server if the desk lacks them."""
        with self.local.connect() as connection:
            if connection.execute(
                select(FollowupTask.id).where(FollowupTask.id == task_id)
            ).first():
                return
        tables = Base.metadata.tables
        tasks = fetch_rows(self.server, tables["followup_task"], "id", [task_id])
        if not tasks:
            raise TaskUnavailableError(f"Task {task_id} cannot be read from the server.")
        task = tasks[0]
        wanted: list[tuple[str, str, list[object]]] = [
            ("department", "id", [task["department_id"]]),
            ("staff", "id", [s for s in (self.staff_id, task["assigned_staff_id"]) if s]),
            ("patient", "id", [task["patient_id"]]),
            ("contact", "patient_id", [task["patient_id"]]),
            ("episode", "id", [task["episode_id"]] if task["episode_id"] else []),
            ("followup_plan", "id", [task["plan_id"]] if task["plan_id"] else []),
        ]
        fetched = {name: fetch_rows(self.server, tables[name], col, v) for name, col, v in wanted}
        plans = fetched["followup_plan"]
        templates = fetch_rows(
            self.server, tables["questionnaire_template"], "id", [p["template_id"] for p in plans]
        )
        scripts = fetch_rows(
            self.server,
            tables["call_script"],
            "id",
            [p["script_id"] for p in plans if p["script_id"]],
        )
        order = [
            ("department", fetched["department"]),
            ("staff", fetched["staff"]),
            ("questionnaire_template", templates),
            ("call_script", scripts),
            ("followup_plan", plans),
            ("patient", fetched["patient"]),
            ("contact", fetched["contact"]),
            ("episode", fetched["episode"]),
            ("followup_task", tasks),
        ]
        for name, rows in order:
            if rows:
                store_page(self.local, tables[name], rows, None)
        log.info("task %s brought in ahead of the pull", task_id)

    def _won(self, task_id: int, owner_id: int, expires_at: dt.datetime) -> Lease:
        lease = Lease(task_id, owner_id, expires_at)
        self._bring_in(task_id)
        with self.local.begin() as connection:
            record_lease(connection, lease)
            connection.execute(delete(SyncState).where(SyncState.name == _release_key(task_id)))
        return lease

    # TaskLeases -------------------------------------------------------------------------
    def claim_next(self, scope: QueueScope) -> Lease | None:
        """Lease the first due task of the caller's queue nobody holds.

        The server applies the caller's own role and department, not ``scope``'s, and takes
        only ``scope.due_before`` from it. Raises SyncOfflineError while offline: a new task
        can only be claimed from the server.
        """
        rows = self._call(
            "SELECT task_id, owner_id, expires_at FROM lease_claim_next(:s, :due)",
            s=self.lease_seconds,
            due=scope.due_before,
        )
        if not rows:
            return None
        return self._won(*rows[0])

    def claim(self, task_id: int) -> Lease:
        """Lease ``task_id`` (or renew this desk's lease on it).

        Raises TaskTakenError when another agent holds it, TaskUnavailableError when it is
        closed or outside the caller's queue. Offline, a lease this desk still holds is
        returned as it is; otherwise SyncOfflineError.
        """
        try:
            rows = self._call(
                "SELECT task_id, owner_id, expires_at, owner_name FROM lease_claim(:t, :s)",
                t=task_id,
                s=self.lease_seconds,
            )
        except SyncOfflineError:
            with self.local.connect() as connection:
                mine = [
                    lease
                    for lease in held_leases(connection, self.staff_id, self.server_now())
                    if lease.task_id == task_id
                ]
            if mine:
                return mine[0]
            raise
        got_id, owner_id, expires_at, owner_name = rows[0]
        if owner_id != self.staff_id:
            raise TaskTakenError(taken_message(task_id, owner_name, expires_at))
        return self._won(got_id, owner_id, expires_at)

    def heartbeat(self) -> list[Lease]:
        """Send queued releases, renew every lease this desk holds and forget lost ones.

        Offline it changes nothing and answers the leases still held locally; the desk keeps
        working them until they run out.
        """
        try:
            self._send_releases()
            rows = self._call(
                "SELECT task_id, owner_id, expires_at FROM lease_heartbeat(:s)",
                s=self.lease_seconds,
            )
        except SyncError as exc:
            log.info("lease heartbeat not sent: %s", exc)
            return self.held()
        renewed = {task_id: Lease(task_id, owner, expires) for task_id, owner, expires in rows}
        with self.local.begin() as connection:
            mine = connection.execute(
                select(FollowupTask.id).where(FollowupTask.lease_owner_id == self.staff_id)
            ).scalars()
            for task_id in set(mine) - set(renewed):
                forget_lease(connection, task_id)
            released = _queued_releases(connection)
            for lease in renewed.values():
                if lease.task_id not in released:
                    record_lease(connection, lease)
            return held_leases(connection, self.staff_id, self.server_now())

    def release(self, task_id: int) -> None:
        """Give ``task_id`` back: at once locally, on the server once its changes are pushed."""
        with self.local.begin() as connection:
            forget_lease(connection, task_id)
            statement = insert(SyncState).values(name=_release_key(task_id), cursor=task_id)
            connection.execute(statement.on_conflict_do_nothing(index_elements=[SyncState.name]))
        try:
            self._send_releases()
        except SyncError as exc:
            log.info("lease release of task %s queued: %s", task_id, exc)

    def held(self) -> list[Lease]:
        """Leases this desk holds now (works offline)."""
        with self.local.connect() as connection:
            return held_leases(connection, self.staff_id, self.server_now())

    def _send_releases(self) -> None:
        with self.local.connect() as connection:
            queued = _queued_releases(connection)
            waiting = pending_row_ids(connection, FollowupTask.__tablename__)
        for task_id in sorted(queued):
            if str(task_id) in waiting:
                continue  # its "done" is still in the outbox: keep holding it until pushed
            self._call("SELECT lease_release(:t)", t=task_id)
            with self.local.begin() as connection:
                connection.execute(delete(SyncState).where(SyncState.name == _release_key(task_id)))


def _release_key(task_id: int) -> str:
    return f"{RELEASE_PREFIX}{task_id}"


def _queued_releases(connection: Connection) -> set[int]:
    rows = connection.execute(
        select(SyncState.cursor).where(SyncState.name.like(f"{RELEASE_PREFIX}%"))
    )
    return {int(task_id) for task_id in rows.scalars()}
