"""The programme's figures for the dashboard, counted in SQL (fast on 50,000 participants)."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from kdrt_desk.db.session import Database
from kdrt_desk.domain.care import DashboardCounts
from kdrt_desk.domain.enums import DecisionOutcome, NotEligibleReason, ServiceKind, ServiceStatus
from kdrt_desk.domain.training import ATTENDED, EnrolmentStatus, SessionStatus
from kdrt_desk.models import (
    Attendance,
    Enrolment,
    Screening,
    ScreeningDecision,
    ServiceRecord,
    TrainingGroup,
    TrainingSession,
)
from kdrt_desk.security.permissions import Permission
from kdrt_desk.services.actor import Actor

# Psychosocial access (the donors' output indicator): a counselling session she actually had.
PSYCHOSOCIAL_KINDS = (ServiceKind.COUNSELLING.value,)
RECEIVED = (ServiceStatus.IN_PROGRESS.value, ServiceStatus.DONE.value)
ATTENDED_VALUES = tuple(m.value for m in ATTENDED)


def quarter_start(day: date) -> date:
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def _screened_since(session: Session, first: date, today: date) -> int:
    return int(session.scalar(
        select(func.count(func.distinct(Screening.participant_id)))
        .where(Screening.screened_on >= first, Screening.screened_on <= today)) or 0)


class DashboardService:
    def __init__(self, db: Database, actor: Actor) -> None:
        self.db = db
        self.actor = actor

    def counts(self, today: date) -> DashboardCounts:
        """The figures on ``today``: screenings of this month and quarter (up to today), the
        latest decision of each participant, psychosocial access, referrals and training."""
        self.actor.require(Permission.VIEW_SCREENING)
        with self.db.reading() as session:
            month = _screened_since(session, today.replace(day=1), today)
            quarter = _screened_since(session, quarter_start(today), today)
            outcomes, awaiting, reasons = self._decisions(session)
            psychosocial = int(session.scalar(
                select(func.count(func.distinct(ServiceRecord.participant_id)))
                .where(ServiceRecord.kind.in_(PSYCHOSOCIAL_KINDS),
                       ServiceRecord.status.in_(RECEIVED))) or 0)
            referrals: dict[ServiceKind, dict[ServiceStatus, int]] = {}
            for kind, status, count in session.execute(
                    select(ServiceRecord.kind, ServiceRecord.status, func.count())
                    .where(ServiceRecord.partner_id.is_not(None))
                    .group_by(ServiceRecord.kind, ServiceRecord.status)):
                by_status = referrals.setdefault(
                    ServiceKind(kind), dict.fromkeys(ServiceStatus, 0))
                by_status[ServiceStatus(status)] = int(count)
            training = self._training(session, today)
        return DashboardCounts(
            **training, today=today, screened_this_month=month, screened_this_quarter=quarter,
            accepted=outcomes[DecisionOutcome.ACCEPTED],
            waitlisted=outcomes[DecisionOutcome.WAITLISTED],
            not_eligible=outcomes[DecisionOutcome.NOT_ELIGIBLE],
            referred=outcomes[DecisionOutcome.REFERRED], awaiting_confirmation=awaiting,
            not_eligible_by_reason=reasons, with_psychosocial_service=psychosocial,
            referrals={k: referrals[k] for k in ServiceKind if k in referrals})

    @staticmethod
    def _training(session: Session, today: date) -> dict[str, Any]:
        first = today.replace(day=1)
        last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        running = int(session.scalar(select(func.count(TrainingGroup.id)).where(
            TrainingGroup.archived.is_(False), TrainingGroup.start_date <= today,
            TrainingGroup.end_date >= today)) or 0)
        memberships = dict(session.execute(
            select(Enrolment.status, func.count(func.distinct(Enrolment.participant_id)))
            .group_by(Enrolment.status)).all())
        sessions = dict(session.execute(
            select(TrainingSession.status, func.count(TrainingSession.id))
            .where(TrainingSession.session_date >= first, TrainingSession.session_date <= last)
            .group_by(TrainingSession.status)).all())
        marked, attended = session.execute(
            select(func.count(Attendance.id),
                   func.sum(case((Attendance.mark.in_(ATTENDED_VALUES), 1), else_=0)))
            .join(TrainingSession, TrainingSession.id == Attendance.session_id)
            .where(TrainingSession.session_date >= first,
                   TrainingSession.session_date <= last)).one()
        return {
            "groups_running": running,
            "in_training": int(memberships.get(EnrolmentStatus.ACTIVE.value, 0)),
            "completed_training": int(memberships.get(EnrolmentStatus.COMPLETED.value, 0)),
            "left_training": int(memberships.get(EnrolmentStatus.WITHDRAWN.value, 0))
            + int(memberships.get(EnrolmentStatus.DROPPED_OUT.value, 0)),
            "sessions_held_this_month": int(sessions.get(SessionStatus.HELD.value, 0)),
            "sessions_planned_this_month": int(sessions.get(SessionStatus.PLANNED.value, 0))
            + int(sessions.get(SessionStatus.MOVED.value, 0)),
            "sessions_cancelled_this_month": int(sessions.get(SessionStatus.CANCELLED.value, 0)),
            "attendance_rate_this_month": round(100 * int(attended or 0) / marked)
            if marked else None,
        }

    @staticmethod
    def _decisions(session: Session
                   ) -> tuple[Counter[DecisionOutcome], int, dict[NotEligibleReason, int]]:
        """Each participant's latest current decision, counted by outcome (and reason)."""
        latest = (select(func.max(ScreeningDecision.id).label("id"))
                  .where(ScreeningDecision.current.is_(True))
                  .group_by(ScreeningDecision.participant_id)).subquery()
        confirmed = ScreeningDecision.confirmed_by.is_not(None)
        outcomes: Counter[DecisionOutcome] = Counter()
        reasons: Counter[NotEligibleReason] = Counter()
        awaiting = 0
        for outcome, is_confirmed, reason, count in session.execute(
                select(ScreeningDecision.outcome, confirmed, ScreeningDecision.reason_code,
                       func.count())
                .join(latest, latest.c.id == ScreeningDecision.id)
                .group_by(ScreeningDecision.outcome, confirmed, ScreeningDecision.reason_code)):
            kind = DecisionOutcome(outcome)
            if kind == DecisionOutcome.NOT_ELIGIBLE and not is_confirmed:
                awaiting += int(count)
                continue
            outcomes[kind] += int(count)
            if kind == DecisionOutcome.NOT_ELIGIBLE:
                reasons[NotEligibleReason(reason or NotEligibleReason.OTHER)] += int(count)
        ordered = {r: reasons[r] for r in NotEligibleReason if reasons[r]}
        return outcomes, awaiting, ordered
