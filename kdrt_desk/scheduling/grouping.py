"""Suggested training groups from the waiting list: people whose free times of a normal week and
kecamatan overlap are put together, each group with the few weekly slots most of them can attend.

A fast, deterministic heuristic. People are first bucketed by (kecamatan, free-slot pattern), so
35,000 people with a few hundred patterns cost a few hundred buckets. Each group is seeded by the
largest remaining bucket; its target slots are the seed's best slots (ties: the slots most of the
remaining people can attend); then whole buckets are added by score (mean can-attend at the target
slots + a bonus for the same or a neighbouring kecamatan), a bucket is split only when nothing
that fits is left. A last pass swaps single people between groups when both gain.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, time, timedelta

from kdrt_desk.domain.routine import Routine
from kdrt_desk.errors import UserError
from kdrt_desk.scheduling.prayer import FRIDAY, PrayerSettings

MIN_SIZE, MAX_SIZE = 5, 40
SAME_KECAMATAN, NEAR_KECAMATAN = 0.25, 0.1  # bonus added to a mean can-attend (0..1)
REFERENCE_MONDAY = date(2026, 1, 5)  # a week with no one-off dates: only weekly blocks count


@dataclass(frozen=True)
class WeekSlot:
    """A slot of a normal week: ``weekday`` (Monday 0) from ``start`` to ``end``."""

    weekday: int
    start: time
    end: time


@dataclass(frozen=True)
class Person:
    """Someone to place; ``routine`` None: her free times are not known (or not readable)."""

    person_id: int
    kecamatan: str
    routine: Routine | None


@dataclass(frozen=True)
class SuggestedGroup:
    member_ids: tuple[int, ...]
    slots: tuple[WeekSlot, ...]  # empty when no member's free times are known
    free_share: float | None  # mean can-attend of the members at ``slots``
    kecamatan: str  # the most common kecamatan of the members


def normal_week_slots(weekdays: Sequence[int] = (0, 1, 2, 3, 4, 5), day_start: time = time(8),
                      day_end: time = time(16), minutes: int = 120,
                      prayer: PrayerSettings | None = None) -> tuple[WeekSlot, ...]:
    """Slots of ``minutes`` from ``day_start`` to ``day_end`` on ``weekdays``, without those
    over the Friday prayers."""
    friday = prayer or PrayerSettings()
    found = []
    for day in weekdays:
        at = day_start.hour * 60 + day_start.minute
        last = day_end.hour * 60 + day_end.minute
        while at + minutes <= last:
            start, end = time(at // 60, at % 60), time((at + minutes) // 60, (at + minutes) % 60)
            if not (day == FRIDAY and start < friday.friday_end and friday.friday_start < end):
                found.append(WeekSlot(day, start, end))
            at += minutes
    return tuple(found)


def check_size(size: int) -> None:
    if not MIN_SIZE <= size <= MAX_SIZE:
        raise UserError("error.grouping.size", field="size", low=MIN_SIZE, high=MAX_SIZE)


def group_sizes(count: int, size: int) -> list[int]:
    """Balanced sizes for ``count`` people: as close to ``size`` as the count allows, none more
    than ``size`` + ``tolerance(size)``."""
    if count <= 0:
        return []
    groups = max(1, round(count / size))
    while math.ceil(count / groups) > size + tolerance(size):
        groups += 1
    base, extra = divmod(count, groups)
    return [base + 1 if i < extra else base for i in range(groups)]


def tolerance(size: int) -> int:
    return max(1, size // 10)


def pattern(routine: Routine, slots: Sequence[WeekSlot]) -> tuple[int, int]:
    """(free, half) bitmasks over ``slots``: bit i set when she can come (1) or only would
    rather not (0.5) in slot i, by her weekly blocks."""
    weekly = Routine(routine.weekly)
    free = half = 0
    for i, slot in enumerate(slots):
        share = weekly.can_attend(REFERENCE_MONDAY + timedelta(days=slot.weekday), slot.start,
                                  slot.end)
        if share >= 1.0:
            free |= 1 << i
        elif share > 0.0:
            half |= 1 << i
    return free, half


def attend_values(routine: Routine, slots: Sequence[WeekSlot]) -> tuple[float, ...]:
    """Her can-attend (1, 0.5 or 0) at each slot, by her weekly blocks."""
    free, half = pattern(routine, slots)
    return tuple(1.0 if free >> i & 1 else 0.5 if half >> i & 1 else 0.0
                 for i in range(len(slots)))


@dataclass
class _Bucket:
    kecamatan: str
    free: int
    half: int
    known: bool
    ids: list[int]

    def at(self, mask: int) -> float:
        """Summed can-attend of one of them over the slots in ``mask``."""
        return (self.free & mask).bit_count() + 0.5 * (self.half & mask).bit_count()


def suggest_groups(people: Sequence[Person], size: int,
                   slots: Sequence[WeekSlot] | None = None,
                   neighbours: Mapping[str, frozenset[str]] | None = None,
                   per_week: int = 2) -> list[SuggestedGroup]:
    """Every person in exactly one group; groups in the order they were formed."""
    check_size(size)
    week = tuple(slots) if slots is not None else normal_week_slots()
    near = neighbours or {}
    per_week = max(1, min(per_week, len(week))) if week else 0
    everyone = (1 << len(week)) - 1
    index: dict[tuple[str, int, int, bool], _Bucket] = {}
    cache: dict[Routine, tuple[int, int]] = {}
    for person in people:
        if person.routine is None:
            free, half, known = everyone, 0, False
        else:
            if person.routine not in cache:
                cache[person.routine] = pattern(person.routine, week)
            (free, half), known = cache[person.routine], True
        key = (person.kecamatan, free, half, known)
        if key not in index:
            index[key] = _Bucket(person.kecamatan, free, half, known, [])
        index[key].ids.append(person.person_id)
    buckets = sorted(index.values(), key=lambda b: (-len(b.ids), b.kecamatan, -b.free, -b.half))
    left = {i: list(b.ids) for i, b in enumerate(buckets)}
    demand = [0.0] * len(week)  # how many of those left can come to each slot
    for b in buckets:
        for s in range(len(week)):
            demand[s] += len(b.ids) * ((b.free >> s & 1) + 0.5 * (b.half >> s & 1))
    plans: list[tuple[list[int], int, str]] = []  # members, target mask, seed kecamatan
    for target in group_sizes(len(people), size):
        seed = max(left, key=lambda i: (len(left[i]), -i))
        mask = _best_slots(buckets[seed], demand, per_week, week)
        main = buckets[seed].kecamatan
        members: list[int] = []

        def score(i: int, mask: int = mask, main: str = main) -> float:
            b = buckets[i]
            bonus = SAME_KECAMATAN if b.kecamatan == main else (
                NEAR_KECAMATAN if b.kecamatan in near.get(main, frozenset()) else 0.0)
            return (b.at(mask) / per_week if per_week else 1.0) + bonus

        ranked = [seed] + sorted((i for i in left if i != seed), key=lambda i: (-score(i), i))
        for whole_only in (True, False):
            for i in ranked:
                room = target - len(members)
                if room == 0:
                    break
                if i not in left or (whole_only and len(left[i]) > room and i != seed):
                    continue
                taken, left[i] = left[i][:room], left[i][room:]
                members += taken
                b = buckets[i]
                for s in range(len(week)):
                    demand[s] -= len(taken) * ((b.free >> s & 1) + 0.5 * (b.half >> s & 1))
                if not left[i]:
                    del left[i]
        plans.append((members, mask, main))
    of_person = {pid: buckets[i] for i, b in enumerate(buckets) for pid in b.ids}
    groups = [m for m, _, _ in plans]
    _improve(groups, [mask for _, mask, _ in plans], of_person, per_week)
    return [_describe(m, of_person, week, per_week) for m in groups]


def _best_slots(seed: _Bucket, demand: Sequence[float], per_week: int,
                week: Sequence[WeekSlot]) -> int:
    """The seed's ``per_week`` best slots, ties to the slots most of those left can attend."""
    value = [(seed.free >> s & 1) + 0.5 * (seed.half >> s & 1) for s in range(len(week))]
    return _pick(value, demand, week, per_week)


