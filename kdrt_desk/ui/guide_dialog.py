"""Bantuan > Panduan pengguna (F1): the user guide shipped with the app
(``kdrt_desk/assets/guide/<lang>/index.html``, with screenshots of the real app), in the
language the app speaks, shown inside the app (no browser, no internet), with a find box."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QKeySequence, QShortcut, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kdrt_desk import i18n
from kdrt_desk.i18n import t

GUIDE_DIR = Path(__file__).resolve().parent.parent / "assets" / "guide"


def guide_page(lang: str | None = None) -> Path:
    """The guide's page in ``lang`` (the app's language by default)."""
    return GUIDE_DIR / (lang or i18n.language()) / "index.html"


class GuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(t("ui.guide.title"))
        layout = QVBoxLayout(self)
        find_row = QHBoxLayout()
        find_row.addWidget(QLabel(t("ui.guide.find")))
        self.find_box = QLineEdit()
        self.find_box.setPlaceholderText(t("ui.guide.find_hint"))
        self.find_box.setClearButtonEnabled(True)
        self.find_box.returnPressed.connect(lambda: self.find_next())
        find_row.addWidget(self.find_box, 1)
        self.next_button = QPushButton(t("ui.guide.find_next"))
        self.next_button.clicked.connect(lambda: self.find_next())
        find_row.addWidget(self.next_button)
        self.not_found = QLabel("")
        find_row.addWidget(self.not_found)
        layout.addLayout(find_row)

        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        page = guide_page()
        self.browser.setSearchPaths([str(page.parent)])
        self.browser.setSource(QUrl.fromLocalFile(str(page)))
        layout.addWidget(self.browser, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(t("ui.crash_close"))
        buttons.rejected.connect(self.reject)
        self.home_button = buttons.addButton(t("ui.guide.contents"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.home_button.clicked.connect(self.browser.home)
        layout.addWidget(buttons)
        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_find)
        self.resize(900, 700)

    def focus_find(self) -> None:
        self.find_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.find_box.selectAll()

    def find_next(self) -> bool:
        """The next place the words appear (from the top again after the last)."""
        words = self.find_box.text().strip()
        if not words:
            return False
        found = self.browser.find(words)
        if not found:  # wrap around once
            cursor = self.browser.textCursor()
            cursor.movePosition(cursor.MoveOperation.Start)
            self.browser.setTextCursor(cursor)
            found = self.browser.find(words, QTextDocument.FindFlag(0))
        self.not_found.setText("" if found else t("ui.guide.not_found"))
        return found
