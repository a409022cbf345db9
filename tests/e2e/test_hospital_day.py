"""The hospital day, as one story: discharges arrive from the HIS over MLLP, an agent's desk
works the follow-ups over the simulated line and over a real SIP call, a patient calls back and
gets a pop, the supervisor samples spot-checks on the central server, more discharges arrive,
and the statistics and the monthly PDF say what was done.

Real components throughout: PostgreSQL with row-level security (each desk signs in as its
staff member's own login), encrypted SQLite desk stores synced by the desk's sync worker, the
asyncio MLLP listener over TCP, pjsua2 calling a sipp peer on 127.0.0.1, reportlab and
pdftotext. The edges stand in for what cannot be reached: the HIS is a socket sending ADT^A03,
the patients' phones are the simulated line and sipp.

The day is today in the hospital's time zone: the HIS sends discharges of three days ago, so
the follow-ups fall due today and the figures are this month's.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session

from agent_app.dialer.events import Answered, Ended, Incoming
from agent_app.dialer.fake import FakeOdds, FakeOutcome, FakePhone
from agent_app.dialer.sip import SipPhone
from agent_app.dialer.sip_config import SipLineConfig
from agent_app.domain.enums import (
    CheckLevel,
    Direction,
    Disposition,
    EndReason,
    LineType,
    OutboxState,
    RedFlagSeverity,
    TaskStatus,
    UploadState,
)
from agent_app.domain.phone_numbers import parse_caller
from agent_app.his.hl7_intake import Hl7Intake
from agent_app.his.mllp_listener import MllpListener
from agent_app.reports.answer_stats import answer_distribution, satisfaction_distribution
from agent_app.reports.filters import month_filter, restrict_to_account
from agent_app.reports.followup_records import Grouping
from agent_app.reports.followup_stats import agent_workload, attempts_per_reach, followup_rates
from agent_app.reports.pdf_report import write_monthly_report
from agent_app.screenpop.inbound import record_inbound
from agent_app.screenpop.lookup import PopKind, decide
from agent_app.store.outbox import count_by_state
from agent_app.store.repositories.attempts import finish_attempt
from agent_app.store.schema import (
    AuditLog,
    CallAttempt,
    Department,
    FollowupPlan,
    FollowupResult,
    FollowupTask,
    HisImportRun,
    Patient,
    Recording,
    RedFlagAlert,
    SamplingRun,
)
from agent_app.supervision.sampling import Quota, SamplingPlan, run_sampling
from agent_app.supervision.verification_plan import PLAN_NAME
from tests.dialer.sip_peers import LOCALHOST, PeerSet
from tests.e2e.central import FOLLOW_UP_DAY, HOSPITAL_TZ, build_central, member
from tests.e2e.desk import Desk, FinishedCall, LineEvents, call_patient, open_desk, open_followup
from tests.e2e.desk import wrap_up as save_followup
from tests.e2e.discharges import AFTERNOON, MORNING, Discharge
from tests.his.hl7_messages import msa, send

AGENT, SUPERVISOR, DOCTOR = "zengqiang", "linmin", "wujianhua"  # cardiology, demo seed 7
FINE, SIP_RED_FLAG, NO_ANSWER = MORNING[0], MORNING[1], MORNING[2]
NEUROLOGY = MORNING[3]
# What the patients answer (cardiology questionnaire), in the order the agent enters it.
FEELING_FINE: tuple[tuple[str, object], ...] = (
    ("identity_confirmed", "self"),
    ("chest_pain", "no"),
    ("dyspnea", "none"),
    ("syncope", "no"),
    ("edema", "no"),
    ("bp_measured", "no"),
    ("antiplatelet", "yes"),
    ("bleeding_signs", ["none"]),
    ("smoking", "never"),
    ("revisit_known", "yes"),
    ("satisfaction", 5),
)
CHEST_PAIN_AT_REST: tuple[tuple[str, object], ...] = (
    ("identity_confirmed", "self"),
    ("chest_pain", "yes"),
    ("chest_pain_duration", "from_5_to_20"),
    ("chest_pain_at_rest", "yes"),  # the red flag: a possible acute coronary event
    ("dyspnea", "exertion"),
    ("syncope", "no"),
    ("edema", "no"),
    ("bp_measured", "yes"),
    ("systolic", 150),
    ("diastolic", 90),
    ("antiplatelet", "yes"),
    ("bleeding_signs", ["none"]),
    ("revisit_known", "yes"),
    ("satisfaction", 4),
)


@pytest.fixture
def central(pg_url: str) -> Iterator[Engine]:
    engine = build_central(pg_url)
    yield engine
    engine.dispose()


@pytest.fixture
def his_port(central: Engine) -> Iterator[int]:
    """The discharge service's HL7 listener, importing into the central server."""
    intake = Hl7Intake(central, "his")
    listener = MllpListener(intake.handle, "127.0.0.1", 0, refuse=intake.refuse_block)
    port = listener.start()
    yield port
    listener.stop()


