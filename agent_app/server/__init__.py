"""The central server's side in a few commands, for IT: ``python -m agent_app.server``.

``init`` makes a fresh PostgreSQL 15+ ready for the desks (database, group roles, schema,
TLS check, first administrator); ``add-staff`` and ``import-staff`` make staff logins;
``set-min-version`` sets the oldest desk version that may sync; ``backup`` and ``restore``
wrap ``pg_dump``/``pg_restore`` together with the desks' roles. The tool connects as the
database's owner (a superuser, or a role with CREATEDB and CREATEROLE) through libpq's own
settings (``PGHOST``, ``PGUSER``, ``~/.pgpass``, ``PGPASSWORD``) or ``--dsn``, never with a
password on its command line.
"""
