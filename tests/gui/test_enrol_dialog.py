"""The enrol dialog on a real vault, pressed as an admin would: opened from the groups screen's
"Tambah anggota", filtered by name, kecamatan and the time she is free (a "cannot" block hides
her, a "prefers not" one marks her), ticks kept across filters, and the ticked women enrolled."""

from __future__ import annotations

from datetime import time
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot
from support.programme import accepted, build

from kdrt_desk.domain.enums import BlockStrength, RoutineKind
from kdrt_desk.domain.routine import Routine, RoutineBlock
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.enrol_dialog import EnrolDialog
from kdrt_desk.ui.groups_view import GroupsView
from kdrt_desk.wiring import Services

LEFT = Qt.MouseButton.LeftButton
SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


def opened(qtbot: QtBot, admin: Services, runner: TaskRunner) -> tuple[GroupsView, EnrolDialog]:
    view = GroupsView(admin, runner)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.detail_loaded, timeout=5000):
        view.refresh()
    view.show()
    qtbot.mouseClick(view.members.enrol_button, LEFT)
    dialog = view.dialog
    assert isinstance(dialog, EnrolDialog)
    qtbot.waitUntil(lambda: dialog.loaded, timeout=5000)
    return view, dialog


def choose(box: object, text: str) -> None:
    index = box.findText(text)  # type: ignore[attr-defined]
    assert index >= 0, text
    box.setCurrentIndex(index)  # type: ignore[attr-defined]


def shown_ids(dialog: EnrolDialog) -> list[int]:
    return [r.person.participant_id for r in dialog.model.rows]


def tick(qtbot: QtBot, dialog: EnrolDialog, participant_id: int) -> None:
    """Click her row, then Space: the list's own way of ticking."""
    row = shown_ids(dialog).index(participant_id)
    rect = dialog.people.visualRect(dialog.model.index(row))
    qtbot.mouseClick(dialog.people.viewport(), LEFT, pos=rect.center())
    qtbot.keyClick(dialog.people, Qt.Key.Key_Space)


def test_filters_by_name_kecamatan_and_free_time_and_enrols_the_ticked(
        qtbot: QtBot, admin: Services, runner: TaskRunner) -> None:
    programme = build(admin, members=0)
    busy, rather_not = accepted(admin, 2)  # Plaju
    (far,) = accepted(admin, 1, start=2, kecamatan="Sako")
    admin.routines.save(busy, Routine((RoutineBlock(0, time(7), time(12), RoutineKind.WORK),)))
    admin.routines.save(rather_not, Routine((RoutineBlock(
        0, time(8), time(10), RoutineKind.HOUSEHOLD, BlockStrength.PREFERS_NOT),)))
    view, dialog = opened(qtbot, admin, runner)
    assert sorted(shown_ids(dialog)) == sorted([busy, rather_not, far])
    assert dialog.chosen_label.text() == "3 dari 3 ditampilkan, 0 dipilih"

    qtbot.keyClicks(dialog.search, "uji 002")
    qtbot.waitUntil(lambda: shown_ids(dialog) == [far], timeout=2000)
    tick(qtbot, dialog, far)
    assert dialog.chosen() == [far]
    dialog.search.clear()
    qtbot.waitUntil(lambda: len(shown_ids(dialog)) == 3, timeout=2000)

    choose(dialog.kecamatan, "Plaju")
    assert sorted(shown_ids(dialog)) == sorted([busy, rather_not])
    assert not dialog.slot.isEnabled()  # a time only once a day is chosen
    choose(dialog.weekday, "Senin")
    choose(dialog.slot, "08.00–10.00")
    assert shown_ids(dialog) == [rather_not]  # she works then: hidden
    assert "lebih suka tidak" in dialog.model.data(dialog.model.index(0))
    tick(qtbot, dialog, rather_not)
    choose(dialog.slot, "12.00–14.00")
    assert sorted(shown_ids(dialog)) == sorted([busy, rather_not])
    assert dialog.chosen_label.text() == "2 dari 3 ditampilkan, 2 dipilih"  # ticks kept
    SHOTS.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(SHOTS / "enrol_dialog_id.png"))

    dialog.on.setDate(QDate(2026, 11, 25))
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    with qtbot.waitSignal(view.detail_loaded, timeout=5000):
        qtbot.mouseClick(ok, LEFT)
    assert {m.participant_id for m in admin.groups.members(programme.group_id)} == {
        far, rather_not}


def test_choose_all_shown_and_clear(qtbot: QtBot, admin: Services, runner: TaskRunner) -> None:
    build(admin, members=0)
    plaju = accepted(admin, 2)
    accepted(admin, 1, start=2, kecamatan="Sako")
    _view, dialog = opened(qtbot, admin, runner)
    choose(dialog.kecamatan, "Plaju")
    qtbot.mouseClick(dialog.select_shown, LEFT)
    assert dialog.chosen() == sorted(plaju)
    choose(dialog.kecamatan, "Semua kecamatan")
    assert dialog.chosen_label.text() == "3 dari 3 ditampilkan, 2 dipilih"
    qtbot.mouseClick(dialog.clear_chosen, LEFT)
    assert dialog.chosen() == []
