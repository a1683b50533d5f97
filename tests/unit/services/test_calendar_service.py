"""The centre's calendar settings on a real vault: closures and confirmed Islamic dates stored,
read back into the term calendar, audited, checked, and only changed by who manages the
programme."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, time, timedelta

import pytest
from sqlalchemy import select
from support.vault_fixture import VaultFixture

from kdrt_desk.domain.enums import Role
from kdrt_desk.errors import PermissionDeniedError, ValidationError
from kdrt_desk.models import AuditEntry, Setting
from kdrt_desk.scheduling.calendar import CalendarSettings, Closure, IslamicDates
from kdrt_desk.scheduling.calendar_text import parse_settings, settings_text
from kdrt_desk.scheduling.prayer import PrayerSettings
from kdrt_desk.services.actor import Actor
from kdrt_desk.services.calendar import CalendarService
from kdrt_desk.wiring import Services

FLOOD = Closure(date(2027, 1, 11), date(2027, 1, 13), "Banjir di  Kemuning")


def test_the_text_form_reads_back_every_setting() -> None:
    settings = CalendarSettings(
        prayer=PrayerSettings(adjustments={"zuhur": 3}, zuhur_after=30, friday_end=time(13, 30)),
        day_start=time(7, 30), ramadan_day_end=time(14), closures=(FLOOD,),
        islamic=(IslamicDates(date(2027, 3, 10), date(2027, 2, 8)),))
    assert parse_settings(settings_text(settings)) == settings
    assert parse_settings("") == CalendarSettings()
    assert parse_settings("{not json") == CalendarSettings()


def test_a_closure_closes_the_days_of_the_term(admin: Services) -> None:
    saved = admin.calendar.add_closure(FLOOD)
    assert saved.closures[0].reason == "Banjir di Kemuning"  # one line, spaces collapsed
    term = admin.calendar.term(date(2027, 1, 4), date(2027, 1, 29))
    assert term.day(date(2027, 1, 12)).conflict(time(9), time(11)) == "closure"
    assert term.day(date(2027, 1, 14)).conflict(time(9), time(11)) is None
    admin.calendar.remove_closure(saved.closures[0])
    assert admin.calendar.settings().closures == ()


def test_the_confirmed_idul_fitri_replaces_the_estimate(admin: Services) -> None:
    estimated = admin.calendar.term(date(2027, 1, 4), date(2027, 3, 31))
    fitri = next(h.day for h in estimated.holidays if h.is_idul_fitri and h.day.year == 2027)
    confirmed = fitri + timedelta(days=1)
    admin.calendar.confirm_islamic(IslamicDates(confirmed, confirmed - timedelta(days=30)))
    admin.calendar.confirm_islamic(IslamicDates(confirmed, confirmed - timedelta(days=29)))
    assert len(admin.calendar.settings().islamic) == 1  # one per year, the last one kept
    term = admin.calendar.term(date(2027, 1, 4), date(2027, 3, 31))
    period = next(r for r in term.ramadan if r.end.year == 2027)
    assert not period.estimated and period.start == confirmed - timedelta(days=29)
    assert term.day(confirmed).closed


def test_changes_are_audited_by_field(admin: Services) -> None:
    admin.calendar.add_closure(FLOOD)
    admin.calendar.save(replace(admin.calendar.settings(), ramadan_day_end=time(14, 30)))
    admin.calendar.save(admin.calendar.settings())  # nothing changed: no entry
    with admin.vault.db.reading() as session:
        details = [json.loads(d) for d in session.scalars(select(AuditEntry.details).where(
            AuditEntry.action == "calendar_changed").order_by(AuditEntry.id))]
        stored = session.scalar(select(Setting.value).where(Setting.key == "calendar"))
    assert details == [{"fields": ["closures"]}, {"fields": ["ramadan_day_end"]}]
    assert stored is not None and "Banjir" in stored


@pytest.mark.parametrize(("closure", "key"), [
    (Closure(date(2027, 1, 1), date(2027, 1, 2), "Banjir\x07"), "error.control_character"),
    (Closure(date(2027, 1, 1), date(2027, 1, 2), "x" * 121), "error.too_long"),
])
def test_a_bad_closure_reason_is_refused(admin: Services, closure: Closure, key: str) -> None:
    with pytest.raises(ValidationError) as caught:
        admin.calendar.add_closure(closure)
    assert key in [e.key for e in caught.value.errors]
    assert admin.calendar.settings().closures == ()


def test_staff_read_the_calendar_and_a_facilitator_cannot_change_it(
        admin: Services, vault: VaultFixture) -> None:
    admin.calendar.add_closure(FLOOD)
    for role in (Role.STAF, Role.FASILITATOR):
        service = CalendarService(admin.vault.db, Actor(99, f"{role.value}9", role))
        assert service.settings().closures[0].start == FLOOD.start
    facilitator = CalendarService(admin.vault.db, Actor(98, "fasilitator9", Role.FASILITATOR))
    with pytest.raises(PermissionDeniedError):
        facilitator.add_closure(Closure(date(2027, 2, 1), date(2027, 2, 1), "Rapat"))
