"""The programme's catalogue: modules, facilitators and venues (partners: ``partners.py``).

Anything with history (used by a group or a session) cannot be deleted, only archived; archived
entries stay readable wherever history shows them, and are left out of new choices.
"""

from __future__ import annotations

from sqlalchemy import delete, exists, func, insert, select
from sqlalchemy.orm import Session

from kdrt_desk.db.session import Database
from kdrt_desk.domain.availability import dates_text, hours_text, parse_dates, parse_hours
from kdrt_desk.domain.enums import Role
from kdrt_desk.domain.skills import SkillRubric, check_rubric
from kdrt_desk.domain.training import (
    FacilitatorInput,
    FacilitatorType,
    FacilitatorView,
    ModuleInput,
    ModuleView,
    Track,
    VenueFeature,
    VenueInput,
    VenueView,
)
from kdrt_desk.errors import UserError
from kdrt_desk.models import (
    Facilitator,
    GroupModule,
    Module,
    Partner,
    StaffAccount,
    TrainingGroup,
    TrainingSession,
    Venue,
    facilitator_module,
    group_facilitator,
)
from kdrt_desk.security.permissions import Permission
from kdrt_desk.services import audit_log
from kdrt_desk.services.actor import Actor
from kdrt_desk.services.programme_validation import (
    joined,
    split_enum,
    validate_facilitator,
    validate_module,
    validate_venue,
)


def module_view(row: Module, partner_name: str = "") -> ModuleView:
    return ModuleView(
        id=row.id, code=row.code, title=row.title, track=Track(row.track),
        description=row.description, objectives=row.objectives,
        session_count=row.session_count, minutes_per_session=row.minutes_per_session,
        facilitator_type=FacilitatorType(row.facilitator_type),
        venue_features=split_enum(VenueFeature, row.venue_features),
        partner_id=row.partner_id, min_attendance_pct=row.min_attendance_pct,
        assessment_required=row.assessment_required, partner_name=partner_name,
        archived=row.archived)


def venue_view(row: Venue) -> VenueView:
    return VenueView(id=row.id, name=row.name, address=row.address, kecamatan=row.kecamatan,
                     capacity=row.capacity, features=split_enum(VenueFeature, row.features),
                     childcare=row.childcare, hours=parse_hours(row.hours),
                     closed_on=parse_dates(row.closed_dates), archived=row.archived)


def _rubric_changes(before: SkillRubric | None, after: SkillRubric | None) -> list[str]:
    """The names of what differs between two rubrics (for the audit log)."""
    if before == after:
        return []
    if before is None or after is None:
        return ["skill_rubric"]
    changed = []
    if [c.name for c in before.criteria] != [c.name for c in after.criteria]:
        changed.append("criteria")
    if [c.level_labels for c in before.criteria] != [c.level_labels for c in after.criteria]:
        changed.append("level_labels")
    if before.pass_level != after.pass_level:
        changed.append("pass_level")
    return changed


