"""Qt's own buttons and dialog words follow the app's language: "Ya"/"Tidak"/"Batal" while it
speaks Indonesian, Qt's English when it speaks English. Qt 6 ships no Indonesian, so the app
carries its own Qt Linguist file (kdrt_desk/assets/qt/qt_words_id.ts and its compiled .qm),
made from the table in scripts/qt_words_ts.py: the committed files must be that table's, and
the .qm must answer each string under the Qt context that asks for it."""

from __future__ import annotations

import importlib.util
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, QTranslator
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
)

from kdrt_desk import i18n
from kdrt_desk.ui.qt_words import QM_FILE, QtWords, install_qt_words

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "qt_words_ts.py"
REMAKE = "run .venv/bin/python scripts/qt_words_ts.py and commit the .ts and the .qm"


@pytest.fixture(scope="module")
def table() -> ModuleType:
    """scripts/qt_words_ts.py, the one place the words are written."""
    spec = importlib.util.spec_from_file_location("qt_words_ts", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("qt_words_ts", module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def words(qapp: QApplication) -> Iterator[QtWords]:
    installed = install_qt_words(qapp)
    yield installed
    QCoreApplication.removeTranslator(installed)
    i18n.set_language("id")


def test_the_committed_ts_is_the_tables(table: ModuleType) -> None:
    assert table.TS_FILE.with_suffix(".qm") == QM_FILE  # the script writes what the app loads
    assert table.TS_FILE.read_text(encoding="utf-8") == table.ts_text(), REMAKE
    root = ET.parse(table.TS_FILE).getroot()  # a real TS file: one <context> per Qt context
    assert (root.tag, root.get("language")) == ("TS", "id_ID")
    found = {(context.findtext("name"), message.findtext("source"),
              message.findtext("comment") or "", message.findtext("translation"))
             for context in root.iter("context") for message in context.iter("message")}
    expected = {(w.context, w.source, w.disambiguation, w.translation) for w in table.words()}
    assert found == expected and len(expected) == len(table.words())  # no row twice
    assert ("QPlatformTheme", "&Yes", "", "&Ya") in found
    assert ("QFileSystemModel", "Type", "All other platforms", "Jenis") in found


def test_the_committed_qm_is_compiled_from_it_and_translates_each_word(
        table: ModuleType, tmp_path: Path) -> None:
    compiled = tmp_path / "qt_words_id.qm"
    table.compile_qm(table.TS_FILE, compiled)  # the bundled pyside6-lrelease
    assert compiled.read_bytes() == QM_FILE.read_bytes(), REMAKE
    qm = QTranslator()
    assert qm.load(str(QM_FILE))
    for word in table.words():
        got = qm.translate(word.context, word.source, word.disambiguation or None)
        assert got == word.translation, word
    # looked up by context: the same source asked for by another part of Qt is not answered
    assert qm.translate("QFileDialog", "&Yes") == ""
    assert qm.translate("QShortcut", "Print") == ""  # the Print key's name stays Qt's
    # a disambiguation Qt passes but the table has none for still finds the word (Windows')
    assert qm.translate("QAbstractFileIconProvider", "File Folder",
                        "Match Windows Explorer") == "Folder"


def _menu_texts(widget: QLineEdit | QPlainTextEdit) -> list[str]:
    menu = (widget.createStandardContextMenu() if isinstance(widget, QLineEdit)
            else widget.createStandardContextMenu(QPoint(0, 0)))
    texts = [action.text().split("\t")[0] for action in menu.actions() if action.text()]
    menu.deleteLater()
    return texts


def _file_dialog_labels() -> set[str]:
    dialog = QFileDialog(None, "", "", "")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    dialog.deleteLater()
    return labels


def test_qt_widgets_speak_the_apps_language(words: QtWords) -> None:
    assert words.loaded and words.path == QM_FILE
    i18n.set_language("id")
    box = QMessageBox(QMessageBox.Icon.Question, "t", "?",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDetailedText("rincian")
    texts = sorted(b.text() for b in box.buttons())
    assert texts == ["&Tidak", "&Ya", "Tampilkan rincian..."]
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel
                               | QDialogButtonBox.StandardButton.Close
                               | QDialogButtonBox.StandardButton.Save)
    assert sorted(b.text() for b in buttons.buttons()) == ["Batal", "Simpan", "Tutup"]
    assert _menu_texts(QLineEdit("abc"))[:5] == ["&Urungkan", "U&langi", "&Potong", "&Salin",
                                                  "&Tempel"]
    assert "Pilih semua" in _menu_texts(QPlainTextEdit("abc"))  # QWidgetTextControl's
    assert {"&Cari di:", "&Nama berkas:", "&Jenis berkas:"} <= _file_dialog_labels()

    i18n.set_language("en")  # at run time: the next widgets are in Qt's English
    english = QMessageBox(QMessageBox.Icon.Question, "t", "?",
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    assert sorted(b.text() for b in english.buttons()) == ["&No", "&Yes"]
    cancel = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert [b.text() for b in cancel.buttons()] == ["Cancel"]
    assert "&Copy" in _menu_texts(QLineEdit("abc"))
    assert "File &name:" in _file_dialog_labels()

    i18n.set_language("id")  # and back
    again = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert [b.text() for b in again.buttons()] == ["Batal"]
    for widget in (box, buttons, english, cancel, again):
        widget.deleteLater()


def test_without_its_file_qt_keeps_its_english(qapp: QApplication, tmp_path: Path) -> None:
    missing = QtWords(qapp, path=tmp_path / "none.qm")
    QCoreApplication.installTranslator(missing)
    try:
        i18n.set_language("id")
        assert not missing.loaded
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        assert [b.text() for b in box.buttons()] == ["Cancel"]
        box.deleteLater()
    finally:
        QCoreApplication.removeTranslator(missing)
