"""``kdrt-desk export participants|attendance|assessments|full`` on the demo: files read back with
openpyxl, each role's columns and rows as the service gives them, the assessment scores and the
full export refused to roles without them in one translated line, the full export's warning when
unprotected, its password from ``KDRT_EXPORT_PASSWORD`` (an encrypted workbook that decrypts
with it), a zip of CSV files, and bad targets refused before a login."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import msoffcrypto
from cli_harness import CliVault, assert_clean_failure, message
from openpyxl import load_workbook

from kdrt_desk.services.work_exports import FULL_TABLES

EXPORT_PASSWORD = "sandi-berkas-ekspor-9"


def _header_and_count(path: Path) -> tuple[list[object], int]:
    book = load_workbook(path, read_only=True)
    try:
        rows = list(book.worksheets[0].iter_rows(values_only=True))
    finally:
        book.close()  # a read-only workbook keeps its file open until closed
    return list(rows[0]), len(rows) - 1


def test_the_work_exports_give_each_role_its_columns_and_rows(
        demo_copy: CliVault, tmp_path: Path) -> None:
    services = demo_copy.services("fasilitator")
    try:
        hers = len(services.participants.list_rows())
    finally:
        services.close()
    for user, out, header in (
            ("staf", "staf.xlsx", ["Kode", "Nama lengkap", "Nama panggilan", "NIK", "Telepon",
                                   "Status", "Kecamatan", "Tanggal daftar"]),
            ("fasilitator", "fasilitator.xlsx", ["Kode", "Nama lengkap", "Nama panggilan",
                                                 "Status", "Kecamatan", "Tanggal daftar"])):
        result = demo_copy.run("export", "participants", "--out", str(tmp_path / out),
                               user=user)
        assert result.returncode == 0, result.stderr
        columns, count = _header_and_count(tmp_path / out)
        assert columns == header
        assert count == (hers if user == "fasilitator" else 200)
        assert str(count) in result.stdout
    assert 0 < hers < 200
    attendance = demo_copy.run("export", "attendance", "--out", str(tmp_path / "hadir.xlsx"),
                               lang="en")
    assert attendance.returncode == 0, attendance.stderr
    columns, count = _header_and_count(tmp_path / "hadir.xlsx")
    assert columns[:3] == ["Group", "Module", "Module title"] and count > 0
    scores = demo_copy.run("export", "assessments", "--out", str(tmp_path / "skor.xlsx"),
                           user="konselor")
    assert scores.returncode == 0, scores.stderr
    columns, count = _header_and_count(tmp_path / "skor.xlsx")
    assert "Skor" in columns and count > 0


def test_roles_without_the_key_or_the_admin_role_are_refused_in_one_line(
        demo_copy: CliVault, tmp_path: Path) -> None:
    refused = demo_copy.run("export", "assessments", "--out", str(tmp_path / "s.xlsx"),
                            user="staf")
    assert_clean_failure(refused, message("error.export_assessments_restricted"))
    for user in ("konselor", "fasilitator"):
        full = demo_copy.run("export", "full", "--out", str(tmp_path / "f.xlsx"), user=user)
        assert_clean_failure(full, message("error.export_full_admin_only"))
    inside = demo_copy.run("export", "full", "--out", str(demo_copy.data_dir / "f.xlsx"))
    assert_clean_failure(inside)
    wrong = demo_copy.run("export", "participants", "--out", str(tmp_path / "p.csv"))
    assert_clean_failure(wrong, ".xlsx")
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file() and
                  p.suffix in (".xlsx", ".csv")) == []


def test_the_full_export_warns_when_unprotected_and_encrypts_with_the_password(
        demo_copy: CliVault, tmp_path: Path) -> None:
    plain = demo_copy.run("export", "full", "--out", str(tmp_path / "semua.xlsx"), lang="en")
    assert plain.returncode == 0, plain.stderr
    assert message("export.full.unprotected_warning", "en") in plain.stderr
    book = load_workbook(tmp_path / "semua.xlsx", read_only=True)
    try:
        assert len(book.sheetnames) == len(FULL_TABLES) + 1
        assert sum(1 for _ in book["Participants"].iter_rows()) == 201
    finally:
        book.close()

    locked = demo_copy.run("export", "full", "--out", str(tmp_path / "terkunci.xlsx"),
                           env=demo_copy.env(KDRT_EXPORT_PASSWORD=EXPORT_PASSWORD))
    assert locked.returncode == 0, locked.stderr
    assert message("export.full.unprotected_warning") not in locked.stderr
    assert message("cli.export.full_protected") in locked.stdout
    assert not zipfile.is_zipfile(tmp_path / "terkunci.xlsx")
    office = msoffcrypto.OfficeFile(io.BytesIO((tmp_path / "terkunci.xlsx").read_bytes()))
    office.load_key(password=EXPORT_PASSWORD)
    opened = io.BytesIO()
    office.decrypt(opened)
    decrypted = load_workbook(opened, read_only=True)
    try:
        assert sum(1 for _ in decrypted["Peserta"].iter_rows()) == 201
    finally:
        decrypted.close()

    asked = demo_copy.run("export", "full", "--protect", "--out", str(tmp_path / "x.xlsx"))
    assert_clean_failure(asked, "KDRT_EXPORT_PASSWORD")  # no terminal to ask at
    assert not (tmp_path / "x.xlsx").exists()


def test_a_zip_of_csv_files_and_no_password_for_it(demo_copy: CliVault, tmp_path: Path) -> None:
    done = demo_copy.run("export", "full", "--out", str(tmp_path / "semua.zip"))
    assert done.returncode == 0, done.stderr
    assert message("export.full.unprotected_warning") in done.stderr
    with zipfile.ZipFile(tmp_path / "semua.zip") as archive:
        assert "Peserta.csv" in archive.namelist()
        lines = archive.read("Peserta.csv").decode("utf-8-sig").splitlines()
    assert lines[0].startswith("id,code,") and len(lines) >= 201
    refused = demo_copy.run("export", "full", "--out", str(tmp_path / "kunci.zip"),
                            env=demo_copy.env(KDRT_EXPORT_PASSWORD=EXPORT_PASSWORD))
    assert_clean_failure(refused, message("error.export_zip_password"))
    assert not (tmp_path / "kunci.zip").exists()
