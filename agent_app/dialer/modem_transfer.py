"""Hook-flash transfer on a phone line: what the modem dials to hand a call to the PBX.

An analog extension transfers by flashing the hook (the PBX holds the caller and gives dial
tone), dialling the target and hanging up. A Hayes modem flashes for ``!`` in a dial string
and waits for dial tone at ``W``, so the whole transfer is one ``ATD…;`` in voice mode
followed by ``ATH``. PBXs differ (some want a feature code after the flash), so the dial
string comes from a pattern in the settings: ``[modem] flash`` and ``transfer_dial``.
``FlashTransfers`` is the part of ``ModemPhone`` that does it.
"""

from __future__ import annotations

import logging
import re
import string
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from agent_app.dialer.errors import (
    DialerError,
    LineUnavailableError,
    TransferError,
    TransferRefusal,
)
from agent_app.dialer.events import PhoneEvent, TransferDone, TransferOutcome
from agent_app.dialer.modem_calls import ANSWERED, CallBook, CallState, ModemCall
from agent_app.dialer.modem_link import AtLink
from agent_app.domain.enums import EndReason
from agent_app.domain.views import mask_phone_number

log = logging.getLogger(__name__)

#: characters a Hayes dial string may hold (digits, keys, pauses, flash, wait for tone)
DIALLABLE = frozenset("0123456789*#,WwPpTt!@")
_TARGET_CHARS = frozenset("0123456789*#")
DEFAULT_TRANSFER_DIAL = "{flash}{target}"


@dataclass(frozen=True)
class FlashTransfer:
    """A line's flash sequence and transfer pattern, checked once when the line opens."""

    flash: str = ""
    pattern: str = DEFAULT_TRANSFER_DIAL

    def __post_init__(self) -> None:
        if not self.flash:
            return  # the line has no transfer; transfer_blind says so when asked
        if not set(self.flash) <= DIALLABLE or "!" not in self.flash:
            raise LineUnavailableError(
                f"The [modem] flash '{self.flash}' is not a hook flash: use '!' with dial "
                "modifiers only (e.g. '!' or '!W')."
            )
        fields = {name for _, name, _, _ in string.Formatter().parse(self.pattern) if name}
        fixed = re.sub(r"\{(flash|target)\}", "", self.pattern)
        if fields != {"flash", "target"} or not set(fixed) <= DIALLABLE:
            raise LineUnavailableError(
                f"The [modem] transfer_dial '{self.pattern}' must hold {{flash}} and {{target}} "
                "and otherwise only digits, *, #, commas and W."
            )

    @property
    def available(self) -> bool:
        return bool(self.flash)

    def dial_string(self, target: str) -> str:
        """What follows ``ATD`` (without the voice-mode ``;``) to transfer to ``target``."""
        if not self.flash:
            raise TransferError(
                TransferRefusal.NO_FLASH,
                "This phone line has no hook flash set up ([modem] flash), so it cannot "
                "transfer calls.",
            )
        digits = "".join(ch for ch in target if ch not in " -()")
        if not digits or not set(digits) <= _TARGET_CHARS:
            raise TransferError(
                TransferRefusal.BAD_TARGET,
                f"{target} cannot be dialled on a phone line: use digits, * and # only.",
                target,
            )
        return self.pattern.format(flash=self.flash, target=digits)


class FlashTransfers:
    """Transfer for ``ModemPhone`` (mixed in); the attributes below are the phone's own."""

    flash: FlashTransfer
    _link: AtLink
    _lock: threading.RLock | threading.Lock
    _calls: CallBook
    post: Callable[[PhoneEvent], None]

    def _finish_recording(self, call: ModemCall) -> Path | None:
        raise NotImplementedError

    def _command_quietly(self, command: str) -> None:
        raise NotImplementedError

    def transfer_blind(self, call_id: str, target: str) -> None:
        """Flash the hook, dial ``target`` through the PBX and hang up (one ``ATD…;`` with the
        ``[modem] transfer_dial`` pattern, then ``ATH``): TransferDone(ACCEPTED, 0) and the
        call ends TRANSFERRED. A line cannot tell whether the target answers; the PBX takes
        the call back to the target's voicemail or the agent by its own rules. When the
        modem refuses the dial, a second flash returns to the caller and TransferDone says
        FAILED. TransferError NO_FLASH when no flash is set up."""
        dial = self.flash.dial_string(target)
        with self._link.lock:
            with self._lock:
                call = self._calls.require(call_id)
                if call.state is not CallState.ANSWERED:
                    raise TransferError(
                        TransferRefusal.NOT_ANSWERED,
                        "Only an answered call can be transferred.",
                        call_id,
                    )
            self._finish_recording(call)
            with self._lock:
                call.state = CallState.TRANSFERRING
            try:
                timeout = self._link.command_timeout + 0.5 * len(dial)
                self._link.command(f"ATD{dial};", accept=ANSWERED, timeout=timeout)
            except LineUnavailableError:
                with self._lock:  # the agent can still hang up; the line's loss ends it
                    call.state = CallState.ANSWERED
                raise
            except DialerError as exc:
                log.info("Transfer of %s failed: the modem refused the dial", call_id)
                log.debug("modem answer to the transfer dial: %s", mask_phone_number(str(exc)))
                self._command_quietly(f"ATD{self.flash.flash};")  # back to the caller
                with self._lock:
                    call.state = CallState.ANSWERED
                self.post(TransferDone(call_id, TransferOutcome.FAILED, 0))
                return
            self.post(TransferDone(call_id, TransferOutcome.ACCEPTED, 0))
            self._command_quietly("ATH")
            with self._lock:
                self._calls.end(call, EndReason.TRANSFERRED)
        log.info("Call %s transferred by hook flash", call_id)

    def consult(self, call_id: str, target: str) -> str:
        """Refused: a phone line holds one call, so it transfers blind only."""
        self._calls.require(call_id)
        raise TransferError(
            TransferRefusal.NOT_SUPPORTED,
            "A phone line transfers blind only (flash, dial, hang up); it cannot hold the "
            "caller while you speak to the target.",
        )

    def transfer_attended(self, call_id: str, consult_call_id: str) -> None:
        self.consult(call_id, "")
