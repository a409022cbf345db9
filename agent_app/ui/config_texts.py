"""A settings file or folder the desk cannot use, said in the desk's language at start-up."""

from __future__ import annotations

from agent_app.config import ConfigError
from agent_app.ui.qt import QCoreApplication


def _sentences() -> dict[str, str]:
    return {
        "config_weak_tls": QCoreApplication.translate(
            "ConfigTexts",
            "The [server] sslmode '{sslmode}' does not check the central database's certificate. "
            "Use 'verify-full' with ca_file, or, if the hospital accepts the risk, also set "
            "allow_weak_tls = true in [server].",
        ),
        "config_no_ca_file": QCoreApplication.translate(
            "ConfigTexts", "The [server] ca_file {path} is not a file."
        ),
        "config_file_missing": QCoreApplication.translate(
            "ConfigTexts", "The settings file {path} named by {variable} does not exist."
        ),
        "config_bad_sign_in": QCoreApplication.translate(
            "ConfigTexts",
            "In {path}, [sign_in] needs max_failures of at least 1, lockout_minutes above 0 and "
            "first_delay_seconds of 0 or more.",
        ),
        "config_not_toml": QCoreApplication.translate(
            "ConfigTexts", "The settings file {path} is not a valid settings file ({detail})."
        ),
        "config_not_utf8": QCoreApplication.translate(
            "ConfigTexts", "The settings file {path} is not saved as UTF-8 text."
        ),
        "config_unreadable": QCoreApplication.translate(
            "ConfigTexts", "The settings file {path} cannot be read ({detail})."
        ),
        "config_not_table": QCoreApplication.translate(
            "ConfigTexts", "In {where}, [{section}] must be a section of settings."
        ),
        "config_unknown_setting": QCoreApplication.translate(
            "ConfigTexts", "In {where}, the setting '{name}' is not known."
        ),
        "config_password": QCoreApplication.translate(
            "ConfigTexts",
            "In {where}, a password was written into the settings. Passwords belong in the "
            "system keyring only: remove it from the file.",
        ),
        "config_not_one_of": QCoreApplication.translate(
            "ConfigTexts", "In {where}, '{value}' is not one of: {allowed}."
        ),
        "config_bad_value": QCoreApplication.translate(
            "ConfigTexts", "In {where}, '{value}' is not a valid value."
        ),
        "config_bad_type": QCoreApplication.translate(
            "ConfigTexts", "In {where}, the value has a kind the setting cannot take."
        ),
        "config_bad_extension_pattern": QCoreApplication.translate(
            "ConfigTexts",
            "In {path}, extension_pattern '{pattern}' is not a valid regular expression "
            "({detail}).",
        ),
        "config_bad_ring_timeout": QCoreApplication.translate(
            "ConfigTexts", "In {path}, inbound_ring_timeout must be above 0 seconds."
        ),
        "config_bad_max_calls": QCoreApplication.translate(
            "ConfigTexts", "In {path}, [sip] max_calls must be between 1 and 3."
        ),
        "config_bad_headset": QCoreApplication.translate(
            "ConfigTexts",
            "In {path}, [headset] device '{value}' names no headset: use auto, none, "
            "vendor:product in hex (0b0e:24c8) or a device path.",
        ),
        "config_data_dir": QCoreApplication.translate(
            "ConfigTexts", "The desk cannot write to its data folder {folder} ({detail})."
        ),
    }


def config_error_text(error: ConfigError) -> str:
    """One sentence in the desk's language for settings that cannot be used."""
    template = _sentences().get(error.code)
    return template.format(**error.params) if template is not None else str(error)
