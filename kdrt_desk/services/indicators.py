"""The indicator chain for a period, computed from the records (outputs from the programme
data, score changes from the sealed assessments, income, independence and businesses from the
sealed livelihood records), with the targets the admin set. The dashboard counts everyone the
centre serves; the donor report passes ``population`` (those who consented to anonymised
statistics) and, for one donor's programme, ``groups``. A role without a tier's key gets that
tier's indicators withheld, never guessed.

Speed (50,000 women, 200,000 assessments: ``benchmarks/indicators_50k.py``): each output is one
query that returns what the figure needs (module completion is decided inside the grouped query,
attendance is totals plus who); the score changes come from the sealed score ledger
(``repositories/score_ledger.py``: a few hundred packed sealed values instead of one per
assessment); livelihoods from the sealed livelihood ledger, walked once per woman; and the
garbage collector is held off while the chain is computed (``_collector_paused``)."""

from __future__ import annotations

import gc
import logging
import math
import statistics
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import and_, case, func, or_, select, true
from sqlalchemy.orm import Session

from kdrt_desk.db.session import Database
from kdrt_desk.domain.assessment import Round
from kdrt_desk.domain.enums import ServiceKind
from kdrt_desk.domain.indicators import (
    IndicatorDef,
    IndicatorResult,
    IndicatorTable,
    Needs,
    Unit,
    definition,
    indicator_defs,
)
from kdrt_desk.domain.livelihood import LivelihoodStatus
from kdrt_desk.domain.training import ATTENDED, AttendanceMark, SessionStatus
from kdrt_desk.errors import UserError, ValidationError
from kdrt_desk.models import (
    Assessment,
    Attendance,
    BusinessCapital,
    Enrolment,
    IndicatorTarget,
    LivelihoodRecord,
    Module,
    ServiceRecord,
    SkillAssessment,
    TrainingGroup,
    TrainingSession,
)
from kdrt_desk.models.sealed import field_keys, open_blob
from kdrt_desk.repositories import livelihood_ledger, score_ledger
from kdrt_desk.security.field_crypto import FieldKeys
from kdrt_desk.security.permissions import Permission
from kdrt_desk.services import audit_log
from kdrt_desk.services.actor import Actor
from kdrt_desk.services.instruments import instruments_in_use, newest_instruments

log = logging.getLogger(__name__)
ATTENDED_VALUES = [m.value for m in ATTENDED]
FOLLOW_UP_MARKS = {"business_running_3m": 91, "business_running_6m": 182}
TARGET_LIMIT = 1e12
BUSINESS = LivelihoodStatus.BUSINESS.value


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector held off while the chain is computed: opening the ledgers
    makes a few hundred thousand small lists and tuples (none in a cycle), and every pass of
    the collector would walk them all again, a third of the time at 50,000 women. Reference
    counting still frees them; the collector is on again afterwards if it was before."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _share(part: int, whole: int) -> float | None:
    return round(100.0 * part / whole, 1) if whole else None


