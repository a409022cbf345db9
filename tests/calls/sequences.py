"""The table of scripted call sequences: what happens, and the row each attempt must end as.
Shared by tests/calls and bench/call_model.py."""

from __future__ import annotations

from dataclasses import dataclass

from agent_app.domain.enums import CallWaiting
from tests.calls.desk_script import ANSWERS, BUSY, SILENT, Step
from tests.screenpop.known_hospital import NOBODY, ORTHO_MOBILE, WANG_DAUGHTER

OUT, IN = "outbound", "inbound"


@dataclass(frozen=True)
class Sequence:
    steps: tuple[Step, ...]
    # label -> (direction, answered, end code) the attempt must hold
    rows: dict[str, tuple[str, bool, str]]
    waiting: CallWaiting = CallWaiting.BUSY
    can_hold: bool = True


SEQUENCES: dict[str, Sequence] = {
    "outbound answered, agent hangs up": Sequence(
        (("dial", "out", ANSWERS), ("wait", "2"), ("hangup", "out")),
        {"out": (OUT, True, "local_hangup")},
    ),
    "outbound to a busy number": Sequence(
        (("dial", "out", BUSY), ("wait", "1")),
        {"out": (OUT, False, "busy")},
    ),
    "outbound nobody answers": Sequence(
        (("dial", "out", SILENT), ("wait", "26")),
        {"out": (OUT, False, "no_answer")},
    ),
    "inbound answered, agent hangs up": Sequence(
        (("incoming", "in", WANG_DAUGHTER), ("answer", "in"), ("wait", "3"), ("hangup", "in")),
        {"in": (IN, True, "local_hangup")},
    ),
    "inbound declined by the agent": Sequence(
        (("incoming", "in", NOBODY), ("reject", "in")),
        {"in": (IN, False, "declined")},
    ),
    "inbound rings out": Sequence(
        (("incoming", "in", NOBODY), ("wait", "46")),
        {"in": (IN, False, "missed_ring_out")},
    ),
    "inbound during outbound is turned away busy": Sequence(
        (
            ("dial", "out", ANSWERS),
            ("wait", "2"),
            ("incoming", "in", NOBODY),
            ("wait", "1"),
            ("hangup", "out"),
        ),
        {"out": (OUT, True, "local_hangup"), "in": (IN, False, "busy_here")},
    ),
    "two inbound, busy setting": Sequence(
        (
            ("incoming", "first", WANG_DAUGHTER),
            ("incoming", "second", ORTHO_MOBILE),
            ("answer", "first"),
            ("wait", "2"),
            ("hangup", "first"),
        ),
        {"first": (IN, True, "local_hangup"), "second": (IN, False, "busy_here")},
    ),
    "two inbound, wait setting: answer the second and hold the first": Sequence(
        (
            ("incoming", "first", WANG_DAUGHTER),
            ("answer", "first"),
            ("wait", "2"),
            ("incoming", "second", ORTHO_MOBILE),
            ("answer", "second"),
            ("wait", "2"),
            ("hangup", "second"),
            ("resume", "first"),
            ("hangup", "first"),
        ),
        {"first": (IN, True, "local_hangup"), "second": (IN, True, "local_hangup")},
        waiting=CallWaiting.WAIT,
    ),
    "two inbound, wait setting on a line without hold: busy": Sequence(
        (
            ("incoming", "first", WANG_DAUGHTER),
            ("answer", "first"),
            ("wait", "1"),
            ("incoming", "second", ORTHO_MOBILE),
            ("hangup", "first"),
        ),
        {"first": (IN, True, "local_hangup"), "second": (IN, False, "busy_here")},
        waiting=CallWaiting.WAIT,
        can_hold=False,
    ),
    "agent hangs up while the far end rings": Sequence(
        (("dial", "out", ANSWERS), ("wait", "0.5"), ("hangup", "out")),
        {"out": (OUT, False, "cancelled")},
    ),
    "line lost mid-call": Sequence(
        (("dial", "out", ANSWERS), ("wait", "2"), ("lose_line",)),
        {"out": (OUT, True, "device_lost")},
    ),
    "line lost while an inbound call rings": Sequence(
        (("incoming", "in", NOBODY), ("lose_line",)),
        {"in": (IN, False, "missed")},
    ),
    "desk closed during a call while another rings": Sequence(
        (("dial", "out", ANSWERS), ("wait", "2"), ("incoming", "in", NOBODY), ("quit",)),
        {"out": (OUT, True, "desk_stopped"), "in": (IN, False, "desk_stopped")},
        waiting=CallWaiting.WAIT,
    ),
    "desk killed mid-call: closed at the next start": Sequence(
        (("dial", "out", ANSWERS), ("wait", "2"), ("kill",)),
        {"out": (OUT, True, "desk_stopped")},
    ),
}
