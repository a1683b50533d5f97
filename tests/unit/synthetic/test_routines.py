"""Synthetic routines: valid by the app's own checks, the same for the same seed, shaped by
what the register says of her; facilitators' and venues' hours valid too."""

from __future__ import annotations

from datetime import date, time

from kdrt_desk.domain.enums import RoutineKind
from kdrt_desk.services.routine_validation import routine_errors
from kdrt_desk.synthetic.names import OCCUPATIONS
from kdrt_desk.synthetic.routines import facilitator_hours, routine_for, venue_hours

TODAY = date(2026, 12, 2)


def test_every_routine_passes_the_checks_and_repeats_with_its_seed() -> None:
    for pid in range(400):
        occupation = OCCUPATIONS[pid % len(OCCUPATIONS)][0]
        ages = ["", "4", "8", "3,10", "14"][pid % 5]
        routine = routine_for(7, pid, occupation, ages, TODAY)
        assert routine_errors(routine) == [], (occupation, ages)
        assert routine == routine_for(7, pid, occupation, ages, TODAY)


def test_a_market_trader_is_at_the_market_in_the_morning() -> None:
    routine = routine_for(7, 1, "Pedagang di Pasar 16 Ilir", "", TODAY)
    monday = date(2026, 12, 7)
    assert routine.can_attend(monday, time(9), time(11)) == 0.0
    assert routine.can_attend(monday, time(14, 30), time(16, 30)) == 1.0
    assert any(b.kind is RoutineKind.WORK for b in routine.weekly)


def test_a_schoolchild_s_mother_does_the_school_run() -> None:
    routine = routine_for(7, 2, "Ibu rumah tangga", "8", TODAY)
    assert any(b.kind is RoutineKind.CHILDCARE and b.start == time(11, 30)
               for b in routine.weekly)


def test_facilitator_and_venue_hours_are_in_order() -> None:
    for n in range(50):
        for hours in (facilitator_hours(7, n), venue_hours(7, n)):
            assert all(0 <= d <= 6 and h.start < h.end for d, h in hours.items())
