"""The settings dialog: loads the current values, saves them, refuses a blank centre name."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from pytestqt.qtbot import QtBot

from kdrt_desk.domain.enums import Role
from kdrt_desk.services.settings import PANIC_KEYS, CentreSettings
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.settings_dialog import SettingsDialog
from kdrt_desk.wiring import Services

if TYPE_CHECKING:  # imported by name only: other test folders have a conftest too
    from support.vault_fixture import VaultFixture

CENTRE = "Pusat Pemberdayaan Perempuan Uji"  # the centre of tests/conftest.py


@pytest.fixture
def dialog(admin: Services, runner: TaskRunner, qtbot: QtBot) -> SettingsDialog:
    dialog = SettingsDialog(admin, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.is_loaded)
    return dialog


def test_shows_the_current_settings(dialog: SettingsDialog) -> None:
    assert dialog.centre_name.text() == CENTRE
    assert dialog.centre_address.toPlainText() == "Jl. Uji 1, Plaju"
    assert dialog.idle_minutes.value() == 5
    assert (dialog.idle_minutes.minimum(), dialog.idle_minutes.maximum()) == (1, 120)
    assert dialog.panic_key.currentData() == "F12"
    assert [dialog.panic_key.itemData(i) for i in range(dialog.panic_key.count())] == list(
        PANIC_KEYS)
    assert dialog.language.currentText() == "Bahasa Indonesia"
    assert dialog.save_button.isEnabled()


def test_save_persists(dialog: SettingsDialog, admin: Services, runner: TaskRunner,
                       vault: VaultFixture, qtbot: QtBot) -> None:
    dialog.centre_name.setText("  Rumah Aman Perempuan Palembang ")
    dialog.centre_address.setPlainText("Jl. Merdeka 12, Bukit Kecil")
    dialog.idle_minutes.setValue(15)
    dialog.panic_key.setCurrentIndex(dialog.panic_key.findData("Ctrl+Shift+L"))
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    with qtbot.waitSignal(dialog.saved) as signal:
        dialog.submit()
    expected = CentreSettings("Rumah Aman Perempuan Palembang", "Jl. Merdeka 12, Bukit Kecil", 15,
                              "Ctrl+Shift+L", "en")
    assert signal.args == [expected]
    assert not dialog.isVisible()

    runner.wait()
    admin.close()
    fresh = vault.services()
    try:
        assert fresh.settings.current() == expected
        [entry] = fresh.audit.entries(action="settings_changed")
        assert set(entry.details["fields"]) == {"centre_name", "centre_address",  # type: ignore[arg-type]
                                                "idle_minutes", "panic_key", "language"}
    finally:
        fresh.close()


def test_blank_centre_name_is_refused_inline(dialog: SettingsDialog, admin: Services,
                                             runner: TaskRunner, qtbot: QtBot) -> None:
    saved: list[object] = []
    dialog.saved.connect(saved.append)
    dialog.centre_name.setText("   ")
    dialog.idle_minutes.setValue(30)
    dialog.submit()
    error = dialog.errors.labels["centre_name"]
    qtbot.waitUntil(lambda: error.isVisible())
    assert error.text() == "Wajib diisi."
    assert dialog.isVisible()
    assert dialog.save_button.isEnabled()
    runner.wait()
    assert saved == []
    assert admin.settings.current().centre_name == CENTRE
    assert admin.settings.current().idle_minutes == 5


def test_a_role_without_settings_permission_sees_them_read_only(
        admin: Services, vault: VaultFixture, qtbot: QtBot) -> None:
    admin.accounts.add_account("sari.konselor", Role.KONSELOR, "kata sandi pertama")
    admin.close()
    konselor = vault.services("sari.konselor", "kata sandi pertama")
    runner = TaskRunner(on_unhandled=lambda e: pytest.fail(repr(e)))
    try:
        dialog = SettingsDialog(konselor, runner)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(lambda: dialog.is_loaded)
        assert dialog.centre_name.text() == CENTRE
        assert not dialog.centre_name.isEnabled()
        assert not dialog.save_button.isVisible()
    finally:
        runner.wait()
        konselor.close()
