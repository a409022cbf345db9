"""Child process for the kill test: opens the next follow-up, answers some questions through
the real widgets, and types a number that is out of range; prints READY once the draft holds
all of it, then waits to be killed with SIGKILL."""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from agent_app.domain.enums import Role
from agent_app.store.engine import open_local_store
from agent_app.store.repositories.staff import list_accounts
from agent_app.ui.main_window import MainWindow
from agent_app.ui.qt import QApplication


def main(store: Path, drafts: Path, department_id: int) -> None:
    app = QApplication([])
    engine = open_local_store(store)
    agent = next(
        a
        for a in list_accounts(engine)
        if a.role is Role.AGENT and a.department_id == department_id
    )
    window = MainWindow(engine, agent, "Line: simulated (demo)", drafts_dir=drafts)
    window.show()
    window.open_next()
    deadline = time.monotonic() + 20
    while window.followup is None and time.monotonic() < deadline:
        app.processEvents()
    view = window.followup
    assert view is not None
    form = view.form
    form.boxes["identity_confirmed"].editor.pick(1)
    form.boxes["chest_pain"].editor.pick(2)  # no
    form.boxes["edema"].editor.pick(1)  # yes: shows the weight question
    weight = form.boxes["weight_gain"].editor
    weight.edit.setText("25")  # type: ignore[attr-defined]
    weight.edit.textEdited.emit("25")  # type: ignore[attr-defined]
    view.wrapup.notes.setPlainText("患者下午方便")
    path = window.drafts.path(view.work.task_id)
    while time.monotonic() < deadline:
        app.processEvents()
        draft = window.drafts.load(view.work.task_id) if path.exists() else None  # sealed
        if draft is not None and draft.notes == "患者下午方便":
            text = json.dumps(draft.answers, ensure_ascii=False)
            if '"weight_gain": "25"' in text and "edema" in text:
                break
        time.sleep(0.02)
    print(f"READY {view.work.task_id}", flush=True)
    while True:
        app.processEvents()
        time.sleep(0.05)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]))
