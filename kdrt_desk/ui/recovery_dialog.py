"""Opening the vault with the recovery code, then giving one account a new password."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kdrt_desk.domain.enums import Role
from kdrt_desk.errors import UserError, ValidationError
from kdrt_desk.i18n import label, t
from kdrt_desk.security.crypto import DEFAULT_KDF, KdfParams
from kdrt_desk.security.recovery_code import normalise_recovery_code
from kdrt_desk.services.accounts import AccountInfo, AccountService
from kdrt_desk.services.vault_access import (
    MIN_PASSWORD,
    OpenVault,
    open_vault_with_recovery,
    validate_new_password,
)
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.widgets.errors import ErrorLabel, FieldErrors, show_error
from kdrt_desk.ui.widgets.look import OK, mark


def _wrapped(text: str = "") -> QLabel:
    widget = QLabel(text)
    widget.setWordWrap(True)
    return widget


class RecoveryDialog(QDialog):
    """Step 1: the recovery code opens the vault. Step 2: a new password for one account."""

    def __init__(self, data_dir: Path, runner: TaskRunner, kdf: KdfParams = DEFAULT_KDF,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.runner = runner
        self.kdf = kdf
        self.reset_username: str | None = None
        self.accounts: list[AccountInfo] = []
        self._vault: OpenVault | None = None
        self._busy = False
        self.setWindowTitle(t("ui.access.recovery_window_title"))

        # step 1: the code
        code_page = QWidget()
        code_layout = QVBoxLayout(code_page)
        code_layout.setContentsMargins(0, 0, 0, 0)
        code_layout.addWidget(_wrapped(t("ui.access.recovery_code_intro")))
        self.code = QLineEdit()
        code_font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        code_font.setPointSize(code_font.pointSize() + 2)
        self.code.setFont(code_font)
        self.code.setPlaceholderText("ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345")
        self.code.setMaxLength(60)
        self.code.returnPressed.connect(lambda: self.recover(self.code.text()))
        code_form = QFormLayout()
        code_form.addRow(t("ui.access.recovery_code"), self.code)
        code_layout.addLayout(code_form)
        code_layout.addWidget(_wrapped(t("ui.access.recovery_code_hint")))
        self.code_error = ErrorLabel()
        code_layout.addWidget(self.code_error)
        code_layout.addStretch(1)

        # step 2: the account and its new password
        reset_page = QWidget()
        reset_layout = QVBoxLayout(reset_page)
        reset_layout.setContentsMargins(0, 0, 0, 0)
        opened = _wrapped(t("ui.access.recovery_opened"))
        mark(opened, OK)
        reset_layout.addWidget(opened)
        self.account = QComboBox()
        self.new_password = QLineEdit()
        self.new_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_password_repeat = QLineEdit()
        self.new_password_repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.errors = FieldErrors()
        reset_form = QFormLayout()
        self.errors.add_row(reset_form, t("ui.access.account"), "username", self.account)
        self.errors.add_row(reset_form, t("ui.access.new_password"), "password",
                            self.new_password)
        self.errors.add_row(reset_form, t("ui.access.password_repeat"), "password_repeat",
                            self.new_password_repeat)
        for error in self.errors.labels.values():
            error.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        reset_layout.addLayout(reset_form)
        reset_layout.addWidget(_wrapped(t("ui.access.password_rules", minimum=MIN_PASSWORD)))
        reset_layout.addWidget(_wrapped(t("ui.access.reset_change_later")))
        self.reset_error = ErrorLabel()
        reset_layout.addWidget(self.reset_error)
        reset_layout.addStretch(1)

        self.pages = QStackedWidget()
        self.pages.addWidget(code_page)
        self.pages.addWidget(reset_page)

        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setMaximumHeight(10)
        self.busy_bar.hide()

        self.cancel_button = QPushButton(t("ui.access.cancel"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        self.action_button = QPushButton(t("ui.access.open_with_code"))
        self.action_button.setDefault(True)
        self.action_button.clicked.connect(self._action)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.action_button)

        heading = QLabel(t("ui.access.recovery_heading"))
        heading_font = heading.font()
        heading_font.setPointSize(heading_font.pointSize() + 3)
        heading_font.setWeight(QFont.Weight.Bold)
        heading.setFont(heading_font)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.busy_bar)
        layout.addLayout(buttons)
        self.setMinimumWidth(540)

    # -- state --------------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def vault_open(self) -> bool:
        return self._vault is not None

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy_bar.setVisible(busy)
        for widget in (self.action_button, self.cancel_button, self.code, self.account,
                       self.new_password, self.new_password_repeat):
            widget.setEnabled(not busy)

    def _action(self) -> None:
        if self._vault is None:
            self.recover(self.code.text())
        else:
            self.set_new_password(self.account.currentData() or "", self.new_password.text(),
                                  self.new_password_repeat.text())

    # -- step 1 -------------------------------------------------------------------------------
    def recover(self, code: str) -> None:
        """Open the vault with the recovery code (off the GUI thread), then list the accounts."""
        if self._busy or self._vault is not None:
            return
        if normalise_recovery_code(code) is None:
            self.code_error.show_message(t("error.recovery_code_format"))
            self.code.setFocus()
            return
        self.code_error.show_message("")
        self._set_busy(True)
        data_dir, kdf = self.data_dir, self.kdf

        def work() -> tuple[OpenVault, list[AccountInfo]]:
            vault = open_vault_with_recovery(data_dir, code, kdf=kdf)
            try:
                return vault, AccountService(vault).list_accounts()
            except BaseException:
                vault.close()
                raise

        self.runner.run(work, self._opened, self._recover_failed)

    def _opened(self, result: tuple[OpenVault, list[AccountInfo]]) -> None:
        self._vault, accounts = result
        self._set_busy(False)
        self.code.clear()
        self.accounts = sorted(accounts, key=lambda a: (a.role != Role.ADMIN, a.username))
        self.account.clear()
        for info in self.accounts:
            text = f"{info.username} — {label(info.role)}"
            if info.display_name:
                text = f"{info.username} ({info.display_name}) — {label(info.role)}"
            if not info.active:
                text += " " + t("ui.access.account_inactive_mark")
            self.account.addItem(text, info.username)
        self.pages.setCurrentIndex(1)
        self.action_button.setText(t("ui.access.save_new_password"))
        self.new_password.setFocus()

    def _recover_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, UserError):
            self.code_error.show_message(exc.message)
            self.code.setFocus()
            self.code.selectAll()
        else:
            show_error(self, exc)

    # -- step 2 -------------------------------------------------------------------------------
    def set_new_password(self, username: str, password: str, password_repeat: str) -> None:
        """Reset ``username``'s password; on success close the vault and accept."""
        vault = self._vault
        if self._busy or vault is None:
            return
        self.reset_error.show_message("")
        problems: dict[str, str] = {}
        if not username:
            problems["username"] = t("error.required")
        try:
            validate_new_password(password, username)
        except ValidationError as exc:
            problems.update(exc.by_field())
        if "password" not in problems and password != password_repeat:
            problems["password_repeat"] = t("error.password_mismatch")
        self.errors.show(problems)
        if problems:
            return
        self._set_busy(True)

        def work() -> None:
            AccountService(vault).reset_password(username, password)
            vault.close()

        self.runner.run(work, lambda _: self._reset_done(username), self._reset_failed)

    def _reset_done(self, username: str) -> None:
        self._vault = None
        self._set_busy(False)
        self.new_password.clear()
        self.new_password_repeat.clear()
        self.reset_username = username
        self.accept()

    def _reset_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.new_password.clear()
        self.new_password_repeat.clear()
        if isinstance(exc, ValidationError):
            unplaced = self.errors.show(exc.by_field())
            self.reset_error.show_message("\n".join(unplaced))
        elif isinstance(exc, UserError):
            self.reset_error.show_message(exc.message)
        else:
            show_error(self, exc)

    # -- closing ------------------------------------------------------------------------------
    def close_vault(self) -> None:
        """Release the vault (through the worker, after any call still using it)."""
        vault, self._vault = self._vault, None
        if vault is not None:
            self.runner.run(vault.close)

    def reject(self) -> None:
        if self._busy:
            return
        self.close_vault()
        super().reject()
