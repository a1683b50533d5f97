"""The quarterly donor report as an Excel workbook, de-identified by design.

Data in (``DonorReportData``: counts and figures only, over women who consented to anonymised
statistics), bytes out. Sheets: the summary (the indicator chain for the quarter and the year to
date, with targets), participants, programme, services, charts and notes (every definition and
the suppression rule). Counts of women from 1 to 4 show as "<5"; more cells are hidden ("–")
wherever the totals, the other sheets or the year to date would let a hidden one be worked out:
``suppression_problem`` states everything the workbook publishes as tables and exact relations,
and ``reports.suppression.suppress`` chooses the fewest cells to hide across the whole workbook.
A figure over fewer than five women (a mean, a share, a sum of Rupiah) is held back.

Every text cell is written as text (``xlsx_text.set_text``), never a formula; the document's
properties hold no name; nothing is hidden in a sheet, a column or a comment.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from kdrt_desk.domain.donor_report import (
    QUARTER_COLUMN,
    SMALL_COUNT,
    UNKNOWN,
    YTD_COLUMN,
    AmountRow,
    AmountTable,
    CountTable,
    DonorReportData,
)
from kdrt_desk.errors import UserError
from kdrt_desk.i18n import format_date
from kdrt_desk.i18n.catalog import MESSAGES
from kdrt_desk.reports.suppression import (
    TOTAL,
    Cell,
    Relation,
    Status,
    Suppressed,
    Table,
    equal,
    link,
    suppress,
)
from kdrt_desk.reports.texts import text
from kdrt_desk.reports.xlsx_text import set_text

COLUMNS = (QUARTER_COLUMN, YTD_COLUMN)
SUMMARY_COUNTS = "summary_counts"  # the indicator counts of women, published on the summary
OTHER, REST = "other", "rest"  # name prefixes: another report of the quarter, its outside
WOMEN_COUNTS = ("modules_completed", "skills_passed", "psychosocial_services")
PRIMARY_MARK = "<5"
COMPLEMENT_MARK = "\u2013"
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
TITLE_FONT = Font(bold=True, size=14, color="1F4E79")
HEAD_FONT = Font(bold=True, color="FFFFFF")
BOLD = Font(bold=True)
RIGHT = Alignment(horizontal="right")
HEAD_LEFT = Alignment(wrap_text=True, vertical="center", horizontal="left")
HEAD_RIGHT = Alignment(wrap_text=True, vertical="center", horizontal="right")
WRAP_TOP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
SHEETS = {  # sheet -> the tables on it, in order
    "participants": ("participants_by_kecamatan", "participants_by_age",
                     "participants_by_status", "participants_by_track", "new_and_continuing"),
    "programme": ("sessions_by_module", "women_by_module", "certificates_by_module"),
    "services": ("services_by_kind",),
}
NUMBER_FORMATS = {"rupiah": '"Rp" #,##0', "percent": '0.0"%"', "points": '+0.00;-0.00;0.00',
                  "count": "#,##0"}
Report = Callable[[int, int], bool]


# -- what the workbook publishes, as the suppression sees it ------------------------------------
@dataclass(frozen=True)
class Problem:
    tables: list[Table]
    relations: list[Relation]


def _table(table: CountTable, name: str | None = None) -> Table:
    counts = {(r, c): table.value(r, c) for r in table.rows for c in table.columns}
    return Table(name or table.key, table.rows, table.columns, counts, row_totals=False,
                 col_totals=True)


def _summary_counts(amounts: Sequence[AmountTable], name: str = SUMMARY_COUNTS) -> Table:
    counts: dict[tuple[str, str], int] = {}
    for table, column in zip(amounts, COLUMNS, strict=True):
        for row in table.rows:
            if row.key in WOMEN_COUNTS and row.value is not None:
                counts[(row.key, column)] = int(row.value)
    return Table(name, WOMEN_COUNTS, COLUMNS, counts, row_totals=False, col_totals=False)


def _scope(tables: Sequence[CountTable], amounts: Sequence[AmountTable], prefix: str
           ) -> tuple[dict[str, Table], list[Relation]]:
    """One report's counts of women (keyed by table key) and the sums inside it: each table's
    total row, the same women behind every participant table, and the summary's women
    counselled = the services table's counselling row."""
    people = [t for t in tables if t.people and t.key != "new_participants"]
    found = {t.key: _table(t, prefix + t.key) for t in people}
    found[SUMMARY_COUNTS] = _summary_counts(amounts, prefix + SUMMARY_COUNTS)
    relations: list[Relation] = [r for t in found.values() for r in t.relations()]
    by_population: dict[str, list[Table]] = {}
    for source in people:
        if source.population:
            by_population.setdefault(source.population, []).append(found[source.key])
    for group in by_population.values():
        for other in group[1:]:
            relations += [equal(group[0].col_total(c), other.col_total(c)) for c in COLUMNS]
    if "services_by_kind" in found:
        relations += [equal(Cell(prefix + SUMMARY_COUNTS, "psychosocial_services", c),
                            Cell(prefix + "services_by_kind", "counselling", c))
                      for c in COLUMNS]
    return found, relations


