"""A deterministic generated hospital: reference data, then patients in batches.

Rows come out as tuples laid out as ``rows.COLUMNS`` says, ready for a bulk insert.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from agent_app.demo import catalog
from agent_app.demo.people import (
    PhoneNumber,
    address,
    chinese_name,
    english_name,
    landline_number,
    mobile_number,
    resident_id,
    revisit_after,
)
from agent_app.demo.rows import DAY, EPOCH, PATIENT_TABLES, Clock, uuid_hex
from agent_app.domain.enums import Role
from agent_app.domain.hospital_zone import HOSPITAL_TZ
from agent_app.domain.questionnaire import parse_template
from agent_app.shipped_files import RESOURCES_DIR

Row = tuple[Any, ...]
Batch = dict[str, list[Row]]

RESOURCES = RESOURCES_DIR
TEMPLATE_CODES = (
    "general_discharge",
    "cardiology",
    "surgery_postop",
    "orthopedics_postop",
    "obstetrics_postpartum",
    "oncology_survival",
    "neurology_stroke",
)
DEPARTMENT_TEMPLATES = {
    "CARD": "cardiology",
    "GSUR": "surgery_postop",
    "UROL": "surgery_postop",
    "ORTH": "orthopedics_postop",
    "OBST": "obstetrics_postpartum",
    "ONCO": "oncology_survival",
    "NEUR": "neurology_stroke",
}
DEMO_PASSWORD = "demo"

OFFSETS = (3, 30, 90)
SURVIVAL_OFFSETS = (30, 90, 180, 365)
_RELATIONS = ("spouse", "son", "daughter", "parent", "sibling")
_NINE_AM_UTC = 3600  # 09:00 in the hospital (UTC+8) is 01:00 UTC


@dataclass
class _DeptStaff:
    department_id: int
    doctors: list[int] = field(default_factory=list)
    nurses: list[int] = field(default_factory=list)


class DemoHospital:
    """Generates the same hospital for the same (seed, today, patients)."""

    def __init__(
        self, patients: int, seed: int = 1, today: dt.date | None = None, password_hash: str = ""
    ) -> None:
        self.patients = patients
        self.seed = seed
        self.today = today or dt.datetime.now(HOSPITAL_TZ).date()
        self.password_hash = password_hash
        self._rng = random.Random(seed)
        self._staff: list[_DeptStaff] = []
        self._clock = Clock()
        self._today_day = (self.today - EPOCH).days
        # Template and script ids follow TEMPLATE_CODES (1 is the general one the generated
        # past results were answered with).
        self._templates = [
            json.loads((RESOURCES / "questionnaires" / f"{code}.json").read_text("utf-8"))
            for code in TEMPLATE_CODES
        ]

    # Reference data -----------------------------------------------------------------------
    def reference_rows(self) -> Batch:
        rng = self._rng
        rows: Batch = {
            name: []
            for name in (
                "department",
                "staff",
                "call_script",
                "questionnaire_template",
                "followup_plan",
            )
        }
        used: set[str] = set()
        staff_id = 0

        def add_staff(name: str, pinyin: str, role: Role, title: str, dept_id: int) -> int:
            nonlocal staff_id
            staff_id += 1
            username = pinyin
            n = 2
            while username in used:
                username, n = f"{pinyin}{n}", n + 1
            used.add(username)
            rows["staff"].append(
                (
                    staff_id,
                    username,
                    name,
                    role.value,
                    title,
                    dept_id,
                    self.password_hash,
                    f"sip:{1000 + staff_id}@pbx.local",
                    str(1000 + staff_id),
                    1,
                    0,
                )
            )
            return staff_id

        for dept_id, spec in enumerate((*catalog.DEPARTMENTS, catalog.FOLLOWUP_CENTER), 1):
            rows["department"].append((dept_id, spec.code, spec.name, spec.name_en, 0))
            if spec is catalog.FOLLOWUP_CENTER:
                for role, title in (
                    (Role.QUALITY, "质控护士"),
                    (Role.QUALITY, "质控科长"),
                    (Role.ADMIN, "系统管理员"),
                ):
                    add_staff(*chinese_name(rng, rng.random() < 0.4), role, title, dept_id)
                continue
            team = _DeptStaff(dept_id)
            for _ in range(2):
                team.doctors.append(
                    add_staff(
                        *chinese_name(rng, rng.random() < 0.6), Role.DOCTOR, "主治医师", dept_id
                    )
                )
            for _ in range(3):
                team.nurses.append(
                    add_staff(*chinese_name(rng, rng.random() < 0.1), Role.AGENT, "护师", dept_id)
                )
            add_staff(*chinese_name(rng, False), Role.SUPERVISOR, "护士长", dept_id)
            self._staff.append(team)

        for number, (code, body) in enumerate(zip(TEMPLATE_CODES, self._templates, strict=True), 1):
            title = parse_template(body).title.zh_CN
            script = (RESOURCES / "scripts" / f"{code}.txt").read_text("utf-8")
            rows["call_script"].append((number, code, f"{title}话术", script, 0))
            rows["questionnaire_template"].append(
                (number, code, body["version"], title, json.dumps(body, ensure_ascii=False), 1, 0)
            )
        hours = json.dumps(
            {
                "days": [1, 2, 3, 4, 5, 6],
                "windows": [["08:30", "11:30"], ["14:00", "20:00"]],
                "best_time": True,  # a retry after no answer goes to the patient's best hour
            }
        )
        for plan_id, spec in enumerate(catalog.DEPARTMENTS, 1):
            offsets = SURVIVAL_OFFSETS if spec.code == "ONCO" else OFFSETS
            rules = json.dumps({"department": spec.code})
            template_id = (
                TEMPLATE_CODES.index(DEPARTMENT_TEMPLATES.get(spec.code, "general_discharge")) + 1
            )
            rows["followup_plan"].append(
                (
                    plan_id,
                    f"{spec.name}出院随访",
                    plan_id,
                    template_id,
                    template_id,
                    rules,
                    json.dumps(offsets),
                    3,
                    120,
                    hours,
                    0,
                    1,
                    0,
                )
            )
        return rows

    # Patients ---------------------------------------------------------------------------
    def patient_batches(self, batch_size: int = 5000) -> Iterator[Batch]:
        """Yield the patient-level rows, ``batch_size`` patients at a time."""
        if not self._staff:
            raise RuntimeError("reference_rows() must run before patient_batches()")
        rng = self._rng
        ids = {"contact": 0, "episode": 0, "task": 0}
        answers = self._answer_variants(rng)
        for start in range(0, self.patients, batch_size):
            batch: Batch = {name: [] for name in PATIENT_TABLES}
            for pid in range(start + 1, min(start + batch_size, self.patients) + 1):
                self._one_patient(rng, pid, ids, answers, batch)
            yield batch

    def _one_patient(
        self,
        rng: random.Random,
        pid: int,
        ids: dict[str, int],
        answers: list[tuple[str, int]],
        batch: Batch,
    ) -> None:
        rand = rng.random
        clock = self._clock
        today = self._today_day
        male = rand() < 0.5
        dept_index = int(rand() * len(self._staff))
        spec = catalog.DEPARTMENTS[dept_index]
        team = self._staff[dept_index]
        if spec.code == "OBST":
            male = False
        low, high = (0, 12) if spec.code == "PEDI" else (18, 92)
        birth_day = today - int(low * 365 + 30 + rand() * (high - low) * 365)
        birth = EPOCH + dt.timedelta(days=birth_day)
        if rand() < 0.04:
            name, surname = english_name(rng, male), ""
        else:
            name, _ = chinese_name(rng, male)
            surname = name[0]
        batch["patient"].append(
            (
                pid,
                f"ZY{2020000000 + pid}",
                name,
                "M" if male else "F",
                clock.date(birth_day),
                resident_id(rng, birth, male),
                address(rng),
                "",
                0,
            )
        )
        contacts: list[tuple[int, str]] = []
        if spec.code != "PEDI" and rand() < 0.9:
            self._add_contact(batch, ids, contacts, pid, name, "self", mobile_number(rng), 0)
        family = (rand() < 0.75) + (rand() < 0.2) + (not contacts)
        for priority in range(1, 1 + family):
            relation = "parent" if spec.code == "PEDI" else _RELATIONS[int(rand() * 5)]
            rel_male = relation == "son" or (relation != "daughter" and rand() < 0.5)
            rel_name = chinese_name(rng, rel_male)[0]
            if surname and relation in ("son", "daughter"):
                rel_name = surname + rel_name[1:]
            phone = mobile_number(rng) if rand() < 0.85 else landline_number(rng)
            self._add_contact(batch, ids, contacts, pid, rel_name, relation, phone, priority)
        discharged = today - 1 - int(rand() * 74)
        stay_low, stay_high = spec.stay_days
        admitted = discharged - stay_low - int(rand() * (stay_high - stay_low))
        code, diagnosis = spec.diagnoses[int(rand() * len(spec.diagnoses))]
        deceased = rand() < 0.01
        ids["episode"] += 1
        eid = ids["episode"]
        doctor = team.doctors[int(rand() * len(team.doctors))]
        nurse = team.nurses[int(rand() * len(team.nurses))]
        batch["episode"].append(
            (
                eid,
                pid,
                team.department_id,
                spec.wards[int(rand() * len(spec.wards))],
                clock.date(admitted),
                clock.date(discharged),
                code,
                diagnosis,
                doctor,
                nurse,
                "deceased" if deceased else "home",
                0,
                None if deceased else clock.date(discharged + revisit_after(eid).days),
            )
        )
        if deceased:
            return
        now = today * DAY + _NINE_AM_UTC
        for offset in SURVIVAL_OFFSETS if spec.code == "ONCO" else OFFSETS:
            due = (discharged + offset) * DAY + _NINE_AM_UTC
            # Doctors call no follow-ups (their desk is the red-flag inbox): the share that
            # once went to the attending doctor goes to the next nurse of the team.
            partner = team.nurses[(team.nurses.index(nurse) + 1) % len(team.nurses)]
            assigned = None if rand() < 0.15 else (nurse if rand() < 0.8 else partner)
            ids["task"] += 1
            tid = ids["task"]
            status, attempts = "pending", 0
            if now - due >= 2 * DAY:
                roll = rand()
                status = "done" if roll < 0.85 else ("failed" if roll < 0.95 else "pending")
                attempts = {"done": 1 + (rand() < 0.3), "failed": 3}.get(status, 1)
                self._attempts(
                    rng,
                    batch,
                    tid,
                    pid,
                    contacts,
                    assigned or nurse,
                    due,
                    attempts,
                    status == "done",
                    answers,
                )
            batch["followup_task"].append(
                (
                    tid,
                    pid,
                    eid,
                    dept_index + 1,
                    team.department_id,
                    offset,
                    clock.ts(due),
                    1,
                    None,
                    assigned,
                    status,
                    attempts,
                    None,
                    None,
                    clock.ts(min(due, now)),
                    0,
                )
            )

    @staticmethod
    def _add_contact(
        batch: Batch,
        ids: dict[str, int],
        contacts: list[tuple[int, str]],
        pid: int,
        name: str,
        relation: str,
        phone: PhoneNumber,
        priority: int,
    ) -> None:
        ids["contact"] += 1
        contacts.append((ids["contact"], phone.raw))
        kind = "mobile" if phone.mobile else "landline"
        batch["contact"].append(
            (
                ids["contact"],
                pid,
                name,
                relation,
                kind,
                phone.raw,
                phone.e164,
                phone.national,
                priority,
                0,
            )
        )

    def _attempts(
        self,
        rng: random.Random,
        batch: Batch,
        tid: int,
        pid: int,
        contacts: list[tuple[int, str]],
        staff: int,
        due: int,
        count: int,
        reached_last: bool,
        answers: list[tuple[str, int]],
    ) -> None:
        rand = rng.random
        ts = self._clock.ts
        start = due + int(rand() * 240) * 60
        for n in range(count):
            contact_id, number = contacts[min(n, len(contacts) - 1)]
            aid = uuid_hex(rng)
            reached = reached_last and n == count - 1
            answered = start + 5 + int(rand() * 20)
            ended = answered + 90 + int(rand() * 330) if reached else start + 40
            disposition = "reached" if reached else ("busy" if rand() < 0.3 else "no_answer")
            batch["call_attempt"].append(
                (
                    aid,
                    tid,
                    pid,
                    contact_id,
                    staff,
                    "outbound",
                    "sip",
                    number,
                    ts(start),
                    ts(answered) if reached else None,
                    ts(ended),
                    disposition,
                    "",
                )
            )
            if reached:
                body, satisfaction = answers[int(rand() * len(answers))]
                batch["followup_result"].append(
                    (
                        uuid_hex(rng),
                        tid,
                        aid,
                        staff,
                        1,
                        1,
                        body,
                        satisfaction,
                        "completed",
                        "alive",
                        None,
                        "",
                        ts(ended),
                        "",
                    )
                )
            start += (120 + int(rand() * 60)) * 60

    @staticmethod
    def _answer_variants(rng: random.Random) -> list[tuple[str, int]]:
        variants = []
        for satisfaction in (5, 5, 5, 4, 4, 3, 2):
            for condition in ("good", "good", "fair", "poor"):
                answers: dict[str, object] = {
                    "identity_confirmed": rng.choice(("self", "self", "family")),
                    "general_condition": condition,
                    "medication_adherence": rng.choice(("yes", "yes", "sometimes")),
                    "revisit_known": "yes",
                    "satisfaction": satisfaction,
                }
                if condition != "good":
                    answers["symptoms"] = [rng.choice(("pain", "fever", "none"))]
                variants.append((json.dumps(answers, ensure_ascii=False), satisfaction))
        return variants
