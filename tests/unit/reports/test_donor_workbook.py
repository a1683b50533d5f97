"""The donor workbook read back with openpyxl, as a donor (or an attacker) would: what it shows
is exactly what the suppression decided, and from everything shown (every total, the tables that
count the same women, the summary's counts, the earlier quarters) the attacker pins no hidden
count; no text cell is a formula, whatever the centre typed; nothing names anyone, in cells,
sheets or the document's properties."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date

from openpyxl import load_workbook

from kdrt_desk.domain.donor_report import (
    QUARTER_COLUMN,
    YTD_COLUMN,
    AmountRow,
    AmountTable,
    CountTable,
    DonorReportData,
    Quarter,
)
from kdrt_desk.reports.donor_workbook import (
    COMPLEMENT_MARK,
    PRIMARY_MARK,
    donor_workbook,
    suppression_problem,
)
from kdrt_desk.reports.suppression import TOTAL, Cell, Status, attack

COLS = (QUARTER_COLUMN, YTD_COLUMN)
NASTY = ("=HYPERLINK(\"http://x.example\",\"klik\")", "+cmd|' /C calc'!A0", "-1+1",
         "@SUM(A1:A2)", "\t=1+1", "\r=1+1")


def _table(key: str, rows: dict[str, tuple[int, int]], **extra: object) -> CountTable:
    values = {(r, c): v for r, pair in rows.items() for c, v in zip(COLS, pair, strict=True)}
    return CountTable(key, tuple(rows), COLS, values, **extra)  # type: ignore[arg-type]


def small_data(kecamatan: tuple[str, ...] = ("Plaju", "Sako", "Gandus", "Kemuning"),
               centre: str = "Pusat Uji", titles: dict[str, str] | None = None
               ) -> DonorReportData:
    """A centre with a few small kecamatan and modules: plenty to hide."""
    served = dict(zip(kecamatan, ((12, 20), (3, 6), (9, 14), (1, 2)), strict=False))
    total = tuple(sum(v[i] for v in served.values()) for i in (0, 1))
    ages = {"18-24": (2, 4), "25-44": (total[0] - 2 - 5, total[1] - 4 - 9), "45-59": (5, 9),
            "60+": (0, 0), "unknown": (0, 0)}
    status = {"enrolled": (total[0] - 3, total[1] - 5), "completed": (3, 5)}
    track = {"social": (4, 6), "economic": (2, 3), "both": (total[0] - 7, total[1] - 11),
             "none": (1, 2)}
    new = {"new": (6, 15), "continuing": (total[0] - 6, total[1] - 15)}
    tables = (
        _table("participants_by_kecamatan", served, population="served", labelled_rows=False),
        _table("participants_by_age", ages, population="served"),
        _table("participants_by_status", status, population="served"),
        _table("participants_by_track", track, population="served"),
        _table("new_and_continuing", new, population="served"),
        _table("new_participants", {"new": new["new"]}, additive=True),
        _table("sessions_by_module", {"SOS-01": (6, 14), "EKO-01": (2, 5)}, people=False,
               labelled_rows=False),
        _table("women_by_module", {"SOS-01": (14, 22), "EKO-01": (3, 7)},
               labelled_rows=False),
        _table("certificates_by_module", {"SOS-01": (2, 9), "EKO-01": (6, 6),
                                          "programme": (0, 3)}, additive=True,
               labelled_rows=False),
        _table("services_by_kind", {"counselling": (11, 19), "health": (2, 3),
                                    "legal_consultation": (6, 8)}),
    )
    earlier = {"2026Q1": (_table("new_participants", {"new": (4, 4)}, additive=True),
                          _table("certificates_by_module", {"SOS-01": (3, 3),
                                                            "EKO-01": (0, 0),
                                                            "programme": (1, 1)},
                                 additive=True, labelled_rows=False)),
               "2026Q2": (_table("new_participants", {"new": (5, 9)}, additive=True),
                          _table("certificates_by_module", {"SOS-01": (4, 7),
                                                            "EKO-01": (0, 0),
                                                            "programme": (2, 3)},
                                 additive=True, labelled_rows=False))}
    amounts = tuple(AmountTable(key, (
        AmountRow("sessions_held", 8, 8.0, "count"),
        AmountRow("psychosocial_services", n, float(n), "count"),
        AmountRow("modules_completed", 3, 3.0, "count"),
        AmountRow("score_change.WHO5", 4, 12.0, "points"),
        AmountRow("capital_disbursed", 7, 7_500_000.0, "rupiah")))
        for key, n in (("indicators_quarter", 11), ("indicators_ytd", 19)))
    return DonorReportData(centre, Quarter(2026, 3), date(2026, 10, 5), tables, amounts,
                           earlier, module_titles=titles or {"SOS-01": "Dukungan sebaya",
                                                             "EKO-01": "Menjahit"})


def _read(book: bytes, data: DonorReportData) -> dict[Cell, object]:
    """Every count cell as the file shows it, keyed as the writer's model names it."""
    from kdrt_desk.reports.texts import text

    wb = load_workbook(io.BytesIO(book))
    found: dict[Cell, object] = {}
    titles = {text("id", f"donor.table.{t.key}"): t for t in data.tables
              if t.key != "new_participants"}
    for sheet in wb.worksheets:
        current: CountTable | None = None
        row_keys: list[str] = []
        for row in sheet.iter_rows(values_only=True):
            first = row[0] if row else None
            if isinstance(first, str) and first in titles:
                current, row_keys = titles[first], []
                continue
            if current is None or first is None:
                current = None if first is None else current
                continue
            if len(row_keys) == len(current.rows) + 1:  # past the total row
                current = None
                continue
            if row[1] == text("id", "donor.column.quarter"):  # the header
                continue
            key = current.rows[len(row_keys)] if len(row_keys) < len(current.rows) else TOTAL
            row_keys.append(key)
            for column, value in zip(COLS, row[1:3], strict=True):
                found[Cell(current.key, key, column)] = value
    return found