class CatalogueService:
    def __init__(self, db: Database, actor: Actor) -> None:
        self.db = db
        self.actor = actor

    # -- modules -------------------------------------------------------------------------------
    def modules(self, include_archived: bool = False) -> list[ModuleView]:
        self.actor.require(Permission.VIEW_PROGRAMME)
        query = (select(Module, Partner.name).outerjoin(Partner, Partner.id == Module.partner_id)
                 .order_by(Module.position, Module.code))
        if not include_archived:
            query = query.where(Module.archived.is_(False))
        with self.db.reading() as session:
            return [module_view(row, name or "") for row, name in session.execute(query)]

    def save_module(self, data: ModuleInput) -> ModuleView:
        """Add (``id == 0``) or change a module; codes are unique ignoring case."""
        self.actor.require(Permission.MANAGE_PROGRAMME)
        with self.db.transaction() as session:
            partners = dict(session.execute(select(Partner.id, Partner.active)).all())
            kept = session.scalar(select(Module.partner_id).where(Module.id == data.id))
            clean = validate_module(data, partners, kept)
            taken = session.scalar(select(Module.id).where(
                func.upper(Module.code) == clean.code, Module.id != clean.id))
            if taken is not None:
                raise UserError("error.module_code_taken", field="code")
            if clean.id:
                row = self._module(session, clean.id)
            else:
                position = session.scalar(select(func.max(Module.position))) or 0
                row = Module(position=position + 1, archived=False)
                session.add(row)
            row.code, row.title, row.track = clean.code, clean.title, clean.track.value
            row.description, row.objectives = clean.description, clean.objectives
            row.session_count = clean.session_count
            row.minutes_per_session = clean.minutes_per_session
            row.facilitator_type = clean.facilitator_type.value
            row.venue_features = joined(clean.venue_features)
            row.partner_id = clean.partner_id
            row.min_attendance_pct = clean.min_attendance_pct
            row.assessment_required = clean.assessment_required
            session.flush()
            audit_log.append(session, self.actor.username,
                             "module_changed" if clean.id else "module_added",
                             f"module:{row.id}", {"code": row.code})
            partner = session.get(Partner, row.partner_id) if row.partner_id else None
            return module_view(row, partner.name if partner else "")

    def skill_rubric(self, module_id: int) -> SkillRubric | None:
        """The module's skill rubric (None: it has none; then pass/fail is recorded as is)."""
        self.actor.require(Permission.VIEW_PROGRAMME)
        with self.db.reading() as session:
            return SkillRubric.from_json(self._module(session, module_id).skill_rubric)

    def set_skill_rubric(self, module_id: int, rubric: SkillRubric | None) -> SkillRubric | None:
        """Define (or with None remove) an economic module's skill rubric; audited by the
        names of what changed, never the texts."""
        self.actor.require(Permission.MANAGE_PROGRAMME)
        clean = None if rubric is None else check_rubric(rubric)
        with self.db.transaction() as session:
            row = self._module(session, module_id)
            if clean is not None and row.track != Track.ECONOMIC.value:
                raise UserError("error.rubric_economic_only")
            try:
                before = SkillRubric.from_json(row.skill_rubric)
            except UserError:  # a damaged one is replaced, not a reason to refuse
                before = None
            changed = _rubric_changes(before, clean) or (
                ["skill_rubric"] if before is None and row.skill_rubric else [])
            if not changed:
                return clean
            row.skill_rubric = "" if clean is None else clean.to_json()
            audit_log.append(session, self.actor.username,
                             "skill_rubric_removed" if clean is None else "skill_rubric_set",
                             f"module:{module_id}", {"code": row.code, "fields": changed})
            return clean

    def set_module_archived(self, module_id: int, archived: bool) -> None:
        self.actor.require(Permission.MANAGE_PROGRAMME)
        with self.db.transaction() as session:
            row = self._module(session, module_id)
            row.archived = archived
            audit_log.append(session, self.actor.username,
                             "module_archived" if archived else "module_restored",
                             f"module:{row.id}")

    def delete_module(self, module_id: int) -> None:
        """Only a module no group follows and no session used; otherwise archive it."""
        self.actor.require(Permission.MANAGE_PROGRAMME)
        with self.db.transaction() as session:
            row = self._module(session, module_id)
            used = session.scalar(select(
                exists().where(GroupModule.module_id == module_id)
                | exists().where(TrainingSession.module_id == module_id)))
            if used:
                raise UserError("error.module_has_history")
            session.execute(delete(facilitator_module).where(
                facilitator_module.c.module_id == module_id))
            session.delete(row)
            audit_log.append(session, self.actor.username, "module_deleted",
                             f"module:{module_id}", {"code": row.code})

    # -- facilitators --------------------------------------------------------------------------
    def facilitators(self, include_archived: bool = False) -> list[FacilitatorView]:
        self.actor.require(Permission.VIEW_PROGRAMME)
        query = (select(Facilitator, StaffAccount.username)
                 .outerjoin(StaffAccount, StaffAccount.id == Facilitator.staff_account_id)
                 .order_by(func.lower(Facilitator.name)))
        if not include_archived:
            query = query.where(Facilitator.archived.is_(False))
        with self.db.reading() as session:
            teaches: dict[int, set[int]] = {}
            for fid, mid in session.execute(select(facilitator_module)):
                teaches.setdefault(fid, set()).add(mid)
            return [self._facilitator_view(row, username or "", teaches.get(row.id, set()))
                    for row, username in session.execute(query)]

    def facilitator_accounts(self, facilitator_id: int = 0) -> list[tuple[int, str]]:
        """Active facilitator logins not linked to another facilitator: (id, username)."""
        self.actor.require(Permission.MANAGE_PROGRAMME)
        with self.db.reading() as session:
            return sorted(self._free_accounts(session, facilitator_id).items(),
                          key=lambda item: item[1])

    def save_facilitator(self, data: FacilitatorInput) -> FacilitatorView:
        self.actor.require(Permission.MANAGE_PROGRAMME)
        with self.db.transaction() as session:
            modules = set(session.scalars(select(Module.id)))
            free = self._free_accounts(session, data.id)
            clean = validate_facilitator(data, modules, set(free))
            if clean.id:
                row = session.get(Facilitator, clean.id)
                if row is None:
                    raise UserError("error.facilitator_unknown")
            else:
                row = Facilitator(archived=False)
                session.add(row)
            row.name, row.type, row.organisation = clean.name, clean.type.value, clean.organisation
            row.phone, row.email = clean.phone, clean.email
            row.staff_account_id = clean.staff_account_id
            row.hours, row.away_dates = hours_text(clean.hours), dates_text(clean.away_on)
            row.max_per_day, row.max_per_week = clean.max_per_day, clean.max_per_week
            session.flush()
            session.execute(delete(facilitator_module).where(
                facilitator_module.c.facilitator_id == row.id))
            if clean.module_ids:
                session.execute(insert(facilitator_module), [
                    {"facilitator_id": row.id, "module_id": m} for m in sorted(clean.module_ids)])
            audit_log.append(session, self.actor.username,
                             "facilitator_changed" if clean.id else "facilitator_added",
                             f"facilitator:{row.id}")
            username = free.get(row.staff_account_id or 0, "")
            return self._facilitator_view(row, username, clean.module_ids)

    def set_facilitator_archived(self, facilitator_id: int, archived: bool) -> None:
        self.actor.require(Permission.MANAGE_PROGRAMME)
        with self.db.transaction() as session:
            row = session.get(Facilitator, facilitator_id)
            if row is None:
                raise UserError("error.facilitator_unknown")
            row.archived = archived
            audit_log.append(session, self.actor.username,
                             "facilitator_archived" if archived else "facilitator_restored",
                             f"facilitator:{row.id}")

    def delete_facilitator(self, facilitator_id: int) -> None:
        self.actor.require(Permission.MANAGE_PROGRAMME)
        with self.db.transaction() as session:
            row = session.get(Facilitator, facilitator_id)
            if row is None:
                raise UserError("error.facilitator_unknown")
            used = session.scalar(select(
                exists().where(group_facilitator.c.facilitator_id == facilitator_id)
                | exists().where(TrainingSession.facilitator_id == facilitator_id)))
            if used:
                raise UserError("error.facilitator_has_history")
            session.delete(row)
            audit_log.append(session, self.actor.username, "facilitator_deleted",
                             f"facilitator:{facilitator_id}")

    # -- venues --------------------------------------------------------------------------------
    def venues(self, include_archived: bool = False) -> list[VenueView]:
        self.actor.require(Permission.VIEW_PROGRAMME)
        query = select(Venue).order_by(func.lower(Venue.name))
        if not include_archived:
            query = query.where(Venue.archived.is_(False))
        with self.db.reading() as session:
            return [venue_view(row) for row in session.scalars(query)]

    def save_venue(self, data: VenueInput) -> VenueView:
        self.actor.require(Permission.MANAGE_PROGRAMME)
        clean = validate_venue(data)
        with self.db.transaction() as session:
            taken = session.scalar(select(Venue.id).where(
                func.lower(Venue.name) == clean.name.lower(), Venue.id != clean.id))
            if taken is not None:
                raise UserError("error.venue_name_taken", field="name")
            if clean.id:
                row = self._venue(session, clean.id)
            else:
                row = Venue(archived=False)
                session.add(row)
            row.name, row.address, row.kecamatan = clean.name, clean.address, clean.kecamatan
            row.capacity, row.features = clean.capacity, joined(clean.features)
            row.childcare = clean.childcare
            row.hours, row.closed_dates = hours_text(clean.hours), dates_text(clean.closed_on)
            session.flush()
            audit_log.append(session, self.actor.username,
                             "venue_changed" if clean.id else "venue_added", f"venue:{row.id}")
            return venue_view(row)

    def set_venue_archived(self, venue_id: int, archived: bool) -> None:
        self.actor.require(Permission.MANAGE_PROGRAMME)
        with self.db.transaction() as session:
            row = self._venue(session, venue_id)
            row.archived = archived
            audit_log.append(session, self.actor.username,
                             "venue_archived" if archived else "venue_restored",
                             f"venue:{row.id}")

    def delete_venue(self, venue_id: int) -> None:
        self.actor.require(Permission.MANAGE_PROGRAMME)
        with self.db.transaction() as session:
            row = self._venue(session, venue_id)
            used = session.scalar(select(
                exists().where(TrainingGroup.venue_id == venue_id)
                | exists().where(TrainingSession.venue_id == venue_id)))
            if used:
                raise UserError("error.venue_has_history")
            session.delete(row)
            audit_log.append(session, self.actor.username, "venue_deleted", f"venue:{venue_id}")

    # -- helpers -------------------------------------------------------------------------------
    @staticmethod
    def _module(session: Session, module_id: int) -> Module:
        row = session.get(Module, module_id)
        if row is None:
            raise UserError("error.module_unknown")
        return row

    @staticmethod
    def _venue(session: Session, venue_id: int) -> Venue:
        row = session.get(Venue, venue_id)
        if row is None:
            raise UserError("error.venue_unknown")
        return row

    @staticmethod
    def _free_accounts(session: Session, facilitator_id: int) -> dict[int, str]:
        """Active ``fasilitator`` accounts not linked to a facilitator other than this one."""
        linked = select(Facilitator.staff_account_id).where(
            Facilitator.staff_account_id.is_not(None), Facilitator.id != facilitator_id)
        return dict(session.execute(
            select(StaffAccount.id, StaffAccount.username).where(
                StaffAccount.role == Role.FASILITATOR.value, StaffAccount.active.is_(True),
                StaffAccount.id.not_in(linked))).all())

    @staticmethod
    def _facilitator_view(row: Facilitator, username: str, modules: set[int]) -> FacilitatorView:
        return FacilitatorView(
            id=row.id, name=row.name, type=FacilitatorType(row.type),
            organisation=row.organisation, phone=row.phone, email=row.email,
            module_ids=set(modules), staff_account_id=row.staff_account_id,
            hours=parse_hours(row.hours), away_on=parse_dates(row.away_dates),
            max_per_day=row.max_per_day, max_per_week=row.max_per_week,
            staff_username=username, archived=row.archived)
