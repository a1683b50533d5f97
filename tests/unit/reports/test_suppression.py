"""Complementary cell suppression (``kdrt_desk.reports.suppression``) against its attacker.

Hand-made tables of the donor report's shapes (margins, a cell alone in its row, two tables of
the same women, YTD over three quarters, the previous quarter published before), a brute force
over hidden sets on tiny tables for minimality, a property test on random tables with margins,
and the attacker itself: a primary-only suppression is broken by it."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kdrt_desk.reports.suppression import (
    PROTECTION,
    TOTAL,
    Cell,
    Range,
    Relation,
    Status,
    Suppressed,
    Table,
    attack,
    cellwise,
    equal,
    greedy,
    link,
    suppress,
)


def grid(name: str, rows: list[list[int]], **margins: bool) -> Table:
    keys_r = tuple(f"r{i}" for i in range(len(rows)))
    keys_c = tuple(f"c{j}" for j in range(len(rows[0])))
    counts = {(keys_r[i], keys_c[j]): v for i, row in enumerate(rows) for j, v in enumerate(row)}
    return Table(name, keys_r, keys_c, counts, **margins)


def assert_protected(tables: list[Table], relations: list[Relation], result: Suppressed, *,
                     reachable: bool = True) -> dict[Cell, Range]:
    """Every primary spans the protection, no hidden cell is pinned, the statuses follow the
    rule (1..4 primary, 0 shown, complements >= 5). Unless ``reachable``, a primary may be
    narrower, but only when listed as unprotected and as wide as hiding every non-zero cell
    would make it."""
    if reachable:
        assert result.unprotected == ()
    ranges = attack(tables, relations, result.status)
    assert set(ranges) == result.hidden
    everything = {c: Status.SHOWN if v == 0 else Status.PRIMARY if v <= 4
                  else Status.COMPLEMENTARY for c, v in result.values.items()}
    best = attack(tables, relations, everything) if result.unprotected else {}
    for cell, status in result.status.items():
        value = result.values[cell]
        if 1 <= value <= 4:
            assert status is Status.PRIMARY, cell
            if cell in result.unprotected:
                assert not best[cell].spans(PROTECTION)
                assert ranges[cell].width == best[cell].width, (cell, ranges[cell], best[cell])
            else:
                assert ranges[cell].spans(PROTECTION), (cell, value, ranges[cell])
            assert ranges[cell].low <= value <= (ranges[cell].high or value)
        elif value == 0:
            assert status is Status.SHOWN, cell
            assert result.shown(cell) == 0
        elif status is Status.COMPLEMENTARY:
            assert value >= 5
            assert ranges[cell].spans(1), (cell, ranges[cell])
            assert result.shown(cell) is None
        else:
            assert result.shown(cell) == value
    return ranges


def protects(tables: list[Table], relations: list[Relation], status: dict[Cell, Status]) -> bool:
    ranges = attack(tables, relations, status)
    return all(r.spans(PROTECTION) for c, r in ranges.items() if status[c] is Status.PRIMARY)


def brute_force(tables: list[Table], relations: list[Relation]) -> tuple[int, int]:
    """The fewest complements (and the smallest sum among those) that keep every primary
    protected, by trying every hidden set in order of size."""
    values: dict[Cell, int] = {}
    for t in tables:
        values.update(t.values())
    every = [r for t in tables for r in t.relations()] + list(relations)
    base = {c: Status.PRIMARY if 1 <= v <= 4 else Status.SHOWN for c, v in values.items()}
    candidates = sorted(c for c, v in values.items() if v >= 5)
    for size in range(len(candidates) + 1):
        sums = []
        for subset in itertools.combinations(candidates, size):
            status = {**base, **dict.fromkeys(subset, Status.COMPLEMENTARY)}
            hidden = {c for c, s in status.items() if s is not Status.SHOWN}
            # necessary: no primary alone in a relation (skips most attacks)
            if any(sum(1 for c in set(r.cells()) if c in hidden) == 1 and
                   any(status[c] is Status.PRIMARY for c in r.cells()) for r in every):
                continue
            if protects(tables, relations, status):
                sums.append(sum(values[c] for c in subset))
        if sums:
            return size, min(sums)
    raise AssertionError("no hidden set protects the table")


def complements(result: Suppressed) -> tuple[int, int]:
    chosen = [c for c, s in result.status.items() if s is Status.COMPLEMENTARY]
    return len(chosen), sum(result.values[c] for c in chosen)


THREE = [[2, 10, 7], [8, 6, 12], [9, 11, 15]]


def test_a_lone_small_cell_of_a_three_by_three_table_brings_its_complements() -> None:
    table = grid("A", THREE)
    result = suppress([table])
    ranges = assert_protected([table], [], result)
    p = table.cell("r0", "c0")
    assert result.status[p] is Status.PRIMARY
    assert ranges[p] == Range(1, 4)
    # a rectangle: one more in its row, one in its column and the opposite corner
    assert complements(result)[0] == 3
    assert result.optimal
    assert complements(result) == brute_force([table], [])
    assert result.shown(table.grand_total()) == 80


def test_the_attacker_breaks_primary_only_suppression() -> None:
    table = grid("A", THREE)
    naive = {c: Status.PRIMARY if 1 <= v <= 4 else Status.SHOWN
             for c, v in table.values().items()}
    assert attack([table], [], naive) == {table.cell("r0", "c0"): Range(2, 2)}
    # one complement in the row is not enough either: the column still gives it away
    one = {**naive, table.cell("r0", "c1"): Status.COMPLEMENTARY}
    ranges = attack([table], [], one)
    assert ranges[table.cell("r0", "c0")] == Range(2, 2)
    assert ranges[table.cell("r0", "c1")] == Range(10, 10)


def test_a_cell_alone_in_its_row_hides_its_row_partner_or_total() -> None:
    table = grid("B", [[3, 12], [20, 25], [14, 30]])
    result = suppress([table])
    assert_protected([table], [], result)
    row = [table.cell("r0", "c1"), table.row_total("r0")]
    assert any(result.status[c] is Status.COMPLEMENTARY for c in row)
    assert complements(result) == brute_force([table], [])


def test_a_small_total_is_primary_and_protected_too() -> None:
    table = grid("C", [[1, 0, 2], [6, 9, 7], [8, 5, 10]])
    result = suppress([table])
    assert result.status[table.row_total("r0")] is Status.PRIMARY  # 1 + 0 + 2 = 3
    assert result.status[table.cell("r0", "c1")] is Status.SHOWN  # the 0
    assert_protected([table], [], result)
    assert complements(result) == brute_force([table], [])


@pytest.mark.parametrize("rows", [
    [[2, 7, 0], [9, 4, 6]],
    [[5, 1, 8], [12, 6, 3]],
    [[0, 3, 9], [7, 0, 11]],
    [[6, 8, 2], [1, 9, 13]],
    [[6, 3, 9], [2, 1, 6]],  # fewest cells: 3 summing 35, where 4 cells would sum only 29
])
def test_the_fewest_complements_as_a_brute_force_finds(rows: list[list[int]]) -> None:
    table = grid("T", rows)
    result = suppress([table])
    assert_protected([table], [], result)
    assert result.optimal
    assert complements(result) == brute_force([table], [])


def test_two_tables_of_the_same_women_share_their_grand_total() -> None:
    kec = grid("kecamatan", [[12, 12, 1], [15, 6, 5], [2, 8, 1]])
    ages = grid("umur", [[1, 5], [5, 51]])  # the same 62 women by age band and track
    relations = [equal(kec.grand_total(), ages.grand_total())]
    result = suppress([kec, ages], relations)
    assert_protected([kec, ages], relations, result)
    # each table protected alone hides the age table's grand total, which the kecamatan table
    # shows: the link undoes it
    alone = {**suppress([kec]).status, **suppress([ages]).status}
    assert alone[ages.grand_total()] is Status.COMPLEMENTARY
    assert alone[kec.grand_total()] is Status.SHOWN
    assert protects([kec, ages], [], alone)
    assert not protects([kec, ages], relations, alone)
    assert attack([kec, ages], relations, alone)[ages.grand_total()] == Range(62, 62)
    assert result.shown(kec.grand_total()) == result.shown(ages.grand_total())


def test_year_to_date_is_the_sum_of_three_quarter_tables() -> None:
    q = [grid("Q1", [[2, 10], [7, 9]]), grid("Q2", [[0, 6], [3, 12]]),
         grid("Q3", [[5, 8], [11, 1]])]
    ytd = grid("YTD", [[7, 24], [21, 22]])
    relations = cellwise(ytd, q)
    assert len(relations) == len(ytd.values())
    result = suppress([*q, ytd], relations)
    assert_protected([*q, ytd], relations, result)
    # each quarter alone would be protected, but not against the YTD sheet
    alone: dict[Cell, Status] = {}
    for t in q:
        alone.update(suppress([t]).status)
    alone.update({c: Status.SHOWN for c in ytd.values()})
    assert not protects([*q, ytd], relations, alone)


def test_the_previous_quarter_as_published_and_a_cumulative_table() -> None:
    q1 = grid("Q1", [[3, 10, 8], [6, 12, 9], [7, 5, 14]])
    published = suppress([q1])
    q2 = grid("Q2", [[1, 6, 9], [8, 0, 11], [10, 7, 2]])
    cumulative = grid("S2", [[4, 16, 17], [14, 12, 20], [17, 12, 16]])
    relations = cellwise(cumulative, [q1, q2])
    tables = [q1, q2, cumulative]
    result = suppress(tables, relations, fixed=published.status)
    # the published quarter keeps its statuses and stays protected against the new figures
    assert all(result.status[c] is s for c, s in published.status.items())
    assert_protected(tables, relations, result)
    # publishing the cumulative table in the clear would undo Q1's suppression
    naive = {**published.status, **{c: Status.PRIMARY if 1 <= v <= 4 else Status.SHOWN
                                     for t in (q2, cumulative) for c, v in t.values().items()}}
    ranges = attack(tables, relations, naive)
    assert any(not ranges[c].spans(PROTECTION) for c, s in published.status.items()
               if s is Status.PRIMARY)


def test_cp_sat_hides_no_more_than_the_greedy_baseline() -> None:
    kec = grid("kec", [[2, 9, 14, 1], [11, 8, 6, 20], [7, 12, 3, 9], [15, 4, 10, 6]])
    total = sum(sum(r) for r in [[2, 9, 14, 1], [11, 8, 6, 20], [7, 12, 3, 9], [15, 4, 10, 6]])
    ages = grid("umur", [[1, 20, 9], [30, 18, total - 78]])
    relations = [equal(kec.grand_total(), ages.grand_total())]
    best = suppress([kec, ages], relations)
    base = greedy([kec, ages], relations)
    assert_protected([kec, ages], relations, best)
    assert complements(best) <= complements(base)


def test_a_one_column_list_with_its_total() -> None:
    table = Table("list", ("a", "b", "c", "d"), ("n",), {("a", "n"): 3, ("b", "n"): 40,
                                                        ("c", "n"): 17, ("d", "n"): 0},
                  row_totals=False)
    assert TOTAL not in {c.col for c in table.values()}
    result = suppress([table])
    assert_protected([table], [], result)
    assert result.status[table.cell("c", "n")] is Status.COMPLEMENTARY  # the next smallest


def test_a_protection_no_hidden_set_reaches_is_reported_with_the_best_reached() -> None:
    # 1 + 1 = 2, all three in 1..4: neither 1 can span more than 1..3, whatever is hidden
    table = grid("E", [[1, 1], [6, 9]], col_totals=False)
    result = suppress([table], protection=3)
    assert set(result.unprotected) == {table.cell("r0", "c0"), table.cell("r0", "c1"),
                                       table.row_total("r0")}
    assert result.ranges[table.cell("r0", "c0")] == Range(1, 3)
    assert result.status[table.cell("r1", "c0")] is Status.SHOWN  # nothing hidden in vain


def test_out_of_time_the_result_is_still_safe() -> None:
    q = [grid("Q1", [[2, 10], [7, 9]]), grid("Q2", [[0, 6], [3, 12]]),
         grid("Q3", [[5, 8], [11, 1]])]
    ytd = grid("YTD", [[7, 24], [21, 22]])
    relations = cellwise(ytd, q)
    hurried = suppress([*q, ytd], relations, time_limit=0.0)
    assert not hurried.optimal  # every candidate hidden, then the pinned ones shown again
    assert_protected([*q, ytd], relations, hurried)
    calm = suppress([*q, ytd], relations)
    assert calm.optimal
    assert complements(calm)[0] < complements(hurried)[0]


def test_bad_input_is_refused() -> None:
    table = grid("A", THREE)
    with pytest.raises(ValueError, match="does not add up"):
        suppress([table], [link(table.cell("r0", "c1"), [table.cell("r0", "c2")])])
    with pytest.raises(ValueError, match="not published"):
        suppress([table], [equal(table.grand_total(), Cell("B", TOTAL, TOTAL))])
    with pytest.raises(ValueError, match="was published as"):
        suppress([table], fixed={table.cell("r0", "c0"): Status.SHOWN})
    with pytest.raises(ValueError, match="not a count"):
        grid("N", [[-1, 2]])


def test_the_module_imports_without_or_tools() -> None:
    probe = ("import json, sys; import kdrt_desk.reports.suppression; "
             "print(json.dumps('ortools' in {m.split('.')[0] for m in sys.modules}))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         timeout=60, check=True)
    assert json.loads(out.stdout) is False


counts = st.one_of(st.just(0), st.integers(1, 4), st.integers(5, 30))


@settings(max_examples=60, deadline=None)
@given(st.integers(2, 4).flatmap(
    lambda n: st.lists(st.lists(counts, min_size=n, max_size=n), min_size=2, max_size=4)))
def test_random_tables_with_margins_are_never_undone(rows: list[list[int]]) -> None:
    # (a table of four 1s has a grand total of 4: "<5" there pins them all, whatever is
    # hidden; such cells are reported unprotected, as wide as any suppression can make them)
    table = grid("R", rows)
    result = suppress([table])
    assert_protected([table], [], result, reachable=False)


def test_a_table_of_ones_cannot_be_protected_and_says_so() -> None:
    table = grid("O", [[1, 1], [1, 1]])
    result = suppress([table])
    # every cell, margins included, is 1..4 and the grand total 4 = 1 + 1 + 1 + 1 pins them all
    assert set(result.unprotected) == set(table.values()) == result.hidden
    assert all(result.ranges[c].width == 0 for c in result.unprotected)
    assert result.ranges[table.grand_total()] == Range(4, 4)
    assert_protected([table], [], result, reachable=False)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.lists(counts, min_size=3, max_size=3), min_size=2, max_size=4),
       st.lists(st.integers(0, 40), min_size=3, max_size=3))
def test_random_linked_tables_are_never_undone_and_beat_greedy(
        rows: list[list[int]], split: list[int]) -> None:
    women = sum(map(sum, rows))
    shares = [min(women, v) for v in split]
    ages_rows = [[shares[0], 0], [0, 0]]
    left = women - shares[0]
    ages_rows[0][1] = min(left, shares[1])
    left -= ages_rows[0][1]
    ages_rows[1][0] = min(left, shares[2])
    ages_rows[1][1] = left - ages_rows[1][0]
    kec, ages = grid("K", rows), grid("U", ages_rows)
    relations = [equal(kec.grand_total(), ages.grand_total())]
    result = suppress([kec, ages], relations)
    assert_protected([kec, ages], relations, result, reachable=False)
    base = greedy([kec, ages], relations)
    if not base.unprotected and not result.unprotected:
        assert complements(result)[0] <= complements(base)[0]
