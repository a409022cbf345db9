"""Typed settings for the desktop, read from a TOML file and overridden by environment variables.

The file lives at ``$AGENT_APP_CONFIG`` or, when that is unset, at the platform's config folder
(``~/.config/agent-app/config.toml`` on Linux, ``%APPDATA%\\agent-app\\config.toml`` on Windows).
A missing default file means "all defaults"; a file named explicitly must exist.

Every field can be set from the environment as ``AGENT_APP_<FIELD>`` for top-level fields and
``AGENT_APP_<SECTION>_<FIELD>`` for fields of a section, e.g. ``AGENT_APP_SIP_REGISTRAR``.
Passwords are never read from here: they live in the OS keyring.
"""

from __future__ import annotations

import dataclasses
import enum
import os
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, TypeVar

from agent_app import APP_NAME
from agent_app.domain.coded_error import CodedError
from agent_app.domain.enums import CallWaiting
from agent_app.domain.hospital_zone import HOSPITAL_ZONE

ENV_PREFIX = "AGENT_APP_"


class ConfigError(CodedError):
    """The settings cannot be used: a code and its parameters, which ui/ says in the desk's
    language; ``str()`` is the English sentence, for logs and the terminal."""

    ENGLISH: ClassVar[dict[str, str]] = {
        "config_weak_tls": "The [server] sslmode '{sslmode}' does not verify the central "
        "database, so it needs allow_weak_tls = true in [server] as well; use 'verify-full' "
        "with ca_file instead.",
        "config_no_ca_file": "The [server] ca_file {path} is not a file.",
        "config_file_missing": "The settings file {path} named by {variable} does not exist.",
        "config_bad_sign_in": "In {path}, [sign_in] needs max_failures of at least 1, "
        "lockout_minutes above 0 and first_delay_seconds of 0 or more.",
        "config_not_toml": "The settings file {path} is not valid TOML: {detail}.",
        "config_not_utf8": "The settings file {path} is not UTF-8 text.",
        "config_unreadable": "The settings file {path} cannot be read: {detail}.",
        "config_not_table": "In {where}, [{section}] must be a table of settings.",
        "config_unknown_setting": "In {where}, the setting '{name}' is not known.",
        "config_password": "In {where}, passwords do not belong in settings; use the keyring.",
        "config_not_one_of": "In {where}, '{value}' is not one of: {allowed}.",
        "config_bad_value": "In {where}, '{value}' is not a valid {kind}.",
        "config_bad_type": "In {where}, the value has an unsupported type.",
        "config_data_dir": "Cannot write to the data folder {folder}: {detail}.",
        "config_bad_extension_pattern": "In {path}, extension_pattern '{pattern}' is not a "
        "valid regular expression ({detail}).",
        "config_bad_ring_timeout": "In {path}, inbound_ring_timeout must be above 0 seconds.",
        "config_bad_max_calls": "In {path}, [sip] max_calls must be between 1 and 3.",
        "config_bad_headset": "In {path}, [headset] device '{value}' names no headset: use "
        "auto, none, vendor:product in hex (0b0e:24c8) or a device path.",
    }


class Profile(enum.StrEnum):
    DEMO = "demo"
    SITE = "site"


class LineKind(enum.StrEnum):
    """Which phone line the agent's desktop drives."""

    FAKE = "fake"
    SIP = "sip"
    MODEM = "modem"


class SslMode(enum.StrEnum):
    """libpq's sslmode; only ``verify-full`` proves the desk talks to the hospital's server."""

    DISABLE = "disable"
    ALLOW = "allow"
    PREFER = "prefer"
    REQUIRE = "require"
    VERIFY_CA = "verify-ca"
    VERIFY_FULL = "verify-full"


def server_endpoints(hosts: str, default_port: int) -> tuple[tuple[str, int], ...]:
    """The (host, port) pairs of a ``[server] host`` value: one host, or several separated by
    commas as libpq takes them (a primary and its standbys), each ``name``, ``name:port`` or
    ``[IPv6]:port``; an entry without a port uses ``default_port``. Raises ConfigError."""
    found: list[tuple[str, int]] = []
    for entry in (part.strip() for part in hosts.split(",")):
        name, port = entry, str(default_port)
        if entry.startswith("["):
            name, _, rest = entry[1:].partition("]")
            port = rest.removeprefix(":") if rest.startswith(":") else (rest or port)
        elif entry.count(":") == 1:
            name, port = entry.split(":")
        if not name or not port.isdigit() or not 0 < int(port) < 65536:
            raise ConfigError(
                "config_bad_value", where="[server] host", value=entry, kind="host or host:port"
            )
        found.append((name, int(port)))
    return tuple(found)


