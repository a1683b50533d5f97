"""Selection decisions on screenings, the second confirmation of rejections, and the waitlist."""

from __future__ import annotations

import copy
from collections.abc import Iterable
from datetime import UTC, date, datetime

from sqlalchemy import Select, select, true
from sqlalchemy.orm import Session

from kdrt_desk.db.session import Database
from kdrt_desk.domain.enums import DecisionOutcome, NotEligibleReason, ParticipantStatus, RiskLevel
from kdrt_desk.domain.screening import (
    STATUS_AFTER_DECISION,
    DecisionInput,
    DecisionRecord,
    WaitlistEntry,
)
from kdrt_desk.domain.text import control_character_problems
from kdrt_desk.errors import UserError, ValidationError
from kdrt_desk.i18n import format_date
from kdrt_desk.models import Participant, Partner, Screening, ScreeningDecision
from kdrt_desk.models.sealed import field_keys, open_blob
from kdrt_desk.repositories.names import shown_name
from kdrt_desk.security.permissions import Permission
from kdrt_desk.services import audit_log
from kdrt_desk.services.actor import Actor
from kdrt_desk.services.clock import local_today
from kdrt_desk.services.screening import participant_for_change

PRIORITY_RANGE = (1, 5)  # 1: most urgent
REASON_TEXT_LIMIT = 2000
# Past selection: a new decision would undo her enrolment (the training issue moves her on).
CLOSED_STATUSES = frozenset({ParticipantStatus.ENROLLED.value, ParticipantStatus.COMPLETED.value,
                             ParticipantStatus.DROPPED_OUT.value})


def validate_decision(data: DecisionInput, *, screened_on: date, today: date,
                      active_partner_ids: set[int]) -> DecisionInput:
    """A cleaned copy (fields that do not belong to the outcome cleared) or a
    ``ValidationError`` naming each field."""
    clean = copy.deepcopy(data)
    errors: list[UserError] = []

    def err(field: str, key: str, **params: object) -> None:
        errors.append(UserError(key, field=field, **params))

    try:
        clean.outcome = DecisionOutcome(clean.outcome)
    except ValueError as exc:
        raise ValidationError([UserError("error.choice_unknown", field="outcome")]) from exc
    errors.extend(control_character_problems(data, frozenset({"reason_text"})))
    clean.reason_text = (clean.reason_text or "").strip()
    if len(clean.reason_text) > REASON_TEXT_LIMIT:
        err("reason_text", "error.too_long", limit=REASON_TEXT_LIMIT)

    clean.decided_on = clean.decided_on or today
    if clean.decided_on > today:
        err("decided_on", "error.date_future")
    elif clean.decided_on < screened_on:
        err("decided_on", "error.decision_before_screening", date=format_date(screened_on))

    low, high = PRIORITY_RANGE
    if clean.outcome == DecisionOutcome.WAITLISTED:
        if clean.priority is None:
            err("priority", "error.priority_required", low=low, high=high)
        elif not low <= clean.priority <= high:
            err("priority", "error.priority_range", low=low, high=high)
    else:
        clean.priority = None

    if clean.outcome == DecisionOutcome.NOT_ELIGIBLE:
        if clean.reason_code is None or clean.reason_code == "":
            err("reason_code", "error.reason_required")
            clean.reason_code = None
        else:
            try:
                clean.reason_code = NotEligibleReason(clean.reason_code)
            except ValueError:
                err("reason_code", "error.choice_unknown")
        if clean.reason_code == NotEligibleReason.OTHER and not clean.reason_text:
            err("reason_text", "error.reason_text_required")
    else:
        clean.reason_code = None

    if clean.outcome == DecisionOutcome.REFERRED:
        if clean.referred_partner_id not in active_partner_ids:
            err("referred_partner_id", "error.partner_unknown")
    else:
        clean.referred_partner_id = None
    if errors:
        raise ValidationError(errors)
    return clean


def take_effect(person: Participant, screening: Screening, outcome: DecisionOutcome,
                now: datetime) -> None:
    """A confirmed decision moves her status on and marks the screening decided."""
    person.status = STATUS_AFTER_DECISION[outcome].value
    person.updated_at = now
    if not screening.decided:
        screening.decided = True


def _records_query() -> Select:
    return (select(ScreeningDecision, Participant.code, Participant.full_name, Partner.name)
            .join(Participant, Participant.id == ScreeningDecision.participant_id)
            .outerjoin(Partner, Partner.id == ScreeningDecision.referred_partner_id))


