"""Run the checks in order, handing each verdict on as soon as it is known.

A check is a function of the shared ``SelfTestContext``. What it needs besides this computer
(the central server, the phone line, sound hardware) is declared, so ``--offline`` (the
packaging smoke test, with no server, line or sound card) runs exactly the others.
"""

from __future__ import annotations

import enum
import logging
import time
from collections.abc import Callable, Generator, Iterable
from dataclasses import dataclass, field

from sqlalchemy import Engine

from agent_app.config import Settings
from agent_app.dialer.phone import Phone
from agent_app.selftest.result import CheckName, CheckResult, ServerProbe, Status
from agent_app.store.desk_store import DeskStore

log = logging.getLogger(__name__)


class Needs(enum.Flag):
    """What a check needs beyond this computer's disk, keyring and libraries."""

    NOTHING = 0
    SERVER = enum.auto()
    LINE = enum.auto()
    AUDIO = enum.auto()


@dataclass
class SelfTestContext:
    """What the checks share: the settings, the store (the desk's own engine inside the desk,
    ``local``; from the terminal the store check opens it, ``store``), the line, the server,
    and the callbacks of the screen."""

    settings: Settings
    store: DeskStore | None = None
    local: Engine | None = None
    # The phone line: the desk's own inside the desk; from the terminal the line check opens
    # it (``owns_phone``), the echo call uses it too, and ``close`` closes it.
    phone: Phone | None = None
    owns_phone: bool = False
    # The central server: the signed-in desk's engine, or a login given on the terminal
    # (password from the keyring or typed); what the first server check learnt is kept.
    server: Engine | None = None
    server_login: tuple[str, str] | None = None
    server_probe: ServerProbe | None = None
    # A microphone level 0..1 while recording (the dialog's bar; the terminal prints the
    # verdict's level only).
    on_level: Callable[[float], None] = field(default=lambda _level: None)
    # A prompt for the person in front of the desk ("speak now"), as a code.
    on_prompt: Callable[[str], None] = field(default=lambda _code: None)

    def close(self) -> None:
        """Give back what the checks opened (not what the desk lent: ``local``, a line it
        did not open, its server engine)."""
        if self.store is not None:
            self.store.close()
        self.store = None
        if self.phone is not None and self.owns_phone:
            self.phone.close()
            self.phone, self.owns_phone = None, False
        self.server_probe = None  # a run again connects again


CheckFn = Callable[[SelfTestContext], CheckResult]
# A check that waits (recording, a tone, a registration) without blocking its thread: it
# yields the seconds until it wants to go on, and returns its result. The terminal sleeps
# between steps; the window comes back on a timer, so pjsua2 stays on the window's thread.
Steps = Generator[float, None, CheckResult]
StepFn = Callable[[SelfTestContext], Steps]


@dataclass(frozen=True)
class Check:
    """``run`` blocks until it has a verdict; ``on_owner_thread``: it must run on the thread
    that owns Qt's widgets and pjsua2 (the window's), in steps when it waits."""

    name: CheckName
    run: CheckFn
    needs: Needs = Needs.NOTHING
    on_owner_thread: bool = False
    step_fn: StepFn | None = None

    @property
    def offline(self) -> bool:
        return self.needs is Needs.NOTHING

    def steps(self, context: SelfTestContext) -> Steps:
        """The check as steps (a blocking check is one step)."""
        if self.step_fn is not None:
            return self.step_fn(context)
        return _no_steps(self.run(context))


def _no_steps(result: CheckResult) -> Steps:
    return result
    yield 0.0  # makes this a generator, which returns at once


def stepped(name: CheckName, steps: StepFn, needs: Needs = Needs.NOTHING) -> Check:
    """A check written as steps; ``run`` drives it with sleeps (the terminal, worker threads)."""
    return Check(name, lambda context: drive(steps(context)), needs, True, steps)


def drive(steps: Steps) -> CheckResult:
    """Run steps to the end, sleeping as they ask."""
    while True:
        try:
            time.sleep(next(steps))
        except StopIteration as stop:
            result: CheckResult = stop.value
            return result


def crashed(name: CheckName, exc: BaseException) -> CheckResult:
    """A check that raised (a bug, or a library failing in an unforeseen way) is red with its
    reason, never a crashed self-test."""
    log.error("self-test check %s failed", name.value, exc_info=exc)
    detail = f"{type(exc).__name__}: {exc}"
    return CheckResult.of(name, Status.RED, "check_crashed", detail=detail, cause=exc)


def run_one(check: Check, context: SelfTestContext) -> CheckResult:
    try:
        return check.run(context)
    except Exception as exc:  # reported as the check's own red verdict
        return crashed(check.name, exc)


def run_checks(
    checks: Iterable[Check],
    context: SelfTestContext,
    on_result: Callable[[CheckResult], None] = lambda _result: None,
) -> list[CheckResult]:
    """Run ``checks`` in order; ``on_result`` hears each verdict as it comes."""
    results = []
    for check in checks:
        result = run_one(check, context)
        on_result(result)
        results.append(result)
    return results


def offline_only(checks: Iterable[Check]) -> list[Check]:
    return [check for check in checks if check.offline]


def worst(results: Iterable[CheckResult]) -> Status:
    return max((result.status for result in results), default=Status.GREEN)


def exit_code(results: Iterable[CheckResult]) -> int:
    """0 when nothing is red (amber is a warning the shift may start with), else 1."""
    return 1 if worst(results) is Status.RED else 0
