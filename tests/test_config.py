"""Settings: file plus environment, typed, and plain-sentence errors for bad input."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from agent_app.config import (
    ConfigError,
    LineKind,
    Profile,
    SslMode,
    default_config_path,
    ensure_data_dir,
    load_settings,
)
from agent_app.dialer.fake import FakePhone
from agent_app.dialer.lines import open_phone
from agent_app.dialer.sip_config import SipLineConfig
from agent_app.domain.enums import CallWaiting


def test_missing_default_file_means_defaults() -> None:
    assert not default_config_path().exists()
    settings = load_settings()
    assert settings.profile is Profile.SITE
    assert settings.line is LineKind.FAKE
    assert not settings.server.configured


def test_file_values_are_typed_and_environment_overrides_them(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        'line = "sip"\nregion = "CN"\n[server]\nhost = "db.hospital.local"\nport = 6432\n'
        '[sip]\nregistrar = "pbx.hospital.local"\nuser = "1001"\n[modem]\nport = "/dev/ttyACM0"\n',
        "utf-8",
    )
    env = {
        "AGENT_APP_CONFIG": str(path),
        "AGENT_APP_SERVER_PORT": "5433",
        "AGENT_APP_MODEM_PORT": "COM3",
        "AGENT_APP_SIP_NO_ANSWER_TIMEOUT": "45.5",
    }
    settings = load_settings(env)
    assert settings.line is LineKind.SIP
    assert settings.server.host == "db.hospital.local" and settings.server.port == 5433
    assert settings.sip.registrar == "pbx.hospital.local"
    assert settings.modem.port == "COM3"
    assert settings.sip.no_answer_timeout == 45.5


def test_sign_in_lockout_has_safe_defaults_and_can_be_set(tmp_path: Path) -> None:
    defaults = load_settings().sign_in
    assert (defaults.max_failures, defaults.lockout_minutes) == (5, 15)
    assert defaults.first_delay_seconds == 1.0
    path = tmp_path / "config.toml"
    path.write_text("[sign_in]\nmax_failures = 3\nlockout_minutes = 30\n", "utf-8")
    env = {"AGENT_APP_CONFIG": str(path), "AGENT_APP_SIGN_IN_FIRST_DELAY_SECONDS": "2"}
    settings = load_settings(env).sign_in
    assert (settings.max_failures, settings.lockout_minutes) == (3, 30)
    assert settings.first_delay_seconds == 2.0


def test_demo_flag_selects_the_demo_store(tmp_path: Path) -> None:
    settings = load_settings({"AGENT_APP_DATA_DIR": str(tmp_path)}, demo=True)
    assert settings.profile is Profile.DEMO
    assert settings.store_path == tmp_path / "demo.sqlite3"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("line = \n", "is not valid TOML"),
        ('line = "fax"\n', "'fax' is not one of: fake, sip, modem"),
        ('[server]\nport = "fifty"\n', "'fifty' is not a valid int"),
        ('[sip]\nno_answer_timeout = "soon"\n', "'soon' is not a valid float"),
        ('colour = "blue"\n', "the setting 'colour' is not known"),
        ('[server]\npassword = "secret"\n', "the setting 'password' is not known"),
        (b"\xff\xfe line".decode("latin-1"), "not valid TOML"),
        ("[sign_in]\nmax_failures = 0\n", "[sign_in] needs max_failures of at least 1"),
    ],
)
def test_bad_settings_file_gives_one_sentence(tmp_path: Path, content: str, expected: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(content, "utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings({"AGENT_APP_CONFIG": str(path)})
    message = str(caught.value)
    assert expected in message and str(path) in message
    assert message.endswith(".") and "\n" not in message


def test_named_settings_file_that_does_not_exist_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        load_settings({"AGENT_APP_CONFIG": str(tmp_path / "nope.toml")})


def test_bad_environment_value_names_the_variable() -> None:
    with pytest.raises(ConfigError, match="AGENT_APP_SERVER_PORT"):
        load_settings({"AGENT_APP_SERVER_PORT": "many"})


def test_data_dir_that_is_a_file_is_reported(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("not a folder", "utf-8")
    settings = load_settings({"AGENT_APP_DATA_DIR": str(blocker / "agent-app")})
    with pytest.raises(ConfigError, match="Cannot write to the data folder") as caught:
        ensure_data_dir(settings)
    assert "\n" not in str(caught.value)
    assert blocker.read_text("utf-8") == "not a folder"


def test_the_server_connection_is_verified_tls_by_default() -> None:
    server = load_settings({"AGENT_APP_SERVER_HOST": "db.hospital.local"}).server
    assert server.sslmode is SslMode.VERIFY_FULL
    assert not server.allow_weak_tls and not server.unverified


WEAK_MODES = ["disable", "allow", "prefer", "require", "verify-ca"]


@pytest.mark.parametrize("mode", WEAK_MODES)
def test_a_weak_sslmode_without_the_opt_in_is_refused_in_one_sentence(
    tmp_path: Path, mode: str
) -> None:
    path = tmp_path / "config.toml"
    path.write_text(f'[server]\nhost = "db.hospital.local"\nsslmode = "{mode}"\n', "utf-8")
    for env in ({"AGENT_APP_CONFIG": str(path)}, {"AGENT_APP_SERVER_SSLMODE": mode}):
        with pytest.raises(ConfigError) as caught:
            load_settings(env)
        message = str(caught.value)
        assert f"sslmode '{mode}' does not verify the central database" in message
        assert "allow_weak_tls = true" in message
        assert message.endswith(".") and "\n" not in message


@pytest.mark.parametrize("mode", WEAK_MODES)
def test_a_weak_sslmode_is_accepted_with_the_opt_in_and_marked_unverified(
    tmp_path: Path, mode: str
) -> None:
    path = tmp_path / "config.toml"
    path.write_text(f'[server]\nsslmode = "{mode}"\nallow_weak_tls = true\n', "utf-8")
    server = load_settings({"AGENT_APP_CONFIG": str(path)}).server
    assert server.sslmode == mode and server.unverified
    env = {"AGENT_APP_SERVER_SSLMODE": mode, "AGENT_APP_SERVER_ALLOW_WEAK_TLS": "1"}
    assert load_settings(env).server.unverified


def test_the_ca_file_comes_from_the_file_or_the_environment_and_must_exist(
    tmp_path: Path,
) -> None:
    ca = tmp_path / "hospital-ca.pem"
    ca.write_text("-----BEGIN CERTIFICATE-----\n", "utf-8")
    path = tmp_path / "config.toml"
    path.write_text(f"[server]\nca_file = '{ca}'\n", "utf-8")
    assert load_settings({"AGENT_APP_CONFIG": str(path)}).server.ca_file == str(ca)
    assert load_settings({"AGENT_APP_SERVER_CA_FILE": str(ca)}).server.ca_file == str(ca)
    with pytest.raises(ConfigError, match=r"ca_file .*missing\.pem is not a file"):
        load_settings({"AGENT_APP_SERVER_CA_FILE": str(tmp_path / "missing.pem")})


def test_sslmode_must_be_one_libpq_knows(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="'verify' is not one of: disable, allow, prefer"):
        load_settings({"AGENT_APP_SERVER_SSLMODE": "verify"})


def test_backups_go_beside_the_store_unless_a_folder_is_set(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(f'data_dir = "{tmp_path / "data"}"\n[backup]\nkeep = 5\n', "utf-8")
    settings = load_settings({"AGENT_APP_CONFIG": str(path)})
    assert settings.backup_dir == tmp_path / "data" / "backups"
    assert (settings.backup.keep, settings.backup.every_hours) == (5, 24.0)
    moved = load_settings(
        {"AGENT_APP_CONFIG": str(path), "AGENT_APP_BACKUP_DIR": str(tmp_path / "elsewhere")}
    )
    assert moved.backup_dir == tmp_path / "elsewhere"


def test_calling_settings_default_to_a_working_demo_and_open_the_lines_with_them(
    tmp_path: Path,
) -> None:
    settings = load_settings()
    assert (settings.extension_pattern, settings.inbound_ring_timeout) == ("", 45.0)
    assert settings.sip.max_calls == 3
    path = tmp_path / "config.toml"
    path.write_text(
        'extension_pattern = "8[0-9]{3}"\ninbound_ring_timeout = 30\n[sip]\nmax_calls = 2\n',
        "utf-8",
    )
    settings = load_settings({"AGENT_APP_CONFIG": str(path)})
    assert (settings.extension_pattern, settings.inbound_ring_timeout) == ("8[0-9]{3}", 30.0)
    phone = open_phone(dataclasses.replace(settings, data_dir=tmp_path))
    assert isinstance(phone, FakePhone) and phone.missed_after == 30.0
    assert SipLineConfig.from_settings(settings.sip, 30.0).max_calls == 2


def test_call_waiting_is_busy_unless_set_to_wait(tmp_path: Path) -> None:
    assert load_settings().phone.call_waiting is CallWaiting.BUSY
    path = tmp_path / "config.toml"
    path.write_text('[phone]\ncall_waiting = "wait"\n', "utf-8")
    assert load_settings({"AGENT_APP_CONFIG": str(path)}).phone.call_waiting is CallWaiting.WAIT
    env = {"AGENT_APP_CONFIG": str(path), "AGENT_APP_PHONE_CALL_WAITING": "busy"}
    assert load_settings(env).phone.call_waiting is CallWaiting.BUSY


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('[phone]\ncall_waiting = "queue"\n', "'queue' is not one of: busy, wait"),
        ('extension_pattern = "8[0-9"\n', "is not a valid regular expression"),
        ("inbound_ring_timeout = 0\n", "inbound_ring_timeout must be above 0 seconds"),
        ("[sip]\nmax_calls = 4\n", "[sip] max_calls must be between 1 and 3"),
    ],
)
def test_calling_settings_that_would_break_calls_are_refused(
    tmp_path: Path, content: str, expected: str
) -> None:
    path = tmp_path / "config.toml"
    path.write_text(content, "utf-8")
    with pytest.raises(ConfigError, match=re.escape(expected)):
        load_settings({"AGENT_APP_CONFIG": str(path)})


def test_server_host_may_list_a_primary_and_its_standbys(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        '[server]\nhost = "db1.hospital.local, db2.hospital.local:5433, [fd00::7]:6432"\n'
        "port = 5434\n",
        "utf-8",
    )
    server = load_settings({"AGENT_APP_CONFIG": str(path)}).server
    assert server.endpoints == (
        ("db1.hospital.local", 5434),
        ("db2.hospital.local", 5433),
        ("fd00::7", 6432),
    )
    one = load_settings({"AGENT_APP_SERVER_HOST": "db.hospital.local"}).server
    assert one.endpoints == (("db.hospital.local", 5432),)


@pytest.mark.parametrize("host", ["db1,", "db1,db2:port", "db1:70000"])
def test_a_server_host_list_with_a_broken_entry_is_refused(host: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings({"AGENT_APP_SERVER_HOST": host})
    assert caught.value.code == "config_bad_value"
    assert "[server] host" in str(caught.value)


def test_the_headset_setting_takes_auto_none_ids_and_paths(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[headset]\ndevice = "0b0e:24c8"\n', "utf-8")
    settings = load_settings({"AGENT_APP_CONFIG": str(config)})
    assert settings.headset.device == "0b0e:24c8"
    assert (
        load_settings(
            {"AGENT_APP_CONFIG": str(config), "AGENT_APP_HEADSET_DEVICE": "none"}
        ).headset.device
        == "none"
    )
    config.write_text('[headset]\ndevice = "my jabra"\n', "utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings({"AGENT_APP_CONFIG": str(config)})
    assert caught.value.code == "config_bad_headset"
    assert caught.value.params["value"] == "my jabra"
