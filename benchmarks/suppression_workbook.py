"""Complementary cell suppression of a donor-workbook-sized problem:
``reports.suppression.suppress`` (CP-SAT, exact attacker). Target <= 2 s for the quarter's run.

Synthetic counts (many of them 1..4, some 0) for three quarters of a year. Each quarter's report
has three breakdowns: participants by kecamatan (18) x status (5), the same participants by age
band (4) x track (3) (grand totals linked: the same women), and attendances by module (9) x month
(3); all with row, column and grand totals. The reports are suppressed in order, as they are
published: Q1; Q2 with Q1 fixed as published and YTD-Q2 = Q1 + Q2; Q3 with Q1, Q2 and YTD-Q2
fixed and YTD-Q3 = YTD-Q2 + Q3 = Q1 + Q2 + Q3. The figure is the Q3 run (the largest: 348 cells
to publish beside 522 published before, which the attacker also reads), median of ``--runs``.
A cell that no suppression can keep at the protection level (e.g. a YTD "<5" bounds the
quarters it sums, published before) is listed as unprotected with the widest range reachable;
the attacker must narrow no other primary cell and pin no hidden cell.

Baseline, same Q3 problem and run: the naive greedy (``suppression.greedy``: hide the smallest
shown cell of each relation left with one hidden cell, then of the relations of each cell the
attacker still pins, until it pins none). Both results are checked by the same attacker.

    python benchmarks/suppression_workbook.py [--runs 5] [--seed 2026]
"""

from __future__ import annotations

import argparse
import random
import sys
from functools import partial

from _common import header, median, result_line, secs, timed, verdict

from kdrt_desk.reports.suppression import (
    Cell,
    Relation,
    Status,
    Suppressed,
    Table,
    attack,
    cellwise,
    equal,
    greedy,
    suppress,
)

TARGET = 2.0
KECAMATAN = tuple(f"kec{n:02d}" for n in range(1, 19))
STATUSES = ("diterima", "aktif", "lulus", "keluar", "rujuk")
AGES = ("18-24", "25-44", "45-59", "60+")
TRACKS = ("usaha", "kerja", "pendidikan")
MODULES = tuple(f"m{n}" for n in range(1, 10))
MONTHS = ("b1", "b2", "b3")


def small_count(rng: random.Random) -> int:
    """Skewed: ~15% zero, ~35% 1..4, the rest 5..40."""
    roll = rng.random()
    if roll < 0.15:
        return 0
    if roll < 0.50:
        return rng.randint(1, 4)
    return rng.randint(5, 40)


def quarter_tables(rng: random.Random, q: str) -> list[Table]:
    kec = {(k, s): small_count(rng) for k in KECAMATAN for s in STATUSES}
    women = sum(kec.values())
    weights = [rng.random() ** 2 for _ in range(len(AGES) * len(TRACKS))]
    ages = dict.fromkeys(((a, t) for a in AGES for t in TRACKS), 0)
    keys = list(ages)
    for _ in range(women):
        ages[rng.choices(keys, weights)[0]] += 1
    modules = {(m, b): small_count(rng) * rng.choice((1, 1, 3)) for m in MODULES for b in MONTHS}
    return [Table(f"{q}-kecamatan", KECAMATAN, STATUSES, kec),
            Table(f"{q}-umur", AGES, TRACKS, ages),
            Table(f"{q}-modul", MODULES, MONTHS, modules)]


def summed(name: str, parts: list[Table]) -> Table:
    first = parts[0]
    counts = {(r, c): sum(int(t.counts.get((r, c), 0)) for t in parts)
              for r in first.rows for c in first.cols}
    return Table(name, first.rows, first.cols, counts)


def report_relations(tables: list[Table]) -> list[Relation]:
    """The grand totals of the kecamatan and age-band tables of one report count the same
    women."""
    found = []
    for t in tables:
        if t.name.endswith("-kecamatan"):
            ages = next(u for u in tables if u.name == t.name.replace("-kecamatan", "-umur"))
            found.append(equal(t.grand_total(), ages.grand_total()))
    return found