# Reading the server (as its owner, past row-level security) and the desks -----------------
def _server_tasks(central: Engine, discharges: tuple[Discharge, ...]) -> dict[str, Any]:
    """Level-1 task of each discharge by MRN."""
    with Session(central) as session:
        rows = session.execute(
            select(Patient.mrn, FollowupTask)
            .join(FollowupTask, FollowupTask.patient_id == Patient.id)
            .where(Patient.mrn.in_([d.mrn for d in discharges]), FollowupTask.level == 1)
        ).all()
    found: dict[str, Any] = {}
    for mrn, task in rows:
        assert mrn not in found, f"{mrn} has two level-1 tasks"
        found[mrn] = task
    return found


def _desk_mrns(desk: Desk, level: int = 1) -> set[str]:
    with desk.local.connect() as connection:
        return set(
            connection.execute(
                select(Patient.mrn)
                .join(FollowupTask, FollowupTask.patient_id == Patient.id)
                .where(FollowupTask.level == level)
            ).scalars()
        )


def _leases(central: Engine) -> dict[int, int]:
    """Task leases held on the server: task id to the staff member holding it."""
    with central.connect() as connection:
        return dict(connection.execute(text("SELECT task_id, owner_id FROM task_lease")).all())


def _waiting(desk: Desk) -> int:
    """Changes in the desk's outbox not yet taken by the server."""
    return count_by_state(desk.local)[OutboxState.PENDING]


def _rows(engine: Engine, model: type, **where: object) -> list[Any]:
    with Session(engine) as session:
        query = select(model).where(*(getattr(model, k) == v for k, v in where.items()))
        return list(session.scalars(query))


def _row(engine: Engine, model: type, **where: object) -> Any:
    (found,) = _rows(engine, model, **where)
    return found


def _pdf_text(path: Path) -> str:
    done = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return " ".join(done.stdout.split())  # the layout's line breaks and runs of spaces


# The day ----------------------------------------------------------------------------------
def test_a_hospital_day_from_discharge_to_the_monthly_report(
    central: Engine, his_port: int, tmp_path: Path
) -> None:
    today = dt.datetime.now(HOSPITAL_TZ).date()
    discharged = today - dt.timedelta(days=FOLLOW_UP_DAY)  # so the follow-ups are due today
    agent_member, supervisor_member = member(central, AGENT), member(central, SUPERVISOR)
    doctor = member(central, DOCTOR)
    agent = open_desk(tmp_path / "agent-desk", central, agent_member)
    supervisor = open_desk(tmp_path / "supervisor-desk", central, supervisor_member)
    try:
        _the_day(central, his_port, tmp_path, today, discharged, agent, supervisor, doctor.id)
    finally:
        agent.close()
        supervisor.close()


