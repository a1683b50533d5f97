"""The lock screen's "Keluar akun / ganti pengguna" is a real button that logs out.

The window is locked with its real lock button, then the lock screen's log-out button is clicked
with the mouse: the window closes, the app goes back to the login (``on_logout``), the log-out is
audited, and a form left open behind the lock is dropped without a question (a question box would
show on the lock screen, to whoever stands at the desk).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot
from support.modal_boxes import ModalBoxes
from support.participant_samples import sample
from support.vault_fixture import VaultFixture

from kdrt_desk import i18n
from kdrt_desk.i18n import t
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.main_window import MainWindow
from kdrt_desk.wiring import Services


class Logouts:
    """Counts the app's "back to the login" calls."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self) -> None:
        self.count += 1


@pytest.fixture
def logouts() -> Logouts:
    return Logouts()


@pytest.fixture
def window(qtbot: QtBot, admin: Services, runner: TaskRunner,
           logouts: Logouts) -> Iterator[MainWindow]:
    admin.participants.register(sample(), today=date(2026, 11, 27))
    main = MainWindow(admin, runner, on_logout=logouts)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitUntil(lambda: main.register.model.rowCount() == 1, timeout=5000)
    yield main
    runner.wait()


def lock_with_the_button(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.mouseClick(window.lock_button, Qt.MouseButton.LeftButton)
    assert window.is_showing_lock_screen
    qtbot.waitUntil(window.lock_screen.logout_button.isVisible, timeout=2000)


def audited_actions(vault: VaultFixture) -> list[str]:
    services = vault.services()
    try:
        return [entry.action for entry in services.audit.entries()]
    finally:
        services.close()


def test_the_switch_user_button_is_a_real_push_button_in_both_languages(
        qtbot: QtBot, window: MainWindow) -> None:
    lock_with_the_button(qtbot, window)
    button = window.lock_screen.logout_button
    assert isinstance(button, QPushButton)
    assert button.text() == "Keluar akun / ganti pengguna" == t("ui.lock.logout")
    assert button.isEnabled() and not button.isDefault() and not button.autoDefault()
    assert window.lock_screen.unlock_button.isDefault()  # Enter unlocks, it never logs out
    window.switch_language("en")
    try:
        assert window.is_showing_lock_screen  # rebuilding the screens keeps the lock
        assert window.lock_screen.logout_button.text() == "Log out / switch user"
    finally:
        i18n.set_language("id")


def test_enter_in_the_password_box_does_not_log_out(
        qtbot: QtBot, window: MainWindow, logouts: Logouts) -> None:
    lock_with_the_button(qtbot, window)
    with qtbot.assertNotEmitted(window.lock_screen.logout_requested, wait=200):
        qtbot.keyClick(window.lock_screen.password, Qt.Key.Key_Return)  # empty: nothing sent
    assert window.isVisible() and logouts.count == 0


def test_clicking_it_logs_out_back_to_the_login(
        qtbot: QtBot, window: MainWindow, vault: VaultFixture, logouts: Logouts,
        modal_boxes: ModalBoxes) -> None:
    lock_with_the_button(qtbot, window)
    with qtbot.waitSignal(window.lock_screen.logout_requested, timeout=2000):
        qtbot.mouseClick(window.lock_screen.logout_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: logouts.count == 1, timeout=5000)
    assert not window.isVisible()
    assert window.closing_for_logout
    assert modal_boxes.shown == []  # no question, no error box on the lock screen
    window.runner.wait()
    actions = audited_actions(vault)
    assert actions[0] == "login"  # opening the vault to read the trail logs in again
    assert actions[1:3] == ["logout", "locked"]


def test_a_form_left_open_behind_the_lock_is_dropped_without_asking(
        qtbot: QtBot, window: MainWindow, logouts: Logouts, modal_boxes: ModalBoxes) -> None:
    form = window.open_participant(window.register.model.id_at(0))
    assert form is not None
    qtbot.waitUntil(form.isEnabled, timeout=5000)
    qtbot.keyClicks(form.household.occupation, " dan penjahit")
    assert form.has_unsaved_changes()
    lock_with_the_button(qtbot, window)
    assert not form.isVisible()
    qtbot.mouseClick(window.lock_screen.logout_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: logouts.count == 1, timeout=5000)
    assert window.forms == [] or not any(f.isVisible() for f in window.forms)
    assert [kind for kind, _title, _text in modal_boxes.shown] == []
    assert not window.isVisible()
