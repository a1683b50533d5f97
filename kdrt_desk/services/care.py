"""Services and referrals a participant receives (layanan dan rujukan), and the partner list."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kdrt_desk.db.session import Database
from kdrt_desk.domain.care import PartnerInfo, ServiceInput, ServiceView
from kdrt_desk.domain.enums import PartnerKind, ServiceKind, ServiceStatus
from kdrt_desk.domain.text import control_character_problems
from kdrt_desk.domain.training import PartnerInput
from kdrt_desk.errors import PermissionDeniedError, UserError, ValidationError
from kdrt_desk.models import Participant, Partner, ServiceRecord
from kdrt_desk.security.permissions import Permission
from kdrt_desk.services import audit_log
from kdrt_desk.services.actor import Actor
from kdrt_desk.services.clock import local_today

PROVIDER_NOTE_LIMIT = 200
OUTCOME_NOTE_LIMIT = 4000
SERVICE_FIELDS = ("kind", "service_date", "partner_id", "provider_note", "status",
                  "outcome_note")


def _one_line(value: object) -> str:
    return " ".join(str(value or "").split())


def _partner_info(row: Partner) -> PartnerInfo:
    return PartnerInfo(row.id, row.name, PartnerKind(row.kind), row.contact_person, row.active)


@dataclass(frozen=True)
class CleanService:
    kind: ServiceKind
    service_date: date
    partner_id: int | None
    provider_note: str
    status: ServiceStatus
    outcome_note: str


def validate_service(data: ServiceInput, *, registered_on: date, today: date,
                     partners: Mapping[int, bool], kept_partner: int | None = None
                     ) -> CleanService:
    """Every rule of a service record; ``partners`` maps the known partner ids to ``active``.

    ``kept_partner`` (an edit's stored partner) stays allowed after the partner was deactivated.
    """
    errors: list[UserError] = control_character_problems(data, frozenset({"outcome_note"}))
    kind, status = ServiceKind.OTHER, ServiceStatus.REFERRED
    try:
        kind = ServiceKind(data.kind)
    except ValueError:
        errors.append(UserError("error.choice_unknown", field="kind"))
    try:
        status = ServiceStatus(data.status)
    except ValueError:
        errors.append(UserError("error.choice_unknown", field="status"))
    day = data.service_date
    if day is None:
        errors.append(UserError("error.required", field="service_date"))
    elif day > today:
        errors.append(UserError("error.date_future", field="service_date"))
    elif day < registered_on:
        errors.append(UserError("error.service_before_registration", field="service_date"))
    if data.partner_id is not None:
        if data.partner_id not in partners:
            errors.append(UserError("error.partner_unknown", field="partner_id"))
        elif not partners[data.partner_id] and data.partner_id != kept_partner:
            errors.append(UserError("error.partner_inactive", field="partner_id"))
    provider_note = _one_line(data.provider_note)
    if len(provider_note) > PROVIDER_NOTE_LIMIT:
        errors.append(UserError("error.too_long", field="provider_note",
                                limit=PROVIDER_NOTE_LIMIT))
    outcome_note = (data.outcome_note or "").strip()
    if len(outcome_note) > OUTCOME_NOTE_LIMIT:
        errors.append(UserError("error.too_long", field="outcome_note",
                                limit=OUTCOME_NOTE_LIMIT))
    if errors:
        raise ValidationError(errors)
    assert day is not None
    return CleanService(kind, day, data.partner_id, provider_note, status, outcome_note)


def _partner_states(session: Session, partner_id: int | None) -> dict[int, bool]:
    if partner_id is None:
        return {}
    return dict(session.execute(select(Partner.id, Partner.active)
                                .where(Partner.id == partner_id)).all())


class CareService:
    def __init__(self, db: Database, actor: Actor) -> None:
        self.db = db
        self.actor = actor

    # -- partners ------------------------------------------------------------------------------
    def partners(self, active_only: bool = True) -> list[PartnerInfo]:
        self.actor.require(Permission.VIEW_REGISTER)
        query = select(Partner).order_by(func.lower(Partner.name))
        if active_only:
            query = query.where(Partner.active.is_(True))
        with self.db.reading() as session:
            return [_partner_info(p) for p in session.scalars(query)]

    def add_partner(self, name: str, kind: PartnerKind | str,
                    contact_person: str = "") -> PartnerInfo:
        """Add a partner organisation (mitra); the name must be new (ignoring case)."""
        from kdrt_desk.services.partners import PartnerService

        saved = PartnerService(self.db, self.actor).save(PartnerInput(
            name=name, kind=kind, contact_person=contact_person))  # type: ignore[arg-type]
        return PartnerInfo(saved.id, saved.name, saved.kind, saved.contact_person, saved.active)

    # -- services and referrals ----------------------------------------------------------------
    def record(self, data: ServiceInput, today: date | None = None) -> ServiceView:
        """Record a service she received or a referral made for her."""
        self.actor.require(Permission.RECORD_SERVICE)
        now = datetime.now(UTC)
        with self.db.transaction() as session:
            person = self._participant(session, data.participant_id)
            if (data.outcome_note or "").strip():
                self._refuse_note(session, person.code, None)
            clean = validate_service(data, registered_on=person.registered_on,
                                     today=today or local_today(),
                                     partners=_partner_states(session, data.partner_id))
            row = ServiceRecord(
                participant_id=person.id, kind=clean.kind.value,
                service_date=clean.service_date, partner_id=clean.partner_id,
                provider_note=clean.provider_note, status=clean.status.value,
                outcome_note=clean.outcome_note or None, created_by=self.actor.username,
                created_at=now, updated_at=now)
            session.add(row)
            session.flush()
            audit_log.append(session, self.actor.username, "service_recorded", person.code,
                             {"service_id": row.id,
                              "fields": [f for f in SERVICE_FIELDS
                                         if f != "outcome_note" or clean.outcome_note]})
            return self._view(session, row)

    def update(self, service_id: int, data: ServiceInput,
               today: date | None = None) -> ServiceView:
        """Change a service; the participant stays the same (``data.participant_id`` is ignored).

        A role that may not read outcome notes sends none: the stored note is kept.
        """
        self.actor.require(Permission.RECORD_SERVICE)
        with self.db.transaction() as session:
            row = self._service(session, service_id)
            person = self._participant(session, row.participant_id)
            if (data.outcome_note or "").strip():
                self._refuse_note(session, person.code, service_id)
            clean = validate_service(data, registered_on=person.registered_on,
                                     today=today or local_today(),
                                     partners=_partner_states(session, data.partner_id),
                                     kept_partner=row.partner_id)
            if data.outcome_note is None or not self.actor.may(Permission.VIEW_RESTRICTED):
                clean = CleanService(clean.kind, clean.service_date, clean.partner_id,
                                      clean.provider_note, clean.status, row.outcome_note or "")
            before = {"kind": row.kind, "service_date": row.service_date,
                      "partner_id": row.partner_id, "provider_note": row.provider_note,
                      "status": row.status, "outcome_note": row.outcome_note or ""}
            after = {"kind": clean.kind.value, "service_date": clean.service_date,
                     "partner_id": clean.partner_id, "provider_note": clean.provider_note,
                     "status": clean.status.value, "outcome_note": clean.outcome_note}
            changed = [f for f in SERVICE_FIELDS if before[f] != after[f]]
            if changed:
                for name in changed:  # only what changed: a sealed note stays as it is
                    setattr(row, name, after[name] if name != "outcome_note"
                            else after[name] or None)
                row.updated_at = datetime.now(UTC)
                audit_log.append(session, self.actor.username, "service_updated", person.code,
                                 {"service_id": row.id, "fields": changed})
                session.flush()
            return self._view(session, row)

    def for_participant(self, participant_id: int) -> list[ServiceView]:
        """Her services, oldest first; outcome notes blanked for roles that may not read them."""
        self.actor.require(Permission.VIEW_REGISTER)
        if not self.actor.may(Permission.VIEW_ALL_PARTICIPANTS):
            raise PermissionDeniedError()
        with self.db.reading() as session:
            self._participant(session, participant_id, editable=False)
            rows = session.execute(
                select(ServiceRecord, Partner.name).outerjoin(
                    Partner, Partner.id == ServiceRecord.partner_id)
                .where(ServiceRecord.participant_id == participant_id)
                .order_by(ServiceRecord.service_date, ServiceRecord.id)).all()
            return [self._to_view(row, partner or "") for row, partner in rows]

    def open_outcome_note(self, service_id: int) -> str:
        """The restricted outcome note; every opening is audited, and so is every refusal."""
        with self.db.transaction() as session:
            row = self._service(session, service_id)
            code = session.scalar(select(Participant.code).where(
                Participant.id == row.participant_id)) or ""
            if not self.actor.may(Permission.VIEW_RESTRICTED):
                audit_log.append(session, self.actor.username, "service_note_refused", code,
                                 {"service_id": service_id})
                session.commit()
                raise PermissionDeniedError()
            audit_log.append(session, self.actor.username, "service_note_opened", code,
                             {"service_id": service_id})
            return row.outcome_note or ""

    # -- helpers -------------------------------------------------------------------------------
    def _refuse_note(self, session: Session, code: str, service_id: int | None) -> None:
        """A role without ``view_restricted`` may not write an outcome note either (audited)."""
        if self.actor.may(Permission.VIEW_RESTRICTED):
            return
        audit_log.append(session, self.actor.username, "service_note_refused", code,
                         {"service_id": service_id, "write": True})
        session.commit()
        raise PermissionDeniedError()

    @staticmethod
    def _participant(session: Session, participant_id: int,
                     editable: bool = True) -> Participant:
        row = session.get(Participant, participant_id)
        if row is None:
            raise UserError("error.participant_unknown")
        if editable and row.anonymised_on is not None:
            raise UserError("error.participant_anonymised")
        return row

    @staticmethod
    def _service(session: Session, service_id: int) -> ServiceRecord:
        row = session.get(ServiceRecord, service_id)
        if row is None:
            raise UserError("error.service_unknown")
        return row

    def _view(self, session: Session, row: ServiceRecord) -> ServiceView:
        name = "" if row.partner_id is None else session.scalar(
            select(Partner.name).where(Partner.id == row.partner_id)) or ""
        return self._to_view(row, name)

    def _to_view(self, row: ServiceRecord, partner_name: str) -> ServiceView:
        """Outcome notes never travel in views: only ``open_outcome_note`` (audited) reads one.

        A hidden note comes back as None, so handing the view to ``update`` keeps it.
        """
        hidden = bool(row.outcome_note) or not self.actor.may(Permission.VIEW_RESTRICTED)
        return ServiceView(
            participant_id=row.participant_id, kind=ServiceKind(row.kind),
            service_date=row.service_date, partner_id=row.partner_id,
            provider_note=row.provider_note, status=ServiceStatus(row.status),
            outcome_note=None if hidden else "", id=row.id,
            partner_name=partner_name, created_by=row.created_by, restricted_hidden=hidden)
