"""Failover: the primary dies mid-push, the standby is promoted, and the desks carry on.

The central PostgreSQL runs as a primary with a hot standby fed by synchronous streaming
replication (``synchronous_standby_names = '*'``: the primary acknowledges a commit only once
the standby has flushed it). Each desk lists both hosts in ``[server] host`` and so connects
with ``target_session_attrs=read-write``. Desks save answered follow-ups through the desk's own
save path and push continuously as their own staff logins; the primary is killed
(``pg_ctl -m immediate``) while they push, and the standby promoted. The desks must reach the
promoted standby by themselves, and in the end the server holds every result a desk saved,
exactly once: with asynchronous replication a push the old primary acknowledged could be
missing on the standby, and the desk, having marked it pushed, would never send it again.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, select, text

from agent_app.config import ServerSettings, SslMode
from agent_app.domain.enums import OutboxState
from agent_app.store.engine import create_server_engine, open_local_store, server_url
from agent_app.store.migrate import upgrade_to_head
from agent_app.store.repositories.followups import load_followup, save_wrapup
from agent_app.store.schema import FollowupResult, Outbox
from agent_app.sync.errors import SyncError
from agent_app.sync.logins import provision_staff_login
from agent_app.sync.pull import pull_changes
from agent_app.sync.push import push_pending
from tests.pg_server import PgPair, PgServer, promote, replicated_pair, stop_server
from tests.sync.desk_actions import answered_wrapup
from tests.sync.small_hospital import seed_small_hospital

DATABASE = "followup"
NURSES = {"nurse1": 1, "nurse2": 2}


@pytest.fixture
def pair() -> Iterator[PgPair]:
    """A primary with a synchronous hot standby, the small hospital on it (replicated)."""
    with replicated_pair(synchronous=True) as servers:
        admin = create_engine(servers.primary.url(), isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f"CREATE DATABASE {DATABASE}"))
        admin.dispose()
        engine = create_server_engine(servers.primary.url(DATABASE))
        upgrade_to_head(engine)
        seed_small_hospital(engine)
        for username in NURSES:  # roles are replicated physically: the standby has them too
            provision_staff_login(engine, username, "pw-" + username)
        engine.dispose()
        yield servers


def both_hosts(pair: PgPair) -> ServerSettings:
    """[server] settings listing the primary, then the standby."""
    hosts = ",".join(f"{s.host}:{s.port}" for s in (pair.primary, pair.standby))
    return ServerSettings(
        host=hosts, database=DATABASE, sslmode=SslMode.DISABLE, allow_weak_tls=True
    )


@dataclass
class Desk:
    """One agent's desk: its own store, its own login, saving and pushing in a loop."""

    username: str
    local: Engine
    server: Engine
    saved: list[uuid.UUID] = field(default_factory=list)
    pushed: int = 0
    errors: list[str] = field(default_factory=list)
    failure: BaseException | None = None

    def run(self, stop: threading.Event) -> None:
        try:
            staff_id = NURSES[self.username]
            works = [load_followup(self.local, task_id) for task_id in self._own_tasks(staff_id)]
            n = 0
            while not stop.is_set():
                work = works[n % len(works)]
                note = f"{self.username}-{n}"
                saved = save_wrapup(self.local, work, answered_wrapup(work.task_id, staff_id, note))
                assert saved.result_id is not None
                self.saved.append(saved.result_id)  # the agent was told "saved"
                n += 1
                try:
                    self.pushed += push_pending(self.local, self.server, batch_size=4).applied
                except SyncError as exc:  # offline or refused for now: the next round retries
                    self.errors.append(str(exc))
                    time.sleep(0.05)
        except BaseException as exc:  # reported by the test, not lost in the thread
            self.failure = exc

    def _own_tasks(self, staff_id: int) -> list[int]:
        with self.local.connect() as connection:
            return list(
                connection.execute(
                    text(
                        "SELECT id FROM followup_task WHERE assigned_staff_id = :s"
                        " AND status = 'pending' ORDER BY id LIMIT 8"
                    ),
                    {"s": staff_id},
                ).scalars()
            )


