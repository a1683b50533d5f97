"""The indicators' fast paths against a straightforward computation from the records
themselves, on a small vault with the awkward cases: two baselines of one woman (on two days,
and two on one day), an endline after the period, scores with too many items left out, a woman
who left the group, a module of another kind, livelihood records on one day, incomes and
answers left out, businesses followed up 3 and 6 months on, capital; several periods and the
donor report's population. Also: the packed score ledger (both layouts read alike, a write
packs, a damaged bucket reads as empty) and the garbage collector left as it was."""

from __future__ import annotations

import gc
import statistics
from collections import defaultdict
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import select
from support.participant_samples import TODAY
from support.programme import build, session_on

from kdrt_desk.domain.assessment import AssessmentInput
from kdrt_desk.domain.livelihood import CapitalInput, LivelihoodInput
from kdrt_desk.domain.skills import DEFAULT_LEVELS, SkillCriterion, SkillRubric
from kdrt_desk.domain.training import ATTENDED
from kdrt_desk.domain.training import AttendanceMark as M
from kdrt_desk.models import (
    Assessment,
    Attendance,
    BusinessCapital,
    Enrolment,
    LivelihoodRecord,
    Module,
    ScoreLedger,
    SkillAssessment,
    TrainingSession,
)
from kdrt_desk.repositories import score_ledger
from kdrt_desk.services.instruments import instruments_in_use, newest_instruments
from kdrt_desk.wiring import Services

LATER = date(2027, 12, 31)  # "today" for follow-ups entered ahead (the 3 and 6 month marks)
PERIODS = ((date(2026, 11, 1), date(2026, 11, 30)), (date(2026, 11, 20), date(2026, 11, 27)),
           (date(2026, 11, 25), date(2026, 12, 3)), (date(2026, 12, 1), date(2027, 6, 30)),
           (date(2026, 1, 1), date(2027, 12, 31)))
Figure = tuple[float | None, int, frozenset[int], dict[str, float]]


