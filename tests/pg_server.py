"""A throwaway PostgreSQL server: initdb into a temp folder, own port and socket folder.

initdb refuses to run as root, so as root the server runs as the Debian ``postgres`` user.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

PASSWORD_CHECKED = "test_password_checked"


@dataclass(frozen=True)
class PgServer:
    host: str
    port: int
    superuser: str
    data_dir: Path
    options: str = ""
    log_file: Path | None = None

    def url(self, database: str = "postgres", user: str | None = None) -> str:
        return f"postgresql+psycopg://{user or self.superuser}@{self.host}:{self.port}/{database}"


def _bin_dir() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    if initdb is None:
        raise RuntimeError("PostgreSQL server binaries (initdb, pg_ctl) are not installed.")
    return Path(initdb).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_server_user(args: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *args]
    return args


def _configure(data: Path, conf: Sequence[str], files: Mapping[str, bytes]) -> None:
    """Private files (keys, certificates) into the data folder, owned by the server's user
    and 0600 as PostgreSQL insists for a key, and extra lines for postgresql.conf."""
    for name, content in files.items():
        path = data / name
        path.write_bytes(content)
        path.chmod(0o600)
        if os.geteuid() == 0:
            shutil.chown(path, "postgres", "postgres")
    if conf:
        with (data / "postgresql.conf").open("a", encoding="utf-8") as fh:
            fh.write("\n" + "\n".join(conf) + "\n")


@contextlib.contextmanager
def running_server(
    conf: Sequence[str] = (), files: Mapping[str, bytes] | None = None
) -> Iterator[PgServer]:
    """A server of its own; ``conf`` lines go into postgresql.conf and ``files`` (name to
    content) into the data folder, e.g. ``ssl = on`` with its certificate and key."""
    bin_dir = _bin_dir()
    root = Path(tempfile.mkdtemp(prefix="agent-app-pg-"))
    data, sockets = root / "data", root / "run"
    sockets.mkdir()
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
        shutil.chown(sockets, "postgres")
    superuser = "postgres"
    port = free_port()
    run = dict(check=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        subprocess.run(
            _as_server_user(
                [
                    str(bin_dir / "initdb"),
                    "-D",
                    str(data),
                    "-U",
                    superuser,
                    "--auth=trust",
                    "-E",
                    "UTF8",
                    "--locale=C",
                ]
            ),
            **run,
        )
        # Logins in this group have their passwords checked (the rest: trust, for speed);
        # the group only exists once a test that checks passwords creates it.
        hba = data / "pg_hba.conf"
        hba.write_text(
            f"host all +{PASSWORD_CHECKED} 127.0.0.1/32 scram-sha-256\n" + hba.read_text()
        )
        _configure(data, conf, files or {})
        options = (
            f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off"
        )
        # Command-line settings override postgresql.conf: leave max_connections to ``conf``
        # when it sets it (a benchmark of hundreds of desks needs more than 200).
        if not any(line.split("=")[0].strip() == "max_connections" for line in conf):
            options += " -c max_connections=200"
        subprocess.run(
            _as_server_user(
                [
                    str(bin_dir / "pg_ctl"),
                    "-D",
                    str(data),
                    "-o",
                    options,
                    "-l",
                    str(root / "server.log"),
                    "-w",
                    "start",
                ]
            ),
            **run,
        )
        yield PgServer("127.0.0.1", port, superuser, data, options, root / "server.log")
    finally:
        if (data / "postmaster.pid").exists():
            subprocess.run(
                _as_server_user(
                    [str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]
                ),
                check=False,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        shutil.rmtree(root, ignore_errors=True)


def stop_server(server: PgServer, mode: str = "fast") -> None:
    """Shut the server down (``fast``: open sessions are ended, as in a planned restart;
    ``immediate``: as in a crash)."""
    subprocess.run(
        _as_server_user([str(_bin_dir() / "pg_ctl"), "-D", str(server.data_dir), "-m", mode,
                         "-w", "stop"]),
        check=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip


def start_server(server: PgServer) -> None:
    """Start a stopped server again on the same port and data."""
    log = ["-l", str(server.log_file)] if server.log_file else []
    subprocess.run(
        _as_server_user([str(_bin_dir() / "pg_ctl"), "-D", str(server.data_dir), "-o",
                         server.options, *log, "-w", "start"]),
        check=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip
