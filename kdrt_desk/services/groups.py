"""Training groups (kelompok/angkatan): their set-up, enrolment, withdrawal, transfer, warnings.

A participant is in at most one group at a time; a transfer ends one membership and opens the
next on the same day, so her attendance (kept per session) stays hers.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime

from sqlalchemy import delete, exists, func, insert, select
from sqlalchemy.orm import Session

from kdrt_desk.db.session import Database
from kdrt_desk.domain.enums import ParticipantStatus, RiskLevel
from kdrt_desk.domain.kecamatan_neighbours import is_near
from kdrt_desk.domain.text import reject_control_characters
from kdrt_desk.domain.training import (
    Candidate,
    EnrolmentStatus,
    GroupInput,
    GroupView,
    GroupWarning,
    MemberRow,
    Membership,
    SessionStatus,
    VenueFeature,
)
from kdrt_desk.errors import PermissionDeniedError, UserError, ValidationError
from kdrt_desk.i18n import format_date, label
from kdrt_desk.models import (
    Enrolment,
    Facilitator,
    GroupModule,
    Module,
    Participant,
    TrainingGroup,
    TrainingSession,
    Venue,
    facilitator_module,
    group_facilitator,
)
from kdrt_desk.models.sealed import field_keys, open_blob
from kdrt_desk.repositories.names import anonymised_names
from kdrt_desk.security.field_crypto import FieldKeys
from kdrt_desk.security.permissions import Permission
from kdrt_desk.services import audit_log
from kdrt_desk.services.actor import Actor
from kdrt_desk.services.clock import local_today
from kdrt_desk.services.neighbours import read_map
from kdrt_desk.services.programme_access import (
    own_group_ids,
    sees_all,
    visible_participant_ids,
)
from kdrt_desk.services.programme_validation import one_line, split_enum, validate_group

REASON_LIMIT = 500
# who may join a group: accepted by the screening, or back after dropping out
ENROLLABLE = frozenset({ParticipantStatus.ACCEPTED.value, ParticipantStatus.DROPPED_OUT.value})
ENDINGS = frozenset({EnrolmentStatus.WITHDRAWN, EnrolmentStatus.DROPPED_OUT,
                     EnrolmentStatus.COMPLETED})
STATUS_AFTER_ENDING = {EnrolmentStatus.WITHDRAWN: ParticipantStatus.DROPPED_OUT,
                       EnrolmentStatus.DROPPED_OUT: ParticipantStatus.DROPPED_OUT,
                       EnrolmentStatus.COMPLETED: ParticipantStatus.COMPLETED}



def _risk(keys: FieldKeys, level: object, seal_id: bytes) -> RiskLevel | None:
    """Her risk level (sealed restricted) for a role that may see it; None if unscreened."""
    value = open_blob(keys, level, seal_id)
    return RiskLevel(value) if value else None


def _known_funders(session: Session, other_than: int = 0) -> list[str]:
    """The funders of the groups (but group ``other_than``), one per spelling regardless of
    case and spacing: the first in the donor report's order."""
    names = {n for n in session.scalars(select(TrainingGroup.funder).where(
        TrainingGroup.id != other_than).distinct()) if n}
    found: dict[str, str] = {}
    for name in sorted(names, key=lambda n: (n.casefold(), n)):
        found.setdefault(one_line(name).casefold(), name)
    return list(found.values())


def _canonical_funder(session: Session, funder: str, group_id: int) -> str:
    """The spelling the other groups already use for ``funder`` (differing only in case or
    spacing), so that a donor report finds one programme, not two; else ``funder`` itself."""
    if not funder:
        return ""
    wanted = one_line(funder).casefold()
    return next((n for n in _known_funders(session, group_id)
                 if one_line(n).casefold() == wanted), funder)


