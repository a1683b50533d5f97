"""The Penjadwalan tab on a real vault, pressing real buttons: a proposal made in the background,
nothing saved before "Terapkan jadwal", a dragged session showing its conflict live, a locked
session kept when re-running, and the applied sessions read back from the vault."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time, timedelta
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from support.constants import PASSWORD
from support.modal_boxes import ModalBoxes
from support.programme import Programme, accepted, build, session_on
from support.vault_fixture import VaultFixture

from kdrt_desk import i18n
from kdrt_desk.domain.enums import BlockStrength, Role, RoutineKind
from kdrt_desk.domain.routine import Routine, RoutineBlock
from kdrt_desk.domain.training import GroupInput, SessionQuery, SessionStatus
from kdrt_desk.scheduling.problem import PlacedSession
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.main_window import MainWindow
from kdrt_desk.ui.schedule_view import ScheduleView
from kdrt_desk.wiring import Services

LEFT = Qt.MouseButton.LeftButton
SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"
START = date.today() - timedelta(days=date.today().weekday()) + timedelta(weeks=1)  # a Monday
END = START + timedelta(weeks=8) - timedelta(days=1)


def programme(admin: Services) -> tuple[Programme, int]:
    """A group running from next Monday for eight weeks, five members with routines, and one
    session already planned in its second week (Tuesday 09.00-11.00)."""
    built = build(admin, members=5)
    group = next(g for g in admin.groups.groups() if g.id == built.group_id)
    admin.groups.save(replace(group, start_date=START, end_date=END))
    blocks = (RoutineBlock(0, time(8), time(12), RoutineKind.WORK),
              RoutineBlock(2, time(13), time(17), RoutineKind.CHILDCARE,
                           BlockStrength.PREFERS_NOT))
    for n, pid in enumerate(built.participants):
        admin.routines.save(pid, Routine(blocks[: n % 3]))
    held = admin.sessions.create(session_on(built, START + timedelta(days=8)))
    return built, held.id


def shown(qtbot: QtBot, services: Services, runner: TaskRunner) -> ScheduleView:
    view = ScheduleView(services, runner)
    view.time_limit = 3.0
    qtbot.addWidget(view)
    view.resize(1280, 820)
    view.show()
    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.refresh()
    return view


def solve(qtbot: QtBot, view: ScheduleView, button: object | None = None) -> None:
    with qtbot.waitSignal(view.proposed, timeout=30000):
        qtbot.mouseClick(button or view.make_button, LEFT)


def drag(qtbot: QtBot, view: ScheduleView, index: int, day: date, start: time) -> None:
    """Press on the session's block, move and let go on the half-hour of ``day`` ``start``."""
    rect = view.grid.block_rect(index)
    assert not rect.isEmpty()
    grab = QPoint(rect.center().x(), rect.top() + 3)
    target = view.grid.point_at(day, start)
    qtbot.mousePress(view.grid, LEFT, pos=grab)
    qtbot.mouseMove(view.grid, pos=(grab + target) / 2)
    qtbot.mouseMove(view.grid, pos=target)
    qtbot.mouseRelease(view.grid, LEFT, pos=target)


def show_week_of(qtbot: QtBot, view: ScheduleView, day: date) -> None:
    while view.grid.days and view.grid.days[0] > day:
        qtbot.mouseClick(view.previous_button, LEFT)
    while view.grid.days and view.grid.days[0] + timedelta(days=6) < day:
        qtbot.mouseClick(view.next_button, LEFT)


