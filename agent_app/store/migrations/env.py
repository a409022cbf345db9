"""Alembic environment: runs on the connection handed in by ``agent_app.store.migrate``."""

from __future__ import annotations

from typing import Any, Literal

from alembic import context
from alembic.autogenerate.api import AutogenContext
from alembic.autogenerate.render import _repr_type as render_type
from sqlalchemy import Connection, TypeDecorator, create_engine

from agent_app.store.migrate import is_server_only
from agent_app.store.schema import Base

# Migrations are frozen history: they name plain SQLAlchemy types, never the app's own
# TypeDecorators, so a later change to those classes cannot rewrite an old migration.


def render_item(type_: str, obj: Any, autogen_context: AutogenContext) -> str | Literal[False]:
    if type_ == "type" and isinstance(obj, TypeDecorator):
        return render_type(obj.impl_instance, autogen_context)
    return False


def include_object(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    # Sync bookkeeping (0002) lives only on the server, outside the models: never drop it.
    return not (reflected and compare_to is None and is_server_only(type_, name))


config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        url = config.get_main_option("sqlalchemy.url")
        if not url:
            raise RuntimeError("Give a connection or set sqlalchemy.url to run migrations.")
        with create_engine(url, hide_parameters=True).begin() as own:
            _run(own)
    else:
        _run(connection)


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
        render_item=render_item,
        include_object=include_object,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
