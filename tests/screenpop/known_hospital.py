"""A tiny hospital whose every phone number is known, for screen-pop tests and the benchmark."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from agent_app.domain.enums import Outcome, PhoneKind, Relation, Role, Sex
from agent_app.domain.phone_numbers import normalize_number
from agent_app.domain.views import StaffAccount
from agent_app.store.schema import (
    Blacklist,
    Contact,
    Department,
    Episode,
    FollowupPlan,
    FollowupResult,
    FollowupTask,
    Patient,
    QuestionnaireTemplate,
    Staff,
)

WANG_MOBILE = "13812345678"  # 王秀英 herself
WANG_DAUGHTER = "13912345678"  # 李娜, daughter of 王秀英
WANG_HOME = "010-62345678"  # Beijing landline at home
SHARED_PHONE = "021-58881234"  # the 张 family: two patients share it
ORTHO_MOBILE = "13698765432"  # 赵刚, an orthopaedics patient
BLOCKED = "13700001111"  # on the blacklist, no patient
BLOCKED_PATIENT = "13600002222"  # on the blacklist and a patient's own number
NOBODY = "13511112222"


# Only the shape the pop counts: five questions in two sections.
TEMPLATE_BODY = {
    "sections": [
        {"id": "general", "questions": [{"id": "q1"}, {"id": "q2"}, {"id": "q3"}]},
        {"id": "wound", "questions": [{"id": "q4"}, {"id": "q5"}]},
    ]
}


@dataclass(frozen=True)
class KnownHospital:
    engine: Engine
    cardiology_nurse: StaffAccount
    ortho_nurse: StaffAccount
    quality: StaffAccount
    wang: int
    zhang_wei: int
    zhang_qiang: int
    zhao: int
    blocked_patient: int
    wang_task: int


def _contact(patient: Patient, name: str, relation: Relation, raw: str, priority: int) -> Contact:
    number = normalize_number(raw)
    kind = PhoneKind.MOBILE if number.mobile else PhoneKind.LANDLINE
    return Contact(
        patient_id=patient.id,
        name=name,
        relation=relation,
        kind=kind,
        number_raw=raw,
        number_e164=number.e164,
        number_national=number.national,
        priority=priority,
    )


def build_known_hospital(engine: Engine, today: dt.date = dt.date(2026, 11, 20)) -> KnownHospital:
    with Session(engine) as s, s.begin():
        cardio = Department(code="CARD", name="心血管内科", name_en="Cardiology")
        ortho = Department(code="ORTH", name="骨科", name_en="Orthopaedics")
        s.add_all([cardio, ortho])
        s.flush()
        nurse = Staff(
            username="chenjing", full_name="陈静", role=Role.AGENT, department_id=cardio.id
        )
        ortho_nurse = Staff(
            username="liuyang", full_name="刘洋", role=Role.AGENT, department_id=ortho.id
        )
        quality = Staff(
            username="zhoumin", full_name="周敏", role=Role.QUALITY, department_id=cardio.id
        )
        s.add_all([nurse, ortho_nurse, quality])
        template = QuestionnaireTemplate(code="general", title="出院随访", body=TEMPLATE_BODY)
        s.add(template)
        s.flush()
        plan = FollowupPlan(
            name="心内科出院随访",
            department_id=cardio.id,
            template_id=template.id,
            offsets_days=[7, 30],
            max_attempts=3,
        )
        s.add(plan)

        def patient(name: str, sex: Sex, mrn: str, born: dt.date, dept: Department) -> Patient:
            row = Patient(mrn=mrn, name=name, sex=sex, birth_date=born, id_number="")
            s.add(row)
            s.flush()
            s.add(
                Episode(
                    patient_id=row.id,
                    department_id=dept.id,
                    ward=f"{dept.name}一病区",
                    admitted_on=today - dt.timedelta(days=14),
                    discharged_on=today - dt.timedelta(days=5),
                    diagnosis_code="I21.9",
                    diagnosis_name="急性心肌梗死",
                    attending_doctor_id=None,
                    attending_nurse_id=nurse.id,
                )
            )
            return row

        wang = patient("王秀英", Sex.FEMALE, "ZY0001", dt.date(1951, 3, 2), cardio)
        wang.id_number = "110105195103021234"
        zhang_wei = patient("张伟", Sex.MALE, "ZY0002", dt.date(1948, 6, 1), cardio)
        zhang_qiang = patient("张强", Sex.MALE, "ZY0003", dt.date(1975, 1, 9), cardio)
        zhao = patient("赵刚", Sex.MALE, "ZY0004", dt.date(1980, 8, 8), ortho)
        blocked = patient("孙丽", Sex.FEMALE, "ZY0005", dt.date(1990, 2, 2), cardio)
        s.add_all(
            [
                _contact(wang, "王秀英", Relation.SELF, WANG_MOBILE, 0),
                _contact(wang, "李娜", Relation.DAUGHTER, WANG_DAUGHTER, 1),
                _contact(wang, "王秀英", Relation.SELF, WANG_HOME, 2),
                _contact(zhang_wei, "张伟", Relation.SELF, SHARED_PHONE, 0),
                _contact(zhang_qiang, "张强", Relation.SELF, SHARED_PHONE, 0),
                _contact(zhao, "赵刚", Relation.SELF, ORTHO_MOBILE, 0),
                _contact(blocked, "孙丽", Relation.SELF, BLOCKED_PATIENT, 0),
                Blacklist(number_e164=normalize_number(BLOCKED).e164, reason="骚扰电话"),
                Blacklist(number_e164=normalize_number(BLOCKED_PATIENT).e164, reason="曾辱骂医护"),
            ]
        )
        s.flush()
        due = dt.datetime.combine(today, dt.time(9), dt.UTC)
        wang_task = FollowupTask(
            patient_id=wang.id,
            plan_id=plan.id,
            department_id=cardio.id,
            due_at=due,
            assigned_staff_id=nurse.id,
            attempt_count=1,
        )
        s.add_all(
            [
                wang_task,
                FollowupTask(
                    patient_id=zhang_wei.id,
                    plan_id=plan.id,
                    department_id=cardio.id,
                    due_at=due,
                    assigned_staff_id=nurse.id,
                ),
                FollowupTask(
                    patient_id=zhao.id,
                    department_id=ortho.id,
                    due_at=due,
                    assigned_staff_id=ortho_nurse.id,
                ),
            ]
        )
        s.flush()
        s.add(  # the last call stopped after two answers
            FollowupResult(
                task_id=wang_task.id,
                staff_id=nurse.id,
                template_id=template.id,
                template_version=1,
                answers={"q1": "good", "q2": 4},
                outcome=Outcome.PARTIAL,
            )
        )
        ids = (wang.id, zhang_wei.id, zhang_qiang.id, zhao.id, blocked.id, wang_task.id)
        accounts = [_account(s, u) for u in ("chenjing", "liuyang", "zhoumin")]
    return KnownHospital(engine, *accounts, *ids)


def _account(session: Session, username: str) -> StaffAccount:
    staff, department = session.execute(
        select(Staff, Department.name)
        .join(Department, Department.id == Staff.department_id)
        .where(Staff.username == username)
    ).one()
    return StaffAccount(
        staff.id, staff.username, staff.full_name, staff.role, staff.department_id, department
    )
