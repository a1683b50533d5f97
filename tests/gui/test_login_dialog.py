"""The login dialog: success, inline errors, lock-out, language switch, recovery hand-over."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import pytest
from keyring.backends.fail import Keyring as FailKeyring
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from support.constants import ADMIN, FAST_KDF, PASSWORD
from support.vault_fixture import VaultFixture

from kdrt_desk import i18n
from kdrt_desk.domain.enums import Role
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.login_dialog import LoginDialog


@pytest.fixture
def dialog(qtbot: QtBot, runner: TaskRunner, vault: VaultFixture) -> Iterator[LoginDialog]:
    login = LoginDialog(vault.data_dir, runner, kdf=FAST_KDF)
    qtbot.addWidget(login)
    login.show()
    yield login
    runner.wait()
    if login.services is not None:
        login.services.close()


def wait_idle(qtbot: QtBot, dialog: LoginDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.busy, timeout=15_000)


def test_login_success_gives_admin_services(qtbot: QtBot, dialog: LoginDialog) -> None:
    assert dialog.windowTitle() == "KDRT Desk — Masuk"
    assert not dialog.keyring_warning.isVisible()
    dialog.login(ADMIN, PASSWORD)
    assert dialog.busy
    assert not dialog.login_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=15_000)
    assert dialog.services is not None
    assert dialog.services.vault.actor.username == ADMIN
    assert dialog.services.vault.actor.role == Role.ADMIN
    assert dialog.services.vault.warnings == []


def test_enter_in_password_field_logs_in(qtbot: QtBot, dialog: LoginDialog) -> None:
    qtbot.keyClicks(dialog.username, ADMIN)
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=15_000)
    assert dialog.services is not None


def test_wrong_password_shows_message_inline(qtbot: QtBot, dialog: LoginDialog) -> None:
    dialog.username.setText(ADMIN)
    dialog.password.setText("bukan kata sandinya")
    qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, dialog)
    assert dialog.error_label.isVisible()
    assert dialog.error_label.text() == (
        "Nama pengguna atau kata sandi salah. Periksa Caps Lock lalu coba lagi.")
    assert dialog.password.text() == ""
    assert dialog.username.text() == ADMIN
    assert dialog.login_button.isEnabled()
    assert dialog.services is None
    assert dialog.isVisible()


def test_empty_password_is_caught_before_the_vault(qtbot: QtBot, dialog: LoginDialog) -> None:
    dialog.login(ADMIN, "")
    assert not dialog.busy
    assert dialog.error_label.text() == "Isi kata sandi Anda."


def test_five_wrong_passwords_lock_the_account(qtbot: QtBot, dialog: LoginDialog) -> None:
    for _ in range(5):
        dialog.login(ADMIN, "salah-salah-salah")
        wait_idle(qtbot, dialog)
    dialog.login(ADMIN, PASSWORD)
    wait_idle(qtbot, dialog)
    text = dialog.error_label.text()
    assert text.startswith("Akun ini dikunci karena 5 kali salah kata sandi.")
    assert "5 menit" in text
    assert dialog.services is None


def test_language_switch_translates_immediately(qtbot: QtBot, dialog: LoginDialog) -> None:
    assert dialog.login_button.text() == "Masuk"
    dialog.login(ADMIN, "salah-salah-salah")
    wait_idle(qtbot, dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    assert i18n.language() == "en"
    assert dialog.windowTitle() == "KDRT Desk — Sign in"
    assert dialog.login_button.text() == "Sign in"
    assert dialog.cancel_button.text() == "Quit"
    assert dialog.recovery_button.text().startswith("Forgot the password")
    assert dialog.error_label.text().startswith("Wrong username or password.")
    assert QSettings("KDRT Desk", "KDRT Desk").value("language") == "en"  # the next start too
    dialog.set_language("id")
    assert dialog.login_button.text() == "Masuk"
    assert dialog.error_label.text().startswith("Nama pengguna atau kata sandi salah.")


def test_missing_keyring_secret_points_to_recovery_code(qtbot: QtBot, dialog: LoginDialog,
                                                        vault: VaultFixture) -> None:
    vault.keyring.entries.clear()
    dialog.login(ADMIN, PASSWORD)
    wait_idle(qtbot, dialog)
    assert "kode pemulihan" in dialog.error_label.text()
    assert dialog.recovery_button.hasFocus() or dialog.focusWidget() is dialog.recovery_button


def test_vault_in_use_is_reported(qtbot: QtBot, dialog: LoginDialog, vault: VaultFixture) -> None:
    other = vault.open()
    try:
        dialog.login(ADMIN, PASSWORD)
        wait_idle(qtbot, dialog)
        assert dialog.error_label.text().startswith("Brankas ini sedang dibuka")
    finally:
        other.close()


def test_password_only_warning_before_login(qtbot: QtBot, runner: TaskRunner,
                                            vault: VaultFixture) -> None:
    keyring.set_keyring(FailKeyring())
    login = LoginDialog(vault.data_dir, runner, kdf=FAST_KDF)
    qtbot.addWidget(login)
    login.show()
    qtbot.waitUntil(login.keyring_warning.isVisible, timeout=2000)  # checked once shown
    assert "hanya dilindungi kata sandi" in login.keyring_warning.text()


def test_recovery_link_opens_dialog_and_prefills(qtbot: QtBot, dialog: LoginDialog,
                                                 vault: VaultFixture) -> None:
    qtbot.mouseClick(dialog.recovery_button, Qt.MouseButton.LeftButton)
    recovery = dialog.recovery
    assert recovery is not None and recovery.isVisible()
    recovery.recover(vault.recovery_code)
    qtbot.waitUntil(lambda: recovery.vault_open and not recovery.busy, timeout=15_000)
    recovery.set_new_password(ADMIN, "kata sandi baru 99", "kata sandi baru 99")
    qtbot.waitUntil(lambda: recovery.result() == QDialog.DialogCode.Accepted, timeout=15_000)
    assert dialog.username.text() == ADMIN
    assert dialog.note_label.isVisible()
    dialog.login(ADMIN, "kata sandi baru 99")
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=15_000)


def test_from_the_third_wrong_password_she_is_told_how_many_tries_are_left(
        qtbot: QtBot, dialog: LoginDialog) -> None:
    shown = []
    for _ in range(5):
        dialog.username.setText(ADMIN)
        dialog.password.setText("salah-salah-salah")
        qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
        wait_idle(qtbot, dialog)
        dialog.runner.wait()  # the count is read from the key file off the GUI thread
        qtbot.wait(20)
        shown.append(dialog.error_label.text())
    assert all(text.startswith("Nama pengguna atau kata sandi salah.") for text in shown)
    assert "Sisa" not in shown[0] and "Sisa" not in shown[1]
    assert "Sisa 2 kali percobaan" in shown[2]
    assert "Sisa 1 kali percobaan" in shown[3]
    assert "dikunci selama 5 menit" in shown[4] and "sekarang" in shown[4]


def test_an_unknown_name_is_warned_alike(qtbot: QtBot, dialog: LoginDialog) -> None:
    """The warning does not tell which names have an account."""
    for _ in range(3):
        dialog.login("bukan-siapa-siapa", "salah-salah-salah")
        wait_idle(qtbot, dialog)
    qtbot.waitUntil(lambda: "Sisa 2 kali percobaan" in dialog.error_label.text(), timeout=5000)


def test_the_keyring_warning_shows_whole(qtbot: QtBot, runner: TaskRunner,
                                         vault: VaultFixture) -> None:
    keyring.set_keyring(FailKeyring())
    login = LoginDialog(vault.data_dir, runner, kdf=FAST_KDF)
    qtbot.addWidget(login)
    login.show()
    qtbot.waitUntil(login.keyring_warning.isVisible, timeout=2000)
    qtbot.wait(50)  # the dialog grows after the label shows
    warning = login.keyring_warning
    assert warning.height() >= warning.heightForWidth(warning.width())
    bottom = login.recovery_button.geometry().bottom()
    assert bottom <= login.height()


def test_a_backup_operator_is_refused_the_screens_and_the_vault_is_let_go(
        qtbot: QtBot, dialog: LoginDialog, vault: VaultFixture) -> None:
    """The account made for the scheduled backup task logs in with her password but gets no
    screen (each would refuse her): a clear message, and the vault is closed again so the
    next staff member can log in at once."""
    admin = vault.services()
    try:
        admin.accounts.add_account("cadangan", Role.BACKUP, "sandi cadangan malam 2026")
    finally:
        admin.close()
    qtbot.keyClicks(dialog.username, "cadangan")
    qtbot.keyClicks(dialog.password, "sandi cadangan malam 2026")
    qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, dialog)
    assert dialog.services is None and dialog.isVisible()
    assert dialog.error_label.text().startswith("Akun operator cadangan hanya untuk cadangan")
    dialog.login(ADMIN, PASSWORD)  # the instance lock was released
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=15_000)
    assert dialog.services is not None
