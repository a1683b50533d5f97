"""First use: on a fresh vault every main tab says what it is for and which button fills it,
every tab and main button has a tool tip, and the hint goes once there is data."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QToolButton, QWidget
from pytestqt.qtbot import QtBot
from support.participant_samples import sample

from kdrt_desk.domain.training import GroupInput
from kdrt_desk.ui.main_window import MainWindow
from kdrt_desk.ui.tab_tips import set_tab_tips
from kdrt_desk.ui.widgets.empty_hint import EMPTY_HINT
from kdrt_desk.wiring import Services

NO_MATCH = "zz-tidak-ada-yang-cocok"  # the audit log is never empty: a search that finds nothing


def shown_hints(page: QWidget) -> list[QLabel]:
    return [label for label in page.findChildren(QLabel, EMPTY_HINT) if label.isVisible()]


def open_tab(qtbot: QtBot, main: MainWindow, index: int) -> QWidget:
    """Click the tab as a user does and let the screen load."""
    bar = main.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert main.tabs.currentIndex() == index
    return main.tabs.widget(index)


def test_every_tab_explains_itself_until_there_is_data(qtbot: QtBot, admin_window: MainWindow,
                                                      admin: Services) -> None:
    """One window for every tab (the suite's time budget), then data for two of them."""
    main = admin_window
    set_tab_tips(main.tabs)  # what main_window._build calls once it is wired in
    assert main.tabs.count() >= 14  # the admin sees every screen
    pages: dict[str, int] = {}
    for index in range(main.tabs.count()):
        name = type(main.tabs.widget(index)).__name__
        pages[name] = index
        assert main.tabs.tabToolTip(index).strip(), f"tab {name} has no tool tip"
        page = open_tab(qtbot, main, index)
        if name == "AuditView":  # never empty: opening the vault is recorded already
            qtbot.keyClicks(page.search, NO_MATCH)  # type: ignore[attr-defined]
        qtbot.waitUntil(lambda page=page: bool(shown_hints(page)), timeout=5000)
        for hint in shown_hints(page):
            assert hint.text().strip(), f"{name}: an empty hint without words"
            assert hint.textFormat() == Qt.TextFormat.PlainText
        buttons = [*page.findChildren(QPushButton), *page.findChildren(QToolButton)]
        silent = [b.text() for b in buttons if b.isVisible() and not b.toolTip().strip()
                  and not isinstance(b.parent(), QLineEdit)]  # Qt's own "clear" cross
        assert silent == [], f"{name}: buttons without a tool tip: {silent}"

    # data through the services, as another PC's staff would add it
    admin.participants.register(sample(), today=date(2026, 11, 27))
    module = admin.catalogue.modules()[0]
    admin.groups.save(GroupInput(name="Kelompok Plaju 1", kecamatan="Plaju",
                                 start_date=date(2026, 12, 1), end_date=date(2027, 2, 28),
                                 module_ids=[module.id]))
    register = open_tab(qtbot, main, pages["RegisterView"])
    main.register.refresh()  # the register reloads on a search or a save, not on its tab
    qtbot.waitUntil(lambda: main.register.model.rowCount() == 1, timeout=5000)
    assert shown_hints(register) == []
    groups = open_tab(qtbot, main, pages["GroupsView"])  # reloads as its tab opens
    qtbot.waitUntil(lambda: groups.table.rowCount() == 1, timeout=5000)  # type: ignore[attr-defined]
    assert shown_hints(groups) == []