def _vault(services: Services) -> dict[str, int]:
    programme = build(services, members=6)
    services.instruments.set_in_use(["WHO5", "GSE"])
    a, b, c, d, e, f = programme.participants
    days = (date(2026, 11, 21), date(2026, 11, 23), date(2026, 11, 25), date(2026, 11, 26))
    sessions = [services.sessions.create(session_on(programme, day)).id for day in days[:3]]
    sessions.append(services.sessions.create(session_on(programme, days[3], module="SOS-02",
                                                        facilitator="trainer")).id)
    rolls = ((M.PRESENT, M.PRESENT, M.LATE, M.ABSENT, M.PRESENT, M.EXCUSED),
             (M.PRESENT, M.ABSENT, M.PRESENT, M.ABSENT, M.PRESENT, M.PRESENT),
             (M.LATE, M.PRESENT, M.PRESENT, M.PRESENT, M.ABSENT, M.PRESENT),
             (M.PRESENT, M.PRESENT, M.ABSENT, M.ABSENT, M.ABSENT, M.LATE))
    for sid, marks in zip(sessions, rolls, strict=True):
        for pid, mark in zip((a, b, c, d, e, f), marks, strict=True):
            services.attendance.mark(sid, pid, mark, reason="Anak sakit"
                                     if mark is M.EXCUSED else "", today=TODAY)
    # a module with a skill rubric (and no other skill rule) completes only with the rubric
    # passed, by the end of the period; SOS-01 is completed by a and c only, so the cooking
    # module decides for b (passed, on the day she left), d (passed after some periods end),
    # e (not passed) and f (absent)
    cooking = programme.modules["EKO-02"]
    group = services.groups.get(programme.group_id)
    services.groups.save(replace(group, module_ids=[*group.module_ids, cooking]))
    view = next(m for m in services.catalogue.modules() if m.id == cooking)
    services.catalogue.save_module(replace(view, assessment_required=False))
    services.catalogue.set_skill_rubric(cooking, SkillRubric((SkillCriterion(
        "Kebersihan", DEFAULT_LEVELS),), 3))
    kitchen = services.sessions.create(session_on(programme, date(2026, 11, 24),
                                                  module="EKO-02", facilitator="trainer",
                                                  venue_id=programme.kitchen_id)).id
    for pid, mark in zip((b, d, e, f), (M.PRESENT, M.PRESENT, M.PRESENT, M.ABSENT),
                         strict=True):
        services.attendance.mark(kitchen, pid, mark, today=TODAY)
    for pid, level, day in ((b, 4, date(2026, 11, 24)), (d, 3, date(2026, 12, 2)),
                            (e, 2, date(2026, 11, 24)), (f, 4, date(2026, 11, 24))):
        services.attendance.record_assessment(pid, cooking, on=day, levels=[level])
    services.attendance.record_assessment(c, programme.modules["SOS-02"], passed=True,
                                          on=date(2026, 11, 26))
    services.attendance.record_assessment(d, programme.modules["SOS-02"], passed=False,
                                          on=date(2026, 11, 26))
    enrolment = next(m.enrolment_id for m in services.groups.members(programme.group_id)
                     if m.participant_id == b)
    services.groups.end_membership(enrolment, "dropped_out", date(2026, 11, 24),
                                   "tidak datang lagi")
    record = services.assessments.record
    for pid, code, round_, day, answers in (
            (a, "WHO5", "baseline", date(2026, 11, 21), (1, 2, 2, 2, 2)),
            (a, "WHO5", "baseline", date(2026, 11, 22), (2, 2, 2, 2, 2)),  # the newer counts
            (a, "WHO5", "endline", date(2026, 11, 28), (4, 4, 4, 3, 3)),
            (b, "WHO5", "baseline", date(2026, 11, 21), (3, 3, 3, 3, 3)),
            (b, "WHO5", "baseline", date(2026, 11, 21), (1, 1, 3, 3, 3)),  # same day: entered later
            (b, "WHO5", "endline", date(2026, 11, 26), (3, 3, 3, 3, 2)),
            (b, "WHO5", "endline", date(2026, 12, 1), (5, 5, 5, 4, 4)),  # after some periods
            (c, "WHO5", "endline", date(2026, 11, 28), (4, 4, 4, 4, 4)),  # no baseline
            (d, "WHO5", "baseline", date(2026, 11, 21), (3, None, 3, 3, 3)),  # no score
            (d, "WHO5", "endline", date(2026, 11, 28), (4, 4, 4, 4, 4)),
            (e, "WHO5", "baseline", date(2026, 11, 21), (0, 1, 1, 1, 1)),
            (e, "WHO5", "endline", date(2026, 11, 27), (2, None, 2, 2, 2)),  # no score
            (f, "WHO5", "baseline", date(2026, 11, 23), (5, 5, 5, 5, 5)),
            (f, "WHO5", "endline", date(2026, 11, 30), (1, 1, 1, 1, 1)),
            (a, "GSE", "baseline", date(2026, 11, 21), (1, 2, 2, 2, 2, 2, 2, 2, 2, 2)),
            (a, "GSE", "endline", date(2026, 11, 29), (3, 3, 3, 3, 3, 3, 3, 3, 2, 2)),
            (f, "GSE", "baseline", date(2026, 11, 21), (2, 2, 2, 2, 2, 2, 2, 2, 2, 2)),
            (f, "GSE", "endline", date(2026, 11, 29), (2, 2, 2, 2, 2, 2, 2, 2, 2, 3))):
        record(AssessmentInput(pid, code, round_, day, answers))
    add = services.livelihoods.add_record
    for pid, day, status, kind, income, depends in (
            (a, date(2026, 11, 21), "planning", None, 500_000, True),
            (a, date(2026, 12, 1), "business", "food", 800_000, False),
            (a, date(2027, 3, 15), "business", "food", 1_200_000, None),
            (a, date(2027, 6, 20), "business", "food", None, False),
            (b, date(2026, 11, 22), "employed", None, None, None),
            (b, date(2026, 11, 22), "employed", None, 600_000, True),  # the same day
            (b, date(2026, 12, 2), "none", None, 300_000, False),
            (c, date(2026, 11, 25), "business", "sewing", 100_000, True),
            (c, date(2027, 3, 1), "none", None, 0, True),
            (d, date(2026, 11, 21), "business", "crafts", 250_000, None),
            (d, date(2026, 11, 21), "business", "crafts", 260_000, True),
            (d, date(2027, 5, 30), "business", "crafts", 400_000, False),
            (e, date(2027, 1, 10), "employed", None, 900_000, False)):
        add(pid, LivelihoodInput(day, status, kind, income, depends_on_abuser=depends),
            today=LATER)
    services.livelihoods.add_capital(a, CapitalInput(date(2026, 11, 26), 2_000_000,
                                                     purpose="Gerobak"), today=LATER)
    services.livelihoods.add_capital(c, CapitalInput(date(2027, 1, 5), 750_000,
                                                     purpose="Mesin jahit"), today=LATER)
    return {"a": a, "b": b, "c": c, "d": d, "e": e, "f": f}