def to_record(row: ScreeningDecision, code: str = "", name: str = "",
              partner: str | None = None) -> DecisionRecord:
    return DecisionRecord(
        screening_id=row.screening_id, outcome=DecisionOutcome(row.outcome),
        priority=row.priority,
        reason_code=NotEligibleReason(row.reason_code) if row.reason_code else None,
        reason_text=row.reason_text or "", referred_partner_id=row.referred_partner_id,
        decided_on=row.decided_on, id=row.id, participant_id=row.participant_id,
        decided_by=row.decided_by, confirmed_by=row.confirmed_by, confirmed_on=row.confirmed_on,
        current=row.current, participant_code=code, participant_name=name,
        partner_name=partner or "")


def _records(rows: Iterable[tuple[ScreeningDecision, str, str, str | None]]
             ) -> list[DecisionRecord]:
    return [to_record(d, code, shown_name(name), partner)
            for d, code, name, partner in rows]


class DecisionService:
    def __init__(self, db: Database, actor: Actor) -> None:
        self.db = db
        self.actor = actor

    # -- writing ----------------------------------------------------------------------------
    def decide(self, data: DecisionInput, today: date | None = None) -> DecisionRecord:
        """Decide on a screening. Accepted, waitlisted and referred take effect at once; not
        eligible waits for a second Admin or Konselor (``confirm``)."""
        self.actor.require(Permission.DECIDE)
        today = today or local_today()
        with self.db.transaction() as session:
            return self._decide(session, data, today, {})

    def _decide(self, session: Session, data: DecisionInput, today: date,
                extra: dict[str, object]) -> DecisionRecord:
        if not data.screening_id:
            raise UserError("error.decision_needs_screening", field="screening_id")
        screening = session.get(Screening, data.screening_id)
        if screening is None:
            raise UserError("error.decision_needs_screening", field="screening_id")
        person = participant_for_change(session, screening.participant_id)
        if person.status in CLOSED_STATUSES:
            raise UserError("error.decision_after_enrolment")
        partners = set(session.scalars(select(Partner.id).where(Partner.active.is_(True))))
        clean = validate_decision(data, screened_on=screening.screened_on, today=today,
                                  active_partner_ids=partners)
        assert clean.decided_on is not None
        now = datetime.now(UTC)
        for previous in session.scalars(select(ScreeningDecision).where(
                ScreeningDecision.screening_id == screening.id,
                ScreeningDecision.current == true())):
            previous.current = False
        immediate = clean.outcome != DecisionOutcome.NOT_ELIGIBLE
        row = ScreeningDecision(
            screening_id=screening.id, participant_id=person.id, outcome=clean.outcome.value,
            priority=clean.priority,
            reason_code=clean.reason_code.value if clean.reason_code else None,
            reason_text=clean.reason_text, referred_partner_id=clean.referred_partner_id,
            decided_by=self.actor.username, decided_on=clean.decided_on,
            confirmed_by=self.actor.username if immediate else None,
            confirmed_on=today if immediate else None, current=True)
        session.add(row)
        if immediate:
            take_effect(person, screening, clean.outcome, now)
        session.flush()
        audit_log.append(session, self.actor.username, "decision_made", person.code,
                         {"decision": row.id, "screening": screening.id,
                          "outcome": clean.outcome.value,
                          "awaiting_confirmation": not immediate, **extra})
        partner = session.get(Partner, row.referred_partner_id) if row.referred_partner_id \
            else None
        return to_record(row, person.code, person.full_name, partner.name if partner else None)

    def confirm(self, decision_id: int, today: date | None = None) -> DecisionRecord:
        """The second person's confirmation of a rejection; then it takes effect."""
        self.actor.require(Permission.DECIDE)
        today = today or local_today()
        with self.db.transaction() as session:
            row = session.get(ScreeningDecision, decision_id)
            if row is None:
                raise UserError("error.decision_unknown")
            if row.confirmed_by is not None:
                raise UserError("error.decision_already_confirmed")
            if not row.current:
                raise UserError("error.decision_superseded")
            if row.decided_by == self.actor.username:
                raise UserError("error.same_person_confirm")
            person = participant_for_change(session, row.participant_id)
            if person.status in CLOSED_STATUSES:
                raise UserError("error.decision_after_enrolment")
            screening = session.get(Screening, row.screening_id)
            assert screening is not None
            row.confirmed_by = self.actor.username
            row.confirmed_on = max(today, row.decided_on)
            take_effect(person, screening, DecisionOutcome(row.outcome), datetime.now(UTC))
            session.flush()
            audit_log.append(session, self.actor.username, "decision_confirmed", person.code,
                             {"decision": row.id, "screening": screening.id,
                              "outcome": row.outcome})
            return to_record(row, person.code, person.full_name)

    def accept_from_waitlist(self, participant_id: int,
                             today: date | None = None) -> DecisionRecord:
        """Take her off the waitlist: a new accepted decision on the screening she waited on."""
        self.actor.require(Permission.DECIDE)
        today = today or local_today()
        with self.db.transaction() as session:
            person = participant_for_change(session, participant_id)
            waiting = session.scalar(
                select(ScreeningDecision).where(
                    ScreeningDecision.participant_id == person.id,
                    ScreeningDecision.outcome == DecisionOutcome.WAITLISTED.value,
                    ScreeningDecision.current == true(),
                    ScreeningDecision.confirmed_by.is_not(None))
                .order_by(ScreeningDecision.id.desc()).limit(1))
            if person.status != ParticipantStatus.WAITLISTED.value or waiting is None:
                raise UserError("error.not_on_waitlist")
            return self._decide(session, DecisionInput(
                screening_id=waiting.screening_id, outcome=DecisionOutcome.ACCEPTED,
                decided_on=today), today, {"from_waitlist": True})

    # -- reading ----------------------------------------------------------------------------
    def get(self, decision_id: int) -> DecisionRecord:
        self.actor.require(Permission.VIEW_SCREENING)
        with self.db.reading() as session:
            found = _records(session.execute(
                _records_query().where(ScreeningDecision.id == decision_id)))
        if not found:
            raise UserError("error.decision_unknown")
        return found[0]

    def pending_confirmations(self) -> list[DecisionRecord]:
        """Rejections waiting for a second person, oldest first."""
        self.actor.require(Permission.VIEW_SCREENING)
        with self.db.reading() as session:
            return _records(session.execute(
                _records_query().where(ScreeningDecision.current == true(),
                                       ScreeningDecision.confirmed_by.is_(None),
                                       Participant.anonymised_on.is_(None))
                .order_by(ScreeningDecision.decided_on, ScreeningDecision.id)))

    def for_participant(self, participant_id: int) -> list[DecisionRecord]:
        """All her decisions, replaced ones too (``current`` False), oldest first."""
        self.actor.require(Permission.VIEW_SCREENING)
        with self.db.reading() as session:
            if session.get(Participant, participant_id) is None:
                raise UserError("error.participant_unknown")
            return _records(session.execute(
                _records_query().where(ScreeningDecision.participant_id == participant_id)
                .order_by(ScreeningDecision.decided_on, ScreeningDecision.id)))

    def waitlist(self, today: date | None = None) -> list[WaitlistEntry]:
        """Waitlisted participants by priority (1 first), then longest waiting."""
        self.actor.require(Permission.VIEW_SCREENING)
        today = today or local_today()
        risk_visible = self.actor.may(Permission.VIEW_RESTRICTED)
        query = (select(Participant.id, Participant.code, Participant.full_name,
                        Participant.preferred_name, Participant.kecamatan,
                        ScreeningDecision.priority, ScreeningDecision.decided_on,
                        Participant.seal_id, Participant.risk_level)
                 .join(ScreeningDecision, ScreeningDecision.participant_id == Participant.id)
                 .where(Participant.status == ParticipantStatus.WAITLISTED.value,
                        Participant.anonymised_on.is_(None),
                        ScreeningDecision.outcome == DecisionOutcome.WAITLISTED.value,
                        ScreeningDecision.current == true(),
                        ScreeningDecision.confirmed_by.is_not(None))
                 .order_by(ScreeningDecision.id.desc()))
        risk: dict[str | None, RiskLevel] = ({r.value: r for r in RiskLevel} if risk_visible
                                              else {})
        latest: dict[int, WaitlistEntry] = {}
        with self.db.reading() as session:
            keys = field_keys(session)
            for pid, code, name, preferred, kecamatan, priority, since, seal, level in \
                    session.execute(query):
                if pid not in latest:  # her most recent waitlisting counts
                    level_text = open_blob(keys, level, seal) if risk_visible else None
                    latest[pid] = WaitlistEntry(pid, code, name, preferred, kecamatan,
                                                priority or PRIORITY_RANGE[1], since,
                                                (today - since).days, risk.get(level_text))
        return sorted(latest.values(), key=lambda e: (e.priority, e.waiting_since, e.code))
