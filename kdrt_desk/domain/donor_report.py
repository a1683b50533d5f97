"""The quarterly donor report's vocabulary: the quarter, the count tables it publishes and the
figures over small groups it must hold back.

Pure (no database, no Qt). ``services.donor_report`` fills these from the vault (only women who
consented to anonymised statistics count); the suppression engine decides which cells are shown;
``reports.donor_workbook`` writes the workbook. A table's cells hold whole counts of women or of
events; ``people`` says which (only counts of women are suppressed below ``SMALL_COUNT``; a count of
sessions held says nothing about a woman). Every table over women has a total row; tables over the
same women in the same period share that total, which the suppression must know.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from kdrt_desk.errors import UserError

SMALL_COUNT = 5  # counts of women from 1 to 4 show as "<5"
AGE_BANDS = ((18, 24), (25, 44), (45, 59), (60, None))
UNKNOWN = "unknown"  # a row for women whose kecamatan/age is not recorded
TOTAL = "total"
QUARTER_COLUMN, YTD_COLUMN = "quarter", "ytd"
_QUARTER = re.compile(r"^\s*(\d{4})\s*-?\s*[Qq]\s*([1-4])\s*$")


@dataclass(frozen=True, order=True)
class Quarter:
    year: int
    number: int  # 1-4

    @classmethod
    def parse(cls, text: str) -> Quarter:
        """``2026Q3`` (also ``2026-Q3``, ``2026 q3``); a ``UserError`` saying the form otherwise."""
        found = _QUARTER.match(str(text or ""))
        if found is None:
            raise UserError("error.donor_quarter_format", field="quarter", value=str(text))
        return cls(int(found.group(1)), int(found.group(2)))

    @classmethod
    def of(cls, day: date) -> Quarter:
        return cls(day.year, (day.month - 1) // 3 + 1)

    @property
    def start(self) -> date:
        return date(self.year, 3 * self.number - 2, 1)

    @property
    def end(self) -> date:
        if self.number == 4:
            return date(self.year, 12, 31)
        return date.fromordinal(date(self.year, 3 * self.number + 1, 1).toordinal() - 1)

    @property
    def year_start(self) -> date:
        return date(self.year, 1, 1)

    def previous(self) -> Quarter:
        return Quarter(self.year, self.number - 1) if self.number > 1 else Quarter(
            self.year - 1, 4)

    def earlier_this_year(self) -> list[Quarter]:
        return [Quarter(self.year, n) for n in range(1, self.number)]

    def __str__(self) -> str:
        return f"{self.year}Q{self.number}"


def age_band(age: int | None) -> str:
    """The band label key of an age: "18-24", "25-44", "45-59", "60+", or ``UNKNOWN``."""
    if age is None or age < AGE_BANDS[0][0]:
        return UNKNOWN
    for low, high in AGE_BANDS:
        if high is None or age <= high:
            return f"{low}+" if high is None else f"{low}-{high}"
    return UNKNOWN


@dataclass(frozen=True)
class CountTable:
    """One published table: rows by columns of whole counts, with a total row.

    ``key`` names it (and its title in the catalogue: ``donor.table.<key>``); ``rows`` are the
    row keys in order (kecamatan names as stored, or enum values / band keys the writer labels);
    ``columns`` the column keys (``quarter`` and ``ytd``, or a breakdown). ``population`` names
    the women a column's total counts: tables with the same population and column publish the
    same total (the suppression links them). ``additive`` tables count events that do not repeat
    across quarters (new registrations, certificates issued): their year-to-date column is the
    sum of the quarters' columns.
    """

    key: str
    rows: tuple[str, ...]
    columns: tuple[str, ...]
    values: Mapping[tuple[str, str], int]
    people: bool = True
    population: str = ""
    additive: bool = False
    labelled_rows: bool = True  # rows are keys the writer translates (False: names as stored)

    def value(self, row: str, column: str) -> int:
        return int(self.values.get((row, column), 0))

    def total(self, column: str) -> int:
        return sum(self.value(r, column) for r in self.rows)


@dataclass(frozen=True)
class AmountRow:
    """A figure over ``n`` women (a mean score, a sum of Rupiah): held back when ``n`` is under
    ``SMALL_COUNT``, since a mean or a sum over two women says what each has."""

    key: str
    n: int
    value: float | None
    unit: str  # "rupiah", "points", "percent", "count"

    @property
    def shown(self) -> bool:
        return self.n >= SMALL_COUNT and self.value is not None


@dataclass(frozen=True)
class AmountTable:
    key: str
    rows: tuple[AmountRow, ...]


@dataclass(frozen=True)
class ScopeTables:
    """Another report of the same quarter whose figures an attacker may hold beside this one:
    the whole centre's (``funder`` "") or another programme's or donor's. Its count tables (and
    the summary's counts of women) as they would be published now, and the statuses its report
    published them with (none when it was not made yet)."""

    funder: str
    tables: tuple[CountTable, ...]
    amounts: tuple[AmountTable, ...]
    published: Mapping[tuple[str, str, str], str] = field(default_factory=dict)


@dataclass(frozen=True)
class DonorReportData:
    centre_name: str
    quarter: Quarter
    generated_on: date
    tables: tuple[CountTable, ...]
    amounts: tuple[AmountTable, ...]
    # earlier quarters of the year, as they are published (for the year-to-date relations)
    earlier: Mapping[str, tuple[CountTable, ...]] = field(default_factory=dict)
    withheld: tuple[str, ...] = ()  # parts this role may not compute (e.g. scores)
    module_titles: Mapping[str, str] = field(default_factory=dict)  # code -> title
    targets: Mapping[str, float] = field(default_factory=dict)  # indicator -> the year's target
    # what earlier reports published: quarter -> {(table, row, column): "shown" | "primary" |
    # "complementary"}; a cell hidden once stays hidden, one shown stays shown
    published: Mapping[str, Mapping[tuple[str, str, str], str]] = field(default_factory=dict)
    # the programme or donor the report covers ("" = the whole centre): only the groups it
    # funds, and the women who were members of them
    funder: str = ""
    # the quarter's other reports (the centre's beside a donor's, other donors'): their cells
    # minus this report's would give the women outside it, which must not be worked out either
    others: tuple[ScopeTables, ...] = ()