def _pick(value: Sequence[float], tie: Sequence[float], week: Sequence[WeekSlot],
          per_week: int) -> int:
    """``per_week`` slots of the highest ``value``, on different days where there are enough,
    at the same time of day as the first where that is as good, days apart rather than next to
    each other; then by ``tie``."""
    chosen: list[int] = []
    for _ in range(per_week):
        days = {week[c].weekday for c in chosen}
        open_slots = [s for s in range(len(week)) if s not in chosen]
        other_days = [s for s in open_slots if week[s].weekday not in days]
        pool = other_days or open_slots
        if not pool:
            break

        def key(s: int, days: set[int] = days) -> tuple[float, bool, int, float, int]:
            first = week[chosen[0]] if chosen else None
            same = first is not None and (week[s].start, week[s].end) == (first.start,
                                                                           first.end)
            gap = min((abs(week[s].weekday - d) for d in days), default=7)
            return (value[s], same, min(gap, 2), tie[s], -s)

        chosen.append(max(pool, key=key))
    mask = 0
    for s in chosen:
        mask |= 1 << s
    return mask


def _improve(groups: list[list[int]], masks: list[int], of_person: Mapping[int, _Bucket],
             per_week: int, rounds: int = 2) -> None:
    """Swap two people of different groups when both then can attend more of their group's
    slots (only people alone of their pattern in their group: twins stay together)."""
    if not per_week:
        return
    for _ in range(rounds):
        poor: list[tuple[int, int]] = []  # (group, person) who miss a slot of their group
        for g, members in enumerate(groups):
            counts: dict[int, int] = {}
            for pid in members:
                counts[id(of_person[pid])] = counts.get(id(of_person[pid]), 0) + 1
            for pid in members:
                b = of_person[pid]
                if b.known and counts[id(b)] == 1 and b.at(masks[g]) < per_week:
                    poor.append((g, pid))
        by_mask: dict[int, list[int]] = {}
        for g, mask in enumerate(masks):
            by_mask.setdefault(mask, []).append(g)
        moved = False
        for g, pid in poor:
            if pid not in groups[g]:
                continue
            b = of_person[pid]
            here = b.at(masks[g])
            for mask, targets in by_mask.items():
                if b.at(mask) <= here:
                    continue
                for h in targets[:3]:
                    if h == g:
                        continue
                    best = max(groups[h], key=lambda q: of_person[q].at(masks[g])
                               - of_person[q].at(masks[h]))
                    q = of_person[best]
                    gain = b.at(mask) - here + q.at(masks[g]) - q.at(masks[h])
                    if gain > 0 and q.known:
                        groups[g][groups[g].index(pid)] = best
                        groups[h][groups[h].index(best)] = pid
                        moved = True
                        break
                else:
                    continue
                break
        if not moved:
            return


