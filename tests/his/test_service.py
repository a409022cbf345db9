"""The headless service: settings, the daily schedule, imports on demand, the HL7 listener."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, update

from agent_app.his.errors import HisSettingsError
from agent_app.his.service import next_run_at
from agent_app.his.settings import load_settings, parse_settings
from agent_app.store.schema import Episode, FollowupPlan, HisImportRun
from tests.his.conftest import NOW, add_discharge
from tests.his.hl7_messages import a03, msa, send
from tests.pg_server import free_port

ROOT = Path(__file__).resolve().parents[2]
MAPPING = ROOT / "resources" / "his" / "mapping_zh.json"


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        # 06:30 in Shanghai is 22:30 UTC the day before.
        (dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.UTC), dt.datetime(2026, 11, 23, 22, 30)),
        (dt.datetime(2026, 11, 23, 22, 29, tzinfo=dt.UTC), dt.datetime(2026, 11, 23, 22, 30)),
        (dt.datetime(2026, 11, 23, 22, 30, tzinfo=dt.UTC), dt.datetime(2026, 11, 24, 22, 30)),
    ],
)
def test_the_daily_import_runs_at_the_set_hospital_time(
    now: dt.datetime, expected: dt.datetime
) -> None:
    assert next_run_at(now, dt.time(6, 30), "Asia/Shanghai") == expected.replace(tzinfo=dt.UTC)


def test_settings_are_read_from_the_his_section(tmp_path: Path) -> None:
    path = tmp_path / "his.toml"
    path.write_text(
        '[his]\nstore_url = "postgresql+psycopg://his@db/followup"\ndaily_at = "05:45"\n'
        '[his.sql]\nurl = "postgresql+psycopg://reader@his/his"\n'
        'query = "SELECT * FROM v WHERE t >= :since"\nwatermark_column = "t"\n'
        'mapping = "/etc/agent-app/m.json"\n'
        "[his.mllp]\nenabled = true\nport = 2600\n",
        encoding="utf-8",
    )

    settings = load_settings(path)

    assert settings.daily_time == dt.time(5, 45)
    assert settings.sql is not None and settings.sql.watermark_column == "t"
    assert (settings.mllp.enabled, settings.mllp.port, settings.mllp.host) == (
        True,
        2600,
        "127.0.0.1",
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "no \\[his\\] section"),
        ({"his": {"colour": "red"}}, "'colour' in \\[his\\] is not known"),
        ({"his": {"daily_at": "6h"}}, "not a time like 06:30"),
        ({"his": {"zone": "Mars/Olympus"}}, "not a known time zone"),
        ({"his": {"mllp": {"port": "2575"}}}, "port must be a whole number"),
        ({"his": {"store_url": "postgresql://u:secret@db/f"}}, "password in its URL"),
        ({"his": {"sql": {"url": "postgresql://h/his"}}}, "\\[his.sql\\] needs 'query'"),
    ],
)
def test_unusable_settings_are_refused_in_plain_words(
    data: dict[str, object], message: str
) -> None:
    with pytest.raises(HisSettingsError, match=message):
        parse_settings(data)


def _cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "agent_app.his", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


@pytest.mark.parametrize("store_engine", ["sqlite"], indirect=True)
def test_import_file_command_prints_the_run_counts(his_store: Engine) -> None:
    url = str(his_store.url)
    sample = ROOT / "resources" / "his" / "sample_discharges.csv"

    result = _cli(
        "--store",
        url,
        "--now",
        NOW.isoformat(),
        "import-file",
        str(sample),
        "--mapping",
        str(MAPPING),
    )

    assert result.returncode == 0, result.stderr
    assert "8 in, 5 created, 0 updated, 0 unchanged, 3 rejected" in result.stdout


def test_missing_settings_file_is_said_in_one_sentence(tmp_path: Path) -> None:
    result = _cli("--config", str(tmp_path / "none.toml"), "run")

    assert result.returncode == 2
    assert result.stderr.strip() == f"The settings file {tmp_path / 'none.toml'} does not exist."


def _wait_for(predicate: object, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]
            return
        time.sleep(0.1)
    raise AssertionError("timed out")


@pytest.mark.parametrize("store_engine", ["postgresql"], indirect=True)
def test_serve_imports_on_demand_and_listens_for_hl7(
    his_store: Engine, his_db: Engine, tmp_path: Path
) -> None:
    add_discharge(his_db, "V1", "2026-11-20 09:00", phone="13812340001")
    port = free_port()
    config = tmp_path / "his.toml"
    config.write_text(
        f'[his]\nstore_url = "{his_store.url.render_as_string(hide_password=False)}"\n'
        'daily_at = "03:00"\n'
        f'[his.sql]\nurl = "{his_db.url.render_as_string(hide_password=False)}"\n'
        "query = 'SELECT * FROM v_discharge WHERE \"出院日期\" >= :since'\n"
        'watermark_column = "出院日期"\n'
        f'mapping = "{MAPPING}"\n'
        f'[his.mllp]\nenabled = true\nport = {port}\nsource = "hl7"\n',
        encoding="utf-8",
    )
    service = subprocess.Popen(
        [sys.executable, "-m", "agent_app.his", "--config", str(config), "serve"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:

        def runs() -> list[tuple[str, str, int]]:
            with his_store.connect() as connection:
                return [
                    (r.trigger, r.kind, r.created)
                    for r in connection.execute(select(HisImportRun).order_by(HisImportRun.id))
                ]

        def listening() -> bool:
            try:
                send(port, a03(visit="H1"))
            except OSError:
                return False
            return True

        _wait_for(listening)
        service.send_signal(signal.SIGUSR1)  # systemctl reload: import now
        _wait_for(lambda: ("on_demand", "sql", 1) in runs())
        (reply,) = send(port, a03(visit="H2", control="X2", phone="bad", kin=None))
        assert msa(reply)[0] == "AE"
        with his_store.connect() as connection:
            assert len(connection.execute(select(Episode.id)).all()) == 2  # V1 and H1
    finally:
        service.send_signal(signal.SIGTERM)
        output, _ = service.communicate(timeout=30)
    assert service.returncode == 0, output
    assert "next scheduled HIS import at" in output
    assert "HIS service stopped" in output


def test_the_systemd_unit_starts_serve_and_reloads_with_sigusr1() -> None:
    unit = (ROOT / "installer" / "agent-app-his.service").read_text("utf-8")
    lines = {
        line.split("=", 1)[0]: line.split("=", 1)[1]
        for line in unit.splitlines()
        if "=" in line and not line.startswith("#")
    }

    assert lines["ExecStart"].endswith("python -m agent_app.his serve")
    assert lines["ExecReload"] == "/bin/kill -USR1 $MAINPID"
    assert lines["Environment"]  # the settings file is named for the service
    assert "AGENT_APP_HIS_CONFIG=/etc/agent-app/his.toml" in unit
    assert lines["WantedBy"] == "multi-user.target"


def test_the_example_settings_file_is_valid() -> None:
    settings = load_settings(ROOT / "resources" / "his" / "his.example.toml")

    assert settings.sql is not None and settings.sql.watermark_column == "出院日期"
    assert settings.mllp.enabled and settings.mllp.source == settings.sql.source == "his"


@pytest.mark.parametrize("store_engine", ["sqlite"], indirect=True)
def test_generate_command_brings_tasks_in_line_after_a_plan_change(his_store: Engine) -> None:
    url = str(his_store.url)
    sample = ROOT / "resources" / "his" / "sample_discharges.csv"
    assert (
        _cli(
            "--store",
            url,
            "--now",
            NOW.isoformat(),
            "import-file",
            str(sample),
            "--mapping",
            str(MAPPING),
        ).returncode
        == 0
    )
    with his_store.begin() as connection:
        connection.execute(update(FollowupPlan).where(FollowupPlan.id == 103).values(active=False))

    result = _cli("--store", url, "--now", NOW.isoformat(), "generate")

    assert result.returncode == 0, result.stderr
    assert "0 created, 0 updated, 2 cancelled" in result.stdout  # the fallback plan's calls
