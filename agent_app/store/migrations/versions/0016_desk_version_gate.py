"""desk version gate: the server says which desks may sync with it

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-03 13:00:00

Server only; the desk's SQLite store is unchanged.

A desk that does not know the server's schema must not push into it: it could send rows the
server now reads differently, or miss a column the server now needs. So the server records the
oldest desk version that may sync, and each desk asks before it sends anything.

**desk_version_gate** holds one row (``id`` is always true): ``min_version`` (``X.Y.Z``) and
when it last changed. No desk login may read or write it; only the owner (migrations, and IT
through ``python -m agent_app.server set-min-version``) changes it.

**desk_sync_gate()** (SECURITY DEFINER, pinned search_path, callable by every staff group
through ``desk_staff``) answers ``min_version`` and the server's alembic revision in one cheap
call, so a desk also refuses a server whose revision it does not know, even if nobody raised
the gate. It says nothing about patients or staff.

**The rule** (see ``agent_app.store.desk_versions``): a later migration that changes what
desks send raises the gate to the first desk version that carries the change, with
``op.execute(raise_min_version_sql("X.Y.Z"))``; one that only adds what old desks can ignore
leaves it. Migrations only raise it, never lower it. This one starts it at 0.1.0, the version
that first asks.
"""

from __future__ import annotations

from alembic import op

from agent_app.store.desk_versions import VERSION_PATTERN

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

FIRST_GATED_VERSION = "0.1.0"

GATE = f"""
CREATE TABLE desk_version_gate (
    id boolean PRIMARY KEY DEFAULT true CHECK (id),
    min_version text NOT NULL CHECK (min_version ~ '{VERSION_PATTERN}'),
    changed_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO desk_version_gate (min_version) VALUES ('{FIRST_GATED_VERSION}');

CREATE FUNCTION desk_sync_gate(OUT min_version text, OUT schema_revision text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT g.min_version, (SELECT v.version_num FROM alembic_version v LIMIT 1)
    FROM desk_version_gate g
$$;
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return  # a desk's store asks the server; it keeps no gate of its own
    op.execute(GATE)
    op.execute("REVOKE ALL ON desk_version_gate FROM PUBLIC")
    op.execute("REVOKE EXECUTE ON FUNCTION desk_sync_gate() FROM PUBLIC")
    op.execute("GRANT EXECUTE ON FUNCTION desk_sync_gate() TO desk_staff")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP FUNCTION desk_sync_gate()")
    op.execute("DROP TABLE desk_version_gate")
