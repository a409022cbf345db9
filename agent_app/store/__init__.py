"""The store: one SQLAlchemy schema for the local SQLite and the central PostgreSQL."""
