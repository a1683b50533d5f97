"""The login dialog: username and password, language choice, and the way to the recovery code;
when the key file is damaged and its previous copy is intact, the button that puts it back; when
the vault's files are damaged, missing or replaced, the newest automatic backup offered for a
restore (the damaged files are kept aside, never written over); when an admin opens a vault made
before sealed fields, the upgrade."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kdrt_desk import i18n
from kdrt_desk.errors import UserError, VaultError
from kdrt_desk.i18n import t
from kdrt_desk.security.crypto import DEFAULT_KDF, KdfParams
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.widgets.errors import ErrorLabel, show_error
from kdrt_desk.ui.widgets.look import LINK, NOTICE, OK, TITLE, mark, primary
from kdrt_desk.vault_files import KEYS_NAME

if TYPE_CHECKING:  # the database layer is imported only when someone logs in
    from kdrt_desk.services.backup_offer import BackupOffer
    from kdrt_desk.services.vault_access import OpenVault
    from kdrt_desk.ui.recovery_dialog import RecoveryDialog
    from kdrt_desk.ui.restore_dialog import RestoreDialog
    from kdrt_desk.ui.upgrade_dialog import UpgradeDialog
    from kdrt_desk.wiring import Services

LANGUAGE_NAMES = (("id", "Bahasa Indonesia"), ("en", "English"))


def tries_left(data_dir: Path, username: str, typed_here: int) -> int | None:
    """Wrong passwords she may still type before the lock-out (None: locked now).

    Read from the key file's guard (what the lock-out counts); for a name that has no account the
    count typed in this dialog stands in, so the answer does not tell which names exist.
    """
    from kdrt_desk.security.keyfile import KeyFile, account_slot_id
    from kdrt_desk.security.vault_keys import MAX_TRIES

    try:
        keyfile = KeyFile.load(data_dir / KEYS_NAME)
    except UserError:
        return max(MAX_TRIES - typed_here, 1)
    state = keyfile.guard.lockout.get(account_slot_id(keyfile.vault_id, username))
    if state is not None and state.locked_until is not None \
            and datetime.fromisoformat(state.locked_until) > datetime.now(UTC):
        return None
    counted = state.failures if state is not None else typed_here % MAX_TRIES
    return max(MAX_TRIES - counted, 1)


def vault_is_password_only(data_dir: Path) -> bool:
    """True when this vault cannot use the OS keyring (as recorded, or none is available now)."""
    from kdrt_desk.security.keyfile import KeyFile
    from kdrt_desk.security.secret_store import SecretStore

    if not SecretStore().available():
        return True
    try:
        return not KeyFile.load(data_dir / KEYS_NAME).uses_keyring
    except UserError:
        return False  # a missing or damaged key file is reported by the login itself


class LoginDialog(QDialog):
    """On success ``services`` holds the opened vault's services and the dialog is accepted."""

    def __init__(self, data_dir: Path, runner: TaskRunner, kdf: KdfParams = DEFAULT_KDF,
                 parent: QWidget | None = None, *, found: UserError | None = None) -> None:
        """``found``: what the last session found wrong with the vault after the login (a page
        damaged that opening did not read), shown at once with its offer of a restore."""
        super().__init__(parent)
        self.data_dir = data_dir
        self.runner = runner
        self.kdf = kdf
        self.services: Services | None = None
        self.recovery: RecoveryDialog | None = None
        self.upgrade_dialog: UpgradeDialog | None = None
        self.restore_dialog: RestoreDialog | None = None
        self._offer: BackupOffer | None = None  # the newest automatic backup, when damaged
        self._busy = False
        self._error: UserError | None = None
        self._note_key = ""
        self._tries: tuple[str, dict[str, object]] | None = None  # the lock-out warning
        self._wrong_here: dict[str, int] = {}  # wrong passwords typed here, by name

        self.heading = mark(QLabel(), TITLE)
        self.intro = QLabel()
        self.intro.setWordWrap(True)

        self.language = QComboBox()
        for code, name in LANGUAGE_NAMES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(i18n.language()), 0))
        self.language.currentIndexChanged.connect(self._language_chosen)
        self.language_label = QLabel()
        self.language_label.setBuddy(self.language)

        self.username = QLineEdit()
        self.username.setMaxLength(30)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.username_label = QLabel()
        self.username_label.setBuddy(self.username)
        self.password_label = QLabel()
        self.password_label.setBuddy(self.password)
        form = QFormLayout()
        form.addRow(self.username_label, self.username)
        form.addRow(self.password_label, self.password)

        self.keyring_warning = QLabel()
        self.keyring_warning.setWordWrap(True)
        mark(self.keyring_warning, NOTICE)
        self.keyring_warning.hide()
        QTimer.singleShot(0, self._check_keyring)  # after the window shows: keyring is slow
        self.error_label = ErrorLabel()
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)  # may quote the typed name
        self.note_label = QLabel()
        self.note_label.setWordWrap(True)
        self.note_label.setTextFormat(Qt.TextFormat.PlainText)
        mark(self.note_label, OK)
        self.note_label.hide()
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setMaximumHeight(10)
        self.busy_bar.hide()

        self.login_button = primary(QPushButton())
        self.login_button.setDefault(True)
        self.login_button.clicked.connect(self._submit)
        self.cancel_button = QPushButton()
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        self.recovery_button = QPushButton()
        self.recovery_button.setAutoDefault(False)
        self.recovery_button.setFlat(True)
        mark(self.recovery_button, LINK)
        self.recovery_button.clicked.connect(self.open_recovery)
        self.previous_button = QPushButton()
        self.previous_button.setAutoDefault(False)
        self.previous_button.clicked.connect(self.restore_previous)
        self.previous_button.hide()
        self.backup_button = QPushButton()
        self.backup_button.setAutoDefault(False)
        self.backup_button.clicked.connect(self.open_restore)
        self.backup_button.hide()

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.language_label)
        top.addWidget(self.language)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.login_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.intro)
        layout.addWidget(self.keyring_warning)
        layout.addSpacing(4)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.backup_button)
        layout.addWidget(self.note_label)
        layout.addWidget(self.busy_bar)
        layout.addLayout(buttons)
        layout.addSpacing(4)
        layout.addWidget(self.recovery_button)
        layout.addStretch(1)

        self.setMinimumWidth(500)
        self.retranslate()
        self.username.setFocus()
        if found is not None:
            self._offer_backup(found)
            self._show_error(found)

    def _submit(self) -> None:
        self.login(self.username.text(), self.password.text())

    # -- language -----------------------------------------------------------------------------
    def _check_keyring(self) -> None:
        """Ask the keyring off the GUI thread (importing it is slow) and show the warning."""
        data_dir = self.data_dir
        self.runner.run(lambda: vault_is_password_only(data_dir), self._show_keyring_warning)

    def _show_keyring_warning(self, shown: bool) -> None:
        self.keyring_warning.setVisible(shown)
        QTimer.singleShot(0, self._fit)  # its second line needs room too

    def _language_chosen(self, index: int) -> None:
        code = self.language.itemData(index)
        if code and code != i18n.language():
            i18n.set_language(code)
            # remembered for the next start, as the Bahasa menu's choice is
            QSettings("KDRT Desk", "KDRT Desk").setValue("language", code)
        self.retranslate()

    def set_language(self, code: str) -> None:
        """Switch the UI language (as the selector does)."""
        self.language.setCurrentIndex(max(self.language.findData(code), 0))

    def retranslate(self) -> None:
        self.setWindowTitle(t("ui.access.login_title"))
        self.heading.setText(t("ui.access.login_heading"))
        self.intro.setText(t("ui.access.login_intro"))
        self.language_label.setText(t("ui.access.language"))
        self.username_label.setText(t("ui.access.username"))
        self.password_label.setText(t("ui.access.password"))
        self.username.setPlaceholderText(t("ui.access.login_username_hint"))
        self.keyring_warning.setText(t("warning.password_only"))
        self.login_button.setText(t("ui.access.login_button"))
        self.cancel_button.setText(t("ui.access.quit"))
        self.recovery_button.setText(t("ui.access.use_recovery_code"))
        self.previous_button.setText(t("ui.access.use_previous_keys"))
        self.backup_button.setText(t("ui.access.restore_backup"))
        self.busy_bar.setToolTip(t("ui.access.checking"))
        self.error_label.show_message(self._error_text())
        self.note_label.setText(t(self._note_key) if self._note_key else "")

    # -- logging in ---------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self._busy

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy_bar.setVisible(busy)
        for widget in (self.login_button, self.username, self.password, self.recovery_button,
                       self.language):
            widget.setEnabled(not busy)

    def _error_text(self) -> str:
        lines = [self._error.message] if self._error else []
        if self._error is not None and self.backup_button.isVisibleTo(self):
            lines.append(t("ui.access.newest_backup", when=self._offer.made_text())
                         if self._offer is not None else t("ui.access.no_automatic_backup"))
        if self._tries is not None:
            lines.append(t(self._tries[0], **self._tries[1]))
        return "\n".join(lines)

    def _show_error(self, error: UserError | None) -> None:
        self._error = error
        self._tries = None
        self.error_label.show_message(self._error_text())
        QTimer.singleShot(0, self._fit)

    def _fit(self) -> None:
        """Grow to show a long message whole (never over the buttons): wrapped labels take the
        height they need at the dialog's width."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        needed = (layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth()
                  else layout.totalSizeHint().height())
        if needed > self.height():
            self.resize(self.width(), needed)

    def _count_wrong_password(self, username: str) -> None:
        """From the third wrong password on, say how many tries are left before the lock-out."""
        from kdrt_desk.security.vault_keys import LOCKOUT, MAX_TRIES

        name = username.strip().lower()
        self._wrong_here[name] = self._wrong_here.get(name, 0) + 1
        typed, data_dir = self._wrong_here[name], self.data_dir
        minutes = int(LOCKOUT.total_seconds() // 60)

        def show(left: int | None) -> None:
            if left is None:
                self._tries = ("ui.access.now_locked", {"minutes": minutes})
            elif MAX_TRIES - left >= 3:  # the third wrong password and after
                self._tries = ("ui.access.tries_left", {"count": left, "minutes": minutes})
            else:
                return
            self.error_label.show_message(self._error_text())
            QTimer.singleShot(0, self._fit)

        self.runner.run(lambda: tries_left(data_dir, username, typed), show)

    def login(self, username: str, password: str) -> None:
        """Open the vault off the GUI thread; the outcome shows in the dialog."""
        if self._busy:
            return
        self._note_key = ""
        self.note_label.hide()
        if not username.strip():
            self._show_error(UserError("ui.access.enter_username"))
            self.username.setFocus()
            return
        if not password:
            self._show_error(UserError("ui.access.enter_password"))
            self.password.setFocus()
            return
        self._show_error(None)
        self._set_busy(True)
        data_dir, kdf = self.data_dir, self.kdf

        def unlock() -> OpenVault:
            from kdrt_desk.services.windows_accounts import open_for_login

            # the login is recorded by the main window's first job (after the file's check)
            return open_for_login(data_dir, username, password, kdf=kdf, defer_login=True)

        self.runner.run(unlock, self._logged_in, self._login_failed)

    def _logged_in(self, vault: OpenVault) -> None:
        self._set_busy(False)
        self.password.clear()
        from kdrt_desk.domain.enums import Role

        if vault.actor.role == Role.BACKUP:  # made for the scheduled task: no screen is hers
            vault.close()
            self._show_error(UserError("ui.access.backup_account_no_screens"))
            return
        if vault.upgrade_required:
            self.upgrade(vault)
            return
        from kdrt_desk.wiring import build_services

        self.services = build_services(vault)
        self.accept()

    def upgrade(self, vault: OpenVault) -> UpgradeDialog:
        """An admin opened a vault made before sealed fields: upgrade it first (or log out)."""
        from kdrt_desk.ui.upgrade_dialog import UpgradeDialog

        dialog = UpgradeDialog(vault, self.runner, self)
        dialog.upgraded.connect(self._upgraded)
        dialog.rejected.connect(lambda: self._upgrade_declined(dialog))
        self.upgrade_dialog = dialog
        dialog.open()
        return dialog

    def _upgraded(self, vault: OpenVault) -> None:
        from kdrt_desk.wiring import build_services

        self.services = build_services(vault)
        self.accept()

    def _upgrade_declined(self, dialog: UpgradeDialog) -> None:
        if dialog.vault is not None and not dialog.done_ok:
            dialog.vault.close()
        self._show_error(UserError("ui.access.upgrade_declined"))

    def restore_previous(self) -> None:
        """Put kdrt.keys.prev back (the damaged file is kept beside it), then log in again."""
        from kdrt_desk.services.vault_check import restore_previous_key_file
        from kdrt_desk.vault_files import VaultPaths

        paths = VaultPaths(self.data_dir)
        self.previous_button.hide()

        def restored(_kept: object) -> None:
            self._show_error(None)
            self._note_key = "ui.access.previous_keys_restored"
            self.note_label.setText(t(self._note_key))
            self.note_label.show()
            self.password.setFocus()

        self.runner.run(lambda: restore_previous_key_file(paths), restored, self._login_failed)

    def _login_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.password.clear()
        if not isinstance(exc, UserError):
            show_error(self, exc)
            return
        self._offer_backup(exc)
        self._show_error(exc)
        if isinstance(exc, VaultError) and exc.key == "error.wrong_login":
            self._count_wrong_password(self.username.text())
        self.previous_button.setVisible(
            isinstance(exc, VaultError) and exc.key == "error.keyfile_damaged_previous_ok")
        if isinstance(exc, VaultError) and exc.key in ("error.keyring_secret_missing",
                                                       "error.keyring_secret_missing_shared",
                                                       "error.link_other_pc"):
            self.recovery_button.setFocus()  # the message points to the recovery code
        else:
            self.password.setFocus()

    # -- a damaged vault: restore the newest backup ---------------------------------------------
    def _offer_backup(self, exc: UserError) -> None:
        """Damage a backup cures: the button, and (found off the GUI thread) the newest one."""
        from kdrt_desk.services.backup_offer import CURED_BY_RESTORE, newest_automatic_backup

        self._offer = None
        damaged = isinstance(exc, VaultError) and exc.key in CURED_BY_RESTORE
        self.backup_button.setVisible(damaged)
        if not damaged:
            return
        data_dir = self.data_dir

        def found(offer: BackupOffer | None) -> None:
            self._offer = offer
            self.error_label.show_message(self._error_text())
            QTimer.singleShot(0, self._fit)

        self.runner.run(lambda: newest_automatic_backup(data_dir), found)

    def open_restore(self) -> RestoreDialog:
        """The restore dialog on the newest automatic backup (or a file she chooses); returns it.
        The damaged files are kept aside by the restore, never written over."""
        from kdrt_desk.ui.restore_dialog import RestoreDialog

        dialog = RestoreDialog(self.data_dir, self.runner, username=self.username.text().strip(),
                               backup=self._offer.path if self._offer is not None else None,
                               parent=self)
        dialog.restored.connect(lambda _result: self._restored_backup())
        self.restore_dialog = dialog
        dialog.open()
        return dialog

    def _restored_backup(self) -> None:
        self._offer = None
        self.backup_button.hide()
        self.previous_button.hide()
        self._show_error(None)
        self._note_key = "ui.access.backup_restored"
        self.note_label.setText(t(self._note_key))
        self.note_label.show()
        self.password.clear()
        self.password.setFocus()

    # -- recovery -----------------------------------------------------------------------------
    def open_recovery(self) -> RecoveryDialog:
        """Open the recovery dialog (window-modal, not blocking); returns it."""
        from kdrt_desk.ui.recovery_dialog import RecoveryDialog

        dialog = RecoveryDialog(self.data_dir, self.runner, self.kdf, self)
        dialog.accepted.connect(lambda: self.recovered(dialog.reset_username))
        self.recovery = dialog
        dialog.open()
        return dialog

    def recovered(self, username: str | None) -> None:
        """After a reset with the recovery code: prefill the name, ask for the new password."""
        self._show_error(None)
        if username:
            self.username.setText(username)
        self.password.clear()
        self._note_key = "ui.access.recovered_note"
        self.note_label.setText(t(self._note_key))
        self.note_label.show()
        self.keyring_warning.setVisible(vault_is_password_only(self.data_dir))
        self.password.setFocus()