class IndicatorService:
    def __init__(self, db: Database, actor: Actor) -> None:
        self.db = db
        self.actor = actor

    def compute(self, start: date, end: date,
                population: Collection[int] | None = None,
                groups: Collection[int] | None = None) -> IndicatorTable:
        """Every indicator for ``start``..``end`` (inclusive), with its target. ``groups``
        narrows the groups and sessions counted (a donor's programme); the women counted are
        ``population``'s."""
        self.actor.require(Permission.VIEW_ALL_GROUPS)
        if end < start:
            raise ValidationError([UserError("error.period_end_before_start", field="end")])
        allowed = None if population is None else frozenset(population)
        with _collector_paused(), self.db.reading() as session:
            codes = instruments_in_use(session)
            targets = _targets(session, start, end)
            results: list[IndicatorResult] = []
            computed: dict[str, IndicatorResult] = {}
            computed.update(_outputs(session, start, end, allowed,
                                     None if groups is None else frozenset(groups)))
            if self.actor.may(Permission.VIEW_RESTRICTED):
                computed.update(_score_changes(session, start, end, codes, allowed))
            if self.actor.may(Permission.VIEW_CONTACT):
                computed.update(_livelihoods(session, start, end, allowed))
            for item in indicator_defs(codes):
                found = computed.get(item.code)
                if found is None:
                    found = IndicatorResult(item, None, 0, withheld=not self._holds(item))
                results.append(IndicatorResult(
                    found.definition, found.value, found.n, found.participants, found.detail,
                    targets.get(item.code), found.withheld))
        return IndicatorTable(start, end, tuple(results))

    def _holds(self, item: IndicatorDef) -> bool:
        if item.needs == Needs.RESTRICTED:
            return self.actor.may(Permission.VIEW_RESTRICTED)
        if item.needs == Needs.CONTACT:
            return self.actor.may(Permission.VIEW_CONTACT)
        return True

    # -- targets -------------------------------------------------------------------------------
    def targets(self, start: date, end: date) -> dict[str, float]:
        self.actor.require(Permission.VIEW_ALL_GROUPS)
        with self.db.reading() as session:
            return _targets(session, start, end)

    def set_target(self, code: str, start: date, end: date, target: float | None) -> None:
        """The results framework: a target for an indicator and period (None removes it)."""
        self.actor.require(Permission.SETTINGS)
        item = definition(code)
        errors: list[UserError] = []
        if item is None:
            errors.append(UserError("error.indicator_unknown", field="indicator", code=code))
        if end < start:
            errors.append(UserError("error.period_end_before_start", field="end"))
        if target is not None:
            if not (0 <= target <= TARGET_LIMIT) or target != target:
                errors.append(UserError("error.target_range", field="target"))
            elif item is not None and item.unit == Unit.PERCENT and target > 100:
                errors.append(UserError("error.target_percent", field="target"))
        if errors:
            raise ValidationError(errors)
        with self.db.transaction() as session:
            row = session.scalar(select(IndicatorTarget).where(
                IndicatorTarget.indicator == code, IndicatorTarget.period_start == start,
                IndicatorTarget.period_end == end))
            if target is None:
                if row is not None:
                    session.delete(row)
            elif row is None:
                session.add(IndicatorTarget(indicator=code, period_start=start, period_end=end,
                                            target=float(target), set_by=self.actor.username,
                                            set_at=datetime.now(UTC)))
            else:
                row.target, row.set_by, row.set_at = (float(target), self.actor.username,
                                                      datetime.now(UTC))
            audit_log.append(session, self.actor.username, "indicator_target_set", code,
                             {"from": start.isoformat(), "to": end.isoformat(),
                              "target": target})


def _targets(session: Session, start: date, end: date) -> dict[str, float]:
    return {code: value for code, value in session.execute(
        select(IndicatorTarget.indicator, IndicatorTarget.target).where(
            IndicatorTarget.period_start == start, IndicatorTarget.period_end == end))}


def _keep(ids: Iterable[int], allowed: frozenset[int] | None) -> frozenset[int]:
    return frozenset(ids) if allowed is None else frozenset(i for i in ids if i in allowed)


# -- outputs ----------------------------------------------------------------------------------
def _outputs(session: Session, start: date, end: date, allowed: frozenset[int] | None,
             groups: frozenset[int] | None = None) -> dict[str, IndicatorResult]:
    found: dict[str, IndicatorResult] = {}
    in_groups = true() if groups is None else TrainingGroup.id.in_(groups)
    formed = session.scalar(select(func.count(TrainingGroup.id)).where(
        TrainingGroup.start_date >= start, TrainingGroup.start_date <= end, in_groups)) or 0
    active_groups = list(session.scalars(select(TrainingGroup.id).where(
        TrainingGroup.start_date <= end, TrainingGroup.end_date >= start, in_groups)))
    held = select(TrainingSession.id).where(
        TrainingSession.status == SessionStatus.HELD.value,
        TrainingSession.session_date >= start, TrainingSession.session_date <= end,
        true() if groups is None else TrainingSession.group_id.in_(groups))
    sessions = session.scalar(select(func.count()).select_from(held.subquery())) or 0
    came = func.sum(case((Attendance.mark.in_(ATTENDED_VALUES), 1), else_=0))
    on_held = Attendance.session_id.in_(held)
    if allowed is None:  # everyone: the totals and who is behind them, not a row per woman
        count, present = session.execute(
            select(func.count(Attendance.id), came).where(on_held)).one()
        marks, attended = int(count or 0), int(present or 0)
        members = frozenset(session.scalars(
            select(Attendance.participant_id).where(on_held).distinct()))
    else:
        chosen: set[int] = set()
        attended = marks = 0
        for pid, count, present in session.execute(
                select(Attendance.participant_id, func.count(Attendance.id), came)
                .where(on_held).group_by(Attendance.participant_id)):
            if pid not in allowed:
                continue
            chosen.add(pid)
            marks += int(count)
            attended += int(present or 0)
        members = frozenset(chosen)
    for code, value, n, people in (
            ("groups_formed", float(formed), formed, frozenset()),
            ("groups_active", float(len(active_groups)), len(active_groups), frozenset()),
            ("sessions_held", float(sessions), sessions, frozenset()),
            ("attendance_rate", _share(attended, marks), marks, members)):
        item = definition(code)
        assert item is not None
        found[code] = IndicatorResult(item, value, n, people)
    completed = _completed(session, start, end, allowed)
    passed = _keep(session.scalars(select(SkillAssessment.participant_id).where(
        SkillAssessment.passed.is_(True), SkillAssessment.assessed_on >= start,
        SkillAssessment.assessed_on <= end).distinct()), allowed)
    counselled = _keep(session.scalars(select(ServiceRecord.participant_id).where(
        ServiceRecord.kind == ServiceKind.COUNSELLING.value,
        ServiceRecord.service_date >= start, ServiceRecord.service_date <= end).distinct()),
        allowed)
    for code, people in (("modules_completed", completed), ("skills_passed", passed),
                         ("psychosocial_services", counselled)):
        item = definition(code)
        assert item is not None
        found[code] = IndicatorResult(item, float(len(people)), len(people), people)
    return found


