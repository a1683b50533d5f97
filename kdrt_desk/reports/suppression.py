"""Complementary cell suppression for the donor workbook, and the attacker that tries to undo it.

Qt-free and DB-free: counts in, a status per cell out. OR-Tools (CP-SAT) is imported inside the
functions, never at module import.

The rule (issue 13)
-------------------
Only counts are suppressed. A published count from 1 to ``threshold - 1`` (1..4 by default) is
hidden as PRIMARY (the writer shows "<5"); 0 is shown as 0. Wherever the other published figures
(row and column totals, a total in another table or sheet covering the same people, year to date
= sum of quarters, the previous quarter's published report) would let a hidden cell be worked
out, more cells are hidden as COMPLEMENTARY, chosen over the whole workbook at once.

Data model
----------
- ``Cell(table, row, col)``: one published figure. Margins use the key ``TOTAL``:
  ``Cell(t, row, TOTAL)`` is a row total, ``Cell(t, TOTAL, col)`` a column total and
  ``Cell(t, TOTAL, TOTAL)`` the grand total.
- ``Table(name, rows, cols, counts, row_totals=True, col_totals=True)``: interior counts keyed
  ``(row, col)`` (a missing key is 0); the margins are computed by the table, are published cells
  like any other (a total of 1..4 is primary too, a total may be chosen as a complement) and the
  table contributes its own margin relations (``Table.relations()``). The grand total exists when
  both margins do. A one-column list with a total is ``Table(..., cols=("n",),
  row_totals=False)``.
- ``Relation(total, parts)``: a published exact identity ``total = sum(parts)`` across tables,
  made with ``link(total, parts)``, ``equal(a, b)`` (the same people counted in two tables:
  the kecamatan and the age-band grand totals) or ``cellwise(total_table, part_tables)`` (YTD =
  Q1 + Q2 + Q3 cell by cell, or cumulative = previous cumulative + this quarter). Register only
  exact sums: a total of distinct women over "services by type" (one woman, several services) is
  not a sum and must not be linked.

API
---
``suppress(tables, relations=(), *, threshold=5, protection=PROTECTION, fixed=None,
zero_complements=False, time_limit=10.0, workers=WORKERS) -> Suppressed``
    Chooses the hidden cells. ``fixed`` maps cells of an already published report (the previous
    quarter's tables, included in ``tables``) to the status they were published with; they keep
    it, and their hidden cells are protected again against the new relations.
``attack(tables, relations, status, *, threshold=5, zero_complements=False) ->
dict[Cell, Range]``
    The exact attacker: for every hidden cell, the tightest integer range consistent with
    everything published. ``status`` is ``Suppressed.status`` (or any mapping; missing = shown).
``greedy(tables, relations=(), ...) -> Suppressed``
    The naive baseline (hide the smallest shown cell of each relation left with one hidden cell,
    then of the relations of each cell the attacker still pins), for comparison only.

``Suppressed`` holds ``status`` (every cell -> ``Status``), ``values`` (the true values: never
write a hidden one), ``ranges`` (the attacker's ranges of the hidden cells), ``shown(cell)``
(the value to print or None), ``hidden``, ``count(status)``, ``unprotected`` (cells that cannot
reach the protection level whatever is hidden, see below), ``optimal`` (the solver proved the
fewest hidden cells), ``rounds``, ``seconds`` and ``timings`` (per phase). The display text is the
writer's: PRIMARY -> "<5", COMPLEMENTARY -> a neutral mark (e.g. "–" with a note "disamarkan");
a complement may hold any value >= threshold, so it must never show "<5".

What the attacker knows
-----------------------
Every shown value; every relation (the tables' margins and every registered ``Relation``); that
every count is a non-negative integer; and the status of each hidden cell, since the display
differs: a PRIMARY cell is in 1..threshold-1, a COMPLEMENTARY one is >= threshold (it would
have shown "<5" otherwise; with ``zero_complements`` it is 0 or >= threshold).

Zeros are shown as 0 (the issue's rule) and by default never chosen as complements: a hidden
zero could only be read as "0 or >= 5", so it can only move by jumps of at least the threshold,
which almost never protects a count of 1..4, and a shown 0 keeps the tables readable.
``zero_complements=True`` allows them (and tells the attacker so).

Protection level
----------------
``PROTECTION = 2``: the attacker's range of every primary cell must span at least 2, that is at
least three possible values (a "1" cannot be told from a "3"), within 1..threshold-1 whose
widest span is threshold-2. Every complementary cell must span at least 1 (not pinned); a
complement the attacker pins is shown instead (its value is known anyway). A cell that cannot
reach its level even with every other cell hidden gets the best span it can and is listed in
``unprotected``. That is not only a curiosity of tiny tables (four 1s under a grand total of
"<5" are pinned whatever is hidden): across periods a YTD "<5" bounds the quarters it sums,
some published before (Q2 + Q3 <= 4), so earlier cells can lose width; the optimiser then keeps
the widest range any suppression allows. The writer should list ``unprotected`` for the user
(merge small categories or leave the table out) rather than ignore it.

The optimisation
----------------
CP-SAT chooses the hidden set H (a boolean h_c per shown non-zero cell) minimising first the
number of complementary cells and then their sum (weight ``1 + sum of all candidates`` per cell
plus its value: fewest hidden cells, as the issue asks; among equal counts the smallest
figures, "the next smallest cells", which also spares the totals). A row-generation loop:

1. the master model: covering rows (a protected cell never is the only hidden cell of a
   relation; a complement alone in a relation is pinned, so never optimal) and, per protected
   cell p, integer moves a_p (up) and b_p (down) with a_p + b_p >= its protection;
2. the exact attacker checks every protected cell of the master's solution (below);
3. for each cell still too narrow, the attacker's LP on deviations (d_c = 0 on shown cells,
   every relation still adds up, hidden cells within what the attacker allows) gives a Benders
   cut from its duals: ``a_p <= sum_c w_c h_c``, valid for every H by weak duality (weights
   rounded up, so only ever weaker) and tight at the current H;
4. where the LP allows a move the integers do not (the YTD links are not a network matrix),
   p gets exact witness tables instead: integer deviations for an up and a down move (capped at
   +-``DEVIATION`` per cell; a cap only ever asks for more);
5. repeat until the attacker passes every protected cell; the final attack fills ``ranges``.

Cuts and witnesses only describe what the attacker allows, so every round's master is a
relaxation (up to the witness cap): a proven-optimal final round is the workbook's optimum
(``optimal``). A need no hidden set can meet makes the master infeasible; it is then lowered to
what hiding every candidate reaches (``unprotected``). On a time-out every candidate is hidden
and pinned complements are shown again: safe, not minimal, ``optimal`` False.

The attacker works per connected group of hidden cells (through relations; shown cells are
constants). Each bound is first asked of the LP relaxation (GLOP, warm-started): when its optimum
is attained by an integer point keeping every rule, that is the integer optimum; otherwise CP-SAT
(one worker) settles it. Groups and settled bounds are cached within one ``suppress`` call.

Timings (2-core machine): a 3 x 3 table 5-50 ms after the first call (OR-Tools' import costs
~0.5 s once); the benchmark's Q3 report (348 cells to publish beside 522 published before,
527 extra relations) ~1.5 s: see ``benchmarks/suppression_workbook.py``.
"""