def _the_day(
    central: Engine,
    his_port: int,
    tmp_path: Path,
    today: dt.date,
    discharged: dt.date,
    agent: Desk,
    supervisor: Desk,
    doctor_id: int,
) -> None:
    cardiology = agent.account.department_id
    assert supervisor.account.department_id == cardiology
    card_morning = tuple(d for d in MORNING if d.department == "CARD")

    # 1. The morning's discharges arrive over MLLP and become follow-ups -------------------
    replies = send(his_port, *(d.message(discharged) for d in MORNING))
    assert [msa(r)[:2] for r in replies] == [["AA", d.control] for d in MORNING]
    due = dt.datetime.combine(today, dt.time(0, 0), HOSPITAL_TZ)
    tasks = _server_tasks(central, MORNING)
    assert set(tasks) == {d.mrn for d in MORNING}
    for d in MORNING:
        task = tasks[d.mrn]
        assert (task.status, task.offset_days, task.due_at) == (
            TaskStatus.PENDING,
            FOLLOW_UP_DAY,
            due,
        )
        # The cardiology plan gives the ward's nurse from the ROL segment; the fallback plan
        # leaves the neurology patient in that department's pool.
        assigned = agent.account.id if d.department == "CARD" else None
        assert task.assigned_staff_id == assigned, d
    assert tasks[NEUROLOGY.mrn].department_id != cardiology
    assert _desk_mrns(agent) == set()
    agent.sync()
    # Row-level security: the agent's desk holds its department's follow-ups, not neurology's.
    assert _desk_mrns(agent) == {d.mrn for d in card_morning}
    with agent.local.connect() as connection:
        names = set(connection.execute(select(Patient.name)).scalars())
    assert NEUROLOGY.name not in names and FINE.name in names

    # 2. The agent works the queue: a fine patient on the simulated line, an unanswered one,
    #    and a red flag over a real SIP call; then pushes --------------------------------
    fake = FakePhone(
        FakeOdds(answer=1, no_answer=0, busy=0, wrong_number=0),
        outcomes={NO_ANSWER.phone: FakeOutcome.NO_ANSWER},
        ring_seconds=(0.05, 0.1),
        no_answer_seconds=0.3,
        voice_cache=tmp_path / "voices",
    )
    fake_line = LineEvents(fake)

    work = open_followup(agent)  # Ctrl+N: the first due follow-up of the agent's queue
    assert work.card.mrn == FINE.mrn and work.card.name == FINE.name
    assert _leases(central) == {work.task_id: agent.account.id}  # claimed on the server
    assert [c.number_e164 for c in work.card.contacts] == [FINE.e164]
    fine_call = call_patient(agent, fake_line, work, FEELING_FINE)
    assert isinstance(fine_call.ended, Ended) and fine_call.answered_at is not None
    fine_saved = save_followup(agent, work, fine_call)
    assert fine_saved.step.status is TaskStatus.DONE and fine_saved.alert_ids == ()

    work = open_followup(agent, agent.task_of(NO_ANSWER.mrn))
    unanswered = call_patient(agent, fake_line, work)
    assert unanswered.answered_at is None and unanswered.ended.reason is EndReason.NO_ANSWER
    retry = save_followup(agent, work, unanswered)
    assert retry.step.status is TaskStatus.PENDING and retry.result_id is None
    assert retry.step.due_at > dt.datetime.now(dt.UTC)  # a later try is scheduled

    work = open_followup(agent, agent.task_of(SIP_RED_FLAG.mrn))
    sip_call = _call_over_sip(agent, work, tmp_path)
    assert {f.rule.id for f in sip_call.sheet.red_flags()} == {"possible_acute_coronary"}
    flagged = save_followup(agent, work, sip_call)
    assert flagged.step.status is TaskStatus.DONE and len(flagged.alert_ids) == 1

    outgoing = {FINE.mrn: fine_call, NO_ANSWER.mrn: unanswered, SIP_RED_FLAG.mrn: sip_call}
    assert _waiting(agent) > 0
    status = agent.sync()
    assert (status.pending, status.quarantined) == (0, 0)
    assert _waiting(agent) == 0
    assert _leases(central) == {}  # each given back once its result was on the server
    _check_worked_followups(central, agent, outgoing, doctor_id, flagged.alert_ids[0])

    # 3. The unanswered patient calls back: the pop finds them and their open follow-up -----
    call_id = fake.simulate_incoming(NO_ANSWER.phone)
    incoming = fake_line.wait((Incoming,), call_id)
    decision = decide(agent.local, parse_caller(incoming.number, "CN"), agent.account)
    assert decision.kind is PopKind.PATIENT and decision.patient is not None
    pop = decision.patient
    assert pop.card is not None and (pop.card.mrn, pop.card.name) == (
        NO_ANSWER.mrn,
        NO_ANSWER.name,
    )
    assert pop.open_task is not None
    assert pop.open_task.task_id == agent.task_of(NO_ANSWER.mrn)
    assert (pop.open_task.status, pop.open_task.attempts) == (TaskStatus.PENDING, 1)
    assert pop.department_name == agent.account.department_name
    # As the pop does: the ringing call is recorded, answered, and closed when it ends.
    inbound_id = record_inbound(agent.local, decision, staff_id=agent.account.id, line=fake.line)
    assert _row(agent.local, CallAttempt, id=inbound_id).task_id == pop.open_task.task_id
    fake.answer(call_id)
    fake_line.wait((Answered,), call_id)
    answered_at = dt.datetime.now(dt.UTC)
    fake_line.run(0.2)
    fake.hangup(call_id)
    ended = fake_line.wait((Ended,), call_id)
    finish_attempt(
        agent.local,
        inbound_id,
        answered_at=answered_at,
        ended_at=dt.datetime.now(dt.UTC),
        end_reason=ended.reason.value,
    )
    assert agent.sync().pending == 0
    callback = _row(central, CallAttempt, id=inbound_id)
    assert (callback.direction, callback.task_id, callback.number) == (
        Direction.INBOUND,
        agent.task_of(NO_ANSWER.mrn),
        NO_ANSWER.e164,
    )
    assert callback.answered_at is not None and callback.ended_at is not None
    fake_line.detach()
    fake.close()

    # 4. The supervisor samples level-2 spot-checks on the server; more discharges follow --
    supervisor.sync()
    done_ids = {agent.task_of(FINE.mrn), agent.task_of(SIP_RED_FLAG.mrn)}
    plan = SamplingPlan(CheckLevel.DEPARTMENT, today, today, Quota(100, 1), department_ids=(
        cardiology,
    ))  # fmt: skip
    sampled = run_sampling(supervisor.server, supervisor.account.id, plan, seed=11)
    assert sampled.population == len(done_ids)
    assert {parent for parent, _ in sampled.created} == done_ids
    checks = {child: parent for parent, child in sampled.created}
    run = _row(central, SamplingRun, id=sampled.run_id)
    assert (run.level, run.created_by_id) == (2, supervisor.account.id)
    for child_id, parent_id in checks.items():
        check = _row(central, FollowupTask, id=child_id)
        assert (check.level, check.parent_task_id, check.department_id) == (
            2,
            parent_id,
            cardiology,
        )
    spot_plan = _row(central, FollowupPlan, name=PLAN_NAME)
    supervisor.sync()
    with supervisor.local.connect() as connection:
        pulled = dict(
            connection.execute(
                select(FollowupTask.id, FollowupTask.parent_task_id).where(FollowupTask.level == 2)
            ).all()
        )
    assert pulled == checks

    replies = send(his_port, *(d.message(discharged) for d in AFTERNOON))
    assert [msa(r)[:2] for r in replies] == [["AA", d.control] for d in AFTERNOON]
    afternoon = _server_tasks(central, AFTERNOON)
    assert set(afternoon) == {d.mrn for d in AFTERNOON}
    for d in AFTERNOON:
        task = afternoon[d.mrn]
        assert (task.status, task.assigned_staff_id, task.plan_id) == (
            TaskStatus.PENDING,
            agent.account.id,
            tasks[FINE.mrn].plan_id,  # the cardiology plan, not the spot-check one
        )
        assert task.plan_id != spot_plan.id
    (import_run,) = _rows(central, HisImportRun, kind="hl7")  # one run row a day
    everyone = len(MORNING) + len(AFTERNOON)
    assert (import_run.rows_in, import_run.rejected, import_run.tasks_created) == (
        everyone,
        0,
        everyone,
    )
    assert import_run.skipped_plans == []
    agent.sync()
    assert _desk_mrns(agent) == {d.mrn for d in card_morning + AFTERNOON}

    # 5. The statistics and the monthly PDF say what was done ------------------------------
    _check_statistics(central, agent, supervisor, tmp_path, today, outgoing)


