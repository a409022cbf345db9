"""The SIP headset line against real peers on 127.0.0.1: sipp scenarios and baresip.

pjsua2 allows one endpoint per process, so one direct-IP line (no registrar) serves the whole
module; registrar tests open a second account on the same stack, and the crash test runs its
line in a child process. Every wait is bounded and pumps the line like the GUI's timer does.
"""

from __future__ import annotations

import array
import ctypes
import gc
import logging
import math
import os
import select
import signal
import subprocess
import sys
import time
import wave
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest

from agent_app.config import SipSettings
from agent_app.dialer.errors import (
    CallStateError,
    DialerError,
    LineUnavailableError,
    NotRegisteredError,
)
from agent_app.dialer.events import (
    Answered,
    CallLimitReached,
    DtmfReceived,
    Ended,
    HoldChanged,
    Incoming,
    PhoneEvent,
    RecordingChanged,
    Registration,
    RegistrationChanged,
    Ringing,
)
from agent_app.dialer.sip import SipPhone
from agent_app.dialer.sip_config import NULL_AUDIO_DEVICE, STACK_MAX_CALLS, SipLineConfig
from agent_app.dialer.sip_messages import caller_from_invite, end_reason
from agent_app.dialer.wav import repair_wav
from agent_app.domain.enums import EndReason
from tests.dialer.sip_peers import LOCALHOST, PeerSet, SippPeer, free_port

ROOT = Path(__file__).resolve().parents[2]
RTP_TIMEOUT = 1.5
NO_ANSWER_TIMEOUT = 2.0
E = TypeVar("E", bound=PhoneEvent)


