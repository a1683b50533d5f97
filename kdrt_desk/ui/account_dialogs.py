"""Dialogs of the accounts screen: add a staff account, reset a password, reactivate an account,
change a role, hand over keys. Each saves through ``FormDialog`` and emits the username."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from kdrt_desk.domain.enums import Role
from kdrt_desk.i18n import label, t
from kdrt_desk.security.tiers import KeyName
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.form_dialog import FormDialog
from kdrt_desk.ui.widgets.forms import new_form, password_edit, plain, show_password_box
from kdrt_desk.ui.widgets.look import STRONG, mark
from kdrt_desk.wiring import Services


class AddAccountDialog(FormDialog):
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

        form = new_form()
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
        self.finish_layout(form, t("ui.admin.add.ok"), t("ui.admin.required_hint"), 560,
                           stretch=True)
        self.role.currentIndexChanged.connect(self._show_role_hint)
        self._show_role_hint()

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

        def call() -> str:
            accounts.add_account(username, role, password, display_name)
            return username.strip().lower()

        self.run(call)


class ResetPasswordDialog(FormDialog):
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
        self.intro = plain(QLabel(t("ui.admin.reactivate.intro", who=who) if reactivate
                                  else t("ui.admin.reset.intro", who=who)))
        self.intro.setWordWrap(True)
        self.password = password_edit()
        self.password_repeat = password_edit()
        form = new_form()
        form.setVerticalSpacing(10)
        self.add_field(form, t("ui.admin.field.new_password"), "password", self.password, True,
                       t("ui.admin.add.password_hint"))
        self.add_field(form, t("ui.admin.field.password_repeat"), "password_repeat",
                       self.password_repeat, True)
        form.addRow("", show_password_box(self.password, self.password_repeat))
        next_login = mark(QLabel(t("ui.admin.reset.next_login")), STRONG)
        next_login.setWordWrap(True)
        self.finish_layout(form, t("ui.admin.reactivate.ok") if reactivate
                           else t("ui.admin.reset.ok"), self.intro, 560, [next_login],
                           stretch=True)

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

        def call() -> str:
            # The reset validates the password before it changes anything, and switches the
            # account on; set_active then records the reactivation in the audit log.
            accounts.reset_password(username, password)
            if reactivate:
                accounts.set_active(username, True)
            return username

        self.run(call)


class ChangeRoleDialog(FormDialog):
    """Give an account another role: signed again, its keys follow the new role. ``lost``
    holds the keys it gave up (the accounts screen then offers to rotate them)."""

    def __init__(self, services: Services, runner: TaskRunner, username: str, current: Role,
                 display_name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(services, runner, parent)
        self.username = username
        self.lost: frozenset[KeyName] = frozenset()
        who = f"{display_name} ({username})" if display_name else username
        self.setWindowTitle(t("ui.admin.role.title"))
        intro = plain(QLabel(t("ui.admin.role.intro", who=who)))
        intro.setWordWrap(True)
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(label(role), role)
        self.role.setCurrentIndex(self.role.findData(current))
        form = new_form()
        self.add_field(form, t("ui.admin.field.role"), "role", self.role, True, " ")
        self.role_hint = self.hints["role"]
        self.finish_layout(form, t("ui.admin.role.ok"), intro, 520, stretch=True)
        self.role.currentIndexChanged.connect(self._show_role_hint)
        self._show_role_hint()

    def _show_role_hint(self) -> None:
        role = self.role.currentData()
        self.role_hint.setText(t(f"ui.admin.role_hint.{role}") if role else "")

    def submit(self) -> None:
        if self.busy:
            return
        accounts = self.services.accounts
        username, role = self.username, self.role.currentData()

        def call() -> str:
            self.lost = accounts.change_role(username, role)
            return username

        self.run(call)


class HandOverDialog(FormDialog):
    """The owner of an upgraded account types her password in the admin's session: that
    proves the key pair in her slot is hers, and her role's keys are handed over."""

    def __init__(self, services: Services, runner: TaskRunner, username: str,
                 display_name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(services, runner, parent)
        self.username = username
        who = f"{display_name} ({username})" if display_name else username
        self.setWindowTitle(t("ui.admin.handover.title"))
        intro = plain(QLabel(t("ui.admin.handover.intro", who=who)))
        intro.setWordWrap(True)
        self.password = password_edit()
        form = new_form()
        self.add_field(form, t("ui.admin.handover.password", who=username), "password",
                       self.password, True)
        self.errors.labels["username"] = self.errors.labels["password"]
        self.finish_layout(form, t("ui.admin.handover.ok"), intro, 540, stretch=True)

    def submit(self) -> None:
        if self.busy:
            return
        accounts = self.services.accounts
        username, password = self.username, self.password.text()
        self.password.clear()

        def call() -> str:
            accounts.confirm_keys(username, password)
            return username

        self.run(call)
