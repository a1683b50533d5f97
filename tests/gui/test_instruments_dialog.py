"""The admin's "Instrumen asesmen" pressed as an admin does: opened from the File menu, RSE
unticked and saved; a validated WHO-5 wording pasted (a wrong count refused first); an
instrument of the centre's own with an alert item created, then edited into version 2 while
version 1 stays readable; a bad one refused with the service's messages. Each dialog is grabbed
to /tmp/instruments_*.png to be looked at."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMenu,
    QWidget,
)
from pytestqt.qtbot import QtBot

from kdrt_desk import i18n
from kdrt_desk.domain.instruments import WHO5
from kdrt_desk.i18n import t
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.instrument_editor_dialog import InstrumentEditorDialog
from kdrt_desk.ui.instrument_wording_dialog import WordingDialog
from kdrt_desk.ui.instruments_dialog import InstrumentsDialog
from kdrt_desk.ui.main_window import MainWindow
from kdrt_desk.wiring import Services

WORKING = "Terjemahan kerja"
VALIDATED_ITEMS = ["Saya merasa riang dan bersemangat baik", "Saya merasa tenang dan rileks",
                   "Saya merasa aktif dan penuh energi",
                   "Saya bangun dengan perasaan segar dan beristirahat",
                   "Hidup saya sehari-hari diisi dengan hal-hal yang menarik minat saya"]
VALIDATED_LABELS = ["Tidak sama sekali", "Sesekali", "Kurang dari separuh waktu",
                    "Lebih dari separuh waktu", "Sebagian besar waktu", "Sepanjang waktu"]


@pytest.fixture
def dialog(qtbot: QtBot, admin: Services, runner: TaskRunner) -> Iterator[InstrumentsDialog]:
    shown = InstrumentsDialog(admin, runner)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitUntil(lambda: shown.is_loaded, timeout=5000)
    yield shown


def ok(dialog: QDialog) -> QAbstractButton:
    buttons = dialog.findChild(QDialogButtonBox)
    assert isinstance(buttons, QDialogButtonBox)
    return buttons.button(QDialogButtonBox.StandardButton.Ok)


def click(qtbot: QtBot, button: QAbstractButton) -> None:
    """A mouse click on the button (on a tick box: on its box, not the empty space beside)."""
    assert button.isEnabled() and button.isVisible(), button.text()
    if isinstance(button, QCheckBox):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton,
                         pos=QPoint(8, button.height() // 2))
    else:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def choose(qtbot: QtBot, dialog: InstrumentsDialog, code: str) -> None:
    """Click the instrument's line in the list."""
    row = dialog.row_of(code)
    assert row >= 0, code
    rect = dialog.list.visualItemRect(dialog.list.item(row))
    qtbot.mouseClick(dialog.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.selected_code() == code


def settle() -> None:
    """Let the layouts follow the texts just set (as the event loop does on screen)."""
    for _ in range(3):
        QApplication.processEvents()


def shown_text(widget: QWidget) -> str:
    """The texts of every label the dialog shows."""
    settle()
    widget.grab()
    return "\n".join(label.text() for label in widget.findChildren(QLabel)
                     if label.isVisibleTo(widget) and label.text())


def grab(widget: QWidget, name: str) -> None:
    settle()
    assert widget.grab().save(f"/tmp/instruments_{name}.png")


def test_untick_rse_from_the_menu(qtbot: QtBot, admin: Services, runner: TaskRunner) -> None:
    window = MainWindow(admin, runner)
    qtbot.addWidget(window)
    window.show()
    menus = {a.text(): a.menu() for a in window.menuBar().actions()}
    file_menu = menus["&Berkas"]
    assert isinstance(file_menu, QMenu)
    action = next(a for a in file_menu.actions() if a.text() == "Instrumen asesmen…")
    assert isinstance(action, QAction)
    action.trigger()
    found = window.findChild(InstrumentsDialog)
    assert isinstance(found, InstrumentsDialog)
    qtbot.waitUntil(lambda: found.is_loaded, timeout=5000)
    assert [i.code for i in admin.instruments.in_use()] == ["WHO5", "GSE", "RSE"]
    choose(qtbot, found, "RSE")
    text = shown_text(found)
    assert "Skala Harga Diri Rosenberg" in text and "butir skor terbalik: 2, 5, 6, 8, 9" in text
    assert "Harga diri rendah (di bawah 15): di bawah 15 (perlu perhatian)" in text
    assert "Boleh kosong sampai 1 butir" in text
    assert WORKING in text and "Garuda" in text  # where to find the validated version
    assert found.in_use_box.isChecked()
    grab(found, "list")
    click(qtbot, found.in_use_box)
    assert found.list.item(found.row_of("RSE")).checkState() == Qt.CheckState.Unchecked
    click(qtbot, ok(found))
    qtbot.waitUntil(lambda: not found.isVisible(), timeout=5000)
    assert [i.code for i in admin.instruments.in_use()] == ["WHO5", "GSE"]


def open_wording(qtbot: QtBot, dialog: InstrumentsDialog) -> WordingDialog:
    click(qtbot, dialog.paste_button)
    wording = dialog.wording_dialog
    assert isinstance(wording, WordingDialog)
    qtbot.waitExposed(wording)
    return wording


def type_lines(qtbot: QtBot, wording: WordingDialog, lines: list[str]) -> None:
    for number, text in enumerate(lines, start=1):
        qtbot.keyClicks(wording.items_box, f"{number}. {text}")
        qtbot.keyClick(wording.items_box, Qt.Key.Key_Return)


def test_paste_a_validated_who5_wording(qtbot: QtBot, admin: Services,
                                        dialog: InstrumentsDialog) -> None:
    choose(qtbot, dialog, "WHO5")
    assert WORKING in shown_text(dialog) and "psykiatri-regionh.dk" in shown_text(dialog)
    wording = open_wording(qtbot, dialog)
    type_lines(qtbot, wording, VALIDATED_ITEMS[:4])  # one item short, no labels
    assert wording.count.text() == "4 dari 5 butir"
    grab(wording, "wording_short")
    click(qtbot, ok(wording))
    qtbot.waitUntil(lambda: wording.error_text("items") != "", timeout=5000)
    assert wording.error_text("items") == t("error.wording_items", count=5)
    assert wording.error_text("labels") == t("error.instrument_labels", count=6)
    assert wording.isVisible()
    grab(wording, "wording_refused")
    assert admin.instruments.get("WHO5").version == 1  # nothing saved

    qtbot.keyClicks(wording.items_box, VALIDATED_ITEMS[4])
    assert wording.count.text() == "5 dari 5 butir"
    qtbot.keyClicks(wording.instructions, "Pilih jawaban yang paling sesuai")
    for edit, text in zip(wording.label_edits, VALIDATED_LABELS, strict=True):
        qtbot.keyClicks(edit, text)
    click(qtbot, ok(wording))
    qtbot.waitUntil(lambda: not wording.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: dialog.fields["version"].text() == "2", timeout=5000)
    stored = admin.instruments.get("WHO5")
    assert stored.version == 2 and stored.id_validated
    assert [i.text_id for i in stored.items] == VALIDATED_ITEMS  # the "1." numbers dropped
    assert stored.labels_id == tuple(VALIDATED_LABELS)
    assert stored.items[0].text_en == WHO5.items[0].text_en and stored.multiplier == 4.0
    assert not admin.instruments.get("WHO5", 1).id_validated  # the old version unchanged
    text = shown_text(dialog)
    assert WORKING not in text and "psykiatri-regionh.dk" not in text
    assert "Versi tervalidasi" in text and "versi 2" in text
    grab(dialog, "after_wording")


def open_editor(qtbot: QtBot, dialog: InstrumentsDialog, button: QAbstractButton
                ) -> InstrumentEditorDialog:
    click(qtbot, button)
    editor = dialog.editor_dialog
    assert isinstance(editor, InstrumentEditorDialog)
    qtbot.waitExposed(editor)
    return editor


def fill_general(qtbot: QtBot, editor: InstrumentEditorDialog, code: str) -> None:
    qtbot.keyClicks(editor.code, code)
    qtbot.keyClicks(editor.name_id, "Skrining Keselamatan")
    qtbot.keyClicks(editor.name_en, "Safety screening")
    qtbot.keyClicks(editor.credit, "Disusun tim konselor lembaga")


def test_a_custom_instrument_with_an_alert_item_then_version_2(
        qtbot: QtBot, admin: Services, dialog: InstrumentsDialog) -> None:
    editor = open_editor(qtbot, dialog, dialog.new_button)
    assert "Skor yang sudah tercatat tetap memakai versi lamanya" in editor.version_note.text()
    fill_general(qtbot, editor, "AMAN-1")
    grab(editor, "editor_general")
    editor.tabs.setCurrentIndex(1)
    assert editor.labels.rowCount() == 4  # 0 to 3
    for row, (text_id, text_en) in enumerate((("Tidak pernah", "Never"),
                                              ("Jarang", "Rarely"),
                                              ("Sering", "Often"),
                                              ("Hampir selalu", "Almost always"))):
        qtbot.keyClicks(editor.label_edit(row, "id"), text_id)
        qtbot.keyClicks(editor.label_edit(row, "en"), text_en)
    qtbot.keyClicks(editor.item_text(0, "id"), "Saya merasa aman di rumah")
    qtbot.keyClicks(editor.item_text(0, "en"), "I feel safe at home")
    click(qtbot, editor.reverse_box(0))
    click(qtbot, editor.add_item_button)
    qtbot.keyClicks(editor.item_text(1, "id"), "Saya berpikir untuk menyakiti diri")
    qtbot.keyClicks(editor.item_text(1, "en"), "I think of hurting myself")
    qtbot.keyClicks(editor.alert_combo(1), "2")  # an answer of 2 or more alerts at once
    assert editor.alert_combo(1).currentData() == 2
    grab(editor, "editor_items")
    editor.tabs.setCurrentIndex(2)
    click(qtbot, editor.add_band_button)
    qtbot.keyClicks(editor.band_edit(0, 0), "aman")
    qtbot.keyClicks(editor.band_edit(0, 1), "Aman")
    qtbot.keyClicks(editor.band_edit(0, 2), "Safe")
    qtbot.keyClicks(editor.band_edit(0, 3), "2,5")
    click(qtbot, editor.add_band_button)
    qtbot.keyClicks(editor.band_edit(1, 0), "perhatian")
    qtbot.keyClicks(editor.band_edit(1, 1), "Perlu perhatian")
    qtbot.keyClicks(editor.band_edit(1, 2), "Needs attention")
    click(qtbot, editor.band_flag(1))
    qtbot.keyClicks(editor.change, "1")
    grab(editor, "editor_scoring")
    click(qtbot, ok(editor))
    qtbot.waitUntil(lambda: not editor.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: dialog.row_of("AMAN-1") >= 0, timeout=5000)
    stored = admin.instruments.get("AMAN-1")
    assert stored.version == 1 and not stored.standard and len(stored.items) == 2
    assert stored.items[0].reverse and stored.items[1].alert_at == 2
    assert stored.bands[0].below == 2.5 and stored.bands[1].flag
    assert stored.meaningful_change == 1.0
    assert dialog.selected_code() == "AMAN-1"
    text = shown_text(dialog)
    assert "2 (jawaban 2 ke atas)" in text and "Buatan lembaga sendiri" in text
    assert WORKING not in text
    assert not dialog.paste_button.isEnabled() and dialog.edit_button.isEnabled()

    editor = open_editor(qtbot, dialog, dialog.edit_button)
    assert not editor.code.isEnabled() and editor.name_id.text() == "Skrining Keselamatan"
    assert "versi 2" in editor.version_note.text()
    editor.tabs.setCurrentIndex(1)
    click(qtbot, editor.add_item_button)
    qtbot.keyClicks(editor.item_text(2, "id"), "Saya punya tempat untuk pergi")
    qtbot.keyClicks(editor.item_text(2, "en"), "I have a place to go")
    click(qtbot, ok(editor))
    qtbot.waitUntil(lambda: not editor.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: dialog.fields["version"].text() == "2", timeout=5000)
    assert len(admin.instruments.get("AMAN-1").items) == 3
    first = admin.instruments.get("AMAN-1", 1)
    assert first.version == 1 and len(first.items) == 2  # the old version is still there
    choose(qtbot, dialog, "GSE")
    assert not dialog.edit_button.isEnabled()  # a shipped one: only its wording


def test_a_bad_instrument_shows_the_services_messages(
        qtbot: QtBot, admin: Services, dialog: InstrumentsDialog) -> None:
    editor = open_editor(qtbot, dialog, dialog.new_button)
    fill_general(qtbot, editor, "RUSAK")
    editor.tabs.setCurrentIndex(1)
    for row in range(3):  # the label of answer 3 is missing
        qtbot.keyClicks(editor.label_edit(row, "id"), f"Label {row}")
        qtbot.keyClicks(editor.label_edit(row, "en"), f"Label {row}")
    qtbot.keyClicks(editor.label_edit(3, "en"), "Always")
    click(qtbot, editor.remove_item_button)  # no items
    assert editor.items.rowCount() == 0
    editor.tabs.setCurrentIndex(0)
    click(qtbot, ok(editor))
    qtbot.waitUntil(lambda: editor.error_text("items") != "", timeout=5000)
    assert editor.error_text("items") == t("error.instrument_items", limit=60)
    assert editor.error_text("labels") == t("error.instrument_labels", count=4)
    assert editor.tabs.currentIndex() == 1  # brought forward to where the messages are
    assert editor.isVisible()
    grab(editor, "editor_refused")
    assert "RUSAK" not in {i.code for i in admin.instruments.available()}

    qtbot.keyClicks(editor.label_edit(3, "id"), "Selalu")
    click(qtbot, editor.add_item_button)
    qtbot.keyClicks(editor.item_text(0, "id"), "Butir satu")
    qtbot.keyClicks(editor.item_text(0, "en"), "Item one")
    editor.tabs.setCurrentIndex(2)
    qtbot.keyClicks(editor.change, "banyak")
    click(qtbot, ok(editor))
    assert editor.error_text("meaningful_change") == t("ui.instrument_editor.not_a_number")
    assert "RUSAK" not in {i.code for i in admin.instruments.available()}


def test_in_english_the_dialog_speaks_english(qtbot: QtBot, admin: Services,
                                              runner: TaskRunner) -> None:
    i18n.set_language("en")
    try:
        shown = InstrumentsDialog(admin, runner)
        qtbot.addWidget(shown)
        shown.show()
        qtbot.waitUntil(lambda: shown.is_loaded, timeout=5000)
        choose(qtbot, shown, "WHO5")
        text = shown_text(shown)
        assert "WHO-5 Well-Being Index (WHO5) · version 1" in shown.list.item(0).text()
        assert "Working translation" in text and "times 4: 0–100 %" in text
        assert "0 = At no time" in text and "below 52 % (needs attention)" in text
        assert "Terjemahan" not in text and "butir" not in text
        grab(shown, "list_en")
    finally:
        i18n.set_language("id")
