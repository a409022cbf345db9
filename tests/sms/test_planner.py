"""The plan's own text messages: the notice before the first call and the re-visit reminder,
queued once, on calling days only, never to a blocked number."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from agent_app.domain.enums import BlacklistKind, Outcome, SmsState, VitalStatus
from agent_app.domain.sms_template import SmsTemplateState
from agent_app.sms.planner import Hospital, plan_messages
from agent_app.store.engine import open_local_store
from agent_app.store.repositories.sms_queue import planned_id, queue_sms
from agent_app.store.repositories.sms_replies import unsubscribe
from agent_app.store.schema import (
    Blacklist,
    CallingException,
    FollowupResult,
    FollowupTask,
    Outbox,
    SmsMessage,
    SmsTemplate,
)
from tests.sms.plan_hospital import AGENT, add_patient, local, number, seed_plan_hospital

HOSPITAL = Hospital("市第一人民医院", "0371-66668888")


@pytest.fixture
def desk(tmp_path: Path) -> Engine:
    engine = open_local_store(tmp_path / "store.sqlite3")
    seed_plan_hospital(engine)
    return engine


def _plan(engine: Engine, now: dt.datetime) -> None:
    plan_messages(engine, now, hospital=HOSPITAL, staff_id=AGENT)


def _messages(engine: Engine) -> dict[int, tuple[str, str, str | None]]:
    """patient -> (purpose, body, plan key) of each queued message."""
    with Session(engine) as session:
        rows = session.execute(
            select(SmsMessage.patient_id, SmsMessage.purpose, SmsMessage.body,
                   SmsMessage.plan_key, SmsMessage.state, SmsMessage.number_e164)
        ).all()  # fmt: skip
    assert all(r.state is SmsState.QUEUED for r in rows)
    assert all(r.number_e164 == f"+86{number(r.patient_id)}" for r in rows)
    return {r.patient_id: (r.purpose, r.body, r.plan_key) for r in rows}


def test_the_notice_goes_to_a_first_call_due_within_the_plans_hours_only(desk: Engine) -> None:
    now = local(2026, 11, 16, 18, 0)  # a Monday evening
    add_patient(desk, 1, due_at=local(2026, 11, 17, 9, 0))  # tomorrow morning: 15 h
    add_patient(desk, 2, due_at=local(2026, 11, 17, 14, 0))  # tomorrow afternoon: 20 h
    add_patient(desk, 3, due_at=local(2026, 11, 16, 17, 0))  # already due: the call may come
    add_patient(desk, 4, due_at=local(2026, 11, 17, 9, 0))
    with Session(desk) as session, session.begin():  # patient 4 was tried already
        session.execute(update(FollowupTask).where(FollowupTask.id == 4).values(attempt_count=1))
    _plan(desk, now)
    queued = _messages(desk)
    assert set(queued) == {1}
    purpose, body, key = queued[1]
    assert purpose == "pre_call_notice" and key == "pre_call_notice:task:1"
    assert "王先生您好" in body and "市第一人民医院将于明天上午致电您" in body
    assert "0371-66668888" in body and "{" not in body
    _plan(desk, local(2026, 11, 16, 21, 0))  # later that evening patient 2 is 17 h away
    assert _messages(desk)[2][1].count("明天下午") == 1


def test_the_notice_names_the_calling_day_after_a_weekend(desk: Engine) -> None:
    # Due on Saturday, which the plan does not call on: the call is Monday morning, 62 h away
    # from Friday 19:00, too far; from Sunday 20:00 it is 12.5 h away, "明天上午".
    add_patient(desk, 1, due_at=local(2026, 11, 21, 9, 0))
    _plan(desk, local(2026, 11, 20, 19, 0))
    assert _messages(desk) == {}
    add_patient(desk, 2, due_at=local(2026, 11, 22, 23, 0))
    _plan(desk, local(2026, 11, 22, 20, 0))
    assert set(_messages(desk)) == {2}
    assert "明天上午" in _messages(desk)[2][1]


def test_no_notice_before_a_holiday_or_a_closure_day(tmp_path: Path) -> None:
    now = local(2026, 9, 30, 18, 0)
    due = local(2026, 10, 1, 9, 0)  # National Day: a public holiday
    skipping = open_local_store(tmp_path / "a.sqlite3")
    seed_plan_hospital(skipping, skip_holidays=True)
    add_patient(skipping, 1, due_at=due)
    _plan(skipping, now)
    assert _messages(skipping) == {}  # the call moves past the holiday week
    calling = open_local_store(tmp_path / "b.sqlite3")
    seed_plan_hospital(calling, skip_holidays=False)
    add_patient(calling, 1, due_at=local(2026, 10, 1, 9, 0))
    with Session(calling) as session, session.begin():  # a Thursday this plan would call on
        session.add(CallingException(id=1, day=dt.date(2026, 10, 1), kind="closed"))
    _plan(calling, now)
    assert _messages(calling) == {}  # but the hospital closed that day
    with Session(calling) as session, session.begin():
        session.execute(update(CallingException).values(active=False))
    _plan(calling, now)
    assert "明天上午" in _messages(calling)[1][1]


def test_a_second_run_and_a_second_engine_queue_nothing_more(desk: Engine, tmp_path: Path) -> None:
    now = local(2026, 11, 16, 18, 0)
    add_patient(desk, 1, due_at=local(2026, 11, 17, 9, 0), revisit_on=dt.date(2026, 11, 18))
    other = open_local_store(tmp_path / "store.sqlite3")  # a second engine on the same store
    first = plan_messages(desk, now, hospital=HOSPITAL, staff_id=AGENT)
    second = plan_messages(other, now, hospital=HOSPITAL, staff_id=AGENT)
    third = plan_messages(desk, now + dt.timedelta(hours=1), hospital=HOSPITAL, staff_id=AGENT)
    assert (first.notices, first.reminders) == (1, 1)
    assert (second.notices, second.reminders, third.notices, third.reminders) == (0, 0, 0, 0)
    with Session(desk) as session:
        count = len(session.scalars(select(SmsMessage.id)).all())
        outbox = session.scalars(select(Outbox.table_name)).all()
    assert count == 2 and outbox == ["sms_message", "sms_message"]


def test_the_store_refuses_a_second_message_with_the_same_plan_key(desk: Engine) -> None:
    # What keeps two desks' or two engines' racing runs to one message, past the planner's
    # own "not queued yet" test.
    add_patient(desk, 1, due_at=local(2026, 11, 17, 9, 0))
    _plan(desk, local(2026, 11, 16, 18, 0))
    with pytest.raises(IntegrityError), Session(desk) as session, session.begin():
        queue_sms(session, number_e164="+8613800000001", body="x", purpose="pre_call_notice",
                  staff_id=AGENT, now=local(2026, 11, 16, 18, 0), patient_id=1, task_id=1,
                  plan_key="pre_call_notice:task:1")  # fmt: skip
    assert len(_messages(desk)) == 1


def test_blacklisted_and_unsubscribed_numbers_and_landlines_get_nothing(desk: Engine) -> None:
    now = local(2026, 11, 16, 18, 0)
    for n in (1, 2, 3, 4):
        add_patient(desk, n, due_at=local(2026, 11, 17, 9, 0), mobile=n != 3)
    with Session(desk) as session, session.begin():
        session.add(
            Blacklist(id=1, number_e164=f"+86{number(1)}", reason="complaint",
                      added_by_id=AGENT, added_at=now, kind=BlacklistKind.CALL)
        )  # fmt: skip
    unsubscribe(desk, f"+86{number(2)}", AGENT, now)
    report = plan_messages(desk, now, hospital=HOSPITAL, staff_id=AGENT)
    assert set(_messages(desk)) == {4}
    assert (report.blocked, report.no_mobile) == (2, 1)


def test_the_revisit_reminder_goes_out_the_plans_days_before_the_revisit(desk: Engine) -> None:
    now = local(2026, 11, 16, 9, 0)
    far = dt.datetime(2026, 12, 20, tzinfo=dt.UTC)  # the calls are weeks away
    add_patient(desk, 1, due_at=far, revisit_on=dt.date(2026, 11, 18))  # in 2 days
    add_patient(desk, 2, due_at=far, revisit_on=dt.date(2026, 11, 19))  # in 3 days
    add_patient(desk, 3, due_at=far, revisit_on=dt.date(2026, 11, 16))  # today: too late
    add_patient(desk, 4, due_at=far)  # none booked
    _plan(desk, now)
    queued = _messages(desk)
    assert set(queued) == {1}
    purpose, body, key = queued[1]
    assert purpose == "revisit_reminder" and key == "revisit_reminder:episode:1"
    assert "心内科的复诊日期为2026年11月18日" in body
    _plan(desk, local(2026, 11, 17, 8, 0))
    assert set(_messages(desk)) == {1, 2}


def test_a_template_not_approved_sends_nothing(desk: Engine) -> None:
    with Session(desk) as session, session.begin():
        session.execute(
            update(SmsTemplate)
            .where(SmsTemplate.code == "pre_call_notice")
            .values(state=SmsTemplateState.DRAFT)
        )
    add_patient(desk, 1, due_at=local(2026, 11, 17, 9, 0))
    report = plan_messages(desk, local(2026, 11, 16, 18, 0), hospital=HOSPITAL, staff_id=AGENT)
    assert _messages(desk) == {} and report.skipped_codes == ["pre_call_notice"]


def test_two_desks_that_plan_the_same_notice_give_it_the_same_id(tmp_path: Path) -> None:
    """So an SMS platform, which drops a repeated request id, sends it once even when both
    desks planned it before either pushed."""
    ids = []
    for name in ("desk1", "desk2"):
        engine = open_local_store(tmp_path / f"{name}.sqlite3")
        seed_plan_hospital(engine)
        add_patient(engine, 1, due_at=local(2026, 11, 17, 9, 0))
        _plan(engine, local(2026, 11, 16, 18, 0))
        with Session(engine) as session:
            ids.append(session.scalars(select(SmsMessage.id)).one())
        engine.dispose()
    assert ids[0] == ids[1] == planned_id("pre_call_notice:task:1")


def test_no_revisit_reminder_for_a_patient_a_follow_up_recorded_as_deceased(
    desk: Engine,
) -> None:
    for n in (1, 2):
        add_patient(desk, n, due_at=dt.datetime(2026, 12, 20, tzinfo=dt.UTC),
                    revisit_on=dt.date(2026, 11, 18))  # fmt: skip
    with Session(desk) as session, session.begin():
        session.add(
            FollowupResult(task_id=1, staff_id=AGENT, template_id=1, template_version=1,
                           answers={}, outcome=Outcome.COMPLETED,
                           vital_status=VitalStatus.DECEASED)
        )  # fmt: skip
    _plan(desk, local(2026, 11, 16, 9, 0))
    assert set(_messages(desk)) == {2}  # the family of patient 1 gets no reminder