from __future__ import annotations

import math
import time as clock
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

TOTAL = "*total*"  # row/column key of a table's margins
THRESHOLD = 5  # counts 1..THRESHOLD-1 are primary
PROTECTION = 2  # the attacker's range of a primary cell spans at least this much
DEVIATION = 3  # cap on a witness deviation of one cell (model size, see the docstring)
WORKERS = 8  # CP-SAT workers choosing the cells (its portfolio proves far sooner); attacker: 1
CUT_SCALE = 1000  # LP cut weights are scaled to integers (rounded up: weaker, still valid)
ATTACK_LIMIT = 30.0  # seconds per attacker solve; a proven optimum is always expected sooner


class Status(Enum):
    SHOWN = "shown"
    PRIMARY = "primary"
    COMPLEMENTARY = "complementary"


@dataclass(frozen=True, order=True)
class Cell:
    """One published figure: ``TOTAL`` as row or column key marks a margin."""

    table: str
    row: str
    col: str


@dataclass(frozen=True)
class Relation:
    """A published exact identity ``total = sum(parts)``."""

    total: Cell
    parts: tuple[Cell, ...]

    def cells(self) -> tuple[Cell, ...]:
        return (self.total, *self.parts)


def link(total: Cell, parts: Iterable[Cell]) -> Relation:
    """``total = sum(parts)``, across tables if need be."""
    return Relation(total, tuple(parts))


def equal(a: Cell, b: Cell) -> Relation:
    """Two cells that count the same people (e.g. two tables' grand totals)."""
    return Relation(a, (b,))


@dataclass(frozen=True)
class Table:
    """A published table of counts; its margins are computed and published too."""

    name: str
    rows: tuple[str, ...]
    cols: tuple[str, ...]
    counts: Mapping[tuple[str, str], int]
    row_totals: bool = True
    col_totals: bool = True

    def __post_init__(self) -> None:
        if TOTAL in self.rows or TOTAL in self.cols:
            raise ValueError(f"{self.name}: {TOTAL!r} is reserved for the margins")
        if len(set(self.rows)) != len(self.rows) or len(set(self.cols)) != len(self.cols):
            raise ValueError(f"{self.name}: duplicate row or column key")
        for key, value in self.counts.items():
            if key[0] not in self.rows or key[1] not in self.cols:
                raise ValueError(f"{self.name}: {key} is not a cell of the table")
            if not isinstance(value, int) or value < 0:
                raise ValueError(f"{self.name}: {key} = {value!r} is not a count")

    def cell(self, row: str, col: str) -> Cell:
        return Cell(self.name, row, col)

    def row_total(self, row: str) -> Cell:
        return Cell(self.name, row, TOTAL)

    def col_total(self, col: str) -> Cell:
        return Cell(self.name, TOTAL, col)

    def grand_total(self) -> Cell:
        return Cell(self.name, TOTAL, TOTAL)

    def values(self) -> dict[Cell, int]:
        """Every published cell of the table, margins included, with its value."""
        found = {self.cell(r, c): int(self.counts.get((r, c), 0))
                 for r in self.rows for c in self.cols}
        if self.row_totals:
            for r in self.rows:
                found[self.row_total(r)] = sum(int(self.counts.get((r, c), 0))
                                               for c in self.cols)
        if self.col_totals:
            for c in self.cols:
                found[self.col_total(c)] = sum(int(self.counts.get((r, c), 0))
                                               for r in self.rows)
        if self.row_totals and self.col_totals:
            found[self.grand_total()] = sum(int(v) for v in self.counts.values())
        return found

    def relations(self) -> list[Relation]:
        """The margins' identities (rows, columns, and the grand total both ways)."""
        found: list[Relation] = []
        if self.row_totals:
            found += [link(self.row_total(r), (self.cell(r, c) for c in self.cols))
                      for r in self.rows]
        if self.col_totals:
            found += [link(self.col_total(c), (self.cell(r, c) for r in self.rows))
                      for c in self.cols]
        if self.row_totals and self.col_totals:
            found.append(link(self.grand_total(), (self.col_total(c) for c in self.cols)))
            found.append(link(self.grand_total(), (self.row_total(r) for r in self.rows)))
        return found