class EventLog:
    """Everything the line reported, with bounded waits that pump it."""

    def __init__(self, phone: SipPhone) -> None:
        self.phone = phone
        self.seen: list[PhoneEvent] = []
        phone.add_listener(self.seen.append)

    def mark(self) -> int:
        return len(self.seen)

    def wait(
        self,
        kind: type[E],
        call_id: str | None = None,
        *,
        since: int = 0,
        timeout: float = 5.0,
        where: Callable[[E], bool] = lambda e: True,
    ) -> E:
        deadline = time.monotonic() + timeout
        while True:
            self.phone.pump()
            for event in self.seen[since:]:
                if isinstance(event, kind) and call_id in (None, event.call_id) and where(event):
                    return event
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"no {kind.__name__} for {call_id or 'the line'} in {timeout} s; "
                    f"saw {self.seen[since:]}"
                )
            time.sleep(0.005)

    def run(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            self.phone.pump()
            time.sleep(0.005)

    def of(self, call_id: str) -> list[PhoneEvent]:
        return [e for e in self.seen if e.call_id == call_id]


def wav_samples(path: Path) -> tuple[int, array.array[int]]:
    with wave.open(str(path)) as wav:
        assert (wav.getnchannels(), wav.getsampwidth()) == (1, 2)
        rate = wav.getframerate()
        samples = array.array("h", wav.readframes(wav.getnframes()))
    if sys.byteorder == "big":
        samples.byteswap()
    return rate, samples


def stale_frames(path: Path) -> int | None:
    """Frames a WAV header claims, None when the header is too stale to open at all."""
    try:
        with wave.open(str(path)) as wav:
            return int(wav.getnframes())
    except wave.Error:
        return None


def rms(samples: array.array[int]) -> float:
    return math.sqrt(sum(s * s for s in samples) / len(samples)) if samples else 0.0


# Fixtures ------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def module_phone(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SipPhone]:
    phone = open_test_line(tmp_path_factory.mktemp("sip"), NO_ANSWER_TIMEOUT)
    yield phone
    phone.close()


def open_test_line(folder: Path, no_answer_timeout: float) -> SipPhone:
    """A SIP line on 127.0.0.1 with no sound device, logging pjsua into ``folder``."""
    config = SipLineConfig(
        user="agent",
        bound_address=LOCALHOST,
        null_audio=True,
        no_answer_timeout=no_answer_timeout,
        rtp_timeout=RTP_TIMEOUT,
        log_path=folder / "pjsua.log",
    )
    return SipPhone(config)


def hang_up_left_open(phone: SipPhone, log: EventLog) -> None:
    """Hang up every call ``log`` saw that has not ended, and stop logging."""
    phone.remove_listener(log.seen.append)
    for call_id in {e.call_id for e in log.seen if e.call_id}:
        if not any(isinstance(e, Ended) for e in log.of(call_id)):
            try:
                phone.hangup(call_id)
            except CallStateError:
                continue


@pytest.fixture
def phone(module_phone: SipPhone) -> Iterator[SipPhone]:
    """The module's line; calls a test leaves open are hung up afterwards."""
    log = EventLog(module_phone)
    yield module_phone
    hang_up_left_open(module_phone, log)
    module_phone.pump()


@pytest.fixture
def events(phone: SipPhone) -> Iterator[EventLog]:
    log = EventLog(phone)
    yield log
    phone.remove_listener(log.seen.append)


@pytest.fixture
def peers(tmp_path: Path) -> Iterator[PeerSet]:
    with PeerSet(tmp_path / "peers") as started:
        yield started


def finished(peer: SippPeer, events: EventLog) -> None:
    """The scenario ran to its end (sipp exits 0 only then); the line keeps being pumped,
    since sipp may still wait for our ACK or 200."""
    deadline = time.monotonic() + 10
    while peer.running and time.monotonic() < deadline:
        events.run(0.02)
    assert peer.wait(1) == 0, peer.describe()


# Outgoing calls ------------------------------------------------------------------------
def test_answered_call_records_far_end_audio_for_the_length_of_the_call(
    phone: SipPhone, events: EventLog, peers: PeerSet, tmp_path: Path
) -> None:
    peer = peers.sipp("uas_answer", hold_ms=3000)
    call_id = phone.dial(peer.uri())
    events.wait(Ringing, call_id)
    events.wait(Answered, call_id)
    answered_at = time.monotonic()
    wav = tmp_path / "rec" / "call.wav"
    phone.start_recording(call_id, wav)
    ended = events.wait(Ended, call_id, timeout=8)
    talk = time.monotonic() - answered_at
    assert ended.reason is EndReason.REMOTE_HANGUP
    assert phone.stop_recording(call_id) == wav
    closed = [e for e in events.of(call_id) if isinstance(e, RecordingChanged)]
    assert closed[-1] == RecordingChanged(call_id, False, False, str(wav))
    rate, samples = wav_samples(wav)
    seconds = len(samples) / rate
    assert 2.8 <= seconds <= 3.6
    assert abs(seconds - talk) < 0.3
    assert rms(samples) > 500  # sipp's speech sample, not line silence
    assert rms(samples[rate : 3 * rate]) > 1000
    finished(peer, events)


def test_peer_bye_ends_the_call_as_remote_hangup(
    phone: SipPhone, events: EventLog, peers: PeerSet
) -> None:
    peer = peers.sipp("uas_answer", hold_ms=300)
    call_id = phone.dial(peer.uri())
    events.wait(Answered, call_id)
    ended = events.wait(Ended, call_id)
    assert (ended.reason, ended.text) == (EndReason.REMOTE_HANGUP, "The other side hung up.")
    assert phone.stop_recording(call_id) is None
    finished(peer, events)


def test_the_dialled_number_is_logged_masked(
    phone: SipPhone, events: EventLog, peers: PeerSet, caplog: pytest.LogCaptureFixture
) -> None:
    peer = peers.sipp("uas_answer", hold_ms=300)
    with caplog.at_level(logging.DEBUG, logger="agent_app.dialer"):
        call_id = phone.dial(peer.uri("13812345678"))
        events.wait(Ended, call_id)
    dialled = [r.getMessage() for r in caplog.records if f"{call_id} to" in r.getMessage()]
    assert dialled == [f"SIP call {call_id} to sip:*******5678@{LOCALHOST}:{peer.port}"]
    assert not any("13812345678" in r.getMessage() for r in caplog.records)
    finished(peer, events)


def test_paused_recording_keeps_the_timeline_and_records_silence(
    phone: SipPhone, events: EventLog, peers: PeerSet, tmp_path: Path
) -> None:
    peer = peers.sipp("uas_answer_wait")
    call_id = phone.dial(peer.uri())
    events.wait(Answered, call_id)
    wav = tmp_path / "paused.wav"
    phone.start_recording(call_id, wav)
    events.run(1.5)  # the sample starts softly; by 1 s it speaks
    phone.pause_recording(call_id, True)
    events.run(1.0)
    phone.pause_recording(call_id, False)
    events.run(1.0)
    path = phone.stop_recording(call_id)
    phone.hangup(call_id)
    ended = events.wait(Ended, call_id)
    assert ended.reason is EndReason.LOCAL_HANGUP
    assert path == wav
    states = [
        (e.recording, e.paused) for e in events.of(call_id) if isinstance(e, RecordingChanged)
    ]
    assert states == [(True, False), (True, True), (True, False), (False, False)]
    rate, samples = wav_samples(wav)
    assert 3.3 <= len(samples) / rate <= 3.8  # the paused second is still in the file
    assert rms(samples[int(1.6 * rate) : int(2.4 * rate)]) == 0
    assert rms(samples[int(0.8 * rate) : int(1.4 * rate)]) > 300
    assert rms(samples[int(2.6 * rate) : int(3.3 * rate)]) > 300
    finished(peer, events)


@pytest.mark.parametrize(
    ("status", "text", "reason"),
    [
        ("486", "Busy Here", EndReason.BUSY),
        ("600", "Busy Everywhere", EndReason.BUSY),
        ("404", "Not Found", EndReason.NOT_FOUND),
        ("603", "Decline", EndReason.REJECTED),
        ("480", "Temporarily Unavailable", EndReason.NO_ANSWER),
        ("503", "Service Unavailable", EndReason.NETWORK),
    ],
)
def test_refusal_code_maps_to_end_reason(
    phone: SipPhone, events: EventLog, peers: PeerSet, status: str, text: str, reason: EndReason
) -> None:
    peer = peers.sipp("uas_refuse", fill={"STATUS": status, "REASON": text})
    call_id = phone.dial(peer.uri())
    events.wait(Ringing, call_id)
    ended = events.wait(Ended, call_id)
    assert (ended.reason, ended.code) == (reason, int(status))
    assert Answered(call_id) not in events.of(call_id)
    finished(peer, events)


def test_unanswered_call_is_cancelled_after_the_timeout_and_ends_as_no_answer(
    phone: SipPhone, events: EventLog, peers: PeerSet
) -> None:
    """Our CANCEL ends it with 487, reported as NO_ANSWER: the patient did not pick up."""
    peer = peers.sipp("uas_ring_forever")
    started = time.monotonic()
    call_id = phone.dial(peer.uri())
    ended = events.wait(Ended, call_id, timeout=NO_ANSWER_TIMEOUT + 3)
    assert (ended.reason, ended.code) == (EndReason.NO_ANSWER, 487)
    assert NO_ANSWER_TIMEOUT <= time.monotonic() - started < NO_ANSWER_TIMEOUT + 1.5
    finished(peer, events)
    assert "CANCEL sip:" in peer.trace()


def test_hanging_up_while_it_rings_cancels_the_call(
    phone: SipPhone, events: EventLog, peers: PeerSet
) -> None:
    peer = peers.sipp("uas_ring_forever")
    call_id = phone.dial(peer.uri())
    events.wait(Ringing, call_id)
    phone.hangup(call_id)
    ended = events.wait(Ended, call_id)
    assert (ended.reason, ended.code) == (EndReason.CANCELLED, 487)
    finished(peer, events)


def test_peer_killed_mid_call_ends_the_call_as_network_loss_in_bounded_time(
    phone: SipPhone, events: EventLog, peers: PeerSet
) -> None:
    peer = peers.sipp("uas_answer_wait")
    call_id = phone.dial(peer.uri())
    events.wait(Answered, call_id)
    events.run(0.5)
    peer.kill()
    killed = time.monotonic()
    ended = events.wait(Ended, call_id, timeout=RTP_TIMEOUT + 3)
    assert ended.reason is EndReason.NETWORK
    assert ended.text == "The connection to the other side was lost."
    assert time.monotonic() - killed < RTP_TIMEOUT + 1.0


def test_dialling_garbage_or_a_bare_number_without_server_is_refused(phone: SipPhone) -> None:
    with pytest.raises(DialerError, match="no phone server"):
        phone.dial("138 1234 5678")
    with pytest.raises(DialerError, match="not a phone number"):
        phone.dial("call mum")
    with pytest.raises(CallStateError, match="already ended"):
        phone.hangup("sip-999")


# baresip: a real soft phone that answers by itself -------------------------------------
def test_baresip_answers_and_receives_our_rfc2833_digits(
    phone: SipPhone, events: EventLog, peers: PeerSet
) -> None:
    peer = peers.baresip()
    call_id = phone.dial(peer.uri("patient"))
    events.wait(Answered, call_id)
    with pytest.raises(DialerError, match="not phone keys"):
        phone.send_dtmf(call_id, "12x")
    phone.send_dtmf(call_id, "159#")
    deadline = time.monotonic() + 5
    wanted = [f"received event: '{d}' (end=1)" for d in "159#"]
    while not all(line in peer.output() for line in wanted):
        assert time.monotonic() < deadline, peer.output()[-2000:]
        events.run(0.05)
    phone.hangup(call_id)
    assert events.wait(Ended, call_id).reason is EndReason.LOCAL_HANGUP


def test_hold_and_resume_are_confirmed_by_the_far_end(
    phone: SipPhone, events: EventLog, peers: PeerSet
) -> None:
    peer = peers.baresip()
    call_id = phone.dial(peer.uri("patient"))
    events.wait(Answered, call_id)
    phone.hold(call_id, True)
    assert events.wait(HoldChanged, call_id).on_hold is True
    events.run(RTP_TIMEOUT + 0.5)  # a held call is silent on purpose: no watchdog hang-up
    mark = events.mark()
    phone.hold(call_id, False)
    assert events.wait(HoldChanged, call_id, since=mark).on_hold is False
    phone.mute(call_id, True)
    phone.mute(call_id, False)
    events.run(0.3)
    assert not any(isinstance(e, Ended) for e in events.of(call_id))
    phone.hangup(call_id)
    events.wait(Ended, call_id)


def test_switching_to_the_null_device_mid_call_keeps_the_call_and_its_audio(
    phone: SipPhone, events: EventLog, peers: PeerSet, tmp_path: Path
) -> None:
    devices = phone.list_audio_devices()
    assert isinstance(devices, list)  # this machine has no sound card; a desk lists its own
    assert all(d.index >= 0 and d.name for d in devices)
    peer = peers.baresip()
    call_id = phone.dial(peer.uri("patient"))
    events.wait(Answered, call_id)
    wav = tmp_path / "switch.wav"
    phone.start_recording(call_id, wav)
    events.run(0.5)
    phone.switch_audio_device(NULL_AUDIO_DEVICE, NULL_AUDIO_DEVICE)
    events.run(1.0)
    assert phone.stop_recording(call_id) == wav
    assert not any(isinstance(e, Ended) for e in events.of(call_id))
    rate, samples = wav_samples(wav)
    assert rms(samples[-rate // 2 :]) > 1000  # baresip's 440 Hz tone still arrives
    phone.hangup(call_id)
    assert events.wait(Ended, call_id).reason is EndReason.LOCAL_HANGUP


def test_closing_a_second_line_ends_its_call_and_finishes_the_recording(
    module_phone: SipPhone, peers: PeerSet, tmp_path: Path
) -> None:
    """Two lines share the process's stack; closing one leaves the other working."""
    line = SipPhone(SipLineConfig(user="nurse", bound_address=LOCALHOST, null_audio=True))
    assert line.local_port not in (0, module_phone.local_port)
    log = EventLog(line)
    peer = peers.sipp("uas_answer_wait")
    call_id = line.dial(peer.uri())
    log.wait(Answered, call_id)
    wav = tmp_path / "closed.wav"
    line.start_recording(call_id, wav)
    log.run(0.5)
    line.close()
    line.pump()  # events queued while closing are still delivered
    ended = log.wait(Ended, call_id, timeout=0)
    assert ended.reason is EndReason.LOCAL_HANGUP
    assert line.stop_recording(call_id) == wav
    with wave.open(str(wav)) as closed:
        assert closed.getnframes() > 0.4 * closed.getframerate()
    with pytest.raises(LineUnavailableError, match="closed"):
        line.dial(peer.uri())
    module_phone.pump()  # the module's line still pumps the shared stack


# Incoming calls ------------------------------------------------------------------------
@pytest.mark.parametrize("number", ["+8613812345678", "008613812345678", "013812345678"])
def test_incoming_caller_number_is_reported_as_sent_and_refused_with_486(
    phone: SipPhone, events: EventLog, peers: PeerSet, number: str
) -> None:
    mark = events.mark()
    peer = peers.sipp("uac_call_in", call_to=phone.local_port, keys={"caller": number})
    incoming = events.wait(Incoming, since=mark)
    assert (incoming.number, incoming.withheld) == (number, False)
    phone.reject(incoming.call_id)
    ended = events.wait(Ended, incoming.call_id)
    assert (ended.reason, ended.code) == (EndReason.REJECTED, 486)
    finished(peer, events)
    trace = peer.trace()
    assert "SIP/2.0 180 Ringing" in trace and "SIP/2.0 486 Busy Here" in trace


def test_incoming_caller_from_p_asserted_identity_is_answered_and_its_digit_heard(
    phone: SipPhone, events: EventLog, peers: PeerSet
) -> None:
    mark = events.mark()
    peer = peers.sipp(
        "uac_call_in_pai", call_to=phone.local_port, keys={"caller": "+8613912345678"}, hold_ms=800
    )
    incoming = events.wait(Incoming, since=mark)
    assert (incoming.number, incoming.display_name) == ("+8613912345678", "Wang Fang")
    phone.answer(incoming.call_id)
    events.wait(Answered, incoming.call_id)
    assert events.wait(DtmfReceived, incoming.call_id).digit == "1"
    assert events.wait(Ended, incoming.call_id).reason is EndReason.REMOTE_HANGUP
    finished(peer, events)


def test_anonymous_caller_with_privacy_id_is_withheld(
    phone: SipPhone, events: EventLog, peers: PeerSet
) -> None:
    mark = events.mark()
    peer = peers.sipp(
        "uac_call_in_anonymous", call_to=phone.local_port, keys={"caller": "+8613812345678"}
    )
    incoming = events.wait(Incoming, since=mark)
    assert incoming == Incoming(incoming.call_id, "", "", withheld=True)
    phone.hangup(incoming.call_id)  # an unanswered inbound call: hang-up refuses it
    assert events.wait(Ended, incoming.call_id).reason is EndReason.REJECTED
    finished(peer, events)


# Registration --------------------------------------------------------------------------
def registrar_line(port: int, password: str, folder: Path) -> SipPhone:
    return SipPhone(
        SipLineConfig(
            user="1001",
            registrar=f"sip:{LOCALHOST}:{port}",
            transport="tcp",
            bound_address=LOCALHOST,
            null_audio=True,
            reg_expires=30,
            reg_retry=1,
            reg_first_retry=1,
            reg_retry_jitter=0,
            log_path=folder / "pjsua-registrar.log",
        ),
        password=password,
    )


def test_registration_answers_the_digest_challenge_and_is_retried_after_registrar_loss(
    module_phone: SipPhone, peers: PeerSet, tmp_path: Path
) -> None:
    registrar = peers.sipp("registrar", tcp=True, keys={"expires": "30"})
    line = registrar_line(registrar.port, "s3cret-pw", tmp_path)
    try:
        log = EventLog(line)
        log.wait(RegistrationChanged, where=lambda e: e.state is Registration.REGISTERED)
        assert line.registration is Registration.REGISTERED
        trace = registrar.trace()
        assert (
            "SIP/2.0 401 Unauthorized" in trace and 'Authorization: Digest username="1001"' in trace
        )
        assert module_phone.config.log_path is not None  # the stack logs where it started
        assert "s3cret-pw" not in module_phone.config.log_path.read_text()

        registrar.kill()
        mark = log.mark()
        failed = log.wait(
            RegistrationChanged, since=mark, where=lambda e: e.state is Registration.FAILED
        )
        assert "cannot be reached" in failed.reason
        log.wait(RegistrationChanged, since=log.mark(), timeout=3,
                 where=lambda e: e.state is Registration.REGISTERING)  # fmt: skip
        with pytest.raises(NotRegisteredError, match="not registered"):
            line.dial("13812345678")

        back = peers.sipp("registrar", tcp=True, keys={"expires": "30"}, port=registrar.port)
        log.wait(RegistrationChanged, since=mark, timeout=5,
                 where=lambda e: e.state is Registration.REGISTERED)  # fmt: skip
        assert "SIP/2.0 200 OK" in back.trace()
    finally:
        line.close()


def test_wrong_password_leaves_the_account_failed_with_a_plain_reason(
    module_phone: SipPhone, peers: PeerSet, tmp_path: Path
) -> None:
    registrar = peers.sipp("registrar", tcp=True, keys={"expires": "30"})
    line = registrar_line(registrar.port, "wrong", tmp_path)
    try:
        failed = EventLog(line).wait(
            RegistrationChanged, where=lambda e: e.state is Registration.FAILED
        )
        assert "refused the user name or password" in failed.reason
        assert "403" in failed.reason
    finally:
        line.close()


def test_dial_is_refused_while_the_registrar_is_configured_but_unregistered(
    module_phone: SipPhone, tmp_path: Path
) -> None:
    line = registrar_line(free_port(), "s3cret-pw", tmp_path)  # nobody listens there
    try:
        with pytest.raises(NotRegisteredError, match="not registered with the phone server"):
            line.dial("13812345678")
    finally:
        line.close()


# Process-level behaviour ---------------------------------------------------------------
def test_recording_of_a_killed_process_is_playable_after_repair(
    peers: PeerSet, tmp_path: Path
) -> None:
    peer = peers.sipp("uas_answer_wait")
    wav = tmp_path / "crash.wav"
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.dialer.sip_record_then_die", str(wav), peer.uri()],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        assert child.stdout is not None
        deadline = time.monotonic() + 15
        seen = b""
        while b"recording\n" not in seen:
            assert time.monotonic() < deadline and child.poll() is None, seen.decode()
            if select.select([child.stdout], [], [], 0.2)[0]:
                seen += os.read(child.stdout.fileno(), 4096)
        time.sleep(0.5)
        child.send_signal(signal.SIGKILL)
        child.wait(5)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(5)
    assert stale_frames(wav) in (None, 0)  # pjsua fixes the header only on a clean close
    assert repair_wav(wav) > 0
    rate, samples = wav_samples(wav)
    assert len(samples) / rate >= 1.0


def test_missing_pjsua2_makes_the_line_unavailable_with_a_sentence() -> None:
    code = (
        "import sys\n"
        "sys.modules['pjsua2'] = None\n"
        "from agent_app.dialer.errors import LineUnavailableError\n"
        "from agent_app.dialer.sip import SipPhone\n"
        "from agent_app.dialer.sip_config import SipLineConfig\n"
        "try:\n"
        "    SipPhone(SipLineConfig(user='1001'))\n"
        "except LineUnavailableError as exc:\n"
        "    print(exc)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=30
    )
    assert done.returncode == 0, done.stderr
    assert "needs the pjsua2 library" in done.stdout


def test_ended_calls_are_freed_on_the_pumping_thread_without_the_cyclic_gc(
    phone: SipPhone, events: EventLog, peers: PeerSet
) -> None:
    """A pjsua2 Call left in a reference cycle would be freed by the cyclic GC on whatever
    thread allocates next, and its destructor aborts the process there."""
    gc.collect()
    gc.disable()
    try:
        baseline = phone.live_pjsua_objects
        peer = peers.sipp("uas_refuse", fill={"STATUS": "486", "REASON": "Busy Here"})
        call_id = phone.dial(peer.uri())
        assert phone.live_pjsua_objects == baseline + 1
        events.wait(Ended, call_id)
        phone.pump()
        assert phone.live_pjsua_objects == baseline
    finally:
        gc.enable()
    finished(peer, events)


def test_pumping_keeps_none_alive_despite_leaking_bindings(phone: SipPhone) -> None:
    """pjsua2-python and PySide6 lose references to None on CPython 3.11 (see sip_stack):
    after a bad stretch leaves None with few references, the next pump restores plenty."""
    if sys.version_info < (3, 12):  # from 3.12 on None is immortal: nothing to simulate
        count = ctypes.c_ssize_t.from_address(id(None))
        count.value -= max(0, sys.getrefcount(None) - 5000)
        assert sys.getrefcount(None) < 6000
    phone.pump()
    assert sys.getrefcount(None) >= 1_000_000


# Pure rules ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("code", "answered", "heard_back", "reason"),
    [
        (486, False, True, EndReason.BUSY),
        (600, False, True, EndReason.BUSY),
        (480, False, True, EndReason.NO_ANSWER),
        (408, False, True, EndReason.NO_ANSWER),
        (408, False, False, EndReason.NETWORK),  # nothing ever came back: unreachable
        (404, False, True, EndReason.NOT_FOUND),
        (484, False, True, EndReason.NOT_FOUND),
        (604, False, True, EndReason.NOT_FOUND),
        (603, False, True, EndReason.REJECTED),
        (487, False, True, EndReason.CANCELLED),
        (500, False, True, EndReason.FAILED),
        (503, False, False, EndReason.NETWORK),
        (415, False, True, EndReason.FAILED),
        (200, True, True, EndReason.REMOTE_HANGUP),
        (408, True, True, EndReason.NETWORK),
    ],
)
def test_sip_status_maps_to_end_reason(
    code: int, answered: bool, heard_back: bool, reason: EndReason
) -> None:
    assert end_reason(code, answered=answered, outgoing=True, heard_back=heard_back) is reason


def test_settings_registrar_host_becomes_a_sip_uri_and_the_dial_domain() -> None:
    config = SipLineConfig.from_settings(SipSettings(registrar="pbx.hospital.local", user="1001"))
    assert (config.registrar, config.dial_domain) == (
        "sip:pbx.hospital.local",
        "pbx.hospital.local",
    )
    assert SipLineConfig(user="1", registrar="sip:10.0.0.5:5070;transport=tcp").dial_domain == (
        "10.0.0.5:5070"
    )


def test_caller_parsing_handles_compact_headers_and_several_identities() -> None:
    invite = (
        "INVITE sip:agent@10.0.0.2 SIP/2.0\r\n"
        "f: <sip:9000@10.0.0.1>;tag=a\r\n"
        'P-Asserted-Identity: "Li, Lei" <sip:013812345678@10.0.0.1;user=phone>,\r\n'
        " <tel:+8613812345678>\r\n"
        "Privacy: none\r\n\r\nv=0\r\n"
    )
    caller = caller_from_invite(invite)
    assert (caller.number, caller.display_name, caller.withheld) == (
        "013812345678",
        "Li, Lei",
        False,
    )


def test_a_busy_desk_that_stops_pumping_while_the_patient_answers_still_connects(
    phone: SipPhone, events: EventLog, peers: PeerSet
) -> None:
    """The desk pumps SIP from the window's thread. When that thread is busy for longer than
    SIP's retransmission timer (T1, 500 ms) the INVITE goes out again before the answer is
    read; the peer, like a real phone, answers the repeat and the call still connects."""
    peer = peers.sipp("uas_answer_wait")
    call_id = phone.dial(peer.uri())
    time.sleep(1.8)  # no pumping: the 180 and 200 wait in the socket, the INVITE timer fires
    events.wait(Answered, call_id)
    events.run(0.5)
    phone.hangup(call_id)
    assert events.wait(Ended, call_id).reason is EndReason.LOCAL_HANGUP
    finished(peer, events)
    assert peer.trace().count("INVITE sip:") >= 2  # the INVITE went out again


# Inbound calls that nobody ends ---------------------------------------------------------
RING_TIMEOUT = 2.0


def ringing_line(folder: Path, max_calls: int) -> SipPhone:
    """A second direct-IP line on the module's stack, with a short ring time."""
    return SipPhone(
        SipLineConfig(
            user="desk2",
            bound_address=LOCALHOST,
            null_audio=True,
            ring_timeout=RING_TIMEOUT,
            max_calls=max_calls,
            log_path=folder / "pjsua-ring.log",
        )
    )


def test_callers_whose_cancel_is_lost_end_as_missed_and_extra_ones_are_turned_away_openly(
    module_phone: SipPhone, peers: PeerSet, tmp_path: Path
) -> None:
    """Five callers at once who never CANCEL (as if it was lost on UDP). pjsua has four call
    slots for the process: before, four rang for ever and the fifth, and everyone after, got
    486 while the desk saw nothing. Now the line rings for at most its limit of three, every
    caller turned away (by the line, or by pjsua when calls of other lines still hold slots)
    is reported (CallLimitReached), the ringing ones end as missed (480) after the ring time,
    and the next caller rings again."""
    line = ringing_line(tmp_path, max_calls=3)
    try:
        log = EventLog(line)
        started = time.monotonic()
        peer = peers.sipp(
            "uac_call_in_no_cancel", call_to=line.local_port, keys={"caller": "13812345678"},
            calls=5, service="desk2",
        )  # fmt: skip

        def heard() -> tuple[list[Incoming], list[CallLimitReached]]:
            return (
                [e for e in log.seen if isinstance(e, Incoming)],
                [e for e in log.seen if isinstance(e, CallLimitReached)],
            )

        deadline = time.monotonic() + 5
        while sum(map(len, heard())) < 5:
            assert time.monotonic() < deadline, f"a caller went unseen: {log.seen}"
            log.run(0.02)
        incoming, limits = heard()
        assert 1 <= len(incoming) <= 3 and len(limits) == 5 - len(incoming)
        ends = [log.wait(Ended, e.call_id, timeout=RING_TIMEOUT + 3) for e in incoming]
        assert {(e.reason, e.code) for e in ends} == {(EndReason.MISSED, 480)}
        assert time.monotonic() - started >= RING_TIMEOUT
        assert len([e for e in log.seen if isinstance(e, Ended)]) == len(incoming)
        finished(peer, log)
        trace = peer.trace()
        assert trace.count("SIP/2.0 480 Temporarily Unavailable") >= len(incoming)
        assert trace.count("SIP/2.0 486 Busy Here") >= len(limits)
        # The missed calls freed their slots: the next caller rings again.
        mark = log.mark()
        again = peers.sipp(
            "uac_call_in", call_to=line.local_port, keys={"caller": "13812345678"},
            service="desk2",
        )  # fmt: skip
        fresh = log.wait(Incoming, since=mark)
        line.reject(fresh.call_id)
        log.wait(Ended, fresh.call_id)
        finished(again, log)
    finally:
        line.close()
        module_phone.pump()


def test_the_lines_own_limit_turns_the_extra_caller_away_and_says_so(
    module_phone: SipPhone, peers: PeerSet, tmp_path: Path
) -> None:
    line = ringing_line(tmp_path, max_calls=1)
    try:
        log = EventLog(line)
        peer = peers.sipp(
            "uac_call_in_no_cancel", call_to=line.local_port, keys={"caller": "13812345678"},
            calls=2, service="desk2",
        )  # fmt: skip
        assert log.wait(CallLimitReached, timeout=5) == CallLimitReached("", 1)
        first = log.wait(Incoming)
        assert log.wait(Ended, first.call_id, timeout=RING_TIMEOUT + 3).reason is (EndReason.MISSED)
        assert len([e for e in log.seen if isinstance(e, Incoming)]) == 1
        finished(peer, log)
        assert "SIP/2.0 486 Busy Here" in peer.trace()
    finally:
        line.close()
        module_phone.pump()


def test_a_caller_pjsua_refuses_for_want_of_slots_is_reported_too(
    phone: SipPhone, events: EventLog, module_phone: SipPhone, peers: PeerSet, tmp_path: Path
) -> None:
    """Two calls ringing on another line hold two of the process's four slots; of three
    callers to this line (limit 3) at most two ring and pjsua itself refuses the rest: the
    desk is told all the same (CallLimitReached with the process's four slots)."""
    line = ringing_line(tmp_path, max_calls=3)
    try:
        log = EventLog(line)
        mark = events.mark()
        holders = peers.sipp(
            "uac_call_in_no_cancel", call_to=phone.local_port, keys={"caller": "13912345678"},
            calls=2,
        )  # fmt: skip
        held = [events.wait(Incoming, since=mark)]
        held.append(events.wait(Incoming, since=mark, where=lambda e: e not in held))
        callers = peers.sipp(
            "uac_call_in_no_cancel", call_to=line.local_port, keys={"caller": "13812345678"},
            calls=3, service="desk2",
        )  # fmt: skip
        deadline = time.monotonic() + 5
        while len([e for e in log.seen if isinstance(e, (Incoming, CallLimitReached))]) < 3:
            assert time.monotonic() < deadline, f"a caller went unseen: {log.seen}"
            log.run(0.02)
        limits = [e for e in log.seen if isinstance(e, CallLimitReached)]
        # At most two slots were free (fewer while calls of earlier tests still close), and
        # the line's own limit of three was never reached: every refusal was pjsua's.
        assert limits and set(limits) == {CallLimitReached("", STACK_MAX_CALLS)}
        assert len([e for e in log.seen if isinstance(e, Incoming)]) <= 2
        for call in held:
            phone.reject(call.call_id)
        finished(holders, events)
        finished(callers, log)
    finally:
        line.close()
        module_phone.pump()


def test_an_answered_inbound_call_is_not_ended_by_the_ring_time(
    module_phone: SipPhone, peers: PeerSet, tmp_path: Path
) -> None:
    line = ringing_line(tmp_path, max_calls=3)
    try:
        log = EventLog(line)
        peer = peers.sipp(
            "uac_call_in", call_to=line.local_port, keys={"caller": "13812345678"},
            hold_ms=int((RING_TIMEOUT + 1) * 1000), service="desk2",
        )  # fmt: skip
        incoming = log.wait(Incoming)
        line.answer(incoming.call_id)
        log.wait(Answered, incoming.call_id)
        assert log.wait(Ended, incoming.call_id, timeout=RING_TIMEOUT + 4).reason is (
            EndReason.REMOTE_HANGUP
        )
        finished(peer, log)
    finally:
        line.close()
        module_phone.pump()


# Caller identity ----------------------------------------------------------------------
def test_an_empty_sip_user_part_is_an_invalid_caller_not_a_withheld_one(
    phone: SipPhone, events: EventLog, peers: PeerSet
) -> None:
    mark = events.mark()
    peer = peers.sipp("uac_call_in_no_user", call_to=phone.local_port)
    incoming = events.wait(Incoming, since=mark)
    assert (incoming.number, incoming.withheld, incoming.invalid) == ("", False, True)
    phone.reject(incoming.call_id)
    events.wait(Ended, incoming.call_id)
    finished(peer, events)


@pytest.mark.parametrize(
    ("from_header", "expected"),
    [
        ("<sip:10.0.0.1>;tag=a", ("", False, True)),
        ("<sip:@10.0.0.1>;tag=a", ("", False, True)),
        ("<sip:anonymous@anonymous.invalid>;tag=a", ("", True, False)),
        ("<sip:13812345678@10.0.0.1>;tag=a", ("13812345678", False, False)),
    ],
    ids=["host-only", "empty-user", "anonymous", "number"],
)
def test_caller_from_invite_tells_invalid_from_withheld(
    from_header: str, expected: tuple[str, bool, bool]
) -> None:
    invite = f"INVITE sip:agent@10.0.0.2 SIP/2.0\r\nFrom: {from_header}\r\n\r\n"
    caller = caller_from_invite(invite)
    assert (caller.number, caller.withheld, caller.invalid) == expected


def test_retry_registers_again_at_once(
    module_phone: SipPhone, peers: PeerSet, tmp_path: Path
) -> None:
    registrar = peers.sipp("registrar", tcp=True, keys={"expires": "30"})
    line = registrar_line(registrar.port, "s3cret-pw", tmp_path)
    try:
        log = EventLog(line)
        log.wait(RegistrationChanged, where=lambda e: e.state is Registration.REGISTERED)
        before = registrar.trace().count("REGISTER sip:")
        assert line.retry()
        deadline = time.monotonic() + 3
        while registrar.trace().count("REGISTER sip:") <= before:
            assert time.monotonic() < deadline, "no new REGISTER after retry"
            log.run(0.05)
    finally:
        line.close()
        module_phone.pump()
    assert not module_phone.retry()  # a direct-IP line has nothing to register
