"""The questionnaire never scrolls sideways: options wrap, and every option's left edge shows.

Field test: in English at once, and in zh_CN after a multi-select question, the form scrolled
sideways and hid the question numbers, the first option and the chosen answer.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from agent_app.dialer.fake import FakePhone
from agent_app.domain.questionnaire_parse import parse_template
from agent_app.ui.followup.followup_view import FollowupView
from agent_app.ui.followup.question_editors import ChoiceEditor, MultiEditor
from agent_app.ui.followup.questionnaire_form import QuestionnaireForm
from agent_app.ui.language import LANGUAGE_PROPERTY
from agent_app.ui.main_window import MainWindow
from agent_app.ui.qt import QAbstractButton, QApplication, QWidget
from tests.ui.test_followup_flow import desk, desk_store, open_next  # noqa: F401 (fixtures)

QUESTIONNAIRES = Path(__file__).resolve().parents[2] / "resources" / "questionnaires"
SIZES = [(1024, 768), (1366, 768)]
LANGUAGES = ["zh_CN", "en"]


def _options(form: QuestionnaireForm) -> list[QAbstractButton]:
    buttons: list[QAbstractButton] = []
    for box in form.boxes.values():
        if box.isVisibleTo(form) and isinstance(box.editor, ChoiceEditor | MultiEditor):
            buttons += box.editor.findChildren(QAbstractButton)
    return buttons


def _clipped(form: QuestionnaireForm) -> list[str]:
    """Options whose left or right edge is outside the form's view, and the sideways offset."""
    viewport: QWidget = form.viewport()
    wrong = [
        f"{button.text()} at x={left.x()}"
        for button in _options(form)
        if (left := button.mapTo(viewport, button.rect().topLeft())).x() < 0
        or left.x() + button.width() > viewport.width()
    ]
    offset = form.horizontalScrollBar().value()
    return wrong + ([f"scrolled sideways by {offset}"] if offset else [])


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_the_follow_up_screen_never_hides_an_options_left_edge(
    qtbot: QtBot,
    desk: tuple[MainWindow, FakePhone],  # noqa: F811 (the fixture imported above)
    size: tuple[int, int],
    language: str,
) -> None:
    window, _phone = desk
    QApplication.instance().setProperty(LANGUAGE_PROPERTY, language)  # type: ignore[union-attr]
    window.resize(*size)
    view: FollowupView = open_next(qtbot, window)
    form = view.form
    qtbot.waitUntil(lambda: form.viewport().width() > 0, timeout=2000)
    assert _options(form), "the follow-up shows choice questions"
    assert _clipped(form) == []

    # Pick the first option of every multi-select question, then walk every option with the
    # focus, as Tab does: the view may scroll down, never sideways.
    for box in form.boxes.values():
        if box.isVisibleTo(form) and isinstance(box.editor, MultiEditor):
            box.editor.pick(1)
    qtbot.wait(50)
    for button in _options(form):
        button.setFocus()
        form.ensureWidgetVisible(button)
        assert _clipped(form) == [], button.text()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", sorted(QUESTIONNAIRES.glob("*.json")), ids=lambda p: p.stem)
def test_every_shipped_questionnaire_wraps_into_a_narrow_column(
    qtbot: QtBot, path: Path, language: str
) -> None:
    """The centre column at 1024 pixels wide is about 400 pixels: every option still shows."""
    QApplication.instance().setProperty(LANGUAGE_PROPERTY, language)  # type: ignore[union-attr]
    try:
        form = QuestionnaireForm(parse_template(json.loads(path.read_text("utf-8"))))
    finally:
        QApplication.instance().setProperty(LANGUAGE_PROPERTY, "")  # type: ignore[union-attr]
    qtbot.addWidget(form)
    form.resize(400, 700)
    form.show()
    for box in form.boxes.values():  # show every question, as if each branch were taken
        box.setVisible(True)
    qtbot.waitUntil(lambda: form.widget().width() <= form.viewport().width(), timeout=2000)
    assert _clipped(form) == []
    assert form.widget().width() <= form.viewport().width()


def test_shown_questions_are_numbered_without_gaps(qtbot: QtBot) -> None:
    """Skipped questions are not counted: the agent reads 1, 2, 3… whatever branch is taken."""
    template = parse_template(json.loads((QUESTIONNAIRES / "cardiology.json").read_text("utf-8")))
    form = QuestionnaireForm(template)
    qtbot.addWidget(form)

    def numbers() -> list[int]:
        shown = [box for box in form.boxes.values() if not box.isHidden()]
        assert all(box.title.text().startswith(f"{box.number}. ") for box in shown)
        return [box.number for box in shown]

    before = numbers()
    assert before == list(range(1, len(before) + 1))
    assert form.boxes["chest_pain_duration"].isHidden()
    form.boxes["chest_pain"].editor.pick(1)  # yes: two questions about the pain appear
    after = numbers()
    assert after == list(range(1, len(before) + 3))
    assert form.boxes["chest_pain_duration"].number == form.boxes["chest_pain"].number + 1
