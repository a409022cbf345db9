"""Push the outbox to the central server: batches in order, each in one server transaction.

Each batch goes to the server function ``sync_push`` (migration 0002), which applies every
entry idempotently by its change id and answers one status per entry. Entries are marked
pushed only after the server transaction has committed; if the acknowledgement is lost, the
next push sends them again and the server answers ``duplicate``. An entry the server refuses
for good is quarantined locally with the server's reason and the rest go on.

A row whose key the server issues (a contact added at the desk) ends its batch: the server
answers its id, and the desk takes that id for the row and every pending entry naming it in
the same local transaction that marks the batch pushed (server_keys.py).
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import SQLAlchemyError

from agent_app.store.outbox import OutboxEntry, mark_outcomes, next_pending
from agent_app.store.server_errors import ServerCode
from agent_app.sync.errors import SyncServerError, as_sync_error
from agent_app.sync.server_keys import (
    adopt_server_key,
    answered_key,
    forget_provisional_key,
    is_keyed_insert,
    through_first_keyed,
)

log = logging.getLogger(__name__)

PUSH_SQL = text("SELECT change_id, status, detail FROM sync_push(CAST(:changes AS jsonb))")
ACCEPTED = frozenset({"applied", "duplicate", "flagged", "stale"})


@dataclass(frozen=True)
class PushReport:
    """What one push did, counted per server answer."""

    applied: int = 0
    duplicate: int = 0
    flagged: int = 0
    stale: int = 0
    quarantined: int = 0
    batches: int = 0

    @property
    def pushed(self) -> int:
        return self.applied + self.duplicate + self.flagged + self.stale

    @property
    def changed_server(self) -> int:
        """Entries that wrote to the server this time (a duplicate was written before)."""
        return self.applied + self.flagged + self.stale

    def plus(self, answers: list[str]) -> PushReport:
        return PushReport(
            self.applied + answers.count("applied"),
            self.duplicate + answers.count("duplicate"),
            self.flagged + answers.count("flagged"),
            self.stale + answers.count("stale"),
            self.quarantined + answers.count("refused"),
            self.batches + 1,
        )


def send_batch(server: Engine, entries: list[OutboxEntry]) -> dict[str, tuple[str, str]]:
    """Apply ``entries`` in one server transaction; the server's answer per change id.

    Raises SyncOfflineError or SyncServerError when the batch did not surely commit.
    """
    changes = json.dumps([entry.envelope() for entry in entries], ensure_ascii=False)
    try:
        with server.begin() as connection:
            rows = connection.execute(PUSH_SQL, {"changes": changes}).all()
    except SQLAlchemyError as exc:
        raise as_sync_error(exc, server) from exc
    return {str(change_id): (status, detail) for change_id, status, detail in rows}


def push_pending(
    local: Engine, server: Engine, *, batch_size: int = 200, max_batches: int | None = None
) -> PushReport:
    """Push pending outbox entries until none are left (or ``max_batches`` were sent)."""
    report = PushReport()
    while max_batches is None or report.batches < max_batches:
        entries = through_first_keyed(next_pending(local, batch_size))
        if not entries:
            break
        answers = send_batch(server, entries)
        pushed: list[int] = []
        refused: dict[int, str] = {}
        statuses: list[str] = []
        for entry in entries:
            status, detail = answers.get(str(entry.change_id), ("", ""))
            if status in ACCEPTED:
                pushed.append(entry.seq)
            elif status == "refused":
                refused[entry.seq] = detail  # the server's own words, for IT
                log.warning("outbox %s (%s) quarantined: %s", entry.seq, entry.table_name, detail)
            else:
                raise SyncServerError(ServerCode.NO_ANSWER, change=entry.change_id)
            if status in ("flagged", "stale"):
                log.info("outbox %s (%s) %s: %s", entry.seq, entry.table_name, status, detail)
            statuses.append(status)
        with local.begin() as connection:
            mark_outcomes(connection, pushed, refused)
            _take_server_keys(connection, entries, answers)
        report = report.plus(statuses)
    return report


def _take_server_keys(
    connection: Connection, entries: list[OutboxEntry], answers: dict[str, tuple[str, str]]
) -> None:
    """Adopt the ids the server answered for rows whose key it issues (or forget refused ones)."""
    for entry in entries:
        if not is_keyed_insert(entry):
            continue
        status, detail = answers[str(entry.change_id)]
        if status == "refused":
            forget_provisional_key(connection, entry.table_name, int(entry.row_id))
            continue
        server_id = answered_key(entry, detail)
        if server_id is not None:
            adopt_server_key(connection, entry.table_name, int(entry.row_id), server_id)
