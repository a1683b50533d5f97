"""What each woman was told, on a real vault: the list says exactly what changed since she was
told (moved, cancelled, new hours, deleted), with the neutral move or cancel text; a session she
was told about as it is shows "told"; one she was never told about is new. Recording it checks
who she is, that the session is hers and the caller's permission; the told table holds no phone
number and no text, and how she was told is sealed."""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import date, time

import pytest
from sqlalchemy import text
from support.constants import PASSWORD
from support.programme import PERIOD, Programme, build, enrolled, session_on
from support.vault_fixture import VaultFixture

from kdrt_desk.domain.enums import Role, SafeToCall
from kdrt_desk.domain.reminder import ContactWay, ReminderKind
from kdrt_desk.domain.training import (
    GroupInput,
    SessionInput,
    SessionView,
    VenueFeature,
    VenueInput,
)
from kdrt_desk.errors import PermissionDeniedError, UserError
from kdrt_desk.services.reminders import ReminderListRow, ToldState
from kdrt_desk.wiring import Services

DAY = date(2026, 12, 3)  # a Thursday
LATER = date(2026, 12, 5)
LAST = date(2026, 12, 8)
CANCEL_TEXT = "Ibu, besok tidak jadi. Nanti dikabari lagi."
PHONES = ("0812-3456-7890", "081234567890", "6281234567890", "0814-3333-4444", "081433334444")


@pytest.fixture
def group(admin: Services) -> tuple[Programme, int, int]:
    """A group of two: Rina may be called, Sari may not (told in person)."""
    programme = build(admin, members=0)
    rina = enrolled(admin, programme.group_id, full_name="Rina Boleh Telepon",
                    preferred_name="Rina", phone="0812-3456-7890", safe_to_call=SafeToCall.YES)
    sari = enrolled(admin, programme.group_id, full_name="Sari Tidak Aman", preferred_name="",
                    phone="0814-3333-4444", safe_to_call=SafeToCall.NO,
                    trusted_contact_name="Kakak Lina", never_contact_at_home=True)
    return programme, rina, sari


def rows_for(admin: Services, day: date, pid: int) -> list[ReminderListRow]:
    return [r for r in admin.reminders.for_date(day) if r.participant_id == pid]


def one(admin: Services, day: date, pid: int) -> ReminderListRow:
    [row] = rows_for(admin, day, pid)
    return row


def changed(view: SessionView, **values: object) -> SessionInput:
    names = {f.name for f in fields(SessionInput)}
    return SessionInput(**{**{n: getattr(view, n) for n in names}, **values})


def test_never_told_is_new_and_told_as_it_is_shows_told(
        admin: Services, group: tuple[Programme, int, int]) -> None:
    programme, rina, sari = group
    admin.sessions.create(session_on(programme, DAY, start=9, end=11))
    before = one(admin, DAY, rina)
    assert before.told is ToldState.NEW and before.told_at is None
    assert before.kind is ReminderKind.REMINDER
    admin.reminders.record_sent(before, "copied")
    after = one(admin, DAY, rina)  # still listed, so she can be told again
    assert after.told is ToldState.TOLD and after.told_at is not None
    assert after.message == before.message
    assert one(admin, DAY, sari).told is ToldState.NEW  # only the one who was told
    admin.reminders.record_told(one(admin, DAY, sari))  # "Sudah diberi tahu"
    assert one(admin, DAY, sari).told is ToldState.TOLD


def test_told_then_moved_is_listed_as_moved_with_the_neutral_move_text(
        admin: Services, group: tuple[Programme, int, int]) -> None:
    programme, rina, _sari = group
    view = admin.sessions.create(session_on(programme, DAY, start=13, end=15))
    admin.reminders.record_sent(one(admin, DAY, rina), "whatsapp")
    admin.sessions.update(changed(view, session_date=LATER))
    admin.sessions.update(changed(view, session_date=LAST))  # moved twice: moved_from is 5th
    moved = one(admin, DAY, rina)  # exactly: she was told the 3rd, so the 3rd's list has it
    assert moved.kind is ReminderKind.MOVED and moved.told is ToldState.CHANGED
    assert moved.day == LAST and moved.session_id == view.id
    assert moved.message == ("Ibu, besok tidak jadi. Diganti Selasa 8 Desember 2026 jam 13.00 "
                             "di tempat biasa.")
    assert rows_for(admin, LATER, rina) == []  # she never heard of the 5th
    new_day = one(admin, LAST, rina)
    assert new_day.kind is ReminderKind.REMINDER and new_day.told is ToldState.CHANGED
    admin.reminders.record_sent(moved, "copied")  # told the move: she knows the 8th now
    assert one(admin, DAY, rina).told is ToldState.TOLD
    assert one(admin, LAST, rina).told is ToldState.TOLD


