"""Retention: how long a woman's record is kept after her last activity, and the anonymisation of
the records past it.

The admin sets the number of years (1..50, 0 = off; 5 by default, kept in the ``setting`` table
as ``retention_years``). ``due`` lists the women not yet anonymised whose last activity is older
than that: code, last activity date and whole years since, nothing sealed. Her last activity is
the newest of these dated columns (timestamps of staff edits are not her activity):

- ``participant.registered_on``;
- ``screening.screened_on``, ``screening_decision.decided_on`` / ``confirmed_on``;
- ``training_session.session_date`` of each of her ``attendance`` marks;
- ``enrolment.enrolled_on`` / ``ended_on``, ``skill_assessment.assessed_on``;
- ``service_record.service_date`` (services and referrals);
- ``assessment.assessed_on``;
- ``livelihood_record.recorded_on``, ``business_capital.given_on``;
- ``participant_consent.consent_date`` / ``withdrawn_on`` / ``form_signed_on``.

``anonymise`` erases them with the withdrawal's own erasure (``ConsentService._anonymise``, not a
copy) under the withdrawal's confirmation rule: only a role that may anonymise at once (and here,
the admin), and only with her code typed (for several, every chosen code). Setting
``anonymised_on`` is the erasure ledger entry (``backups.ledger_of``), so a restore re-applies it.
All in one transaction; audited as ``retention_anonymised`` with counts and codes only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select, union_all
from sqlalchemy.orm import Session

from kdrt_desk.db.session import Database
from kdrt_desk.errors import UserError
from kdrt_desk.models import (
    Assessment,
    Attendance,
    BusinessCapital,
    Enrolment,
    LivelihoodRecord,
    Participant,
    ParticipantConsent,
    Screening,
    ScreeningDecision,
    ServiceRecord,
    Setting,
    SkillAssessment,
    TrainingSession,
)
from kdrt_desk.security.permissions import Permission
from kdrt_desk.services import audit_log
from kdrt_desk.services.actor import Actor
from kdrt_desk.services.clock import local_today
from kdrt_desk.services.consent import ConsentService

SETTING_KEY = "retention_years"
DEFAULT_YEARS = 5
MAX_YEARS = 50
_SEPARATORS = re.compile(r"[\s,;]+")


@dataclass(frozen=True)
class DueRecord:
    """One woman past the retention period (no sealed field)."""

    participant_id: int
    code: str
    last_activity: date
    years_since: int


def years_before(day: date, years: int) -> date:
    """The same day ``years`` earlier (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def whole_years(since: date, day: date) -> int:
    return day.year - since.year - ((day.month, day.day) < (since.month, since.day))


def typed_codes(confirmation: str) -> set[str]:
    """The codes typed to confirm (spaces, commas or semicolons between them), upper case."""
    return {c.upper() for c in _SEPARATORS.split(confirmation.strip()) if c}


def codes_match(confirmation: str, codes: Sequence[str]) -> bool:
    """The withdrawal's typed-code rule for several records: every chosen code, and no other."""
    wanted = {c.strip().upper() for c in codes}
    return bool(wanted) and typed_codes(confirmation) == wanted


def _activity_days() -> list[tuple[Any, Any]]:
    """(participant id column, day column) of every dated activity (see the module docstring)."""
    return [
        (Participant.id, Participant.registered_on),
        (Screening.participant_id, Screening.screened_on),
        (ScreeningDecision.participant_id, ScreeningDecision.decided_on),
        (ScreeningDecision.participant_id, ScreeningDecision.confirmed_on),
        (Enrolment.participant_id, Enrolment.enrolled_on),
        (Enrolment.participant_id, Enrolment.ended_on),
        (SkillAssessment.participant_id, SkillAssessment.assessed_on),
        (ServiceRecord.participant_id, ServiceRecord.service_date),
        (Assessment.participant_id, Assessment.assessed_on),
        (LivelihoodRecord.participant_id, LivelihoodRecord.recorded_on),
        (BusinessCapital.participant_id, BusinessCapital.given_on),
        (ParticipantConsent.participant_id, ParticipantConsent.consent_date),
        (ParticipantConsent.participant_id, ParticipantConsent.withdrawn_on),
        (ParticipantConsent.participant_id, ParticipantConsent.form_signed_on),
    ]


def _as_date(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def last_activities(session: Session, ids: Sequence[int] | None = None
                    ) -> dict[int, tuple[str, date]]:
    """{participant: (code, last activity day)} for every woman not yet anonymised (of ``ids``)."""
    parts = [select(pid.label("pid"), day.label("day")).where(day.is_not(None))
             for pid, day in _activity_days()]
    parts.append(select(Attendance.participant_id.label("pid"),
                        TrainingSession.session_date.label("day"))
                 .join(TrainingSession, TrainingSession.id == Attendance.session_id))
    days = union_all(*parts).subquery()
    query = (select(Participant.id, Participant.code, func.max(days.c.day))
             .join(days, days.c.pid == Participant.id)
             .where(Participant.anonymised_on.is_(None))
             .group_by(Participant.id, Participant.code))
    if ids is not None:
        query = query.where(Participant.id.in_(list(ids)))
    return {int(pid): (code, _as_date(day)) for pid, code, day in session.execute(query)}


class RetentionService:
    def __init__(self, db: Database, actor: Actor, consent: ConsentService) -> None:
        self.db = db
        self.actor = actor
        self.consent = consent

    # -- the setting ---------------------------------------------------------------------------
    def years(self) -> int:
        """How many years a record is kept after her last activity (0: no retention limit)."""
        with self.db.reading() as session:
            return self._years(session)

    @staticmethod
    def _years(session: Session) -> int:
        row = session.get(Setting, SETTING_KEY)
        try:
            return int(row.value) if row is not None else DEFAULT_YEARS
        except ValueError:
            return DEFAULT_YEARS

    def set_years(self, years: int) -> None:
        """Admin only: 1..50 years, or 0 to turn the limit off."""
        self.actor.require(Permission.SETTINGS)
        if isinstance(years, bool) or not isinstance(years, int) \
                or not (years == 0 or 1 <= years <= MAX_YEARS):
            raise UserError("error.retention_years_range", field="years", limit=MAX_YEARS)
        with self.db.transaction() as session:
            row = session.get(Setting, SETTING_KEY)
            before = self._years(session)
            if row is None:
                session.add(Setting(key=SETTING_KEY, value=str(years)))
            else:
                row.value = str(years)
            if before != years:
                audit_log.append(session, self.actor.username, "retention_years_changed",
                                 details={"before": before, "years": years})

    # -- the records past it -------------------------------------------------------------------
    def due(self, today: date | None = None) -> list[DueRecord]:
        """Admin only: the women not yet anonymised whose last activity is older than the
        retention period, the longest-quiet first (none when retention is off)."""
        self.actor.require(Permission.SETTINGS)
        day = today or local_today()
        with self.db.reading() as session:
            return self._due(session, day, None)

    def _due(self, session: Session, day: date, ids: Sequence[int] | None) -> list[DueRecord]:
        years = self._years(session)
        if years == 0:
            return []
        cutoff = years_before(day, years)
        found = [DueRecord(pid, code, last, whole_years(last, day))
                 for pid, (code, last) in last_activities(session, ids).items() if last < cutoff]
        return sorted(found, key=lambda r: (r.last_activity, r.code))

    def anonymise(self, ids: Sequence[int], confirmation: str, today: date | None = None
                  ) -> list[str]:
        """Admin only: anonymise the chosen women past the retention period, with the typed
        codes as confirmation (the withdrawal's rule); all or none. Returns their codes."""
        self.actor.require(Permission.SETTINGS)
        self.actor.require(Permission.ANONYMISE)
        chosen = sorted(set(ids))
        if not chosen:
            raise UserError("error.retention_none_chosen")
        day = today or local_today()
        with self.db.transaction() as session:
            years = self._years(session)
            if years == 0:
                raise UserError("error.retention_off")
            due = {r.participant_id: r for r in self._due(session, day, chosen)}
            not_due = [pid for pid in chosen if pid not in due]
            if not_due:
                raise UserError("error.retention_not_due", count=len(not_due))
            codes = [due[pid].code for pid in chosen]
            if not codes_match(confirmation, codes):
                raise UserError("error.retention_unconfirmed", field="confirm")
            for pid in chosen:
                row = session.get(Participant, pid)
                assert row is not None
                if row.consent is not None:
                    row.consent.withdrawal_requested_by = None  # the erasure makes it moot
                details = self.consent._anonymise(session, row, day)  # noqa: SLF001 - the same erasure
                audit_log.append(session, self.actor.username, "retention_anonymised", row.code,
                                 {**details, "years": years,
                                  "years_since": due[pid].years_since})
        self.consent._checkpoint()  # noqa: SLF001 - empty the WAL as a withdrawal does
        return codes


__all__ = ["DEFAULT_YEARS", "MAX_YEARS", "DueRecord", "RetentionService", "codes_match",
           "last_activities"]
