"""Transfer, consultation and conference on the SIP line, against sipp peers on 127.0.0.1.

The transferee is a sipp scenario that answers, takes the REFER and reports the new call by
NOTIFY sipfrag (uas_refer), or refuses the REFER (uas_refer_refused).
"""

from __future__ import annotations

import array
import re
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs

import numpy as np
import pytest

from agent_app.dialer.errors import TransferError, TransferRefusal
from agent_app.dialer.events import (
    Answered,
    ConferenceChanged,
    Ended,
    EndReason,
    HoldChanged,
    TransferDone,
    TransferOutcome,
    TransferProgress,
)
from agent_app.dialer.sip import SipPhone
from tests.dialer.sip_peers import SCENARIOS, PeerSet, SippPeer
from tests.dialer.test_sip import (
    EventLog,
    finished,
    hang_up_left_open,
    open_test_line,
    wav_samples,
)

HOLD_BLOCK = (SCENARIOS / "hold_reinvite.xml.part").read_text()


@pytest.fixture(scope="module")
def module_phone(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SipPhone]:
    phone = open_test_line(tmp_path_factory.mktemp("sip-transfer"), 5.0)
    yield phone
    phone.close()


@pytest.fixture
def events(module_phone: SipPhone) -> Iterator[EventLog]:
    log = EventLog(module_phone)
    yield log
    hang_up_left_open(module_phone, log)
    log.run(0.2)


@pytest.fixture
def peers(tmp_path: Path) -> Iterator[PeerSet]:
    with PeerSet(tmp_path / "peers") as started:
        yield started


def sent_request(peer: SippPeer, method: str) -> str:
    """The first ``method`` request sipp received, as its trace shows it."""
    trace = peer.trace()
    match = re.search(rf"^{method} sip:.*?(?=\n-{{5,}}|\Z)", trace, re.M | re.S)
    assert match, f"no {method} in the trace:\n{trace[-3000:]}"
    return match.group(0)


def header(message: str, name: str) -> str:
    match = re.search(rf"^{name}:\s*(.*)$", message, re.M | re.I)
    assert match, f"no {name} in:\n{message}"
    return match.group(1).strip()


def test_blind_transfer_refers_to_the_target_and_ends_the_call_transferred(
    module_phone: SipPhone, events: EventLog, peers: PeerSet
) -> None:
    peer = peers.sipp("uas_refer", fill={"HOLD": ""})
    call_id = module_phone.dial(peer.uri())
    events.wait(Answered, call_id)
    module_phone.transfer_blind(call_id, "sip:ward7@127.0.0.1:5999")
    done = events.wait(TransferDone, call_id)
    ended = events.wait(Ended, call_id)
    assert (done.outcome, done.code) == (TransferOutcome.ACCEPTED, 200)
    assert (ended.reason, ended.text) == (EndReason.TRANSFERRED, "The call was transferred.")
    # pjsua reports the REFER's 202 as (100, "Accepted"), then each NOTIFY's sipfrag.
    steps = [(e.code, e.reason) for e in events.of(call_id) if isinstance(e, TransferProgress)]
    assert steps == [(100, "Accepted"), (100, "Trying"), (200, "OK")]
    finished(peer, events)
    refer = sent_request(peer, "REFER")
    assert header(refer, "Refer-To").strip("<>") == "sip:ward7@127.0.0.1:5999"
    assert "BYE sip:" in peer.trace()  # the desk left the call after the 200 NOTIFY


@pytest.mark.parametrize(("status", "text"), [("403", "Forbidden"), ("603", "Decline")])
def test_refused_transfer_reports_failed_and_keeps_the_call(
    module_phone: SipPhone, events: EventLog, peers: PeerSet, status: str, text: str
) -> None:
    peer = peers.sipp("uas_refer_refused", fill={"STATUS": status, "REASON": text})
    call_id = module_phone.dial(peer.uri())
    events.wait(Answered, call_id)
    module_phone.transfer_blind(call_id, "sip:2001@127.0.0.1:5999")
    done = events.wait(TransferDone, call_id)
    assert (done.outcome, done.code) == (TransferOutcome.FAILED, int(status))
    events.run(0.5)
    assert not [e for e in events.of(call_id) if isinstance(e, Ended)]
    module_phone.hangup(call_id)  # the agent still has the call and ends it
    ended = events.wait(Ended, call_id)
    assert ended.reason is EndReason.LOCAL_HANGUP
    finished(peer, events)


def test_transfer_needs_an_answered_call_and_a_dialable_target(
    module_phone: SipPhone, events: EventLog, peers: PeerSet
) -> None:
    peer = peers.sipp("uas_refer_refused", fill={"STATUS": "403", "REASON": "Forbidden"})
    call_id = module_phone.dial(peer.uri())
    events.wait(Answered, call_id)
    with pytest.raises(TransferError) as bad:
        module_phone.transfer_blind(call_id, "ward seven")
    assert bad.value.code is TransferRefusal.BAD_TARGET
    with pytest.raises(TransferError) as same:
        module_phone.transfer_attended(call_id, call_id)
    assert same.value.code is TransferRefusal.SAME_CALL
    module_phone.transfer_blind(call_id, "sip:ward7@127.0.0.1:5999")
    with pytest.raises(TransferError) as twice:
        module_phone.transfer_blind(call_id, "sip:ward8@127.0.0.1:5999")
    assert twice.value.code is TransferRefusal.BUSY
    events.wait(TransferDone, call_id)
    module_phone.hangup(call_id)
    events.wait(Ended, call_id)
    finished(peer, events)


