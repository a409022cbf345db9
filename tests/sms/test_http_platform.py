"""The hospital SMS platform route, against a real HTTP server on 127.0.0.1 that checks the
signature with its own copy of the key: fields, signing, refusals, retries, a dropped line
after the platform took a message, delivery states, replies and unsubscribing."""

from __future__ import annotations

import dataclasses
import logging
import ssl
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import keyring
import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from agent_app.config import ConfigError, SmsHttpSettings, SmsRoute, SmsSettings, load_settings
from agent_app.credentials import KEYRING_SERVICE, sms_platform_key_entry
from agent_app.domain.enums import BlacklistKind, SmsState
from agent_app.domain.phone_numbers import normalize_number
from agent_app.sms.errors import SmsModemError
from agent_app.sms.http_platform import HttpPlatform
from agent_app.sms.sender import SmsSender
from agent_app.sms.worker import SmsWorker
from agent_app.store.engine import open_local_store
from agent_app.store.schema import AuditLog, Blacklist, SmsMessage
from tests.screenpop.known_hospital import WANG_MOBILE, KnownHospital, build_known_hospital
from tests.sms.fake_sms_platform import FakeSmsPlatform, free_port
from tests.sms.send_then_die import never_quiet
from tests.sms.store_rows import message_row, queue_message
from tests.sms.test_sender import LONG, OTHER, Clock
from tests.tls_certs import make_authority, make_server_certificate

WANG = normalize_number(WANG_MOBILE).e164
ACCOUNT = "suifang-01"
KEY = "k3y-0f-the-platform-9f8e7d6c5b4a39281706"


def platform_settings(url: str, **changes: object) -> SmsSettings:
    http = SmsHttpSettings(
        url=f"{url}/send", poll_url=f"{url}/poll", account=ACCOUNT, timeout=2.0, poll_seconds=0
    )
    http = dataclasses.replace(http, **changes)  # type: ignore[arg-type]
    return SmsSettings(route=SmsRoute.HTTP, http=http, retry_seconds=60.0)


@dataclass
class Desk:
    hospital: KnownHospital
    platform: FakeSmsPlatform
    clock: Clock = field(default_factory=Clock)

    @property
    def engine(self) -> Engine:
        return self.hospital.engine

    def sender(self, settings: SmsSettings | None = None) -> SmsSender:
        """A freshly started sender, as after a start of the desk."""
        settings = settings or platform_settings(self.platform.url)
        gateway = HttpPlatform(settings.http)
        gateway.open()
        staff = self.hospital.cardiology_nurse.id
        sender = SmsSender(self.engine, gateway, settings, staff, clock=self.clock)
        sender.start()
        return sender

    def queue(self, number: str, body: str) -> uuid.UUID:
        sms_id = queue_message(self.engine, number, body, self.clock())
        self.clock.advance(0.001)
        return sms_id

    def row(self, sms_id: uuid.UUID) -> SmsMessage:
        return message_row(self.engine, sms_id)


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[Desk]:
    keyring.set_password(KEYRING_SERVICE, sms_platform_key_entry(ACCOUNT), KEY)
    engine = open_local_store(tmp_path / "store.sqlite3")
    platform = FakeSmsPlatform(KEY.encode())
    yield Desk(build_known_hospital(engine), platform)
    platform.stop()
    engine.dispose()


def test_a_long_chinese_message_is_sent_once_with_its_fields_and_a_valid_signature(
    desk: Desk,
) -> None:
    sms_id = desk.queue(WANG, LONG)
    assert desk.sender().send_due() == 1
    (request,) = desk.platform.sends()
    assert request.signed
    assert request.json == {"account": ACCOUNT, "to": WANG, "text": LONG, "request_id": str(sms_id)}
    assert len(request.headers["X-Nonce"]) == 32
    assert abs(int(request.headers["X-Timestamp"]) - time.time()) < 60
    row = desk.row(sms_id)
    assert row.state is SmsState.SENT and row.attempts == 1 and row.error == ""
    with Session(desk.engine) as session:
        details = session.scalars(
            select(AuditLog.detail).where(AuditLog.object_id == str(sms_id))
        ).all()
    assert {"refs": [], "platform_id": "P000001"} in details


