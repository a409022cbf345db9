"""Passwords for staff logins: typed at a prompt, read from stdin or an environment variable,
or generated for a hand-over sheet; never taken from the command line, never logged.

A generated password is four groups of four characters from an alphabet without look-alikes
(about 79 bits), readable aloud and easy to type once. The sheet is a CSV file created new
(never overwriting), readable by its owner only (0600), for IT to hand over and destroy.
"""

from __future__ import annotations

import csv
import getpass
import io
import os
import secrets
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from agent_app.server.connection import ServerToolError

MIN_LENGTH = 10
_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


def generate_password() -> str:
    """A fresh random password, e.g. ``k3mp-x7rd-q9wt-h2nf``."""
    return "-".join("".join(secrets.choice(_ALPHABET) for _ in range(4)) for _ in range(4))


def _checked(password: str) -> str:
    if len(password) < MIN_LENGTH:
        raise ServerToolError(f"The password is too short: use at least {MIN_LENGTH} characters.")
    return password


def read_password(
    *, from_stdin: bool, env_name: str | None, prompt: str, stdin: TextIO | None = None
) -> str:
    """The password from one line of stdin, from the environment variable ``env_name``, or
    typed twice at a prompt (only when stdin is a terminal)."""
    stream = stdin or sys.stdin
    if from_stdin:
        return _checked(stream.readline().rstrip("\r\n"))
    if env_name:
        value = os.environ.get(env_name)
        if not value:
            raise ServerToolError(f"The environment variable {env_name} is not set.")
        return _checked(value)
    if not stream.isatty():
        raise ServerToolError(
            "No terminal to ask the password at: use --password-stdin or --password-env NAME."
        )
    first = getpass.getpass(prompt)
    if getpass.getpass("Again: ") != first:
        raise ServerToolError("The two passwords differ; nothing was changed.")
    return _checked(first)


def create_private_file(path: Path) -> int:
    """Open a new file readable by its owner only; refuses to overwrite one."""
    try:
        return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise ServerToolError(f"{path} exists already; choose a new file.") from None
    except OSError as error:
        raise ServerToolError(f"{path} cannot be created: {error.strerror}.") from None


def write_password_sheet(path: Path, rows: Iterable[tuple[str, str, str]]) -> None:
    """(username, full name, password) rows into a new 0600 CSV file, flushed to disk."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(("username", "full_name", "initial_password"))
    writer.writerows(rows)
    descriptor = create_private_file(path)
    with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as sheet:
        sheet.write(buffer.getvalue())
        sheet.flush()
        os.fsync(sheet.fileno())
