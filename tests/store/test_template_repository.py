"""The admin's templates and scripts: new versions, exact refusals, nothing written on refusal."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, delete, func, select
from sqlalchemy.orm import Session

from agent_app.domain.call_script import ScriptError
from agent_app.domain.enums import Role
from agent_app.domain.questionnaire import TemplateError, parse_template
from agent_app.store.repositories.call_scripts import (
    list_scripts,
    load_script,
    save_script,
    script_history,
)
from agent_app.store.repositories.templates import (
    EditNotAllowedError,
    VersionNumberError,
    check_new_version,
    import_template_file,
    list_templates,
    load_template,
    read_template_text,
    save_template_version,
)
from agent_app.store.schema import (
    AuditLog,
    CallScript,
    Department,
    FollowupPlan,
    QuestionnaireTemplate,
    Staff,
)
from tests.conftest import _drop_database, _migrated_engine

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
ADMIN, AGENT = 1, 2


def _resource(code: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((RESOURCES / "questionnaires" / f"{code}.json").read_text())
    return data


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def migrated(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Engine]:
    """One migrated store per engine for the module (like ``store_engine``, made once, since
    migrating a PostgreSQL database per test would be most of this module's time)."""
    server = request.getfixturevalue("pg_server") if request.param == "postgresql" else None
    engine, name = _migrated_engine(request.param, tmp_path_factory.mktemp("templates"), server)
    yield engine
    engine.dispose()
    if server is not None:
        _drop_database(server, name)


_TABLES = (AuditLog, FollowupPlan, CallScript, QuestionnaireTemplate, Staff, Department)


@pytest.fixture
def store(migrated: Engine) -> Engine:
    """A store with an admin, an agent, the cardiology template v1, its script and a plan."""
    store_engine = migrated
    with Session(store_engine) as session, session.begin():
        for table in _TABLES:  # children first
            session.execute(delete(table))
    body = _resource("cardiology")
    with Session(store_engine) as session, session.begin():
        session.add(Department(id=1, code="CARD", name="心血管内科"))
        session.flush()
        for sid, role in ((ADMIN, Role.ADMIN), (AGENT, Role.AGENT)):
            session.add(
                Staff(
                    id=sid,
                    username=f"u{sid}",
                    full_name=f"员工{sid}",
                    role=role,
                    department_id=1,
                )
            )
        session.add(
            QuestionnaireTemplate(
                id=1, code="cardiology", version=1, title="心血管内科出院随访问卷", body=body
            )
        )
        session.add(
            CallScript(
                id=1,
                code="cardiology",
                title="心内科话术",
                body=(RESOURCES / "scripts" / "cardiology.txt").read_text("utf-8"),
            )
        )
        session.flush()
        session.add(
            FollowupPlan(
                id=1,
                name="心内科出院随访",
                department_id=1,
                template_id=1,
                script_id=1,
                offsets_days=[3, 30],
            )
        )
    if store_engine.dialect.name == "postgresql":
        # Rows above carry explicit ids; move the sequences on as the demo seeding does.
        from agent_app.store.bulk import reset_id_sequences

        with store_engine.begin() as connection:
            reset_id_sequences(connection, ["questionnaire_template", "call_script"])
    return store_engine


def _rows(engine: Engine) -> tuple[int, int]:
    with Session(engine) as session:
        return (
            session.scalar(select(func.count()).select_from(QuestionnaireTemplate)) or 0,
            session.scalar(select(func.count()).select_from(AuditLog)) or 0,
        )


def _next_cardiology(**changes: Any) -> dict[str, Any]:
    body = copy.deepcopy(_resource("cardiology"))
    body["version"] = 2
    body.update(changes)
    return body


def test_valid_new_version_is_stored_beside_the_old_one(store: Engine) -> None:
    body = _next_cardiology(title={"zh_CN": "心内科随访问卷(第二版)", "en": "Cardiology v2"})
    saved = save_template_version(store, json.dumps(body, ensure_ascii=False), staff_id=ADMIN)
    assert (saved.code, saved.version) == ("cardiology", 2)
    assert saved.diff is not None and saved.diff.compatible
    assert load_template(store, "cardiology", 1).title == "心血管内科出院随访问卷"
    assert load_template(store, "cardiology").title == "心内科随访问卷(第二版)"
    [summary] = list_templates(store)
    assert (summary.version, summary.versions, summary.plans) == (2, 2, 1)
    assert summary.specialty == "cardiology"
    with Session(store) as session:
        # The plan keeps the version it had unless the admin moves it.
        assert session.get_one(FollowupPlan, 1).template_id == 1
        assert session.get_one(QuestionnaireTemplate, 1).active


def test_new_version_can_retire_the_old_one_and_move_its_plans(store: Engine) -> None:
    saved = save_template_version(
        store, _next_cardiology(), staff_id=ADMIN, deactivate_previous=True, move_plans=True
    )
    assert saved.previous_deactivated and saved.plans_moved == 1
    with Session(store) as session:
        assert session.get_one(FollowupPlan, 1).template_id == saved.id
        assert not session.get_one(QuestionnaireTemplate, 1).active


def test_malformed_json_is_refused_with_line_and_column_and_nothing_written(
    store: Engine,
) -> None:
    before = _rows(store)
    text = '{\n  "code": "cardiology",\n  "version": 2\n  "title": {}\n}'
    with pytest.raises(TemplateError) as caught:
        save_template_version(store, text, staff_id=ADMIN)
    assert str(caught.value) == "JSON syntax error at line 4, column 3: Expecting ',' delimiter."
    assert _rows(store) == before


def test_malformed_structure_is_refused_with_the_parsers_reason_and_nothing_written(
    store: Engine,
) -> None:
    body = _next_cardiology()
    body["sections"][1]["questions"][0]["type"] = "slider"
    before = _rows(store)
    with pytest.raises(TemplateError) as caught:
        save_template_version(store, body, staff_id=ADMIN)
    assert str(caught.value) == (
        "Question 'chest_pain' in section 'symptoms': unknown type 'slider'; expected one of "
        "single, multi, scale, number, date, text, yes_no."
    )
    assert _rows(store) == before


def test_version_must_be_the_next_one_for_its_code(store: Engine) -> None:
    for version in (1, 3):
        with pytest.raises(VersionNumberError) as caught:
            save_template_version(store, _next_cardiology(version=version), staff_id=ADMIN)
        assert str(caught.value) == (
            "Template 'cardiology': the latest stored version is 1, so the new one must be "
            f"version 2, not {version}."
        )
    new = _resource("general_discharge") | {"version": 2}
    with pytest.raises(VersionNumberError, match="is new, so its version must be 1, not 2"):
        save_template_version(store, new, staff_id=ADMIN)
    assert _rows(store) == (1, 0)


def test_a_brand_new_code_starts_at_version_one(store: Engine) -> None:
    saved = save_template_version(store, _resource("general_discharge"), staff_id=ADMIN)
    assert (saved.version, saved.diff) == (1, None)
    assert [s.code for s in list_templates(store)] == ["cardiology", "general_discharge"]


def test_incompatible_change_is_reported_before_and_after_saving(store: Engine) -> None:
    body = _next_cardiology()
    dyspnea = body["sections"][1]["questions"][3]
    assert dyspnea["id"] == "dyspnea"
    dyspnea["options"] = [o for o in dyspnea["options"] if o["value"] != "night"]
    body["red_flags"][1]["when"] = {"question": "dyspnea", "equals": "rest"}
    body["sections"][1]["questions"].pop(4)  # syncope
    body["red_flags"] = [r for r in body["red_flags"] if r["id"] != "fainting"]
    check = check_new_version(store, body)
    assert check.previous_version == 1 and check.diff is not None
    assert not check.diff.compatible
    assert check.diff.removed == ("syncope",)
    assert [(c.question_id, c.reason) for c in check.diff.changed] == [
        ("dyspnea", "options removed: night")
    ]
    saved = save_template_version(store, body, staff_id=ADMIN)
    assert saved.diff == check.diff


def test_only_an_administrator_may_save(store: Engine) -> None:
    with pytest.raises(EditNotAllowedError):
        save_template_version(store, _next_cardiology(), staff_id=AGENT)
    with pytest.raises(EditNotAllowedError):
        save_script(
            store,
            "cardiology",
            "话术",
            "[identity]\n您好\n[introduction]\n我是\n[closing]\n再见",
            staff_id=AGENT,
        )
    assert _rows(store) == (1, 0)


def test_template_file_is_imported_as_the_next_version(store: Engine, tmp_path: Path) -> None:
    path = tmp_path / "cardiology_v2.json"
    path.write_text(json.dumps(_next_cardiology(), ensure_ascii=False), "utf-8-sig")
    saved = import_template_file(store, path, staff_id=ADMIN)
    assert saved.version == 2
    broken = tmp_path / "broken.json"
    broken.write_bytes(b"\xff\xfe{")
    with pytest.raises(TemplateError, match=r"'broken\.json' is not UTF-8 text"):
        import_template_file(store, broken, staff_id=ADMIN)


def test_every_shipped_template_loads() -> None:
    paths = sorted((RESOURCES / "questionnaires").glob("*.json"))
    assert len(paths) >= 7
    for path in paths:
        _, template = read_template_text(path.read_text("utf-8"))
        assert template.code == path.stem
        assert (RESOURCES / "scripts" / f"{path.stem}.txt").exists()
    assert parse_template(_resource("neurology_stroke")).specialty == "neurology"


SCRIPT = (
    "[identity]\n您好,请问是{patient_title}吗?\n[introduction]\n我是{agent_name}。\n"
    "[closing]\n再见。"
)


def test_script_is_overwritten_and_the_old_text_kept_in_its_history(store: Engine) -> None:
    old = load_script(store, "cardiology").body
    saved = save_script(store, "cardiology", "心内科话术(新)", SCRIPT, staff_id=ADMIN)
    assert saved.id == 1 and not saved.created
    assert load_script(store, "cardiology").body == SCRIPT
    [edit] = script_history(store, "cardiology")
    assert (edit.staff_id, edit.previous_title, edit.previous_body) == (ADMIN, "心内科话术", old)
    created = save_script(store, "stroke", "脑卒中话术", SCRIPT, staff_id=ADMIN)
    assert created.created
    assert [(s.code, s.plans) for s in list_scripts(store)] == [("cardiology", 1), ("stroke", 0)]


def test_malformed_script_is_refused_with_its_reason_and_nothing_written(store: Engine) -> None:
    before = load_script(store, "cardiology").body
    with pytest.raises(ScriptError) as caught:
        save_script(
            store, "cardiology", "话术", SCRIPT.replace("{agent_name}", "{doctor}"), staff_id=ADMIN
        )
    assert str(caught.value).startswith(
        "Line 4 (section '[introduction]'): unknown placeholder '{doctor}'; known placeholders"
    )
    with pytest.raises(ScriptError, match=r"^The script has no \[closing\] section\.$"):
        save_script(store, "cardiology", "话术", SCRIPT.split("[closing]")[0], staff_id=ADMIN)
    with pytest.raises(ScriptError, match="must be 1–40 lower-case"):
        save_script(store, "Bad Code", "话术", SCRIPT, staff_id=ADMIN)
    assert load_script(store, "cardiology").body == before
    assert script_history(store, "cardiology") == []
