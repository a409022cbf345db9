"""Back up and restore the central database together with the desks' roles.

``pg_dump`` (custom format) holds the database: tables, row-level security policies, grants,
functions. Roles are cluster-wide, so it holds none of them: the desks' group roles and every
staff login come from ``pg_dumpall --roles-only``, kept to those roles only (not the
server's superuser or other databases' roles) and rewritten so that restoring them into a
cluster that has some already changes nothing twice. The roles file carries each login's
password verifier (SCRAM, not the password), so staff sign in after a restore as before;
like the dump itself it must be kept as carefully as patient data. Both files are written
0600 in a 0700 folder.

A restore puts the roles back first (the policies name them), then creates the database
(refusing one that exists) and runs ``pg_restore`` in one transaction, with every object
owned by the role that restores.
"""

from __future__ import annotations

import glob
import json
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, text

from agent_app.server.connection import ServerTarget, ServerToolError
from agent_app.server.init_server import create_database
from agent_app.server.xid_counter import advance_past, next_xid

DUMP_NAME = "database.dump"
ROLES_NAME = "roles.sql"
FACTS_NAME = "backup.json"  # the old server's next transaction id (see xid_counter)

_IDENT = r'"(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_$]*'
_CREATE = re.compile(rf"^CREATE ROLE ({_IDENT});$")
_ALTER = re.compile(rf"^ALTER ROLE ({_IDENT}) (?:WITH|SET) .*;$")
_COMMENT = re.compile(rf"^COMMENT ON ROLE ({_IDENT}) IS .*;$")
_GRANT = re.compile(rf"^GRANT ({_IDENT}) TO ({_IDENT})(.*?)(?: GRANTED BY (?:{_IDENT}))?;$")

# Every role a desk signs in as or through: the groups and each login in them (superusers
# are members of every role, so they are left out), and the database's owner when it is not
# a superuser.
DESK_ROLES_SQL = """
SELECT r.rolname FROM pg_roles r
WHERE NOT r.rolsuper AND pg_has_role(r.oid, 'desk_staff', 'MEMBER')
UNION
SELECT r.rolname FROM pg_database d JOIN pg_roles r ON r.oid = d.datdba
WHERE d.datname = current_database() AND NOT r.rolsuper
"""


@dataclass(frozen=True)
class BackupFiles:
    dump: Path
    roles: Path
    facts: Path

    @classmethod
    def in_folder(cls, folder: Path) -> BackupFiles:
        return cls(folder / DUMP_NAME, folder / ROLES_NAME, folder / FACTS_NAME)


def _unquote(ident: str) -> str:
    return ident[1:-1].replace('""', '"') if ident.startswith('"') else ident


def desk_roles(connection: Connection) -> set[str]:
    """The roles a backup of this database must carry."""
    return set(connection.execute(text(DESK_ROLES_SQL)).scalars())


def keep_desk_roles(dumped: str, roles: set[str]) -> str:
    """``pg_dumpall --roles-only`` output kept to ``roles``, each CREATE made conditional
    and each membership's grantor dropped (the restoring role grants it)."""
    kept = ["-- The follow-up desks' roles (agent_app.server backup)."]
    for line in dumped.splitlines():
        if found := _CREATE.match(line):
            name = _unquote(found[1])
            if name in roles:
                literal = name.replace("'", "''")
                kept.append(
                    "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = "
                    f"'{literal}') THEN CREATE ROLE {found[1]}; END IF; END $$;"
                )
        elif (found := _ALTER.match(line) or _COMMENT.match(line)) is not None:
            if _unquote(found[1]) in roles:
                kept.append(line)
        elif (
            (found := _GRANT.match(line)) is not None
            and _unquote(found[1]) in roles
            and _unquote(found[2]) in roles
        ):
            kept.append(f"GRANT {found[1]} TO {found[2]}{found[3]};")
    return "\n".join(kept) + "\n"


def pg_tool(name: str) -> str:
    """The newest PostgreSQL client program ``name`` (Debian keeps each major version's in
    /usr/lib/postgresql/N/bin; pg_dump must be at least as new as the server)."""
    found = sorted(
        glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
        key=lambda path: int(Path(path).parts[-3]) if Path(path).parts[-3].isdigit() else 0,
    )
    if found:
        return found[-1]
    on_path = shutil.which(name)
    if on_path is None:
        raise ServerToolError(
            f"{name} is not installed (Debian: apt-get install postgresql-client)."
        )
    return on_path


def _run(args: list[str]) -> str:
    done = subprocess.run(args, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()
        raise ServerToolError(f"{Path(args[0]).name} failed: {detail[-1] if detail else '?'}")
    return done.stdout


def _private_folder(folder: Path) -> None:
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    folder.chmod(0o700)
    for name in (DUMP_NAME, ROLES_NAME, FACTS_NAME):
        if (folder / name).exists():
            raise ServerToolError(f"{folder / name} exists already; back up into a new folder.")


def backup(target: ServerTarget, folder: Path) -> BackupFiles:
    """Dump the desks' database and roles into ``folder`` (new files, 0600)."""
    _private_folder(folder)
    files = BackupFiles.in_folder(folder)
    engine = target.engine()
    try:
        with engine.connect() as connection:
            roles = desk_roles(connection)
    finally:
        engine.dispose()
    # Read before the dump starts: every row in the dump was changed by an earlier one.
    facts = {"database": target.database, "next_xid": _next_xid(target)}
    old_umask = os.umask(0o077)
    try:
        _run([pg_tool("pg_dump"), "--format=custom", "--file", str(files.dump),
              "--dbname", target.conninfo()])  # fmt: skip
        dumped = _run([pg_tool("pg_dumpall"), "--roles-only", "--dbname",
                       target.maintenance_conninfo()])  # fmt: skip
        descriptor = os.open(files.roles, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as out:
            out.write(keep_desk_roles(dumped, roles))
        descriptor = os.open(files.facts, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as out:
            json.dump(facts, out)
    finally:
        os.umask(old_umask)
    return files


def _next_xid(target: ServerTarget) -> int:
    engine = target.engine()
    try:
        with engine.connect() as connection:
            return next_xid(connection)
    finally:
        engine.dispose()


def restore(target: ServerTarget, folder: Path, say: Callable[[str], None]) -> None:
    """Bring the server's transaction counter past the backup's, put the roles back, then
    the database into a new database named by ``target``."""
    files = BackupFiles.in_folder(folder)
    for path in (files.dump, files.roles, files.facts):
        if not path.is_file():
            raise ServerToolError(f"{path} is missing; give the folder a backup wrote.")
    wanted = int(json.loads(files.facts.read_text("utf-8"))["next_xid"])
    maintenance = target.maintenance_engine()
    try:
        with maintenance.connect() as connection:
            exists = connection.execute(
                text("SELECT 1 FROM pg_database WHERE datname = :d"), {"d": target.database}
            ).first()
        if exists:
            raise ServerToolError(
                f"The database {target.database} exists already; restore into a new name "
                "(--database) or drop it first."
            )
        advance_past(maintenance, wanted, say)
        with maintenance.connect() as connection:
            connection.exec_driver_sql(files.roles.read_text("utf-8"))
        create_database(maintenance, target.database)
    finally:
        maintenance.dispose()
    _run([pg_tool("pg_restore"), "--single-transaction", "--exit-on-error", "--no-owner",
          "--dbname", target.conninfo(), str(files.dump)])  # fmt: skip
