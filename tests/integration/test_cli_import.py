"""``kdrt-desk import participants`` through the real CLI: an .xlsx imported (audited, the vault
intact), problems one line each with row and column and nothing imported, ``--skip-invalid``
with its report, ``--dry-run``, ``--mapping``, a refused file in one translated line, and the
demo's ``participants list --format csv`` imported with no mapping into a fresh vault."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import openpyxl
from cli_harness import (
    DEMO_PARTICIPANTS,
    CliVault,
    assert_clean_failure,
    assert_vault_intact,
    make_env,
    message,
    run_cli,
)

from kdrt_desk.synthetic.participants import generate_participants

HEADERS = ["Nama", "NIK", "Tanggal lahir", "Umur", "No. HP", "Kecamatan", "Keterangan"]


def new_women_xlsx(path: Path, count: int, seed: int = 404) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADERS)
    for woman in generate_participants(count, seed=seed, today=date.today()):
        sheet.append([woman.full_name, woman.nik, woman.birth_date,
                      woman.estimated_age if woman.birth_date is None else None, woman.phone,
                      woman.kecamatan, "catatan lama"])
    book.save(path)
    return path


def test_an_xlsx_imports_and_the_vault_stays_intact(demo_copy: CliVault,
                                                    tmp_path: Path) -> None:
    path = new_women_xlsx(tmp_path / "daftar lama.xlsx", 20)
    result = demo_copy.run("import", "participants", "--file", str(path))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Diimpor: 20 dari 20 baris (0 dilewati)")
    assert "20 peserta perlu dilengkapi" in lines[0]
    assert_vault_intact(demo_copy, DEMO_PARTICIPANTS + 20)
    again = demo_copy.run("import", "participants", "--file", str(path), "--dry-run",
                          lang="en")
    assert again.returncode == 1  # now they are registered: the form's duplicate rule
    women = list(generate_participants(20, seed=404, today=date.today()))
    by_nik = sum(1 for w in women if w.nik)
    by_birth = sum(1 for w in women if not w.nik and w.birth_date)
    assert by_nik and by_birth
    assert again.stdout.count("Already registered as KD-") == by_nik
    assert again.stdout.count("Possibly already registered as KD-") == by_birth
    # with neither a NIK nor a date of birth (an age only) the form's rule cannot tell
    assert again.stdout.splitlines()[-1] == message(
        "cli.import.checked", "en", total=20, valid=20 - by_nik - by_birth,
        invalid=by_nik + by_birth)


def test_problems_stop_the_import_unless_skipped_with_a_report(demo_copy: CliVault,
                                                               tmp_path: Path) -> None:
    path = new_women_xlsx(tmp_path / "daftar.xlsx", 6, seed=405)
    book = openpyxl.load_workbook(path)
    sheet = book.active
    assert sheet is not None
    sheet["F3"] = "Jakarta"  # row 3: not a kecamatan of Palembang
    sheet["C5"], sheet["B5"] = "31/13/1990", ""  # row 5: no such month
    book.save(path)
    refused = demo_copy.run("import", "participants", "--file", str(path))
    assert refused.returncode == 1
    out = refused.stdout.splitlines()
    assert out[0].startswith("Baris 3, kolom \u201cKecamatan\u201d: ")
    assert out[1].startswith("Baris 5, kolom \u201cTanggal lahir\u201d: ")
    assert out[-1] == message("cli.import.refused", total=6, invalid=2)
    assert_vault_intact(demo_copy, DEMO_PARTICIPANTS)
    report = tmp_path / "dilewati.xlsx"
    skipped = demo_copy.run("import", "participants", "--file", str(path), "--skip-invalid",
                            "--report", str(report))
    assert skipped.returncode == 0, skipped.stderr
    assert "Diimpor: 4 dari 6 baris (2 dilewati)" in skipped.stdout
    book = openpyxl.load_workbook(report, read_only=True)
    rows = [tuple(r) for r in book.worksheets[0].iter_rows(values_only=True)]
    book.close()
    assert [r[:2] for r in rows[1:]] == [(3, "Kecamatan"), (5, "Tanggal lahir")]
    assert_vault_intact(demo_copy, DEMO_PARTICIPANTS + 4)


def test_a_mapping_file_and_a_refused_file(demo_copy: CliVault, tmp_path: Path) -> None:
    path = tmp_path / "lama.csv"
    women = [w for w in generate_participants(10, seed=406, today=date.today()) if w.nik][:3]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(["Ibu", "No KTP", "Kec"])
    for woman in women:
        writer.writerow([woman.full_name, woman.nik, woman.kecamatan])
    path.write_bytes(out.getvalue().encode("cp1252"))
    mapping = tmp_path / "pemetaan.json"
    mapping.write_text(json.dumps({"Ibu": "full_name"}), encoding="utf-8")
    result = demo_copy.run("import", "participants", "--file", str(path), "--mapping",
                           str(mapping))
    assert result.returncode == 0, result.stderr + result.stdout
    assert result.stdout.startswith("Diimpor: 3 dari 3 baris")
    locked = tmp_path / "terkunci.xlsx"
    locked.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 2000)
    refused = demo_copy.run("import", "participants", "--file", str(locked), lang="en")
    assert refused.returncode == 2
    assert_clean_failure(refused, message("error.import_protected", "en"))
    assert_vault_intact(demo_copy, DEMO_PARTICIPANTS + 3)


def test_the_register_list_imports_into_a_fresh_vault_with_no_mapping(
        demo: CliVault, tmp_path: Path) -> None:
    listed = demo.run("participants", "list", "--format", "csv")
    assert listed.returncode == 0, listed.stderr
    path = tmp_path / "register.csv"
    path.write_text(listed.stdout, encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(listed.stdout)))
    with_nik = [r for r in rows if r["nik"]]  # the list has no date of birth: the NIK has it
    keyring_file, data_dir = tmp_path / "keyring.json", tmp_path / "fresh"
    password = "Kata sandi impor 2026"
    env = make_env(keyring_file, tmp_path, KDRT_PASSWORD=password)
    init = run_cli("init", "--data-dir", str(data_dir), "--admin", "admin", "--centre",
                   "Pusat Uji Impor", "--address", "Jl. Impor 1", "--recovery-sheet",
                   str(tmp_path / "sheet.pdf"), env=env)
    assert init.returncode == 0, init.stderr
    fresh = CliVault(data_dir, keyring_file, password, tmp_path)
    result = fresh.run("import", "participants", "--file", str(path), "--skip-invalid")
    assert result.returncode == 0, result.stderr
    assert f"Diimpor: {len(with_nik)} dari {len(rows)} baris" in result.stdout
    again = fresh.run("participants", "list", "--format", "csv")
    imported = {(r["full_name"], r["nik"], r["kecamatan"], r["registered_on"])
                for r in csv.DictReader(io.StringIO(again.stdout))}
    assert imported == {(r["full_name"], r["nik"], r["kecamatan"], r["registered_on"])
                        for r in with_nik}
