"""Bantuan > Panduan pengguna, opened with F1 as a user does: the guide in the app's language,
its screenshots loaded, a section reached from the contents, the find box, and Contents back."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot
from support.shown_dialog import shown_dialog

from kdrt_desk import i18n
from kdrt_desk.ui.guide_dialog import GuideDialog, guide_page
from kdrt_desk.ui.main_window import MainWindow


def _press_f1(qtbot: QtBot, admin_window: MainWindow) -> GuideDialog:
    admin_window.activateWindow()
    qtbot.keyClick(admin_window, Qt.Key.Key_F1)
    return shown_dialog(qtbot, GuideDialog)


def test_f1_opens_the_indonesian_guide_with_its_screenshots(qtbot: QtBot,
                                                           admin_window: MainWindow) -> None:
    dialog = _press_f1(qtbot, admin_window)
    document = dialog.browser.document()
    assert document.toPlainText().lstrip().startswith("Panduan pengguna KDRT Desk")
    page = guide_page("id")
    first_image = re.search(r'<img\s+[^>]*src="([^"]+)"', page.read_text(encoding="utf-8"))
    assert first_image is not None
    url = dialog.browser.source().resolved(QUrl(first_image.group(1)))
    image = document.resource(QTextDocument.ResourceType.ImageResource, url)
    assert image is not None and not image.isNull()

    dialog.find_box.setText("cadangan")
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.browser.textCursor().selectedText().lower() == "cadangan"
    assert dialog.not_found.text() == ""
    dialog.find_box.setText("kata-yang-tidak-ada-di-panduan")
    qtbot.keyClick(dialog.find_box, Qt.Key.Key_Return)
    assert dialog.not_found.text() == "Tidak ditemukan."

    dialog.browser.setSource(QUrl("#cadangan"))
    qtbot.mouseClick(dialog.home_button, Qt.MouseButton.LeftButton)
    assert dialog.browser.source().fileName() == "index.html"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)


def test_in_english(qtbot: QtBot, admin_window: MainWindow) -> None:
    admin_window.switch_language("en")
    dialog = _press_f1(qtbot, admin_window)
    assert dialog.windowTitle() == "KDRT Desk user guide"
    assert dialog.browser.document().toPlainText().lstrip().startswith("KDRT Desk user guide")
    assert i18n.language() == "en"
    dialog.reject()
