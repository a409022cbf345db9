"""Transfer a call: pick a place from the transfer directory (or type a number) and choose
blind transfer, consult first, or a three-way conference.

The dialog only chooses; ``start_transfer`` carries the choice out on the phone, and
``TransferWords`` says the phone's transfer events and refusals in the desk's language. The
screen-pop of a patient from another department asks ``find_department_target`` for that
department's entry and offers ``department_transfer_text`` on its button.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Engine

from agent_app.dialer.errors import TransferRefusal
from agent_app.dialer.events import (
    Answered,
    ConferenceChanged,
    Ended,
    PhoneEvent,
    TransferDone,
    TransferOutcome,
    TransferProgress,
)
from agent_app.dialer.phone import Phone
from agent_app.domain.enums import LineType
from agent_app.domain.transfer_targets import DirectoryTarget, TransferTargetKind, is_dialable
from agent_app.store.repositories.transfer_targets import target_for_department
from agent_app.ui.background import run_in_background
from agent_app.ui.qt import (
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QObject,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)


class TransferChoice(enum.StrEnum):
    BLIND = "blind"  # hand the call over without speaking to the target
    CONSULT = "consult"  # hold the caller and call the target first
    CONFERENCE = "conference"  # call the target, then all three speak together


@dataclass(frozen=True)
class TransferRequest:
    """What the agent chose: how, and the number to dial (from ``target`` or typed)."""

    choice: TransferChoice
    number: str
    target: DirectoryTarget | None = None


def transfer_choices(line: LineType) -> tuple[TransferChoice, ...]:
    """The ways a line can transfer: a phone line hands a call over blind only (hook flash)."""
    if line is LineType.MODEM:
        return (TransferChoice.BLIND,)
    return tuple(TransferChoice)


def department_transfer_text(target: DirectoryTarget) -> str:
    """The screen-pop button's words, e.g. "Transfer to 心内科"."""
    return QCoreApplication.translate("TransferDialog", "Transfer to %1").replace(
        "%1", target.department_name
    )


def find_department_target(
    engine: Engine,
    department_id: int,
    on_found: Callable[[DirectoryTarget | None], None],
    on_error: Callable[[BaseException], None],
    owner: QObject | None = None,
) -> None:
    """Look up where a call for ``department_id`` goes (its follow-up line, else its doctor on
    duty) off the GUI thread; ``on_found`` gets the entry, or None when there is none."""
    run_in_background(
        lambda: target_for_department(engine, department_id), on_found, on_error, owner
    )


def start_transfer(phone: Phone, call_id: str, request: TransferRequest) -> str:
    """Carry the agent's choice out on ``call_id``; returns the consultation's call id ("" for
    a blind transfer). A conference dials the target like a consultation and joins the three
    once the target answers. Raises the line's ``TransferError`` when it cannot."""
    if request.choice is TransferChoice.BLIND:
        phone.transfer_blind(call_id, request.number)
        return ""
    consult_id = phone.consult(call_id, request.number)
    if request.choice is TransferChoice.CONFERENCE:
        _JoinWhenAnswered(phone, call_id, consult_id)
    return consult_id


class _JoinWhenAnswered:
    """Listens on the phone until the consultation is answered (then joins the calls) or ends."""

    def __init__(self, phone: Phone, call_id: str, consult_id: str) -> None:
        self.phone, self.call_id, self.consult_id = phone, call_id, consult_id
        phone.add_listener(self.heard)

    def heard(self, event: PhoneEvent) -> None:
        if event.call_id not in (self.call_id, self.consult_id):
            return
        if isinstance(event, Answered) and event.call_id == self.consult_id:
            self.phone.remove_listener(self.heard)
            self.phone.conference([self.call_id, self.consult_id])
        elif isinstance(event, Ended):
            self.phone.remove_listener(self.heard)


