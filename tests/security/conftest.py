"""The central server with the small hospital and staff logins (the sync tests' fixtures)."""

from tests.sync.conftest import as_staff, hospital_template, server  # noqa: F401