def _get(sealed: object, key: str) -> Any:
    """A field of a sealed JSON value as the mapper opened it."""
    return sealed.get(key) if isinstance(sealed, dict) else None


def _reference(services: Services, start: date, end: date, allowed: frozenset[int] | None
               ) -> dict[str, Figure]:
    """Each figure the fast paths give, computed plainly from the records (sealed values opened
    row by row by the mapper)."""
    def keep(pid: int) -> bool:
        return allowed is None or pid in allowed

    found: dict[str, Figure] = {}
    attended = {m.value for m in ATTENDED}
    with services.vault.db.reading() as session:
        held = {s.id: s for s in session.scalars(select(TrainingSession)) if s.status == "held"}
        marks = [m for m in session.scalars(select(Attendance)) if m.session_id in held
                 and start <= held[m.session_id].session_date <= end and keep(m.participant_id)]
        came = sum(1 for m in marks if m.mark in attended)
        found["attendance_rate"] = (round(100.0 * came / len(marks), 1) if marks else None,
                                    len(marks), frozenset(m.participant_id for m in marks), {})
        rules = {m.id: (m.min_attendance_pct, m.assessment_required or bool(m.skill_rubric))
                 for m in session.scalars(select(Module))}
        passed = {(k.participant_id, k.module_id) for k in session.scalars(
            select(SkillAssessment)) if k.passed and k.assessed_on <= end}
        mark_of = {(m.session_id, m.participant_id): m.mark
                   for m in session.scalars(select(Attendance))}
        count: dict[tuple[int, int], int] = defaultdict(int)
        present: dict[tuple[int, int], int] = defaultdict(int)
        last: dict[tuple[int, int], date] = {}
        for enrolment in session.scalars(select(Enrolment)):
            for s in held.values():
                if s.group_id != enrolment.group_id or s.session_date > end or (
                        s.session_date < enrolment.enrolled_on) or (
                        enrolment.ended_on is not None and s.session_date > enrolment.ended_on):
                    continue
                key = (enrolment.participant_id, s.module_id)
                count[key] += 1
                present[key] += mark_of.get((s.id, enrolment.participant_id)) in attended
                last[key] = max(last.get(key, date.min), s.session_date)
        done = frozenset(pid for (pid, module), n in count.items()
                         if keep(pid) and last[(pid, module)] >= start
                         and 100 * present[(pid, module)] >= rules[module][0] * n
                         and (not rules[module][1] or (pid, module) in passed))
        found["modules_completed"] = (float(len(done)), len(done), done, {})

        known = newest_instruments(session)
        newest: dict[tuple[int, str, str], Assessment] = {}
        for row in session.scalars(select(Assessment).order_by(Assessment.id)):
            if row.assessed_on > end or not keep(row.participant_id):
                continue
            slot = (row.participant_id, row.instrument_code, row.round)
            if slot not in newest or row.assessed_on >= newest[slot].assessed_on:
                newest[slot] = row
        for code in instruments_in_use(session):
            pairs: list[tuple[int, float, float]] = []
            for (pid, got_code, round_), row in newest.items():
                base = newest.get((pid, code, "baseline"))
                if got_code != code or round_ != "endline" or row.assessed_on < start \
                        or base is None:
                    continue
                now, was = _get(row.score, "value"), _get(base.score, "value")
                if now is not None and was is not None:
                    pairs.append((pid, float(was), float(now)))
            step = known[code].meaningful_change or 0.0
            changes = [now - was for _, was, now in pairs]
            better = frozenset(p for p, was, now in pairs if now - was >= step and now > was)
            worse = sum(1 for c in changes if c <= -step and c < 0)
            if not pairs:
                found[f"score_change.{code}"] = (None, 0, frozenset(), {})
                found[f"score_improved.{code}"] = (None, 0, frozenset(), {})
                continue
            n = len(pairs)
            found[f"score_change.{code}"] = (
                round(statistics.mean(changes), 2), n, frozenset(p for p, _, _ in pairs),
                {"median": round(statistics.median(changes), 2),
                 "baseline_mean": round(statistics.mean(w for _, w, _ in pairs), 2),
                 "endline_mean": round(statistics.mean(x for _, _, x in pairs), 2)})
            found[f"score_improved.{code}"] = (
                round(100.0 * len(better) / n, 1), n, better,
                {"worse": round(100.0 * worse / n, 1), "threshold": step})

        history: dict[int, list[LivelihoodRecord]] = defaultdict(list)
        for record in session.scalars(select(LivelihoodRecord).order_by(
                LivelihoodRecord.recorded_on, LivelihoodRecord.id)):
            if record.recorded_on <= end and keep(record.participant_id):
                history[record.participant_id].append(record)
        income_changes: dict[int, int] = {}
        asked, independent = set(), set()
        for pid, records in history.items():
            inside = [r for r in records if r.recorded_on >= start]
            if not inside:
                continue
            incomes = [r for r in records if _get(r.details, "monthly_income") is not None]
            latest = [r for r in inside if _get(r.details, "monthly_income") is not None]
            if incomes and latest and incomes[0].recorded_on < latest[-1].recorded_on:
                income_changes[pid] = (_get(latest[-1].details, "monthly_income")
                                       - _get(incomes[0].details, "monthly_income"))
            answered = [r for r in inside if _get(r.details, "depends_on_abuser") is not None]
            if answered:
                asked.add(pid)
                if _get(answered[-1].details, "depends_on_abuser") is False:
                    independent.add(pid)
        values = list(income_changes.values())
        found["income_change"] = (
            float(statistics.median(values)) if values else None, len(values),
            frozenset(income_changes),
            {"improved": round(100.0 * sum(1 for v in values if v > 0) / len(values), 1)
             if values else 0.0})
        found["independent_of_abuser"] = (
            round(100.0 * len(independent) / len(asked), 1) if asked else None, len(asked),
            frozenset(independent), {})
        for code, days in (("business_running_3m", 91), ("business_running_6m", 182)):
            reached, running = set(), set()
            for pid, records in history.items():
                business = [r for r in records if _get(r.details, "status") == "business"]
                if not business:
                    continue
                due = business[0].recorded_on + timedelta(days=days)
                after = [r for r in records if r.recorded_on >= due]
                if start <= due <= end and after:
                    reached.add(pid)
                    if _get(after[-1].details, "status") == "business":
                        running.add(pid)
            found[code] = (round(100.0 * len(running) / len(reached), 1) if reached else None,
                           len(reached), frozenset(running), {})
        given = [c for c in session.scalars(select(BusinessCapital))
                 if start <= c.given_on <= end and keep(c.participant_id)]
        found["capital_disbursed"] = (
            float(sum(int(_get(c.details, "amount")) for c in given)),
            len({c.participant_id for c in given}),
            frozenset(c.participant_id for c in given), {})
    return found


