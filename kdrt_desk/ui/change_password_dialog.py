"""A staff member changes her own password (forced after an admin reset it)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QWidget

from kdrt_desk.i18n import t
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.form_dialog import FormDialog
from kdrt_desk.ui.widgets.forms import new_form, password_edit, plain, show_password_box
from kdrt_desk.ui.widgets.look import NOTICE, mark
from kdrt_desk.wiring import Services


class ChangePasswordDialog(FormDialog):
    """Old password, new one twice. With ``forced`` the Cancel button reads "Keluar" (log out):
    the caller should end the session when this dialog is rejected."""

    changed = Signal()

    def __init__(self, services: Services, runner: TaskRunner, forced: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(services, runner, parent)
        self.forced = forced
        actor = services.vault.actor
        self.setWindowTitle(t("ui.admin.change.title"))

        self.intro = QLabel(t("ui.admin.change.forced", who=actor.display_name or actor.username)
                            if forced else t("ui.admin.change.intro"))
        self.intro.setWordWrap(True)
        plain(self.intro)
        if forced:
            mark(self.intro, NOTICE)
        self.old_password = password_edit()
        self.new_password = password_edit()
        self.new_password_repeat = password_edit()
        form = new_form()
        form.setVerticalSpacing(10)
        self.add_field(form, t("ui.admin.field.old_password_forced") if forced
                       else t("ui.admin.field.old_password"), "old_password", self.old_password,
                       True)
        self.password_hint = self.add_field(form, t("ui.admin.field.new_password"),
                                            "new_password", self.new_password, True,
                                            t("ui.admin.add.password_hint"))
        self.add_field(form, t("ui.admin.field.password_repeat"), "new_password_repeat",
                       self.new_password_repeat, True)
        form.addRow("", show_password_box(self.old_password, self.new_password,
                                          self.new_password_repeat))
        self.finish_layout(form, t("ui.admin.change.ok"), self.intro, 560, stretch=True)
        if forced:
            self.buttons.button(self.buttons.StandardButton.Cancel).setText(
                t("ui.admin.change.log_out"))
        self.cancel_button = self.buttons.button(self.buttons.StandardButton.Cancel)
        self.saved.connect(lambda _result: self.changed.emit())

    def submit(self) -> None:
        """Check the repeat locally, then ask the service; closes once the password changed."""
        if self.busy:
            return
        old = self.old_password.text()
        new = self.new_password.text()
        if new != self.new_password_repeat.text():
            self.show_errors({"new_password_repeat": t("error.password_mismatch")})
            return
        if new and new == old:
            self.show_errors({"new_password": t("ui.admin.change.same_as_old")})
            return
        accounts = self.services.accounts
        self.run(lambda: accounts.change_own_password(old, new))