def _completed(session: Session, start: date, end: date, allowed: frozenset[int] | None
               ) -> frozenset[int]:
    """Who completed a module in the period: her attendance over the module's sessions held
    while she was a member meets its minimum (and its skill assessment is passed where
    required), and her last such session falls in the period. One grouped query that returns
    only those who did (a module's rule joined in, the skill check as ``EXISTS``)."""
    per_module = (
        select(Enrolment.participant_id.label("pid"), TrainingSession.module_id.label("module"),
               func.count(TrainingSession.id).label("held"),
               func.sum(case((Attendance.mark.in_(ATTENDED_VALUES), 1), else_=0)).label(
                   "came"),
               func.max(TrainingSession.session_date).label("last"))
        .join(TrainingSession, and_(
            TrainingSession.group_id == Enrolment.group_id,
            TrainingSession.session_date >= Enrolment.enrolled_on,
            or_(Enrolment.ended_on.is_(None), TrainingSession.session_date <= Enrolment.ended_on)))
        .outerjoin(Attendance, and_(Attendance.session_id == TrainingSession.id,
                                    Attendance.participant_id == Enrolment.participant_id))
        .where(TrainingSession.status == SessionStatus.HELD.value,
               TrainingSession.session_date <= end)
        .group_by(Enrolment.participant_id, TrainingSession.module_id)
        .having(func.max(TrainingSession.session_date) >= start)
        .subquery())
    # a module that is not on file (it cannot be: a foreign key) asks 100 % and no skill
    pct = func.coalesce(Module.min_attendance_pct, 100)
    required = or_(Module.assessment_required.is_(True), Module.skill_rubric != "")
    passed = select(SkillAssessment.id).where(
        SkillAssessment.participant_id == per_module.c.pid,
        SkillAssessment.module_id == per_module.c.module,
        SkillAssessment.passed.is_(True), SkillAssessment.assessed_on <= end).exists()
    people = session.scalars(
        select(per_module.c.pid).distinct()
        .outerjoin(Module, Module.id == per_module.c.module)
        .where(per_module.c.held > 0,
               100 * func.coalesce(per_module.c.came, 0) >= pct * per_module.c.held,
               or_(func.coalesce(required, False).is_(False), passed)))
    return _keep(people, allowed)