def test_a_proposal_is_made_reviewed_changed_and_applied(
        qtbot: QtBot, admin: Services, runner: TaskRunner, modal_boxes: ModalBoxes) -> None:
    built, held_id = programme(admin)
    before = admin.sessions.sessions(SessionQuery())
    view = shown(qtbot, admin, runner)
    SHOTS.mkdir(parents=True, exist_ok=True)
    view.grab().save(str(SHOTS / "schedule_before_id.png"))
    assert view.chosen_groups() == [built.group_id]
    assert view.term() == (START, END)
    assert not view.review.isVisible()

    said: list[str] = []  # the progress dialog's text each time a better schedule came
    view.improved.connect(lambda _r: said.append(
        view.progress_dialog.labelText() if view.progress_dialog is not None else ""))
    solve(qtbot, view)
    assert said and "Terbaik sejauh ini:" in said[-1] and "%" in said[-1]
    assert view.review.isVisible()
    view.grab().save(str(SHOTS / "schedule_after_id.png"))
    result = view.result
    assert result is not None and result.violations == ()
    assert view.violations == []
    assert "pelanggaran aturan: 0" in view.summary.text()
    # every module session is placed or explained
    group = next(g for g in view.used.groups if g.group_id == built.group_id)  # type: ignore
    for module in group.modules:
        count = sum(1 for s in view.sessions if s.module_id == module.module_id
                    and s.group_id == built.group_id)
        missing = result.unplaced.get((built.group_id, module.module_id), 0)
        assert count + missing == module.sessions
        if missing:
            texts = [view.explanations.item(i).text() for i in range(view.explanations.count())]
            assert any(module.code in text for text in texts)
    assert view.explanations.count() > 0
    assert admin.sessions.sessions(SessionQuery()) == before  # nothing saved yet
    assert view.apply_button.isEnabled()

    # drag a proposed session onto a time the group already has a session that week
    index, moving, other = clash_pair(view, held_id)
    show_week_of(qtbot, view, moving.day)
    drag(qtbot, view, index, other.day, other.start)
    assert (view.sessions[index].day, view.sessions[index].start) == (other.day, other.start)
    assert view.violations and index in view.problems
    assert view.conflict_label.isVisible()
    assert "kelompok sudah punya sesi" in view.conflict_label.text()
    assert [b.state for b in view.grid.blocks if b.key == index] == ["conflict"]
    assert not view.apply_button.isEnabled()
    assert "pelanggaran aturan: 0" not in view.summary.text()
    view.grab().save(str(SHOTS / "schedule_conflict_id.png"))
    drag(qtbot, view, index, moving.day, moving.start)  # and back
    assert view.sessions[index] == moving
    assert view.violations == [] and not view.conflict_label.isVisible()
    assert view.apply_button.isEnabled()

    # lock one (clicked in the grid), make the others matter differently, re-run: it stays
    qtbot.mouseClick(view.grid, LEFT, pos=view.grid.block_rect(index).center())
    assert view.current == index and view.lock_button.isEnabled()
    qtbot.mouseClick(view.lock_button, LEFT)
    assert index in view.locked
    view.sliders["same_slot"].setValue(0)
    solve(qtbot, view, view.rerun_button)
    kept = [s for s in view.sessions if (s.group_id, s.module_id, s.day, s.start)
            == (moving.group_id, moving.module_id, moving.day, moving.start)]
    assert len(kept) == 1 and kept[0].fixed
    assert view.used is not None and view.used.weights.same_slot == 0  # the slider as it is
    assert view.violations == []
    assert admin.sessions.sessions(SessionQuery()) == before  # still nothing saved

    # apply: asked first, then saved (the locked one too)
    proposed = sorted((s.day, s.start, s.module_id) for s in view.to_apply().sessions
                      if not s.fixed)
    assert (moving.day, moving.start, moving.module_id) in proposed
    modal_boxes.answer = QMessageBox.StandardButton.Yes
    with qtbot.waitSignal(view.applied, timeout=20000) as saved:
        qtbot.mouseClick(view.apply_button, LEFT)
    assert modal_boxes.shown[-1][0] == "question"
    assert saved.args == [len(proposed)]
    assert view.done_label.text() == f"{len(proposed)} sesi disimpan."
    after = admin.sessions.sessions(SessionQuery(group_id=built.group_id))
    assert sorted((s.session_date, s.start_time, s.module_id) for s in after
                  if s.id != held_id) == proposed


def clash_pair(view: ScheduleView, held_id: int) -> tuple[int, PlacedSession, PlacedSession]:
    """A proposed session and another of its group in the same week (the held one first)."""
    mine = [(i, s) for i, s in enumerate(view.sessions)]
    held = [s for s in view.sessions if s.session_id == held_id]
    for other in held + [s for _i, s in mine]:
        for i, s in mine:
            if (not s.fixed and s is not other and s.group_id == other.group_id
                    and s.day.isocalendar()[:2] == other.day.isocalendar()[:2]
                    and (s.day, s.start) != (other.day, other.start)
                    and s.end.hour - s.start.hour == other.end.hour - other.start.hour):
                return i, s, other
    raise AssertionError("no two sessions of a group in one week")