def test_told_then_new_hours_or_venue_is_changed(
        admin: Services, group: tuple[Programme, int, int]) -> None:
    programme, rina, sari = group
    view = admin.sessions.create(session_on(programme, DAY, start=9, end=11))
    admin.reminders.record_sent(one(admin, DAY, rina), "copied")
    admin.reminders.record_told(one(admin, DAY, sari))
    admin.sessions.update(changed(view, start_time=time(14), end_time=time(16)))
    later = one(admin, DAY, rina)
    assert later.kind is ReminderKind.REMINDER and later.told is ToldState.CHANGED
    assert later.message == "Ibu, jangan lupa besok jam 14.00 di tempat biasa."
    admin.reminders.record_sent(later, "copied")
    hall = admin.catalogue.save_venue(VenueInput(
        name="Balai Warga Plaju", kecamatan="Plaju", capacity=25,
        features={VenueFeature.PRIVATE_ROOM, VenueFeature.PROJECTOR}))
    admin.sessions.update(changed(admin.sessions.get(view.id), venue_id=hall.id))
    assert one(admin, DAY, rina).told is ToldState.CHANGED
    assert one(admin, DAY, sari).told is ToldState.CHANGED


def test_told_then_cancelled_is_listed_with_the_cancel_text(
        admin: Services, group: tuple[Programme, int, int]) -> None:
    programme, rina, sari = group
    view = admin.sessions.create(session_on(programme, DAY))
    admin.reminders.record_told(one(admin, DAY, sari))
    admin.sessions.cancel(view.id, "Fasilitator sakit")
    cancelled = one(admin, DAY, sari)
    assert cancelled.kind is ReminderKind.CANCELLED and cancelled.told is ToldState.CHANGED
    assert cancelled.message == CANCEL_TEXT
    assert cancelled.way is ContactWay.IN_PERSON and cancelled.phone == ""
    assert cancelled.whatsapp_url == ""
    admin.reminders.record_told(cancelled)
    assert one(admin, DAY, sari).told is ToldState.TOLD
    assert one(admin, DAY, rina).told is ToldState.NEW  # never told: still to be told


def test_told_then_moved_and_cancelled_is_told_it_will_not_take_place(
        admin: Services, group: tuple[Programme, int, int]) -> None:
    programme, rina, _sari = group
    view = admin.sessions.create(session_on(programme, DAY))
    admin.reminders.record_sent(one(admin, DAY, rina), "copied")
    admin.sessions.update(changed(view, session_date=LATER))
    admin.sessions.cancel(view.id, "Tempat tidak bisa dipakai")
    row = one(admin, DAY, rina)
    assert row.kind is ReminderKind.CANCELLED and row.message == CANCEL_TEXT
    assert row.told is ToldState.CHANGED


def test_told_then_deleted_is_told_it_will_not_take_place(
        admin: Services, group: tuple[Programme, int, int]) -> None:
    programme, rina, sari = group
    view = admin.sessions.create(session_on(programme, DAY, start=10, end=12))
    admin.reminders.record_sent(one(admin, DAY, rina), "copied")
    admin.sessions.delete(view.id)
    gone = one(admin, DAY, rina)
    assert gone.kind is ReminderKind.CANCELLED and gone.message == CANCEL_TEXT
    assert gone.session_id == 0 and gone.told is ToldState.CHANGED
    assert (gone.start, gone.end) == (time(10), time(12))
    assert rows_for(admin, DAY, sari) == []  # she was never told of it
    admin.reminders.record_sent(gone, "copied")
    assert one(admin, DAY, rina).told is ToldState.TOLD


