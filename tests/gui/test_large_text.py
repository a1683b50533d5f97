"""Readable with Windows' "Make text bigger" at 150 %: the system font (Qt's application font)
grows from 9 pt to 14 pt while nothing else is scaled.

The main window is opened with that font at 1100 x 720 on a small programme (three sessions in
November 2026, one with a long group name and attendance taken), and what used to be cut off
is measured: in "Sesi dan kehadiran" the date, time, status and "Kehadiran" show their whole
text without scrolling sideways (at the normal size on one line, with large text on two if
need be) and no column title is cut; the rows of buttons wrap instead of making the window
wider than a laptop's screen; the participant list keeps room for the names (it scrolls
sideways rather than squeeze them); the routine grid's hour labels fit their column; a long
form (a new group, the calendar settings) stays on the screen and scrolls. The application
font is put back after each test: the other tests share the QApplication.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QTableView,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot
from support.programme import Programme, build, session_on

from kdrt_desk.domain.training import AttendanceMark, GroupInput
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.calendar_settings_dialog import CalendarSettingsDialog
from kdrt_desk.ui.group_dialog import GroupDialog
from kdrt_desk.ui.main_window import MainWindow
from kdrt_desk.ui.routine_grid import RoutineGrid, hour_column
from kdrt_desk.ui.sessions_view import COLUMNS, SessionsView
from kdrt_desk.ui.widgets.forms import screen_room
from kdrt_desk.ui.widgets.tables import wrapped_width
from kdrt_desk.wiring import Services

NOVEMBER = date(2026, 11, 1)
LONG_GROUP = "Angkatan 12 Kelurahan Sungai Pangeran dan Talang Kelapa Kecamatan Ilir Timur I"
WINDOW = (1100, 720)
WHOLE = ("date", "time", "status", "attendance")  # the sessions' columns never cut short
LAPTOP_WIDTH, LAPTOP_HEIGHT = 1366 - 16, 728 - 30  # a 1366 x 768 screen, less the taskbar
# and the window's frame and title bar


@pytest.fixture
def text_size() -> int:
    """Percent of Windows' normal 9 pt text (tests parametrize it)."""
    return 150


@pytest.fixture
def large_text(qapp: QApplication, text_size: int) -> Iterator[QFont]:
    """The application font at ``text_size`` % of Windows' 9 pt (150 %: round(13.5) = 14 pt),
    as "Make text bigger" sets it; the font before is put back afterwards."""
    before = QFont(qapp.font())
    larger = QFont(before.family(), round(9 * text_size / 100))
    qapp.setFont(larger)
    yield larger
    qapp.setFont(before)


@pytest.fixture
def programme(admin: Services) -> Programme:
    """Seven members; 23 Nov: six marked; 24 Nov: none; 25 Nov, a group with a long name."""
    made = build(admin, members=7)
    first = admin.sessions.create(session_on(made, date(2026, 11, 23), topic="Pertemuan 23"))
    for pid in made.participants[:6]:
        admin.attendance.mark(first.id, pid, AttendanceMark.PRESENT, today=date(2026, 11, 27))
    admin.sessions.create(session_on(made, date(2026, 11, 24)))
    group = admin.groups.get(made.group_id)
    long = admin.groups.save(GroupInput(
        name=LONG_GROUP, kecamatan="Ilir Timur I", start_date=group.start_date,
        end_date=group.end_date, venue_id=made.venue_id,
        module_ids=[made.modules["SOS-01"]],
        facilitator_ids={made.facilitators["psychologist"]}))
    admin.sessions.create(replace(session_on(made, date(2026, 11, 25)), group_id=long.id))
    return made


@pytest.fixture
def window(qtbot: QtBot, large_text: QFont, admin: Services, runner: TaskRunner,
           programme: Programme) -> Iterator[MainWindow]:
    main = MainWindow(admin, runner)
    qtbot.addWidget(main)
    main.resize(*WINDOW)
    main.show()
    qtbot.waitExposed(main)
    yield main
    runner.wait()


def sessions_in_november(qtbot: QtBot, window: MainWindow) -> SessionsView:
    view = next(w for w in map(window.tabs.widget, range(window.tabs.count()))
                if isinstance(w, SessionsView))
    window.tabs.setCurrentWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.set_month(NOVEMBER)
    qtbot.waitUntil(lambda: view.table.rowCount() == 3, timeout=5000)
    qtbot.wait(50)
    return view


def titles_cut(table: QTableView) -> list[str]:
    """The column titles narrower than their text."""
    header = table.horizontalHeader()
    model = table.model()
    return [str(model.headerData(c, Qt.Orientation.Horizontal))
            for c in range(header.count())
            if header.sectionSize(c) + 1 < header.sectionSizeFromContents(c).width()]


