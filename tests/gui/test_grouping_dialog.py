"""The grouping help from the groups screen with a real vault: the button, "Sarankan", moving a
member, "Buat kelompok", and the groups in the vault with those members."""

from __future__ import annotations

import os
from datetime import time
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot
from support.programme import accepted

from kdrt_desk.domain.enums import RoutineKind
from kdrt_desk.domain.routine import Routine, RoutineBlock
from kdrt_desk.scheduling.grouping import WeekSlot
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.grouping_dialog import GroupingDialog, times_text
from kdrt_desk.ui.groups_view import GroupsView
from kdrt_desk.wiring import Services

MORNINGS = Routine(tuple(RoutineBlock(d, time(8), time(12), RoutineKind.WORK) for d in range(6)))


def test_suggest_move_and_create_groups(qtbot: QtBot, admin: Services, runner: TaskRunner,
                                        tmp_path: Path) -> None:
    busy = accepted(admin, 6, kecamatan="Plaju")
    free = accepted(admin, 6, start=6, kecamatan="Sako")
    for pid in busy:
        admin.routines.save(pid, MORNINGS)
    view = GroupsView(admin, runner)
    qtbot.addWidget(view)
    view.show()
    assert view.suggest_button.isVisible() and view.suggest_button.isEnabled()
    qtbot.mouseClick(view.suggest_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert isinstance(dialog, GroupingDialog)
    qtbot.waitUntil(lambda: dialog.loaded, timeout=5000)
    dialog.size_box.setValue(6)
    qtbot.mouseClick(dialog.suggest_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.groups_list.count() == 2, timeout=5000)
    lines = [dialog.groups_list.item(r).text() for r in range(2)]
    assert any("Plaju" in line and "Senin & Rabu 12.00–14.00" in line
               and "100% bisa hadir" in line for line in lines), lines
    plaju = next(r for r, line in enumerate(lines) if "Plaju" in line)
    dialog.groups_list.setCurrentRow(plaju)
    assert dialog.members_list.count() == 6
    moved = dialog.members_list.item(0).data(Qt.ItemDataRole.UserRole)
    dialog.members_list.setCurrentRow(0)
    assert dialog.target.currentData() == 1 - plaju  # the other group, ready to move to
    qtbot.mouseClick(dialog.move_button, Qt.MouseButton.LeftButton)
    assert [len(dialog.plan[plaju]), len(dialog.plan[1 - plaju])] == [5, 7]
    # she is busy in the Sako group's mornings: 6 of its 7 can come
    assert dialog.groups_list.item(1 - plaju).text().endswith("86% bisa hadir")
    dialog.prefix.setText("Angkatan Saran")
    dialog.start_date.setDate(QDate(2026, 12, 1))
    dialog.end_date.setDate(QDate(2027, 3, 31))
    dialog.modules.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.resize(980, 760)
    shot = Path(os.environ.get("GROUPING_PNG", tmp_path / "grouping_dialog.png"))
    assert dialog.grab().save(str(shot))
    with qtbot.waitSignal(view.changed, timeout=10000):
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    made = {g.name: g for g in admin.groups.groups()}
    assert set(made) == {"Angkatan Saran 1", "Angkatan Saran 2"}
    members = {name: {m.participant_id for m in admin.groups.members(g.id)}
               for name, g in made.items()}
    plaju_name = f"Angkatan Saran {plaju + 1}"
    assert members[plaju_name] == set(busy) - {moved}
    assert members[f"Angkatan Saran {2 - plaju}"] == set(free) | {moved}
    assert made[plaju_name].kecamatan == "Plaju"
    assert admin.groups.candidates() == []


def test_usual_times_read_as_words() -> None:
    slots = (WeekSlot(1, time(9), time(11)), WeekSlot(3, time(9), time(11)))
    assert times_text(slots) == "Selasa & Kamis 09.00–11.00"
    assert times_text(()) == "(waktu tidak diketahui)"
