"""What a SIP line is set up with, and the call slots of the process's one pjsua stack.

Kept apart from the line (``sip.SipPhone``) and the stack (``sip_stack``) so both can read it
without importing each other, and without pjsua2.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from agent_app.dialer.errors import LineUnavailableError

if TYPE_CHECKING:
    from agent_app.config import SipSettings

#: pass as a device index to ``SipPhone.switch_audio_device`` for "no sound device" (pjsua's
#: PJSUA_SND_NULL_DEV; repeated here so callers need not import pjsua2).
NULL_AUDIO_DEVICE = -99
#: pjsua's call slots for the whole process. pjsua2-python 2.15.1.post1 is built with
#: PJSUA_MAX_CALLS = 4 (measured: asking for 5, 10 or 32 still lets a fifth caller get 486),
#: and pjsua refuses callers beyond its slots with 486 without telling the application. So
#: each line keeps its own limit (``max_calls``) at least one below, refuses the extra caller
#: itself, where it is seen and said, and ends unanswered calls after ``ring_timeout``.
STACK_MAX_CALLS = 4
MAX_CALLS_PER_LINE = STACK_MAX_CALLS - 1


@dataclass(frozen=True)
class SipLineConfig:
    """Everything a SIP line needs except the password (kept out so it is never printed)."""

    user: str
    domain: str = ""  # host of dialled numbers and of our address; the registrar's by default
    registrar: str = ""  # e.g. "sip:pbx.hospital.local"; empty = direct IP calls only
    transport: str = "udp"  # udp or tcp
    bound_address: str = ""  # "" = every interface
    port: int = 0  # 0 = any free port; see SipPhone.local_port
    media_port: int = 0  # first RTP port; 0 = pjsua's choice
    display_name: str = ""
    null_audio: bool | None = None  # None: the null device only when there is no sound card
    no_answer_timeout: float = 60.0  # seconds; 0 = wait for the network's own timeout
    ring_timeout: float = 45.0  # an inbound call unanswered this long ends MISSED (480)
    max_calls: int = MAX_CALLS_PER_LINE  # calls at once; one more caller is refused with 486
    rtp_timeout: float = 30.0  # seconds without RTP on an answered call; 0 = never
    session_timer: int = 0  # RFC 4028 interval in seconds (>= 90); 0 = off
    reg_expires: int = 300
    reg_retry: int = 30  # seconds between registration attempts after a failure
    reg_first_retry: int = 5
    reg_retry_jitter: int = 10  # random extra seconds, so a ward's desks do not retry at once
    reject_code: int = 486
    # pjsua's own trace (no passwords: digest responses only). The stack is per process, so
    # these two count only for the line that starts it.
    log_path: Path | None = None
    log_level: int = 4

    @classmethod
    def from_settings(cls, settings: SipSettings, ring_timeout: float = 45.0) -> SipLineConfig:
        """The line described by the desk's settings file (``ring_timeout``: the desk's
        ``inbound_ring_timeout``, shared by every kind of line)."""
        registrar = settings.registrar.strip()
        if registrar and not registrar.lower().startswith(("sip:", "sips:")):
            registrar = f"sip:{registrar}"
        return cls(
            user=settings.user,
            domain=settings.domain,
            registrar=registrar,
            transport=settings.transport,
            bound_address=settings.bound_address,
            port=settings.port,
            display_name=settings.display_name,
            no_answer_timeout=settings.no_answer_timeout,
            ring_timeout=ring_timeout,
            max_calls=settings.max_calls,
        )

    def __post_init__(self) -> None:
        if not 1 <= self.max_calls <= MAX_CALLS_PER_LINE:
            raise LineUnavailableError(
                f"The SIP line's max_calls must be between 1 and {MAX_CALLS_PER_LINE}."
            )
        if self.ring_timeout <= 0:
            raise LineUnavailableError("The ring time of incoming calls must be above 0 s.")

    @property
    def dial_domain(self) -> str:
        if self.domain:
            return self.domain
        host = re.sub(r"^sips?:", "", self.registrar, flags=re.I)
        return host.split(";", 1)[0]
