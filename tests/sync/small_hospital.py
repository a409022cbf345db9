"""A small hospital written out by hand, so sync tests and benchmarks depend only on the schema."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from agent_app.domain.enums import PhoneKind, Relation, Role, Sex
from agent_app.store.schema import (
    CallScript,
    Contact,
    Department,
    Episode,
    FollowupPlan,
    FollowupTask,
    Patient,
    QuestionnaireTemplate,
    Staff,
)

PATIENTS = 20
TASKS_PER_PATIENT = 2
AGENTS = (1, 2, 3)  # staff ids; staff 4 is the supervisor, 5 hospital quality, 6 the admin
ROLES = {1: Role.AGENT, 2: Role.AGENT, 3: Role.AGENT, 4: Role.SUPERVISOR, 5: Role.QUALITY,
         6: Role.ADMIN}  # fmt: skip
# The attending doctors (staff 11 of department 2, staff 12 of department 1), who use the
# red-flag inbox; every episode names its department's doctor.
DOCTORS = {11: 2, 12: 1}
DOCTOR_OF_DEPARTMENT = {dept: staff_id for staff_id, dept in DOCTORS.items()}


# The smallest questionnaire the follow-up screen opens: one free-text question.
TEMPLATE = {
    "code": "general",
    "version": 1,
    "specialty": "general",
    "title": {"zh_CN": "通用", "en": "General"},
    "sections": [
        {
            "id": "s1",
            "title": {"zh_CN": "状况", "en": "State"},
            "questions": [
                {"id": "q1", "type": "text", "text": {"zh_CN": "感觉如何", "en": "How are you"}}
            ],
        }
    ],
}

SCRIPT = (
    "[identity]\n您好,请问是{patient_name}吗?\n[introduction]\n这里是随访中心。\n[closing]\n再见"
)


def seed_small_hospital(engine: Engine, patients: int = PATIENTS) -> None:
    """2 departments, 3 agents, a supervisor, a quality nurse, an admin and a doctor per
    department (every episode's attending doctor), patients with a
    contact, an episode and 2 tasks each (odd tasks assigned to an agent, even ones in the
    department pool)."""
    due = dt.datetime(2026, 11, 20, 1, 0, tzinfo=dt.UTC)
    with Session(engine) as session, session.begin():
        session.add(Department(id=1, code="CARD", name="心内科"))
        session.add(Department(id=2, code="SURG", name="外科"))
        session.flush()
        for staff_id, role in ROLES.items():
            session.add(
                Staff(id=staff_id, username=f"nurse{staff_id}", full_name=f"护士{staff_id}",
                      role=role, department_id=1 + staff_id % 2)
            )  # fmt: skip
        for staff_id, dept in DOCTORS.items():
            session.add(
                Staff(id=staff_id, username=f"doctor{staff_id}", full_name=f"医生{staff_id}",
                      role=Role.DOCTOR, department_id=dept)
            )  # fmt: skip
        session.add(
            QuestionnaireTemplate(id=1, code="general", version=1, title="通用", body=TEMPLATE)
        )
        session.add(CallScript(id=1, code="general", title="通用", body=SCRIPT))
        session.flush()
        session.add(
            FollowupPlan(id=1, name="出院随访", template_id=1, script_id=1, offsets_days=[3])
        )
        session.flush()
        for n in range(1, patients + 1):
            dept = 1 + n % 2
            session.add(
                Patient(id=n, mrn=f"MRN{n:05d}", name=f"患者{n}", sex=Sex.FEMALE,
                        birth_date=dt.date(1950, 1, 1) + dt.timedelta(days=n))
            )  # fmt: skip
            session.flush()
            session.add(
                Contact(id=n, patient_id=n, name=f"患者{n}", relation=Relation.SELF,
                        kind=PhoneKind.MOBILE, number_raw=f"138{n:08d}",
                        number_e164=f"+86138{n:08d}", number_national=f"138{n:08d}")
            )  # fmt: skip
            session.add(
                Episode(id=n, patient_id=n, department_id=dept, ward="1", diagnosis_code="I21",
                        diagnosis_name="心肌梗死", admitted_on=dt.date(2026, 11, 1),
                        discharged_on=dt.date(2026, 11, 10),
                        attending_doctor_id=DOCTOR_OF_DEPARTMENT[dept])
            )  # fmt: skip
            session.flush()
            for k in range(TASKS_PER_PATIENT):
                task_id = (n - 1) * TASKS_PER_PATIENT + k + 1
                assigned = AGENTS[task_id % len(AGENTS)] if task_id % 2 else None
                session.add(
                    FollowupTask(id=task_id, patient_id=n, episode_id=n, plan_id=1,
                                 department_id=dept, offset_days=3 + 27 * k,
                                 due_at=due + dt.timedelta(hours=task_id),
                                 assigned_staff_id=assigned)
                )  # fmt: skip
    # Ids were given explicitly: move the id sequences past them.
    with engine.begin() as connection:
        for table in ("department", "staff", "patient", "contact", "episode", "followup_task"):
            connection.exec_driver_sql(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT max(id) FROM {table}))"
            )
