"""Her week: blocks of time she cannot (or would rather not) come, by weekday with an optional
validity period, and one-off blocks for single dates; whether she can attend a session; and the
quick templates the case worker starts from (checked in ``services/routine_validation.py``).

*Can attend* (the scheduler's, the review screen's and the benchmarks' definition): a session
she has no block over counts 1; one over a "prefers not" block only counts 0.5; one over a
"cannot" block counts 0.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from kdrt_desk.domain.enums import BlockStrength, RoutineKind

WEEKDAYS = range(7)  # Monday 0 .. Sunday 6, as ``date.weekday()``
WEIGHT = {BlockStrength.CANNOT: 0.0, BlockStrength.PREFERS_NOT: 0.5}


@dataclass(frozen=True)
class RoutineBlock:
    """Every ``weekday`` from ``start`` to ``end``, from ``valid_from`` to ``valid_to`` (open
    ends: always)."""

    weekday: int
    start: time
    end: time
    kind: RoutineKind
    strength: BlockStrength = BlockStrength.CANNOT
    valid_from: date | None = None
    valid_to: date | None = None

    def applies(self, day: date) -> bool:
        return (day.weekday() == self.weekday
                and (self.valid_from is None or self.valid_from <= day)
                and (self.valid_to is None or day <= self.valid_to))


@dataclass(frozen=True)
class OneOffBlock:
    """One date from ``start`` to ``end`` (a court hearing, a clinic visit)."""

    day: date
    start: time
    end: time
    kind: RoutineKind
    strength: BlockStrength = BlockStrength.CANNOT

    def applies(self, day: date) -> bool:
        return day == self.day


Block = RoutineBlock | OneOffBlock


@dataclass(frozen=True)
class Routine:
    weekly: tuple[RoutineBlock, ...] = ()
    one_off: tuple[OneOffBlock, ...] = ()

    def blocks_on(self, day: date) -> list[Block]:
        every: list[Block] = [*self.weekly, *self.one_off]
        return [b for b in every if b.applies(day)]

    def can_attend(self, day: date, start: time, end: time) -> float:
        """1 when no block of ``day`` overlaps ``start``-``end``, 0.5 when only "prefers not"
        blocks do, 0 when a "cannot" block does."""
        share = 1.0
        for block in self.blocks_on(day):
            if start < block.end and block.start < end:
                share = min(share, WEIGHT[block.strength])
        return share


@dataclass(frozen=True)
class RoutineTemplate:
    """A starting point the case worker picks and then adjusts (``key`` names it in the UI)."""

    key: str
    blocks: tuple[RoutineBlock, ...]


def _every(days: range, start: time, end: time, kind: RoutineKind) -> tuple[RoutineBlock, ...]:
    return tuple(RoutineBlock(d, start, end, kind) for d in days)


MON_FRI, MON_SAT = range(5), range(6)
TEMPLATES: tuple[RoutineTemplate, ...] = (
    RoutineTemplate("market_morning", _every(MON_SAT, time(4, 30), time(11, 0),
                                             RoutineKind.WORK)),
    RoutineTemplate("school_run", _every(MON_FRI, time(11, 30), time(12, 30),
                                         RoutineKind.CHILDCARE)),
    RoutineTemplate("school_run_morning", _every(MON_FRI, time(6, 30), time(7, 30),
                                                 RoutineKind.CHILDCARE)),
    RoutineTemplate("office_hours", _every(MON_FRI, time(8, 0), time(16, 0), RoutineKind.WORK)),
    RoutineTemplate("evening_stall", _every(range(7), time(16, 0), time(21, 0),
                                            RoutineKind.WORK)),
)


def with_template(routine: Routine, template: RoutineTemplate) -> Routine:
    """``routine`` with the template's blocks added where they do not clash with hers (her own
    blocks win: a template never overwrites what she said)."""
    kept = list(routine.weekly)
    for block in template.blocks:
        if not any(b.weekday == block.weekday and block.start < b.end and b.start < block.end
                   for b in kept):
            kept.append(block)
    return Routine(tuple(sorted(kept, key=lambda b: (b.weekday, b.start))), routine.one_off)