def test_the_attacker_pins_no_hidden_count() -> None:
    data = small_data()
    book, hidden = donor_workbook(data, lang="id")
    shown = _read(book, data)
    problem = suppression_problem(data)
    read_status: dict[Cell, Status] = {}
    for cell, value in shown.items():
        if cell.table == "sessions_by_module":  # sessions, not women: never suppressed
            assert isinstance(value, int)
            continue
        if value == PRIMARY_MARK:
            read_status[cell] = Status.PRIMARY
        elif value == COMPLEMENT_MARK:
            read_status[cell] = Status.COMPLEMENTARY
        else:
            assert value == hidden.values[cell], cell  # a shown count is the true count
            read_status[cell] = Status.SHOWN
    expected = sum(2 * (len(t.rows) + 1) for t in data.tables
                   if t.people and t.key != "new_participants")
    assert len(read_status) == expected  # every count of women was found in the file
    # the file says what the suppression decided, cell by cell
    for cell, value in read_status.items():
        if cell.table != "sessions_by_module":
            assert hidden.status[cell] is value, cell
    assert any(s is Status.PRIMARY for s in read_status.values())
    assert any(s is Status.COMPLEMENTARY for s in read_status.values())
    # the attacker: everything published, including the earlier quarters and the summary
    status = {**hidden.status, **{c: s for c, s in read_status.items()
                                  if c.table != "sessions_by_module"}}
    ranges = attack(problem.tables, problem.relations, status)
    for cell, found in ranges.items():
        if status[cell] is Status.PRIMARY:
            assert found.spans(2), (cell, found)  # at least three values possible
        else:
            assert found.spans(1), (cell, found)
    # a count of 1..4 never shows as a number anywhere
    assert all(not (isinstance(v, int) and 1 <= v <= 4) for c, v in shown.items()
               if c.table != "sessions_by_module")


def test_a_naive_workbook_would_have_been_pinned() -> None:
    """The same tables with only the small counts hidden: the totals give them away."""
    data = small_data()
    problem = suppression_problem(data)
    _book, hidden = donor_workbook(data, lang="id")
    naive = {c: (Status.PRIMARY if s is Status.PRIMARY else Status.SHOWN)
             for c, s in hidden.status.items()}
    ranges = attack(problem.tables, problem.relations, naive)
    assert any(not r.spans(2) for c, r in ranges.items() if naive[c] is Status.PRIMARY)


def test_no_text_cell_is_a_formula_whatever_was_typed() -> None:
    data = small_data(kecamatan=NASTY[:4], centre=NASTY[0],
                      titles={"SOS-01": NASTY[1], "EKO-01": NASTY[4]})
    book, _hidden = donor_workbook(data, lang="en")
    wb = load_workbook(io.BytesIO(book))
    texts = set()
    for sheet in wb.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    texts.add(cell.value)
    assert set(NASTY[:4]) <= texts
    with zipfile.ZipFile(io.BytesIO(book)) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
        assert not any(b"<f>" in archive.read(n) for n in sheets)


def test_nothing_hidden_and_no_name_in_the_properties() -> None:
    data = small_data(centre="Pusat Uji")
    book, _hidden = donor_workbook(data, lang="id")
    wb = load_workbook(io.BytesIO(book))
    assert [s.sheet_state for s in wb.worksheets] == ["visible"] * len(wb.worksheets)
    assert [s.title for s in wb.worksheets] == ["Ringkasan", "Peserta", "Program", "Layanan",
                                                "Grafik", "Catatan"]
    for sheet in wb.worksheets:
        assert not any(d.hidden for d in sheet.column_dimensions.values())
        assert not any(d.hidden for d in sheet.row_dimensions.values())
        assert int(sheet.page_setup.paperSize) == int(sheet.PAPERSIZE_A4)
        # a frozen head and repeated rows on every printed page: the summary's column
        # header, elsewhere the report's title and period
        assert sheet.freeze_panes == ("A5" if sheet.title == "Ringkasan" else "A3")
        assert sheet.print_title_rows == ("$4:$4" if sheet.title == "Ringkasan" else "$1:$2")
    props = wb.properties
    assert (props.creator or "") == "" and (props.lastModifiedBy or "") == ""
    assert props.title == "Laporan triwulanan 2026Q3"
    with zipfile.ZipFile(io.BytesIO(book)) as archive:
        names = archive.namelist()
        assert not [n for n in names if "comments" in n]
        core = archive.read("docProps/core.xml").decode()
        assert not re.search(r"<dc:creator>[^<]", core)
    assert len(wb["Grafik"]._charts) == 3  # noqa: SLF001 - openpyxl keeps charts there
