"""The sessions list says attendance in words: "4 hadir dari 6 dicatat, 7 anggota".

Attendance is recorded through the services (and once through the roll-call, by its keys); the
sessions screen of the main window is reached with its real month buttons, and the Bahasa menu's
English action turns the same cell into "4 present of 6 marked, 7 members".
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QTableWidgetItem
from pytestqt.qtbot import QtBot
from support.programme import Programme, build, session_on

from kdrt_desk.domain.training import AttendanceMark
from kdrt_desk.i18n import t
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.main_window import MainWindow
from kdrt_desk.ui.roll_call_dialog import RollCallDialog
from kdrt_desk.ui.sessions_view import COLUMNS, SessionsView
from kdrt_desk.wiring import Services

NOVEMBER = date(2026, 11, 1)
MARKED_ON = date(2026, 11, 27)
ATTENDANCE = COLUMNS.index("attendance")
# the first six of seven members marked: four came (one of them late), two did not
MARKS = (AttendanceMark.PRESENT, AttendanceMark.PRESENT, AttendanceMark.LATE,
         AttendanceMark.PRESENT, AttendanceMark.ABSENT, AttendanceMark.EXCUSED)


@pytest.fixture
def programme(admin: Services) -> Programme:
    """Seven members; 23 Nov: six marked, four came; 24 Nov: nobody marked; 25 Nov: all came."""
    made = build(admin, members=7)
    first = admin.sessions.create(session_on(made, date(2026, 11, 23), topic="Pertemuan 23"))
    for pid, mark in zip(made.participants, MARKS, strict=False):
        admin.attendance.mark(first.id, pid, mark,
                              "anak sakit" if mark == AttendanceMark.EXCUSED else "",
                              today=MARKED_ON)
    admin.sessions.create(session_on(made, date(2026, 11, 24), topic="Pertemuan 24"))
    third = admin.sessions.create(session_on(made, date(2026, 11, 25), topic="Pertemuan 25"))
    for pid in made.participants:
        admin.attendance.mark(third.id, pid, AttendanceMark.PRESENT, today=MARKED_ON)
    return made


@pytest.fixture
def window(qtbot: QtBot, admin: Services, runner: TaskRunner,
           programme: Programme) -> Iterator[MainWindow]:
    main = MainWindow(admin, runner)
    qtbot.addWidget(main)
    main.show()
    yield main
    runner.wait()


def sessions_tab(qtbot: QtBot, window: MainWindow) -> SessionsView:
    """Open the sessions tab and go to November 2026 with the ◀ / ▶ buttons."""
    view = next(w for w in map(window.tabs.widget, range(window.tabs.count()))
                if isinstance(w, SessionsView))
    with qtbot.waitSignal(view.loaded, timeout=5000):
        window.tabs.setCurrentWidget(view)
    steps = (view.month.year - NOVEMBER.year) * 12 + view.month.month - NOVEMBER.month
    button = view.previous_button if steps > 0 else view.next_button
    for _ in range(abs(steps)):
        with qtbot.waitSignal(view.loaded, timeout=5000):
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert view.month == NOVEMBER
    qtbot.waitUntil(lambda: view.table.rowCount() == 3, timeout=5000)
    return view


def items(view: SessionsView) -> list[QTableWidgetItem]:
    found = [view.table.item(row, ATTENDANCE) for row in range(view.table.rowCount())]
    return [item for item in found if item is not None]


def cells(view: SessionsView) -> list[str]:
    return [item.text() for item in items(view)]


def tips(view: SessionsView) -> list[str]:
    return [item.toolTip() for item in items(view)]


def header(view: SessionsView) -> str:
    item = view.table.horizontalHeaderItem(ATTENDANCE)
    return item.text() if item is not None else ""


def recorded(admin: Services, session_id: int) -> tuple[int, int]:
    """(came, marked) as the vault holds them, counted here from the roll-call."""
    marks = [row.mark for row in admin.attendance.roll_call(session_id) if row.mark]
    came = [m for m in marks if m in (AttendanceMark.PRESENT, AttendanceMark.LATE)]
    return len(came), len(marks)


def test_the_attendance_column_counts_what_was_recorded(
        qtbot: QtBot, window: MainWindow, admin: Services) -> None:
    view = sessions_tab(qtbot, window)
    assert header(view) == "Kehadiran"
    ids = [row.id for row in view.rows]
    assert recorded(admin, ids[0]) == (4, 6) and recorded(admin, ids[2]) == (7, 7)
    assert cells(view) == ["4 hadir dari 6 dicatat, 7 anggota", "—",
                           "7 hadir dari 7 dicatat, 7 anggota"]
    assert cells(view)[0] == t("ui.sessions.attendance_text", attended=4, marked=6, members=7)
    assert tips(view)[0] == "4 hadir dari 6 yang sudah dicatat; kelompok ini punya 7 anggota"


def test_the_same_cell_in_english_after_the_language_menu(
        qtbot: QtBot, window: MainWindow) -> None:
    language = next(a.menu() for a in window.menuBar().actions() if a.text() == "Ba&hasa")
    assert isinstance(language, QMenu)
    english = next(a for a in language.actions() if a.text() == "English")
    assert isinstance(english, QAction)
    english.trigger()
    assert window.tabs.tabText(0) == "Participants"
    view = sessions_tab(qtbot, window)
    assert header(view) == "Attendance"
    assert cells(view) == ["4 present of 6 marked, 7 members", "—",
                           "7 present of 7 marked, 7 members"]
    assert tips(view)[0] == "4 attended of 6 marked; the group has 7 members"


def test_a_roll_call_taken_by_keys_shows_in_the_list_when_it_closes(
        qtbot: QtBot, window: MainWindow, admin: Services) -> None:
    view = sessions_tab(qtbot, window)
    view.table.selectRow(1)  # 24 November: nobody marked yet
    session_id = view.rows[1].id
    qtbot.mouseClick(view.roll_call_button, Qt.MouseButton.LeftButton)
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, RollCallDialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 7, timeout=5000)
    dialog.table.setFocus()
    for key in ("h", "t", "a"):  # present, late, absent: each saves and moves on
        with qtbot.waitSignal(dialog.mark_saved, timeout=5000):
            qtbot.keyClick(dialog.table, key)
    assert recorded(admin, session_id) == (2, 3)
    with qtbot.waitSignal(view.loaded, timeout=5000):
        qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert cells(view)[1] == "2 hadir dari 3 dicatat, 7 anggota"
