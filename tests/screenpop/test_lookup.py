"""From what a line reports to the card that pops, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from agent_app.domain.enums import (
    Direction,
    Disposition,
    LineType,
    Outcome,
    PhoneKind,
    Relation,
)
from agent_app.domain.phone_numbers import InvalidNumberError, parse_caller
from agent_app.screenpop.inbound import (
    MISSED,
    link_inbound,
    record_inbound,
)
from agent_app.screenpop.lookup import PopKind, decide, load_patient
from agent_app.store.engine import open_local_store
from agent_app.store.repositories.attempts import finish_attempt
from agent_app.store.repositories.contacts import add_contact
from agent_app.store.repositories.patients import search_patients
from agent_app.store.schema import CallAttempt, Contact, Outbox
from tests.screenpop.known_hospital import KnownHospital, build_known_hospital


@pytest.fixture
def hospital(store_engine: Engine) -> KnownHospital:
    return build_known_hospital(store_engine)


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[KnownHospital]:
    """The agent's local store: inbound calls are written there, with the outbox."""
    engine = open_local_store(tmp_path / "desk.sqlite3")
    yield build_known_hospital(engine)
    engine.dispose()


# (what the line delivered, the patient's attribute, contact name, relation)
FORMS = [
    ("13812345678", "wang", "王秀英", Relation.SELF),
    ("+8613812345678", "wang", "王秀英", Relation.SELF),
    ("008613812345678", "wang", "王秀英", Relation.SELF),
    ("+86 138-1234-5678", "wang", "王秀英", Relation.SELF),
    ("913812345678", "wang", "王秀英", Relation.SELF),  # PBX outside-line prefix 9
    ("sip:13812345678@pbx.hospital.local", "wang", "王秀英", Relation.SELF),
    ("sip:+8613812345678;user=phone@10.0.0.1", "wang", "王秀英", Relation.SELF),
    ('"Li Na" <sip:13912345678@pbx.hospital.local>', "wang", "李娜", Relation.DAUGHTER),
    ("tel:+86-139-1234-5678", "wang", "李娜", Relation.DAUGHTER),
    ("01062345678", "wang", "王秀英", Relation.SELF),
    ("010-62345678", "wang", "王秀英", Relation.SELF),
    ("+861062345678", "wang", "王秀英", Relation.SELF),
    ("62345678", None, None, None),  # no area code: Beijing is not assumed
    ("13698765432", "zhao", "赵刚", Relation.SELF),
]


@pytest.mark.parametrize(("raw", "who", "contact", "relation"), FORMS)
def test_each_number_form_finds_the_right_patient_and_contact(
    hospital: KnownHospital, raw: str, who: str | None, contact: str | None, relation: Relation
) -> None:
    caller = parse_caller(raw, "CN", ("9",))
    decision = decide(hospital.engine, caller, hospital.quality)
    if who is None:
        assert decision.kind is PopKind.UNKNOWN
        return
    assert decision.kind is PopKind.PATIENT
    assert decision.patient is not None and decision.patient.match is not None
    assert decision.patient.patient_id == getattr(hospital, who)
    assert decision.patient.match.contact_name == contact
    assert decision.patient.match.relation is relation


def test_the_pop_carries_card_open_task_and_last_attempt(hospital: KnownHospital) -> None:
    caller = parse_caller("13912345678")
    decision = decide(hospital.engine, caller, hospital.cardiology_nurse)
    patient = decision.patient
    assert patient is not None and patient.card is not None and not patient.restricted
    assert patient.card.name == "王秀英"
    assert patient.card.id_number_masked == "110105********1234"
    assert patient.card.episode is not None
    assert patient.card.episode.diagnosis_name == "急性心肌梗死"
    assert patient.open_task is not None and patient.open_task.task_id == hospital.wang_task
    assert (patient.open_task.attempts, patient.open_task.max_attempts) == (1, 3)
    assert patient.open_task.plan_name == "心内科出院随访"
    assert (patient.open_task.answered, patient.open_task.questions) == (2, 5)
    assert patient.last_result is not None and patient.last_result.outcome is Outcome.PARTIAL


def test_one_number_on_two_patients_gives_the_chooser(hospital: KnownHospital) -> None:
    decision = decide(hospital.engine, parse_caller("02158881234"), hospital.quality)
    assert decision.kind is PopKind.CHOOSER
    assert decision.patient is None
    # the patient with an open follow-up comes first
    ids = [m.patient_id for m in decision.candidates]
    assert ids == [hospital.zhang_wei, hospital.zhang_qiang]


@pytest.mark.parametrize("raw", ["", None, "abc", "12", "+", "sip:@", "\x00\x01", "9" * 40])
def test_malformed_or_empty_caller_gives_the_unknown_card(
    hospital: KnownHospital, raw: str | None
) -> None:
    decision = decide(hospital.engine, parse_caller(raw), hospital.quality)
    assert decision.kind is PopKind.UNKNOWN
    assert decision.patient is None and decision.candidates == ()


def test_unknown_number_gives_the_unknown_card(hospital: KnownHospital) -> None:
    decision = decide(hospital.engine, parse_caller("13511112222"), hospital.quality)
    assert decision.kind is PopKind.UNKNOWN and not decision.blacklisted


@pytest.mark.parametrize("raw", ["anonymous", "sip:anonymous@anonymous.invalid", "P", "O"])
def test_withheld_caller_gives_a_card_saying_so(hospital: KnownHospital, raw: str) -> None:
    decision = decide(hospital.engine, parse_caller(raw), hospital.quality)
    assert decision.kind is PopKind.WITHHELD