def _call_over_sip(agent: Desk, work: Any, tmp_path: Path) -> FinishedCall:
    """The red-flag follow-up over the desk's SIP headset line: pjsua2 dials the patient's
    number at a sipp peer that answers, plays speech and waits for our BYE."""
    with PeerSet(tmp_path / "peers") as peers:
        patient = peers.sipp("uas_answer_wait")
        phone = SipPhone(
            SipLineConfig(
                user="agent",
                domain=f"{LOCALHOST}:{patient.port}",  # numbers are dialled at the peer
                bound_address=LOCALHOST,
                null_audio=True,
                no_answer_timeout=10,
                log_path=tmp_path / "pjsua.log",
            )
        )
        line = LineEvents(phone)
        try:
            call = call_patient(agent, line, work, CHEST_PAIN_AT_REST, talk_seconds=1.5)
        finally:
            line.detach()
            phone.close()
        assert patient.wait(10) == 0, patient.describe()  # INVITE, ACK, our BYE, as scripted
        assert f"sip:{work.card.contacts[0].number_display}@" in patient.trace()
    assert call.answered_at is not None and call.ended.reason is EndReason.LOCAL_HANGUP
    return call


def _check_worked_followups(
    central: Engine,
    agent: Desk,
    calls: dict[str, FinishedCall],
    doctor_id: int,
    alert_id: object,
) -> None:
    """After the push: the server holds every call, result, alert and recording the desk made,
    and each task in the state the wrap-up left it."""
    lines = {FINE.mrn: LineType.FAKE, NO_ANSWER.mrn: LineType.FAKE, SIP_RED_FLAG.mrn: LineType.SIP}
    states = {FINE.mrn: TaskStatus.DONE, NO_ANSWER.mrn: TaskStatus.PENDING,
              SIP_RED_FLAG.mrn: TaskStatus.DONE}  # fmt: skip
    for mrn, call in calls.items():
        task_id = agent.task_of(mrn)
        server_task = _row(central, FollowupTask, id=task_id)
        desk_task = _row(agent.local, FollowupTask, id=task_id)
        assert server_task.status is desk_task.status is states[mrn], mrn
        assert server_task.attempt_count == desk_task.attempt_count == 1, mrn
        attempt = _row(central, CallAttempt, id=call.attempt_id)
        reached = call.answered_at is not None
        assert (attempt.task_id, attempt.staff_id, attempt.line, attempt.direction) == (
            task_id,
            agent.account.id,
            lines[mrn],
            Direction.OUTBOUND,
        )
        assert attempt.disposition is (Disposition.REACHED if reached else Disposition.NO_ANSWER)
        results = _rows(central, FollowupResult, task_id=task_id)
        if not reached:
            assert results == [] and call.recording is None
            continue
        (result,) = results
        sheet_json = call.sheet.to_json()
        assert result.answers == sheet_json
        assert result.satisfaction == call.sheet.satisfaction()
        assert result.attempt_id == call.attempt_id
        assert call.recording is not None
        (recording,) = _rows(central, Recording, attempt_id=call.attempt_id)
        assert recording.sha256 == call.recording.sha256
        assert recording.upload_state is UploadState.VERIFIED  # the audio came up and matched
        assert _row(agent.local, Recording, id=recording.id).upload_state is UploadState.VERIFIED
        assert set(recording.markers) == {q for q, _ in sheet_json["answers"].items()}
    (alert,) = _rows(central, RedFlagAlert)
    assert alert.id == alert_id
    assert (alert.task_id, alert.doctor_id, alert.rule_id, alert.severity) == (
        agent.task_of(SIP_RED_FLAG.mrn),
        doctor_id,
        "possible_acute_coronary",
        RedFlagSeverity.CRITICAL,
    )