def cellwise(total_table: Table, part_tables: Sequence[Table]) -> list[Relation]:
    """``total_table[r, c] = sum of part_tables[r, c]`` for every cell all of them publish
    (margins included): YTD = Q1 + Q2 + Q3, or cumulative = previous cumulative + quarter."""
    parts = [t.values() for t in part_tables]
    found = []
    for cell in total_table.values():
        keys = [Cell(t.name, cell.row, cell.col) for t in part_tables]
        if all(k in p for k, p in zip(keys, parts, strict=True)):
            found.append(link(cell, keys))
    return found


@dataclass(frozen=True)
class Range:
    """The attacker's tightest integer range of a hidden cell; ``high`` None = unbounded."""

    low: int
    high: int | None

    @property
    def width(self) -> int | None:
        return None if self.high is None else self.high - self.low

    def spans(self, amount: int) -> bool:
        return self.high is None or self.high - self.low >= amount


@dataclass
class Suppressed:
    """The outcome of ``suppress`` (or ``greedy``)."""

    status: dict[Cell, Status]
    values: dict[Cell, int]
    ranges: dict[Cell, Range]
    threshold: int
    protection: int
    zero_complements: bool = False
    unprotected: tuple[Cell, ...] = ()
    optimal: bool = False
    rounds: int = 0
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)

    def shown(self, cell: Cell) -> int | None:
        """The value to print, or None for a hidden cell."""
        return self.values[cell] if self.status[cell] is Status.SHOWN else None

    @property
    def hidden(self) -> frozenset[Cell]:
        return frozenset(c for c, s in self.status.items() if s is not Status.SHOWN)

    def count(self, status: Status) -> int:
        return sum(1 for s in self.status.values() if s is status)


# ---------------------------------------------------------------------------------------------
# The published problem


@dataclass
class _Problem:
    values: dict[Cell, int]
    relations: list[Relation]
    of_cell: dict[Cell, list[int]]
    threshold: int
    zero_complements: bool

    @property
    def big(self) -> int:
        """An upper bound no bounded hidden cell can reach (beyond it = unbounded)."""
        return 4 * sum(self.values.values()) + 4 * self.threshold * len(self.values) + 1000


def _problem(tables: Sequence[Table], relations: Iterable[Relation], threshold: int,
             zero_complements: bool) -> _Problem:
    if threshold < 2:
        raise ValueError("threshold must be at least 2")
    values: dict[Cell, int] = {}
    every: list[Relation] = []
    for table in tables:
        own = table.values()
        if any(c.table == table.name for c in values):
            raise ValueError(f"two tables named {table.name!r}")
        values.update(own)
        every += table.relations()
    for rel in relations:
        for c in rel.cells():
            if c not in values:
                raise ValueError(f"relation cell {c} is not published by any table")
        if values[rel.total] != sum(values[p] for p in rel.parts):
            raise ValueError(f"relation does not add up: {rel.total} != sum of its parts")
        every.append(rel)
    of_cell: dict[Cell, list[int]] = defaultdict(list)
    for i, rel in enumerate(every):
        for c in set(rel.cells()):
            of_cell[c].append(i)
    return _Problem(values, every, dict(of_cell), threshold, zero_complements)


def _is_primary_value(value: int, threshold: int) -> bool:
    return 1 <= value < threshold


def _domain_intervals(prob: _Problem, status: Status, upper: int) -> list[tuple[int, int]]:
    """What the attacker allows a hidden cell of ``status`` (values, not deviations)."""
    if status is Status.PRIMARY:
        return [(1, prob.threshold - 1)]
    if prob.zero_complements:
        return [(0, 0), (prob.threshold, upper)]
    return [(prob.threshold, upper)]


def _components(prob: _Problem, hidden: set[Cell]) -> list[tuple[list[Cell], list[int]]]:
    """Connected groups of hidden cells (through relations) and the relations among them."""
    parent = {c: c for c in hidden}

    def find(c: Cell) -> Cell:
        while parent[c] != c:
            parent[c] = parent[parent[c]]
            c = parent[c]
        return c

    touched: set[int] = set()
    for c in hidden:
        touched.update(prob.of_cell.get(c, ()))
    for i in touched:
        members = [c for c in prob.relations[i].cells() if c in hidden]
        for other in members[1:]:
            a, b = find(members[0]), find(other)
            if a != b:
                parent[a] = b
    groups: dict[Cell, list[Cell]] = defaultdict(list)
    for c in sorted(hidden):
        groups[find(c)].append(c)
    rels: dict[Cell, list[int]] = defaultdict(list)
    for i in sorted(touched):
        first = next(c for c in prob.relations[i].cells() if c in hidden)
        rels[find(first)].append(i)
    return [(cells, rels[root]) for root, cells in groups.items()]


