"""A hospital of any size on the central server, seeded inside the server in seconds.

Each follow-up task comes with its patient, one contact and one episode: four change-tracked
rows a task, written by ``INSERT ... SELECT generate_series`` with their change stamp
(``change_seq`` from the sequence, ``change_xid`` the writing transaction) set as the
stamping trigger sets it on rows the discharge import writes. All of them belong to
department 2, whose agent ``nurse1`` (and the hospital's quality nurse ``nurse5``) sees
them; odd tasks are assigned to ``nurse1``, even ones wait in the department pool.
"""

from __future__ import annotations

from sqlalchemy import Engine, text

from agent_app.store.tallies import paused_tallies
from tests.sync.small_hospital import seed_small_hospital

FIRST_ID = 1_000_000  # above the small hospital's own ids
ROWS_PER_TASK = 4

_PATIENTS = """
INSERT INTO patient (id, mrn, name, sex, birth_date, id_number, address, notes, change_seq,
                     change_xid)
SELECT n, 'B' || n, '患者' || n, CASE WHEN n % 2 = 0 THEN 'F' ELSE 'M' END,
       DATE '1940-01-01' + (n % 20000), lpad((n::bigint * 7919 % 1000000000)::text, 18, '1'),
       '北京市东城区' || (n % 500) || '号', CASE WHEN n % 10 = 0 THEN 'tab	and
newline \\ kept' ELSE '' END, nextval('sync_change_seq'), pg_current_xact_id()
FROM generate_series(:first, :last) AS n
"""
_CONTACTS = """
INSERT INTO contact (id, patient_id, name, relation, kind, number_raw, number_e164,
                     number_national, priority, change_seq, change_xid)
SELECT n, n, '患者' || n, 'self', 'mobile', '139' || lpad(n::text, 8, '0'),
       '+86139' || lpad(n::text, 8, '0'), '139' || lpad(n::text, 8, '0'), 0,
       nextval('sync_change_seq'), pg_current_xact_id()
FROM generate_series(:first, :last) AS n
"""
_EPISODES = """
INSERT INTO episode (id, patient_id, department_id, ward, admitted_on, discharged_on,
                     revisit_on, diagnosis_code, diagnosis_name, discharge_disposition,
                     change_seq, change_xid)
SELECT n, n, 2, (n % 12)::text, DATE '2026-10-01' + (n % 30), DATE '2026-10-10' + (n % 30),
       CASE WHEN n % 3 = 0 THEN DATE '2026-12-01' END, 'I21', '急性心肌梗死', 'home',
       nextval('sync_change_seq'), pg_current_xact_id()
FROM generate_series(:first, :last) AS n
"""
_TASKS = """
INSERT INTO followup_task (id, patient_id, episode_id, plan_id, department_id, offset_days,
                           due_at, level, assigned_staff_id, status, attempt_count, change_seq,
                           change_xid)
SELECT n, n, n, 1, 2, 3, TIMESTAMPTZ '2026-11-01 00:00:00+00' + (n % 86400) * interval '37 s',
       1, CASE WHEN n % 2 = 1 THEN 1 END, 'pending', 0,
       nextval('sync_change_seq'), pg_current_xact_id()
FROM generate_series(:first, :last) AS n
"""


def seed_hospital_rows(engine: Engine, tasks: int, batch: int = 250_000) -> None:
    """The small hospital's staff and plans, then ``tasks`` tasks with their patient, contact
    and episode (statistics tallies paused and rebuilt once, as any bulk load does)."""
    seed_small_hospital(engine, patients=0)
    with paused_tallies(engine, ("episode", "followup_task")):
        for start in range(FIRST_ID, FIRST_ID + tasks, batch):
            bounds = {"first": start, "last": min(start + batch, FIRST_ID + tasks) - 1}
            with engine.begin() as connection:
                # Triggers off for the load (a superuser's session): the change stamp is
                # written by the statements themselves, as the stamping trigger would.
                connection.exec_driver_sql("SET LOCAL session_replication_role = replica")
                for statement in (_PATIENTS, _CONTACTS, _EPISODES, _TASKS):
                    connection.execute(text(statement), bounds)
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.exec_driver_sql("VACUUM ANALYZE")
