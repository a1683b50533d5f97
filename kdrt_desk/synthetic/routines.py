"""Made-up weekly routines that look like Palembang's women's weeks (seeded): a market trader
is at the market from before dawn to late morning, a mother of a schoolchild does the school
run at 11.30, a factory or shop worker works office hours, an evening stall keeps the
evenings; some "prefers not" blocks (the afternoon rest, cooking before Magrib), and now and
then a court hearing or a clinic visit on one date. Facilitators' days and venues' hours too.
"""

from __future__ import annotations

import random
from datetime import date, time, timedelta

from kdrt_desk.domain.availability import Hours
from kdrt_desk.domain.enums import BlockStrength, RoutineKind
from kdrt_desk.domain.routine import OneOffBlock, Routine, RoutineBlock

MARKET = ("Pedagang", "Penjual sayur", "Penjual ikan")
EVENING = ("Penjual pempek", "Penjual gorengan", "Penjual makanan keliling")
OFFICE = ("Karyawan toko", "Buruh pabrik", "Pelayan rumah makan", "Guru honorer",
          "Pekerja salon", "Asisten rumah tangga")
MON_FRI, MON_SAT, EVERY_DAY = range(5), range(6), range(7)


def _every(days: range, start: time, end: time, kind: RoutineKind,
           strength: BlockStrength = BlockStrength.CANNOT) -> list[RoutineBlock]:
    return [RoutineBlock(d, start, end, kind, strength) for d in days]


def _free_of(blocks: list[RoutineBlock], candidate: RoutineBlock) -> bool:
    return not any(b.weekday == candidate.weekday and candidate.start < b.end
                   and b.start < candidate.end for b in blocks)


def routine_for(seed: int, participant_id: int, occupation: str, children_ages: str,
                today: date) -> Routine:
    """Her routine from what the register says of her (the same seed gives the same week)."""
    rng = random.Random(f"{seed}:{participant_id}")
    blocks: list[RoutineBlock] = []
    if occupation.startswith(MARKET):
        blocks += _every(MON_SAT, time(4, 30), time(11, 0), RoutineKind.WORK)
    elif occupation.startswith(EVENING):
        blocks += _every(EVERY_DAY, time(15, 30), time(21, 0), RoutineKind.WORK)
    elif occupation.startswith(OFFICE):
        start = rng.choice((time(7, 30), time(8, 0), time(9, 0)))
        blocks += _every(MON_SAT if rng.random() < 0.4 else MON_FRI, start, time(16, 0),
                         RoutineKind.WORK)
    elif occupation.startswith("Buruh cuci") or occupation.startswith("Buruh harian"):
        days = range(rng.choice((3, 4, 5)))
        blocks += _every(days, time(7, 0), time(12, 0), RoutineKind.WORK)
    ages = [int(a) for a in children_ages.split(",") if a.strip().isdigit()]
    school = [a for a in ages if 6 <= a <= 12]
    for start, end in ([(time(6, 30), time(7, 15)), (time(11, 30), time(12, 30))]
                       if school else []):
        for block in _every(MON_SAT if rng.random() < 0.5 else MON_FRI, start, end,
                            RoutineKind.CHILDCARE):
            if _free_of(blocks, block):
                blocks.append(block)
    if rng.random() < 0.35:  # the afternoon rest or housework: she would rather not
        for block in _every(EVERY_DAY, time(13, 0), time(14, 30), RoutineKind.HOUSEHOLD,
                            BlockStrength.PREFERS_NOT):
            if _free_of(blocks, block):
                blocks.append(block)
    one_off: list[OneOffBlock] = []
    if rng.random() < 0.15:  # a hearing at the Pengadilan Agama or a clinic visit
        day = today + timedelta(days=rng.randrange(3, 60))
        if day.weekday() < 5:
            one_off.append(OneOffBlock(day, time(8, 0), time(12, 0), RoutineKind.APPOINTMENT))
    return Routine(tuple(sorted(blocks, key=lambda b: (b.weekday, b.start))), tuple(one_off))


def facilitator_hours(seed: int, facilitator_id: int) -> dict[int, Hours]:
    """A partner organisation's facilitator comes on three or four weekdays; the centre's own
    staff every weekday (about half of them)."""
    rng = random.Random(f"{seed}:facilitator:{facilitator_id}")
    if rng.random() < 0.5:
        return {}
    days = sorted(rng.sample(range(5), rng.choice((3, 4))))
    start, end = rng.choice(((time(8, 0), time(15, 0)), (time(8, 30), time(16, 0)),
                             (time(12, 0), time(17, 0))))
    return {d: Hours(start, end) for d in days}


def venue_hours(seed: int, venue_id: int) -> dict[int, Hours]:
    """A kelurahan hall opens Monday to Saturday mornings and early afternoons; others keep the
    centre's day."""
    rng = random.Random(f"{seed}:venue:{venue_id}")
    if rng.random() < 0.5:
        return {}
    closes = rng.choice((time(15, 0), time(16, 0)))
    return {d: Hours(time(8, 0), closes) for d in range(6)}