def test_field_and_header_names_follow_the_settings(desk: Desk) -> None:
    settings = platform_settings(
        desk.platform.url, field_number="mobile", field_text="content", field_key="out_id"
    )
    sms_id = desk.queue(WANG, "请明天复诊")
    desk.sender(settings).send_due()
    (request,) = desk.platform.sends()
    assert request.json == {
        "account": ACCOUNT, "mobile": WANG, "content": "请明天复诊", "out_id": str(sms_id)
    }  # fmt: skip


def test_a_wrong_signing_key_stops_sending_and_keeps_the_message_queued_untried(
    desk: Desk,
) -> None:
    keyring.set_password(KEYRING_SERVICE, sms_platform_key_entry(ACCOUNT), "not-the-key")
    first, second = desk.queue(WANG, "请明天复诊"), desk.queue(OTHER, "请后天复诊")
    sender = desk.sender()
    for _ in range(3):  # a key wrong for hours: round after round
        with pytest.raises(SmsModemError) as refused:
            sender.send_due()
        assert refused.value.code == "sms_platform_refuses_desk"
        assert refused.value.params == {"status": "401", "platform_code": "SIGNATURE_MISMATCH"}
    row = desk.row(first)
    assert (row.state, row.attempts) == (SmsState.QUEUED, 0)  # not failed, no try spent
    assert row.error == "sms_platform_refuses_desk"
    assert desk.platform.taken == {}
    assert desk.row(second).state is SmsState.QUEUED  # each round stopped at the refusal
    keyring.set_password(KEYRING_SERVICE, sms_platform_key_entry(ACCOUNT), KEY)
    assert desk.sender().send_due() == 2  # IT fixed the key: both go, once each


def test_a_refused_number_fails_that_message_and_the_next_one_goes(desk: Desk) -> None:
    desk.platform.status_next = 400
    first, second = desk.queue(WANG, "请明天复诊"), desk.queue(OTHER, "请后天复诊")
    assert desk.sender().send_due() == 1
    assert desk.row(first).state is SmsState.FAILED
    assert desk.row(first).error == "sms_platform_refused:BAD_NUMBER"
    assert desk.row(second).state is SmsState.SENT


@pytest.mark.parametrize("status", [503, 429])
def test_a_busy_platform_keeps_the_message_for_later(desk: Desk, status: int) -> None:
    desk.platform.status_next = status
    sms_id = desk.queue(WANG, "请明天复诊")
    sender = desk.sender()
    with pytest.raises(SmsModemError):
        sender.send_due()
    row = desk.row(sms_id)
    assert row.state is SmsState.QUEUED and row.error == "sms_platform_busy"
    desk.clock.advance(61)
    assert sender.send_due() == 1
    assert desk.row(sms_id).state is SmsState.SENT
    assert len(desk.platform.taken) == 1


def test_a_platform_that_is_down_gets_the_message_once_it_is_back(desk: Desk) -> None:
    port = free_port()
    settings = platform_settings(f"http://127.0.0.1:{port}", poll_url="")
    first, second = desk.queue(WANG, "请明天复诊"), desk.queue(OTHER, "请后天复诊")
    sender = desk.sender(settings)
    with pytest.raises(SmsModemError) as down:
        sender.send_due()
    assert down.value.code == "sms_platform_unreachable"
    row = desk.row(first)
    assert row.state is SmsState.QUEUED and row.error == "sms_platform_unreachable"
    assert row.next_try_at is not None
    assert desk.row(second).attempts == 0  # the round stopped: one try spent, not two
    platform = FakeSmsPlatform(KEY.encode(), port=port)
    try:
        desk.clock.advance(61)
        assert sender.send_due() == 2
        assert sorted(platform.taken) == sorted([str(first), str(second)])
        assert len(platform.sends()) == 2
    finally:
        platform.stop()