def _describe(members: Sequence[int], of_person: Mapping[int, _Bucket],
              week: Sequence[WeekSlot], per_week: int) -> SuggestedGroup:
    counts: dict[str, int] = {}
    for pid in members:
        counts[of_person[pid].kecamatan] = counts.get(of_person[pid].kecamatan, 0) + 1
    main = min(counts, key=lambda k: (-counts[k], k)) if counts else ""
    known = [of_person[p] for p in members if of_person[p].known]
    if not known or not per_week:
        return SuggestedGroup(tuple(members), (), None, main)
    totals = [sum((b.free >> s & 1) + 0.5 * (b.half >> s & 1) for b in known)
              for s in range(len(week))]
    mask = _pick(totals, [0.0] * len(week), week, per_week)
    chosen = [s for s in range(len(week)) if mask >> s & 1]
    share = sum(totals[s] for s in chosen) / (len(chosen) * len(known))
    return SuggestedGroup(tuple(members), tuple(week[s] for s in chosen), share, main)


def mean_free_share(groups: Sequence[SuggestedGroup]) -> float:
    """Mean over people of the share of their group's slots they can attend."""
    weighted = [(g.free_share, len(g.member_ids)) for g in groups if g.free_share is not None]
    total = sum(n for _, n in weighted)
    return sum(s * n for s, n in weighted) / total if total else 0.0


def in_list_order(people: Sequence[Person], size: int,
                  slots: Sequence[WeekSlot] | None = None,
                  per_week: int = 2) -> list[SuggestedGroup]:
    """The baseline: groups of the same sizes filled in list order, each with its best slots."""
    check_size(size)
    week = tuple(slots) if slots is not None else normal_week_slots()
    everyone = (1 << len(week)) - 1
    of_person: dict[int, _Bucket] = {}
    for p in people:
        free, half = pattern(p.routine, week) if p.routine else (everyone, 0)
        of_person[p.person_id] = _Bucket(p.kecamatan, free, half, p.routine is not None,
                                         [p.person_id])
    found, at = [], 0
    for n in group_sizes(len(people), size):
        ids = [p.person_id for p in people[at:at + n]]
        at += n
        found.append(_describe(ids, of_person, week, min(per_week, len(week))))
    return found