def test_recording_checks_who_she_is_and_that_the_session_is_hers(
        admin: Services, group: tuple[Programme, int, int]) -> None:
    programme, rina, _sari = group
    admin.sessions.create(session_on(programme, DAY))
    row = one(admin, DAY, rina)
    other = admin.groups.save(GroupInput(
        name="Angkatan 2 Kemuning", kecamatan="Kemuning", start_date=PERIOD[0],
        end_date=PERIOD[1], venue_id=programme.venue_id, module_ids=[programme.modules["SOS-01"]],
        facilitator_ids={programme.facilitators["psychologist"]}))
    elsewhere = admin.sessions.create(replace(session_on(programme, DAY, start=15, end=17),
                                              group_id=other.id))
    cases = {
        "error.session_unknown": ReminderListRow(**{**row.__dict__, "session_id": 99999}),
        "error.participant_unknown": ReminderListRow(**{**row.__dict__,
                                                        "participant_id": 99999}),
        "error.reminder.not_hers": ReminderListRow(**{**row.__dict__,
                                                      "session_id": elsewhere.id}),
    }
    for key, wrong in cases.items():
        for record in (lambda r: admin.reminders.record_told(r),
                       lambda r: admin.reminders.record_sent(r, "copied")):
            with pytest.raises(UserError) as caught:
                record(wrong)
            assert caught.value.key == key
    with pytest.raises(UserError) as caught:
        admin.reminders.record_sent(row, "sms")
    assert caught.value.key == "error.choice_unknown"
    assert one(admin, DAY, rina).told is ToldState.NEW  # nothing was kept


def test_a_role_without_contact_permission_cannot_record_told(
        admin: Services, vault: VaultFixture, group: tuple[Programme, int, int]) -> None:
    programme, rina, _sari = group
    admin.sessions.create(session_on(programme, DAY))
    row = one(admin, DAY, rina)
    admin.accounts.add_account("fasilitator1", Role.FASILITATOR, PASSWORD)
    admin.close()
    facilitator = vault.services("fasilitator1")
    try:
        with pytest.raises(PermissionDeniedError):
            facilitator.reminders.record_told(row)
        with pytest.raises(PermissionDeniedError):
            facilitator.reminders.record_sent(row, "copied")
        with pytest.raises(PermissionDeniedError):
            facilitator.reminders.for_date(DAY)
    finally:
        facilitator.close()
    again = vault.services()
    try:
        assert one(again, DAY, rina).told is ToldState.NEW
    finally:
        again.close()


def test_the_told_table_holds_no_number_or_text_and_how_is_sealed(
        admin: Services, group: tuple[Programme, int, int]) -> None:
    programme, rina, sari = group
    admin.sessions.create(session_on(programme, DAY, start=9, end=11))
    second = admin.sessions.create(session_on(programme, LATER, start=9, end=11))
    admin.reminders.record_sent(one(admin, DAY, rina), "whatsapp")
    admin.reminders.record_sent(one(admin, LATER, rina), "copied")
    admin.reminders.record_told(one(admin, DAY, sari))
    with admin.vault.db.engine.connect() as conn:
        result = conn.execute(text("SELECT * FROM reminder_told"))
        columns = set(result.keys())
        cells = result.all()
    assert columns == {"id", "seal_id", "participant_id", "session_id", "session_ref",
                       "group_id", "session_date", "start_time", "end_time", "venue_id", "status",
                       "told_at", "told_by", "channel"}
    assert len(cells) == 3
    dumped = b"\x00".join(v if isinstance(v, bytes) else str(v).encode()
                          for row in cells for v in row)
    for secret in (*PHONES, "jangan lupa", "tempat biasa", "Ibu", "Rina", "Kakak Lina",
                   "whatsapp", "copied", "in_person"):
        assert secret.encode() not in dumped, secret
    with admin.vault.db.engine.connect() as conn:
        sealed = conn.execute(text("SELECT channel FROM reminder_told")).scalars().all()
        told = conn.execute(text("SELECT session_id, status FROM reminder_told "
                                 "ORDER BY id")).all()
    assert all(isinstance(v, bytes) for v in sealed)
    assert len({len(v) for v in sealed}) == 1  # the length does not tell the way apart
    assert [tuple(r) for r in told][1] == (second.id, "scheduled")


def test_a_withdrawal_removes_what_she_was_told(
        admin: Services, group: tuple[Programme, int, int]) -> None:
    programme, rina, sari = group
    admin.sessions.create(session_on(programme, DAY, start=9, end=11))
    admin.reminders.record_sent(one(admin, DAY, rina), "copied")
    admin.reminders.record_told(one(admin, DAY, sari))

    admin.consent.withdraw_data_use(sari, DAY, confirm=True, today=DAY)

    with admin.vault.db.reading() as session:
        kept = session.execute(text("SELECT participant_id FROM reminder_told")).scalars().all()
    assert kept == [rina]  # hers are gone (how she was told says she may not be phoned)
