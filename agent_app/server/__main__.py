"""``python -m agent_app.server``: the central server's side for IT, one command per task.

Output is plain English for IT staff; the exit status is 0 when done, 1 when a step failed
(nothing half-made: each step is one transaction), 3 when ``init`` or ``check-tls`` finished
but found a red TLS line that must be fixed before desks connect.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from agent_app.domain.enums import Role
from agent_app.server.backup import backup, restore
from agent_app.server.connection import DEFAULT_DATABASE, ServerTarget, ServerToolError
from agent_app.server.init_server import FirstAdmin, init_server
from agent_app.server.on_duty import OnDutyPhoneError, set_on_duty_phone
from agent_app.server.passwords import read_password
from agent_app.server.sms_station import set_sms_station, sms_stations
from agent_app.server.staff_import import import_staff
from agent_app.server.staff_logins import StaffEntry, StaffInputError, parse_role, put_staff
from agent_app.server.tls_check import Finding, Level, check_tls
from agent_app.store.desk_versions import set_min_version

EXIT_FAILED = 1
EXIT_TLS_RED = 3
_MARK = {Level.GREEN: "  ok   ", Level.AMBER: "  AMBER", Level.RED: "  RED  "}


def _say(line: str) -> None:
    print(line, flush=True)


def _report_tls(findings: list[Finding]) -> int:
    _say("TLS for staff logins:")
    for finding in findings:
        _say(f"{_MARK[finding.level]} {finding.text}")
    if any(f.level is Level.RED for f in findings):
        _say("Fix the RED lines before desks connect (see README, Install > Server).")
        return EXIT_TLS_RED
    return 0


def _password_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from the first line of standard input",
    )
    group.add_argument("--password-env", metavar="NAME",
                       help="read the password from the environment variable NAME")  # fmt: skip


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m agent_app.server",
        description="Set up and look after the follow-up desks' central PostgreSQL. Connects "
        "as the database owner through libpq's settings (PGHOST, PGPORT, PGUSER, PGPASSWORD "
        "or ~/.pgpass) or --dsn; never give a password on the command line.",
    )
    parser.add_argument(
        "--dsn",
        default="",
        help="libpq connection string without password, e.g. "
        "'host=db1 user=postgres' (default: PG* environment variables)",
    )
    parser.add_argument(
        "--database",
        default=os.environ.get("AGENT_APP_SERVER_DATABASE") or DEFAULT_DATABASE,
        help="the desks' database (default: %(default)s)",
    )
    commands = parser.add_subparsers(dest="command", required=True)

    init = commands.add_parser(
        "init",
        help="create the database, roles, schema and the first "
        "administrator; check TLS (safe to run again)",
    )
    init.add_argument(
        "--admin", required=True, metavar="USERNAME", help="the first administrator's login"
    )
    init.add_argument("--admin-name", default="", help="their full name (default: USERNAME)")
    init.add_argument(
        "--department-code", default="FUC", help="their department's code (default: %(default)s)"
    )
    init.add_argument(
        "--department-name",
        default="随访中心",
        help="its name, used when it is new (default: %(default)s)",
    )
    _password_options(init)

    commands.add_parser("check-tls", help="report the TLS settings staff logins meet")

    add = commands.add_parser(
        "add-staff", help="create or update a staff member and their login, with a new password"
    )
    add.add_argument("username")
    add.add_argument("--name", default="", help="full name (needed for a new member)")
    add.add_argument("--role", default="", help=", ".join(r.value for r in Role))
    add.add_argument("--department", default="", metavar="CODE")
    add.add_argument("--department-name", default="", help="creates the department if new")
    add.add_argument("--extension", default="")
    _password_options(add)

    imp = commands.add_parser(
        "import-staff",
        help="create staff and logins from a CSV file "
        "(all or none); new passwords go to a 0600 sheet",
    )
    imp.add_argument("file", type=Path)
    imp.add_argument(
        "--passwords-out",
        type=Path,
        required=True,
        metavar="FILE",
        help="new file for the generated initial passwords (0600)",
    )

    gate = commands.add_parser("set-min-version", help="the oldest desk version that may sync")
    gate.add_argument("version", metavar="X.Y.Z")

    duty = commands.add_parser(
        "set-on-duty-phone",
        help="the number a department's unacknowledged red-flag alerts are texted to",
    )
    duty.add_argument("department", metavar="CODE")
    duty.add_argument("number", help='a mobile number; "" stops the texts')
    station = commands.add_parser(
        "sms-station",
        help="grant or take back the right to send the hospital's text messages "
        "(the SMS station desk's login), or list who holds it",
    )
    station.add_argument("action", choices=("grant", "revoke", "list"))
    station.add_argument("username", nargs="?", default="")

    for name, text in (
        ("backup", "dump the database and the desks' roles into FOLDER"),
        ("restore", "restore a backup FOLDER into a new database"),
    ):
        command = commands.add_parser(name, help=text)
        command.add_argument("folder", type=Path)
    return parser  # fmt: skip


def _password(args: argparse.Namespace, who: str) -> str:
    return read_password(
        from_stdin=args.password_stdin,
        env_name=args.password_env,
        prompt=f"New password for {who}: ",
    )


def _run(args: argparse.Namespace) -> int:
    target = ServerTarget(args.dsn, args.database)
    if args.command == "init":
        admin = FirstAdmin(args.admin, args.admin_name or args.admin, args.department_code,
                           args.department_name)  # fmt: skip
        findings = init_server(target, admin, lambda: _password(args, args.admin), _say)
        return _report_tls(findings)
    if args.command == "check-tls":  # needs no desks' database yet: ask the maintenance one
        engine = target.engine(target.maintenance_database())
        try:
            with engine.connect() as connection:
                return _report_tls(check_tls(connection, target.database))
        finally:
            engine.dispose()
    if args.command == "add-staff":
        entry = StaffEntry(
            username=args.username,
            full_name=args.name,
            role=parse_role(args.role) if args.role else None,
            department_code=args.department,
            department_name=args.department_name,
            extension=args.extension,
        )
        password = _password(args, args.username)
        engine = target.engine()
        try:
            with engine.begin() as connection:
                role = put_staff(connection, entry, password)
        finally:
            engine.dispose()
        _say(f"{args.username}: login ready as {role.value}.")
        return 0
    if args.command == "import-staff":
        report = import_staff(target, args.file, args.passwords_out)
        _say(f"{len(report.created)} new logins; their passwords are in {args.passwords_out} "
             "(hand them over, then destroy it).")  # fmt: skip
        if report.updated:
            _say(f"{len(report.updated)} had a login already (password unchanged): "
                 + ", ".join(report.updated))  # fmt: skip
        return 0
    if args.command == "set-min-version":
        engine = target.engine()
        try:
            with engine.begin() as connection:
                old = set_min_version(connection, args.version)
        except ValueError as error:
            raise ServerToolError(str(error)) from None
        finally:
            engine.dispose()
        _say(f"Oldest desk version that may sync: {old} -> {args.version}.")
        return 0
    if args.command == "set-on-duty-phone":
        engine = target.engine()
        try:
            with engine.begin() as connection:
                old = set_on_duty_phone(connection, args.department, args.number)
        except OnDutyPhoneError as error:
            raise ServerToolError(str(error)) from None
        finally:
            engine.dispose()
        _say(f"On-duty number of {args.department}: {old or '(none)'} -> "
             f"{args.number.strip() or '(none)'}.")  # fmt: skip
        return 0
    if args.command == "sms-station":
        return _sms_station(target, args.action, args.username)
    if args.command == "backup":
        files = backup(target, args.folder)
        _say(f"Backed up {target.database} to {files.dump} and its roles to {files.roles} "
             "(with password verifiers: keep both as safe as patient data).")  # fmt: skip
        return 0
    restore(target, args.folder, _say)
    _say(f"Restored {args.folder} into {target.database}.")
    return 0


def _sms_station(target: ServerTarget, action: str, username: str) -> int:
    if action != "list" and not username:
        raise ServerToolError(f"sms-station {action} needs the staff member's username")
    engine = target.engine()
    try:
        with engine.begin() as connection:
            if action == "list":
                holders = sms_stations(connection)
            else:
                set_sms_station(connection, username, action == "grant")
    finally:
        engine.dispose()
    if action == "list":
        _say("SMS station logins: " + (", ".join(holders) if holders else "none"))
    elif action == "grant":
        _say(f"{username} may now send the hospital's text messages (SMS station).")
    else:
        _say(f"{username} no longer sends the hospital's text messages.")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; the exit status (see the module's docstring)."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except (ServerToolError, StaffInputError) as error:
        print(f"error: {error}", file=sys.stderr)
    except SQLAlchemyError as error:
        detail = str(getattr(error, "orig", None) or error).strip().splitlines()
        print(f"error: the database refused: {detail[0] if detail else error}", file=sys.stderr)
    return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
