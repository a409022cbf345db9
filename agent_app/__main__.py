"""``python -m agent_app [--demo]``: start the follow-up desk;
``python -m agent_app --self-test [--offline]``: check this desk is ready, exit 1 on red."""

from __future__ import annotations

import argparse
import logging
import os
import sys

from agent_app import APP_NAME, __version__
from agent_app.config import ConfigError, load_settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog=APP_NAME, description="Follow-up desk")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="embedded store with a generated hospital and a simulated line",
    )
    parser.add_argument(
        "--patients",
        type=int,
        default=3000,
        help="patients to generate the first time the demo starts",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check the store, keyring, disk, libraries, headset, line and central server, "
        "print one line per check and exit 1 if any check failed",
    )
    parser.add_argument(
        "--offline",
        action="store_true",
        help="with --self-test: only the checks that need no central server, phone line or "
        "sound hardware (what packaging runs offscreen)",
    )
    parser.add_argument(
        "--user",
        default="",
        help="with --self-test: sign in to the central server as this staff login to check "
        "its version and clock (password from the keyring, else asked)",
    )
    parser.add_argument("--verbose", action="store_true")
    # IT staff check which build a desk runs without starting Qt or opening the store.
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    args = parser.parse_args(argv)
    if args.offline and not args.self_test:
        parser.error("--offline goes with --self-test")
    # Whatever the desk writes (store, recordings, caches, saved settings, exports) is for its
    # own OS account only: files 0600, folders 0700, whichever code creates them.
    os.umask(0o077)
    quiet = logging.WARNING if args.self_test else logging.INFO
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else quiet,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    try:
        settings = load_settings(demo=args.demo)
    except ConfigError as exc:
        if args.self_test:
            print(f"FAIL settings        {exc}")
            return 1
        from agent_app.ui.fatal import show_start_up_error

        show_start_up_error(exc)
        return 2
    if args.self_test:
        from agent_app.selftest.cli import login_for, run_self_test
        from agent_app.ui.fatal import has_display
        from agent_app.ui.selftest_qt import self_test_checks

        if not has_display():  # over SSH, or a service: Qt's checks run offscreen
            os.environ["QT_QPA_PLATFORM"] = "offscreen"

        return run_self_test(
            settings,
            self_test_checks(settings),
            offline=args.offline,
            login=login_for(args.user) if args.user and not args.offline else None,
        )
    from agent_app.ui.app import run

    return run(settings, args.patients)


if __name__ == "__main__":
    sys.exit(main())