def _rest(centre: Table, part: Table, name: str) -> tuple[Table, list[Relation]]:
    """The women a part (a donor's report) leaves out of the centre's cells: not published,
    but the difference of two published reports, so protected as if it were."""
    counts: dict[tuple[str, str], int] = {}
    for (row, _column), value in part.counts.items():
        if value and row not in centre.rows:
            raise ValueError(f"{part.name}: {row!r} is not a row of {centre.name}")
    for row in centre.rows:
        for column in centre.cols:
            left = centre.counts.get((row, column), 0) - part.counts.get((row, column), 0)
            if left < 0:
                raise ValueError(f"{part.name}: ({row}, {column}) exceeds the centre's count")
            counts[(row, column)] = left
    rest = Table(name, centre.rows, centre.cols, counts, row_totals=centre.row_totals,
                 col_totals=centre.col_totals)
    relations = rest.relations()
    for row in centre.rows:
        for column in centre.cols:
            parts = [rest.cell(row, column)]
            if row in part.rows:
                parts.insert(0, part.cell(row, column))
            relations.append(link(centre.cell(row, column), parts))
    return rest, relations


def suppression_problem(data: DonorReportData) -> Problem:
    """Every count of women the workbook publishes and every exact sum between them: the sums
    inside the report (``_scope``); for what only adds up over the year (new registrations,
    certificates), year to date = the earlier quarters (as published in their reports) + this
    quarter; and, beside the quarter's other reports (the centre's and other donors'), the
    centre's cells = a donor's + the women outside it, for every donor."""
    own, relations = _scope(data.tables, data.amounts, "")
    tables = list(own.values())
    for quarter, earlier in data.earlier.items():
        tables += [_table(t, f"{quarter}:{t.key}") for t in earlier]
    keys = {t.key for t in data.tables}
    for key, row_of in (("certificates_by_module", None), ("new_and_continuing", "new")):
        current = own.get(key)
        source_key = "new_participants" if key == "new_and_continuing" else key
        if current is None or source_key not in keys:
            continue  # a donor's report: her "new" is not a sum over its quarters
        rows = (row_of,) if row_of else (*current.rows, TOTAL)
        for row in rows:
            parts = [Cell(f"{q}:{source_key}", row, QUARTER_COLUMN) for q in data.earlier
                     if any(t.key == source_key for t in data.earlier[q])]
            relations.append(link(Cell(key, row, YTD_COLUMN),
                                  [*parts, Cell(key, row, QUARTER_COLUMN)]))
    centre = None if data.funder else own
    donors = [own] if data.funder else []
    for n, other in enumerate(data.others):
        found, inside = _scope(other.tables, other.amounts, f"{OTHER}{n}:")
        tables += found.values()
        relations += inside
        if other.funder:
            donors.append(found)
        else:
            centre = found
    for n, donor in enumerate(donors if centre is not None else []):
        assert centre is not None
        for key, whole in centre.items():
            if key in donor:
                rest, linked = _rest(whole, donor[key], f"{REST}{n}:{key}")
                tables.append(rest)
                relations += linked
    return Problem(tables, relations)