class TransferWords(QObject):
    """The phone's transfer events and refusals as the agent reads them."""

    def refusal(self, code: TransferRefusal) -> str:
        return {
            TransferRefusal.NOT_SUPPORTED: self.tr("This line cannot transfer calls this way."),
            TransferRefusal.NO_FLASH: self.tr(
                "The phone line has no hook flash set up, so it cannot transfer calls."
            ),
            TransferRefusal.NO_CONFERENCE: self.tr("This line cannot join calls together."),
            TransferRefusal.BAD_TARGET: self.tr("That number cannot be dialled on this line."),
            TransferRefusal.NOT_ANSWERED: self.tr("Only an answered call can be transferred."),
            TransferRefusal.SAME_CALL: self.tr("Choose two different calls."),
            TransferRefusal.BUSY: self.tr("This call is already being transferred."),
        }[code]

    def event_text(self, event: PhoneEvent) -> str:
        """A line for the call bar's status; "" for events that need no words."""
        if isinstance(event, TransferProgress):
            return self.tr("Transferring… (%1)").replace("%1", str(event.code))
        if isinstance(event, TransferDone) and event.outcome is TransferOutcome.ACCEPTED:
            return self.tr("The call was transferred.")
        if isinstance(event, TransferDone):
            text = self.tr("The transfer failed; the caller is still on your line.")
            return f"{text} ({event.code})" if event.code else text
        if isinstance(event, ConferenceChanged) and event.call_ids:
            return self.tr("Conference of %1 calls.").replace("%1", str(len(event.call_ids)))
        if isinstance(event, ConferenceChanged):
            return self.tr("The conference has ended.")
        return ""


class TransferDialog(QDialog):
    """The transfer directory with a filter, a number field and the three ways to transfer.
    ``sig_chosen`` carries the ``TransferRequest``; the dialog then closes."""

    sig_chosen = Signal(object)

    def __init__(
        self,
        targets: list[DirectoryTarget],
        parent: QWidget | None = None,
        *,
        preselect: int | None = None,
        choices: tuple[TransferChoice, ...] = tuple(TransferChoice),
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Transfer the call"))
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Find a department or doctor"))
        self.list = QListWidget(self)
        self.number = QLineEdit(self)
        self.number.setPlaceholderText(self.tr("Or type a number or extension"))
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.blind_button = QPushButton(self.tr("&Transfer"), self)
        self.consult_button = QPushButton(self.tr("&Consult first"), self)
        self.conference_button = QPushButton(self.tr("Con&ference"), self)
        for button, choice in (
            (self.blind_button, TransferChoice.BLIND),
            (self.consult_button, TransferChoice.CONSULT),
            (self.conference_button, TransferChoice.CONFERENCE),
        ):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
            button.setVisible(choice in choices)  # after adding: the box shows what it takes
            button.clicked.connect(lambda _=False, c=choice: self._choose(c))
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("&Where to:"), self)
        label.setBuddy(self.filter)
        for widget in (label, self.filter, self.list, self.number, self.problem, buttons):
            layout.addWidget(widget)
        for target in targets:
            item = QListWidgetItem(self._describe(target), self.list)
            item.setData(Qt.ItemDataRole.UserRole, target)
            if target.id == preselect:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        if not targets:
            self.problem.setText(self.tr("The transfer directory is empty; type a number."))
        self.filter.textChanged.connect(self._apply_filter)
        self.list.itemActivated.connect(lambda _item: self._choose(TransferChoice.BLIND))
        self.blind_button.setDefault(True)
        self.filter.setFocus()

    def _describe(self, target: DirectoryTarget) -> str:
        if target.kind is TransferTargetKind.DOCTOR_ON_DUTY:
            role = self.tr("doctor on duty")
        else:
            role = self.tr("follow-up line")
        return f"{target.department_name} · {target.label} ({role}) {target.number}"

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().lower()
        first_shown = None
        for row in range(self.list.count()):
            item = self.list.item(row)
            hidden = bool(needle) and needle not in item.text().lower()
            item.setHidden(hidden)
            if not hidden and first_shown is None:
                first_shown = item
        current = self.list.currentItem()
        if first_shown is not None and (current is None or current.isHidden()):
            self.list.setCurrentItem(first_shown)

    def chosen_target(self) -> DirectoryTarget | None:
        item = self.list.currentItem()
        if item is None or item.isHidden():
            return None
        target = item.data(Qt.ItemDataRole.UserRole)
        return target if isinstance(target, DirectoryTarget) else None

    def _choose(self, choice: TransferChoice) -> None:
        typed = self.number.text().strip()
        target = None if typed else self.chosen_target()
        number = typed or (target.number if target else "")
        if not number:
            self.problem.setText(self.tr("Choose where to transfer, or type a number."))
            return
        if not is_dialable(number):
            self.problem.setText(self.tr("That is not a number that can be dialled."))
            self.number.setFocus()
            return
        self.sig_chosen.emit(TransferRequest(choice, number, target))
        self.accept()
