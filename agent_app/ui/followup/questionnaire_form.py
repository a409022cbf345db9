"""The questionnaire of a follow-up, generated from its template and kept in an answer sheet.

Whatever the agent enters goes straight to the sheet; a rejected entry stays on screen with
the reason beside it (and in the draft), so nothing typed is ever lost. Skip logic hides and
shows questions as answers change; red-flag answers are outlined and reported at once.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from agent_app.domain.enums import NonAnswer
from agent_app.domain.questionnaire import AnswerRejected, AnswerSheet, RaisedFlag, Template
from agent_app.ui.followup.question_box import QuestionBox
from agent_app.ui.language import desk_language
from agent_app.ui.qt import QFrame, QLabel, QScrollArea, Qt, QVBoxLayout, QWidget, Signal


class QuestionnaireForm(QScrollArea):
    sig_changed = Signal()  # an answer changed: autosave
    sig_flags = Signal(object)  # tuple[RaisedFlag, ...] now raised
    sig_done = Signal()  # Enter on the last question: on to the wrap-up

    def __init__(self, template: Template, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.template = template
        self.sheet = AnswerSheet(template)
        self.raw_texts: dict[str, str] = {}  # typed but not (yet) accepted, by question id
        self.current_id: str | None = None
        self._flags: tuple[RaisedFlag, ...] = ()
        language = desk_language()
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Options wrap (FlowLayout), so the body is never wider than the view; should a long
        # word still not fit, the view stays at its left edge rather than hide the numbers.
        sideways = self.horizontalScrollBar()
        sideways.valueChanged.connect(lambda value: sideways.setValue(0) if value else None)
        body = QWidget()
        column = QVBoxLayout(body)
        self.boxes: dict[str, QuestionBox] = {}
        self.headers: dict[str, QLabel] = {}
        number = 0
        for section in template.sections:
            header = QLabel(section.title.in_language(language))
            header.setStyleSheet("font-size: 15px; font-weight: bold; margin-top: 8px;")
            column.addWidget(header)
            self.headers[section.id] = header
            for question in section.questions:
                number += 1
                box = QuestionBox(number, question, body)
                box.sig_edited.connect(self._edited)
                box.sig_declined.connect(self._declined)
                box.sig_next.connect(self.focus_next)
                column.addWidget(box)
                self.boxes[question.id] = box
        column.addStretch(1)
        self.setWidget(body)
        self._refresh()

    # Entering ------------------------------------------------------------------------------
    def _now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC)

    def _edited(self, question_id: str, raw: object) -> None:
        box = self.boxes[question_id]
        self.current_id = question_id
        if raw is None:
            self.sheet.clear(question_id)
            self.raw_texts.pop(question_id, None)
            box.show_problem("")
        else:
            try:
                self.sheet.answer(question_id, raw, self._now())
            except AnswerRejected as exc:
                # The screen and the sheet must agree: the rejected entry replaces the old one.
                self.sheet.clear(question_id)
                if isinstance(raw, str):
                    self.raw_texts[question_id] = raw
                box.show_problem(exc.words.in_language(desk_language()))
            else:
                self.raw_texts.pop(question_id, None)
                box.show_problem("")
        box.unable.setChecked(False)
        box.refused.setChecked(False)
        self._refresh()
        self.sig_changed.emit()

    def _declined(self, question_id: str, reason: NonAnswer | None) -> None:
        box = self.boxes[question_id]
        self.current_id = question_id
        if reason is None:
            self.sheet.clear(question_id)
        else:
            try:
                self.sheet.decline(question_id, reason, self._now())
            except AnswerRejected as exc:
                box.show_entry(self.sheet.entry(question_id))
                box.show_problem(exc.words.in_language(desk_language()))
                return
            box.editor.set_value(None)
            self.raw_texts.pop(question_id, None)
            box.show_problem("")
        self._refresh()
        self.sig_changed.emit()

    def decline_current(self, reason: NonAnswer) -> None:
        """Keyboard: mark the current question unable or refused."""
        if self.current_id is not None and self.boxes[self.current_id].question.allow_unable:
            button = self.boxes[self.current_id]
            (button.unable if reason is NonAnswer.UNABLE else button.refused).click()

    # Moving --------------------------------------------------------------------------------
    def focus_question(self, question_id: str) -> None:
        self.current_id = question_id
        box = self.boxes[question_id]
        self.ensureWidgetVisible(box, 0, 60)
        box.editor.focus_editor()
        self._mark()

    def focus_first(self) -> None:
        target = self.sheet.next_unanswered() or self.sheet.next_question()
        if target is not None:
            self.focus_question(target.id)

    def focus_next(self, after: str | None = None) -> None:
        following = self.sheet.next_question(after or self.current_id)
        if following is None:
            self.sig_done.emit()
        else:
            self.focus_question(following.id)

    # Showing -------------------------------------------------------------------------------
    def _refresh(self) -> None:
        visible = {q.id for q in self.sheet.visible_questions()}
        number = 0
        for question_id, box in self.boxes.items():
            shown = question_id in visible
            box.setVisible(shown)
            if shown:  # numbered 1, 2, 3… as read out, with no gaps for skipped questions
                number += 1
                box.set_number(number)
        for section in self.template.sections:
            self.headers[section.id].setVisible(any(q.id in visible for q in section.questions))
        flags = self.sheet.red_flags()
        if flags != self._flags:
            self._flags = flags
            self.sig_flags.emit(flags)
        self._mark()

    def _mark(self) -> None:
        flagged = {qid for flag in self._flags for qid in flag.question_ids}
        for question_id, box in self.boxes.items():
            box.mark(red_flag=question_id in flagged, current=question_id == self.current_id)

    @property
    def flags(self) -> tuple[RaisedFlag, ...]:
        return self._flags

    # Drafts --------------------------------------------------------------------------------
    def draft(self) -> dict[str, Any]:
        """The sheet's JSON plus typed-but-rejected text, for the autosave file."""
        return {**self.sheet.to_json(), "raw": dict(self.raw_texts)}

    def restore(self, data: dict[str, Any]) -> None:
        """Put a draft back on screen (raises StoredAnswersError if it does not fit)."""
        sheet = AnswerSheet.from_json(self.template, {k: v for k, v in data.items() if k != "raw"})
        self.sheet = sheet
        for question_id, box in self.boxes.items():
            box.show_entry(sheet.entry(question_id))
        raw = data.get("raw") or {}
        for question_id, text in raw.items():
            if question_id in self.boxes and isinstance(text, str):
                self.raw_texts[question_id] = text
                self.boxes[question_id].show_raw(text)
        self._refresh()
