"""``agent-app --self-test [--offline]``: one line per check on stdout, exit 1 on red.

The terminal is for IT staff and packaging scripts, so it speaks English (the window says the
same verdicts in the desk's language). Exit codes: 0 nothing red (amber is a warning),
1 something red.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TextIO

from agent_app.config import Settings
from agent_app.selftest.result import CheckResult, Status
from agent_app.selftest.runner import Check, SelfTestContext, exit_code, offline_only, run_checks

MARKS = {Status.GREEN: "OK   ", Status.AMBER: "WARN ", Status.RED: "FAIL "}
PROMPTS = {
    "speak_now": "Speak into the headset microphone now (2 s)...",
    "listen_now": "Listen: a test tone plays on the headset now...",
    "echo_speak": "The echo-test call is connected: speak now and listen...",
}


def login_for(user: str) -> tuple[str, str] | None:
    """The staff login for the server checks: the password remembered in the keyring, else
    typed at the terminal (never an argument: it would show in the process list)."""
    from agent_app.credentials import remembered_password

    password = remembered_password(user)
    if password is None and sys.stdin.isatty():
        import getpass

        password = getpass.getpass(f"Password of {user} on the central server: ")
    return (user, password) if password else None


def result_line(result: CheckResult) -> str:
    """``OK    microphone    The microphone hears you (level 42 %).``"""
    return f"{MARKS[result.status]}{result.name.value:<15} {result.english()}"


@contextmanager
def verdicts_alone_on_stdout() -> Iterator[TextIO]:
    """A stream on the real stdout, while the process's own stdout goes to stderr: native
    libraries (pjlib prints its start-up lines before any setting can stop it) must not mix
    with the verdict lines that scripts read."""
    sys.stdout.flush()
    saved = os.dup(1)
    os.dup2(2, 1)
    out = os.fdopen(saved, "w", encoding="utf-8", errors="replace")
    try:
        yield out
    finally:
        out.flush()
        os.dup2(saved, 1)
        out.close()


def run_self_test(
    settings: Settings,
    checks: Sequence[Check],
    *,
    offline: bool,
    login: tuple[str, str] | None = None,
    out: TextIO | None = None,
) -> int:
    """Run the checks (only those needing nothing beyond this computer when ``offline``),
    print each verdict as it comes (to ``out``, by default stdout alone), and return the
    exit code."""
    if out is None:
        with verdicts_alone_on_stdout() as stream:
            return run_self_test(settings, checks, offline=offline, login=login, out=stream)
    chosen = offline_only(checks) if offline else list(checks)

    def printed(result: CheckResult) -> None:
        print(result_line(result), file=out, flush=True)

    def prompt(code: str) -> None:
        print(f"      {PROMPTS.get(code, code)}", file=out, flush=True)

    context = SelfTestContext(settings, on_prompt=prompt, server_login=login)
    try:
        results = run_checks(chosen, context, printed)
    finally:
        context.close()
    code = exit_code(results)
    counts = {status: sum(r.status is status for r in results) for status in Status}
    print(
        f"self-test: {counts[Status.GREEN]} ok, {counts[Status.AMBER]} warnings, "
        f"{counts[Status.RED]} failed",
        file=out,
        flush=True,
    )
    return code