def test_cancel_keeps_the_best_schedule_found_so_far(
        qtbot: QtBot, admin: Services, runner: TaskRunner) -> None:
    built, _held = programme(admin)
    # four more groups sharing the venues and facilitators: CP-SAT takes its time
    codes = ["SOS-01", "SOS-02", "SOS-03", "EKO-02"]
    for n in range(4):
        group = admin.groups.save(GroupInput(
            name=f"Angkatan {n + 2} Uji", kecamatan="Plaju", start_date=date.today(), end_date=END,
            venue_id=built.venue_id, module_ids=[built.modules[c] for c in codes]))
        members = accepted(admin, 4, start=10 + 4 * n)
        admin.groups.enrol(group.id, members, on=date.today())
    before = admin.sessions.sessions(SessionQuery())
    view = shown(qtbot, admin, runner)
    view.time_limit = 120.0
    qtbot.mouseClick(view.make_button, LEFT)
    qtbot.waitUntil(lambda: view.progress_dialog is not None
                    and view.progress_dialog.isVisible(), timeout=10000)
    dialog = view.progress_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: "Terbaik sejauh ini" in dialog.labelText(), timeout=10000)
    SHOTS.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(SHOTS / "schedule_progress_id.png"))
    [stop] = [b for b in dialog.findChildren(QPushButton) if b.text() == "Berhenti"]
    with qtbot.waitSignal(view.proposed, timeout=20000) as shown_result:
        qtbot.mouseClick(stop, LEFT)
    result = shown_result.args[0]
    assert result.sessions and result.violations == ()
    assert result.status == "cancelled"  # stopped long before its two minutes
    texts = [view.explanations.item(i).text() for i in range(view.explanations.count())]
    assert texts[0] == "Dihentikan: ini jadwal terbaik yang ditemukan sejauh itu."
    assert view.review.isVisible() and view.violations == []
    assert admin.sessions.sessions(SessionQuery()) == before
    view.kind_box.setCurrentIndex(view.kind_box.findData("venue"))
    assert view.which_box.count() >= 1 and view.grid.blocks
    assert {view.sessions[b.key].venue_id for b in view.grid.blocks} == {
        view.which_box.currentData()}
    view.grab().save(str(SHOTS / "schedule_per_venue_id.png"))