def _ranges(prob: _Problem, status: Mapping[Cell, Status], targets: Iterable[Cell] | None = None,
            need: Mapping[Cell, int] | None = None, hint: Mapping[Cell, int] | None = None,
            cache: dict[frozenset[Cell], _Group] | None = None) -> dict[Cell, Range]:
    """The attacker. Exact ranges of ``targets`` (default every hidden cell); with ``need``, a
    cell's search stops once the solutions seen already span its need (a check, not a range).
    ``hint`` only speeds the search up (the attacker's answers never depend on it); ``cache``
    keeps the groups between calls of one ``suppress`` (a group of the same hidden cells is the
    same problem, statuses being fixed per cell there)."""
    hidden = {c for c in prob.values if status.get(c, Status.SHOWN) is not Status.SHOWN}
    wanted = hidden if targets is None else set(targets) & hidden
    found: dict[Cell, Range] = {}
    for cells, rel_ids in _components(prob, hidden):
        todo = [c for c in cells if c in wanted]
        if not todo:
            continue
        key = frozenset(cells)
        group = cache.get(key) if cache is not None else None
        if group is None:
            group = _Group(prob, status, cells, rel_ids, hint)
            if cache is not None:
                cache[key] = group
        found.update(group.ranges(todo, need))
    return found


def _solution(lp: Any) -> Any:
    """The LP's values and duals in one call (much faster than one call per variable)."""
    from ortools.linear_solver import linear_solver_pb2

    response = linear_solver_pb2.MPSolutionResponse()
    lp.FillSolutionResponseProto(response)
    return response


class _Group:
    """One connected group of hidden cells: the LP relaxation (GLOP) answers each bound when its
    optimum is attained by an integer point that keeps every rule (then it is the integer
    optimum too); otherwise CP-SAT settles it exactly. Cells are numbered inside the group."""

    def __init__(self, prob: _Problem, status: Mapping[Cell, Status], cells: list[Cell],
                 rel_ids: list[int], hint: Mapping[Cell, int] | None) -> None:
        from ortools.linear_solver import pywraplp

        self.cells, self.hint = cells, hint
        self.big = prob.big
        index = {c: n for n, c in enumerate(cells)}
        self.domains = [_domain_intervals(prob, status[c], self.big) for c in cells]
        self.rows: list[tuple[list[tuple[int, int]], int]] = []  # sum(k * x[n]) == rhs
        for i in rel_ids:
            coeffs, rhs = [], 0
            for c, k in _terms(prob.relations[i]).items():
                if c in index:
                    coeffs.append((index[c], k))
                else:
                    rhs -= k * prob.values[c]
            self.rows.append((coeffs, rhs))
        lp = pywraplp.Solver.CreateSolver("GLOP")
        if lp is None:  # pragma: no cover - GLOP ships with OR-Tools
            raise RuntimeError("GLOP is not available")
        self.lp = lp
        self.x = [lp.NumVar(float(d[0][0]), float(d[-1][1]), "") for d in self.domains]
        for coeffs, rhs in self.rows:
            row = lp.Constraint(float(rhs), float(rhs))
            for n, k in coeffs:
                row.SetCoefficient(self.x[n], float(k))
        self.simple = all(len(d) == 1 for d in self.domains)
        self.cp: Any = None
        self.settled: dict[tuple[int, bool], int] = {}
        self.lows = [self.big] * len(cells)
        self.highs = [-1] * len(cells)

    def _seen(self, point: list[int]) -> None:
        lows, highs = self.lows, self.highs
        for n, v in enumerate(point):
            if v < lows[n]:
                lows[n] = v
            if v > highs[n]:
                highs[n] = v

    def _keeps_rules(self, point: list[int]) -> bool:
        for n, v in enumerate(point):
            d = self.domains[n]
            if self.simple:
                if not d[0][0] <= v <= d[0][1]:
                    return False
            elif not any(lo <= v <= hi for lo, hi in d):
                return False
        return all(sum(k * point[n] for n, k in coeffs) == rhs for coeffs, rhs in self.rows)

    def _bound(self, n: int, up: bool) -> int:
        if (n, up) not in self.settled:
            self.settled[n, up] = self._settle(n, up)
        return self.settled[n, up]

    def _settle(self, n: int, up: bool) -> int:
        from ortools.linear_solver import pywraplp

        objective = self.lp.Objective()
        objective.Clear()
        objective.SetCoefficient(self.x[n], 1.0)
        objective.SetOptimizationDirection(up)
        if self.lp.Solve() == pywraplp.Solver.OPTIMAL:
            value = objective.Value()
            best = math.floor(value + 1e-6) if up else math.ceil(value - 1e-6)
            point = [round(v) for v in _solution(self.lp).variable_value]
            if point[n] == best and self._keeps_rules(point):
                self._seen(point)
                return best
            if best == (self.highs[n] if up else self.lows[n]):  # an integer point reached it
                return best
        return self._exact(n, up)

    def _exact(self, n: int, up: bool) -> int:
        from ortools.sat.python import cp_model

        if self.cp is None:
            model = cp_model.CpModel()
            xs = [model.new_int_var_from_domain(
                cp_model.Domain.from_intervals([list(iv) for iv in d]), "")
                for d in self.domains]
            for coeffs, rhs in self.rows:
                model.add(sum(k * xs[m] for m, k in coeffs) == rhs)
            if self.hint is not None:
                for c, var in zip(self.cells, xs, strict=True):
                    model.add_hint(var, self.hint[c])
            solver = cp_model.CpSolver()
            solver.parameters.num_workers = 1
            solver.parameters.max_time_in_seconds = ATTACK_LIMIT
            self.cp = (model, xs, solver)
        model, xs, solver = self.cp
        if up:
            model.maximize(xs[n])
        else:
            model.minimize(xs[n])
        result = solver.solve(model)
        if result != cp_model.OPTIMAL:
            raise RuntimeError(f"attacker could not settle {self.cells[n]}: "
                               f"{solver.status_name(result)}")
        self._seen([int(solver.value(var)) for var in xs])
        return int(solver.objective_value)

    def ranges(self, todo: list[Cell], need: Mapping[Cell, int] | None) -> dict[Cell, Range]:
        found = {}
        index = {c: n for n, c in enumerate(self.cells)}
        for c in todo:
            n = index[c]
            dom_lo, dom_hi = self.domains[n][0][0], self.domains[n][-1][1]
            goal = None if need is None else need.get(c)

            def enough(n: int = n, goal: int | None = goal) -> bool:
                return (goal is not None and self.highs[n] >= 0
                        and self.highs[n] - self.lows[n] >= goal)

            hi = self.highs[n] if self.highs[n] == dom_hi or enough() else self._bound(n, True)
            lo = self.lows[n] if self.lows[n] == dom_lo or enough() else self._bound(n, False)
            if enough():
                lo, hi = min(lo, self.lows[n]), max(hi, self.highs[n])
            found[c] = Range(lo, None if hi >= self.big else hi)
        return found


