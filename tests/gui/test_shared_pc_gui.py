"""One PC, several Windows accounts, as the admin sees it: the wizard's "Tempat data" page makes
the vault in the PC's shared folder, and on another Windows account her login links it."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QWizard
from pytestqt.qtbot import QtBot
from support.constants import ADMIN, FAST_KDF, PASSWORD
from support.fake_machine_seal import MachineKeySeal
from support.shared_pc import mark_shared
from support.vault_fixture import VaultFixture

from kdrt_desk.domain.enums import Role
from kdrt_desk.security.link_file import LINK_NAME
from kdrt_desk.services.windows_accounts import open_for_login
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.login_dialog import LoginDialog
from kdrt_desk.ui.main_window import MainWindow
from kdrt_desk.ui.setup_wizard import SetupWizard
from kdrt_desk.wiring import build_services

STAF, STAF_PASSWORD = "rina", "kata-sandi-staf-1"


def wizard_for(qtbot: QtBot, runner: TaskRunner, own: Path, shared: Path | None,
               closed: bool = False) -> SetupWizard:
    wizard = SetupWizard(own, runner, kdf=FAST_KDF, shared_dir=shared, shared_closed=closed)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.centre_page.centre_name.setText("Rumah Aman Perempuan Uji")
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    return wizard


def create(qtbot: QtBot, wizard: SetupWizard) -> None:
    page = wizard.admin_page
    qtbot.keyClicks(page.username, "sari")
    qtbot.keyClicks(page.password, "bunga melati 2026")
    qtbot.keyClicks(page.password_repeat, "bunga melati 2026")
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CommitButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.recovery_page, timeout=15_000)


def test_the_wizard_makes_the_vault_in_the_shared_folder(
        qtbot: QtBot, runner: TaskRunner, tmp_path: Path, this_pc: MachineKeySeal) -> None:
    own, shared = tmp_path / "own", tmp_path / "ProgramData" / "KDRT Desk"
    wizard = wizard_for(qtbot, runner, own, shared)
    page = wizard.folder_page
    assert page is not None and wizard.currentPage() is page
    assert page.own_choice.isChecked() and not page.users_box.isEnabled()
    assert any(str(shared) in label.text() for label in page.findChildren(QLabel))
    qtbot.mouseClick(page.shared_choice, Qt.MouseButton.LeftButton)
    assert page.shared_choice.isChecked() and page.users_box.isEnabled()
    qtbot.keyClicks(page.users, "rina, kantor/2")
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is page  # the wrong name is said, nothing made
    assert "kantor/2" in page.errors.labels["windows_users"].text()
    assert not shared.exists()
    page.users.clear()
    qtbot.keyClicks(page.users, "rina, Siti Aminah")
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is wizard.admin_page
    create(qtbot, wizard)
    assert wizard.data_dir == shared
    assert (shared / "kdrt.keys").exists() and not own.exists()
    opened = open_for_login(shared, "sari", "bunga melati 2026", kdf=FAST_KDF)
    try:
        assert build_services(opened).shared_folder.users() == ["rina", "Siti Aminah"]
    finally:
        opened.close()
    assert len(json.loads((shared / LINK_NAME).read_text())["entries"]) == 1


def test_the_own_folder_is_the_default(qtbot: QtBot, runner: TaskRunner, tmp_path: Path) -> None:
    own, shared = tmp_path / "own", tmp_path / "shared"
    wizard = wizard_for(qtbot, runner, own, shared)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    create(qtbot, wizard)
    assert wizard.data_dir == own and (own / "kdrt.keys").exists() and not shared.exists()


def test_a_closed_shared_folder_is_said_on_the_first_page(
        qtbot: QtBot, runner: TaskRunner, tmp_path: Path) -> None:
    wizard = SetupWizard(tmp_path / "own", runner, kdf=FAST_KDF, shared_dir=tmp_path / "s",
                         shared_closed=True)
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.centre_page.closed_note.isVisible()
    assert "tidak termasuk" in wizard.centre_page.closed_note.text()
    assert wizard.folder_page is None
    plain = SetupWizard(tmp_path / "own2", runner, kdf=FAST_KDF)
    qtbot.addWidget(plain)
    assert plain.folder_page is None and plain.centre_page.closed_note.isHidden()


def test_an_admin_login_on_another_windows_account_links_it(
        qtbot: QtBot, runner: TaskRunner, vault: VaultFixture, this_pc: MachineKeySeal) -> None:
    mark_shared(vault, [STAF])
    services = build_services(open_for_login(vault.data_dir, ADMIN, PASSWORD, kdf=FAST_KDF))
    services.accounts.add_account(STAF, Role.STAF, STAF_PASSWORD)
    services.close()
    vault.keyring.entries.clear()  # the staff member's own Windows account
    dialog = LoginDialog(vault.data_dir, runner, kdf=FAST_KDF)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username, STAF)
    qtbot.keyClicks(dialog.password, STAF_PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.busy and bool(dialog.error_label.text()), timeout=15_000)
    assert "belum terdaftar" in dialog.error_label.text()
    assert dialog.focusWidget() is dialog.recovery_button
    dialog.username.clear()
    qtbot.keyClicks(dialog.username, ADMIN)
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=15_000)
    assert dialog.services is not None
    window = MainWindow(dialog.services, runner)
    qtbot.addWidget(window)
    window.show()
    banners = [label.text() for label in window.findChildren(QLabel)]
    assert any("sekarang terdaftar" in text for text in banners)
    runner.wait()
    dialog.services.close()
    assert vault.keyring.entries  # the secret is in this account's Credential Manager now


def test_the_admin_names_another_windows_account_from_the_file_menu(
        qtbot: QtBot, runner: TaskRunner, vault: VaultFixture, this_pc: MachineKeySeal) -> None:
    from PySide6.QtWidgets import QDialogButtonBox, QMenu
    from support.shown_dialog import shown_dialog

    from kdrt_desk.i18n import t
    from kdrt_desk.ui.about_dialog import AboutDialog
    from kdrt_desk.ui.shared_folder_dialog import SharedFolderDialog

    mark_shared(vault, [STAF])
    services = vault.services()
    window = MainWindow(services, runner)
    qtbot.addWidget(window)
    window.show()
    menus = {a.text().replace("&", ""): a.menu() for a in window.menuBar().actions()}
    file_menu = menus[t("ui.main.menu_file").replace("&", "")]
    assert isinstance(file_menu, QMenu)
    [action] = [a for a in file_menu.actions() if a.text() == t("ui.shared.menu")]
    qtbot.waitUntil(action.isVisible, timeout=5000)  # once the vault said it is shared
    action.trigger()
    dialog = shown_dialog(qtbot, SharedFolderDialog)
    assert dialog.users.text() == STAF
    dialog.users.clear()
    qtbot.keyClicks(dialog.users, "rina, kantor?")
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialog.error_text("windows_users")), timeout=5000)
    assert "kantor?" in dialog.error_text("windows_users")
    dialog.users.clear()
    qtbot.keyClicks(dialog.users, "rina, Siti")
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    assert services.shared_folder.users() == ["rina", "Siti"]
    help_menu = menus[t("ui.main.menu_help").replace("&", "")]
    assert isinstance(help_menu, QMenu)
    [about] = [a for a in help_menu.actions() if a.text() == t("ui.main.about")]
    about.trigger()
    box = shown_dialog(qtbot, AboutDialog)
    assert box.shared_label is not None and "rina, Siti" in box.shared_label.text()
    box.close()
    runner.wait()
    services.close()


def test_an_own_folder_has_no_windows_accounts_menu(admin_window: MainWindow,
                                                    runner: TaskRunner) -> None:
    from kdrt_desk.i18n import t

    runner.wait()
    QApplication.sendPostedEvents()
    shown = [a.text() for menu in admin_window.menuBar().actions() if menu.menu()
             for a in menu.menu().actions() if a.isVisible()]
    assert t("ui.main.settings") in shown and t("ui.shared.menu") not in shown
