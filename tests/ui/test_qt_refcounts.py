"""The Qt bindings must not leak references to None: a shift makes millions of Qt calls.

PySide6 6.12.0 on CPython 3.11 dropped one reference to None per void method call and the
desk aborted ("Fatal Python error: none_dealloc") after about 5,000 of them; pyproject.toml
keeps that release out. From 3.12 on None is immortal and its count never moves.
"""

from __future__ import annotations

import sys

from agent_app.ui.qt import QLabel, QObject


def test_void_qt_calls_keep_none_references(qtbot) -> None:  # type: ignore[no-untyped-def]
    label = QLabel()
    qtbot.addWidget(label)
    holder = QObject()
    before = sys.getrefcount(None)
    for _ in range(2_000):
        label.setText("王秀英")
        holder.setObjectName("queue")
    lost = before - sys.getrefcount(None)
    assert lost < 100, f"{lost} references to None lost in 4,000 Qt calls"
