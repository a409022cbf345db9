"""The self-test's verdicts in the desk's language: each check's name, its colour's word, the
prompts to the agent, and the sentence for each code (``agent_app.selftest.result``)."""

from __future__ import annotations

from agent_app.selftest.result import CheckName, CheckResult, Status
from agent_app.ui.qt import QCoreApplication
from agent_app.ui.server_texts import server_error_text
from agent_app.ui.store_messages import store_error_text


def check_label(name: CheckName) -> str:
    labels = {
        CheckName.STORE: QCoreApplication.translate("SelfTest", "Local data store"),
        CheckName.KEYRING: QCoreApplication.translate("SelfTest", "Keyring"),
        CheckName.DISK: QCoreApplication.translate("SelfTest", "Disk space"),
        CheckName.SQLCIPHER: QCoreApplication.translate("SelfTest", "Encryption library"),
        CheckName.PJSUA2: QCoreApplication.translate("SelfTest", "SIP library"),
        CheckName.TRANSLATIONS: QCoreApplication.translate("SelfTest", "Languages"),
        CheckName.QT_PLATFORM: QCoreApplication.translate("SelfTest", "Window system"),
        CheckName.QT_MULTIMEDIA: QCoreApplication.translate("SelfTest", "Sound playback"),
        CheckName.SIGN_IN: QCoreApplication.translate("SelfTest", "Sign-in screen"),
        CheckName.HEADSET: QCoreApplication.translate("SelfTest", "Headset"),
        CheckName.MICROPHONE: QCoreApplication.translate("SelfTest", "Microphone"),
        CheckName.SPEAKER: QCoreApplication.translate("SelfTest", "Speaker"),
        CheckName.LINE: QCoreApplication.translate("SelfTest", "Phone line"),
        CheckName.ECHO: QCoreApplication.translate("SelfTest", "Echo call"),
        CheckName.SERVER: QCoreApplication.translate("SelfTest", "Central server"),
        CheckName.SERVER_VERSION: QCoreApplication.translate("SelfTest", "Server version"),
        CheckName.CLOCK: QCoreApplication.translate("SelfTest", "Clock"),
    }
    return labels[name]


def status_word(status: Status) -> str:
    words = {
        Status.GREEN: QCoreApplication.translate("SelfTest", "OK"),
        Status.AMBER: QCoreApplication.translate("SelfTest", "Warning"),
        Status.RED: QCoreApplication.translate("SelfTest", "Failed"),
    }
    return words[status]


def prompt_text(code: str) -> str:
    prompts = {
        "speak_now": QCoreApplication.translate(
            "SelfTest", "Speak into the headset microphone now…"
        ),
        "listen_now": QCoreApplication.translate(
            "SelfTest", "Listen: a test tone plays in the headset now…"
        ),
        "echo_speak": QCoreApplication.translate(
            "SelfTest", "The echo call is connected: speak now and listen for your voice…"
        ),
    }
    return prompts.get(code, "")


