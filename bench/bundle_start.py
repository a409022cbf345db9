"""The PyInstaller bundle against the venv: its size, and how long the desk takes to start.

    python -m bench.bundle_start [--bundle dist/agent-app] [--runs 5] [--warm]

Start = launching ``agent-app --self-test --offline --demo`` until it exits: Qt, the store
(opened and checked), the Qt plugins, pjsua2, sqlcipher3, translations and the sign-in screen
drawn offscreen, which is the work of a desk's start up to its sign-in. The same command runs
from the bundle and as ``.venv/bin/python -m agent_app``, interleaved, each in its own HOME
whose demo store was made by one untimed run first. Runs are cold (the OS page cache dropped
before each, which needs root) unless --warm, or when dropping is not permitted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARGS = ("--self-test", "--offline", "--demo")


def bundle_size(folder: Path) -> tuple[float, int]:
    """Megabytes and number of files in the bundle folder."""
    files = [path for path in folder.rglob("*") if path.is_file() and not path.is_symlink()]
    return sum(path.stat().st_size for path in files) / 1e6, len(files)


def drop_page_cache() -> bool:
    """Empty the OS file cache so the next start reads from disk; False when not allowed."""
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
    except OSError:
        return False
    return True


def start_once(command: list[str], home: Path) -> float:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    # The venv runs this checkout's code, whichever tree the venv was installed from.
    env["PYTHONPATH"] = str(ROOT)
    started = time.perf_counter()
    done = subprocess.run(command, env=env, cwd=home, capture_output=True, text=True, timeout=300)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{command[0]} failed ({done.returncode}):\n{done.stdout}{done.stderr}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "agent-app")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--warm", action="store_true", help="keep the page cache between runs")
    args = parser.parse_args()
    program = args.bundle / "agent-app"
    if not program.is_file():
        raise SystemExit(f"No bundle at {args.bundle}: run scripts/build_bundle.sh first")
    megabytes, files = bundle_size(args.bundle)
    print(f"bundle: {args.bundle} {megabytes:.0f} MB in {files} files")

    commands = {
        "bundle": [str(program), *ARGS],
        "venv": [str(ROOT / ".venv" / "bin" / "python"), "-m", "agent_app", *ARGS],
    }
    cold = not args.warm and drop_page_cache()
    with tempfile.TemporaryDirectory(prefix="bundle-start-") as scratch:
        homes = {name: Path(scratch) / name for name in commands}
        for name, command in commands.items():
            homes[name].mkdir()
            start_once(command, homes[name])  # makes the demo store, untimed
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, command in commands.items():  # interleaved: load hits both alike
                if cold:
                    drop_page_cache()
                times[name].append(start_once(command, homes[name]))
    medians = {name: statistics.median(values) for name, values in times.items()}
    for name, values in times.items():
        print(
            f"{name:>6}: median {medians[name]:.2f} s (min {min(values):.2f}, "
            f"max {max(values):.2f}) over {len(values)} {'cold' if cold else 'warm'} starts"
        )
    print(
        f"bundle_start size_mb={megabytes:.0f} files={files} bundle_s={medians['bundle']:.2f} "
        f"venv_s={medians['venv']:.2f} ratio={medians['bundle'] / medians['venv']:.2f} "
        f"cache={'cold' if cold else 'warm'}"
    )


if __name__ == "__main__":
    main()
