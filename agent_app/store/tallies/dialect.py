"""The few SQL expressions that differ between SQLite and PostgreSQL in the tally triggers.

Each must give exactly what the statistics queries compute from the raw rows
(``agent_app.reports.filters`` and the JSON paths of ``reports.answer_stats``); a test compares
the texts.
"""

from __future__ import annotations

from dataclasses import dataclass

from agent_app.domain.hospital_zone import HOSPITAL_OFFSET_MINUTES

# Hospital time, minutes east of UTC (``domain.hospital_zone``).
OFFSET_MINUTES = HOSPITAL_OFFSET_MINUTES
# The previous call day of a caller's first call on a task.
NO_DAY = -1_000_000
# Answer keys the tallies count; other keys (and these two layout words) are read raw.
QUESTION_PATTERN = r"^[A-Za-z0-9_]{1,40}$"
LAYOUT_KEYS = ("answers", "format")
LONG_ANSWER = 200


@dataclass(frozen=True)
class TallySql:
    """SQL fragments for one dialect (``sqlite`` or ``postgresql``); with ``deltas`` the
    tallies' additions go to their delta tables (the server's triggers, ``tallies.deltas``)."""

    dialect: str
    deltas: bool = False

    @property
    def is_sqlite(self) -> bool:
        return self.dialect == "sqlite"

    def local_day(self, ts: str) -> str:
        """Days since 1970-01-01 of a UTC timestamp's hospital-time date."""
        if self.is_sqlite:
            return f"CAST(julianday({ts}, '{OFFSET_MINUTES:+d} minutes') - 2440587.5 AS INTEGER)"
        return f"CAST(FLOOR((EXTRACT(EPOCH FROM {ts}) + {OFFSET_MINUTES * 60}) / 86400) AS INTEGER)"

    def date_day(self, day: str) -> str:
        """Days since 1970-01-01 of a DATE."""
        if self.is_sqlite:
            return f"CAST(julianday({day}) - 2440587.5 AS INTEGER)"
        return f"({day} - DATE '1970-01-01')"

    def seconds(self, first: str, second: str) -> str:
        if self.is_sqlite:
            return f"((julianday({second}) - julianday({first})) * 86400.0)"
        return f"EXTRACT(EPOCH FROM ({second} - {first}))"

    def answer(self, answers: str, key: str) -> str:
        """The answer to question ``key`` (an SQL text expression) as text: the sheet layout's
        ``answers.<key>.value``, else the flat layout's ``<key>``."""
        if self.is_sqlite:
            sheet = f"""'$."answers"."' || {key} || '"."value"'"""
            flat = f"""'$."' || {key} || '"'"""
            return (
                f"coalesce(CAST(JSON_EXTRACT({answers}, {sheet}) AS VARCHAR), "
                f"CAST(JSON_EXTRACT({answers}, {flat}) AS VARCHAR))"
            )
        sheet = f"CAST('{{answers, ' || {key} || ', value}}' AS TEXT[])"
        flat = f"CAST('{{' || {key} || '}}' AS TEXT[])"
        return (
            f"coalesce(CAST({answers} #>> {sheet} AS VARCHAR), "
            f"CAST({answers} #>> {flat} AS VARCHAR))"
        )

    def fixed_answer(self, answers: str, question: str) -> str:
        return self.answer(answers, f"'{question}'")

    def countable_key(self, key: str) -> str:
        """Whether a JSON key is a question id the tallies count (a plain identifier)."""
        if self.is_sqlite:
            shape = f"length({key}) BETWEEN 1 AND 40 AND {key} NOT GLOB '*[^A-Za-z0-9_]*'"
        else:
            shape = f"{key} ~ '{QUESTION_PATTERN}'"
        layout = ", ".join(f"'{k}'" for k in LAYOUT_KEYS)
        return f"({shape} AND lower({key}) <> 'null' AND {key} NOT IN ({layout}))"

    def keys_of(self, answers: str, *, sheet: bool) -> str:
        """A FROM item ``k`` with one row (columns ``key`` and ``value``) per member of the
        answer sheet's ``answers`` object (``sheet``) or of the top-level object; rows that
        are not members of such an object fail ``is_object``."""
        if self.is_sqlite:
            return (
                f"json_each({answers}, '$.answers') AS k" if sheet else f"json_each({answers}) AS k"
            )
        part = f"{answers} -> 'answers'" if sheet else answers
        doc = f"CASE WHEN jsonb_typeof({part}) = 'object' THEN {part} ELSE '{{}}'::jsonb END"
        return f"jsonb_each({doc}) AS k(key, value)"

    def is_object(self, answers: str, *, sheet: bool) -> str:
        """Whether the document ``keys_of`` walks is an object (arrays have members too)."""
        if self.is_sqlite:
            path = "'$.answers'" if sheet else "'$'"
            return f"json_type({answers}, {path}) = 'object'"
        return "true"

    @property
    def unflattened(self) -> str:
        """Appended to a subquery so SQLite runs it once per row instead of copying its
        expressions into the outer query (where each use would compute them again)."""
        return " LIMIT -1" if self.is_sqlite else ""

    def member_answer(self, *, sheet: bool) -> str:
        """The answer text held by member ``k`` of ``keys_of``: its ``value`` field in the
        sheet layout (NULL if it has none), the member itself in the flat layout."""
        if self.is_sqlite:
            if sheet:
                return (
                    "CASE WHEN k.type = 'object' "
                    "THEN CAST(json_extract(k.value, '$.value') AS VARCHAR) END"
                )
            return "CAST(k.value AS VARCHAR)"
        return f"CAST(k.value #>> '{{{'value' if sheet else ''}}}' AS VARCHAR)"

    def flat_answer(self, answers: str, key: str) -> str:
        """The flat layout's answer to question ``key`` (a countable key)."""
        if self.is_sqlite:
            return f"""CAST(JSON_EXTRACT({answers}, '$."' || {key} || '"') AS VARCHAR)"""
        return f"CAST({answers} #>> CAST('{{' || {key} || '}}' AS TEXT[]) AS VARCHAR)"

    def in_sheet(self, answers: str, key: str) -> str:
        """Whether ``key`` (a countable key) is a member of the sheet's ``answers`` object."""
        if self.is_sqlite:
            return (
                f"(COALESCE(json_type({answers}, '$.answers'), '') = 'object' AND "
                f"""json_type({answers}, '$."answers"."' || {key} || '"') IS NOT NULL)"""
            )
        return (
            f"(COALESCE(jsonb_typeof({answers} -> 'answers'), '') = 'object' AND "
            f"({answers} -> 'answers' -> {key}) IS NOT NULL)"
        )

    def differs(self, first: str, second: str) -> str:
        operator = "IS NOT" if self.is_sqlite else "IS DISTINCT FROM"
        return f"({first}) {operator} ({second})"

    def any_differs(self, pairs: list[tuple[str, str]]) -> str:
        return "(" + " OR ".join(self.differs(a, b) for a, b in pairs) + ")"
