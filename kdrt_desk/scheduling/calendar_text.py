"""The calendar settings in the text form they are stored in (one JSON value in ``setting``),
and back; a stored value that no longer reads gives the defaults (logged, never a crash)."""

from __future__ import annotations

import json
import logging
from datetime import date, time
from typing import Any

from kdrt_desk.errors import UserError
from kdrt_desk.scheduling.calendar import CalendarSettings, Closure, IslamicDates
from kdrt_desk.scheduling.prayer import PrayerSettings

log = logging.getLogger(__name__)


def _clock(value: time) -> str:
    return value.strftime("%H:%M")


def settings_text(s: CalendarSettings) -> str:
    p = s.prayer
    return json.dumps({
        "day": [_clock(s.day_start), _clock(s.day_end)],
        "ramadan_day_end": _clock(s.ramadan_day_end),
        "weekdays": list(s.weekdays),
        "ramadan_cooking_free": [_clock(c) for c in s.ramadan_cooking_free],
        "closures": [[c.start.isoformat(), c.end.isoformat(), c.reason] for c in s.closures],
        "islamic": [[d.idul_fitri.isoformat(),
                     d.ramadan_start.isoformat() if d.ramadan_start else None]
                    for d in s.islamic],
        "prayer": {"adjustments": dict(p.adjustments), "zuhur_after": p.zuhur_after,
                   "asar_after": p.asar_after, "magrib_before": p.magrib_before,
                   "magrib_after": p.magrib_after,
                   "friday": [_clock(p.friday_start), _clock(p.friday_end)]},
    }, separators=(",", ":"), ensure_ascii=False)


def _prayer(data: dict[str, Any]) -> PrayerSettings:
    friday = data.get("friday", ["11:30", "13:00"])
    return PrayerSettings(
        adjustments={str(k): int(v) for k, v in data.get("adjustments", {}).items()},
        zuhur_after=int(data.get("zuhur_after", 20)), asar_after=int(data.get("asar_after", 20)),
        magrib_before=int(data.get("magrib_before", 15)),
        magrib_after=int(data.get("magrib_after", 20)),
        friday_start=time.fromisoformat(friday[0]), friday_end=time.fromisoformat(friday[1]))


def parse_settings(text: str) -> CalendarSettings:
    if not text:
        return CalendarSettings()
    try:
        data = json.loads(text)
        day = data["day"]
        cooking = data["ramadan_cooking_free"]
        return CalendarSettings(
            prayer=_prayer(data.get("prayer", {})),
            day_start=time.fromisoformat(day[0]), day_end=time.fromisoformat(day[1]),
            ramadan_day_end=time.fromisoformat(data["ramadan_day_end"]),
            weekdays=tuple(int(d) for d in data.get("weekdays", (0, 1, 2, 3, 4, 5))),
            ramadan_cooking_free=(time.fromisoformat(cooking[0]), time.fromisoformat(cooking[1])),
            closures=tuple(Closure(date.fromisoformat(a), date.fromisoformat(b), str(r))
                           for a, b, r in data.get("closures", [])),
            islamic=tuple(IslamicDates(date.fromisoformat(f),
                                       date.fromisoformat(r) if r else None)
                          for f, r in data.get("islamic", [])))
    except (ValueError, TypeError, KeyError, IndexError, UserError) as exc:
        log.warning("the stored calendar settings do not read (%s); using the defaults",
                    type(exc).__name__)
        return CalendarSettings()
