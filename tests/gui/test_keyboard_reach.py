"""Every main action can be reached without a mouse: on each main screen, pressing Tab walks
through every visible, enabled button and field of the screen (none is skipped or unreachable),
Ctrl+Tab moves to the next screen, and Alt opens the menu bar's first menu by its letter."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot
from support.participant_samples import sample

from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.main_window import MainWindow
from kdrt_desk.wiring import Services


@pytest.fixture
def window(qtbot: QtBot, admin: Services) -> Iterator[MainWindow]:
    admin.participants.register(sample())
    failures: list[BaseException] = []
    runner = TaskRunner(on_unhandled=failures.append)
    main = MainWindow(admin, runner)
    qtbot.addWidget(main)
    main.resize(1200, 800)
    main.show()
    qtbot.waitExposed(main)
    yield main
    runner.wait()
    assert failures == []


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
                                                          window: MainWindow) -> None:
    tabs = window.tabs
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
            qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Tab)
            focused = QApplication.focusWidget()
            if focused is not None:
                reached.add(focused)
        missing = sorted(f"{type(w).__name__} {getattr(w, 'text', lambda: '')()!r}"
                         for w in wanted - reached)
        assert missing == [], tabs.tabText(index)
    assert len(checked) >= 4, checked


def test_ctrl_tab_moves_to_the_next_screen(qtbot: QtBot, window: MainWindow) -> None:
    window.tabs.setCurrentIndex(0)
    window.tabs.setFocus()
    qtbot.keyClick(window.tabs, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 1
