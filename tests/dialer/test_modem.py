"""The serial phone-line box, driven against a fake V.253 voice modem on a pseudo-terminal."""

from __future__ import annotations

import logging
import sys
import threading
import time
import wave
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import numpy as np
import pytest

from agent_app.dialer.errors import (
    CallStateError,
    DialerError,
    LineUnavailableError,
    RecordingError,
)
from agent_app.dialer.events import (
    END_TEXT,
    Answered,
    DeviceBack,
    DeviceLost,
    DtmfReceived,
    Ended,
    Incoming,
    PhoneEvent,
    RecordingChanged,
    Ringing,
)
from agent_app.dialer.modem import ModemPhone
from agent_app.dialer.modem_lines import CallerId, DleDecoder, absorb_mesg
from agent_app.domain.enums import EndReason
from tests.dialer.fake_modem import VOICE_PATTERN, FakeModem

E = TypeVar("E", bound=PhoneEvent)
INIT = ["ATZ", "ATE0", "AT+FCLASS=8", "AT+VCID=1"]


class Line:
    """A ModemPhone and every event it delivered through ``pump()``."""

    def __init__(self, phone: ModemPhone) -> None:
        self.phone = phone
        self.events: list[PhoneEvent] = []
        phone.add_listener(self.events.append)

    def wait_for(
        self, kind: type[E], where: Callable[[E], bool] = lambda e: True, timeout: float = 3.0
    ) -> E:
        """Pump until an event of ``kind`` matching ``where`` was delivered."""
        deadline = time.monotonic() + timeout
        while True:
            self.phone.pump()
            for event in self.events:
                if isinstance(event, kind) and where(event):
                    return event
            if time.monotonic() > deadline:
                raise AssertionError(f"no {kind.__name__} within {timeout} s: {self.events}")
            time.sleep(0.005)

    def pump_for(self, seconds: float) -> None:
        """Keep delivering events for a while (to show that something does *not* happen)."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self.phone.pump()
            time.sleep(0.005)

    def of(self, kind: type[E]) -> list[E]:
        return [e for e in self.events if isinstance(e, kind)]

    def answered_call(self, number: str = "5551") -> str:
        call = self.phone.dial(number)
        self.wait_for(Answered, lambda e: e.call_id == call)
        return call


def wait_until(condition: Callable[[], bool], timeout: float = 3.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.005)


def open_line(modem: FakeModem, **options: object) -> Line:
    settings: dict[str, object] = {
        "command_timeout": 1.0,
        "ring_timeout": 1.0,
        "caller_id_settle": 0.15,
        "reconnect_delay": (0.05, 0.2),
    }
    settings.update(options)
    return Line(ModemPhone(str(modem.link), **settings))  # type: ignore[arg-type]


@pytest.fixture
def line(modem: FakeModem) -> Iterator[Line]:
    opened = open_line(modem)
    yield opened
    opened.phone.close()


def wav_samples(path: Path) -> np.ndarray:
    with wave.open(str(path)) as wav:
        assert (wav.getframerate(), wav.getnchannels(), wav.getsampwidth()) == (8000, 1, 2)
        return np.frombuffer(wav.readframes(wav.getnframes()), dtype="<i2")


def as_pcm16(sent: bytes) -> np.ndarray:
    return (np.frombuffer(sent, dtype=np.uint8).astype(np.int16) - 128) * 256


def mesg(kind: int, params: list[tuple[int, bytes]] | bytes) -> str:
    """A caller ID packet as a modem prints it after ``MESG =``, with its checksum."""
    body = (
        params if isinstance(params, bytes) else b"".join(bytes([k, len(v)]) + v for k, v in params)
    )
    packet = bytes([kind, len(body)]) + body
    return (packet + bytes([-sum(packet) & 0xFF])).hex().upper()


# Initialisation ----------------------------------------------------------------------------
def test_init_resets_then_enables_voice_mode_and_caller_id(line: Line, modem: FakeModem) -> None:
    assert modem.commands == INIT
    assert modem.caller_id_enabled and not modem.echo


def test_reset_sends_caller_id_again_because_atz_clears_it(line: Line, modem: FakeModem) -> None:
    start = len(modem.commands)
    line.phone.reset()
    assert modem.commands_since(start) == INIT
    assert modem.caller_id_enabled
    modem.ring(["DATE = 1123", "TIME = 0930", "NMBR = 13812345678", "NAME = WANG"])
    assert line.wait_for(Incoming).number == "13812345678"


def test_extra_init_commands_follow_and_a_refused_one_only_logs(
    modem: FakeModem, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        opened = open_line(modem, extra_init=["AT+VRA=50", "AT&BOGUS"])
    try:
        assert modem.commands == [*INIT, "AT+VRA=50", "AT&BOGUS"]
        assert any("AT&BOGUS with ERROR" in r.getMessage() for r in caplog.records)
        opened.answered_call()
    finally:
        opened.phone.close()


def test_missing_port_raises_line_unavailable_in_one_sentence(tmp_path: Path) -> None:
    path = tmp_path / "ttyACM0"
    with pytest.raises(LineUnavailableError) as caught:
        ModemPhone(str(path))
    assert str(caught.value) == (
        f"The phone-line box at {path} cannot be opened: No such file or directory."
    )


def test_missing_pyserial_raises_line_unavailable(
    modem: FakeModem, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "serial", None)
    with pytest.raises(LineUnavailableError, match="needs the pyserial package"):
        ModemPhone(str(modem.link))


def test_a_modem_without_voice_mode_is_refused(tmp_path: Path) -> None:
    fake = FakeModem(tmp_path / "ttyData", voice_class=False)
    try:
        with pytest.raises(LineUnavailableError, match="cannot be used as a phone line"):
            ModemPhone(str(fake.link), command_timeout=1.0)
    finally:
        fake.stop()


# Outgoing calls ------------------------------------------------------------------------------
def test_dial_ok_means_answered(line: Line, modem: FakeModem) -> None:
    call = line.answered_call("555 1")
    assert "ATD5551;" in modem.commands
    line.pump_for(0.1)
    assert line.of(Ended) == [] and [e.call_id for e in line.of(Answered)] == [call]


def test_the_echo_of_a_dial_command_is_logged_without_the_number(
    line: Line, modem: FakeModem, caplog: pytest.LogCaptureFixture
) -> None:
    modem.echo = True  # a box that ignores ATE0 echoes every command back
    with caplog.at_level(logging.DEBUG, logger="agent_app.dialer"):
        line.answered_call("13812345678")
    echoes = [r.getMessage() for r in caplog.records if "echo" in r.getMessage()]
    assert any("ATD*******5678;" in message for message in echoes), echoes
    assert not any("13812345678" in r.getMessage() for r in caplog.records)


def test_ringing_result_is_reported_before_the_answer(line: Line) -> None:
    call = line.answered_call("5556")
    assert line.of(Ringing) == [Ringing(call)]
    assert line.events.index(Ringing(call)) < line.events.index(Answered(call))


@pytest.mark.parametrize(
    ("number", "reason"),
    [
        ("5552", EndReason.BUSY),
        ("5553", EndReason.NO_ANSWER),  # NO CARRIER before an answer: nobody picked up
        ("5554", EndReason.NO_ANSWER),
        ("5555", EndReason.NO_DIALTONE),
    ],
)
def test_failed_dials_end_with_reason_and_readable_text(
    line: Line, number: str, reason: EndReason
) -> None:
    call = line.phone.dial(number)
    ended = line.wait_for(Ended)
    assert ended == Ended(call, reason, END_TEXT[reason])
    assert line.of(Answered) == []
    line.answered_call()  # the line is free again


def test_no_carrier_after_the_answer_is_a_remote_hangup(line: Line, modem: FakeModem) -> None:
    call = line.answered_call()
    start = len(modem.commands)
    modem.far_end_hangs_up()
    assert line.wait_for(Ended) == Ended(
        call, EndReason.REMOTE_HANGUP, END_TEXT[EndReason.REMOTE_HANGUP]
    )
    wait_until(lambda: "ATH" in modem.commands_since(start))


def test_hangup_while_dialling_aborts_the_dial_and_cancels(line: Line, modem: FakeModem) -> None:
    call = line.phone.dial("5559")  # the fake keeps dialling until interrupted
    wait_until(lambda: "ATD5559;" in modem.commands)
    line.phone.hangup(call)
    assert line.wait_for(Ended) == Ended(call, EndReason.CANCELLED, END_TEXT[EndReason.CANCELLED])
    assert modem.commands[-1] == "ATH"
    line.pump_for(0.1)
    assert len(line.of(Ended)) == 1 and line.of(Answered) == []
    line.answered_call()


def test_local_hangup_after_the_answer(line: Line, modem: FakeModem) -> None:
    call = line.answered_call()
    line.phone.hangup(call)
    assert line.wait_for(Ended).reason is EndReason.LOCAL_HANGUP
    assert modem.commands[-1] == "ATH" and not modem.off_hook
    with pytest.raises(CallStateError, match="already ended"):
        line.phone.hangup(call)


def test_one_call_at_a_time_and_only_dialable_numbers(line: Line) -> None:
    line.answered_call()
    with pytest.raises(CallStateError, match="already in a call"):
        line.phone.dial("5551")
    with pytest.raises(DialerError, match="cannot be dialled"):
        line.phone.dial("+86 138 1234 5678")


def test_hold_and_mute_are_refused_with_a_reason(line: Line) -> None:
    call = line.answered_call()
    with pytest.raises(CallStateError, match="no hold"):
        line.phone.hold(call, True)
    with pytest.raises(CallStateError, match="cannot mute"):
        line.phone.mute(call, True)


def test_send_dtmf_uses_vts(line: Line, modem: FakeModem) -> None:
    call = line.answered_call()
    line.phone.send_dtmf(call, "12#a")
    assert modem.commands[-1] == "AT+VTS=1,2,#,A"
    with pytest.raises(DialerError, match="not keys"):
        line.phone.send_dtmf(call, "12x")


# Incoming calls ------------------------------------------------------------------------------
MDMF_FULL = mesg(0x80, [(0x01, b"11230930"), (0x02, b"13812345678"), (0x07, b"WANG")])
MDMF_PRIVATE = mesg(0x80, [(0x01, b"11230930"), (0x04, b"P")])
SDMF = mesg(0x04, b"11230930" + b"02087654321")


@pytest.mark.parametrize(
    ("caller_id", "expected"),
    [
        (
            ["DATE = 1123", "TIME = 0930", "NMBR = 13812345678", "NAME = WANG"],
            ("13812345678", "WANG", False),
        ),
        (["DATE = 1123", "TIME = 0930", "NMBR = 13812345678"], ("13812345678", "", False)),
        (["DATE = 1123", "TIME = 0930", "NMBR = P"], ("", "", True)),
        (["DATE = 1123", "TIME = 0930", "NMBR = O", "NAME = O"], ("", "", False)),
        ([f"MESG = {MDMF_FULL}"], ("13812345678", "WANG", False)),
        ([f"MESG = {MDMF_PRIVATE}"], ("", "", True)),
        ([f"MESG = {SDMF}"], ("02087654321", "", False)),
    ],
    ids=["formatted", "no-name", "private", "out-of-area", "mdmf", "mdmf-private", "sdmf"],
)
def test_caller_id_before_the_second_ring_gives_one_incoming(
    line: Line, modem: FakeModem, caller_id: list[str], expected: tuple[str, str, bool]
) -> None:
    modem.ring(caller_id)
    incoming = line.wait_for(Incoming)
    assert (incoming.number, incoming.display_name, incoming.withheld) == expected
    modem.ring()
    modem.ring()
    line.pump_for(0.2)
    assert line.of(Incoming) == [incoming]


def test_without_caller_id_the_second_ring_announces_an_empty_number(
    line: Line, modem: FakeModem
) -> None:
    modem.ring()
    line.pump_for(0.3)
    assert line.of(Incoming) == []
    modem.ring()
    incoming = line.wait_for(Incoming)
    assert (incoming.number, incoming.withheld) == ("", False)
    modem.ring()
    line.pump_for(0.2)
    assert line.of(Incoming) == [incoming]


def test_answering_an_incoming_call_sends_ata(line: Line, modem: FakeModem) -> None:
    modem.ring(["NMBR = 13812345678", "NAME = WANG"])
    call = line.wait_for(Incoming).call_id
    line.phone.answer(call)
    assert line.wait_for(Answered).call_id == call
    assert modem.commands[-1] == "ATA" and modem.off_hook
    line.phone.hangup(call)
    assert line.wait_for(Ended).reason is EndReason.LOCAL_HANGUP


def test_rejected_call_hangs_up_and_its_later_rings_are_ignored(
    line: Line, modem: FakeModem
) -> None:
    modem.ring(["NMBR = 13812345678", "NAME = WANG"])
    first = line.wait_for(Incoming).call_id
    line.phone.reject(first)
    assert line.wait_for(Ended) == Ended(first, EndReason.REJECTED, END_TEXT[EndReason.REJECTED])
    assert modem.commands[-1] == "ATH"
    modem.ring()
    modem.ring()
    line.pump_for(0.3)
    assert len(line.of(Incoming)) == 1
    line.pump_for(1.1)  # the rejected caller has given up: a new call may ring
    modem.ring()
    modem.ring()
    second = line.wait_for(Incoming, lambda e: e.call_id != first)
    assert second.number == ""


def test_caller_who_gives_up_ends_the_incoming_call(line: Line, modem: FakeModem) -> None:
    modem.ring()
    modem.ring()
    call = line.wait_for(Incoming).call_id
    ended = line.wait_for(Ended, timeout=3.0)
    assert ended == Ended(call, EndReason.CANCELLED, END_TEXT[EndReason.CANCELLED])
    with pytest.raises(CallStateError):
        line.phone.answer(call)


def test_lines_split_across_reads_are_joined(line: Line, modem: FakeModem) -> None:
    modem.send_raw(b"\r\nRI")
    line.pump_for(0.05)
    modem.send_raw(b"NG\r\n\r\nNMBR = 1381234")
    line.pump_for(0.05)
    modem.send_raw(b"5678\r\n\r\nNAME = WANG\r\n")
    assert line.wait_for(Incoming).number == "13812345678"


def test_garbled_and_partial_lines_are_logged_and_ignored(
    line: Line, modem: FakeModem, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        modem.send_raw(b"\r\n\x8f\xfe\x00gar\x10bage\xff\r\n")
        modem.send_lines(["NO CARR", "+XYZ: 1", "OKAY", "MESG = 80ZZ", "CALLER: 13812345678"])
        modem.send_raw(bytes(range(128, 256)) * 12)  # noise with no line end at all
        line.pump_for(0.2)
        modem.send_raw(b"\r\n")
        line.pump_for(0.2)
        call = line.answered_call()
    assert line.of(Incoming) == [] and line.of(Ended) == []
    messages = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any("not understood" in m and "NO CARR" in m for m in messages)
    assert any("not understood" in m and "OKAY" in m for m in messages)
    assert any("caller ID message" in m for m in messages)
    assert any("noise" in m for m in messages)
    assert any("CALLER: 138…" in m for m in messages)
    assert not any("12345678" in m for m in messages)  # no whole numbers in the log
    assert not any(r.levelno >= logging.ERROR for r in caplog.records)
    line.phone.hangup(call)
    assert line.wait_for(Ended).reason is EndReason.LOCAL_HANGUP


# Voice receive -------------------------------------------------------------------------------
def test_recording_decodes_dle_shielded_samples_into_the_wav(
    line: Line, modem: FakeModem, tmp_path: Path
) -> None:
    call = line.answered_call()
    path = tmp_path / "rec" / "call.wav"
    line.phone.start_recording(call, path)
    assert modem.commands[-2:] == ["AT+VSM=1,8000", "AT+VRX"]
    wait_until(lambda: len(modem.voice_sent) >= 3 * len(VOICE_PATTERN))
    assert line.phone.stop_recording(call) == path
    sent = bytes(modem.voice_sent)
    assert b"\x10\x03" in sent  # shielded on the wire; ends the stream if decoded wrongly
    np.testing.assert_array_equal(wav_samples(path), as_pcm16(sent))
    line.wait_for(RecordingChanged, lambda e: not e.recording)
    assert [(e.recording, e.path) for e in line.of(RecordingChanged)] == [
        (True, str(path)),
        (False, str(path)),
    ]
    line.phone.hangup(call)  # back in command mode: ATH is understood
    assert line.wait_for(Ended).reason is EndReason.LOCAL_HANGUP


def test_paused_recording_is_written_as_silence(
    line: Line, modem: FakeModem, tmp_path: Path
) -> None:
    call = line.answered_call()
    path = tmp_path / "call.wav"
    line.phone.start_recording(call, path)
    wait_until(lambda: len(modem.voice_sent) >= 2000)
    line.phone.pause_recording(call, True)
    mark = len(modem.voice_sent)
    wait_until(lambda: len(modem.voice_sent) >= mark + 3000)
    line.phone.pause_recording(call, False)
    mark = len(modem.voice_sent)
    wait_until(lambda: len(modem.voice_sent) >= mark + 2000)
    line.phone.stop_recording(call)
    samples, expected = wav_samples(path), as_pcm16(bytes(modem.voice_sent))
    assert len(samples) == len(expected)
    differ = np.flatnonzero(samples != expected)
    assert len(differ) > 0 and not samples[differ].any()  # only ever replaced by silence
    first, last = differ[0], differ[-1]
    assert not samples[first : last + 1].any()  # one silent stretch
    assert last - first > 1500 and first > 500 and last < len(samples) - 500
    line.wait_for(RecordingChanged, lambda e: not e.recording)
    assert [e.paused for e in line.of(RecordingChanged)] == [False, True, False, False]


def test_a_recording_the_modem_refuses_raises_and_leaves_no_file(
    line: Line, modem: FakeModem, tmp_path: Path
) -> None:
    call = line.answered_call()
    modem.off_hook = False  # the fake then answers AT+VRX with ERROR
    path = tmp_path / "call.wav"
    with pytest.raises(RecordingError, match=r"cannot be recorded.*AT\+VRX with ERROR"):
        line.phone.start_recording(call, path)
    assert not path.exists()
    assert line.phone.stop_recording(call) is None
    line.phone.hangup(call)
    assert line.wait_for(Ended).reason is EndReason.LOCAL_HANGUP


def test_dtmf_heard_while_recording_is_reported(
    line: Line, modem: FakeModem, tmp_path: Path
) -> None:
    call = line.answered_call()
    line.phone.start_recording(call, tmp_path / "call.wav")
    modem.dle_event("5")
    modem.dle_event("#")
    line.wait_for(DtmfReceived, lambda e: e.digit == "#")
    assert line.of(DtmfReceived) == [DtmfReceived(call, "5"), DtmfReceived(call, "#")]
    line.phone.hangup(call)
    line.wait_for(Ended)


def test_sending_dtmf_while_recording_resumes_the_recording(
    line: Line, modem: FakeModem, tmp_path: Path
) -> None:
    call = line.answered_call()
    path = tmp_path / "call.wav"
    line.phone.start_recording(call, path)
    wait_until(lambda: len(modem.voice_sent) >= 1000)
    line.phone.send_dtmf(call, "9")
    assert modem.commands[-2:] == ["AT+VTS=9", "AT+VRX"]
    mark = len(modem.voice_sent)
    wait_until(lambda: len(modem.voice_sent) >= mark + 1000)
    line.phone.stop_recording(call)
    np.testing.assert_array_equal(wav_samples(path), as_pcm16(bytes(modem.voice_sent)))


def test_busy_tone_while_recording_ends_the_call_and_keeps_the_wav(
    line: Line, modem: FakeModem, tmp_path: Path
) -> None:
    call = line.answered_call()
    path = tmp_path / "call.wav"
    line.phone.start_recording(call, path)
    wait_until(lambda: len(modem.voice_sent) >= 1000)
    modem.dle_event("b")
    ended = line.wait_for(Ended)
    assert ended == Ended(call, EndReason.REMOTE_HANGUP, END_TEXT[EndReason.REMOTE_HANGUP])
    assert line.of(RecordingChanged)[-1] == RecordingChanged(call, False, False, str(path))
    assert modem.commands[-1] == "ATH" and not modem.streaming
    np.testing.assert_array_equal(wav_samples(path), as_pcm16(bytes(modem.voice_sent)))
    assert line.phone.stop_recording(call) is None


# Unplug and replug ---------------------------------------------------------------------------
def test_unplug_mid_call_ends_it_as_device_lost(
    line: Line, modem: FakeModem, tmp_path: Path
) -> None:
    call = line.answered_call()
    path = tmp_path / "call.wav"
    line.phone.start_recording(call, path)
    wait_until(lambda: len(modem.voice_sent) >= 1000)
    modem.unplug()
    ended = line.wait_for(Ended, timeout=2.0)
    assert ended == Ended(call, EndReason.DEVICE_LOST, END_TEXT[EndReason.DEVICE_LOST])
    assert "unplugged" in line.wait_for(DeviceLost, timeout=2.0).reason
    assert line.of(RecordingChanged)[-1].recording is False
    assert len(wav_samples(path)) > 500  # finished, playable
    with pytest.raises(LineUnavailableError, match="disconnected"):
        line.phone.dial("5551")


def test_replug_brings_the_line_back_and_dialling_works(line: Line, modem: FakeModem) -> None:
    line.answered_call()
    modem.unplug()
    line.wait_for(DeviceLost)
    start = len(modem.commands)
    modem.replug()
    line.wait_for(DeviceBack, timeout=5.0)
    assert modem.commands_since(start) == INIT and modem.caller_id_enabled
    assert len(line.of(DeviceLost)) == 1
    line.answered_call("5557")


def test_close_is_idempotent_and_stops_reconnecting(modem: FakeModem) -> None:
    opened = open_line(modem)
    modem.unplug()
    opened.wait_for(DeviceLost)
    began = time.monotonic()
    opened.phone.close()
    opened.phone.close()
    assert time.monotonic() - began < 2.0
    assert not [t for t in threading.enumerate() if t.name.startswith("modem-")]
    start = len(modem.commands)
    modem.replug()
    time.sleep(0.4)  # several reconnect periods: nobody may open the port any more
    assert modem.commands_since(start) == []


def test_close_hangs_up_an_open_call(modem: FakeModem) -> None:
    opened = open_line(modem)
    call = opened.answered_call()
    opened.phone.close()
    assert opened.wait_for(Ended) == Ended(
        call, EndReason.LOCAL_HANGUP, END_TEXT[EndReason.LOCAL_HANGUP]
    )
    assert modem.commands[-1] == "ATH"


# Pure decoding -------------------------------------------------------------------------------
def test_dle_decoder_keeps_state_across_chunks() -> None:
    decoder = DleDecoder()
    assert decoder.feed(b"ab\x10") == (b"ab", [], None)
    assert decoder.feed(b"\x10c\x10") == (b"\x10c", [], None)
    assert decoder.feed(b"5d\x10\x03OK\r\n") == (b"d", ["5"], b"OK\r\n")


def test_mesg_with_a_bad_checksum_changes_nothing() -> None:
    cid = CallerId()
    broken = MDMF_FULL[:-2] + ("00" if MDMF_FULL[-2:] != "00" else "01")
    assert absorb_mesg(cid, broken) is False
    assert cid == CallerId()
    assert absorb_mesg(cid, "0204" + b"1234".hex()) is True  # bare parameter list
    assert (cid.number, cid.number_known, cid.name_known) == ("1234", True, False)


# Caller identity hygiene and ring time -------------------------------------------------------
@pytest.mark.parametrize(
    "nmbr",
    [b"138\x0012345678", b"1381234\xff5678", b"13812345678\xff", b"138l2345678", b"\xff\xfe"],
    ids=["nul", "0xff-inside", "0xff-after", "letter", "only-noise"],
)
def test_line_noise_in_the_caller_number_is_invalid_and_logged_without_digits(
    line: Line, modem: FakeModem, caplog: pytest.LogCaptureFixture, nmbr: bytes
) -> None:
    with caplog.at_level(logging.INFO):
        modem.send_raw(b"\r\nRING\r\n\r\nDATE = 1123\r\n\r\nTIME = 0930\r\n")
        modem.send_raw(b"\r\nNMBR = " + nmbr + b"\r\n\r\nNAME = WANG\r\n")
        incoming = line.wait_for(Incoming)
    assert (incoming.number, incoming.invalid, incoming.withheld, incoming.unavailable) == (
        "",
        True,
        False,
        False,
    )
    messages = [r.getMessage() for r in caplog.records]
    assert any("not readable" in m for m in messages)
    assert not any("2345" in m for m in messages)  # no digits of the number in the log


def test_mesg_packet_with_noise_in_the_number_is_invalid(line: Line, modem: FakeModem) -> None:
    packet = mesg(0x80, [(0x01, b"11230930"), (0x02, b"1381\x00345678"), (0x07, b"WANG")])
    modem.ring([f"MESG = {packet}"])
    incoming = line.wait_for(Incoming)
    assert (incoming.number, incoming.invalid) == ("", True)


@pytest.mark.parametrize(
    ("nmbr", "flags"),
    [("O", (False, True, False)), ("P", (True, False, False))],
    ids=["out-of-area", "private"],
)
def test_out_of_area_is_unavailable_and_private_is_withheld_neither_invalid(
    line: Line, modem: FakeModem, nmbr: str, flags: tuple[bool, bool, bool]
) -> None:
    modem.ring(["DATE = 1123", "TIME = 0930", f"NMBR = {nmbr}", "NAME = O"])
    incoming = line.wait_for(Incoming)
    assert incoming.number == ""
    assert (incoming.withheld, incoming.unavailable, incoming.invalid) == flags


def test_a_call_that_keeps_ringing_ends_as_missed_and_its_later_rings_are_ignored(
    modem: FakeModem,
) -> None:
    line = open_line(modem, missed_after=0.8)
    try:
        stop = threading.Event()

        def keep_ringing() -> None:  # a caller who never gives up: a ring every 0.3 s
            while not stop.wait(0.3):
                modem.ring()

        ringer = threading.Thread(target=keep_ringing, daemon=True)
        modem.ring(["NMBR = 13812345678", "NAME = WANG"])
        started = time.monotonic()
        ringer.start()
        call = line.wait_for(Incoming).call_id
        ended = line.wait_for(Ended, timeout=3.0)
        assert ended == Ended(call, EndReason.MISSED, END_TEXT[EndReason.MISSED])
        assert 0.8 <= time.monotonic() - started < 2.0
        line.pump_for(1.0)  # still ringing: no new call, no second end
        assert len(line.of(Incoming)) == 1 and len(line.of(Ended)) == 1
        stop.set()
        ringer.join()
        line.pump_for(1.2)  # the caller gave up; the next call rings as a new one
        modem.ring(["NMBR = 13912345678", "NAME = LI"])
        assert line.wait_for(Incoming, lambda e: e.call_id != call).number == "13912345678"
    finally:
        line.phone.close()


def test_retry_looks_for_an_unplugged_box_at_once(modem: FakeModem) -> None:
    line = open_line(modem, reconnect_delay=(5.0, 10.0))
    try:
        assert not line.phone.retry()  # plugged in: nothing to retry
        modem.unplug()
        line.wait_for(DeviceLost)
        modem.replug()
        line.pump_for(0.3)
        assert line.of(DeviceBack) == []  # the back-off would wait 5 s
        assert line.phone.retry()
        line.wait_for(DeviceBack, timeout=2.0)
    finally:
        line.phone.close()


# After sleep ---------------------------------------------------------------------------------
def test_after_sleep_the_port_is_reopened_and_the_line_reports_it(
    line: Line, modem: FakeModem
) -> None:
    assert line.phone.network_changed() is False  # a network change alone: nothing to do
    modem.vanish_in_sleep()  # the old port goes quiet, no error comes
    start = len(modem.commands)
    assert line.phone.network_changed(resumed=True) is True
    lost = line.wait_for(DeviceLost, timeout=2.0)
    assert "reopened after the computer slept" in lost.reason
    line.wait_for(DeviceBack, timeout=5.0)
    assert modem.commands_since(start) == INIT and modem.caller_id_enabled
    line.answered_call("5557")  # the line works on the fresh port


def test_a_call_open_when_the_computer_slept_ends_as_device_lost(
    line: Line, modem: FakeModem
) -> None:
    call = line.answered_call()
    modem.vanish_in_sleep()
    line.phone.network_changed(resumed=True)
    ended = line.wait_for(Ended, timeout=2.0)
    assert (ended.call_id, ended.reason) == (call, EndReason.DEVICE_LOST)
    line.wait_for(DeviceBack, timeout=5.0)
