"""Partner organisations (mitra): kind, contact person, MoU dates and what they contribute.

Referrals, screening decisions and modules point at partners, so a partner with history is
deactivated rather than deleted.
"""

from __future__ import annotations

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from kdrt_desk.db.session import Database
from kdrt_desk.domain.enums import PartnerKind
from kdrt_desk.domain.training import PartnerInput, PartnerView
from kdrt_desk.errors import UserError
from kdrt_desk.models import Module, Partner, ScreeningDecision, ServiceRecord
from kdrt_desk.security.permissions import Permission
from kdrt_desk.services import audit_log
from kdrt_desk.services.actor import Actor
from kdrt_desk.services.programme_validation import validate_partner


def partner_view(row: Partner) -> PartnerView:
    return PartnerView(id=row.id, name=row.name, kind=PartnerKind(row.kind),
                       contact_person=row.contact_person, phone=row.phone or "",
                       contribution=row.contribution, mou_start=row.mou_start,
                       mou_end=row.mou_end, active=row.active)


class PartnerService:
    def __init__(self, db: Database, actor: Actor) -> None:
        self.db = db
        self.actor = actor

    def partners(self, active_only: bool = False) -> list[PartnerView]:
        self.actor.require(Permission.VIEW_PROGRAMME)
        query = select(Partner).order_by(func.lower(Partner.name))
        if active_only:
            query = query.where(Partner.active.is_(True))
        with self.db.reading() as session:
            return [partner_view(row) for row in session.scalars(query)]

    def save(self, data: PartnerInput) -> PartnerView:
        """Add (``id == 0``) or change a partner; names are unique ignoring case."""
        self.actor.require(Permission.MANAGE_PARTNERS)
        clean = validate_partner(data)
        with self.db.transaction() as session:
            taken = session.scalar(select(Partner.id).where(
                func.lower(Partner.name) == clean.name.lower(), Partner.id != clean.id))
            if taken is not None:
                raise UserError("error.partner_exists", field="name")
            if clean.id:
                row = self._partner(session, clean.id)
            else:
                row = Partner(active=True)
                session.add(row)
            row.name, row.kind = clean.name, clean.kind.value
            row.contact_person, row.phone = clean.contact_person, clean.phone or None
            row.contribution = clean.contribution
            row.mou_start, row.mou_end = clean.mou_start, clean.mou_end
            session.flush()
            audit_log.append(session, self.actor.username,
                             "partner_changed" if clean.id else "partner_added",
                             f"partner:{row.id}", {"kind": row.kind})
            return partner_view(row)

    def set_active(self, partner_id: int, active: bool) -> None:
        self.actor.require(Permission.MANAGE_PARTNERS)
        with self.db.transaction() as session:
            row = self._partner(session, partner_id)
            row.active = active
            audit_log.append(session, self.actor.username,
                             "partner_restored" if active else "partner_archived",
                             f"partner:{row.id}")

    def delete(self, partner_id: int) -> None:
        """Only a partner nothing points at; otherwise deactivate it."""
        self.actor.require(Permission.MANAGE_PARTNERS)
        with self.db.transaction() as session:
            row = self._partner(session, partner_id)
            used = session.scalar(select(
                exists().where(ServiceRecord.partner_id == partner_id)
                | exists().where(ScreeningDecision.referred_partner_id == partner_id)
                | exists().where(Module.partner_id == partner_id)))
            if used:
                raise UserError("error.partner_has_history")
            session.delete(row)
            audit_log.append(session, self.actor.username, "partner_deleted",
                             f"partner:{partner_id}")

    @staticmethod
    def _partner(session: Session, partner_id: int) -> Partner:
        row = session.get(Partner, partner_id)
        if row is None:
            raise UserError("error.partner_unknown")
        return row
