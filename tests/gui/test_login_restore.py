"""A vault whose files are damaged, as the login finds it: the message says so, a button offers
the newest automatic backup on this PC, and pressing it leads through the restore dialog (prefilled
with that backup and her name) to a vault she can log in to; the damaged files are kept in
diganti-*, never written over. A wrong password is no damage: no button. Real vault files on disk,
real backups made by the service, the real buttons."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from support.constants import ADMIN, FAST_KDF, PASSWORD
from support.modal_boxes import ModalBoxes
from support.participant_samples import TODAY, sample
from support.vault_fixture import VaultFixture

from kdrt_desk.app import DeskApp
from kdrt_desk.i18n import t
from kdrt_desk.security.secret_store import SecretStore
from kdrt_desk.services.backup_offer import newest_automatic_backup
from kdrt_desk.services.vault_access import create_vault
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.login_dialog import LoginDialog
from kdrt_desk.ui.main_window import MainWindow
from kdrt_desk.ui.restore_dialog import RestoreDialog

LEFT = Qt.MouseButton.LeftButton
FIRST, LATE = "Siti Aminah Lestari", "Rini Setiawati"


def click(qtbot: QtBot, button: QPushButton) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, LEFT)


def backed_up_then_closed(vault: VaultFixture) -> Path:
    """One participant, the automatic backup of her, a second one the backup lacks; closed."""
    services = vault.services()
    try:
        services.participants.register(sample(), today=TODAY)
        record, check = services.backups.make_automatic()
        assert check.ok
        services.participants.register(sample(full_name=LATE, nik="1671044506850002",
                                              phone="0812-0000-1111"), today=TODAY)
    finally:
        services.close()
    return Path(record.path)


def flip_bytes(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for offset in range(4096, min(len(data), 4096 * 4), 97):
        data[offset] ^= 0x5A
    path.write_bytes(bytes(data))


def failed_login(qtbot: QtBot, dialog: LoginDialog, password: str = PASSWORD) -> None:
    qtbot.keyClicks(dialog.username, ADMIN)
    qtbot.keyClicks(dialog.password, password)
    click(qtbot, dialog.login_button)
    qtbot.waitUntil(lambda: dialog.services is not None or (
        dialog.error_label.isVisible() and not dialog._busy), timeout=20000)
    assert dialog.services is None, "the login opened the vault"



def login_dialog(qtbot: QtBot, vault: VaultFixture, runner: TaskRunner) -> LoginDialog:
    dialog = LoginDialog(vault.data_dir, runner, FAST_KDF)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_damaged_database_is_restored_from_the_newest_backup_from_the_login(
        qtbot: QtBot, vault: VaultFixture, runner: TaskRunner,
        modal_boxes: ModalBoxes) -> None:
    backup = backed_up_then_closed(vault)
    flip_bytes(vault.data_dir / "kdrt.db")
    damaged = (vault.data_dir / "kdrt.db").read_bytes()
    dialog = login_dialog(qtbot, vault, runner)
    failed_login(qtbot, dialog)
    assert dialog.services is None
    assert dialog.backup_button.isVisible()
    assert dialog.backup_button.text() == "Pulihkan dari cadangan…"
    qtbot.waitUntil(lambda: "Cadangan otomatis terakhir" in dialog.error_label.text(),
                    timeout=10000)
    offer = newest_automatic_backup(vault.data_dir)
    assert offer is not None and offer.path == backup
    assert (vault.data_dir / "kdrt.db").read_bytes() == damaged  # nothing written over it

    click(qtbot, dialog.backup_button)
    restore = dialog.restore_dialog
    assert isinstance(restore, RestoreDialog)
    qtbot.waitUntil(restore.isVisible, timeout=5000)
    assert restore.path.text() == str(backup) and restore.username.text() == ADMIN
    qtbot.keyClicks(restore.password, PASSWORD)
    click(qtbot, restore.check_button)
    qtbot.waitUntil(lambda: restore.contents.isVisible() or restore.error.isVisible(),
                    timeout=30000)
    assert "1 peserta" in restore.contents.text(), restore.error.text()
    modal_boxes.answer = QMessageBox.StandardButton.Yes
    click(qtbot, restore.restore_button)
    qtbot.waitUntil(restore.outcome.isVisible, timeout=60000)
    [aside] = list(vault.data_dir.glob("diganti-*"))
    assert (aside / "kdrt.db").read_bytes() == damaged  # kept whole, beside the vault
    click(qtbot, restore.close_button)
    qtbot.waitUntil(lambda: not restore.isVisible(), timeout=5000)

    assert dialog.note_label.text() == t("ui.access.backup_restored")
    assert not dialog.backup_button.isVisible() and not dialog.error_label.text()
    qtbot.keyClicks(dialog.password, PASSWORD)
    click(qtbot, dialog.login_button)
    qtbot.waitUntil(lambda: dialog.services is not None, timeout=20000)
    services = dialog.services
    try:
        assert {r.full_name for r in services.participants.list_rows()} == {FIRST}
    finally:
        runner.wait()
        services.close()


def test_a_wrong_password_offers_no_restore_and_a_foreign_key_file_does(
        qtbot: QtBot, vault: VaultFixture, runner: TaskRunner, tmp_path: Path) -> None:
    backed_up_then_closed(vault)
    dialog = login_dialog(qtbot, vault, runner)
    failed_login(qtbot, dialog, "salah-sekali-123")
    assert not dialog.backup_button.isVisible()
    assert "cadangan" not in dialog.error_label.text().lower()

    other = tmp_path / "lain"  # another centre's vault: its key file put in this one's place
    create_vault(other, centre_name="Pusat Lain", centre_address="", admin_username=ADMIN,
                 admin_password=PASSWORD, store=SecretStore(), kdf=FAST_KDF)
    shutil.copy(other / "kdrt.keys", vault.data_dir / "kdrt.keys")
    dialog.username.clear()
    dialog.password.clear()
    failed_login(qtbot, dialog)
    assert dialog.backup_button.isVisible()
    qtbot.waitUntil(lambda: "Cadangan otomatis terakhir" in dialog.error_label.text(),
                    timeout=10000)


def test_with_no_automatic_backup_the_button_asks_for_a_file(
        qtbot: QtBot, vault: VaultFixture, runner: TaskRunner) -> None:
    vault.services().close()
    (vault.data_dir / "kdrt.db").write_bytes(b"")
    dialog = login_dialog(qtbot, vault, runner)
    failed_login(qtbot, dialog)
    assert dialog.backup_button.isVisible()
    qtbot.waitUntil(lambda: t("ui.access.no_automatic_backup") in dialog.error_label.text(),
                    timeout=10000)
    click(qtbot, dialog.backup_button)
    restore = dialog.restore_dialog
    assert restore is not None and restore.path.text() == ""
    assert restore.username.text() == ADMIN


def damage_last_page(path: Path) -> None:
    """Bytes flipped in the file's last page: opening reads none of it, the first write's
    structural check (after the login) finds it."""
    data = bytearray(path.read_bytes())
    for offset in range(len(data) - 4000, len(data) - 100, 97):
        data[offset] ^= 0x5A
    path.write_bytes(bytes(data))


def test_damage_found_after_the_login_comes_back_to_the_login_with_the_offer(
        qtbot: QtBot, vault: VaultFixture, runner: TaskRunner, modal_boxes: ModalBoxes,
        monkeypatch: pytest.MonkeyPatch) -> None:
    backed_up_then_closed(vault)
    damage_last_page(vault.data_dir / "kdrt.db")
    desk = DeskApp(vault.data_dir, FAST_KDF)
    desk.runner = runner
    monkeypatch.setattr(QApplication, "quit", staticmethod(lambda: None))
    seen: list[tuple[bool, str]] = []

    def log_in() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, LoginDialog)
        if seen:  # the second login dialog, after the window found the damage
            qtbot.waitUntil(lambda: "Cadangan otomatis" in dialog.error_label.text(),
                            timeout=10000)
            seen.append((dialog.backup_button.isVisible(), dialog.error_label.text()))
            dialog.reject()
            return
        seen.append((dialog.backup_button.isVisible(), dialog.error_label.text()))
        qtbot.keyClicks(dialog.username, ADMIN)
        qtbot.keyClicks(dialog.password, PASSWORD)
        qtbot.mouseClick(dialog.login_button, LEFT)

    QTimer.singleShot(200, log_in)
    assert desk.show_login()  # the window opened; its first job finds the damaged page
    window = desk.window
    assert isinstance(window, MainWindow)
    QTimer.singleShot(200, log_in)  # the next login dialog, opened when the window closes
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=30000)
    assert seen[0] == (False, "")
    shown, text = seen[1]
    assert shown and t("error.database_damaged") in text, text
    assert modal_boxes.shown == []  # said once, in the login, not in a box before it
    runner.wait()
    desk.shutdown()
