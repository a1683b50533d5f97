"""The scheduler on the large instance: 16 groups x 15 participants, 6 modules x 8 sessions,
8 weeks with a closed week, 8 venues, 20 facilitators (``synthetic/schedule_instances.LARGE``).

The same figures as ``schedule_small.py`` (one run of ``solve``, time limit 60 s, on a freshly
generated problem): a valid schedule within 60 s (the final one; the first valid one is
reported too), hard-rule violations by ``verify`` (target 0), expected attendance against first
fit and as a fraction of the upper bound, participants below a module's minimum against first
fit. Baselines are measured in the same run.

    python benchmarks/schedule_large.py [--time-limit 60] [--seed 2026]
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace

from _common import header
from schedule_small import run

FINAL_TARGET = 60.0


def main() -> int:
    from kdrt_desk.synthetic.schedule_instances import LARGE

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--time-limit", type=float, default=FINAL_TARGET)
    parser.add_argument("--seed", type=int, default=LARGE.seed)
    args = parser.parse_args()
    header("scheduler, large instance (16 groups x 15, 8 venues, 20 facilitators)")
    return run("schedule_large", replace(LARGE, seed=args.seed), args.time_limit,
               FINAL_TARGET, FINAL_TARGET, 10.0)


if __name__ == "__main__":
    sys.exit(main())