# -- writing ------------------------------------------------------------------------------------
class _Writer:
    def __init__(self, data: DonorReportData, lang: str, hidden: Suppressed) -> None:
        self.data = data
        self.lang = lang
        self.hidden = hidden
        self.book = Workbook()

    def t(self, key: str, **params: object) -> str:
        return text(self.lang, key, **params)

    def sheet(self, key: str, first: bool = False) -> Worksheet:
        title = self.t(f"donor.sheet.{key}")
        if first:
            sheet = self.book.active
            assert sheet is not None
            sheet.title = title
        else:
            sheet = self.book.create_sheet(title)
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        sheet.print_options.horizontalCentered = True
        return sheet

    def put(self, sheet: Worksheet, row: int, column: int, value: object,
            number_format: str = "", font: Font | None = None) -> None:
        cell = sheet.cell(row=row, column=column)
        if isinstance(value, str):
            set_text(cell, value)
        else:
            cell.value = value  # type: ignore[assignment]
            if number_format:
                cell.number_format = number_format
        if font is not None:
            cell.font = font

    def head(self, sheet: Worksheet, row: int, values: Sequence[str]) -> None:
        """A header row: the first column's label left, the figures' labels right."""
        for column, value in enumerate(values, start=1):
            self.put(sheet, row, column, value, font=HEAD_FONT)
            sheet.cell(row=row, column=column).fill = HEADER_FILL
            sheet.cell(row=row, column=column).alignment = HEAD_LEFT if column == 1 \
                else HEAD_RIGHT
        sheet.row_dimensions[row].height = 30

    def title(self, sheet: Worksheet, key: str) -> int:
        self.put(sheet, 1, 1, self.t(f"donor.sheet_title.{key}"), font=TITLE_FONT)
        self.put(sheet, 2, 1, self.t("donor.period", quarter=str(self.data.quarter),
                                     start=format_date(self.data.quarter.start, self.lang),
                                     end=format_date(self.data.quarter.end, self.lang),
                                     centre=self.data.centre_name)
                 + (self.t("donor.period_funder", funder=self.data.funder)
                    if self.data.funder else ""))
        # the report and its period stay in sight and head every printed page (the summary
        # freezes its own header row instead)
        sheet.freeze_panes = "A3"
        sheet.print_title_rows = "1:2"
        return 4

    # a count cell: its value, or the mark of its suppression
    def count(self, sheet: Worksheet, row: int, column: int, cell: Cell | None, value: int,
              people: bool) -> None:
        status = self.hidden.status.get(cell) if cell is not None and people else None
        if status is Status.PRIMARY:
            self.put(sheet, row, column, PRIMARY_MARK)
        elif status is Status.COMPLEMENTARY:
            self.put(sheet, row, column, COMPLEMENT_MARK)
        else:
            self.put(sheet, row, column, value, NUMBER_FORMATS["count"])
        sheet.cell(row=row, column=column).alignment = RIGHT

    def row_label(self, table: CountTable, row: str) -> str:
        if row == UNKNOWN:
            return self.t("donor.row.unknown")
        if not table.labelled_rows:
            if row == "programme":
                return self.t("donor.row.programme")
            title = self.data.module_titles.get(row, "")
            return f"{row} {title}".strip()
        if table.key == "participants_by_status":
            key = f"enum.ParticipantStatus.{row}"
            return self.t(key) if key in MESSAGES else row  # a status the app no longer has
        if table.key == "services_by_kind":
            return self.t(f"enum.ServiceKind.{row}")
        if table.key == "participants_by_track" and row in ("social", "economic"):
            return self.t(f"enum.Track.{row}")
        return self.t(f"donor.row.{row}")

    def count_table(self, sheet: Worksheet, row: int, table: CountTable) -> int:
        self.put(sheet, row, 1, self.t(f"donor.table.{table.key}"), font=BOLD)
        row += 1
        self.head(sheet, row, [self.t(f"donor.rowhead.{table.key}"),
                               self.t("donor.column.quarter"), self.t("donor.column.ytd")])
        row += 1
        for key in table.rows:
            self.put(sheet, row, 1, self.row_label(table, key))
            for n, column in enumerate(table.columns, start=2):
                self.count(sheet, row, n, Cell(table.key, key, column),
                           table.value(key, column), table.people)
            row += 1
        self.put(sheet, row, 1, self.t("donor.row.total"), font=BOLD)
        for n, column in enumerate(table.columns, start=2):
            self.count(sheet, row, n, Cell(table.key, TOTAL, column), table.total(column),
                       table.people)
            sheet.cell(row=row, column=n).font = BOLD
        return row + 2

    def amount(self, sheet: Worksheet, row: int, column: int, item: AmountRow | None) -> None:
        if item is None or item.value is None:
            self.put(sheet, row, column, "")
        elif item.unit == "count" and item.key in WOMEN_COUNTS:
            cell = Cell(SUMMARY_COUNTS, item.key, QUARTER_COLUMN if column == 3 else YTD_COLUMN)
            self.count(sheet, row, column, cell, int(item.value), True)
            return
        elif item.unit != "count" and item.n < SMALL_COUNT:
            self.put(sheet, row, column, self.t("donor.too_few"))
        else:
            self.put(sheet, row, column, item.value, NUMBER_FORMATS[item.unit])
        sheet.cell(row=row, column=column).alignment = RIGHT

    def indicator_name(self, code: str) -> str:
        kind, _, instrument = code.partition(".")
        if kind in ("score_change", "score_improved") and instrument:
            return self.t(f"indicator.{kind}", instrument=instrument)
        return self.t(f"indicator.{code}")

    def summary(self) -> None:
        sheet = self.sheet("summary", first=True)
        row = self.title(sheet, "summary")
        self.put(sheet, 3, 1, self.t("donor.generated", day=format_date(
            self.data.generated_on, self.lang)))
        self.head(sheet, row, [self.t("donor.column.indicator"), self.t("donor.column.stage"),
                               self.t("donor.column.quarter"), self.t("donor.column.ytd"),
                               self.t("donor.column.target")])
        sheet.freeze_panes = sheet.cell(row=row + 1, column=1)
        sheet.print_title_rows = f"{row}:{row}"
        quarter = {r.key: r for r in self.data.amounts[0].rows}
        ytd = {r.key: r for r in self.data.amounts[1].rows}
        stages = _stages()
        for code in quarter:
            row += 1
            self.put(sheet, row, 1, self.indicator_name(code))
            self.put(sheet, row, 2, self.t(f"indicator.stage.{stages.get(code, 'output')}"))
            self.amount(sheet, row, 3, quarter.get(code))
            self.amount(sheet, row, 4, ytd.get(code))
            target = self.data.targets.get(code)
            unit = quarter[code].unit
            if target is not None:
                self.put(sheet, row, 5, target, NUMBER_FORMATS.get(unit, "#,##0"))
        if self.data.withheld:
            row += 2
            self.put(sheet, row, 1, self.t("donor.withheld"))
        row += 2
        self.put(sheet, row, 1, self.t("donor.method_title"), font=BOLD)
        for line in ("donor.method.population", "donor.method.small", "donor.method.hidden",
                     "donor.method.notes"):
            row += 1
            self.put(sheet, row, 1, self.t(line, small=SMALL_COUNT))
        _widths(sheet, (52, 14, 16, 16, 18))

    def tables(self) -> None:
        by_key = {t.key: t for t in self.data.tables}
        for sheet_key, keys in SHEETS.items():
            sheet = self.sheet(sheet_key)
            row = self.title(sheet, sheet_key)
            for key in keys:
                if key in by_key:
                    row = self.count_table(sheet, row, by_key[key])
            self.put(sheet, row, 1, self.t("donor.marks", small=SMALL_COUNT))
            _widths(sheet, (46, 18, 24))

    def charts(self) -> None:
        sheet = self.sheet("charts")
        row = self.title(sheet, "charts")
        by_key = {t.key: t for t in self.data.tables}
        placed = 0
        for key in ("women_by_module", "sessions_by_module", "participants_by_age"):
            table = by_key.get(key)
            if table is None:
                continue
            first = row
            self.head(sheet, row, [self.t(f"donor.rowhead.{key}"), self.t("donor.column.ytd")])
            for entry in table.rows:
                row += 1
                self.put(sheet, row, 1, self.row_label(table, entry))
                value = table.value(entry, YTD_COLUMN)
                status = self.hidden.status.get(Cell(key, entry, YTD_COLUMN))
                # a hidden figure is never drawn: its bar is left out
                shown = value if not table.people or status in (None, Status.SHOWN) else None
                self.put(sheet, row, 2, shown if shown is not None else "",
                         NUMBER_FORMATS["count"])
            chart = BarChart()
            chart.type = "bar"
            chart.title = self.t(f"donor.table.{key}")
            chart.legend = None
            chart.add_data(Reference(sheet, min_col=2, min_row=first + 1, max_row=row),
                           titles_from_data=False)
            chart.set_categories(Reference(sheet, min_col=1, min_row=first + 1, max_row=row))
            chart.height, chart.width = 7.5, 16
            sheet.add_chart(chart, f"D{4 + placed * 16}")
            placed += 1
            row += 2
        _widths(sheet, (40, 14))

    def notes(self) -> None:
        sheet = self.sheet("notes")
        row = self.title(sheet, "notes")
        keys = ["served", "new", "age", "status", "track", "module", "certificates",
                "services", "indicators", "consent", "suppression", "complement", "few"]
        if self.data.funder:
            keys[0:1] = ["funder", "served_funder"]
        for key in keys:
            self.put(sheet, row, 1, self.t(f"donor.note.{key}.name"), font=BOLD)
            self.put(sheet, row, 2, self.t(f"donor.note.{key}", small=SMALL_COUNT,
                                           funder=self.data.funder))
            sheet.cell(row=row, column=2).alignment = WRAP_TOP
            sheet.cell(row=row, column=1).alignment = TOP
            row += 1
        _widths(sheet, (28, 100))

    def properties(self) -> None:
        props = self.book.properties
        props.title = self.t("donor.doc_title", quarter=str(self.data.quarter))
        props.creator = ""
        props.lastModifiedBy = ""
        props.subject = ""
        props.keywords = ""
        props.description = ""