def test_blacklisted_numbers_are_flagged_with_the_reason(hospital: KnownHospital) -> None:
    unknown = decide(hospital.engine, parse_caller("13700001111"), hospital.quality)
    assert unknown.kind is PopKind.UNKNOWN and unknown.blacklist_reason == "骚扰电话"
    patient = decide(hospital.engine, parse_caller("+8613600002222"), hospital.quality)
    assert patient.kind is PopKind.PATIENT and patient.blacklist_reason == "曾辱骂医护"


def test_another_departments_patient_pops_restricted(hospital: KnownHospital) -> None:
    decision = decide(hospital.engine, parse_caller("13698765432"), hospital.cardiology_nurse)
    patient = decision.patient
    assert patient is not None and patient.restricted
    assert patient.card is None and patient.open_task is None and patient.last_result is None
    assert patient.department_name == "骨科"
    own = load_patient(hospital.engine, hospital.zhao, hospital.ortho_nurse)
    assert not own.restricted


def test_inbound_call_is_stored_linked_to_the_open_task_and_queued(
    desk: KnownHospital,
) -> None:
    engine = desk.engine
    decision = decide(engine, parse_caller("13912345678"), desk.cardiology_nurse)
    started = dt.datetime(2026, 11, 23, 8, 30, tzinfo=dt.UTC)
    attempt_id = record_inbound(
        engine, decision, staff_id=desk.cardiology_nurse.id, line=LineType.SIP, now=started
    )
    finish_attempt(
        engine,
        attempt_id,
        answered_at=None,
        ended_at=started + dt.timedelta(seconds=12),
        end_reason=MISSED,
    )
    with engine.connect() as c:
        row = c.execute(select(CallAttempt).where(CallAttempt.id == attempt_id)).one()
        queued = c.execute(
            select(Outbox.operation, Outbox.row_id)
            .where(Outbox.table_name == "call_attempt")  # the pop's view is audited too
            .order_by(Outbox.seq)
        ).all()
    assert row.direction is Direction.INBOUND and row.line is LineType.SIP
    assert row.task_id == desk.wang_task and row.patient_id == desk.wang
    assert row.number == "+8613912345678"
    assert row.disposition is Disposition.NO_ANSWER and row.end_reason == MISSED
    assert queued == [("insert", str(attempt_id)), ("update", str(attempt_id))]


def test_chooser_pick_links_the_attempt_to_the_chosen_patient(desk: KnownHospital) -> None:
    engine = desk.engine
    decision = decide(engine, parse_caller("02158881234"), desk.quality)
    attempt_id = record_inbound(engine, decision, staff_id=desk.quality.id, line=LineType.MODEM)
    chosen = load_patient(engine, desk.zhang_qiang, desk.quality)
    link_inbound(engine, attempt_id, chosen.patient_id, None)
    with engine.connect() as c:
        row = c.execute(select(CallAttempt).where(CallAttempt.id == attempt_id)).one()
    assert row.patient_id == desk.zhang_qiang and row.task_id is None
    assert row.number == "+862158881234"


def test_withheld_inbound_call_is_stored_without_a_number(desk: KnownHospital) -> None:
    decision = decide(desk.engine, parse_caller("anonymous"), desk.quality)
    attempt_id = record_inbound(desk.engine, decision, staff_id=desk.quality.id, line=LineType.SIP)
    with desk.engine.connect() as c:
        row = c.execute(select(CallAttempt).where(CallAttempt.id == attempt_id)).one()
    assert row.number == "anonymous" and row.patient_id is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("ZY0003", ["张强"]), ("zy0003", ["张强"]), ("张", ["张伟", "张强"]), ("王秀", ["王秀英"]),
     ("139 1234 5678", ["王秀英"]), ("+862158881234", ["张伟", "张强"]), ("李", []), ("", [])],
)  # fmt: skip
def test_search_finds_patients_by_mrn_number_or_name_prefix(
    hospital: KnownHospital, text: str, expected: list[str]
) -> None:
    names = [hit.name for hit in search_patients(hospital.engine, text)]
    assert sorted(names) == sorted(expected)


def test_unknown_caller_becomes_a_contact_and_pops_next_time(desk: KnownHospital) -> None:
    engine = desk.engine
    assert decide(engine, parse_caller("13511112222"), desk.quality).kind is PopKind.UNKNOWN
    first = add_contact(engine, desk.zhao, "赵小红", Relation.DAUGHTER, "135-1111-2222")
    second = add_contact(engine, desk.zhao, "赵家座机", Relation.OTHER, "010-88886666")
    assert first < 0 and second == first - 1  # provisional ids until the server assigns one
    again = decide(engine, parse_caller("+8613511112222"), desk.quality)
    assert again.kind is PopKind.PATIENT and again.patient is not None
    assert again.patient.patient_id == desk.zhao
    assert again.patient.match is not None and again.patient.match.relation is Relation.DAUGHTER
    with engine.connect() as c:
        kinds = c.execute(select(Contact.kind).where(Contact.id < 0).order_by(Contact.id)).all()
        queued = c.execute(select(Outbox.table_name).where(Outbox.table_name == "contact")).all()
    assert [k[0] for k in kinds] == [PhoneKind.LANDLINE, PhoneKind.MOBILE]
    assert len(queued) == 2


def test_adding_a_contact_with_a_bad_number_changes_nothing(desk: KnownHospital) -> None:
    with pytest.raises(InvalidNumberError):
        add_contact(desk.engine, desk.zhao, "x", Relation.OTHER, "12")
    with desk.engine.connect() as c:
        assert c.execute(select(Contact.id).where(Contact.id < 0)).all() == []
