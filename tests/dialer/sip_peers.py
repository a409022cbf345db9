"""Real SIP peers for the SIP line's tests: sipp scenarios and a baresip that answers by itself.

Every peer binds 127.0.0.1 only, on ports picked free at start. ``PeerSet`` is a context
manager: whatever it started is stopped on exit, also when the test failed, so a broken test
never leaves a sipp holding a port for the next one.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

SCENARIOS = Path(__file__).resolve().parent / "sipp"
SIPP = "/usr/bin/sipp"
BARESIP = "/usr/bin/baresip"
BARESIP_MODULES = "/usr/lib/baresip/modules"
LOCALHOST = "127.0.0.1"


def free_port(kind: int = socket.SOCK_DGRAM, pair: bool = False, tcp_too: bool = False) -> int:
    """A port free now on 127.0.0.1 for UDP or TCP (``pair``: port + 1 and + 2 free too;
    ``tcp_too``: free for TCP as well, for a peer that listens on both)."""
    for _ in range(200):
        with socket.socket(socket.AF_INET, kind) as probe:
            probe.bind((LOCALHOST, 0))
            port = int(probe.getsockname()[1])
        if tcp_too and not _is_free(port, socket.SOCK_STREAM):
            continue
        if not pair:
            return port
        if port % 2 == 0 and port < 65000 and all(_is_free(port + i) for i in (1, 2, 3)):
            return port
    raise RuntimeError("no free port pair on 127.0.0.1")


def _is_free(port: int, kind: int = socket.SOCK_DGRAM) -> bool:
    with socket.socket(socket.AF_INET, kind) as probe:
        try:
            probe.bind((LOCALHOST, port))
        except OSError:
            return False
    return True


@dataclass
class Peer:
    """A peer process; its output goes to ``log`` in the test's temp folder."""

    name: str
    process: subprocess.Popen[bytes]
    port: int
    log: Path

    def uri(self, user: str = "peer") -> str:
        return f"sip:{user}@{LOCALHOST}:{self.port}"

    def output(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    @property
    def running(self) -> bool:
        return self.process.poll() is None

    def wait(self, timeout: float) -> int:
        """The exit code; sipp exits 0 when every call followed its scenario."""
        return self.process.wait(timeout)

    def kill(self) -> None:
        """SIGKILL: the peer vanishes without a BYE, like a crashed phone."""
        if self.running:
            self.process.send_signal(signal.SIGKILL)
        self.process.wait(5)

    def stop(self) -> None:
        if self.running:
            self.process.terminate()
            try:
                self.process.wait(3)
            except subprocess.TimeoutExpired:
                self.kill()


@dataclass
class SippPeer(Peer):
    media_port: int = 0
    messages: Path = field(default_factory=Path)
    errors: Path = field(default_factory=Path)

    def trace(self) -> str:
        """Every SIP message sipp sent and received."""
        return self.messages.read_text(errors="replace") if self.messages.exists() else ""

    def describe(self) -> str:
        """What to print when a scenario did not go as expected."""
        errors = self.errors.read_text(errors="replace") if self.errors.exists() else ""
        return f"--- {self.name} output:\n{self.output()[-3000:]}\n--- errors:\n{errors[-3000:]}"


class PeerSet:
    """Starts peers for one test and stops them all on exit."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.peers: list[Peer] = []
        self._count = 0

    def __enter__(self) -> PeerSet:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        for peer in self.peers:
            peer.stop()

    def _folder(self, name: str) -> Path:
        self._count += 1
        folder = self.folder / f"{self._count:02d}-{name}"
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    def sipp(
        self,
        scenario: str,
        *,
        call_to: int | None = None,
        hold_ms: int = 1000,
        keys: dict[str, str] | None = None,
        fill: dict[str, str] | None = None,
        tcp: bool = False,
        port: int | None = None,
        calls: int = 1,
        service: str = "agent",
        options: tuple[str, ...] = (),
    ) -> SippPeer:
        """Run ``sipp/<scenario>.xml``: a UAS waiting on its port, or a UAC when ``call_to``
        names our SIP port (calling the account ``service``). ``hold_ms`` is the scenario's
        plain ``<pause/>`` (sipp's -d); ``keys`` become sipp ``[key]`` values, ``fill``
        replaces ``@NAME@`` in the file itself (for what sipp reads at load time, such as
        status codes); ``options`` go to sipp's command line as they are."""
        folder = self._folder(scenario)
        script = SCENARIOS / f"{scenario}.xml"
        if fill:
            text = script.read_text()
            for name, value in fill.items():
                text = text.replace(f"@{name}@", value)
            script = folder / script.name
            script.write_text(text)
        kind = socket.SOCK_STREAM if tcp else socket.SOCK_DGRAM
        port = port or free_port(kind)
        media_port = free_port(pair=True)
        messages, errors, log = folder / "messages.log", folder / "errors.log", folder / "out.log"
        command = [
            SIPP, "-sf", str(script),
            "-i", LOCALHOST, "-p", str(port), "-mi", LOCALHOST, "-mp", str(media_port),
            "-m", str(calls), "-d", str(hold_ms), "-nostdin", "-timeout", "60s",
            "-trace_msg", "-message_file", str(messages),
            "-trace_err", "-error_file", str(errors),
        ]  # fmt: skip
        for key, value in (keys or {}).items():
            command += ["-key", key, value]
        command += options
        if tcp:
            command += ["-t", "t1"]
        if call_to is not None:
            command += ["-s", service, f"{LOCALHOST}:{call_to}"]
        with open(log, "wb") as out:
            process = subprocess.Popen(
                command, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                cwd=folder, start_new_session=True,
            )  # fmt: skip
        peer = SippPeer(scenario, process, port, log, media_port, messages, errors)
        self.peers.append(peer)
        if call_to is None:
            self._wait_bound(peer, kind)
        return peer

    def _wait_bound(self, peer: Peer, kind: int) -> None:
        deadline = time.monotonic() + 5
        while _is_free(peer.port, kind):
            if not peer.running or time.monotonic() > deadline:
                raise RuntimeError(f"{peer.name} did not start:\n{peer.output()}")
            time.sleep(0.02)

    def baresip(self, *, port: int | None = None) -> Peer:
        """A baresip that answers every call by itself, sends a 440 Hz tone and logs the RFC
        2833 digits it receives (``received event: '5'``). No sound hardware is used: the tone
        comes from ``ausine`` and what it hears goes to the ``aubridge`` sink."""
        folder = self._folder("baresip")
        port = port or free_port(tcp_too=True)
        (folder / "config").write_text(
            "\n".join(
                [
                    f"module_path {BARESIP_MODULES}",
                    f"sip_listen {LOCALHOST}:{port}",
                    f"net_interface {LOCALHOST}",
                    "call_local_timeout 120",
                    # ausine produces 48 kHz stereo only; baresip resamples for G.711.
                    "audio_source ausine,440",
                    "audio_player aubridge,sink",
                    "audio_alert aubridge,sink",
                    "ausrc_srate 48000",
                    "auplay_srate 48000",
                    "ausrc_channels 2",
                    "auplay_channels 2",
                    "rtp_timeout 0",
                    "module g711.so",
                    "module ausine.so",
                    "module aubridge.so",
                    "module_tmp account.so",
                    "module_app menu.so",
                    "",
                ]
            )
        )
        (folder / "accounts").write_text(
            f"<sip:patient@{LOCALHOST}:{port}>;answermode=auto;regint=0\n"
        )
        log = folder / "out.log"
        env = {**os.environ, "HOME": str(folder)}
        with open(log, "wb") as out:
            process = subprocess.Popen(
                [BARESIP, "-f", str(folder), "-v"], stdout=out, stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL, cwd=folder, env=env, start_new_session=True,
            )  # fmt: skip
        peer = Peer("baresip", process, port, log)
        self.peers.append(peer)
        deadline = time.monotonic() + 10
        while "baresip is ready" not in peer.output():
            if not peer.running or time.monotonic() > deadline:
                raise RuntimeError(f"baresip did not start:\n{peer.output()}")
            time.sleep(0.02)
        return peer
