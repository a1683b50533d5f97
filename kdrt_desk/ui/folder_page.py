"""The set-up wizard's page "Tempat data" (Windows, several accounts on one PC): this Windows
account's own folder, or the PC's shared folder opened only to the Windows accounts named."""

from __future__ import annotations

import getpass
from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from kdrt_desk.errors import ValidationError
from kdrt_desk.i18n import t
from kdrt_desk.services.windows_accounts import parse_windows_users
from kdrt_desk.ui.setup_wizard import align_errors_top, wrapped_label
from kdrt_desk.ui.widgets.errors import FieldErrors


class FolderPage(QWizardPage):
    """Where the vault is made; ``shared_users`` are the accounts named (shared choice only)."""

    def __init__(self, own: Path, shared: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.own, self.shared = own, shared
        self.setTitle(t("ui.shared.page_title"))
        layout = QVBoxLayout(self)
        layout.addWidget(wrapped_label(t("ui.shared.intro")))
        layout.addSpacing(6)
        self.own_choice = QRadioButton(t("ui.shared.own", user=getpass.getuser()))
        self.own_choice.setChecked(True)
        self.shared_choice = QRadioButton(t("ui.shared.shared"))
        self.choices = QButtonGroup(self)
        self.choices.addButton(self.own_choice)
        self.choices.addButton(self.shared_choice)
        layout.addWidget(self.own_choice)
        layout.addWidget(self._indented(wrapped_label(t("ui.shared.own_note", folder=str(own)))))
        layout.addSpacing(6)
        layout.addWidget(self.shared_choice)
        layout.addWidget(self._indented(wrapped_label(
            t("ui.shared.shared_note", folder=str(shared)))))
        self.errors = FieldErrors()
        form = QFormLayout()
        self.users = QLineEdit()
        self.users.setMaxLength(700)
        self.users.setPlaceholderText(t("ui.shared.users_hint"))
        self.errors.add_row(form, t("ui.shared.users"), "windows_users", self.users)
        align_errors_top(self.errors)
        self.users_box = QWidget()
        self.users_box.setLayout(form)
        layout.addWidget(self._indented(self.users_box))
        layout.addWidget(self._indented(wrapped_label(t("ui.shared.users_note"))))
        layout.addStretch(1)
        self.users_box.setEnabled(False)
        self.shared_choice.toggled.connect(self._shared_toggled)

    @staticmethod
    def _indented(widget: QWidget) -> QWidget:
        box = QWidget()
        inner = QVBoxLayout(box)
        inner.setContentsMargins(24, 0, 0, 0)
        inner.addWidget(widget)
        return box

    def _shared_toggled(self, on: bool) -> None:
        self.users_box.setEnabled(on)
        if on:
            self.users.setFocus()
        else:
            self.errors.clear()

    @property
    def is_shared(self) -> bool:
        return self.shared_choice.isChecked()

    @property
    def chosen_dir(self) -> Path:
        return self.shared if self.is_shared else self.own

    def shared_users(self) -> list[str]:
        """The named accounts (raises ``ValidationError``); empty for the own folder."""
        return parse_windows_users(self.users.text()) if self.is_shared else []

    def validatePage(self) -> bool:  # noqa: N802 - Qt API
        try:
            self.shared_users()
        except ValidationError as exc:
            self.errors.show(exc.by_field())
            self.users.setFocus()
            return False
        self.errors.clear()
        return True
