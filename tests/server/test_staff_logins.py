"""add-staff and import-staff: staff rows and their logins together; a CSV file with a bad
line changes nothing and says which lines and why; initial passwords go to a 0600 sheet."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import OperationalError

from tests.pg_server import PASSWORD_CHECKED, PgServer
from tests.server.conftest import init_database, run_tool

GOOD = """username,full_name,role,department_code,department_name,extension
wangli,王丽,agent,CARD,心内科,8001
zhaoqiang,赵强,supervisor,CARD,,8002
sunmei,孙梅,quality,FUC,,
"""
BAD = """username,full_name,role,department_code,department_name
postgres,超级,agent,CARD,心内科
liuyang,刘洋,boss,CARD,
,无名,agent,CARD,
chenjing,陈静,agent,NOPE,
chenjing,陈静,agent,CARD,
desk_admin,组,admin,FUC,
zhoujie,周杰,agent,CARD,
"""


@pytest.fixture(scope="module")
def hospital(fresh_pg: PgServer) -> Iterator[str]:
    """A database made by init, with the test login group that has its passwords checked."""
    init_database(fresh_pg, "staffdb", "staffadmin", "it-admin-password")
    engine = create_engine(fresh_pg.url(), isolation_level="AUTOCOMMIT")
    with engine.connect() as c:
        if not c.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :g"),
                         {"g": PASSWORD_CHECKED}).first():  # fmt: skip
            c.execute(text(f"CREATE ROLE {PASSWORD_CHECKED}"))
    engine.dispose()
    yield "staffdb"


def _owner(server: PgServer, database: str) -> Engine:
    return create_engine(server.url(database))


def _snapshot(server: PgServer, database: str) -> tuple[object, ...]:
    engine = _owner(server, database)
    with engine.connect() as c:
        staff = c.execute(text("SELECT username, role, department_id FROM staff ORDER BY id"))
        departments = c.execute(text("SELECT code, name FROM department ORDER BY id"))
        roles = c.execute(text("SELECT rolname, rolpassword FROM pg_authid ORDER BY rolname"))
        state = (staff.all(), departments.all(), roles.all())
    engine.dispose()
    return state


def _signs_in(server: PgServer, database: str, user: str, password: str) -> bool:
    engine = _owner(server, database)
    with engine.connect() as c:
        c.execute(text(f"GRANT {PASSWORD_CHECKED} TO {user}"))
        c.commit()
    engine.dispose()
    login = create_engine(
        server.url(database).replace(f"{server.superuser}@", f"{user}:{password}@")
    )
    try:
        with login.connect() as c:
            return c.execute(text("SELECT session_user")).scalar() == user
    except OperationalError:
        return False
    finally:
        login.dispose()


def test_a_file_with_bad_lines_says_each_and_makes_nothing(
    fresh_pg: PgServer, hospital: str, tmp_path: Path,
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    (tmp_path / "staff.csv").write_text(BAD, "utf-8")
    before = _snapshot(fresh_pg, hospital)
    done = run_tool(
        fresh_pg,
        hospital,
        "import-staff",
        str(tmp_path / "staff.csv"),
        "--passwords-out",
        str(tmp_path / "sheet.csv"),
        capsys=capsys,
        monkeypatch=monkeypatch,
    )
    assert done.code == 1
    lines = [line.strip() for line in done.err.splitlines() if line.strip().startswith("line ")]
    assert [line.split(":")[0] for line in lines] == [
        "line 2", "line 3", "line 4", "line 5", "line 6", "line 7"
    ]  # fmt: skip
    assert "administrative role" in lines[0]
    assert "'boss' is not one of agent, supervisor, quality, admin" in lines[1]
    assert "username is empty" in lines[2]
    assert "department NOPE does not exist" in lines[3]
    assert "already on line 5" in lines[4]
    assert "group role" in lines[5]
    assert "nothing was imported" in done.err
    assert _snapshot(fresh_pg, hospital) == before  # zhoujie (line 8, fine) was not made either
    assert not (tmp_path / "sheet.csv").exists()


def test_a_good_file_makes_every_login_and_a_private_password_sheet(
    fresh_pg: PgServer, hospital: str, tmp_path: Path,
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    (tmp_path / "staff.csv").write_text("\ufeff" + GOOD, "utf-8")  # as Excel saves it
    sheet = tmp_path / "sheet.csv"
    done = run_tool(
        fresh_pg,
        hospital,
        "import-staff",
        str(tmp_path / "staff.csv"),
        "--passwords-out",
        str(sheet),
        capsys=capsys,
        monkeypatch=monkeypatch,
    )
    assert done.code == 0, done.err
    assert sheet.stat().st_mode & 0o777 == 0o600
    with sheet.open(encoding="utf-8") as fh:
        rows = {row["username"]: row for row in csv.DictReader(fh)}
    assert set(rows) == {"wangli", "zhaoqiang", "sunmei"}
    engine = _owner(fresh_pg, hospital)
    with engine.connect() as c:
        groups = dict(
            c.execute(
                text(
                    "SELECT u.rolname, g.rolname FROM pg_auth_members m JOIN pg_roles g "
                    "ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member "
                    "WHERE u.rolname IN ('wangli', 'zhaoqiang', 'sunmei')"
                )
            ).all()
        )
        assert (
            c.execute(text("SELECT name FROM department WHERE code = 'CARD'")).scalar() == "心内科"
        )
    engine.dispose()
    assert groups == {"wangli": "desk_agent", "zhaoqiang": "desk_supervisor",
                      "sunmei": "desk_quality"}  # fmt: skip
    password = rows["wangli"]["initial_password"]
    assert len(password) == 19 and password not in done.out + done.err
    assert _signs_in(fresh_pg, hospital, "wangli", password)
    assert not _signs_in(fresh_pg, hospital, "wangli", password + "x")

    # The same file again: nobody's password changes, no sheet is needed.
    before = _snapshot(fresh_pg, hospital)
    again = run_tool(
        fresh_pg,
        hospital,
        "import-staff",
        str(tmp_path / "staff.csv"),
        "--passwords-out",
        str(tmp_path / "sheet2.csv"),
        capsys=capsys,
        monkeypatch=monkeypatch,
    )
    assert again.code == 0 and "3 had a login already" in again.out
    assert _snapshot(fresh_pg, hospital) == before
    assert not (tmp_path / "sheet2.csv").exists()


def test_add_staff_sets_a_password_from_stdin_and_moves_the_login_with_its_role(
    fresh_pg: PgServer, hospital: str,
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    done = run_tool(
        fresh_pg,
        hospital,
        "add-staff",
        "lina",
        "--name",
        "李娜",
        "--role",
        "agent",
        "--department",
        "SURG",
        "--department-name",
        "外科",
        "--password-stdin",
        stdin="lina-first-password\n",
        capsys=capsys,
        monkeypatch=monkeypatch,
    )
    assert done.code == 0, done.err
    assert _signs_in(fresh_pg, hospital, "lina", "lina-first-password")
    monkeypatch.setenv("NEW_STAFF_PASSWORD", "lina-second-password")
    moved = run_tool(
        fresh_pg,
        hospital,
        "add-staff",
        "lina",
        "--role",
        "supervisor",
        "--password-env",
        "NEW_STAFF_PASSWORD",
        capsys=capsys,
        monkeypatch=monkeypatch,
    )
    assert moved.code == 0 and "as supervisor" in moved.out
    assert _signs_in(fresh_pg, hospital, "lina", "lina-second-password")
    assert not _signs_in(fresh_pg, hospital, "lina", "lina-first-password")


def test_add_staff_never_takes_over_the_superuser(
    fresh_pg: PgServer, hospital: str,
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    before = _snapshot(fresh_pg, hospital)
    done = run_tool(
        fresh_pg,
        hospital,
        "add-staff",
        "postgres",
        "--name",
        "x",
        "--role",
        "agent",
        "--department",
        "FUC",
        "--password-stdin",
        stdin="take-over-password\n",
        capsys=capsys,
        monkeypatch=monkeypatch,
    )
    assert done.code == 1 and "administrative role" in done.err
    assert _snapshot(fresh_pg, hospital) == before


def test_the_sms_station_right_is_granted_listed_and_taken_back_by_username(
    fresh_pg: PgServer, hospital: str,
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    made = run_tool(fresh_pg, hospital, "add-staff", "zhanghua", "--name", "张华", "--role",
                    "agent", "--department", "FUC", "--password-stdin",
                    stdin="zhanghua-first-password\n", capsys=capsys,
                    monkeypatch=monkeypatch)  # fmt: skip
    assert made.code == 0, made.err

    def tool(*args: str) -> tuple[int, str, str]:
        done = run_tool(fresh_pg, hospital, "sms-station", *args, capsys=capsys,
                        monkeypatch=monkeypatch)  # fmt: skip
        return done.code, done.out, done.err

    def may_claim() -> bool:
        engine = _owner(fresh_pg, hospital)
        with engine.connect() as c:
            allowed = c.execute(
                text("SELECT has_function_privilege('zhanghua', "
                     "'sms_claim_queued(integer)', 'EXECUTE')")
            ).scalar_one()  # fmt: skip
        engine.dispose()
        return bool(allowed)

    assert not may_claim()
    assert tool("grant", "zhanghua")[0] == 0
    assert may_claim()
    assert tool("list")[1].strip() == "SMS station logins: zhanghua"
    assert tool("revoke", "zhanghua")[0] == 0
    assert not may_claim()
    code, _, err = tool("grant", "postgres")  # not a staff member: refused, nothing granted
    assert code == 1 and "not an active staff member" in err
    assert tool("grant")[0] == 1
    assert tool("list")[1].strip() == "SMS station logins: none"
