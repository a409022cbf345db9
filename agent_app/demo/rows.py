"""Row layout of the generated hospital and the fast text encodings the generator uses.

Rows are tuples in the column order of ``COLUMNS``. Dates are ISO text, times are UTC text
(``YYYY-MM-DD HH:MM:SS``), JSON is text, UUIDs are 32 hex digits: what ``store.bulk`` loads.
"""

from __future__ import annotations

import datetime as dt
import random

# fmt: off
COLUMNS: dict[str, tuple[str, ...]] = {
    "department": ("id", "code", "name", "name_en", "change_seq"),
    "staff": ("id", "username", "full_name", "role", "title", "department_id", "password_hash",
        "sip_account", "extension", "active", "change_seq"),
    "call_script": ("id", "code", "title", "body", "change_seq"),
    "questionnaire_template": ("id", "code", "version", "title", "body", "active", "change_seq"),
    "followup_plan": ("id", "name", "department_id", "template_id", "script_id", "rules",
        "offsets_days", "max_attempts", "retry_spacing_minutes", "calling_hours",
        "sms_before_call", "active", "change_seq"),
    "patient": ("id", "mrn", "name", "sex", "birth_date", "id_number", "address", "notes",
        "change_seq"),
    "contact": ("id", "patient_id", "name", "relation", "kind", "number_raw", "number_e164",
        "number_national", "priority", "change_seq"),
    "episode": ("id", "patient_id", "department_id", "ward", "admitted_on", "discharged_on",
        "diagnosis_code", "diagnosis_name", "attending_doctor_id", "attending_nurse_id",
        "discharge_disposition", "change_seq", "revisit_on"),
    "followup_task": ("id", "patient_id", "episode_id", "plan_id", "department_id",
        "offset_days", "due_at", "level", "parent_task_id", "assigned_staff_id", "status",
        "attempt_count", "lease_owner_id", "lease_expires_at", "updated_at", "change_seq"),
    "call_attempt": ("id", "task_id", "patient_id", "contact_id", "staff_id", "direction",
        "line", "number", "started_at", "answered_at", "ended_at", "disposition", "end_reason"),
    "followup_result": ("id", "task_id", "attempt_id", "staff_id", "template_id",
        "template_version", "answers", "satisfaction", "outcome", "vital_status", "death_date",
        "notes", "created_at", "flagged_reason"),
}
# The demo's past adds these (``demo.history``).
HISTORY_COLUMNS: dict[str, tuple[str, ...]] = {
    "red_flag_alert": ("id", "result_id", "task_id", "patient_id", "department_id", "doctor_id",
        "raised_by_id", "rule_id", "severity", "message", "created_at", "acknowledged_at",
        "acknowledged_by_id", "ack_action"),
    "recording": ("id", "attempt_id", "codec", "duration_ms", "size_bytes", "sha256",
        "local_path", "upload_state", "markers"),
}
# fmt: on

PATIENT_TABLES = (
    "patient",
    "contact",
    "episode",
    "followup_task",
    "call_attempt",
    "followup_result",
)

EPOCH = dt.date(1970, 1, 1)
DAY = 86_400


class Clock:
    """Formats UTC epoch seconds as store text, caching the date part (the hot path of seeding)."""

    def __init__(self) -> None:
        self._days: dict[int, str] = {}

    def date(self, day: int) -> str:
        text = self._days.get(day)
        if text is None:
            text = self._days[day] = (EPOCH + dt.timedelta(days=day)).isoformat()
        return text

    def ts(self, seconds: int) -> str:
        day, rest = divmod(seconds, DAY)
        return f"{self.date(day)} {rest // 3600:02d}:{rest // 60 % 60:02d}:{rest % 60:02d}"


def uuid_hex(rng: random.Random) -> str:
    """A random version-4 UUID as 32 hex digits, drawn from the seeded generator."""
    bits = rng.getrandbits(128)
    bits = (bits & ~(0xF000 << 64) & ~(0xC000 << 48)) | (0x4000 << 64) | (0x8000 << 48)
    return f"{bits:032x}"