def attack(tables: Sequence[Table], relations: Iterable[Relation],
           status: Suppressed | Mapping[Cell, Status], *, threshold: int = THRESHOLD,
           zero_complements: bool = False) -> dict[Cell, Range]:
    """The tightest integer range of every hidden cell from everything shown: shown values,
    every relation (the tables' margins and ``relations``), non-negative integers, PRIMARY in
    1..threshold-1, COMPLEMENTARY >= threshold (or 0 with ``zero_complements``). Exact: CP-SAT
    minimum and maximum of each cell on each connected group of hidden cells."""
    if isinstance(status, Suppressed):
        threshold, zero_complements = status.threshold, status.zero_complements
        status = status.status
    prob = _problem(tables, relations, threshold, zero_complements)
    for c in status:
        if c not in prob.values:
            raise ValueError(f"{c} is not published by any table")
    return _ranges(prob, status)


# ---------------------------------------------------------------------------------------------
# Choosing the hidden cells


def _start(prob: _Problem, fixed: Mapping[Cell, Status] | None) -> tuple[
        dict[Cell, Status], list[Cell]]:
    """The primary statuses (fixed ones kept) and the cells the solver may still hide."""
    status: dict[Cell, Status] = {}
    free: list[Cell] = []
    fixed = fixed or {}
    for c, v in prob.values.items():
        if c in fixed:
            s = fixed[c]
            if s is Status.PRIMARY and not _is_primary_value(v, prob.threshold):
                raise ValueError(f"{c} was published as primary but holds {v}")
            if s is not Status.PRIMARY and _is_primary_value(v, prob.threshold):
                raise ValueError(f"{c} holds {v} but was published as {s.value}")
            status[c] = s
        elif _is_primary_value(v, prob.threshold):
            status[c] = Status.PRIMARY
        else:
            status[c] = Status.SHOWN
            if v > 0 or prob.zero_complements:
                free.append(c)
    return status, free


def _requirements(status: Mapping[Cell, Status], fixed: Mapping[Cell, Status],
                  protection: int, threshold: int) -> dict[Cell, int]:
    widest = threshold - 2
    need = {}
    for c, s in status.items():
        if s is Status.PRIMARY:
            need[c] = max(0, min(protection, widest))
        elif s is Status.COMPLEMENTARY and c in fixed:
            need[c] = 1
    return {c: n for c, n in need.items() if n > 0}


def _support(prob: _Problem, start: Cell, movable: set[Cell]) -> set[Cell]:
    """Cells a witness for ``start`` may move: its group through relations over movable cells."""
    seen = {start}
    stack = [start]
    while stack:
        c = stack.pop()
        for i in prob.of_cell.get(c, ()):
            for other in prob.relations[i].cells():
                if other in movable and other not in seen:
                    seen.add(other)
                    stack.append(other)
    return seen


def _rooms(prob: _Problem, status: Status, v: int) -> tuple[int, int]:
    """How far a hidden cell may move up and down as far as its protection goes."""
    t = prob.threshold
    if status is Status.PRIMARY:
        return t - 1 - v, v - 1
    return DEVIATION, min(DEVIATION, v - t)


def _terms(rel: Relation) -> dict[Cell, int]:
    """``rel`` as ``sum(k * cell) == 0``."""
    terms: dict[Cell, int] = defaultdict(int)
    terms[rel.total] -= 1
    for part in rel.parts:
        terms[part] += 1
    return {c: k for c, k in terms.items() if k}