def _check(services: Services, people: dict[str, int]) -> int:
    compared = 0
    for start, end in PERIODS:
        for population in (None, frozenset({people["a"], people["b"], people["d"]}),
                           frozenset()):
            table = services.indicators.compute(start, end, population)
            for code, (value, n, participants, detail) in _reference(
                    services, start, end, population).items():
                got = table.get(code)
                assert got is not None, code
                assert (got.value, got.n, got.participants) == (value, n, participants), (
                    code, start, end, population)
                for key, expected in detail.items():
                    assert got.detail[key] == expected, (code, key, start, end, population)
                compared += 1
    return compared


def test_the_fast_paths_agree_with_the_records_read_plainly(admin: Services) -> None:
    people = _vault(admin)
    table = admin.indicators.compute(*PERIODS[0])
    assert table.get("score_change.WHO5").n == 3  # type: ignore[union-attr]  # a, b, f
    completed = table.get("modules_completed")
    assert completed is not None  # SOS-01: a, c; cooking: b; SOS-02: f (late counts)
    assert completed.participants == {people[k] for k in "abcf"}
    assert _check(admin, people) == len(PERIODS) * 3 * 11


def test_a_ledger_of_the_first_layout_reads_alike_and_a_write_packs_it(admin: Services) -> None:
    people = _vault(admin)
    before = [admin.indicators.compute(start, end) for start, end in PERIODS]
    with admin.vault.db.transaction() as session:
        for row in session.scalars(select(ScoreLedger)):
            row.data = score_ledger.entries_of(row.data)  # as the ledger was first kept
    with admin.vault.db.reading() as session:
        layouts = [row.data for row in session.scalars(select(ScoreLedger))]
    assert layouts and all(isinstance(data, dict) and score_ledger.PACKED not in data
                           for data in layouts)
    assert [admin.indicators.compute(start, end) for start, end in PERIODS] == before
    admin.assessments.record(AssessmentInput(people["c"], "WHO5", "baseline",
                                             date(2026, 11, 22), (1, 1, 1, 1, 1)))
    with admin.vault.db.reading() as session:
        written = session.scalar(select(ScoreLedger).where(
            ScoreLedger.instrument_code == "WHO5", ScoreLedger.round == "baseline"))
        assert written is not None and isinstance(written.data, dict)
        assert score_ledger.PACKED in written.data
        assert score_ledger.in_step(session, ("WHO5", "GSE"), ("baseline", "endline"))
    change = admin.indicators.compute(*PERIODS[0]).get("score_change.WHO5")
    assert change is not None and people["c"] in change.participants  # her baseline now
    assert _check(admin, people) == len(PERIODS) * 3 * 11


