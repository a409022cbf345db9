"""Queries the app needs, each returning domain records (never ORM rows) to the caller."""

from typing import Any, TypeAlias

from sqlalchemy import Row, Select

# Any SELECT and any result row, whatever their columns (SQLAlchemy 2.1 types them by column).
AnySelect: TypeAlias = Select[*tuple[Any, ...]]
AnyRow: TypeAlias = Row[*tuple[Any, ...]]