class _Cutter:
    """The attacker's LP on deviations d (d = 0 on shown cells), as Benders cuts: any multipliers
    of the relations bound ``max d_p <= sum_c w_c h_c`` for every hidden set h (weak duality),
    and at the current h the LP's own duals make it tight."""

    def __init__(self, prob: _Problem, status: Mapping[Cell, Status], movable: set[Cell]) -> None:
        from ortools.linear_solver import pywraplp

        self.prob = prob
        lp = pywraplp.Solver.CreateSolver("GLOP")
        if lp is None:  # pragma: no cover - GLOP ships with OR-Tools
            raise RuntimeError("GLOP is not available")
        self.lp = lp
        self.cells = sorted(movable)
        self.d = {c: lp.NumVar(0.0, 0.0, "") for c in self.cells}
        big, t = float(prob.big), prob.threshold
        self.up: dict[Cell, float] = {}
        self.down: dict[Cell, float] = {}
        for c in self.cells:
            v = prob.values[c]
            if status[c] is Status.PRIMARY:
                self.up[c], self.down[c] = float(t - 1 - v), float(v - 1)
            elif prob.zero_complements:
                self.up[c], self.down[c] = big, float(v)
            else:
                self.up[c], self.down[c] = big, float(v - t)
        self.rows: list[tuple[Any, dict[Cell, int]]] = []
        rel_ids = sorted({i for c in self.cells for i in prob.of_cell.get(c, ())})
        self.of_cell: dict[Cell, list[tuple[int, int]]] = defaultdict(list)
        for i in rel_ids:
            terms = {c: k for c, k in _terms(prob.relations[i]).items() if c in self.d}
            row = lp.Constraint(0.0, 0.0)
            for c, k in terms.items():
                row.SetCoefficient(self.d[c], float(k))
                self.of_cell[c].append((len(self.rows), k))
            self.rows.append((row, terms))

    def set_hidden(self, hidden: set[Cell]) -> None:
        for c, var in self.d.items():
            if c in hidden:
                var.SetBounds(-self.down[c], self.up[c])
            else:
                var.SetBounds(0.0, 0.0)

    def cut(self, p: Cell, up: bool, hidden: set[Cell]) -> tuple[float, dict[Cell, float]]:
        """The LP's furthest move of ``p`` (up or down) under ``hidden`` and the weights w of a
        cut ``move <= sum w_c h_c`` valid for every hidden set."""
        from ortools.linear_solver import pywraplp

        objective = self.lp.Objective()
        objective.Clear()
        objective.SetCoefficient(self.d[p], -1.0 if up else 1.0)
        objective.SetMinimization()
        if self.lp.Solve() != pywraplp.Solver.OPTIMAL:
            return math.inf, {}
        move = -objective.Value()
        products: dict[Cell, float] = defaultdict(float)  # (duals^T M)_c
        for (_, terms), dual in zip(self.rows, _solution(self.lp).dual_value, strict=True):
            if abs(dual) > 1e-12:
                for c, k in terms.items():
                    products[c] += dual * k
        products.setdefault(p, 0.0)
        best: tuple[float, dict[Cell, float]] = (math.inf, {})
        for sign in (1.0, -1.0):  # whichever sign convention the LP reports its duals in
            weights: dict[Cell, float] = {}
            for c, product in products.items():
                r = ((-1.0 if up else 1.0) if c == p else 0.0) - sign * product
                if r < -1e-9:
                    weights[c] = -r * self.up[c]
                elif r > 1e-9:
                    weights[c] = r * self.down[c]
            bound = sum(w for c, w in weights.items() if c in hidden)
            if bound < best[0]:
                best = (bound, weights)
        return move, best[1]


