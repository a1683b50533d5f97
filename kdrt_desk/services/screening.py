"""Screening assessments (asesmen awal): record, edit with history, read (notes audited)."""

from __future__ import annotations

import copy
import dataclasses
import gc
import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from enum import StrEnum

from sqlalchemy import Select, String, and_, case, select, true, type_coerce
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from kdrt_desk.db.session import Database
from kdrt_desk.domain.enums import (
    Barrier,
    CriterionKind,
    DecisionOutcome,
    Need,
    ParticipantStatus,
    RiskLevel,
    RiskReason,
    Role,
    Skill,
)
from kdrt_desk.domain.screening import (
    Criterion,
    Eligibility,
    ScreeningChangeRecord,
    ScreeningInput,
    ScreeningListRow,
    ScreeningPage,
    ScreeningRecord,
)
from kdrt_desk.domain.text import control_character_problems, reject_control_characters
from kdrt_desk.errors import PermissionDeniedError, UserError, ValidationError
from kdrt_desk.i18n import format_date
from kdrt_desk.models import (
    EligibilityCriterion,
    Participant,
    Screening,
    ScreeningChange,
    ScreeningDecision,
)
from kdrt_desk.models.sealed import field_keys, open_blob
from kdrt_desk.security.permissions import Permission
from kdrt_desk.security.tiers import Tier
from kdrt_desk.services import audit_log
from kdrt_desk.services.actor import Actor
from kdrt_desk.services.clock import local_today

TEXT_LIMITS = {"interview_notes": 8000, "safety_plan": 4000, "experience": 2000,
               "skills_other": 200}
REASON_LIMIT = 2000
PAGE_SIZE = 200
SET_FIELDS: dict[str, type[StrEnum]] = {"needs": Need, "skills": Skill,
                                        "risk_reasons": RiskReason, "barriers": Barrier}
# What a screening edit may change (the participant stays the same).
EDITABLE_FIELDS = ("screened_on", "interview_notes", "needs", "skills", "skills_other",
                   "experience", "risk_level", "risk_reasons", "safety_plan", "barriers",
                   "criteria_met")
NOTE_FIELDS = frozenset({"interview_notes", "risk_reasons", "safety_plan"})  # opened, audited
LIST_COLUMNS_RISK = ("screening_id", "participant_id", "code", "full_name", "screened_on",
                     "assessor", "risk_level", "score", "outcome", "awaiting_confirmation")
LIST_COLUMNS_LIMITED = tuple(c for c in LIST_COLUMNS_RISK if c != "risk_level")
RISK_BY_VALUE: dict[str | None, RiskLevel] = {r.value: r for r in RiskLevel}
OUTCOME_BY_VALUE: dict[str | None, DecisionOutcome] = {o.value: o for o in DecisionOutcome}


class ScreeningAuthorOnlyError(PermissionDeniedError):
    """Before the decision is confirmed only the screening's author or an Admin may edit it."""

    def __init__(self) -> None:
        UserError.__init__(self, "error.screening_author_only")


def split_codes(text: str | None) -> list[str]:
    return [p for p in (text or "").split(",") if p]


def join_codes(values: Iterable[str]) -> str:
    return ",".join(sorted(str(v) for v in values))


# -- criteria and eligibility ------------------------------------------------------------------
def to_criterion(row: EligibilityCriterion) -> Criterion:
    return Criterion(row.id, row.code, row.label_id, row.label_en, CriterionKind(row.kind),
                     row.weight, row.active, row.position)


def load_criteria(session: Session, active_only: bool = True) -> list[Criterion]:
    query = select(EligibilityCriterion).order_by(EligibilityCriterion.position,
                                                  EligibilityCriterion.id)
    if active_only:
        query = query.where(EligibilityCriterion.active.is_(True))
    return [to_criterion(row) for row in session.scalars(query)]


