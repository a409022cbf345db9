"""How the server tool reaches PostgreSQL: libpq's own settings, never a password in argv.

A connection string given with ``--dsn`` may name the host, port, user and database, but not
a password: a command line is visible to every user of the machine (``ps``), so the password
comes from ``PGPASSWORD`` or ``~/.pgpass`` as libpq reads them.
"""

from __future__ import annotations

from dataclasses import dataclass

import psycopg
from psycopg.conninfo import conninfo_to_dict, make_conninfo
from sqlalchemy import Engine, create_engine
from sqlalchemy.pool import NullPool

DEFAULT_DATABASE = "followup"  # what a desk's [server] database says by default
MAINTENANCE_DATABASE = "postgres"


class ServerToolError(Exception):
    """A step of the server tool failed; the message is the one sentence IT reads."""


@dataclass(frozen=True)
class ServerTarget:
    """Where the tool connects (libpq conninfo, no password) and the desks' database name."""

    dsn: str = ""
    database: str = DEFAULT_DATABASE

    def __post_init__(self) -> None:
        try:
            given = conninfo_to_dict(self.dsn)
        except psycopg.ProgrammingError as error:
            raise ServerToolError(f"--dsn is not a valid connection string: {error}") from None
        if "password" in given:
            raise ServerToolError(
                "Do not put a password in --dsn (the command line is visible to other users); "
                "use PGPASSWORD or ~/.pgpass."
            )

    def conninfo(self, database: str | None = None) -> str:
        """libpq conninfo for ``database`` (default: the desks' database)."""
        return make_conninfo(self.dsn, dbname=database or self.database)

    def maintenance_database(self) -> str:
        """For CREATE DATABASE and server-wide questions: the database --dsn names, else
        ``postgres``."""
        named = conninfo_to_dict(self.dsn).get("dbname")
        return str(named) if named else MAINTENANCE_DATABASE

    def maintenance_conninfo(self) -> str:
        return self.conninfo(self.maintenance_database())

    def engine(self, database: str | None = None) -> Engine:
        """An engine as the owner on ``database`` (default: the desks'); no pool kept."""
        return _engine(self.conninfo(database), autocommit=False)

    def maintenance_engine(self) -> Engine:
        """An autocommit engine on the maintenance database, for CREATE DATABASE."""
        return _engine(self.maintenance_conninfo(), autocommit=True)


def _engine(conninfo: str, *, autocommit: bool) -> Engine:
    def connect() -> psycopg.Connection[tuple[object, ...]]:
        return psycopg.connect(conninfo, application_name="agent-app-server")

    extra = {"isolation_level": "AUTOCOMMIT"} if autocommit else {}
    return create_engine(
        "postgresql+psycopg://", creator=connect, poolclass=NullPool, hide_parameters=True, **extra
    )
