"""The groups and sessions screens with a real vault: groups, enrolment, progress, sessions."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from pytestqt.qtbot import QtBot
from support.constants import ADMIN
from support.programme import PERIOD, Programme, accepted, build, session_on
from support.team import Team
from support.vault_fixture import VaultFixture

from kdrt_desk.domain.enums import ParticipantStatus
from kdrt_desk.domain.places import KECAMATAN
from kdrt_desk.domain.training import AttendanceMark, EnrolmentStatus, SessionQuery
from kdrt_desk.i18n import format_date
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.dashboard_view import DashboardView
from kdrt_desk.ui.group_progress_grid import BELOW_MINIMUM, COMPLETED
from kdrt_desk.ui.groups_view import GroupsView
from kdrt_desk.ui.session_dialog import SessionDialog
from kdrt_desk.ui.sessions_view import SessionsView
from kdrt_desk.wiring import Services

NOVEMBER = date(2026, 11, 1)


def loaded_groups(qtbot: QtBot, services: Services, runner: TaskRunner) -> GroupsView:
    view = GroupsView(services, runner)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.detail_loaded, timeout=5000):
        view.refresh()
    return view


def loaded_sessions(qtbot: QtBot, services: Services, runner: TaskRunner) -> SessionsView:
    view = SessionsView(services, runner, month=NOVEMBER)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.refresh()
    return view


def texts(view: GroupsView, column: int) -> list[str]:
    table = view.members_table
    return [table.item(row, column).text() for row in range(table.rowCount())]


def held(services: Services, programme: Programme, day: date, marks: list[AttendanceMark],
         start: int = 9) -> int:
    session = services.sessions.create(session_on(programme, day, start, start + 2))
    for pid, mark in zip(programme.participants, marks, strict=True):
        services.attendance.mark(session.id, pid, mark, "anak sakit"
                                 if mark == AttendanceMark.EXCUSED else "")
    return session.id


# -- groups --------------------------------------------------------------------------------------
def test_creating_a_group_through_the_dialog(qtbot: QtBot, admin: Services,
                                             runner: TaskRunner) -> None:
    programme = build(admin, members=0)
    view = loaded_groups(qtbot, admin, runner)
    assert view.table.rowCount() == 1
    dialog = view.open_new_dialog()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.loaded, timeout=5000)
    dialog.name.setText("Angkatan 2 Kemuning")
    dialog.kecamatan.setCurrentIndex(dialog.kecamatan.findData("Kemuning"))
    assert dialog.kecamatan.count() == len(KECAMATAN) + 1
    dialog.start_date.setDate(QDate(2026, 12, 1))
    dialog.end_date.setDate(QDate(2027, 2, 28))
    dialog.venue.setCurrentIndex(dialog.venue.findData(programme.kitchen_id))
    dialog.submit()  # no module ticked: refused beside the module list, nothing saved
    qtbot.waitUntil(lambda: dialog.error_text("module_ids") != "", timeout=5000)
    assert len(admin.groups.groups()) == 1
    wanted = [programme.modules["EKO-02"], programme.modules["SOS-01"]]
    for module_id in wanted:
        for row in range(dialog.modules.count()):
            item = dialog.modules.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == module_id:
                item.setCheckState(Qt.CheckState.Checked)
    # EKO-02 moved up above SOS-01: the group keeps the order of the list
    order = [dialog.modules.item(r).data(Qt.ItemDataRole.UserRole)
             for r in range(dialog.modules.count())]
    eko = order.index(programme.modules["EKO-02"])
    dialog.modules.setCurrentRow(eko)
    for _ in range(eko):
        dialog.up_button.click()
    with qtbot.waitSignal(view.detail_loaded, timeout=5000):
        dialog.submit()
    saved = next(g for g in admin.groups.groups() if g.name == "Angkatan 2 Kemuning")
    assert saved.kecamatan == "Kemuning"
    assert (saved.start_date, saved.end_date) == (date(2026, 12, 1), date(2027, 2, 28))
    assert saved.module_ids == wanted
    assert saved.venue_id == programme.kitchen_id
    names = [view.table.item(r, 0).text() for r in range(view.table.rowCount())]
    assert "Angkatan 2 Kemuning" in names
    assert view.selected_group() is not None and view.selected_group().id == saved.id
    assert view.done_label.text() == 'Kelompok "Angkatan 2 Kemuning" disimpan.'


def test_enrolling_two_candidates_at_once_makes_them_enrolled(
        qtbot: QtBot, admin: Services, runner: TaskRunner) -> None:
    programme = build(admin, members=0)
    first, second, third = accepted(admin, 3)
    view = loaded_groups(qtbot, admin, runner)
    assert view.members_table.rowCount() == 0
    dialog = view.open_enrol_dialog()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.loaded, timeout=5000)
    assert dialog.model.rowCount() == 3
    qtbot.keyClicks(dialog.search, "uji 001")  # the search box hides the others
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=2000)
    assert dialog.model.rows[0].person.participant_id == second
    dialog.search.clear()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 3, timeout=2000)
    dialog.check(first)
    dialog.check(third)
    assert dialog.chosen_label.text() == "3 dari 3 ditampilkan, 2 dipilih"
    dialog.on.setDate(QDate(2026, 11, 25))
    with qtbot.waitSignal(view.detail_loaded, timeout=5000):
        dialog.submit()
    assert view.members_table.rowCount() == 2
    assert texts(view, 3) == [format_date(date(2026, 11, 25))] * 2
    assert texts(view, 4) == ["Aktif", "Aktif"]
    assert admin.participants.get(first).status == ParticipantStatus.ENROLLED
    assert admin.participants.get(third).status == ParticipantStatus.ENROLLED
    assert admin.participants.get(second).status == ParticipantStatus.ACCEPTED
    assert {m.participant_id for m in admin.groups.members(programme.group_id)} == {first, third}


def test_enrolling_outside_the_period_is_refused_beside_the_date(
        qtbot: QtBot, admin: Services, runner: TaskRunner) -> None:
    programme = build(admin, members=0)
    (pid,) = accepted(admin, 1)
    view = loaded_groups(qtbot, admin, runner)
    dialog = view.open_enrol_dialog()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.loaded, timeout=5000)
    dialog.check(pid)
    dialog.on.setDate(QDate(2027, 1, 15))
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.error_text("on") != "", timeout=5000)
    assert "periode kelompok" in dialog.error_text("on")
    assert admin.groups.members(programme.group_id) == []


def test_ending_a_membership_needs_a_reason_and_shows_the_new_status(
        qtbot: QtBot, admin: Services, runner: TaskRunner) -> None:
    programme = build(admin, members=2)
    view = loaded_groups(qtbot, admin, runner)
    view.members_table.selectRow(0)
    leaving = view.selected_member()
    assert leaving is not None and view.end_button.isEnabled()
    dialog = view.open_end_dialog()
    assert dialog is not None
    dialog.status.setCurrentIndex(dialog.status.findData(EnrolmentStatus.WITHDRAWN.value))
    dialog.on.setDate(QDate(2026, 11, 26))
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.error_text("reason") != "", timeout=5000)
    assert dialog.error_text("reason").startswith("Tulis alasannya")
    dialog.reason.setPlainText("Pindah ke Lahat ikut keluarga")
    with qtbot.waitSignal(view.detail_loaded, timeout=5000):
        dialog.submit()
    row = next(m for m in admin.groups.members(programme.group_id)
               if m.enrolment_id == leaving.enrolment_id)
    assert row.status == EnrolmentStatus.WITHDRAWN and row.ended_on == date(2026, 11, 26)
    assert f"Mengundurkan diri ({format_date(date(2026, 11, 26))})" in texts(view, 4)
    assert view.members_count.text() == "1 anggota aktif"


def test_progress_grid_highlights_a_member_below_the_minimum(
        qtbot: QtBot, admin: Services, runner: TaskRunner) -> None:
    programme = build(admin, members=2)
    present, late, absent = AttendanceMark.PRESENT, AttendanceMark.LATE, AttendanceMark.ABSENT
    held(admin, programme, date(2026, 11, 23), [present, present])
    held(admin, programme, date(2026, 11, 24), [late, absent])
    view = loaded_groups(qtbot, admin, runner)
    grid = view.progress_table
    assert grid.rowCount() == 2
    assert [grid.horizontalHeaderItem(c).text() for c in range(grid.columnCount())] == [
        "Peserta", "SOS-01", "SOS-02"]
    progress = admin.attendance.group_progress(programme.group_id)
    rows = {m.participant_id: r for r, m in enumerate(progress.members)}
    good, weak = rows[programme.participants[0]], rows[programme.participants[1]]
    assert grid.item(good, 1).text() == "✓ 2/2 (100%)"
    assert grid.item(good, 1).background().color() == COMPLETED
    assert grid.item(weak, 1).text() == "1/2 (50%)"
    assert grid.item(weak, 1).background().color() == BELOW_MINIMUM
    assert "minimal" in grid.item(weak, 1).toolTip()
    assert grid.item(weak, 2).text() == "—"  # no SOS-02 session held yet
    assert grid.item(weak, 2).background().color() != BELOW_MINIMUM


# -- sessions ------------------------------------------------------------------------------------
def test_a_bad_session_shows_the_message_under_the_field_and_saves_nothing(
        qtbot: QtBot, admin: Services, runner: TaskRunner) -> None:
    programme = build(admin, members=2)
    dialog = SessionDialog(admin, runner, group_id=programme.group_id, day=date(2026, 11, 30))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.loaded, timeout=5000)
    assert dialog.module.count() == 2
    assert dialog.facilitator.currentData() == programme.facilitators["psychologist"]
    dialog.start_time.setTime(QTime(11, 0))
    dialog.end_time.setTime(QTime(9, 0))
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.error_text("end_time") != "", timeout=5000)
    assert dialog.error_text("end_time") == "Jam selesai harus sesudah jam mulai."
    dialog.end_time.setTime(QTime(13, 0))
    dialog.session_date.setDate(QDate(2027, 1, 12))
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.error_text("session_date") != "", timeout=5000)
    start, end = (format_date(d) for d in PERIOD)
    assert dialog.error_text("session_date").startswith(
        f"Tanggal harus di dalam periode kelompok ({start} sampai {end})")
    assert dialog.error_text("end_time") == ""
    assert dialog.result() == 0
    assert admin.sessions.sessions(SessionQuery()) == []


def test_planning_cancelling_and_printing_sessions(
        qtbot: QtBot, admin: Services, runner: TaskRunner, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    programme = build(admin, members=3)
    admin.sessions.create(session_on(programme, date(2026, 10, 6)))  # another month
    view = loaded_sessions(qtbot, admin, runner)
    assert view.table.rowCount() == 0
    assert view.month_label.text() == "November 2026"
    dialog = view.open_new_dialog()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.loaded, timeout=5000)
    dialog.group.setCurrentIndex(dialog.group.findData(programme.group_id))
    dialog.session_date.setDate(QDate(2026, 11, 24))
    dialog.topic.setText("Mengenali tanda bahaya")
    with qtbot.waitSignal(view.loaded, timeout=5000):
        dialog.submit()
    assert view.table.rowCount() == 1
    assert [view.table.item(0, c).text() for c in range(8)] == [
        format_date(date(2026, 11, 24)), "09.00–11.00", "Angkatan 1 Plaju",
        "SOS-01 " + admin.sessions.sessions()[1].module_title, "Aula Kelurahan Plaju Ulu",
        "Dra. Hj. Rahmawati, Psi.", "Direncanakan", "—"]
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.go_to_month(-1)
    assert view.month_label.text() == "Oktober 2026" and view.table.rowCount() == 1
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.go_to_month(1)

    # the sign-in sheet, written off the GUI thread
    view.table.selectRow(0)
    target = tmp_path / "daftar"
    with qtbot.waitSignal(view.printed, timeout=15000):
        view.print_sign_in_sheet(target)
    assert (tmp_path / "daftar.pdf").read_bytes().startswith(b"%PDF")

    # cancelling asks for a reason
    from kdrt_desk.ui import sessions_view

    class Answer:
        def __init__(self, *args: object) -> None:
            pass

        def exec(self) -> int:
            return 1

        def text(self) -> str:
            return "Fasilitator sakit"

    monkeypatch.setattr(sessions_view, "ReasonDialog", Answer)
    view.table.selectRow(0)
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.cancel_selected()
    assert view.table.item(0, 6).text() == "Dibatalkan"
    assert view.table.item(0, 6).toolTip() == "Dibatalkan: Fasilitator sakit"
    assert admin.sessions.sessions(SessionQuery(start=NOVEMBER))[0].cancel_reason == \
        "Fasilitator sakit"


def test_a_facilitator_sees_only_her_sessions_and_no_edit_buttons(
        qtbot: QtBot, vault: VaultFixture, runner: TaskRunner) -> None:
    team = Team.hired(vault)
    try:
        admin = team(ADMIN)
        programme = build(admin, members=2, link_login="fasilitator1")
        admin.sessions.create(session_on(programme, date(2026, 11, 23)))  # hers
        admin.sessions.create(session_on(programme, date(2026, 11, 24), module="SOS-02",
                                         facilitator="trainer"))
        facilitator = team("fasilitator1")
        sessions = loaded_sessions(qtbot, facilitator, runner)
        assert sessions.table.rowCount() == 1
        assert sessions.table.item(0, 5).text() == "Dra. Hj. Rahmawati, Psi."
        for button in (sessions.new_button, sessions.edit_button, sessions.cancel_button,
                       sessions.delete_button):
            assert button.isHidden()
        assert not sessions.roll_call_button.isHidden()
        assert sessions.open_new_dialog() is None
        groups = loaded_groups(qtbot, facilitator, runner)
        assert groups.table.rowCount() == 1
        for button in (groups.new_button, groups.edit_button, groups.archive_button,
                       groups.enrol_button, groups.end_button, groups.transfer_button):
            assert button.isHidden()
        assert groups.members_table.rowCount() == 2
        assert "Risiko" not in [groups.members_table.horizontalHeaderItem(c).text()
                                for c in range(groups.members_table.columnCount())]
        runner.wait()
    finally:
        runner.wait()
        team.close()



def test_the_dashboard_shows_the_training_figures(qtbot: QtBot, admin: Services,
                                                  runner: TaskRunner) -> None:
    programme = build(admin, members=2)
    made = admin.sessions.create(session_on(programme, date(2026, 11, 23)))
    admin.attendance.mark(made.id, programme.participants[0], AttendanceMark.PRESENT,
                          today=date(2026, 11, 27))
    admin.attendance.mark(made.id, programme.participants[1], AttendanceMark.ABSENT,
                          today=date(2026, 11, 27))
    view = DashboardView(admin, runner)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.refresh(date(2026, 11, 27))
    assert [view.figure(n) for n in ("groups_running", "in_training", "sessions_held",
                                     "attendance_rate")] == ["1", "2", "1", "50%"]


def test_several_selected_sessions_print_into_one_pdf(
        qtbot: QtBot, admin: Services, runner: TaskRunner, tmp_path: Path) -> None:
    from pypdf import PdfReader
    from PySide6.QtCore import QItemSelectionModel

    programme = build(admin, members=2)
    for day in (23, 24, 25):
        admin.sessions.create(session_on(programme, date(2026, 11, day),
                                         topic=f"Pertemuan {day}"))
    admin.sessions.cancel(admin.sessions.sessions()[1].id, "Banjir")
    view = loaded_sessions(qtbot, admin, runner)
    flags = (QItemSelectionModel.SelectionFlag.Select
             | QItemSelectionModel.SelectionFlag.Rows)
    for row in range(3):
        view.table.selectionModel().select(view.table.model().index(row, 0), flags)
    # the cancelled one is left out
    assert view.print_button.text() == "Simpan 2 daftar hadir (PDF)…"
    assert not view.edit_button.isEnabled()  # changing is one session at a time
    target = tmp_path / "minggu-ini.pdf"
    with qtbot.waitSignal(view.printed, timeout=15000):
        view.print_sign_in_sheet(target)
    texts = [page.extract_text() for page in PdfReader(target).pages]
    assert len(texts) == 2
    assert "Pertemuan 23" in texts[0] and "Pertemuan 25" in texts[1]
    assert not any("Pertemuan 24" in text for text in texts)


def test_the_print_button_saves_the_sheet_where_she_chose(
        qtbot: QtBot, admin: Services, runner: TaskRunner, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The real button (its `checked` argument once reached the path parameter and failed)."""
    from PySide6.QtWidgets import QFileDialog

    programme = build(admin, members=2)
    admin.sessions.create(session_on(programme, date(2026, 11, 24)))
    view = loaded_sessions(qtbot, admin, runner)
    view.table.selectRow(0)
    target = tmp_path / "daftar-hadir.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kwargs: (str(target), "")))
    with qtbot.waitSignal(view.printed, timeout=15000):
        qtbot.mouseClick(view.print_button, Qt.MouseButton.LeftButton)
    assert target.read_bytes().startswith(b"%PDF")
