"""Dialogs of the accounts screen: add a staff account, reset a password, reactivate an account."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kdrt_desk.domain.enums import Role
from kdrt_desk.i18n import label, t
from kdrt_desk.security.tiers import KeyName
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.common import ErrorLabel, FieldErrors, failure_messages
from kdrt_desk.wiring import Services

HINT_STYLE = "color: #555;"


def password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMinimumWidth(260)
    return edit


def show_password_box(*edits: QLineEdit) -> QCheckBox:
    """A check box that shows what is typed in ``edits`` (typing blind is hard for many users)."""
    box = QCheckBox(t("ui.admin.pw.show"))

    def toggle(checked: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if checked else QLineEdit.EchoMode.Password
        for edit in edits:
            edit.setEchoMode(mode)

    box.toggled.connect(toggle)
    return box


def hint_label(text: str) -> QLabel:
    hint = QLabel(text)
    hint.setWordWrap(True)
    hint.setStyleSheet(HINT_STYLE)
    return hint


def add_field(form: QFormLayout, errors: FieldErrors, label: str, field: str, widget: QWidget,
              required: bool = False, hint: str = "") -> QLabel | None:
    """One form row: the input with its (hidden) error and optional grey hint stacked beneath.

    Stacking them in one cell keeps hidden errors from leaving empty rows in the form.
    """
    cell = QWidget()
    column = QVBoxLayout(cell)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    column.addWidget(widget)
    error = ErrorLabel()
    error.setBuddy(widget)
    column.addWidget(error)
    errors.labels[field] = error
    hint_widget = None
    if hint:
        hint_widget = hint_label(hint)
        column.addWidget(hint_widget)
    form.addRow(f"{label} *" if required else label, cell)
    return hint_widget


def focus_first_error(errors: FieldErrors) -> None:
    """Put the cursor in the first field (in form order) that shows an error."""
    for error in errors.labels.values():
        buddy = error.buddy()
        if not error.isHidden() and buddy is not None:
            buddy.setFocus()
            return


def dialog_buttons(ok_text: str, cancel_text: str = "") -> QDialogButtonBox:
    """OK/Cancel with our own words (Qt's stock texts would stay English)."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setDefault(True)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
        cancel_text or t("ui.admin.cancel"))
    return buttons


def fit_height(dialog: QDialog, shrink: bool = False) -> None:
    """Grow (or fit) a dialog once the layout knows how tall wrapped texts are at its width."""

    def grow() -> None:
        layout = dialog.layout()
        if layout is None:
            return
        layout.activate()
        needed = (layout.totalHeightForWidth(dialog.width()) if layout.hasHeightForWidth()
                  else layout.totalSizeHint().height())
        if needed > dialog.height() or shrink:
            dialog.resize(dialog.width(), needed)

    QTimer.singleShot(0, dialog, grow)


