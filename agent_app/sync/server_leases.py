"""Task leases claimed on the central database (migration 0003's ``lease_*`` functions).

The server decides who holds what (``FOR NO KEY UPDATE SKIP LOCKED`` plus a conditional
upsert into ``task_lease``); the desk records each lease it wins in its local store, and keeps
working a held task while offline until the lease runs out. A claim is one statement on the
server (migration 0012): it answers the lease, the server's clock and the task's card (task,
patient, contacts, episode, plan and the reference rows this desk lacks), and the desk writes
the card and the lease in one local transaction, so a task the pull has not brought yet is
ready to open at once. A release waits until the task's own changes have been pushed, so the
next agent never sees it open after this one finished it; releases made offline are queued in
``sync_state`` and sent by the next heartbeat.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Engine, delete, select, text
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.exc import DBAPIError, IntegrityError, SQLAlchemyError

from agent_app.store.outbox import pending_row_ids
from agent_app.store.repositories.tasks import QueueScope
from agent_app.store.schema import FollowupTask
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
    utc_now,
)
from agent_app.sync.single_rows import foreign_keys_off
from agent_app.sync.task_card import Card, known_reference_ids, store_card

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

    def _note_offset(self, before: dt.datetime, server: dt.datetime, after: dt.datetime) -> None:
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
        """Run one statement whose first column is the server's clock, as its own server
        transaction (the lease functions are atomic: no BEGIN and COMMIT round trips)."""
        try:
            with self.server.connect().execution_options(
                isolation_level="AUTOCOMMIT"
            ) as connection:
                before = self.clock()
                rows = connection.execute(text(sql), params).all()
                after = self.clock()
        except DBAPIError as exc:
            state = str(getattr(exc.orig, "sqlstate", "") or "")
            if state == "SY003":  # closed, or outside the caller's queue
                task = params.get("t", "")
                raise TaskUnavailableError("task_not_in_queue", task=task) from exc
            raise as_sync_error(exc, self.server) from exc
        except SQLAlchemyError as exc:
            raise as_sync_error(exc, self.server) from exc
        self._note_offset(before, rows[0][0], after)
        return rows

    def _claim(self, sql: str, **params: Any) -> Any:
        """The one row a claim function answers; the desk's known reference rows go along."""
        with self.local.connect() as connection:
            known = known_reference_ids(connection)
        return self._call(sql, known=json.dumps(known), **params)[0]

    # Local mirror -----------------------------------------------------------------------
    def _won(self, claimed: Any) -> Lease:
        """Store the card and the lease in one local transaction.

        Foreign-key checks stay on when every row's parents are in the store, as they are on
        a desk that has pulled, since turning them off makes SQLite recompile every statement
        of the connection (tens of milliseconds with the statistics triggers). A card naming
        a parent this login cannot read (another department's episode, a spot-check's parent
        task) is written again with the checks off, as a pull page is.
        """
        lease = Lease(claimed.task_id, claimed.owner_id, claimed.expires_at)
        try:
            with self.local.begin() as connection:
                self._store_won(connection, lease, claimed.card)
        except IntegrityError:
            with foreign_keys_off(self.local) as connection, connection.begin():
                self._store_won(connection, lease, claimed.card)
        return lease

    def _store_won(self, connection: Connection, lease: Lease, card: Card | None) -> None:
        stamp = select(FollowupTask.change_seq).where(FollowupTask.id == lease.task_id)
        held = connection.execute(stamp).scalar_one_or_none()
        sent = list((card or {}).get("followup_task") or ())
        # A desk holding the task as the server has it (it pulled it) has its card too, and
        # the pull keeps that current: only a task new (or changed) for the desk is written.
        if card and (held is None or not sent or held != sent[0].get("change_seq")):
            store_card(connection, card)
            held = connection.execute(stamp).scalar_one_or_none()
        if held is None:
            raise TaskUnavailableError("task_unreadable", task=lease.task_id)
        record_lease(connection, lease)
        connection.execute(delete(SyncState).where(SyncState.name == _release_key(lease.task_id)))

    # TaskLeases -------------------------------------------------------------------------
    def claim_next(self, scope: QueueScope) -> Lease | None:
        """Lease the first due task of the caller's queue nobody holds.

        The server applies the caller's own role and department, not ``scope``'s, and takes
        only ``scope.due_before`` from it. Raises SyncOfflineError while offline: a new task
        can only be claimed from the server.
        """
        claimed = self._claim(
            f"SELECT {_CLAIMED} FROM lease_claim_next_card(:s, :due, CAST(:known AS jsonb))",
            s=self.lease_seconds,
            due=scope.due_before,
        )
        return None if claimed.task_id is None else self._won(claimed)

    def claim(self, task_id: int) -> Lease:
        """Lease ``task_id`` (or renew this desk's lease on it).

        Raises TaskTakenError when another agent holds it, TaskUnavailableError when it is
        closed or outside the caller's queue. Offline, a lease this desk still holds is
        returned as it is; otherwise SyncOfflineError.
        """
        try:
            claimed = self._claim(
                f"SELECT {_CLAIMED} FROM lease_claim_card(:t, :s, CAST(:known AS jsonb))",
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
        if claimed.owner_id != self.staff_id:
            raise TaskTakenError(task_id, claimed.owner_name, claimed.expires_at)
        return self._won(claimed)

    def heartbeat(self) -> list[Lease]:
        """Send queued releases, renew every lease this desk holds and forget lost ones.

        Offline it changes nothing and answers the leases still held locally; the desk keeps
        working them until they run out.
        """
        try:
            self._send_releases()
            rows = self._call(
                "SELECT clock_timestamp(), l.task_id, l.owner_id, l.expires_at "
                "FROM (VALUES (1)) AS one LEFT JOIN LATERAL lease_heartbeat(:s) AS l ON true",
                s=self.lease_seconds,
            )
        except SyncError as exc:
            log.info("lease heartbeat not sent: %s", exc)
            return self.held()
        renewed = {
            task_id: Lease(task_id, owner, expires)
            for _, task_id, owner, expires in rows
            if task_id is not None
        }
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
        """Give ``task_id`` back: on the server at once when none of its changes wait in the
        outbox (then forgotten locally in one commit), otherwise forgotten locally at once
        and queued until its changes are pushed, or the server answers again."""
        with self.local.connect() as connection:
            waiting = str(task_id) in pending_row_ids(connection, FollowupTask.__tablename__)
        if not waiting:
            try:
                self._call("SELECT clock_timestamp(), lease_release(:t)", t=task_id)
            except SyncError as exc:
                log.info("lease release of task %s queued: %s", task_id, exc)
            else:
                with self.local.begin() as connection:
                    forget_lease(connection, task_id)
                    connection.execute(
                        delete(SyncState).where(SyncState.name == _release_key(task_id))
                    )
                self._send_queued_releases()
                return
        with self.local.begin() as connection:
            forget_lease(connection, task_id)
            statement = insert(SyncState).values(name=_release_key(task_id), cursor=task_id)
            connection.execute(statement.on_conflict_do_nothing(index_elements=[SyncState.name]))
        self._send_queued_releases()

    def _send_queued_releases(self) -> None:
        try:
            self._send_releases()
        except SyncError as exc:
            log.info("queued lease releases not sent: %s", exc)

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
            self._call("SELECT clock_timestamp(), lease_release(:t)", t=task_id)
            with self.local.begin() as connection:
                connection.execute(delete(SyncState).where(SyncState.name == _release_key(task_id)))


# What both claim functions answer (migration 0012), the server's clock first.
_CLAIMED = "server_now, task_id, owner_id, expires_at, owner_name, card"


def _release_key(task_id: int) -> str:
    return f"{RELEASE_PREFIX}{task_id}"


def _queued_releases(connection: Connection) -> set[int]:
    rows = connection.execute(
        select(SyncState.cursor).where(SyncState.name.like(f"{RELEASE_PREFIX}%"))
    )
    return {int(task_id) for task_id in rows.scalars()}
