"""The text message template editor: a dosing text is refused with the phrase named in the
desk's language; a supervisor's new template is a draft, queued for the server, that the
wrap-up offers only once approved; the hospital's own templates are the administrator's."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from agent_app.domain.enums import Role
from agent_app.domain.sms_template import SmsTemplateKind, SmsTemplateState
from agent_app.domain.views import StaffAccount
from agent_app.store.repositories.sms_templates import education_choices, load_template
from agent_app.store.repositories.staff import list_accounts
from agent_app.store.schema import Department, Outbox
from agent_app.ui.sms_templates.editor import SmsTemplateEditor
from tests.ui.conftest import seeded_sqlite


@pytest.fixture
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    yield from seeded_sqlite(tmp_path_factory, 20, seed=3)


def _account(engine: Engine, role: Role) -> StaffAccount:
    with Session(engine) as session:
        card = session.scalars(select(Department.id).where(Department.code == "CARD")).one()
    return next(
        a
        for a in list_accounts(engine)
        if a.role is role and (role is Role.ADMIN or a.department_id == card)
    )


def _open(qtbot: QtBot, engine: Engine, account: StaffAccount) -> SmsTemplateEditor:
    editor = SmsTemplateEditor(engine, account)
    qtbot.addWidget(editor)
    with qtbot.waitSignal(editor.sig_loaded, timeout=15000):
        editor.show()
    return editor


def _offered(engine: Engine) -> set[str]:
    with Session(engine) as session:
        return {code for code, _title in education_choices(session)}


def test_a_dosing_text_is_refused_with_the_phrase_named_in_chinese(
    qtbot: QtBot, store: Engine, chinese: None
) -> None:
    editor = _open(qtbot, store, _account(store, Role.SUPERVISOR))
    assert editor.windowTitle() == "短信模板"
    editor.new_template()
    editor.code.setText("edu_bp")
    editor.title.setText("降压药")
    editor.body.setPlainText("{patient_title}您好,降压药请每日两次,每次服用2片。")
    editor.save()
    assert editor.status.text() == (
        "短信含有医疗建议(“每日两次”):服药次数属于医嘱。用药和诊断问题请让患者咨询医生。"
    )
    editor.body.setPlainText("{patient_name}您好")
    editor.save()
    assert "未知的占位符“{patient_name}”" in editor.status.text()
    with pytest.raises(Exception, match="no template"):
        load_template(store, "edu_bp")


def test_a_supervisors_template_is_a_draft_until_approved_and_goes_to_the_outbox(
    qtbot: QtBot, store: Engine
) -> None:
    editor = _open(qtbot, store, _account(store, Role.SUPERVISOR))
    editor.table.selectRow([t.code for t in editor.templates].index("edu_diet"))
    assert not editor.save_button.isEnabled()  # the hospital's own: the administrator's
    editor.new_template()
    assert editor.department.count() == 1  # only their own department
    editor.code.setText("edu_heart_walk")
    editor.title.setText("心脏康复散步")
    editor.body.setPlainText("{patient_title}您好,出院后可循序渐进散步,如有胸闷请及时就医。")
    with qtbot.waitSignal(editor.sig_saved, timeout=15000):
        editor.save()
    saved = load_template(store, "edu_heart_walk")
    assert (saved.state, saved.kind, saved.department_code) == (
        SmsTemplateState.DRAFT, SmsTemplateKind.HEALTH_EDUCATION, "CARD"
    )  # fmt: skip
    assert "edu_heart_walk" not in _offered(store)
    with qtbot.waitSignal(editor.sig_saved, timeout=15000):
        editor.approve_button.click()
    assert load_template(store, "edu_heart_walk").state is SmsTemplateState.APPROVED
    assert "edu_heart_walk" in _offered(store)
    with Session(store) as session:
        queued = session.scalars(
            select(Outbox.table_name).where(Outbox.table_name == "sms_template")
        ).all()
    assert len(queued) == 2  # the save and the approval


def test_the_administrator_edits_the_hospitals_templates(qtbot: QtBot, store: Engine) -> None:
    editor = _open(qtbot, store, _account(store, Role.ADMIN))
    editor.table.selectRow([t.code for t in editor.templates].index("pre_call_notice"))
    assert editor.save_button.isEnabled()
    editor.title.setText("随访电话预告(新)")
    with qtbot.waitSignal(editor.sig_saved, timeout=15000):
        editor.save()
    assert load_template(store, "pre_call_notice").title == "随访电话预告(新)"
