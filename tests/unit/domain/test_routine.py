"""Her weekly routine: whether she can attend a session (1, 0.5 for "prefers not", 0), the
templates a case worker starts from, and the checks that name the block to fix."""

from __future__ import annotations

from datetime import date, time

import pytest

from kdrt_desk import i18n
from kdrt_desk.domain.enums import BlockStrength, RoutineKind
from kdrt_desk.domain.routine import (
    TEMPLATES,
    OneOffBlock,
    Routine,
    RoutineBlock,
    with_template,
)
from kdrt_desk.errors import ValidationError
from kdrt_desk.i18n.catalog import MESSAGES
from kdrt_desk.services.routine_validation import MAX_BLOCKS, check_routine, routine_errors

MONDAY = date(2026, 11, 30)
TUESDAY = date(2026, 12, 1)
MARKET = RoutineBlock(0, time(4, 30), time(11, 0), RoutineKind.WORK)
SCHOOL = RoutineBlock(0, time(11, 30), time(12, 30), RoutineKind.CHILDCARE,
                      BlockStrength.PREFERS_NOT)


def test_a_session_over_a_cannot_block_counts_nothing_and_prefers_not_half() -> None:
    routine = Routine((MARKET, SCHOOL))
    assert routine.can_attend(MONDAY, time(9), time(11)) == 0.0
    assert routine.can_attend(MONDAY, time(12), time(14)) == 0.5
    assert routine.can_attend(MONDAY, time(10), time(12)) == 0.0  # the worse block counts
    assert routine.can_attend(MONDAY, time(13), time(15)) == 1.0
    assert routine.can_attend(MONDAY, time(11), time(11, 30)) == 1.0  # touching is free
    assert routine.can_attend(TUESDAY, time(9), time(11)) == 1.0


def test_validity_periods_and_one_off_blocks() -> None:
    term_only = RoutineBlock(0, time(9), time(12), RoutineKind.WORK,
                             valid_from=date(2026, 12, 7), valid_to=date(2026, 12, 21))
    hearing = OneOffBlock(TUESDAY, time(8), time(12), RoutineKind.APPOINTMENT)
    routine = Routine((term_only,), (hearing,))
    assert routine.can_attend(MONDAY, time(9), time(11)) == 1.0
    assert routine.can_attend(date(2026, 12, 7), time(9), time(11)) == 0.0
    assert routine.can_attend(date(2026, 12, 28), time(9), time(11)) == 1.0
    assert routine.can_attend(TUESDAY, time(9), time(11)) == 0.0
    assert routine.can_attend(date(2026, 12, 8), time(9), time(11)) == 1.0


def test_templates_add_blocks_without_overwriting_hers() -> None:
    market = next(t for t in TEMPLATES if t.key == "market_morning")
    assert {b.weekday for b in market.blocks} == set(range(6))
    own = RoutineBlock(2, time(6), time(8), RoutineKind.HOUSEHOLD, BlockStrength.PREFERS_NOT)
    merged = with_template(Routine((own,)), market)
    assert own in merged.weekly
    assert not any(b.weekday == 2 and b.kind is RoutineKind.WORK for b in merged.weekly)
    assert len(merged.weekly) == 6
    assert routine_errors(merged) == []
    for template in TEMPLATES:
        assert f"routine.template.{template.key}" in MESSAGES
        assert routine_errors(Routine(template.blocks)) == []


@pytest.mark.parametrize(("routine", "key"), [
    (Routine((RoutineBlock(0, time(9), time(8), RoutineKind.WORK),)),
     "error.routine.end_before_start"),
    (Routine((RoutineBlock(0, time(9), time(9), RoutineKind.WORK),)),
     "error.routine.end_before_start"),
    (Routine((RoutineBlock(7, time(8), time(9), RoutineKind.WORK),)), "error.routine.weekday"),
    (Routine((MARKET, RoutineBlock(0, time(10), time(12), RoutineKind.OTHER))),
     "error.routine.overlap"),
    (Routine((), (OneOffBlock(TUESDAY, time(8), time(10), RoutineKind.APPOINTMENT),
                  OneOffBlock(TUESDAY, time(9), time(11), RoutineKind.OTHER))),
     "error.routine.overlap"),
    (Routine((RoutineBlock(1, time(8), time(9), RoutineKind.WORK,
                           valid_from=date(2026, 12, 9), valid_to=date(2026, 12, 1)),)),
     "error.routine.validity_order"),
    (Routine(tuple(RoutineBlock(d % 7, time(d // 7), time(d // 7, 30), RoutineKind.OTHER)
                   for d in range(MAX_BLOCKS + 1))), "error.routine.too_many"),
])
def test_a_wrong_routine_is_refused_naming_the_block(routine: Routine, key: str) -> None:
    with pytest.raises(ValidationError) as caught:
        check_routine(routine)
    errors = caught.value.errors
    assert [e.key for e in errors] == [key]
    message = errors[0].message
    assert "{" not in message
    if key in ("error.routine.end_before_start", "error.routine.overlap"):
        day = routine.weekly[0] if routine.weekly else None
        assert (("Senin" in message or "Selasa" in message) if day else "Des" in message)


def test_blocks_of_different_periods_on_one_weekday_may_share_hours() -> None:
    first = RoutineBlock(0, time(8), time(12), RoutineKind.WORK, valid_to=date(2026, 12, 31))
    later = RoutineBlock(0, time(9), time(13), RoutineKind.WORK, valid_from=date(2027, 1, 1))
    assert routine_errors(Routine((first, later))) == []
    meeting = RoutineBlock(0, time(9), time(13), RoutineKind.WORK, valid_from=date(2026, 12, 1))
    assert [e.key for e in routine_errors(Routine((first, meeting)))] == ["error.routine.overlap"]


def test_messages_in_english_when_chosen() -> None:
    errors = routine_errors(Routine((MARKET, RoutineBlock(0, time(10), time(12),
                                                          RoutineKind.OTHER))))
    i18n.set_language("en")
    try:
        message = errors[0].message
    finally:
        i18n.set_language("id")
    assert message == "block Monday 04.30–11.00 overlaps block Monday 10.00–12.00. Change " \
                      "the hours or merge the two."
