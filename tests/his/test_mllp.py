"""ADT^A03 messages over a real MLLP socket on 127.0.0.1 are imported and acknowledged."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from agent_app.his.file_source import read_file
from agent_app.his.hl7_intake import Hl7Intake
from agent_app.his.mapping import ColumnMapping
from agent_app.his.mllp_listener import MllpListener
from agent_app.his.runs import ImportOptions, run_import
from agent_app.store.schema import (
    Contact,
    Episode,
    FollowupTask,
    HisImportRun,
    HisRejectedRow,
    Patient,
    Staff,
)
from tests.his.conftest import NOW, sqlite_only
from tests.his.hl7_messages import a03, msa, send


@pytest.fixture
def listener(his_store: Engine) -> Iterator[int]:
    intake = Hl7Intake(his_store, "hl7", clock=lambda: NOW)
    server = MllpListener(intake.handle, "127.0.0.1", 0)
    port = server.start()
    yield port
    server.stop()


def _count(engine: Engine, model: type) -> int:
    with engine.connect() as connection:
        return int(connection.execute(select(func.count()).select_from(model)).scalar_one())


def test_a_discharge_message_is_imported_and_accepted(his_store: Engine, listener: int) -> None:
    (reply,) = send(listener, a03())

    assert msa(reply) == ["AA", "MSG0001"]
    with his_store.connect() as connection:
        patient = connection.execute(select(Patient).where(Patient.mrn == "BA300001")).one()
        episode = connection.execute(select(Episode)).one()
        numbers = set(connection.execute(select(Contact.number_e164)).scalars())
        assigned = set(
            connection.execute(
                select(Staff.username).join(
                    FollowupTask, FollowupTask.assigned_staff_id == Staff.id
                )
            ).scalars()
        )
    assert (patient.name, patient.id_number) == ("王秀英", "110105195203142466")
    assert (episode.ward, episode.diagnosis_code, episode.diagnosis_name) == (
        "心内一病区",
        "I21.9",
        "急性心肌梗死",
    )
    assert numbers == {"+8613812345678", "+8613912345678"}
    assert assigned == {"zengqiang"}  # the nurse from the ROL segment
    assert _count(his_store, FollowupTask) == 2


def test_the_same_message_twice_changes_nothing(his_store: Engine, listener: int) -> None:
    replies = send(listener, a03(), a03(control="MSG0002"))

    assert [msa(r)[0] for r in replies] == ["AA", "AA"]
    assert (_count(his_store, Episode), _count(his_store, FollowupTask)) == (1, 2)
    with his_store.connect() as connection:
        run = connection.execute(select(HisImportRun)).one()
    assert (run.kind, run.rows_in, run.created, run.unchanged, run.tasks_created) == (
        "hl7",
        2,
        1,
        1,
        2,
    )


def test_a_row_that_fails_validation_is_answered_ae_and_kept(
    his_store: Engine, listener: int
) -> None:
    (reply,) = send(listener, a03(phone="", kin=None, control="NOPHONE"))

    code, control, text = msa(reply)[:3]
    assert (code, control) == ("AE", "NOPHONE")
    assert text == "No phone number for the patient or a contact."
    assert "ERR|" in reply
    with his_store.connect() as connection:
        rejected = connection.execute(select(HisRejectedRow)).one()
    assert (rejected.visit_number, rejected.row_ref) == ("ZY30001", "message NOPHONE")


@sqlite_only
@pytest.mark.parametrize(
    ("message", "code", "reason"),
    [
        (
            a03(kind="ADT^A01^ADT_A01"),
            "AR",  # HL7 table 0008: an unsupported message type is rejected, not an error
            "Only ADT^A03, ADT^A08, ADT^A13 and ADT^A40 messages are accepted, not ADT^A01.",
        ),
        ("PID|1||BA1\r", "AE", "The message does not start with an MSH segment."),
        (a03(department="XYZ"), "AE", "Unknown department 'XYZ'."),
        (a03(discharged="2026-11-xx"), "AE", "The discharge date '2026-11-xx' is not a date."),
        (a03(diagnosis="心梗^心梗"), "AE", "The diagnosis code '心梗' is not an ICD-10 code."),
    ],
)
def test_malformed_messages_get_ae_or_ar_with_the_reason(
    his_store: Engine, listener: int, message: str, code: str, reason: str
) -> None:
    (reply,) = send(listener, message)

    assert msa(reply)[0] == code
    assert msa(reply)[2] == reason
    assert _count(his_store, Episode) == 0


@sqlite_only
def test_a_block_without_the_start_byte_is_answered_and_the_next_one_still_works(
    his_store: Engine, listener: int
) -> None:
    replies = send(listener, b"MSH|garbage\x1c\r", a03())

    assert msa(replies[0])[0] == "AE"
    assert "MLLP start byte" in replies[0]
    assert msa(replies[1]) == ["AA", "MSG0001"]


@sqlite_only
def test_a_discharge_ending_in_death_is_stored_without_tasks(
    his_store: Engine, listener: int
) -> None:
    (reply,) = send(listener, a03(disposition="20"))

    assert msa(reply)[0] == "AA"
    assert (_count(his_store, Episode), _count(his_store, FollowupTask)) == (1, 0)


@sqlite_only
def test_the_same_visit_from_a_file_and_from_hl7_is_one_episode(his_store: Engine) -> None:
    resources = Path(__file__).resolve().parents[2] / "resources" / "his"
    rows = read_file(
        resources / "sample_discharges.csv", ColumnMapping.load(resources / "mapping_zh.json")
    )
    run_import(his_store, "his", "file", rows, options=ImportOptions(now=NOW))
    intake = Hl7Intake(his_store, clock=lambda: NOW)  # the service's default source: "his"

    reply = intake.handle(a03(visit="ZY20260001", mrn="BA100001", ward="CCU"))

    assert msa(reply)[0] == "AA"
    assert _count(his_store, Episode) == 5
    with his_store.connect() as connection:
        run = connection.execute(select(HisImportRun).where(HisImportRun.kind == "hl7")).one()
    assert (run.created, run.updated) == (0, 1)  # a correction (new ward), not a new stay