class _Chooser:
    """The CP-SAT model of the hidden set: covering rows, Benders cuts from the attacker's LP,
    and exact witnesses where the integer attacker is sharper than its LP."""

    def __init__(self, prob: _Problem, status: dict[Cell, Status], free: list[Cell],
                 need: dict[Cell, int]) -> None:
        self.prob, self.base, self.free, self.need = prob, status, free, need
        self.hidden_fixed = {c for c, s in status.items() if s is not Status.SHOWN}
        self.movable = self.hidden_fixed | set(free)
        self.witnessed: set[Cell] = set()
        self.cuts: list[tuple[Cell, bool, dict[Cell, int], int]] = []
        self.cutter = _Cutter(prob, {**status, **dict.fromkeys(free, Status.COMPLEMENTARY)},
                              self.movable)
        self.moves: dict[tuple[Cell, bool], int] = {}
        self.model: Any = None
        self.h: dict[Cell, Any] = {}

    def add_cuts(self, chosen: set[Cell], cells: Iterable[Cell]) -> set[Cell]:
        """Cuts for the protected ``cells`` whose LP move is short of what the master assumed;
        returns the cells that got one."""
        hidden = self.hidden_fixed | chosen
        self.cutter.set_hidden(hidden)
        added: set[Cell] = set()
        for p in sorted(cells):
            up_room, down_room = _rooms(self.prob, self.base[p], self.prob.values[p])
            for up, room in ((True, up_room), (False, down_room)):
                if room <= 0:
                    continue
                assumed = self.moves.get((p, up), room)
                if assumed <= 0:
                    continue
                move, weights = self.cutter.cut(p, up, hidden)
                if math.floor(move + 1e-6) >= assumed or not weights:
                    continue
                cap = CUT_SCALE * room
                scaled = {c: min(cap, math.ceil(CUT_SCALE * w + 1e-3)) for c, w in
                          weights.items() if w > 1e-12}
                const = min(cap, sum(w for c, w in scaled.items() if c in self.hidden_fixed))
                self.cuts.append((p, up, {c: w for c, w in scaled.items()
                                          if c not in self.hidden_fixed}, const))
                added.add(p)
        return added

    def reset(self) -> None:
        """Rebuild the model at the next solve (after the needs changed); cuts are kept."""
        self.model = None

    def _hidden(self, c: Cell) -> Any:
        return self.h.get(c, 1 if c in self.hidden_fixed else 0)

    def _build(self) -> None:
        from ortools.sat.python import cp_model

        prob = self.prob
        model = self.model = cp_model.CpModel()
        self.h = {c: model.new_bool_var(f"h{c}") for c in self.free}
        hidden = self._hidden
        for p in self.need:
            for i in prob.of_cell.get(p, ()):
                others = [hidden(c) for c in set(prob.relations[i].cells()) if c != p]
                free_others = [o for o in others if not isinstance(o, int)]
                if free_others and not any(isinstance(o, int) and o for o in others):
                    model.add(sum(free_others) >= 1)
        # A complement alone in a relation is pinned, protects nothing and is never optimal.
        for c in self.free:
            for i in prob.of_cell.get(c, ()):
                others = [hidden(o) for o in set(prob.relations[i].cells()) if o != c]
                if not any(isinstance(o, int) and o for o in others):
                    model.add(sum(o for o in others if not isinstance(o, int)) >= self.h[c])
        self.move_vars: dict[tuple[Cell, bool], Any] = {}
        for p in self.need:
            up_room, down_room = _rooms(prob, self.base[p], prob.values[p])
            a = self.move_vars[p, True] = model.new_int_var(0, max(0, up_room), "")
            b = self.move_vars[p, False] = model.new_int_var(0, max(0, down_room), "")
            model.add(a + b >= self.need[p])
        weight = 1 + sum(prob.values[c] for c in self.free)
        model.minimize(sum((weight + prob.values[c]) * self.h[c] for c in self.free))
        self.posted_cuts = 0
        self.posted_witnesses: set[Cell] = set()

    def _post(self) -> None:
        """Add the cuts and witnesses found since the last solve to the model."""
        prob, model, h = self.prob, self.model, self.h
        assert model is not None
        for p, up, weights, const in self.cuts[self.posted_cuts:]:
            if p in self.need:
                model.add(CUT_SCALE * self.move_vars[p, up] <= const + sum(
                    w * h[c] for c, w in weights.items() if c in h))
        self.posted_cuts = len(self.cuts)
        for p in sorted(self.witnessed - self.posted_witnesses):
            if p not in self.need:
                continue
            support = _support(prob, p, self.movable)
            for up in (True, False):
                d = {c: self._deviation(model, c, self._hidden(c)) for c in support}
                for i in {i for c in support for i in prob.of_cell.get(c, ())}:
                    expr = [k * d[c] for c, k in _terms(prob.relations[i]).items() if c in d]
                    if expr:
                        model.add(sum(expr) == 0)
                if up:
                    model.add(d[p] >= self.move_vars[p, True])
                else:
                    model.add(d[p] <= -self.move_vars[p, False])
        self.posted_witnesses |= self.witnessed

    def solve(self, time_limit: float, workers: int,
              hint: set[Cell] | None) -> tuple[set[Cell] | None, bool]:
        """The complementary cells chosen and whether proven optimal; (None, True) when
        proven infeasible, (None, False) when nothing was found in time."""
        from ortools.sat.python import cp_model

        if self.model is None:
            self._build()
        self._post()
        model = self.model
        model.clear_hints()
        if hint is not None:
            for c, var in self.h.items():
                model.add_hint(var, 1 if c in hint else 0)
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = max(0.05, time_limit)
        solver.parameters.num_workers = workers
        result = solver.solve(model)
        if result not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return None, result == cp_model.INFEASIBLE
        self.moves = {key: int(solver.value(var)) for key, var in self.move_vars.items()}
        return ({c for c, var in self.h.items() if solver.value(var)},
                result == cp_model.OPTIMAL)

    def _deviation(self, model: Any, c: Cell, hidden: Any) -> Any:
        """Deviation of ``c`` in a witness: 0 unless hidden, within what the attacker allows."""
        from ortools.sat.python import cp_model

        prob, t = self.prob, self.prob.threshold
        v = prob.values[c]
        primary = self.base[c] is Status.PRIMARY
        if isinstance(hidden, int) and not hidden:
            return 0
        if primary:
            lo, hi = 1 - v, t - 1 - v
            intervals = [[lo, hi]]
        else:
            lo, hi = max(t - v, -DEVIATION), DEVIATION
            intervals = [[lo, hi]] if v >= t else [[0, 0]]
            if prob.zero_complements:
                extra = [-v, -v] if v >= t else [t, DEVIATION]
                if -DEVIATION <= extra[0] <= extra[1]:
                    intervals = sorted([*intervals, extra])
                lo, hi = min(i[0] for i in intervals), max(i[1] for i in intervals)
        var = model.new_int_var_from_domain(cp_model.Domain.from_intervals(intervals), "")
        if not isinstance(hidden, int):
            model.add(var <= hi * hidden)
            model.add(var >= lo * hidden)
        return var


def _finish(prob: _Problem, status: dict[Cell, Status], fixed: Mapping[Cell, Status],
            need: dict[Cell, int], protection: int, unprotected: set[Cell], optimal: bool,
            rounds: int, started: float, timings: dict[str, float],
            cache: dict[frozenset[Cell], _Group] | None = None) -> Suppressed:
    """The final attack: drop pinned complements (they protect nothing), fill the ranges."""
    t0 = clock.perf_counter()
    ranges = _ranges(prob, status, hint=prob.values, cache=cache)
    pinned = [c for c, r in ranges.items()
              if status[c] is Status.COMPLEMENTARY and c not in fixed and not r.spans(1)]
    for c in pinned:  # the attacker's feasible set is the same with the cell shown
        status[c] = Status.SHOWN
        del ranges[c]
    unprotected |= {c for c, n in need.items() if not ranges[c].spans(n)}
    timings["final attack"] = clock.perf_counter() - t0
    return Suppressed(status, dict(prob.values), ranges, prob.threshold, protection,
                      prob.zero_complements, tuple(sorted(unprotected)), optimal, rounds,
                      clock.perf_counter() - started, timings)


