"""What real HIS feeds send, as two vendors write it: A03, A13, A08 and A40 over MLLP.

The samples in tests/his/samples/ are written the way the two interfaces write them: vendor A
(a Chinese HIS, v2.4, phones as text, Chinese relationship words, a name in \\X..\\ hex,
times with +0800), vendor B (a Western engine, v2.5.1, MSH-2 with the truncation character,
XTN in components, HL7 0063 relationship codes, \\F\\ \\E\\ \\R\\ \\S\\ escapes, PV1-45 empty so
the discharge time is EVN-2), both with Z-segments that must be ignored.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, insert, select, update

from agent_app.domain.enums import Direction, LineType, Relation, TaskStatus
from agent_app.his.hl7_intake import Hl7Intake
from agent_app.his.mllp_listener import MllpListener
from agent_app.store.schema import CallAttempt, Contact, Episode, FollowupTask, Patient
from tests.his.conftest import NOW
from tests.his.hl7_messages import a03, msa, send

SAMPLES = Path(__file__).resolve().parent / "samples"
VENDORS = {
    # vendor: (MRN, visit, prior MRN merged by its A40)
    "vendor_a": ("BA400001", "ZY40001", "BA499999"),
    "vendor_b": ("M7700123", "V9000123", "M7799999"),
}


def sample(vendor: str, event: str) -> str:
    """A sample message as it comes over the wire (segments ended by CR)."""
    return (SAMPLES / f"{vendor}_{event}.hl7").read_text("utf-8").replace("\n", "\r")


@pytest.fixture
def listener(his_store: Engine) -> Iterator[int]:
    server = MllpListener(Hl7Intake(his_store, "hl7", clock=lambda: NOW).handle, "127.0.0.1", 0)
    port = server.start()
    yield port
    server.stop()


def _tasks(engine: Engine, mrn: str) -> list[tuple[int, TaskStatus]]:
    with engine.connect() as connection:
        rows = connection.execute(
            select(FollowupTask.offset_days, FollowupTask.status)
            .join(Patient, Patient.id == FollowupTask.patient_id)
            .where(Patient.mrn == mrn)
            .order_by(FollowupTask.offset_days)
        )
        return [(r.offset_days, r.status) for r in rows]


def _numbers(engine: Engine, mrn: str) -> list[tuple[str, Relation]]:
    """The patient's numbers in calling order."""
    with engine.connect() as connection:
        rows = connection.execute(
            select(Contact.number_e164, Contact.relation)
            .join(Patient, Patient.id == Contact.patient_id)
            .where(Patient.mrn == mrn)
            .order_by(Contact.priority, Contact.id)
        )
        return [(r.number_e164, r.relation) for r in rows]


def test_vendor_a_discharge_is_read_with_hex_names_escapes_kin_phones_and_pv1_times(
    his_store: Engine, listener: int
) -> None:
    (reply,) = send(listener, sample("vendor_a", "a03"))

    assert msa(reply) == ["AA", "ZJ20261120000017"]
    with his_store.connect() as connection:
        patient = connection.execute(select(Patient).where(Patient.mrn == "BA400001")).one()
        episode = connection.execute(select(Episode)).one()
    assert (patient.name, patient.id_number) == ("张三丰", "330102196001011236")  # \X..\ hex
    assert patient.address == "浙江省杭州市湖滨路1号A栋&B栋"  # \T\
    assert (episode.admitted_on, episode.discharged_on) == (
        dt.date(2026, 11, 12),  # PV1-44 "20261112083000+0800"
        dt.date(2026, 11, 20),  # PV1-45
    )
    assert set(_numbers(his_store, "BA400001")) == {
        ("+8613812345670", Relation.SELF),  # PID-13, two repetitions
        ("+8657188886666", Relation.SELF),
        ("+8657187001234", Relation.SELF),  # PID-14
        ("+8613912345670", Relation.SON),  # NK1-5
        ("+8657187654321", Relation.SON),  # NK1-6
        ("+8613700001111", Relation.SPOUSE),  # the second NK1
    }


def test_vendor_b_discharge_is_read_with_truncation_char_components_and_evn_time(
    his_store: Engine, listener: int
) -> None:
    (reply,) = send(listener, sample("vendor_b", "a03"))

    assert msa(reply) == ["AA", "EP7781001"]
    with his_store.connect() as connection:
        patient = connection.execute(select(Patient).where(Patient.mrn == "M7700123")).one()
        episode = connection.execute(select(Episode)).one()
    assert patient.name == "Mary Nguyen|Tran"  # \F\ is a character of the name, not a field
    assert "12 Main St \\ Rear" in patient.address and "Apt 3~4" in patient.address
    assert (episode.admitted_on, episode.discharged_on) == (
        dt.date(2026, 11, 10),  # PV1-44, a date only
        dt.date(2026, 11, 20),  # PV1-45 empty: EVN-2 "202611201030"
    )
    assert set(_numbers(his_store, "M7700123")) == {
        ("+8657188776655", Relation.SELF),  # XTN-5/6/7 country, area, local
        ("+8613911112222", Relation.SELF),  # XTN-12
        ("+8657187650000", Relation.SELF),  # PID-14
        ("+8613700003333", Relation.SPOUSE),  # NK1-5, relationship code SPO
        ("+8657187001111", Relation.SPOUSE),  # NK1-6
    }


