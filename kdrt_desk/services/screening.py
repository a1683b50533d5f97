"""Screening assessments (asesmen awal): record, edit with history, read (notes audited)."""

from __future__ import annotations

import copy
import dataclasses
import json
from collections.abc import Iterable
from datetime import UTC, date, datetime
from enum import StrEnum

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from kdrt_desk.db.session import Database
from kdrt_desk.domain.enums import (
    Barrier,
    CriterionKind,
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
from kdrt_desk.models import Participant, Screening, ScreeningChange
from kdrt_desk.repositories import screenings
from kdrt_desk.repositories.screenings import apply_input, load_criteria, to_record
from kdrt_desk.security.permissions import Permission
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


class ScreeningAuthorOnlyError(PermissionDeniedError):
    """Before the decision is confirmed only the screening's author or an Admin may edit it."""

    def __init__(self) -> None:
        UserError.__init__(self, "error.screening_author_only")


# -- criteria and eligibility ------------------------------------------------------------------
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


def sync_participant_risk(session: Session, person: Participant) -> None:
    """Her risk level is the latest screening's (by date, then by entry)."""
    session.flush()
    latest = screenings.latest_risk(session, person.id)
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
                confirmed = screenings.has_confirmed_decision(session, row.id)
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
            code = screenings.participant_code(session, row.participant_id) or ""
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
        code = screenings.participant_code(session, row.participant_id) or ""
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
            code = screenings.participant_code(session, participant_id)
            if code is None:
                raise UserError("error.participant_unknown")
            return screenings.records_for_participant(session, participant_id, code,
                                                      risk_visible)

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
            return screenings.changes(session, screening_id, hidden)

    def visible_columns(self) -> tuple[str, ...]:
        return (LIST_COLUMNS_RISK if self.actor.may(Permission.VIEW_RESTRICTED)
                else LIST_COLUMNS_LIMITED)

    def list_rows(self, status: ParticipantStatus | None = None,
                  limit: int | None = None) -> list[ScreeningListRow]:
        """Every screening, newest first, with her current decision (facilitators: refused)."""
        self.actor.require(Permission.VIEW_SCREENING)
        with self.db.reading() as session:
            return screenings.list_rows(session, status, limit, self._shows_risk())

    def list_page(self, status: ParticipantStatus | None = None,
                  first: int = PAGE_SIZE) -> ScreeningPage:
        """Every matching screening id in list order, with the rows of the first page (what a
        lazily filled list shows at once; ``rows_by_ids`` gives the rest as it scrolls)."""
        self.actor.require(Permission.VIEW_SCREENING)
        with self.db.reading() as session:
            ids = screenings.list_ids(session, status)
            return ScreeningPage(ids, screenings.rows_by_ids(session, ids[:first],
                                                             self._shows_risk()))

    def rows_by_ids(self, ids: list[int]) -> list[ScreeningListRow]:
        """The list rows of ``ids``, in the order given."""
        self.actor.require(Permission.VIEW_SCREENING)
        with self.db.reading() as session:
            return screenings.rows_by_ids(session, ids, self._shows_risk())

    def _shows_risk(self) -> bool:
        return self.actor.may(Permission.VIEW_RESTRICTED)

    def record_listing(self, count: int, fmt: str) -> None:
        """Audit a screening list that leaves the app (CLI output, export)."""
        self.actor.require(Permission.VIEW_SCREENING)
        with self.db.transaction() as session:
            audit_log.append(session, self.actor.username, "screenings_exported",
                             details={"rows": count, "format": fmt})
