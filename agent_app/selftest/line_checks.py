"""The phone line: the SIP account registers, or the phone-line box answers ``AT``; and the
optional echo call, which plays back what the agent says through the exchange.

From the terminal the line is opened here (and closed again); inside the desk the desk's own
line is asked (``SelfTestContext.phone``): a second registration of the same account, or a
second program on the modem's port, would disturb the real one. These run in steps on the
thread that owns the line (pjsua2's rule), pumping it only when they opened it.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Generator
from pathlib import Path

from agent_app.config import LineKind, Profile, Settings
from agent_app.dialer.errors import DialerError
from agent_app.dialer.events import Answered, Ended, PhoneEvent, Registration, RegistrationChanged
from agent_app.dialer.phone import Phone
from agent_app.selftest.result import CheckName, CheckResult, Status
from agent_app.selftest.runner import Check, Needs, SelfTestContext, Steps, stepped

STEP_SECONDS = 0.02
ANSWER_SECONDS = 20.0  # an echo service answers at once; a ringing one is not an echo service
ECHO_SECONDS = 4.0


def simulated(settings: Settings) -> bool:
    return settings.profile is Profile.DEMO or settings.line is LineKind.FAKE


def line_for_check(context: SelfTestContext) -> tuple[Phone, bool]:
    """(the line, whether the self-test opened it and so must pump it). A line opened here
    stays open for the echo call and is closed with the context. Raises DialerError
    (LineUnavailableError) when it cannot be opened."""
    if context.phone is None:
        from agent_app.dialer.lines import open_phone

        context.phone = open_phone(context.settings)
        context.owns_phone = True
    return context.phone, context.owns_phone


def _account(settings: Settings) -> str:
    sip = settings.sip
    domain = sip.domain or sip.registrar.removeprefix("sip:")
    return f"{sip.user}@{domain}" if domain else sip.user


def line_steps(context: SelfTestContext) -> Steps:
    """Green when the line can call: registered, or the box answers."""
    settings = context.settings
    name = CheckName.LINE
    if simulated(settings):
        return CheckResult.of(name, Status.GREEN, "line_fake")
    try:
        phone, owned = line_for_check(context)
        if settings.line is LineKind.MODEM:
            return _modem_verdict(phone, settings)
        return (yield from _registration(phone, owned, settings))
    except DialerError as exc:
        if settings.line is LineKind.MODEM:
            return CheckResult.of(
                name, Status.RED, "line_modem_silent", port=settings.modem.port, detail=exc
            )
        return CheckResult.of(name, Status.RED, "line_failed", detail=exc, cause=exc)


def _modem_verdict(phone: Phone, settings: Settings) -> CheckResult:
    from agent_app.dialer.modem import ModemPhone

    port = settings.modem.port
    # A box just opened answered its set-up commands already; the desk's own is asked.
    if isinstance(phone, ModemPhone) and not phone.answers():
        return CheckResult.of(CheckName.LINE, Status.RED, "line_modem_silent", port=port)
    return CheckResult.of(CheckName.LINE, Status.GREEN, "line_modem_ok", port=port)


def _registration(phone: Phone, owned: bool, settings: Settings) -> Steps:
    name, account = CheckName.LINE, _account(settings)
    if phone.registration is Registration.NOT_NEEDED:
        return CheckResult.of(name, Status.AMBER, "line_sip_no_registrar", account=account)
    reasons: list[str] = []

    def heard(event: PhoneEvent) -> None:
        if isinstance(event, RegistrationChanged) and event.reason:
            reasons.append(event.reason)

    seconds = settings.selftest.register_seconds
    phone.add_listener(heard)
    try:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if owned:
                phone.pump()
            if phone.registration is Registration.REGISTERED:
                return CheckResult.of(name, Status.GREEN, "line_sip_ok", account=account)
            if phone.registration is Registration.FAILED and reasons:
                return CheckResult.of(
                    name, Status.RED, "line_sip_failed", account=account, detail=reasons[-1]
                )
            yield STEP_SECONDS
    finally:
        phone.remove_listener(heard)
    if phone.registration is Registration.FAILED:  # failed before this check listened
        detail = reasons[-1] if reasons else phone.registration.value
        return CheckResult.of(name, Status.RED, "line_sip_failed", account=account, detail=detail)
    return CheckResult.of(name, Status.RED, "line_sip_timeout", seconds=f"{seconds:g}")


def echo_steps(context: SelfTestContext) -> Steps:
    """Call the echo number, record while the agent speaks, judge what came back."""
    from agent_app.dialer.wav import peak_level

    number = context.settings.selftest.echo_number
    name = CheckName.ECHO
    try:
        phone, owned = line_for_check(context)
        handle, raw = tempfile.mkstemp(prefix="self-test-echo-", suffix=".wav")
        os.close(handle)
        wav = Path(raw)
        try:
            refused = yield from _echo_call(context, phone, owned, number, wav)
            if refused is not None:
                return refused
            level = peak_level(wav)
        finally:
            wav.unlink(missing_ok=True)
    except DialerError as exc:
        return CheckResult.of(name, Status.RED, "echo_failed", number=number, detail=exc)
    percent = round(level * 100)
    if level < 0.01:
        return CheckResult.of(name, Status.AMBER, "echo_silent", number=number, measured=level)
    return CheckResult.of(
        name, Status.GREEN, "echo_ok", number=number, level=percent, measured=level
    )


def _echo_call(
    context: SelfTestContext, phone: Phone, owned: bool, number: str, wav: Path
) -> Generator[float, None, CheckResult | None]:
    """The call itself, in steps: None once recorded into ``wav``, or the red verdict."""
    events: list[PhoneEvent] = []
    listener = events.append
    phone.add_listener(listener)
    call_id = ""
    try:
        call_id = phone.dial(number)
        deadline = time.monotonic() + ANSWER_SECONDS
        while not any(isinstance(e, Answered) and e.call_id == call_id for e in events):
            ended = [e for e in events if isinstance(e, Ended) and e.call_id == call_id]
            if ended or time.monotonic() > deadline:
                detail = ended[0].text if ended else f"no answer in {ANSWER_SECONDS:g} s"
                call_id = "" if ended else call_id
                return CheckResult.of(
                    CheckName.ECHO, Status.RED, "echo_failed", number=number, detail=detail
                )
            if owned:
                phone.pump()
            yield STEP_SECONDS
        phone.start_recording(call_id, wav)
        context.on_prompt("echo_speak")
        deadline = time.monotonic() + ECHO_SECONDS
        while time.monotonic() < deadline:
            if owned:
                phone.pump()
            yield STEP_SECONDS
        phone.stop_recording(call_id)
    finally:
        if call_id and not any(isinstance(e, Ended) and e.call_id == call_id for e in events):
            phone.hangup(call_id)
            if owned:
                phone.pump()
        phone.remove_listener(listener)
    return None


def line_checks(settings: Settings) -> tuple[Check, ...]:
    """The line check, and the echo call when this desk has a SIP line and a number for it."""
    line = stepped(CheckName.LINE, line_steps, Needs.LINE)
    if simulated(settings) or settings.line is not LineKind.SIP:
        return (line,)
    if not settings.selftest.echo_number:
        return (line,)
    return line, stepped(CheckName.ECHO, echo_steps, Needs.LINE | Needs.AUDIO)