@pytest.mark.parametrize("vendor", list(VENDORS))
def test_cancel_discharge_cancels_only_the_waiting_tasks_of_that_visit(
    his_store: Engine, listener: int, vendor: str
) -> None:
    mrn, _, _ = VENDORS[vendor]
    send(listener, sample(vendor, "a03"))
    with his_store.begin() as connection:  # the 3-day call was tried once already
        connection.execute(
            update(FollowupTask).where(FollowupTask.offset_days == 3).values(attempt_count=1)
        )

    (reply,) = send(listener, sample(vendor, "a13"))

    assert msa(reply)[0] == "AA"
    assert _tasks(his_store, mrn) == [(3, TaskStatus.PENDING), (30, TaskStatus.CANCELLED)]


@pytest.mark.parametrize("vendor", list(VENDORS))
def test_a_visit_discharged_again_after_a_cancel_gets_its_tasks_back(
    his_store: Engine, listener: int, vendor: str
) -> None:
    mrn, _, _ = VENDORS[vendor]
    replies = send(listener, sample(vendor, "a03"), sample(vendor, "a13"), sample(vendor, "a03"))

    assert [msa(r)[0] for r in replies] == ["AA", "AA", "AA"]
    assert _tasks(his_store, mrn) == [(3, TaskStatus.PENDING), (30, TaskStatus.PENDING)]


@pytest.mark.parametrize(
    ("vendor", "name", "first", "kept"),
    [
        ("vendor_a", "张三峰", ["+8615900001234", "+8613812345670"], "+8657188886666"),
        ("vendor_b", "Mary Nguyen-Tran", ["+8613522223333", "+8613700003333"], "+8657188776655"),
    ],
)
def test_patient_update_renames_and_puts_the_new_numbers_first(
    his_store: Engine, listener: int, vendor: str, name: str, first: list[str], kept: str
) -> None:
    mrn, _, _ = VENDORS[vendor]
    send(listener, sample(vendor, "a03"))

    (reply,) = send(listener, sample(vendor, "a08"))

    assert msa(reply)[0] == "AA"
    with his_store.connect() as connection:
        assert connection.execute(select(Patient.name).where(Patient.mrn == mrn)).scalar() == name
    numbers = [n for n, _ in _numbers(his_store, mrn)]
    assert numbers[: len(first)] == first
    assert kept in numbers  # a number the update no longer lists stays, after the new ones


@pytest.mark.parametrize("vendor", list(VENDORS))
def test_merge_moves_the_prior_patients_tasks_and_history_to_the_survivor(
    his_store: Engine, listener: int, vendor: str
) -> None:
    mrn, _, prior = VENDORS[vendor]
    earlier = a03(control="OLD1", visit="OLD-VISIT-1", mrn=prior, phone="13300004444", kin=None)
    send(listener, earlier, sample(vendor, "a03"))
    with his_store.begin() as connection:
        task_id, prior_id = connection.execute(
            select(FollowupTask.id, FollowupTask.patient_id)
            .join(Patient, Patient.id == FollowupTask.patient_id)
            .where(Patient.mrn == prior)
            .limit(1)
        ).one()
        connection.execute(
            insert(CallAttempt).values(
                task_id=task_id,
                patient_id=prior_id,
                staff_id=1,
                direction=Direction.OUTBOUND,
                line=LineType.SIP,
                number="13300004444",
            )
        )

    (reply,) = send(listener, sample(vendor, "a40"))

    assert msa(reply)[0] == "AA"
    assert len(_tasks(his_store, mrn)) == 4  # two of each stay
    assert _tasks(his_store, prior) == []
    assert "+8613300004444" in [n for n, _ in _numbers(his_store, mrn)]
    with his_store.connect() as connection:
        survivor = connection.execute(select(Patient.id).where(Patient.mrn == mrn)).scalar()
        episodes = connection.execute(select(Episode.patient_id)).scalars().all()
        calls = connection.execute(select(CallAttempt.patient_id)).scalars().all()
    assert episodes == [survivor, survivor]
    assert calls == [survivor]


def test_merge_into_an_unknown_survivor_renumbers_the_prior_patient(
    his_store: Engine, listener: int
) -> None:
    send(listener, a03(control="OLD1", visit="OLD-VISIT-1", mrn="BA499999"))

    (reply,) = send(listener, sample("vendor_a", "a40"))

    assert msa(reply)[0] == "AA"
    with his_store.connect() as connection:
        mrns = connection.execute(select(Patient.mrn)).scalars().all()
    assert mrns == ["BA400001"]
    assert len(_tasks(his_store, "BA400001")) == 2
