"""The recordings browser: filters, sorting, paging, answer markers and audited playback."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from agent_app.domain.enums import Disposition
from agent_app.store.repositories.audit import AuditAction, audit_entries
from agent_app.store.repositories.recordings import (
    QaState,
    RecordingFilter,
    RecordingNotFoundError,
    RecordingSort,
    browse_recordings,
    count_recordings,
    open_recording,
    recording_markers,
)
from agent_app.store.schema import Outbox, QaReview
from tests.reports.tiny_hospital import NURSE_A, NURSE_B, QUALITY, TinyHospital, at, build


@pytest.fixture
def tiny(store_engine: Engine) -> TinyHospital:
    return build(store_engine)


def _keys(tiny: TinyHospital, rows: list) -> list[str]:  # type: ignore[type-arg]
    names = {v: k for k, v in tiny.recordings.items()}
    return [names[r.recording_id] for r in rows]


def test_newest_first_with_agent_patient_and_department(
    store_engine: Engine, tiny: TinyHospital
) -> None:
    rows = browse_recordings(store_engine, RecordingFilter())
    assert _keys(tiny, rows) == ["t2", "t4", "t1b"]
    first = rows[0]
    assert (first.agent_name, first.patient_name, first.mrn, first.department_name) == (
        "护士甲", "患者2", "MRN0002", "心内科",
    )  # fmt: skip
    assert (first.duration_s, first.disposition, first.level, first.reviews) == (
        130.0, Disposition.REACHED, 1, 0,
    )  # fmt: skip
    assert count_recordings(store_engine, RecordingFilter()) == 3


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        (RecordingFilter(started_from=at(10, 7), started_before=at(10, 21)), ["t2", "t4"]),
        (RecordingFilter(department_id=2), ["t4"]),
        (RecordingFilter(staff_id=NURSE_A), ["t2", "t1b"]),
        (RecordingFilter(patient_id=4), ["t4"]),
        (RecordingFilter(patient_text="MRN0001"), ["t1b"]),
        (RecordingFilter(patient_text="患者"), ["t2", "t4", "t1b"]),
        (RecordingFilter(disposition=Disposition.NO_ANSWER), []),
        (RecordingFilter(min_seconds=200, max_seconds=250), ["t4"]),
    ],
)
def test_each_filter_narrows_the_list(
    store_engine: Engine, tiny: TinyHospital, flt: RecordingFilter, expected: list[str]
) -> None:
    assert _keys(tiny, browse_recordings(store_engine, flt)) == expected
    assert count_recordings(store_engine, flt) == len(expected)


def test_qa_state_sorting_and_paging(store_engine: Engine, tiny: TinyHospital) -> None:
    with Session(store_engine) as s, s.begin():
        s.add(QaReview(id=uuid.uuid4(), attempt_id=tiny.attempts["t4"], reviewer_id=QUALITY,
                       level=2, scores={}))  # fmt: skip
    reviewed = browse_recordings(store_engine, RecordingFilter(qa_state=QaState.REVIEWED))
    assert _keys(tiny, reviewed) == ["t4"] and reviewed[0].reviews == 1
    waiting = RecordingFilter(qa_state=QaState.NOT_REVIEWED)
    assert _keys(tiny, browse_recordings(store_engine, waiting)) == ["t2", "t1b"]
    longest = browse_recordings(store_engine, RecordingFilter(), sort=RecordingSort.LONGEST)
    assert _keys(tiny, longest) == ["t1b", "t4", "t2"]
    page = browse_recordings(
        store_engine, RecordingFilter(), sort=RecordingSort.OLDEST, offset=1, limit=1
    )
    assert _keys(tiny, page) == ["t4"]
    assert browse_recordings(store_engine, RecordingFilter(), sort=RecordingSort.AGENT)[
        -1
    ].staff_id in (NURSE_A, NURSE_B)


def test_markers_come_from_the_recording_or_else_from_the_answer_times(
    store_engine: Engine, tiny: TinyHospital
) -> None:
    stored = recording_markers(store_engine, tiny.recordings["t2"])
    assert [(m.question_id, m.offset_s) for m in stored] == [
        ("identity_confirmed", 4.5), ("satisfaction", 61.0),
    ]  # fmt: skip
    assert stored[1].label_zh.startswith("您对本次住院服务")
    from_sheet = recording_markers(store_engine, tiny.recordings["t1b"])
    assert [m.question_id for m in from_sheet][:3] == [
        "identity_confirmed", "general_condition", "symptoms",
    ]  # fmt: skip
    assert [m.offset_s for m in from_sheet] == [20.0, 40.0, 60.0, 80.0, 100.0, 120.0]
    with pytest.raises(RecordingNotFoundError):
        recording_markers(store_engine, uuid.uuid4())


def test_playing_or_downloading_a_recording_is_audited(
    store_engine: Engine, tiny: TinyHospital
) -> None:
    media = open_recording(store_engine, QUALITY, tiny.recordings["t4"])
    assert (media.local_path, media.codec, media.duration_s) == ("/rec/t4.opus", "opus", 210.0)
    open_recording(store_engine, QUALITY, tiny.recordings["t4"], AuditAction.DOWNLOAD)
    entries = audit_entries(store_engine, object_type="recording")
    assert sorted(e.action for e in entries) == ["download", "play"]
    assert {e.object_id for e in entries} == {str(tiny.recordings["t4"])}
    assert all(e.staff_id == QUALITY for e in entries)
    if store_engine.dialect.name == "sqlite":
        with store_engine.connect() as connection:
            queued = connection.execute(
                select(func.count()).where(Outbox.table_name == "audit_log")
            ).scalar_one()
        assert queued == 2
    with pytest.raises(RecordingNotFoundError):
        open_recording(store_engine, QUALITY, uuid.uuid4())
    assert len(audit_entries(store_engine)) == 2
