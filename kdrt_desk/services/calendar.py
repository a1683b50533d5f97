"""The centre's calendar settings (the day's hours, the Ramadan day, prayer-window minutes, its
own closures, the confirmed Ramadan and Idul Fitri dates) and the term calendar built from them.
Everyone who plans reads them; the admin and whoever manages the programme change them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from kdrt_desk import i18n
from kdrt_desk.db.session import Database
from kdrt_desk.domain.text import reject_control_characters
from kdrt_desk.errors import UserError, ValidationError
from kdrt_desk.models import Setting
from kdrt_desk.scheduling.calendar import CalendarSettings, Closure, IslamicDates, TermCalendar
from kdrt_desk.scheduling.calendar_text import parse_settings, settings_text
from kdrt_desk.security.permissions import Permission
from kdrt_desk.services import audit_log
from kdrt_desk.services.actor import Actor

KEY = "calendar"
REASON_LIMIT = 120
MAX_CLOSURES = 200


class CalendarService:
    def __init__(self, db: Database, actor: Actor) -> None:
        self.db = db
        self.actor = actor

    def settings(self) -> CalendarSettings:
        self.actor.require(Permission.VIEW_PROGRAMME)
        with self.db.reading() as session:
            row = session.get(Setting, KEY)
            return parse_settings(row.value if row is not None else "")

    def term(self, start: date, end: date) -> TermCalendar:
        """The days from ``start`` to ``end`` with holidays, closures, Ramadan and prayer
        windows, names in the UI language."""
        return TermCalendar(start, end, self.settings(), i18n.language())

    def save(self, settings: CalendarSettings) -> CalendarSettings:
        """Store the settings (they were checked when made); closures' reasons are checked
        here: one line, no control characters, at most 120 characters."""
        self.actor.require(Permission.MANAGE_PROGRAMME)
        closures = tuple(replace(c, reason=" ".join(c.reason.split()))
                         for c in sorted(settings.closures, key=lambda c: (c.start, c.end)))
        problems: list[UserError] = []
        for closure in settings.closures:
            problems += reject_control_characters("closures", closure.reason)
            if len(closure.reason) > REASON_LIMIT:
                problems.append(UserError("error.too_long", field="closures",
                                          limit=REASON_LIMIT))
        if len(closures) > MAX_CLOSURES:
            problems.append(UserError("error.calendar.too_many_closures", field="closures",
                                      limit=MAX_CLOSURES))
        if len({d.idul_fitri.year for d in settings.islamic}) != len(settings.islamic):
            problems.append(UserError("error.calendar.islamic_twice", field="islamic"))
        if problems:
            raise ValidationError(problems)
        clean = replace(settings, closures=closures,
                        islamic=tuple(sorted(settings.islamic, key=lambda d: d.idul_fitri)))
        text = settings_text(clean)
        with self.db.transaction() as session:
            row = session.get(Setting, KEY)
            before = parse_settings(row.value if row is not None else "")
            if row is None:
                session.add(Setting(key=KEY, value=text))
            elif row.value != text:
                row.value = text
            else:
                return clean
            changed = sorted(f for f in ("day_start", "day_end", "ramadan_day_end", "weekdays",
                                         "ramadan_cooking_free", "closures", "islamic", "prayer")
                             if getattr(before, f) != getattr(clean, f))
            audit_log.append(session, self.actor.username, "calendar_changed",
                             details={"fields": changed})
        return clean

    def add_closure(self, closure: Closure) -> CalendarSettings:
        current = self.settings()
        return self.save(replace(current, closures=(*current.closures, closure)))

    def remove_closure(self, closure: Closure) -> CalendarSettings:
        current = self.settings()
        return self.save(replace(current, closures=tuple(
            c for c in current.closures if c != closure)))

    def confirm_islamic(self, dates: IslamicDates) -> CalendarSettings:
        """The year's Idul Fitri (and Ramadan start) as announced, replacing the estimate."""
        current = self.settings()
        kept = tuple(d for d in current.islamic if d.idul_fitri.year != dates.idul_fitri.year)
        return self.save(replace(current, islamic=(*kept, dates)))
