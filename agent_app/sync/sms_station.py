"""The hospital's SMS station: the desk that sends the text messages other desks queued.

Most desks have no modem; their messages wait on the server with no sender. The station
(``[sms] sends_for_hospital = true``, and its login granted the server's SMS-station right)
asks the server for them (``sms_claim_queued``, migration 0022): one statement marks them
``sending`` under the station's staff id, so two stations never take the same message.

The desk then keeps each one as its own queued message (``sender_id`` set), and its normal
sender sends it: ``sending`` (committed) before the gateway sees it, the states after, each
through the outbox, so the server and the desk that queued it follow. A station that dies
between the server's claim and storing them gets them again at its next claim (the server
hands back every message it claimed and has not reported on); one already stored here is
never stored twice, so nothing is sent twice by a retried claim.
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import Engine, text
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.exc import SQLAlchemyError

from agent_app.domain.enums import SmsState
from agent_app.store.schema import Base, SmsMessage
from agent_app.sync.errors import as_sync_error
from agent_app.sync.single_rows import foreign_keys_off

log = logging.getLogger(__name__)

#: Messages claimed per sync cycle: a modem sends a few a minute, a platform a few more.
CLAIM_BATCH = 50
_COLUMNS = [c.name for c in Base.metadata.tables[SmsMessage.__tablename__].c]


def claim_for_station(local: Engine, server: Engine, limit: int = CLAIM_BATCH) -> int:
    """Claim up to ``limit`` messages nobody sends yet on the server and queue them here for
    this desk's sender; how many were new to this desk's queue.

    Raises SyncOfflineError or SyncServerError (a login without the SMS-station right is
    refused with the server's "permission denied")."""
    try:
        with server.begin() as connection:
            claimed = [
                dict(row)
                for row in connection.execute(
                    text("SELECT * FROM sms_claim_queued(:n)"), {"n": limit}
                ).mappings()
            ]
    except SQLAlchemyError as exc:
        raise as_sync_error(exc, server) from exc
    if not claimed:
        return 0
    return store_claimed(local, claimed)


def store_claimed(local: Engine, claimed: list[dict[str, Any]]) -> int:
    """Queue the server's claimed rows here under their sender; a copy of the message pulled
    earlier (another desk's, so never sent from here) is taken over, one this desk already
    sends is left alone. How many were taken."""
    rows = [
        {name: row.get(name) for name in _COLUMNS} | {"state": SmsState.QUEUED, "next_try_at": None}
        for row in claimed
    ]
    table = Base.metadata.tables["sms_message"]
    statement = insert(table)
    statement = statement.on_conflict_do_update(
        index_elements=[table.c.id],
        set_={"sender_id": statement.excluded.sender_id, "state": SmsState.QUEUED.value},
        where=table.c.sender_id.is_(None),
    )
    # A message may name another department's task, which this desk does not hold.
    with foreign_keys_off(local) as connection, connection.begin():
        taken = sum(connection.execute(statement, [row]).rowcount for row in rows)
    if taken:
        log.info("SMS station: %d text messages claimed for sending", taken)
    return taken