@dataclass(frozen=True)
class ServerSettings:
    """The hospital's central PostgreSQL. Empty host means "work offline only".

    ``host`` may list several servers, ``"db1.hospital,db2.hospital:5433"``: a primary and its
    hot standbys. The desk connects to whichever of them takes writes (libpq's
    ``target_session_attrs=read-write``), so after a failover it finds the promoted standby.

    The connection is encrypted and the server's certificate checked against ``ca_file`` (empty:
    the operating system's trusted authorities) and its host name. Anything weaker would let the
    desk send patient data in the clear, or to whoever answers, so it must be asked for in
    words: ``allow_weak_tls = true``.
    """

    host: str = ""
    port: int = 5432
    database: str = "followup"
    sslmode: SslMode = SslMode.VERIFY_FULL
    ca_file: str = ""
    allow_weak_tls: bool = False

    def __post_init__(self) -> None:
        if self.unverified and not self.allow_weak_tls:
            raise ConfigError("config_weak_tls", sslmode=self.sslmode)
        if self.ca_file and not Path(self.ca_file).expanduser().is_file():
            raise ConfigError("config_no_ca_file", path=self.ca_file)
        if self.host:
            server_endpoints(self.host, self.port)

    @property
    def endpoints(self) -> tuple[tuple[str, int], ...]:
        """Every (host, port) the desk may reach the central database at, in order."""
        return server_endpoints(self.host, self.port) if self.host else ()

    @property
    def configured(self) -> bool:
        return bool(self.host)

    @property
    def unverified(self) -> bool:
        """True when the connection may be unencrypted or reach a server that is not proven."""
        return SslMode(self.sslmode) is not SslMode.VERIFY_FULL


@dataclass(frozen=True)
class SipSettings:
    registrar: str = ""
    user: str = ""
    domain: str = ""
    transport: str = "udp"
    bound_address: str = ""
    port: int = 0
    display_name: str = ""
    no_answer_timeout: float = 60.0  # seconds before an unanswered outgoing call is cancelled
    # Calls this line holds at once (ringing ones too); one more caller hears busy and the
    # status bar says so. At most 3: the SIP library has 4 slots in all, and one stays free so
    # that the extra caller is refused where the desk sees it.
    max_calls: int = 3


@dataclass(frozen=True)
class ModemSettings:
    port: str = ""
    baudrate: int = 115200
    init: str = ""  # extra AT commands after the standard ones, separated by ";"
    # Hook-flash transfer through the PBX: the dial modifiers that flash the hook ("!" on
    # Hayes modems, "!W" to wait for the PBX's dial tone after it); empty = no transfer.
    flash: str = ""
    # What the modem dials to transfer, with {flash} and {target}: "{flash}{target}", or
    # e.g. "{flash}*2{target}" where the PBX wants a transfer code after the flash.
    transfer_dial: str = "{flash}{target}"


@dataclass(frozen=True)
class PhoneSettings:
    """What the desk does with calls on any line (``[phone]``)."""

    # A second inbound call while the agent is on one: "busy" turns it away (486) and keeps it
    # as a missed call; "wait" lets it ring and pop, and the agent may hold the first call and
    # answer it. A line that cannot hold (the serial phone-line box) always turns it away.
    call_waiting: CallWaiting = CallWaiting.BUSY


class BlacklistAction(enum.StrEnum):
    """What an inbound call from a blacklisted number does."""

    WARN = "warn"  # pop the card with a warning; the agent decides
    REJECT = "reject"  # refuse the call at once; it is still logged


class PopPlacement(enum.StrEnum):
    WINDOW = "window"  # a window of its own, raised on top
    DOCK = "dock"  # a panel docked in the main window


@dataclass(frozen=True)
class ScreenPopSettings:
    blacklist: BlacklistAction = BlacklistAction.WARN
    placement: PopPlacement = PopPlacement.WINDOW


