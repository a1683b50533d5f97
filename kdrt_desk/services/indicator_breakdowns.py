"""The figures behind the dashboard's charts that the indicator table does not carry: attendance
per module, businesses over time (month by month) and income before/after (median first vs
latest). Qt-free, so the donor workbook and PDFs can draw the same charts.

Attendance needs the programme data only (``VIEW_ALL_GROUPS``); incomes and businesses come from
the sealed livelihood records and also need the contact tier's key (``VIEW_CONTACT``). The
livelihood figures follow the rules of ``services.indicators`` (the income change there is the
median of the same pairs)."""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import case, func, select

from kdrt_desk.db.session import Database
from kdrt_desk.domain.livelihood import LivelihoodStatus, livelihood_from_dict
from kdrt_desk.domain.training import ATTENDED, SessionStatus
from kdrt_desk.errors import UserError, ValidationError
from kdrt_desk.models import Attendance, LivelihoodRecord, Module, TrainingSession
from kdrt_desk.models.sealed import field_keys, open_blob
from kdrt_desk.security.permissions import Permission
from kdrt_desk.services.actor import Actor

ATTENDED_VALUES = [m.value for m in ATTENDED]


@dataclass(frozen=True)
class ModuleAttendance:
    module_id: int
    code: str
    title: str
    marks: int  # roll-call marks on the module's sessions held in the period
    attended: int  # present or late

    @property
    def rate(self) -> float | None:
        return round(100.0 * self.attended / self.marks, 1) if self.marks else None


@dataclass(frozen=True)
class MonthCount:
    month: date  # the first day of the month
    count: int


@dataclass(frozen=True)
class IncomeBeforeAfter:
    before: float | None  # median of the first recorded monthly incomes
    after: float | None  # median of the latest monthly incomes in the period
    n: int


def _months(start: date, end: date) -> list[tuple[date, date]]:
    """(first day, last day inside the period) of each month the period touches."""
    months: list[tuple[date, date]] = []
    first = start.replace(day=1)
    while first <= end:
        following = (first + timedelta(days=32)).replace(day=1)
        months.append((first, min(end, following - timedelta(days=1))))
        first = following
    return months


class IndicatorBreakdownService:
    def __init__(self, db: Database, actor: Actor) -> None:
        self.db = db
        self.actor = actor

    def _check(self, start: date, end: date, contact: bool) -> None:
        self.actor.require(Permission.VIEW_ALL_GROUPS)
        if contact:
            self.actor.require(Permission.VIEW_CONTACT)
        if end < start:
            raise ValidationError([UserError("error.period_end_before_start", field="end")])

    def attendance_by_module(self, start: date, end: date,
                             population: Collection[int] | None = None
                             ) -> list[ModuleAttendance]:
        """Per module with a session held in the period: its marks and those attended."""
        self._check(start, end, contact=False)
        query = (select(Module.id, Module.code, Module.title, Attendance.participant_id,
                        func.count(Attendance.id),
                        func.sum(case((Attendance.mark.in_(ATTENDED_VALUES), 1), else_=0)))
                 .join(TrainingSession, TrainingSession.module_id == Module.id)
                 .join(Attendance, Attendance.session_id == TrainingSession.id)
                 .where(TrainingSession.status == SessionStatus.HELD.value,
                        TrainingSession.session_date >= start,
                        TrainingSession.session_date <= end)
                 .group_by(Module.id, Attendance.participant_id))
        allowed = None if population is None else frozenset(population)
        names: dict[int, tuple[str, str]] = {}
        marks: dict[int, int] = defaultdict(int)
        attended: dict[int, int] = defaultdict(int)
        positions: dict[int, int] = {}
        with self.db.reading() as session:
            for mid, position in session.execute(select(Module.id, Module.position)):
                positions[mid] = int(position or 0)
            for mid, code, title, pid, count, present in session.execute(query):
                if allowed is not None and pid not in allowed:
                    continue
                names[mid] = (str(code), str(title))
                marks[mid] += int(count)
                attended[mid] += int(present or 0)
        order = sorted(names, key=lambda mid: (positions.get(mid, 0), names[mid][0]))
        return [ModuleAttendance(mid, names[mid][0], names[mid][1], marks[mid], attended[mid])
                for mid in order]

    def _histories(self, end: date, population: Collection[int] | None
                   ) -> dict[int, list[tuple[date, LivelihoodStatus, int | None]]]:
        allowed = None if population is None else frozenset(population)
        history: dict[int, list[tuple[date, LivelihoodStatus, int | None]]] = defaultdict(list)
        with self.db.reading() as session:
            keys = field_keys(session)
            for pid, day, seal, blob in session.execute(
                    select(LivelihoodRecord.participant_id, LivelihoodRecord.recorded_on,
                           LivelihoodRecord.seal_id, LivelihoodRecord.details)
                    .where(LivelihoodRecord.recorded_on <= end)
                    .order_by(LivelihoodRecord.participant_id, LivelihoodRecord.recorded_on,
                              LivelihoodRecord.id)):
                if allowed is not None and pid not in allowed:
                    continue
                data = open_blob(keys, blob, seal, pid)
                if not isinstance(data, dict):
                    continue
                view = livelihood_from_dict(data, id=0, participant_id=pid, recorded_on=day)
                history[pid].append((day, view.status, view.monthly_income))
        return history

    def businesses_over_time(self, start: date, end: date,
                             population: Collection[int] | None = None) -> list[MonthCount]:
        """For each month of the period: the women whose latest record by its end (or the
        period's end) shows her own business."""
        self._check(start, end, contact=True)
        history = self._histories(end, population)
        counts: list[MonthCount] = []
        for first, last in _months(start, end):
            running = 0
            for points in history.values():
                known = [p for p in points if p[0] <= last]
                if known and known[-1][1] == LivelihoodStatus.BUSINESS:
                    running += 1
            counts.append(MonthCount(first, running))
        return counts

    def income_before_after(self, start: date, end: date,
                            population: Collection[int] | None = None) -> IncomeBeforeAfter:
        """Women with an income recorded in the period and an earlier one: the median of their
        first incomes and the median of their latest incomes in the period."""
        self._check(start, end, contact=True)
        before: list[int] = []
        after: list[int] = []
        for points in self._histories(end, population).values():
            incomes = [p for p in points if p[2] is not None]
            latest = [p for p in incomes if p[0] >= start]
            if latest and incomes[0][0] < latest[-1][0]:
                before.append(int(incomes[0][2] or 0))
                after.append(int(latest[-1][2] or 0))
        if not before:
            return IncomeBeforeAfter(None, None, 0)
        return IncomeBeforeAfter(float(statistics.median(before)),
                                 float(statistics.median(after)), len(before))
