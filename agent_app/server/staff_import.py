"""Staff from a CSV file: every line checked before anything changes, then all in one go.

The file has a header row naming at least ``username, full_name, role, department_code``
(``department_name`` creates a department whose code is new, ``extension`` is the phone
extension). A line that cannot be used is reported with its number and why, and then nothing
is written. Otherwise every line is made in one transaction: staff rows, departments and
logins together, or none of them.

New logins get generated passwords, written to a new 0600 CSV sheet (``--passwords-out``)
before the transaction commits, for IT to hand over in person and destroy; the sheet is
removed again when the transaction fails. Members who already have a login keep their
password (``add-staff`` sets a new one).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, select

from agent_app.server.connection import ServerTarget, ServerToolError
from agent_app.server.passwords import generate_password, write_password_sheet
from agent_app.server.staff_logins import (
    StaffEntry,
    StaffInputError,
    check_username,
    login_exists,
    parse_role,
    put_staff,
)
from agent_app.store.schema import Department
from agent_app.sync.logins import existing_role_refusal

CSV_COLUMNS = ("username", "full_name", "role", "department_code", "department_name", "extension")
REQUIRED_COLUMNS = ("username", "full_name", "role", "department_code")


@dataclass(frozen=True)
class CsvProblem:
    line: int
    text: str


def _entry_from_row(row: Mapping[str, str | None]) -> StaffEntry:
    def cell(name: str) -> str:
        return (row.get(name) or "").strip()

    for name in REQUIRED_COLUMNS:
        if not cell(name):
            raise StaffInputError(f"{name} is empty.")
    return StaffEntry(
        username=check_username(cell("username")),
        full_name=cell("full_name"),
        role=parse_role(cell("role")),
        department_code=cell("department_code"),
        department_name=cell("department_name"),
        extension=cell("extension"),
    )


def read_staff_csv(content: str) -> tuple[list[tuple[int, StaffEntry]], list[CsvProblem]]:
    """Every staff line of a CSV file (a header row naming at least the required columns),
    with its line number, and every problem found; nothing is written."""
    reader = csv.DictReader(io.StringIO(content.lstrip("\ufeff")))
    header = [name.strip() for name in reader.fieldnames or []]
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    if missing:
        return [], [CsvProblem(1, f"the header lacks {', '.join(missing)}")]
    reader.fieldnames = header
    entries: list[tuple[int, StaffEntry]] = []
    problems: list[CsvProblem] = []
    seen: dict[str, int] = {}
    for row in reader:
        line = reader.line_num
        if not any((value or "").strip() for value in row.values() if isinstance(value, str)):
            continue
        if None in row:
            problems.append(CsvProblem(line, "more cells than the header has columns"))
            continue
        try:
            entry = _entry_from_row(row)
        except StaffInputError as error:
            problems.append(CsvProblem(line, str(error)))
            continue
        if entry.username in seen:
            problems.append(
                CsvProblem(line, f"{entry.username} is already on line {seen[entry.username]}")
            )
            continue
        seen[entry.username] = line
        entries.append((line, entry))
    return entries, problems


def check_against_server(
    connection: Connection, entries: Iterable[tuple[int, StaffEntry]]
) -> list[CsvProblem]:
    """What the server would refuse: a name taken by an administrative role, a department
    that does not exist and has no name to create it with."""
    problems: list[CsvProblem] = []
    known = set(connection.execute(select(Department.code)).scalars())
    named: set[str] = set()
    for line, entry in entries:
        refusal = existing_role_refusal(connection, entry.username)
        if refusal:
            problems.append(CsvProblem(line, refusal))
        if entry.department_name:
            named.add(entry.department_code)
    for line, entry in entries:
        code = entry.department_code
        if code not in known and code not in named:
            problems.append(
                CsvProblem(line, f"department {code} does not exist; fill department_name.")
            )
    return sorted(problems, key=lambda p: p.line)


class StaffFileError(ServerToolError):
    """The file has lines that cannot be used; nothing was written."""

    def __init__(self, path: Path, problems: list[CsvProblem]) -> None:
        self.problems = problems
        lines = "\n".join(f"  line {p.line}: {p.text}" for p in problems)
        super().__init__(f"{path}: nothing was imported; fix these lines:\n{lines}")


@dataclass(frozen=True)
class ImportReport:
    created: list[str]  # usernames given a new login (and a password on the sheet)
    updated: list[str]  # usernames that had a login: role and department set, password kept


def import_staff(target: ServerTarget, path: Path, sheet: Path) -> ImportReport:
    """Make every staff member of the CSV file at ``path`` and their logins, or none; new
    logins' passwords go to the new file ``sheet``."""
    try:
        content = path.read_text("utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise ServerToolError(f"{path} cannot be read as UTF-8 text: {error}") from None
    entries, problems = read_staff_csv(content)
    if not entries and not problems:
        raise ServerToolError(f"{path} holds no staff lines.")
    engine = target.engine()
    try:
        with engine.connect() as connection:  # one transaction; closing uncommitted undoes it
            problems += check_against_server(connection, entries)
            if problems:
                raise StaffFileError(path, sorted(problems, key=lambda p: p.line))
            fresh = {e.username for _, e in entries if not login_exists(connection, e.username)}
            passwords = {username: generate_password() for username in fresh}
            failed: list[CsvProblem] = []
            for line, entry in entries:
                try:
                    with connection.begin_nested():
                        put_staff(connection, entry, passwords.get(entry.username))
                except StaffInputError as error:
                    failed.append(CsvProblem(line, str(error)))
            if failed:
                raise StaffFileError(path, failed)  # rolls the whole file back
            if passwords:
                write_password_sheet(
                    sheet,
                    [(e.username, e.full_name, passwords[e.username])
                     for _, e in entries if e.username in passwords],
                )  # fmt: skip
            try:
                connection.commit()
            except Exception:
                sheet.unlink(missing_ok=True)  # those passwords were never set
                raise
    finally:
        engine.dispose()
    return ImportReport(
        created=[e.username for _, e in entries if e.username in passwords],
        updated=[e.username for _, e in entries if e.username not in passwords],
    )
