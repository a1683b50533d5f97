"""The keyboard roll-call with a real vault: each key saves a mark at once and moves on."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from support.programme import Programme, build, session_on

from kdrt_desk.domain.training import AttendanceMark, RollCallRow
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.roll_call_dialog import RollCallDialog
from kdrt_desk.wiring import Services

PAST_DAY = date(2026, 11, 24)  # before today (27 November 2026 in the brief's world)


def open_roll_call(qtbot: QtBot, services: Services, runner: TaskRunner,
                   session_id: int) -> RollCallDialog:
    dialog = RollCallDialog(services, runner, session_id)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=5000):
        pass
    return dialog


def settled(qtbot: QtBot, dialog: RollCallDialog) -> None:
    qtbot.waitUntil(lambda: dialog.pending == 0, timeout=5000)


def stored(services: Services, session_id: int) -> list[RollCallRow]:
    return services.attendance.roll_call(session_id)


@pytest.fixture
def programme(admin: Services) -> Programme:
    return build(admin, members=4)


@pytest.fixture
def past_session(admin: Services, programme: Programme) -> int:
    return admin.sessions.create(session_on(programme, PAST_DAY)).id


def test_letters_and_arrows_mark_and_save_each_member(
        qtbot: QtBot, admin: Services, runner: TaskRunner, past_session: int) -> None:
    dialog = open_roll_call(qtbot, admin, runner, past_session)
    assert dialog.table.rowCount() == 4
    assert not dialog.read_only
    assert dialog.counts.text() == ("Hadir 0 · Terlambat 0 · Izin 0 · Tidak hadir 0 · "
                                    "Belum 4")
    assert "H = hadir" in dialog.legend.text()
    table = dialog.table
    table.setFocus()
    assert table.currentRow() == 0
    QTest.keyClick(table, "h")  # row 0 present, moves to row 1
    assert table.currentRow() == 1
    QTest.keyClick(table, Qt.Key.Key_Down)  # skip row 1
    QTest.keyClick(table, "t")  # row 2 late
    QTest.keyClick(table, "A")  # row 3 absent (upper case works too)
    settled(qtbot, dialog)
    marks = [row.mark for row in stored(admin, past_session)]
    assert marks == [AttendanceMark.PRESENT, None, AttendanceMark.LATE, AttendanceMark.ABSENT]
    assert [table.item(r, 3).text() for r in range(4)] == [
        "Hadir", "belum", "Terlambat", "Tidak hadir"]
    assert dialog.counts.text() == ("Hadir 1 · Terlambat 1 · Izin 0 · Tidak hadir 1 · "
                                    "Belum 1")
    # a correction: up to row 0, English key "l" for late
    QTest.keyClick(table, Qt.Key.Key_Up)
    QTest.keyClick(table, Qt.Key.Key_Up)
    QTest.keyClick(table, Qt.Key.Key_Up)
    assert table.currentRow() == 0
    QTest.keyClick(table, "l")
    settled(qtbot, dialog)
    assert stored(admin, past_session)[0].mark == AttendanceMark.LATE
    assert dialog.saved_count == 4


def test_excused_needs_a_reason(qtbot: QtBot, admin: Services, runner: TaskRunner,
                                past_session: int) -> None:
    dialog = open_roll_call(qtbot, admin, runner, past_session)
    dialog.show()
    table = dialog.table
    table.setFocus()
    QTest.keyClick(table, "i")
    assert not dialog.reason_box.isHidden()
    assert dialog.reason_label.text().startswith("Alasan izin untuk ")
    QTest.keyClick(dialog.reason, Qt.Key.Key_Return)  # empty: refused, nothing saved
    assert dialog.reason_error.text().startswith("Izin perlu alasan")
    assert not dialog.reason_error.isHidden()
    runner.wait()
    assert stored(admin, past_session)[0].mark is None
    assert table.currentRow() == 0
    QTest.keyClicks(dialog.reason, "  ")
    dialog.save_excuse()  # blanks only: refused as well
    assert not dialog.reason_box.isHidden()
    dialog.reason.setText("Anak demam")
    QTest.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert dialog.reason_box.isHidden()
    settled(qtbot, dialog)
    first = stored(admin, past_session)[0]
    assert (first.mark, first.reason) == (AttendanceMark.EXCUSED, "Anak demam")
    assert table.item(0, 4).text() == "Anak demam"
    assert table.currentRow() == 1
    # Escape leaves the reason editor without saving, and the dialog stays open
    QTest.keyClick(table, "e")
    assert not dialog.reason_box.isHidden()
    QTest.keyClick(dialog.reason, Qt.Key.Key_Escape)
    assert dialog.reason_box.isHidden() and dialog.isVisible()
    runner.wait()
    assert stored(admin, past_session)[1].mark is None


def test_the_rest_present_button_marks_everyone_not_yet_marked(
        qtbot: QtBot, admin: Services, runner: TaskRunner, past_session: int) -> None:
    dialog = open_roll_call(qtbot, admin, runner, past_session)
    QTest.keyClick(dialog.table, "a")
    settled(qtbot, dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=5000):
        dialog.rest_button.click()
    marks = [row.mark for row in stored(admin, past_session)]
    assert marks == [AttendanceMark.ABSENT] + [AttendanceMark.PRESENT] * 3
    assert dialog.counts.text() == ("Hadir 3 · Terlambat 0 · Izin 0 · Tidak hadir 1 · "
                                    "Belum 0")


def test_a_future_session_is_read_only_with_the_reason(
        qtbot: QtBot, admin: Services, runner: TaskRunner, programme: Programme) -> None:
    future = admin.sessions.create(session_on(programme, date(2026, 12, 15))).id
    dialog = open_roll_call(qtbot, admin, runner, future)
    assert dialog.read_only
    assert dialog.refusal.text().startswith("Sesi ini belum berlangsung.")
    assert not dialog.refusal.isHidden()
    assert not dialog.rest_button.isEnabled()
    QTest.keyClick(dialog.table, "h")
    runner.wait()
    assert dialog.pending == 0
    assert [row.mark for row in stored(admin, future)] == [None] * 4


def test_a_cancelled_session_is_read_only_with_the_reason(
        qtbot: QtBot, admin: Services, runner: TaskRunner, past_session: int) -> None:
    admin.sessions.cancel(past_session, "Banjir di Plaju")
    dialog = open_roll_call(qtbot, admin, runner, past_session)
    assert dialog.read_only
    assert dialog.refusal.text() == ("Sesi ini dibatalkan, jadi kehadirannya tidak dapat "
                                     "dicatat.")
    QTest.keyClick(dialog.table, "h")
    runner.wait()
    assert [row.mark for row in stored(admin, past_session)] == [None] * 4