def _widths(sheet: Worksheet, widths: Sequence[int]) -> None:
    for n, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(n)].width = width


def _stages() -> dict[str, str]:
    from kdrt_desk.domain.indicators import indicator_defs

    return {d.code: d.stage.value for d in indicator_defs(())} | {
        f"{kind}.{code}": "outcome" for kind in ("score_change", "score_improved")
        for code in ("WHO5", "GSE", "RSE")}


def published_cells(data: DonorReportData, problem: Problem) -> dict[Cell, Status]:
    """What earlier reports published, as the suppression's fixed cells: an earlier quarter's
    tables and the quarter's other reports as they showed them (shown stays shown, hidden stays
    hidden), and this report's cells hidden by an earlier run of it (they stay hidden; a new run
    may hide more)."""
    values: dict[Cell, int] = {}
    for table in problem.tables:
        values.update(table.values())
    fixed: dict[Cell, Status] = {}
    sources = [(key, cells, key == str(data.quarter)) for key, cells in data.published.items()]
    sources += [(f"{OTHER}{n}", other.published, False) for n, other in enumerate(data.others)]
    for prefix, cells, current in sources:
        for (key, row, column), name in cells.items():
            cell = Cell(key if current else f"{prefix}:{key}", row, column)
            status = Status(name)
            value = values.get(cell)
            if value is None or (current and status is Status.SHOWN):
                continue
            small = 1 <= value < SMALL_COUNT
            if (status is Status.PRIMARY) != small or (status is Status.SHOWN and small):
                continue  # the figure changed since (a late entry): decided again
            if status is Status.COMPLEMENTARY and value == 0:
                continue
            fixed[cell] = status
    return fixed