def _check_statistics(
    central: Engine,
    agent: Desk,
    supervisor: Desk,
    tmp_path: Path,
    today: dt.date,
    calls: dict[str, FinishedCall],
) -> None:
    """The supervisor's statistics and monthly PDF, read from the central server under the
    supervisor's own login as the desk's statistics tool reads them: the desk's own copy never
    holds other desks' calls and results."""
    supervisor.sync()
    stats = supervisor.server
    month = restrict_to_account(month_filter(today.year, today.month), supervisor.account)
    assert month.department_id == supervisor.account.department_id
    # What the day did, from the story itself.
    due = len([d for d in MORNING + AFTERNOON if d.department == "CARD"])
    reached = [c for c in calls.values() if c.answered_at is not None]
    scores = sorted(c.sheet.satisfaction() or 0 for c in reached)
    flagged = [c for c in reached if c.sheet.red_flags()]

    (rate,) = followup_rates(stats, month, Grouping.HOSPITAL)
    assert (rate.due, rate.done, rate.reached_7d, rate.reached_30d) == (
        due,
        len(reached),
        len(reached),  # all reached on their third day home
        len(reached),
    )
    assert [(r.name, r.due, r.done) for r in followup_rates(stats, month, Grouping.DEPARTMENT)] == [
        (supervisor.account.department_name, due, len(reached))
    ]
    # The supervisor's desk agrees on which follow-ups are done (task states are pulled).
    with supervisor.local.connect() as connection:
        done_on_desk = set(
            connection.execute(
                select(FollowupTask.id).where(
                    FollowupTask.status == TaskStatus.DONE, FollowupTask.level == 1
                )
            ).scalars()
        )
    assert done_on_desk == {agent.task_of(mrn) for mrn, c in calls.items() if c.answered_at}

    per_reach = attempts_per_reach(stats, month)
    assert (per_reach.tasks_reached, per_reach.attempts) == (len(reached), len(reached))
    (workload,) = agent_workload(stats, month)
    assert (workload.staff_id, workload.attempts, workload.reached, workload.results) == (
        agent.account.id,
        len(calls) + 1,  # the outgoing calls and the patient's callback
        len(reached),
        len(reached),
    )
    assert workload.tasks == len(calls) and workload.talk_seconds > 0
    satisfaction = satisfaction_distribution(stats, month)
    assert satisfaction.answered == len(reached)
    assert sorted(s for s, n in satisfaction.distribution for _ in range(n)) == scores
    # The red flag: the answer that raised it is counted, and its alert is the department's.
    at_rest = answer_distribution(stats, month, "cardiology", "chest_pain_at_rest")
    assert [(c.label_zh, c.count) for c in at_rest.counts] == [("是", len(flagged)), ("否", 0)]
    alerts = _rows(stats, RedFlagAlert)
    assert len(alerts) == len(flagged) and {a.department_id for a in alerts} == {
        supervisor.account.department_id
    }

    pdf = tmp_path / "monthly.pdf"
    figures = write_monthly_report(
        stats,
        supervisor.account.id,
        today.year,
        today.month,
        pdf,
        department_id=month.department_id,
        department_name=supervisor.account.department_name,
    )
    assert figures.hospital == rate
    text = _pdf_text(pdf)
    assert f"{today.year}年{today.month}月随访工作月度分析报告" in text
    assert f"范围：{supervisor.account.department_name}" in text
    assert (
        f"本月应随访 {due} 人次，已完成 {len(reached)} 人次"
        f"（完成率 {len(reached) / due * 100:.1f}%）" in text
    )
    assert f"出院 7 天内联系上 {len(reached)} 人次" in text
    assert "平均每联系上一位患者呼叫 1.00 次" in text  # each reached at the first call
    assert f"满意度调查 {len(reached)} 份，平均 {sum(scores) / len(scores):.2f} 分" in text
    assert agent.account.full_name in text
    neurology = _row(central, Department, code=NEUROLOGY.department).name
    assert neurology not in text  # another department's discharge is not the supervisor's
    (exported,) = _rows(central, AuditLog, object_type="monthly_report")
    assert (exported.staff_id, exported.action, exported.object_id) == (
        supervisor.account.id,
        "export",
        f"{today.year}-{today.month:02d}",
    )
