"""The app's one look: named looks give colours, the main action stands out, one set-up."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from kdrt_desk.ui.widgets.errors import ErrorLabel
from kdrt_desk.ui.widgets.forms import hint_label
from kdrt_desk.ui.widgets.look import OK, STYLESHEET, apply_look, mark, primary


def test_the_look_is_installed_once_for_the_whole_app(qapp: QApplication) -> None:
    apply_look(qapp)
    apply_look(qapp)  # again: nothing changes (replacing the style would crash live widgets)
    assert qapp.styleSheet() == STYLESHEET
    assert qapp.palette().color(QPalette.ColorRole.Highlight).name() == "#1f5fa8"


def test_named_looks_colour_the_text_without_a_style_string_per_screen(qtbot: QtBot) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    hint = hint_label("Isian bertanda * wajib diisi.")
    done = mark(QLabel("Disimpan."), OK)
    error = ErrorLabel()
    error.show_message("Nama wajib diisi.")
    button = primary(QPushButton("Simpan"))
    plain = QPushButton("Batal")
    column = QVBoxLayout(page)
    for widget in (hint, done, error, button, plain):
        column.addWidget(widget)
    page.show()
    qtbot.waitExposed(page)
    colour = QPalette.ColorRole.WindowText
    assert hint.palette().color(colour).name() == "#555555"
    assert done.palette().color(colour).name() == "#1b5e20"
    assert error.palette().color(colour).name() == "#b00020"
    assert hint.styleSheet() == done.styleSheet() == error.styleSheet() == ""
    # the main action is drawn in the accent colour, the other button is not
    main, other = button.grab().toImage(), plain.grab().toImage()
    centre = (button.width() // 4, button.height() // 2)
    assert main.pixelColor(*centre).name() == "#1f5fa8"
    assert other.pixelColor(*centre).name() != "#1f5fa8"
