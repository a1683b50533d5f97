"""A participant's path through the programme, oldest first, as this user may see it."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from kdrt_desk.db.session import Database
from kdrt_desk.domain.care import TimelineEvent
from kdrt_desk.domain.enums import (
    ConsentScope,
    DecisionOutcome,
    NotEligibleReason,
    RiskLevel,
    ServiceKind,
    ServiceStatus,
)
from kdrt_desk.domain.training import EnrolmentStatus
from kdrt_desk.errors import PermissionDeniedError, UserError
from kdrt_desk.i18n import format_date, label, t
from kdrt_desk.models import (
    Enrolment,
    Participant,
    Partner,
    Screening,
    ScreeningDecision,
    ServiceRecord,
    TrainingGroup,
)
from kdrt_desk.models.sealed import field_keys, open_blob
from kdrt_desk.security.permissions import Permission
from kdrt_desk.services.actor import Actor

# Events on the same day read in the order things happen.
ORDER = {"registration": 0, "consent": 1, "screening": 2, "decision": 3, "training": 4,
         "service": 5, "referral": 5, "withdrawal": 6}


class TimelineService:
    def __init__(self, db: Database, actor: Actor) -> None:
        self.db = db
        self.actor = actor

    def timeline(self, participant_id: int) -> list[TimelineEvent]:
        """Registration, consent, screenings, decisions, services and referrals in date order.

        Risk levels appear only for roles that may read restricted data; outcome notes, screening
        notes and decision reason texts never appear here.
        """
        self.actor.require(Permission.VIEW_REGISTER)
        if not self.actor.may(Permission.VIEW_ALL_PARTICIPANTS):
            raise PermissionDeniedError()
        with self.db.reading() as session:
            person = session.get(Participant, participant_id)
            if person is None:
                raise UserError("error.participant_unknown")
            ranked: list[tuple[date, int, int, TimelineEvent]] = []

            def add(event: TimelineEvent, tie: int = 0) -> None:
                ranked.append((event.on, ORDER.get(event.kind, 9), tie, event))

            for event in self._person_events(person):
                add(event)
            if self.actor.may(Permission.VIEW_SCREENING):
                for tie, event in self._screening_events(session, participant_id):
                    add(event, tie)
            for tie, event in self._service_events(session, participant_id):
                add(event, tie)
            for tie, event in self._training_events(session, participant_id):
                add(event, tie)
        ranked.sort(key=lambda item: item[:3])
        return [event for *_, event in ranked]

    @staticmethod
    def _person_events(person: Participant) -> list[TimelineEvent]:
        events = [TimelineEvent(person.registered_on, "registration",
                                t("ui.care.event.registered"),
                                t("ui.care.event.registered_detail", code=person.code,
                                  kecamatan=person.kecamatan))]
        consent = person.consent
        if consent is None:
            return events
        if consent.consent_date is not None:
            given = (consent.scopes or "").split(",")
            scopes = [label(s) for s in ConsentScope if s.value in given]
            events.append(TimelineEvent(consent.consent_date, "consent",
                                        t("ui.care.event.consent_given"), ", ".join(scopes)))
        if consent.form_signed_on is not None:
            events.append(TimelineEvent(consent.form_signed_on, "consent",
                                        t("ui.care.event.form_signed")))
        if consent.withdrawn_on is not None:
            events.append(TimelineEvent(consent.withdrawn_on, "withdrawal",
                                        t("ui.care.event.consent_withdrawn")))
        if person.anonymised_on is not None:
            events.append(TimelineEvent(person.anonymised_on, "withdrawal",
                                        t("ui.care.event.anonymised"),
                                        t("ui.care.event.anonymised_detail")))
        return events

    def _screening_events(self, session: Session,
                          participant_id: int) -> list[tuple[int, TimelineEvent]]:
        show_risk = self.actor.may(Permission.VIEW_RESTRICTED)
        events: list[tuple[int, TimelineEvent]] = []
        keys = field_keys(session)
        for sid, screened_on, assessor, seal, level in session.execute(
                select(Screening.id, Screening.screened_on, Screening.assessor,
                       Screening.seal_id, Screening.risk_level)
                .where(Screening.participant_id == participant_id)):
            risk = open_blob(keys, level, seal, participant_id) if show_risk else None
            parts = [t("ui.care.event.assessor", name=assessor)]
            if show_risk and risk:
                parts.append(t("ui.care.event.risk", level=label(RiskLevel(risk))))
            events.append((sid, TimelineEvent(screened_on, "screening",
                                              t("ui.care.event.screened"), "; ".join(parts))))
        partners = dict(session.execute(select(Partner.id, Partner.name)).all())
        decisions = session.scalars(select(ScreeningDecision).where(
            ScreeningDecision.participant_id == participant_id))
        for row in decisions:
            events.append((row.id, self._decision_event(row, partners)))
        return events

    @staticmethod
    def _decision_event(row: ScreeningDecision, partners: dict[int, str]) -> TimelineEvent:
        outcome = DecisionOutcome(row.outcome)
        parts: list[str] = []
        if outcome == DecisionOutcome.WAITLISTED and row.priority is not None:
            parts.append(t("ui.care.event.priority", priority=row.priority))
        if outcome == DecisionOutcome.NOT_ELIGIBLE and row.reason_code:
            parts.append(t("ui.care.event.reason",
                           reason=label(NotEligibleReason(row.reason_code))))
        if outcome == DecisionOutcome.REFERRED and row.referred_partner_id is not None:
            parts.append(t("ui.care.event.referred_to",
                           partner=partners.get(row.referred_partner_id, "")))
        parts.append(t("ui.care.event.decided_by", name=row.decided_by))
        if row.confirmed_by and row.confirmed_by != row.decided_by:
            parts.append(t("ui.care.event.confirmed_by", name=row.confirmed_by,
                           date=format_date(row.confirmed_on or row.decided_on)))
        elif outcome == DecisionOutcome.NOT_ELIGIBLE:
            parts.append(t("ui.care.event.awaiting_confirmation"))
        if not row.current:
            parts.append(t("ui.care.event.superseded"))
        return TimelineEvent(row.decided_on, "decision",
                             t("ui.care.event.decision", outcome=label(outcome)),
                             "; ".join(parts))

    @staticmethod
    def _service_events(session: Session,
                        participant_id: int) -> list[tuple[int, TimelineEvent]]:
        events: list[tuple[int, TimelineEvent]] = []
        for sid, kind, day, partner, status in session.execute(
                select(ServiceRecord.id, ServiceRecord.kind, ServiceRecord.service_date,
                       Partner.name, ServiceRecord.status)
                .outerjoin(Partner, Partner.id == ServiceRecord.partner_id)
                .where(ServiceRecord.participant_id == participant_id)):
            what = label(ServiceKind(kind))
            state = t("ui.care.event.status", status=label(ServiceStatus(status)))
            if partner is None:
                event = TimelineEvent(day, "service", t("ui.care.event.service", kind=what),
                                      f"{t('ui.care.event.in_house')}; {state}")
            else:
                event = TimelineEvent(day, "referral", t("ui.care.event.referral", kind=what),
                                      f"{partner}; {state}")
            events.append((sid, event))
        return events

    @staticmethod
    def _training_events(session: Session,
                         participant_id: int) -> list[tuple[int, TimelineEvent]]:
        """Joining a group, and how each membership ended (the reason stays in the group)."""
        events: list[tuple[int, TimelineEvent]] = []
        for eid, group, joined, status, ended in session.execute(
                select(Enrolment.id, TrainingGroup.name, Enrolment.enrolled_on, Enrolment.status,
                       Enrolment.ended_on)
                .join(TrainingGroup, TrainingGroup.id == Enrolment.group_id)
                .where(Enrolment.participant_id == participant_id)):
            events.append((eid, TimelineEvent(joined, "training",
                                              t("ui.care.event.joined_group", group=group))))
            if ended is not None:
                events.append((eid, TimelineEvent(
                    ended, "training", t("ui.care.event.left_group", group=group),
                    label(EnrolmentStatus(status)))))
        return events
