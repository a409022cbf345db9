"""A hospital sized for the claim benchmark: departments of agents sharing a pool of due tasks.

Written with bulk INSERT ... SELECT as the database owner, so tens of thousands of tasks take
seconds. Every patient has two contacts and one episode in its department; each task is due
already, four in five sit in the department's pool and the rest are assigned to one of its
agents, as a hospital's discharge import leaves them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, text

# The hospital's own cardiology questionnaire and script: a card brings them to a desk that
# lacks them, so their real size counts.
RESOURCES = Path(__file__).parents[1] / "resources"
TEMPLATE = RESOURCES / "questionnaires" / "cardiology.json"
SCRIPT = RESOURCES / "scripts" / "cardiology.txt"


@dataclass(frozen=True)
class ClaimHospital:
    """Who works where: ``agents[d]`` are the staff ids of department ``d``'s agents."""

    departments: int
    agents: dict[int, list[int]]
    tasks: int

    def desk_staff(self, desks: int) -> list[tuple[int, int]]:
        """(staff id, department id) for ``desks`` desks, spread over the departments."""
        picked = []
        for n in range(desks):
            department = 1 + n % self.departments
            picked.append((self.agents[department][n // self.departments], department))
        return picked


def username(staff_id: int) -> str:
    return f"desk{staff_id}"


def seed_claim_hospital(
    engine: Engine, *, departments: int, agents_per_department: int, tasks_per_department: int
) -> ClaimHospital:
    """Fill an empty, migrated central database; one patient per two tasks."""
    patients = departments * tasks_per_department // 2
    agents = {
        d: [1000 + (d - 1) * agents_per_department + a for a in range(agents_per_department)]
        for d in range(1, departments + 1)
    }
    with engine.begin() as c:
        c.execute(
            text(
                "INSERT INTO department (id, code, name, name_en, change_seq) "
                "SELECT d, 'D' || d, '科室' || d, 'Dept ' || d, 0 "
                "FROM generate_series(1, :n) d"
            ),
            {"n": departments},
        )
        c.execute(
            text(
                "INSERT INTO staff (id, username, full_name, role, title, department_id, "
                "password_hash, sip_account, extension, active, change_seq) "
                "SELECT 1000 + (d - 1) * :a + k, 'desk' || (1000 + (d - 1) * :a + k), "
                "'护士' || (1000 + (d - 1) * :a + k), 'agent', '', d, '', '', '', true, 0 "
                "FROM generate_series(1, :n) d, generate_series(0, :a - 1) k"
            ),
            {"n": departments, "a": agents_per_department},
        )
        c.execute(
            text(
                "INSERT INTO questionnaire_template (id, code, version, title, body, active, "
                "change_seq) VALUES (1, 'general', 1, '通用', CAST(:b AS jsonb), true, 0)"
            ),
            {"b": TEMPLATE.read_text("utf-8")},
        )
        c.execute(
            text(
                "INSERT INTO call_script (id, code, title, body, change_seq) "
                "VALUES (1, 'general', '通用', :b, 0)"
            ),
            {"b": SCRIPT.read_text("utf-8")},
        )
        c.execute(
            text(
                "INSERT INTO followup_plan (id, name, department_id, template_id, script_id, "
                "rules, offsets_days, max_attempts, retry_spacing_minutes, calling_hours, "
                "sms_before_call, active, change_seq) VALUES (1, '出院随访', NULL, 1, 1, '{}', "
                "'[3, 30]', 3, 120, '{}', false, true, 0)"
            )
        )
        c.execute(
            text(
                "INSERT INTO patient (id, mrn, name, sex, birth_date, id_number, address, notes, "
                "change_seq) SELECT p, 'MRN' || p, '患者' || p, 'F', "
                "DATE '1950-01-01' + (p % 10000), '', '', '', 0 FROM generate_series(1, :p) p"
            ),
            {"p": patients},
        )
        c.execute(
            text(
                "INSERT INTO contact (id, patient_id, name, relation, kind, number_raw, "
                "number_e164, number_national, priority, change_seq) "
                "SELECT 2 * p - k, p, '联系人' || p, CASE k WHEN 1 THEN 'self' ELSE 'daughter' END,"
                " 'mobile', '138' || lpad(p::text, 8, '0'), '+86138' || lpad(p::text, 8, '0'),"
                " '138' || lpad(p::text, 8, '0'), k, 0 "
                "FROM generate_series(1, :p) p, generate_series(0, 1) k"
            ),
            {"p": patients},
        )
        c.execute(
            text(
                "INSERT INTO episode (id, patient_id, department_id, ward, admitted_on, "
                "discharged_on, diagnosis_code, diagnosis_name, discharge_disposition, "
                "change_seq) SELECT p, p, 1 + p % :n, '1', DATE '2026-11-01', DATE '2026-11-10',"
                " 'I21', '心肌梗死', 'home', 0 FROM generate_series(1, :p) p"
            ),
            {"p": patients, "n": departments},
        )
        c.execute(
            text(
                "INSERT INTO followup_task (id, patient_id, episode_id, plan_id, department_id, "
                "offset_days, due_at, level, assigned_staff_id, status, attempt_count, "
                "change_seq) SELECT 2 * p - k, p, p, 1, 1 + p % :n, CASE k WHEN 1 THEN 3 ELSE 30"
                " END, TIMESTAMPTZ '2026-11-13 01:00+00' + (2 * p - k) * interval '1 second', 1,"
                " CASE WHEN (2 * p - k) % 5 = 0 THEN 1000 + (p % :n) * :a + (p / :n) % :a END,"
                " 'pending', 0, 0 FROM generate_series(1, :p) p, generate_series(0, 1) k"
            ),
            {"p": patients, "n": departments, "a": agents_per_department},
        )
        c.execute(text("ANALYZE"))
    return ClaimHospital(departments, agents, 2 * patients)