@pytest.mark.parametrize("how", ["dropped", "timed out"])
def test_a_line_lost_after_the_platform_took_the_message_is_unknown_and_never_resent(
    desk: Desk, how: str
) -> None:
    settings = platform_settings(desk.platform.url, timeout=0.5)
    if how == "dropped":
        desk.platform.drop_next = True
    else:  # the platform answers later than the desk waits
        desk.platform.slow_next = 1.5
    sms_id = desk.queue(WANG, LONG)
    desk.sender(settings).send_due()
    row = desk.row(sms_id)
    assert row.state is SmsState.UNKNOWN and row.error == "sms_platform_no_answer"
    assert list(desk.platform.taken) == [str(sms_id)]
    desk.clock.advance(86_400)
    restarted = desk.sender()  # the desk started again
    assert restarted.send_due() == 0
    assert desk.row(sms_id).state is SmsState.UNKNOWN
    assert len(desk.platform.sends()) == 1


def test_delivery_states_and_a_reply_of_tuiding_blacklist_the_number_at_once(desk: Desk) -> None:
    sms_id = desk.queue(WANG, "请明天复诊")
    sender = desk.sender()
    sender.send_due()
    desk.platform.report(str(sms_id), "DELIVERED")
    desk.platform.reply("R-1", WANG_MOBILE, "退订")  # as the platform writes it
    sender.receive()
    row = desk.row(sms_id)
    assert row.state is SmsState.DELIVERED
    assert row.delivered_at is not None and row.delivered_at.minute == 5
    (reply,) = sender.received
    assert reply.unsubscribed and reply.patient_id == desk.hospital.wang
    with Session(desk.engine) as session:
        listed = session.scalars(select(Blacklist).where(Blacklist.number_e164 == WANG)).one()
        assert listed.kind is BlacklistKind.SMS
    later = desk.queue(WANG, "复诊提醒")
    assert sender.send_due() == 0
    assert desk.row(later).state is SmsState.BLOCKED
    sender.receive()  # a later pull acknowledges both, once
    acked = [key for pull in desk.platform.acks for key in pull]
    assert sorted(acked) == sorted([str(sms_id), "R-1"])
    assert desk.platform.reports == {} and desk.platform.replies == {}


def test_a_reply_handed_out_again_after_a_restart_is_stored_once(desk: Desk) -> None:
    desk.platform.reply("R-7", WANG, "好的，我明天去")
    first = desk.sender()  # takes it in at start, stops before acknowledging it
    assert len(first.received) == 1
    second = desk.sender()
    assert second.received == []
    with Session(desk.engine) as session:
        replies = session.scalars(select(SmsMessage).where(SmsMessage.body == "好的，我明天去"))
        assert len(replies.all()) == 1


def test_a_failed_delivery_state_marks_the_message_not_delivered(desk: Desk) -> None:
    sms_id = desk.queue(WANG, "请明天复诊")
    sender = desk.sender()
    sender.send_due()
    desk.platform.report(str(sms_id), "undelivered")
    sender.receive()
    row = desk.row(sms_id)
    assert row.state is SmsState.FAILED and row.error == "sms_not_delivered"


def test_https_is_verified_against_the_system_or_the_named_authority(
    tmp_path: Path, desk: Desk
) -> None:
    authority = make_authority()
    cert, key = make_server_certificate(authority)
    (tmp_path / "server.crt").write_bytes(cert)
    (tmp_path / "server.key").write_bytes(key)
    (tmp_path / "ca.crt").write_bytes(authority.cert_pem)
    context = ssl_server_context(tmp_path)
    platform = FakeSmsPlatform(KEY.encode(), tls=context)
    try:
        sms_id = desk.queue(WANG, "请明天复诊")
        untrusted = platform_settings(platform.url, poll_url="")
        with pytest.raises(SmsModemError) as refused:
            desk.sender(untrusted).send_due()
        assert refused.value.code == "sms_platform_unreachable"
        assert platform.taken == {}
        desk.clock.advance(61)
        trusted = platform_settings(platform.url, poll_url="", ca_file=str(tmp_path / "ca.crt"))
        assert desk.sender(trusted).send_due() == 1
        assert list(platform.taken) == [str(sms_id)]
    finally:
        platform.stop()


