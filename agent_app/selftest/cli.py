"""``agent-app --self-test [--offline]``: one line per check on stdout, exit 1 on red.

The terminal is for IT staff and packaging scripts, so it speaks English (the window says the
same verdicts in the desk's language). Exit codes: 0 nothing red (amber is a warning),
1 something red.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
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


def result_line(result: CheckResult) -> str:
    """``OK    microphone    The microphone hears you (level 42 %).``"""
    return f"{MARKS[result.status]}{result.name.value:<15} {result.english()}"


def run_self_test(
    settings: Settings,
    checks: Sequence[Check],
    *,
    offline: bool,
    out: TextIO = sys.stdout,
) -> int:
    """Run the checks (only those needing nothing beyond this computer when ``offline``),
    print each verdict as it comes, and return the exit code."""
    chosen = offline_only(checks) if offline else list(checks)

    def printed(result: CheckResult) -> None:
        print(result_line(result), file=out, flush=True)

    def prompt(code: str) -> None:
        print(f"      {PROMPTS.get(code, code)}", file=out, flush=True)

    context = SelfTestContext(settings, on_prompt=prompt)
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
