"""A throwaway certificate authority with a server and a client certificate, written to files
for the MLLP-over-TLS tests."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tests.tls_certs import make_authority, make_server_certificate


@dataclass(frozen=True)
class TlsFiles:
    ca: Path
    server_cert: Path
    server_key: Path
    client_cert: Path
    client_key: Path


def _write(folder: Path, stem: str, pair: tuple[bytes, bytes]) -> None:
    (folder / f"{stem}.pem").write_bytes(pair[0])
    key = folder / f"{stem}.key"
    key.write_bytes(pair[1])
    key.chmod(0o600)


def make_tls_files(folder: Path) -> TlsFiles:
    """A CA, a server certificate for 127.0.0.1 and a client certificate, all in ``folder``."""
    authority = make_authority()
    (folder / "ca.pem").write_bytes(authority.cert_pem)
    _write(folder, "server", make_server_certificate(authority, ("127.0.0.1",)))
    _write(folder, "client", make_server_certificate(authority, ("interface-engine",), client=True))
    return TlsFiles(
        folder / "ca.pem",
        folder / "server.pem",
        folder / "server.key",
        folder / "client.pem",
        folder / "client.key",
    )
