"""Her weekly routine on her record, with a real vault: drawn with the mouse, changed with the
keyboard, filled from a template, refused when two blocks overlap, hidden from a facilitator,
pointed to by the screening's barriers, and rendered in both languages."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, time
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QToolTip
from pytestqt.qtbot import QtBot
from support.modal_boxes import ModalBoxes
from support.participant_samples import TODAY, sample
from support.programme import build
from support.team import Team
from support.vault_fixture import VaultFixture

from kdrt_desk import i18n
from kdrt_desk.domain.enums import Barrier, BlockStrength, RoutineKind
from kdrt_desk.domain.routine import OneOffBlock, Routine, RoutineBlock
from kdrt_desk.services.routine_validation import routine_errors
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.participant_form import ParticipantForm
from kdrt_desk.ui.routine_grid import RoutineGrid
from kdrt_desk.ui.routine_tab import RoutineTab
from kdrt_desk.ui.screening_dialog import ScreeningDialog
from kdrt_desk.ui.screening_tab import ScreeningTab
from kdrt_desk.wiring import Services

MONDAY_MORNING = RoutineBlock(0, time(9), time(11), RoutineKind.WORK)
WEDNESDAY_CLINIC = RoutineBlock(2, time(13), time(14), RoutineKind.APPOINTMENT,
                                BlockStrength.PREFERS_NOT)


@pytest.fixture
def her(admin: Services) -> int:
    return admin.participants.register(sample(), today=TODAY).id


@contextmanager
def open_form(qtbot: QtBot, services: Services, runner: TaskRunner, pid: int
              ) -> Iterator[ParticipantForm]:
    form = ParticipantForm(services, runner, pid)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitUntil(lambda: form.isEnabled() and (form.routine_tab is None
                                                  or form.routine_tab.stored is not None),
                    timeout=5000)
    yield form
    runner.wait()
    form.discard()


def routine_tab(form: ParticipantForm) -> RoutineTab:
    assert form.routine_tab is not None
    form.tabs.setCurrentWidget(form.routine_tab)
    return form.routine_tab


def draw(qtbot: QtBot, grid: RoutineGrid, weekday: int, start: int, end: int) -> None:
    """Press on the grid at ``start`` (minutes), drag to ``end``, let go."""
    begin, finish = grid.point_of(weekday, start), grid.point_of(weekday, end)
    qtbot.mousePress(grid, Qt.MouseButton.LeftButton, pos=begin)
    qtbot.mouseMove(grid, QPoint(begin.x(), (begin.y() + finish.y()) // 2))
    qtbot.mouseMove(grid, finish)
    qtbot.mouseRelease(grid, Qt.MouseButton.LeftButton, pos=finish)


def save(qtbot: QtBot, tab: RoutineTab) -> None:
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not tab.busy, timeout=5000)


def centre(grid: RoutineGrid, index: int) -> QPoint:
    return grid.block_rect(grid.blocks[index]).center().toPoint()


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # the tool tip, offscreen
def test_a_block_drawn_with_the_mouse_is_saved(qtbot: QtBot, admin: Services,
                                               runner: TaskRunner, her: int) -> None:
    with open_form(qtbot, admin, runner, her) as form:
        tab = routine_tab(form)
        tab.kind.setCurrentIndex(tab.kind.findData(RoutineKind.CHILDCARE))
        draw(qtbot, tab.grid, 1, 8 * 60, 10 * 60 + 30)
        assert tab.grid.blocks == [RoutineBlock(1, time(8), time(10, 30),
                                                RoutineKind.CHILDCARE)]
        where = centre(tab.grid, 0)
        QApplication.sendEvent(tab.grid, QHelpEvent(QEvent.Type.ToolTip, where,
                                                    tab.grid.mapToGlobal(where)))
        assert QToolTip.text() == "Selasa 08.00–10.30, Antar-jemput/asuh anak, tidak bisa"
        tab.valid_to.known.setChecked(True)  # only until the school holidays
        tab.valid_to.editor.setDate(QDate(2026, 12, 19))
        assert tab.selected_label.text().endswith(", berlaku sampai 19 Desember 2026")
        assert tab.status.text() == "Ada perubahan yang belum disimpan."
        assert form.has_unsaved_changes()
        save(qtbot, tab)
        assert admin.routines.get(her) == Routine((RoutineBlock(
            1, time(8), time(10, 30), RoutineKind.CHILDCARE, valid_to=date(2026, 12, 19)),))
        assert not form.has_unsaved_changes() and tab.status.text() == "Rutinitas tersimpan."


def test_keyboard_selects_extends_moves_and_removes(qtbot: QtBot, admin: Services,
                                                    runner: TaskRunner, her: int) -> None:
    admin.routines.save(her, Routine((MONDAY_MORNING, WEDNESDAY_CLINIC)))
    with open_form(qtbot, admin, runner, her) as form:
        tab = routine_tab(form)
        grid = tab.grid
        qtbot.mouseClick(grid, Qt.MouseButton.LeftButton, pos=centre(grid, 0))
        assert grid.selected_block() == MONDAY_MORNING
        assert tab.selected_label.text() == "Senin 09.00–11.00, Kerja/berdagang, tidak bisa"
        qtbot.keyClick(grid, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
        assert grid.selected_block() == RoutineBlock(0, time(9), time(11, 30), RoutineKind.WORK)
        qtbot.keyClick(grid, Qt.Key.Key_Right)
        qtbot.keyClick(grid, Qt.Key.Key_Up)
        assert grid.selected_block() == RoutineBlock(1, time(8, 30), time(11),
                                                     RoutineKind.WORK)
        qtbot.keyClick(grid, Qt.Key.Key_PageDown)
        assert grid.selected_block() == WEDNESDAY_CLINIC
        qtbot.keyClick(grid, Qt.Key.Key_Delete)
        assert grid.blocks == [RoutineBlock(1, time(8, 30), time(11), RoutineKind.WORK)]
        assert admin.routines.get(her) == Routine((MONDAY_MORNING, WEDNESDAY_CLINIC))
        save(qtbot, tab)
        assert admin.routines.get(her) == Routine((RoutineBlock(1, time(8, 30), time(11),
                                                                RoutineKind.WORK),))


def test_add_block_without_a_mouse_and_a_one_off_date(qtbot: QtBot, admin: Services,
                                                      runner: TaskRunner, her: int) -> None:
    with open_form(qtbot, admin, runner, her) as form:
        tab = routine_tab(form)
        qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
        dialog = tab.dialog
        assert dialog is not None
        dialog.weekday.setCurrentIndex(4)
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        dialog.end.setTime(dialog.start.time().addSecs(-3600))  # ends before it starts
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        assert "jam selesai harus setelah jam mulai" in dialog.summary.text() + \
            dialog.error_text("end")
        dialog.end.setTime(dialog.start.time().addSecs(5400))
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        assert tab.grid.blocks == [RoutineBlock(4, time(9), time(10, 30), RoutineKind.WORK)]
        assert not dialog.isVisible()
        qtbot.mouseClick(tab.add_one_off_button, Qt.MouseButton.LeftButton)
        form.hide()  # the app locks: her one-off block's dialog hides with the form
        assert tab.dialog is not None and not tab.dialog.isVisible()
        form.show()
        assert tab.dialog.isVisible()
        tab.dialog.reject()
        qtbot.mouseClick(tab.add_one_off_button, Qt.MouseButton.LeftButton)
        one_off = tab.dialog
        assert one_off is not None and one_off is not dialog
        one_off.day.setDate(one_off.day.date().fromString("08-12-2026", "dd-MM-yyyy"))
        one_off.kind.setCurrentIndex(one_off.kind.findData(RoutineKind.APPOINTMENT))
        qtbot.mouseClick(one_off.buttons.button(QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)
        assert tab.one_off_list.item(0).text() == (
            "8 Desember 2026 09.00–11.00, Sidang/berobat, tidak bisa")
        save(qtbot, tab)
        assert admin.routines.get(her) == Routine(
            (RoutineBlock(4, time(9), time(10, 30), RoutineKind.WORK),),
            (OneOffBlock(date(2026, 12, 8), time(9), time(11), RoutineKind.APPOINTMENT),))


def test_a_template_adds_its_blocks_without_overwriting_hers(
        qtbot: QtBot, admin: Services, runner: TaskRunner, her: int) -> None:
    mine = RoutineBlock(0, time(10), time(12), RoutineKind.CHILDCARE)
    admin.routines.save(her, Routine((mine,)))
    with open_form(qtbot, admin, runner, her) as form:
        tab = routine_tab(form)
        tab.template_actions["market_morning"].trigger()
        assert mine in tab.grid.blocks
        assert sorted(b.weekday for b in tab.grid.blocks) == [0, 1, 2, 3, 4, 5]
        market = [b for b in tab.grid.blocks if b != mine]
        assert {(b.start, b.end, b.kind) for b in market} == {
            (time(4, 30), time(11), RoutineKind.WORK)}
        save(qtbot, tab)
        stored = admin.routines.get(her)
        assert stored is not None and len(stored.weekly) == 6 and mine in stored.weekly


def test_an_overlap_is_refused_in_indonesian_and_nothing_is_lost(
        qtbot: QtBot, admin: Services, runner: TaskRunner, her: int) -> None:
    admin.routines.save(her, Routine((MONDAY_MORNING,)))
    with open_form(qtbot, admin, runner, her) as form:
        tab = routine_tab(form)
        draw(qtbot, tab.grid, 0, 12 * 60, 10 * 60)  # upwards, from empty space
        assert len(tab.grid.blocks) == 2
        expected = routine_errors(tab.routine())[0].message
        assert "bertumpuk" in expected
        save(qtbot, tab)
        assert tab.error_text() == f"Rutinitas belum disimpan:\n• {expected}"
        assert tab.message.isVisible()
        assert admin.routines.get(her) == Routine((MONDAY_MORNING,))
        assert len(tab.grid.blocks) == 2 and tab.has_unsaved_changes()


def test_form_save_keeps_her_week_and_closing_asks_first(
        qtbot: QtBot, admin: Services, runner: TaskRunner, her: int,
        modal_boxes: ModalBoxes) -> None:
    with open_form(qtbot, admin, runner, her) as form:
        tab = routine_tab(form)
        draw(qtbot, tab.grid, 5, 6 * 60, 7 * 60)
        form.reject()  # the close button: asks, and "No" keeps the form open
        assert [kind for kind, _title, _text in modal_boxes.shown] == ["question"]
        assert form.isVisible()
        with qtbot.waitSignal(form.saved, timeout=5000):
            qtbot.mouseClick(form.buttons.button(QDialogButtonBox.StandardButton.Save),
                             Qt.MouseButton.LeftButton)
        assert admin.routines.get(her) == Routine((RoutineBlock(5, time(6), time(7),
                                                                RoutineKind.WORK),))


def test_the_screening_barriers_point_to_her_routine(qtbot: QtBot, admin: Services,
                                                     runner: TaskRunner, her: int,
                                                     tmp_path: Path) -> None:
    with open_form(qtbot, admin, runner, her) as form:
        screening = next(w for w in form.extra_tabs if isinstance(w, ScreeningTab))
        form.tabs.setCurrentWidget(screening)
        qtbot.mouseClick(screening.new_button, Qt.MouseButton.LeftButton)
        dialog = screening.dialogs[-1]
        assert isinstance(dialog, ScreeningDialog)
        assert not dialog.routine_hint.isVisibleTo(dialog)
        qtbot.wait(300)
        dialog.barriers.boxes[Barrier.HEALTH].setChecked(True)
        assert not dialog.routine_hint.isVisibleTo(dialog)
        dialog.barriers.boxes[Barrier.WORKING_HOURS].setChecked(True)
        assert dialog.routine_hint.isVisibleTo(dialog)
        dialog.grab().save(str(tmp_path / "screening_hint.png"))
        qtbot.mouseClick(dialog.routine_button, Qt.MouseButton.LeftButton)
        assert form.tabs.currentWidget() is form.routine_tab
        dialog.discard()


def test_a_facilitator_has_no_routine_tab_and_staff_can_edit(
        qtbot: QtBot, vault: VaultFixture, runner: TaskRunner) -> None:
    team = Team.hired(vault)
    try:
        pid = build(team("admin"), members=1, link_login="fasilitator1").participants[0]
        with open_form(qtbot, team("fasilitator1"), runner, pid) as form:
            assert form.routine_tab is None
            titles = [form.tabs.tabText(i) for i in range(form.tabs.count())]
            assert "Rutinitas" not in titles and not form.findChildren(RoutineTab)
        staff = team("staf1")
        with open_form(qtbot, staff, runner, pid) as form:
            tab = routine_tab(form)
            assert tab.editable and tab.save_button.isVisible()
            draw(qtbot, tab.grid, 3, 14 * 60, 15 * 60)
            save(qtbot, tab)
            assert staff.routines.get(pid) == Routine((RoutineBlock(3, time(14), time(15),
                                                                    RoutineKind.WORK),))
    finally:
        runner.wait()
        team.close()


@pytest.mark.parametrize("language", ["id", "en"])
def test_the_tab_renders_in_both_languages(qtbot: QtBot, admin: Services, runner: TaskRunner,
                                           her: int, language: str, tmp_path: Path) -> None:
    admin.routines.save(her, Routine((MONDAY_MORNING, WEDNESDAY_CLINIC), (OneOffBlock(
        date(2026, 12, 8), time(9), time(11), RoutineKind.APPOINTMENT),)))
    i18n.set_language(language)
    with open_form(qtbot, admin, runner, her) as form:
        tab = routine_tab(form)
        tab.template_actions["school_run"].trigger()
        qtbot.mouseClick(tab.grid, Qt.MouseButton.LeftButton, pos=centre(tab.grid, 0))
        qtbot.wait(50)
        assert tab.grid.height() >= tab.grid.minimumSizeHint().height()
        assert tab.save_button.width() >= tab.save_button.sizeHint().width()
        title = form.tabs.tabText(form.tabs.currentIndex())
        assert title == ("Rutinitas" if language == "id" else "Routine")
        bar = form.tabs.tabBar()
        assert sum(bar.tabSizeHint(i).width() for i in range(bar.count())) <= bar.width()
        assert form.grab().save(str(tmp_path / f"routine_{language}.png"))
        qtbot.keyClick(tab.grid, Qt.Key.Key_Return)  # Enter edits the selected block
        dialog = tab.dialog
        assert dialog is not None and dialog.isVisible()
        assert dialog.start.time().hour() == 9 and dialog.weekday.currentIndex() == 0
        assert dialog.grab().save(str(tmp_path / f"routine_block_{language}.png"))
        dialog.reject()
