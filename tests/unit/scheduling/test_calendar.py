"""The term calendar: holidays and cuti bersama with names, Ramadan (estimated until the admin
confirms it), the centre's closures, and which clock times each day keeps free."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest

from kdrt_desk import i18n
from kdrt_desk.errors import ValidationError
from kdrt_desk.i18n.catalog import MESSAGES
from kdrt_desk.scheduling.calendar import (
    CalendarSettings,
    Closure,
    IslamicDates,
    TermCalendar,
)
from kdrt_desk.scheduling.prayer import prayer_windows
from kdrt_desk.scheduling.public_holidays import HolidayKind, national_holidays


def test_2026_has_its_public_holidays_and_cuti_bersama_with_indonesian_names() -> None:
    found = {(h.day, h.kind): h for h in national_holidays([2026], "id")}
    independence = found[(date(2026, 8, 17), HolidayKind.PUBLIC)]
    assert independence.name == "Hari Kemerdekaan Republik Indonesia"
    assert not independence.estimated
    joint = found[(date(2026, 12, 24), HolidayKind.JOINT_LEAVE)]
    assert "Cuti Bersama" in joint.name
    assert all(h.day.year == 2026 for h in found.values())


def test_english_names_when_english_is_chosen() -> None:
    names = {h.day: h.name for h in national_holidays([2026], "en")}
    assert names[date(2026, 8, 17)] == "Independence Day"


def test_future_islamic_dates_are_marked_estimated() -> None:
    found = national_holidays([2027], "id")
    fitri = [h for h in found if h.is_idul_fitri]
    assert len(fitri) == 1 and fitri[0].estimated and "perkiraan" in fitri[0].name
    assert not next(h for h in found if h.day == date(2027, 8, 17)).estimated


def test_ramadan_is_the_30_days_before_idul_fitri_and_estimated() -> None:
    calendar = TermCalendar(date(2027, 1, 4), date(2027, 3, 31))
    fitri = next(h.day for h in calendar.holidays if h.is_idul_fitri)
    period = next(r for r in calendar.ramadan if r.covers(fitri - timedelta(days=1)))
    assert period.estimated
    assert period.end == fitri - timedelta(days=1)
    assert (fitri - period.start).days == 30
    assert calendar.day(period.start).ramadan == period
    assert calendar.day(period.start - timedelta(days=1)).ramadan is None
    assert calendar.day(fitri).ramadan is None


def test_the_admin_shifts_idul_fitri_and_confirms_ramadan() -> None:
    estimated = next(h.day for h in national_holidays([2027]) if h.is_idul_fitri)
    confirmed = estimated + timedelta(days=1)
    settings = CalendarSettings(islamic=(IslamicDates(confirmed, confirmed - timedelta(days=29)),))
    calendar = TermCalendar(date(2027, 1, 4), date(2027, 3, 31), settings)
    fitri = [h for h in calendar.holidays if h.is_idul_fitri and h.day.year == 2027]
    assert [h.day for h in fitri] == [confirmed] and not fitri[0].estimated
    assert "perkiraan" not in fitri[0].name and "estimated" not in fitri[0].english
    second = next(h for h in calendar.holidays
                  if "Second Day" in h.english and h.day.year == 2027)
    assert second.day == confirmed + timedelta(days=1)
    period = next(r for r in calendar.ramadan if r.covers(confirmed - timedelta(days=1)))
    assert not period.estimated
    assert period.start == confirmed - timedelta(days=29)
    assert calendar.day(confirmed).closed


def test_a_holiday_or_closure_closes_the_day_with_its_reason() -> None:
    closure = Closure(date(2026, 11, 30), date(2026, 12, 2), "Banjir")
    calendar = TermCalendar(date(2026, 11, 23), date(2026, 12, 31),
                            CalendarSettings(closures=(closure,)))
    assert calendar.day(date(2026, 12, 1)).conflict(time(9), time(11)) == "closure"
    assert calendar.day(date(2026, 12, 25)).conflict(time(9), time(11)) == "holiday"
    assert calendar.day(date(2026, 12, 25)).holidays[0].kind is HolidayKind.PUBLIC
    assert calendar.day(date(2026, 12, 3)).conflict(time(9), time(11)) is None
    open_days = [d for d in calendar.days() if not d.closed]
    assert date(2026, 12, 24) not in [d.day for d in open_days]  # cuti bersama
    assert len(calendar.days()) == 39


def test_a_session_may_not_run_into_a_prayer_window_or_past_the_day() -> None:
    friday = date(2026, 11, 27)
    day = TermCalendar(friday, friday).day(friday)
    assert day.conflict(time(9), time(11)) is None
    assert day.conflict(time(11), time(12)) == "jumat"
    assert day.conflict(time(13), time(15, 30)) == "asar"
    assert day.conflict(time(7), time(9)) == "day_hours"
    assert day.conflict(time(16), time(17, 30)) == "day_hours"
    assert list(day.blocked) == prayer_windows(friday)


def test_ramadan_days_are_shorter_and_keep_midday_free_of_cooking() -> None:
    calendar = TermCalendar(date(2027, 2, 15), date(2027, 2, 20))
    tuesday = calendar.day(date(2027, 2, 16))
    assert tuesday.ramadan is not None and tuesday.closes == time(15, 0)
    assert tuesday.conflict(time(14), time(16)) == "ramadan_hours"
    assert tuesday.conflict(time(13), time(14, 30)) is None
    assert tuesday.conflict(time(13), time(14, 30), cooking=True) == "ramadan_cooking"
    assert tuesday.conflict(time(8), time(10), cooking=True) is None


def test_every_free_slot_of_a_year_keeps_clear_of_every_window() -> None:
    calendar = TermCalendar(date(2027, 1, 1), date(2027, 12, 31))
    starts = [time(h, m) for h in range(7, 18) for m in (0, 30)]
    for day in calendar.days():
        for start in starts:
            end = time(start.hour + 1, start.minute) if start.hour < 23 else time(23, 59)
            reason = day.conflict(start, end)
            if reason is None:
                assert not day.closed and day.opens <= start and end <= day.closes
                assert not any(w.overlaps(start, end) for w in day.blocked)
            else:  # every reason can be said to the admin
                assert f"calendar.window.{reason}" in MESSAGES


@pytest.mark.parametrize(("start", "end", "key"), [
    (date(2026, 12, 1), date(2026, 11, 1), "error.calendar.term_order"),
    (date(2026, 1, 1), date(2030, 1, 1), "error.calendar.term_too_long"),
])
def test_an_impossible_term_is_refused_with_a_message(start: date, end: date, key: str) -> None:
    with pytest.raises(ValidationError) as caught:
        TermCalendar(start, end)
    assert [e.key for e in caught.value.errors] == [key]
    assert "calendar" not in caught.value.errors[0].message


@pytest.mark.parametrize(("settings", "key"), [
    ({"day_start": time(17), "day_end": time(8)}, "error.calendar.day_hours"),
    ({"ramadan_day_end": time(18)}, "error.calendar.ramadan_end"),
    ({"closures": (Closure(date(2026, 12, 5), date(2026, 12, 1), "x"),)},
     "error.calendar.closure_order"),
    ({"islamic": (IslamicDates(date(2027, 3, 10), date(2027, 1, 1)),)},
     "error.calendar.ramadan_length"),
])
def test_impossible_calendar_settings_say_what_to_fix(settings: dict[str, object],
                                                      key: str) -> None:
    with pytest.raises(ValidationError) as caught:
        CalendarSettings(**settings)  # type: ignore[arg-type]
    assert key in [e.key for e in caught.value.errors]
    i18n.set_language("en")
    try:
        message = caught.value.errors[0].message
    finally:
        i18n.set_language("id")
    assert message and "{" not in message and "error." not in message


def test_the_centre_is_closed_on_sundays_unless_it_opens_then() -> None:
    sunday = date(2026, 11, 29)
    assert TermCalendar(sunday, sunday).day(sunday).conflict(time(9), time(11)) \
        == "closed_weekday"
    seven_days = CalendarSettings(weekdays=tuple(range(7)))
    assert TermCalendar(sunday, sunday, seven_days).day(sunday).conflict(time(9), time(11)) \
        is None
    with pytest.raises(ValidationError) as caught:
        CalendarSettings(weekdays=())
    assert [e.key for e in caught.value.errors] == ["error.calendar.weekdays"]