def _wait(condition: Callable[[], object], what: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.02)


def _open_desks(pair: PgPair, folder: Path) -> list[Desk]:
    settings = both_hosts(pair)
    desks = []
    for username in NURSES:
        server = create_server_engine(server_url(settings, username, "pw-" + username))
        local = open_local_store(folder / f"{username}.sqlite3")
        pull_changes(local, server)
        desks.append(Desk(username, local, server))
    return desks


def test_desks_listing_both_hosts_carry_on_after_failover_and_lose_nothing(
    pair: PgPair, tmp_path: Path
) -> None:
    desks = _open_desks(pair, tmp_path)
    url = desks[0].server.url
    assert url.host is None and url.query["target_session_attrs"] == "read-write"
    stop = threading.Event()
    threads = [threading.Thread(target=desk.run, args=(stop,)) for desk in desks]
    for thread in threads:
        thread.start()
    try:
        _wait(lambda: all(d.pushed >= 30 or d.failure for d in desks), "pushes to the primary")
        before = [d.pushed for d in desks]
        stop_server(pair.primary, "immediate")  # the primary's machine dies mid-push
        _wait(lambda: all(d.errors or d.failure for d in desks), "the desks to notice")
        time.sleep(0.3)  # the cluster manager's detection delay: desks keep saving locally
        promote(pair.standby)
        _wait(
            lambda: all(
                d.pushed >= b + 30 or d.failure for d, b in zip(desks, before, strict=True)
            ),
            "pushes to the promoted standby",
        )
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=60)
    for desk in desks:
        assert desk.failure is None, desk.failure

    # While no host took writes, the desk said so for each host it tried.
    primary, standby = (f"{s.host}:{s.port}" for s in (pair.primary, pair.standby))
    outage = [e for d in desks for e in d.errors if standby in e]
    assert outage, [d.errors[:3] for d in desks]
    assert all(e.startswith(f"Cannot reach the central database at {primary}, ") for e in outage)
    assert any(f"{standby}: session is read-only" in e for e in outage), outage[:3]

    _check_every_saved_result_is_on_the_new_primary_once(desks, pair.standby)


def _check_every_saved_result_is_on_the_new_primary_once(
    desks: list[Desk], new_primary: PgServer
) -> None:
    server = create_server_engine(new_primary.url(DATABASE))
    try:
        with server.connect() as remote:
            applied = set(remote.execute(text("SELECT change_id FROM applied_change")).scalars())
        saved: list[uuid.UUID] = []
        for desk in desks:
            with desk.local.connect() as mine:
                acknowledged = set(
                    mine.execute(
                        select(Outbox.change_id).where(Outbox.state == OutboxState.PUSHED)
                    ).scalars()
                )
            # Every change the desk marked pushed is on the promoted standby: nothing the old
            # primary acknowledged was lost with it.
            assert {str(c) for c in acknowledged} <= {str(c) for c in applied}
            final = push_pending(desk.local, desk.server)  # the desk's next round
            assert final.quarantined == 0
            with desk.local.connect() as mine:
                states = Counter(mine.execute(select(Outbox.state)).scalars())
            assert states == {OutboxState.PUSHED: sum(states.values())}
            saved += desk.saved
        with server.connect() as remote:
            on_server = Counter(remote.execute(select(FollowupResult.id)).scalars())
        print(f"results saved: {len(saved)}, on the promoted standby: {sum(on_server.values())}")
        assert set(saved) <= set(on_server)
        assert len(saved) == len(set(saved)) == sum(on_server.values())
        assert max(on_server.values()) == 1
    finally:
        server.dispose()
        for desk in desks:
            desk.local.dispose()
            desk.server.dispose()
