"""``kdrt-desk export donor`` on the demo: the whole centre's workbook and one programme's
(``--funder``, spelt in any case), read back with openpyxl; the programme's covers fewer women
than the centre's; an unknown programme, a quarter in the future, a malformed quarter and a
target that is not .xlsx are refused in one translated line, and nothing is written."""

from __future__ import annotations

from pathlib import Path

from cli_harness import CliVault, assert_clean_failure, message
from openpyxl import load_workbook

FUNDER = "Hibah Dinas PPPA Kota Palembang 2026"


def _served(path: Path) -> object:
    """The year-to-date total of the kecamatan table (the first table on Peserta)."""
    sheet = load_workbook(path)["Peserta"]
    for row in sheet.iter_rows(values_only=True):
        if row[0] == "Jumlah":
            return row[2]
    raise AssertionError("no total row")


def test_the_centre_and_one_programme(demo_copy: CliVault, tmp_path: Path) -> None:
    centre = demo_copy.run("export", "donor", "--quarter", "2026Q3", "--out",
                           str(tmp_path / "pusat.xlsx"))
    assert centre.returncode == 0, centre.stderr
    assert str(tmp_path / "pusat.xlsx") in centre.stdout
    donor = demo_copy.run("export", "donor", "--quarter", "2026Q3", "--funder", FUNDER.lower(),
                          "--out", str(tmp_path / "hibah.xlsx"))
    assert donor.returncode == 0, donor.stderr
    summary = load_workbook(tmp_path / "hibah.xlsx")["Ringkasan"]
    assert FUNDER in str(summary["A2"].value)
    assert FUNDER not in str(load_workbook(tmp_path / "pusat.xlsx")["Ringkasan"]["A2"].value)
    whole, part = _served(tmp_path / "pusat.xlsx"), _served(tmp_path / "hibah.xlsx")
    assert isinstance(whole, int) and isinstance(part, int) and 0 < part < whole


def test_bad_requests_are_refused_in_one_line(demo_copy: CliVault, tmp_path: Path) -> None:
    unknown = demo_copy.run("export", "donor", "--quarter", "2026Q3", "--funder",
                            "Yayasan Tidak Ada", "--out", str(tmp_path / "a.xlsx"))
    line = assert_clean_failure(unknown, "Yayasan Tidak Ada")
    assert FUNDER in line
    future = demo_copy.run("export", "donor", "--quarter", "2031Q1", "--out",
                           str(tmp_path / "b.xlsx"))
    assert_clean_failure(future, message("error.donor_quarter_future", quarter="2031Q1"))
    malformed = demo_copy.run("export", "donor", "--quarter", "2026-13", "--out",
                              str(tmp_path / "c.xlsx"))
    assert_clean_failure(malformed, message("error.donor_quarter_format", value="2026-13"))
    wrong = demo_copy.run("export", "donor", "--quarter", "2026Q3", "--out",
                          str(tmp_path / "d.csv"))
    assert_clean_failure(wrong, ".xlsx")
    assert [p.name for p in tmp_path.iterdir() if p.suffix in (".xlsx", ".csv")] == []
