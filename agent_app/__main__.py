"""``python -m agent_app [--demo]``: start the follow-up desk."""

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
    parser.add_argument("--verbose", action="store_true")
    # IT staff check which build a desk runs without starting Qt or opening the store.
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    args = parser.parse_args(argv)
    # Whatever the desk writes (store, recordings, caches, saved settings, exports) is for its
    # own OS account only: files 0600, folders 0700, whichever code creates them.
    os.umask(0o077)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    try:
        settings = load_settings(demo=args.demo)
    except ConfigError as exc:
        from agent_app.ui.fatal import show_start_up_error

        show_start_up_error(exc)
        return 2
    from agent_app.ui.app import run

    return run(settings, args.patients)


if __name__ == "__main__":
    sys.exit(main())
