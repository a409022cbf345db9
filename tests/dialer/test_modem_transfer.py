"""Hook-flash transfer on the phone line, against the pty modem double (tests/dialer/fake_modem)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from agent_app.dialer.errors import LineUnavailableError, TransferError, TransferRefusal
from agent_app.dialer.events import (
    Ended,
    EndReason,
    RecordingChanged,
    TransferDone,
    TransferOutcome,
)
from agent_app.dialer.modem_transfer import FlashTransfer
from tests.dialer.fake_modem import FakeModem
from tests.dialer.test_modem import Line, open_line


@pytest.fixture
def pbx_line(modem: FakeModem) -> Iterator[Line]:
    opened = open_line(modem, flash=FlashTransfer("!W", "{flash}*2{target}"))
    yield opened
    opened.phone.close()


def test_transfer_sends_the_flash_sequence_and_target_then_hangs_up(
    pbx_line: Line, modem: FakeModem, tmp_path: Path
) -> None:
    call = pbx_line.answered_call()
    pbx_line.phone.start_recording(call, tmp_path / "call.wav")
    start = len(modem.commands)
    pbx_line.phone.transfer_blind(call, "2001")
    sent = modem.commands_since(start)
    assert sent[-2:] == ["ATD!W*22001;", "ATH"]
    done = pbx_line.wait_for(TransferDone)
    assert (done.call_id, done.outcome) == (call, TransferOutcome.ACCEPTED)
    ended = pbx_line.wait_for(Ended)
    assert (ended.call_id, ended.reason) == (call, EndReason.TRANSFERRED)
    assert pbx_line.of(RecordingChanged)[-1].recording is False  # the file was closed first
    assert not modem.off_hook


def test_a_refused_transfer_dial_flashes_back_and_keeps_the_call(
    pbx_line: Line, modem: FakeModem
) -> None:
    call = pbx_line.answered_call()
    start = len(modem.commands)
    pbx_line.phone.transfer_blind(call, "2002")  # the double answers BUSY for a final 2
    assert modem.commands_since(start) == ["ATD!W*22002;", "ATD!W;"]
    done = pbx_line.wait_for(TransferDone)
    assert (done.call_id, done.outcome) == (call, TransferOutcome.FAILED)
    pbx_line.pump_for(0.2)
    assert pbx_line.of(Ended) == []
    pbx_line.phone.hangup(call)
    assert pbx_line.wait_for(Ended).reason is EndReason.LOCAL_HANGUP


def test_a_line_without_flash_refuses_transfer_with_a_code(
    modem: FakeModem,
) -> None:
    line = open_line(modem)
    try:
        call = line.answered_call()
        start = len(modem.commands)
        with pytest.raises(TransferError) as refused:
            line.phone.transfer_blind(call, "2001")
        assert refused.value.code is TransferRefusal.NO_FLASH
        with pytest.raises(TransferError) as consult:
            line.phone.consult(call, "2001")
        assert consult.value.code is TransferRefusal.NOT_SUPPORTED
        with pytest.raises(TransferError) as conference:
            line.phone.conference([call])
        assert conference.value.code is TransferRefusal.NO_CONFERENCE
        assert modem.commands_since(start) == []  # nothing reached the line
    finally:
        line.phone.close()


def test_bad_targets_and_settings_are_refused_before_the_line_is_touched(
    pbx_line: Line, modem: FakeModem
) -> None:
    call = pbx_line.answered_call()
    start = len(modem.commands)
    with pytest.raises(TransferError) as bad:
        pbx_line.phone.transfer_blind(call, "ward 7")
    assert bad.value.code is TransferRefusal.BAD_TARGET
    assert modem.commands_since(start) == []
    with pytest.raises(LineUnavailableError, match="not a hook flash"):
        FlashTransfer("W")
    with pytest.raises(LineUnavailableError, match="transfer_dial"):
        FlashTransfer("!", "{flash}")
    with pytest.raises(LineUnavailableError, match="transfer_dial"):
        FlashTransfer("!", "{flash}{target}{oops}")
