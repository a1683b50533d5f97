"""A staff member changes her own password (forced after an admin reset it)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QVBoxLayout, QWidget

from kdrt_desk.i18n import t
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.account_dialogs import (
    add_field,
    dialog_buttons,
    fit_height,
    focus_first_error,
    password_edit,
    show_password_box,
)
from kdrt_desk.ui.common import ErrorLabel, FieldErrors, failure_messages
from kdrt_desk.wiring import Services

FORCED_STYLE = ("background: #fff4e0; border: 1px solid #e0b060; border-radius: 4px; "
                "padding: 8px;")


class ChangePasswordDialog(QDialog):
    """Old password, new one twice. With ``forced`` the Cancel button reads "Keluar" (log out):
    the caller should end the session when this dialog is rejected."""

    changed = Signal()

    def __init__(self, services: Services, runner: TaskRunner, forced: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.forced = forced
        self.busy = False
        actor = services.vault.actor
        self.setWindowTitle(t("ui.admin.change.title"))

        self.intro = QLabel(t("ui.admin.change.forced", who=actor.display_name or actor.username)
                            if forced else t("ui.admin.change.intro"))
        self.intro.setWordWrap(True)
        if forced:
            self.intro.setStyleSheet(FORCED_STYLE)
        self.old_password = password_edit()
        self.new_password = password_edit()
        self.new_password_repeat = password_edit()
        self.errors = FieldErrors()
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(10)
        add_field(form, self.errors, t("ui.admin.field.old_password_forced") if forced
                  else t("ui.admin.field.old_password"), "old_password", self.old_password, True)
        self.password_hint = add_field(form, self.errors, t("ui.admin.field.new_password"),
                                       "new_password", self.new_password, True,
                                       t("ui.admin.add.password_hint"))
        add_field(form, self.errors, t("ui.admin.field.password_repeat"), "new_password_repeat",
                  self.new_password_repeat, True)
        form.addRow("", show_password_box(self.old_password, self.new_password,
                                          self.new_password_repeat))

        self.summary = ErrorLabel()
        self.buttons = dialog_buttons(t("ui.admin.change.ok"),
                                      t("ui.admin.change.log_out") if forced else "")
        self.cancel_button = self.buttons.button(self.buttons.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())
        fit_height(self, shrink=True)

    def submit(self) -> None:
        """Check the repeat locally, then ask the service; closes once the password changed."""
        if self.busy:
            return
        old = self.old_password.text()
        new = self.new_password.text()
        if new != self.new_password_repeat.text():
            self._show_errors({"new_password_repeat": t("error.password_mismatch")})
            return
        if new and new == old:
            self._show_errors({"new_password": t("ui.admin.change.same_as_old")})
            return
        accounts = self.services.accounts
        self.busy = True
        self.setEnabled(False)
        self.runner.run(lambda: accounts.change_own_password(old, new), self._done, self._failed)

    def _done(self, _result: object) -> None:
        self.busy = False
        self.setEnabled(True)
        self.errors.clear()
        self.summary.show_message("")
        self.changed.emit()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.setEnabled(True)
        errors = failure_messages(self, exc)
        if errors is not None:
            self._show_errors(errors)

    def _show_errors(self, errors: dict[str, str]) -> None:
        self.summary.show_message("\n".join(self.errors.show(errors)))
        if self.password_hint is not None:
            self.password_hint.setVisible("new_password" not in errors)
        focus_first_error(self.errors)
        fit_height(self)
