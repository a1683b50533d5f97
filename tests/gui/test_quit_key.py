"""Ctrl+Q closes the app on every OS (Windows has no standard Quit key of its own)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from kdrt_desk.i18n import t
from kdrt_desk.ui.main_window import MainWindow


def test_ctrl_q_closes_the_main_window(qtbot: QtBot, admin_window: MainWindow) -> None:
    [action] = [a for menu in admin_window.menuBar().actions() if menu.menu()
                for a in menu.menu().actions() if a.text() == t("ui.main.quit")]
    assert action.shortcut() == QKeySequence("Ctrl+Q")
    admin_window.activateWindow()
    qtbot.keyClick(admin_window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not admin_window.isVisible(), timeout=5000)