def evaluate_criteria(criteria: Iterable[Criterion], met: Iterable[str]) -> Eligibility:
    """Score = weights of the met weighted criteria; unmet = required codes not met (in order)."""
    met_codes = set(met)
    active = [c for c in criteria if c.active]
    weighted = [c for c in active if c.kind == CriterionKind.WEIGHTED]
    return Eligibility(
        score=sum(c.weight for c in weighted if c.code in met_codes),
        max_score=sum(c.weight for c in weighted),
        unmet_required=[c.code for c in active
                        if c.kind == CriterionKind.REQUIRED and c.code not in met_codes])


# -- validation ----------------------------------------------------------------------------------
def validate_screening(data: ScreeningInput, *, registered_on: date, today: date,
                       known_codes: set[str]) -> ScreeningInput:
    """A cleaned copy (enums coerced, text trimmed) or a ``ValidationError`` naming each field."""
    clean = copy.deepcopy(data)
    errors: list[UserError] = []

    def err(field: str, key: str, **params: object) -> None:
        errors.append(UserError(key, field=field, **params))

    for name, enum in SET_FIELDS.items():
        try:
            setattr(clean, name, {enum(v) for v in (getattr(clean, name) or ())})
        except (ValueError, TypeError):
            err(name, "error.choice_unknown")
    try:
        clean.risk_level = RiskLevel(clean.risk_level)
    except ValueError:
        err("risk_level", "error.choice_unknown")

    errors.extend(control_character_problems(
        data, frozenset({"interview_notes", "safety_plan", "experience"})))
    clean.skills_other = " ".join(str(clean.skills_other or "").split())
    for name in ("interview_notes", "safety_plan", "experience"):
        setattr(clean, name, str(getattr(clean, name) or "").strip())
    for name, limit in TEXT_LIMITS.items():
        if len(getattr(clean, name)) > limit:
            err(name, "error.too_long", limit=limit)
    if Skill.OTHER in clean.skills and not clean.skills_other:
        err("skills_other", "error.skills_other_required")
    if clean.risk_level == RiskLevel.HIGH and not clean.risk_reasons:
        err("risk_reasons", "error.risk_reasons_required")

    clean.criteria_met = {str(c).strip() for c in (clean.criteria_met or ()) if str(c).strip()}
    unknown = sorted(clean.criteria_met - known_codes)
    if unknown:
        err("criteria_met", "error.criterion_unknown", codes=", ".join(unknown))

    clean.screened_on = clean.screened_on or today
    if clean.screened_on > today:
        err("screened_on", "error.date_future")
    elif clean.screened_on < registered_on:
        err("screened_on", "error.screening_before_registration",
            date=format_date(registered_on))
    if errors:
        raise ValidationError(errors)
    return clean


def changed_fields(before: ScreeningInput, after: ScreeningInput) -> list[str]:
    return [name for name in EDITABLE_FIELDS if getattr(before, name) != getattr(after, name)]


def json_value(value: object) -> object:
    """A field's value as JSON: sets as sorted code lists, dates as ISO text, enums as codes."""
    if isinstance(value, set | frozenset | list):
        return sorted(str(v) for v in value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, StrEnum):
        return value.value
    return value


# -- mapping -------------------------------------------------------------------------------------
def apply_input(row: Screening, data: ScreeningInput, result: Eligibility) -> None:
    """Copy a validated input and its evaluation onto an ORM row."""
    assert data.screened_on is not None
    row.screened_on = data.screened_on
    row.interview_notes = data.interview_notes
    row.needs = join_codes(data.needs)
    row.skills = join_codes(data.skills)
    row.skills_other = data.skills_other
    row.experience = data.experience
    row.risk_level = data.risk_level.value
    row.risk_reasons = join_codes(data.risk_reasons)
    row.safety_plan = data.safety_plan
    row.barriers = join_codes(data.barriers)
    row.criteria_met = join_codes(data.criteria_met)
    row.score = result.score
    row.unmet_required = ",".join(result.unmet_required)


