"""The first-run wizard: centre, first admin, vault creation and the recovery sheet PDF."""

from __future__ import annotations

import re
from pathlib import Path

import keyring
from keyring.backends.fail import Keyring as FailKeyring
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWizard
from pytestqt.qtbot import QtBot
from support.constants import FAST_KDF
from support.vault_fixture import VaultFixture

from kdrt_desk.services.vault_access import open_vault, open_vault_with_recovery
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.setup_wizard import SetupWizard

CODE_RE = re.compile(r"[0-9A-Z]{4}(?:-[0-9A-Z]{4}){6}")
NEW_PASSWORD = "bunga melati 2026"


def make_wizard(qtbot: QtBot, runner: TaskRunner, data_dir: Path) -> SetupWizard:
    wizard = SetupWizard(data_dir, runner, kdf=FAST_KDF)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def fill_centre(wizard: SetupWizard) -> None:
    wizard.centre_page.centre_name.setText("Rumah Aman Perempuan Uji")
    wizard.centre_page.centre_address.setText("Jl. Uji No. 2, Plaju, Palembang")
    wizard.next()
    assert wizard.currentPage() is wizard.admin_page


def fill_admin(wizard: SetupWizard, username: str = "Sari.Admin", password: str = NEW_PASSWORD,
               repeat: str | None = None) -> None:
    page = wizard.admin_page
    page.username.setText(username)
    page.display_name.setText("Ibu Sari")
    page.password.setText(password)
    page.password_repeat.setText(password if repeat is None else repeat)


def shown(label: QLabel) -> bool:
    return not label.isHidden() and bool(label.text())


def test_centre_name_is_required(qtbot: QtBot, runner: TaskRunner, tmp_path: Path) -> None:
    wizard = make_wizard(qtbot, runner, tmp_path / "data")
    wizard.next()
    assert wizard.currentPage() is wizard.centre_page
    error = wizard.centre_page.errors.labels["centre_name"]
    assert shown(error)
    assert error.text() == "Wajib diisi."


def test_wizard_creates_vault_and_recovery_sheet(qtbot: QtBot, runner: TaskRunner,
                                                 tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    wizard = make_wizard(qtbot, runner, data_dir)
    assert wizard.button(QWizard.WizardButton.NextButton).text() == "Lanjut >"
    fill_centre(wizard)
    assert not wizard.admin_page.keyring_warning.isVisible()
    fill_admin(wizard)
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    assert commit.text() == "Buat brankas"
    qtbot.mouseClick(commit, Qt.MouseButton.LeftButton)
    assert wizard.admin_page.busy
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.recovery_page, timeout=15_000)
    assert wizard.admin_username == "sari.admin"
    assert (data_dir / "kdrt.keys").exists()
    code = wizard.recovery_code

    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled()
    assert not wizard.recovery_page.confirm.isEnabled()
    assert not wizard.save_recovery_sheet_to(tmp_path / "no-such-folder" / "lembar.pdf")
    assert wizard.recovery_page.save_error.text().startswith(
        "Lembar pemulihan tidak dapat disimpan di sana.")
    assert not wizard.recovery_page.confirm.isEnabled()
    pdf = tmp_path / "lembar.pdf"
    assert wizard.save_recovery_sheet_to(pdf)
    assert not finish.isEnabled()  # saved, but not yet confirmed
    assert not wizard.recovery_page.save_error.isVisible()
    assert wizard.recovery_page.open_button.isEnabled()

    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    found = CODE_RE.findall(text.replace(" ", ""))
    assert code in found
    open_vault_with_recovery(data_dir, found[found.index(code)], kdf=FAST_KDF).close()

    wizard.recovery_page.confirm.setChecked(True)
    assert finish.isEnabled()
    wizard.recovery_page.confirm.setChecked(False)
    assert not finish.isEnabled()
    wizard.recovery_page.confirm.setChecked(True)
    qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
    assert wizard.result() == QWizard.DialogCode.Accepted
    assert wizard.recovery_code == ""

    vault = open_vault(data_dir, "sari.admin", NEW_PASSWORD, kdf=FAST_KDF)
    try:
        assert vault.actor.username == "sari.admin"
        assert vault.actor.display_name == "Ibu Sari"
    finally:
        vault.close()


