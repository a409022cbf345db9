"""Which questions are shown is decided for any template the check accepts, however long
its chains of conditions, without running out of stack."""

from __future__ import annotations

import itertools
from typing import Any

from agent_app.domain.questionnaire import parse_template
from agent_app.domain.questionnaire_rules import Visibility
from tests.domain.large_templates import large_template
from tests.domain.template_samples import t


def _yes_no(qid: str, **extra: Any) -> dict[str, Any]:
    return {"id": qid, "type": "yes_no", "text": t(qid), **extra}


def test_a_20000_long_chain_of_later_answers_is_decided_without_recursion() -> None:
    data = large_template(20_000)
    data["red_flags"] = []
    chain = [q for s in data["sections"] for q in s["questions"]]
    for q, following in itertools.pairwise(chain):  # each shown once the next is answered
        q.pop("jumps", None)
        q["show_if"] = {"question": following["id"], "answered": True}
    chain[-1].pop("show_if")
    template = parse_template(data)

    everything_answered = Visibility(template, lambda qid: "yes")
    assert everything_answered.is_visible("q0")  # asked first: the whole chain is decided
    assert len(everything_answered.visible()) == 20_000

    last_unanswered = Visibility(template, lambda qid: None if qid == "q19999" else "yes")
    assert not last_unanswered.is_visible("q0")
    assert [q.id for q in last_unanswered.visible()] == ["q19999"]


def test_a_jump_that_cannot_reach_a_question_is_not_consulted_for_it() -> None:
    # "first" can only jump to section "middle", so it never skips "late" (in "last"); its own
    # condition reads "late". The check accepts this, and deciding either must not go round.
    template = parse_template(
        {
            "code": "reach",
            "version": 1,
            "title": t("跳转范围", "Reach"),
            "specialty": "general",
            "sections": [
                {
                    "id": "start",
                    "title": t("开始"),
                    "questions": [
                        _yes_no(
                            "first",
                            show_if={"question": "late", "equals": "yes"},
                            jumps=[{"if": {"equals": "yes"}, "to": "middle"}],
                        ),
                        _yes_no("skipped"),
                    ],
                },
                {"id": "middle", "title": t("中间"), "questions": [_yes_no("middle_q")]},
                {"id": "last", "title": t("最后"), "questions": [_yes_no("late")]},
            ],
        }
    )
    answers = {"first": "yes", "skipped": "no", "middle_q": "no", "late": "yes"}
    view = Visibility(template, answers.get)
    assert view.is_visible("first")
    assert [q.id for q in view.visible()] == ["first", "middle_q", "late"]