def to_record(row: Screening, *, with_restricted: bool, risk_visible: bool,
              code: str = "") -> ScreeningRecord:
    record = ScreeningRecord(
        participant_id=row.participant_id, screened_on=row.screened_on,
        needs={Need(v) for v in split_codes(row.needs)},
        skills={Skill(v) for v in split_codes(row.skills)}, skills_other=row.skills_other,
        experience=row.experience or "",
        # an emptied risk (the app always writes one) reads as the careful answer
        risk_level=(RiskLevel(row.risk_level or RiskLevel.HIGH) if risk_visible
                    else RiskLevel.LOW),
        barriers={Barrier(v) for v in split_codes(row.barriers)},
        criteria_met=set(split_codes(row.criteria_met)), id=row.id, assessor=row.assessor,
        score=row.score or 0, unmet_required=split_codes(row.unmet_required),
        decided=row.decided,
        version=row.version, restricted_hidden=not with_restricted, risk_visible=risk_visible,
        participant_code=code)
    if with_restricted:
        record.interview_notes = row.interview_notes or ""
        record.risk_reasons = {RiskReason(v) for v in split_codes(row.risk_reasons)}
        record.safety_plan = row.safety_plan or ""
    return record


def sync_participant_risk(session: Session, person: Participant) -> None:
    """Her risk level is the latest screening's (by date, then by entry)."""
    session.flush()
    newest = session.scalar(select(Screening)
                            .where(Screening.participant_id == person.id)
                            .order_by(Screening.screened_on.desc(), Screening.id.desc()).limit(1))
    latest = newest.risk_level if newest is not None else None
    if person.risk_level != latest:
        person.risk_level = latest


def participant_for_change(session: Session, participant_id: int) -> Participant:
    """The participant a screening or decision is about; anonymised records take no new data."""
    person = session.get(Participant, participant_id) if participant_id else None
    if person is None:
        raise UserError("error.participant_unknown", field="participant_id")
    if person.anonymised_on is not None:
        raise UserError("error.participant_anonymised", field="participant_id")
    return person


def screening_row(session: Session, screening_id: int) -> Screening:
    row = session.get(Screening, screening_id) if screening_id else None
    if row is None:
        raise UserError("error.screening_unknown")
    return row


def has_confirmed_decision(session: Session, screening_id: int) -> bool:
    return session.scalar(select(ScreeningDecision.id).where(
        ScreeningDecision.screening_id == screening_id,
        ScreeningDecision.confirmed_by.is_not(None)).limit(1)) is not None


class _DayCache(dict[str | date, date]):
    """ISO text (SQLite) or a date (PostgreSQL) to a date, each distinct day parsed once."""

    def __call__(self, value: str | date) -> date:
        day = self.get(value)
        if day is None:
            day = self[value] = value if isinstance(value, date) else date.fromisoformat(value)
        return day


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Build a long list of rows without the cyclic garbage collector: its passes over the
    growing list cost more than the query (tuples of plain values form no cycles)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


_DECISION = ScreeningDecision
# One row of the screening list: her current decision joined in, dates as text (parsed once each);
# the risk level and score are sealed and opened with the screening's identity.
_LIST_QUERY = (
    select(Screening.id, Screening.participant_id, Participant.code, Participant.full_name,
           type_coerce(Screening.screened_on, String), Screening.assessor, Screening.seal_id,
           Screening.risk_level, Screening.score, _DECISION.outcome,
           case((and_(_DECISION.id.is_not(None), _DECISION.confirmed_by.is_(None)), 1), else_=0))
    .select_from(Screening)
    .join(Participant, Participant.id == Screening.participant_id)
    .outerjoin(_DECISION, and_(_DECISION.screening_id == Screening.id,
                               _DECISION.current == true())))
_LIST_ORDER = (Screening.screened_on.desc(), Screening.id.desc())


def _filtered(query: Select, status: ParticipantStatus | None) -> Select:
    """Anonymised participants leave the list; ``status`` is hers (e.g. waitlisted)."""
    query = query.where(Participant.anonymised_on.is_(None))
    if status is not None:
        query = query.where(Participant.status == ParticipantStatus(status).value)
    return query


