"""Sign-in: find the account (search, grouped by department), type the password, optionally
remember it in the OS keyring. The account that signed in last is offered first (its user
name is kept in the config folder; a password never is). A store with no accounts yet says
how this computer gets them instead of offering an empty list.

A remembered password only starts the desk. Switching user (also from the lock screen) opens
the dialog with ``typed_only``: nothing is read from the keyring, nothing pre-filled, and the
keyring entry is left as it is."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Engine

from agent_app.config import SignInSettings
from agent_app.credentials import forget_password, remember_password, remembered_password
from agent_app.domain.views import StaffAccount
from agent_app.store.repositories.sign_in_guard import SignInRefusedError, check_sign_in
from agent_app.store.repositories.staff import AuthenticationError, authenticate
from agent_app.sync.sign_in import SignInNeedsServerError
from agent_app.ui.account_picker import AccountPicker
from agent_app.ui.background import run_in_background
from agent_app.ui.last_account import remember_account, remembered_account
from agent_app.ui.qt import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    Signal,
)
from agent_app.ui.sign_in_wait import AttemptCountdown, Clock, utc_now


class LoginDialog(QDialog):
    """Emits ``sig_signed_in`` with the StaffAccount and accepts once the password checks out."""

    sig_signed_in = Signal(object)

    def __init__(
        self,
        engine: Engine,
        accounts: list[StaffAccount],
        last_username: str | None = None,
        parent: QWidget | None = None,
        *,
        typed_only: bool = False,
        rules: SignInSettings | None = None,
        clock: Clock = utc_now,
        verify: Callable[[Engine, str, str], StaffAccount] = authenticate,
        restore_backup: Callable[[], object] | None = None,
    ) -> None:
        """``last_username``: the account to offer first (None: the one that signed in last
        on this computer); ``typed_only``: the password must be typed (switching user);
        ``rules``: the sign-in guard's settings; ``clock``: the time the guard judges
        attempts by."""
        super().__init__(parent)
        self._engine = engine
        self._verify = verify
        self._accounts = accounts
        self.typed_only = typed_only
        self._rules = rules
        self.account: StaffAccount | None = None
        # Qt adds " — " and the application's display name (Follow-up Desk) itself.
        self.setWindowTitle(self.tr("Sign in"))
        self.setMinimumWidth(420)

        self.user_picker = AccountPicker(accounts, self)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("Password"))
        self.remember_box = QCheckBox(self.tr("Remember me on this computer"))
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setWordWrap(True)
        self.countdown = AttemptCountdown(clock, self)
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
        form.addRow(self.tr("&User"), self.user_picker)
        form.addRow(self.tr("&Password"), self.password_edit)
        form.addRow("", self.remember_box)
        self.remember_box.setVisible(not typed_only)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Patient follow-up desk"))
        title.setStyleSheet("font-size: 18px; font-weight: 600; margin-bottom: 8px;")
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.countdown)
        layout.addWidget(self.buttons)

        self.user_picker.sig_chosen.connect(lambda _username: self._fill_remembered())
        self.user_picker.sig_done.connect(self._search_done)
        if not accounts:
            self._no_accounts()
            return
        last = remembered_account() if last_username is None else last_username
        if not (last and self.user_picker.choose(last)):
            self.user_picker.filter("")  # the first account
        self._fill_remembered()
        self.password_edit.setFocus()

    def _no_accounts(self) -> None:
        """A first start: nothing to choose, so say how accounts reach this computer."""
        self.user_picker.setEnabled(False)
        self.password_edit.setEnabled(False)
        self.remember_box.setEnabled(False)
        self.sign_in_button.setEnabled(False)
        self.error_label.setText(
            self.tr(
                "No staff accounts are on this computer yet, so nobody can sign in. They "
                "arrive with the first sync from the hospital's central server or with the "
                "discharge import; ask your administrator to set this computer up. To try "
                "the desk, start the demo (agent-app --demo)."
            )
        )

    def _search_done(self) -> None:
        if self.username:
            self.password_edit.setFocus()
            self.password_edit.selectAll()

    @property
    def username(self) -> str:
        """The chosen account's user name ("" while the search hides every account)."""
        return self.user_picker.username()

    @property
    def sign_in_button(self) -> QWidget:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def _fill_remembered(self) -> None:
        self.error_label.clear()
        self.countdown.release()  # a wait belongs to the account it was earned by
        if self.typed_only or not self.username:
            self.password_edit.clear()
            return
        saved = remembered_password(self.username)
        self.password_edit.setText(saved or "")
        self.remember_box.setChecked(saved is not None)

    def try_sign_in(self) -> None:
        """Check the password off the GUI thread (argon2 is deliberately slow)."""
        username, password = self.username, self.password_edit.text()
        if not username:
            self.error_label.setText(self.tr("Choose your account from the list."))
            return
        if not password:
            self.error_label.setText(self.tr("Type your password."))
            return
        self.buttons.setEnabled(False)
        self.error_label.setText(self.tr("Checking…"))
        engine, rules, now, verify = self._engine, self._rules, self.countdown.clock(), self._verify
        run_in_background(
            lambda: check_sign_in(
                engine, username, password, verify=verify, now=now, settings=rules
            ),
            lambda account: self._signed_in(account, password),
            self._failed,
        )

    def _signed_in(self, account: StaffAccount, password: str) -> None:
        self.buttons.setEnabled(True)
        if not self.typed_only:  # switching user leaves the keyring as the start left it
            self._remember_or_forget(account.username, password)
        remember_account(account.username)
        self.account = account
        self.sig_signed_in.emit(account)
        self.accept()

    def _remember_or_forget(self, username: str, password: str) -> None:
        if not self.remember_box.isChecked():
            forget_password(username)
        elif not remember_password(username, password):
            self.error_label.setText(
                self.tr("This computer has no keyring; the password was not remembered.")
            )

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        wrong = self.tr("Unknown user or wrong password.")
        if isinstance(error, SignInRefusedError):
            self.error_label.setText(self.countdown.refusal(error, wrong))
            self.countdown.hold(self.sign_in_button, error.until)
        elif isinstance(error, SignInNeedsServerError):
            self.error_label.setText(
                self.tr(
                    "You have not signed in on this computer before, and the central server "
                    "cannot be reached to check your password. Connect to the hospital network "
                    "and try again."
                )
            )
        elif isinstance(error, AuthenticationError):
            self.error_label.setText(wrong)
        else:
            self.error_label.setText(
                self.tr("Sign-in failed: {0}").format(str(error) or type(error).__name__)
            )
        self.password_edit.selectAll()
        self.password_edit.setFocus()
