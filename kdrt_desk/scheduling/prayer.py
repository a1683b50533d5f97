"""Prayer times for Palembang per date, offline (adhanpy), by the Kemenag convention, and the
windows around them that a session keeps free.

Kemenag RI: Subuh at the sun 20° below the horizon, Isya at 18°, Asar by the Syafi'i shadow rule,
and 2 minutes of *ihtiyat* (a safety margin) added to every time. Zuhur moves between about 11:46
and 12:17 over a year and Asar between 14:53 and 15:39, so the windows are computed per date.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from kdrt_desk.scheduling.windows import TimeWindow, shifted

TIME_ZONE = "Asia/Jakarta"  # WIB, UTC+7: Palembang's time zone, without daylight saving
PALEMBANG = (-2.9909, 104.7566)  # latitude, longitude of the city centre (Masjid Agung)
PRAYERS = ("subuh", "terbit", "zuhur", "asar", "magrib", "isya")
_ADHANPY_NAMES = ("fajr", "sunrise", "dhuhr", "asr", "maghrib", "isha")
FRIDAY = 4


def kemenag_adjustments() -> dict[str, int]:
    """Minutes added to each computed time: 2 minutes of ihtiyat, none to sunrise."""
    return {name: (0 if name == "terbit" else 2) for name in PRAYERS}


@dataclass(frozen=True)
class PrayerSettings:
    """How prayer times are computed and which windows around them stay free (minutes)."""

    latitude: float = PALEMBANG[0]
    longitude: float = PALEMBANG[1]
    fajr_angle: float = 20.0
    isha_angle: float = 18.0
    adjustments: dict[str, int] = field(default_factory=kemenag_adjustments)
    zuhur_after: int = 20
    asar_after: int = 20
    magrib_before: int = 15
    magrib_after: int = 20
    friday_start: time = time(11, 30)  # Friday prayers: the men of the family are at the mosque
    friday_end: time = time(13, 0)

    def __post_init__(self) -> None:
        if not -90 <= self.latitude <= 90 or not -180 <= self.longitude <= 180:
            raise ValueError("latitude or longitude out of range")
        if not 10 <= self.fajr_angle <= 25 or not 10 <= self.isha_angle <= 25:
            raise ValueError("twilight angle out of range")
        minutes = (self.zuhur_after, self.asar_after, self.magrib_before, self.magrib_after,
                   *self.adjustments.values())
        if any(not -120 <= m <= 120 for m in minutes) or set(self.adjustments) - set(PRAYERS):
            raise ValueError("prayer window minutes out of range")
        if self.friday_end < self.friday_start:
            raise ValueError("Friday window ends before it starts")


@dataclass(frozen=True)
class PrayerDay:
    """The six times of one date, local clock time in Palembang."""

    day: date
    subuh: time
    terbit: time
    zuhur: time
    asar: time
    magrib: time
    isya: time

    def times(self) -> list[tuple[str, time]]:
        return [(name, getattr(self, name)) for name in PRAYERS]


def prayer_day(day: date, settings: PrayerSettings | None = None) -> PrayerDay:
    """Prayer times of ``day`` in Palembang (or where ``settings`` put the centre)."""
    from adhanpy.calculation.CalculationParameters import CalculationParameters
    from adhanpy.calculation.PrayerAdjustments import PrayerAdjustments
    from adhanpy.PrayerTimes import PrayerTimes

    s = settings or PrayerSettings()
    minutes = {**{name: 0 for name in PRAYERS}, **s.adjustments}
    parameters = CalculationParameters(
        fajr_angle=s.fajr_angle, isha_angle=s.isha_angle,
        adjustments=PrayerAdjustments(*(minutes[name] for name in PRAYERS)))
    zone = ZoneInfo(TIME_ZONE)
    computed = PrayerTimes((s.latitude, s.longitude), datetime(day.year, day.month, day.day),
                           calculation_parameters=parameters, time_zone=zone)
    local = [getattr(computed, name).astimezone(zone).time().replace(second=0, microsecond=0)
             for name in _ADHANPY_NAMES]
    return PrayerDay(day, *local)


def prayer_windows(day: date, settings: PrayerSettings | None = None) -> list[TimeWindow]:
    """What a session on ``day`` keeps free during office hours: from the adhan of Zuhur and
    Asar to some minutes after it, around Magrib, and Friday midday; in clock order."""
    s = settings or PrayerSettings()
    times = prayer_day(day, s)
    windows = [TimeWindow(times.zuhur, shifted(times.zuhur, s.zuhur_after), "zuhur"),
               TimeWindow(times.asar, shifted(times.asar, s.asar_after), "asar"),
               TimeWindow(shifted(times.magrib, -s.magrib_before),
                          shifted(times.magrib, s.magrib_after), "magrib")]
    if day.weekday() == FRIDAY:
        windows.append(TimeWindow(s.friday_start, s.friday_end, "jumat"))
    return sorted(windows, key=lambda w: (w.start, w.end))
