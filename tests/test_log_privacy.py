"""No phone number or ID number reaches a log record, even with debug logging and SQL echo on.

A realistic stretch of desk work runs while every record is captured: SQL errors whose bound
parameters are a patient's number and ID number (on SQLite and PostgreSQL), a screen-pop lookup
and the inbound call it records, a dial on the simulated line, and sign-ins. Each record's
formatted message and exception text must hold none of the numbers, in any of their forms.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import Engine, text, update
from sqlalchemy.exc import DBAPIError

from agent_app.dialer.fake import FakeOutcome, FakePhone
from agent_app.domain.enums import LineType
from agent_app.domain.phone_numbers import normalize_number, parse_caller
from agent_app.screenpop.inbound import record_inbound
from agent_app.screenpop.lookup import PopKind, decide
from agent_app.store.repositories.patients import patient_card
from agent_app.store.repositories.staff import AuthenticationError, authenticate
from agent_app.store.schema import Staff
from tests.screenpop.known_hospital import WANG_MOBILE, build_known_hospital

WANG_ID_NUMBER = "110105195103021234"  # as build_known_hospital stores it
PASSWORD = "Tr0ub4dor&3"
ID_NUMBER = re.compile(r"(?<!\d)\d{17}[\dXx](?!\d)")
CN_MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")


class Captured(logging.Handler):
    """Every record, formatted with its traceback, as a log file would hold it."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


@pytest.fixture
def captured() -> Iterator[Captured]:
    """All records at DEBUG, with SQLAlchemy echoing its statements as ``echo=True`` would."""
    handler = Captured()
    root, sql = logging.getLogger(), logging.getLogger("sqlalchemy.engine")
    levels = root.level, sql.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    sql.setLevel(logging.INFO)
    yield handler
    root.removeHandler(handler)
    root.setLevel(levels[0])
    sql.setLevel(levels[1])


def assert_no_patient_numbers(lines: list[str]) -> None:
    number = normalize_number(WANG_MOBILE)
    forms = {WANG_MOBILE, number.e164, number.national, number.e164.lstrip("+"), WANG_ID_NUMBER}
    assert lines, "the flow logged nothing: the capture is not working"
    for line in lines:
        for form in forms:
            assert form not in line, f"{form} in a log record: {line[:300]}"
        assert not ID_NUMBER.search(line), f"an ID number in a log record: {line[:300]}"
        assert not CN_MOBILE.search(line), f"a mobile number in a log record: {line[:300]}"


def sql_error_with_patient_parameters(engine: Engine) -> None:
    """A failing statement whose bound parameters are a number and an ID number, logged the
    way the desk logs failures (the message, and the traceback)."""
    log = logging.getLogger("agent_app.sync.worker")
    try:
        with engine.connect() as connection:
            connection.execute(
                text("SELECT id FROM contact WHERE number_e164 = :n AND no_such_column = :id"),
                {"n": normalize_number(WANG_MOBILE).e164, "id": WANG_ID_NUMBER},
            )
    except DBAPIError as exc:
        log.error("lookup failed: %s", exc)
        log.exception("sync failed on the desk's side")
    else:
        raise AssertionError("the statement should have failed")


def test_no_phone_or_id_number_reaches_a_log_record(
    store_engine: Engine, captured: Captured, tmp_path: Path
) -> None:
    hospital = build_known_hospital(store_engine)
    with store_engine.begin() as connection:
        connection.execute(
            update(Staff)
            .where(Staff.username == "chenjing")
            .values(password_hash=PasswordHasher().hash(PASSWORD))
        )

    sql_error_with_patient_parameters(store_engine)

    # The screen pop: a callback from the patient's mobile, in the forms lines deliver.
    for raw in (WANG_MOBILE, f"9{WANG_MOBILE}", f"sip:{WANG_MOBILE}@pbx.hospital.local"):
        decision = decide(
            store_engine, parse_caller(raw, pbx_prefixes=("9",)), hospital.cardiology_nurse
        )
        assert decision.kind is PopKind.PATIENT
    if store_engine.dialect.name == "sqlite":  # inbound calls are written to the desk's store
        record_inbound(
            store_engine, decision, staff_id=hospital.cardiology_nurse.id, line=LineType.SIP
        )
    assert patient_card(store_engine, hospital.wang).id_number_masked.endswith("1234")

    # A dial on the simulated line.
    phone = FakePhone(outcomes={WANG_MOBILE: FakeOutcome.NO_ANSWER}, voice_cache=tmp_path)
    call = phone.dial(WANG_MOBILE)
    phone.pump()
    phone.hangup(call)
    phone.pump()

    # Sign-ins, right and wrong.
    assert authenticate(store_engine, "chenjing", PASSWORD).username == "chenjing"
    with pytest.raises(AuthenticationError):
        authenticate(store_engine, "chenjing", "wrong")

    assert_no_patient_numbers(captured.lines)
    assert not any(PASSWORD in line for line in captured.lines)
    assert any("parameters hidden" in line for line in captured.lines)  # the echo was on
