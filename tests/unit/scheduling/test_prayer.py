"""Prayer times for Palembang by the Kemenag convention, and the windows a session keeps free."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest

from kdrt_desk.scheduling.prayer import PrayerSettings, prayer_day, prayer_windows
from kdrt_desk.scheduling.windows import TimeWindow, first_overlap, shifted


def test_palembang_on_27_november_2026_matches_the_kemenag_timetable() -> None:
    times = prayer_day(date(2026, 11, 27))
    assert [c.strftime("%H:%M") for _, c in times.times()] == [
        "04:19", "05:40", "11:50", "15:15", "17:59", "19:13"]


def test_zuhur_and_asar_move_over_a_year_so_windows_are_per_date() -> None:
    days = [prayer_day(date(2027, 1, 1) + timedelta(days=i)) for i in range(365)]
    zuhur = sorted(d.zuhur for d in days)
    asar = sorted(d.asar for d in days)
    assert time(11, 45) <= zuhur[0] <= time(11, 48) and time(12, 15) <= zuhur[-1] <= time(12, 19)
    assert time(14, 51) <= asar[0] <= time(14, 55) and time(15, 37) <= asar[-1] <= time(15, 41)
    for d in days:  # the order of the day never breaks
        clocks = [c for _, c in d.times()]
        assert clocks == sorted(clocks) and len(set(clocks)) == 6


def test_the_ihtiyat_minutes_and_angles_are_settings() -> None:
    day = date(2026, 11, 27)
    plain = prayer_day(day, PrayerSettings(adjustments={}))
    assert plain.zuhur == time(11, 48) and plain.subuh == time(4, 17)
    later = prayer_day(day, PrayerSettings(adjustments={"zuhur": 7}))
    assert later.zuhur == time(11, 55) and later.asar == time(15, 13)
    steeper = prayer_day(day, PrayerSettings(fajr_angle=18.0))
    assert steeper.subuh > prayer_day(day).subuh


def test_windows_cover_zuhur_asar_and_magrib_and_friday_midday() -> None:
    thursday, friday = date(2026, 11, 26), date(2026, 11, 27)
    times = prayer_day(friday)
    windows = prayer_windows(friday)
    assert [w.reason for w in windows] == ["jumat", "zuhur", "asar", "magrib"]
    by_reason = {w.reason: w for w in windows}
    assert by_reason["zuhur"] == TimeWindow(times.zuhur, shifted(times.zuhur, 20), "zuhur")
    assert by_reason["asar"].start == times.asar and by_reason["asar"].end == time(15, 35)
    assert by_reason["magrib"] == TimeWindow(time(17, 44), time(18, 19), "magrib")
    assert by_reason["jumat"] == TimeWindow(time(11, 30), time(13, 0), "jumat")
    assert "jumat" not in [w.reason for w in prayer_windows(thursday)]


def test_window_minutes_are_settings() -> None:
    day = date(2026, 11, 26)
    wide = prayer_windows(day, PrayerSettings(zuhur_after=45, magrib_before=30))
    times = prayer_day(day)
    assert wide[0] == TimeWindow(times.zuhur, shifted(times.zuhur, 45), "zuhur")
    assert wide[-1].start == shifted(times.magrib, -30)


def test_overlap_is_any_shared_minute_and_touching_is_fine() -> None:
    window = TimeWindow(time(11, 50), time(12, 10), "zuhur")
    assert window.overlaps(time(9), time(11, 51))
    assert window.overlaps(time(12), time(12, 5))
    assert not window.overlaps(time(9), time(11, 50))
    assert not window.overlaps(time(12, 10), time(14))
    assert first_overlap([window], time(13), time(15)) is None
    assert first_overlap([window], time(11), time(13)) == window


def test_shifting_a_clock_stays_within_the_day() -> None:
    assert shifted(time(23, 50), 20) == time(23, 59)
    assert shifted(time(0, 10), -20) == time(0, 0)
    assert shifted(time(17, 59), -15) == time(17, 44)


@pytest.mark.parametrize("settings", [
    {"latitude": 91.0}, {"fajr_angle": 40.0}, {"zuhur_after": 500},
    {"adjustments": {"dhuha": 2}}, {"friday_start": time(13), "friday_end": time(11)},
])
def test_impossible_settings_are_refused(settings: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        PrayerSettings(**settings)  # type: ignore[arg-type]
