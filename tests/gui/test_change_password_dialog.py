"""Changing one's own password: wrong old password, mismatch, success, and the forced case."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from pytestqt.qtbot import QtBot

from kdrt_desk.domain.enums import Role
from kdrt_desk.errors import VaultError
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.change_password_dialog import ChangePasswordDialog
from kdrt_desk.wiring import Services

if TYPE_CHECKING:  # imported by name only: other test folders have a conftest too
    from support.vault_fixture import VaultFixture

PASSWORD = "kata-sandi-uji-1"  # the admin password of tests/conftest.py

NEW = "kopi susu di pasar 16"


def fill(dialog: ChangePasswordDialog, old: str, new: str, repeat: str | None = None) -> None:
    dialog.old_password.setText(old)
    dialog.new_password.setText(new)
    dialog.new_password_repeat.setText(new if repeat is None else repeat)


def test_wrong_old_password_is_shown_beside_the_field(admin: Services, runner: TaskRunner,
                                                      vault: VaultFixture, qtbot: QtBot) -> None:
    dialog = ChangePasswordDialog(admin, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.cancel_button.text() == "Batal"
    fill(dialog, "bukan kata sandinya", NEW)
    dialog.submit()
    error = dialog.errors.labels["old_password"]
    qtbot.waitUntil(lambda: error.isVisible())
    assert error.text() == "Kata sandi lama salah."
    assert dialog.isVisible()
    runner.wait()
    admin.close()
    vault.services("admin", PASSWORD).close()  # unchanged


def test_mismatch_and_same_password_are_caught_before_the_service(
        admin: Services, runner: TaskRunner, qtbot: QtBot) -> None:
    dialog = ChangePasswordDialog(admin, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    fill(dialog, PASSWORD, NEW, NEW + "!")
    dialog.submit()
    assert dialog.errors.labels["new_password_repeat"].text() == (
        "Kedua kata sandi tidak sama. Ketik ulang.")
    fill(dialog, PASSWORD, PASSWORD)
    dialog.submit()
    assert dialog.errors.labels["new_password"].text() == (
        "Kata sandi baru harus berbeda dari yang lama.")
    assert not dialog.busy


def test_short_new_password_is_refused_inline(admin: Services, runner: TaskRunner,
                                              qtbot: QtBot) -> None:
    dialog = ChangePasswordDialog(admin, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    fill(dialog, PASSWORD, "pendek")
    dialog.submit()
    error = dialog.errors.labels["new_password"]
    qtbot.waitUntil(lambda: error.isVisible())
    assert "minimal 10 karakter" in error.text()


def test_right_old_password_changes_it(admin: Services, runner: TaskRunner, vault: VaultFixture,
                                       qtbot: QtBot) -> None:
    dialog = ChangePasswordDialog(admin, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    fill(dialog, PASSWORD, NEW)
    with qtbot.waitSignal(dialog.changed):
        dialog.submit()
    assert not dialog.isVisible()
    runner.wait()
    admin.close()
    with pytest.raises(VaultError):
        vault.open("admin", PASSWORD)
    vault.services("admin", NEW).close()


def test_forced_change_after_a_reset(admin: Services, vault: VaultFixture, qtbot: QtBot) -> None:
    admin.accounts.add_account("rina.staf", Role.STAF, "kata sandi pertama", "Rina")
    admin.accounts.reset_password("rina.staf", "kata sandi sementara")
    admin.close()
    rina = vault.services("rina.staf", "kata sandi sementara")
    runner = TaskRunner(on_unhandled=lambda e: pytest.fail(repr(e)))
    try:
        assert rina.accounts.must_change_password()
        dialog = ChangePasswordDialog(rina, runner, forced=True)
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.intro.text().startswith(
            "Halo Rina. Admin telah mengatur ulang kata sandi Anda.")
        assert dialog.cancel_button.text() == "Keluar"
        fill(dialog, "kata sandi sementara", NEW)
        with qtbot.waitSignal(dialog.changed):
            dialog.submit()
        runner.wait()
        assert not rina.accounts.must_change_password()
    finally:
        runner.wait()
        rina.close()
    again = vault.services("rina.staf", NEW)
    try:
        assert not again.accounts.must_change_password()
    finally:
        again.close()
