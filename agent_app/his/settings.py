"""The discharge service's settings: the ``[his]`` section of its own TOML file.

The desk's ``config.toml`` refuses unknown sections, so the service reads its own file
(``/etc/agent-app/his.toml``, or the path in ``AGENT_APP_HIS_CONFIG``, or ``--config``)::

    [his]
    store_url = "postgresql+psycopg://followup_his@followup-db/followup"
    region = "CN"             # default region for phone numbers
    daily_at = "06:30"        # scheduled import, hospital time
    zone = "Asia/Shanghai"
    late_days = 7             # follow-up points further in the past are not created
    batch_size = 1000

    [his.sql]                 # optional: the HIS discharge view
    source = "his"
    url = "postgresql+psycopg://his_reader@his-db/his"
    query = "SELECT * FROM v_discharge WHERE discharge_time >= :since ORDER BY discharge_time"
    watermark_column = "discharge_time"
    mapping = "/etc/agent-app/his-mapping.json"
    since = "2026-01-01"      # where the first run starts

    [his.mllp]                # optional: HL7 ADT^A03 listener
    enabled = true
    host = "127.0.0.1"        # the default; the interface engine's side of the network if remote
    port = 2575
    source = "his"
    encoding = "utf-8"
    allowed_senders = ["127.0.0.1", "::1"]   # addresses or networks; others are closed at once
    tls_cert = ""             # PEM certificate (and chain) and key: MLLP over TLS when set
    tls_key = ""
    tls_client_ca = ""        # when set, a sender must present a certificate signed by this CA
    patient_id = ["PID-3:MR", "PID-3:"]   # where the MRN is, in order; a message without one
                              # is refused. Add "PID-2" or "PV1-19" only if the HIS means it.

Passwords never go here: libpq reads them from ``~/.pgpass`` or ``PGPASSFILE``.
"""

from __future__ import annotations

import datetime as dt
import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from agent_app.domain.hospital_zone import HOSPITAL_ZONE
from agent_app.his.errors import HisSettingsError, MappingError
from agent_app.his.mapping import Hl7Mapping
from agent_app.his.mllp_security import LOOPBACK_SENDERS, parse_senders

DEFAULT_PATH = Path("/etc/agent-app/his.toml")
ENV_PATH = "AGENT_APP_HIS_CONFIG"


@dataclass(frozen=True)
class SqlSettings:
    source: str = "his"
    url: str = ""
    query: str = ""
    watermark_column: str = ""
    mapping: str = ""
    since: str = "1970-01-01"


@dataclass(frozen=True)
class MllpSettings:
    enabled: bool = False
    host: str = "127.0.0.1"  # HL7 has no login of its own: listen on this machine unless told
    port: int = 2575
    source: str = "his"  # same name as the view: one visit number, one episode
    encoding: str = "utf-8"
    allowed_senders: tuple[str, ...] = LOOPBACK_SENDERS
    tls_cert: str = ""
    tls_key: str = ""
    tls_client_ca: str = ""
    patient_id: tuple[str, ...] = Hl7Mapping().patient_id

    def hl7_mapping(self) -> Hl7Mapping:
        return Hl7Mapping(self.patient_id)


@dataclass(frozen=True)
class HisSettings:
    store_url: str = ""
    region: str = "CN"
    daily_at: str = "06:30"
    zone: str = HOSPITAL_ZONE
    late_days: int = 7
    batch_size: int = 1000
    sql: SqlSettings | None = None
    mllp: MllpSettings = field(default_factory=MllpSettings)

    @property
    def daily_time(self) -> dt.time:
        return dt.time.fromisoformat(self.daily_at)