def ssl_server_context(folder: Path) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(folder / "server.crt", folder / "server.key")
    return context


def test_the_signing_key_is_in_the_keyring_not_in_the_settings_nor_the_logs(
    tmp_path: Path, desk: Desk, caplog: pytest.LogCaptureFixture
) -> None:
    config = tmp_path / "config.toml"
    config.write_text(
        '[sms]\nroute = "http"\n[sms.http]\n'
        f'url = "{desk.platform.url}/send"\npoll_url = "{desk.platform.url}/poll"\n'
        f'account = "{ACCOUNT}"\nfield_number = "to"\n',
        encoding="utf-8",
    )
    settings = load_settings({"AGENT_APP_CONFIG": str(config)}).sms
    assert settings.route is SmsRoute.HTTP and settings.http.account == ACCOUNT
    assert KEY not in config.read_text(encoding="utf-8") and KEY not in repr(settings)
    with open(config, "a", encoding="utf-8") as extra:
        extra.write(f'signing_key = "{KEY}"\n')
    with pytest.raises(ConfigError) as refused:
        load_settings({"AGENT_APP_CONFIG": str(config)})
    assert refused.value.code == "config_unknown_setting"
    caplog.set_level(logging.DEBUG)
    sms_id = desk.queue(WANG, "请明天复诊")
    sender = desk.sender(dataclasses.replace(settings, http=dataclasses.replace(
        settings.http, poll_seconds=0
    )))  # fmt: skip
    sender.send_due()
    desk.platform.report(str(sms_id), "delivered")
    sender.receive()
    keyring.set_password(KEYRING_SERVICE, sms_platform_key_entry(ACCOUNT), KEY + "x")
    desk.queue(OTHER, "请后天复诊")
    with pytest.raises(SmsModemError):
        desk.sender(settings).send_due()
    assert desk.row(sms_id).state is SmsState.DELIVERED
    assert caplog.records  # the run was logged, and none of it names the key
    assert KEY not in caplog.text and WANG_MOBILE not in caplog.text


def test_without_a_key_in_the_keyring_nothing_is_sent(desk: Desk) -> None:
    keyring.delete_password(KEYRING_SERVICE, sms_platform_key_entry(ACCOUNT))
    gateway = HttpPlatform(platform_settings(desk.platform.url).http)
    with pytest.raises(SmsModemError) as missing:
        gateway.open()
    assert missing.value.code == "sms_platform_no_key"
    assert missing.value.params == {"entry": f"sms-platform:{ACCOUNT}"}


def test_the_worker_sends_through_the_platform_when_the_route_is_http(desk: Desk) -> None:
    states: list[str] = []
    settings = platform_settings(desk.platform.url)
    worker = SmsWorker(
        desk.engine, settings, desk.hospital.cardiology_nurse.id,
        poll_seconds=0.05, on_state=states.append, quiet=never_quiet,
    )  # fmt: skip
    sms_id = desk.queue(WANG, "请明天复诊")
    worker.start()
    try:
        deadline = time.monotonic() + 10
        while desk.row(sms_id).state is not SmsState.SENT:
            assert time.monotonic() < deadline, "timed out"
            time.sleep(0.05)
        desk.platform.report(str(sms_id), "delivered")
        while desk.row(sms_id).state is not SmsState.DELIVERED:
            assert time.monotonic() < deadline, "timed out"
            time.sleep(0.05)
    finally:
        worker.stop()
    assert states[:2] == ["opening", "ready"] and "lost" not in states
    assert settings.enabled and not SmsSettings(route=SmsRoute.HTTP).enabled
