"""Tomorrow's reminder list for staff: who has a session on a date, and how she may be told,
from her consent, "safe to call", safe call times and "never contact at home". A woman who may
not be called is listed "tell her in person / through her trusted contact", never with a
number. The texts are neutral (the admin edits them; a text naming the centre, the programme or
its topic is refused). Copying a text or opening WhatsApp is audited without the text.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict
from datetime import date, time
from urllib.parse import quote

from sqlalchemy import or_, select

from kdrt_desk.db.session import Database
from kdrt_desk.db.values import as_date, as_time
from kdrt_desk.domain.enums import ConsentScope, SafeToCall
from kdrt_desk.domain.phone import format_phone
from kdrt_desk.domain.reminder import ContactWay, ReminderKind, ReminderRow, ReminderTemplates
from kdrt_desk.domain.text import reject_control_characters
from kdrt_desk.domain.training import EnrolmentStatus, SessionStatus
from kdrt_desk.errors import UserError, ValidationError
from kdrt_desk.i18n import format_date, format_time
from kdrt_desk.i18n.catalog import MESSAGES
from kdrt_desk.models import Enrolment, Participant, Setting, TrainingGroup, TrainingSession
from kdrt_desk.security.permissions import Permission
from kdrt_desk.services import audit_log
from kdrt_desk.services.actor import Actor
from kdrt_desk.services.consent import consent_allows

KEY = "reminder_templates"
TEMPLATE_LIMIT = 300
PLACEHOLDERS = {"jam", "hari", "tanggal"}
# words that tell what the sessions are about; a reminder must not carry them
REVEALING = ("kdrt", "kekerasan", "korban", "pelatihan", "pemberdayaan", "konseling",
             "konselor", "rumah aman", "shelter", "pendampingan", "program", "trauma",
             "violence", "survivor", "training", "counsel")
LIVE = (SessionStatus.PLANNED.value, SessionStatus.MOVED.value, SessionStatus.HELD.value)


def _fields(template: str) -> set[str]:
    return set(re.findall(r"{([^{}]*)}", template))


def _usable(template: object) -> bool:
    if not isinstance(template, str) or not template.strip():
        return False
    if _fields(template) - PLACEHOLDERS or template.count("{") != template.count("}"):
        return False
    try:
        template.format(jam="", hari="", tanggal="")
    except (ValueError, KeyError, IndexError):
        return False
    return True


def _hari(day: date) -> str:
    """Her weekday in Indonesian whatever the UI language (the text goes to her)."""
    return MESSAGES[f"calendar.weekday.{day.weekday()}"][0]


class ReminderService:
    def __init__(self, db: Database, actor: Actor) -> None:
        self.db = db
        self.actor = actor

    # -- templates ---------------------------------------------------------------------------
    def templates(self) -> ReminderTemplates:
        self.actor.require(Permission.VIEW_CONTACT)
        with self.db.reading() as session:
            row = session.get(Setting, KEY)
            stored = json.loads(row.value) if row is not None and row.value else {}
        defaults = asdict(ReminderTemplates())
        # a stored text that is not one the app would save (edited outside it) is not used
        return ReminderTemplates(**{k: (str(stored[k]) if _usable(stored.get(k)) else v)
                                    for k, v in defaults.items()})

    def save_templates(self, templates: ReminderTemplates) -> ReminderTemplates:
        self.actor.require(Permission.SETTINGS)
        centre = ""
        with self.db.reading() as session:
            row = session.get(Setting, "centre_name")
            centre = (row.value if row is not None else "").strip().lower()
        problems: list[UserError] = []
        clean = {}
        for field, text in asdict(templates).items():
            value = " ".join(str(text).split())
            problems += reject_control_characters(field, text)
            if not value:
                problems.append(UserError("error.required", field=field))
            elif len(value) > TEMPLATE_LIMIT:
                problems.append(UserError("error.too_long", field=field, limit=TEMPLATE_LIMIT))
            unknown = _fields(value) - PLACEHOLDERS
            if unknown or (value and not _usable(value)):
                problems.append(UserError("error.reminder.placeholder", field=field,
                                          found=", ".join(sorted(unknown))))
            lowered = value.lower()
            word = next((w for w in REVEALING if w in lowered), None)
            if word is not None or (centre and centre in lowered):
                problems.append(UserError("error.reminder.revealing", field=field,
                                          word=word or centre))
            clean[field] = value
        if problems:
            raise ValidationError(problems)
        saved = ReminderTemplates(**clean)
        with self.db.transaction() as session:
            row = session.get(Setting, KEY)
            text = json.dumps(asdict(saved), ensure_ascii=False)
            if row is None:
                session.add(Setting(key=KEY, value=text))
            else:
                row.value = text
            audit_log.append(session, self.actor.username, "reminder_templates_changed")
        return saved

    # -- the list ----------------------------------------------------------------------------
    def for_date(self, day: date) -> list[ReminderRow]:
        """Everyone with a session on ``day``, and everyone whose session that day was
        cancelled or moved away, by start time and name."""
        self.actor.require(Permission.VIEW_CONTACT)
        self.actor.require(Permission.VIEW_ALL_PARTICIPANTS)
        templates = self.templates()
        with self.db.reading() as session:
            sessions = session.execute(
                select(TrainingSession.id, TrainingSession.group_id, TrainingSession.session_date,
                       TrainingSession.start_time, TrainingSession.end_time,
                       TrainingSession.status, TrainingSession.moved_from, TrainingGroup.name)
                .join(TrainingGroup, TrainingGroup.id == TrainingSession.group_id)
                .where(or_(TrainingSession.session_date == day,
                           TrainingSession.moved_from == day))).all()
            rows: list[ReminderRow] = []
            for sid, gid, on, start, end, status, moved_from, group_name in sessions:
                on = as_date(on)
                if on == day and status in LIVE:
                    kind = ReminderKind.REMINDER
                elif on == day and status == SessionStatus.CANCELLED.value:
                    kind = ReminderKind.CANCELLED
                elif moved_from is not None and as_date(moved_from) == day and on != day \
                        and status in LIVE:
                    kind = ReminderKind.MOVED
                else:
                    continue
                members = session.scalars(
                    select(Participant).join(Enrolment, Enrolment.participant_id ==
                                             Participant.id)
                    .where(Enrolment.group_id == gid,
                           Enrolment.status == EnrolmentStatus.ACTIVE.value,
                           Participant.anonymised_on.is_(None)))
                for person in members:
                    rows.append(self._row(person, sid, group_name, on, as_time(start),
                                          as_time(end), kind, templates))
        return sorted(rows, key=lambda r: (r.start, r.kind.value, r.name.lower(), r.code))

    def _row(self, person: Participant, session_id: int, group_name: str, on: date,
             start: time, end: time, kind: ReminderKind,
             templates: ReminderTemplates) -> ReminderRow:
        message = str(getattr(templates, kind.value)).format(
            jam=format_time(start, "id"), hari=_hari(on), tanggal=format_date(on, "id"))
        phone = person.phone or ""
        callable_ = (consent_allows(person, ConsentScope.CONTACT) and bool(phone)
                     and person.safe_to_call in (SafeToCall.YES.value, SafeToCall.AT_TIMES.value))
        way = ContactWay.PHONE if callable_ else ContactWay.IN_PERSON
        shown = format_phone(phone) if callable_ else ""
        url = (f"whatsapp://send?phone={phone.lstrip('+')}&text={quote(message)}"
               if callable_ else "")
        times = (person.safe_call_times or "") if callable_ and \
            person.safe_to_call == SafeToCall.AT_TIMES.value else ""
        return ReminderRow(
            participant_id=person.id, code=person.code,
            name=person.preferred_name or person.full_name, session_id=session_id,
            group_name=group_name, day=on, start=start, end=end,
            kind=kind, way=way, phone=shown, call_times=times,
            never_at_home=bool(person.never_contact_at_home),
            trusted_contact=(person.trusted_contact_name or "") if not callable_ else "",
            message=message, whatsapp_url=url)

    def record_sent(self, row: ReminderRow, how: str) -> None:
        """Audit that a reminder was copied or opened in WhatsApp (never its text or number)."""
        self.actor.require(Permission.VIEW_CONTACT)
        if how not in ("copied", "whatsapp"):
            raise UserError("error.choice_unknown", field="how")
        if row.way is not ContactWay.PHONE and how == "whatsapp":
            raise UserError("error.reminder.not_callable")
        with self.db.transaction() as session:
            audit_log.append(session, self.actor.username, "reminder_sent", row.code,
                             {"session_id": row.session_id, "kind": row.kind.value,
                              "how": how})
