"""The centre's calendar for a term: which days are closed (public holidays, cuti bersama, the
centre's own closures), which fall in Ramadan, and which clock times each day keeps free
(prayer windows, the day's hours, and in Ramadan no cooking at midday).

The admin's corrections come in through ``CalendarSettings``: local closures, and for a year the
confirmed (or shifted) start of Ramadan and date of Idul Fitri, which replace the estimate.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, time, timedelta

from kdrt_desk.errors import UserError, ValidationError
from kdrt_desk.scheduling.prayer import PrayerSettings, prayer_windows
from kdrt_desk.scheduling.public_holidays import Holiday, national_holidays
from kdrt_desk.scheduling.windows import TimeWindow

MAX_TERM_DAYS = 3 * 366  # a term longer than three years is a typing error, not a plan
RAMADAN_DAYS = 30  # the estimate: Ramadan is the 30 days before Idul Fitri (29 or 30 in fact)


@dataclass(frozen=True)
class Closure:
    """Days the centre is shut for its own reasons (a flood, a staff retreat)."""

    start: date
    end: date
    reason: str

    def covers(self, day: date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True)
class IslamicDates:
    """The admin's confirmed dates for one Gregorian year (from the Kemenag sidang isbat)."""

    idul_fitri: date
    ramadan_start: date | None = None  # None: still the estimate of 30 days before


@dataclass(frozen=True)
class RamadanPeriod:
    start: date
    end: date  # the last day of fasting, the day before Idul Fitri
    estimated: bool

    def covers(self, day: date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True)
class CalendarSettings:
    """The day's hours and the admin's corrections to the national calendar."""

    prayer: PrayerSettings = field(default_factory=PrayerSettings)
    day_start: time = time(8, 0)
    day_end: time = time(17, 0)
    ramadan_day_end: time = time(15, 0)  # a shorter day while the women fast
    ramadan_cooking_free: tuple[time, time] = (time(11, 0), time(15, 0))
    closures: tuple[Closure, ...] = ()
    islamic: tuple[IslamicDates, ...] = ()
    weekdays: tuple[int, ...] = (0, 1, 2, 3, 4, 5)  # the centre's days: Monday to Saturday

    def __post_init__(self) -> None:
        errors = []
        if not self.weekdays or any(not 0 <= d <= 6 for d in self.weekdays):
            errors.append(UserError("error.calendar.weekdays", field="weekdays"))
        if self.day_end <= self.day_start:
            errors.append(UserError("error.calendar.day_hours", field="day_end"))
        if not self.day_start < self.ramadan_day_end <= self.day_end:
            errors.append(UserError("error.calendar.ramadan_end", field="ramadan_day_end"))
        for closure in self.closures:
            if closure.end < closure.start:
                errors.append(UserError("error.calendar.closure_order", field="closures",
                                        start=closure.start.isoformat(),
                                        end=closure.end.isoformat()))
        for dates in self.islamic:
            start = dates.ramadan_start
            if start is not None and not 28 <= (dates.idul_fitri - start).days <= 31:
                errors.append(UserError("error.calendar.ramadan_length", field="islamic",
                                        start=start.isoformat(),
                                        end=dates.idul_fitri.isoformat()))
        if errors:
            raise ValidationError(errors)


@dataclass(frozen=True)
class DayPlan:
    """One date of the term as the scheduler and the calendar view see it."""

    day: date
    holidays: tuple[Holiday, ...]
    closures: tuple[Closure, ...]
    ramadan: RamadanPeriod | None
    open_day: bool  # one of the centre's weekdays
    opens: time
    closes: time
    blocked: tuple[TimeWindow, ...]  # prayer windows, clock order
    cooking_blocked: tuple[TimeWindow, ...]  # extra for a session that cooks (Ramadan midday)

    @property
    def closed(self) -> bool:
        return bool(self.holidays or self.closures) or not self.open_day

    def conflict(self, start: time, end: time, cooking: bool = False) -> str | None:
        """Why a session from ``start`` to ``end`` cannot be held this day (a catalogue key
        under ``calendar.window.``), or None when it can."""
        if self.holidays:
            return "holiday"
        if self.closures:
            return "closure"
        if not self.open_day:
            return "closed_weekday"
        if start < self.opens or end > self.closes:
            return "ramadan_hours" if self.ramadan else "day_hours"
        for window in self.blocked + (self.cooking_blocked if cooking else ()):
            if window.overlaps(start, end):
                return window.reason
        return None


