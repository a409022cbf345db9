"""Every table and function of the central schema, read from the catalog, against what each desk
role may do with it. A table or function added without being declared here fails the suite, so
nothing reaches a hospital without someone deciding who may touch it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from tests.security.test_hostile_logins import HOSTILE_CALLS

Connect = Callable[..., Engine]
LOGINS = {"agent": "nurse1", "supervisor": "nurse4", "quality": "nurse5", "admin": "nurse6",
          "doctor": "doctor11"}  # fmt: skip
ALL = frozenset(LOGINS)
DESKS = frozenset({"agent", "supervisor", "quality"})
NONE: frozenset[str] = frozenset()
CHECKERS = frozenset({"supervisor", "quality"})
R, A, U, D = "SELECT", "INSERT", "UPDATE", "DELETE"

# table -> (row-level security on?, {privilege: roles that hold it on some column})
# Patient data (and anything pointing at it) must be under row-level security.
TABLES: dict[str, tuple[bool, dict[str, frozenset[str]]]] = {
    "alembic_version": (False, {}),
    "applied_change": (True, {R: ALL, A: ALL, U: ALL}),
    "audit_log": (True, {A: ALL, R: frozenset({"quality", "admin"})}),
    "blacklist": (False, {R: ALL, A: {"admin"}, U: {"admin"}, D: {"admin"}}),
    "call_attempt": (True, {R: ALL, A: ALL, U: ALL}),
    "call_script": (False, {R: ALL, A: {"admin"}, U: {"admin"}, D: {"admin"}}),
    # 0018: the hospital's calendar exceptions, a reference table without patient data
    "calling_exception": (False, {R: ALL, A: {"admin"}, U: {"admin"}, D: {"admin"}}),
    "complaint": (True, {R: ALL, A: ALL, U: ALL}),
    "contact": (True, {R: ALL}),
    "department": (False, {R: ALL, A: {"admin"}, U: {"admin"}, D: {"admin"}}),
    "desk_server_setting": (False, {R: ALL}),
    "desk_version_gate": (False, {}),  # 0016: read through desk_sync_gate() only
    "episode": (True, {R: ALL}),
    "followup_plan": (False, {R: ALL, A: {"admin"}, U: {"admin"}, D: {"admin"}}),
    "followup_result": (True, {R: ALL, A: ALL}),
    "followup_task": (True, {R: ALL, A: CHECKERS, U: ALL}),
    "his_episode_link": (False, {}),
    "his_import_run": (False, {}),
    "his_rejected_row": (False, {}),
    "his_watermark": (False, {}),
    # 0017: approved articles for every desk, drafts and writes by department (hostile tests
    # in test_knowledge_hostile.py)
    "knowledge_article": (True, {R: ALL, A: {"supervisor", "admin"}, U: {"supervisor", "admin"}}),
    "patient": (True, {R: ALL}),
    "qa_review": (True, {R: ALL, A: ALL}),
    "questionnaire_template": (False, {R: ALL, A: {"admin"}, U: {"admin"}, D: {"admin"}}),
    "recording": (True, {R: ALL, A: ALL}),
    "recording_chunk": (True, {R: ALL}),
    # 0023: acknowledged only through red_flag_acknowledge(), never updated directly
    "red_flag_alert": (True, {R: ALL, A: ALL}),
    "sampling_run": (True, {R: CHECKERS, A: CHECKERS}),
    # 0022: desks move a message's sending state forward (hostile tests in
    # test_sms_on_every_desk_hostile.py)
    "sms_message": (True, {R: ALL, A: ALL, U: ALL}),
    # 0020: approved templates for every desk, drafts and writes by department (hostile tests
    # in test_sms_template_hostile.py)
    "sms_template": (True, {R: ALL, A: {"supervisor", "admin"}, U: {"supervisor", "admin"}}),
    "staff": (True, {R: ALL, A: {"admin"}, U: {"admin"}, D: {"admin"}}),
    "sync_insert_only": (False, {R: ALL}),
    "task_lease": (False, {}),
    # 0024: the transfer directory, the whole hospital's reference table without patient data
    # (hostile tests in test_transfer_target_hostile.py)
    "transfer_target": (False, {R: ALL, A: {"admin"}, U: {"admin"}, D: {"admin"}}),
    **{
        name: (False, {R: {"quality"}})
        for name in (
            "stats_answer_tally", "stats_call_span", "stats_call_tally", "stats_episode_fact",
            "stats_revisit_tally", "stats_satisfaction_tally", "stats_survival_tally",
            "stats_tally_state", "stats_task_fact", "stats_task_next", "stats_task_tally",
            "stats_writer_tally",
            # 0014: each summing tally's pending deltas, as readable as the tally
            "stats_answer_tally_delta", "stats_call_span_delta", "stats_call_tally_delta",
            "stats_revisit_tally_delta", "stats_satisfaction_tally_delta",
            "stats_survival_tally_delta", "stats_task_tally_delta", "stats_writer_tally_delta",
        )
    },
}  # fmt: skip

_STATS_TRIGGERS = (
    "stats_call_del()", "stats_call_ins()", "stats_call_respan()", "stats_call_upd()",
    "stats_episode_del()", "stats_episode_ins()", "stats_episode_upd()", "stats_result_del()",
    "stats_result_ins()", "stats_result_upd()", "stats_task_del()", "stats_task_ins()",
    "stats_task_move()", "stats_task_state()", "stats_task_upd()",
)  # fmt: skip
# function -> roles that may call it (trigger functions: nobody; triggers fire regardless)
FUNCTIONS: dict[str, frozenset[str]] = {
    "desk_audit_stamp()": NONE,
    "desk_is_staff_login()": ALL,
    "desk_lease_seconds(integer)": NONE,
    "desk_patient_in_reach(bigint)": NONE,
    "desk_spot_check_parent(bigint,bigint,bigint,bigint,integer)": CHECKERS,
    "desk_spot_check_plan()": CHECKERS,
    "desk_staff()": ALL,
    "desk_sync_gate()": ALL,
    "desk_staff_department()": ALL,
    "desk_staff_id()": ALL,
    "kb_grams(text)": ALL,  # pure: a text's characters and pairs, for article search
    "desk_kb_search(text[],text,boolean,integer)": ALL,  # approved articles only
    "desk_task_card(bigint,jsonb)": DESKS,
    "desk_task_in_reach(bigint,bigint,bigint)": ALL,
    "desk_touch_inserted()": NONE,
    "desk_touch_moved()": NONE,
    "lease_caller()": NONE,
    "lease_claim(bigint,integer)": DESKS,
    "lease_claim_card(bigint,integer,jsonb)": DESKS,
    "lease_claim_next(integer,timestamp with time zone)": DESKS,
    "lease_claim_next_card(integer,timestamp with time zone,jsonb)": DESKS,
    "lease_heartbeat(integer)": DESKS,
    "lease_release(bigint)": DESKS,
    "recording_finish(uuid)": ALL,
    # 0023: the alert's doctor, a doctor or the supervisor of its department; once
    "red_flag_acknowledge(uuid,text,text)": frozenset({"doctor", "supervisor"}),
    "red_flag_alert_clock()": NONE,
    "red_flag_escalate(boolean)": ALL,  # every desk's sync cycle; the server decides, once
    "recording_for_upload(uuid,boolean)": NONE,
    "recording_put_chunk(uuid,bigint,bytea)": ALL,
    "recording_upload_offset(uuid)": ALL,
    "sync_add_contact(jsonb)": ALL,
    "sync_apply(jsonb)": ALL,
    "sync_push(jsonb)": ALL,
    "sync_result_flag(bigint,bigint)": ALL,
    "sync_stamp_change()": NONE,
    # 0022: only logins granted desk_sms_station (none of the four here) claim queued texts;
    # refused for each of them in test_sms_on_every_desk_hostile.py
    "sms_claim_queued(integer)": NONE,
    "sms_message_forward_only()": NONE,
    "sync_notify_change()": NONE,
    "sync_task_state(bigint,boolean)": ALL,
    "stats_fold_deltas()": ALL,  # every desk's sync cycle folds after a push
    **{name: NONE for name in _STATS_TRIGGERS},
}


def _logins(server: Engine, as_staff: Connect) -> None:
    for username in LOGINS.values():
        as_staff(username)  # creates the login in its group


def _catalog_tables(server: Engine) -> dict[str, bool]:
    with server.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT c.relname, c.relrowsecurity FROM pg_class c "
                "JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm')"
            )
        )
        return {name: rls for name, rls in rows}


def test_every_table_is_declared_and_patient_data_is_under_row_security(server: Engine) -> None:
    found = _catalog_tables(server)
    assert set(found) == set(TABLES), "a table was added or removed: declare who may touch it"
    wrong = {name for name, rls in found.items() if rls != TABLES[name][0]}
    assert wrong == set()


@pytest.mark.parametrize("role", sorted(LOGINS))
def test_each_role_holds_exactly_the_declared_table_privileges(
    server: Engine, as_staff: Connect, role: str
) -> None:
    _logins(server, as_staff)
    login = LOGINS[role]
    with server.connect() as connection:
        held = {
            (table, privilege)
            for table in TABLES
            for privilege in (R, A, U, D)
            if connection.execute(
                text(
                    "SELECT has_table_privilege(:u, :t, :p)"
                    if privilege == D
                    else "SELECT has_any_column_privilege(:u, :t, :p)"
                ),
                {"u": login, "t": f"public.{table}", "p": privilege},
            ).scalar_one()
        }
    declared = {
        (table, privilege)
        for table, (_, grants) in TABLES.items()
        for privilege, roles in grants.items()
        if role in roles
    }
    assert held == declared


@pytest.mark.parametrize("role", sorted(LOGINS))
def test_no_desk_login_can_read_or_write_staff_password_hashes(
    server: Engine, as_staff: Connect, role: str
) -> None:
    _logins(server, as_staff)
    with server.connect() as connection:
        for privilege in (R, A, U):
            assert not connection.execute(
                text("SELECT has_column_privilege(:u, 'staff', 'password_hash', :p)"),
                {"u": LOGINS[role], "p": privilege},
            ).scalar_one(), privilege
    hostile = as_staff(LOGINS[role])
    with pytest.raises(DBAPIError, match="permission denied"), hostile.connect() as connection:
        connection.execute(text("SELECT password_hash FROM staff"))


def _catalog_functions(server: Engine) -> list[tuple[str, bool, list[str] | None]]:
    with server.connect() as connection:
        return [
            (str(signature).replace(", ", ","), bool(definer), config)
            for signature, definer, config in connection.execute(
                text(
                    "SELECT p.oid::regprocedure::text, p.prosecdef, p.proconfig FROM pg_proc p "
                    "JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'"
                )
            )
        ]


def test_every_function_is_declared_and_public_may_call_none(server: Engine) -> None:
    found = _catalog_functions(server)
    assert {name for name, _, _ in found} == set(FUNCTIONS), (
        "a function was added or removed: declare who may call it"
    )
    with server.connect() as connection:
        public = connection.execute(
            text(
                "SELECT p.oid::regprocedure::text FROM pg_proc p "
                "JOIN pg_namespace n ON n.oid = p.pronamespace, aclexplode(COALESCE(p.proacl, "
                "acldefault('f', p.proowner))) a WHERE n.nspname = 'public' AND a.grantee = 0"
            )
        ).scalars()
        assert list(public) == []


def test_every_security_definer_function_pins_its_search_path(server: Engine) -> None:
    loose = [
        name
        for name, definer, config in _catalog_functions(server)
        if definer and not any(c.startswith("search_path=") for c in config or [])
    ]
    assert loose == []


@pytest.mark.parametrize("role", sorted(LOGINS))
def test_each_role_may_call_exactly_the_declared_functions(
    server: Engine, as_staff: Connect, role: str
) -> None:
    _logins(server, as_staff)
    with server.connect() as connection:
        callable_ = {
            name
            for name in FUNCTIONS
            if connection.execute(
                text("SELECT has_function_privilege(:u, CAST(:f AS regprocedure), 'EXECUTE')"),
                {"u": LOGINS[role], "f": name},
            ).scalar_one()
        }
    assert callable_ == {name for name, roles in FUNCTIONS.items() if role in roles}


def test_a_function_created_later_is_not_callable_by_everyone(server: Engine) -> None:
    with server.begin() as connection:
        connection.execute(
            text("CREATE FUNCTION desk_later() RETURNS int LANGUAGE sql AS 'SELECT 1'")
        )
        granted = connection.execute(
            text("SELECT has_function_privilege('public', 'desk_later()', 'EXECUTE')")
        ).scalar_one()
    assert granted is False


def test_every_security_definer_function_a_desk_may_call_has_a_hostile_test(
    server: Engine,
) -> None:
    callable_definers = {
        name for name, definer, _ in _catalog_functions(server) if definer and FUNCTIONS[name]
    }
    assert callable_definers - set(HOSTILE_CALLS) == set()