# -- score changes ----------------------------------------------------------------------------
def _score_changes(session: Session, start: date, end: date, codes: tuple[str, ...],
                   allowed: frozenset[int] | None) -> dict[str, IndicatorResult]:
    """Per instrument: women whose endline is dated in the period and who have a baseline;
    the change of the reported value (newest of each round), the share improved by at least
    the instrument's meaningful change, and the share worse by as much. Read from the sealed
    score ledger when it is in step with the assessments, else from the assessments."""
    from kdrt_desk.domain.indicators import score_indicators

    known = newest_instruments(session)
    baseline, endline = Round.BASELINE.value, Round.ENDLINE.value
    first, last = start.toordinal(), end.toordinal()
    # per (instrument, round): her newest up to the period's end, participant -> (day,
    # assessment id, value); 200,000 entries at 50,000 women
    newest: dict[tuple[str, str], dict[int, tuple[int, int, float]]] = defaultdict(dict)
    for code, round_, bucket in _score_buckets(session, codes, (baseline, endline)):
        held = newest[(code, round_)]
        if (allowed is None and bucket.days and max(bucket.days) <= last
                and len(set(bucket.pids)) == len(bucket.pids)
                and held.keys().isdisjoint(bucket.pids)):
            # no one twice and nothing after the period: each entry is her newest (the
            # common case, taken whole)
            held.update(zip(bucket.pids, zip(bucket.days, bucket.ids, bucket.values,
                                             strict=True), strict=True))
            continue
        for aid, pid, day, value in zip(*bucket, strict=True):
            if day > last or (allowed is not None and pid not in allowed):
                continue
            old = held.get(pid)
            if old is None or day > old[0] or (day == old[0] and aid > old[1]):
                held[pid] = (day, aid, value)
    found: dict[str, IndicatorResult] = {}
    for code in codes:
        change_def, improved_def = score_indicators(code)
        bases = newest.get((code, baseline), {})
        people: list[int] = []
        changes: list[float] = []
        before: list[float] = []
        after: list[float] = []
        for pid, (day, _aid, value) in newest.get((code, endline), {}).items():
            if day < first or value != value:  # NaN: too many items left out
                continue
            base = bases.get(pid)
            if base is None or base[2] != base[2]:
                continue  # no baseline, or too many items left out at one of them
            was, now = base[2], value  # floats already (the ledger's columns)
            people.append(pid)
            changes.append(now - was)
            before.append(was)
            after.append(now)
        if not changes:
            found[change_def.code] = IndicatorResult(change_def, None, 0)
            found[improved_def.code] = IndicatorResult(improved_def, None, 0)
            continue
        n = len(changes)
        threshold = known[code].meaningful_change if code in known else None
        step = threshold if threshold is not None else 0.0
        better = frozenset([p for p, c in zip(people, changes, strict=True)
                            if c >= step and c > 0])
        worse = len([c for c in changes if c <= -step and c < 0])
        found[change_def.code] = IndicatorResult(
            change_def, round(statistics.fmean(changes), 2), n, frozenset(people),
            {"median": round(statistics.median(changes), 2),
             "baseline_mean": round(statistics.fmean(before), 2),
             "endline_mean": round(statistics.fmean(after), 2)})
        found[improved_def.code] = IndicatorResult(
            improved_def, _share(len(better), n), n, better,
            {"worse": _share(worse, n) or 0.0, "threshold": step})
    return found


def _score_buckets(session: Session, codes: tuple[str, ...], rounds: tuple[str, ...]
                   ) -> Iterator[tuple[str, str, score_ledger.Columns]]:
    """The scores of these instruments and rounds, as ledger buckets (columns); built from
    the assessments themselves when the ledger is not in step with them."""
    if score_ledger.in_step(session, codes, rounds):
        yield from score_ledger.columns(session, codes, rounds)
        return
    log.warning("the score ledger is not in step with the assessments: reading them instead")
    keys = field_keys(session)
    buckets: dict[tuple[str, str], score_ledger.Columns] = {}
    for aid, pid, code, round_, day, seal, blob in session.execute(
            select(Assessment.id, Assessment.participant_id, Assessment.instrument_code,
                   Assessment.round, Assessment.assessed_on, Assessment.seal_id,
                   Assessment.score)
            .where(Assessment.round.in_(rounds), Assessment.instrument_code.in_(codes))):
        opened: object = open_blob(keys, blob, seal, pid)
        value = opened.get("value") if isinstance(opened, dict) else None
        got = buckets.get((code, round_))
        if got is None:
            got = buckets[(code, round_)] = score_ledger.Columns([], [], [], [])
        got.ids.append(aid)
        got.pids.append(pid)
        got.days.append(day.toordinal())
        got.values.append(float(value) if isinstance(value, int | float) else math.nan)
    for (code, round_), data in buckets.items():
        yield code, round_, data


# -- livelihoods ------------------------------------------------------------------------------
def _livelihood_points(session: Session, keys: FieldKeys, last: str
                       ) -> Iterator[tuple[int, str, str, int | None, bool | None]]:
    """(participant, "YYYY-MM-DD", status, income, depends on the abuser) of every record up
    to ``last``: from the sealed livelihood ledger when it is in step, else record by record."""
    if livelihood_ledger.in_step(session):
        for bucket in livelihood_ledger.buckets(session):
            for pid, day, status, income, depends in bucket.values():
                if str(day) <= last:
                    yield (int(str(pid)), str(day), str(status),
                           income if isinstance(income, int) else None,
                           depends if isinstance(depends, bool) else None)
        return
    log.warning("the livelihood ledger is not in step with the records: reading them instead")
    for pid, day, seal, blob in session.execute(
            select(LivelihoodRecord.participant_id, LivelihoodRecord.recorded_on,
                   LivelihoodRecord.seal_id, LivelihoodRecord.details)
            .where(LivelihoodRecord.recorded_on <= date.fromisoformat(last))):
        data = open_blob(keys, blob, seal, pid)
        if not isinstance(data, dict):
            continue  # does not open: not counted (``vault check`` names it)
        income, depends = data.get("monthly_income"), data.get("depends_on_abuser")
        yield (pid, day.isoformat(), str(data.get("status", "")),
               income if isinstance(income, int) else None,
               depends if isinstance(depends, bool) else None)