def test_short_password_shows_field_error(qtbot: QtBot, runner: TaskRunner, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    wizard = make_wizard(qtbot, runner, data_dir)
    fill_centre(wizard)
    fill_admin(wizard, password="pendek")
    wizard.next()
    assert wizard.currentPage() is wizard.admin_page
    assert not wizard.admin_page.busy
    error = wizard.admin_page.errors.labels["password"]
    assert shown(error)
    assert "minimal 10 karakter" in error.text()
    assert not data_dir.exists()


def test_password_mismatch_and_bad_username(qtbot: QtBot, runner: TaskRunner,
                                            tmp_path: Path) -> None:
    wizard = make_wizard(qtbot, runner, tmp_path / "data")
    fill_centre(wizard)
    fill_admin(wizard, username="1 salah", repeat="bunga melati 2027")
    wizard.next()
    errors = wizard.admin_page.errors.labels
    assert shown(errors["username"])
    assert "Nama pengguna 3–30 karakter" in errors["username"].text()
    assert errors["password_repeat"].text() == "Kedua kata sandi tidak sama. Ketik ulang."
    assert not shown(errors["password"])

    fill_admin(wizard, username="sari")
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.recovery_page, timeout=15_000)
    assert not any(shown(label) for label in errors.values())

    wizard.reject()  # closing before the sheet is saved: first a warning
    assert wizard.isVisible()
    assert wizard.recovery_page.leave_warning.isVisible()
    wizard.reject()
    assert wizard.result() == QWizard.DialogCode.Rejected
    assert not wizard.isVisible()


def test_existing_vault_is_reported(qtbot: QtBot, runner: TaskRunner, vault: VaultFixture) -> None:
    wizard = make_wizard(qtbot, runner, vault.data_dir)
    fill_centre(wizard)
    fill_admin(wizard)
    wizard.next()
    qtbot.waitUntil(lambda: not wizard.admin_page.busy, timeout=15_000)
    assert wizard.currentPage() is wizard.admin_page
    assert "sudah berisi brankas" in wizard.admin_page.general_error.text()
    assert wizard.admin_username is None


def test_warns_without_os_keyring(qtbot: QtBot, runner: TaskRunner, tmp_path: Path) -> None:
    keyring.set_keyring(FailKeyring())
    wizard = make_wizard(qtbot, runner, tmp_path / "data")
    fill_centre(wizard)
    assert wizard.admin_page.keyring_warning.isVisible()
    assert "hanya dilindungi oleh kata sandi" in wizard.admin_page.keyring_warning.text()


def test_the_language_is_chosen_on_the_first_page(qtbot: QtBot, runner: TaskRunner,
                                                  tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    from kdrt_desk import i18n

    wizard = make_wizard(qtbot, runner, tmp_path / "data")
    assert wizard.centre_page.title() == "Selamat datang di KDRT Desk"
    qtbot.keyClicks(wizard.centre_page.centre_name, "Rumah Aman Uji")
    first = wizard.centre_page
    first.language.setFocus()
    qtbot.keyClick(first.language, Qt.Key.Key_Down)  # Bahasa Indonesia -> English
    qtbot.waitUntil(lambda: wizard.centre_page is not first, timeout=2000)  # built again
    assert wizard.centre_page.language.currentData() == "en"
    assert i18n.language() == "en"
    page = wizard.centre_page
    assert page.title() == "Welcome to KDRT Desk"
    assert page.centre_name.text() == "Rumah Aman Uji"  # what she typed is kept
    assert wizard.buttonText(QWizard.WizardButton.NextButton) == "Next >"
    assert QSettings("KDRT Desk", "KDRT Desk").value("language") == "en"
    wizard.next()
    assert wizard.currentPage() is wizard.admin_page
    assert wizard.admin_page.title() == "The first Admin account"
