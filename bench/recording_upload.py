"""Recording upload throughput (MB/s) against a raw binary COPY of the same bytes.

    python -m bench.recording_upload --files 8 --mb 4 --chunk-kb 256 [--url postgresql+psycopg://...]

Saves ``--files`` recorded calls of ``--mb`` MB each on a desk store (random bytes, which is
what Opus looks like to the upload), pushes their rows as nurse1's own login (row-level
security on), then times ``upload_pending``: resumable chunks, one server transaction per
chunk, sha256 checked on the server. The floor is the same bytes in the same chunk size
binary-COPYed into a plain ``(recording_id, byte_offset, data)`` table, one transaction per file, as
the superuser. Without ``--url`` a throwaway PostgreSQL is started.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import tempfile
import time
import uuid
from pathlib import Path

import psycopg
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from agent_app.store.engine import create_server_engine, open_local_store
from agent_app.store.outbox import enqueue
from agent_app.store.schema import Recording
from agent_app.sync.logins import provision_staff_login
from agent_app.sync.pull import pull_changes
from agent_app.sync.push import push_pending
from agent_app.sync.upload import upload_pending
from bench.bench_server import bench_server
from bench.sync_push import _fresh_database
from tests.sync.desk_actions import save_call_result


def _record(local: Engine, folder: Path, files: int, size: int) -> list[Path]:
    with local.connect() as connection:
        tasks = list(
            connection.execute(
                text(
                    "SELECT id FROM followup_task WHERE assigned_staff_id = 1 OR"
                    " (department_id = 2 AND assigned_staff_id IS NULL) ORDER BY id"
                )
            ).scalars()
        )
    paths = []
    for n in range(files):
        path = folder / f"call{n}.opus"
        data = os.urandom(size)
        path.write_bytes(data)
        call = save_call_result(local, tasks[n % len(tasks)], 1, finish_task=False)
        with Session(local) as session, session.begin():
            recording = Recording(
                attempt_id=call.attempt_id, codec="opus", size_bytes=size,
                sha256=hashlib.sha256(data).hexdigest(), local_path=str(path),
            )  # fmt: skip
            session.add(recording)
            enqueue(session, recording)
        paths.append(path)
    return paths


def _raw_floor(server: Engine, paths: list[Path], chunk: int) -> float:
    dsn = server.url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(dsn, autocommit=True) as connection:
        connection.execute(
            "CREATE TABLE raw_chunk (recording_id uuid, byte_offset bigint, data bytea,"
            " PRIMARY KEY (recording_id, byte_offset))"
        )
        connection.execute("ALTER TABLE raw_chunk ALTER COLUMN data SET STORAGE EXTERNAL")
        started = time.perf_counter()
        for path in paths:
            rid = uuid.uuid4()
            with (
                connection.transaction(),
                connection.cursor() as cursor,
                cursor.copy("COPY raw_chunk FROM STDIN (FORMAT BINARY)") as copy,
                open(path, "rb") as fh,
            ):
                copy.set_types(["uuid", "int8", "bytea"])
                offset = 0
                while block := fh.read(chunk):
                    copy.write_row((rid, offset, block))
                    offset += len(block)
        return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=8)
    parser.add_argument("--mb", type=float, default=4.0, help="size of each recording")
    parser.add_argument("--chunk-kb", type=int, default=256)
    parser.add_argument("--url", help="an existing server as a SQLAlchemy URL (admin role)")
    args = parser.parse_args()
    size = int(args.mb * 1024 * 1024)
    chunk = args.chunk_kb * 1024
    with bench_server(args.url) as admin_url, tempfile.TemporaryDirectory() as folder:
        server = _fresh_database(admin_url, "bench_recording_upload")
        provision_staff_login(server, "nurse1", None)
        desk = create_server_engine(server.url.set(username="nurse1", password=None))
        local = open_local_store(Path(folder) / "desk.sqlite3")
        pull_changes(local, desk)
        paths = _record(local, Path(folder), args.files, size)
        push_pending(local, desk)
        started = time.perf_counter()
        report = upload_pending(local, desk, chunk_bytes=chunk)
        upload_seconds = time.perf_counter() - started
        assert report.verified == args.files and report.failed == 0, report
        raw_seconds = _raw_floor(server, paths, chunk)
        total_mb = args.files * size / 1e6
        print(f"recordings={args.files} size={size / 1e6:.1f} MB each chunk={args.chunk_kb} KiB")
        print(f"upload_pending: {upload_seconds:.2f} s, {total_mb / upload_seconds:.1f} MB/s")
        print(f"raw binary COPY: {raw_seconds:.2f} s, {total_mb / raw_seconds:.1f} MB/s")
        print(
            f"recording_upload mb_per_s={total_mb / upload_seconds:.1f} "
            f"ratio_to_raw={upload_seconds / raw_seconds:.2f}"
        )
        for engine in (desk, server, local):
            engine.dispose()


if __name__ == "__main__":
    main()