def _section(cls: type[Any], raw: object, where: str) -> Any:
    if not isinstance(raw, dict):
        raise HisSettingsError(f"[{where}] must be a table of settings.")
    known = {f.name: f for f in fields(cls)}
    for key, value in raw.items():
        if cls is HisSettings and key in ("sql", "mllp"):
            continue  # sub-sections, read on their own
        if key not in known:
            raise HisSettingsError(f"The setting '{key}' in [{where}] is not known.")
        expected = type(known[key].default) if known[key].default is not None else str
        if expected is tuple and (
            not isinstance(value, list) or not all(isinstance(v, str) for v in value)
        ):
            raise HisSettingsError(f"[{where}] {key} must be a list of texts.")
        if isinstance(known[key].default, bool) and not isinstance(value, bool):
            raise HisSettingsError(f"[{where}] {key} must be true or false.")
        if expected is int and (not isinstance(value, int) or isinstance(value, bool)):
            raise HisSettingsError(f"[{where}] {key} must be a whole number.")
        if expected is str and not isinstance(value, str):
            raise HisSettingsError(f"[{where}] {key} must be text.")
    return cls(
        **{
            k: tuple(v) if isinstance(v, list) else v
            for k, v in raw.items()
            if k not in ("sql", "mllp")
        }
    )


def _no_password(url: str, where: str) -> None:
    if not url:
        return
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise HisSettingsError(f"[{where}] '{url}' is not a database URL.") from None
    if parsed.password:
        raise HisSettingsError(
            f"[{where}] has a password in its URL; put it in ~/.pgpass (or PGPASSFILE) instead."
        )


def parse_settings(data: dict[str, Any]) -> HisSettings:
    """Build settings from a parsed TOML document; raise HisSettingsError in plain words."""
    raw = data.get("his")
    if raw is None:
        raise HisSettingsError("The settings file has no [his] section.")
    settings: HisSettings = _section(HisSettings, raw, "his")
    sql = _section(SqlSettings, raw["sql"], "his.sql") if "sql" in raw else None
    mllp = _section(MllpSettings, raw.get("mllp", {}), "his.mllp")
    settings = HisSettings(
        **{f.name: getattr(settings, f.name) for f in fields(HisSettings)}
        | {"sql": sql, "mllp": mllp}
    )
    try:
        settings.daily_time  # noqa: B018 - parse to check it
    except ValueError:
        raise HisSettingsError(
            f"[his] daily_at '{settings.daily_at}' is not a time like 06:30."
        ) from None
    try:
        ZoneInfo(settings.zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise HisSettingsError(f"[his] zone '{settings.zone}' is not a known time zone.") from None
    _no_password(settings.store_url, "his")
    if sql is not None:
        _no_password(sql.url, "his.sql")
        missing = [
            n for n in ("url", "query", "watermark_column", "mapping") if not getattr(sql, n)
        ]
        if missing:
            raise HisSettingsError(f"[his.sql] needs '{missing[0]}'.")
    _check_mllp(mllp)
    return settings


def _check_mllp(mllp: MllpSettings) -> None:
    parse_senders(mllp.allowed_senders)
    try:
        mllp.hl7_mapping()
    except MappingError as exc:
        raise HisSettingsError(f"[his.mllp] patient_id: {exc}") from None
    if bool(mllp.tls_cert) != bool(mllp.tls_key):
        raise HisSettingsError("[his.mllp] tls_cert and tls_key go together: set both or neither.")
    if mllp.tls_client_ca and not mllp.tls_cert:
        raise HisSettingsError(
            "[his.mllp] tls_client_ca needs tls_cert and tls_key: client certificates are "
            "checked only over TLS."
        )


def load_settings(path: Path | None = None) -> HisSettings:
    path = path or Path(os.environ.get(ENV_PATH) or DEFAULT_PATH)
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        raise HisSettingsError(f"The settings file {path} does not exist.") from None
    except tomllib.TOMLDecodeError as exc:
        raise HisSettingsError(f"The settings file {path} is not valid TOML: {exc}.") from None
    except OSError as exc:
        raise HisSettingsError(
            f"The settings file {path} cannot be read: {exc.strerror}."
        ) from None
    return parse_settings(data)