def _templates() -> dict[str, str]:
    return {
        "check_crashed": QCoreApplication.translate(
            "SelfTest",
            "The check itself failed ({detail}); ask IT.",
        ),
        "store_ok": QCoreApplication.translate(
            "SelfTest",
            "The local data store opened and passed its check.",
        ),
        "store_in_use": QCoreApplication.translate(
            "SelfTest",
            "The local data store is open in the desk that is running; run the self-test "
            "from Help → Self-test in that desk to check it.",
        ),
        "store_failed": QCoreApplication.translate(
            "SelfTest",
            "The local data store cannot be used: {detail}",
        ),
        "keyring_ok": QCoreApplication.translate(
            "SelfTest",
            "The system keyring answers.",
        ),
        "keyring_demo_file": QCoreApplication.translate(
            "SelfTest",
            "This computer has no keyring, so the demo keeps its keys in a file; a "
            "hospital desk needs the desktop keyring: ask IT to set it up.",
        ),
        "keyring_missing": QCoreApplication.translate(
            "SelfTest",
            "This computer offers no keyring ({detail}); ask IT to set up or unlock the "
            "desktop keyring, or the desk cannot open its data.",
        ),
        "disk_ok": QCoreApplication.translate(
            "SelfTest",
            "{free_mb} MB free for the desk's data.",
        ),
        "disk_low": QCoreApplication.translate(
            "SelfTest",
            "Only {free_mb} MB free in {folder}; free some space or ask IT before the "
            "next backup ({advised_mb} MB advised).",
        ),
        "disk_full": QCoreApplication.translate(
            "SelfTest",
            "Only {free_mb} MB free in {folder}; the desk may fail to save follow-ups: "
            "free space now or ask IT.",
        ),
        "module_ok": QCoreApplication.translate(
            "SelfTest",
            "The {module} library loads.",
        ),
        "module_missing": QCoreApplication.translate(
            "SelfTest",
            "The {module} library does not load ({detail}); reinstall the desk.",
        ),
        "translations_ok": QCoreApplication.translate(
            "SelfTest",
            "The Chinese and English texts load.",
        ),
        "translations_missing": QCoreApplication.translate(
            "SelfTest",
            "The {language} texts do not load; reinstall the desk.",
        ),
        "qt_platform_ok": QCoreApplication.translate(
            "SelfTest",
            "The window system ({platform}) works.",
        ),
        "qt_platform_failed": QCoreApplication.translate(
            "SelfTest",
            "The window system does not start; reinstall the desk.",
        ),
        "qt_multimedia_ok": QCoreApplication.translate(
            "SelfTest",
            "Sound playback (Qt Multimedia) loads.",
        ),
        "qt_multimedia_failed": QCoreApplication.translate(
            "SelfTest",
            "Sound playback (Qt Multimedia) does not load, so recordings cannot be "
            "played; reinstall the desk or ask IT to install the sound libraries.",
        ),
        "sign_in_ok": QCoreApplication.translate(
            "SelfTest",
            "The sign-in screen opens.",
        ),
        "sign_in_failed": QCoreApplication.translate(
            "SelfTest",
            "The sign-in screen does not open ({detail}); ask IT.",
        ),
        "sign_in_no_store": QCoreApplication.translate(
            "SelfTest",
            "The sign-in screen was not tried because the data store did not open.",
        ),
        "headset_ok": QCoreApplication.translate(
            "SelfTest",
            "Microphone '{capture}' and speaker '{playback}' are present.",
        ),
        "headset_missing_capture": QCoreApplication.translate(
            "SelfTest",
            "No microphone is connected; plug in the headset and run the self-test again.",
        ),
        "headset_missing_playback": QCoreApplication.translate(
            "SelfTest",
            "No speaker or earpiece is connected; plug in the headset and run the self-test again.",
        ),
        "sound_no_library": QCoreApplication.translate(
            "SelfTest",
            "The sound devices cannot be checked without the pjsua2 library; reinstall the desk.",
        ),
        "sound_failed": QCoreApplication.translate(
            "SelfTest",
            "The sound device failed ({detail}); unplug and plug in the headset, then run"
            " the self-test again.",
        ),
        "microphone_ok": QCoreApplication.translate(
            "SelfTest",
            "The microphone hears you (level {level} %).",
        ),
        "microphone_quiet": QCoreApplication.translate(
            "SelfTest",
            "The microphone heard almost nothing (level {level} %); check its mute switch"
            " and that the headset is plugged in, then try again.",
        ),
        "microphone_missing": QCoreApplication.translate(
            "SelfTest",
            "No microphone is connected; plug in the headset and run the self-test again.",
        ),
        "speaker_ok": QCoreApplication.translate(
            "SelfTest",
            "A test tone was played on '{playback}'.",
        ),
        "speaker_not_heard": QCoreApplication.translate(
            "SelfTest",
            "The test tone was not heard; check the headset's volume and plug, then try again.",
        ),
        "speaker_missing": QCoreApplication.translate(
            "SelfTest",
            "No speaker or earpiece is connected; plug in the headset and run the self-test again.",
        ),
        "line_fake": QCoreApplication.translate(
            "SelfTest",
            "This desk uses the simulated line, which needs no check.",
        ),
        "line_sip_ok": QCoreApplication.translate(
            "SelfTest",
            "The SIP line is registered as {account}.",
        ),
        "line_sip_no_registrar": QCoreApplication.translate(
            "SelfTest",
            "The SIP line has no registrar and makes direct calls only; ask IT if this "
            "desk should register with the hospital's exchange.",
        ),
        "line_sip_failed": QCoreApplication.translate(
            "SelfTest",
            "The SIP account {account} is not registered ({detail}); ask IT to check the "
            "account, its password in the keyring and the network.",
        ),
        "line_sip_timeout": QCoreApplication.translate(
            "SelfTest",
            "The SIP line did not register within {seconds} s; check the network cable, "
            "or ask IT whether the exchange is up.",
        ),
        "line_failed": QCoreApplication.translate(
            "SelfTest",
            "The phone line cannot be opened: {detail}",
        ),
        "line_modem_ok": QCoreApplication.translate(
            "SelfTest",
            "The phone-line box on {port} answers.",
        ),
        "line_modem_silent": QCoreApplication.translate(
            "SelfTest",
            "The phone-line box on {port} does not answer; check its cable and power, "
            "then try again.",
        ),
        "echo_ok": QCoreApplication.translate(
            "SelfTest",
            "The echo-test call to {number} was answered and sent your voice back (level "
            "{level} %).",
        ),
        "echo_silent": QCoreApplication.translate(
            "SelfTest",
            "The echo-test call to {number} was answered but nothing came back; ask IT to"
            " check the exchange's audio path.",
        ),
        "echo_failed": QCoreApplication.translate(
            "SelfTest",
            "The echo-test call to {number} did not connect ({detail}); ask IT.",
        ),
        "server_not_set": QCoreApplication.translate(
            "SelfTest",
            "No central server is set; this desk works offline only.",
        ),
        "server_ok": QCoreApplication.translate(
            "SelfTest",
            "The central server at {where} answers over a verified encrypted connection.",
        ),
        "server_failed": QCoreApplication.translate(
            "SelfTest",
            "{detail}",
        ),
        "server_unverified": QCoreApplication.translate(
            "SelfTest",
            "The central server at {where} answers, but this desk does not verify its "
            "certificate (sslmode {sslmode}); ask IT to set verify-full with ca_file.",
        ),
        "server_not_reached": QCoreApplication.translate(
            "SelfTest",
            "Not checked, because the central server was not reached.",
        ),
        "server_needs_login": QCoreApplication.translate(
            "SelfTest",
            "Not checked before sign-in; run Help → Self-test after signing in, or give "
            "--user on the command line.",
        ),
        "server_version_unchecked": QCoreApplication.translate(
            "SelfTest",
            "The central server did not say its schema version to this login; sync will check it.",
        ),
        "server_version_ok": QCoreApplication.translate(
            "SelfTest",
            "The central server's schema {revision} is one this desk (version {version}) knows.",
        ),
        "server_version_unknown": QCoreApplication.translate(
            "SelfTest",
            "The central server's schema {revision} is newer than this desk knows; ask IT"
            " to update this desk before syncing.",
        ),
        "clock_ok": QCoreApplication.translate(
            "SelfTest",
            "This computer's clock is {offset} s off the server's, which is fine.",
        ),
        "clock_drift": QCoreApplication.translate(
            "SelfTest",
            "This computer's clock is {offset} s off the server's; ask IT to turn on "
            "network time, or call times and leases will be wrong.",
        ),
        "clock_wrong": QCoreApplication.translate(
            "SelfTest",
            "This computer's clock is {offset} s off the server's; call times in the "
            "records and task leases will be wrong: ask IT to set the clock now.",
        ),
    }


def result_text(result: CheckResult) -> str:
    """One sentence on what to do, in the desk's language. A store or server failure is said
    as the desk says it everywhere else."""
    if result.code == "store_failed" and result.cause is not None:
        return store_error_text(result.cause)
    if result.code == "server_failed" and result.cause is not None:
        return server_error_text(result.cause)
    return _templates()[result.code].format(**result.params)
