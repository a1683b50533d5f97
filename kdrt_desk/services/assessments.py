"""Psychosocial assessments: entered by a case worker (Admin, Konselor: the restricted key),
scored here and never typed, stored sealed; the rounds each member is due for; and the alerts an
answer raises, at once, in the same transaction as the assessment.

An alert is not written to the plain audit log when it is raised: an entry next to the
assessment's would tell anyone with a facilitator's password which woman is at risk. Who raised
it and when are kept inside the sealed alert; acknowledging and handling it are audited without
naming her (``services/alerts.py``).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from kdrt_desk.db.session import Database
from kdrt_desk.domain.assessment import (
    PLANNED_ROUNDS,
    AssessmentInput,
    AssessmentView,
    DueRound,
    Round,
    round_due_dates,
)
from kdrt_desk.domain.instruments import Score, score
from kdrt_desk.domain.training import EnrolmentStatus
from kdrt_desk.errors import UserError
from kdrt_desk.models import Assessment, AssessmentAlert, Enrolment, Participant, TrainingGroup
from kdrt_desk.repositories import score_ledger
from kdrt_desk.security.permissions import Permission
from kdrt_desk.services import audit_log
from kdrt_desk.services.actor import Actor
from kdrt_desk.services.assessment_validation import check_assessment
from kdrt_desk.services.clock import local_today
from kdrt_desk.services.instruments import instruments_in_use, load_instrument

COUNTED = (EnrolmentStatus.ACTIVE, EnrolmentStatus.COMPLETED)


def _view(row: Assessment) -> AssessmentView:
    answers = tuple(row.answers) if isinstance(row.answers, list) else None
    result = Score.from_json(row.score) if isinstance(row.score, dict) else None
    return AssessmentView(row.id, row.participant_id, row.instrument_code,
                          row.instrument_version, Round(row.round), row.assessed_on,
                          row.recorded_by, answers, result)


class AssessmentService:
    def __init__(self, db: Database, actor: Actor) -> None:
        self.db = db
        self.actor = actor

    def record(self, data: AssessmentInput) -> AssessmentView:
        """Check, score and store one assessment; an alert item answered at or above its
        level raises an alert for her case worker (every konselor and admin without one)."""
        self.actor.require(Permission.EDIT_RESTRICTED)
        with self.db.transaction() as session:
            person = _participant(session, data.participant_id)
            if person.anonymised_on is not None:
                raise UserError("error.participant_anonymised")
            instrument = load_instrument(session, data.instrument_code)
            round_, day, answers = check_assessment(
                data, instrument, registered_on=person.registered_on, today=local_today())
            if data.group_id is not None and session.get(TrainingGroup, data.group_id) is None:
                raise UserError("error.group_unknown", field="group_id")
            result = score(instrument, answers)
            now = datetime.now(UTC)
            row = Assessment(participant_id=person.id, instrument_code=instrument.code,
                             instrument_version=instrument.version, round=round_.value,
                             group_id=data.group_id, assessed_on=day,
                             recorded_by=self.actor.username, recorded_at=now,
                             answers=list(answers), score=result.to_json())
            session.add(row)
            session.flush()
            score_ledger.add(session, row)
            for item in result.alerts:
                session.add(AssessmentAlert(is_open=True, raised={
                    "participant_id": person.id, "assessment_id": row.id,
                    "instrument": instrument.code, "version": instrument.version,
                    "item": item, "answer": answers[item - 1], "raised_at": now.isoformat(),
                    "raised_by": self.actor.username,
                    "assigned_to": [person.case_worker] if person.case_worker else []}))
            audit_log.append(session, self.actor.username, "assessment_recorded", person.code,
                             {"instrument": instrument.code, "round": round_.value})
            view = _view(row)
        return view

    def for_participant(self, participant_id: int) -> list[AssessmentView]:
        """Her assessments, oldest first (scores need the restricted key)."""
        self.actor.require(Permission.VIEW_RESTRICTED)
        with self.db.reading() as session:
            _participant(session, participant_id)
            rows = session.scalars(select(Assessment).where(
                Assessment.participant_id == participant_id).order_by(
                Assessment.assessed_on, Assessment.id))
            return [_view(r) for r in rows]

    def delete(self, assessment_id: int) -> None:
        """Remove one entered by mistake (its alerts stay: someone must still close them)."""
        self.actor.require(Permission.EDIT_RESTRICTED)
        with self.db.transaction() as session:
            row = session.get(Assessment, assessment_id)
            if row is None:
                raise UserError("error.assessment_unknown")
            person = _participant(session, row.participant_id)
            audit_log.append(session, self.actor.username, "assessment_deleted", person.code,
                             {"instrument": row.instrument_code, "round": row.round})
            score_ledger.remove(session, [row])
            session.delete(row)

    def due(self, today: date | None = None, *, mine_only: bool = False,
            horizon_days: int = 7) -> list[DueRound]:
        """The planned rounds not yet entered that fall due by ``today + horizon_days`` (this
        week) or are overdue, for every instrument the programme uses, oldest first. Members
        who left a group are not due; ``mine_only``: the women whose case worker I am."""
        self.actor.require(Permission.VIEW_RESTRICTED)
        today = today or local_today()
        until = today + timedelta(days=horizon_days)
        with self.db.reading() as session:
            return _due(session, today, until,
                        self.actor.username if mine_only else None)


def _due(session: Session, today: date, until: date, case_worker: str | None
         ) -> list[DueRound]:
    codes = instruments_in_use(session)
    done: set[tuple[int, str, str]] = {(int(p), str(c), str(r)) for p, c, r in session.execute(
        select(Assessment.participant_id, Assessment.instrument_code, Assessment.round))}
    query = (select(Enrolment.participant_id, Enrolment.enrolled_on, Enrolment.ended_on,
                    Enrolment.status, TrainingGroup.id, TrainingGroup.name,
                    TrainingGroup.start_date, TrainingGroup.end_date, Participant.code,
                    Participant.full_name, Participant.preferred_name)
             .join(TrainingGroup, TrainingGroup.id == Enrolment.group_id)
             .join(Participant, Participant.id == Enrolment.participant_id)
             .where(Enrolment.status.in_([s.value for s in COUNTED]),
                    Participant.anonymised_on.is_(None)))
    if case_worker is not None:
        query = query.where(Participant.case_worker == case_worker)
    found: list[DueRound] = []
    seen: set[tuple[int, str, Round]] = set()
    for (pid, enrolled, ended, status, gid, gname, start, end, code, full, preferred
         ) in session.execute(query):
        completed = ended if status == EnrolmentStatus.COMPLETED.value else None
        dates = round_due_dates(start, end, enrolled, completed)
        for round_ in PLANNED_ROUNDS:
            due_on = dates[round_]
            if due_on > until:
                continue
            if round_ in (Round.FOLLOW_UP_3, Round.FOLLOW_UP_6) and status != "completed" \
                    and end >= today:
                continue  # follow-ups only once she has completed (or the term is over)
            for instrument in codes:
                key = (pid, instrument, round_)
                if key in seen or (pid, instrument, round_.value) in done:
                    continue
                seen.add(key)
                found.append(DueRound(pid, code, preferred or full, gid, gname, instrument,
                                      round_, due_on))
    found.sort(key=lambda d: (d.due_on, d.code, d.instrument_code))
    return found


def _participant(session: Session, participant_id: int) -> Participant:
    person = session.get(Participant, participant_id)
    if person is None:
        raise UserError("error.participant_unknown")
    return person


def scores_by_round(rows: Iterable[AssessmentView]) -> dict[tuple[str, Round], AssessmentView]:
    """The newest assessment per instrument and round (what the charts and indicators use)."""
    newest: dict[tuple[str, Round], AssessmentView] = {}
    for row in rows:
        key = (row.instrument_code, row.round)
        if key not in newest or (row.assessed_on, row.id) >= (newest[key].assessed_on,
                                                              newest[key].id):
            newest[key] = row
    return newest
