"""What one check found: a colour, a code and its parameters, and the English sentence.

The sentence always says what to do, so a nurse at the start of a shift can act on it alone.
ui/ turns ``code`` and ``params`` into the desk's language; ``cause`` carries a coded store or
server error that ui/ already knows how to say.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from agent_app.store.server_errors import ServerUnavailableError


class Status(enum.IntEnum):
    """Ordered, so the worst of several is ``max()``."""

    GREEN = 0
    AMBER = 1
    RED = 2


class CheckName(enum.StrEnum):
    """Every check, in the order the self-test runs them."""

    STORE = "store"
    KEYRING = "keyring"
    DISK = "disk"
    SQLCIPHER = "sqlcipher3"
    PJSUA2 = "pjsua2"
    TRANSLATIONS = "translations"
    QT_PLATFORM = "qt_platform"
    QT_MULTIMEDIA = "qt_multimedia"
    SIGN_IN = "sign_in"
    HEADSET = "headset"
    MICROPHONE = "microphone"
    SPEAKER = "speaker"
    LINE = "line"
    ECHO = "echo"
    SERVER = "server"
    SERVER_VERSION = "server_version"
    CLOCK = "clock"


ENGLISH: dict[str, str] = {
    "check_crashed": "The check itself failed ({detail}); ask IT.",
    # store
    "store_ok": "The local data store opened and passed its check.",
    "store_in_use": "The local data store is open in the desk that is running; run the "
    "self-test from Help → Self-test in that desk to check it.",
    "store_failed": "The local data store cannot be used: {detail}",
    # keyring
    "keyring_ok": "The system keyring answers.",
    "keyring_demo_file": "This computer has no keyring, so the demo keeps its keys in a file; "
    "a hospital desk needs the desktop keyring: ask IT to set it up.",
    "keyring_missing": "This computer offers no keyring ({detail}); ask IT to set up or "
    "unlock the desktop keyring, or the desk cannot open its data.",
    # disk
    "disk_ok": "{free_mb} MB free for the desk's data.",
    "disk_low": "Only {free_mb} MB free in {folder}; free some space or ask IT before the "
    "next backup ({advised_mb} MB advised).",
    "disk_full": "Only {free_mb} MB free in {folder}; the desk may fail to save follow-ups: "
    "free space now or ask IT.",
    # libraries
    "module_ok": "The {module} library loads.",
    "module_missing": "The {module} library does not load ({detail}); reinstall the desk.",
    # Qt (ui/ runs these)
    "translations_ok": "The Chinese and English texts load.",
    "translations_missing": "The {language} texts do not load; reinstall the desk.",
    "qt_platform_ok": "The window system ({platform}) works.",
    "qt_platform_failed": "The window system does not start; reinstall the desk.",
    "qt_multimedia_ok": "Sound playback (Qt Multimedia) loads.",
    "qt_multimedia_failed": "Sound playback (Qt Multimedia) does not load, so recordings "
    "cannot be played; reinstall the desk or ask IT to install the sound libraries.",
    "sign_in_ok": "The sign-in screen opens.",
    "sign_in_failed": "The sign-in screen does not open ({detail}); ask IT.",
    "sign_in_no_store": "The sign-in screen was not tried because the data store did not open.",
    # sound
    "headset_ok": "Microphone '{capture}' and speaker '{playback}' are present.",
    "headset_missing_capture": "No microphone is connected; plug in the headset and run the "
    "self-test again.",
    "headset_missing_playback": "No speaker or earpiece is connected; plug in the headset and "
    "run the self-test again.",
    "sound_no_library": "The sound devices cannot be checked without the pjsua2 library; "
    "reinstall the desk.",
    "sound_failed": "The sound device failed ({detail}); unplug and plug in the headset, then "
    "run the self-test again.",
    "microphone_ok": "The microphone hears you (level {level} %).",
    "microphone_quiet": "The microphone heard almost nothing (level {level} %); check its mute "
    "switch and that the headset is plugged in, then try again.",
    "microphone_missing": "No microphone is connected; plug in the headset and run the "
    "self-test again.",
    "speaker_ok": "A test tone was played on '{playback}'.",
    "speaker_not_heard": "The test tone was not heard; check the headset's volume and plug, "
    "then try again.",
    "speaker_missing": "No speaker or earpiece is connected; plug in the headset and run the "
    "self-test again.",
    # line
    "line_fake": "This desk uses the simulated line, which needs no check.",
    "line_sip_ok": "The SIP line is registered as {account}.",
    "line_sip_no_registrar": "The SIP line has no registrar and makes direct calls only; ask IT "
    "if this desk should register with the hospital's exchange.",
    "line_sip_failed": "The SIP account {account} is not registered ({detail}); ask IT to "
    "check the account, its password in the keyring and the network.",
    "line_sip_timeout": "The SIP line did not register within {seconds} s; check the network "
    "cable, or ask IT whether the exchange is up.",
    "line_failed": "The phone line cannot be opened: {detail}",
    "line_modem_ok": "The phone-line box on {port} answers.",
    "line_modem_silent": "The phone-line box on {port} does not answer; check its cable and "
    "power, then try again.",
    "echo_ok": "The echo-test call to {number} was answered and sent your voice back "
    "(level {level} %).",
    "echo_silent": "The echo-test call to {number} was answered but nothing came back; ask IT "
    "to check the exchange's audio path.",
    "echo_failed": "The echo-test call to {number} did not connect ({detail}); ask IT.",
    # server
    "server_not_set": "No central server is set; this desk works offline only.",
    "server_ok": "The central server at {where} answers over a verified encrypted connection.",
    "server_failed": "{detail}",
    "server_unverified": "The central server at {where} answers, but this desk does not "
    "verify its certificate (sslmode {sslmode}); ask IT to set verify-full with ca_file.",
    "server_not_reached": "Not checked, because the central server was not reached.",
    "server_needs_login": "Not checked before sign-in; run Help → Self-test after signing in, "
    "or give --user on the command line.",
    "server_version_unchecked": "The central server did not say its schema version to this "
    "login; sync will check it.",
    "server_version_ok": "The central server's schema {revision} is one this desk "
    "(version {version}) knows.",
    "server_version_unknown": "The central server's schema {revision} is newer than this desk "
    "knows; ask IT to update this desk before syncing.",
    "clock_ok": "This computer's clock is {offset} s off the server's, which is fine.",
    "clock_drift": "This computer's clock is {offset} s off the server's; ask IT to turn on "
    "network time, or call times and leases will be wrong.",
    "clock_wrong": "This computer's clock is {offset} s off the server's; call times in the "
    "records and task leases will be wrong: ask IT to set the clock now.",
}


@dataclass(frozen=True)
class CheckResult:
    """One check's verdict. ``measured``: a sound level 0..1 where one was measured."""

    name: CheckName
    status: Status
    code: str
    params: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    cause: BaseException | None = None
    measured: float | None = None

    @classmethod
    def of(
        cls,
        name: CheckName,
        status: Status,
        code: str,
        *,
        cause: BaseException | None = None,
        measured: float | None = None,
        **params: Any,
    ) -> CheckResult:
        """A result with its parameters turned into strings (as ``CodedError`` keeps them)."""
        texts = MappingProxyType({key: str(value) for key, value in params.items()})
        return cls(name, status, code, texts, cause, measured)

    def english(self) -> str:
        """The sentence for the terminal and logs."""
        return ENGLISH[self.code].format(**self.params)


@dataclass
class ServerProbe:
    """What one connection learnt. ``error``: why the server was not reached."""

    where: str
    error: ServerUnavailableError | None = None
    signed_in: bool = False
    offset_seconds: float | None = None  # server's clock minus this computer's
    gate_error: BaseException | None = None  # the version gate refused this desk
    revision: str | None = None
    version_checked: bool = False
