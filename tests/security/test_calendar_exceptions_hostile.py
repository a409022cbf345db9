"""The calendar exceptions on the central server: every staff login reads them, only the
administrator writes them; agents, supervisors and quality staff are refused every write,
through SQL and through the repository."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from agent_app.domain.work_calendar import ExceptionKind
from agent_app.store.repositories.calendar_exceptions import add_exception, list_exceptions
from agent_app.store.repositories.templates import EditNotAllowedError

Connect = Callable[..., Engine]
LOGINS = {"nurse1": 1, "nurse4": 4, "nurse5": 5}  # agent, supervisor, quality
DAY = dt.date(2026, 12, 16)


def _seed(server: Engine) -> int:
    with server.begin() as connection:
        return int(
            connection.execute(
                text(
                    "INSERT INTO calling_exception (day, kind, reason, active, changed_at, "
                    "change_seq) VALUES (:d, 'closed', '停电', true, now(), 0) RETURNING id"
                ),
                {"d": DAY},
            ).scalar_one()
        )


@pytest.mark.parametrize("login", sorted(LOGINS))
def test_staff_read_but_cannot_write_calendar_exceptions(
    server: Engine, as_staff: Connect, login: str
) -> None:
    row = _seed(server)
    hostile = as_staff(login)
    assert [e.id for e in list_exceptions(hostile)] == [row]
    for sql in (
        "INSERT INTO calling_exception (day, kind, reason, active, changed_at, change_seq) "
        "VALUES ('2026-12-17', 'open', 'x', true, now(), 0)",
        "UPDATE calling_exception SET active = false",
        "DELETE FROM calling_exception",
    ):
        with pytest.raises(DBAPIError, match="permission denied"), hostile.begin() as c:
            c.execute(text(sql))
    # The repository refuses them before the server has to.
    with pytest.raises(EditNotAllowedError):
        add_exception(
            hostile, dt.date(2026, 12, 18), ExceptionKind.OPEN, "", staff_id=LOGINS[login]
        )
    with server.connect() as connection:
        assert connection.execute(
            text("SELECT count(*), bool_and(active) FROM calling_exception")
        ).one() == (1, True)


def test_the_admin_writes_calendar_exceptions(server: Engine, as_staff: Connect) -> None:
    admin = as_staff("nurse6")
    entry = add_exception(admin, DAY, ExceptionKind.OPEN, "年终加班", staff_id=6)
    with server.connect() as connection:
        row = connection.execute(
            text("SELECT day, kind, changed_by_id, change_seq > 0 FROM calling_exception")
        ).one()
        audited = connection.execute(
            text(
                "SELECT count(*) FROM audit_log WHERE object_type = 'calling_exception' "
                "AND object_id = :i AND staff_id = 6"
            ),
            {"i": str(entry.id)},
        ).scalar_one()
    assert tuple(row) == (DAY, "open", 6, True)
    assert audited == 1
