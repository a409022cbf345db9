"""The complaints screen signed in to the central server as a supervisor: row-level security
and the screen agree on what is listed and where a complaint may go."""

# The central-server fixtures of tests/sync are imported by name, so the test arguments
# that use them "redefine" the imports.
# ruff: noqa: F811

from __future__ import annotations

import uuid
from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from agent_app.domain.enums import ComplaintState
from agent_app.store.schema import Complaint
from agent_app.store.schema.base import utcnow
from agent_app.ui.supervisor.complaints_screen import ComplaintsScreen
from agent_app.ui.supervisor.sampling_plan_form import choice_enabled
from tests.sync.conftest import as_staff, hospital_template, server  # noqa: F401
from tests.ui.supervisor.spot_checks import account

WAIT = 15_000
SUPERVISOR, QUALITY = 4, 5  # nurse4 supervises department 1 (心内科); nurse5 is quality


def _complaint(
    session: Session, department_id: int | None, created_by: int, text: str
) -> uuid.UUID:
    row = Complaint(id=uuid.uuid4(), department_id=department_id, summary=text,
                    state=ComplaintState.OPEN, created_by_id=created_by, created_at=utcnow(),
                    replies=[])  # fmt: skip
    session.add(row)
    return row.id


@pytest.mark.slow
def test_a_supervisor_on_the_server_lists_and_assigns_what_row_security_allows(
    qtbot: QtBot, server: Engine, as_staff: Callable[[str], Engine]
) -> None:
    with Session(server) as s, s.begin():
        theirs = _complaint(s, 1, QUALITY, "心内科的投诉")
        _complaint(s, 2, QUALITY, "外科的投诉")
        mine = _complaint(s, None, SUPERVISOR, "护士长登记的意见")
    screen = ComplaintsScreen(as_staff("nurse4"), account(server, SUPERVISOR))
    qtbot.addWidget(screen)
    screen.show()
    with qtbot.waitSignal(screen.sig_loaded, timeout=WAIT):
        pass

    assert {c.id for c in screen.complaints} == {theirs, mine}
    detail = screen.detail
    choices = detail.assign_department
    surgery = choices.findText("外科")
    assert screen.select(theirs) and not choice_enabled(choices, surgery)

    # Forced from code all the same, the server refuses: said in plain words, note kept.
    choices.setCurrentIndex(surgery)
    detail.assign_note.setText("转外科")
    with qtbot.waitSignal(screen.sig_failed, timeout=WAIT) as failed:
        detail.assign_button.click()
    assert failed.args[0] == "The server does not allow your account to make this change."
    with qtbot.waitSignal(screen.sig_loaded, timeout=WAIT):
        pass
    assert detail.assign_note.text() == "转外科"

    # What they registered themselves may go to any department.
    assert screen.select(mine) and choice_enabled(choices, surgery)
    choices.setCurrentIndex(surgery)
    with qtbot.waitSignal(screen.sig_changed, timeout=WAIT) as changed:
        detail.assign_button.click()
    assert changed.args[0].state is ComplaintState.ASSIGNED
    assert changed.args[0].department_name == "外科"
