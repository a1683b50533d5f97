"""Tomorrow's reminder list for staff: who has a session on a date, and how she may be told,
from her consent, "safe to call", safe call times and "never contact at home". A woman who may
not be called is listed "tell her in person / through her trusted contact", never with a
number. The texts are neutral (the admin edits them; a text naming the centre, the programme or
its topic is refused). Copying a text or opening WhatsApp is audited without the text.

What each woman was told is kept (``ReminderTold``: the session as she heard it, when, by whom,
how): the list then says exactly what changed since, a session she was told of that was since
moved, cancelled or deleted gets the neutral move or cancel text, and one she was told about as
it is now shows "sudah diberi tahu".
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, time
from enum import StrEnum
from typing import NamedTuple
from urllib.parse import quote

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

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
from kdrt_desk.models import (
    Enrolment,
    Participant,
    ReminderTold,
    Setting,
    TrainingGroup,
    TrainingSession,
)
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
SCHEDULED, CANCELLED = "scheduled", "cancelled"  # a session as she was told it


class ToldState(StrEnum):
    NEW = "new"  # never told about this session
    CHANGED = "changed"  # told, but the session changed since (moved, cancelled, new hours)
    TOLD = "told"  # told about it as it is now ("sudah diberi tahu")


class Channel(StrEnum):
    COPIED = "copied"  # the text copied (to paste in WhatsApp or SMS, or give her contact)
    WHATSAPP = "whatsapp"  # WhatsApp Desktop opened with the text
    IN_PERSON = "in_person"  # told in person or through her trusted contact


@dataclass(frozen=True)
class ReminderListRow(ReminderRow):
    """A row of the list with what she was told: ``told`` compares the session as it is
    (``day``, hours, ``venue_id``, cancelled or not) with what she was last told."""

    venue_id: int
    told: ToldState
    told_at: datetime | None  # when she was last told about this session
    told_id: int | None  # a deleted session's newest told row (its ``session_id`` is then 0)


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
    def for_date(self, day: date) -> list[ReminderListRow]:
        """For each woman: her sessions on ``day`` she has not been told about as they are now
        (new, or changed since she was told), the sessions she was told were on ``day`` that
        have since been cancelled, moved or deleted, and (greyed by the screen, so she can be
        told again) those she was already told about as they are: by start time and name.
        A session moved away from ``day`` before she was ever told of it is listed too (she may
        know the plan from her card or her group)."""
        self.actor.require(Permission.VIEW_CONTACT)
        self.actor.require(Permission.VIEW_ALL_PARTICIPANTS)
        templates = self.templates()
        with self.db.reading() as session:
            told_here = list(session.scalars(select(ReminderTold).where(
                ReminderTold.session_date == day)))
            about = {r.session_id for r in told_here if r.session_id is not None}
            sessions = {s.id: s for s in session.scalars(
                select(TrainingSession).where(or_(TrainingSession.session_date == day,
                                                  TrainingSession.moved_from == day,
                                                  TrainingSession.id.in_(about))))}
            latest = _latest(session.scalars(select(ReminderTold).where(
                ReminderTold.session_id.in_(list(sessions)))), live=True)
            gone_refs = {r.session_ref for r in told_here if r.session_id is None}
            gone = _latest(session.scalars(select(ReminderTold).where(
                ReminderTold.session_id.is_(None),
                ReminderTold.session_ref.in_(list(gone_refs)))), live=False)
            here = {(r.participant_id, r.session_ref) for r in told_here}
            groups = {s.group_id for s in sessions.values()} | {r.group_id for r in told_here}
            names = dict(session.execute(select(TrainingGroup.id, TrainingGroup.name)
                                         .where(TrainingGroup.id.in_(groups))).all())
            members: dict[int, list[Participant]] = {}
            for person, gid in session.execute(
                    select(Participant, Enrolment.group_id)
                    .join(Enrolment, Enrolment.participant_id == Participant.id)
                    .where(Enrolment.group_id.in_(groups),
                           Enrolment.status == EnrolmentStatus.ACTIVE.value,
                           Participant.anonymised_on.is_(None))).all():
                members.setdefault(gid, []).append(person)
            rows: list[ReminderListRow] = []
            for item in sessions.values():
                current = _form_of(item)
                for person in members.get(item.group_id, []):
                    record = latest.get((person.id, item.id))
                    kind = _kind(item, day, (person.id, item.id) in here, record, current)
                    if kind is not None:
                        rows.append(self._row(person, item.id, names[item.group_id], current,
                                              kind, templates, record, None))
            for (pid, ref), record in gone.items():  # told of a session since deleted
                if (pid, ref) not in here:
                    continue
                form = Form(as_date(record.session_date), as_time(record.start_time),
                            as_time(record.end_time), record.venue_id, CANCELLED)
                for person in members.get(record.group_id, []):
                    if person.id == pid:
                        rows.append(self._row(person, 0, names[record.group_id], form,
                                              ReminderKind.CANCELLED, templates, record,
                                              record.id))
        return sorted(rows, key=lambda r: (r.start, r.kind.value, r.name.lower(), r.code,
                                           r.session_id))

    def _row(self, person: Participant, session_id: int, group_name: str, form: Form,
             kind: ReminderKind, templates: ReminderTemplates, record: ReminderTold | None,
             told_id: int | None) -> ReminderListRow:
        message = str(getattr(templates, kind.value)).format(
            jam=format_time(form.start, "id"), hari=_hari(form.day),
            tanggal=format_date(form.day, "id"))
        phone = person.phone or ""
        callable_ = (consent_allows(person, ConsentScope.CONTACT) and bool(phone)
                     and person.safe_to_call in (SafeToCall.YES.value, SafeToCall.AT_TIMES.value))
        way = ContactWay.PHONE if callable_ else ContactWay.IN_PERSON
        shown = format_phone(phone) if callable_ else ""
        url = (f"whatsapp://send?phone={phone.lstrip('+')}&text={quote(message)}"
               if callable_ else "")
        times = (person.safe_call_times or "") if callable_ and \
            person.safe_to_call == SafeToCall.AT_TIMES.value else ""
        if record is None:
            state = ToldState.NEW
        elif told_form(record) == form:
            state = ToldState.TOLD
        else:
            state = ToldState.CHANGED
        return ReminderListRow(
            participant_id=person.id, code=person.code,
            name=person.preferred_name or person.full_name, session_id=session_id,
            group_name=group_name, day=form.day, start=form.start, end=form.end,
            kind=kind, way=way, phone=shown, call_times=times,
            never_at_home=bool(person.never_contact_at_home),
            trusted_contact=(person.trusted_contact_name or "") if not callable_ else "",
            message=message, whatsapp_url=url, venue_id=form.venue_id, told=state,
            told_at=None if record is None else _utc(record.told_at), told_id=told_id)

    # -- telling her -------------------------------------------------------------------------
    def record_sent(self, row: ReminderRow, how: str) -> None:
        """Keep that she was told the session as the row showed it (copied or opened in
        WhatsApp); the audit names neither the text, the number nor how: that she may be
        phoned is sealed contact information."""
        self.actor.require(Permission.VIEW_CONTACT)
        self.actor.require(Permission.VIEW_ALL_PARTICIPANTS)
        if how not in (Channel.COPIED, Channel.WHATSAPP):
            raise UserError("error.choice_unknown", field="how")
        if row.way is not ContactWay.PHONE and how == Channel.WHATSAPP:
            raise UserError("error.reminder.not_callable")
        with self.db.transaction() as session:
            self._keep_told(session, row, Channel(how))
            audit_log.append(session, self.actor.username, "reminder_sent", row.code,
                             {"session_id": row.session_id, "kind": row.kind.value})

    def record_told(self, row: ReminderRow) -> None:
        """"Sudah diberi tahu": she was told in person or through her trusted contact. The
        audit is the same as for a copied text, so it does not say how she may be reached."""
        self.actor.require(Permission.VIEW_CONTACT)
        self.actor.require(Permission.VIEW_ALL_PARTICIPANTS)
        with self.db.transaction() as session:
            self._keep_told(session, row, Channel.IN_PERSON)
            audit_log.append(session, self.actor.username, "reminder_sent", row.code,
                             {"session_id": row.session_id, "kind": row.kind.value})

    def _keep_told(self, session: Session, row: ReminderRow, channel: Channel) -> None:
        """A new told row: the session as ``row`` showed it to her (what the text said)."""
        if not isinstance(row, ReminderRow):
            raise UserError("error.session_unknown")
        person = session.get(Participant, row.participant_id)
        if person is None or person.anonymised_on is not None or person.code != row.code:
            raise UserError("error.participant_unknown")
        told_id = row.told_id if isinstance(row, ReminderListRow) else None
        session_id: int | None
        if row.session_id == 0 and told_id is not None:  # a deleted session she was told of
            before = session.get(ReminderTold, told_id)
            if before is None or before.session_id is not None \
                    or before.participant_id != person.id:
                raise UserError("error.session_unknown")
            session_id, ref, group_id, venue = None, before.session_ref, before.group_id, \
                before.venue_id
        else:
            item = session.get(TrainingSession, row.session_id)
            if item is None:
                raise UserError("error.session_unknown")
            session_id, ref, group_id, venue = item.id, item.id, item.group_id, item.venue_id
        member = session.scalar(select(Enrolment.id).where(
            Enrolment.participant_id == person.id, Enrolment.group_id == group_id,
            Enrolment.status == EnrolmentStatus.ACTIVE.value))
        if member is None:
            raise UserError("error.reminder.not_hers")
        if isinstance(row, ReminderListRow):
            venue = row.venue_id
        session.add(ReminderTold(
            participant_id=person.id, session_id=session_id, session_ref=ref,
            group_id=group_id, session_date=row.day, start_time=row.start, end_time=row.end,
            venue_id=venue,
            status=CANCELLED if row.kind is ReminderKind.CANCELLED else SCHEDULED,
            told_at=datetime.now(UTC), told_by=self.actor.username, channel=channel.value))


def _latest(found: Iterable[ReminderTold], live: bool) -> dict[tuple[int, int], ReminderTold]:
    """The newest told row per woman and session (by id, for a deleted one by its ref)."""
    newest: dict[tuple[int, int], ReminderTold] = {}
    for record in found:
        key = (record.participant_id,
               record.session_id if live and record.session_id is not None
               else record.session_ref)
        if key not in newest or record.id > newest[key].id:
            newest[key] = record
    return newest


def _utc(value: datetime) -> datetime:
    """Stored times are UTC (SQLite gives them back without their zone)."""
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


class Form(NamedTuple):
    """A session as she would be told it."""

    day: date
    start: time
    end: time
    venue_id: int
    status: str  # SCHEDULED or CANCELLED


def _form_of(item: TrainingSession) -> Form:
    return Form(as_date(item.session_date), as_time(item.start_time), as_time(item.end_time),
                item.venue_id,
                CANCELLED if item.status == SessionStatus.CANCELLED.value else SCHEDULED)


def told_form(record: ReminderTold) -> Form:
    return Form(as_date(record.session_date), as_time(record.start_time),
                as_time(record.end_time), record.venue_id, record.status)


def _kind(item: TrainingSession, day: date, told_here: bool, record: ReminderTold | None,
          current: Form) -> ReminderKind | None:
    """What her row for ``item`` on ``day``'s list says, or None when it has no row there."""
    cancelled = current.status == CANCELLED
    if current.day == day:
        if cancelled:
            return ReminderKind.CANCELLED
        return ReminderKind.REMINDER if item.status in LIVE else None
    moved_here = item.moved_from is not None and as_date(item.moved_from) == day and (
        record is None or told_form(record) == current)
    if not (told_here or moved_here):
        return None
    return ReminderKind.CANCELLED if cancelled else ReminderKind.MOVED
