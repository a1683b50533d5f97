"""The daily reminder list as plain data: who has a session on a date (or had one there that
was cancelled or moved), how she may be reached, and the neutral text to send her."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from enum import StrEnum


class ReminderKind(StrEnum):
    REMINDER = "reminder"  # she has a session that day
    CANCELLED = "cancelled"  # the session that day will not take place
    MOVED = "moved"  # the session that day moved to another date


class ContactWay(StrEnum):
    PHONE = "phone"  # a message or call to her own number
    IN_PERSON = "in_person"  # no number may be used: tell her in person or via her contact


@dataclass(frozen=True)
class ReminderTemplates:
    """Neutral texts (they name no programme, centre or topic: an abuser may read her phone).
    Placeholders: ``{jam}`` the start time, ``{hari}`` the weekday, ``{tanggal}`` the date."""

    reminder: str = "Ibu, jangan lupa besok jam {jam} di tempat biasa."
    cancelled: str = "Ibu, besok tidak jadi. Nanti dikabari lagi."
    moved: str = "Ibu, besok tidak jadi. Diganti {hari} {tanggal} jam {jam} di tempat biasa."


@dataclass(frozen=True)
class ReminderRow:
    participant_id: int
    code: str
    name: str  # her preferred name where there is one (for the staff member's eyes only)
    session_id: int
    group_name: str
    day: date  # the session's date (for a moved one: its new date)
    start: time
    end: time
    kind: ReminderKind
    way: ContactWay
    phone: str  # display form; "" whenever the way is in person
    call_times: str  # when she is safe to call ("" : any time)
    never_at_home: bool
    trusted_contact: str  # her trusted contact's name, when a message must go through her
    message: str
    whatsapp_url: str  # whatsapp://send?... for the desktop app; "" when in person
