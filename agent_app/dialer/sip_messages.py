"""Pure SIP knowledge for the headset line: who is calling, and why a call ended.

Nothing here touches pjsua2, so these rules are tested without a SIP stack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from agent_app.dialer.events import END_TEXT, Registration
from agent_app.domain.enums import EndReason
from agent_app.domain.phone_numbers import WITHHELD_WORDS, sip_user_part

# Compact header forms (RFC 3261 section 7.3.3) that matter here.
_COMPACT = {"f": "from"}
_ANONYMOUS_HOSTS = ("anonymous.invalid",)

_FINAL_REASONS: dict[int, EndReason] = {
    404: EndReason.NOT_FOUND,
    410: EndReason.NOT_FOUND,
    484: EndReason.NOT_FOUND,
    604: EndReason.NOT_FOUND,
    486: EndReason.BUSY,
    600: EndReason.BUSY,
    480: EndReason.NO_ANSWER,
    408: EndReason.NO_ANSWER,
    603: EndReason.REJECTED,
    487: EndReason.CANCELLED,
    401: EndReason.NOT_REGISTERED,
    407: EndReason.NOT_REGISTERED,
    502: EndReason.NETWORK,
    503: EndReason.NETWORK,
    504: EndReason.NETWORK,
}


@dataclass(frozen=True)
class CallerInfo:
    """The caller of an inbound call as the network presented it (not yet normalized)."""

    number: str
    display_name: str = ""
    withheld: bool = False
    invalid: bool = False  # the identity has no user part: no number, and none withheld


def sip_headers(message: str) -> dict[str, list[str]]:
    """Header values of a SIP message by lower-case long name, folded lines joined."""
    head = message.replace("\r\n", "\n").split("\n\n", 1)[0]
    lines = head.split("\n")[1:]  # skip the request or status line
    headers: dict[str, list[str]] = {}
    name = ""
    for line in lines:
        if line[:1] in (" ", "\t") and name:
            headers[name][-1] += " " + line.strip()
            continue
        if ":" not in line:
            continue
        raw, value = line.split(":", 1)
        name = raw.strip().lower()
        name = _COMPACT.get(name, name)
        headers.setdefault(name, []).append(value.strip())
    return headers


def _split_identities(values: list[str]) -> list[str]:
    """P-Asserted-Identity may hold several comma-separated identities (a sip: and a tel:)."""
    found: list[str] = []
    for value in values:
        found += [part.strip() for part in re.split(r",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", value)]
    return [part for part in found if part]


def _identity(value: str) -> str:
    """The name-addr or bare URI of a From/P-Asserted-Identity value, without header params."""
    if "<" in value and ">" in value:
        return value[: value.index(">") + 1]
    return value.split(";", 1)[0]


def _is_withheld(identity: str) -> bool:
    _, user = sip_user_part(identity)
    lowered = identity.lower()
    return user.strip().lower() in WITHHELD_WORDS or any(h in lowered for h in _ANONYMOUS_HOSTS)


def caller_from_invite(message: str, remote_uri: str = "") -> CallerInfo:
    """Read the caller of an INVITE: P-Asserted-Identity when present, else From.

    ``Privacy: id`` (RFC 3325) or an anonymous From means the caller withheld the number; the
    asserted identity is then not shown either, since the caller asked for exactly that.
    """
    headers = sip_headers(message)
    privacy = {
        token.strip().lower()
        for value in headers.get("privacy", [])
        for token in value.split(";")
        if token.strip()
    }
    from_identity = _identity((headers.get("from") or [remote_uri])[0])
    if "id" in privacy or "user" in privacy or _is_withheld(from_identity):
        return CallerInfo("", "", withheld=True)
    identities = [_identity(i) for i in _split_identities(headers.get("p-asserted-identity", []))]
    chosen = identities[0] if identities else from_identity
    display, user = sip_user_part(chosen)
    if not display and identities:
        display = sip_user_part(from_identity)[0]
    if _is_withheld(chosen):
        return CallerInfo("", "", withheld=True)
    if not user.split(";", 1)[0].strip():
        # "sip:@host" or "sip:host": a broken identity, not a caller who asked for privacy.
        return CallerInfo("", display, invalid=True)
    return CallerInfo(user, display)


def end_reason(
    code: int,
    *,
    answered: bool,
    outgoing: bool,
    heard_back: bool,
    local: EndReason | None = None,
) -> EndReason:
    """Why a call ended, from its last SIP status ``code`` and what happened locally.

    ``local`` is set when this side ended the call (hang-up, cancel, no-answer timeout, lost
    media), which the status code alone cannot tell. ``heard_back`` says the far end sent any
    response at all: a 408 after silence is an unreachable peer, not an unanswered phone.
    """
    if local is not None:
        return local
    if answered:
        # A BYE from the far end clears with 200; anything else is the network giving up
        # (no ACK, session timer expired, transport lost).
        return EndReason.REMOTE_HANGUP if code < 300 else EndReason.NETWORK
    if not outgoing:
        return EndReason.CANCELLED if code in (487, 200, 0) else EndReason.NETWORK
    if code == 408 and not heard_back:
        return EndReason.NETWORK
    if code in _FINAL_REASONS:
        return _FINAL_REASONS[code]
    if 500 <= code < 600 or code == 0:
        return EndReason.NETWORK if code in (0, 502, 503, 504) else EndReason.FAILED
    return EndReason.FAILED


def end_text(reason: EndReason, code: int, status_text: str = "") -> str:
    """The sentence the agent reads; failures name the SIP status so support can act on it."""
    text = END_TEXT[reason]
    if reason in (EndReason.FAILED, EndReason.NETWORK) and code >= 300:
        status = f"SIP {code} {status_text}".strip()
        text = f"{text[:-1]} ({status})."
    return text


def registration_outcome(
    code: int, status_text: str, expiration: int, user: str, retry_seconds: int
) -> tuple[Registration, str]:
    """Registration state and the sentence the agent reads, from a REGISTER's final status."""
    if 200 <= code < 300:
        return (Registration.REGISTERED if expiration > 0 else Registration.UNREGISTERED), ""
    status = f"SIP {code} {status_text}".strip() if code else "no answer"
    if code in (401, 403, 407):
        return Registration.FAILED, (
            f"The phone server refused the user name or password of account {user} ({status})."
        )
    if code in (0, 408, 502, 503, 504):
        return Registration.FAILED, (
            f"The phone server cannot be reached ({status}); trying again every {retry_seconds} s."
        )
    return Registration.FAILED, f"The phone server refused the registration ({status})."
