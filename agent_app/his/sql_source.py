"""Read discharges from a view in the HIS database, incrementally by a watermark column.

The query is the hospital's own SQL with one parameter, ``:since``; it must return rows whose
``watermark_column`` is at or after it, in that order, for example::

    SELECT * FROM v_discharge WHERE discharge_time >= :since ORDER BY discharge_time

Rows at the watermark itself are read again on the next run (``>=``, not ``>``), so a row
committed late with the same time is never skipped; the import ignores the repeat. Column
names are mapped to fields with the same ``ColumnMapping`` as files.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import Engine, create_engine, insert, select, text, update
from sqlalchemy.exc import SQLAlchemyError

from agent_app.his.errors import SourceError
from agent_app.his.mapping import ColumnMapping
from agent_app.his.records import SourceRow
from agent_app.his.runs import ImportOptions, RunReport, run_import
from agent_app.store.schema import HisWatermark
from agent_app.store.schema.base import utcnow

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SqlViewSource:
    source: str  # the name episodes are keyed under, e.g. "his"
    url: str  # SQLAlchemy URL of the HIS database; the password comes from ~/.pgpass or similar
    query: str
    watermark_column: str
    mapping: ColumnMapping
    initial_since: str = "1970-01-01"

    def __post_init__(self) -> None:
        if ":since" not in self.query:
            raise SourceError("The HIS query must use the parameter :since for the watermark.")


def _as_param(value: str) -> object:
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return value
    return moment.date() if len(value) == 10 else moment


def _as_text(value: object) -> str:
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    return str(value)


class _Reader:
    """Streams the view's rows and remembers the largest watermark it handed out."""

    def __init__(self, his: Engine, config: SqlViewSource, since: str) -> None:
        self._his = his
        self._config = config
        self._since = since
        self.watermark: str | None = None

    def rows(self) -> Iterator[SourceRow]:
        config = self._config
        try:
            with self._his.connect() as connection:
                result = connection.execution_options(stream_results=True).execute(
                    text(config.query), {"since": _as_param(self._since)}
                )
                headers = list(result.keys())
                if config.watermark_column not in headers:
                    raise SourceError(
                        f"The HIS query returns no column '{config.watermark_column}' "
                        "to use as the watermark."
                    )
                mark = headers.index(config.watermark_column)
                pairs = config.mapping.bind(headers)
                ref_field = headers.index(
                    next(h for h, f in config.mapping.columns.items() if f == "visit_number")
                )
                for cells in result:
                    value = cells[mark]
                    if value is not None:
                        self.watermark = _as_text(value)
                    yield config.mapping.row(f"visit {cells[ref_field]}", cells, pairs)
        except SQLAlchemyError as exc:
            reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
            raise SourceError(f"The HIS database could not be read: {reason}.") from exc


def read_watermark(store: Engine, source: str) -> str | None:
    with store.connect() as connection:
        return connection.execute(
            select(HisWatermark.value).where(HisWatermark.source == source)
        ).scalar_one_or_none()


def save_watermark(store: Engine, source: str, value: str) -> None:
    with store.begin() as connection:
        current = connection.execute(
            select(HisWatermark.value).where(HisWatermark.source == source).with_for_update()
        ).scalar_one_or_none()
        if current is None:
            connection.execute(
                insert(HisWatermark).values(source=source, value=value, updated_at=utcnow())
            )
        else:
            connection.execute(
                update(HisWatermark)
                .where(HisWatermark.source == source)
                .values(value=value, updated_at=utcnow())
            )


def run_sql_import(
    store: Engine,
    config: SqlViewSource,
    *,
    trigger: str = "schedule",
    options: ImportOptions | None = None,
    his: Engine | None = None,
) -> RunReport:
    """Import what the view has at or after the saved watermark; move the watermark on success."""
    since = read_watermark(store, config.source) or config.initial_since
    own = his is None
    his_engine = his or create_engine(config.url, pool_pre_ping=True, hide_parameters=True)
    try:
        reader = _Reader(his_engine, config, since)
        report = run_import(
            store, config.source, "sql", reader.rows(), trigger=trigger, options=options
        )
    finally:
        if own:
            his_engine.dispose()
    if reader.watermark is not None and report.status == "ok":
        save_watermark(store, config.source, reader.watermark)
    return report
