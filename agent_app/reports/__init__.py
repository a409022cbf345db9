"""Supervisor statistics, charts, the monthly PDF report and spreadsheet exports (Qt-free).

Every query takes an SQLAlchemy Engine, so the same code answers from the desk's SQLite store
(demo, offline) and from the central PostgreSQL.
"""