def test_attended_transfer_refers_with_replaces_naming_the_consultation_dialog(
    module_phone: SipPhone, events: EventLog, peers: PeerSet
) -> None:
    first = peers.sipp("uas_refer", fill={"HOLD": HOLD_BLOCK})
    target = peers.sipp("uas_answer_wait")
    call_id = module_phone.dial(first.uri())
    events.wait(Answered, call_id)
    consult_id = module_phone.consult(call_id, target.uri("ward7"))
    assert events.wait(HoldChanged, call_id).on_hold
    events.wait(Answered, consult_id)
    module_phone.transfer_attended(call_id, consult_id)
    done = events.wait(TransferDone, call_id)
    assert (done.outcome, done.code) == (TransferOutcome.ACCEPTED, 200)
    assert events.wait(Ended, call_id).reason is EndReason.TRANSFERRED
    assert events.wait(Ended, consult_id).reason is EndReason.TRANSFERRED
    finished(first, events)
    finished(target, events)
    # The consultation's dialog as the target saw it: its Call-ID, our tag and its tag.
    invite = sent_request(target, "INVITE")
    dialog_id = header(invite, "Call-ID")
    our_tag = re.search(r";tag=([^;>\s]+)", header(invite, "From"))
    their_tag = re.search(r"^To:.*;tag=([^;>\s]+)", target.trace(), re.M)
    assert our_tag and their_tag
    refer_to = header(sent_request(first, "REFER"), "Refer-To")
    assert refer_to.startswith(f"<{target.uri('ward7')}")
    query = parse_qs(refer_to.strip("<>").split("?", 1)[1])
    assert query["Require"] == ["replaces"]
    parts = query["Replaces"][0].split(";")
    assert parts[0] == dialog_id
    assert f"to-tag={their_tag.group(1)}" in parts
    assert f"from-tag={our_tag.group(1)}" in parts


def test_conference_links_three_calls_and_the_recording_hears_every_party(
    module_phone: SipPhone, events: EventLog, peers: PeerSet, tmp_path: Path
) -> None:
    speakers = [peers.sipp("uas_answer_wait"), peers.sipp("uas_answer_wait")]
    tone = peers.baresip()  # a 440 Hz sine: what only this party sends
    calls = [module_phone.dial(p.uri()) for p in speakers] + [
        module_phone.dial(tone.uri("patient"))
    ]
    for call_id in calls:
        events.wait(Answered, call_id)
    first = calls[0]
    wav = tmp_path / "conference.wav"
    module_phone.start_recording(first, wav)
    events.run(1.0)
    assert module_phone.bridge_listeners(first) == set()
    module_phone.conference(calls)
    assert events.wait(ConferenceChanged, first).call_ids == tuple(calls)
    events.run(0.1)  # pjmedia applies bridge changes at its next clock tick
    for call_id in calls:
        assert module_phone.bridge_listeners(call_id) == set(calls) - {call_id}
    events.run(1.0)
    path = module_phone.stop_recording(first)
    assert path == wav
    rate, samples = wav_samples(wav)
    before = tone_share(samples[int(0.2 * rate) : int(0.9 * rate)], rate, 440)
    after = tone_share(samples[-int(0.8 * rate) :], rate, 440)
    assert after > 0.2 > before * 4, (before, after)
    module_phone.hangup(calls[2])
    left = events.wait(ConferenceChanged, first, where=lambda e: len(e.call_ids) == 2)
    assert left.call_ids == tuple(calls[:2])
    events.run(0.1)
    assert module_phone.bridge_listeners(first) == {calls[1]}
    for call_id in calls[:2]:
        module_phone.hangup(call_id)
        events.wait(Ended, call_id)


def tone_share(samples: array.array[int], rate: int, hz: float) -> float:
    """The share of the signal's power within 20 Hz of ``hz``."""
    signal = np.asarray(samples, dtype=np.float64)
    power = np.abs(np.fft.rfft(signal)) ** 2
    freqs = np.fft.rfftfreq(len(signal), 1 / rate)
    total = float(power[1:].sum()) or 1.0
    return float(power[np.abs(freqs - hz) <= 20].sum()) / total


def test_a_transfer_request_from_the_far_end_is_declined_and_the_call_kept(
    module_phone: SipPhone, events: EventLog, peers: PeerSet
) -> None:
    """A patient's phone (or anyone) must not make the desk dial a number of its choosing."""
    peer = peers.sipp("uas_refers_desk")
    call_id = module_phone.dial(peer.uri())
    events.wait(Answered, call_id)
    deadline = time.monotonic() + 5
    while "SIP/2.0 603" not in peer.trace() and time.monotonic() < deadline:
        events.run(0.05)
    assert re.search(r"^SIP/2\.0 603 ", peer.trace(), re.M), peer.describe()
    events.run(0.3)
    assert [e.call_id for e in events.seen if isinstance(e, Answered)] == [call_id]  # no new call
    assert not [e for e in events.of(call_id) if isinstance(e, Ended)]
    module_phone.hangup(call_id)
    assert events.wait(Ended, call_id).reason is EndReason.LOCAL_HANGUP
    finished(peer, events)
