"""Time from a patient's INVITE leaving sipp to the desk's pop painted with the patient's name.

    python bench/screenpop_latency.py --patients 1000000 --calls 200

The store is the demo generator's hospital (built once and kept at ``--store``; 1,000,000
patients take several minutes to generate). ``--calls`` contact numbers are drawn at random;
sipp (Debian's sip-tester) calls the desk's SIP line with each in turn, the number in From.
The desk runs as in production: ``SipPhone`` pumped by ``PhoneBridge``'s timer, ``ScreenPop``
looking the caller up on the thread pool and showing the card; the end time is the card's
first paint after it was shown (an event filter on the card), and the card must then name the
patient (or list them, for a shared family phone). The start is sipp's own timestamp of the
INVITE in its message trace. Both are wall-clock times on this machine.

The floor, in the same run: the same calls to a bare pjsua2 account in a process of its own
(``bench/screenpop_floor.py``), whose incoming-call callback runs one indexed lookup.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, qInstallMessageHandler
from PySide6.QtWidgets import QApplication
from sqlalchemy import Engine, func, select

from agent_app.config import ScreenPopSettings
from agent_app.demo.seed import seed_store
from agent_app.dialer.sip import SipPhone
from agent_app.dialer.sip_config import SipLineConfig
from agent_app.domain.enums import LineType, Role
from agent_app.store.engine import open_local_store
from agent_app.store.repositories.staff import list_accounts
from agent_app.store.schema import Contact, Patient
from agent_app.ui.phone_bridge import PhoneBridge
from agent_app.ui.screen_pop import ScreenPop

HERE = Path(__file__).resolve().parent
SCENARIO = HERE / "sipp" / "uac_callback.xml"
LOCALHOST = "127.0.0.1"
_SENT = re.compile(r"^-+ (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+)\nUDP message sent", re.M)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind((LOCALHOST, 0))
        return int(sock.getsockname()[1])


def prepare_store(path: Path, patients: int) -> Engine:
    engine = open_local_store(path)
    with engine.connect() as connection:
        have = connection.execute(select(func.count()).select_from(Patient)).scalar_one()
    if have == 0:
        started = time.perf_counter()
        seed_store(engine, patients, seed=11, history=False)
        print(f"seeded {patients:,} patients in {time.perf_counter() - started:.0f} s")
    elif have != patients:
        raise SystemExit(f"{path} holds {have:,} patients, not {patients:,}; use another --store")
    return engine


def sample_numbers(engine: Engine, calls: int, seed: int) -> dict[str, set[str]]:
    """``calls`` distinct contact numbers → the names of the patients who have them."""
    rng = random.Random(seed)
    with engine.connect() as connection:
        low, high = connection.execute(select(func.min(Contact.id), func.max(Contact.id))).one()
        chosen: dict[str, set[str]] = {}
        while len(chosen) < calls:
            row = connection.execute(
                select(Contact.number_e164).where(Contact.id >= rng.randint(low, high)).limit(1)
            ).first()
            if row is None or row[0] in chosen:
                continue
            names = connection.execute(
                select(Patient.name)
                .join(Contact, Contact.patient_id == Patient.id)
                .where(Contact.number_e164 == row[0])
            ).scalars()
            chosen[row[0]] = set(names)
    return chosen


def run_sipp(numbers: list[str], port: int, folder: Path, rate: float) -> subprocess.Popen[bytes]:
    csv = folder / "numbers.csv"
    csv.write_text("SEQUENTIAL\n" + "".join(f"{n};\n" for n in numbers), "utf-8")
    command = [
        "sipp", "-sf", str(SCENARIO), "-inf", str(csv),
        "-i", LOCALHOST, "-p", str(free_port()), "-mi", LOCALHOST, "-mp", str(free_port()),
        "-m", str(len(numbers)), "-r", str(rate), "-rp", "1000", "-l", "1",
        "-nostdin", "-timeout", "600s", "-trace_msg", "-message_file", str(folder / "m.log"),
        "-s", "agent", f"{LOCALHOST}:{port}",
    ]  # fmt: skip
    return subprocess.Popen(
        command, cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


def invite_times(log: Path) -> dict[str, int]:
    """The first INVITE sent for each caller number, in ns since the epoch."""
    text = log.read_text("utf-8", "replace")
    starts = [m for m in _SENT.finditer(text)]
    times: dict[str, int] = {}
    for index, match in enumerate(starts):
        end = starts[index + 1].start() if index + 1 < len(starts) else len(text)
        block = text[match.end() : end]
        if "\nINVITE " not in block:
            continue
        caller = re.search(r"^From: <sip:([^@]+)@", block, re.M)
        if caller is None or caller[1] in times:
            continue
        stamp = dt.datetime.strptime(match[1], "%Y-%m-%d %H:%M:%S.%f").astimezone()
        times[caller[1]] = int(stamp.timestamp() * 1e9)
    return times


class FirstPaint(QObject):
    """Notes the wall-clock time of the card's first paint after each pop."""

    def __init__(self) -> None:
        super().__init__()
        self.waiting = False
        self.painted: list[int] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.waiting and event.type() == QEvent.Type.Paint:
            self.painted.append(time.time_ns())
            self.waiting = False
        return False


def desk_phase(
    engine: Engine, numbers: dict[str, set[str]], folder: Path, rate: float
) -> list[float]:
    app = QApplication.instance() or QApplication([])
    quality = next(a for a in list_accounts(engine) if a.role is Role.QUALITY)
    phone = SipPhone(SipLineConfig(user="agent", bound_address=LOCALHOST, null_audio=True))
    bridge = PhoneBridge(phone)
    pop = ScreenPop(bridge, engine, quality, ScreenPopSettings(), line=LineType.SIP)
    painter = FirstPaint()
    pop.card.installEventFilter(painter)
    shown: dict[str, int] = {}
    wrong: list[str] = []

    def on_shown(_call_id: str) -> None:
        painter.waiting = True
        while painter.waiting:
            app.processEvents()  # deliver the paint the show() asked for
        number = pop.card.decision.caller.raw if pop.card.decision else ""
        text = pop.card.details.text() + " ".join(
            pop.card.chooser.item(i).text() for i in range(pop.card.chooser.count())
        )
        if not any(name in text for name in numbers.get(number, {"?"})):
            wrong.append(number)
        shown[number] = painter.painted[-1]
        pop.reject()

    pop.sig_shown.connect(on_shown)
    sipp = run_sipp(list(numbers), phone.local_port, folder, rate)
    while sipp.poll() is None:
        app.processEvents()
        time.sleep(0.001)
    for _ in range(200):  # let the last refusals and attempt writes finish
        app.processEvents()
        time.sleep(0.005)
    bridge.stop()
    if wrong:
        raise SystemExit(f"{len(wrong)} pops did not name the patient, e.g. {wrong[:3]}")
    sent = invite_times(folder / "m.log")
    return [(shown[n] - sent[n]) / 1e6 for n in numbers if n in shown and n in sent]


def floor_phase(store: Path, numbers: list[str], folder: Path, rate: float) -> list[float]:
    port = free_port()
    out = folder / "floor.tsv"
    floor = subprocess.Popen(
        [sys.executable, str(HERE / "screenpop_floor.py"), "--store", str(store),
         "--port", str(port), "--out", str(out)],
        stdout=subprocess.PIPE,
    )  # fmt: skip
    assert floor.stdout is not None
    for line in floor.stdout:  # pjlib prints its own start-up lines first
        if line.strip() == b"ready":
            break
    else:
        raise SystemExit("the floor process did not start")
    sipp = run_sipp(numbers, port, folder, rate)
    sipp.wait()
    Path(f"{out}.stop").touch()
    floor.wait(30)
    sent = invite_times(folder / "m.log")
    done = {}
    for line in out.read_text("utf-8").splitlines():
        number, _name, stamp = line.split("\t")
        done.setdefault(number, int(stamp))
    return [(done[n] - sent[n]) / 1e6 for n in numbers if n in done and n in sent]


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def _quiet_qt(_kind: object, _context: object, message: str) -> None:
    if "This plugin does not support" not in message:  # offscreen cannot raise windows
        print(message, file=sys.stderr)


def main() -> None:
    qInstallMessageHandler(_quiet_qt)
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--patients", type=int, default=1_000_000)
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--rate", type=float, default=4.0, help="calls per second")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--store", type=Path, default=None)
    args = parser.parse_args()
    cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "agent-app-bench"
    store = args.store or cache / f"screenpop-{args.patients}.sqlite3"
    store.parent.mkdir(parents=True, exist_ok=True)
    engine = prepare_store(store, args.patients)
    numbers = sample_numbers(engine, args.calls, args.seed)
    with tempfile.TemporaryDirectory(prefix="screenpop-bench-") as name:
        desk_dir, floor_dir = Path(name) / "desk", Path(name) / "floor"
        desk_dir.mkdir()
        floor_dir.mkdir()
        desk = desk_phase(engine, numbers, desk_dir, args.rate)
        floor = floor_phase(store, list(numbers), floor_dir, args.rate)
    for label, values in (("desk", desk), ("floor", floor)):
        print(
            f"{label:>5}: n={len(values)} p50={statistics.median(values):.1f} ms "
            f"p95={percentile(values, 0.95):.1f} ms p99={percentile(values, 0.99):.1f} ms "
            f"max={max(values):.1f} ms"
        )
    print(
        f"screenpop p50_ms={statistics.median(desk):.1f} p95_ms={percentile(desk, 0.95):.1f} "
        f"p99_ms={percentile(desk, 0.99):.1f} floor_ms={statistics.median(floor):.1f}"
    )


if __name__ == "__main__":
    main()
