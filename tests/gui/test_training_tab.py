"""Her training tab with a real vault: groups, progress against the completion rule, and a skill
assessment recorded through the dialog."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from pytestqt.qtbot import QtBot
from support.programme import build, session_on
from support.team import Team
from support.vault_fixture import VaultFixture

from kdrt_desk.domain.training import AttendanceMark
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.training_tab import TrainingTab
from kdrt_desk.wiring import Services

TODAY = date(2026, 11, 27)


def _texts(tab: TrainingTab, row: int) -> list[str]:
    return [tab.table.item(row, c).text() for c in range(tab.table.columnCount())]


def _open(qtbot: QtBot, services: Services, runner: TaskRunner, pid: int) -> TrainingTab:
    tab = TrainingTab(services, runner, pid)
    qtbot.addWidget(tab)
    with qtbot.waitSignal(tab.loaded, timeout=5000):
        tab.show()
    return tab


def test_progress_and_an_assessment_complete_a_module(qtbot: QtBot, admin: Services,
                                                      runner: TaskRunner) -> None:
    programme = build(admin, members=1)
    pid = programme.participants[0]
    group = admin.groups.get(programme.group_id)
    cooking = programme.modules["EKO-02"]
    admin.groups.save(replace(group, module_ids=[*group.module_ids, cooking]))
    for day, module, facilitator, venue in (
            (date(2026, 11, 23), "SOS-01", "psychologist", None),
            (date(2026, 11, 24), "SOS-01", "psychologist", None),
            (date(2026, 11, 25), "EKO-02", "trainer", programme.kitchen_id)):
        made = admin.sessions.create(session_on(programme, day, module=module,
                                                facilitator=facilitator, venue_id=venue))
        mark = AttendanceMark.ABSENT if day.day == 24 else AttendanceMark.PRESENT
        admin.attendance.mark(made.id, pid, mark, today=TODAY)
    tab = _open(qtbot, admin, runner, pid)
    assert tab.groups.item(0, 0).text() == "Angkatan 1 Plaju"
    rows = {_texts(tab, r)[0].split()[0]: _texts(tab, r) for r in range(tab.table.rowCount())}
    assert rows["SOS-01"][1:4] == ["1 dari 2 sesi", "50%", "75%"]
    assert rows["SOS-01"][5] == "Di bawah batas minimal"
    assert rows["EKO-02"][4:] == ["Belum diuji", "Menunggu uji keterampilan"]
    assert rows["SOS-02"][5] == "Belum ada sesi terlaksana"
    cooking_row = next(r for r in range(tab.table.rowCount())
                       if _texts(tab, r)[0].startswith("EKO-02"))
    tab.table.selectRow(cooking_row)
    dialog = tab.open_assessment()
    assert dialog is not None
    dialog.score.setValue(85)
    with qtbot.waitSignal(tab.loaded, timeout=5000):
        dialog.submit()
    assert _texts(tab, cooking_row)[4:] == ["Lulus", "✓ Memenuhi syarat"]
    stored = {p.module_id: p for p in admin.attendance.participant_progress(pid)}
    assert stored[cooking].completed and stored[cooking].assessment_passed is True


def test_a_facilitator_sees_her_member_but_not_others(qtbot: QtBot, vault: VaultFixture,
                                                      runner: TaskRunner) -> None:
    team = Team.hired(vault)
    try:
        programme = build(team("admin"), members=1, link_login="fasilitator1")
        tab = _open(qtbot, team("fasilitator1"), runner, programme.participants[0])
        assert tab.table.rowCount() == 2 and tab.assess_button.isVisibleTo(tab)
        assert tab.groups.rowCount() == 1
    finally:
        team.close()
