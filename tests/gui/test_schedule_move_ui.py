"""The review of a proposed schedule on a real vault, pressing the real widgets: "Pindahkan ke…"
from a session's right-click menu and from Ctrl+M opens the move dialog, a conflict there is
shown at once with its OK disabled, a free slot in another week moves the session and the grid
follows; "Kunci" becomes "Buka kunci" and back, also for a session a re-run kept; sessions
already in the schedule say why they cannot move; Terapkan stays off while a conflict remains;
conflicts and explanations are said again in English after the language changes."""

from __future__ import annotations

from datetime import date, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot
from test_schedule_ui import clash_pair, drag, programme, show_week_of, shown, solve

from kdrt_desk import i18n
from kdrt_desk.scheduling.problem import PlacedSession
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.form_widgets import to_qdate
from kdrt_desk.ui.schedule_view import ScheduleView, monday
from kdrt_desk.ui.session_move_dialog import SessionMoveDialog
from kdrt_desk.wiring import Services

LEFT, RIGHT = Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton
CTRL = Qt.KeyboardModifier.ControlModifier
SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


def first_new(view: ScheduleView) -> int:
    return next(i for i, s in enumerate(view.sessions) if not s.fixed)


def other_week_session(view: ScheduleView, index: int) -> PlacedSession:
    """Another session of the same group, in another week (where a move would clash)."""
    mine = view.sessions[index]
    return next(s for s in view.sessions if s.group_id == mine.group_id
                and monday(s.day) != monday(mine.day))


def click_block(qtbot: QtBot, view: ScheduleView, index: int) -> None:
    show_week_of(qtbot, view, view.sessions[index].day)
    rect = view.grid.block_rect(index)
    assert not rect.isEmpty()
    qtbot.mouseClick(view.grid, LEFT, pos=rect.center())


def right_click_block(qtbot: QtBot, view: ScheduleView, index: int) -> None:
    """A right-click on the block: the press, then the context-menu event the platform sends
    for it (the offscreen platform makes none of its own)."""
    show_week_of(qtbot, view, view.sessions[index].day)
    pos = view.grid.block_rect(index).center()
    qtbot.mouseClick(view.grid, RIGHT, pos=pos)
    QApplication.sendEvent(view.grid, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos,
                                                        view.grid.mapToGlobal(pos)))


def open_dialog(qtbot: QtBot, view: ScheduleView) -> SessionMoveDialog:
    qtbot.waitUntil(lambda: view.move_dialog is not None and view.move_dialog.isVisible(),
                    timeout=3000)
    assert view.move_dialog is not None
    return view.move_dialog


def choose(dialog: SessionMoveDialog, day: date, start: time) -> None:
    dialog.date_edit.setDate(to_qdate(day))
    assert dialog.find_start(start) >= 0
    dialog.time_box.setCurrentIndex(dialog.find_start(start))


@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard",
                           "This plugin does not support raise", extend=True)  # the menu
def test_a_session_moves_to_another_week_from_its_menu_with_conflicts_shown_live(
        qtbot: QtBot, admin: Services, runner: TaskRunner) -> None:
    programme(admin)
    view = shown(qtbot, admin, runner)
    solve(qtbot, view)
    assert view.violations == [] and view.apply_button.isEnabled()
    index = first_new(view)
    moving = view.sessions[index]
    other = other_week_session(view, index)

    # right-click its block: the menu has "Pindahkan ke…"; clicking it opens the dialog
    right_click_block(qtbot, view, index)
    menu = view.session_menu
    qtbot.waitUntil(menu.isVisible, timeout=3000)
    assert [a.text() for a in menu.actions()] == ["Pindahkan ke…", "Kunci"]
    assert view.current == index
    qtbot.mouseClick(menu, LEFT, pos=menu.actionGeometry(view.move_action).center())
    dialog = open_dialog(qtbot, view)
    assert dialog.windowTitle() == "Pindahkan sesi"
    assert not dialog.ok_button.isEnabled()  # nothing changed yet
    assert dialog.result_label.text() == "Pilih tanggal atau jam lain."

    # onto the other week's session of the group: the conflict is said at once, OK stays off
    choose(dialog, other.day, other.start)
    assert "Kelompok sudah punya sesi SOS-" in dialog.result_label.text()  # its own words
    assert "bentrok di waktu ini" in dialog.result_label.text()
    assert not dialog.ok_button.isEnabled()
    SHOTS.mkdir(parents=True, exist_ok=True)
    qtbot.waitUntil(lambda: dialog.height() >= dialog.minimumSizeHint().height(), timeout=3000)
    dialog.grab().save(str(SHOTS / "schedule_move_dialog_conflict_id.png"))
    assert view.sessions[index] == moving  # only asked, nothing moved

    # a free time that week: OK is enabled and moves it there
    week = monday(other.day)
    free = next((day, start) for day in (week + timedelta(days=n) for n in range(6))
                for start in (time(13), time(14), time(15), time(8), time(9))
                if not view.conflicts_if_moved(index, day, start)
                and (day, start) != (moving.day, moving.start))
    choose(dialog, *free)
    assert dialog.result_label.text() == "Tidak ada bentrok di waktu ini."
    assert dialog.ok_button.isEnabled()
    dialog.grab().save(str(SHOTS / "schedule_move_dialog_free_id.png"))
    qtbot.mouseClick(dialog.ok_button, LEFT)
    assert (view.sessions[index].day, view.sessions[index].start) == free
    assert monday(free[0]) != monday(moving.day)  # another week than it was in
    assert view.grid.days[0] == week and not view.grid.block_rect(index).isEmpty()
    assert [b.state for b in view.grid.blocks if b.key == index] == ["new"]
    assert view.violations == [] and view.apply_button.isEnabled()
    assert view.done_label.text().startswith("Sesi ")
    view.grab().save(str(SHOTS / "schedule_after_move_id.png"))