class TermCalendar:
    """The days from ``start`` to ``end`` (both included) with everything that shapes them."""

    def __init__(self, start: date, end: date, settings: CalendarSettings | None = None,
                 lang: str = "id") -> None:
        check_term(start, end)
        self.start, self.end = start, end
        self.settings = settings or CalendarSettings()
        years = range(start.year, end.year + 2)  # Idul Fitri next January ends a December fast
        self.holidays = shifted_holidays(national_holidays(years, lang), self.settings)
        self.ramadan = ramadan_periods(self.holidays, self.settings, years)
        self._days: dict[date, DayPlan] = {}

    def day(self, day: date) -> DayPlan:
        if day not in self._days:
            self._days[day] = self._plan(day)
        return self._days[day]

    def days(self) -> list[DayPlan]:
        count = (self.end - self.start).days + 1
        return [self.day(self.start + timedelta(days=i)) for i in range(count)]

    def _plan(self, day: date) -> DayPlan:
        s = self.settings
        fasting = next((r for r in self.ramadan if r.covers(day)), None)
        cooking = (TimeWindow(*s.ramadan_cooking_free, "ramadan_cooking"),) if fasting else ()
        return DayPlan(day, tuple(h for h in self.holidays if h.day == day),
                       tuple(c for c in s.closures if c.covers(day)), fasting,
                       day.weekday() in s.weekdays, s.day_start,
                       s.ramadan_day_end if fasting else s.day_end,
                       tuple(prayer_windows(day, s.prayer)), cooking)


def check_term(start: date, end: date) -> None:
    if end < start:
        raise ValidationError([UserError("error.calendar.term_order", field="end",
                                         start=start.isoformat(), end=end.isoformat())])
    if (end - start).days > MAX_TERM_DAYS:
        raise ValidationError([UserError("error.calendar.term_too_long", field="end")])


def shifted_holidays(found: list[Holiday], settings: CalendarSettings) -> list[Holiday]:
    """The estimated Idul Fitri days of a year moved to the admin's confirmed date."""
    confirmed = {d.idul_fitri.year: d.idul_fitri for d in settings.islamic}
    estimates = {h.day.year: h.day for h in found if h.is_idul_fitri and h.estimated}
    moves = {year: confirmed[year] - day for year, day in estimates.items() if year in confirmed}
    if not moves:
        return found
    moved = [replace(h, day=h.day + moves[h.day.year], estimated=False,
                     name=_unmarked(h.name), english=_unmarked(h.english))
             if h.estimated and h.day.year in moves and "Eid al-Fitr" in h.english else h
             for h in found]
    return sorted(moved, key=lambda h: (h.day, h.kind.value, h.name))


def _unmarked(name: str) -> str:
    """A confirmed holiday's name without the "(estimated)" the tables give a computed one."""
    return " ".join(name.replace("(perkiraan)", "").replace("(estimated)", "").split())


def ramadan_periods(found: list[Holiday], settings: CalendarSettings,
                    years: range) -> list[RamadanPeriod]:
    """Each Ramadan that ends in ``years``: the admin's dates, else 30 days before Idul Fitri
    (always marked estimated until she confirms the start)."""
    confirmed = {d.idul_fitri.year: d for d in settings.islamic}
    periods = []
    for year in years:
        if year in confirmed:
            dates = confirmed[year]
            start = dates.ramadan_start or dates.idul_fitri - timedelta(days=RAMADAN_DAYS)
            periods.append(RamadanPeriod(start, dates.idul_fitri - timedelta(days=1),
                                         dates.ramadan_start is None))
            continue
        fitri = next((h.day for h in found if h.is_idul_fitri and h.day.year == year), None)
        if fitri is not None:
            periods.append(RamadanPeriod(fitri - timedelta(days=RAMADAN_DAYS),
                                         fitri - timedelta(days=1), True))
    return periods
