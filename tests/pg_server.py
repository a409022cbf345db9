"""A throwaway PostgreSQL server: initdb into a temp folder, own port and socket folder.

initdb refuses to run as root, so as root the server runs as the Debian ``postgres`` user.
Tests run it without fsync for speed; ``durable=True`` keeps PostgreSQL's own defaults (fsync,
synchronous commit, full page writes) for runs that crash it and count what survived.
``replicated_pair`` adds a hot standby fed by streaming replication, to fail over to.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
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
    conf: Sequence[str] = (),
    files: Mapping[str, bytes] | None = None,
    *,
    max_connections: int = 200,
    durable: bool = False,
) -> Iterator[PgServer]:
    """A server of its own; ``conf`` lines go into postgresql.conf and ``files`` (name to
    content) into the data folder, e.g. ``ssl = on`` with its certificate and key;
    ``max_connections`` is set on the command line (it wins over ``conf``). Without
    ``durable`` it skips fsync (a crash of the machine would lose commits; a test never
    crashes the machine); with it, a commit the server acknowledged survives its crash."""
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
        options = _options(port, sockets, durable, max_connections)
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


def _options(port: int, sockets: Path, durable: bool, max_connections: int = 200) -> str:
    options = (
        f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c max_connections={max_connections}"
    )
    if not durable:
        options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    return options


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


REPLICATION_USER = "replicator"


@dataclass(frozen=True)
class PgPair:
    """A primary and its hot standby, as a hospital runs them under Patroni or repmgr."""

    primary: PgServer
    standby: PgServer


def _sql(server: PgServer, sql: str) -> list[tuple[object, ...]]:
    import psycopg

    with psycopg.connect(
        host=server.host, port=server.port, user=server.superuser, dbname="postgres",
        autocommit=True,
    ) as connection:  # fmt: skip
        cursor = connection.execute(sql)
        return cursor.fetchall() if cursor.description else []


def _wait_for(server: PgServer, sql: str, what: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not _sql(server, sql)[0][0]:
        if time.monotonic() > deadline:
            raise RuntimeError(f"PostgreSQL never reached: {what}")
        time.sleep(0.05)


@contextlib.contextmanager
def replicated_pair(*, synchronous: bool = True) -> Iterator[PgPair]:
    """A primary (fsync on) and a hot standby made from it with ``pg_basebackup -R`` that
    streams its WAL. With ``synchronous`` the primary acknowledges a commit only once the
    standby has flushed it (``synchronous_standby_names = '*'``), so nothing a client saw
    committed is lost when the primary dies; the standby's own settings name no synchronous
    standby, so once promoted it commits alone, as Patroni's non-strict synchronous mode does.
    """
    with running_server(durable=True) as primary:
        _sql(primary, f"CREATE ROLE {REPLICATION_USER} REPLICATION LOGIN")
        hba = primary.data_dir / "pg_hba.conf"
        hba.write_text(
            f"host replication {REPLICATION_USER} 127.0.0.1/32 trust\n" + hba.read_text()
        )
        _sql(primary, "SELECT pg_reload_conf()")
        root = Path(tempfile.mkdtemp(prefix="agent-app-pg-standby-"))
        data, sockets = root / "data", root / "run"
        sockets.mkdir()
        if os.geteuid() == 0:
            shutil.chown(root, "postgres")
            shutil.chown(sockets, "postgres")
        try:
            subprocess.run(
                _as_server_user(
                    [str(_bin_dir() / "pg_basebackup"), "-h", primary.host,
                     "-p", str(primary.port), "-U", REPLICATION_USER, "-D", str(data),
                     "-R", "-X", "stream", "-c", "fast"]
                ),
                check=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            )  # fmt: skip
            port = free_port()
            standby = PgServer(
                "127.0.0.1", port, primary.superuser, data,
                _options(port, sockets, durable=True), root / "server.log",
            )  # fmt: skip
            start_server(standby)
            _wait_for(
                primary,
                "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'",
                "a streaming standby",
            )
            if synchronous:
                _sql(primary, "ALTER SYSTEM SET synchronous_standby_names = '*'")
                _sql(primary, "SELECT pg_reload_conf()")
                _wait_for(
                    primary,
                    "SELECT count(*) FROM pg_stat_replication WHERE sync_state = 'sync'",
                    "a synchronous standby",
                )
            yield PgPair(primary, standby)
        finally:
            if (data / "postmaster.pid").exists():
                subprocess.run(
                    _as_server_user(
                        [str(_bin_dir() / "pg_ctl"), "-D", str(data), "-m", "immediate",
                         "-w", "stop"]
                    ),
                    check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                )  # fmt: skip
            shutil.rmtree(root, ignore_errors=True)


def promote(standby: PgServer) -> None:
    """Make the standby the primary (``pg_ctl promote``), waiting until it takes writes."""
    subprocess.run(
        _as_server_user([str(_bin_dir() / "pg_ctl"), "-D", str(standby.data_dir), "-w",
                         "promote"]),
        check=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip
    _wait_for(standby, "SELECT NOT pg_is_in_recovery()", "the end of recovery")
