"""Cold start: from launching the process to a usable sign-in, and to a filled queue.

    python -m bench.startup --patients 1000000 --runs 5

Each measurement is a fresh process (cold imports, cold store connection; the OS file cache
is warm after the first run, as on a desk used every day). Three kinds of process run in turn:

- floor: a bare QApplication and an empty QMainWindow, shown and painted;
- login: open the store (schema check), read the accounts, show the sign-in dialog;
- queue: open the store, check a quality nurse's password (argon2), show the main window with
  the whole hospital's open follow-ups counted and the first page painted.

The parent times each from ``Popen`` to the child's "READY" line, which the child prints once
the window has been painted; the child reports its peak RSS. The store is a private copy of
the 1M-patient benchmark store (the migration to the current schema happens once, untimed).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select, text

from agent_app.store.engine import open_local_store
from agent_app.store.schema import Patient

ROOT = Path(__file__).resolve().parents[1]
KINDS = ("floor", "login", "queue")


def child(kind: str, store: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from agent_app.ui.qt import QApplication, QMainWindow

    app = QApplication([])
    if kind == "floor":
        window = QMainWindow()
        window.resize(1280, 760)
        window.show()
    else:
        # The modules the desk itself loads before its sign-in shows (agent_app.ui.app).
        from agent_app.ui.app import LoginDialog, list_accounts, open_desk_store

        engine = open_desk_store(store).engine
        accounts = list_accounts(engine)
        if kind == "login":
            window = LoginDialog(engine, accounts, "")
            window.show()
        else:
            from agent_app.domain.enums import Role
            from agent_app.store.repositories.staff import authenticate
            from agent_app.ui.main_window import ALL_OPEN, MainWindow

            nurse = next(a for a in accounts if a.role is Role.QUALITY)
            account = authenticate(engine, nurse.username, "demo")
            window = MainWindow(engine, account, "Line: simulated (demo)")
            window.window_box.setCurrentIndex(window.window_box.findData(ALL_OPEN))
            window.show()
    app.processEvents()
    model = getattr(window, "model", None)
    while model is not None and model.counting:  # ready means the queue's rows are shown
        app.processEvents()
        time.sleep(0.002)
    window.repaint()
    app.processEvents()
    rows = model.rowCount() if model is not None else 0
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"READY rss_mb={rss_mb:.1f} rows={rows}", flush=True)


def run_once(kind: str, store: Path) -> tuple[float, float, int]:
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "bench.startup", "--child", kind, "--store", str(store)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    elapsed = time.perf_counter() - started
    process.wait(60)
    if not line.startswith("READY"):
        raise SystemExit(f"{kind} child failed: {line!r}")
    fields = dict(part.split("=") for part in line.split()[1:])
    return elapsed, float(fields["rss_mb"]), int(fields["rows"])


def prepare(patients: int) -> Path:
    cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "agent-app-bench"
    store = cache / f"startup-{patients}.sqlite3"
    source = cache / f"screenpop-{patients}.sqlite3"
    if not store.exists():
        if not source.exists():
            raise SystemExit(
                f"No {patients:,}-patient store in {cache}; make one with "
                f"`python bench/screenpop_latency.py --patients {patients}` or "
                f"`python -m agent_app.demo seed --patients {patients} --store {source}`"
            )
        shutil.copyfile(source, store)
    engine = open_local_store(store)  # migrates once, untimed
    with engine.connect() as connection:
        have = connection.execute(select(func.count()).select_from(Patient)).scalar_one()
        connection.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
    engine.dispose()
    print(f"store: {store} ({have:,} patients)")
    return store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--patients", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--child", choices=KINDS)
    parser.add_argument("--store", type=Path)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.store)
        return
    store = prepare(args.patients)
    results: dict[str, list[tuple[float, float, int]]] = {kind: [] for kind in KINDS}
    for _ in range(args.runs):
        for kind in KINDS:  # interleaved, so machine load hits all three alike
            results[kind].append(run_once(kind, store))
    medians = {}
    for kind in KINDS:
        seconds = [r[0] for r in results[kind]]
        rss = max(r[1] for r in results[kind])
        medians[kind] = statistics.median(seconds)
        rows = results[kind][0][2]
        print(
            f"{kind:>5}: median {medians[kind]:.2f} s (min {min(seconds):.2f}, "
            f"max {max(seconds):.2f}) peak RSS {rss:.0f} MB"
            + (f", {rows:,} follow-ups in the queue" if rows else "")
        )
    print(
        f"startup login_s={medians['login']:.2f} queue_s={medians['queue']:.2f} "
        f"floor_s={medians['floor']:.2f} ratio_login={medians['login'] / medians['floor']:.2f} "
        f"ratio_queue={medians['queue'] / medians['floor']:.2f}"
    )


if __name__ == "__main__":
    main()
