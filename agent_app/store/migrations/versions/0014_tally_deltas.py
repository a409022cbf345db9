"""tally deltas: the server's pushes append to insert-only delta tables, a fold sums them in

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-03 09:30:00

Server only (``store/tallies/deltas.py``). Each summing tally gets ``<tally>_delta``, shaped
like it but with no key and no index; the tally triggers are put back writing there, so a
push appends rows instead of updating the hot tally rows other pushes are updating (pool
tasks are all counted under staff 0), and never waits on another push. The statistics read
tally plus pending deltas. ``stats_fold_deltas()`` (SECURITY DEFINER, one at a time by an
advisory lock; a second caller returns false at once) moves the deltas into the tallies;
every desk login may call it, as it shows nothing and only moves sums. Like the tallies,
the delta tables are readable by hospital quality staff only and writable by no desk login.
Downgrade folds what is pending, drops them and puts back the triggers that add to the
tallies directly.
"""

from __future__ import annotations

from alembic import op

from agent_app.store import tallies
from agent_app.store.tallies import deltas

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

_HAS_ROLES = "SELECT count(*) FROM pg_roles WHERE rolname IN ('desk_staff', 'desk_quality')"


def upgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name != "postgresql":
        return  # the desk's single writer adds to its tallies directly
    deltas.create_deltas(connection)
    tallies.install_triggers(connection)
    op.execute(f"REVOKE ALL ON FUNCTION {deltas.FOLD_FUNCTION} FROM PUBLIC")
    if connection.exec_driver_sql(_HAS_ROLES).scalar() == 2:
        op.execute(f"GRANT SELECT ON {', '.join(deltas.DELTA_TABLES)} TO desk_quality")
        op.execute(f"GRANT EXECUTE ON FUNCTION {deltas.FOLD_FUNCTION} TO desk_staff")


def downgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name != "postgresql":
        return
    tallies.drop_triggers(connection)
    deltas.drop_deltas(connection)
    tallies.install_triggers(connection)
