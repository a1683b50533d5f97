"""Bantuan > Tentang KDRT Desk, opened from the menu as a user opens it: the version, this vault's
data folder and its backups folder (the button opens the data folder through Qt's own URL
handling), every bundled component with its installed version and licence, in the chosen
language."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QLabel, QMenu
from pytestqt.qtbot import QtBot
from support.shown_dialog import shown_dialog

from kdrt_desk import __version__, i18n
from kdrt_desk.licences import BUNDLED
from kdrt_desk.ui.about_dialog import AboutDialog
from kdrt_desk.ui.main_window import MainWindow
from kdrt_desk.wiring import Services


class FileUrls(QObject):
    """Where Qt sends file:// URLs while installed (instead of the desktop's file manager)."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url)


def _open_about(qtbot: QtBot, admin_window: MainWindow) -> AboutDialog:
    menus = {a.text().replace("&", ""): a.menu() for a in admin_window.menuBar().actions()}
    help_menu = menus[i18n.t("ui.main.menu_help").replace("&", "")]
    assert isinstance(help_menu, QMenu)
    [action] = [a for a in help_menu.actions() if a.text() == i18n.t("ui.main.about")]
    assert isinstance(action, QAction)
    action.trigger()
    return shown_dialog(qtbot, AboutDialog)


def test_version_folders_and_licences(qtbot: QtBot, admin_window: MainWindow, admin: Services,
                                      tmp_path: Path) -> None:
    dialog = _open_about(qtbot, admin_window)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert f"KDRT Desk {__version__}" in texts
    data_dir = admin.vault.paths.data_dir
    assert dialog.data_label.text() == str(data_dir)
    assert dialog.backup_label.text() == str(data_dir / "cadangan")
    assert dialog.data_label.textFormat() == Qt.TextFormat.PlainText
    table = dialog.table
    assert table.rowCount() == len(BUNDLED)
    rows = {table.item(r, 0).text(): (table.item(r, 1).text(), table.item(r, 2).text())
            for r in range(table.rowCount())}
    assert rows["Qt 6 / PySide6"][1] == "LGPL-3.0-only"
    assert rows["SQLCipher (sqlcipher3)"][0]  # the installed version, read from its metadata
    assert all(licence for _version, licence in rows.values())
    assert all(version for component in BUNDLED if component.distribution
               for version in [rows[component.name][0]])

    handler = FileUrls()
    QDesktopServices.setUrlHandler("file", handler, "open")
    try:
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert [Path(url.toLocalFile()) for url in handler.opened] == [data_dir]

    dialog.grab().save(str(tmp_path / "about.png"))
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)


def test_in_english(qtbot: QtBot, admin_window: MainWindow) -> None:
    admin_window.switch_language("en")
    dialog = _open_about(qtbot, admin_window)
    assert dialog.windowTitle() == "About KDRT Desk"
    headers = [dialog.table.horizontalHeaderItem(c).text() for c in range(3)]
    assert headers == ["Component", "Version", "Licence"]
    dialog.reject()