@dataclass(frozen=True)
class SyncSettings:
    interval_seconds: float = 30.0  # between sync cycles; keep well under the lease time
    lease_seconds: int = 900  # how long a claimed follow-up stays this desk's without a heartbeat
    recording_retention_days: int = 30  # local copies of verified uploads are kept this long


@dataclass(frozen=True)
class SignInSettings:
    """How the desk slows down and stops password guessing, per account (``[sign_in]``).

    After each wrong password the next attempt waits ``first_delay_seconds``, doubling with
    every further failure; after ``max_failures`` failures in a row the account is locked for
    ``lockout_minutes`` (and again after every further failure) until a correct password."""

    max_failures: int = 5
    lockout_minutes: float = 15
    first_delay_seconds: float = 1.0

    @property
    def sensible(self) -> bool:
        return self.max_failures >= 1 and self.lockout_minutes > 0 and self.first_delay_seconds >= 0


@dataclass(frozen=True)
class BackupSettings:
    """Automatic local backups of the store (taken at start when the last one is too old)."""

    dir: str = ""  # empty: <data_dir>/backups; keep it on this PC's disk, not a share
    keep: int = 3  # newest backups kept; each is as large as the store (2.6 GB at 1M patients)
    every_hours: float = 24.0  # a start takes a backup when the newest is older than this


@dataclass(frozen=True)
class SelfTestSettings:
    """The pre-shift self-test (``[selftest]``)."""

    # A number on the exchange that answers and plays back what it hears (many PBXs offer
    # one, e.g. Asterisk's Echo() application); empty: no echo call is made.
    echo_number: str = ""
    # How long the line check waits for the SIP account to register.
    register_seconds: float = 10.0


class SmsRoute(enum.StrEnum):
    """How the desk's text messages leave."""

    MODEM = "modem"  # a GSM/4G USB modem at [sms] port
    HTTP = "http"  # the hospital's SMS platform at [sms.http] url


@dataclass(frozen=True)
class SmsHttpSettings:
    """The hospital's SMS platform over HTTP (``[sms.http]``); see agent_app/sms/http_platform.

    The signing key is never here: it lives in the OS keyring under ``sms-platform:<account>``.
    The field and header names follow the platform's own documentation."""

    url: str = ""  # where a message is POSTed (https://sms.hospital.local/api/send)
    poll_url: str = ""  # where delivery states and replies are pulled; empty: none are
    account: str = ""  # the desk's account at the platform (also names the keyring entry)
    timeout: float = 10.0  # seconds for connecting and for the answer
    poll_seconds: float = 30.0  # how often delivery states and replies are pulled
    ca_file: str = ""  # the hospital's own CA for the platform's certificate; empty: system's
    field_account: str = "account"
    field_number: str = "to"
    field_text: str = "text"
    field_key: str = "request_id"  # the idempotency key: the message's id
    field_id: str = "id"  # the platform's id for the message, in its answer
    field_error: str = "code"  # the platform's error code, in a refusal
    header_timestamp: str = "X-Timestamp"  # seconds since 1970, UTC
    header_nonce: str = "X-Nonce"
    header_signature: str = "X-Signature"


@dataclass(frozen=True)
class SmsSettings:
    """Text messages through a GSM/4G USB modem or the hospital's SMS platform (``[sms]``)."""

    route: SmsRoute = SmsRoute.MODEM
    port: str = ""  # the modem's serial port (COM5, /dev/ttyUSB2); empty: none are sent
    baudrate: int = 115200
    per_minute: int = 6  # messages handed to the modem per minute, at most
    max_attempts: int = 5  # tries before a message the modem keeps refusing is failed
    retry_seconds: float = 60.0  # the first wait after a refusal; doubles with each try
    zone: str = HOSPITAL_ZONE  # the patients' clock, for quiet hours
    # The hospital's SMS station: this desk also sends what desks without a gateway queued
    # (claimed on the server; its login needs the server's SMS-station right).
    sends_for_hospital: bool = False
    http: SmsHttpSettings = field(default_factory=SmsHttpSettings)

    @property
    def enabled(self) -> bool:
        """True when the chosen route has somewhere to send to."""
        return bool(self.http.url if self.route is SmsRoute.HTTP else self.port)


