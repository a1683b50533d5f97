"""A facilitator's (or a staff member's) sessions as an iCalendar file for her phone or mail
calendar: one VEVENT per session, times in Asia/Jakarta with its VTIMEZONE, no repeat rules.

Each session's UID is ``session-<id>@<vault id prefix>.kdrt-desk``: stable across exports and
free of names, so importing a newer file updates the events already there, and a cancelled
session comes back as the same event with ``STATUS:CANCELLED``. No participant's name is ever
in a ``Schedule``, so none can reach the file.
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from kdrt_desk.i18n import format_date
from kdrt_desk.reports.schedule_data import Schedule, ScheduleRow
from kdrt_desk.reports.schedule_pdf import language, text

TZID = "Asia/Jakarta"  # WIB: Palembang's time, UTC+7 all year
# SEQUENCE grows with the export time (minutes since this moment), so a client that keeps the
# event with the higher sequence takes the newer export's version of every session
_SEQUENCE_EPOCH = datetime(2026, 1, 1, tzinfo=UTC)


def uid_for(session_id: int, domain: str) -> str:
    return f"session-{session_id}@{domain}"


def _one_line(value: str) -> str:
    return " ".join(value.split())


def _event(row: ScheduleRow, domain: str, stamp: datetime, sequence: int, lang: str) -> Event:
    zone = ZoneInfo(TZID)
    event = Event()
    event.add("uid", uid_for(row.session_id, domain))
    event.add("dtstamp", stamp)
    event.add("dtstart", datetime.combine(row.day, row.start, tzinfo=zone))
    event.add("dtend", datetime.combine(row.day, row.end, tzinfo=zone))
    event.add("sequence", sequence)
    event.add("summary", _one_line(f"{row.module} · {row.group}"))
    location = ", ".join(_one_line(p) for p in (row.venue, row.venue_address) if p.strip())
    if location:
        event.add("location", location)
    lines = [text(lang, "schedule.out.ics.group", group=_one_line(row.group))]
    if row.topic.strip():
        lines.append(text(lang, "schedule.out.ics.topic", topic=_one_line(row.topic)))
    if row.moved_from is not None:
        lines.append(text(lang, "schedule.out.ics.moved", date=format_date(row.moved_from,
                                                                            lang)))
    event.add("description", "\n".join(lines))
    event.add("status", "CANCELLED" if row.cancelled else "CONFIRMED")
    event.add("transp", "TRANSPARENT" if row.cancelled else "OPAQUE")
    return event


def build_schedule_ics(schedule: Schedule, domain: str, lang: str | None = None,
                       now: datetime | None = None) -> bytes:
    """The calendar file's bytes; ``domain`` is the UIDs' right-hand side (e.g.
    ``1a2b3c4d.kdrt-desk``), ``now`` the export time (DTSTAMP and SEQUENCE)."""
    chosen = language(lang)
    stamp = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    sequence = max(0, int((stamp - _SEQUENCE_EPOCH).total_seconds() // 60))
    calendar = Calendar()
    calendar.add("prodid", "-//Jadwal Pelatihan//ID")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", text(chosen, "schedule.out.ics.name",
                                      name=_one_line(schedule.subject)))
    calendar.add("x-wr-timezone", TZID)
    for row in schedule.rows:
        calendar.add_component(_event(row, domain, stamp, sequence, chosen))
    calendar.add_missing_timezones()
    return bytes(calendar.to_ical())
