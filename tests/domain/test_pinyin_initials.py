"""Pinyin initials from GB2312's order, with the characters of two readings listed by hand."""

from __future__ import annotations

import pytest

from agent_app.domain.pinyin_initials import initial_choices, initials_match


@pytest.mark.parametrize(
    ("text", "initials"),
    [("张三", "zs"), ("李四", "ls"), ("王芳", "wf"), ("心内科", "xnk"), ("随访中心", "sfzx"),
     ("呼吸内科", "hxnk"), ("妇产科", "fck")],
)  # fmt: skip
def test_common_names_and_departments_match_their_initials(text: str, initials: str) -> None:
    assert initials_match(initials, text) and initials_match(initials.upper(), text)


def test_each_boundary_character_opens_its_letter() -> None:
    firsts = "啊巴擦搭蛾发噶哈击喀垃妈拿哦啪期然撒他挖昔压匝"
    assert "".join(initial_choices(c) for c in firsts) == "abcdefghjklmnopqrstwxyz"


def test_a_character_of_two_readings_matches_either_and_a_run_inside_matches() -> None:
    assert initials_match("hszd", "护士长丁") and initials_match("hscd", "护士长丁")
    assert initials_match("sd", "护士长丁") is False and initials_match("zd", "护士长丁")
    assert not initials_match("", "张三") and not initials_match("张", "张三")
    assert initial_choices("㐀") == ""  # outside GB2312: no letter, no error
