"""Remembered passwords: only in the OS keyring, never in files or logs."""

from __future__ import annotations

import logging

import keyring
from keyring.errors import KeyringError

KEYRING_SERVICE = "agent-app"
log = logging.getLogger(__name__)


def sip_account_key(user: str, domain: str) -> str:
    """The keyring entry of a SIP account's password: ``sip:user@domain``."""
    return f"sip:{user}@{domain}" if domain else f"sip:{user}"


def remembered_password(username: str) -> str | None:
    try:
        return keyring.get_password(KEYRING_SERVICE, username)
    except KeyringError as exc:
        log.warning("keyring unavailable: %s", type(exc).__name__)
        return None


def remember_password(username: str, password: str) -> bool:
    """Store the password; False when the OS offers no keyring."""
    try:
        keyring.set_password(KEYRING_SERVICE, username, password)
    except KeyringError as exc:
        log.warning("cannot store password in keyring: %s", type(exc).__name__)
        return False
    return True


def forget_password(username: str) -> None:
    try:
        if keyring.get_password(KEYRING_SERVICE, username) is not None:
            keyring.delete_password(KEYRING_SERVICE, username)
    except KeyringError as exc:
        log.warning("cannot clear password in keyring: %s", type(exc).__name__)


def sms_platform_key_entry(account: str) -> str:
    """The keyring entry of the SMS platform's signing key: ``sms-platform:<account>``."""
    return f"sms-platform:{account}"
