"""The order a text message's state only moves forward in, on every desk and on the server.

A message is ``queued`` (or ``sending``: handed to a gateway, maybe) until it is out; then
``unknown`` (a person decides), ``sent``, ``delivered``; ``failed`` and ``blocked`` are final.
``queued`` and ``sending`` share a rank: a try the gateway refused puts a message back in the
queue. ``unknown`` ranks below ``sent`` because a person's settling (``was_sent``) or a later
delivery report may still move it on; "send again" queues a NEW message, never this one.
A pulled copy, or a pushed change, applies only when its rank is at least the one held.
"""

from __future__ import annotations

from types import MappingProxyType

from agent_app.domain.enums import SmsState

STATE_RANK = MappingProxyType(
    {
        SmsState.QUEUED: 0,
        SmsState.SENDING: 0,
        SmsState.RECEIVED: 0,
        SmsState.UNKNOWN: 1,
        SmsState.SENT: 2,
        SmsState.DELIVERED: 3,
        SmsState.FAILED: 4,
        SmsState.BLOCKED: 4,
    }
)


def moves_forward(held: SmsState, offered: SmsState) -> bool:
    """True when ``offered`` may replace ``held`` (the same rank or a later one)."""
    return STATE_RANK[offered] >= STATE_RANK[held]


def rank_sql(column: str) -> str:
    """The rank of ``column`` (a state) as an SQL CASE, the same in SQLite and PostgreSQL;
    NULL for a state that is not one."""
    cases = " ".join(f"WHEN '{state.value}' THEN {rank}" for state, rank in STATE_RANK.items())
    return f"(CASE {column} {cases} END)"