def _day(point: tuple[str, str, int | None, bool | None]) -> str:
    return point[0]


def _livelihoods(session: Session, start: date, end: date, allowed: frozenset[int] | None
                 ) -> dict[str, IndicatorResult]:
    """Income change, independence, businesses still running and capital. Her records are
    kept with their ISO dates (they sort and compare as the dates do) and walked once each."""
    keys = field_keys(session)
    first_day, last = start.isoformat(), end.isoformat()
    history: dict[int, list[tuple[str, str, int | None, bool | None]]] = defaultdict(list)
    for pid, day, status, income, depends in _livelihood_points(session, keys, last):
        if allowed is not None and pid not in allowed:
            continue
        history[pid].append((day, status, income, depends))
    found: dict[str, IndicatorResult] = {}
    # income change: her latest income in the period against her first one before it
    changes: list[int] = []
    changed: list[int] = []
    independent, asked = set(), set()
    # the businesses: from her first record running one, a mark 3 and 6 months on
    marks: dict[str, tuple[timedelta, set[int], set[int]]] = {
        code: (timedelta(days=days), set(), set()) for code, days in FOLLOW_UP_MARKS.items()}
    for pid, points in history.items():
        points.sort(key=_day)  # stable: records of one day stay in the order read
        earliest: tuple[str, int] | None = None  # her first income, in or before the period
        latest: tuple[str, int] | None = None  # her latest income in the period
        answer: bool | None = None  # her latest answer in the period on dependence
        inside = False
        for day, _status, income, depends in points:
            if income is not None and earliest is None:
                earliest = (day, income)
            if day >= first_day:
                inside = True
                if income is not None:
                    latest = (day, income)
                if depends is not None:
                    answer = depends
        if inside:
            if latest is not None and earliest is not None and earliest[0] < latest[0]:
                changed.append(pid)
                changes.append(int(latest[1] or 0) - int(earliest[1] or 0))
            if answer is not None:
                asked.add(pid)
                if answer is False:
                    independent.add(pid)
        began = next((p[0] for p in points if p[1] == BUSINESS), None)
        if began is None:
            continue
        final_day, final_status = points[-1][0], points[-1][1]
        for step, reached, running in marks.values():
            mark = date.fromisoformat(began) + step
            # reached: something recorded on or after the mark (else not known, not counted)
            if start <= mark <= end and final_day >= mark.isoformat():
                reached.add(pid)
                if final_status == BUSINESS:
                    running.add(pid)
    income_def, independent_def = definition("income_change"), definition(
        "independent_of_abuser")
    assert income_def is not None and independent_def is not None
    found["income_change"] = IndicatorResult(
        income_def, float(statistics.median(changes)) if changes else None,
        len(changes), frozenset(changed),
        {"improved": _share(sum(1 for c in changes if c > 0), len(changes)) or 0.0})
    found["independent_of_abuser"] = IndicatorResult(
        independent_def, _share(len(independent), len(asked)), len(asked),
        frozenset(independent))
    for code, (_step, reached, running) in marks.items():
        item = definition(code)
        assert item is not None
        found[code] = IndicatorResult(item, _share(len(running), len(reached)), len(reached),
                                      frozenset(running))
    disbursed, given = 0, set()
    for pid, seal, blob in session.execute(
            select(BusinessCapital.participant_id, BusinessCapital.seal_id,
                   BusinessCapital.details).where(BusinessCapital.given_on >= start,
                                                  BusinessCapital.given_on <= end)):
        if allowed is not None and pid not in allowed:
            continue
        data = open_blob(keys, blob, seal, pid)
        if isinstance(data, dict) and isinstance(data.get("amount"), int):
            disbursed += int(data["amount"])
            given.add(pid)
    capital_def = definition("capital_disbursed")
    assert capital_def is not None
    found["capital_disbursed"] = IndicatorResult(capital_def, float(disbursed), len(given),
                                                 frozenset(given))
    return found


__all__ = ["AttendanceMark", "IndicatorService"]
