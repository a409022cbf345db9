"""A backup restored into a fresh server is the same hospital: rows, row-level security,
grants, the version gate and every staff login with its password.

The server is made as IT makes it (init, import-staff, add-staff), patients arrive as the
discharge import writes them (SQL as the owner), and a nurse's desk pushes a finished
follow-up through the sync; then ``backup`` on that server and ``restore`` on a second one.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, select, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from agent_app.domain.enums import PhoneKind, Relation, Sex
from agent_app.store.engine import create_server_engine, open_local_store
from agent_app.store.schema import (
    CallScript,
    Contact,
    Department,
    Episode,
    FollowupPlan,
    FollowupTask,
    Patient,
    QuestionnaireTemplate,
)
from agent_app.sync.pull import pull_changes
from agent_app.sync.push import push_pending
from tests.pg_server import PASSWORD_CHECKED, PgServer, running_server
from tests.server.conftest import init_database, run_tool
from tests.sync.desk_actions import open_tasks, save_call_result
from tests.sync.small_hospital import SCRIPT, TEMPLATE

NURSE, NURSE_PASSWORD = "liping", "liping-desk-password"
STAFF_CSV = """username,full_name,role,department_code,department_name
wangli,王丽,agent,CARD,心内科
zhaoqiang,赵强,supervisor,SURG,外科
"""
# Tables whose rows a restore must bring back exactly (everything but the statistics
# tallies' bookkeeping, which is compared through its own tables too).
COUNT_SQL = (
    "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY 1"
)


def _discharges(engine: Engine) -> None:
    """Six patients, three per department, each with a phone, an episode and a due task."""
    due = dt.datetime(2026, 11, 20, 1, 0, tzinfo=dt.UTC)
    with Session(engine) as session, session.begin():
        departments = dict(session.execute(select(Department.code, Department.id)).all())
        template = QuestionnaireTemplate(code="general", version=1, title="通用", body=TEMPLATE)
        script = CallScript(code="general", title="通用", body=SCRIPT)
        session.add_all([template, script])
        session.flush()
        plan = FollowupPlan(
            name="出院随访", template_id=template.id, script_id=script.id, offsets_days=[3]
        )
        session.add(plan)
        session.flush()
        for n in range(6):
            department = departments["CARD" if n % 2 else "SURG"]
            patient = Patient(mrn=f"R{n:04d}", name=f"患者{n}", sex=Sex.MALE,
                              birth_date=dt.date(1950, 1, 1))  # fmt: skip
            session.add(patient)
            session.flush()
            session.add(
                Contact(patient_id=patient.id, name=patient.name, relation=Relation.SELF,
                        kind=PhoneKind.MOBILE, number_raw=f"1390000{n:04d}",
                        number_e164=f"+861390000{n:04d}", number_national=f"1390000{n:04d}")
            )  # fmt: skip
            episode = Episode(patient_id=patient.id, department_id=department, ward="1",
                              diagnosis_code="I21", diagnosis_name="心肌梗死",
                              admitted_on=dt.date(2026, 11, 1),
                              discharged_on=dt.date(2026, 11, 10))  # fmt: skip
            session.add(episode)
            session.flush()
            session.add(
                FollowupTask(patient_id=patient.id, episode_id=episode.id, plan_id=plan.id,
                             department_id=department, offset_days=3,
                             due_at=due + dt.timedelta(hours=n))
            )  # fmt: skip


def _one_more_task(server: PgServer) -> int:
    """A new follow-up in the nurse's department, written on ``server`` by the owner."""
    engine = create_engine(server.url("followup"))
    with engine.begin() as c:
        task = c.execute(text(
            "INSERT INTO followup_task (patient_id, episode_id, plan_id, department_id, "
            "offset_days, due_at, level, status, attempt_count, change_seq) "
            "SELECT t.patient_id, t.episode_id, t.plan_id, t.department_id, 30, t.due_at, "
            "t.level, 'pending', 0, 0 FROM followup_task t JOIN department d "
            "ON d.id = t.department_id WHERE d.code = 'SURG' LIMIT 1 RETURNING id"
        )).scalar()  # fmt: skip
    engine.dispose()
    return int(task)


def _as_login(server: PgServer, user: str, password: str | None = None) -> Engine:
    secret = f":{password}" if password else ""
    return create_server_engine(
        f"postgresql+psycopg://{user}{secret}@{server.host}:{server.port}/followup"
    )


def _catalog(server: PgServer) -> dict[str, object]:
    engine = create_engine(server.url("followup"))
    with engine.connect() as c:
        tables = list(c.execute(text(COUNT_SQL)).scalars())
        found = {
            "rows": {t: c.execute(text(f'SELECT count(*) FROM "{t}"')).scalar() for t in tables},
            "policies": c.execute(text(
                "SELECT tablename, policyname, roles::text, cmd, qual, with_check "
                "FROM pg_policies ORDER BY 1, 2")).all(),
            "secured": c.execute(text(
                "SELECT relname FROM pg_class WHERE relrowsecurity ORDER BY 1")).all(),
            "function_grants": c.execute(text(
                "SELECT p.oid::regprocedure::text, p.proacl::text FROM pg_proc p "
                "JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' "
                "ORDER BY 1")).all(),
            "table_grants": c.execute(text(
                "SELECT table_name, grantee, privilege_type "
                "FROM information_schema.table_privileges WHERE table_schema = 'public' "
                "AND grantee LIKE 'desk\\_%' ORDER BY 1, 2, 3")).all(),
            "logins": c.execute(text(
                "SELECT rolname, rolpassword, rolconnlimit FROM pg_authid WHERE rolcanlogin "
                "AND NOT rolsuper ORDER BY 1")).all(),
            "memberships": c.execute(text(
                "SELECT u.rolname, g.rolname FROM pg_auth_members m JOIN pg_roles g ON "
                "g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member WHERE g.rolname "
                "LIKE 'desk\\_%' ORDER BY 1, 2")).all(),
            "gate": c.execute(text("SELECT min_version FROM desk_version_gate")).scalar(),
        }  # fmt: skip
    engine.dispose()
    return found


