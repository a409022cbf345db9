"""Text messages on every desk, with a real PostgreSQL and the hospital SMS platform on
127.0.0.1: a message queued on a desk without a gateway is claimed and sent by the SMS
station, and its delivery and the patient's reply reach the first desk's patient card.

Desk 1 is nurse1's, the station nurse3's (both agents of department 2, which holds patient 1
and its task 2).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import keyring
import pytest
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from agent_app.config import ConfigError, load_settings
from agent_app.credentials import KEYRING_SERVICE, sms_platform_key_entry
from agent_app.domain.enums import SmsDirection, SmsState
from agent_app.sms.http_platform import HttpPlatform
from agent_app.sms.sender import SmsSender
from agent_app.store.engine import open_local_store
from agent_app.store.repositories.sms import due_messages, messages_for_patient
from agent_app.store.repositories.sms_queue import desk_sends, queue_sms
from agent_app.sync.change_listener import parse_notice
from agent_app.sync.pull import pull_changes
from agent_app.sync.push import push_pending
from agent_app.sync.sms_station import claim_for_station
from tests.sms.fake_sms_platform import FakeSmsPlatform
from tests.sms.send_then_die import never_quiet
from tests.sms.test_http_platform import ACCOUNT, KEY, platform_settings
from tests.sync.test_change_listener import _payloads

Connect = Callable[..., Engine]
PATIENT, TASK, NUMBER = 1, 2, "+8613800000001"
NOW = dt.datetime(2026, 12, 3, 2, 0, tzinfo=dt.UTC)


@dataclass
class Hospital:
    server: Engine
    desk: Engine  # nurse1's, no gateway
    station: Engine  # nurse3's, the SMS station
    desk_login: Engine
    station_login: Engine
    platform: FakeSmsPlatform

    def sync(self) -> None:
        for local, login in ((self.desk, self.desk_login), (self.station, self.station_login)):
            push_pending(local, login)
            pull_changes(local, login)

    def sender(self) -> SmsSender:
        gateway = HttpPlatform(platform_settings(self.platform.url).http)
        gateway.open()
        settings = platform_settings(self.platform.url)
        sender = SmsSender(self.station, gateway, settings, 3, clock=lambda: NOW, quiet=never_quiet)
        sender.start()
        return sender

    def server_state(self, sms_id: uuid.UUID) -> tuple[str, int | None]:
        with self.server.connect() as connection:
            state, sender = connection.execute(
                text("SELECT state, sender_id FROM sms_message WHERE id = :i"), {"i": sms_id}
            ).one()
        return str(state), sender


@pytest.fixture
def hospital(server: Engine, as_staff: Connect, tmp_path: Path) -> Iterator[Hospital]:
    keyring.set_password(KEYRING_SERVICE, sms_platform_key_entry(ACCOUNT), KEY)
    desk = open_local_store(tmp_path / "desk.sqlite3")
    station = open_local_store(tmp_path / "station.sqlite3")
    platform = FakeSmsPlatform(KEY.encode())
    built = Hospital(server, desk, station, as_staff("nurse1"), as_staff("nurse3"), platform)
    with server.begin() as connection:
        connection.execute(text("GRANT desk_sms_station TO nurse3"))
    built.sync()
    yield built
    with server.begin() as connection:  # roles are cluster-wide: leave no right behind
        connection.execute(text("REVOKE desk_sms_station FROM nurse3"))
    platform.stop()
    desk.dispose()
    station.dispose()


def _queue_on_desk(engine: Engine, body: str) -> uuid.UUID:
    with Session(engine) as session, session.begin():
        row = queue_sms(session, number_e164=NUMBER, body=body, purpose="health_education",
                        staff_id=1, now=NOW, patient_id=PATIENT, task_id=TASK)  # fmt: skip
        return row.id


def _card(engine: Engine) -> dict[str, tuple[SmsDirection, SmsState]]:
    return {m.body: (m.direction, m.state) for m in messages_for_patient(engine, PATIENT)}


def test_a_message_queued_on_a_desk_is_sent_by_the_station_and_its_fate_reaches_the_desk(
    hospital: Hospital,
) -> None:
    sms_id = _queue_on_desk(hospital.desk, "饮食清淡")
    hospital.sync()
    # Pulled to the station, but not the station's to send until it claims it.
    assert _card(hospital.station) == {"饮食清淡": (SmsDirection.OUT, SmsState.QUEUED)}
    assert due_messages(hospital.station, NOW, 10) == []
    assert claim_for_station(hospital.station, hospital.station_login) == 1
    assert hospital.server_state(sms_id) == ("sending", 3)
    sender = hospital.sender()
    assert sender.send_due() == 1
    assert list(hospital.platform.taken) == [str(sms_id)]
    hospital.platform.report(str(sms_id), "DELIVERED")
    hospital.platform.reply("R-1", NUMBER, "好的，收到")
    sender.receive()
    hospital.sync()
    assert hospital.server_state(sms_id) == ("delivered", 3)
    pull_changes(hospital.desk, hospital.desk_login)  # the station's pushes came after it
    assert _card(hospital.desk) == {
        "饮食清淡": (SmsDirection.OUT, SmsState.DELIVERED),
        "好的，收到": (SmsDirection.IN, SmsState.RECEIVED),
    }
    # Nothing more to claim, and nothing sent twice.
    assert claim_for_station(hospital.station, hospital.station_login) == 0
    assert hospital.sender().send_due() == 0
    assert len(hospital.platform.sends()) == 1


def test_a_desk_with_its_own_gateway_sends_what_it_queued_and_the_station_leaves_it(
    hospital: Hospital,
) -> None:
    desk_sends(hospital.desk, 1)
    try:
        sms_id = _queue_on_desk(hospital.desk, "复诊提醒")
    finally:
        desk_sends(hospital.desk, None)
    hospital.sync()
    assert hospital.server_state(sms_id) == ("queued", 1)
    assert claim_for_station(hospital.station, hospital.station_login) == 0
    assert [m.id for m in due_messages(hospital.desk, NOW, 10)] == [sms_id]


def test_a_pulled_older_state_never_overwrites_a_newer_one(hospital: Hospital) -> None:
    sms_id = _queue_on_desk(hospital.desk, "饮食清淡")
    hospital.sync()
    claim_for_station(hospital.station, hospital.station_login)
    sender = hospital.sender()
    sender.send_due()
    hospital.platform.report(str(sms_id), "DELIVERED")
    sender.receive()
    hospital.sync()
    pull_changes(hospital.desk, hospital.desk_login)
    with hospital.server.begin() as connection:  # an older version, stamped after (owner)
        connection.execute(
            text("UPDATE sms_message SET state = 'sent' WHERE id = :i"), {"i": sms_id}
        )
    hospital.sync()
    assert _card(hospital.desk)["饮食清淡"][1] is SmsState.DELIVERED
    assert _card(hospital.station)["饮食清淡"][1] is SmsState.DELIVERED
    with hospital.server.begin() as connection:  # the station's own row: the station decides
        connection.execute(
            text("UPDATE sms_message SET state = 'failed' WHERE id = :i"), {"i": sms_id}
        )
    hospital.sync()
    assert _card(hospital.station)["饮食清淡"][1] is SmsState.DELIVERED
    assert _card(hospital.desk)["饮食清淡"][1] is SmsState.FAILED  # forward: taken


def test_a_station_that_died_after_the_servers_claim_gets_the_message_again_once(
    hospital: Hospital,
) -> None:
    sms_id = _queue_on_desk(hospital.desk, "饮食清淡")
    hospital.sync()
    with hospital.station_login.begin() as connection:  # claimed, then the desk died
        connection.execute(text("SELECT * FROM sms_claim_queued(10)")).all()
    assert hospital.server_state(sms_id) == ("sending", 3)
    assert claim_for_station(hospital.station, hospital.station_login) == 1
    assert claim_for_station(hospital.station, hospital.station_login) == 0
    assert hospital.sender().send_due() == 1
    assert claim_for_station(hospital.station, hospital.station_login) == 0
    assert hospital.sender().send_due() == 0
    assert len(hospital.platform.sends()) == 1


def test_a_change_of_a_message_is_announced_to_its_departments_a_new_one_to_every_desk(
    server: Engine,
) -> None:
    sms_id = uuid.uuid4()
    insert = (
        "INSERT INTO sms_message (id, task_id, patient_id, number_e164, body, state, created_at,"
        f" direction) VALUES ('{sms_id}', {TASK}, {PATIENT}, '{NUMBER}', '饮食清淡', 'queued',"
        " now(), 'out')"
    )
    # Queued with nobody to send it: the station, whatever its department, must hear of it.
    assert [parse_notice(p).departments for p in _payloads(server, insert)] == [None]  # type: ignore[union-attr]
    sent = f"UPDATE sms_message SET state = 'sent', sender_id = 4 WHERE id = '{sms_id}'"
    notices = [parse_notice(p) for p in _payloads(server, sent)]
    # Task 2's department (2) and the sender's (nurse4: department 1), nobody else.
    assert [(n.table, n.departments) for n in notices if n] == [("sms_message", frozenset({1, 2}))]


def test_the_station_setting_is_read_from_the_file_and_the_environment(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[sms]\nport = "/dev/ttyUSB2"\nsends_for_hospital = true\n', "utf-8")
    assert load_settings({"AGENT_APP_CONFIG": str(config)}).sms.sends_for_hospital is True
    environ = {"AGENT_APP_CONFIG": str(config), "AGENT_APP_SMS_SENDS_FOR_HOSPITAL": "false"}
    assert load_settings(environ).sms.sends_for_hospital is False
    config.write_text('[sms]\nsends_for_hospital = "maybe"\n', "utf-8")
    with pytest.raises(ConfigError):
        load_settings({"AGENT_APP_CONFIG": str(config)})
