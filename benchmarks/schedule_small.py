"""The scheduler on the small instance: 4 groups x 15 participants, 6 modules x 8 sessions,
8 weeks with a closed week, 2 venues, 5 facilitators (``synthetic/schedule_instances.SMALL``,
seed 2026: Palembang routines, Friday prayers, 17 August).

Figures, all from one run of ``solve`` (time limit 30 s) on a freshly generated problem (cold
calendar: prayer times are computed inside the measured time):

* the first valid schedule (the first ``on_progress`` call), target <= 2 s;
* the final schedule, target <= 30 s;
* hard-rule violations found by ``verify`` (independent of the solver), target 0;
* expected attendance (mean can-attend over sessions) against first fit (baseline a) and as a
  fraction of the upper bound (baseline b, ``bound.upper_bound``), aim >= 0.95 of the bound;
* participants below a module's minimum attendance (and member-module pairs), against first fit.

Also reported: a venue-aware bound (``bound.venue_bound``: the groups share the venues, still
without facilitators or the same-slot goal), which shows how much of the gap to the contract's
bound is only the venues being shared.

Baselines are measured in the same run.

    python benchmarks/schedule_small.py [--time-limit 30] [--seed 2026]
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from typing import Any

from _common import header, result_line, secs, timed, verdict

FIRST_TARGET = 2.0
BOUND_AIM = 0.95


def below(result: Any) -> tuple[int, int]:
    """(participants below some module's minimum, member-module pairs below)."""
    return len({(s.group_id, s.participant_id) for s in result.shortfalls}), len(
        result.shortfalls)


def regularity(problem: Any, result: Any) -> tuple[float, float]:
    """(share of sessions on their group-module's most used weekday and start, share in the
    group's usual venue): the same-slot and same-venue goals, reported alongside."""
    from collections import Counter

    slots: dict[tuple[int, int], Counter[tuple[int, Any]]] = {}
    for s in result.sessions:
        slots.setdefault((s.group_id, s.module_id), Counter())[(s.day.weekday(), s.start)] += 1
    usual = sum(c.most_common(1)[0][1] for c in slots.values())
    home = {g.group_id: g.venue_id for g in problem.groups}
    same = sum(1 for s in result.sessions if s.venue_id == home.get(s.group_id))
    count = max(1, len(result.sessions))
    return usual / count, same / count


def run(name: str, spec: Any, time_limit: float, final_target: float, first_target: float,
        bound_limit: float) -> int:
    from kdrt_desk.scheduling.bound import upper_bound, venue_bound
    from kdrt_desk.scheduling.greedy import greedy
    from kdrt_desk.scheduling.solver import solve
    from kdrt_desk.scheduling.verify import violations
    from kdrt_desk.synthetic.schedule_instances import generate_problem

    problem = generate_problem(spec)
    groups = len(problem.groups)
    members = sum(len(g.members) for g in problem.groups)
    sessions = sum(m.sessions for g in problem.groups for m in g.modules)
    print(f"{groups} groups, {members} participants, {sessions} sessions, "
          f"{len(problem.venues)} venues, {len(problem.facilitators)} facilitators, "
          f"{problem.calendar.start} .. {problem.calendar.end}")

    fresh = generate_problem(spec)  # its own calendar: nothing computed before solve starts
    began = time.perf_counter()
    progress: list[tuple[float, Any]] = []
    solve_seconds, result = timed(lambda: solve(
        fresh, time_limit, on_progress=lambda r: progress.append(
            (time.perf_counter() - began, r))))
    first = progress[0][0] if progress else float("inf")
    for at, r in progress:
        below_people, below_pairs = below(r)
        print(f"  progress at {secs(at)}: {len(r.sessions)} sessions, expected attendance "
              f"{r.expected_attendance:.4f}, {below_people} participants below a minimum")
    broken = violations(fresh, result.sessions)

    greedy_seconds, baseline = timed(lambda: greedy(problem))
    bound_seconds, bound = timed(lambda: upper_bound(problem, bound_limit))
    print(f"first fit (baseline a): {secs(greedy_seconds)}, {len(baseline.sessions)} sessions "
          f"placed, violations {len(violations(problem, baseline.sessions))}")
    print(f"upper bound (baseline b): {bound:.4f} in {secs(bound_seconds)}")
    shared_seconds, shared = timed(lambda: venue_bound(problem, 2 * bound_limit))
    if shared is not None and shared >= bound:
        shared = None  # only the trivial bound in time: a large term is too big for it
    shared_text = "not proven in time" if shared is None else f"{shared:.4f}"
    print(f"venue-aware bound (groups share the venues; facilitators and same-slot ignored): "
          f"{shared_text} in {secs(shared_seconds)}")
    of_shared = ("n/a" if shared is None
                 else f"{result.expected_attendance / max(1e-9, shared):.3f}")

    placed_ok = len(result.sessions) >= len(baseline.sessions)
    people, pairs = below(result)
    base_people, base_pairs = below(baseline)
    share = result.expected_attendance / bound if bound else 0.0
    print(f"\nsolver status {result.status}, {len(result.sessions)} of {sessions} sessions "
          f"placed (first fit {len(baseline.sessions)}) {verdict(placed_ok)}")
    print(f"first valid schedule: {secs(first)}, target <= {secs(first_target)} "
          f"{verdict(first <= first_target)}")
    print(f"final schedule: {secs(solve_seconds)}, target <= {secs(final_target)} "
          f"{verdict(solve_seconds <= final_target + 1.0)}")
    print(f"hard-rule violations (verify): {len(broken)}, target 0 {verdict(not broken)}")
    for line in broken[:10]:
        print(f"  {line}")
    better_att = result.expected_attendance > baseline.expected_attendance
    gain = result.expected_attendance / max(1e-9, baseline.expected_attendance)
    print(f"expected attendance: {result.expected_attendance:.4f}, first fit "
          f"{baseline.expected_attendance:.4f} (x{gain:.2f}) "
          f"{verdict(better_att)}; {share:.3f} of the upper bound {bound:.4f} "
          f"(aim >= {BOUND_AIM}) {verdict(share >= BOUND_AIM)}; "
          f"{of_shared} of the venue-aware bound")
    better_below = people < base_people
    print(f"participants below a module's minimum: {people} ({pairs} member-modules), first "
          f"fit {base_people} ({base_pairs}) {verdict(better_below)}")
    print(f"explanations: {len(result.explanations)}; unplaced: {sum(result.unplaced.values())}")
    slot_share, venue_share = regularity(problem, result)
    base_slot, base_venue = regularity(problem, baseline)
    print(f"on the module's usual weekday and time: {slot_share:.3f} of sessions (first fit "
          f"{base_slot:.3f}); in the group's usual venue: {venue_share:.3f} (first fit "
          f"{base_venue:.3f})")

    ratio = max(first / first_target, solve_seconds / final_target)
    print(result_line(
        name,
        f"first valid {secs(first)}, final {secs(solve_seconds)}, {len(broken)} violations, "
        f"attendance {result.expected_attendance:.3f} = {share:.3f} of bound, "
        f"{people} participants below a minimum, {len(result.sessions)}/{sessions} placed",
        f"first <= {first_target:.0f} s, final <= {final_target:.0f} s, 0 violations, better "
        f"than first fit, >= {BOUND_AIM} of bound",
        ratio,
        f"baseline first fit attendance {baseline.expected_attendance:.3f}, {base_people} "
        f"participants below, {len(baseline.sessions)}/{sessions} placed; upper bound "
        f"{bound:.3f}, venue-aware bound {shared_text} ({of_shared} of it)"))
    ok = not broken and better_att and better_below and placed_ok
    return 0 if ok else 1


def main() -> int:
    from kdrt_desk.synthetic.schedule_instances import SMALL

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--time-limit", type=float, default=30.0)
    parser.add_argument("--seed", type=int, default=SMALL.seed)
    args = parser.parse_args()
    header("scheduler, small instance (4 groups x 15, 6 modules x 8 sessions, 8 weeks)")
    return run("schedule_small", replace(SMALL, seed=args.seed), args.time_limit,
               args.time_limit, FIRST_TARGET, 10.0)


if __name__ == "__main__":
    sys.exit(main())
