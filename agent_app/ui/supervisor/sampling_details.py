"""The sampling's details, folded away: the seed that makes a draw reproducible (kept, typed
or renewed here) and the ids of the follow-up tasks a preview or run picked."""

from __future__ import annotations

import secrets
from collections.abc import Sequence

from agent_app.ui.collapsible_section import CollapsibleSection
from agent_app.ui.qt import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    Qt,
    QWidget,
)
from agent_app.ui.supervisor.sampling_plan_form import PlanFormError


def new_seed() -> int:
    return secrets.randbits(48)


def ids_text(ids: Sequence[int]) -> str:
    return ", ".join(str(i) for i in ids) if ids else "—"


class SamplingDetails(CollapsibleSection):
    """Folded by default; ``seed()`` reads the seed (PlanFormError when it is not one)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Details (seed and task numbers)"), parent)
        self.seed_edit = QLineEdit(str(new_seed()), self.body)
        self.seed_edit.setToolTip(
            self.tr("The same seed over the same completed follow-ups picks the same tasks.")
        )
        self.new_seed_button = QPushButton(self.tr("New seed"), self.body)
        self.new_seed_button.clicked.connect(lambda: self.set_seed(new_seed()))
        self.picks = QLabel("—", self.body)
        self.picks.setWordWrap(True)
        self.picks.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        seed_row = QHBoxLayout()
        seed_row.addWidget(self.seed_edit, 1)
        seed_row.addWidget(self.new_seed_button)
        form = QFormLayout(self.body)
        seed_label = QLabel(self.tr("&Seed"), self.body)
        seed_label.setBuddy(self.seed_edit)
        form.addRow(seed_label, seed_row)
        form.addRow(self.tr("Picked follow-up tasks"), self.picks)

    def seed(self) -> int:
        try:
            seed = int(self.seed_edit.text().strip())
        except ValueError:
            raise PlanFormError(self.tr("The seed must be a whole number.")) from None
        if seed < 0:
            raise PlanFormError(self.tr("The seed must be a whole number."))
        return seed

    def set_seed(self, seed: int) -> None:
        self.seed_edit.setText(str(seed))

    def show_picks(self, ids: Sequence[int]) -> None:
        self.picks.setText(ids_text(ids))
