"""The hospital's calendar exceptions travel like the other reference settings: an
administrator's change on the central server is announced to every desk and pulled by an
agent's desk, and a removal reaches the desk too."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import psycopg
from sqlalchemy import Engine

from agent_app.domain.calling_hours import DEFAULT_CALLING_HOURS
from agent_app.domain.work_calendar import CallingCalendar, DayKind, ExceptionKind
from agent_app.store.repositories.calendar_exceptions import (
    add_exception,
    list_exceptions,
    load_work_calendar,
    remove_exception,
)
from agent_app.sync.change_listener import CHANNEL, parse_notice
from agent_app.sync.pull import pull_changes

Connect = Callable[..., Engine]
ADMIN_ID = 6  # nurse6, the administrator of the small hospital
CLOSED_DAY = dt.date(2026, 12, 16)  # a Wednesday


def _calendar(local: Engine) -> CallingCalendar:
    with local.connect() as connection:
        return CallingCalendar(DEFAULT_CALLING_HOURS, load_work_calendar(connection))


def test_an_exception_the_admin_adds_is_announced_and_reaches_an_agents_desk(
    server: Engine, local: Engine, as_staff: Connect
) -> None:
    admin, agent = as_staff("nurse6"), as_staff("nurse1")
    pull_changes(local, agent)
    assert _calendar(local).is_calling_day(CLOSED_DAY)
    dsn = server.url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(dsn, autocommit=True) as ear:
        ear.execute(f"LISTEN {CHANNEL}")
        entry = add_exception(
            admin, CLOSED_DAY, ExceptionKind.CLOSED, "全院消防演练", staff_id=ADMIN_ID
        )
        notices = [parse_notice(n.payload) for n in ear.notifies(timeout=1.0)]
    heard = {(n.table, n.departments) for n in notices if n is not None}
    assert ("calling_exception", None) in heard  # None: for every desk

    report = pull_changes(local, agent)
    assert report.rows.get("calling_exception") == 1
    assert [(e.day, e.kind, e.reason) for e in list_exceptions(local)] == [
        (CLOSED_DAY, ExceptionKind.CLOSED, "全院消防演练")
    ]
    calendar = _calendar(local)
    assert calendar.days.day_kind(CLOSED_DAY) is DayKind.CLOSED
    assert not calendar.is_calling_day(CLOSED_DAY)

    remove_exception(admin, entry.id, staff_id=ADMIN_ID)
    pull_changes(local, agent)
    assert list_exceptions(local) == []
    assert _calendar(local).is_calling_day(CLOSED_DAY)
