"""Hook-flash transfer on a phone line: what the modem dials to hand a call to the PBX.

An analog extension transfers by flashing the hook (the PBX holds the caller and gives dial
tone), dialling the target and hanging up. A Hayes modem flashes for ``!`` in a dial string
and waits for dial tone at ``W``, so the whole transfer is one ``ATD…;`` in voice mode
followed by ``ATH``. PBXs differ (some want a feature code after the flash), so the dial
string comes from a pattern in the settings: ``[modem] flash`` and ``transfer_dial``.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass

from agent_app.dialer.errors import LineUnavailableError, TransferError, TransferRefusal

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
