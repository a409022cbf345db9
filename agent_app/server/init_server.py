"""Make a fresh PostgreSQL ready for the desks, and do it again safely.

Each step looks before it acts, so ``init`` run twice changes nothing the second time: the
database is created when missing; the migrations (which create the group roles, the schema,
the row-level security and the version gate) run only what is pending; the shipped text
message templates are added only where their codes are missing; the first
administrator's staff row and login are made only when that login does not exist yet.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Engine, text

from agent_app.domain.enums import Role
from agent_app.server.connection import ServerTarget, ServerToolError
from agent_app.server.staff_logins import StaffEntry, StaffInputError, login_exists, put_staff
from agent_app.server.tls_check import Finding, check_tls
from agent_app.store.errors import SchemaTooNewError
from agent_app.store.migrate import upgrade_to_head
from agent_app.store.repositories.sms_templates import import_shipped
from agent_app.sync.logins import GROUP_ROLES

MIN_SERVER_VERSION = 150000  # PostgreSQL 15: MERGE-era RLS, pg_hba_file_rules with errors
Say = Callable[[str], None]


@dataclass(frozen=True)
class FirstAdmin:
    """The administrator ``init`` makes, in a department of its own (the follow-up center)."""

    username: str
    full_name: str
    department_code: str = "FUC"
    department_name: str = "随访中心"


def create_database(maintenance: Engine, name: str) -> bool:
    """CREATE DATABASE ``name`` (UTF-8) unless it exists; True when it was created."""
    with maintenance.connect() as connection:
        if connection.execute(
            text("SELECT 1 FROM pg_database WHERE datname = :d"), {"d": name}
        ).first():
            return False
        statement = connection.execute(
            text("SELECT format('CREATE DATABASE %I ENCODING ''UTF8'' TEMPLATE template0', "
                 "CAST(:d AS text))"),
            {"d": name},
        ).scalar_one()  # fmt: skip
        connection.exec_driver_sql(str(statement))
    return True


def _revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        has = connection.execute(text("SELECT to_regclass('public.alembic_version')")).scalar()
        if has is None:
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def init_server(
    target: ServerTarget,
    admin: FirstAdmin,
    admin_password: Callable[[], str],
    say: Say,
) -> list[Finding]:
    """Database, roles, schema, first administrator; returns the TLS findings (printed too).

    ``admin_password`` is asked only when the administrator's login is to be made."""
    maintenance = target.maintenance_engine()
    try:
        with maintenance.connect() as connection:
            version = int(connection.execute(text("SHOW server_version_num")).scalar_one())
            where = connection.execute(
                text("SELECT current_user || ' on PostgreSQL ' || "
                     "current_setting('server_version')")
            ).scalar_one()  # fmt: skip
        if version < MIN_SERVER_VERSION:
            raise ServerToolError(f"PostgreSQL 15 or newer is needed; this is {where}.")
        say(f"Connected as {where}.")
        created = create_database(maintenance, target.database)
        say(f"Database {target.database}: {'created' if created else 'exists'}.")
    finally:
        maintenance.dispose()
    engine = target.engine()
    try:
        before = _revision(engine)
        try:
            upgrade_to_head(engine)
        except SchemaTooNewError as error:
            raise ServerToolError(str(error)) from None
        after = _revision(engine)
        say(
            f"Schema: at {after}, nothing to do."
            if before == after
            else f"Schema: migrated from {before or 'empty'} to {after}."
        )
        # The shipped text messages, approved, so the plan can send from the first day; a
        # hospital's own edit of a shipped code is kept.
        say(f"Text message templates: {import_shipped(engine)} added.")
        with engine.begin() as connection:
            groups = connection.execute(
                text("SELECT rolname FROM pg_roles WHERE rolname = ANY(:g)"),
                {"g": sorted(GROUP_ROLES)},
            ).scalars()
            say(f"Group roles: {', '.join(sorted(groups))}.")
            findings = check_tls(connection, target.database)
        with engine.begin() as connection:
            has_login = login_exists(connection, admin.username)
            has_row = connection.execute(
                text("SELECT 1 FROM staff WHERE username = :u"), {"u": admin.username}
            ).first()
        if has_login and has_row:
            say(f"Administrator {admin.username}: has a login already; left unchanged.")
            return findings
        # A login another database of this server made (roles are server-wide) keeps its
        # password; only a new login needs one.
        password = None if has_login else admin_password()
        with engine.begin() as connection:
            try:
                put_staff(
                    connection,
                    StaffEntry(
                        username=admin.username,
                        full_name=admin.full_name,
                        role=Role.ADMIN,
                        department_code=admin.department_code,
                        department_name=admin.department_name,
                    ),
                    password,
                )
            except StaffInputError as error:
                raise ServerToolError(str(error)) from None
        say(
            f"Administrator {admin.username}: {'login created' if password else 'staff row added'}."
        )
        return findings
    finally:
        engine.dispose()
