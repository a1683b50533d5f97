"""A routine's checks, before it is saved or solved: hours in order, no two blocks of one day
over each other, a validity period in order, a sane number of blocks; each message names the
block to fix by its day and hours."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time

from kdrt_desk.domain.routine import WEEKDAYS, Block, Routine, RoutineBlock
from kdrt_desk.errors import UserError, ValidationError
from kdrt_desk.i18n.formatting import WeekdayName, format_date

MAX_BLOCKS = 60  # far more than a week holds; a bigger routine is a mistake (or an attack)


def _clock(value: time) -> str:
    return value.strftime("%H.%M")


def _periods_meet(a: RoutineBlock, b: RoutineBlock) -> bool:
    return ((a.valid_to is None or b.valid_from is None or b.valid_from <= a.valid_to)
            and (b.valid_to is None or a.valid_from is None or a.valid_from <= b.valid_to))


def routine_errors(routine: Routine) -> list[UserError]:
    """Everything wrong with a routine, each naming the block to fix (in her own words: the
    day and the hours), before anything is saved or solved."""
    errors: list[UserError] = []
    blocks: list[Block] = [*routine.weekly, *routine.one_off]
    if len(blocks) > MAX_BLOCKS:
        return [UserError("error.routine.too_many", field="routine", limit=MAX_BLOCKS)]
    for block in blocks:
        where = _where(block)
        if isinstance(block, RoutineBlock) and block.weekday not in WEEKDAYS:
            errors.append(UserError("error.routine.weekday", field="routine"))
            continue
        if block.end <= block.start:
            errors.append(UserError("error.routine.end_before_start", field="routine",
                                    block=where))
        if isinstance(block, RoutineBlock) and block.valid_from and block.valid_to \
                and block.valid_to < block.valid_from:
            errors.append(UserError("error.routine.validity_order", field="routine",
                                    block=where))
    weekly = sorted(routine.weekly, key=lambda b: (b.weekday, b.start))
    for index, a in enumerate(weekly):
        for b in weekly[index + 1:]:
            if b.weekday == a.weekday and b.start < a.end and a.start < b.end \
                    and _periods_meet(a, b):
                errors.append(UserError("error.routine.overlap", field="routine",
                                        block=_where(a), other=_where(b)))
    one_off = sorted(routine.one_off, key=lambda b: (b.day, b.start))
    for index, c in enumerate(one_off):
        for d in one_off[index + 1:]:
            if d.day == c.day and d.start < c.end and c.start < d.end:
                errors.append(UserError("error.routine.overlap", field="routine",
                                        block=_where(c), other=_where(d)))
    return errors


def check_routine(routine: Routine) -> Routine:
    errors = routine_errors(routine)
    if errors:
        raise ValidationError(errors)
    return routine


@dataclass(frozen=True)
class BlockLabel:
    """A block named by its day and hours, in the language current when the message is shown
    (a message is made when it is read, after a language switch too)."""

    block: Block

    def __format__(self, spec: str) -> str:
        block = self.block
        day = (str(WeekdayName(block.weekday)) if isinstance(block, RoutineBlock)
               else format_date(block.day))
        return f"{day} {_clock(block.start)}–{_clock(block.end)}"

    def __str__(self) -> str:
        return format(self, "")


def _where(block: Block) -> BlockLabel:
    return BlockLabel(block)
