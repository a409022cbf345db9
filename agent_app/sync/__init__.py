"""Offline-first sync with the central PostgreSQL: outbox push, change pull, leases, uploads."""