def checked(tables: list[Table], relations: list[Relation],
            result: Suppressed) -> tuple[int, int]:
    """Primary cells the attacker narrows below the protection though they are not listed as
    unprotected (as wide as any suppression makes them), and hidden cells it pins."""
    ranges = attack(tables, relations, result)
    narrowed = sum(1 for c, r in ranges.items()
                   if result.status[c] is Status.PRIMARY and not r.spans(result.protection)
                   and c not in result.unprotected)
    return narrowed, sum(1 for r in ranges.values() if not r.spans(1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    header(f"suppression: donor workbook, 3 quarters, {args.runs} runs")
    rng = random.Random(args.seed)
    q1, q2, q3 = (quarter_tables(rng, q) for q in ("Q1", "Q2", "Q3"))
    ytd2 = [summed(f"YTD2-{a.name.split('-', 1)[1]}", [a, b]) for a, b in zip(q1, q2, strict=True)]
    ytd3 = [summed(f"YTD3-{a.name.split('-', 1)[1]}", [a, b])
            for a, b in zip(ytd2, q3, strict=True)]

    # Q1 and Q2 as they were published (their own runs), then the Q3 problem.
    rel1 = report_relations(q1)
    first = suppress(q1, rel1)
    tables2 = q1 + q2 + ytd2
    rel2 = rel1 + report_relations(q2) + report_relations(ytd2) + [
        r for y, a, b in zip(ytd2, q1, q2, strict=True) for r in cellwise(y, [a, b])]
    fixed2: dict[Cell, Status] = {c: s for c, s in first.status.items()}
    second = suppress(tables2, rel2, fixed=fixed2)
    tables3 = tables2 + q3 + ytd3
    rel3 = rel2 + report_relations(q3) + report_relations(ytd3) + [
        r for y, a, b in zip(ytd3, ytd2, q3, strict=True) for r in cellwise(y, [a, b])] + [
        r for y, a, b, c in zip(ytd3, q1, q2, q3, strict=True) for r in cellwise(y, [a, b, c])]
    fixed3 = dict(second.status)
    free = sum(len(t.values()) for t in q3 + ytd3)
    primary = sum(1 for t in q3 + ytd3 for v in t.values().values() if 1 <= v <= 4)
    print(f"  Q1 run {secs(first.seconds)} ({len(first.hidden)} hidden), Q2 run "
          f"{secs(second.seconds)} ({len(second.hidden) - len(first.hidden)} hidden in Q2)")
    print(f"  Q3 problem: {len(tables3)} tables, {free} cells to publish ({primary} of them "
          f"1..4), {sum(len(t.values()) for t in tables2)} published before, {len(rel3)} "
          f"extra relations")

    def fresh(result: Suppressed) -> int:
        return sum(1 for c in result.hidden if c not in fixed3 or fixed3[c] is Status.SHOWN)

    cp_runs = [timed(partial(suppress, tables3, rel3, fixed=fixed3)) for _ in range(args.runs)]
    greedy_runs = [timed(partial(greedy, tables3, rel3, fixed=fixed3))
                   for _ in range(args.runs)]
    cp, base = cp_runs[-1][1], greedy_runs[-1][1]
    cp_time = median([t for t, _ in cp_runs])
    base_time = median([t for t, _ in greedy_runs])
    cp_comp = cp.count(Status.COMPLEMENTARY) - sum(
        1 for s in fixed3.values() if s is Status.COMPLEMENTARY)
    base_comp = base.count(Status.COMPLEMENTARY) - sum(
        1 for s in fixed3.values() if s is Status.COMPLEMENTARY)
    cp_value = sum(cp.values[c] for c, s in cp.status.items()
                   if s is Status.COMPLEMENTARY and c not in fixed3)
    base_value = sum(base.values[c] for c, s in base.status.items()
                     if s is Status.COMPLEMENTARY and c not in fixed3)
    (cp_bad, cp_pinned), (base_bad, base_pinned) = (checked(tables3, rel3, cp),
                                                    checked(tables3, rel3, base))
    print(f"  CP-SAT: {secs(cp_time)} median, {cp.rounds} rounds, optimal {cp.optimal}, "
          f"{cp_comp} complements (sum {cp_value}), {fresh(cp)} hidden in Q3+YTD, "
          f"unprotected {len(cp.unprotected)}, attacker narrows {cp_bad} primary and pins "
          f"{cp_pinned} hidden cells; "
          + ", ".join(f"{k} {secs(v)}" for k, v in cp.timings.items()))
    print(f"  greedy: {secs(base_time)} median, {base_comp} complements (sum {base_value}), "
          f"{fresh(base)} hidden in Q3+YTD, attacker narrows {base_bad} primary and pins "
          f"{base_pinned} hidden cells (wasted complements)")
    ok = cp_time <= TARGET and cp_bad == 0 and cp_pinned == 0 and cp_comp <= base_comp
    print(f"\ntarget <= {secs(TARGET)}: {verdict(cp_time <= TARGET)}; attacker pins nothing: "
          f"{verdict(cp_bad == 0 and cp_pinned == 0)}; no more complements than greedy: "
          f"{verdict(cp_comp <= base_comp)}")
    print(result_line(
        "suppression_workbook",
        f"Q3 report {secs(cp_time)}, {cp_comp} complements (sum {cp_value}) beside {primary} "
        f"primary, {fresh(cp)} hidden of {free} cells, optimal {cp.optimal}, attacker narrows "
        f"{cp_bad}, pins {cp_pinned} ({len(cp.unprotected)} unprotectable)",
        f"<= {TARGET:.0f} s, no more hidden than greedy, 0 broken", cp_time / TARGET,
        f"baseline greedy {secs(base_time)} ({cp_time / base_time:.1f}x time), {base_comp} "
        f"complements (sum {base_value}), attacker narrows {base_bad}, pins {base_pinned}"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