def test_ctrl_m_lock_unlock_and_what_cannot_move(
        qtbot: QtBot, admin: Services, runner: TaskRunner) -> None:
    _built, held_id = programme(admin)
    view = shown(qtbot, admin, runner)
    view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view, timeout=3000)
    solve(qtbot, view)
    index = first_new(view)
    moving = view.sessions[index]

    # Ctrl+M on a chosen block opens the dialog; its Batal closes it unchanged
    click_block(qtbot, view, index)
    qtbot.keyClick(view.grid, Qt.Key.Key_M, CTRL)
    dialog = open_dialog(qtbot, view)
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel is not None and cancel.text() == "Batal"
    qtbot.mouseClick(cancel, LEFT)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    assert view.sessions[index] == moving

    # lock it with the button: "Buka kunci" now; Ctrl+M says it is locked
    assert view.lock_button.text() == "Kunci"
    qtbot.mouseClick(view.lock_button, LEFT)
    assert index in view.locked and view.lock_button.text() == "Buka kunci"
    view.move_dialog = None
    qtbot.keyClick(view.grid, Qt.Key.Key_M, CTRL)
    assert view.move_dialog is None
    assert view.message.text() == "Sesi ini dikunci: buka kuncinya dulu untuk memindahkannya."

    # a re-run keeps it (fixed for the solver): it can still be unlocked, then moved
    solve(qtbot, view, view.rerun_button)
    view.activateWindow()  # back from the progress dialog: the keys go to the tab again
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view, timeout=3000)
    [kept] = [i for i, s in enumerate(view.sessions)
              if (s.group_id, s.module_id, s.day, s.start)
              == (moving.group_id, moving.module_id, moving.day, moving.start)]
    assert view.sessions[kept].fixed and kept in view.locked
    click_block(qtbot, view, kept)
    assert view.lock_button.isEnabled() and view.lock_button.text() == "Buka kunci"
    qtbot.keyClick(view.grid, Qt.Key.Key_K, CTRL)  # the same toggle on its key
    assert kept not in view.locked and not view.sessions[kept].fixed
    assert view.lock_button.text() == "Kunci" and view.violations == []
    qtbot.keyClick(view.grid, Qt.Key.Key_M, CTRL)  # and it may move again
    unlocked = open_dialog(qtbot, view)
    qtbot.mouseClick(unlocked.buttons.button(QDialogButtonBox.StandardButton.Cancel), LEFT)
    qtbot.waitUntil(lambda: not unlocked.isVisible(), timeout=3000)

    # a session dragged onto another of its group: a conflict, Terapkan off, lock refused
    index, before, other = clash_pair(view, held_id)
    show_week_of(qtbot, view, before.day)
    drag(qtbot, view, index, other.day, other.start)
    assert view.violations and index in view.problems
    assert "kelompok sudah punya sesi" in view.conflict_label.text()
    assert not view.apply_button.isEnabled()
    assert view.current == index
    qtbot.mouseClick(view.lock_button, LEFT)
    assert index not in view.locked
    assert view.message.text() == "Sesi ini bentrok: pindahkan dulu sebelum menguncinya."
    assert not view.apply_button.isEnabled()  # still while the conflict remains

    # said again in English after the language changed, from the same conflicts
    i18n.set_language("en")
    try:
        view.retranslate()
        assert "the group already has a session of" in view.conflict_label.text()
        assert "rule violations: " in view.summary.text()
        explained = [view.explanations.item(i).text()
                     for i in range(view.explanations.count())]
        assert explained and not any("kelompok" in text for text in explained)
    finally:
        i18n.set_language("id")
    view.retranslate()
    assert "kelompok sudah punya sesi" in view.conflict_label.text()
    drag(qtbot, view, index, before.day, before.start)  # back: no conflict, Terapkan on
    assert view.violations == [] and view.apply_button.isEnabled()

    # the session already planned in the vault cannot move nor be unlocked, and says why
    held = next(i for i, s in enumerate(view.sessions) if s.session_id == held_id)
    click_block(qtbot, view, held)
    assert view.current == held
    view.move_dialog = None
    qtbot.keyClick(view.grid, Qt.Key.Key_M, CTRL)
    assert view.move_dialog is None
    fixed_text = ("Sesi ini sudah ada di jadwal (sudah berlangsung, sudah diabsen, atau "
                  "direncanakan sebelumnya): tidak bisa dipindah atau dibuka kuncinya di sini.")
    assert view.message.text() == fixed_text
    view.message.show_message("")
    qtbot.mouseClick(view.lock_button, LEFT)
    assert view.message.text() == fixed_text and view.sessions[held].fixed
    rect = view.grid.block_rect(held)
    qtbot.mousePress(view.grid, LEFT, pos=rect.center())
    qtbot.mouseRelease(view.grid, LEFT, pos=rect.center() + QPoint(0, 60))
    assert view.sessions[held].fixed and view.sessions[held].session_id == held_id
