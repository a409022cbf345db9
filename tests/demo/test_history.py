"""The demo hospital's past: finished follow-ups that the desk, the reports and the
supervisors' screens accept as their own, on both engines."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import soundfile as sf
from sqlalchemy import Engine, func, select, text
from sqlalchemy.orm import Session

from agent_app.config import ensure_data_dir, load_settings
from agent_app.demo.history import past_patients
from agent_app.demo.seed import SeedReport, local_recordings_dir, seed_store
from agent_app.domain.enums import ComplaintState, Disposition, Outcome, TaskStatus, VitalStatus
from agent_app.domain.questionnaire import AnswerSheet, parse_template
from agent_app.reports.answer_stats import complaint_counts, satisfaction_distribution
from agent_app.reports.filters import StatsFilter
from agent_app.reports.followup_records import Grouping
from agent_app.reports.followup_stats import followup_rates
from agent_app.reports.survival import survival_by_diagnosis
from agent_app.store.engine import open_local_store
from agent_app.store.recording_crypto import is_encrypted, open_recording, plain_chunks
from agent_app.store.repositories.recordings import recording_markers
from agent_app.store.schema import (
    CallAttempt,
    FollowupPlan,
    FollowupResult,
    FollowupTask,
    Outbox,
    QuestionnaireTemplate,
    Recording,
)
from agent_app.supervision.complaints import list_complaints
from agent_app.supervision.qa_reviews import agent_feedback, reviews_for_attempt
from tests.conftest import DEMO_TODAY, _drop_database, _migrated_engine

PATIENTS = 100
RECORDINGS = 6
NOW = dt.datetime.combine(DEMO_TODAY, dt.time(1, 0), dt.UTC)  # 09:00 in the hospital


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def past(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Engine, SeedReport]]:
    """A small demo hospital with its past (100 + 170 patients, 6 recordings)."""
    server = request.getfixturevalue("pg_server") if request.param == "postgresql" else None
    folder = tmp_path_factory.mktemp("past")
    engine, name = _migrated_engine(request.param, folder, server)
    report = seed_store(
        engine,
        PATIENTS,
        seed=5,
        today=DEMO_TODAY,
        recordings=RECORDINGS,
        recordings_dir=folder / "recordings",
    )
    yield engine, report
    engine.dispose()
    if server is not None:
        _drop_database(server, name)


def _templates(engine: Engine) -> dict[int, Any]:
    with engine.connect() as connection:
        rows = connection.execute(select(QuestionnaireTemplate.id, QuestionnaireTemplate.body))
        return {row.id: parse_template(row.body) for row in rows}


def _past_results(engine: Engine) -> list[Any]:
    """Results of past patients (the present-day generator's ids come first), with the
    answer and end of their call."""
    with Session(engine) as session:
        return list(
            session.execute(
                select(FollowupResult, CallAttempt.answered_at, CallAttempt.ended_at)
                .join(CallAttempt, CallAttempt.id == FollowupResult.attempt_id)
                .join(FollowupTask, FollowupTask.id == FollowupResult.task_id)
                .where(FollowupTask.patient_id > PATIENTS)
            )
        )


def test_past_adds_patients_calls_results_recordings_reviews_and_complaints(
    past: tuple[Engine, SeedReport],
) -> None:
    _, report = past
    history = report.history
    assert history is not None
    assert history.patients == past_patients(PATIENTS) == 170
    assert history.results > 300 and history.attempts > history.results
    assert history.recordings == RECORDINGS
    assert history.reviews > 0 and history.complaints >= 2
    assert 0 < history.alerts < history.results // 5


def test_past_answers_are_valid_for_their_templates_with_answer_times(
    past: tuple[Engine, SeedReport],
) -> None:
    engine, _ = past
    templates = _templates(engine)
    results = _past_results(engine)
    outcomes = {row.FollowupResult.outcome for row in results}
    assert {Outcome.COMPLETED, Outcome.REFUSED} <= outcomes
    for row in results:
        result = row.FollowupResult
        template = templates[result.template_id]
        sheet = AnswerSheet.from_json(template, result.answers)  # the desk's own checks
        assert result.template_version == template.version
        assert sheet.call_started_at == row.answered_at
        assert result.satisfaction == sheet.satisfaction()
        assert result.death_date == sheet.death_date()
        if result.outcome is Outcome.COMPLETED:
            assert sheet.can_finish, sheet.missing()
        for entry in sheet.counted_entries():
            offset = entry.offset_seconds(row.answered_at)
            assert offset == result.answers["answers"][entry.question_id]["offset_s"]
            assert offset is not None and entry.at is not None
            assert offset > 0 and entry.at <= row.ended_at


def test_the_past_is_only_finished_work_closed_by_the_retry_rules(
    past: tuple[Engine, SeedReport],
) -> None:
    engine, _ = past
    with Session(engine) as session:
        tasks = session.execute(
            select(FollowupTask, FollowupPlan.max_attempts)
            .join(FollowupPlan, FollowupPlan.id == FollowupTask.plan_id)
            .where(FollowupTask.patient_id > PATIENTS)
        ).all()
        calls: dict[int | None, list[Any]] = {}
        for attempt in session.scalars(select(CallAttempt).order_by(CallAttempt.started_at)):
            calls.setdefault(attempt.task_id, []).append(attempt)
    statuses = {task.FollowupTask.status for task in tasks}
    assert statuses <= {TaskStatus.DONE, TaskStatus.FAILED, TaskStatus.CANCELLED}
    assert {TaskStatus.DONE, TaskStatus.FAILED} <= statuses
    for task, max_attempts in tasks:
        made = calls.get(task.id, [])
        counted = [c for c in made if c.disposition is not Disposition.LINE_FAILED]
        assert task.attempt_count == len(counted)
        assert all(c.started_at < NOW for c in made)
        if task.status is TaskStatus.DONE:
            assert made[-1].disposition in (
                Disposition.REACHED,
                Disposition.REFUSED,
                Disposition.DECEASED,
            )
        elif task.status is TaskStatus.FAILED:
            bad_number = made[-1].disposition in (
                Disposition.WRONG_NUMBER,
                Disposition.NUMBER_INVALID,
            )
            assert bad_number or task.attempt_count >= max_attempts
        else:
            assert not made


def test_a_death_is_recorded_once_and_closes_the_patients_other_followups(
    past: tuple[Engine, SeedReport],
) -> None:
    engine, _ = past
    deaths = [
        row.FollowupResult
        for row in _past_results(engine)
        if row.FollowupResult.vital_status is VitalStatus.DECEASED
    ]
    assert deaths
    with engine.connect() as connection:
        for result in deaths:
            task = connection.execute(
                select(FollowupTask.patient_id, FollowupTask.due_at).where(
                    FollowupTask.id == result.task_id
                )
            ).one()
            later = connection.execute(
                select(FollowupTask.status).where(
                    FollowupTask.patient_id == task.patient_id,
                    FollowupTask.due_at > task.due_at,
                )
            ).scalars()
            assert all(status is TaskStatus.CANCELLED for status in later)
            if result.death_date is not None:
                assert result.death_date <= result.created_at.date()


def test_recordings_are_wav_files_that_match_their_rows_and_answer_times(
    past: tuple[Engine, SeedReport],
) -> None:
    engine, _ = past
    with Session(engine) as session:
        recordings = session.execute(
            select(Recording, CallAttempt.answered_at, CallAttempt.ended_at).join(
                CallAttempt, CallAttempt.id == Recording.attempt_id
            )
        ).all()
    assert len(recordings) == RECORDINGS
    for recording, answered, ended in recordings:
        path = Path(recording.local_path)
        assert is_encrypted(path)  # at rest like the desk's own recordings
        data = b"".join(plain_chunks(path))
        assert hashlib.sha256(data).hexdigest() == recording.sha256
        assert len(data) == recording.size_bytes
        with open_recording(path) as plain:
            info = sf.info(plain)
        assert (info.samplerate, info.channels, info.subtype) == (8000, 1, "PCM_16")
        assert info.frames * 1000 // 8000 == recording.duration_ms
        assert ended is not None and answered is not None
        assert recording.duration_ms == (ended - answered).total_seconds() * 1000
        assert 20_000 <= recording.duration_ms <= 90_000
        markers = recording_markers(engine, recording.id)
        assert {m.question_id: m.offset_s for m in markers} == recording.markers
        assert markers and markers[-1].offset_s * 1000 < recording.duration_ms
        assert all(m.label_zh for m in markers)


def test_reports_over_the_demo_have_figures(past: tuple[Engine, SeedReport]) -> None:
    engine, _ = past
    period = StatsFilter(DEMO_TODAY - dt.timedelta(days=200), DEMO_TODAY)
    (hospital,) = followup_rates(engine, period, Grouping.HOSPITAL)
    assert hospital.due > 0 and 0 < hospital.done <= hospital.due
    assert hospital.reached_30d > hospital.reached_7d > 0
    satisfaction = satisfaction_distribution(engine, period)
    assert satisfaction.answered > 0 and 3.5 < satisfaction.mean < 5.0
    curves = survival_by_diagnosis(engine, period, group_chars=1, min_subjects=5)
    assert len(curves) >= 2
    assert any(curve.events > 0 and curve.survival[-1] < 1.0 for curve in curves)
    assert complaint_counts(engine, period)


def test_supervisors_find_reviews_and_complaints_in_every_state(
    past: tuple[Engine, SeedReport],
) -> None:
    engine, _ = past
    with engine.connect() as connection:
        reviewed = (
            connection.execute(text("SELECT DISTINCT attempt_id FROM qa_review")).scalars().all()
        )
        outbox = 0
        if engine.dialect.name == "sqlite":  # the server has no outbox
            outbox = connection.execute(select(func.count()).select_from(Outbox)).scalar_one()
    assert reviewed and outbox == 0
    for attempt_id in reviewed:
        attempt_id = attempt_id if isinstance(attempt_id, uuid.UUID) else uuid.UUID(attempt_id)
        for review in reviews_for_attempt(engine, attempt_id):
            assert 0 < review.total <= review.max_total and review.created_at < NOW
            with engine.connect() as connection:
                agent = connection.execute(
                    select(CallAttempt.staff_id).where(CallAttempt.id == attempt_id)
                ).scalar_one()
            assert review.id in {f.review.id for f in agent_feedback(engine, agent)}
    complaints = list_complaints(engine)
    assert ComplaintState.OPEN in {c.state for c in complaints}
    assert any(c.attempt_id is not None for c in complaints)
    for complaint in complaints:
        times = [event.at for event in complaint.history]
        assert times == sorted(times) and times[0] == complaint.created_at
        assert times[-1] < NOW
        assert (complaint.closed_at is not None) == (complaint.state is ComplaintState.CLOSED)


def _fingerprint(engine: Engine, recordings: Path) -> str:
    digest = hashlib.sha256()
    queries = {
        "followup_task": "SELECT * FROM followup_task ORDER BY id",
        "call_attempt": "SELECT * FROM call_attempt ORDER BY id",
        "followup_result": "SELECT * FROM followup_result ORDER BY id",
        "red_flag_alert": "SELECT * FROM red_flag_alert ORDER BY id",
        "recording": "SELECT id, sha256, duration_ms, local_path, markers FROM recording "
        "ORDER BY id",
        "qa_review": "SELECT id, attempt_id, reviewer_id, level, scores, created_at "
        "FROM qa_review ORDER BY id",
        "complaint": "SELECT id, summary, state, replies, created_at FROM complaint ORDER BY id",
    }
    with engine.connect() as connection:
        for query in queries.values():
            for row in connection.execute(text(query)):
                digest.update(repr(tuple(row)).replace(str(recordings), "").encode())
    return digest.hexdigest()


@pytest.mark.slow
def test_same_seed_and_day_give_the_same_past(tmp_path: Path) -> None:
    prints = []
    for name, seed in (("a", 3), ("b", 3), ("c", 4)):
        folder = tmp_path / name
        folder.mkdir()
        engine = open_local_store(folder / "store.sqlite3")
        seed_store(engine, 30, seed=seed, today=DEMO_TODAY, recordings=2)
        prints.append(_fingerprint(engine, folder))
        engine.dispose()
    assert prints[0] == prints[1]
    assert prints[0] != prints[2]
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*.wav"))
    assert len(files) == 2 and all(p.parts[0] == "recordings" for p in files)


def test_seeding_reports_progress_up_to_the_patients_of_both_times(tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    engine = open_local_store(tmp_path / "store.sqlite3")
    seed_store(
        engine, 30, today=DEMO_TODAY, progress=lambda d, t: calls.append((d, t)), batch_size=10
    )
    total = 30 + past_patients(30)
    assert {t for _, t in calls} == {total}
    done = [d for d, _ in calls]
    assert done == sorted(done) and done[0] == 10 and done[-1] == total
    with engine.connect() as connection:
        patients = connection.execute(text("SELECT COUNT(*) FROM patient")).scalar_one()
    assert patients == total


def test_answer_json_keeps_the_desks_shape(past: tuple[Engine, SeedReport]) -> None:
    engine, _ = past
    result = _past_results(engine)[0].FollowupResult
    answers = result.answers if isinstance(result.answers, dict) else json.loads(result.answers)
    keys = {"format", "template", "version", "call_started_at", "answers", "red_flags"}
    assert set(answers) == keys


def test_recordings_go_where_the_demo_desk_keeps_them(isolated_settings: Path) -> None:
    settings = load_settings(demo=True)
    ensure_data_dir(settings)
    engine = open_local_store(settings.store_path)
    assert local_recordings_dir(engine) == settings.recordings_dir
    engine.dispose()


def test_each_departments_latest_red_flags_wait_in_the_inbox(
    past: tuple[Engine, SeedReport],
) -> None:
    """Older alerts were rung back by the patient's doctor; each department's last two are open."""
    engine, _ = past
    with engine.connect() as connection:
        alerts = connection.execute(
            text(
                "SELECT department_id, created_at, acknowledged_at, acknowledged_by_id, "
                "ack_action, doctor_id FROM red_flag_alert ORDER BY created_at DESC"
            )
        ).all()
    seen: dict[int, int] = {}
    opened = 0
    for alert in alerts:
        seen[alert.department_id] = seen.get(alert.department_id, 0) + 1
        if seen[alert.department_id] <= 2:
            assert alert.acknowledged_at is None and alert.ack_action is None
            opened += 1
        else:
            assert alert.ack_action == "called_back" and alert.acknowledged_at is not None
            assert alert.acknowledged_by_id == alert.doctor_id
    assert opened >= 2 and len(alerts) > opened
