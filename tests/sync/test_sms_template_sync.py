"""Templates reach the desks by the pull (approved ones, and drafts only for their editors),
and a supervisor's template written at the desk reaches the server by the push."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from sqlalchemy import Engine, text

from agent_app.domain.sms_template import SmsTemplateKind, SmsTemplateState, SmsTemplateText
from agent_app.store.repositories.sms_templates import list_templates, save_template
from agent_app.sync.pull import pull_changes
from agent_app.sync.push import push_pending

Connect = Callable[..., Engine]


def _template(server: Engine, code: str, department: int | None, state: str) -> None:
    with server.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO sms_template (id, code, kind, title, body, department_id, state) "
                "VALUES (:i, :c, 'health_education', :c, '饮食清淡,戒烟限酒。', :d, :s)"
            ),
            {"i": uuid.uuid4(), "c": code, "d": department, "s": state},
        )


def test_approved_templates_reach_an_agents_desk_and_drafts_only_their_editors(
    server: Engine, local: Engine, as_staff: Connect
) -> None:
    _template(server, "edu_ok", None, "approved")
    _template(server, "edu_draft", 1, "draft")
    pull_changes(local, as_staff("nurse1"))  # an agent of department 2
    assert [t.code for t in list_templates(local)] == ["edu_ok"]
    with server.begin() as connection:  # a later change comes with the next pull
        connection.execute(text("UPDATE sms_template SET title = '饮食' WHERE code = 'edu_ok'"))
    pull_changes(local, as_staff("nurse1"))
    assert [t.title for t in list_templates(local)] == ["饮食"]


def test_a_supervisors_template_at_the_desk_is_pushed_to_the_server(
    server: Engine, local: Engine, as_staff: Connect
) -> None:
    supervisor = as_staff("nurse4")  # the supervisor of department 1
    pull_changes(local, supervisor)
    with server.connect() as connection:
        code = connection.execute(text("SELECT code FROM department WHERE id = 1")).scalar_one()
    walk = SmsTemplateText(
        "edu_walk",
        SmsTemplateKind.HEALTH_EDUCATION,
        "散步",
        "出院后循序渐进散步。",
        code,
        SmsTemplateState.APPROVED,
    )
    save_template(local, walk, staff_id=4)
    assert push_pending(local, supervisor).pushed == 1
    with server.connect() as connection:
        row = connection.execute(
            text("SELECT title, state, department_id, updated_by FROM sms_template")
        ).one()
    assert tuple(row) == ("散步", "approved", 1, 4)
