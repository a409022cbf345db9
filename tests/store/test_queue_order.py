"""Any column of the queue orders every open task of the scope, on both engines."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from agent_app.domain.enums import Role
from agent_app.store.repositories.queue_order import QueueSort, queue_order, rows_by_ids
from agent_app.store.repositories.staff import list_accounts
from agent_app.store.repositories.tasks import QueueScope, count_queue, queue_page


def _scope(engine: Engine, role: Role) -> QueueScope:
    return QueueScope.for_account(next(a for a in list_accounts(engine) if a.role is role))


@pytest.mark.parametrize("role", [Role.QUALITY, Role.AGENT])
def test_every_order_holds_each_open_task_of_the_scope_once(
    demo_engine: Engine, role: Role
) -> None:
    scope = _scope(demo_engine, role)
    expected = {row.task_id for row in queue_page(demo_engine, scope, 0, 100_000)}
    assert len(expected) == count_queue(demo_engine, scope) > 1
    for sort in QueueSort:
        order = queue_order(demo_engine, scope, sort)
        assert len(order) == len(expected) and set(order) == expected, sort


def test_attempts_order_is_by_attempts_then_due_and_descending_reverses_it(
    demo_engine: Engine,
) -> None:
    scope = _scope(demo_engine, Role.QUALITY)
    rows = rows_by_ids(demo_engine, queue_order(demo_engine, scope, QueueSort.ATTEMPTS))
    keys = [(row.attempts, row.due_at, row.task_id) for row in rows]
    assert keys == sorted(keys)
    assert len({row.attempts for row in rows}) > 1  # the demo has tasks already tried
    down = rows_by_ids(demo_engine, queue_order(demo_engine, scope, QueueSort.ATTEMPTS, True))
    assert [row.attempts for row in down] == sorted((row.attempts for row in rows), reverse=True)


def test_patient_order_follows_the_names(demo_engine: Engine) -> None:
    scope = _scope(demo_engine, Role.QUALITY)
    rows = rows_by_ids(demo_engine, queue_order(demo_engine, scope, QueueSort.PATIENT))
    names = [row.patient_name for row in rows]
    assert names == sorted(names)


def test_rows_by_ids_keep_the_order_asked_for(demo_engine: Engine) -> None:
    scope = _scope(demo_engine, Role.QUALITY)
    wanted = list(queue_order(demo_engine, scope, QueueSort.DUE)[:40])[::-1]
    assert [row.task_id for row in rows_by_ids(demo_engine, wanted)] == wanted
    assert rows_by_ids(demo_engine, []) == []
