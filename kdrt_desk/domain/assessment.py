"""Assessment rounds, the data an assessment is entered with and read as, the rounds a
participant is due for, and the alerts an answer raises (Qt-free)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from kdrt_desk.domain.instruments import Score


class Round(StrEnum):
    BASELINE = "baseline"  # at enrolment
    MIDLINE = "midline"  # halfway through the group's term
    ENDLINE = "endline"  # at the end of the term
    FOLLOW_UP_3 = "follow_up_3"  # 3 months after completion
    FOLLOW_UP_6 = "follow_up_6"  # 6 months after completion
    OTHER = "other"  # an extra assessment (after a crisis, at her request)


PLANNED_ROUNDS = (Round.BASELINE, Round.MIDLINE, Round.ENDLINE, Round.FOLLOW_UP_3,
                  Round.FOLLOW_UP_6)
FOLLOW_UP_DAYS = {Round.FOLLOW_UP_3: 91, Round.FOLLOW_UP_6: 182}
GRACE_DAYS = 14  # a round entered up to this long after its due date still counts as on time


@dataclass(frozen=True)
class AssessmentInput:
    participant_id: int
    instrument_code: str
    round: str
    assessed_on: date | None
    answers: tuple[int | None, ...]
    group_id: int | None = None


@dataclass(frozen=True)
class AssessmentView:
    id: int
    participant_id: int
    instrument_code: str
    instrument_version: int
    round: Round
    assessed_on: date
    recorded_by: str
    answers: tuple[int | None, ...] | None  # None: withheld from this role
    score: Score | None


@dataclass(frozen=True)
class DueRound:
    participant_id: int
    code: str
    name: str
    group_id: int
    group_name: str
    instrument_code: str
    round: Round
    due_on: date

    def overdue(self, today: date) -> bool:
        return self.due_on < today


def round_due_dates(start: date, end: date, enrolled_on: date,
                    completed_on: date | None) -> dict[Round, date]:
    """When each planned round falls for a member of a group running ``start`` to ``end``:
    baseline at enrolment, midline halfway through her time in the term (a woman who joined
    late is not due a midline before she came), endline at the end, follow-ups 3 and 6 months
    after she completed (the term's end until she has)."""
    baseline = min(max(enrolled_on, start - timedelta(days=GRACE_DAYS)), end)
    joined = min(max(start, enrolled_on), end)
    finished = completed_on or end
    return {
        Round.BASELINE: baseline,
        Round.MIDLINE: joined + (end - joined) / 2,
        Round.ENDLINE: end,
        Round.FOLLOW_UP_3: finished + timedelta(days=FOLLOW_UP_DAYS[Round.FOLLOW_UP_3]),
        Round.FOLLOW_UP_6: finished + timedelta(days=FOLLOW_UP_DAYS[Round.FOLLOW_UP_6]),
    }


@dataclass(frozen=True)
class AlertView:
    id: int
    participant_id: int
    code: str
    name: str
    instrument_code: str
    item: int  # 1-based
    item_text: str
    answer: int
    raised_at: datetime
    raised_by: str
    assigned_to: tuple[str, ...]  # () every konselor and admin
    acknowledged_by: str = ""
    acknowledged_at: datetime | None = None
    done_by: str = ""
    done_at: datetime | None = None
    action: str = ""

    @property
    def is_open(self) -> bool:
        return self.done_at is None


def add_working_days(moment: datetime, days: int) -> datetime:
    """``moment`` plus ``days`` working days (Saturday and Sunday skipped)."""
    result = moment
    while days > 0:
        result += timedelta(days=1)
        if result.weekday() < 5:
            days -= 1
    return result