class GroupService:
    def __init__(self, db: Database, actor: Actor) -> None:
        self.db = db
        self.actor = actor

    # -- reading ------------------------------------------------------------------------------
    def groups(self, include_archived: bool = False) -> list[GroupView]:
        """Every group (a facilitator: her own), newest period first."""
        self.actor.require(Permission.VIEW_PROGRAMME)
        with self.db.reading() as session:
            query = select(TrainingGroup).order_by(TrainingGroup.start_date.desc(),
                                                   func.lower(TrainingGroup.name))
            if not include_archived:
                query = query.where(TrainingGroup.archived.is_(False))
            if not sees_all(self.actor):
                query = query.where(TrainingGroup.id.in_(own_group_ids(session, self.actor)))
            return self._views(session, list(session.scalars(query)))

    def get(self, group_id: int) -> GroupView:
        self.actor.require(Permission.VIEW_PROGRAMME)
        with self.db.reading() as session:
            return self._views(session, [self._group(session, group_id)])[0]

    def members(self, group_id: int, include_ended: bool = True) -> list[MemberRow]:
        """Her members by name; ended memberships after the active ones when asked for."""
        self.actor.require(Permission.VIEW_PROGRAMME)
        with self.db.reading() as session:
            self._group(session, group_id)
            query = (select(Enrolment, Participant.code, Participant.full_name,
                            Participant.preferred_name, Participant.kecamatan,
                            Participant.seal_id, Participant.risk_level)
                     .join(Participant, Participant.id == Enrolment.participant_id)
                     .where(Enrolment.group_id == group_id))
            if not include_ended:
                query = query.where(Enrolment.status == EnrolmentStatus.ACTIVE.value)
            risk = self.actor.may(Permission.VIEW_RESTRICTED)
            reasons = self.actor.may(Permission.VIEW_ALL_PARTICIPANTS)  # not a facilitator's
            keys = field_keys(session)
            names = anonymised_names()
            rows = [MemberRow(e.id, e.participant_id, code, names.get(name, name), preferred,
                              kecamatan,
                              e.enrolled_on, EnrolmentStatus(e.status), e.ended_on,
                              (e.end_reason or "") if reasons else "",
                              _risk(keys, level, seal) if risk else None)
                    for e, code, name, preferred, kecamatan, seal, level
                    in session.execute(query)]
        return sorted(rows, key=lambda r: (r.status != EnrolmentStatus.ACTIVE,
                                           r.full_name.lower(), r.enrolment_id))

    def memberships(self, participant_id: int) -> list[Membership]:
        """Her groups, oldest first (a facilitator: only while she is one of her members)."""
        self.actor.require(Permission.VIEW_PROGRAMME)
        with self.db.reading() as session:
            scope = visible_participant_ids(session, self.actor)
            if scope is not None and participant_id not in scope:
                raise PermissionDeniedError()
            return [Membership(e.id, e.group_id, name, e.enrolled_on,
                               EnrolmentStatus(e.status), e.ended_on)
                    for e, name in session.execute(
                        select(Enrolment, TrainingGroup.name)
                        .join(TrainingGroup, TrainingGroup.id == Enrolment.group_id)
                        .where(Enrolment.participant_id == participant_id)
                        .order_by(Enrolment.enrolled_on, Enrolment.id))]

    def funders(self) -> list[str]:
        """The programmes and donors on file (every group's, archived ones too), one spelling
        each, sorted regardless of case: what the group dialog offers as one types."""
        self.actor.require(Permission.MANAGE_GROUPS)
        with self.db.reading() as session:
            return _known_funders(session)

    def candidates(self) -> list[Candidate]:
        """Participants who may be enrolled: accepted (or dropped out) and in no group now."""
        self.actor.require(Permission.MANAGE_GROUPS)
        with self.db.reading() as session:
            active = select(Enrolment.participant_id).where(
                Enrolment.status == EnrolmentStatus.ACTIVE.value)
            risk = self.actor.may(Permission.VIEW_RESTRICTED)
            keys = field_keys(session)
            return [Candidate(pid, code, name, kecamatan, ParticipantStatus(status),
                              _risk(keys, level, seal) if risk else None)
                    for pid, code, name, kecamatan, status, seal, level in session.execute(
                        select(Participant.id, Participant.code, Participant.full_name,
                               Participant.kecamatan, Participant.status, Participant.seal_id,
                               Participant.risk_level)
                        .where(Participant.status.in_(ENROLLABLE),
                               Participant.anonymised_on.is_(None),
                               Participant.id.not_in(active))
                        .order_by(func.lower(Participant.full_name)))]

    # -- the group itself -----------------------------------------------------------------------
    def save(self, data: GroupInput) -> GroupView:
        """Add (``id == 0``) or change a group; a change may not strand sessions or history."""
        self.actor.require(Permission.MANAGE_GROUPS)
        with self.db.transaction() as session:
            old = self._group(session, data.id) if data.id else None
            kept_modules = set(session.scalars(select(GroupModule.module_id).where(
                GroupModule.group_id == data.id))) if old else set()
            kept_facilitators = set(session.scalars(select(group_facilitator.c.facilitator_id)
                                                    .where(group_facilitator.c.group_id == data.id)
                                                    )) if old else set()
            clean = validate_group(
                data,
                modules=self._usable(session, Module) | kept_modules,
                facilitators=self._usable(session, Facilitator) | kept_facilitators,
                venues=self._usable(session, Venue) | ({old.venue_id} if old and old.venue_id
                                                       else set()))
            assert clean.start_date is not None and clean.end_date is not None
            taken = session.scalar(select(TrainingGroup.id).where(
                func.lower(TrainingGroup.name) == clean.name.lower(),
                TrainingGroup.id != clean.id))
            if taken is not None:
                raise UserError("error.group_name_taken", field="name")
            funder = _canonical_funder(session, clean.funder, clean.id)
            if old is not None:
                self._check_change(session, old.id, clean.start_date, clean.end_date,
                                   set(clean.module_ids), kept_modules)
                row = old
            else:
                row = TrainingGroup(archived=False, created_at=datetime.now(UTC))
                session.add(row)
            row.name, row.kecamatan, row.kelurahan = clean.name, clean.kecamatan, clean.kelurahan
            row.start_date, row.end_date = clean.start_date, clean.end_date
            row.venue_id, row.funder = clean.venue_id, funder
            session.flush()
            session.execute(delete(GroupModule).where(GroupModule.group_id == row.id))
            session.execute(insert(GroupModule), [
                {"group_id": row.id, "module_id": m, "position": i}
                for i, m in enumerate(clean.module_ids)])
            session.execute(delete(group_facilitator).where(
                group_facilitator.c.group_id == row.id))
            if clean.facilitator_ids:
                session.execute(insert(group_facilitator), [
                    {"group_id": row.id, "facilitator_id": f}
                    for f in sorted(clean.facilitator_ids)])
            audit_log.append(session, self.actor.username,
                             "group_changed" if old else "group_added", f"group:{row.id}")
            return self._views(session, [row])[0]

    def set_archived(self, group_id: int, archived: bool) -> None:
        self.actor.require(Permission.MANAGE_GROUPS)
        with self.db.transaction() as session:
            row = self._group(session, group_id)
            row.archived = archived
            audit_log.append(session, self.actor.username,
                             "group_archived" if archived else "group_restored",
                             f"group:{row.id}")

    def delete(self, group_id: int) -> None:
        """Only a group with no members and no sessions, ever; otherwise archive it."""
        self.actor.require(Permission.MANAGE_GROUPS)
        with self.db.transaction() as session:
            row = self._group(session, group_id)
            used = session.scalar(select(
                exists().where(Enrolment.group_id == group_id)
                | exists().where(TrainingSession.group_id == group_id)))
            if used:
                raise UserError("error.group_has_history")
            session.delete(row)
            audit_log.append(session, self.actor.username, "group_deleted", f"group:{group_id}")

    # -- membership ---------------------------------------------------------------------------
    def enrol(self, group_id: int, participant_ids: Iterable[int],
              on: date | None = None) -> int:
        """Enrol one or several participants at once: all of them or, on any problem, none.

        Returns how many were enrolled; each one's status becomes ``enrolled``.
        """
        self.actor.require(Permission.MANAGE_GROUPS)
        day = on or local_today()
        ids = list(dict.fromkeys(participant_ids))
        if not ids:
            raise UserError("error.enrol_nobody")
        with self.db.transaction() as session:
            group = self._open_group(session, group_id, day)
            people = {p.id: p for p in session.scalars(
                select(Participant).where(Participant.id.in_(ids)))}
            busy = dict(session.execute(
                select(Enrolment.participant_id, TrainingGroup.name)
                .join(TrainingGroup, TrainingGroup.id == Enrolment.group_id)
                .where(Enrolment.participant_id.in_(ids),
                       Enrolment.status == EnrolmentStatus.ACTIVE.value)).all())
            errors: list[UserError] = []
            for pid in ids:
                person = people.get(pid)
                if person is None or person.anonymised_on is not None:
                    errors.append(UserError("error.participant_unknown", field=str(pid)))
                elif pid in busy:
                    errors.append(UserError("error.already_in_group", field=person.code,
                                            name=person.full_name, group=busy[pid]))
                elif person.status not in ENROLLABLE:
                    errors.append(UserError("error.enrol_not_accepted", field=person.code,
                                            name=person.full_name))
                elif day < person.registered_on:
                    errors.append(UserError("error.enrol_before_registration", field=person.code,
                                            name=person.full_name))
            if errors:
                raise ValidationError(errors)
            now = datetime.now(UTC)
            for pid in ids:
                session.add(Enrolment(group_id=group.id, participant_id=pid, enrolled_on=day,
                                      status=EnrolmentStatus.ACTIVE.value, end_reason="",
                                      created_by=self.actor.username))
                person = people[pid]
                person.status = ParticipantStatus.ENROLLED.value
                person.updated_at = now
                audit_log.append(session, self.actor.username, "participant_enrolled",
                                 person.code, {"group_id": group.id})
            return len(ids)

    def end_membership(self, enrolment_id: int, status: EnrolmentStatus | str,
                       on: date | None = None, reason: str = "") -> None:
        """Withdrawal, drop-out (each with a reason) or completion, on a date."""
        self.actor.require(Permission.MANAGE_GROUPS)
        errors: list[UserError] = []
        try:
            ending = EnrolmentStatus(status)
        except ValueError:
            ending = EnrolmentStatus.ACTIVE
        if ending not in ENDINGS:
            errors.append(UserError("error.choice_unknown", field="status"))
        clean_reason = (reason or "").strip()
        errors.extend(reject_control_characters("reason", clean_reason, multiline=True))
        if ending != EnrolmentStatus.COMPLETED and not clean_reason:
            errors.append(UserError("error.end_reason_required", field="reason"))
        elif len(clean_reason) > REASON_LIMIT:
            errors.append(UserError("error.too_long", field="reason", limit=REASON_LIMIT))
        day = on or local_today()
        with self.db.transaction() as session:
            row, person = self._active_enrolment(session, enrolment_id)
            self._check_end_date(errors, row, day)
            if errors:
                raise ValidationError(errors)
            row.status, row.ended_on, row.end_reason = ending.value, day, clean_reason
            person.status = STATUS_AFTER_ENDING[ending].value
            person.updated_at = datetime.now(UTC)
            audit_log.append(session, self.actor.username, "membership_ended", person.code,
                             {"group_id": row.group_id, "status": ending.value})

    def transfer(self, enrolment_id: int, to_group_id: int, on: date | None = None,
                 reason: str = "") -> None:
        """Move her to another group from ``on``; her attendance so far stays hers."""
        self.actor.require(Permission.MANAGE_GROUPS)
        errors: list[UserError] = []
        clean_reason = one_line(reason)
        errors.extend(reject_control_characters("reason", reason or ""))
        if len(clean_reason) > REASON_LIMIT:
            errors.append(UserError("error.too_long", field="reason", limit=REASON_LIMIT))
        day = on or local_today()
        with self.db.transaction() as session:
            row, person = self._active_enrolment(session, enrolment_id)
            if to_group_id == row.group_id:
                errors.append(UserError("error.transfer_same_group", field="group_id"))
            self._check_end_date(errors, row, day)
            if errors:
                raise ValidationError(errors)
            target = self._open_group(session, to_group_id, day)
            row.status, row.ended_on = EnrolmentStatus.TRANSFERRED.value, day
            row.end_reason = clean_reason
            session.add(Enrolment(group_id=target.id, participant_id=person.id, enrolled_on=day,
                                  status=EnrolmentStatus.ACTIVE.value, end_reason="",
                                  created_by=self.actor.username))
            audit_log.append(session, self.actor.username, "participant_transferred",
                             person.code, {"from": row.group_id, "to": target.id})

    # -- warnings -----------------------------------------------------------------------------
    def warnings(self, group_id: int) -> list[GroupWarning]:
        """What the group's set-up should fix: capacity, qualified facilitators, venue features,
        and (only for roles that may see risk) high-risk members living near the venue."""
        self.actor.require(Permission.VIEW_PROGRAMME)
        found: list[GroupWarning] = []
        with self.db.reading() as session:
            group = self._group(session, group_id)
            venue = session.get(Venue, group.venue_id) if group.venue_id else None
            keys = field_keys(session)
            active = [(code, name, kecamatan, open_blob(keys, level, seal))
                      for code, name, kecamatan, seal, level in session.execute(
                select(Participant.code, Participant.full_name, Participant.kecamatan,
                       Participant.seal_id, Participant.risk_level)
                .join(Enrolment, Enrolment.participant_id == Participant.id)
                .where(Enrolment.group_id == group_id,
                       Enrolment.status == EnrolmentStatus.ACTIVE.value))]
            if venue is not None and len(active) > venue.capacity:
                found.append(GroupWarning("warning.group_over_capacity",
                                          {"members": len(active), "venue": venue.name,
                                           "capacity": venue.capacity}))
            if venue is not None and venue.kecamatan and self.actor.may(
                    Permission.VIEW_RESTRICTED):
                near = read_map(session)  # same or neighbouring kecamatan
                for code, name, kecamatan, level in active:
                    if level == RiskLevel.HIGH.value and is_near(kecamatan, venue.kecamatan,
                                                                 near):
                        found.append(GroupWarning("warning.high_risk_near_venue",
                                                  {"name": name, "code": code,
                                                   "venue": venue.name,
                                                   "kecamatan": kecamatan,
                                                   "venue_kecamatan": venue.kecamatan}))
            facilitators = set(session.scalars(select(group_facilitator.c.facilitator_id).where(
                group_facilitator.c.group_id == group_id)))
            qualified = {m for (m,) in session.execute(
                select(facilitator_module.c.module_id).where(
                    facilitator_module.c.facilitator_id.in_(facilitators)))}
            modules = session.execute(
                select(Module.id, Module.code, Module.title, Module.venue_features)
                .join(GroupModule, GroupModule.module_id == Module.id)
                .where(GroupModule.group_id == group_id).order_by(GroupModule.position)).all()
            venue_features = split_enum(VenueFeature, venue.features) if venue else set()
            # a module already planned somewhere else (the sessions' venues were checked) is fine
            planned = set(session.scalars(select(TrainingSession.module_id).where(
                TrainingSession.group_id == group_id,
                TrainingSession.status != SessionStatus.CANCELLED.value).distinct()))
            for module_id, code, title, needed in modules:
                if module_id not in qualified:
                    found.append(GroupWarning("warning.module_without_facilitator",
                                              {"module": f"{code} {title}"}))
                missing = split_enum(VenueFeature, needed) - venue_features
                if venue is not None and missing and module_id not in planned:
                    needs = ", ".join(sorted(label(f) for f in missing))
                    found.append(GroupWarning("warning.venue_lacks_features",
                                              {"module": f"{code} {title}", "venue": venue.name,
                                               "features": needs}))
        return found

    # -- helpers -------------------------------------------------------------------------------
    def _group(self, session: Session, group_id: int) -> TrainingGroup:
        row = session.get(TrainingGroup, group_id)
        if row is None:
            raise UserError("error.group_unknown")
        if not sees_all(self.actor) and group_id not in own_group_ids(session, self.actor):
            raise PermissionDeniedError()
        return row

    def _open_group(self, session: Session, group_id: int, day: date) -> TrainingGroup:
        """A group that takes members on ``day``: not archived, and ``day`` in its period."""
        group = self._group(session, group_id)
        if group.archived:
            raise UserError("error.group_archived", field="group_id")
        if not group.start_date <= day <= group.end_date:
            raise UserError("error.date_outside_group_period", field="on",
                            start=format_date(group.start_date),
                            end=format_date(group.end_date))
        return group

    @staticmethod
    def _active_enrolment(session: Session, enrolment_id: int) -> tuple[Enrolment, Participant]:
        row = session.get(Enrolment, enrolment_id)
        if row is None or row.status != EnrolmentStatus.ACTIVE.value:
            raise UserError("error.membership_not_active")
        person = session.get(Participant, row.participant_id)
        assert person is not None
        return row, person

    @staticmethod
    def _check_end_date(errors: list[UserError], row: Enrolment, day: date) -> None:
        """A membership ends on a day that has come, not before it began."""
        if day < row.enrolled_on:
            errors.append(UserError("error.end_before_enrolment", field="on"))
        elif day > local_today():
            errors.append(UserError("error.date_future", field="on"))

    @staticmethod
    def _check_change(session: Session, group_id: int, start: date, end: date,
                      modules: set[int], kept_modules: set[int]) -> None:
        outside = session.scalar(select(func.count(TrainingSession.id)).where(
            TrainingSession.group_id == group_id,
            (TrainingSession.session_date < start) | (TrainingSession.session_date > end)))
        if outside:
            raise UserError("error.group_period_strands_sessions", field="end_date",
                            count=outside)
        dropped = kept_modules - modules
        if dropped and session.scalar(select(exists().where(
                TrainingSession.group_id == group_id,
                TrainingSession.module_id.in_(dropped)))):
            raise UserError("error.group_module_has_sessions", field="module_ids")

    @staticmethod
    def _usable(session: Session, model: type[Module] | type[Facilitator] | type[Venue]
                ) -> set[int]:
        return set(session.scalars(select(model.id).where(model.archived.is_(False))))

    @staticmethod
    def _views(session: Session, rows: list[TrainingGroup]) -> list[GroupView]:
        if not rows:
            return []
        ids = [r.id for r in rows]
        modules: dict[int, list[int]] = {}
        for gid, mid in session.execute(select(GroupModule.group_id, GroupModule.module_id)
                                        .where(GroupModule.group_id.in_(ids))
                                        .order_by(GroupModule.position)):
            modules.setdefault(gid, []).append(mid)
        facilitators: dict[int, set[int]] = {}
        for gid, fid in session.execute(select(group_facilitator).where(
                group_facilitator.c.group_id.in_(ids))):
            facilitators.setdefault(gid, set()).add(fid)
        counts = dict(session.execute(
            select(Enrolment.group_id, func.count(Enrolment.id))
            .where(Enrolment.group_id.in_(ids), Enrolment.status == EnrolmentStatus.ACTIVE.value)
            .group_by(Enrolment.group_id)).all())
        venues = dict(session.execute(select(Venue.id, Venue.name)).all())
        return [GroupView(id=r.id, name=r.name, kecamatan=r.kecamatan, kelurahan=r.kelurahan,
                          start_date=r.start_date, end_date=r.end_date, venue_id=r.venue_id,
                          module_ids=modules.get(r.id, []),
                          facilitator_ids=facilitators.get(r.id, set()),
                          funder=r.funder or "", venue_name=venues.get(r.venue_id or 0, ""),
                          member_count=counts.get(r.id, 0), archived=r.archived)
                for r in rows]