def test_re_planning_cancels_the_upcoming_sessions_it_replaces(
        qtbot: QtBot, admin: Services, runner: TaskRunner, modal_boxes: ModalBoxes) -> None:
    built, planned_id = programme(admin)
    view = shown(qtbot, admin, runner)
    qtbot.mouseClick(view.replan_box, LEFT, pos=QPoint(6, view.replan_box.height() // 2))
    assert view.replan_box.isChecked()
    solve(qtbot, view)
    assert view.replaced == [planned_id]
    assert not any(s.session_id == planned_id for s in view.sessions)  # planned again
    assert view.violations == []
    modal_boxes.answer = QMessageBox.StandardButton.Yes
    with qtbot.waitSignal(view.applied, timeout=20000):
        qtbot.mouseClick(view.apply_button, LEFT)
    assert "1 sesi mendatang yang lama dibatalkan" in modal_boxes.shown[-1][2]
    after = admin.sessions.sessions(SessionQuery(group_id=built.group_id))
    old = next(s for s in after if s.id == planned_id)
    assert old.status == SessionStatus.CANCELLED
    live = [s for s in after if s.status != SessionStatus.CANCELLED]
    group = next(g for g in admin.groups.groups() if g.id == built.group_id)
    assert len(live) == sum(m.session_count for m in admin.catalogue.modules()
                            if m.id in group.module_ids)


def test_the_english_screen_before_and_after(qtbot: QtBot, admin: Services,
                                             runner: TaskRunner) -> None:
    built, _planned = programme(admin)
    # one member works every day from seven to six: she cannot reach any module's minimum
    busy = built.participants[0]
    admin.routines.save(busy, Routine(tuple(RoutineBlock(d, time(7), time(18), RoutineKind.WORK)
                                            for d in range(7))))
    name = admin.participants.get(busy).full_name
    i18n.set_language("en")
    try:
        view = shown(qtbot, admin, runner)
        SHOTS.mkdir(parents=True, exist_ok=True)
        view.grab().save(str(SHOTS / "schedule_before_en.png"))
        assert view.make_button.text() == "Make schedule"
        solve(qtbot, view)
        view.grab().save(str(SHOTS / "schedule_after_en.png"))
        assert "rule violations: 0" in view.summary.text()
        assert "members below a module's minimum: 1" in view.summary.text()
        texts = [view.explanations.item(i).text() for i in range(view.explanations.count())]
        assert view.result is not None
        about_her = [i18n.t(e.key, **e.params) for e in view.result.explanations
                     if e.participant_id == busy]
        assert about_her and all(name in text and text in texts for text in about_her)
    finally:
        i18n.set_language("id")


def test_the_tab_is_there_for_the_admin_and_not_for_a_facilitator(
        qtbot: QtBot, admin: Services, vault: VaultFixture, runner: TaskRunner) -> None:
    programme(admin)
    window = MainWindow(admin, runner)
    qtbot.addWidget(window)
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert "Penjadwalan" in titles
    window.show()
    window.tabs.setCurrentIndex(titles.index("Penjadwalan"))
    [view] = window.findChildren(ScheduleView)
    qtbot.waitUntil(lambda: view.chosen_groups() != [], timeout=5000)
    view.time_limit = 3.0
    solve(qtbot, view)
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SHOTS / "schedule_in_window_id.png"))
    window.lock("button")  # the proposal names members: a lock forgets it
    assert view.sessions == [] and not view.review.isVisible() and view.group_list.count() == 0
    assert len(window.findChildren(ScheduleView)) == 1
    runner.wait()
    admin.accounts.add_account("fasilitator1", Role.FASILITATOR, PASSWORD)
    window.closing_for_logout = True
    window.close()  # one session on a vault at a time
    facilitator = MainWindow(vault.services("fasilitator1"), runner)
    qtbot.addWidget(facilitator)
    titles = [facilitator.tabs.tabText(i) for i in range(facilitator.tabs.count())]
    assert "Penjadwalan" not in titles and titles
    assert facilitator.findChildren(ScheduleView) == []


def test_switching_language_from_the_menu_keeps_the_proposal(
        qtbot: QtBot, admin: Services, runner: TaskRunner) -> None:
    programme(admin)
    window = MainWindow(admin, runner)
    qtbot.addWidget(window)
    window.show()
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    window.tabs.setCurrentIndex(titles.index("Penjadwalan"))
    [view] = window.findChildren(ScheduleView)
    qtbot.waitUntil(lambda: view.chosen_groups() != [], timeout=5000)
    view.time_limit = 3.0
    solve(qtbot, view)
    index = next(i for i, s in enumerate(view.sessions) if not s.fixed)
    row = view.list_rows.index(index)
    view.list.scrollToItem(view.list.item(row, 0))
    cell = view.list.visualItemRect(view.list.item(row, 0)).center()
    qtbot.mouseClick(view.list.viewport(), LEFT, pos=cell)
    assert view.current == index
    qtbot.mouseClick(view.lock_button, LEFT)
    assert index in view.locked
    proposal, ticked = list(view.sessions), view.chosen_groups()
    english = next(a for a in window.findChildren(QAction) if a.text() == "English")
    try:
        english.trigger()
        again = window.scheduler
        assert again is not None and again is not view
        window.tabs.setCurrentWidget(again)
        assert again.make_button.text() == "Make schedule"
        assert again.sessions == proposal and again.locked == {index}
        assert "rule violations: 0" in again.summary.text()
        assert again.review.isVisible() and again.apply_button.isEnabled()
        qtbot.waitUntil(lambda: again.chosen_groups() == ticked, timeout=5000)
    finally:
        i18n.set_language("id")