@dataclass(frozen=True)
class HeadsetSettings:
    """The USB headset whose call buttons and lights follow the desk (``[headset]``)."""

    # "" or "auto": the first headset with call buttons (HID Telephony page); "none": off;
    # "0b0e:24c8": that vendor:product in hex; or a device path as hidapi lists it.
    device: str = ""


_HEADSET_ID = r"[0-9a-fA-F]{4}:[0-9a-fA-F]{4}"


def headset_selector(text: str, path: Path | str = "") -> str:
    """The ``[headset] device`` value, cleaned ("auto" for ""), or ConfigError."""
    import re

    value = text.strip()
    if value.lower() in ("", "auto", "none"):
        return value.lower() or "auto"
    if re.fullmatch(_HEADSET_ID, value) or "/" in value or value.startswith("\\\\?\\"):
        return value
    raise ConfigError("config_bad_headset", path=path, value=text)


@dataclass(frozen=True)
class Settings:
    profile: Profile = Profile.SITE
    data_dir: Path = field(default_factory=lambda: default_data_dir())
    line: LineKind = LineKind.FAKE
    language: str = ""
    region: str = "CN"
    pbx_prefix: str = ""
    # Internal extensions the desk may dial besides the region's phone numbers: a regular
    # expression a whole extension must match, e.g. "8[0-9]{3}" or "[0-9]{4}"; empty: none.
    extension_pattern: str = ""
    # Seconds an incoming call may ring unanswered before it ends as a missed call (every line).
    inbound_ring_timeout: float = 45.0
    hospital_name: str = "本院"  # said in the call script's introduction
    hospital_phone: str = ""  # the number patients may call with questions
    lock_after_minutes: float = 10  # idle time before the lock screen; 0 never locks
    server: ServerSettings = field(default_factory=ServerSettings)
    sip: SipSettings = field(default_factory=SipSettings)
    modem: ModemSettings = field(default_factory=ModemSettings)
    phone: PhoneSettings = field(default_factory=PhoneSettings)
    screenpop: ScreenPopSettings = field(default_factory=ScreenPopSettings)
    sync: SyncSettings = field(default_factory=SyncSettings)
    sign_in: SignInSettings = field(default_factory=SignInSettings)
    backup: BackupSettings = field(default_factory=BackupSettings)
    selftest: SelfTestSettings = field(default_factory=SelfTestSettings)
    sms: SmsSettings = field(default_factory=SmsSettings)
    headset: HeadsetSettings = field(default_factory=HeadsetSettings)

    @property
    def store_path(self) -> Path:
        name = "demo.sqlite3" if self.profile is Profile.DEMO else "store.sqlite3"
        return self.data_dir / name

    @property
    def store_url(self) -> str:
        return f"sqlite:///{self.store_path}"

    @property
    def recordings_dir(self) -> Path:
        return self.data_dir / "recordings"

    @property
    def backup_dir(self) -> Path:
        """Where the store's backups go (setting ``[backup] dir``, env AGENT_APP_BACKUP_DIR)."""
        return Path(self.backup.dir).expanduser() if self.backup.dir else self.data_dir / "backups"


DEMO_HOSPITAL_PHONE = "0571-88888888"


def default_config_path() -> Path:
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming"))
    else:
        base = Path(os.environ.get("XDG_CONFIG_HOME", Path.home() / ".config"))
    return base / APP_NAME / "config.toml"


def default_data_dir() -> Path:
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
    else:
        base = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share"))
    return base / APP_NAME


def load_settings(environ: dict[str, str] | None = None, *, demo: bool = False) -> Settings:
    """Read the settings file and the environment; raise ConfigError with a plain reason."""
    env = dict(os.environ if environ is None else environ)
    explicit = env.get(ENV_PREFIX + "CONFIG")
    path = Path(explicit).expanduser() if explicit else default_config_path()
    raw: dict[str, Any] = {}
    if path.exists():
        raw = _read_toml(path)
    elif explicit:
        raise ConfigError("config_file_missing", path=path, variable=f"{ENV_PREFIX}CONFIG")
    if demo:
        raw["profile"] = Profile.DEMO.value
    settings = _build(Settings, raw, str(path), env, ENV_PREFIX)
    if demo and settings.profile is not Profile.DEMO:
        settings = dataclasses.replace(settings, profile=Profile.DEMO)
    if settings.profile is Profile.DEMO and not settings.hospital_phone:
        # The demo hospital's enquiry line, so the demo's call scripts have a number to give.
        settings = dataclasses.replace(settings, hospital_phone=DEMO_HOSPITAL_PHONE)
    check_calling_settings(settings, path)
    if not settings.sign_in.sensible:
        raise ConfigError("config_bad_sign_in", path=path)
    return settings


