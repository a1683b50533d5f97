"""The scheduler's seam to a real vault: the problem it reads (members' routines, modules,
venues, facilitators, the calendar, sessions that must not move) and a proposal applied through
the rules of sessions made by hand, all or nothing; who may plan."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

import pytest
from support.programme import PERIOD, build, session_on
from support.vault_fixture import VaultFixture

from kdrt_desk.domain.availability import Hours
from kdrt_desk.domain.enums import Role, RoutineKind
from kdrt_desk.domain.routine import Routine, RoutineBlock
from kdrt_desk.domain.training import AttendanceMark, FacilitatorInput, SessionStatus
from kdrt_desk.errors import PermissionDeniedError, UserError, ValidationError
from kdrt_desk.scheduling.problem import PlacedSession, ScheduleResult
from kdrt_desk.scheduling.solver import solve
from kdrt_desk.scheduling.verify import Violation, violations
from kdrt_desk.services.actor import Actor
from kdrt_desk.services.calendar import CalendarService
from kdrt_desk.services.schedule import ScheduleService
from kdrt_desk.services.sessions import SessionService
from kdrt_desk.wiring import Services

TODAY = date(2026, 11, 27)
TERM = (date(2026, 11, 30), date(2026, 12, 31))
MARKET = Routine((RoutineBlock(0, time(4, 30), time(11), RoutineKind.WORK),))


def _result(*sessions: PlacedSession, violations: tuple[Violation, ...] = ()) -> ScheduleResult:
    return ScheduleResult(tuple(sessions), {}, 1.0, (), (), "optimal", 0.1, violations)


def test_the_problem_holds_what_the_vault_says(admin: Services) -> None:
    programme = build(admin, members=3)
    admin.routines.save(programme.participants[0], MARKET)
    admin.catalogue.save_facilitator(FacilitatorInput(
        name="Ibu Paruh Waktu", module_ids={programme.modules["SOS-01"]},
        hours={1: Hours(time(8), time(12))}, away_on={date(2026, 12, 8)}, max_per_day=1))
    problem = admin.schedule.problem([programme.group_id], *TERM, today=TODAY)
    (group,) = problem.groups
    assert group.group_id == programme.group_id and group.venue_id == programme.venue_id
    assert [m.module_id for m in group.modules] == [programme.modules["SOS-01"],
                                                    programme.modules["SOS-02"]]
    assert group.facilitator_ids == frozenset(programme.facilitators.values())
    assert {m.participant_id for m in group.members} == set(programme.participants)
    first = next(m for m in group.members if m.participant_id == programme.participants[0])
    assert first.routine == MARKET
    assert all(m.routine == Routine() for m in group.members if m is not first)
    kitchen = next(v for v in problem.venues if v.venue_id == programme.kitchen_id)
    assert "kitchen" in kitchen.features
    part_time = next(f for f in problem.facilitators if f.name == "Ibu Paruh Waktu")
    assert part_time.hours == {1: Hours(time(8), time(12))} and part_time.max_per_day == 1
    assert date(2026, 12, 8) in part_time.away_on
    assert problem.calendar.start == TERM[0] and problem.calendar.end == TERM[1]
    assert problem.calendar.day(date(2026, 12, 25)).closed


def test_existing_sessions_stay_fixed_and_a_replan_frees_only_the_movable(
        admin: Services) -> None:
    programme = build(admin, members=3)
    held = admin.sessions.create(session_on(programme, date(2026, 11, 26)))
    admin.attendance.mark(held.id, programme.participants[0], AttendanceMark.PRESENT,
                          today=TODAY)
    later = admin.sessions.create(session_on(programme, date(2026, 12, 3)))
    locked = admin.sessions.set_locked(
        admin.sessions.create(session_on(programme, date(2026, 12, 10))).id, True)
    assert locked.locked
    whole = (PERIOD[0], TERM[1])
    kept = admin.schedule.problem([programme.group_id], *whole, today=TODAY)
    assert {f.session_id for f in kept.fixed} == {held.id, later.id, locked.id}
    again = admin.schedule.problem([programme.group_id], *whole, replan=True, today=TODAY)
    assert {f.session_id for f in again.fixed} == {held.id, locked.id}
    assert again.plan_from == date(2026, 11, 28)
    assert admin.schedule.replaceable([programme.group_id], *whole, today=TODAY) == [later.id]


def test_applying_saves_the_new_sessions_and_cancels_the_replaced(admin: Services) -> None:
    programme = build(admin, members=3)
    old = admin.sessions.create(session_on(programme, date(2026, 12, 3)))
    new = PlacedSession(programme.group_id, programme.modules["SOS-01"], date(2026, 12, 2),
                        time(13), time(15), programme.venue_id,
                        programme.facilitators["psychologist"], 1.0)
    kept = PlacedSession(programme.group_id, programme.modules["SOS-01"], date(2026, 11, 26),
                         time(9), time(11), programme.venue_id,
                         programme.facilitators["psychologist"], 1.0, fixed=True)
    made = admin.schedule.apply(_result(kept, new), replaced=[old.id])
    assert [(s.session_date, s.start_time) for s in made] == [(date(2026, 12, 2), time(13))]
    cancelled = admin.sessions.get(old.id)
    assert cancelled.status is SessionStatus.CANCELLED
    assert cancelled.cancel_reason == "Dijadwal ulang oleh penjadwal"
    entries = admin.audit.entries(action="schedule_applied")
    assert [e.target for e in entries] == [f"group:{programme.group_id}"]


def test_a_proposal_that_breaks_a_rule_saves_nothing(admin: Services) -> None:
    programme = build(admin, members=3)
    old = admin.sessions.create(session_on(programme, date(2026, 12, 3)))
    clash = PlacedSession(programme.group_id, programme.modules["SOS-01"], date(2026, 12, 3),
                          time(10), time(12), programme.venue_id,
                          programme.facilitators["psychologist"], 1.0)
    outside = PlacedSession(programme.group_id, programme.modules["SOS-01"], date(2027, 3, 3),
                            time(10), time(12), programme.venue_id,
                            programme.facilitators["psychologist"], 1.0)
    with pytest.raises(ValidationError):
        admin.schedule.apply(_result(outside))
    with pytest.raises(UserError) as caught:
        admin.schedule.apply(_result(clash, violations=(Violation("group_overlap", {}),)))
    assert caught.value.key == "error.schedule.has_violations"
    with pytest.raises(ValidationError):  # the replaced one stays when the new plan fails
        admin.schedule.apply(_result(outside), replaced=[old.id])
    assert admin.audit.entries(action="schedule_applied") == []
    assert admin.audit.entries(action="session_cancelled") == []


def test_bad_requests_are_refused_with_a_message(admin: Services) -> None:
    programme = build(admin, members=1)
    with pytest.raises(ValidationError) as no_group:
        admin.schedule.problem([], *TERM, today=TODAY)
    assert [e.key for e in no_group.value.errors] == ["error.schedule.no_group"]
    with pytest.raises(ValidationError) as backwards:
        admin.schedule.problem([programme.group_id], TERM[1], TERM[0], today=TODAY)
    assert [e.key for e in backwards.value.errors] == ["error.calendar.term_order"]
    with pytest.raises(ValidationError):
        admin.schedule.problem([programme.group_id + 99], *TERM, today=TODAY)


def test_a_facilitator_does_not_plan(admin: Services, vault: VaultFixture) -> None:
    programme = build(admin, members=1)
    actor = Actor(99, "fasilitator9", Role.FASILITATOR)
    service = ScheduleService(admin.vault.db, actor, CalendarService(admin.vault.db, actor),
                              SessionService(admin.vault.db, actor))
    with pytest.raises(PermissionDeniedError):
        service.problem([programme.group_id], *TERM, today=TODAY)


def test_a_group_starting_inside_the_term_gets_no_session_before_it_starts(
        admin: Services) -> None:
    """Planning two groups whose periods differ: the term is both together, but each group's
    sessions stay in its own period, so applying the proposal is accepted."""
    programme = build(admin, members=3)
    group = next(g for g in admin.groups.groups() if g.id == programme.group_id)
    late = date(2026, 12, 14)  # a Monday two weeks into the term
    admin.groups.save(replace(group, start_date=late, end_date=TERM[1]))
    problem = admin.schedule.problem([programme.group_id], TERM[0], TERM[1], today=TODAY)
    (need,) = problem.groups
    assert (need.start, need.end) == (late, TERM[1])
    result = solve(problem, time_limit=3.0)
    new = [s for s in result.sessions if not s.fixed]
    assert new and result.violations == ()
    assert min(s.day for s in new) >= late
    made = admin.schedule.apply(result)
    assert len(made) == len(new)

    early = replace(new[0], day=date(2026, 12, 1))  # moved by hand before her group starts
    assert [v.code for v in violations(problem, [early])] == ["outside_term"]