def suppress(tables: Sequence[Table], relations: Iterable[Relation] = (), *,
             threshold: int = THRESHOLD, protection: int = PROTECTION,
             fixed: Mapping[Cell, Status] | None = None, zero_complements: bool = False,
             time_limit: float = 10.0, workers: int = WORKERS) -> Suppressed:
    """Primary and complementary suppression of the whole workbook (see the module docstring).

    ``time_limit`` bounds the CP-SAT time of all rounds together; the result always passes the
    attacker (cells that cannot are in ``unprotected``)."""
    started = clock.perf_counter()
    fixed = dict(fixed or {})
    prob = _problem(tables, relations, threshold, zero_complements)
    for c in fixed:
        if c not in prob.values:
            raise ValueError(f"fixed cell {c} is not published by any table")
    status, free = _start(prob, fixed)
    need = _requirements(status, fixed, protection, threshold)
    unprotected: set[Cell] = set()
    timings: dict[str, float] = defaultdict(float)
    cache: dict[frozenset[Cell], _Group] = {}
    reached = False
    chooser = _Chooser(prob, status, free, need)
    deadline = started + time_limit
    chosen: set[Cell] | None = None
    optimal = True
    rounds = 0
    while True:
        rounds += 1
        t0 = clock.perf_counter()
        picked, proven = chooser.solve(deadline - t0, workers, chosen)
        timings["choose"] += clock.perf_counter() - t0
        if picked is None and proven and not reached:  # some need cannot be met: lower it
            t0 = clock.perf_counter()
            _reach(prob, status, free, need, unprotected)
            chooser.reset()
            reached = True
            timings["reach"] += clock.perf_counter() - t0
            continue
        if picked is None:  # no solution in time: hide every candidate, the finish trims
            chosen, optimal = set(free), False
            break
        chosen, optimal = picked, optimal and proven
        trial = {**status, **{c: Status.COMPLEMENTARY for c in chosen}}
        t0 = clock.perf_counter()
        checked = _ranges(prob, trial, need.keys(), need=need, hint=prob.values, cache=cache)
        timings["check"] += clock.perf_counter() - t0
        failing = {c for c, n in need.items() if not checked[c].spans(n)}
        if not failing:
            break
        t0 = clock.perf_counter()
        cut = chooser.add_cuts(chosen, failing)
        timings["cuts"] += clock.perf_counter() - t0
        uncut = failing - cut  # the LP allows what the integers do not: exact witnesses
        if clock.perf_counter() >= deadline or (not cut and uncut <= chooser.witnessed):
            chosen, optimal = set(free), False
            break
        chooser.witnessed |= uncut
    final = {**status, **{c: Status.COMPLEMENTARY for c in chosen}}
    return _finish(prob, final, fixed, need, protection, unprotected, optimal, rounds, started,
                   timings, cache)


def _reach(prob: _Problem, status: Mapping[Cell, Status], free: list[Cell],
           need: dict[Cell, int], unprotected: set[Cell]) -> None:
    """Lower the needs no hidden set can meet to what hiding every other cell reaches."""
    everything = {**status, **dict.fromkeys(free, Status.COMPLEMENTARY)}
    best = _ranges(prob, everything, need.keys(), need=need, hint=prob.values)
    for c, n in list(need.items()):
        if not best[c].spans(n):
            unprotected.add(c)
            width = best[c].width or 0
            if width > 0:
                need[c] = width
            else:
                del need[c]


def greedy(tables: Sequence[Table], relations: Iterable[Relation] = (), *,
           threshold: int = THRESHOLD, protection: int = PROTECTION,
           fixed: Mapping[Cell, Status] | None = None,
           zero_complements: bool = False) -> Suppressed:
    """The naive baseline: while a relation holds exactly one hidden cell, hide its smallest
    shown cell; then, while the attacker pins a protected cell too tightly, hide the smallest
    shown cell of that cell's relations. Checked by the same attacker; never optimal."""
    started = clock.perf_counter()
    fixed = dict(fixed or {})
    prob = _problem(tables, relations, threshold, zero_complements)
    status, free = _start(prob, fixed)
    need = _requirements(status, fixed, protection, threshold)
    candidates = set(free)
    rounds = 0

    def smallest(rel_ids: Iterable[int]) -> Cell | None:
        shown = [c for i in rel_ids for c in prob.relations[i].cells()
                 if c in candidates and status[c] is Status.SHOWN]
        return min(shown, key=lambda c: (prob.values[c], c)) if shown else None

    def nearest(cell: Cell) -> Cell | None:
        """The smallest shown cell of the cell's relations, else of its hidden group's."""
        pick = smallest(prob.of_cell.get(cell, ()))
        if pick is None:
            group = _support(prob, cell, {c for c, s in status.items() if s is not Status.SHOWN})
            pick = smallest({i for c in group for i in prob.of_cell.get(c, ())})
        return pick

    unprotected: set[Cell] = set()
    while True:
        rounds += 1
        changed = True
        while changed:
            changed = False
            for i, rel in enumerate(prob.relations):
                if sum(1 for c in set(rel.cells()) if status[c] is not Status.SHOWN) == 1:
                    pick = smallest([i])
                    if pick is not None:
                        status[pick] = Status.COMPLEMENTARY
                        changed = True
        checked = _ranges(prob, status, need.keys(), need=need, hint=prob.values)
        failing = [c for c, n in need.items() if not checked[c].spans(n) and c not in unprotected]
        if not failing:
            break
        for c in failing:
            pick = nearest(c)
            if pick is None:
                unprotected.add(c)
            else:
                status[pick] = Status.COMPLEMENTARY
    ranges = _ranges(prob, status, hint=prob.values)
    return Suppressed(status, dict(prob.values), ranges, threshold, protection,
                      zero_complements, tuple(sorted(unprotected)), False, rounds,
                      clock.perf_counter() - started)
