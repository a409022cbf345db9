"""The calls the model knows: the open ones by id, and the last ended ones for late readers
(the call bar's recording is finished after the call ended)."""

from __future__ import annotations

from collections import OrderedDict

from agent_app.calls.call import Call, CallState

KEEP_ENDED = 64  # ended calls kept for their late recordings and for the screens to read


class CallBook:
    def __init__(self) -> None:
        self._open: dict[str, Call] = {}
        self._ended: OrderedDict[str, Call] = OrderedDict()

    def get(self, call_id: str) -> Call | None:
        """The call, open or recently ended."""
        return self._open.get(call_id) or self._ended.get(call_id)

    def get_open(self, call_id: str) -> Call | None:
        return self._open.get(call_id)

    @property
    def open_calls(self) -> list[Call]:
        """Open calls, oldest first."""
        return list(self._open.values())

    def put(self, call: Call) -> None:
        """Keep the newest value of a call (an ended one among the ended)."""
        if call.state is CallState.ENDED:
            self._open.pop(call.call_id, None)
            self._ended[call.call_id] = call
            while len(self._ended) > KEEP_ENDED:
                self._ended.popitem(last=False)
        elif call.call_id in self._open or call.call_id not in self._ended:
            self._open[call.call_id] = call

    @property
    def focus(self) -> Call | None:
        """The call the agent is on (placed or taken): the newest one not on hold, else the
        newest held one; None when there is none."""
        taken = [c for c in self._open.values() if c.taken]
        active = [c for c in taken if c.state is not CallState.HELD]
        chosen = active or taken
        return chosen[-1] if chosen else None
