"""Grouping help: ``scheduling.grouping.suggest_groups`` for 35,000 waiting people in groups of
15. Target <= 5 s, and a mean free share above the baseline's.

People: synthetic routines (``synthetic.routines.routine_for``, occupations and children drawn
with a fixed seed) and kecamatan drawn from Palembang's 18. Baseline, same people and run:
``in_list_order`` (groups of the same sizes filled in list order, each given its best slots).

    python benchmarks/grouping_35k.py [--people 35000] [--size 15]
"""

from __future__ import annotations

import argparse
import random
import sys
from datetime import date

from _common import header, result_line, secs, timed, verdict

from kdrt_desk.domain.places import KECAMATAN
from kdrt_desk.scheduling.grouping import (
    Person,
    in_list_order,
    mean_free_share,
    suggest_groups,
)
from kdrt_desk.synthetic.routines import EVENING, MARKET, OFFICE, routine_for

TARGET = 5.0
JOBS = (*MARKET, *EVENING, *OFFICE, "Buruh cuci", "Buruh harian", "Ibu rumah tangga")


def people(count: int, seed: int = 11) -> list[Person]:
    rng = random.Random(seed)
    found = []
    for pid in range(1, count + 1):
        ages = ",".join(str(rng.randrange(0, 15)) for _ in range(rng.randrange(0, 4)))
        found.append(Person(pid, rng.choice(KECAMATAN),
                            routine_for(seed, pid, rng.choice(JOBS), ages, date(2026, 1, 5))))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=35_000)
    parser.add_argument("--size", type=int, default=15)
    args = parser.parse_args()
    header("grouping help, 35k people")
    crowd = people(args.people)
    seconds, groups = timed(lambda: suggest_groups(crowd, args.size))
    base_seconds, baseline = timed(lambda: in_list_order(crowd, args.size))
    share, base_share = mean_free_share(groups), mean_free_share(baseline)
    sizes = [len(g.member_ids) for g in groups]
    print(f"{len(groups):,} groups, sizes {min(sizes)}-{max(sizes)}, "
          f"in {secs(seconds)} (baseline {secs(base_seconds)})")
    print(f"mean free share {share:.3f}, list order {base_share:.3f}, "
          f"ratio {share / base_share:.2f}")
    ok = seconds <= TARGET and share > base_share
    print(result_line("suggest_groups 35k", secs(seconds), secs(TARGET), seconds / TARGET,
                      f"mean free share {share:.3f} = {share / base_share:.2f}x list order"))
    print(verdict(ok))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
