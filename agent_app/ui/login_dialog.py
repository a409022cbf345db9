"""Sign-in: pick the account, type the password, optionally remember it in the OS keyring."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Engine

from agent_app.credentials import forget_password, remember_password, remembered_password
from agent_app.domain.enums import Role
from agent_app.domain.views import StaffAccount
from agent_app.store.repositories.staff import AuthenticationError, authenticate
from agent_app.ui.background import run_in_background
from agent_app.ui.qt import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    Signal,
)


class LoginDialog(QDialog):
    """Emits ``sig_signed_in`` with the StaffAccount and accepts once the password checks out."""

    sig_signed_in = Signal(object)

    def __init__(
        self,
        engine: Engine,
        accounts: list[StaffAccount],
        last_username: str = "",
        parent: QWidget | None = None,
        restore_backup: Callable[[], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self._accounts = accounts
        self.account: StaffAccount | None = None
        self.setWindowTitle(self.tr("Follow-up Desk — Sign in"))
        self.setMinimumWidth(420)

        self.user_box = QComboBox()
        for account in accounts:
            role = self._role_name(account.role)
            label = f"{account.full_name} — {account.department_name} · {role}"
            self.user_box.addItem(label, account.username)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("Password"))
        self.remember_box = QCheckBox(self.tr("Remember me on this computer"))
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        self.buttons.accepted.connect(self.try_sign_in)
        self.buttons.rejected.connect(self.reject)
        if restore_backup is not None:  # the store's backups (ui/backup_restore_dialog.py)
            restore = self.buttons.addButton(
                self.tr("Restore a backup…"), QDialogButtonBox.ButtonRole.ResetRole
            )
            restore.clicked.connect(lambda: restore_backup())

        form = QFormLayout()
        form.addRow(self.tr("&User"), self.user_box)
        form.addRow(self.tr("&Password"), self.password_edit)
        form.addRow("", self.remember_box)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Patient follow-up desk"))
        title.setStyleSheet("font-size: 18px; font-weight: 600; margin-bottom: 8px;")
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        self.user_box.currentIndexChanged.connect(self._fill_remembered)
        index = self.user_box.findData(last_username) if last_username else 0
        self.user_box.setCurrentIndex(max(index, 0))
        self._fill_remembered()
        self.password_edit.setFocus()

    def _role_name(self, role: Role) -> str:
        names = {
            Role.AGENT: self.tr("Follow-up agent"),
            Role.SUPERVISOR: self.tr("Supervisor"),
            Role.QUALITY: self.tr("Quality"),
            Role.ADMIN: self.tr("Administrator"),
        }
        return names[role]

    @property
    def username(self) -> str:
        return str(self.user_box.currentData())

    def _fill_remembered(self) -> None:
        saved = remembered_password(self.username)
        self.password_edit.setText(saved or "")
        self.remember_box.setChecked(saved is not None)
        self.error_label.clear()

    def try_sign_in(self) -> None:
        """Check the password off the GUI thread (argon2 is deliberately slow)."""
        username, password = self.username, self.password_edit.text()
        if not password:
            self.error_label.setText(self.tr("Type your password."))
            return
        self.buttons.setEnabled(False)
        self.error_label.setText(self.tr("Checking…"))
        run_in_background(
            lambda: authenticate(self._engine, username, password),
            lambda account: self._signed_in(account, password),
            self._failed,
        )

    def _signed_in(self, account: StaffAccount, password: str) -> None:
        self.buttons.setEnabled(True)
        if self.remember_box.isChecked():
            if not remember_password(account.username, password):
                self.error_label.setText(
                    self.tr("This computer has no keyring; the password was not remembered.")
                )
        else:
            forget_password(account.username)
        self.account = account
        self.sig_signed_in.emit(account)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(error, AuthenticationError):
            self.error_label.setText(self.tr("Unknown user or wrong password."))
        else:
            self.error_label.setText(
                self.tr("Sign-in failed: {0}").format(str(error) or type(error).__name__)
            )
        self.password_edit.selectAll()
        self.password_edit.setFocus()
