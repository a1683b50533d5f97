"""Qt's own buttons and dialog words follow the app's language: "Ya"/"Tidak"/"Batal" while it
speaks Indonesian (Qt ships no Indonesian), Qt's English when it speaks English."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QMessageBox

from kdrt_desk import i18n
from kdrt_desk.ui.qt_words import QtWords, install_qt_words


@pytest.fixture
def words(qapp: QApplication) -> Iterator[QtWords]:
    installed = install_qt_words(qapp)
    yield installed
    QCoreApplication.removeTranslator(installed)
    i18n.set_language("id")


def test_message_box_and_button_box_words(words: QtWords) -> None:
    i18n.set_language("id")
    box = QMessageBox(QMessageBox.Icon.Question, "t", "?",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    assert sorted(b.text() for b in box.buttons()) == ["&Tidak", "&Ya"]
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel
                               | QDialogButtonBox.StandardButton.Close
                               | QDialogButtonBox.StandardButton.Save)
    assert sorted(b.text() for b in buttons.buttons()) == ["Batal", "Simpan", "Tutup"]
    field = QLineEdit()
    menu = field.createStandardContextMenu()
    assert "&Salin" in [a.text().split("\t")[0] for a in menu.actions()]
    menu.deleteLater()
    i18n.set_language("en")
    english = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert [b.text() for b in english.buttons()] == ["Cancel"]
