"""The recovery dialog: the code opens the vault, one account gets a new password."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from support.constants import ADMIN, FAST_KDF, PASSWORD
from support.vault_fixture import VaultFixture

from kdrt_desk.errors import VaultError
from kdrt_desk.services.vault_access import open_vault
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.login_dialog import LoginDialog
from kdrt_desk.ui.recovery_dialog import RecoveryDialog

NEW_PASSWORD = "pagi cerah di Jakabaring"


@pytest.fixture
def dialog(qtbot: QtBot, runner: TaskRunner, vault: VaultFixture) -> Iterator[RecoveryDialog]:
    recovery = RecoveryDialog(vault.data_dir, runner, kdf=FAST_KDF)
    qtbot.addWidget(recovery)
    recovery.show()
    yield recovery
    if recovery.vault_open:
        recovery.close_vault()
    runner.wait()


def typed_sloppily(code: str) -> str:
    """How someone might type it from paper: lower case, spaces instead of dashes."""
    return "  " + code.lower().replace("-", " ") + " "


def open_with_code(qtbot: QtBot, dialog: RecoveryDialog, code: str) -> None:
    dialog.recover(code)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=15_000)


def test_recovery_resets_admin_password_and_login_works(qtbot: QtBot, runner: TaskRunner,
                                                        dialog: RecoveryDialog,
                                                        vault: VaultFixture) -> None:
    open_with_code(qtbot, dialog, typed_sloppily(vault.recovery_code))
    assert dialog.vault_open
    assert dialog.pages.currentIndex() == 1
    assert dialog.account.findData(ADMIN) >= 0
    assert dialog.account.currentData() == ADMIN
    assert dialog.action_button.text() == "Simpan kata sandi baru"

    dialog.set_new_password(ADMIN, NEW_PASSWORD, NEW_PASSWORD)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=15_000)
    assert dialog.reset_username == ADMIN
    assert not dialog.vault_open

    with pytest.raises(VaultError):
        open_vault(vault.data_dir, ADMIN, PASSWORD, kdf=FAST_KDF)
    login = LoginDialog(vault.data_dir, runner, kdf=FAST_KDF)
    qtbot.addWidget(login)
    login.show()
    login.login(ADMIN, NEW_PASSWORD)
    qtbot.waitUntil(lambda: login.result() == QDialog.DialogCode.Accepted, timeout=15_000)
    assert login.services is not None
    assert login.services.vault.actor.username == ADMIN
    login.services.close()


def test_badly_formed_code_is_caught_inline(qtbot: QtBot, dialog: RecoveryDialog) -> None:
    dialog.recover("ABCD-EFGH")
    assert not dialog.busy
    assert dialog.code_error.isVisible()
    assert dialog.code_error.text().startswith("Kode pemulihan terdiri dari 7 kelompok")


def test_wrong_code_is_reported(qtbot: QtBot, dialog: RecoveryDialog) -> None:
    open_with_code(qtbot, dialog, "0000-1111-2222-3333-4444-5555-6666")
    assert not dialog.vault_open
    assert dialog.code_error.text() == "Kode pemulihan tidak cocok dengan brankas ini."
    assert dialog.pages.currentIndex() == 0


def test_new_password_checks(qtbot: QtBot, dialog: RecoveryDialog, vault: VaultFixture) -> None:
    open_with_code(qtbot, dialog, vault.recovery_code)
    dialog.set_new_password(ADMIN, "pendek", "pendek")
    assert "minimal 10 karakter" in dialog.errors.labels["password"].text()
    dialog.set_new_password(ADMIN, NEW_PASSWORD, NEW_PASSWORD + "x")
    assert dialog.errors.labels["password_repeat"].text() == (
        "Kedua kata sandi tidak sama. Ketik ulang.")
    assert not dialog.errors.labels["password"].isVisible()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.vault_open


def test_cancel_closes_the_vault(qtbot: QtBot, runner: TaskRunner, dialog: RecoveryDialog,
                                 vault: VaultFixture) -> None:
    open_with_code(qtbot, dialog, vault.recovery_code)
    assert dialog.vault_open
    dialog.reject()
    runner.wait()
    assert not dialog.vault_open
    vault.open().close()  # the instance lock was released
