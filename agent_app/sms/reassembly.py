"""Putting the parts of a long incoming message back together.

Parts stay in the modem's memory until their message is complete, so a desk that stops half
way loses nothing: at the next start it lists the stored messages and finds every part again.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from agent_app.sms.pdu import IncomingPart


@dataclass(frozen=True)
class WholeMessage:
    """A complete incoming message and the modem storage slots that held its parts."""

    sender: str
    text: str
    slots: tuple[int, ...]


@dataclass
class Reassembler:
    """Collects parts by (sender, reference, total); answers a message once all have come."""

    _pending: dict[tuple[str, int, int], dict[int, tuple[int, str]]] = field(default_factory=dict)

    def add(self, slot: int, part: IncomingPart) -> WholeMessage | None:
        """Add the part read from storage ``slot``; the whole message once it is complete."""
        concat = part.concatenation
        if concat is None or concat.total <= 1:
            return WholeMessage(part.sender, part.text, (slot,))
        key = (part.sender, concat.reference, concat.total)
        parts = self._pending.setdefault(key, {})
        parts[concat.number] = (slot, part.text)
        if len(parts) < concat.total:
            return None
        del self._pending[key]
        ordered = [parts[number] for number in sorted(parts)]
        return WholeMessage(
            part.sender, "".join(text for _, text in ordered), tuple(s for s, _ in ordered)
        )

    @property
    def incomplete(self) -> int:
        """Messages still waiting for a part."""
        return len(self._pending)