def _check_passwords(server: PgServer) -> None:
    """The harness checks passwords only for members of its own group (the rest: trust)."""
    engine = create_engine(server.url(), isolation_level="AUTOCOMMIT")
    with engine.connect() as c:
        if not c.execute(
            text(f"SELECT 1 FROM pg_roles WHERE rolname = '{PASSWORD_CHECKED}'")
        ).first():
            c.execute(text(f"CREATE ROLE {PASSWORD_CHECKED}"))
        c.execute(text(f"GRANT {PASSWORD_CHECKED} TO {NURSE}"))
    engine.dispose()


def _signs_in(server: PgServer, password: str) -> bool:
    engine = _as_login(server, NURSE, password)
    try:
        with engine.connect() as c:
            return c.execute(text("SELECT session_user")).scalar() == NURSE
    except OperationalError:
        return False
    finally:
        engine.dispose()


def _visible_departments(server: PgServer) -> list[str]:
    engine = _as_login(server, NURSE, NURSE_PASSWORD)
    with engine.connect() as c:
        found = c.execute(text(
            "SELECT DISTINCT d.code FROM followup_task t JOIN department d "
            "ON d.id = t.department_id ORDER BY 1")).scalars().all()  # fmt: skip
    engine.dispose()
    return list(found)


def test_a_backup_restored_on_a_fresh_server_is_the_same_hospital_with_working_logins(
    fresh_pg: PgServer, tmp_path: Path,
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    def tool(server: PgServer, *args: str, stdin: str = "") -> str:
        done = run_tool(server, "followup", *args, stdin=stdin, capsys=capsys,
                        monkeypatch=monkeypatch)  # fmt: skip
        assert done.code == 0, done.err
        return done.out

    init_database(fresh_pg, "followup", "itadmin", "it-admin-password")
    (tmp_path / "staff.csv").write_text(STAFF_CSV, "utf-8")
    tool(fresh_pg, "import-staff", str(tmp_path / "staff.csv"),
         "--passwords-out", str(tmp_path / "sheet.csv"))  # fmt: skip
    tool(fresh_pg, "add-staff", NURSE, "--name", "李萍", "--role", "agent", "--department",
         "SURG", "--password-stdin", stdin=NURSE_PASSWORD + "\n")  # fmt: skip
    owner = create_engine(fresh_pg.url("followup"))
    _discharges(owner)
    # The nurse's desk: first sync, a finished follow-up, pushed as her own login.
    local = open_local_store(tmp_path / "desk.sqlite3")
    nurse = _as_login(fresh_pg, NURSE, NURSE_PASSWORD)
    pull_changes(local, nurse)
    task_id, _ = open_tasks(local)[0]
    with owner.connect() as c:
        nurse_id = c.execute(
            text("SELECT id FROM staff WHERE username = :u"), {"u": NURSE}
        ).scalar()
    save_call_result(local, task_id, int(nurse_id))
    assert push_pending(local, nurse).applied == 3
    nurse.dispose()
    owner.dispose()
    _check_passwords(fresh_pg)
    assert _signs_in(fresh_pg, NURSE_PASSWORD)
    before = _catalog(fresh_pg)
    assert before["rows"]["followup_result"] == 1  # type: ignore[index]

    out = tool(fresh_pg, "backup", str(tmp_path / "backup"))
    assert "password verifiers" in out
    for name in ("database.dump", "roles.sql", "backup.json"):
        assert (tmp_path / "backup" / name).stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "backup").stat().st_mode & 0o777 == 0o700
    roles = (tmp_path / "backup" / "roles.sql").read_text("utf-8")
    assert "CREATE ROLE postgres" not in roles and "ALTER ROLE postgres" not in roles

    with running_server() as other:
        restored = tool(other, "restore", str(tmp_path / "backup"))
        assert "Advancing the transaction counter" in restored
        after = _catalog(other)
        assert after == before
        _check_passwords(other)
        assert _signs_in(other, NURSE_PASSWORD)
        assert not _signs_in(other, "not-her-password")
        assert _visible_departments(other) == ["SURG"]
        # The restored server takes the desk's next follow-up through the sync.
        local_b = open_local_store(tmp_path / "desk-b.sqlite3")
        nurse_b = _as_login(other, NURSE, NURSE_PASSWORD)
        pull_changes(local_b, nurse_b)
        next_task, _ = open_tasks(local_b)[0]
        save_call_result(local_b, next_task, int(nurse_id))
        assert push_pending(local_b, nurse_b).applied == 3
        # The desk that synced with the old server sees what is new on this one.
        new_task = _one_more_task(other)
        pull_changes(local, nurse_b)
        assert new_task in {task for task, _ in open_tasks(local)}
        nurse_b.dispose()
        local_b.dispose()
        again = run_tool(other, "followup", "restore", str(tmp_path / "backup"),
                         capsys=capsys, monkeypatch=monkeypatch)  # fmt: skip
        assert again.code == 1 and "exists already" in again.err
    local.dispose()
