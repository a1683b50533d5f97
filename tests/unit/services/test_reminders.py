"""Tomorrow's reminder list on a real vault: who is listed, how she may be told (never a number
for a woman who may not be called), neutral texts, cancelled and moved sessions, audited
without the text; the admin's texts refused when they give the programme away."""

from __future__ import annotations

import json
from dataclasses import fields
from datetime import date

import pytest
from sqlalchemy import select
from support.programme import Programme, build, enrolled, session_on

from kdrt_desk.domain.enums import ConsentScope, Role, SafeToCall
from kdrt_desk.domain.participant import Consent
from kdrt_desk.domain.reminder import ContactWay, ReminderKind, ReminderTemplates
from kdrt_desk.domain.training import SessionInput, SessionView
from kdrt_desk.errors import PermissionDeniedError, UserError, ValidationError
from kdrt_desk.models import AuditEntry
from kdrt_desk.services.actor import Actor
from kdrt_desk.services.reminders import ReminderService
from kdrt_desk.wiring import Services

DAY = date(2026, 12, 3)  # a Thursday


@pytest.fixture
def people(admin: Services) -> tuple[Programme, dict[str, int]]:
    programme = build(admin, members=0)
    gid = programme.group_id
    found = {
        "callable": enrolled(admin, gid, full_name="Rina Boleh Telepon", preferred_name="Rina",
                            phone="0812-3456-7890", safe_to_call=SafeToCall.YES),
        "at_times": enrolled(admin, gid, full_name="Wati Jam Tertentu", preferred_name="",
                            phone="0813-1111-2222", safe_to_call=SafeToCall.AT_TIMES,
                            safe_call_times="Senin-Jumat 09.00-11.00"),
        "not_safe": enrolled(admin, gid, full_name="Sari Tidak Aman", preferred_name="",
                            phone="0814-3333-4444", safe_to_call=SafeToCall.NO,
                            trusted_contact_name="Kakak Lina", never_contact_at_home=True),
        "no_consent": enrolled(admin, gid, full_name="Ani Tanpa Izin", preferred_name="",
                              phone="0815-5555-6666", safe_to_call=SafeToCall.YES,
                              consent=Consent(date(2026, 11, 20), {ConsentScope.DATA_USE})),
    }
    return programme, found


def test_everyone_with_a_session_is_listed_with_the_way_she_may_be_told(
        admin: Services, people: tuple[Programme, dict[str, int]]) -> None:
    programme, ids = people
    admin.sessions.create(session_on(programme, DAY, start=9, end=11))
    rows = {r.participant_id: r for r in admin.reminders.for_date(DAY)}
    assert set(rows) == set(ids.values())
    callable_ = rows[ids["callable"]]
    assert callable_.way is ContactWay.PHONE and callable_.phone == "0812-3456-7890"
    assert callable_.name == "Rina" and callable_.kind is ReminderKind.REMINDER
    assert callable_.message == "Ibu, jangan lupa besok jam 09.00 di tempat biasa."
    assert callable_.whatsapp_url.startswith("whatsapp://send?phone=6281234567890&text=Ibu")
    assert rows[ids["at_times"]].call_times == "Senin-Jumat 09.00-11.00"
    for key in ("not_safe", "no_consent"):  # never a number, never a link
        row = rows[ids[key]]
        assert row.way is ContactWay.IN_PERSON
        assert row.phone == "" and row.whatsapp_url == "" and row.call_times == ""
    assert rows[ids["not_safe"]].trusted_contact == "Kakak Lina"
    assert rows[ids["not_safe"]].never_at_home
    assert admin.reminders.for_date(date(2026, 12, 4)) == []


def test_a_cancelled_or_moved_session_is_told_neutrally(
        admin: Services, people: tuple[Programme, dict[str, int]]) -> None:
    programme, ids = people
    cancelled = admin.sessions.create(session_on(programme, DAY))
    admin.sessions.cancel(cancelled.id, "Fasilitator sakit")
    moved = admin.sessions.create(session_on(programme, DAY, start=13,
                                             end=15))
    admin.sessions.update(_moved(moved, date(2026, 12, 5)))
    rows = admin.reminders.for_date(DAY)
    kinds = {(r.participant_id, r.kind) for r in rows}
    assert (ids["callable"], ReminderKind.CANCELLED) in kinds
    assert (ids["callable"], ReminderKind.MOVED) in kinds
    texts = {r.kind: r.message for r in rows}
    assert texts[ReminderKind.CANCELLED] == "Ibu, besok tidak jadi. Nanti dikabari lagi."
    assert texts[ReminderKind.MOVED] == ("Ibu, besok tidak jadi. Diganti Sabtu 5 Desember 2026 "
                                         "jam 13.00 di tempat biasa.")
    for row in rows:  # nothing in a text says what it is about, or who is in the group
        assert "Fasilitator" not in row.message and "Angkatan" not in row.message


def _moved(view: SessionView, day: date) -> SessionInput:
    names = {f.name for f in fields(SessionInput)}
    return SessionInput(**{**{n: getattr(view, n) for n in names}, "session_date": day})


def test_sending_is_audited_without_the_text_or_number(
        admin: Services, people: tuple[Programme, dict[str, int]]) -> None:
    programme, ids = people
    admin.sessions.create(session_on(programme, DAY))
    rows = {r.participant_id: r for r in admin.reminders.for_date(DAY)}
    admin.reminders.record_sent(rows[ids["callable"]], "whatsapp")
    with pytest.raises(UserError) as caught:
        admin.reminders.record_sent(rows[ids["not_safe"]], "whatsapp")
    assert caught.value.key == "error.reminder.not_callable"
    with admin.vault.db.reading() as session:
        entries = session.execute(select(AuditEntry.target, AuditEntry.details).where(
            AuditEntry.action == "reminder_sent")).all()
    assert len(entries) == 1
    target, details = entries[0]
    assert set(json.loads(details)) == {"session_id", "kind"}  # not how: that is sealed
    assert "jangan lupa" not in details and "0812" not in details and "Rina" not in details


@pytest.mark.parametrize(("text", "key"), [
    ("Ibu, besok pelatihan jam {jam}.", "error.reminder.revealing"),
    ("Ibu, besok ke Pusat Pemberdayaan jam {jam}.", "error.reminder.revealing"),
    ("Ibu {nama}, besok jam {jam}.", "error.reminder.placeholder"),
    ("Ibu, besok jam {jam.__class__}.", "error.reminder.placeholder"),
    ("", "error.required"),
])
def test_a_text_that_gives_her_away_or_breaks_is_refused(admin: Services, text: str,
                                                         key: str) -> None:
    with pytest.raises(ValidationError) as caught:
        admin.reminders.save_templates(ReminderTemplates(reminder=text))
    assert key in [e.key for e in caught.value.errors]
    assert admin.reminders.templates() == ReminderTemplates()


def test_the_admin_s_own_text_is_used(admin: Services,
                                      people: tuple[Programme, dict[str, int]]) -> None:
    programme, _ = people
    admin.reminders.save_templates(ReminderTemplates(reminder="Bu, {hari} jam {jam} ya."))
    admin.sessions.create(session_on(programme, DAY, start=14, end=16))
    assert {r.message for r in admin.reminders.for_date(DAY)} == {"Bu, Kamis jam 14.00 ya."}


def test_a_facilitator_gets_no_list(admin: Services) -> None:
    service = ReminderService(admin.vault.db, Actor(99, "fasilitator9", Role.FASILITATOR))
    with pytest.raises(PermissionDeniedError):
        service.for_date(DAY)