class ScreeningService:
    def __init__(self, db: Database, actor: Actor) -> None:
        self.db = db
        self.actor = actor

    # -- criteria ---------------------------------------------------------------------------
    def criteria(self) -> list[Criterion]:
        """The active criteria in the order the screen shows them."""
        self.actor.require(Permission.VIEW_SCREENING)
        with self.db.reading() as session:
            return load_criteria(session)

    def evaluate(self, criteria_met: set[str]) -> Eligibility:
        """Score and unmet required criteria for the ticked codes (live, as the form changes)."""
        self.actor.require(Permission.VIEW_SCREENING)
        with self.db.reading() as session:
            return evaluate_criteria(load_criteria(session), criteria_met)

    # -- writing ----------------------------------------------------------------------------
    def create(self, data: ScreeningInput, today: date | None = None) -> ScreeningRecord:
        """Record a screening; the actor is its assessor. Her status moves on to ``screening``."""
        self.actor.require(Permission.SCREEN)
        today = today or local_today()
        now = datetime.now(UTC)
        with self.db.transaction() as session:
            person = participant_for_change(session, data.participant_id)
            criteria = load_criteria(session, active_only=False)
            clean = validate_screening(data, registered_on=person.registered_on, today=today,
                                       known_codes={c.code for c in criteria})
            row = Screening(participant_id=person.id, assessor=self.actor.username,
                            created_by=self.actor.username, created_at=now, updated_at=now,
                            decided=False)
            apply_input(row, clean, evaluate_criteria(criteria, clean.criteria_met))
            session.add(row)
            session.flush()
            if person.status == ParticipantStatus.REGISTERED.value:
                person.status = ParticipantStatus.SCREENING.value
                person.updated_at = now
            sync_participant_risk(session, person)
            audit_log.append(session, self.actor.username, "screening_created", person.code,
                             {"screening": row.id})
            return to_record(row, with_restricted=True, risk_visible=True, code=person.code)

    def update(self, screening_id: int, data: ScreeningInput, expected_version: int,
               reason: str = "", today: date | None = None) -> ScreeningRecord:
        """Save an edit. Until a decision on it is confirmed: its author or an Admin only.
        Afterwards: anyone who screens, with a reason, and the values before are kept."""
        self.actor.require(Permission.SCREEN)
        today = today or local_today()
        now = datetime.now(UTC)
        reason = reason.strip()
        try:
            with self.db.transaction() as session:
                row = screening_row(session, screening_id)
                if row.version != expected_version:
                    raise UserError("error.edited_elsewhere")
                person = participant_for_change(session, row.participant_id)
                confirmed = has_confirmed_decision(session, row.id)
                if (not confirmed and row.created_by != self.actor.username
                        and self.actor.role != Role.ADMIN):
                    raise ScreeningAuthorOnlyError()
                if confirmed and not reason:
                    raise ValidationError([UserError("error.change_reason_required",
                                                     field="reason")])
                if reject_control_characters("reason", reason, multiline=True):
                    raise ValidationError(reject_control_characters("reason", reason,
                                                                    multiline=True))
                if len(reason) > REASON_LIMIT:
                    raise ValidationError([UserError("error.too_long", field="reason",
                                                     limit=REASON_LIMIT)])
                criteria = load_criteria(session, active_only=False)
                before = to_record(row, with_restricted=True, risk_visible=True,
                                   code=person.code)
                if getattr(data, "restricted_hidden", False):
                    # a record read without its restricted part: keep what is stored there
                    data = dataclasses.replace(
                        data, interview_notes=before.interview_notes,
                        safety_plan=before.safety_plan, risk_reasons=set(before.risk_reasons))
                clean = validate_screening(data, registered_on=person.registered_on,
                                           today=today, known_codes={c.code for c in criteria})
                fields = changed_fields(before, clean)
                if not fields:
                    return before
                if confirmed:
                    session.add(ScreeningChange(
                        screening_id=row.id, changed_at=now, changed_by=self.actor.username,
                        reason=reason, fields=",".join(fields),
                        previous=json.dumps({f: json_value(getattr(before, f)) for f in fields},
                                            ensure_ascii=False)))
                apply_input(row, clean, evaluate_criteria(criteria, clean.criteria_met))
                row.updated_at = now
                session.flush()
                sync_participant_risk(session, person)
                audit_log.append(session, self.actor.username, "screening_updated", person.code,
                                 {"screening": row.id, "fields": fields,
                                  "after_decision": confirmed})
                return to_record(row, with_restricted=True, risk_visible=True,
                                 code=person.code)
        except StaleDataError as exc:
            raise UserError("error.edited_elsewhere") from exc

    # -- reading ----------------------------------------------------------------------------
    def get(self, screening_id: int) -> ScreeningRecord:
        """The screening without its notes, risk reasons and safety plan (``open_restricted``
        gives those); the risk level only for roles that may see restricted data."""
        self.actor.require(Permission.VIEW_SCREENING)
        with self.db.reading() as session:
            row = screening_row(session, screening_id)
            code = session.scalar(select(Participant.code)
                                  .where(Participant.id == row.participant_id)) or ""
            return to_record(row, with_restricted=False,
                             risk_visible=self.actor.may(Permission.VIEW_RESTRICTED), code=code)

    def open_restricted(self, screening_id: int) -> ScreeningRecord:
        """The whole screening; every opening is audited, and so is every refusal."""
        with self.db.transaction() as session:
            row = screening_row(session, screening_id)
            code = self._opening(session, row, history=False)
            return to_record(row, with_restricted=True, risk_visible=True, code=code)

    def _opening(self, session: Session, row: Screening, history: bool) -> str:
        """Audit an attempt to read restricted fields; refuse (audited, committed) if not allowed.

        Returns her participant code."""
        code = session.scalar(select(Participant.code)
                              .where(Participant.id == row.participant_id)) or ""
        details: dict[str, object] = {"screening": row.id}
        if history:
            details["history"] = True
        if not (self.actor.may(Permission.VIEW_SCREENING)
                and self.actor.may(Permission.VIEW_RESTRICTED)):
            audit_log.append(session, self.actor.username, "screening_restricted_refused", code,
                             details)
            session.commit()
            raise PermissionDeniedError()
        audit_log.append(session, self.actor.username, "screening_restricted_opened", code,
                         details)
        return code

    def for_participant(self, participant_id: int) -> list[ScreeningRecord]:
        """Her screenings, oldest first, as ``get`` returns them."""
        self.actor.require(Permission.VIEW_SCREENING)
        risk_visible = self.actor.may(Permission.VIEW_RESTRICTED)
        with self.db.reading() as session:
            code = session.scalar(select(Participant.code)
                                  .where(Participant.id == participant_id))
            if code is None:
                raise UserError("error.participant_unknown")
            rows = session.scalars(select(Screening)
                                   .where(Screening.participant_id == participant_id)
                                   .order_by(Screening.screened_on, Screening.id))
            return [to_record(r, with_restricted=False, risk_visible=risk_visible, code=code)
                    for r in rows]

    def history(self, screening_id: int,
                include_restricted: bool = False) -> list[ScreeningChangeRecord]:
        """Changes made after the decision, oldest first. Previous values of the notes, risk
        reasons and safety plan only with ``include_restricted`` (audited like an opening)."""
        if not include_restricted:  # an attempt to open is audited, even when refused
            self.actor.require(Permission.VIEW_SCREENING)
        hidden = set() if include_restricted else set(NOTE_FIELDS)
        if not self.actor.may(Permission.VIEW_RESTRICTED):
            hidden.add("risk_level")
        with self.db.transaction() as session:
            row = screening_row(session, screening_id)
            if include_restricted:
                self._opening(session, row, history=True)
            changes = session.scalars(select(ScreeningChange)
                                      .where(ScreeningChange.screening_id == screening_id)
                                      .order_by(ScreeningChange.changed_at, ScreeningChange.id))
            # without the restricted key the previous values (sealed restricted) are all withheld
            withheld = not field_keys(session).holds(Tier.RESTRICTED)
            result = []
            for change in changes:
                fields = split_codes(change.fields)
                previous = json.loads(change.previous) if change.previous else {}
                shown = {k: v for k, v in previous.items() if k not in hidden}
                result.append(ScreeningChangeRecord(
                    change.id, change.screening_id, change.changed_at.replace(tzinfo=UTC),
                    change.changed_by, change.reason or "", fields, shown,
                    restricted_hidden=withheld or len(shown) < len(previous)))
            return result

    def visible_columns(self) -> tuple[str, ...]:
        return (LIST_COLUMNS_RISK if self.actor.may(Permission.VIEW_RESTRICTED)
                else LIST_COLUMNS_LIMITED)

    def list_rows(self, status: ParticipantStatus | None = None,
                  limit: int | None = None) -> list[ScreeningListRow]:
        """Every screening, newest first, with her current decision (facilitators: refused)."""
        self.actor.require(Permission.VIEW_SCREENING)
        query = _filtered(_LIST_QUERY, status).order_by(*_LIST_ORDER)
        if limit is not None:
            query = query.limit(limit)
        with self.db.reading() as session:
            return self._rows(session, query)

    def list_page(self, status: ParticipantStatus | None = None,
                  first: int = PAGE_SIZE) -> ScreeningPage:
        """Every matching screening id in list order, with the rows of the first page (what a
        lazily filled list shows at once; ``rows_by_ids`` gives the rest as it scrolls)."""
        self.actor.require(Permission.VIEW_SCREENING)
        if status is None:  # the few anonymised women left out by a list of their ids: the
            # screening index alone gives the order (no row of either table is read)
            ids_query = select(Screening.id).where(Screening.participant_id.not_in(
                select(Participant.id).where(Participant.anonymised_on.is_not(None))))
        else:
            ids_query = _filtered(select(Screening.id).select_from(Screening).join(
                Participant, Participant.id == Screening.participant_id), status)
        with self.db.reading() as session:
            ids = list(session.scalars(ids_query.order_by(*_LIST_ORDER)))
            return ScreeningPage(ids, self._by_ids(session, ids[:first]))

    def rows_by_ids(self, ids: list[int]) -> list[ScreeningListRow]:
        """The list rows of ``ids``, in the order given."""
        self.actor.require(Permission.VIEW_SCREENING)
        with self.db.reading() as session:
            return self._by_ids(session, ids)

    def _by_ids(self, session: Session, ids: list[int]) -> list[ScreeningListRow]:
        found: dict[int, ScreeningListRow] = {}
        for start in range(0, len(ids), 500):
            query = _filtered(_LIST_QUERY, None).where(Screening.id.in_(ids[start:start + 500]))
            found.update((row.screening_id, row) for row in self._rows(session, query))
        return [found[i] for i in ids if i in found]

    def _rows(self, session: Session, query: Select) -> list[ScreeningListRow]:
        keys = field_keys(session)
        show_risk = self.actor.may(Permission.VIEW_RESTRICTED)
        risk = RISK_BY_VALUE.get
        outcome = OUTCOME_BY_VALUE.get
        day = _DayCache()
        row = ScreeningListRow
        with _collector_paused():
            return [row(sid, pid, code, name, day(on), assessor,
                        (risk(open_blob(keys, level, seal, pid)) or RiskLevel.HIGH) if show_risk
                        else None,
                        open_blob(keys, score, seal, pid) or 0, outcome(result), awaiting == 1)
                    for sid, pid, code, name, on, assessor, seal, level, score, result, awaiting
                    in session.connection().execute(query).all()]  # Core rows: no ORM loading

    def record_listing(self, count: int, fmt: str) -> None:
        """Audit a screening list that leaves the app (CLI output, export)."""
        self.actor.require(Permission.VIEW_SCREENING)
        with self.db.transaction() as session:
            audit_log.append(session, self.actor.username, "screenings_exported",
                             details={"rows": count, "format": fmt})
