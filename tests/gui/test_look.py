"""The app's one look: named looks give colours, the main action stands out, one set-up."""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)
from pytestqt.qtbot import QtBot

import kdrt_desk.ui
from kdrt_desk.ui.widgets.errors import ErrorLabel
from kdrt_desk.ui.widgets.forms import hint_label
from kdrt_desk.ui.widgets.look import OK, STYLESHEET, apply_look, mark, primary

UI = Path(kdrt_desk.ui.__file__).parent
LOOK = UI / "widgets" / "look.py"
COLOUR = re.compile(r"#[0-9a-fA-F]{3,6}\b|color\s*:|GlobalColor", re.IGNORECASE)


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


def literal_colours(source: str) -> list[str]:
    """Colours written in a module's code (its comments left out): hex, ``color:``, Qt's names."""
    found = []
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type != tokenize.COMMENT and COLOUR.search(token.string):
            found.append(f"{token.start[0]}: {token.string.strip()[:60]}")
    return found


def test_the_colour_check_sees_each_way_of_writing_a_colour() -> None:
    assert literal_colours('ROW = QColor("#fde2e1")  # light red\n') == ['1: "#fde2e1"']
    assert literal_colours('label.setStyleSheet("color: red")\n') != []
    assert literal_colours("TAB = Qt.GlobalColor.darkRed\n") != []
    assert literal_colours("# see #123: a comment, not a colour\nx = 1\n") == []


def test_no_screen_writes_its_own_colours_the_look_module_holds_them_all() -> None:
    modules = sorted(p for p in UI.rglob("*.py") if p != LOOK)
    assert len(modules) > 30  # the scan sees the screens
    offenders = {str(p.relative_to(UI)): found for p in modules
                 if (found := literal_colours(p.read_text(encoding="utf-8")))}
    assert offenders == {}
    assert literal_colours(LOOK.read_text(encoding="utf-8"))  # ...and they are all in look.py


def test_the_main_action_keeps_room_for_its_bold_text_when_its_screen_is_enabled_late(
        qtbot: QtBot) -> None:
    """A form loads disabled, then enables: its main button must not clip its own caption."""
    page = QWidget()
    qtbot.addWidget(page)
    button = primary(QPushButton("Cetak formulir persetujuan..."))
    QVBoxLayout(page).addWidget(button)
    page.setEnabled(False)  # as a form is while its record loads
    page.show()
    qtbot.waitExposed(page)
    width_while_loading = button.width()
    page.setEnabled(True)
    qtbot.wait(10)
    assert button.font().bold()
    assert button.width() == width_while_loading == button.sizeHint().width()
    assert button.fontMetrics().horizontalAdvance(button.text()) + 2 * 14 <= button.width()


def test_a_wizard_s_own_next_button_can_be_the_main_action(qtbot: QtBot) -> None:
    wizard = QWizard()
    qtbot.addWidget(wizard)
    wizard.addPage(QWizardPage())
    wizard.addPage(QWizardPage())
    wizard.show()  # its buttons are styled before anyone marks them
    qtbot.waitExposed(wizard)
    button = primary(wizard.button(QWizard.WizardButton.NextButton))
    qtbot.wait(10)
    image = button.grab().toImage()
    assert image.pixelColor(4, button.height() // 2).name() == "#1f5fa8"  # left of its text
