"""The grouping heuristic: everyone placed once, sizes near the chosen one, identical people
together, better free times than list order, bad sizes refused."""

from __future__ import annotations

import random
from collections import Counter
from datetime import time

import pytest

from kdrt_desk.domain.enums import RoutineKind
from kdrt_desk.domain.routine import Routine, RoutineBlock
from kdrt_desk.errors import UserError
from kdrt_desk.scheduling.grouping import (
    Person,
    in_list_order,
    mean_free_share,
    normal_week_slots,
    suggest_groups,
    tolerance,
)

KECAMATAN = ("Plaju", "Kertapati", "Sako", "Kemuning", "Gandus")


def _busy(days: tuple[int, ...], start: int, end: int) -> Routine:
    return Routine(tuple(RoutineBlock(d, time(start), time(end), RoutineKind.WORK)
                         for d in days))


def _crowd(count: int, seed: int = 3) -> list[Person]:
    rng = random.Random(seed)
    shapes = [Routine(), _busy((0, 1, 2, 3, 4, 5), 8, 12), _busy((0, 1, 2, 3, 4), 12, 16),
              _busy((0, 2, 4), 8, 16), _busy((1, 3, 5), 8, 16), _busy((0, 1, 2, 3, 4, 5), 10, 16)]
    return [Person(i, rng.choice(KECAMATAN), rng.choice(shapes)) for i in range(1, count + 1)]


@pytest.mark.parametrize(("count", "size"), [(600, 15), (97, 5), (1000, 40), (250, 12)])
def test_everyone_is_in_exactly_one_group_of_about_the_size(count: int, size: int) -> None:
    groups = suggest_groups(_crowd(count), size)
    placed = Counter(pid for g in groups for pid in g.member_ids)
    assert set(placed) == set(range(1, count + 1))
    assert max(placed.values()) == 1
    assert all(size - tolerance(size) <= len(g.member_ids) <= size + tolerance(size)
               for g in groups)
    assert all(2 <= len(g.slots) <= 4 and g.free_share is not None for g in groups)


def test_people_with_the_same_free_times_and_kecamatan_end_up_together() -> None:
    crowd = _crowd(300)
    twins = _busy((0, 1, 2), 8, 16)  # a pattern no one else in the crowd has
    crowd += [Person(1000 + i, "Sukarami", twins) for i in range(7)]
    crowd += [Person(2000 + i, "Plaju", Routine()) for i in range(4)]
    groups = suggest_groups(crowd, 15)
    home = {pid: n for n, g in enumerate(groups) for pid in g.member_ids}
    assert len({home[1000 + i] for i in range(7)}) == 1
    together = groups[home[1000]]
    assert together.kecamatan == "Sukarami" or all(
        s.weekday not in (0, 1, 2) for s in together.slots)


def test_better_free_share_than_list_order_and_deterministic() -> None:
    crowd = _crowd(900, seed=8)
    groups = suggest_groups(crowd, 15)
    assert mean_free_share(groups) > mean_free_share(in_list_order(crowd, 15)) + 0.1
    assert suggest_groups(crowd, 15) == groups


def test_the_friday_prayers_are_not_a_slot() -> None:
    slots = normal_week_slots()
    assert all(not (s.weekday == 4 and s.start < time(13) and time(11, 30) < s.end)
               for s in slots)
    assert len(slots) == 6 * 4 - 2


def test_without_routines_groups_go_by_kecamatan_and_have_no_times() -> None:
    crowd = [Person(i, KECAMATAN[i % 2], None) for i in range(40)]
    groups = suggest_groups(crowd, 10)
    assert all(g.slots == () and g.free_share is None for g in groups)
    assert all(len({i % 2 for i in g.member_ids}) == 1 for g in groups)


def test_a_neighbouring_kecamatan_is_preferred_to_a_far_one() -> None:
    free = Routine()
    crowd = ([Person(i, "Plaju", free) for i in range(8)]
             + [Person(100 + i, "Sako", free) for i in range(2)]
             + [Person(200 + i, "Gandus", free) for i in range(2)]
             + [Person(300 + i, "Kemuning", free) for i in range(7)])
    near = {"Plaju": frozenset({"Gandus"})}
    groups = suggest_groups(crowd, 10, neighbours=near)
    plaju = next(g for g in groups if 0 in g.member_ids)
    assert set(range(200, 202)) <= set(plaju.member_ids)


@pytest.mark.parametrize("size", [0, 4, 41, -3])
def test_a_bad_size_is_refused(size: int) -> None:
    with pytest.raises(UserError) as exc:
        suggest_groups(_crowd(20), size)
    assert exc.value.key == "error.grouping.size"