def statuses_to_keep(data: DonorReportData, hidden: Suppressed) -> dict[str, str]:
    """This quarter's published statuses, to store: ``{"table|row|column": status}``."""
    own = {t.key for t in data.tables}
    return {f"{c.table}|{c.row}|{c.col}": s.value for c, s in hidden.status.items()
            if c.table in own or c.table == SUMMARY_COUNTS}


def donor_workbook(data: DonorReportData, *, lang: str, report: Report | None = None,
                   time_limit: float = 10.0) -> tuple[bytes, Suppressed]:
    """The workbook and the suppression it was written with (for the audit's counts)."""
    steps = 3
    problem = suppression_problem(data)
    if report is not None and not report(1, steps):
        raise UserError("error.cancelled")
    hidden = suppress(problem.tables, problem.relations, threshold=SMALL_COUNT,
                      fixed=published_cells(data, problem), time_limit=time_limit)
    if report is not None and not report(2, steps):
        raise UserError("error.cancelled")
    writer = _Writer(data, lang, hidden)
    writer.summary()
    writer.tables()
    writer.charts()
    writer.notes()
    writer.properties()
    out = io.BytesIO()
    writer.book.save(out)
    if report is not None and not report(3, steps):
        raise UserError("error.cancelled")
    return out.getvalue(), hidden
