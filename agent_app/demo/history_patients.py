"""Patients of the demo's past: discharged months ago, some of whom have since died.

They are new patients (the present-day ones were all discharged in the last weeks), made the
way the present-day generator makes them: a name, an ID number, phones for the patient and
family, and one episode in a department. Death after discharge follows the diagnosis: common
after a liver or lung cancer or a brain haemorrhage, rare after a hernia, never after a birth
or for a child.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

from agent_app.demo.history_context import StoreContext, Team
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

Row = tuple[Any, ...]

# Share of patients with this ICD-10 start who die within a year of going home.
_DEATH_WITHIN_YEAR = {
    "C22": 0.5,
    "C34": 0.4,
    "C16": 0.35,
    "I61": 0.25,
    "I50": 0.2,
    "K74": 0.2,
    "C18": 0.15,
    "N18": 0.15,
    "C67": 0.12,
    "I63": 0.12,
    "J44": 0.12,
    "I21": 0.1,
    "K92": 0.08,
    "J18": 0.06,
    "C50": 0.06,
    "G20": 0.05,
}
_NEVER = ("O", "P")  # births and newborns
_RELATIONS = ("spouse", "son", "daughter", "parent", "sibling")


@dataclass
class HistoryPatient:
    id: int
    team: Team
    episode_id: int
    diagnosis_code: str
    doctor: int
    nurse: int
    discharged_on: dt.date
    contacts: list[tuple[int, str]]  # (contact id, number as dialled)
    died_on: dt.date | None
    died_in_hospital: bool
    own_phone: bool  # the patient answers at the first number (else a relative does)
    rows: dict[str, list[Row]] = field(default_factory=dict)


def death_day(rng: random.Random, code: str, discharged_on: dt.date) -> dt.date | None:
    """When the patient dies after discharge (None: not within the next two years)."""
    if code.startswith(_NEVER):
        return None
    yearly = _DEATH_WITHIN_YEAR.get(code[:3], 0.01)
    if rng.random() >= yearly * 1.3:
        return None
    # Deaths come early after discharge more often than late.
    return discharged_on + dt.timedelta(days=1 + int(540 * rng.random() ** 1.7))


def make_patient(
    rng: random.Random,
    context: StoreContext,
    ids: dict[str, int],
    discharged_on: dt.date,
) -> HistoryPatient:
    """One past patient with contacts and an episode; ``ids`` hands out the next ids."""
    team = context.teams[int(rng.random() * len(context.teams))]
    spec = team.spec
    pid = ids["patient"]
    ids["patient"] += 1
    male = spec.code != "OBST" and rng.random() < 0.5
    low, high = (0, 12) if spec.code == "PEDI" else (18, 92)
    age_days = int(low * 365 + 30 + rng.random() * (high - low) * 365)
    birth = discharged_on - dt.timedelta(days=age_days)
    if rng.random() < 0.04:
        name, surname = english_name(rng, male), ""
    else:
        name = chinese_name(rng, male)[0]
        surname = name[0]
    rows: dict[str, list[Row]] = {"patient": [], "contact": [], "episode": []}
    rows["patient"].append(
        (
            pid,
            f"ZY{2020000000 + pid}",
            name,
            "M" if male else "F",
            birth.isoformat(),
            resident_id(rng, birth, male),
            address(rng),
            "",
            0,
        )
    )
    contacts: list[tuple[int, str]] = []

    def add_contact(who: str, relation: str, phone: PhoneNumber, priority: int) -> None:
        cid = ids["contact"]
        ids["contact"] += 1
        contacts.append((cid, phone.raw))
        rows["contact"].append(
            (
                cid,
                pid,
                who,
                relation,
                "mobile" if phone.mobile else "landline",
                phone.raw,
                phone.e164,
                phone.national,
                priority,
                0,
            )
        )

    if spec.code != "PEDI" and rng.random() < 0.9:
        add_contact(name, "self", mobile_number(rng), 0)
    own_phone = bool(contacts)
    family = (rng.random() < 0.75) + (rng.random() < 0.2) + (not contacts)
    for priority in range(1, 1 + family):
        relation = "parent" if spec.code == "PEDI" else rng.choice(_RELATIONS)
        relative = chinese_name(rng, relation == "son" or rng.random() < 0.4)[0]
        if surname and relation in ("son", "daughter"):
            relative = surname + relative[1:]
        phone = mobile_number(rng) if rng.random() < 0.85 else landline_number(rng)
        add_contact(relative, relation, phone, priority)
    stay_low, stay_high = spec.stay_days
    stay = stay_low + int(rng.random() * (stay_high - stay_low))
    admitted = discharged_on - dt.timedelta(days=stay)
    code, diagnosis = spec.diagnoses[int(rng.random() * len(spec.diagnoses))]
    eid = ids["episode"]
    ids["episode"] += 1
    doctor = rng.choice(team.doctors)
    nurse = rng.choice(team.nurses)
    in_hospital = rng.random() < 0.01
    rows["episode"].append(
        (
            eid,
            pid,
            team.department_id,
            rng.choice(spec.wards),
            admitted.isoformat(),
            discharged_on.isoformat(),
            code,
            diagnosis,
            doctor,
            nurse,
            "deceased" if in_hospital else "home",
            0,
            None if in_hospital else (discharged_on + revisit_after(eid)).isoformat(),
        )
    )
    died = discharged_on if in_hospital else death_day(rng, code, discharged_on)
    if spec.code == "PEDI" and not in_hospital:  # no child dies after going home
        died = None
    return HistoryPatient(
        pid,
        team,
        eid,
        code,
        doctor,
        nurse,
        discharged_on,
        contacts,
        died,
        in_hospital,
        own_phone,
        rows,
    )
