"""Roll-call and progress on a real vault: marks saved one by one, refusals (cancelled, future,
excused without a reason, not a member), corrections audited, completion rules, sign-in data."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select
from support.programme import build, session_on

from kdrt_desk.domain.training import AttendanceMark, SessionStatus
from kdrt_desk.errors import UserError, ValidationError
from kdrt_desk.models import Attendance, AuditEntry
from kdrt_desk.services.settings import CentreSettings
from kdrt_desk.wiring import Services

TODAY = date(2026, 11, 27)
P, L, E, A = (AttendanceMark.PRESENT, AttendanceMark.LATE, AttendanceMark.EXCUSED,
              AttendanceMark.ABSENT)


def _marks(services: Services, session_id: int) -> dict[int, tuple[str, str]]:
    with services.vault.db.reading() as session:
        return {r.participant_id: (r.mark, r.reason) for r in session.scalars(
            select(Attendance).where(Attendance.session_id == session_id))}


def _audit(services: Services, action: str) -> list[dict[str, object]]:
    with services.vault.db.reading() as session:
        return [json.loads(d) for d in session.scalars(
            select(AuditEntry.details).where(AuditEntry.action == action))]


def test_each_mark_is_saved_at_once_and_the_session_becomes_held(admin: Services) -> None:
    programme = build(admin, members=3)
    made = admin.sessions.create(session_on(programme, date(2026, 11, 23)))
    first, second, third = programme.participants
    admin.attendance.mark(made.id, first, P, today=TODAY)
    assert _marks(admin, made.id) == {first: ("present", "")}
    assert admin.sessions.get(made.id).status == SessionStatus.HELD
    admin.attendance.mark(made.id, second, E, reason="  Anak  sakit ", today=TODAY)
    assert _marks(admin, made.id)[second] == ("excused", "Anak sakit")
    assert admin.attendance.mark_rest_present(made.id, today=TODAY) == 1
    assert _marks(admin, made.id)[third] == ("present", "")
    rows = {r.participant_id: r for r in admin.attendance.roll_call(made.id)}
    assert rows[second].mark == E and rows[second].reason == "Anak sakit"
    assert admin.sessions.get(made.id).attended == 2


def test_a_correction_is_audited(admin: Services) -> None:
    programme = build(admin, members=1)
    made = admin.sessions.create(session_on(programme, date(2026, 11, 23)))
    pid = programme.participants[0]
    admin.attendance.mark(made.id, pid, A, today=TODAY)
    admin.attendance.mark(made.id, pid, L, today=TODAY)
    assert _marks(admin, made.id) == {pid: ("late", "")}
    assert _audit(admin, "attendance_corrected") == [
        {"participant_id": pid, "from": "absent", "to": "late"}]
    assert len(_audit(admin, "attendance_taken")) == 1


def test_refusals_leave_nothing_behind(admin: Services) -> None:
    programme = build(admin, members=2)
    pid = programme.participants[0]
    future = admin.sessions.create(session_on(programme, date(2026, 12, 3)))
    with pytest.raises(UserError) as not_yet:
        admin.attendance.mark(future.id, pid, P, today=TODAY)
    assert not_yet.value.key == "error.attendance_future_session"
    cancelled = admin.sessions.create(session_on(programme, date(2026, 11, 24)))
    admin.sessions.cancel(cancelled.id, "Hujan lebat")
    with pytest.raises(UserError) as off:
        admin.attendance.mark(cancelled.id, pid, P, today=TODAY)
    assert off.value.key == "error.attendance_cancelled_session"
    with pytest.raises(UserError):
        admin.attendance.mark_rest_present(cancelled.id, today=TODAY)
    held = admin.sessions.create(session_on(programme, date(2026, 11, 23)))
    with pytest.raises(ValidationError) as no_reason:
        admin.attendance.mark(held.id, pid, E, reason=" ", today=TODAY)
    assert no_reason.value.by_field() == {
        "reason": "Izin perlu alasan (misalnya anak sakit). Tulis alasannya lalu simpan lagi."}
    with pytest.raises(ValidationError):
        admin.attendance.mark(held.id, pid, "hadir", today=TODAY)
    stranger = programme.participants[-1] + 1000
    with pytest.raises(UserError) as outsider:
        admin.attendance.mark(held.id, stranger, P, today=TODAY)
    assert outsider.value.key == "error.not_a_member_that_day"
    assert _marks(admin, held.id) == {} and _marks(admin, cancelled.id) == {}
    assert admin.sessions.get(held.id).status == SessionStatus.PLANNED


def test_members_who_joined_later_are_not_on_earlier_roll_calls(admin: Services) -> None:
    programme = build(admin, members=1)  # joined 20 November
    early = admin.sessions.create(session_on(programme, date(2026, 11, 16)))
    assert admin.attendance.roll_call(early.id) == []
    with pytest.raises(UserError):
        admin.attendance.mark(early.id, programme.participants[0], P, today=TODAY)


def test_progress_follows_the_completion_rule(admin: Services) -> None:
    programme = build(admin, members=2)
    first, second = programme.participants
    days = [date(2026, 11, d) for d in (20, 21, 23, 24)]
    sessions = admin.sessions.create_many([session_on(programme, d) for d in days])
    for index, made in enumerate(sessions):
        admin.attendance.mark(made.id, first, P if index < 3 else L, today=TODAY)  # 4 of 4
        admin.attendance.mark(made.id, second, P if index < 2 else A, today=TODAY)  # 2 of 4
    planned = admin.sessions.create(session_on(programme, date(2026, 11, 25)))
    assert planned.status == SessionStatus.PLANNED  # not held: not counted
    progress = admin.attendance.group_progress(programme.group_id)
    by_person = {m.participant_id: m for m in progress.members}
    sos1 = programme.modules["SOS-01"]
    one, two = by_person[first].modules[sos1], by_person[second].modules[sos1]
    assert (one.held, one.attended, one.percent, one.completed) == (4, 4, 100, True)
    assert (two.held, two.attended, two.percent, two.meets_attendance) == (4, 2, 50, False)
    assert by_person[second].below_minimum == [sos1]
    assert by_person[first].below_minimum == []
    assert [m[1] for m in progress.modules] == ["SOS-01", "SOS-02"]
    untouched = by_person[first].modules[programme.modules["SOS-02"]]
    assert (untouched.held, untouched.completed) == (0, False)


def test_a_required_skill_assessment_must_be_passed(admin: Services) -> None:
    programme = build(admin, members=1)
    group = admin.groups.get(programme.group_id)
    cooking = programme.modules["EKO-02"]
    admin.groups.save(replace(group, module_ids=[*group.module_ids, cooking]))
    pid = programme.participants[0]
    made = admin.sessions.create(session_on(programme, date(2026, 11, 23), module="EKO-02",
                                            facilitator="trainer",
                                            venue_id=programme.kitchen_id))
    admin.attendance.mark(made.id, pid, P, today=TODAY)
    progress = {p.module_id: p for p in admin.attendance.participant_progress(pid)}
    assert progress[cooking].meets_attendance and not progress[cooking].completed
    admin.attendance.record_assessment(pid, cooking, passed=False, on=date(2026, 11, 26))
    progress = {p.module_id: p for p in admin.attendance.participant_progress(pid)}
    assert progress[cooking].assessment_passed is False and not progress[cooking].completed
    admin.attendance.record_assessment(pid, cooking, passed=True, on=date(2026, 11, 27),
                                       score=85)
    progress = {p.module_id: p for p in admin.attendance.participant_progress(pid)}
    assert progress[cooking].completed
    with pytest.raises(UserError):
        admin.attendance.record_assessment(pid, programme.modules["EKO-01"], passed=True)


def test_the_sign_in_sheet_data_names_the_session_and_its_members(admin: Services) -> None:
    admin.settings.update(CentreSettings("Pusat Pemberdayaan Uji", "Jl. Uji 1, Plaju", 5, "F12",
                                       "id"))
    programme = build(admin, members=3)
    made = admin.sessions.create(session_on(programme, date(2026, 11, 23), topic="Perkenalan"))
    sheet = admin.attendance.sign_in_sheet(made.id)
    assert (sheet.centre_name, sheet.group, sheet.module, sheet.topic) == (
        "Pusat Pemberdayaan Uji", "Angkatan 1 Plaju", "SOS-01 Kelompok dukungan sebaya",
        "Perkenalan")
    assert sheet.facilitator == "Dra. Hj. Rahmawati, Psi." and len(sheet.names) == 3
    assert sheet.names == sorted(sheet.names, key=str.lower)
    preferred = admin.attendance.sign_in_sheet(made.id, preferred_names=True)
    assert all(name.startswith("Bu ") for name in preferred.names)
    assert _audit(admin, "sign_in_sheet_printed") == []  # reading the data prints nothing


def test_printing_a_sign_in_sheet_writes_the_pdf_then_audits_it(admin: Services,
                                                               tmp_path: Path) -> None:
    programme = build(admin, members=2)
    made = admin.sessions.create(session_on(programme, date(2026, 11, 23)))
    with pytest.raises(UserError) as unwritable:
        admin.attendance.print_sign_in_sheet(made.id, tmp_path / "tidak-ada" / "x.pdf")
    assert unwritable.value.key == "error.output_folder_missing"
    assert _audit(admin, "sign_in_sheet_printed") == []  # nothing left the vault
    target = tmp_path / "daftar-hadir.pdf"
    assert admin.attendance.print_sign_in_sheet(made.id, target) == 2
    text = "".join(page.extract_text() for page in PdfReader(target).pages)
    assert all(name in text for name in admin.attendance.sign_in_sheet(made.id).names)
    assert _audit(admin, "sign_in_sheet_printed") == [{"rows": 2}]


def test_the_dashboard_counts_the_training_programme(admin: Services) -> None:
    programme = build(admin, members=3)
    first, second, third = programme.participants
    held = admin.sessions.create(session_on(programme, date(2026, 11, 23)))
    admin.attendance.mark(held.id, first, P, today=TODAY)
    admin.attendance.mark(held.id, second, L, today=TODAY)
    admin.attendance.mark(held.id, third, A, today=TODAY)
    admin.sessions.create(session_on(programme, date(2026, 11, 30)))  # still to come
    admin.sessions.cancel(admin.sessions.create(session_on(programme, date(2026, 11, 24))).id,
                          "Hujan lebat")
    admin.sessions.create(session_on(programme, date(2026, 12, 1)))  # next month: not counted
    leaving = next(m for m in admin.groups.members(programme.group_id)
                   if m.participant_id == third)
    admin.groups.end_membership(leaving.enrolment_id, "dropped_out", on=date(2026, 11, 25),
                                reason="Mulai bekerja")
    counts = admin.dashboard.counts(TODAY)
    assert (counts.groups_running, counts.in_training, counts.completed_training,
            counts.left_training) == (1, 2, 0, 1)
    assert (counts.sessions_held_this_month, counts.sessions_planned_this_month,
            counts.sessions_cancelled_this_month) == (1, 1, 1)
    assert counts.attendance_rate_this_month == 67  # 2 of 3 marks present or late
    assert admin.dashboard.counts(date(2027, 2, 1)).groups_running == 0  # the period is over
    assert admin.dashboard.counts(date(2027, 2, 1)).attendance_rate_this_month is None


def test_printing_several_sheets_can_be_cancelled_and_then_nothing_is_written(
        admin: Services, tmp_path: Path) -> None:
    programme = build(admin, members=2)
    made = admin.sessions.create_many([session_on(programme, date(2026, 11, d))
                                       for d in (23, 24)])
    target = tmp_path / "dua.pdf"
    heard: list[tuple[int, int]] = []

    def stop_after_one(done: int, total: int) -> bool:
        heard.append((done, total))
        return done < 1

    with pytest.raises(UserError) as cancelled:
        admin.attendance.print_sign_in_sheets([m.id for m in made], target,
                                              report=stop_after_one)
    assert cancelled.value.key == "error.cancelled" and heard == [(1, 3)]
    assert not target.exists() and _audit(admin, "sign_in_sheet_printed") == []
    assert admin.attendance.print_sign_in_sheets([m.id for m in made], target) == 4
    assert len(PdfReader(target).pages) == 2
    assert len(_audit(admin, "sign_in_sheet_printed")) == 2
