"""The serial phone-line box: an ITU-T V.253 voice modem on a plain analog line.

What a modem can tell us, and so what this backend promises:

* Dialling: ``ATD<number>;`` (the semicolon keeps the modem in voice mode). BUSY, NO DIALTONE,
  NO ANSWER and, before an answer, NO CARRIER end the call. ``OK`` or ``VCON`` is taken as
  *answered*: a V.253 modem says it once the ring-back tone stops for ``+VRA`` or never
  starts within ``+VRN``. An analog line carries no answer signal, so this is the modem's
  guess and may come a little early or late; ``extra_init`` lets a site tune +VRA/+VRN.
  Modems without ring-back detection say OK as soon as the digits are dialled; on those,
  Answered only means "dialled" and the agent hears the ringing in the handset.
* Incoming calls and caller ID: see ``modem_calls``; a call still ringing after
  ``missed_after`` seconds ends as MISSED (its remaining rings are ignored). ``answer`` sends
  ``ATA`` (off hook in voice mode, OK or VCON); ``reject`` sends ``ATH``. A plain line cannot
  refuse a call without picking it up, so the caller hears ringing until they give up.
* Recording: ``AT+VSM=1,8000`` (8-bit unsigned linear at 8 kHz, the format V.253 itself names
  and nearly every voice chip takes), then ``AT+VRX``; samples become 16-bit PCM in a
  ``WavWriter``. The modem hears the line, so both sides are recorded. ``DLE !`` ends receive.
* The far end hanging up is heard while receiving voice (busy tone, dial tone, loop current
  interruption) or when the modem says NO CARRIER or BUSY; many modems say nothing otherwise.
* Hold and mute raise CallStateError: a plain line has no hold (that needs a PBX hook flash)
  and the modem is not in the agent's audio path. ``send_dtmf`` uses ``AT+VTS``; during a
  recording, receive stops for the tones and resumes after them.
* Transfer: a blind transfer by hook flash through the PBX when ``[modem] flash`` is set
  (``modem_transfer``); consultation and conference are refused with their codes.
* Unplugged: the call ends with DEVICE_LOST, DeviceLost is posted, and a worker thread reopens
  the same port (waits from ``reconnect_delay[0]`` doubling to ``[1]`` seconds, until
  ``close()``), initialises the modem again and posts DeviceBack. After the computer slept
  (``network_changed(resumed=True)``) the port is reopened the same way.

Commands block the calling thread until the modem answers, at most ``command_timeout``.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from agent_app.dialer.errors import (
    CallStateError,
    DialerError,
    LineUnavailableError,
    RecordingError,
)
from agent_app.dialer.events import Answered, DeviceBack, DeviceLost, DtmfReceived, RecordingChanged
from agent_app.dialer.modem_calls import ANSWERED, CallBook, CallState, ModemCall
from agent_app.dialer.modem_lines import DTMF_CODES, HANGUP_CODES, unsigned8_to_pcm16
from agent_app.dialer.modem_link import ANY_FINAL, AtLink
from agent_app.dialer.modem_transfer import DIALLABLE, FlashTransfer, FlashTransfers
from agent_app.dialer.phone import Phone
from agent_app.dialer.wav import WavWriter
from agent_app.domain.enums import EndReason, LineType

log = logging.getLogger(__name__)

VOICE_FORMAT = "1,8000"  # AT+VSM: 8-bit unsigned linear PCM, 8000 samples a second


class ModemPhone(FlashTransfers, Phone):
    """A voice modem at ``port`` (a device path or any pyserial URL); one call at a time."""

    supports_hold = False  # a plain phone line has no hold

    def __init__(
        self,
        port: str,
        *,
        baudrate: int = 115200,
        command_timeout: float = 3.0,
        ring_timeout: float = 8.0,
        missed_after: float = 45.0,
        caller_id_settle: float = 0.5,
        reconnect_delay: tuple[float, float] = (0.5, 10.0),
        extra_init: Sequence[str] = (),
        flash: FlashTransfer | None = None,
    ) -> None:
        """Open the port and initialise the modem; raises LineUnavailableError if it cannot.
        ``flash``: the hook-flash transfer through the PBX (none: transfers are refused)."""
        super().__init__()
        self.flash = flash or FlashTransfer()
        self.port = port
        self.description = f"Modem {port}"
        self.line, self.address = LineType.MODEM, port
        self.reconnect_delay = reconnect_delay
        self.extra_init = tuple(extra_init)
        self._jobs: queue.SimpleQueue[Callable[[], object] | None] = queue.SimpleQueue()
        self._link = AtLink(port, baudrate, command_timeout, self)
        self._calls = CallBook(
            self.post,
            lambda call: self._jobs.put(lambda: self._tidy_after_far_end(call)),
            ring_timeout=ring_timeout,
            missed_after=missed_after,
            caller_id_settle=caller_id_settle,
        )
        # Lock order: the link's command lock, then the call book's; never hold the book's
        # while waiting for the modem, since the reader needs it to deliver the answer.
        self._lock = self._calls.lock
        self._present = True
        self._closing = threading.Event()
        self._retry_now = threading.Event()  # cuts a reconnect wait short (``retry``)
        self._closed = False
        self._link.open()
        try:
            self._initialise()
        except DialerError:
            self._link.close()
            raise
        self._worker = threading.Thread(target=self._run_jobs, name="modem-jobs", daemon=True)
        self._worker.start()

    # Phone -------------------------------------------------------------------------------
    def dial(self, number: str) -> str:
        """Dial in voice mode; Answered or Ended follow when the modem has decided."""
        digits = "".join(ch for ch in number if ch not in " -()")
        if not digits or not set(digits) <= DIALLABLE:
            raise DialerError(
                f"{number} cannot be dialled on a phone line: use digits, *, # and commas only."
            )
        with self._link.lock:
            call = self._calls.open_outgoing()
            try:
                self._link.send(f"ATD{digits};")
            except DialerError:
                with self._lock:
                    self._calls.current = None
                raise
        log.info("Dialling on %s as %s", self.port, call.call_id)
        return call.call_id

    def answer(self, call_id: str) -> None:
        """Pick up a ringing incoming call (``ATA``); Answered follows."""
        with self._link.lock:
            with self._lock:
                call = self._calls.require(call_id)
                if call.state is not CallState.RINGING:
                    raise CallStateError("Only a ringing incoming call can be answered.")
                call.state = CallState.ANSWERING
            try:
                self._link.command("ATA", accept=ANSWERED)
            except DialerError as exc:
                with self._lock:
                    self._calls.end(call, EndReason.CANCELLED)
                if isinstance(exc, LineUnavailableError):
                    raise
                raise CallStateError("The caller hung up before the call was answered.") from exc
            with self._lock:
                if self._calls.current is call:
                    call.state = CallState.ANSWERED
                    self.post(Answered(call_id))

    def reject(self, call_id: str) -> None:
        """Decline a ringing call: ``ATH``, and its remaining rings are ignored."""
        with self._link.lock:
            with self._lock:
                call = self._calls.require(call_id)
                if call.state is not CallState.RINGING:
                    raise CallStateError("Only a ringing incoming call can be declined.")
                self._calls.decline(call)
            self._command_quietly("ATH")

    def hangup(self, call_id: str) -> None:
        """End the call whatever its state; a dial still in progress is aborted first."""
        with self._link.lock:
            with self._lock:
                call = self._calls.require(call_id)
                if call.state is CallState.DIALLING:
                    call.state = CallState.CANCELLING
                state = call.state
            if state is CallState.RINGING:
                self.reject(call_id)
            elif state is CallState.CANCELLING:
                # Any character aborts a dial; keep a result that may already be on its way.
                try:
                    self._link.command("(abort dial)", raw=b"\r", accept=ANY_FINAL, drain=False)
                except DialerError as exc:
                    log.warning("Aborting the dial: %s", exc)
                self._command_quietly("ATH")
                with self._lock:
                    self._calls.end(call, EndReason.CANCELLED)
            elif state is CallState.ANSWERED:
                try:
                    self._finish_recording(call)
                finally:
                    self._command_quietly("ATH")
                    with self._lock:
                        self._calls.end(call, EndReason.LOCAL_HANGUP)

    def hold(self, call_id: str, on_hold: bool) -> None:
        """Always refused: a plain phone line has no hold."""
        self._calls.require(call_id)
        raise CallStateError("A plain phone line has no hold; ask the caller to wait instead.")

    def mute(self, call_id: str, muted: bool) -> None:
        """Always refused: the modem is not in the agent's audio path."""
        self._calls.require(call_id)
        raise CallStateError("The phone-line box cannot mute your handset.")

    def send_dtmf(self, call_id: str, digits: str) -> None:
        """Play keypad tones with ``AT+VTS``, pausing voice receive around them."""
        keys = digits.upper()
        if not keys or not set(keys) <= DTMF_CODES:
            raise DialerError(f"{digits} are not keys of a phone keypad.")
        with self._link.lock:
            with self._lock:
                call = self._calls.require(call_id)
                if call.state is not CallState.ANSWERED:
                    raise CallStateError("Keys can be sent once the call is answered.")
                receiving = call.writer is not None and self._link.in_voice
            if receiving:
                self._link.stop_voice()
            try:
                timeout = self._link.command_timeout + 0.5 * len(keys)
                self._link.command("AT+VTS=" + ",".join(keys), timeout=timeout)
            finally:
                if receiving:
                    self._link.start_voice()

    def start_recording(self, call_id: str, path: Path) -> None:
        """Receive the line's audio (``AT+VSM``, ``AT+VRX``) into a WAV file at ``path``."""
        with self._link.lock:
            with self._lock:
                call = self._calls.require(call_id)
                if call.state is not CallState.ANSWERED:
                    raise CallStateError("Recording starts when the call is answered.")
                if call.writer is not None:
                    raise CallStateError("This call is already being recorded.")
            writer = WavWriter(path)
            try:
                self._link.command(f"AT+VSM={VOICE_FORMAT}")
                with self._lock:
                    call.writer = writer
                self._link.start_voice()
            except DialerError as exc:
                with self._lock:
                    call.writer = None
                writer.close()
                path.unlink(missing_ok=True)  # an empty file would look like a lost recording
                raise RecordingError(f"The call cannot be recorded. {exc}") from exc
        self.post(RecordingChanged(call_id, True, False, str(path)))

    def pause_recording(self, call_id: str, paused: bool) -> None:
        """Write silence instead of the line's audio while ``paused``."""
        with self._lock:
            writer = self._calls.require(call_id).writer
            if writer is None:
                raise CallStateError("This call is not being recorded.")
            writer.set_paused(paused)
            self.post(RecordingChanged(call_id, True, paused, str(writer.path)))

    def stop_recording(self, call_id: str) -> Path | None:
        """End voice receive and finish the WAV file; None when nothing was recorded."""
        with self._link.lock:
            with self._lock:
                call = self._calls.current
                if call is None or call.call_id != call_id:
                    return None
            return self._finish_recording(call)

    def retry(self) -> bool:
        """While the box is unplugged: look for it again now instead of after the back-off.
        Returns False when the line is fine (nothing to retry)."""
        with self._lock:
            if self._present:
                return False
        self._retry_now.set()
        return True

    def network_changed(self, resumed: bool = False) -> bool:
        """After sleep (``resumed``) the port is closed and opened again: a USB box vanishes
        while the computer sleeps and comes back under the same name, and the handle from
        before may stay silent instead of failing. DeviceLost then DeviceBack report it (a
        call still open ends DEVICE_LOST). A network change alone does not concern a phone
        line: False."""
        if not resumed or self._closed:
            return False
        with self._lock:
            present = self._present
        if present:
            self._jobs.put(self._reopen_after_sleep)
        else:
            self._retry_now.set()  # already looking for the box: look now
        return True

    def _reopen_after_sleep(self) -> None:
        with self._link.lock:
            self._link.close()
        self._lose(f"The phone-line box at {self.port} is being reopened after the computer slept.")

    def answers(self) -> bool:
        """Whether the box answers ``AT`` now (the self-test). During a call the box is in
        voice mode and is not asked: the call itself shows it works."""
        with self._link.lock:
            with self._lock:
                if self._calls.current is not None:
                    return True
            try:
                self._link.command("AT")
            except DialerError as exc:
                log.warning("the phone-line box did not answer AT: %s", exc)
                return False
        return True

    def reset(self) -> None:
        """Initialise the modem again (``ATZ`` …); refused during a call."""
        with self._link.lock:
            with self._lock:
                if self._calls.current is not None:
                    raise CallStateError("The phone-line box cannot be reset during a call.")
            self._initialise()

    def close(self) -> None:
        """Hang up, stop the threads and close the port; calling it again does nothing."""
        if self._closed:
            return
        self._closed = True
        self._closing.set()
        self._retry_now.set()
        call = self._calls.current
        if call is not None and self._link.is_open:
            try:
                self.hangup(call.call_id)
            except DialerError as exc:
                log.warning("Could not hang up while closing the line: %s", exc)
        self._jobs.put(None)
        self._worker.join(timeout=10.0)
        self._link.close()

    # Reader thread (LinkHandler) -----------------------------------------------------------
    def line_received(self, line: str) -> bool:
        """Lines are the call book's to judge first."""
        return self._calls.line_received(line)

    def voice_received(self, audio: bytes, codes: list[str]) -> None:
        """Write received samples and act on the DLE events among them."""
        with self._lock:
            call = self._calls.current
            if call is None:
                return
            if call.writer is not None and audio:
                try:
                    call.writer.write(unsigned8_to_pcm16(audio))
                except RecordingError as exc:
                    log.error("%s", exc)
                    self._drop_writer(call)
                    self._jobs.put(self._link.stop_voice)
            for code in codes:
                if code in DTMF_CODES:
                    self.post(DtmfReceived(call.call_id, code))
                elif code in HANGUP_CODES:
                    self._calls.far_end_gone(call)
                else:
                    log.debug("Voice event %r from the phone-line box", code)

    def tick(self) -> None:
        """Ring and caller ID timers."""
        self._calls.tick()

    def link_lost(self, reason: str) -> None:
        """End the open call as DEVICE_LOST and start reconnecting."""
        self._lose(f"The phone-line box at {self.port} was unplugged ({reason}).")

    def _lose(self, sentence: str) -> None:
        with self._lock:
            call, present = self._calls.current, self._present
            self._present = False
            self._calls.forget_declined()
            if call is not None:
                self._drop_writer(call)
                self._calls.end(call, EndReason.DEVICE_LOST)
        if present:
            self.post(DeviceLost("", sentence))
            if not self._closing.is_set():
                self._jobs.put(self._reconnect)

    # Helpers -------------------------------------------------------------------------------
    def _initialise(self) -> None:
        # ATZ turns caller ID off again, so AT+VCID=1 always follows it.
        with self._link.lock:
            try:
                for command in ("ATZ", "ATE0", "AT+FCLASS=8"):
                    self._link.command(command)
            except LineUnavailableError:
                raise
            except DialerError as exc:
                raise LineUnavailableError(
                    f"The device at {self.port} cannot be used as a phone line. {exc}"
                ) from exc
            for command in ("AT+VCID=1", *self.extra_init):
                try:
                    self._link.command(command)
                except LineUnavailableError:
                    raise
                except DialerError as exc:
                    log.warning("%s The line works without it.", exc)

    def _tidy_after_far_end(self, call: ModemCall) -> None:
        with self._link.lock:
            try:
                self._finish_recording(call)
            finally:
                self._command_quietly("ATH")
                with self._lock:
                    self._calls.end(call, EndReason.REMOTE_HANGUP)

    def _finish_recording(self, call: ModemCall) -> Path | None:
        # Stop receive before taking the writer so that every sample up to DLE ETX is kept.
        with self._lock:
            if call.writer is None:
                return None
        self._link.stop_voice()
        with self._lock:
            return self._drop_writer(call, strict=True)

    def _drop_writer(self, call: ModemCall, *, strict: bool = False) -> Path | None:
        writer, call.writer = call.writer, None
        if writer is None:
            return None
        try:
            writer.close()
        except RecordingError as exc:
            if strict:
                raise
            log.error("%s", exc)
        self.post(RecordingChanged(call.call_id, False, False, str(writer.path)))
        return writer.path

    def _command_quietly(self, command: str) -> None:
        try:
            self._link.command(command, accept=ANY_FINAL)
        except DialerError as exc:
            log.warning("%s", exc)

    def _reconnect(self) -> None:
        if self._link.reopen(
            self._initialise, self._closing, self.reconnect_delay, wake=self._retry_now
        ):
            with self._lock:
                self._present = True
            log.info("The phone-line box at %s is back", self.port)
            self.post(DeviceBack(""))

    def _run_jobs(self) -> None:
        while (job := self._jobs.get()) is not None:
            try:
                job()
            except Exception:
                # The worker also reconnects the line; one failed tidy-up must not stop that.
                log.exception("A phone-line box task failed")
