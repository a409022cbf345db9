"""TLS to the central database: libpq's options from the settings, and its refusals in words.

The desk never falls back to plaintext: ``sslmode`` is ``verify-full`` unless the settings ask
for less in so many words (``ServerSettings.allow_weak_tls``). A refusal here is not a network
fault to retry quietly; it says which of the server's proofs was missing.
"""

from __future__ import annotations

import enum
from pathlib import Path

import psycopg

from agent_app.config import ServerSettings, SslMode
from agent_app.store.server_errors import ServerCode, ServerUnavailableError

# libpq 16 added sslrootcert=system (the operating system's trusted authorities).
_SYSTEM_ROOTS_SINCE = 160000


class TlsProblem(enum.StrEnum):
    NO_TLS = "no-tls"  # the server offers no encryption
    UNTRUSTED = "untrusted-certificate"  # not signed by the configured authority
    WRONG_HOST = "wrong-host"  # signed, but for another server name
    NO_CA = "no-ca-file"  # the authority's certificate cannot be read


class ServerNotTrustedError(ServerUnavailableError):
    """The central database could not prove itself, or offered no encryption; nothing was sent.
    ``params`` holds ``problem`` (a TlsProblem value) and ``where``."""

    def __init__(self, problem: TlsProblem, where: str) -> None:
        self.problem = problem
        self.where = where
        super().__init__(ServerCode.NOT_TRUSTED, problem=problem.value, where=where)

    def english(self) -> str:
        return _SENTENCES[self.problem].format(where=self.where)


def tls_options(settings: ServerSettings) -> dict[str, str]:
    """The libpq connection options that carry the TLS settings."""
    mode = SslMode(settings.sslmode)
    options = {"sslmode": mode.value}
    if settings.ca_file:
        options["sslrootcert"] = str(Path(settings.ca_file).expanduser())
    elif mode is SslMode.VERIFY_FULL and psycopg.pq.version() >= _SYSTEM_ROOTS_SINCE:
        options["sslrootcert"] = "system"
    return options


_SIGNS = (
    ("does not support SSL", TlsProblem.NO_TLS),
    ("certificate verify failed", TlsProblem.UNTRUSTED),
    ("does not match host name", TlsProblem.WRONG_HOST),
    ("root certificate file", TlsProblem.NO_CA),
)

_SENTENCES = {
    TlsProblem.NO_TLS: (
        "The central database at {where} offers no encrypted connection, so the desk did not "
        "connect; ask the administrator to turn on TLS on the server."
    ),
    TlsProblem.UNTRUSTED: (
        "The central database at {where} presented a certificate that the configured "
        "certificate authority did not sign, so the desk did not connect; check [server] "
        "ca_file."
    ),
    TlsProblem.WRONG_HOST: (
        "The central database at {where} presented a certificate for another server name, so "
        "the desk did not connect; check [server] host."
    ),
    TlsProblem.NO_CA: (
        "The certificate authority file for the central database at {where} cannot be read, so "
        "the desk did not connect; check [server] ca_file."
    ),
}


def tls_refusal(message: str, where: str) -> ServerNotTrustedError | None:
    """The plain-worded refusal when libpq's ``message`` is about TLS, else None."""
    for sign, problem in _SIGNS:
        if sign in message:
            return ServerNotTrustedError(problem, where)
    return None