def squeezed(root: QWidget) -> list[str]:
    """Buttons narrower than their text and wrapped labels lower than their lines."""
    found = []
    for button in root.findChildren(QAbstractButton):
        if button.isVisibleTo(root) and button.text() and not button.parent().inherits("QTabBar"):
            text = button.fontMetrics().horizontalAdvance(button.text().replace("&", ""))
            if button.width() < text + 8:
                found.append(f"button {button.text()!r}: {button.width()} px < {text}")
    for label in root.findChildren(QLabel):
        if label.isVisibleTo(root) and label.text() and label.wordWrap() \
                and label.height() + 2 < label.heightForWidth(label.width()):
            found.append(f"label {label.text()[:40]!r}: {label.height()} px high")
    return found


@pytest.mark.parametrize("text_size", [100, 150])
def test_the_sessions_list_shows_its_kept_columns_whole_without_scrolling_sideways(
        qtbot: QtBot, window: MainWindow, text_size: int) -> None:
    """At the normal size too: "Kehadiran" used to be cut off in a 1100 px window."""
    assert QApplication.font().pointSize() == round(9 * text_size / 100)
    view = sessions_in_november(qtbot, window)
    table: QTableWidget = view.table
    assert table.font().pointSize() == QApplication.font().pointSize()  # it reached the table

    assert table.horizontalScrollBar().maximum() == 0  # nothing hidden to the right
    header = table.horizontalHeader()
    assert sum(header.sectionSize(c) for c in range(header.count())) \
        <= table.viewport().width()
    assert titles_cut(table) == []
    metrics = table.fontMetrics()
    lines = 2 if table.wordWrap() else 1  # too narrow for one line: rows of two lines
    for name in WHOLE:  # the date, time, status and attendance ("Kehadiran") stay whole
        column = COLUMNS.index(name)
        for row in range(table.rowCount()):
            text = table.item(row, column).text()
            needed = wrapped_width(metrics, text) if lines == 2 \
                else metrics.horizontalAdvance(text)
            assert table.columnWidth(column) >= needed + 6, (COLUMNS[column], text)
            assert table.rowHeight(row) >= lines * metrics.height(), (COLUMNS[column], text)
    attendance = table.item(0, COLUMNS.index("attendance")).text()
    assert "6" in attendance and "7" in attendance  # "6 hadir dari 6 dicatat, 7 anggota"
    # the long group name gave up width: cut short in the cell, whole in its tool tip
    group = COLUMNS.index("group")
    long_row = next(r for r in range(3) if table.item(r, group).text() == LONG_GROUP)
    assert table.columnWidth(group) < metrics.horizontalAdvance(LONG_GROUP)
    assert table.item(long_row, group).toolTip() == LONG_GROUP

    assert squeezed(view) == []
    if text_size == 100:
        assert not table.wordWrap()  # one line for each session at the normal size
        return
    # the row of buttons wrapped onto a second line instead of squeezing or widening
    buttons = [view.new_button, view.edit_button, view.cancel_button, view.delete_button,
               view.roll_call_button, view.print_button, view.preview_button,
               view.preferred_names]
    for button in buttons:
        assert view.rect().contains(button.geometry().translated(button.parentWidget().mapTo(
            view, button.parentWidget().rect().topLeft()))), button.text()
    assert len({b.geometry().top() for b in buttons}) > 1  # more than one line


def test_every_tab_fits_a_1100_px_window_and_a_laptops_height(
        qtbot: QtBot, window: MainWindow) -> None:
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qtbot.wait(30)
    least = window.minimumSizeHint()
    assert least.width() <= WINDOW[0], least
    assert least.height() <= LAPTOP_HEIGHT, least
    assert window.width() == WINDOW[0]  # not pushed wider by a tab


def test_the_register_keeps_room_for_the_names(qtbot: QtBot, window: MainWindow) -> None:
    register = window.register
    window.tabs.setCurrentWidget(register)
    qtbot.waitUntil(lambda: register.model.rowCount() >= 7, timeout=5000)
    qtbot.wait(50)
    table = register.table
    assert titles_cut(table) == []
    name = register.model.columns.index("full_name")
    assert table.columnWidth(name) >= 14 * table.fontMetrics().averageCharWidth()


def test_the_routine_grid_has_room_for_its_hours(qtbot: QtBot, large_text: QFont) -> None:
    grid = RoutineGrid()
    qtbot.addWidget(grid)
    grid.resize(grid.sizeHint())
    assert hour_column(grid) >= grid.fontMetrics().horizontalAdvance("22.00") + 6


def test_a_long_form_stays_on_the_screen_and_scrolls(
        qtbot: QtBot, large_text: QFont, admin: Services, runner: TaskRunner) -> None:
    for make in (lambda: GroupDialog(admin, runner),
                 lambda: CalendarSettingsDialog(admin, runner)):
        dialog = make()
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        qtbot.wait(150)  # the calendar's years arrive from the worker, then it fits again
        room = screen_room(dialog)  # the test's screen: 800 x 800
        assert dialog.height() <= room.height(), (type(dialog).__name__, dialog.size(), room)
        assert dialog.width() <= LAPTOP_WIDTH, (type(dialog).__name__, dialog.size())
        assert dialog.minimumSizeHint().height() <= room.height()
        dialog.reject()
