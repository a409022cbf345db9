"""``python -m agent_app.his``: the discharge service and its one-off commands.

    serve                       daily import + HL7 listener until stopped (SIGUSR1: import now)
    run                         import from the HIS view once, now
    import-file FILE --mapping M   import a CSV/XLSX export
    generate                    bring every episode's tasks in line with the plans (after edits)

Settings come from the ``[his]`` file (``--config``, ``AGENT_APP_HIS_CONFIG`` or
/etc/agent-app/his.toml); ``--store URL`` overrides ``store_url`` (a ``sqlite:///`` path
opens, and migrates, a desk store: handy for the demo).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import logging
import signal
import sys
import threading
from pathlib import Path

from sqlalchemy import Engine

from agent_app.his.errors import HisError
from agent_app.his.file_source import read_file
from agent_app.his.mapping import ColumnMapping
from agent_app.his.runs import ImportOptions, RunReport, run_import
from agent_app.his.service import HisService
from agent_app.his.settings import HisSettings, load_settings
from agent_app.his.task_generator import generate_tasks
from agent_app.store.engine import create_server_engine, open_local_store

log = logging.getLogger("agent_app.his")


def open_store(url: str) -> Engine:
    if url.startswith("sqlite:///"):
        return open_local_store(Path(url.removeprefix("sqlite:///")))
    return create_server_engine(url)


def _moment(text: str) -> dt.datetime:
    moment = dt.datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m agent_app.his", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--config", type=Path, help="the [his] settings file")
    parser.add_argument("--store", help="database URL of the store to import into")
    # The clock the task generator uses; for tests and for replaying a day, so not advertised.
    parser.add_argument("--now", type=_moment, help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("serve", help="run the schedule and the HL7 listener")
    commands.add_parser("run", help="import from the HIS view now")
    file_cmd = commands.add_parser("import-file", help="import a CSV or XLSX export")
    file_cmd.add_argument("file", type=Path)
    file_cmd.add_argument("--mapping", type=Path, required=True, help="column mapping JSON")
    file_cmd.add_argument(
        "--source",
        default="his",
        help="name the visit numbers are keyed under (the same HIS in any form: same name)",
    )
    commands.add_parser("generate", help="regenerate tasks for every episode")
    return parser


def _settings(args: argparse.Namespace) -> HisSettings:
    if args.command in ("import-file", "generate") and args.config is None and args.store:
        return HisSettings(store_url=args.store)  # one-off commands need no settings file
    settings = load_settings(args.config)
    if args.store:
        settings = dataclasses.replace(settings, store_url=args.store)
    return settings


def _summary(report: RunReport) -> str:
    return (
        f"run {report.run_id} {report.status}: {report.rows_in} in, {report.created} created, "
        f"{report.updated} updated, {report.unchanged} unchanged, {report.rejected} rejected; "
        f"tasks {report.tasks_created} created, {report.tasks_updated} updated, "
        f"{report.tasks_cancelled} cancelled"
    )


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    try:
        settings = _settings(args)
        if not settings.store_url:
            raise HisError("No store to import into: set [his] store_url or pass --store.")
        store = open_store(settings.store_url)
        service = HisService(settings, store)
        if args.command == "serve":
            return _serve(service)
        if args.command == "run":
            report = service.run_now("manual")
            if report is not None:
                sys.stdout.write(_summary(report) + "\n")
            return 0 if report is None or report.status == "ok" else 1
        if args.command == "import-file":
            mapping = ColumnMapping.load(args.mapping)
            report = run_import(
                store,
                args.source,
                "file",
                read_file(args.file, mapping),
                options=ImportOptions(
                    region=settings.region, late_days=settings.late_days, now=args.now
                ),
            )
            sys.stdout.write(_summary(report) + "\n")
            return 0
        counts = generate_tasks(store, now=args.now, late_days=settings.late_days)
        sys.stdout.write(
            f"tasks {counts.created} created, {counts.updated} updated, "
            f"{counts.cancelled} cancelled\n"
        )
        return 0
    except HisError as exc:
        sys.stderr.write(f"{exc}\n")
        return 2


def _serve(service: HisService) -> int:
    stop = threading.Event()

    def on_stop(_signum: int, _frame: object) -> None:
        stop.set()
        service.request_run()  # wakes the schedule loop, which then sees stop and ends

    signal.signal(signal.SIGTERM, on_stop)
    signal.signal(signal.SIGINT, on_stop)
    if hasattr(signal, "SIGUSR1"):
        signal.signal(signal.SIGUSR1, lambda _s, _f: service.request_run())
    service.serve(stop)
    log.info("HIS service stopped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
