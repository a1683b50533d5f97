"""The accounts screen adds a Backup operator: the role is offered with its explanation, the
OK button creates it, and the new account holds the master key only and may only back up."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from kdrt_desk.domain.enums import Role
from kdrt_desk.errors import PermissionDeniedError
from kdrt_desk.i18n import label, t
from kdrt_desk.security.permissions import Permission
from kdrt_desk.security.tiers import KeyName
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.account_dialogs import AddAccountDialog
from kdrt_desk.ui.accounts_view import AccountsView
from kdrt_desk.wiring import Services

if TYPE_CHECKING:  # imported by name only: other test folders have a conftest too
    from support.vault_fixture import VaultFixture

SECRET = "sandi cadangan malam 2026"


def test_admin_adds_a_backup_operator_with_its_explanation(
        admin: Services, runner: TaskRunner, vault: VaultFixture, qtbot: QtBot) -> None:
    view = AccountsView(admin, runner)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: len(view.accounts) >= 1)
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert isinstance(dialog, AddAccountDialog) and dialog.isVisible()
    roles = dialog.role
    index = roles.findData(Role.BACKUP)
    assert index >= 0 and roles.itemText(index) == label(Role.BACKUP) == "Operator cadangan"
    roles.setCurrentIndex(index)
    hint = dialog.role_hint.text()
    assert hint == t("ui.admin.role_hint.backup") and "cadangan" in hint
    dialog.username.setText("cadangan")
    dialog.display_name.setText("Tugas cadangan malam")
    dialog.password.setText(SECRET)
    dialog.password_repeat.setText(SECRET)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(a.username == "cadangan" for a in view.accounts))
    assert not dialog.isVisible()
    added = next(a for a in view.accounts if a.username == "cadangan")
    assert added.role is Role.BACKUP

    runner.wait()
    admin.close()
    backup = vault.services("cadangan", SECRET)
    try:
        actor = backup.vault.actor
        assert actor.role is Role.BACKUP and actor.held == frozenset({KeyName.MASTER})
        assert backup.vault.warnings == []  # no key is pending: there is none to wait for
        assert actor.may(Permission.BACKUP)
        with pytest.raises(PermissionDeniedError):
            backup.accounts.list_accounts()
    finally:
        backup.close()