class ReasonDialog(QDialog):
    """Asks for a reason (cancelling a session, taking back a withdrawal); refuses an empty one."""

    def __init__(self, title: str, question: str, parent: QWidget | None = None,
                 ok_text: str = "", empty_key: str = "error.cancel_reason_required") -> None:
        super().__init__(parent)
        self.empty_key = empty_key  # the message for an empty reason
        self.setWindowTitle(title)
        self.reason = QLineEdit()
        self.reason.setMaxLength(500)
        self.error = ErrorLabel()
        buttons = dialog_buttons(ok_text or t("ui.sessions.reason_ok"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint_label(question))
        layout.addWidget(self.reason)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(480, self.sizeHint().height())
        fit_height(self, shrink=True)

    def text(self) -> str:
        return self.reason.text().strip()

    def submit(self) -> None:
        if not self.text():
            self.error.show_message(t(self.empty_key))
            return
        self.accept()


class _ServiceDialog(QDialog):
    """Runs one service call on submit; field errors go beside the fields, the rest below."""

    saved = Signal(str)  # the account's username

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.busy = False
        self.errors = FieldErrors()
        self.hints: dict[str, QLabel] = {}
        self.summary = ErrorLabel()

    def add_field(self, form: QFormLayout, label: str, field: str, widget: QWidget,
                  required: bool = False, hint: str = "") -> None:
        """A row whose hint hides while the field shows an error (they would say the same)."""
        hint_widget = add_field(form, self.errors, label, field, widget, required, hint)
        if hint_widget is not None:
            self.hints[field] = hint_widget

    def _run(self, call: Callable[[], object], username: str) -> None:
        self.busy = True
        self.setEnabled(False)
        self.runner.run(call, lambda _result: self._done(username), self._failed)

    def _done(self, username: str) -> None:
        self.busy = False
        self.setEnabled(True)
        self.errors.clear()
        self.summary.show_message("")
        self.saved.emit(username)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.setEnabled(True)
        errors = failure_messages(self, exc)
        if errors is not None:
            self.show_errors(errors)

    def show_errors(self, errors: dict[str, str]) -> None:
        unplaced = self.errors.show(errors)
        self.summary.show_message("\n".join(unplaced))
        for field, hint in self.hints.items():
            hint.setVisible(field not in errors)
        focus_first_error(self.errors)
        fit_height(self)


class AddAccountDialog(_ServiceDialog):
    """A new staff account: username, name, role and a first password."""

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None
                 ) -> None:
        super().__init__(services, runner, parent)
        self.setWindowTitle(t("ui.admin.add.title"))
        self.username = QLineEdit()
        self.username.setPlaceholderText(t("ui.admin.add.username_example"))
        self.display_name = QLineEdit()
        self.display_name.setMaxLength(120)
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(label(role), role)
        self.role.setCurrentIndex(self.role.findData(Role.STAF))
        self.password = password_edit()
        self.password_repeat = password_edit()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(10)
        self.add_field(form, t("ui.admin.field.username"), "username", self.username, True,
                       t("ui.admin.add.username_hint"))
        self.add_field(form, t("ui.admin.field.display_name"), "display_name", self.display_name)
        self.add_field(form, t("ui.admin.field.role"), "role", self.role, True, " ")
        self.role_hint = self.hints["role"]
        self.add_field(form, t("ui.admin.field.password"), "password", self.password, True,
                       t("ui.admin.add.password_hint"))
        self.add_field(form, t("ui.admin.field.password_repeat"), "password_repeat",
                       self.password_repeat, True)
        form.addRow("", show_password_box(self.password, self.password_repeat))

        self.buttons = dialog_buttons(t("ui.admin.add.ok"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint_label(t("ui.admin.required_hint")))
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.role.currentIndexChanged.connect(self._show_role_hint)
        self._show_role_hint()
        self.resize(560, self.sizeHint().height())
        fit_height(self, shrink=True)

    def _show_role_hint(self) -> None:
        role = self.role.currentData()
        self.role_hint.setText(t(f"ui.admin.role_hint.{role}") if role else "")

    def submit(self) -> None:
        """Check the repeat locally, then ask the service; closes when the account exists."""
        if self.busy:
            return
        if self.password.text() != self.password_repeat.text():
            self.show_errors({"password_repeat": t("error.password_mismatch")})
            return
        accounts = self.services.accounts
        username = self.username.text()
        role = self.role.currentData()
        password = self.password.text()
        display_name = self.display_name.text()
        self._run(lambda: accounts.add_account(username, role, password, display_name),
                  username.strip().lower())


class ResetPasswordDialog(_ServiceDialog):
    """An admin sets a new password for another account, which must change it at next login.

    With ``reactivate`` it also switches a deactivated account back on: deactivating removed the
    account's key, so coming back needs a new password anyway.
    """

    def __init__(self, services: Services, runner: TaskRunner, username: str,
                 display_name: str = "", reactivate: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(services, runner, parent)
        self.username = username
        self.reactivate = reactivate
        who = f"{display_name} ({username})" if display_name else username
        self.setWindowTitle(t("ui.admin.reactivate.title") if reactivate
                            else t("ui.admin.reset.title"))
        self.intro = QLabel(t("ui.admin.reactivate.intro", who=who) if reactivate
                            else t("ui.admin.reset.intro", who=who))
        self.intro.setWordWrap(True)
        self.password = password_edit()
        self.password_repeat = password_edit()
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(10)
        self.add_field(form, t("ui.admin.field.new_password"), "password", self.password, True,
                       t("ui.admin.add.password_hint"))
        self.add_field(form, t("ui.admin.field.password_repeat"), "password_repeat",
                       self.password_repeat, True)
        form.addRow("", show_password_box(self.password, self.password_repeat))

        self.buttons = dialog_buttons(t("ui.admin.reactivate.ok") if reactivate
                                      else t("ui.admin.reset.ok"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        next_login = QLabel(t("ui.admin.reset.next_login"))
        next_login.setWordWrap(True)
        next_login.setStyleSheet("font-weight: bold;")
        layout.addWidget(next_login)
        layout.addStretch(1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())
        fit_height(self, shrink=True)

    def submit(self) -> None:
        if self.busy:
            return
        if self.password.text() != self.password_repeat.text():
            self.show_errors({"password_repeat": t("error.password_mismatch")})
            return
        accounts = self.services.accounts
        username = self.username
        password = self.password.text()
        reactivate = self.reactivate

        def call() -> None:
            # The reset validates the password before it changes anything, and switches the
            # account on; set_active then records the reactivation in the audit log.
            accounts.reset_password(username, password)
            if reactivate:
                accounts.set_active(username, True)

        self._run(call, username)


class ChangeRoleDialog(_ServiceDialog):
    """Give an account another role: signed again, its keys follow the new role. ``lost``
    holds the keys it gave up (the accounts screen then offers to rotate them)."""

    def __init__(self, services: Services, runner: TaskRunner, username: str, current: Role,
                 display_name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(services, runner, parent)
        self.username = username
        self.lost: frozenset[KeyName] = frozenset()
        who = f"{display_name} ({username})" if display_name else username
        self.setWindowTitle(t("ui.admin.role.title"))
        intro = QLabel(t("ui.admin.role.intro", who=who))
        intro.setWordWrap(True)
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(label(role), role)
        self.role.setCurrentIndex(self.role.findData(current))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.add_field(form, t("ui.admin.field.role"), "role", self.role, True, " ")
        self.role_hint = self.hints["role"]
        self.buttons = dialog_buttons(t("ui.admin.role.ok"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.role.currentIndexChanged.connect(self._show_role_hint)
        self._show_role_hint()
        self.resize(520, self.sizeHint().height())
        fit_height(self, shrink=True)

    def _show_role_hint(self) -> None:
        role = self.role.currentData()
        self.role_hint.setText(t(f"ui.admin.role_hint.{role}") if role else "")

    def submit(self) -> None:
        if self.busy:
            return
        accounts = self.services.accounts
        username, role = self.username, self.role.currentData()

        def call() -> None:
            self.lost = accounts.change_role(username, role)

        self._run(call, username)


class HandOverDialog(_ServiceDialog):
    """The owner of an upgraded account types her password in the admin's session: that
    proves the key pair in her slot is hers, and her role's keys are handed over."""

    def __init__(self, services: Services, runner: TaskRunner, username: str,
                 display_name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(services, runner, parent)
        self.username = username
        who = f"{display_name} ({username})" if display_name else username
        self.setWindowTitle(t("ui.admin.handover.title"))
        intro = QLabel(t("ui.admin.handover.intro", who=who))
        intro.setWordWrap(True)
        self.password = password_edit()
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.add_field(form, t("ui.admin.handover.password", who=username), "password",
                       self.password, True)
        self.errors.labels["username"] = self.errors.labels["password"]
        self.buttons = dialog_buttons(t("ui.admin.handover.ok"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.resize(540, self.sizeHint().height())
        fit_height(self, shrink=True)

    def submit(self) -> None:
        if self.busy:
            return
        accounts = self.services.accounts
        username, password = self.username, self.password.text()
        self.password.clear()
        self._run(lambda: accounts.confirm_keys(username, password), username)
