"""Berkas > Akun Windows di PC ini: which Windows accounts may open the PC's shared data folder
(a new colleague's account added, one that left removed); an admin's, shared folders only."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from kdrt_desk.i18n import t
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.form_dialog import FormDialog
from kdrt_desk.wiring import Services


class SharedFolderDialog(FormDialog):
    """The named accounts in one line; Save sets the folder's access and emits ``saved``."""

    def __init__(self, services: Services, runner: TaskRunner, users: list[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(services, runner, parent)
        self.setWindowTitle(t("ui.shared.dialog_title"))
        self.users = QLineEdit(", ".join(users))
        self.users.setMaxLength(700)
        self.users.setPlaceholderText(t("ui.shared.users_hint"))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.add_field(form, t("ui.shared.users"), "windows_users", self.users,
                       hint=t("ui.shared.users_note"))
        self.finish_layout(form, t("ui.admin.save"),
                           t("ui.shared.dialog_intro",
                             folder=str(services.vault.paths.data_dir)))

    def submit(self) -> None:
        text = self.users.text()
        shared = self.services.shared_folder
        self.run(lambda: shared.change_users(text))
