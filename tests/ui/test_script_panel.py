"""The script panel: an unknown value is read as plain words, and marked beside the line."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from agent_app.domain.call_script import parse_script
from agent_app.ui.followup.script_panel import ScriptPanel

SCRIPT = "[identity]\n您好\n[introduction]\n您的复诊时间是{revisit_date}。\n[closing]\n再见"


def test_a_missing_value_is_marked_beside_the_line_not_inside_it(qtbot: QtBot) -> None:
    panel = ScriptPanel()
    qtbot.addWidget(panel)
    panel.show_script(parse_script(SCRIPT), {"revisit_date": None})

    lines = panel.toPlainText().splitlines()
    line = next(t for t in lines if t.startswith("您的复诊时间是"))
    spoken, _, mark = line.partition("。")
    assert spoken == "您的复诊时间是医生跟您约定的日期"  # what is read aloud
    assert "⚠" in mark and ("re-visit date" in mark or "复诊日期" in mark)  # the gap, beside
    assert "【" not in panel.toPlainText() and "revisit_date" not in panel.toPlainText()
    assert panel.missing == ("revisit_date",)