def check_calling_settings(settings: Settings, path: Path) -> None:
    """Refuse dialling and ringing settings that would break calls, in one sentence."""
    import re

    try:
        re.compile(settings.extension_pattern)
    except re.error as exc:
        raise ConfigError(
            "config_bad_extension_pattern",
            path=path,
            pattern=settings.extension_pattern,
            detail=exc,
        ) from None
    if settings.inbound_ring_timeout <= 0:
        raise ConfigError("config_bad_ring_timeout", path=path)
    if not 1 <= settings.sip.max_calls <= 3:
        raise ConfigError("config_bad_max_calls", path=path)
    headset_selector(settings.headset.device, path)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError("config_not_toml", path=path, detail=exc) from exc
    except UnicodeDecodeError as exc:
        raise ConfigError("config_not_utf8", path=path) from exc
    except OSError as exc:
        raise ConfigError("config_unreadable", path=path, detail=exc.strerror) from exc


T = TypeVar("T")


def _build(cls: type[T], raw: dict[str, Any], where: str, env: dict[str, str], prefix: str) -> T:
    if not isinstance(raw, dict):
        raise ConfigError("config_not_table", where=where, section=prefix.lower())
    fields = {f.name: f for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    unknown = sorted(set(raw) - set(fields))
    if unknown:
        raise ConfigError("config_unknown_setting", where=where, name=unknown[0])
    values: dict[str, Any] = {}
    hints = _field_types(cls)
    for name in fields:
        kind = hints[name]
        env_name = f"{prefix}{name.upper()}"
        if isinstance(kind, type) and dataclasses.is_dataclass(kind):
            values[name] = _build(kind, raw.get(name, {}), where, env, env_name + "_")
            continue
        if env_name in env:
            values[name] = _coerce(kind, env[env_name], f"the environment variable {env_name}")
        elif name in raw:
            values[name] = _coerce(kind, raw[name], f"{where}, setting '{name}'")
    if "password" in values or any("password" in k.lower() for k in raw):
        raise ConfigError("config_password", where=where)
    return cls(**values)


def _field_types(cls: type[Any]) -> dict[str, Any]:
    import typing

    return typing.get_type_hints(cls)


def _coerce(kind: Any, value: Any, where: str) -> Any:
    try:
        if kind is bool:
            if isinstance(value, bool):
                return value
            text = str(value).strip().lower()
            if text in {"1", "true", "yes", "on"}:
                return True
            if text in {"0", "false", "no", "off", ""}:
                return False
            raise ValueError(value)
        if kind in (int, float):
            if isinstance(value, bool):
                raise ValueError(value)
            return kind(value)
        if kind is Path:
            return Path(str(value)).expanduser()
        if isinstance(kind, type) and issubclass(kind, enum.Enum):
            return kind(str(value).lower())
        if kind is str:
            if not isinstance(value, (str, int)):
                raise ValueError(value)
            return str(value)
    except ValueError:
        if isinstance(kind, type) and issubclass(kind, enum.Enum):
            allowed = ", ".join(m.value for m in kind)
            raise ConfigError(
                "config_not_one_of", where=where, value=value, allowed=allowed
            ) from None
        raise ConfigError(
            "config_bad_value", where=where, value=value, kind=kind.__name__
        ) from None
    raise ConfigError("config_bad_type", where=where)


def ensure_data_dir(settings: Settings) -> Path:
    """Create the data folder if needed, owner-only (0700: it holds patient data, even if an
    older version made it 0755), and prove it is writable, or raise ConfigError."""
    folder = settings.data_dir
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        folder.chmod(0o700)
        probe = folder / ".write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise ConfigError("config_data_dir", folder=folder, detail=reason.lower()) from exc
    return folder
