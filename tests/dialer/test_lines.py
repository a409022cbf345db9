"""The settings pick the line: simulated, SIP headset or phone-line box, with plain errors."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from agent_app.config import LineKind, ModemSettings, Profile, Settings, SipSettings
from agent_app.credentials import remember_password, sip_account_key
from agent_app.dialer.errors import LineUnavailableError
from agent_app.dialer.fake import FakePhone
from agent_app.dialer.lines import open_phone
from agent_app.dialer.modem import ModemPhone
from agent_app.dialer.sip import SipPhone
from tests.dialer.fake_modem import FakeModem


def _settings(tmp_path: Path, line: LineKind, **sections: object) -> Settings:
    base = Settings(profile=Profile.SITE, data_dir=tmp_path, line=line)
    return dataclasses.replace(base, **sections)  # type: ignore[arg-type]


def test_demo_profile_always_gets_the_simulated_line(tmp_path: Path) -> None:
    settings = dataclasses.replace(_settings(tmp_path, LineKind.SIP), profile=Profile.DEMO)
    phone = open_phone(settings)
    assert isinstance(phone, FakePhone)
    phone.close()


def test_sip_without_a_user_says_what_to_set(tmp_path: Path) -> None:
    with pytest.raises(LineUnavailableError, match=r"user \(extension\) under \[sip\]"):
        open_phone(_settings(tmp_path, LineKind.SIP))


def test_sip_registrar_without_a_stored_password_names_the_keyring_entry(tmp_path: Path) -> None:
    sip = SipSettings(registrar="pbx.example.org", user="8012")
    with pytest.raises(LineUnavailableError) as caught:
        open_phone(_settings(tmp_path, LineKind.SIP, sip=sip))
    assert "sip:8012@pbx.example.org" in str(caught.value)
    assert "keyring set agent-app" in str(caught.value)


def test_sip_registrar_password_comes_from_the_keyring(tmp_path: Path) -> None:
    sip = SipSettings(registrar="127.0.0.1:9", user="8012", bound_address="127.0.0.1")
    assert remember_password(sip_account_key("8012", "127.0.0.1:9"), "s3cret")
    phone = open_phone(_settings(tmp_path, LineKind.SIP, sip=sip))
    try:
        assert isinstance(phone, SipPhone)
        assert phone.config.registrar == "sip:127.0.0.1:9"
        assert phone.config.display_name == ""
        assert phone.local_port > 0
    finally:
        phone.close()


def test_direct_sip_line_needs_no_password(tmp_path: Path) -> None:
    sip = SipSettings(user="agent", bound_address="127.0.0.1", no_answer_timeout=12.5)
    phone = open_phone(_settings(tmp_path, LineKind.SIP, sip=sip))
    try:
        assert isinstance(phone, SipPhone)
        assert phone.config.no_answer_timeout == 12.5
    finally:
        phone.close()


def test_modem_without_a_port_says_what_to_set(tmp_path: Path) -> None:
    with pytest.raises(LineUnavailableError, match=r"\[modem\]"):
        open_phone(_settings(tmp_path, LineKind.MODEM))


def test_modem_port_opens_the_phone_line_box_with_extra_init(tmp_path: Path) -> None:
    modem = FakeModem(tmp_path / "ttyModem")
    try:
        settings = _settings(
            tmp_path, LineKind.MODEM, modem=ModemSettings(port=str(modem.link), init="ATM0; ATL1")
        )
        phone = open_phone(settings)
        try:
            assert isinstance(phone, ModemPhone)
            assert {"ATM0", "ATL1"} <= set(modem.commands)
        finally:
            phone.close()
    finally:
        modem.stop()


def test_missing_modem_device_is_a_plain_error(tmp_path: Path) -> None:
    settings = _settings(
        tmp_path, LineKind.MODEM, modem=ModemSettings(port=str(tmp_path / "ttyGone"))
    )
    with pytest.raises(LineUnavailableError):
        open_phone(settings)
