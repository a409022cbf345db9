"""Queue pages found by key give exactly the rows that reading by offset gives."""

from __future__ import annotations

from sqlalchemy import Engine

from agent_app.domain.enums import Role
from agent_app.store.repositories.staff import list_accounts
from agent_app.store.repositories.tasks import (
    QueueScope,
    count_queue,
    queue_page,
    queue_page_keys,
)


def test_seeking_by_page_key_matches_reading_by_offset(demo_engine: Engine) -> None:
    for role in (Role.QUALITY, Role.AGENT):
        account = next(a for a in list_accounts(demo_engine) if a.role is role)
        scope = QueueScope.for_account(account)
        total = count_queue(demo_engine, scope)
        size = max(2, total // 6)
        keys = queue_page_keys(demo_engine, scope, size)
        assert len(keys) == -(-total // size) > 1
        for number in (0, 1, len(keys) // 2, len(keys) - 1):
            by_offset = queue_page(demo_engine, scope, number * size, size)
            by_key = queue_page(demo_engine, scope, number * size, size, keys[number])
            assert by_key == by_offset
            assert by_key[0].task_id == keys[number][1]
