"""When facilitators can come and venues are open, on a real vault: stored and read back,
checked with messages that name the weekday, and the stored text form."""

from __future__ import annotations

from datetime import date, time

import pytest

from kdrt_desk import i18n
from kdrt_desk.domain.availability import Hours, dates_text, hours_text, parse_dates, parse_hours
from kdrt_desk.domain.training import FacilitatorInput, VenueFeature, VenueInput
from kdrt_desk.errors import ValidationError
from kdrt_desk.wiring import Services

TUESDAY_THURSDAY = {1: Hours(time(8), time(13)), 3: Hours(time(13), time(17))}


def test_the_text_forms_read_back() -> None:
    assert parse_hours(hours_text(TUESDAY_THURSDAY)) == TUESDAY_THURSDAY
    assert hours_text({}) == "" and parse_hours("") == {}
    days = {date(2026, 12, 24), date(2026, 12, 1)}
    assert parse_dates(dates_text(days)) == days
    assert dates_text([]) == "" and parse_dates("") == set()


def test_a_facilitator_s_days_hours_dates_and_limits_are_kept(admin: Services) -> None:
    saved = admin.catalogue.save_facilitator(FacilitatorInput(
        name="Ibu Yuliana", hours=TUESDAY_THURSDAY, away_on={date(2026, 12, 10)},
        max_per_day=2, max_per_week=4))
    again = next(f for f in admin.catalogue.facilitators() if f.id == saved.id)
    assert again.hours == TUESDAY_THURSDAY
    assert again.away_on == {date(2026, 12, 10)}
    assert (again.max_per_day, again.max_per_week) == (2, 4)
    plain = admin.catalogue.save_facilitator(FacilitatorInput(name="Pak Anwar"))
    assert (plain.hours, plain.away_on, plain.max_per_day) == ({}, set(), None)


def test_a_venue_s_opening_hours_and_closed_dates_are_kept(admin: Services) -> None:
    saved = admin.catalogue.save_venue(VenueInput(
        name="Balai Kelurahan 20 Ilir", kecamatan="Kemuning", capacity=25,
        features={VenueFeature.KITCHEN}, hours={0: Hours(time(8), time(15))},
        closed_on={date(2026, 12, 31)}))
    again = next(v for v in admin.catalogue.venues() if v.id == saved.id)
    assert again.hours == {0: Hours(time(8), time(15))}
    assert again.closed_on == {date(2026, 12, 31)}


@pytest.mark.parametrize(("changes", "field", "key"), [
    ({"hours": {2: Hours(time(14), time(9))}}, "hours", "error.availability.hours_order"),
    ({"hours": {9: Hours(time(8), time(9))}}, "hours", "error.availability.weekday"),
    ({"max_per_day": 0}, "max_per_day", "error.number_range"),
    ({"max_per_week": 99}, "max_per_week", "error.number_range"),
    ({"max_per_day": 3, "max_per_week": 2}, "max_per_week", "error.availability.week_below_day"),
    ({"away_on": {date(2026, 1, 1).fromordinal(739000 + i) for i in range(400)}}, "away_on",
     "error.availability.too_many_dates"),
])
def test_a_wrong_availability_is_refused_naming_the_field(
        admin: Services, changes: dict[str, object], field: str, key: str) -> None:
    with pytest.raises(ValidationError) as caught:
        admin.catalogue.save_facilitator(FacilitatorInput(name="Ibu Salah", **changes))  # type: ignore[arg-type]
    assert [(e.field, e.key) for e in caught.value.errors] == [(field, key)]
    assert admin.catalogue.facilitators() == []


def test_the_message_names_the_weekday_in_the_language_shown(admin: Services) -> None:
    with pytest.raises(ValidationError) as caught:
        admin.catalogue.save_venue(VenueInput(name="Aula", capacity=10,
                                              hours={2: Hours(time(14), time(9))}))
    error = caught.value.errors[0]
    assert error.message == "Rabu: jam selesai harus setelah jam mulai."
    i18n.set_language("en")
    try:
        assert error.message == "Wednesday: the end must be after the start."
    finally:
        i18n.set_language("id")