def test_the_packed_bucket_keeps_every_entry_and_a_damaged_one_reads_empty() -> None:
    entries: dict[str, list[object]] = {"7": [3, "2026-11-21", 40.0], "12": [3, "2026-11-21",
                                                                             None],
                                        "9": [515, "2027-02-28", 12.5]}
    packed = score_ledger.pack(entries)
    assert list(packed) == [score_ledger.PACKED]
    assert score_ledger.entries_of(packed) == entries
    assert score_ledger.entries_of(entries) == entries  # the first layout
    columns = score_ledger.columns_of(packed)
    assert columns.ids == [7, 12, 9] and columns.pids == [3, 3, 515]
    assert columns.days == [date(2026, 11, 21).toordinal()] * 2 + [
        date(2027, 2, 28).toordinal()]
    assert columns.values[0] == 40.0 and columns.values[1] != columns.values[1]  # NaN: none
    text = packed[score_ledger.PACKED][0]
    assert isinstance(text, str)
    for damaged in ({score_ledger.PACKED: [text[:-4]]}, {score_ledger.PACKED: ["&&&&"]},
                    {score_ledger.PACKED: [text, text]}, {score_ledger.PACKED: 5}, None, "x",
                    {"7": [3, "not a day", 40.0]}, {"7": 5}):
        assert score_ledger.columns_of(damaged) == score_ledger.EMPTY
    assert score_ledger.entries_of(score_ledger.pack({})) == {}


@pytest.mark.parametrize("was_on", [True, False])
def test_the_collector_is_left_as_it_was(admin: Services, was_on: bool) -> None:
    _vault(admin)
    (gc.enable if was_on else gc.disable)()
    try:
        admin.indicators.compute(*PERIODS[-1])
        assert gc.isenabled() is was_on
    finally:
        gc.enable()
