"""Every HL7 message gets an answer, whatever fails; every refusal is kept for review; the
MLLP connection outlives a bad message; a message without a patient identifier is refused."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from agent_app.his.hl7_intake import Hl7Intake
from agent_app.his.mapping import ColumnMapping, Hl7Mapping
from agent_app.his.mllp_listener import MllpListener
from agent_app.his.records import Rejection
from agent_app.his.validate import validate_row
from agent_app.store.schema import Episode, HisImportRun, HisRejectedRow, Patient
from tests.his.conftest import NOW, sqlite_only
from tests.his.hl7_messages import a03, msa, send

SAMPLES = Path(__file__).resolve().parent / "samples"


def _listen(intake: Hl7Intake) -> MllpListener:
    server = MllpListener(intake.handle, "127.0.0.1", 0, refuse=intake.refuse_block)
    server.start()
    return server


@pytest.fixture
def listener(his_store: Engine) -> Iterator[int]:
    server = _listen(Hl7Intake(his_store, "hl7", clock=lambda: NOW))
    yield server.port
    server.stop()


def _rejected(engine: Engine) -> list[HisRejectedRow]:
    with engine.connect() as connection:
        return list(connection.execute(select(HisRejectedRow).order_by(HisRejectedRow.id)))


def _episodes(engine: Engine) -> int:
    with engine.connect() as connection:
        return int(connection.execute(select(func.count()).select_from(Episode)).scalar_one())


def test_a_message_with_other_encoding_characters_is_answered_kept_and_the_line_survives(
    his_store: Engine, listener: int
) -> None:
    # MSH-2 "#~\&" declares "#" as the component separator, yet the type is written ADT^A03:
    # building this message's ACK used to raise TypeError inside the hl7 package.
    broken = a03(control="ODD1").replace("MSH|^~\\&|", "MSH|#~\\&|", 1)

    first, second = send(listener, broken, a03(control="GOOD1"))

    code, control, text = msa(first)[:3]
    assert (code, control) == ("AR", "ODD1")
    assert text.startswith("Only ADT^A03, ADT^A08, ADT^A13 and ADT^A40 messages are accepted")
    assert msa(second) == ["AA", "GOOD1"]
    assert _episodes(his_store) == 1
    (kept,) = _rejected(his_store)
    assert (kept.row_ref, kept.reason) == ("message ODD1", "hl7_unsupported_type")
    assert kept.raw["reason_params"] == {"kind": "ADT^A03^ADT_A03"}
    assert kept.raw["message"].startswith("MSH|#~\\&|")
    with his_store.connect() as connection:
        run = connection.execute(select(HisImportRun)).one()
    assert (run.rows_in, run.rejected, run.created) == (2, 1, 1)


@sqlite_only
def test_the_v27_truncation_character_in_msh2_is_read_and_acknowledged(
    his_store: Engine, listener: int
) -> None:
    message = a03(control="TRUNC1").replace("MSH|^~\\&|", "MSH|^~\\&#|", 1)

    (reply,) = send(listener, message)

    assert msa(reply) == ["AA", "TRUNC1"]
    assert reply.startswith("MSH|^~\\&|")  # our ACK uses the standard encoding characters


@sqlite_only
def test_a_handler_that_fails_still_answers_and_the_connection_survives(
    his_store: Engine,
) -> None:
    intake = Hl7Intake(his_store, "hl7", clock=lambda: NOW)
    calls: list[str] = []

    def flaky(text: str) -> str:
        calls.append(text)
        if len(calls) == 1:
            raise RuntimeError("the handler broke")
        return intake.handle(text)

    server = MllpListener(flaky, "127.0.0.1", 0)
    port = server.start()
    try:
        first, second = send(port, a03(control="BOOM1"), a03(control="AFTER1"))
    finally:
        server.stop()

    assert msa(first)[:2] == ["AR", "BOOM1"]
    assert msa(second) == ["AA", "AFTER1"]


@sqlite_only
def test_a_message_the_store_cannot_take_is_answered_ar_to_be_resent(his_store: Engine) -> None:
    intake = Hl7Intake(his_store, "hl7", clock=lambda: NOW)
    his_store.dispose()
    with his_store.begin() as connection:  # the store breaks under the listener
        connection.exec_driver_sql("DROP TABLE his_episode_link")

    reply = intake.handle(a03(control="DOWN1"))

    code, control, text = msa(reply)[:3]
    assert (code, control) == ("AR", "DOWN1")
    assert "resend" in text
    (kept,) = _rejected(his_store)
    assert kept.reason == "hl7_not_stored"


@sqlite_only
def test_a_block_without_the_start_byte_is_kept_as_a_rejected_row(
    his_store: Engine, listener: int
) -> None:
    first, second = send(listener, b"MSH|garbage\x1c\r", a03())

    assert msa(first)[0] == "AE"
    assert msa(second)[0] == "AA"
    assert [r.reason for r in _rejected(his_store)] == ["hl7_no_start_byte"]


def test_a_message_without_pid3_is_refused_not_filed_under_the_visit_number(
    his_store: Engine, listener: int
) -> None:
    message = (SAMPLES / "vendor_a_no_pid3.hl7").read_text("utf-8")

    (reply,) = send(listener, message)

    code, control, text = msa(reply)[:3]
    assert (code, control) == ("AE", "ZJ20261120000018")
    assert text.startswith("The message has no patient identifier (PID-3:MR, PID-3:)")
    with his_store.connect() as connection:
        assert connection.execute(select(func.count()).select_from(Patient)).scalar() == 0
    (kept,) = _rejected(his_store)
    assert (kept.reason, kept.raw["reason_params"]) == (
        "hl7_no_patient_id",
        {"where": "PID-3:MR, PID-3:"},
    )


@sqlite_only
@pytest.mark.parametrize(
    ("places", "mrn"), [(("PID-3:MR", "PID-2"), "BA400002"), (("PV1-19",), "ZY40002")]
)
def test_a_mapping_that_names_another_identifier_is_followed(
    his_store: Engine, places: tuple[str, ...], mrn: str
) -> None:
    intake = Hl7Intake(his_store, "hl7", clock=lambda: NOW, mapping=Hl7Mapping(places))

    reply = intake.handle((SAMPLES / "vendor_a_no_pid3.hl7").read_text("utf-8"))

    assert msa(reply)[0] == "AA"
    with his_store.connect() as connection:
        assert connection.execute(select(Patient.mrn)).scalars().all() == [mrn]


@sqlite_only
def test_a_file_row_without_an_mrn_is_rejected_unless_the_mapping_names_a_stand_in(
    his_store: Engine,
) -> None:
    columns = {"住院号": "visit_number", "姓名": "name", "出院日期": "discharged_on"}
    cells = ["ZY1", "王芳", "2026-11-20", "CARD", "13812345678", "1960-01-01"]
    headers = ["住院号", "姓名", "出院日期", "科室", "联系电话", "出生日期"]
    columns |= {"科室": "department", "联系电话": "phone", "出生日期": "birth_date"}
    plain = ColumnMapping("plain", columns)
    stand_in = ColumnMapping("stand-in", columns, mrn_from="visit_number")

    refused = validate_row(plain.row("line 2", cells, plain.bind(headers)), "f", {"CARD": "CARD"})
    taken = validate_row(
        stand_in.row("line 2", cells, stand_in.bind(headers)), "f", {"CARD": "CARD"}
    )

    assert isinstance(refused, Rejection) and refused.code == "row_no_patient_id"
    assert not isinstance(taken, Rejection) and taken.mrn == "ZY1"
    saved = {"name": "stand-in", "columns": columns, "mrn_from": "visit_number"}
    assert ColumnMapping.from_json(saved) == stand_in
